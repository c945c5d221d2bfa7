"""The store contract run on every store, and the engine-level contract on every store.

The PostgreSQL tests need INTEGRITY_FLOWS_TEST_POSTGRES (see tests/_postgres.py); without
it they are skipped, each with that reason.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, closing, nullcontext
from pathlib import Path
from typing import Any

import pytest

from _lending import KANYA, SOMCHAI, SOMYING, T0, announce_rules, request
from _postgres import fresh_schema
from integrity_flows import Engine, FixedClock
from integrity_flows.audit import merkle
from integrity_flows.audit.log import AwaitingLeaf, inclusion, verify_log
from integrity_flows.case import Deadline
from integrity_flows.errors import ConcurrentUpdate, StoreError
from integrity_flows.stores import MemoryStore, SQLiteStore, Write, open_store, postgres_store
from integrity_flows.stores.migrations import LATEST
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

    @pytest.fixture
    def corrupt(self) -> Callable[[Any, str, str, str], None]:
        """Writes raw text into a column of a case row through the store's connection."""

        def write(store: Any, case_id: str, column: str, value: str) -> None:
            store._db.execute(f"UPDATE cases SET {column} = ? WHERE id = ?", (value, case_id))

        return write

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


# --- PostgreSQL ----------------------------------------------------------------


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """The URL of an empty schema of the test database (skipped without one)."""
    with fresh_schema() as url:
        yield url


