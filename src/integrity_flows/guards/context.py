"""What a guard sees when it decides."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import attrs

from integrity_flows.actor import Actor
from integrity_flows.case import Case
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.protocols import CaseLookup, Directory, PersonLookup


@attrs.frozen
class GuardContext:
    """The proposed action: who, what, on which case, with which data, when."""

    definition: FlowDefinition
    actor: Actor
    trigger: str
    data: Mapping[str, Any]
    now: datetime
    settings: Mapping[str, Any]
    lookup: CaseLookup
    case: Case | None = None
    case_id: str | None = None
    # What authority guards relied on (e.g. the delegation orders of ``holds_power``); the
    # engine adds it to the decision's ``authority`` and so to the audit event.
    grants: dict[str, Any] = attrs.field(factory=dict)
    # The latest definition of another flow by id (to name a linked case's states by
    # their labels); None where the engine does not supply it.
    flow_of: Callable[[str], FlowDefinition] | None = None
    # A person named in data, as the host's directory knows them (None: unknown).
    person: PersonLookup | None = None
    # The grant by which the actor holds a power today (None: not held), resolved by the
    # engine through the flows that declare grants; None where the engine does not supply it.
    power: Callable[[str], Mapping[str, Any] | None] | None = None
    # The engine's directory of people and posts, when it has one (None: the host vouches).
    directory: Directory | None = None

    def grant(self, key: str, value: Any) -> None:
        """Record what an allowing authority guard relied on, for the audit event."""
        self.grants[key] = value

    def setting(self, name: str) -> Any:
        """A setting of the flow (host overrides already applied)."""
        return self.settings[name]

    def bound(self, role: str) -> str | None:
        """The actor bound to the per-case ``role`` (the starter, for a start)."""
        if self.case is None:
            binds = self.definition.start.binds
            return self.actor.id if binds == role else None
        return self.case.actors.get(role)


__all__ = ["CaseLookup", "GuardContext"]
