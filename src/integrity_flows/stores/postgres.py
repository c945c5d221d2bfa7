"""The PostgreSQL store: one database shared by engines on several machines.

The only module that imports the driver (psycopg 3, the ``postgres`` extra). Each write is
one ``READ COMMITTED`` transaction holding the event, the case row, its indexed keys and its
deadlines. Optimistic concurrency is the same as SQLite's: the case row is updated only
where it still has the number of events the writer read, and ``UNIQUE (case_id, pos)`` lets
one writer only append a position. The case row is updated first, so writers of one case
queue on its row lock and the one that comes second finds the count changed. Driver errors
are translated in :func:`_error` and nowhere else.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext, suppress
from datetime import UTC, datetime
from typing import Any, Literal

import psycopg

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
    statements,
)
from integrity_flows.stores.rows import (
    CASE_COLUMNS,
    KEEP_DEFINITION,
    KEY_FINGERPRINT,
    WHAT_TH,
    case_changes,
    case_to_row,
    definition_row,
    insert_nodes,
    row_changes,
)
from integrity_flows.stores.sql import COUNT_EVENTS, SQLReads, percent_marks

Row = tuple[Any, ...]
Connection = psycopg.Connection[Row]

_INSERT_CASE = (
    f"INSERT INTO cases ({', '.join(CASE_COLUMNS)}) "
    f"VALUES ({', '.join(['%s'] * len(CASE_COLUMNS))})"
)


@functools.cache
def _update_case(columns: tuple[str, ...]) -> str:
    """The guarded UPDATE of ``columns`` of a case row: the row and its chain must still
    have the events the writer read. One text per set of columns, made once."""
    return (
        f"UPDATE cases SET {', '.join(f'{c} = %s' for c in columns)}"
        " WHERE id = %s AND events = %s"
        " AND (SELECT coalesce(max(pos), 0) FROM events WHERE case_id = %s) = %s"
    )


_COUNT_EVENTS = percent_marks(COUNT_EVENTS)
_INSERT_EVENT = (
    "INSERT INTO events (case_id, pos, prev_hash, hash, body, leaf) "
    "VALUES (%s, %s, %s, %s, %s, %s) RETURNING seq"
)
# The two reads of a writer that asked for the log's lock. Each asks for it again, once,
# before reading anything (a holder gets it at once, the lock counting twice until the
# commit), so a writer that did not get it reads nothing: most writers, when many run.
_HOLDS_LOG = "(SELECT pg_try_advisory_xact_lock(%s))"
# The Merkle tree's size and its right edge (merkle.Appender.edge: the newest full
# subtree of each level the size has a bit for) in one statement. Each node is looked up
# by its whole key, in a subquery of its own: with a join the planner may read every node
# of a level (its statistics still those of a small tree), a cost that grows with the tree.
_SIZE_AND_EDGE = f"""
WITH tree AS (
    SELECT coalesce(max(last) + 1, 0)::bigint AS size FROM merkle_nodes WHERE {_HOLDS_LOG}
)
SELECT tree.size, node.level, node.idx, node.hash
FROM tree
LEFT JOIN generate_series(0, 62) AS edge(level) ON (tree.size >> edge.level) > 0
LEFT JOIN LATERAL (
    SELECT edge.level, (tree.size >> edge.level) - 1 AS idx, (
        SELECT hash FROM merkle_nodes
        WHERE last = ((tree.size >> edge.level) << edge.level) - 1 AND level = edge.level
    ) AS hash
) AS node ON edge.level IS NOT NULL
"""
# The events written while another writer held the log: they await their leaves. The
# partial index that finds them keeps an entry for every event placed since its last
# vacuum, so the read starts above a floor: a ``seq`` at or below which every event has
# its leaf (see _next_floor), as this store last knew it (a floor only rises, so an older
# one is safe, only slower).
_PENDING = (
    f"SELECT seq, body FROM events WHERE {_HOLDS_LOG} AND leaf IS NULL AND seq > %s ORDER BY seq"
)
# The floor's row in store_meta ("floor candidate id"), the oldest transaction still
# running and the highest seq, as one snapshot sees them: read before the waiting events.
FLOOR = "leaves_floor"
_FLOOR_ROW = f"""
SELECT (SELECT value FROM store_meta WHERE name = '{FLOOR}'),
    pg_snapshot_xmin(pg_current_snapshot())::text, (SELECT coalesce(max(seq), 0) FROM events)
