"""The contract every store passes: one pytest suite, run against each backend.

A backend's test module subclasses :class:`StoreContract` and provides a fresh,
empty store through a ``store`` fixture::

    from integrity_flows.stores import SQLiteStore
    from integrity_flows.testing.store_contract import StoreContract

    class TestSQLiteStore(StoreContract):
        @pytest.fixture
        def store(self, tmp_path):
            store = SQLiteStore(tmp_path / "cases.db")
            yield store
            store.close()

This module imports pytest; nothing in ``integrity_flows`` imports this module.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest

from integrity_flows.audit import merkle
from integrity_flows.audit.records import GENESIS, canonical, digest
from integrity_flows.case import Case, Deadline
from integrity_flows.errors import CaseUnreadable, ConcurrentUpdate
from integrity_flows.protocols import Store
from integrity_flows.stored import StoredDefinition, StoredEvent, UnreadableCase, Write

T0 = datetime(2023, 10, 1, 2, 30, 15, 123456, tzinfo=UTC)
FLOW = "lending"
OTHER_FLOW = "complaints"
_FAR_FUTURE = datetime(2200, 1, 1, tzinfo=UTC)


def make_event(case_id: str, pos: int, prev_hash: str = GENESIS, **extra: Any) -> StoredEvent:
    """A stored event whose body is canonical JSON and whose hash covers it."""
    body = canonical({"case_id": case_id, "pos": pos, "prev_hash": prev_hash, **extra})
    return StoredEvent(case_id, pos, prev_hash, digest(body), body)


def make_case(
    case_id: str,
    *,
    flow_id: str = FLOW,
    state: str = "open",
    events: int = 1,
    head: str = "",
    data: Mapping[str, Any] | None = None,
    deadlines: Sequence[Deadline] = (),
    at: datetime = T0,
) -> Case:
    """A case as the engine would hand it to a store."""
    return Case(
        id=case_id,
        flow_id=flow_id,
        flow_version=1,
        definition_hash="d" * 64,
        state=state,
        version=events,
        data=dict(data if data is not None else {"item": "รถยนต์ กข-1234"}),
        actors={"requester": "somchai"},
        fired_by={"start": "somchai"},
        deadlines=tuple(deadlines),
        created_at=T0,
        updated_at=at,
        entered_at=at,
        head=head,
        events=events,
    )


def append(
    store: Store,
    case_id: str,
    *,
    flow_id: str = FLOW,
    state: str = "open",
    data: Mapping[str, Any] | None = None,
    keys: Mapping[str, str] | None = None,
    deadlines: Sequence[Deadline] | None = None,
    held: Mapping[str, str] | None = None,
) -> tuple[Case, int]:
    """Append the next event of ``case_id`` with the case after it; return it and its seq.

    ``deadlines`` of ``None`` keeps the case's current deadlines. With ``held`` (the keys
    the store holds for the case), the write says what it read, as the engine's do: the
    case before it and those keys, so a store may write only the rows that changed.
    """
    chain = store.events(case_id)
    pos = len(chain) + 1
    event = make_event(case_id, pos, chain[-1].hash if chain else GENESIS, state=state)
    previous = store.load(case_id)
    kept = previous.deadlines if previous is not None else ()
    case = make_case(
        case_id,
        flow_id=flow_id,
        state=state,
        events=pos,
        head=event.hash,
        data=data,
        deadlines=kept if deadlines is None else deadlines,
        at=T0 + timedelta(minutes=pos),
    )
    write = Write(event, case, pos - 1, keys, deadlines_changed=deadlines is not None)
    if held is not None:
        write = attrs.evolve(write, before=previous, keys_before=held)
    return case, store.write(write)


def same_event(event: StoredEvent) -> tuple[str, int, str, str, str]:
    """What a store must keep of an event (``seq`` is the store's to assign)."""
    return (event.case_id, event.pos, event.prev_hash, event.hash, event.body)


def snapshot(store: Store) -> tuple[Any, ...]:
    """Everything a reader can see in ``store``, to compare before and after a write."""
    return (
        [same_event(e) for e in store.iter_events_by_seq()],
        [same_event(e) for e in store.iter_events()],
        list(store.iter_cases()),
        store.due(_FAR_FUTURE),
        store.tree_size(),
        list(store.iter_leaves()),
        list(store.iter_index_rows()),
        list(store.iter_deadline_rows()),
    )


class StoreContract:
    """What every store does. Subclass it and provide a fresh, empty ``store`` fixture."""

    @pytest.fixture
    def store(self) -> Store:
        """A fresh, empty store; every backend's test class overrides this fixture."""
        msg = f"{type(self).__name__} must provide a `store` fixture"
        raise NotImplementedError(msg)

    # --- writing and loading ------------------------------------------------

    def test_write_then_load(self, store: Store) -> None:
        """A written case loads back equal, data, deadlines and instants included."""
        deadline = Deadline("remind", T0 + timedelta(days=15))
        data = {
            "item": "รถยนต์ กข-1234",
            "count": 3,
            "tags": ["a", "ข"],
            "ok": True,
            "note": None,
            "amount": "1250.50",
        }
        event = make_event("c1", 1, state="open")
        case = make_case(
            "c1",
            head=event.hash,
            data=data,
            deadlines=[deadline],
            at=datetime(2023, 10, 1, 9, 30, 15, 123456, tzinfo=timezone(timedelta(hours=7))),
        )
        store.write(Write(event, case, 0, {"item": "รถยนต์ กข-1234"}))
        loaded = store.load("c1")
        assert loaded == case
        assert loaded is not None
        assert loaded.data == data
        assert loaded.deadlines == (deadline,)
        assert loaded.entered_at.tzinfo is not None

    def test_load_unknown_case_is_none(self, store: Store) -> None:
        """Loading a case that was never written gives None."""
        assert store.load("nobody") is None

    def test_write_returns_increasing_sequence_numbers(self, store: Store) -> None:
        """Each write returns a larger global sequence number, the one iter_events_by_seq shows."""
        seqs = [append(store, case_id)[1] for case_id in ("b", "a", "b", "c")]
        assert seqs == sorted(seqs)
        assert len(set(seqs)) == len(seqs)
        assert [e.seq for e in store.iter_events_by_seq()] == seqs

    def test_next_event_updates_the_case(self, store: Store) -> None:
        """A later event replaces the case with its new state, version and head."""
        append(store, "c1", state="open")
        case, _ = append(store, "c1", state="approved", data={"item": "car", "note": "ok"})
        assert store.load("c1") == case
        assert case.version == 2
        assert case.events == 2

    # --- optimistic concurrency ---------------------------------------------

    @pytest.mark.parametrize(
        ("pos", "expected"),
        [(2, 1), (3, 1), (2, 2), (4, 3), (1, 0)],
        ids=[
            "stale-same-position",
            "stale-next-position",
            "position-not-next",
            "far-ahead",
            "new-case-over-existing",
        ],
    )
    def test_stale_expected_events_raises_and_writes_nothing(
        self, store: Store, pos: int, expected: int
    ) -> None:
        """A write whose expected_events is not the chain's length raises ConcurrentUpdate
        and writes neither the event nor the case (nor its keys or deadlines)."""
        append(store, "c1", keys={"item": "car"}, deadlines=[Deadline("remind", T0)])
        append(store, "c1", state="checked")
        before = snapshot(store)
        event = make_event("c1", pos, "f" * 64, state="tampered")
        case = make_case(
            "c1",
            state="tampered",
            events=pos,
            head=event.hash,
            deadlines=[Deadline("other", T0 - timedelta(days=1))],
        )
        with pytest.raises(ConcurrentUpdate) as caught:
            store.write(Write(event, case, expected, {"item": "bus"}))
        assert caught.value.case_id == "c1"
        # The chain's real length, in both languages, with no English in the Thai text.
        assert (caught.value.expected, caught.value.actual) == (expected, 2)
        assert "found 2" in caught.value.message_en
        assert "แต่พบ 2 รายการ" in caught.value.message_th
        assert "found" not in caught.value.message_th
        assert snapshot(store) == before
        assert store.holders(FLOW, "item", "bus", ["tampered", "checked"]) == []
        assert store.holders(FLOW, "item", "car", ["checked"]) == ["c1"]

    def test_second_write_of_the_same_position_fails(self, store: Store) -> None:
        """Two writers appending the same position: the first commits, the second raises."""
        append(store, "c1")
        (first,) = store.events("c1")
        writes = []
        for state in ("approved", "rejected"):
            event = make_event("c1", 2, first.hash, state=state)
            writes.append(Write(event, make_case("c1", state=state, events=2, head=event.hash), 1))
        store.write(writes[0])
        with pytest.raises(ConcurrentUpdate):
            store.write(writes[1])
        loaded = store.load("c1")
        assert loaded is not None
        assert loaded.state == "approved"
        assert [same_event(e) for e in store.events("c1")][1] == same_event(writes[0].event)
        assert len(store.events("c1")) == 2

    def test_racing_writers_only_one_wins(self, store: Store) -> None:
        """Threads appending the same position at once: exactly one commits."""
        append(store, "c1")
        (first,) = store.events("c1")
        outcomes: list[str] = []
        barrier = threading.Barrier(6)

        def attempt(n: int) -> None:
            event = make_event("c1", 2, first.hash, writer=n)
            barrier.wait()
            try:
                store.write(Write(event, make_case("c1", events=2, head=event.hash), 1))
            except ConcurrentUpdate:
                outcomes.append("refused")
            else:
                outcomes.append("written")

        threads = [threading.Thread(target=attempt, args=(n,)) for n in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["refused"] * 5 + ["written"]
        assert len(store.events("c1")) == 2

    # --- chains ---------------------------------------------------------------

    def test_refused_start_chain_is_kept_without_a_case(self, store: Store) -> None:
        """A refused start (case None) keeps its event, but no case appears."""
        event = make_event("r1", 1, outcome="refused")
        store.write(Write(event, None, 0))
        assert [same_event(e) for e in store.events("r1")] == [same_event(event)]
        assert store.load("r1") is None
        assert list(store.iter_cases()) == []
        assert [same_event(e) for e in store.iter_events()] == [same_event(event)]
        assert [same_event(e) for e in store.iter_events_by_seq()] == [same_event(event)]

    def test_refused_start_chain_cannot_be_written_twice(self, store: Store) -> None:
        """A second chain start with the same case id raises and writes nothing."""
        store.write(Write(make_event("r1", 1, outcome="refused"), None, 0))
        before = snapshot(store)
        with pytest.raises(ConcurrentUpdate):
            store.write(Write(make_event("r1", 1, outcome="again"), None, 0))
        assert snapshot(store) == before

    @pytest.mark.parametrize(("pos", "expected"), [(2, 1), (1, 1), (2, 0)])
    def test_chain_event_without_case_checks_expected_events(
        self, store: Store, pos: int, expected: int
    ) -> None:
        """A case-less chain event must also be the next one of its chain, or nothing is written."""
        before = snapshot(store)
        with pytest.raises(ConcurrentUpdate):
            store.write(Write(make_event("r1", pos, outcome="refused"), None, expected))
        assert snapshot(store) == before
        assert store.events("r1") == []

    def test_events_of_a_case_in_order(self, store: Store) -> None:
        """events(case_id) gives that case's chain oldest first, linked, and nothing else."""
        for case_id in ("c1", "c2", "c1", "c1", "c2"):
            append(store, case_id)
        chain = store.events("c1")
        assert [e.pos for e in chain] == [1, 2, 3]
        assert {e.case_id for e in chain} == {"c1"}
        assert [e.prev_hash for e in chain] == [GENESIS, chain[0].hash, chain[1].hash]
        assert store.events("unknown") == []

    def test_iter_events_ordered_by_case_then_position(self, store: Store) -> None:
        """iter_events yields every event ordered by (case_id, pos), whatever the write order."""
        for case_id in ("c", "a", "b", "a", "c", "a"):
            append(store, case_id)
        store.write(Write(make_event("aa", 1, outcome="refused"), None, 0))
        keys = [(e.case_id, e.pos) for e in store.iter_events()]
        assert keys == [("a", 1), ("a", 2), ("a", 3), ("aa", 1), ("b", 1), ("c", 1), ("c", 2)]

    def test_iter_events_by_seq_in_write_order(self, store: Store) -> None:
        """iter_events_by_seq yields every event in the order it was written."""
        order = ["c", "a", "b", "a", "c", "a"]
        for case_id in order:
            append(store, case_id)
        events = list(store.iter_events_by_seq())
        assert [e.case_id for e in events] == order
        assert [e.seq for e in events] == sorted(e.seq for e in events)

    # --- cases ----------------------------------------------------------------

    def test_iter_cases_filters_and_sorts_by_id(self, store: Store) -> None:
        """iter_cases filters by flow and state and yields cases sorted by id."""
        append(store, "c3", state="open")
        append(store, "c1", state="closed")
        append(store, "c2", state="open")
        append(store, "x1", flow_id=OTHER_FLOW, state="open")

        def ids(**filters: str) -> list[str]:
            return [c.id for c in store.iter_cases(**filters)]

        assert ids() == ["c1", "c2", "c3", "x1"]
        assert ids(flow_id=FLOW) == ["c1", "c2", "c3"]
        assert ids(state="open") == ["c2", "c3", "x1"]
        assert ids(flow_id=FLOW, state="open") == ["c2", "c3"]
        assert ids(flow_id=OTHER_FLOW, state="closed") == []
        append(store, "c3", state="closed")
        assert ids(flow_id=FLOW, state="closed") == ["c1", "c3"]

    def test_scan_cases_yields_every_case_by_id(self, store: Store) -> None:
        """scan_cases gives what iter_cases gives when every row can be read."""
        for case_id in ("c", "a", "b"):
            append(store, case_id)
        assert list(store.scan_cases()) == list(store.iter_cases())
        assert [c.id for c in store.iter_cases()] == ["a", "b", "c"]

    @pytest.fixture
    def corrupt(self) -> Callable[[Store, str, str, str], None] | None:
        """Writes raw text into one column of a case row, behind the store's back, as an
        attacker with the database would; None for a store that keeps no rows."""
        return None

    @pytest.mark.parametrize(
        ("column", "value"),
        [("data", "{"), ("actors", "[1]"), ("deadlines", "{}"), ("created_at", "today")],
    )
    def test_an_unreadable_case_row_is_named(
        self,
        store: Store,
        corrupt: Callable[[Store, str, str, str], None] | None,
        column: str,
        value: str,
    ) -> None:
        """A row that cannot be read raises CaseUnreadable naming case and column from
        load and iter_cases; scan_cases yields an UnreadableCase in its place and goes on."""
        if corrupt is None:
            pytest.skip("this store keeps no rows that could be corrupted")
        for case_id in ("a", "b", "c"):
            append(store, case_id)
        corrupt(store, "b", column, value)
        with pytest.raises(CaseUnreadable) as caught:
            store.load("b")
        assert (caught.value.case_id, caught.value.column) == ("b", column)
        assert "'b'" in caught.value.message_th
        with pytest.raises(CaseUnreadable):
            list(store.iter_cases())
        scanned = list(store.scan_cases())
        assert [type(c).__name__ for c in scanned] == ["Case", "UnreadableCase", "Case"]
        unreadable = scanned[1]
        assert isinstance(unreadable, UnreadableCase)
        assert (unreadable.case_id, unreadable.column) == ("b", column)
        loaded = store.load("c")
        assert loaded is not None
        assert loaded.id == "c"

    # --- the key's fingerprint ---------------------------------------------------

    def test_the_first_key_fingerprint_recorded_stays(self, store: Store) -> None:
        """None until recorded; the first fingerprint recorded is kept, and every later
        attempt to record another is answered with it."""
        assert store.key_fingerprint() is None
        assert store.record_key_fingerprint("1a2b3c4d") == "1a2b3c4d"
        assert store.record_key_fingerprint("ffffffff") == "1a2b3c4d"
        assert store.key_fingerprint() == "1a2b3c4d"

    def test_threads_recording_a_fingerprint_at_once_agree(self, store: Store) -> None:
        """Engines opening a new store with different keys at once: one fingerprint wins,
        and every one of them is told the same."""
        barrier = threading.Barrier(4)
        answers: list[str | None] = []

        def record(n: int) -> None:
            barrier.wait(10)
            answers.append(store.record_key_fingerprint(f"{n:08x}"))

        threads = [threading.Thread(target=record, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
        assert len(answers) == 4
        assert len(set(answers)) == 1
        assert store.key_fingerprint() == answers[0]

    # --- indexed keys -----------------------------------------------------------

    def test_holders_by_indexed_key_and_state(self, store: Store) -> None:
        """holders() finds cases of one flow by an indexed value, among the given states."""
        append(store, "a", state="on_loan", keys={"item": "car", "borrower": "somchai"})
        append(store, "b", state="returned", keys={"item": "car"})
        append(store, "c", state="on_loan", keys={"item": "bus"})
        append(store, "d", flow_id=OTHER_FLOW, state="on_loan", keys={"item": "car"})
        assert store.holders(FLOW, "item", "car", ["on_loan"]) == ["a"]
        assert store.holders(FLOW, "item", "car", ["on_loan", "returned"]) == ["a", "b"]
        assert store.holders(FLOW, "borrower", "somchai", ["on_loan"]) == ["a"]
        assert store.holders(FLOW, "borrower", "car", ["on_loan"]) == []
        assert store.holders(FLOW, "item", "car", []) == []
        assert store.holders(FLOW, "item", "car", None) == ["a", "b"]  # None: any state
        assert store.holders(OTHER_FLOW, "item", "car", ["on_loan"]) == ["d"]

    def test_holders_follow_the_current_state(self, store: Store) -> None:
        """A case leaves holders() when it leaves the states asked for, keys unchanged."""
        append(store, "a", state="on_loan", keys={"item": "car"})
        append(store, "a", state="returned")  # keys None: unchanged
        assert store.holders(FLOW, "item", "car", ["on_loan"]) == []
        assert store.holders(FLOW, "item", "car", ["returned"]) == ["a"]
        assert list(store.iter_index_rows()) == [("a", FLOW, "item", "car", "returned")]

    def test_holders_among_a_long_history(self, store: Store) -> None:
        """One value held by many past cases: only the cases in the asked states are found,
        and a move undone by a failed batch leaves the index as it was."""
        for i in range(40):
            append(store, f"p{i:02d}", state="on_loan", keys={"borrower": "somchai"})
            append(store, f"p{i:02d}", state="returned")
        append(store, "q", state="on_loan", keys={"borrower": "somchai"})
        assert store.holders(FLOW, "borrower", "somchai", ["on_loan"]) == ["q"]
        assert len(store.holders(FLOW, "borrower", "somchai", ["returned"])) == 40

        def undone() -> None:
            with store.batch():
                append(store, "q", state="returned")
                raise ZeroDivisionError

        with pytest.raises(ZeroDivisionError):
            undone()
        assert store.holders(FLOW, "borrower", "somchai", ["on_loan"]) == ["q"]
        assert ("q", FLOW, "borrower", "somchai", "on_loan") in list(store.iter_index_rows())

    def test_holders_keys_replaced_when_changed(self, store: Store) -> None:
        """New keys replace the old ones: an old value no longer holds, a dropped field neither."""
        append(store, "a", state="on_loan", keys={"item": "car", "register_no": "R1"})
        append(store, "a", state="on_loan", keys={"item": "van"})
        assert store.holders(FLOW, "item", "car", ["on_loan"]) == []
        assert store.holders(FLOW, "item", "van", ["on_loan"]) == ["a"]
        assert store.holders(FLOW, "register_no", "R1", ["on_loan"]) == []
        append(store, "a", state="on_loan", keys={})
        assert store.holders(FLOW, "item", "van", ["on_loan"]) == []

    def test_only_the_rows_that_changed_when_the_writer_says_what_it_read(
        self, store: Store
    ) -> None:
        """A write that gives the case it read and its keys leaves the index and deadline
        rows exactly as a write of every row would: a changed value replaced, a dropped
        field gone, the rows kept following the state, a due date changed replaced."""
        day = timedelta(days=1)
        both = {"item": "car", "register_no": "R1"}
        remind = Deadline("remind", T0 + day)
        append(store, "a", state="on_loan", keys=both, deadlines=[remind])
        append(store, "b", state="on_loan", keys={"item": "car"})  # another case's row stays
        moved = {"item": "van", "register_no": "R1"}
        append(store, "a", state="checked", keys=moved, held=both)
        assert sorted(store.iter_index_rows()) == [
            ("a", FLOW, "item", "van", "checked"),
            ("a", FLOW, "register_no", "R1", "checked"),
            ("b", FLOW, "item", "car", "on_loan"),
        ]
        append(store, "a", state="returned", held=moved)  # keys unchanged: they follow
        escalate = Deadline("escalate", T0 + 7 * day)
        later = Deadline("remind", T0 + 2 * day)
        append(
            store,
            "a",
            state="overdue",
            keys={"item": "van"},
            deadlines=[later, escalate],
            held=moved,
        )
        assert sorted(r for r in store.iter_index_rows() if r[0] == "a") == [
            ("a", FLOW, "item", "van", "overdue")
        ]
        assert store.holders(FLOW, "register_no", "R1", None) == []
        assert store.holders(FLOW, "item", "car", ["on_loan"]) == ["b"]
        assert sorted(store.iter_deadline_rows()) == [
            ("a", "escalate", T0 + 7 * day),
            ("a", "remind", T0 + 2 * day),
        ]
        append(store, "a", state="closed", deadlines=[escalate], held={"item": "van"})
        assert list(store.iter_deadline_rows()) == [("a", "escalate", T0 + 7 * day)]

    # --- deadlines --------------------------------------------------------------

    def test_due_returns_deadlines_at_or_before_now_by_due(self, store: Store) -> None:
        """due(now) lists (case, trigger, due) of deadlines due at or before now, soonest first."""
        day = timedelta(days=1)
        append(store, "a", deadlines=[Deadline("late", T0 + 3 * day)])
        append(
            store,
            "b",
            deadlines=[Deadline("remind", T0 + 2 * day), Deadline("escalate", T0 + 5 * day)],
        )
        append(store, "c", deadlines=[Deadline("remind", T0 + day)])
        append(store, "d", deadlines=[])
        assert store.due(T0) == []
        assert store.due(T0 + 2 * day) == [("c", "remind", T0 + day), ("b", "remind", T0 + 2 * day)]
        found = store.due(T0 + 10 * day)
        assert found == [
            ("c", "remind", T0 + day),
            ("b", "remind", T0 + 2 * day),
            ("a", "late", T0 + 3 * day),
            ("b", "escalate", T0 + 5 * day),
        ]
        assert all(due.tzinfo is not None for _, _, due in found)

    def test_due_at_one_instant_by_case_then_trigger(self, store: Store) -> None:
        """Deadlines due at the same instant come by case id, then by trigger."""
        same = [Deadline("remind", T0), Deadline("escalate", T0)]
        append(store, "b", deadlines=same)
        append(store, "a", deadlines=[Deadline("remind", T0)])
        assert store.due(T0) == [("a", "remind", T0), ("b", "escalate", T0), ("b", "remind", T0)]

    def test_due_follows_replaced_deadlines(self, store: Store) -> None:
        """Writing a case with new deadlines replaces its old ones; unchanged ones stay."""
        day = timedelta(days=1)
        append(store, "a", deadlines=[Deadline("remind", T0 + day)])
        append(store, "a", state="waiting")  # deadlines kept
        assert store.due(T0 + day) == [("a", "remind", T0 + day)]
        append(store, "a", state="overdue", deadlines=[Deadline("escalate", T0 + 7 * day)])
        assert store.due(T0 + 6 * day) == []
        assert store.due(T0 + 7 * day) == [("a", "escalate", T0 + 7 * day)]
        append(store, "a", state="closed", deadlines=[])
        assert store.due(_FAR_FUTURE) == []

    # --- batches ----------------------------------------------------------------

    def test_batch_commits_all_together(self, store: Store) -> None:
        """Writes inside batch() are all there after it ends."""
        with store.batch():
            append(store, "a", keys={"item": "car"})
            append(store, "b")
            append(store, "a", state="approved")
        assert [c.id for c in store.iter_cases()] == ["a", "b"]
        assert [(e.case_id, e.pos) for e in store.iter_events()] == [("a", 1), ("a", 2), ("b", 1)]
        assert store.holders(FLOW, "item", "car", ["approved"]) == ["a"]

    def test_batch_rolls_back_all_on_exception(self, store: Store) -> None:
        """An exception inside batch() undoes every write made in it, and is raised."""
        append(store, "z", keys={"item": "car"})
        before = snapshot(store)

        class Boom(Exception):
            pass

        def fail_half_way() -> None:
            with store.batch():
                append(store, "a", keys={"item": "bus"}, deadlines=[Deadline("remind", T0)])
                append(store, "z", state="approved", keys={"item": "van"})
                raise Boom

        with pytest.raises(Boom):
            fail_half_way()
        assert snapshot(store) == before
        assert store.load("a") is None
        assert store.events("a") == []
        assert store.holders(FLOW, "item", "van", ["approved"]) == []
        append(store, "a")  # the store is usable afterwards
        assert store.load("a") is not None

    def test_failed_write_inside_batch_leaves_nothing(self, store: Store) -> None:
        """A write refused inside a batch adds nothing, and the batch's other writes commit."""
        append(store, "z")
        with store.batch():
            append(store, "a")
            stale = make_event("z", 3, "f" * 64)
            with pytest.raises(ConcurrentUpdate):
                store.write(Write(stale, make_case("z", events=3, head=stale.hash), 2))
            append(store, "b")
        assert [(e.case_id, e.pos) for e in store.iter_events()] == [("a", 1), ("b", 1), ("z", 1)]
        assert [c.id for c in store.iter_cases()] == ["a", "b", "z"]

    def test_reads_inside_a_batch_see_its_writes(self, store: Store) -> None:
        """Inside batch(), every read of the store sees the writes made so far in it."""
        append(store, "z")
        with store.batch():
            append(store, "a", keys={"item": "car"})
            append(store, "z", state="approved")
            assert [c.id for c in store.iter_cases()] == ["a", "z"]
            assert [(e.case_id, e.pos) for e in store.iter_events()] == [
                ("a", 1),
                ("z", 1),
                ("z", 2),
            ]
            assert [e.case_id for e in store.iter_events_by_seq()] == ["z", "a", "z"]
            assert store.holders(FLOW, "item", "car", ["open"]) == ["a"]
            loaded = store.load("z")
            assert loaded is not None
            assert loaded.state == "approved"

    # --- ordering -----------------------------------------------------------------

    def test_ids_are_ordered_as_python_orders_strings(self, store: Store) -> None:
        """Cases and events come back ordered by id exactly as Python's ``sorted`` orders the
        ids (by code point), whatever the database's collation: verify merges the two."""
        ids = ["c1", "c-2", "C3", "c_4", "ก-1", "c10", "c 5", "c2"]
        for case_id in ids:
            append(store, case_id)
        assert [c.id for c in store.iter_cases()] == sorted(ids)
        assert [e.case_id for e in store.iter_events()] == sorted(ids)

    # --- claiming deadlines for a sweep -----------------------------------------

    def test_claim_an_open_deadline_and_fire_it(self, store: Store) -> None:
        """claim_deadline yields True for an open deadline; a write inside commits with it,
        and a deadline so fired is not open to a second claim."""
        append(store, "a", deadlines=[Deadline("remind", T0)])
        with store.claim_deadline("a", "remind", T0) as held:
            assert held is True
            append(store, "a", state="reminded", deadlines=[Deadline("escalate", T0)])
        loaded = store.load("a")
        assert loaded is not None
        assert loaded.state == "reminded"
        with store.claim_deadline("a", "remind", T0) as held:
            assert held is False
        with store.claim_deadline("a", "escalate", T0) as held:
            assert held is True

    @pytest.mark.parametrize(
        ("case_id", "trigger", "due"),
        [("a", "remind", T0 + timedelta(microseconds=1)), ("a", "other", T0), ("b", "remind", T0)],
        ids=["other-due", "other-trigger", "no-case"],
    )
    def test_claim_needs_exactly_an_open_deadline(
        self, store: Store, case_id: str, trigger: str, due: datetime
    ) -> None:
        """A claim of a deadline the store does not hold as open yields False."""
        append(store, "a", deadlines=[Deadline("remind", T0)])
        with store.claim_deadline(case_id, trigger, due) as held:
            assert held is False

    def test_claim_is_undone_with_an_error(self, store: Store) -> None:
        """An error leaving a claim undoes the writes made in it; the deadline stays open."""
        append(store, "a", deadlines=[Deadline("remind", T0)])
        before = snapshot(store)

        class Boom(Exception):
            pass

        def fire_then_fail() -> None:
            with store.claim_deadline("a", "remind", T0) as held:
                assert held
                append(store, "a", state="reminded", deadlines=[])
                raise Boom

        with pytest.raises(Boom):
            fire_then_fail()
        assert snapshot(store) == before
        with store.claim_deadline("a", "remind", T0) as held:
            assert held is True

    def test_claim_inside_a_batch_belongs_to_it(self, store: Store) -> None:
        """A claim inside batch() commits with the batch, or is undone with it."""
        append(store, "a", deadlines=[Deadline("remind", T0)])
        with store.batch():
            with store.claim_deadline("a", "remind", T0) as held:
                assert held
                stale = make_event("a", 5, "f" * 64)
                with pytest.raises(ConcurrentUpdate):
                    store.write(Write(stale, make_case("a", events=5, head=stale.hash), 4))
                append(store, "a", state="reminded", deadlines=[])
            append(store, "b")
        assert store.due(_FAR_FUTURE) == []
        assert [(e.case_id, e.pos) for e in store.iter_events()] == [("a", 1), ("a", 2), ("b", 1)]

    def test_threads_claiming_at_once_fire_each_deadline_once(self, store: Store) -> None:
        """Sweepers in threads, each claiming every due deadline: each is fired exactly once."""
        for n in range(4):
            append(store, f"c{n}", deadlines=[Deadline("remind", T0), Deadline("late", T0)])
        fired: list[tuple[str, str]] = []
        errors: list[BaseException] = []
        barrier = threading.Barrier(5)

        def sweep() -> None:
            barrier.wait()
            try:
                for case_id, trigger, due in store.due(T0):
                    with store.claim_deadline(case_id, trigger, due) as held:
                        if held:
                            case = store.load(case_id)
                            assert case is not None
                            left = [d for d in case.deadlines if d.trigger != trigger]
                            append(store, case_id, state=f"after_{trigger}", deadlines=left)
                            fired.append((case_id, trigger))
            except BaseException as exc:  # reported to the test thread below
                errors.append(exc)

        threads = [threading.Thread(target=sweep) for _ in range(5)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert sorted(fired) == sorted((f"c{n}", t) for n in range(4) for t in ("late", "remind"))
        assert store.due(_FAR_FUTURE) == []
        assert all(len(store.events(f"c{n}")) == 3 for n in range(4))

    # --- the Merkle tree over the whole trail -----------------------------------

    def test_tree_holds_every_event_in_write_order(self, store: Store) -> None:
        """Each write adds its event as the next leaf; the stored nodes give the root of
        the leaves, and proofs from them verify."""
        assert store.tree_size() == 0
        assert merkle.root(0, store.tree_nodes) == merkle.EMPTY_ROOT
        for case_id in ["b", "a", "b", "c", "a", "b", "d"]:
            append(store, case_id)
        store.write(Write(make_event("refused", 1, outcome="refused"), None, 0))
        written = list(store.iter_events_by_seq())
        assert store.tree_size() == len(written) == 8
        by_leaf = list(store.iter_events_by_leaf())
        assert [e.leaf for e in by_leaf] == list(range(8))
        assert [same_event(e) for e in by_leaf] == [same_event(e) for e in written]
        leaves = [merkle.event_leaf(e.body) for e in written]
        assert list(store.iter_leaves()) == list(enumerate(leaves))
        assert store.events("b")[1].leaf == 2
        top = merkle.root(8, store.tree_nodes)
        assert top == merkle.tree_root(leaves)
        for index, leaf in enumerate(leaves):
            proof = merkle.inclusion_proof(index, 8, store.tree_nodes)
            assert merkle.verify_inclusion(index, 8, leaf, proof, top)
        for old in range(1, 8):
            proof = merkle.consistency_proof(old, 8, store.tree_nodes)
            assert merkle.verify_consistency(old, 8, merkle.root(old, store.tree_nodes), top, proof)

    def test_tree_is_undone_with_its_write(self, store: Store) -> None:
        """A refused write or an undone batch leaves the tree as it was; the next write
        takes the next leaf."""
        append(store, "a")
        stale = make_event("a", 3, "f" * 64)
        with pytest.raises(ConcurrentUpdate):
            store.write(Write(stale, make_case("a", events=3, head=stale.hash), 2))

        def undone() -> None:
            with store.batch():
                append(store, "b")
                append(store, "c")
                raise ZeroDivisionError

        with pytest.raises(ZeroDivisionError):
            undone()
        assert store.tree_size() == 1
        append(store, "d")
        assert [e.leaf for e in store.iter_events_by_leaf()] == [0, 1]
        assert store.tree_size() == 2

    def test_log_origin_names_the_store(self, store: Store) -> None:
        """The log's origin is one line of text, the same at every reading."""
        origin = store.log_origin()
        assert origin
        assert "\n" not in origin
        assert store.log_origin() == origin

    def test_cached_rows_are_listed(self, store: Store) -> None:
        """The index and the deadlines the sweep reads are listed as stored."""
        append(store, "b", keys={"item": "car", "plate": "1"}, deadlines=[Deadline("remind", T0)])
        append(store, "a", keys={"item": "bus"})
        assert list(store.iter_index_rows()) == [
            ("a", FLOW, "item", "bus", "open"),
            ("b", FLOW, "item", "car", "open"),
            ("b", FLOW, "plate", "1", "open"),
        ]
        assert list(store.iter_deadline_rows()) == [("b", "remind", T0)]

    # --- definitions the store keeps (definition versions) --------------------------

    def test_a_definition_is_kept_with_the_write_that_starts_its_first_case(
        self, store: Store
    ) -> None:
        """A write carrying a definition keeps its text, found again by flow id."""
        kept = _definition(FLOW, 1, "a")
        _start(store, "c1", kept)
        _start(store, "c2", _definition(OTHER_FLOW, 3, "b"))
        assert store.definitions(FLOW) == [kept]
        assert [(d.flow_id, d.version) for d in store.definitions()] == [
            (OTHER_FLOW, 3),
            (FLOW, 1),
        ]

    def test_a_definition_is_kept_once(self, store: Store) -> None:
        """The same text written again (another case, another process) changes nothing."""
        first = _definition(FLOW, 1, "a")
        _start(store, "c1", first)
        _start(store, "c2", attrs.evolve(first, first_case="c2"))
        assert store.definitions() == [first]

    def test_two_texts_of_one_version_are_both_kept(self, store: Store) -> None:
        """Texts are told apart by their hash: one changed in place under one version
        (before versions were kept) is kept beside the first, each found by its hash."""
        _start(store, "c1", _definition(FLOW, 1, "a"))
        _start(store, "c2", _definition(FLOW, 1, "b"))
        assert [d.hash for d in store.definitions(FLOW)] == ["a" * 64, "b" * 64]

    def test_a_definition_is_undone_with_its_write(self, store: Store) -> None:
        """A write that fails keeps no definition; nor does a batch that is undone."""
        _start(store, "c1", _definition(FLOW, 1, "a"))
        event = make_event("c1", 1)
        with pytest.raises(ConcurrentUpdate):
            store.write(Write(event, make_case("c1"), 0, definition=_definition(FLOW, 2, "b")))
        with pytest.raises(RuntimeError):
            _undone_batch(store)
        assert [d.version for d in store.definitions(FLOW)] == [1]


def _definition(flow_id: str, version: int, mark: str) -> StoredDefinition:
    text = f"id: {flow_id}\nversion: {version}\n# ฉบับทดสอบ {mark}\n"
    return StoredDefinition(flow_id, version, mark * 64, text, "c1", "2023-10-02T02:00:00.000000Z")


def _undone_batch(store: Store) -> None:
    with store.batch():
        _start(store, "c9", _definition(FLOW, 3, "c"))
        raise RuntimeError


def _start(store: Store, case_id: str, definition: StoredDefinition) -> None:
    event = make_event(case_id, 1)
    case = make_case(case_id, flow_id=definition.flow_id, head=event.hash)
    store.write(Write(event, case, 0, definition=definition))
