"""A flow's handling manual, written from the loaded flow and the settings in force.

The manual's own words (the headings the plan prints, a note on filing, targets without a
deadline) come from the flow's ``manual:`` block; everything else from its states,
transitions, roles and settings (:mod:`integrity_flows.manual`). A flow whose cases are
followed by a tracking code (``tracking:``) also tells the public how the code works.
"""

from __future__ import annotations

from integrity_flows.calendars import thai_digits
from integrity_flows.complaints.tracking import CODE_DIGITS
from integrity_flows.definition.model import Label
from integrity_flows.engine.runtime import Engine
from integrity_flows.manual import Document, write_manual

TRACKING_NOTE = Label(
    f"เมื่อยื่นเรื่องแล้ว ผู้ยื่นเรื่องจะได้รับรหัสติดตามเรื่อง {thai_digits(str(CODE_DIGITS))} หลักเพียงครั้งเดียว "
    "ใช้ติดตามสถานะและอ่านข้อความจากหน่วยงานได้ด้วยตนเอง โดยไม่ต้องมีบัญชีผู้ใช้และไม่ต้องเปิดเผยตัว "
    "หน่วยงานเก็บรหัสไว้เพียงค่าแฮช จึงแจ้งรหัสซ้ำไม่ได้หากสูญหาย โปรดเก็บรหัสไว้เป็นความลับ",
    f"Whoever files a case receives a {CODE_DIGITS}-digit tracking code, once: with it they "
    "follow the case and read the organization's messages themselves, without an account and "
    "without saying who they are. The organization keeps only a hash of the code and cannot "
    "tell it again if it is lost: keep it secret.",
)


def flow_manual(
    engine: Engine, flow_id: str, *, lang: str = "th", unit: str | None = None
) -> Document:
    """The handling manual of ``flow_id``, from the loaded flow and the engine's settings
    (host overrides applied)."""
    definition = engine.flows.get(flow_id)
    notes = (TRACKING_NOTE,) if definition.tracking is not None else ()
    return write_manual(
        definition, settings=engine.settings(flow_id), lang=lang, notes=notes, unit=unit
    )


__all__ = ["TRACKING_NOTE", "flow_manual"]
