"""Audit events: frozen records, their canonical form and their hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import attrs

try:  # an accelerator; the standard library defines the canonical form
    import orjson as _orjson
except ImportError:  # pragma: no cover - orjson is a dependency, but not a required one
    _orjson = None  # type: ignore[assignment]

GENESIS = "0" * 64
REDACTED = "***"
# The canonical form's version, recorded in every event. 2 added ``committee`` (the
# committee act an event performs); events of format 1 verify as they were written.
FORMAT = 2


def iso(moment: datetime) -> str:
    """A UTC instant as fixed-width ISO 8601 text (sorts as it compares)."""
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    # isoformat is much faster than strftime; both give 2023-10-01T02:00:00.000000Z.
    return moment.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def from_iso(text: str) -> datetime:
    """Read back what :func:`iso` wrote."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not UTC:
        msg = f"not a UTC instant: {text!r}"
        raise ValueError(msg)
    return moment


def _canonical_json(body: Mapping[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def canonical_bytes(body: Mapping[str, Any]) -> bytes:
    """Sorted-key, compact JSON in UTF-8, non-ASCII as is: the bytes that are hashed.

    orjson writes exactly these bytes for the JSON data events hold (text, whole
    numbers within 64 bits, true/false/null, lists, objects with text keys) and is
    several times faster on every fire and every verify; whatever it refuses (a
    larger integer, say) falls back to the standard library, which defines the form.
    """
    if _orjson is not None:
        try:
            return _orjson.dumps(body, option=_orjson.OPT_SORT_KEYS)
        except TypeError:
            pass
    return _canonical_json(body)


def parse_json(text: str | bytes) -> Any:
    """Read JSON text (orjson when present, the standard library otherwise)."""
    if _orjson is not None:
        return _orjson.loads(text)
    return json.loads(text)


def canonical(body: Mapping[str, Any]) -> str:
    """The canonical form as text (what a store keeps)."""
    return canonical_bytes(body).decode()


def digest(text: str | bytes) -> str:
    """SHA-256 of ``text`` (UTF-8 when given as text), as hex."""
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()


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
    committee: Mapping[str, Any] | None = None
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
        # Written out rather than attrs.asdict: this runs on every fire.
        return {
            "case_id": self.case_id,
            "pos": self.pos,
            "at": self.at,
            "flow_id": self.flow_id,
            "flow_version": self.flow_version,
            "actor": self.actor,
            "actor_roles": list(self.actor_roles),
            "actor_unit": self.actor_unit,
            "trigger": self.trigger,
            "outcome": self.outcome,
            "from_state": self.from_state,
            "to_state": self.to_state,
            "case_version": self.case_version,
            "data": dict(self.data),
            "reason": self.reason,
            "refusal": self.refusal,
            "reasons": [dict(r) for r in self.reasons],
            "authority": dict(self.authority),
            "cites": self.cites,
            "committee": dict(self.committee) if self.committee is not None else None,
            "prev_hash": self.prev_hash,
            "format": FORMAT,
        }

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
