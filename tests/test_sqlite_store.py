"""The SQLite store: its durability option, what a URL may not ask for, and the query plan
of a holder look-up."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from _lending import KANYA, SOMCHAI, T0, lend, request
from integrity_flows import Engine, FixedClock
from integrity_flows.engine.data import index_keys
from integrity_flows.errors import StoreError
from integrity_flows.protection import FieldKey
from integrity_flows.stores import open_store, rows
from integrity_flows.stores.sqlite import SQLiteStore


def synchronous_of(store: object) -> int:
    """PRAGMA synchronous of an open SQLite store: 2 is FULL, 1 is NORMAL."""
    assert isinstance(store, SQLiteStore)
    (row,) = store._query("PRAGMA synchronous")
    return int(str(row[0]))


@pytest.mark.parametrize(
    ("suffix", "level"),
    [("", 2), ("?synchronous=full", 2), ("?synchronous=NORMAL", 1), ("?synchronous=normal", 1)],
)
def test_sqlite_is_full_unless_the_url_asks_for_normal(
    tmp_path: Path, suffix: str, level: int
) -> None:
    """FULL by default; ``?synchronous=normal`` (any case) asks for NORMAL on that file."""
    with closing(open_store(f"sqlite:///{tmp_path / 'cases.db'}{suffix}")) as store:
        assert synchronous_of(store) == level
    assert (tmp_path / "cases.db").exists()
    assert not list(tmp_path.glob("*synchronous*"))


def test_a_store_at_normal_runs_and_verifies(tmp_path: Path) -> None:
    """The option changes durability only: cases move and the trail verifies."""
    url = f"sqlite:///{tmp_path / 'cases.db'}?synchronous=normal"
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        case = engine.start("asset_lending", actor=SOMCHAI, data=request())
        engine.fire(case.id, "check", actor=KANYA)
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        assert engine.get(case.id).state == "checked"
        assert engine.verify().ok


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("?synchronous=off", "SQLite synchronous must be full or normal, not 'off'"),
        ("?synchronous=", "SQLite synchronous must be full or normal, not ''"),
        ("?journal_mode=delete", "unknown SQLite URL option 'journal_mode'"),
    ],
)
def test_an_option_the_store_does_not_know_is_refused_naming_it(
    tmp_path: Path, query: str, named: str
) -> None:
    """Durability below NORMAL, or any other option, is refused before a file is made."""
    with pytest.raises(StoreError) as caught:
        open_store(f"sqlite:///{tmp_path / 'cases.db'}{query}")
    assert named in str(caught.value)
    assert not (tmp_path / "cases.db").exists()


def test_a_holder_look_up_reads_only_the_rows_of_the_states_asked(tmp_path: Path) -> None:
    """However many past cases hold a value, the look-up searches the index on flow,
    field, value and state (a plan ordered by case id would walk them all)."""
    seen: list[str] = []
    with closing(open_store(f"sqlite:///{tmp_path / 'cases.db'}")) as store:
        assert isinstance(store, SQLiteStore)
        query = store._query

        def explained(sql: str, params: object = ()) -> list[tuple[object, ...]]:
            if "FROM case_keys" in sql and sql.startswith("SELECT case_id"):
                seen.extend(str(row[-1]) for row in query(f"EXPLAIN QUERY PLAN {sql}", params))
            return query(sql, params)  # type: ignore[arg-type]

        store._query = explained  # type: ignore[method-assign]
        store.holders("asset_lending", "borrower", "somchai", ["overdue", "escalated"])
    assert seen
    assert all("PRIMARY KEY (flow_id=? AND field=? AND value=? AND state=?)" in s for s in seen)


@pytest.mark.parametrize("statement", [rows.CLEAR_KEYS, rows.DROP_KEY, rows.MOVE_KEYS])
def test_a_case_s_index_rows_are_found_by_case(tmp_path: Path, statement: str) -> None:
    """The writes of a case's index rows search the index by case, not the look-up key
    (whose first column, the flow, they do not give)."""
    with closing(open_store(f"sqlite:///{tmp_path / 'cases.db'}")) as store:
        assert isinstance(store, SQLiteStore)
        params = ("c1", "borrower", "somchai")[: statement.count("?")]
        plan = [str(row[-1]) for row in store._query(f"EXPLAIN QUERY PLAN {statement}", params)]
    assert plan
    assert all(s.startswith("SEARCH case_keys USING ") for s in plan)
    assert all("INDEX case_keys_case (case_id=?" in s for s in plan)


def test_two_stores_appending_in_turn_keep_one_tree(tmp_path: Path) -> None:
    """Each store goes on from the tree's edge as it last committed it only while nobody
    appended since: two engines on one file writing in turn (and one writing twice in a
    row) leave one tree that verifies."""
    url = f"sqlite:///{tmp_path}/turns.db"
    key = FieldKey.generate()
    with (
        Engine.open(url, clock=FixedClock(T0), key=key) as first,
        Engine.open(url, clock=FixedClock(T0), key=key) as second,
    ):
        for n in range(5):
            one = first.start("asset_lending", actor=SOMCHAI, data=request(f"item {n}"))
            two = second.start("asset_lending", actor=SOMCHAI, data=request(f"other {n}"))
            first.fire(two.id, "check", actor=KANYA)
            first.fire(one.id, "check", actor=KANYA)
        report = first.verify()
        assert report.ok, report.problems
        assert report.events == 20
        assert second.store.tree_size() == 20


def test_index_and_deadline_rows_are_rewritten_only_where_they_changed(tmp_path: Path) -> None:
    """A fire that adds an indexed key inserts that key's row and moves the others; a fire
    that changes the deadlines replaces only theirs: the rows are those of a full rewrite,
    and ``verify`` finds them as the cases say."""
    url = f"sqlite:///{tmp_path / 'cases.db'}"
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        statements: list[str] = []
        store = engine.store
        assert isinstance(store, SQLiteStore)
        store._db.set_trace_callback(statements.append)
        case = lend(engine)
        store._db.set_trace_callback(None)
        back = engine.fire(case.id, "return_intact", actor=KANYA, data={"condition_in": "ดี"})
        rows = sorted(row[2:] for row in store.iter_index_rows() if row[0] == case.id)
        held = index_keys(engine.definition_of(back), back.data)
        assert rows == sorted((f, v, "returned") for f, v in held.items())
        assert {"item", "register_no"} <= set(held)
        deadlines = [(t, d) for c, t, d in store.iter_deadline_rows() if c == case.id]
        assert deadlines == sorted((d.trigger, d.due) for d in back.deadlines)
        # The hand-over kept the rows it did not change: no key row was deleted.
        assert not [s for s in statements if s.startswith("DELETE FROM case_keys")]
        assert engine.verify().ok
