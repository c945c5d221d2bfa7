"""Building the audit events of starts, moves and refusals.

An event is hashed once, from a plain body built directly (this runs on every fire);
the frozen :class:`~integrity_flows.audit.records.AuditEvent` is made from that body
only when someone asks for it (sinks, ``history``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from integrity_flows.actor import Actor
from integrity_flows.audit.records import FORMAT, GENESIS, AuditEvent, canonical_bytes, digest, iso
from integrity_flows.errors import Refused
from integrity_flows.stored import StoredEvent


class Sealed:
    """A hashed event, in the one form it has from the moment it is sealed until a sink
    or ``history`` asks for the record: its plain body (hash included) and its row as the
    store keeps it (the canonical text it was hashed from). The frozen
    :class:`AuditEvent` is made from the body only when asked for."""

    __slots__ = ("_event", "body", "stored")

    def __init__(self, body: dict[str, Any], text: str, hash_: str) -> None:
        self.body = body
        self.stored = StoredEvent(body["case_id"], body["pos"], body["prev_hash"], hash_, text)
        self._event: AuditEvent | None = None

    @property
    def hash(self) -> str:
        """The event's hash."""
        return self.stored.hash

    @property
    def text(self) -> str:
        """The canonical text it was hashed from."""
        return self.stored.body

    @property
    def case_id(self) -> str:
        """The chain the event belongs to."""
        return self.stored.case_id

    @property
    def pos(self) -> int:
        """Its position in the chain."""
        return self.stored.pos

    @property
    def prev_hash(self) -> str:
        """The hash of the event before it."""
        return self.stored.prev_hash

    @property
    def event(self) -> AuditEvent:
        """The event as a frozen record."""
        if self._event is None:
            self._event = AuditEvent.from_dict(self.body)
        return self._event


def sealed_event(
    *,
    case_id: str,
    pos: int,
    now: datetime,
    flow: tuple[str, int],
    actor: Actor,
    trigger: str,
    outcome: str,
    from_state: str | None,
    case_version: int,
    to_state: str | None = None,
    data: Mapping[str, Any] | None = None,
    reason: str | None = None,
    refusal: str | None = None,
    reasons: tuple[Mapping[str, str], ...] = (),
    authority: Mapping[str, Any] | None = None,
    cites: str | None = None,
    prev_hash: str = GENESIS,
    committee: Mapping[str, Any] | None = None,
) -> Sealed:
    """An event of ``actor`` on a case's chain, hashed.

    The body has exactly the fields of :meth:`AuditEvent.body`; a test keeps the two
    in step.
    """
    body: dict[str, Any] = {
        "case_id": case_id,
        "pos": pos,
        "at": iso(now),
        "flow_id": flow[0],
        "flow_version": flow[1],
        "actor": actor.id,
        "actor_roles": sorted(actor.roles),
        "actor_unit": actor.unit,
        "trigger": trigger,
        "outcome": outcome,
        "from_state": from_state,
        "to_state": to_state,
        "case_version": case_version,
        "data": dict(data) if data else {},
        "reason": reason,
        "refusal": refusal,
        "reasons": [dict(r) for r in reasons],
        "authority": dict(authority) if authority else {},
        "cites": cites,
        "committee": dict(committee) if committee else None,
        "prev_hash": prev_hash,
        "format": FORMAT,
    }
    raw = canonical_bytes(body)
    hash_ = digest(raw)
    body["hash"] = hash_
    return Sealed(body, raw.decode(), hash_)


def refusal_fields(error: Refused) -> dict[str, Any]:
    """The fields that record a refusal: its error code and every reason."""
    return {
        "outcome": "refused",
        "to_state": None,
        "refusal": error.code,
        "reasons": tuple(r.as_dict() for r in error.reasons),
    }
