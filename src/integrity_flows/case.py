"""Cases: one running instance of a flow, as the store keeps it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs


@attrs.frozen
class Deadline:
    """An open deadline: when ``due`` passes, the sweep fires ``trigger``."""

    trigger: str
    due: datetime


@attrs.frozen
class Case:
    """A case of a flow.

    ``version`` counts the state changes (the start is version 1) and guards
    against lost updates; ``events`` counts every audit event of the case's chain,
    refusals included, and ``head`` is the hash of the last one.
    """

    id: str
    flow_id: str
    flow_version: int
    definition_hash: str
    state: str
    version: int
    data: Mapping[str, Any]
    actors: Mapping[str, str]
    fired_by: Mapping[str, str]
    deadlines: tuple[Deadline, ...]
    created_at: datetime
    updated_at: datetime
    entered_at: datetime
    head: str
    events: int


__all__ = ["Case", "Deadline"]
