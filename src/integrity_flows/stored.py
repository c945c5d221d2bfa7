"""What a store keeps and writes: stored events and atomic writes.

Plain values shared by the store contract (:class:`integrity_flows.protocols.Store`),
every backend, the engine that writes and the verifier that reads them back. They live
here, below all of those, so that no store depends on the verifier or the engine.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from integrity_flows.case import Case


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


@attrs.frozen
class Write:
    """One atomic write: an audit event, and the case as it is after it.

    ``case`` is ``None`` only for a refused start (a chain with no case). ``keys``
    are the case's indexed fields, ``None`` when unchanged. ``expected_events`` is
    how many events the chain had when the case was read: the write fails with
    :class:`~integrity_flows.errors.ConcurrentUpdate` and changes nothing otherwise.
    """

    event: StoredEvent
    case: Case | None
    expected_events: int
    keys: Mapping[str, str] | None = None
    deadlines_changed: bool = True


@attrs.frozen
class UnreadableCase:
    """A case row a store holds but cannot read back as a case (edited or corrupted):
    its id, the column that cannot be read, and why. :meth:`Store.scan_cases` yields one
    in the row's place, so a reader of every case (``verify``) goes on past it."""

    case_id: str
    column: str
    detail: str


__all__ = ["StoredEvent", "UnreadableCase", "Write"]