WHERE {_HOLDS_LOG}
"""
_FLOOR_VALUE = re.compile(r"([0-9]+) ([0-9]+) ([0-9]+)")
# A new floor, with the candidate for the next: the candidate's id is this transaction's.
_SET_FLOOR = (
    f"INSERT INTO store_meta (name, value) VALUES ('{FLOOR}', %s || pg_current_xact_id()::text) "
    "ON CONFLICT (name) DO UPDATE SET value = excluded.value"
)
# A holder reads the floor's row once in so many of its turns with the log; a candidate
# is proposed when the highest seq is this far above the floor. The read of waiting events
# then walks the entries of a few thousand placed events at most.
_FLOOR_EVERY = 32
_FLOOR_LAG = 1000
_PLACE = "UPDATE events SET leaf = %s WHERE seq = %s"
_PAGE = 2000

# Migrations of one database run one at a time, whichever machine starts them.
_MIGRATION_LOCK = 0x1F10_5EED
# The Merkle tree takes the events in one order: one writer at a time appends to it,
# holding this lock until its commit. A writer never waits for it: one that finds it held
# writes its event without a leaf (pending) and goes on, and the next writer that holds it
# gives every pending event its leaf, in the order written, before its own (see
# docs/audit-trail.md, "Writers in parallel"). So writers of different cases do not queue
# behind each other's commits.
_LOG_LOCK = 0x1F10_7EE5

# A writer that lost a race: another one appended the position or created the case first.
_RACE_CONSTRAINTS = frozenset({"events_case_id_pos_key", "cases_pkey"})
# serialization_failure, deadlock_detected: the transaction was undone as a whole.
_RACE_STATES = frozenset({"40001", "40P01"})


def _error(
    exc: psycopg.Error, what: str, case_id: str | None = None, expected: int = 0
) -> StoreError:
    """The one place a driver error becomes an integrity-flows error."""
    if case_id is not None:
        constraint = exc.diag.constraint_name if isinstance(exc, psycopg.IntegrityError) else None
        if constraint in _RACE_CONSTRAINTS or exc.sqlstate in _RACE_STATES:
            return ConcurrentUpdate(case_id, expected, of="event count")
    # The first line: the server's own message, without the quoted statement under it.
    detail = str(exc).strip().partition("\n")[0] or type(exc).__name__
    return StoreError(
        f"ที่เก็บข้อมูล PostgreSQL ผิดพลาดขณะ{WHAT_TH.get(what, what)}: {detail}",
        f"PostgreSQL store failed while {what}: {detail}",
    )


def _check(checked: psycopg.Cursor[Row], write: Write) -> None:
    """Raise ConcurrentUpdate unless the write's check found what its writer read: the
    chain's length for a new chain, else the one case row updated."""
    expected = write.expected_events
    if write.case is None or expected == 0:
        counted = checked.fetchone()
        if counted is None or counted[0] != expected:
            raise ConcurrentUpdate(write.event.case_id, expected, of="event count")
    elif checked.rowcount != 1:
        raise ConcurrentUpdate(write.event.case_id, expected, of="event count")


def _roll_back(db: Connection) -> None:
    """Undo a transaction begun by hand that failed (a statement refused, a check that
    raised); a connection that broke meanwhile has nothing left to undo."""
    if db.broken or db.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
        return
    with suppress(psycopg.Error):
        db.execute("ROLLBACK")


