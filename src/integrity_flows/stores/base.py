"""The store contract: what every backend does, atomically."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Protocol

import attrs

from integrity_flows.audit.verify import StoredEvent
from integrity_flows.case import Case


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


class Store(Protocol):
    """Where cases and their audit trail live. Every method is safe to call from threads."""

    def load(self, case_id: str) -> Case | None:
        """The case, or ``None``."""
        ...

    def write(self, write: Write) -> int:
        """Commit ``write`` in one transaction; return the event's global sequence number."""
        ...

    def batch(self) -> AbstractContextManager[None]:
        """Group several writes in one transaction (all or nothing)."""
        ...

    def events(self, case_id: str) -> list[StoredEvent]:
        """The chain of ``case_id``, oldest first."""
        ...

    def iter_events(self) -> Iterator[StoredEvent]:
        """Every event, ordered by case id, then position."""
        ...

    def iter_events_by_seq(self) -> Iterator[StoredEvent]:
        """Every event, in the order written."""
        ...

    def iter_cases(self, flow_id: str | None = None, state: str | None = None) -> Iterator[Case]:
        """Cases ordered by id, optionally of one flow and state."""
        ...

    def holders(
        self, flow_id: str, field: str, value: str, states: Sequence[str] | None
    ) -> list[str]:
        """Ids of cases of ``flow_id`` in ``states`` (any state: None) whose indexed ``field``
        equals ``value``."""
        ...

    def due(self, now: datetime) -> list[tuple[str, str, datetime]]:
        """(case id, trigger, due) of every open deadline due at or before ``now``, by due."""
        ...

    def claim_deadline(
        self, case_id: str, trigger: str, due: datetime
    ) -> AbstractContextManager[bool]:
        """Hold one deadline for a sweep, so that sweepers running at once fire it once.

        Yields ``True`` when the deadline is still open (the case still has ``trigger``
        due at exactly ``due``) and no other sweeper holds it; ``False`` otherwise, and
        then the caller leaves it alone. The block is one transaction (a savepoint inside
        :meth:`batch`): writes made in it commit when it ends, or not at all.
        """
        ...

    def close(self) -> None:
        """Release the store's resources."""
        ...
