"""The SQLite store: the embedded default. WAL journal, ``synchronous=FULL`` (or NORMAL).

Each write is one ``BEGIN IMMEDIATE`` transaction holding the event, the case row,
its indexed keys and its deadlines; driver errors are translated here and nowhere else.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from integrity_flows.audit import merkle
from integrity_flows.audit.records import iso
from integrity_flows.errors import ConcurrentUpdate, ForeignStore, StoreError
from integrity_flows.logs import library_events
from integrity_flows.stored import Write
from integrity_flows.stores.migrations import (
    BUILD_TREE,
    MIGRATIONS,
    OUR_TABLES,
    SCHEMA_MIGRATIONS,
    foreign_schema,
    is_ours_to_migrate,
    statements,
)
from integrity_flows.stores.rows import (
    CASE_COLUMNS,
    KEEP_DEFINITION,
    KEY_FINGERPRINT,
    TREE_SIZE,
    WHAT_TH,
    case_changes,
    case_to_row,
    definition_row,
    insert_nodes,
    nodes_query,
    row_changes,
    tree_nodes,
)
from integrity_flows.stores.sql import COUNT_EVENTS, SQLReads

_INSERT_CASE = (
    f"INSERT INTO cases ({', '.join(CASE_COLUMNS)}) VALUES ({', '.join('?' * len(CASE_COLUMNS))})"
)
_KEEP_DEFINITION = KEEP_DEFINITION.replace("%s", "?")


@functools.cache
def _update_case(columns: tuple[str, ...]) -> str:
    """The guarded UPDATE of ``columns`` of a case row (the row must have the events the
    writer read); one text per set of columns, made once."""
    return f"UPDATE cases SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ? AND events = ?"


def _error(exc: sqlite3.Error, what: str, path: str) -> StoreError:
    return StoreError(
        f"ที่เก็บข้อมูล SQLite {path} ผิดพลาดขณะ{WHAT_TH.get(what, what)}: {exc}",
        f"SQLite store {path} failed while {what}: {exc}",
    )


def _create_private(path: str) -> None:
    """Create the database file ``path``, if it does not exist, readable by its owner only
    (SQLite gives its journal files the same mode)."""
    if path == ":memory:":
        return
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    except OSError as exc:
        raise StoreError(
            f"ที่เก็บข้อมูล SQLite {path} ผิดพลาดขณะ{WHAT_TH['opening the database']}: {exc.strerror}",
            f"SQLite store {path} failed while opening the database: {exc.strerror}",
        ) from None


class SQLiteStore(SQLReads):
    """Cases and their trail in one SQLite file (or ``:memory:``).

    A new file is created readable by its owner only (mode 600). ``read_only`` opens an
    existing file without migrating and without writing anything to it, and refuses one
    that is not an integrity-flows database (:class:`ForeignStore`). ``synchronous`` is
    ``FULL`` (a committed write survives a power cut) or ``NORMAL`` (faster; the last
    commits before a power cut may be lost, the database stays consistent).
    """

    mark = "?"

    def __init__(
        self,
        path: str | Path,
        *,
        migrate: bool = True,
        read_only: bool = False,
        synchronous: str = "FULL",
    ) -> None:
        self.path = str(path)
        # One writer at a time: every event gets its leaf in its write.
        self.leaves_wait = False
        # ``:memory:`` keeps nothing beyond the process (protocols.Store.volatile).
        self.volatile = self.path == ":memory:"
        self.read_only = read_only and not self.volatile
        try:
            if self.read_only:
                uri = f"{Path(self.path).absolute().as_uri()}?mode=ro"
                self._db = sqlite3.connect(
                    uri, uri=True, isolation_level=None, check_same_thread=False, timeout=30.0
                )
            else:
                _create_private(self.path)
                self._db = sqlite3.connect(
                    self.path, isolation_level=None, check_same_thread=False, timeout=30.0
                )
                self._db.execute("PRAGMA journal_mode = WAL")
                if synchronous not in ("FULL", "NORMAL"):
                    raise ValueError(f"synchronous must be FULL or NORMAL, not {synchronous!r}")
                self._db.execute(f"PRAGMA synchronous = {synchronous}")
            self._db.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            raise _error(exc, "opening the database", self.path) from exc
        self._lock = threading.RLock()
        self._depth = 0
        # The tree's right edge while a transaction holds the write lock (nobody else can
        # append meanwhile); forgotten when a transaction or savepoint ends or is undone.
        self._edge: merkle.Appender | None = None
        # The right edge as this store's last transaction committed it: the next one
        # starts from it, unread, when the tree still has its size (nobody appended since;
        # the tree only grows).
        self._committed_edge: merkle.Appender | None = None
        if self.read_only:
            self._check_ours()
        elif migrate:
            self.migrate()

    # --- schema -------------------------------------------------------------

    def _tables(self) -> set[str]:
        rows = self._query("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {str(name) for (name,) in rows if not str(name).startswith("sqlite_")}

    def _check_ours(self) -> None:
        tables = self._tables()
        version = self.schema_version() if tables >= OUR_TABLES else None
        why = foreign_schema(tables, version)
        if why is not None:
            self.close()
            raise ForeignStore(
                f"อ่านฐานข้อมูล SQLite {self.path} ไม่ได้: {why[1]} ไม่มีการอ่านหรือเขียนใด ๆ",
                f"cannot read the SQLite database {self.path}: {why[0]}; "
                "nothing was read or written",
            )

    def migrate(self) -> list[int]:
        """Apply pending migrations; return the numbers applied. A database holding other
        tables and no ``schema_migrations`` is someone else's: it is refused, untouched."""
        tables = self._tables()
        if not is_ours_to_migrate(tables):
            raise ForeignStore(
                f"ฐานข้อมูล SQLite {self.path} มีตารางอื่นอยู่ ({', '.join(sorted(tables))}) "
                "ไม่ใช่ฐานข้อมูลของ integrity-flows จึงไม่สร้างตารางใด ๆ ในฐานข้อมูลนี้",
                f"the SQLite database {self.path} holds other tables "
                f"({', '.join(sorted(tables))}) and is not an integrity-flows database; "
                "no table was created in it",
            )
        applied: list[int] = []
        with self._transaction("migrating the schema"):
            (create,) = statements((SCHEMA_MIGRATIONS,), "sqlite")
            self._db.execute(create)
            done = {row[0] for row in self._db.execute("SELECT version FROM schema_migrations")}
            for number, description, sql in MIGRATIONS:
                if number in done:
                    continue
                for statement in statements(sql, "sqlite"):
                    if statement == BUILD_TREE:
                        self._build_tree()
                    else:
                        self._db.execute(statement)
                self._db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    (number, description, iso(datetime.now(UTC))),
                )
                applied.append(number)
        return applied

    def _build_tree(self) -> None:
        """Give every event its leaf, in write order, and store the tree over them."""
        tree = merkle.Appender()
        last = 0
        while True:
            page = self._db.execute(
                "SELECT seq, body FROM events WHERE seq > ? ORDER BY seq LIMIT 5000", (last,)
            ).fetchall()
            if not page:
                break
            leaves, nodes = [], []
            for seq, body in page:
                leaves.append((tree.size, seq))
                nodes.extend(tree.add(merkle.event_leaf(body)))
            self._db.executemany("UPDATE events SET leaf = ? WHERE seq = ?", leaves)
            # The table as migration 3 makes it (migration 6 reorders it afterwards).
            self._db.executemany("INSERT INTO merkle_nodes VALUES (?, ?, ?)", nodes)
            last = page[-1][0]
        origin = merkle.new_origin()
        self._db.execute("INSERT INTO merkle_log VALUES (?)", (origin,))
        if tree.size:
            library_events().info(
                "merkle_tree_built", store="sqlite", events=tree.size, origin=origin
            )

    # --- facts about the store ------------------------------------------------

    def _has_meta(self) -> bool:
        rows = self._query(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store_meta'"
        )
        return bool(rows)

    def record_key_fingerprint(self, fingerprint: str) -> str | None:
        """Record ``fingerprint`` unless one is recorded; return the one recorded (None when
        the schema is older than the table that keeps it)."""
        if not self._has_meta():
            return None
        with self._transaction("recording the key's fingerprint"):
            self._db.execute(
                "INSERT INTO store_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                (KEY_FINGERPRINT, fingerprint),
            )
            (row,) = self._db.execute(
                "SELECT value FROM store_meta WHERE name = ?", (KEY_FINGERPRINT,)
            ).fetchall()
        return str(row[0])

    # --- transactions -------------------------------------------------------

    @contextmanager
    def _transaction(self, what: str) -> Iterator[None]:
        # The outermost level is a transaction; a level inside a batch is a savepoint,
        # so a write that fails inside a batch leaves nothing behind even when the
        # caller catches the error and the batch goes on.
        with self._lock:
            outer = self._depth == 0
            savepoint = f"sp{self._depth}"
            started = False
            if outer:
                self._edge = None
            try:
                self._db.execute("BEGIN IMMEDIATE" if outer else f"SAVEPOINT {savepoint}")
                started = True
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                self._db.execute("COMMIT" if outer else f"RELEASE {savepoint}")
                if outer and self._edge is not None:
                    self._committed_edge = self._edge
            except BaseException as exc:
                self._edge = None
                if started and self._db.in_transaction:
                    if outer:
                        self._db.execute("ROLLBACK")
                    else:
                        self._db.execute(f"ROLLBACK TO {savepoint}")
                        self._db.execute(f"RELEASE {savepoint}")
                if isinstance(exc, sqlite3.Error):
                    raise _error(exc, what, self.path) from exc
                raise

    @contextmanager
    def claim_deadline(self, case_id: str, trigger: str, due: datetime) -> Iterator[bool]:
        """Hold the deadline for a sweep. ``BEGIN IMMEDIATE`` makes other writers (and other
        sweepers, in any process) wait, so the one after sees the deadline already fired."""
        with self._transaction("claiming a deadline"):
            row = self._db.execute(
                "SELECT 1 FROM deadlines WHERE case_id = ? AND trigger = ? AND due = ?",
                (case_id, trigger, iso(due)),
            ).fetchone()
            yield row is not None

    # --- writes -------------------------------------------------------------

    def write(self, write: Write) -> int:
        try:
            return self._write(write)
        except ConcurrentUpdate as exc:
            if exc.actual is not None:
                raise
            # Say how long the chain is now, as every store does.
            raise self._stale(write.event.case_id, write.expected_events) from exc

    def _write(self, write: Write) -> int:
        event = write.event
        with self._transaction("writing a case and its audit event"):
            # The chain must be exactly as long as the writer read it, as in every store.
            # With a case, the guarded UPDATE of the case row checks that (its ``events``
            # is the chain's length) in the same transaction; a chain without a case (a
            # refused start) is checked here.
            if event.pos != write.expected_events + 1:
                raise ConcurrentUpdate(event.case_id, write.expected_events, of="event count")
            if write.case is None:
                (found,) = self._db.execute(COUNT_EVENTS, (event.case_id,)).fetchone()
                if found != write.expected_events:
                    raise ConcurrentUpdate(
                        event.case_id, write.expected_events, int(found), of="event count"
                    )
            leaf = self._add_leaf(event.body)
            try:
                cursor = self._db.execute(
                    "INSERT INTO events (case_id, pos, prev_hash, hash, body, leaf) "
                    "VALUES (?,?,?,?,?,?)",
                    (event.case_id, event.pos, event.prev_hash, event.hash, event.body, leaf),
                )
            except sqlite3.IntegrityError as exc:
                raise ConcurrentUpdate(
                    event.case_id, write.expected_events, of="event count"
                ) from exc
            if write.definition is not None:
                self._db.execute(_KEEP_DEFINITION, definition_row(write.definition))
            if write.case is not None:
                self._write_case(write)
            return int(cursor.lastrowid or 0)

    def _add_leaf(self, body: str) -> int | None:
        """Append the event with ``body`` to the Merkle tree; return its leaf index.
        (Inside the write's transaction: the leaf and its nodes commit with the event.)"""
        tree = self._edge
        if tree is None:
            (size,) = self._db.execute(TREE_SIZE).fetchone()
            committed = self._committed_edge
            if committed is not None and committed.size == int(size):
                tree = self._edge = committed.copy()
            else:
                wanted = merkle.Appender.edge(int(size))
                edge = {}
                if wanted:
                    sql, params = nodes_query(wanted, "?")
                    edge = tree_nodes(self._db.execute(sql, params).fetchall())
                tree = self._edge = merkle.Appender(int(size), edge)
        size = tree.size
        self._db.execute(*insert_nodes(tree.add(merkle.event_leaf(body)), "?"))
        return size

    def _write_case(self, write: Write) -> None:
        case = write.case
        assert case is not None
        if write.expected_events == 0:
            try:
                self._db.execute(_INSERT_CASE, case_to_row(case))
            except sqlite3.IntegrityError as exc:
                raise ConcurrentUpdate(case.id, 0, of="event count") from exc
        else:
            # Only the columns that changed since the writer read the case: the guard
            # (the row's events) proves the row is still the case it read.
            columns, values = case_changes(case, write.before)
            updated = self._db.execute(
                _update_case(columns), (*values, case.id, write.expected_events)
            )
            if updated.rowcount != 1:
                raise ConcurrentUpdate(case.id, write.expected_events, of="event count")
        for sql, rows in row_changes(write):
            self._db.executemany(sql, rows)

    # --- reads (their queries: SQLReads) ------------------------------------

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise _error(exc, "reading", self.path) from exc

    def _stream(self, sql: str, params: Sequence[object] = ()) -> Iterator[tuple[object, ...]]:
        # A separate cursor fetched in pages: memory stays flat over a long trail.
        with self._lock:
            cursor = self._db.cursor()
            cursor.execute(sql, params)
        while True:
            with self._lock:
                page = cursor.fetchmany(2000)
            if not page:
                return
            yield from page

    def close(self) -> None:
        with self._lock:
            self._db.close()