class PostgresStore(SQLReads):
    """Cases and their trail in a PostgreSQL database, given by a libpq URL.

    ``url`` is what psycopg accepts: ``postgresql://user:password@host:5432/dbname`` or
    ``postgresql:///dbname?host=/run/postgresql``; tables go into the first schema of the
    ``search_path`` (``?options=-csearch_path%3Dname`` chooses one). One connection serves
    the store object behind a lock, so a store may be shared by threads; each iteration over
    all events or cases reads through a connection of its own, a page at a time.
    """

    mark = "%s"
    #: A database server keeps what it is given.
    volatile = False
    #: Writers in parallel: an event may wait for its leaf (see :meth:`settle`).
    leaves_wait = True

    def __init__(self, url: str, *, migrate: bool = True, read_only: bool = False) -> None:
        self.url = url
        # Read-only: the session's transactions are read only, nothing is migrated, and a
        # database that is not ours is refused (ForeignStore).
        self.read_only = read_only
        self._lock = threading.RLock()
        self._depth = 0
        # The tree's right edge while this transaction holds the log's lock (nobody else
        # can append meanwhile), or False when another writer held it; forgotten when a
        # transaction ends or a part is undone.
        self._edge: merkle.Appender | Literal[False] | None = None
        # This store wrote an event that another writer's lock left waiting for its leaf.
        self._left_waiting = False
        # The floor of waiting events as this store last knew it, the highest seq its last
        # read of the floor's row saw, and its turns with the log until it reads it again.
        self._floor = 0
        self._sequence_seen: int | None = None
        self._turns_to_floor = 0
        self._db = self._connect()
        if read_only:
            self._check_ours()
        elif migrate:
            self.migrate()

    def _connect(self) -> Connection:
        try:
            db = psycopg.connect(self.url, autocommit=True)
            if self.read_only:
                db.execute("SET default_transaction_read_only = on")
        except psycopg.Error as exc:
            raise _error(exc, "opening the database") from exc
        db.isolation_level = psycopg.IsolationLevel.READ_COMMITTED
        return db

    def _check_ours(self) -> None:
        rows = self._query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        tables = {str(name) for (name,) in rows}
        version = self.schema_version() if tables >= OUR_TABLES else None
        why = foreign_schema(tables, version)
        if why is not None:
            self.close()
            raise ForeignStore(
                f"อ่านฐานข้อมูล PostgreSQL ไม่ได้: {why[1]} ไม่มีการอ่านหรือเขียนใด ๆ",
                f"cannot read the PostgreSQL database: {why[0]}; nothing was read or written",
            )

    def _connection(self) -> Connection:
        # A connection lost between transactions (a server restart, a dropped socket) is
        # opened again; one lost inside a transaction fails that transaction.
        if self._db.broken and self._depth == 0:
            self._db = self._connect()
        return self._db

    # --- schema -------------------------------------------------------------

    def migrate(self) -> list[int]:
        """Apply pending migrations in one transaction; return the numbers applied."""
        applied: list[int] = []
        with self._transaction("migrating the schema") as db:
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            (create,) = statements((SCHEMA_MIGRATIONS,), "postgres")
            db.execute(create)
            done = {row[0] for row in db.execute("SELECT version FROM schema_migrations")}
            for number, description, sql in MIGRATIONS:
                if number in done:
                    continue
                for statement in statements(sql, "postgres"):
                    if statement == BUILD_TREE:
                        self._build_tree(db)
                    else:
                        db.execute(statement)
                db.execute(
                    "INSERT INTO schema_migrations VALUES (%s, %s, %s)",
                    (number, description, iso(datetime.now(UTC))),
                )
                applied.append(number)
        return applied

    @staticmethod
    def _build_tree(db: Connection) -> None:
        """Give every event its leaf, in write order, and store the tree over them."""
        db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOG_LOCK,))
        tree = merkle.Appender()
        last = 0
        while True:
            page = db.execute(
                "SELECT seq, body FROM events WHERE seq > %s ORDER BY seq LIMIT 5000", (last,)
            ).fetchall()
            if not page:
                break
            leaves, nodes = _placed(tree, page)
            with db.cursor() as cursor:
                cursor.executemany(_PLACE, leaves)
                # The table as migration 3 makes it (migration 6 reorders it afterwards).
                cursor.executemany("INSERT INTO merkle_nodes VALUES (%s, %s, %s)", nodes)
            last = page[-1][0]
        origin = merkle.new_origin()
        db.execute("INSERT INTO merkle_log VALUES (%s)", (origin,))
        if tree.size:
            library_events().info(
                "merkle_tree_built", store="postgres", events=tree.size, origin=origin
            )

    # --- facts about the store ------------------------------------------------

    def _has_meta(self) -> bool:
        (row,) = self._query("SELECT to_regclass('store_meta') IS NOT NULL")
        return bool(row[0])

    def _in_states(self, states: Sequence[str]) -> tuple[str, Sequence[object]]:
        # One statement (one prepared plan) whatever the number of states.
        return " AND state = ANY(%s)", (list(states),)

    def record_key_fingerprint(self, fingerprint: str) -> str | None:
        """Record ``fingerprint`` unless one is recorded; return the one recorded (None when
        the schema is older than the table that keeps it)."""
        if not self._has_meta():
            return None
        with self._transaction("recording the key's fingerprint") as db:
            db.execute(
                "INSERT INTO store_meta (name, value) VALUES (%s, %s) "
                "ON CONFLICT (name) DO NOTHING",
                (KEY_FINGERPRINT, fingerprint),
            )
            row = db.execute(
                "SELECT value FROM store_meta WHERE name = %s", (KEY_FINGERPRINT,)
            ).fetchone()
        assert row is not None
        return str(row[0])

    # --- transactions -------------------------------------------------------

    @contextmanager
    def _transaction(
        self, what: str, case_id: str | None = None, expected: int = 0, *, pipelined: bool = False
    ) -> Iterator[Connection]:
        # The outermost level is a transaction; a level inside a batch is a savepoint,
        # so a write that fails inside a batch leaves nothing behind even when the
        # caller catches the error and the batch goes on. ``pipelined``: the statements
        # go out without waiting for each other's answers (psycopg's pipeline mode), up to
        # a result the block asks for (``Pipeline.sync``, a fetch) and the end, where the
        # last ones and the COMMIT go out together; an error of any of them is raised at
        # the latest when the block ends, and undoes the transaction as a whole.
        with self._lock:
            db = self._connection()
            if self._depth == 0:
                self._edge = None
            self._depth += 1
            try:
                if pipelined and self._depth == 1:
                    # BEGIN and COMMIT by hand: psycopg's transaction() waits for the
                    # block's answers before it sends the COMMIT, one round trip more.
                    with db.pipeline():
                        db.execute("BEGIN")
                        yield db
                        db.execute("COMMIT")
                else:
                    with db.pipeline() if pipelined else nullcontext(), db.transaction():
                        yield db
            except BaseException as exc:
                self._edge = None
                if pipelined and self._depth == 1:
                    _roll_back(db)
                if isinstance(exc, psycopg.Error):
                    raise _error(exc, what, case_id, expected) from exc
                raise
            finally:
                self._depth -= 1

    @contextmanager
    def claim_deadline(self, case_id: str, trigger: str, due: datetime) -> Iterator[bool]:
        """Lock the case row (``FOR UPDATE SKIP LOCKED``) for the block, if the deadline is open.

        Another sweeper skips a case held this way instead of waiting for it; after the
        block commits, the deadline fired is gone and nobody finds it open again.
        """
        with self._transaction("claiming a deadline") as db:
            locked = db.execute(
                "SELECT 1 FROM cases WHERE id = %s FOR UPDATE SKIP LOCKED", (case_id,)
            ).fetchone()
            # Read again under the lock: every write of a case updates its row first, so
            # its deadlines cannot change while the row is held.
            open_ = locked is not None and (
                db.execute(
                    "SELECT 1 FROM deadlines WHERE case_id = %s AND trigger = %s AND due = %s",
                    (case_id, trigger, iso(due)),
                ).fetchone()
                is not None
            )
            yield open_

    # --- writes -------------------------------------------------------------

    def write(self, write: Write) -> int:
        event = write.event
        expected = write.expected_events
        case = write.case
        what = "writing a case and its audit event"
        if event.pos != expected + 1:
            raise self._stale(event.case_id, expected)
        # Two round trips for a write on its own (see docs/performance.md): the checks, the
        # log's lock and the tree's edge go out together, and so do the rows and the COMMIT.
        try:
            with self._transaction(what, event.case_id, expected, pipelined=True) as db:
                if case is None or expected == 0:
                    # A new chain (a new case, or a refused start): nothing to update, so
                    # the chain is counted; a racing writer of the same id loses on
                    # cases_pkey or on UNIQUE (case_id, pos).
                    checked = db.execute(_COUNT_EVENTS, (event.case_id,))
                    if case is not None:
                        db.execute(_INSERT_CASE, case_to_row(case))
                    else:
                        # The transaction's id is given before the event takes its seq,
                        # as a write of the case row gives it (the floor relies on it).
                        db.execute("SELECT pg_current_xact_id()")
                else:
                    # One statement: the case row still has the events the writer read, and
                    # so does its chain. Writers of one case queue on this row's lock.
                    # Only the columns that changed since the writer read the case.
                    columns, values = case_changes(case, write.before)
                    params = (*values, case.id, expected, case.id, expected)
                    checked = db.execute(_update_case(columns), params)
                # The log's lock is tried after the case row is held (or inserted).
                known = self._edge is not None
                tree = self._appender(db)
                if known:  # in a batch: the edge was not read, so ask for the answers
                    with db.pipeline():
                        pass
                _check(checked, write)
                if tree is None:
                    leaf, self._left_waiting = None, True
                else:
                    leaf = self._add_leaf(db, tree, event.body)
                inserted = db.execute(
                    _INSERT_EVENT,
                    (event.case_id, event.pos, event.prev_hash, event.hash, event.body, leaf),
                )
                if write.definition is not None:
                    db.execute(KEEP_DEFINITION, definition_row(write.definition))
                if case is not None:
                    self._write_case_rows(db, write)
            # The answers came with the COMMIT's.
            seq = inserted.fetchone()
            assert seq is not None
            return int(seq[0])
        except ConcurrentUpdate as exc:
            # Say how long the chain is now, as the other stores do.
            raise self._stale(event.case_id, expected) from exc

    def _appender(self, db: Connection) -> merkle.Appender | None:
        """The tree's right edge when this transaction holds the log's lock, None when
        another writer holds it. The lock is tried once per transaction, never waited
        for. In a pipeline this waits for the answers of everything sent so far."""
        tree = self._edge
        if tree is None:
            got = db.execute("SELECT pg_try_advisory_xact_lock(%s)", (_LOG_LOCK,))
            tree, _ = self._take_log(db, got)
        return tree or None

    def _take_log(
        self, db: Connection, got: psycopg.Cursor[Row], *, floor: bool = True
    ) -> tuple[merkle.Appender | None, int]:
        """After the statement ``got`` asked for the log's lock: the tree's edge and the
        number of pending events given their leaves (None and 0 when the lock is held by
        another writer). The pending events come first, in the order they were written.
        Without ``floor`` every event is looked at, however low its ``seq``."""
        # Under READ COMMITTED each statement sees what was committed when it began, so
        # the size and the pending events are read by statements after the lock's.
        edge_rows = db.execute(_SIZE_AND_EDGE, (_LOG_LOCK,))
        due = floor and self._turns_to_floor <= 0
        # Before the waiting events: what that snapshot saw ended, the next one sees too.
        floor_row = db.execute(_FLOOR_ROW, (_LOG_LOCK,)) if due else None
        pending = db.execute(_PENDING, (_LOG_LOCK, self._floor if floor else 0))
        held = got.fetchone()
        if held is None or not held[0]:
            self._edge = False
            return None, 0
        rows = edge_rows.fetchall()
        size = int(rows[0][0])
        edge = {(int(level), int(idx)): bytes(value) for _, level, idx, value in rows
                if value is not None}  # fmt: skip
        if len(edge) != size.bit_length():
            raise StoreError(
                "ต้นไม้ Merkle ในฐานข้อมูลขาดโหนดที่ขอบขวา",
                f"the Merkle tree of {size} leaves lacks nodes of its right edge",
            )
        tree = self._edge = merkle.Appender(size, edge)
        waiting = pending.fetchall()
        if waiting:
            leaves, nodes = _placed(tree, waiting)
            db.cursor().executemany(_PLACE, leaves)
            db.execute(*insert_nodes(nodes, "%s"))
        self._turns_to_floor -= 1
        if floor_row is not None:
            self._turns_to_floor = _FLOOR_EVERY - 1
            self._next_floor(db, *floor_row.fetchall()[0])
        return tree, len(waiting)

    def _next_floor(self, db: Connection, value: str | None, horizon: str, last: int) -> None:
        """Raise the floor below which no event waits, in the transaction that places the
        waiting events. ``value`` is the floor's row (None when there is none yet),
        ``horizon`` the oldest transaction still running and ``last`` the highest ``seq``,
        as one snapshot saw them before the read of the waiting events; a row that is not
        three whole numbers (edited by hand) counts as no floor.

        A candidate (a ``seq`` and a transaction id given after that ``seq`` was read)
        becomes the floor once the horizon has passed the id: the sequence hands out its
        numbers in order, so every transaction that took a ``seq`` up to the candidate
        took it before the candidate was read, after its own id was given (see
        :meth:`write`), so before the candidate's id, and has ended; the read saw all
        their events and this transaction places the waiting ones. A new candidate is
        the highest ``seq`` this store read in an earlier transaction
        (``_sequence_seen``), so this transaction's id, the candidate's, was given after
        it."""
        found = _FLOOR_VALUE.fullmatch(value or "")
        floor, candidate, at = (int(n) for n in found.groups()) if found else (0, 0, 0)
        row = (floor, candidate)
        if candidate and int(horizon) > at:
            floor, candidate = max(floor, candidate), 0
        seen, self._sequence_seen = self._sequence_seen, int(last)
        if not candidate and seen is not None and seen - floor > _FLOOR_LAG:
            candidate = seen
        if (floor, candidate) != row or not found:
            db.execute(_SET_FLOOR, (f"{floor} {candidate} ",))
        # The floor as committed: the one raised here holds only once this commits.
        self._floor = row[0]

    @staticmethod
    def _add_leaf(db: Connection, tree: merkle.Appender, body: str) -> int:
        """Append the event with ``body`` to the Merkle tree; return its leaf index. The
        lock and the nodes belong to the write's transaction."""
        size = tree.size
        db.execute(*insert_nodes(tree.add(merkle.event_leaf(body)), "%s"))
        return size

    def settle(self) -> int:
        """Give every pending event its leaf, waiting for the log's lock; return how many.

        Events wait only while writers run in parallel, and the next writer that holds
        the lock places them; a store that left an event waiting settles when it closes,
        so the tree of a store at rest holds every event."""
        with self._transaction("placing events in the log") as db:
            # pg_advisory_xact_lock returns nothing: the row says the lock is held.
            got = db.execute("SELECT true FROM pg_advisory_xact_lock(%s)", (_LOG_LOCK,))
            _, placed = self._take_log(db, got, floor=False)
        self._left_waiting = False
        return placed

    @staticmethod
    def _write_case_rows(db: Connection, write: Write) -> None:
        """Only the index and deadline rows the write changes (``row_changes``)."""
        with db.cursor() as cursor:
            for sql, rows in row_changes(write):
                cursor.executemany(percent_marks(sql), rows)

    # --- reads (their queries: SQLReads) ------------------------------------

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        with self._lock:
            try:
                return self._connection().execute(sql, params).fetchall()
            except psycopg.Error as exc:
                raise _error(exc, "reading") from exc

    def _stream(self, sql: str, params: Sequence[object] = ()) -> Iterator[Row]:
        """Rows through a server-side cursor, a page at a time: memory stays flat."""
        with self._lock:
            inside = self._depth > 0  # only the thread holding a batch gets past the lock
        try:
            if inside:
                # Inside a batch: read on its connection, so its own writes are seen.
                with self._lock:
                    yield from _paged(self._db, sql, params)
                return
            with psycopg.connect(self.url) as reader:
                yield from _paged(reader, sql, params)
        except psycopg.Error as exc:
            raise _error(exc, "reading") from exc

    def close(self) -> None:
        with self._lock:
            try:
                if self._left_waiting and not self._db.closed and not self._db.broken:
                    self.settle()
            finally:
                self._db.close()


_cursor_names = iter(range(1, 1 << 62))


def _placed(tree: merkle.Appender, events: Sequence[Row]) -> tuple[list[Row], list[Row]]:
    """Leaves for ``events`` (seq and body, in the order written), appended to ``tree``:
    the (leaf, seq) pairs to record and the nodes to store."""
    leaves: list[Row] = []
    nodes: list[Row] = []
    for seq, body in events:
        leaves.append((tree.size, seq))
        nodes.extend(tree.add(merkle.event_leaf(body)))
    return leaves, nodes


def _paged(db: Connection, sql: str, params: Sequence[object]) -> Iterator[Row]:
    # A named cursor lives in the server inside a transaction; psycopg opens one for a
    # connection that is not in autocommit mode, and a batch already has one.
    with db.cursor(name=f"integrity_flows_{next(_cursor_names)}") as cursor:
        cursor.itersize = _PAGE
        cursor.execute(sql, params)
        yield from cursor
