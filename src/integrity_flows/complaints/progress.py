"""What a complainant sees through the tracking code: the stage, the dates, the messages.

Nothing else: no case id, no state id, no officer, no internal note. Dates are shown in
the Buddhist Era (Thai time); the messages are those the officers wrote for the
complainant, each dated by the audit event that recorded it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import attrs

from integrity_flows.audit.records import AuditEvent
from integrity_flows.calendars import english_date, thai_date
from integrity_flows.case import Case
from integrity_flows.definition.model import FlowDefinition, Label


@attrs.frozen
class Message:
    """One message to the complainant and when it was written."""

    at: datetime
    text: str


@attrs.frozen
class Progress:
    """A complaint as its complainant may see it."""

    title: Label
    stage: Label
    received_at: datetime
    stage_since: datetime
    closed: bool
    messages: tuple[Message, ...]

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON data, every date in Thai and in English (Buddhist Era)."""
        return {
            "title": {"th": self.title.th, "en": self.title.en},
            "stage": {"th": self.stage.th, "en": self.stage.en},
            "received": _dates(self.received_at),
            "stage_since": _dates(self.stage_since),
            "closed": self.closed,
            "messages": [{"date": _dates(m.at), "text": m.text} for m in self.messages],
        }

    def lines(self, lang: str = "th") -> list[str]:
        """The progress as lines to print, in Thai (``th``) or English (``en``)."""
        if lang == "en":
            state = "closed" if self.closed else "in progress"
            lines = [
                self.title.en,
                f"Stage: {self.stage.en} (since {english_date(self.stage_since)}; {state})",
                f"Received: {english_date(self.received_at)}",
                "Messages:" if self.messages else "Messages: none yet",
            ]
            lines += [f"  {english_date(m.at)}: {m.text}" for m in self.messages]
            return lines
        state = "ยุติเรื่องแล้ว" if self.closed else "อยู่ระหว่างดำเนินการ"
        lines = [
            self.title.th,
            f"สถานะ: {self.stage.th} (ตั้งแต่ {thai_date(self.stage_since)} {state})",
            f"วันที่รับเรื่อง: {thai_date(self.received_at)}",
            "ข้อความจากหน่วยงาน:" if self.messages else "ข้อความจากหน่วยงาน: ยังไม่มี",
        ]
        lines += [f"  {thai_date(m.at)}: {m.text}" for m in self.messages]
        return lines


def _dates(moment: datetime) -> dict[str, str]:
    return {"th": thai_date(moment), "en": english_date(moment)}


def messages(events: Iterable[AuditEvent], field: str) -> tuple[Message, ...]:
    """The messages to the code's holder, in order, each dated by the move that added it.

    A list field's event holds the whole list after the move: the new items are those
    beyond the count before it.
    """
    found: list[Message] = []
    seen = 0
    for event in events:
        items = event.data.get(field) if event.moved else None
        if not isinstance(items, list):
            continue
        found += [Message(event.when, str(text)) for text in items[seen:]]
        seen = len(items)
    return tuple(found)


def progress_of(
    definition: FlowDefinition,
    case: Case,
    events: Iterable[AuditEvent],
    messages_field: str | None = None,
) -> Progress:
    """What the holder of ``case``'s tracking code sees: the items of ``messages_field``
    (none when the flow keeps no messages for them)."""
    return Progress(
        title=definition.title,
        stage=definition.label_of_state(case.state),
        received_at=case.created_at,
        stage_since=case.entered_at,
        closed=definition.states[case.state].terminal,
        messages=messages(events, messages_field) if messages_field else (),
    )


__all__ = ["Message", "Progress", "messages", "progress_of"]
