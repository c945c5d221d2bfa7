"""When a case's open deadlines fall due."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from integrity_flows.calendars import parse_date, start_of_day_utc
from integrity_flows.case import Deadline
from integrity_flows.definition.model import FlowDefinition


def deadlines_for(
    definition: FlowDefinition,
    state: str,
    data: Mapping[str, Any],
    entered_at: datetime,
    settings: Mapping[str, Any],
) -> tuple[Deadline, ...]:
    """The deadlines of a case in ``state`` entered at ``entered_at`` holding ``data``.

    Each is ``days`` (or the setting ``days_setting``) after the state was entered, or
    after the date in data ``field`` (from the start of that day, Thai time). A deadline
    counted from a field the case does not hold yet is not open.
    """
    found = []
    for deadline in definition.states[state].deadlines:
        days = deadline.days
        if deadline.days_setting is not None:
            days = int(settings[deadline.days_setting])
        if deadline.field is not None:
            value = data.get(deadline.field)
            if value in (None, ""):
                continue
            due = start_of_day_utc(parse_date(value) + timedelta(days=days or 0))
        else:
            due = entered_at + timedelta(days=days or 0)
        found.append(Deadline(deadline.trigger, due))
    return tuple(found)
