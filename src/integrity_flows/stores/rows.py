"""Cases and events as table rows, and the SQL text the SQL stores share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from integrity_flows.audit.records import canonical, from_iso, iso, parse_json
from integrity_flows.case import Case, Deadline
from integrity_flows.errors import CaseUnreadable
from integrity_flows.stored import StoredDefinition, StoredEvent, UnreadableCase, Write

CASE_COLUMNS = (
    "id", "flow_id", "flow_version", "definition_hash", "state", "version", "data", "actors",
    "fired_by", "deadlines", "created_at", "updated_at", "entered_at", "head", "events",
)  # fmt: skip


CASE_SELECT = f"SELECT {', '.join(CASE_COLUMNS)} FROM cases"

# A case's index and deadline rows, as :func:`row_changes` says to write them ("?"
# placeholders; PostgreSQL's store writes "%s" in their place). A case that moved keeps
# its keys: their rows follow its state (see migration 4).
CLEAR_KEYS = "DELETE FROM case_keys WHERE case_id = ?"
DROP_KEY = "DELETE FROM case_keys WHERE case_id = ? AND field = ? AND value = ?"
MOVE_KEYS = "UPDATE case_keys SET state = ? WHERE case_id = ? AND state <> ?"
INSERT_KEY = "INSERT INTO case_keys (flow_id, field, value, case_id, state) VALUES (?,?,?,?,?)"
CLEAR_DEADLINES = "DELETE FROM deadlines WHERE case_id = ?"
DROP_DEADLINE = "DELETE FROM deadlines WHERE case_id = ? AND trigger = ?"
INSERT_DEADLINE = "INSERT INTO deadlines (case_id, trigger, due) VALUES (?,?,?)"


EVENT_COLUMNS = "case_id, pos, prev_hash, hash, body, seq, leaf"

# What a store was doing when its driver failed, in Thai, for its bilingual StoreError.
#: The name, in ``store_meta``, of the fingerprint of the key the store's data is sealed with.
KEY_FINGERPRINT = "key_fingerprint"

WHAT_TH = {
    "recording the key's fingerprint": "บันทึกรหัสประจำกุญแจ",
    "opening the database": "เปิดฐานข้อมูล",
    "migrating the schema": "ปรับโครงสร้างฐานข้อมูล",
    "writing a batch": "บันทึกข้อมูลเป็นชุด",
    "writing a case and its audit event": "บันทึกเรื่องและบันทึกการตรวจสอบ",
    "claiming a deadline": "จองกำหนดเวลาเพื่อดำเนินการ",
    "reading": "อ่านข้อมูล",
    "building the Merkle tree": "สร้างต้นไม้แฮช (Merkle tree) ของบันทึกการตรวจสอบ",
}


def event_from_row(row: Sequence[Any]) -> StoredEvent:
    """An event from the values of :data:`EVENT_COLUMNS`.

    A position or sequence number that is not a whole number (an SQLite row edited into
    text) reads as 0, which ``verify`` reports as out of place; nothing here fails.
    """
    case_id, pos, prev_hash, hash_, body, seq, leaf = row
    return StoredEvent(
        case_id if type(case_id) is str else str(case_id),
        pos if type(pos) is int else _whole(pos),
        prev_hash if type(prev_hash) is str else str(prev_hash),
        hash_ if type(hash_) is str else str(hash_),
        body if type(body) is str else str(body),
        seq if type(seq) is int else _whole(seq),
        leaf if leaf is None or type(leaf) is int else _whole(leaf),
    )


def _whole(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    try:
        return int(str(value))
    except ValueError:
        return 0


def node_last(level: int, idx: int) -> int:
    """The last leaf under the Merkle tree's node (``level``, ``idx``): with the level, the
    key its table is ordered by (migration 6), so the nodes one event completes, which
    share their last leaf, are written side by side."""
    return ((idx + 1) << level) - 1


def nodes_query(keys: Sequence[tuple[int, int]], mark: str) -> tuple[str, list[int]]:
    """The SQL and parameters reading the Merkle tree's nodes ``keys`` (level, index)."""
    where = " OR ".join([f"(last = {mark} AND level = {mark})"] * len(keys))
    params = [n for level, idx in keys for n in (node_last(level, idx), level)]
    return f"SELECT level, idx, hash FROM merkle_nodes WHERE {where}", params


