"""Statistics of corruption complaints to publish (plan 33/5.10 and 34/5.4).

One fiscal year (1 October to 30 September, B.E.) of ``corruption_complaint`` cases, by
the day each was received (Thai time): counts by channel, by type (what screening found),
by topic, by outcome and by stage, how many had a deadline escalated, and the time taken
to acknowledge and to close against the time frames (the flow's settings, host overrides
applied). Counts and days only: no names, no identity, no case ids, no text.

- type: ``corruption`` (accepted as a corruption complaint), ``general`` (routed to the
  general process), ``outside_authority`` (referred on), ``not_screened`` (not yet);
- outcome: ``unfounded``, ``penalty``, ``charge_dismissed``, ``routed``, ``referred``, or
  ``pending`` while there is none;
- days are elapsed days (hours / 24), median and maximum rounded half up to one decimal;
  "within" counts what was done before the time frame ran out, comparing exact times as
  the sweep does (at the last moment of the time frame the deadline falls due).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from statistics import median
from typing import TYPE_CHECKING, Any

import attrs

from integrity_flows.audit.records import from_iso
from integrity_flows.calendars import THAI_TZ, parse_int
from integrity_flows.calendars import fiscal_year as fiscal_year_of
from integrity_flows.definition.model import Label
from integrity_flows.reports.base import Figure

if TYPE_CHECKING:
    from integrity_flows.case import Case
    from integrity_flows.definition.model import FlowDefinition
    from integrity_flows.engine.runtime import Engine

COMPLAINT_FLOW = "corruption_complaint"

TYPES: Mapping[str, Label] = {
    "corruption": Label("เรื่องทุจริตหรือประพฤติมิชอบในอำนาจ", "corruption within our authority"),
    "general": Label("เรื่องร้องเรียนทั่วไป", "general complaints"),
    "outside_authority": Label("เรื่องนอกอำนาจที่ส่งต่อ", "outside our authority, referred"),
    "not_screened": Label("ยังไม่ได้คัดกรอง", "not screened yet"),
}
#: The trigger whose firing says what screening found.
TYPE_TRIGGERS: Mapping[str, str] = {
    "accept": "corruption",
    "route_general": "general",
    "refer_out": "outside_authority",
}
OUTCOMES: Mapping[str, Label] = {
    "unfounded": Label("ผลการสืบสวนไม่มีมูล", "found unfounded"),
    "penalty": Label("ลงโทษทางวินัย", "penalty imposed"),
    "charge_dismissed": Label("สั่งยุติเรื่องทางวินัย", "charge dismissed"),
    "routed": Label("ส่งเป็นเรื่องร้องเรียนทั่วไป", "routed to the general process"),
    "referred": Label("ส่งต่อหน่วยงานที่มีอำนาจ", "referred to the competent body"),
    "pending": Label("ยังไม่มีผล", "no outcome yet"),
}
OUTCOME_TRIGGERS: Mapping[str, str] = {
    "impose_penalty": "penalty",
    "dismiss_charge": "charge_dismissed",
    "report_unfounded": "unfounded",
    "route_general": "routed",
    "refer_out": "referred",
}
STAGES: Mapping[str, Label] = {
    "receiving": Label("ขั้นรับเรื่อง", "stage: receiving"),
    "screening": Label("ขั้นพิจารณาคัดกรอง", "stage: screening"),
    "assignment": Label("ขั้นมอบหมายผู้สืบสวน", "stage: assignment"),
    "fact_finding": Label("ขั้นสืบสวนข้อเท็จจริง", "stage: fact-finding"),
    "disciplinary": Label("ขั้นดำเนินการทางวินัย", "stage: disciplinary process"),
    "decided": Label("ขั้นรอยุติเรื่อง", "stage: decided, to be closed"),
    "closed": Label("ยุติเรื่องแล้ว", "stage: closed"),
}
STAGE_OF_STATE: Mapping[str, str] = {
    "received": "receiving",
    "acknowledgement_overdue": "receiving",
    "acknowledged": "screening",
    "screening_overdue": "screening",
    "accepted": "assignment",
    "assigned": "assignment",
    "assignment_overdue": "assignment",
    "fact_finding": "fact_finding",
    "fact_finding_overdue": "fact_finding",
    "substantiated": "disciplinary",
    "disciplinary_inquiry": "disciplinary",
    "inquiry_overdue": "disciplinary",
    "inquiry_reported": "disciplinary",
    "unfounded": "decided",
    "penalized": "decided",
    "charge_dismissed": "decided",
    "routed_general": "decided",
    "referred": "decided",
    "closed": "closed",
}

_TENTH = Decimal("0.1")
_DAY = Decimal(86400)


@attrs.frozen
class Timing:
    """How long one step took across the year's complaints, against its time frame."""

    limit_days: int
    days: tuple[Decimal, ...]

    @property
    def count(self) -> int:
        """How many complaints took the step."""
        return len(self.days)

    @property
    def median(self) -> Decimal | None:
        """The median, in days, one decimal (None when no complaint took the step)."""
        return _tenth(Decimal(median(self.days))) if self.days else None

    @property
    def longest(self) -> Decimal | None:
        """The longest, in days, one decimal."""
        return _tenth(max(self.days)) if self.days else None

    @property
    def within(self) -> int:
        """How many were done before the time frame ran out (at its last moment the
        deadline falls due, as the sweep sees it)."""
        return sum(1 for d in self.days if d < self.limit_days)