class TestPostgresStore(StoreContract):
    """The contract on the PostgreSQL store, each test in a schema of its own."""

    @pytest.fixture
    def store(self, postgres_url: str) -> Iterator[Any]:
        """A fresh PostgreSQL store."""
        store = postgres_store()(postgres_url)
        yield store
        store.close()

    @pytest.fixture
    def corrupt(self) -> Callable[[Any, str, str, str], None]:
        """Writes raw text into a column of a case row through the store's connection."""

        def write(store: Any, case_id: str, column: str, value: str) -> None:
            sql = f"UPDATE cases SET {column} = %s WHERE id = %s"
            store._db.execute(sql, (value, case_id))

        return write

    def test_migrations_are_recorded_once(self, postgres_url: str) -> None:
        """Opening the database again, or migrating it again, applies no migration twice."""
        first = postgres_store()(postgres_url, migrate=False)
        try:
            assert first.migrate() == list(range(1, LATEST + 1))
            assert first.migrate() == []
        finally:
            first.close()
        again = postgres_store()(postgres_url)
        try:
            assert again.migrate() == []
            assert again.schema_version() == LATEST
        finally:
            again.close()

    def test_stores_migrating_at_once_apply_each_migration_once(self, postgres_url: str) -> None:
        """Engines starting together on a new database: one creates the tables, none fails."""
        opened: list[Any] = []
        errors: list[BaseException] = []
        barrier = threading.Barrier(4)

        def open_one() -> None:
            barrier.wait()
            try:
                opened.append(postgres_store()(postgres_url))
            except BaseException as exc:  # reported to the test thread below
                errors.append(exc)

        threads = [threading.Thread(target=open_one) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for store in opened:
            store.close()
        assert errors == []
        with closing(postgres_store()(postgres_url)) as store:
            versions = store._query("SELECT version FROM schema_migrations ORDER BY version")
            assert versions == [(n,) for n in range(1, LATEST + 1)]

    def test_machines_recording_a_key_fingerprint_at_once_agree(self, postgres_url: str) -> None:
        """Four stores on one new database (four machines) record different fingerprints at
        once: one is kept, and every one of them is told that one."""
        stores = [postgres_store()(postgres_url) for _ in range(4)]
        barrier = threading.Barrier(4)
        answers: list[str | None] = []

        def record(n: int) -> None:
            barrier.wait(10)
            answers.append(stores[n].record_key_fingerprint(f"{n:08x}"))

        threads = [threading.Thread(target=record, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        for store in stores:
            store.close()
        assert len(answers) == 4
        assert len(set(answers)) == 1

    def test_two_connections_cannot_both_append_the_same_position(self, postgres_url: str) -> None:
        """Two stores on one database (two machines' view): a stale append fails."""
        with (
            closing(postgres_store()(postgres_url)) as first,
            closing(postgres_store()(postgres_url)) as second,
        ):
            append(first, "c1")
            append(first, "c1", state="approved")
            event = make_event("c1", 2, second.events("c1")[0].hash, state="rejected")
            with pytest.raises(ConcurrentUpdate) as caught:
                second.write(Write(event, make_case("c1", events=2, head=event.hash), 1))
            assert (caught.value.expected, caught.value.actual) == (1, 2)
            assert [e.pos for e in first.events("c1")] == [1, 2]
            loaded = second.load("c1")
            assert loaded is not None
            assert loaded.state == "approved"

    def test_a_statement_refused_in_a_writes_pipeline_undoes_it_and_the_store_goes_on(
        self, postgres_url: str
    ) -> None:
        """A write's statements go out together: one the server refuses (a second new case
        of an id, on cases_pkey) fails the write as ConcurrentUpdate, its transaction is
        rolled back, and the same store's next write is committed with its leaf."""
        with (
            closing(postgres_store()(postgres_url)) as first,
            closing(postgres_store()(postgres_url)) as second,
        ):
            append(first, "c1", state="first")
            event = make_event("c1", 1, writer="second")
            with pytest.raises(ConcurrentUpdate):
                second.write(Write(event, make_case("c1", head=event.hash), 0))
            append(second, "c2")
            loaded = first.load("c1")
            assert loaded is not None
            assert loaded.state == "first"
            assert [e.pos for e in second.events("c2")] == [1]
            assert first.tree_size() == 2

    def test_a_writer_waits_for_the_other_then_loses(self, postgres_url: str) -> None:
        """A second writer of the same position waits for the first's transaction, then gets
        ConcurrentUpdate; nothing of it is written."""
        with (
            closing(postgres_store()(postgres_url)) as first,
            closing(postgres_store()(postgres_url)) as second,
        ):
            append(first, "c1")
            head = first.events("c1")[0].hash
            waiting = threading.Event()
            outcome: list[str] = []

            def write_second() -> None:
                event = make_event("c1", 2, head, writer="second")
                waiting.set()
                try:
                    second.write(Write(event, make_case("c1", events=2, head=event.hash), 1))
                except ConcurrentUpdate:
                    outcome.append("refused")
                else:
                    outcome.append("written")

            with first.batch():
                append(first, "c1", state="first")
                thread = threading.Thread(target=write_second)
                thread.start()
                waiting.wait()
                thread.join(0.3)
                assert thread.is_alive()  # held by the first writer's row lock
            thread.join(10)
            assert outcome == ["refused"]
            assert [e.pos for e in first.events("c1")] == [1, 2]
            loaded = first.load("c1")
            assert loaded is not None
            assert loaded.state == "first"

    def test_a_claim_held_elsewhere_is_skipped_not_awaited(self, postgres_url: str) -> None:
        """While one sweeper holds a deadline's case, another's claim yields False at once."""
        with (
            closing(postgres_store()(postgres_url)) as one,
            closing(postgres_store()(postgres_url)) as other,
        ):
            append(one, "a", deadlines=[Deadline("remind", T0), Deadline("late", T0)])
            with one.claim_deadline("a", "remind", T0) as held:
                assert held
                with other.claim_deadline("a", "late", T0) as elsewhere:
                    assert elsewhere is False
                append(one, "a", state="reminded", deadlines=[Deadline("late", T0)])
            with other.claim_deadline("a", "remind", T0) as again:
                assert again is False
            with other.claim_deadline("a", "late", T0) as late:
                assert late is True

    def test_batches_that_deadlock_fail_as_concurrent_updates(self, postgres_url: str) -> None:
        """Two batches writing the same two cases in opposite orders: PostgreSQL undoes one
        (deadlock), which is reported as ConcurrentUpdate; the other commits. (Each batch
        holds its first case's row, then waits for the other's.)"""
        with closing(postgres_store()(postgres_url)) as setup:
            append(setup, "a")
            append(setup, "b")
        barrier = threading.Barrier(2)
        outcome: dict[str, str] = {}

        def run(name: str, order: tuple[str, str]) -> None:
            with closing(postgres_store()(postgres_url)) as store:
                barrier.wait()
                try:
                    with store.batch():
                        append(store, order[0], state=name)
                        time.sleep(0.3)
                        append(store, order[1], state=name)
                except ConcurrentUpdate:
                    outcome[name] = "refused"
                else:
                    outcome[name] = "written"

        threads = [
            threading.Thread(target=run, args=("x", ("a", "b"))),
            threading.Thread(target=run, args=("y", ("b", "a"))),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert sorted(outcome.values()) == ["refused", "written"]
        winner = next(name for name, result in outcome.items() if result == "written")
        with closing(postgres_store()(postgres_url)) as store:
            assert {c.id: c.state for c in store.iter_cases()} == {"a": winner, "b": winner}
            assert [len(store.events(i)) for i in ("a", "b")] == [2, 2]

    def test_a_writer_finding_the_log_held_commits_and_the_next_places_its_event(
        self, postgres_url: str
    ) -> None:
        """A writer never waits for the log: while a batch holds it, another writer's event
        commits without a leaf (and verify does not count that a problem, nor prove it as
        absent); the next writer holding the log places it before its own, in the order
        written, and the tree is the tree of the events in that order."""
        holder = postgres_store()(postgres_url)
        other = postgres_store()(postgres_url)
        try:
            append(holder, "a")
            with holder.batch():
                append(holder, "b")
                append(other, "c")  # does not wait for the batch's commit
                append(other, "d")
            assert [other.events(i)[0].leaf for i in "abcd"] == [0, 1, None, None]
            assert holder.tree_size() == 2
            assert verify_log(holder, []) == ([], 4)
            with pytest.raises(AwaitingLeaf):
                inclusion(holder, "c", 1)
            _, seq = append(holder, "a")
            placed = {e.seq: e.leaf for e in holder.iter_events_by_seq()}
            assert [holder.events(i)[0].leaf for i in "cd"] == [2, 3]
            assert placed[seq] == 4
            by_leaf = list(holder.iter_events_by_leaf())
            leaves = [merkle.event_leaf(e.body) for e in by_leaf]
            assert [e.leaf for e in by_leaf] == list(range(5))
            assert merkle.root(5, holder.tree_nodes) == merkle.tree_root(leaves)
            for old in range(1, 5):
                proof = merkle.consistency_proof(old, 5, holder.tree_nodes)
                top = merkle.root(5, holder.tree_nodes)
                assert merkle.verify_consistency(
                    old, 5, merkle.root(old, holder.tree_nodes), top, proof
                )
            assert inclusion(holder, "c", 1)["leaf_index"] == 2
        finally:
            other.close()
            holder.close()

    def test_a_store_that_left_events_waiting_places_them_when_it_closes(
        self, postgres_url: str
    ) -> None:
        """Closing a store whose events waited for the log gives them their leaves, so the
        tree of a store at rest holds every event; a store that left none waiting does
        not touch the log when it closes."""
        holder = postgres_store()(postgres_url)
        other = postgres_store()(postgres_url)
        try:
            with holder.batch():
                append(holder, "a")
                append(other, "b")
            assert other.events("b")[0].leaf is None
            other.close()
            assert [holder.events(i)[0].leaf for i in "ab"] == [0, 1]
            assert holder.tree_size() == 2
            assert holder.settle() == 0
        finally:
            other.close()
            holder.close()

    def test_the_floor_of_waiting_events_never_passes_a_writer_still_running(
        self, postgres_url: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The read of waiting events starts above a floor that rises as holders write,
        but never above an event whose writer has not ended: an event written while the
        log was held, in a transaction still open while holders write on, gets its leaf
        from the holder after its commit."""
        from integrity_flows.stores import postgres

        monkeypatch.setattr(postgres, "_FLOOR_EVERY", 1)  # read the floor at every turn
        monkeypatch.setattr(postgres, "_FLOOR_LAG", 0)  # and propose one
        holder = postgres_store()(postgres_url)
        other = postgres_store()(postgres_url)
        blocker = postgres_store()(postgres_url)

        def floor() -> int:
            sql = "SELECT value FROM store_meta WHERE name = %s"
            rows = holder._query(sql, (postgres.FLOOR,))
            return int(rows[0][0].split()[0]) if rows else 0

        try:
            for n in range(4):
                append(holder, f"h{n}")
            assert floor() > 0
            with ExitStack() as open_batch:
                with blocker.batch():
                    append(blocker, "b")  # holds the log
                    open_batch.enter_context(other.batch())
                    append(other, "c")  # waits for its leaf, its transaction open
                (waiting,) = other.events("c")
                assert waiting.leaf is None
                for n in range(4):
                    append(holder, f"h{n}")
                    assert floor() < waiting.seq
            assert holder.events("c")[0].leaf is None  # committed after the last holder read
            append(holder, "h0")
            assert holder.events("c")[0].leaf is not None
            for n in range(3):
                append(holder, f"h{n}")
            assert floor() >= waiting.seq
            assert verify_log(holder, []) == ([], holder.tree_size())
            by_leaf = list(holder.iter_events_by_leaf())
            leaves = [merkle.event_leaf(e.body) for e in by_leaf]
            assert merkle.root(len(leaves), holder.tree_nodes) == merkle.tree_root(leaves)
        finally:
            other.close()
            blocker.close()
            holder.close()

    def test_a_floor_row_edited_by_hand_counts_as_no_floor(self, postgres_url: str) -> None:
        """A floor that is not three whole numbers stops no write: every waiting event is
        looked at, and the next holder writes a floor of its own."""
        import psycopg

        from integrity_flows.stores.postgres import FLOOR

        holder = postgres_store()(postgres_url)
        other = postgres_store()(postgres_url)
        try:
            with psycopg.connect(postgres_url) as db:
                db.execute("INSERT INTO store_meta (name, value) VALUES (%s, 'x; 1')", (FLOOR,))
            with holder.batch():
                append(holder, "a")
                append(other, "b")
            append(holder, "a")
            assert holder.events("b")[0].leaf is not None
            assert verify_log(holder, []) == ([], 3)
        finally:
            other.close()
            holder.close()

    def test_settling_looks_below_the_floor(self, postgres_url: str) -> None:
        """A store settling at close reads every waiting event, whatever the floor says."""
        import psycopg

        from integrity_flows.stores.postgres import FLOOR

        with psycopg.connect(postgres_url) as db:  # a floor above every event to come
            postgres_store()(postgres_url).close()
            db.execute("INSERT INTO store_meta (name, value) VALUES (%s, '1000000 0 0')", (FLOOR,))
        holder = postgres_store()(postgres_url)
        other = postgres_store()(postgres_url)
        try:
            append(holder, "a")  # reads the floor
            with holder.batch():
                append(holder, "a")
                append(other, "b")
            append(holder, "a")
            assert holder.events("b")[0].leaf is None  # below the floor
            other.close()
            assert holder.events("b")[0].leaf is not None
            assert verify_log(holder, []) == ([], 4)
        finally:
            other.close()
            holder.close()

    def test_streaming_reads_page_through_their_own_connection(
        self, postgres_url: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """iter_cases and iter_events read a page at a time on a connection of their own:
        the store writes on while an iteration is half done, and the iteration sees the
        trail as it was when it began."""
        from integrity_flows.stores import postgres

        monkeypatch.setattr(postgres, "_PAGE", 2)
        with closing(postgres_store()(postgres_url)) as store:
            for n in range(5):
                append(store, f"c{n}")
            cases = store.iter_cases()
            events = store.iter_events_by_seq()
            assert next(cases).id == "c0"
            assert next(events).case_id == "c0"
            append(store, "c9")
            append(store, "c0", state="approved")
            assert [c.id for c in cases] == ["c1", "c2", "c3", "c4"]
            assert [e.case_id for e in events] == ["c1", "c2", "c3", "c4"]
            assert len(list(store.iter_events())) == 7

    def test_a_lost_connection_is_opened_again(self, postgres_url: str) -> None:
        """A connection the server dropped fails the call in progress with a StoreError; the
        next call opens a new one."""
        import psycopg

        with closing(postgres_store()(postgres_url)) as store:
            append(store, "a")
            (pid,) = store._query("SELECT pg_backend_pid()")[0]
            with psycopg.connect(postgres_url, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            with pytest.raises(StoreError) as caught:
                store.load("a")
            assert "PostgreSQL" in caught.value.message_en
            assert "ผิดพลาด" in caught.value.message_th
            append(store, "a", state="approved")
            loaded = store.load("a")
            assert loaded is not None
            assert loaded.state == "approved"

    def test_driver_errors_are_store_errors_in_both_languages(self, postgres_url: str) -> None:
        """A store opened without its tables reports a StoreError in Thai and English."""
        with closing(postgres_store()(postgres_url, migrate=False)) as store:
            for call in (lambda: store.load("a"), lambda: list(store.iter_cases())):
                with pytest.raises(StoreError) as caught:
                    call()
                assert not isinstance(caught.value, ConcurrentUpdate)
                assert caught.value.message_en.startswith("PostgreSQL store failed while reading")
                assert caught.value.message_th.startswith("ที่เก็บข้อมูล PostgreSQL ผิดพลาดขณะอ่านข้อมูล")
            event = make_event("a", 1)
            with pytest.raises(StoreError, match="writing a case"):
                store.write(Write(event, make_case("a", head=event.hash), 0))

    def test_a_database_that_cannot_be_reached_is_a_store_error(self, postgres_url: str) -> None:
        """Opening a database that does not exist fails with a StoreError, in both languages."""
        url = postgres_url.replace("?", "_missing?", 1)
        with pytest.raises(StoreError) as caught:
            open_store(url)
        assert "opening the database" in caught.value.message_en
        assert "เปิดฐานข้อมูล" in caught.value.message_th


def test_open_store_postgres_urls(postgres_url: str) -> None:
    """open_store opens postgresql:// and postgres:// URLs with the PostgreSQL store."""
    for url in (postgres_url, postgres_url.replace("postgresql://", "postgres://", 1)):
        store = open_store(url)
        try:
            assert type(store).__name__ == "PostgresStore"
            assert store.load("nobody") is None
        finally:
            store.close()


def test_postgres_needs_psycopg(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without psycopg, a PostgreSQL URL fails with a StoreError naming the extra to install."""
    monkeypatch.setitem(sys.modules, "psycopg", None)
    monkeypatch.delitem(sys.modules, "integrity_flows.stores.postgres", raising=False)
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://localhost/cases")
    assert 'pip install "integrity-flows[postgres]"' in caught.value.message_en
    assert 'pip install "integrity-flows[postgres]"' in caught.value.message_th
    assert "psycopg" in caught.value.message_th


def test_only_the_postgres_store_imports_psycopg() -> None:
    """The package, its stores, CLI and test support import without psycopg."""
    code = (
        "import sys, integrity_flows, integrity_flows.stores, integrity_flows.cli\n"
        "import integrity_flows.testing.store_contract\n"
        "assert 'psycopg' not in sys.modules, 'psycopg imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- the engine on every store ----------------------------------------------------


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An engine on each store, with a fixed clock."""
    urls = {"memory": nullcontext("memory://"), "sqlite": nullcontext(f"sqlite:///{tmp_path}/x.db")}
    with urls.get(request.param) or fresh_schema() as url:
        engine = announce_rules(Engine.open(url, clock=FixedClock(T0)))
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
    assert (report.cases, report.events) == (2, 6)  # and the asset_rules case of the year


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
        announce_rules(engine)
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