def insert_nodes(nodes: Sequence[tuple[int, int, bytes]], mark: str) -> tuple[str, list[Any]]:
    """The SQL and parameters writing the Merkle tree's ``nodes`` (level, index, hash)."""
    values = ", ".join([f"({mark}, {mark}, {mark}, {mark})"] * len(nodes))
    params = [v for lv, idx, hash_ in nodes for v in (node_last(lv, idx), lv, idx, hash_)]
    return f"INSERT INTO merkle_nodes (last, level, idx, hash) VALUES {values}", params


def tree_nodes(rows: Sequence[Sequence[Any]]) -> dict[tuple[int, int], bytes]:
    """The nodes read by :func:`nodes_query`, by (level, index)."""
    return {(int(level), int(idx)): bytes(value) for level, idx, value in rows}


# The newest leaf is the node with the highest last leaf (a node above it ends no later).
TREE_SIZE = "SELECT coalesce(max(last) + 1, 0) FROM merkle_nodes"
LEAVES = "SELECT last, hash FROM merkle_nodes WHERE level = 0 ORDER BY last"
OUTSIDE_TREE = f"SELECT {EVENT_COLUMNS} FROM events WHERE leaf IS NULL ORDER BY seq"
BY_LEAF = f"SELECT {EVENT_COLUMNS} FROM events WHERE leaf IS NOT NULL ORDER BY leaf"
INDEX_ROWS = (
    "SELECT case_id, flow_id, field, value, state FROM case_keys ORDER BY case_id, field, value"
)
DEADLINE_ROWS = "SELECT case_id, trigger, due FROM deadlines ORDER BY case_id, trigger"


# Kept once: a second start of the same text (another case, another process) adds nothing.
KEEP_DEFINITION = (
    "INSERT INTO definitions (flow_id, version, hash, text, first_case, stored_at) "
    "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (flow_id, version, hash) DO NOTHING"
)


def definition_row(kept: StoredDefinition) -> tuple[Any, ...]:
    """The row of ``kept`` in the definitions table."""
    return (kept.flow_id, kept.version, kept.hash, kept.text, kept.first_case, kept.stored_at)


def definitions_query(flow_id: str | None, mark: str) -> tuple[str, list[str]]:
    """The stored definitions (of one flow), ordered by flow, version and hash."""
    sql = "SELECT flow_id, version, hash, text, first_case, stored_at FROM definitions"
    params = []
    if flow_id is not None:
        sql += f" WHERE flow_id = {mark}"
        params.append(flow_id)
    return sql + " ORDER BY flow_id, version, hash", params


def definition_from_row(row: Sequence[Any]) -> StoredDefinition:
    """A stored definition read back from its row."""
    flow_id, version, hash_, text, first_case, stored_at = row
    return StoredDefinition(
        str(flow_id), _whole(version), str(hash_), str(text), str(first_case), str(stored_at)
    )


def cases_query(flow_id: str | None, state: str | None, mark: str) -> tuple[str, list[str]]:
    """The SQL and parameters listing cases by id, optionally of one flow and state;
    ``mark`` is the driver's parameter placeholder (``?`` or ``%s``)."""
    where, params = [], []
    if flow_id is not None:
        where.append(f"flow_id = {mark}")
        params.append(flow_id)
    if state is not None:
        where.append(f"state = {mark}")
        params.append(state)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return f"{CASE_SELECT}{clause} ORDER BY id", params


def _json(value: Any) -> str:
    return canonical(value)


def case_to_row(case: Case) -> tuple[Any, ...]:
    """The values of :data:`CASE_COLUMNS` for ``case``."""
    deadlines = [{"trigger": d.trigger, "due": iso(d.due)} for d in case.deadlines]
    return (
        case.id, case.flow_id, case.flow_version, case.definition_hash, case.state, case.version,
        _json(dict(case.data)), _json(dict(case.actors)), _json(dict(case.fired_by)),
        _json(deadlines), iso(case.created_at), iso(case.updated_at), iso(case.entered_at),
        case.head, case.events,
    )  # fmt: skip


def _deadlines_json(case: Case) -> str:
    return _json([{"trigger": d.trigger, "due": iso(d.due)} for d in case.deadlines])


# How each column but the id is written, from the case attribute of the same name.
_ENCODE: dict[str, Callable[[Case], Any]] = {
    "flow_id": lambda c: c.flow_id,
    "flow_version": lambda c: c.flow_version,
    "definition_hash": lambda c: c.definition_hash,
    "state": lambda c: c.state,
    "version": lambda c: c.version,
    "data": lambda c: _json(dict(c.data)),
    "actors": lambda c: _json(dict(c.actors)),
    "fired_by": lambda c: _json(dict(c.fired_by)),
    "deadlines": _deadlines_json,
    "created_at": lambda c: iso(c.created_at),
    "updated_at": lambda c: iso(c.updated_at),
    "entered_at": lambda c: iso(c.entered_at),
    "head": lambda c: c.head,
    "events": lambda c: c.events,
}


