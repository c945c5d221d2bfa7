"""Building the audit events of starts, moves and refusals."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from integrity_flows.actor import Actor
from integrity_flows.audit.records import GENESIS, AuditEvent, iso
from integrity_flows.errors import Refused


def sealed_event(
    *,
    case_id: str,
    pos: int,
    now: datetime,
    flow: tuple[str, int],
    actor: Actor,
    trigger: str,
    prev_hash: str = GENESIS,
    **fields: Any,
) -> AuditEvent:
    """An event of ``actor`` on a case's chain, hashed; ``fields`` are the outcome's own."""
    return AuditEvent(
        case_id=case_id,
        pos=pos,
        at=iso(now),
        flow_id=flow[0],
        flow_version=flow[1],
        actor=actor.id,
        actor_roles=tuple(sorted(actor.roles)),
        actor_unit=actor.unit,
        trigger=trigger,
        prev_hash=prev_hash,
        **fields,
    ).sealed()


def refusal_fields(error: Refused) -> dict[str, Any]:
    """The fields that record a refusal: its error code and every reason."""
    return {
        "outcome": "refused",
        "to_state": None,
        "refusal": error.code,
        "reasons": tuple(r.as_dict() for r in error.reasons),
    }
