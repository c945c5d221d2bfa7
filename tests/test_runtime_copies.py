"""The engine's copy of the cases it wrote: a fire starts from it instead of reading the case
again, and a copy gone stale (another engine or process wrote the case since) is caught by
the guarded write and the fire is made again on the case as read, never recorded against a
state it was not decided in. Also: a store writes only the columns a fire changed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, nullcontext
from pathlib import Path
from typing import Any

import pytest

from _lending import KANYA, SOMCHAI, SOMYING, T0, announce_rules, request
from _postgres import fresh_schema
from integrity_flows import Engine, FixedClock
from integrity_flows.errors import CaseNotFound, ConcurrentUpdate, NotAuthorized
from integrity_flows.protection import FieldKey
from integrity_flows.stored import Write
from integrity_flows.stores import open_store

KEY = FieldKey.generate()


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store URL: a SQLite file, or a fresh PostgreSQL schema."""
    sqlite = nullcontext(f"sqlite:///{tmp_path}/copies.db")
    with sqlite if request.param == "sqlite" else fresh_schema() as found:
        yield found


def _open(url: str) -> Engine:
    return Engine.open(url, clock=FixedClock(T0), key=KEY)


class _Counting:
    """A store that counts the cases it is asked to load."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.loads: list[str] = []
        self.writes: list[Write] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def load(self, case_id: str) -> Any:
        self.loads.append(case_id)
        return self._store.load(case_id)

    def write(self, write: Write) -> int:
        self.writes.append(write)
        return int(self._store.write(write))


def test_a_fire_after_this_engines_write_reads_nothing(url: str) -> None:
    """The case this engine just wrote is not read back for its next fire; the write says
    which case it was (``before``), so the store can write only what changed."""
    store = _Counting(open_store(url))
    with Engine(store, Engine.open().flows, clock=FixedClock(T0), key=KEY) as engine:
        announce_rules(engine)  # the approval reads the year's rules case, not the loan
        case = engine.start("asset_lending", actor=SOMCHAI, data=request())
        checked = engine.fire(case.id, "check", actor=KANYA)
        engine.fire(case.id, "approve", actor=SOMYING)
        assert case.id not in store.loads
        assert store.writes[-1].before == checked
        assert engine.get(case.id).state == "approved"
        assert engine.verify().ok


def test_a_stale_copy_is_caught_and_the_fire_made_again(url: str) -> None:
    """Engine A wrote the case; engine B moved it since. A's fire, decided on its copy,
    loses at the guarded write and is made again on the case as stored."""
    with _open(url) as first, _open(url) as second:
        announce_rules(first)
        case = first.start("asset_lending", actor=SOMCHAI, data=request())
        second.fire(case.id, "check", actor=KANYA)
        moved = first.fire(case.id, "approve", actor=SOMYING)
        assert moved.state == "approved"
        assert moved.events == 3
        history = first.history(case.id)
        assert [(e.trigger, e.outcome, e.from_state) for e in history] == [
            ("start", "moved", None),
            ("check", "moved", "requested"),
            ("approve", "moved", "checked"),
        ]
        assert first.verify().ok


def test_a_refusal_decided_on_a_stale_copy_is_decided_again(url: str) -> None:
    """On A's copy the case is still 'requested', where approving is refused; B checked it
    since. The refusal is not recorded against 'checked': the fire is decided again there."""
    with _open(url) as first, _open(url) as second:
        announce_rules(first)
        case = first.start("asset_lending", actor=SOMCHAI, data=request())
        second.fire(case.id, "check", actor=KANYA)
        assert first.fire(case.id, "approve", actor=SOMYING).state == "approved"
        assert [e.outcome for e in first.history(case.id)] == ["moved"] * 3


def test_a_refusal_on_the_stored_case_is_recorded_once(url: str) -> None:
    """B moved the case since A wrote it; A's fire is refused on the case as it is now
    (the requester may not approve), recorded once, after B's event."""
    with _open(url) as first, _open(url) as second:
        announce_rules(first)
        case = first.start("asset_lending", actor=SOMCHAI, data=request())
        second.fire(case.id, "check", actor=KANYA)
        with pytest.raises(NotAuthorized):
            first.fire(case.id, "approve", actor=SOMCHAI)
        history = first.history(case.id)
        assert [(e.trigger, e.outcome, e.from_state) for e in history] == [
            ("start", "moved", None),
            ("check", "moved", "requested"),
            ("approve", "refused", "checked"),
        ]
        assert first.verify().ok


