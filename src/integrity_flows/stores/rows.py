"""Cases and events as table rows, and the SQL text the SQL stores share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from integrity_flows.audit.records import canonical, from_iso, iso, parse_json
from integrity_flows.case import Case, Deadline
from integrity_flows.stored import StoredEvent

CASE_COLUMNS = (
    "id", "flow_id", "flow_version", "definition_hash", "state", "version", "data", "actors",
    "fired_by", "deadlines", "created_at", "updated_at", "entered_at", "head", "events",
)  # fmt: skip


CASE_SELECT = f"SELECT {', '.join(CASE_COLUMNS)} FROM cases"
EVENT_COLUMNS = "case_id, pos, prev_hash, hash, body, seq, leaf"

# What a store was doing when its driver failed, in Thai, for its bilingual StoreError.
WHAT_TH = {
    "opening the database": "เปิดฐานข้อมูล",
    "migrating the schema": "ปรับโครงสร้างฐานข้อมูล",
    "writing a batch": "บันทึกข้อมูลเป็นชุด",
    "writing a case and its audit event": "บันทึกเรื่องและบันทึกการตรวจสอบ",
    "claiming a deadline": "จองกำหนดเวลาเพื่อดำเนินการ",
    "reading": "อ่านข้อมูล",
    "building the Merkle tree": "สร้างต้นไม้แฮช (Merkle tree) ของบันทึกการตรวจสอบ",
}


def event_from_row(row: Sequence[Any]) -> StoredEvent:
    """An event from the values of :data:`EVENT_COLUMNS`."""
    case_id, pos, prev_hash, hash_, body, seq, leaf = row
    return StoredEvent(
        str(case_id),
        int(pos),
        str(prev_hash),
        str(hash_),
        str(body),
        int(seq),
        None if leaf is None else int(leaf),
    )


def nodes_query(keys: Sequence[tuple[int, int]], mark: str) -> tuple[str, list[int]]:
    """The SQL and parameters reading the Merkle tree's nodes ``keys``."""
    where = " OR ".join([f"(level = {mark} AND idx = {mark})"] * len(keys))
    params = [n for key in keys for n in key]
    return f"SELECT level, idx, hash FROM merkle_nodes WHERE {where}", params


def tree_nodes(rows: Sequence[Sequence[Any]]) -> dict[tuple[int, int], bytes]:
    """The nodes read by :func:`nodes_query`, by (level, index)."""
    return {(int(level), int(idx)): bytes(value) for level, idx, value in rows}


TREE_SIZE = "SELECT coalesce(max(idx) + 1, 0) FROM merkle_nodes WHERE level = 0"
LEAVES = "SELECT idx, hash FROM merkle_nodes WHERE level = 0 ORDER BY idx"
OUTSIDE_TREE = f"SELECT {EVENT_COLUMNS} FROM events WHERE leaf IS NULL ORDER BY seq"
BY_LEAF = f"SELECT {EVENT_COLUMNS} FROM events WHERE leaf IS NOT NULL ORDER BY leaf"
INDEX_ROWS = "SELECT case_id, flow_id, field, value FROM case_keys ORDER BY case_id, field, value"
DEADLINE_ROWS = "SELECT case_id, trigger, due FROM deadlines ORDER BY case_id, trigger"


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


def case_from_row(row: Sequence[Any]) -> Case:
    """Rebuild a case from the values of :data:`CASE_COLUMNS`."""
    values = dict(zip(CASE_COLUMNS, row, strict=True))
    return Case(
        id=values["id"],
        flow_id=values["flow_id"],
        flow_version=int(values["flow_version"]),
        definition_hash=values["definition_hash"],
        state=values["state"],
        version=int(values["version"]),
        data=parse_json(values["data"]),
        actors=parse_json(values["actors"]),
        fired_by=parse_json(values["fired_by"]),
        deadlines=tuple(
            Deadline(d["trigger"], from_iso(d["due"])) for d in parse_json(values["deadlines"])
        ),
        created_at=from_iso(values["created_at"]),
        updated_at=from_iso(values["updated_at"]),
        entered_at=from_iso(values["entered_at"]),
        head=values["head"],
        events=int(values["events"]),
    )
