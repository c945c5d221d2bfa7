"""Properties of the sweep's duty records (docs/duties.md): sweeping is idempotent and
does not depend on the order of the moments swept at."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from _budget import MONTHS, at, month_end, monthly
from integrity_flows import Engine, FixedClock
from integrity_flows.calendars import fiscal_year
from integrity_flows.duties import DUTY_RECORD_FLOW
from integrity_flows.loading.discovery import default_registry, load_library
from integrity_flows.stores import open_store

REGISTRY = default_registry()
LIBRARY = load_library(registry=REGISTRY)
YEAR_START = date(2023, 10, 1)

# Which months were reported, and how many days after the month's end (some late).
reports = st.dictionaries(st.sampled_from(MONTHS), st.integers(min_value=1, max_value=70))
# Moments to sweep at: days after the start of fiscal year 2567 (into the next one).
moments = st.lists(st.integers(min_value=0, max_value=420), min_size=1, max_size=6)


def engine_with(reported: dict[tuple[int, int], int]) -> tuple[Engine, FixedClock]:
    clock = FixedClock(at(YEAR_START))
    engine = Engine(open_store("memory://"), LIBRARY, registry=REGISTRY, clock=clock)
    for (year, month), late in sorted(reported.items()):
        monthly(engine, clock, year, month, month_end(year, month) + timedelta(days=late))
    return engine, clock


def sweep_at(engine: Engine, days: list[int]) -> None:
    for day in days:
        engine.sweep(at(YEAR_START + timedelta(days=day), hour=20))


def records(engine: Engine) -> dict[str, int]:
    return {c.id: c.events for c in engine.cases(DUTY_RECORD_FLOW)}


@settings(max_examples=30, deadline=None)
@given(reported=reports, days=moments, data=st.data())
def test_sweeping_is_idempotent_and_order_independent(
    reported: dict[tuple[int, int], int], days: list[int], data: st.DataObject
) -> None:
    first, _ = engine_with(reported)
    sweep_at(first, days)
    shuffled = data.draw(st.permutations(days), label="another order")
    second, _ = engine_with(reported)
    sweep_at(second, shuffled)
    found = records(first)
    # The same occurrences recorded, whatever the order, each by one event.
    assert found == records(second)
    assert set(found.values()) <= {1}
    # What is recorded is exactly what was unfulfilled past due at one of the moments.
    expected = set()
    for day in days:
        now = at(YEAR_START + timedelta(days=day), hour=20)
        # The sweep records the occurrences of the moment's fiscal year and the year before.
        this_year = fiscal_year(now)
        for year in (this_year - 1, this_year):
            expected |= {o.record_id for o in first.duties(year, now=now) if o.unfulfilled_past_due}
    assert set(found) == expected
    # Sweeping again, at the same moments in any order, records nothing more.
    sweep_at(first, [*shuffled, *days])
    assert records(first) == found
    assert first.verify().ok