# Each column but the id with its encoder, in the order of CASE_COLUMNS.
_COMPARED = tuple((column, _ENCODE[column]) for column in CASE_COLUMNS[1:])


def case_changes(case: Case, before: Case | None) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    """The columns (but the id) of ``case`` whose values differ from ``before``'s, and their
    values as written: every column when ``before`` is None. Only what changed is
    encoded (a refusal changes the head and the count of events, nothing else): a value
    the new case shares with ``before`` (the same object) is not even compared."""
    if before is None:
        return CASE_COLUMNS[1:], tuple(encode(case) for _, encode in _COMPARED)
    columns: list[str] = []
    values: list[Any] = []
    for column, encode in _COMPARED:
        new = getattr(case, column)
        old = getattr(before, column)
        if new is not old and new != old:
            columns.append(column)
            values.append(encode(case))
    return tuple(columns), tuple(values)


def row_changes(write: Write) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """The statements (:data:`CLEAR_KEYS` and the others) and their rows that bring the
    index and deadline rows of ``write.case`` up to date, in the order to run them. Only
    the rows that changed when the writer knows what the store holds (the case as read,
    ``write.before``, and its keys, ``write.keys_before``); all of them otherwise. A new
    case has no rows to replace (its chain was empty: the write checked it)."""
    case = write.case
    assert case is not None
    new = write.expected_events == 0
    before = None if new else write.before
    moved = not new and (before is None or before.state != case.state)
    done: list[tuple[str, list[tuple[Any, ...]]]] = []
    if write.keys is None:
        if moved:
            done.append((MOVE_KEYS, [(case.state, case.id, case.state)]))
    else:
        held = write.keys_before
        added = list(write.keys.items())
        if not new and held is None:
            done.append((CLEAR_KEYS, [(case.id,)]))
        elif not new and held is not None:
            added = [(f, v) for f, v in added if held.get(f) != v]
            dropped = [(case.id, f, v) for f, v in held.items() if write.keys.get(f) != v]
            done.append((DROP_KEY, dropped))
            if moved:  # the rows kept follow the state (before the new rows, which have it)
                done.append((MOVE_KEYS, [(case.state, case.id, case.state)]))
        done.append((INSERT_KEY, [(case.flow_id, f, v, case.id, case.state) for f, v in added]))
    if write.deadlines_changed:
        deadlines = case.deadlines
        if not new and before is None:
            done.append((CLEAR_DEADLINES, [(case.id,)]))
        elif before is not None:
            deadlines = tuple(d for d in case.deadlines if d not in before.deadlines)
            # A trigger's row is replaced when its due date changed (one row per trigger).
            kept = {d.trigger for d in case.deadlines} - {d.trigger for d in deadlines}
            gone = [(case.id, d.trigger) for d in before.deadlines if d.trigger not in kept]
            done.append((DROP_DEADLINE, gone))
        done.append((INSERT_DEADLINE, [(case.id, d.trigger, iso(d.due)) for d in deadlines]))
    return [(sql, rows) for sql, rows in done if rows]


def case_from_row(row: Sequence[Any]) -> Case:
    """Rebuild a case from the values of :data:`CASE_COLUMNS`.

    Raises :class:`CaseUnreadable`, naming the case and the column, for a row that is not
    what a store writes (data, actors or deadlines that are not JSON of the right shape,
    a timestamp that is not a UTC instant, a count that is not a whole number).
    """
    try:
        return _case_as_written(row)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        # Not as a store writes it: read again, column by column, to name the column.
        return _case_by_column(row)


def _case_by_column(row: Sequence[Any]) -> Case:
    """:func:`case_from_row`, each column read and checked on its own."""
    values = dict(zip(CASE_COLUMNS, row, strict=True))
    case_id = str(values["id"])

    def read(column: str, check: Callable[[Any], Any]) -> Any:
        try:
            return check(values[column])
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            raise CaseUnreadable(case_id, column, _detail(exc)) from None

    return Case(
        id=case_id,
        flow_id=read("flow_id", _text),
        flow_version=read("flow_version", _count),
        definition_hash=read("definition_hash", _text),
        state=read("state", _text),
        version=read("version", _count),
        data=read("data", _object),
        actors=read("actors", _names),
        fired_by=read("fired_by", _names),
        deadlines=read("deadlines", _deadlines),
        created_at=read("created_at", _instant),
        updated_at=read("updated_at", _instant),
        entered_at=read("entered_at", _instant),
        head=read("head", _text),
        events=read("events", _count),
    )


