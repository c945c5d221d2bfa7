"""Conditions and values of a report, applied to one case.

Pure functions of a case, its definition and the moment the report is run: nothing
here reads the store, but a field test made ``before`` or ``after`` a trigger's move
reads the case's audit trail through the loader the run gives (:attr:`Seen.trail`, read
once per case). Dates are compared as Thai calendar days; instants are UTC.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import attrs

from integrity_flows.calendars import THAI_TZ, start_of_day_utc
from integrity_flows.reports.declaration import Condition, Point, Span, Value

if TYPE_CHECKING:
    from integrity_flows.case import Case
    from integrity_flows.definition.model import FlowDefinition

_DAY_SECONDS = Decimal(86400)
_EMPTY: tuple[Any, ...] = (None, "", [], {})


@attrs.frozen
class Seen:
    """One case as a report reads it: the case, its flow's definition, the report's
    moment and the settings of the case's flow (host overrides applied); ``trail``
    loads the case's audit events, oldest first (none: the trail is not read)."""

    case: Case
    definition: FlowDefinition
    now: datetime
    settings: Mapping[str, Any]
    trail: Callable[[], Sequence[Any]] | None = attrs.field(default=None, eq=False)

    @property
    def today(self) -> date:
        """The report's day, Thai time."""
        return self.now.astimezone(THAI_TZ).date()


def number(value: Any) -> Decimal | None:
    """``value`` as a finite number, or None."""
    if type(value) is int:  # the common case, first: counts and amounts of every case
        return Decimal(value)
    if value is None or isinstance(value, bool | list | dict) or value == "":
        return None
    try:
        found = Decimal(str(value))
    except InvalidOperation:
        return None
    return found if found.is_finite() else None


def threshold(seen: Seen, given: Any) -> Decimal | None:
    """A number, or the case flow's setting named ``setting:NAME``."""
    if isinstance(given, str) and given.startswith("setting:"):
        return number(seen.settings.get(given.removeprefix("setting:")))
    return number(given)


def matches(seen: Seen, condition: Condition | None) -> bool:  # noqa: PLR0911 - one per kind
    """True when the case meets ``condition`` (no condition: always)."""
    if condition is None:
        return True
    kind = condition.kind
    if kind == "state":
        return seen.case.state in condition.states
    if kind == "fired":
        return any(t in seen.case.fired_by for t in condition.triggers)
    if kind == "all":
        return all(matches(seen, c) for c in condition.children)
    if kind == "any":
        return any(matches(seen, c) for c in condition.children)
    if kind == "not":
        return not matches(seen, condition.children[0])
    if kind == "span":
        return _span_test(seen, condition)
    return _field_test(seen, condition)


def _same(seen: Seen, field: str, held: Any, wanted: Any) -> bool:
    if held == wanted or (held is not None and str(held) == str(wanted)):
        return True
    spec = seen.definition.data.get(field)
    label = spec.choice_labels.get(str(held)) if spec is not None else None
    return label is not None and label.matches(str(wanted))


def held_at_move(seen: Seen, field: str, triggers: tuple[str, ...], moment: str = "before") -> Any:
    """The value ``field`` held just before (or after) the last move of the case by one
    of ``triggers``, replayed from the values the moves of its trail set; None when none
    of them moved it."""
    if seen.trail is None or not any(t in seen.case.fired_by for t in triggers):
        return None
    held: Any = None
    found: Any = None
    for event in seen.trail():
        if not event.moved:
            continue
        if moment == "before" and event.trigger in triggers:
            found = held
        held = event.data.get(field, held)
        if moment == "after" and event.trigger in triggers:
            found = held
    return found


