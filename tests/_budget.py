"""Project 9's budget reports of fiscal year 2567, written through the API (not day by
day as the features do): shared by the duty tests, the CLI test and the workers."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import partial

from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.calendars import THAI_TZ

FINANCE = Actor("sunee", roles=frozenset({"finance_officer"}), unit="กองคลัง")
DIRECTOR = Actor("prasert", roles=frozenset({"director_of_finance"}), unit="กองคลัง")
CHIEF = Actor("chaiwat", roles=frozenset({"chief_executive"}))

#: The months of fiscal year 2567, October 2566 (2023) first.
MONTHS = [(2023, m) for m in (10, 11, 12)] + [(2024, m) for m in range(1, 10)]
QUARTER_ENDS = [date(2023, 12, 31), date(2024, 3, 31), date(2024, 6, 30), date(2024, 9, 30)]


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=THAI_TZ)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def monthly(engine: Engine, clock: FixedClock, year: int, month: int, on: date) -> str:
    """A monthly financial report for ``month``, prepared and presented on ``on``."""
    clock.set(at(on))
    case = engine.start(
        "budget_report",
        actor=FINANCE,
        data={
            "kind": "monthly",
            "period_end": month_end(year, month).isoformat(),
            "governor_copy_no": f"LP 51004/{month}",
        },
        case_id=f"m-{year}-{month:02d}",
    )
    engine.fire(case.id, "submit", actor=DIRECTOR)
    return case.id


def quarterly(
    engine: Engine, clock: FixedClock, end: date, submitted: date, acknowledged: date, posted: date
) -> str:
    """A quarterly performance report: presented, acknowledged and posted on those days."""
    clock.set(at(submitted))
    case = engine.start(
        "budget_report",
        actor=FINANCE,
        data={"kind": "quarterly", "period_end": end.isoformat()},
        case_id=f"q-{end.isoformat()}",
    )
    engine.fire(case.id, "submit", actor=DIRECTOR)
    clock.set(at(acknowledged))
    engine.fire(case.id, "acknowledge", actor=CHIEF)
    clock.set(at(posted))
    engine.fire(case.id, "post", actor=FINANCE, data={"posted_at": "notice board"})
    return case.id


def replay_2567(
    engine: Engine, clock: FixedClock, missed: Iterable[tuple[int, int]] = ((2024, 2),)
) -> None:
    """Fiscal year 2567: every monthly report on the 10th of the next month but those
    ``missed``; every quarter presented within 30 days but the second (7 May 2567)."""
    skip = set(missed)
    steps: list[tuple[date, int, Callable[[], str]]] = []
    for year, month in MONTHS:
        if (year, month) in skip:
            continue
        on = date(year + month // 12, month % 12 + 1, 10)
        steps.append((on, 1, partial(monthly, engine, clock, year, month, on)))
    days = [
        (date(2024, 1, 15), date(2024, 1, 17), date(2024, 1, 24)),
        (date(2024, 5, 7), date(2024, 5, 9), date(2024, 5, 16)),
        (date(2024, 7, 15), date(2024, 7, 17), date(2024, 7, 24)),
        (date(2024, 10, 15), date(2024, 10, 17), date(2024, 10, 24)),
    ]
    for end, (s, a, p) in zip(QUARTER_ENDS, days, strict=True):
        steps.append((s, 0, partial(quarterly, engine, clock, end, s, a, p)))
    for _, _, step in sorted(steps, key=lambda e: (e[0], e[1])):
        step()
