"""Audit events: frozen records, their canonical form and their hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import attrs

GENESIS = "0" * 64
REDACTED = "***"
FORMAT = 1  # the canonical form's version, recorded in every event


def iso(moment: datetime) -> str:
    """A UTC instant as fixed-width ISO 8601 text (sorts as it compares)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_iso(text: str) -> datetime:
    """Read back what :func:`iso` wrote."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def canonical(body: Mapping[str, Any]) -> str:
    """Sorted-key, compact JSON, UTF-8 text as is: the form that is hashed."""
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest(text: str) -> str:
    """SHA-256 of ``text`` in UTF-8, as hex."""
    return hashlib.sha256(text.encode()).hexdigest()


@attrs.frozen
class AuditEvent:
    """One thing that happened to a case, or was refused.

    ``outcome`` is ``"moved"`` for a state change (``trigger`` is ``"start"`` for the
    start) and ``"refused"`` for a refusal, whose ``refusal`` holds the error code and
    ``reasons`` every rule that said no. ``data`` holds the fields the action set,
    sensitive ones replaced by ``"***"``.
    """

    case_id: str
    pos: int
    at: str
    flow_id: str
    flow_version: int
    actor: str
    actor_roles: tuple[str, ...]
    actor_unit: str | None
    trigger: str
    outcome: str
    from_state: str | None
    to_state: str | None
    case_version: int
    data: Mapping[str, Any] = attrs.field(factory=dict)
    reason: str | None = None
    refusal: str | None = None
    reasons: tuple[Mapping[str, str], ...] = ()
    authority: Mapping[str, Any] = attrs.field(factory=dict)
    cites: str | None = None
    prev_hash: str = GENESIS
    hash: str = ""

    @property
    def moved(self) -> bool:
        """True for a state change, False for a refusal."""
        return self.outcome == "moved"

    @property
    def when(self) -> datetime:
        """``at`` as an aware UTC datetime."""
        return from_iso(self.at)

    def body(self) -> dict[str, Any]:
        """Every field but ``hash``, as plain JSON data."""
        body = attrs.asdict(self, recurse=False)
        del body["hash"]
        body["actor_roles"] = list(self.actor_roles)
        body["reasons"] = [dict(r) for r in self.reasons]
        body["data"] = dict(self.data)
        body["authority"] = dict(self.authority)
        body["format"] = FORMAT
        return body

    def canonical(self) -> str:
        """The canonical text this event's hash covers."""
        return canonical(self.body())

    def sealed(self) -> AuditEvent:
        """This event with its hash computed."""
        return attrs.evolve(self, hash=digest(self.canonical()))

    def as_dict(self) -> dict[str, Any]:
        """All fields, hash included: one line of ``audit export``."""
        return {**self.body(), "hash": self.hash}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AuditEvent:
        """Rebuild an event from :meth:`as_dict` output (``format`` is dropped)."""
        fields = {f.name for f in attrs.fields(cls)}
        values = {k: v for k, v in data.items() if k in fields}
        values["actor_roles"] = tuple(values.get("actor_roles", ()))
        values["reasons"] = tuple(values.get("reasons", ()))
        return cls(**values)