def _case_as_written(row: Sequence[Any]) -> Case:
    """A case from a row holding exactly the types a store writes; anything else raises,
    and :func:`case_from_row` reads the row column by column (accepting no row that
    one would refuse)."""
    (
        case_id, flow_id, flow_version, definition_hash, state, version, data, actors,
        fired_by, deadlines, created_at, updated_at, entered_at, head, events,
    ) = row  # fmt: skip
    for text in (case_id, flow_id, definition_hash, state, head):
        if type(text) is not str:
            raise TypeError(text)
    for count in (flow_version, version, events):
        if type(count) is not int or count < 0:
            raise TypeError(count)
    data, actors, fired_by = parse_json(data), parse_json(actors), parse_json(fired_by)
    if type(data) is not dict or type(actors) is not dict or type(fired_by) is not dict:
        raise TypeError(data)
    for name in (*actors.values(), *fired_by.values()):
        if type(name) is not str:
            raise TypeError(name)
    due = parse_json(deadlines)
    if type(due) is not list:
        raise TypeError(due)
    return Case(
        id=case_id,
        flow_id=flow_id,
        flow_version=flow_version,
        definition_hash=definition_hash,
        state=state,
        version=version,
        data=data,
        actors=actors,
        fired_by=fired_by,
        deadlines=tuple(Deadline(_text(d["trigger"]), _instant(d["due"])) for d in due),
        created_at=_instant(created_at),
        updated_at=_instant(updated_at),
        entered_at=_instant(entered_at),
        head=head,
        events=events,
    )


def scan(rows: Iterable[Sequence[Any]]) -> Iterator[Case | UnreadableCase]:
    """Each row as a case, or as an :class:`UnreadableCase` when it cannot be read."""
    for row in rows:
        try:
            yield case_from_row(row)
        except CaseUnreadable as exc:
            yield UnreadableCase(exc.case_id, exc.column, exc.detail)


def due_rows(rows: Iterable[Sequence[Any]]) -> list[tuple[str, str, datetime]]:
    """(case id, trigger, due) of rows of the ``deadlines`` table. A row whose ``due`` is not
    a UTC instant (edited in the store) is left out, so one bad row cannot stop a sweep;
    the case row keeps its deadlines, and ``verify`` does not compare this table."""
    found = []
    for case_id, trigger, due in rows:
        try:
            found.append((str(case_id), str(trigger), from_iso(str(due))))
        except ValueError:
            continue
    return found


def _detail(exc: BaseException) -> str:
    text = str(exc).partition("\n")[0][:120]
    return text or type(exc).__name__


def _text(value: Any) -> str:
    if not isinstance(value, str):
        msg = f"expected text, found {type(value).__name__}"
        raise TypeError(msg)
    return value


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        msg = f"expected a whole number, found {type(value).__name__}"
        raise TypeError(msg)
    found = int(value)
    if found < 0:
        msg = "a negative count"
        raise ValueError(msg)
    return found


def _read_json(value: Any) -> Any:
    if not isinstance(value, str | bytes):
        msg = f"expected JSON text, found {type(value).__name__}"
        raise TypeError(msg)
    try:
        return parse_json(value)
    except ValueError:
        msg = "not JSON"
        raise ValueError(msg) from None


def _object(value: Any) -> dict[str, Any]:
    found = _read_json(value)
    if not isinstance(found, dict):
        msg = f"expected a JSON object, found {type(found).__name__}"
        raise TypeError(msg)
    return found


def _names(value: Any) -> dict[str, str]:
    found = _object(value)
    if not all(isinstance(v, str) for v in found.values()):
        msg = "expected an object of names"
        raise TypeError(msg)
    return found


def _deadlines(value: Any) -> tuple[Deadline, ...]:
    found = _read_json(value)
    if not isinstance(found, list):
        msg = f"expected a JSON list, found {type(found).__name__}"
        raise TypeError(msg)
    return tuple(Deadline(_text(d["trigger"]), _instant(d["due"])) for d in found)


def _instant(value: Any) -> datetime:
    return from_iso(_text(value))
