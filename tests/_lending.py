"""Actors, dates and shortcuts shared by the engine-level tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from integrity_flows import Actor, Engine
from integrity_flows.case import Case

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


def request(item: str = "รถยนต์ส่วนกลาง กข-1234", **extra: Any) -> dict[str, Any]:
    """Start data for an asset loan."""
    return {"item": item, "purpose": "ประชุมนอกสถานที่", "return_date": "10 ตุลาคม 2566", **extra}


def lend(engine: Engine, requester: Any = SOMCHAI, **extra: Any) -> Case:
    """A case of asset_lending taken up to on_loan."""
    case = engine.start("asset_lending", actor=requester, data=request(**extra))
    case = engine.fire(case.id, "check", actor=KANYA)
    case = engine.fire(case.id, "approve", actor=SOMYING)
    return engine.fire(
        case.id,
        "hand_over",
        actor=KANYA,
        data={"register_no": f"R-{case.id[-6:]}", "condition_out": "ดี"},
    )
