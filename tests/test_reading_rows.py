"""Reading what a store keeps: the quick readings agree with the careful ones, and an
event's text the engine did not write is named, not a traceback.

A case row is read in one pass when it holds exactly the types a store writes, and column
by column otherwise (to name the column that is wrong); ``verify`` tells the common case
of a case's index and deadline rows agreeing without building what a problem names. Each
quick path must accept nothing the careful one refuses and read everything alike.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from integrity_flows.audit.records import canonical, digest
from integrity_flows.audit.verify import Derived, _cached_agree, _compare_cached
from integrity_flows.case import Case, Deadline
from integrity_flows.errors import CaseUnreadable, EventUnreadable
from integrity_flows.guards.dates import _fired
from integrity_flows.stored import StoredEvent, event_body, event_time
from integrity_flows.stores.rows import CASE_COLUMNS, _case_by_column, case_from_row, case_to_row

T0 = datetime(2023, 10, 2, 2, 0, tzinfo=UTC)
names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | names,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(names, inner, max_size=3),
    max_leaves=8,
)
instants = st.integers(0, 10**9).map(lambda s: T0 + timedelta(seconds=s))


@st.composite
def cases(draw: st.DrawFn) -> Case:
    return Case(
        id=draw(names),
        flow_id=draw(names),
        flow_version=draw(st.integers(0, 99)),
        definition_hash=draw(names),
        state=draw(names),
        version=draw(st.integers(0, 99)),
        data=draw(st.dictionaries(names, json_values, max_size=4)),
        actors=draw(st.dictionaries(names, names, max_size=3)),
        fired_by=draw(st.dictionaries(names, names, max_size=3)),
        deadlines=tuple(
            Deadline(trigger, due)
            for trigger, due in draw(st.lists(st.tuples(names, instants), max_size=3))
        ),
        created_at=draw(instants),
        updated_at=draw(instants),
        entered_at=draw(instants),
        head=draw(names),
        events=draw(st.integers(0, 99)),
    )


def _read(read: Any, row: tuple[Any, ...]) -> tuple[str, Any]:
    try:
        return "case", read(row)
    except CaseUnreadable as exc:
        return "unreadable", (exc.case_id, exc.column)


@given(cases())
def test_a_row_as_written_reads_back_the_case_both_ways(case: Case) -> None:
    row = case_to_row(case)
    assert case_from_row(row) == case
    assert _case_by_column(row) == case


# Values a column may hold after an edit in the store: other types, other JSON shapes.
edited = st.sampled_from(
    [
        None, True, False, -1, 0, 7, 2.5, "", "7", "-1", "x", b"{}", "{}", "[]", "null",
        '{"a": 1}', '{"a": "b"}', '[{"trigger": "t", "due": "2023-10-02T02:00:00+00:00"}]',
        '[{"trigger": "t", "due": "2023-10-02T02:00:00"}]', '[{"trigger": 1, "due": "x"}]',
        '["t"]', "2023-10-02T02:00:00+00:00", "2023-10-02T02:00:00", "not json",
    ]
)  # fmt: skip


@given(cases(), st.sampled_from(range(len(CASE_COLUMNS))), edited)
def test_an_edited_column_reads_as_the_careful_reading_says(
    case: Case, column: int, value: Any
) -> None:
    """Whatever one column holds, the quick reading accepts and refuses what the column
    by column reading does, naming the same column."""
    row = list(case_to_row(case))
    row[column] = value
    assert _read(case_from_row, tuple(row)) == _read(_case_by_column, tuple(row))


key_rows = st.lists(
    st.tuples(
        st.just("c-1"),
        st.sampled_from(["flow", "other"]),
        st.sampled_from(["borrower", "item", "code"]),
        st.sampled_from(["a", "b"]),
        st.sampled_from(["open", "closed"]),
    ),
    max_size=4,
    unique_by=lambda r: (r[1], r[2], r[3]),
)
deadline_rows = st.lists(
    st.tuples(st.just("c-1"), st.sampled_from(["remind", "overdue"]), st.sampled_from([T0])),
    max_size=2,
    unique_by=lambda r: r[1],
)


@given(
    key_rows,
    deadline_rows,
    st.dictionaries(st.sampled_from(["borrower", "item", "code"]), st.sampled_from(["a", "b"])),
    st.lists(st.sampled_from([Deadline("remind", T0)]), max_size=1),
    st.lists(st.sampled_from([Deadline("remind", T0)]), max_size=1),
)
def test_rows_said_to_agree_are_found_agreeing_in_full(
    keys: list[tuple[str, str, str, str, str]],
    deadlines: list[tuple[str, str, datetime]],
    derived_keys: dict[str, str],
    derived_deadlines: list[Deadline],
    case_deadlines: list[Deadline],
) -> None:
    """The quick check never passes rows the full comparison names a problem in."""
    case = attrs_case(deadlines=tuple(case_deadlines))
    derived = Derived(derived_keys, tuple(derived_deadlines))
    if _cached_agree(case, derived, keys, deadlines):
        assert _compare_cached(case, derived, keys, deadlines) == []


def attrs_case(**changes: Any) -> Case:
    values: dict[str, Any] = {
        "id": "c-1", "flow_id": "flow", "flow_version": 1, "definition_hash": "h",
        "state": "open", "version": 1, "data": {}, "actors": {}, "fired_by": {},
        "deadlines": (), "created_at": T0, "updated_at": T0, "entered_at": T0,
        "head": "0" * 64, "events": 1,
    }  # fmt: skip
    return Case(**{**values, **changes})


@pytest.mark.parametrize(
    ("keys", "agree"),
    [
        ([("c-1", "flow", "item", "a", "open")], True),
        ([("c-1", "flow", "item", "a", "closed")], False),  # moved to another state
        ([("c-1", "other", "item", "a", "open")], False),  # under another flow
        ([("c-1", "flow", "item", "b", "open")], False),  # another value
        ([], False),  # deleted
        ([("c-1", "flow", "item", "a", "open"), ("c-1", "flow", "code", "a", "open")], False),
    ],
)
def test_the_quick_check_of_index_rows(
    keys: list[tuple[str, str, str, str, str]], agree: bool
) -> None:
    derived = Derived({"item": "a"}, ())
    assert _cached_agree(attrs_case(), derived, keys, []) is agree
    assert (_compare_cached(attrs_case(), derived, keys, []) == []) is agree


# --- an event's text, as the readers of a trail take it ------------------------------


def _stored(body: str) -> StoredEvent:
    return StoredEvent("c-1", 3, "0" * 64, digest(body), body)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("not json", "not JSON"),
        ("[1, 2]", "JSON list, not an object"),
        ('"text"', "JSON str, not an object"),
    ],
)
def test_an_event_that_is_no_json_object_names_its_case_and_position(
    text: str, detail: str
) -> None:
    with pytest.raises(EventUnreadable) as caught:
        event_body(_stored(text))
    error = caught.value
    assert (error.case_id, error.pos, error.detail, error.code) == (
        "c-1",
        3,
        detail,
        "event_unreadable",
    )
    assert isinstance(error, CaseUnreadable)  # skipped where an unreadable case is
    assert "event #3 of case 'c-1'" in error.message_en
    assert "เหตุการณ์ลำดับที่ 3 ของเรื่อง 'c-1'" in error.message_th


@pytest.mark.parametrize("at", [None, 5, "", "yesterday", "2023-10-02T09:00:00+07:00"])
def test_an_event_time_not_as_the_engine_writes_it_is_unreadable(at: Any) -> None:
    event = _stored(canonical({"at": at, "outcome": "moved", "trigger": "approve"}))
    with pytest.raises(EventUnreadable, match="its time is not a UTC instant"):
        event_time(event, event_body(event))


def test_a_days_guard_reading_a_forged_time_names_the_event() -> None:
    """The guard that counts days since a trigger fired reads the trail: a time forged
    into text stops it with EventUnreadable, not a ValueError."""
    good = _stored(
        canonical({"at": "2023-10-02T02:00:00.000000Z", "outcome": "moved", "trigger": "approve"})
    )
    bad = _stored(canonical({"at": "2 ต.ค. 2566", "outcome": "moved", "trigger": "approve"}))
    for events, expected in (([good], date(2023, 10, 2)), ([good, bad], None)):
        ctx = SimpleNamespace(
            lookup=SimpleNamespace(events=lambda _id, e=events: e), case=attrs_case()
        )
        if expected is None:
            with pytest.raises(EventUnreadable):
                _fired(ctx, "approve")  # type: ignore[arg-type]
        else:
            assert _fired(ctx, "approve") == expected  # type: ignore[arg-type]
