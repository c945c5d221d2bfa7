"""What a store keeps and writes: stored events and atomic writes.

Plain values shared by the store contract (:class:`integrity_flows.protocols.Store`),
every backend, the engine that writes and the verifier that reads them back. They live
here, below all of those, so that no store depends on the verifier or the engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from integrity_flows.audit.records import from_iso, parse_json
from integrity_flows.case import Case
from integrity_flows.errors import EventUnreadable


@attrs.frozen
class StoredEvent:
    """An audit event as a store keeps it: indexed columns plus the canonical body.

    ``seq`` and ``leaf`` are the store's to assign: ``seq`` is its write sequence, ``leaf``
    the event's place in the Merkle tree over the whole trail (from 0, in the order
    written, without gaps; ``None`` for an event the tree does not hold).
    """

    case_id: str
    pos: int
    prev_hash: str
    hash: str
    body: str
    seq: int = 0
    leaf: int | None = None


def event_body(event: StoredEvent) -> dict[str, Any]:
    """The body of ``event`` as JSON data; :class:`EventUnreadable` when its stored text
    is not a JSON object (edited or corrupted in the store)."""
    try:
        body = parse_json(event.body)
    except ValueError:
        raise EventUnreadable(event.case_id, event.pos, "not JSON") from None
    if not isinstance(body, dict):
        found = f"JSON {type(body).__name__}, not an object"
        raise EventUnreadable(event.case_id, event.pos, found)
    return body


def event_time(event: StoredEvent, body: Mapping[str, Any]) -> datetime:
    """When ``event`` (its ``body`` read) happened; :class:`EventUnreadable` when its time
    is not a UTC instant as the engine writes it."""
    try:
        return from_iso(str(body.get("at")))
    except ValueError:
        raise EventUnreadable(event.case_id, event.pos, "its time is not a UTC instant") from None


@attrs.frozen
class StoredDefinition:
    """A flow definition as a store keeps it: the exact text of one flow version, written
    the first time a case of it starts, so that its cases can be loaded, replayed and
    verified when the version is gone from every flows folder and plug-in.

    ``hash`` is the definition hash (SHA-256 of the canonical JSON of the file's data,
    as ``Case.definition_hash`` holds it); ``first_case`` the case whose start wrote it.
    """

    flow_id: str
    version: int
    hash: str
    text: str
    first_case: str = ""
    stored_at: str = ""


@attrs.frozen
class Write:
    """One atomic write: an audit event, and the case as it is after it.

    ``case`` is ``None`` only for a refused start (a chain with no case). ``keys``
    are the case's indexed fields, ``None`` when unchanged. ``expected_events`` is
    how many events the chain had when the case was read: the write fails with
    :class:`~integrity_flows.errors.ConcurrentUpdate` and changes nothing otherwise.
    ``definition`` is the text of the case's flow version, kept (once) in the same
    transaction: given on the first start of that version in this store. ``before`` is
    the case as the writer read it (``None``: unknown): a store may then write only the
    columns that differ from it, since the guarded write proves the row is that case.
    ``keys_before`` are the indexed keys the store holds for ``before`` (``None``:
    unknown); with them a store may rewrite only the keys that changed, and otherwise
    replaces them all (the SQL stores take their statements from
    :func:`integrity_flows.stores.rows.row_changes`).
    """

    event: StoredEvent
    case: Case | None
    expected_events: int
    keys: Mapping[str, str] | None = None
    deadlines_changed: bool = True
    definition: StoredDefinition | None = None
    before: Case | None = None
    keys_before: Mapping[str, str] | None = None


@attrs.frozen
class UnreadableCase:
    """A case row a store holds but cannot read back as a case (edited or corrupted):
    its id, the column that cannot be read, and why. :meth:`Store.scan_cases` yields one
    in the row's place, so a reader of every case (``verify``) goes on past it."""

    case_id: str
    column: str
    detail: str


__all__ = ["StoredDefinition", "StoredEvent", "UnreadableCase", "Write"]