def test_expected_version_is_checked_against_the_stored_case(url: str) -> None:
    """A's copy is at version 1; B moved the case to version 2. A fire expecting version 2
    is right (the stored case), one expecting 1 is stale."""
    with _open(url) as first, _open(url) as second:
        announce_rules(first)
        case = first.start("asset_lending", actor=SOMCHAI, data=request())
        second.fire(case.id, "check", actor=KANYA)
        with pytest.raises(ConcurrentUpdate):
            first.fire(case.id, "approve", actor=SOMYING, expected_version=1)
        moved = first.fire(case.id, "approve", actor=SOMYING, expected_version=2)
        assert moved.version == 3


def test_a_batch_undone_leaves_no_copy_of_what_it_wrote(url: str) -> None:
    """A fire inside a batch that is undone: the engine's next fire starts from the case as
    stored (still 'requested'), not from the move that was undone."""
    with _open(url) as engine:
        case = engine.start("asset_lending", actor=SOMCHAI, data=request())

        def undone() -> None:
            with engine.batch():
                engine.fire(case.id, "check", actor=KANYA)
                raise RuntimeError("undo")

        with pytest.raises(RuntimeError):
            undone()
        assert engine.get(case.id).state == "requested"
        assert engine.fire(case.id, "check", actor=KANYA).state == "checked"
        assert [e.trigger for e in engine.history(case.id)] == ["start", "check"]
        assert engine.verify().ok


def test_a_sqlite_fire_writes_only_the_columns_it_changed(tmp_path: Path) -> None:
    """A refusal changes the case row's head and count of events, nothing else: a column
    edited behind the engine's back stays as edited (and verify names it)."""
    path = tmp_path / "columns.db"
    with _open(f"sqlite:///{path}") as engine:
        case = engine.start("asset_lending", actor=SOMCHAI, data=request())
        engine.fire(case.id, "check", actor=KANYA)
        with closing(sqlite3.connect(path)) as db, db:
            db.execute("UPDATE cases SET updated_at = ? WHERE id = ?", ("edited", case.id))
        with pytest.raises(NotAuthorized):
            engine.fire(case.id, "approve", actor=SOMCHAI)
        with closing(sqlite3.connect(path)) as db:
            row = db.execute(
                "SELECT updated_at, events, state FROM cases WHERE id = ?", (case.id,)
            ).fetchone()
        assert row == ("edited", 3, "checked")
        assert not engine.verify().ok


def test_the_engine_keeps_a_bounded_number_of_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the bound, the copy written longest ago is dropped; a fire of that case reads it
    from the store."""
    monkeypatch.setattr("integrity_flows.engine.runtime._REMEMBERED", 3)
    store = _Counting(open_store("memory://"))
    with Engine(store, Engine.open().flows, clock=FixedClock(T0)) as engine:
        ids = [
            engine.start("asset_lending", actor=SOMCHAI, data=request(f"item {n}")).id
            for n in range(5)
        ]
        assert list(engine._written) == ids[2:]
        loads = len(store.loads)
        engine.fire(ids[0], "check", actor=KANYA)
        assert store.loads[loads:] == [ids[0]]
        engine.fire(ids[4], "check", actor=KANYA)
        assert store.loads[loads:] == [ids[0]]
        assert list(engine._written) == [ids[3], ids[0], ids[4]]


@pytest.mark.parametrize("bad", [["a list"], {"a": "dict"}, None, 7])
def test_a_case_id_that_is_not_text_names_no_case(bad: Any) -> None:
    """A case id of another type is CaseNotFound, as before the engine kept copies."""
    with Engine.open("memory://", clock=FixedClock(T0)) as engine:
        engine.start("asset_lending", actor=SOMCHAI, data=request())
        with pytest.raises(CaseNotFound):
            engine.fire(bad, "check", actor=KANYA)
