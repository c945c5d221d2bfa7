"""Load-time checks of a flow's ``tracking:`` and ``manual:`` blocks.

``tracking.code`` must be a required, hashed text field (its keyed hash is all the store
keeps of the code) that the store indexes (the desk finds a case by it);
``tracking.messages`` a list field. ``manual.targets`` must name settings of the flow.
"""

from __future__ import annotations

from collections.abc import Iterator

from integrity_flows.definition.model import FlowDefinition
from integrity_flows.loading.hints import hint as _hint

Found = tuple[str, str, str]  # path, English, Thai

_TEXT = ("string", "text")


def tracking_problems(d: FlowDefinition) -> list[Found]:
    """Every problem with ``d.tracking`` and ``d.manual`` (none when absent)."""
    return [*_tracking(d), *_manual(d)]


def _tracking(d: FlowDefinition) -> Iterator[Found]:
    t = d.tracking
    if t is None:
        return
    code = d.data.get(t.code)
    if code is None:
        en, th = _hint(t.code, d.data)
        yield (
            "tracking.code",
            f"unknown data field '{t.code}'{en}",
            f"ไม่พบข้อมูล '{t.code}'{th}",
        )
    elif code.type not in _TEXT or not code.hashed or not code.required or not code.indexed:
        yield (
            "tracking.code",
            f"field '{t.code}' holds the tracking code: it must be a required, hashed and "
            "indexed text field",
            f"ข้อมูล '{t.code}' เก็บรหัสติดตามเรื่อง ต้องเป็นข้อความที่จำเป็น เก็บเป็นค่าแฮช และทำดัชนีไว้",
        )
    if t.messages is None:
        return
    messages = d.data.get(t.messages)
    if messages is None:
        en, th = _hint(t.messages, d.data)
        yield (
            "tracking.messages",
            f"unknown data field '{t.messages}'{en}",
            f"ไม่พบข้อมูล '{t.messages}'{th}",
        )
    elif messages.type != "list" or messages.sensitive or messages.hashed:
        yield (
            "tracking.messages",
            f"field '{t.messages}' holds the messages the code's holder reads: it must be a "
            "list field, neither sensitive nor hashed",
            f"ข้อมูล '{t.messages}' เก็บข้อความที่ผู้ถือรหัสอ่านได้ ต้องเป็นรายการ และไม่เป็นข้อมูลอ่อนไหวหรือค่าแฮช",
        )


def _manual(d: FlowDefinition) -> Iterator[Found]:
    if d.manual is None:
        return
    for name in d.manual.targets:
        if name not in d.settings:
            en, th = _hint(name, d.settings)
            yield (
                f"manual.targets.{name}",
                f"unknown setting '{name}'{en}",
                f"ไม่พบค่าตั้ง '{name}'{th}",
            )
