"""The corruption complaint handling manual (plan step 33/5.8), written from the flow.

The plan asks for a manual kept apart from the general complaints manual, with at least
(๑) how an outsider files a complaint, (๒) the handling steps, (๓) the unit and officers
in charge and (๔) the time frames. Its headings are the plan's words; everything else
comes from the flow definition and the settings in force (:mod:`integrity_flows.manual`).
"""

from __future__ import annotations

from integrity_flows.calendars import thai_digits
from integrity_flows.complaints.desk import COMPLAINT_FLOW
from integrity_flows.complaints.tracking import CODE_DIGITS
from integrity_flows.definition.model import Label
from integrity_flows.engine.runtime import Engine
from integrity_flows.manual import Document, ManualText, write_manual

COMPLAINT_MANUAL = ManualText(
    title=Label(
        "คู่มือการดำเนินการต่อเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่",
        "Manual for handling complaints of corruption and misconduct by officials",
    ),
    filing=Label("(๑) วิธีการที่บุคคลภายนอกจะทำการร้องเรียน", "(1) How an outsider files a complaint"),
    steps=Label("(๒) ขั้นตอนวิธีการจัดการเรื่องร้องเรียน", "(2) The steps of handling a complaint"),
    responsible=Label("(๓) ส่วนงาน เจ้าหน้าที่ผู้รับผิดชอบ", "(3) The unit and officers in charge"),
    time_frames=Label("(๔) ระยะเวลาในการดำเนินการ", "(4) Time frames"),
    filing_note=Label(
        "ช่องทางร้องเรียนการทุจริตแยกจากช่องทางร้องเรียนทั่วไป ผู้ร้องเรียนจะเปิดเผยชื่อหรือไม่ประสงค์ออกนามก็ได้ "
        f"เมื่อยื่นเรื่องแล้วจะได้รับรหัสติดตามเรื่อง {thai_digits(str(CODE_DIGITS))} หลักเพียงครั้งเดียว "
        "ใช้ติดตามสถานะและอ่านข้อความจากหน่วยงานได้ด้วยตนเอง โดยไม่ต้องมีบัญชีผู้ใช้และไม่ต้องเปิดเผยตัว "
        "หน่วยงานเก็บรหัสไว้เพียงค่าแฮช จึงแจ้งรหัสซ้ำไม่ได้หากสูญหาย โปรดเก็บรหัสไว้เป็นความลับ",
        "The corruption complaint channel is kept apart from the general complaint channels. "
        "A complainant may give their name or stay anonymous. On filing, they receive a "
        f"{CODE_DIGITS}-digit tracking code, once: with it they follow the complaint and read "
        "the organization's messages themselves, without an account and without saying who "
        "they are. The organization keeps only a hash of the code and cannot tell it again "
        "if it is lost: keep it secret.",
    ),
    targets={
        "close_within_days": Label(
            "ทั้งกระบวนการ ตั้งแต่รับเรื่องจนยุติเรื่อง", "the whole handling, from receipt to closing"
        ),
    },
)


def complaint_manual(
    engine: Engine, *, lang: str = "th", unit: str | None = None, flow_id: str = COMPLAINT_FLOW
) -> Document:
    """The handling manual, from the loaded flow and the engine's settings (overrides applied)."""
    definition = engine.flows.get(flow_id)
    return write_manual(
        definition, settings=engine.settings(flow_id), lang=lang, text=COMPLAINT_MANUAL, unit=unit
    )


__all__ = ["COMPLAINT_MANUAL", "complaint_manual"]