def _field_test(seen: Seen, condition: Condition) -> bool:  # noqa: PLR0911 - one per test
    field = condition.field or ""
    held = (
        seen.case.data.get(field)
        if condition.moment is None
        else held_at_move(seen, field, condition.triggers, condition.moment)
    )
    op = condition.op
    if op == "present":
        return held not in _EMPTY
    if op == "absent":
        return held in _EMPTY
    if op == "equals":
        return _same(seen, field, held, condition.value)
    if op == "in":
        return any(_same(seen, field, held, v) for v in condition.value or ())
    if op in ("before_today", "after_today"):
        if not isinstance(held, str) or not held:
            return False
        today = seen.today.isoformat()
        return held[:10] < today if op == "before_today" else held[:10] > today
    found, limit = number(held), threshold(seen, condition.value)
    if found is None or limit is None:
        return False
    return found >= limit if op == "at_least" else found <= limit


def _span_test(seen: Seen, condition: Condition) -> bool:
    assert condition.span is not None
    days, limit = span_days(seen, condition.span), threshold(seen, condition.value)
    if days is None or limit is None:
        return False
    if condition.op == "at_most":
        return days <= limit
    if condition.op == "less_than":
        return days < limit
    return days >= limit


def _moment(seen: Seen, point: Point) -> datetime | date | None:
    if point.kind == "start":
        return seen.case.created_at
    if point.kind == "entered":
        return seen.case.entered_at
    if point.kind == "now":
        return seen.now
    if point.when is not None and not matches(seen, point.when):
        return None
    return stored_moment(seen.case.data.get(point.field or ""))


def stored_moment(held: Any) -> datetime | date | None:
    """A date (ISO ``YYYY-MM-DD``) or an instant as case data keeps them; None otherwise."""
    if not isinstance(held, str) or not held:
        return None
    try:
        if len(held) == 10:
            return date.fromisoformat(held)
        return datetime.fromisoformat(held.replace("Z", "+00:00"))
    except ValueError:
        return None


def _first(seen: Seen, points: tuple[Point, ...]) -> datetime | date | None:
    for point in points:
        found = _moment(seen, point)
        if found is not None:
            return found
    return None


def thai_day(moment: datetime | date) -> date:
    """The Thai calendar day of a date or an instant."""
    return moment.astimezone(THAI_TZ).date() if isinstance(moment, datetime) else moment


def _instant(moment: datetime | date) -> datetime:
    return moment if isinstance(moment, datetime) else start_of_day_utc(moment)


def span_days(seen: Seen, span: Span) -> Decimal | None:
    """Days from the span's start to its end (None when the case lacks either)."""
    start, end = _first(seen, span.start), _first(seen, span.end)
    if start is None or end is None:
        return None
    if span.unit == "days":
        return Decimal((thai_day(end) - thai_day(start)).days)
    seconds = (_instant(end) - _instant(start)) // timedelta(seconds=1)
    return Decimal(seconds) / _DAY_SECONDS


def read(seen: Seen, value: Value) -> Any:
    """The raw value ``value`` reads from the case (None when it holds none)."""
    if value.kind == "case_id":
        return seen.case.id
    if value.kind == "state":
        return seen.case.state
    if value.kind == "version":
        return seen.case.flow_version
    if value.kind == "span":
        assert value.span is not None
        days = span_days(seen, value.span)
        return int(days) if days is not None and days == days.to_integral_value() else days
    held = seen.case.data.get(value.field or "")
    return None if held in _EMPTY else held


def shown(seen: Seen, value: Value) -> list[str]:
    """The value as people read it in a list: an enum by its Thai label; a list field
    gives each of its items."""
    held = read(seen, value)
    if held is None:
        return []
    items = held if isinstance(held, list) else [held]
    if value.kind == "state":
        return [seen.definition.label_of_state(str(held)).th]
    spec = seen.definition.data.get(value.field or "") if value.kind == "field" else None
    labels = spec.choice_labels if spec is not None else {}
    return [labels[str(i)].th if str(i) in labels else str(i) for i in items]


__all__ = ["Seen", "held_at_move", "matches", "number", "read", "shown", "span_days", "threshold"]