@attrs.frozen
class ComplaintStatistics:
    """The figures of one fiscal year (B.E.), with no personal data."""

    fiscal_year: int
    received: int
    by_channel: Mapping[str, int]
    anonymous: int
    by_type: Mapping[str, int]
    by_topic: Mapping[str, int]
    by_outcome: Mapping[str, int]
    by_stage: Mapping[str, int]
    escalated: int
    acknowledgement: Timing
    closing: Timing
    channel_labels: Mapping[str, Label]
    topic_labels: Mapping[str, Label]

    def figures(self) -> list[Figure]:
        """The figures, in report order."""
        received = Label("จำนวนเรื่องร้องเรียนทั้งหมด", "complaints received")
        found = [
            Figure("fiscal_year", Label("ปีงบประมาณ", "fiscal year"), self.fiscal_year),
            Figure("received", received, self.received),
        ]
        for key, count in self.by_channel.items():
            label = self.channel_labels[key]
            found.append(
                Figure(
                    f"channel_{key}", Label(f"ช่องทาง: {label.th}", f"channel: {label.en}"), count
                )
            )
        found += [
            Figure("anonymous", Label("ไม่ประสงค์ออกนาม", "anonymous"), self.anonymous),
            Figure("named", Label("เปิดเผยชื่อ", "named"), self.received - self.anonymous),
        ]
        found += [Figure(f"type_{k}", TYPES[k], n) for k, n in self.by_type.items()]
        for key, count in self.by_topic.items():
            label = self.topic_labels[key]
            found.append(
                Figure(f"topic_{key}", Label(f"ประเด็น: {label.th}", f"topic: {label.en}"), count)
            )
        found += [Figure(f"outcome_{k}", OUTCOMES[k], n) for k, n in self.by_outcome.items()]
        found += [Figure(f"stage_{k}", STAGES[k], n) for k, n in self.by_stage.items()]
        escalated = Label("เรื่องที่เกินกำหนดและแจ้งผู้บริหาร", "escalated")
        found.append(Figure("escalated", escalated, self.escalated))
        found += _timing_figures("acknowledge", "ตอบรับ", "acknowledge", self.acknowledgement)
        found += _timing_figures("close", "ยุติเรื่อง", "close", self.closing)
        return found

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON data (days as text with one decimal)."""

        def timing(t: Timing) -> dict[str, Any]:
            return {
                "limit_days": t.limit_days,
                "count": t.count,
                "median_days": None if t.median is None else str(t.median),
                "max_days": None if t.longest is None else str(t.longest),
                "within": t.within,
            }

        return {
            "fiscal_year": self.fiscal_year,
            "received": self.received,
            "by_channel": dict(self.by_channel),
            "anonymous": self.anonymous,
            "by_type": dict(self.by_type),
            "by_topic": dict(self.by_topic),
            "by_outcome": dict(self.by_outcome),
            "by_stage": dict(self.by_stage),
            "escalated": self.escalated,
            "acknowledgement": timing(self.acknowledgement),
            "closing": timing(self.closing),
        }


_TIMING_FIGURES: tuple[tuple[str, str, str], ...] = (
    ("limit_days", "กำหนดเวลา{th} (วัน)", "days allowed to {en}"),
    ("count", "จำนวนเรื่องที่{th}แล้ว", "{en}: count"),
    ("median_days", "ระยะเวลา{th}มัธยฐาน (วัน)", "{en}: median days"),
    ("max_days", "ระยะเวลา{th}นานที่สุด (วัน)", "{en}: longest days"),
    ("within", "{th}ภายในกำหนดเวลา", "{en}: within the time frame"),
)


def _timing_figures(key: str, th: str, en: str, timing: Timing) -> list[Figure]:
    values = (timing.limit_days, timing.count, timing.median, timing.longest, timing.within)
    return [
        Figure(f"{key}_{name}", Label(lth.format(th=th), len_.format(en=en)), value)
        for (name, lth, len_), value in zip(_TIMING_FIGURES, values, strict=True)
    ]


def _tenth(value: Decimal) -> Decimal:
    return value.quantize(_TENTH, ROUND_HALF_UP)


def _days(start: datetime, end: datetime) -> Decimal:
    return Decimal((end - start) // timedelta(seconds=1)) / _DAY


def _received_on(case: Case) -> date:
    return case.created_at.astimezone(THAI_TZ).date()


def _first(fired: Mapping[str, str], triggers: Mapping[str, str], default: str) -> str:
    return next((found for trigger, found in triggers.items() if trigger in fired), default)


def _elapsed(case: Case, field: str) -> Decimal | None:
    value = case.data.get(field)
    return _days(case.created_at, from_iso(value)) if isinstance(value, str) else None


def complaint_statistics(
    engine: Engine, fiscal_year: int | str, flow_id: str = COMPLAINT_FLOW
) -> ComplaintStatistics:
    """The statistics of complaints received in fiscal year B.E. ``fiscal_year``."""
    year = parse_int(fiscal_year)
    definition = engine.flows.get(flow_id)
    settings = engine.settings(flow_id)
    cases = [c for c in engine.cases(flow_id) if fiscal_year_of(_received_on(c)) == year]
    channels = _choices(definition, "channel")
    topics = _choices(definition, "topic")

    def count(key: str, choices: Mapping[str, Label]) -> dict[str, int]:
        return {k: sum(1 for c in cases if c.data.get(key) == k) for k in choices}

    types = [_first(c.fired_by, TYPE_TRIGGERS, "not_screened") for c in cases]
    outcomes = [_first(c.fired_by, OUTCOME_TRIGGERS, "pending") for c in cases]
    stages = [STAGE_OF_STATE.get(c.state, "receiving") for c in cases]
    acknowledged = [d for c in cases if (d := _elapsed(c, "acknowledged_at")) is not None]
    closed = [d for c in cases if (d := _elapsed(c, "closed_at")) is not None]
    return ComplaintStatistics(
        fiscal_year=year,
        received=len(cases),
        by_channel=count("channel", channels),
        anonymous=sum(1 for c in cases if c.data.get("anonymous") is True),
        by_type={k: types.count(k) for k in TYPES},
        by_topic=count("topic", topics),
        by_outcome={k: outcomes.count(k) for k in OUTCOMES},
        by_stage={k: stages.count(k) for k in STAGES},
        escalated=sum(1 for c in cases if any(t.startswith("escalate") for t in c.fired_by)),
        acknowledgement=Timing(int(settings["acknowledge_days"]), tuple(acknowledged)),
        closing=Timing(int(settings["close_within_days"]), tuple(closed)),
        channel_labels=channels,
        topic_labels=topics,
    )


def _choices(definition: FlowDefinition, field: str) -> dict[str, Label]:
    spec = definition.data[field]
    return {c: spec.choice_labels.get(c, Label(c, c)) for c in spec.choices}


__all__ = [
    "COMPLAINT_FLOW",
    "OUTCOMES",
    "STAGES",
    "TYPES",
    "ComplaintStatistics",
    "Timing",
    "complaint_statistics",
]
