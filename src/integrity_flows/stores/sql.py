"""The reads the two SQL stores share, written once.

:class:`SQLReads` holds every read that SQLite's and PostgreSQL's stores ask the same way:
a store gives it the driver's placeholder, how it asks whether a state is one of several,
and its own ``_query`` (the rows at once, under the store's lock) and ``_stream`` (a page at
a time, so memory stays flat over a long trail). What differs between the two (writes,
transactions, the Merkle log's lock, migrations) stays in each store.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from typing import Any, ClassVar

from integrity_flows.audit import merkle
from integrity_flows.audit.records import from_iso, iso
from integrity_flows.case import Case
from integrity_flows.errors import ConcurrentUpdate, StoreError
from integrity_flows.stored import StoredDefinition, StoredEvent, UnreadableCase
from integrity_flows.stores.rows import (
    BY_LEAF,
    CASE_SELECT,
    DEADLINE_ROWS,
    EVENT_COLUMNS,
    INDEX_ROWS,
    KEY_FINGERPRINT,
    LEAVES,
    OUTSIDE_TREE,
    TREE_SIZE,
    case_from_row,
    cases_query,
    definition_from_row,
    definitions_query,
    due_rows,
    event_from_row,
    nodes_query,
    scan,
    tree_nodes,
)

Row = tuple[Any, ...]

#: The length of a case's chain as the store holds it ("?" placeholders).
COUNT_EVENTS = "SELECT coalesce(max(pos), 0) FROM events WHERE case_id = ?"

# How many Merkle nodes one query asks for (two parameters each: within SQLite's limit).
_NODES_PER_QUERY = 400


@functools.cache
def percent_marks(sql: str) -> str:
    """``sql`` written with ``?`` placeholders, as psycopg takes it (``%s``)."""
    return sql.replace("?", "%s")


class SQLReads:
    """Reads of cases, events, index and deadline rows and the Merkle tree, in SQL."""

    #: The driver's placeholder: ``?`` (sqlite3) or ``%s`` (psycopg).
    mark: ClassVar[str]

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """The rows of ``sql``, read at once (a driver's error as a StoreError)."""
        raise NotImplementedError

    def _stream(self, sql: str, params: Sequence[object] = ()) -> Iterator[Row]:
        """The rows of ``sql``, a page at a time."""
        raise NotImplementedError

    def _transaction(self, what: str) -> AbstractContextManager[Any]:
        """A transaction, or a savepoint inside one; ``what`` names it in a StoreError."""
        raise NotImplementedError

    def _marked(self, sql: str) -> str:
        """``sql`` written with ``?`` placeholders, as this store's driver takes it."""
        return sql if self.mark == "?" else percent_marks(sql)

    def _in_states(self, states: Sequence[str]) -> tuple[str, Sequence[object]]:
        """The condition ``state`` is one of ``states``, and its parameters."""
        return f" AND state IN ({', '.join([self.mark] * len(states))})", tuple(states)

    # --- facts about the store ------------------------------------------------

    def schema_version(self) -> int:
        """The highest migration applied (-1 when the table holds something else)."""
        (row,) = self._query("SELECT max(version) FROM schema_migrations")
        return int(row[0] or 0) if isinstance(row[0], int | None) else -1

    def _has_meta(self) -> bool:
        raise NotImplementedError

    def key_fingerprint(self) -> str | None:
        """The fingerprint of the key this store's sensitive data is sealed with, if recorded."""
        if not self._has_meta():
            return None
        sql = self._marked("SELECT value FROM store_meta WHERE name = ?")
        rows = self._query(sql, (KEY_FINGERPRINT,))
        return str(rows[0][0]) if rows else None

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes into one transaction (group commit)."""
        with self._transaction("writing a batch"):
            yield

    def _stale(self, case_id: str, expected: int) -> ConcurrentUpdate:
        """The refusal of a write that expected ``expected`` events, saying how many the
        chain has now (as every store does), when that can still be read."""
        try:
            (row,) = self._query(self._marked(COUNT_EVENTS), (case_id,))
        except StoreError:
            return ConcurrentUpdate(case_id, expected, of="event count")
        return ConcurrentUpdate(case_id, expected, int(str(row[0])), of="event count")

    # --- cases and events -----------------------------------------------------

    def load(self, case_id: str) -> Case | None:
        rows = self._query(self._marked(f"{CASE_SELECT} WHERE id = ?"), (case_id,))
        return case_from_row(rows[0]) if rows else None

    def definitions(self, flow_id: str | None = None) -> list[StoredDefinition]:
        sql, params = definitions_query(flow_id, self.mark)
        return [definition_from_row(row) for row in self._query(sql, params)]

    def events(self, case_id: str) -> list[StoredEvent]:
        sql = self._marked(f"SELECT {EVENT_COLUMNS} FROM events WHERE case_id = ? ORDER BY pos")
        return [event_from_row(row) for row in self._query(sql, (case_id,))]

    def iter_events(self) -> Iterator[StoredEvent]:
        sql = f"SELECT {EVENT_COLUMNS} FROM events ORDER BY case_id, pos"
        yield from map(event_from_row, self._stream(sql))

    def iter_events_by_seq(self) -> Iterator[StoredEvent]:
        sql = f"SELECT {EVENT_COLUMNS} FROM events ORDER BY seq"
        yield from map(event_from_row, self._stream(sql))

    def iter_cases(self, flow_id: str | None = None, state: str | None = None) -> Iterator[Case]:
        sql, params = cases_query(flow_id, state, self.mark)
        for row in self._stream(sql, params):
            yield case_from_row(row)

    def scan_cases(self) -> Iterator[Case | UnreadableCase]:
        sql, params = cases_query(None, None, self.mark)
        yield from scan(self._stream(sql, params))

    # --- the index and the deadlines ------------------------------------------

    def holders(
        self, flow_id: str, field: str, value: str, states: Sequence[str] | None
    ) -> list[str]:
        if states is not None and not states:
            return []
        in_states, more = ("", ()) if states is None else self._in_states(states)
        sql = "SELECT case_id FROM case_keys WHERE flow_id = ? AND field = ? AND value = ?"
        rows = self._query(self._marked(f"{sql}{in_states}"), (flow_id, field, value, *more))
        # Sorted here, not by the query: an ORDER BY would have the planner walk every
        # past case of the value in id order instead of the rows of the states asked for.
        return sorted(str(row[0]) for row in rows)

    def due(self, now: datetime) -> list[tuple[str, str, datetime]]:
        sql = "SELECT case_id, trigger, due FROM deadlines WHERE due <= ?"
        rows = self._query(self._marked(f"{sql} ORDER BY due, case_id, trigger"), (iso(now),))
        return due_rows(rows)

    def iter_index_rows(self) -> Iterator[tuple[str, str, str, str, str]]:
        for case_id, flow_id, field, value, state in self._stream(INDEX_ROWS):
            yield str(case_id), str(flow_id), str(field), str(value), str(state)

    def iter_deadline_rows(self) -> Iterator[tuple[str, str, datetime]]:
        for case_id, trigger, due in self._stream(DEADLINE_ROWS):
            yield str(case_id), str(trigger), from_iso(str(due))

    # --- the Merkle tree ----------------------------------------------------

    def log_origin(self) -> str:
        rows = self._query("SELECT origin FROM merkle_log")
        return str(rows[0][0]) if rows else ""

    def tree_size(self) -> int:
        (row,) = self._query(TREE_SIZE)
        return int(str(row[0]))

    def tree_nodes(self, keys: Sequence[merkle.Key]) -> dict[merkle.Key, bytes]:
        found: dict[merkle.Key, bytes] = {}
        for start in range(0, len(keys), _NODES_PER_QUERY):
            sql, params = nodes_query(keys[start : start + _NODES_PER_QUERY], self.mark)
            found.update(tree_nodes(self._query(sql, params)))
        return found

    def iter_leaves(self) -> Iterator[tuple[int, bytes]]:
        for idx, value in self._stream(LEAVES):
            yield int(str(idx)), bytes(value)

    def iter_events_by_leaf(self) -> Iterator[StoredEvent]:
        for sql in (OUTSIDE_TREE, BY_LEAF):
            yield from map(event_from_row, self._stream(sql))
