"""Actors, data and shortcuts shared by the complaint tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from integrity_flows import Actor, Engine
from integrity_flows.case import Case
from integrity_flows.complaints import ComplaintDesk, Filed, Throttle

# 2 October 2566 (B.E.), 09:00 Thai time: fiscal year 2567.
T0 = datetime(2023, 10, 2, 2, 0, tzinfo=UTC)
FLOW = "corruption_complaint"

WEB = Actor("web-form", roles={"online_channel"})
KANDA = Actor("kanda", roles={"complaint_officer"}, unit="สำนักปลัด")
SOMPONG = Actor("sompong", roles={"executive"}, unit="สำนักปลัด")
SOMSAK = Actor("somsak", roles={"fact_finding_officer"}, unit="กองช่าง")
PRANEE = Actor("pranee", roles={"fact_finding_officer"}, unit="กองคลัง")
MANOP = Actor("manop", roles={"inquiry_committee"}, unit="กองการเจ้าหน้าที่")

NAME = "นายสมปอง ใจดี"
PHONE = "081 234 5678"


def anonymous(**extra: Any) -> dict[str, Any]:
    """An anonymous online complaint."""
    return {"channel": "online", "anonymous": True, "details": "เรียกรับเงิน", **extra}


def named(**extra: Any) -> dict[str, Any]:
    """A named complaint received by letter."""
    return {
        "channel": "letter",
        "complainant_name": NAME,
        "complainant_phone": PHONE,
        "details": "จัดซื้อวัสดุราคาสูง",
        **extra,
    }


def quiet_desk(engine: Engine) -> ComplaintDesk:
    """A desk whose throttle never sleeps."""
    return ComplaintDesk(engine, throttle=Throttle(sleep=lambda _: None))


def file(engine: Engine, actor: Actor = WEB, **data: Any) -> Filed:
    """File a complaint (anonymous online unless data says otherwise)."""
    return quiet_desk(engine).file(actor=actor, data=data or anonymous())


def say(text: str) -> dict[str, str]:
    """The data of a message to the complainant."""
    return {"complainant_messages": text}


def screened(unit: str = "กองช่าง", topic: str = "bribery") -> dict[str, str]:
    """The data of accepting a complaint about somchai, an official of ``unit``, on ``topic``."""
    return {
        "accused": "somchai",
        "accused_unit": unit,
        "accused_position": "official",
        "confirmed_topic": topic,
        "screening_note": "มีมูล",
        **say("รับเรื่อง"),
    }


def accepted(engine: Engine, case_id: str, unit: str = "กองช่าง") -> Case:
    """Acknowledge and accept a complaint about somchai of ``unit`` (confirmed: bribery)."""
    engine.fire(case_id, "acknowledge", actor=KANDA, data=say("ได้รับเรื่องแล้ว"))
    return engine.fire(case_id, "accept", actor=KANDA, data=screened(unit))


def investigating(engine: Engine, case_id: str) -> Case:
    """Take a complaint to fact-finding by pranee."""
    accepted(engine, case_id)
    engine.fire(
        case_id, "assign", actor=SOMPONG, data={"investigator": "pranee", "assignment_order": "1"}
    )
    return engine.fire(case_id, "take_up", actor=PRANEE, data=say("เริ่มสืบสวน"))
