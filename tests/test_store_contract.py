"""The store contract run on every store, and the engine-level contract on both stores."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from _lending import KANYA, SOMCHAI, SOMYING, T0, request
from integrity_flows import Engine, FixedClock
from integrity_flows.errors import ConcurrentUpdate
from integrity_flows.stores import MemoryStore, SQLiteStore, Write, open_store
from integrity_flows.testing.store_contract import StoreContract, append, make_case, make_event


class TestMemoryStore(StoreContract):
    """The contract on the in-memory store."""

    @pytest.fixture
    def store(self) -> Iterator[MemoryStore]:
        """A fresh in-memory store."""
        store = MemoryStore()
        yield store
        store.close()


class TestSQLiteStore(StoreContract):
    """The contract on the SQLite store, in a file."""

    @pytest.fixture
    def store(self, tmp_path: Path) -> Iterator[SQLiteStore]:
        """A fresh SQLite store in a temporary file."""
        store = SQLiteStore(tmp_path / "contract.db")
        yield store
        store.close()

    def test_two_connections_cannot_both_append_the_same_position(self, tmp_path: Path) -> None:
        """Two stores on one file (two processes' view): the second append of a position fails."""
        first = SQLiteStore(tmp_path / "shared.db")
        second = SQLiteStore(tmp_path / "shared.db")
        try:
            append(first, "c1")
            append(first, "c1", state="approved")
            stale = second.events("c1")[:1]
            assert len(stale) == 1
            # second believes the chain still has one event
            event = make_event("c1", 2, stale[0].hash, state="rejected")
            with pytest.raises(ConcurrentUpdate):
                second.write(Write(event, make_case("c1", events=2, head=event.hash), 1))
            assert [e.pos for e in first.events("c1")] == [1, 2]
            loaded = second.load("c1")
            assert loaded is not None
            assert loaded.state == "approved"
        finally:
            first.close()
            second.close()

    def test_migrations_are_recorded_once(self, tmp_path: Path) -> None:
        """Reopening a database applies no migration twice."""
        path = tmp_path / "m.db"
        store = SQLiteStore(path)
        version = store.schema_version()
        store.close()
        again = SQLiteStore(path)
        try:
            assert again.migrate() == []
            assert again.schema_version() == version >= 1
        finally:
            again.close()


def test_open_store_urls(tmp_path: Path) -> None:
    """open_store understands memory://, sqlite:///abs/path and sqlite://:memory:."""
    assert isinstance(open_store("memory://"), MemoryStore)
    in_memory = open_store("sqlite://:memory:")
    assert isinstance(in_memory, SQLiteStore)
    in_memory.close()
    on_disk = open_store(f"sqlite:///{tmp_path}/u.db")
    assert isinstance(on_disk, SQLiteStore)
    assert Path(on_disk.path) == tmp_path / "u.db"
    on_disk.close()


# --- the engine on both stores ------------------------------------------------


@pytest.fixture(params=["memory", "sqlite"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An engine on each store, with a fixed clock."""
    url = "memory://" if request.param == "memory" else f"sqlite:///{tmp_path}/x.db"
    engine = Engine.open(url, clock=FixedClock(T0))
    yield engine
    engine.close()


def test_engine_start_fire_history_verify(engine: Engine) -> None:
    """Start and fire move the case, history lists every event in order, verify is ok."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    assert (case.state, case.version) == ("requested", 1)
    case = engine.fire(case.id, "check", actor=KANYA)
    case = engine.fire(case.id, "approve", actor=SOMYING, reason="ใช้ในราชการ")
    assert (case.state, case.version, case.events) == ("approved", 3, 3)
    assert engine.get(case.id) == case
    history = engine.history(case.id)
    assert [(e.pos, e.trigger, e.from_state, e.to_state) for e in history] == [
        (1, "start", None, "requested"),
        (2, "check", "requested", "checked"),
        (3, "approve", "checked", "approved"),
    ]
    assert history[-1].reason == "ใช้ในราชการ"
    assert history[-1].hash == case.head
    assert [c.id for c in engine.cases("asset_lending", "approved")] == [case.id]
    report = engine.verify()
    assert report.ok, report.problems
    assert (report.cases, report.events) == (1, 3)


def test_engine_stale_expected_version_writes_nothing(engine: Engine) -> None:
    """A fire with a stale expected_version raises ConcurrentUpdate and writes nothing."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    first = case.version
    case = engine.fire(case.id, "check", actor=KANYA, expected_version=first)
    events_before = list(engine.events())
    with pytest.raises(ConcurrentUpdate) as caught:
        engine.fire(case.id, "approve", actor=SOMYING, expected_version=first)
    assert caught.value.case_id == case.id
    assert engine.get(case.id) == case
    assert list(engine.events()) == events_before
    assert len(engine.history(case.id)) == 2
    assert engine.verify().ok


def test_sqlite_data_survives_reopening(tmp_path: Path) -> None:
    """Cases and their trail written to a SQLite file are all there after reopening it."""
    url = f"sqlite:///{tmp_path}/keep.db"
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        case = engine.start("asset_lending", actor=SOMCHAI, data=request())
        case = engine.fire(case.id, "check", actor=KANYA)
        history = engine.history(case.id)
    with Engine.open(url, clock=FixedClock(T0)) as reopened:
        assert reopened.get(case.id) == case
        assert reopened.history(case.id) == history
        assert reopened.verify().ok
        case = reopened.fire(case.id, "approve", actor=SOMYING)
        assert case.state == "approved"


def test_sqlite_pragmas_wal_and_full_sync(tmp_path: Path) -> None:
    """The SQLite store runs in WAL mode with synchronous=FULL (2)."""
    with Engine.open(f"sqlite:///{tmp_path}/p.db") as engine:
        db = engine.store._db  # type: ignore[attr-defined]
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2
    # WAL is kept in the file itself.
    other = sqlite3.connect(tmp_path / "p.db")
    try:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        other.close()


def test_importing_the_package_does_not_import_pytest() -> None:
    """Installing integrity-flows never drags pytest into a host: only store_contract imports it."""
    import subprocess
    import sys

    code = (
        "import sys, integrity_flows, integrity_flows.stores, integrity_flows.testing\n"
        "assert 'pytest' not in sys.modules, 'pytest imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
