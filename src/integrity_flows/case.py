"""Cases: one running instance of a flow, as the store keeps it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from integrity_flows.plain import FrozenDict, frozen, to_plain


def _data(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return frozen(mapping)


def _names(mapping: Mapping[str, str]) -> Mapping[str, str]:
    return frozen(mapping)


@attrs.frozen
class Deadline:
    """An open deadline: when ``due`` passes, the sweep fires ``trigger``."""

    trigger: str
    due: datetime

    def as_dict(self) -> dict[str, Any]:
        """The deadline as JSON data (``due`` in ISO 8601 UTC)."""
        return {"trigger": self.trigger, "due": to_plain(self.due)}


@attrs.frozen
class Case:
    """A case of a flow.

    ``version`` counts the state changes (the start is version 1) and guards
    against lost updates; ``events`` counts every audit event of the case's chain,
    refusals included, and ``head`` is the hash of the last one.

    ``data``, ``actors`` and ``fired_by`` are read-only ``dict`` s
    (:class:`~integrity_flows.plain.FrozenDict`): JSON-ready as they are, and
    :meth:`as_dict` gives the whole case as JSON data.
    """

    id: str
    flow_id: str
    flow_version: int
    definition_hash: str
    state: str
    version: int
    data: Mapping[str, Any] = attrs.field(converter=_data)
    actors: Mapping[str, str] = attrs.field(converter=_names)
    fired_by: Mapping[str, str] = attrs.field(converter=_names)
    deadlines: tuple[Deadline, ...]
    created_at: datetime
    updated_at: datetime
    entered_at: datetime
    head: str
    events: int

    def as_dict(self) -> dict[str, Any]:
        """Every field as JSON data: mappings as objects, deadlines as objects, times as
        ISO 8601 UTC text (``2023-10-02T02:00:00.000000Z``)."""
        return {
            "id": self.id,
            "flow_id": self.flow_id,
            "flow_version": self.flow_version,
            "definition_hash": self.definition_hash,
            "state": self.state,
            "version": self.version,
            "data": to_plain(self.data),
            "actors": dict(self.actors),
            "fired_by": dict(self.fired_by),
            "deadlines": [d.as_dict() for d in self.deadlines],
            "created_at": to_plain(self.created_at),
            "updated_at": to_plain(self.updated_at),
            "entered_at": to_plain(self.entered_at),
            "head": self.head,
            "events": self.events,
        }


__all__ = ["Case", "Deadline", "FrozenDict"]
