"""Actors, dates and shortcuts shared by the engine-level tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.calendars import fiscal_year
from integrity_flows.case import Case
from integrity_flows.errors import UnknownFlow

# 1 October 2566 (B.E.), 10:00 Thai time: the first day of fiscal year 2567.
T0 = datetime(2023, 10, 1, 3, 0, tzinfo=UTC)

SOMCHAI = Actor("somchai", roles={"staff"}, unit="กองคลัง")
SOMSRI = Actor("somsri", roles={"staff"}, unit="กองช่าง")
KANYA = Actor("kanya", roles={"custodian"}, unit="กองพัสดุและทรัพย์สิน")
SOMYING = Actor("somying", roles={"approver"})
BOSS = Actor("boss", roles={"executive"})
INSPECTOR = Actor("inspector", roles={"inspector"})
OUTSIDER = Actor("outsider", roles={"public"})
# Holds the approving role and may also ask to borrow: separation of duties applies.
APPROVER_STAFF = Actor("prasert", roles={"staff", "approver"})

PHONE = "0812345678"


ANNOUNCED = ["announced", "manual_ready", "publicised", "monitoring", "reported"]


def announce_rules(engine: Engine, year: int | None = None) -> Engine:
    """The rules on using and borrowing government property announced for ``year`` (the
    fiscal year of the engine's clock unless given): the asset_rules case of plan project
    13, step 5.1, without which no loan is approved. Does nothing when they already are, or
    when the engine has no such flow."""
    try:
        engine.flows.get("asset_rules")
    except UnknownFlow:
        return engine
    fy = year if year is not None else fiscal_year(engine.clock())
    if engine.store.holders("asset_rules", "fiscal_year", str(fy), ANNOUNCED):
        return engine
    rules = engine.start("asset_rules", actor=KANYA, data={"fiscal_year": fy})
    engine.fire(
        rules.id,
        "submit_rules",
        actor=KANYA,
        data={
            "announcement_title": "ระเบียบการใช้และการยืมทรัพย์สินของราชการ",
            "borrow_form": "แบบขออนุญาตยืมทรัพย์สิน",
            "covers_outsiders": True,
        },
    )
    engine.fire(rules.id, "approve_rules", actor=BOSS, data={"announcement_no": "1/2566"})
    return engine


def announce_rules_in(db: Any, year: int = 2567) -> None:
    """The year's rules announced in the SQLite file ``db``, for the command-line tests."""
    with Engine.open(f"sqlite:///{db}", clock=FixedClock(T0), entry_points=False) as engine:
        announce_rules(engine, year)


def request(item: str = "รถยนต์ส่วนกลาง กข-1234", **extra: Any) -> dict[str, Any]:
    """Start data for an asset loan."""
    return {"item": item, "purpose": "ประชุมนอกสถานที่", "return_date": "10 ตุลาคม 2566", **extra}


def lend(engine: Engine, requester: Any = SOMCHAI, **extra: Any) -> Case:
    """A case of asset_lending taken up to on_loan (the year's rules announced first)."""
    announce_rules(engine)
    case = engine.start("asset_lending", actor=requester, data=request(**extra))
    case = engine.fire(case.id, "check", actor=KANYA)
    case = engine.fire(case.id, "approve", actor=SOMYING)
    return engine.fire(
        case.id,
        "hand_over",
        actor=KANYA,
        data={"register_no": f"R-{case.id[-6:]}", "condition_out": "ดี"},
    )
