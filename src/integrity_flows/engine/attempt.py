"""One start or fire, carried as one object from what was asked to what was written.

An :class:`Attempt` goes through decide → protect → move → commit → publish (see
``Engine._start`` and ``Engine._fire_once``). Each step fills in what it found (the case
read, its definition, the transition, the decision); a step that refuses raises
:class:`Refusal`, and the engine's one refusal path records the refusal in the chain the
attempt read, then raises it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from integrity_flows.actor import Actor
from integrity_flows.case import Case
from integrity_flows.definition.model import FlowDefinition, Transition
from integrity_flows.engine import inputs
from integrity_flows.engine.decision import Decision
from integrity_flows.errors import Refused


@attrs.define
class Attempt:
    """What was asked (``case_id`` … ``entered``) and what was found and decided on the
    way. ``flow`` is the flow id and version a refusal is recorded under before a
    definition is known (a start); ``case`` is None for a start."""

    case_id: str
    trigger: str
    actor: Actor
    given: Mapping[str, Any]
    reason: str | None
    now: datetime
    expected_version: int | None = None
    # When the state entered by the move counts as entered (the sweep: when it fell due).
    entered: datetime | None = None
    flow: tuple[str, int] = ("", 0)
    case: Case | None = None
    definition: FlowDefinition | None = None
    transition: Transition | None = None
    decision: Decision | None = None

    def recordable(self) -> None:
        """Make what was asked recordable as it is (text that cannot be written, escaped),
        for the refusal of a call whose own parts are wrong."""
        self.trigger = inputs.shown(self.trigger)
        self.actor = inputs.recordable_actor(self.actor)
        self.reason = inputs.recordable(self.reason)


class Refusal(Exception):
    """A step of an attempt refused: ``error`` is to be recorded, then raised."""

    def __init__(self, error: Refused) -> None:
        super().__init__(error)
        self.error = error


class StaleCopy(Exception):
    """The case as this engine last wrote it is not the case as stored any more (another
    writer came first): the attempt is made again on the case as read."""
