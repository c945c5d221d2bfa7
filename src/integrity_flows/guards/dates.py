"""Date rules: one date of the case before or after another, by at least / at most N
days (calendar days in Thai time, or working days with a holiday setting).

Each side is a data field (date or datetime) or a moment of the case:
``{event: now}``, ``{event: entered}`` (when it entered its current state),
``{event: started}`` or ``{event: fired, trigger: NAME}`` (when that trigger last
moved it). ``date: notice_on, before: meeting_on, at_least_days: 3`` reads "the notice
at least 3 days before the meeting".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from integrity_flows.calendars import thai_day, thai_digits, working_days_between
from integrity_flows.definition.model import Label
from integrity_flows.errors import Reason
from integrity_flows.guards.context import GuardContext
from integrity_flows.guards.registry import GuardSpec
from integrity_flows.stored import event_body, event_time
from integrity_flows.values import number

EVENTS = ("now", "entered", "started", "fired")


def side_label(ctx: GuardContext, side: Any) -> Label:
    """The name of one side of a rule, in Thai and English."""
    if isinstance(side, str):
        field = ctx.definition.data.get(side)
        return field.label if field else Label(side, side)
    event = side.get("event")
    if event == "fired":
        trigger = ctx.definition.label_of_trigger(str(side.get("trigger")))
        return Label(f"วันที่{trigger.th}", f"the day of '{trigger.en}'")
    return {
        "now": Label("วันนี้", "today"),
        "entered": Label("วันที่เรื่องเข้าสู่สถานะปัจจุบัน", "the day the case entered its state"),
        "started": Label("วันเริ่มเรื่อง", "the day the case started"),
    }[str(event)]


def side_day(ctx: GuardContext, side: Any) -> date | None:
    """The Thai calendar day of one side (None when not known yet)."""
    if isinstance(side, str):
        return as_day(ctx.data.get(side))
    event = side.get("event")
    case = ctx.case
    moments: dict[str, datetime | None] = {
        "now": ctx.now,
        "entered": case.entered_at if case else ctx.now,
        "started": case.created_at if case else ctx.now,
    }
    if event == "fired":
        return _fired(ctx, str(side.get("trigger")))
    moment = moments.get(str(event))
    return thai_day(moment) if moment is not None else None


def as_day(value: Any) -> date | None:
    """A stored date (ISO) or instant (UTC ISO) as its Thai calendar day (None: none)."""
    if isinstance(value, datetime | date):
        return thai_day(value)
    if not isinstance(value, str) or not value:
        return None
    if "T" in value:
        return thai_day(datetime.fromisoformat(value.replace("Z", "+00:00")))
    return date.fromisoformat(value)


def _fired(ctx: GuardContext, trigger: str) -> date | None:
    """The day ``trigger`` last moved the case (read from its trail)."""
    events = getattr(ctx.lookup, "events", None)
    if ctx.case is None or events is None:
        return None
    found = None
    needle = f'"trigger":"{trigger}"'
    for event in events(ctx.case.id):
        if needle in event.body:
            body = event_body(event)
            if body.get("outcome") == "moved" and body.get("trigger") == trigger:
                found = event_time(event, body)
    return thai_day(found) if found is not None else None


def _days(ctx: GuardContext, params: Mapping[str, Any], first: date, last: date) -> int:
    if not params.get("working_days"):
        return (last - first).days
    listed = ctx.settings.get(str(params.get("holidays_setting"))) or ()
    return working_days_between(first, last, [date.fromisoformat(str(d)) for d in listed])


def _limit(ctx: GuardContext, params: Mapping[str, Any], bound: str) -> int | None:
    if f"{bound}_setting" in params:
        found = number(ctx.setting(params[f"{bound}_setting"]))
        return int(found) if found is not None else None
    return int(params[bound]) if bound in params else None


def date_rule(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """``date`` is on or ``before`` (or ``after``) the other side, by ``at_least_days`` /
    ``at_most_days`` (or their settings); ``working_days`` counts Monday to Friday, less
    the dates of the setting ``holidays_setting``."""
    direction = "before" if "before" in params else "after"
    a, b = params["date"], params[direction]
    day_a, day_b = side_day(ctx, a), side_day(ctx, b)
    if day_a is None or day_b is None:
        missing = side_label(ctx, a if day_a is None else b)
        return Reason("date_rule", f"ยังไม่มี '{missing.th}'", f"'{missing.en}' is not known yet")
    first, last = (day_a, day_b) if direction == "before" else (day_b, day_a)
    gap = _days(ctx, params, first, last)
    low, high = _limit(ctx, params, "at_least_days"), _limit(ctx, params, "at_most_days")
    if gap >= (low or 0) and (high is None or gap <= high):
        return None
    return _refusal(ctx, params, direction, gap, low, high)


def _refusal(
    ctx: GuardContext,
    params: Mapping[str, Any],
    direction: str,
    gap: int,
    low: int | None,
    high: int | None,
) -> Reason:
    la, lb = side_label(ctx, params["date"]), side_label(ctx, params[direction])
    unit_th, unit_en = (
        ("วันทำการ", "working day(s)") if params.get("working_days") else ("วัน", "day(s)")
    )
    rel_th, rel_en = ("ก่อน", "before") if direction == "before" else ("หลัง", "after")
    bounds_th, bounds_en = [], []
    if low:
        bounds_th.append(f"อย่างน้อย {thai_digits(str(low))} {unit_th}")
        bounds_en.append(f"at least {low} {unit_en}")
    if high is not None:
        bounds_th.append(f"ไม่เกิน {thai_digits(str(high))} {unit_th}")
        bounds_en.append(f"at most {high} {unit_en}")
    by_th = (" " + " และ".join(bounds_th)) if bounds_th else ""
    by_en = (" " + " and ".join(bounds_en)) if bounds_en else ""
    return Reason(
        "date_rule",
        f"'{la.th}' ต้อง{rel_th} '{lb.th}'{by_th} (ห่าง {thai_digits(str(gap))} {unit_th})",
        f"'{la.en}' must be{by_en} {rel_en} '{lb.en}' (is {gap} {unit_en})",
    )


DATE_GUARDS: tuple[GuardSpec, ...] = (
    GuardSpec(
        "date_rule",
        date_rule,
        params={"date": "when"},
        optional={
            "before": "when",
            "after": "when",
            "at_least_days": "int",
            "at_most_days": "int",
            "at_least_days_setting": "setting",
            "at_most_days_setting": "setting",
            "working_days": "flag",
            "holidays_setting": "setting",
        },
        one_of=(("before", "after"),),
    ),
)

__all__ = ["DATE_GUARDS", "EVENTS", "as_day", "date_rule", "side_day", "side_label"]
