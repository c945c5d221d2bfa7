"""The extension points, gathered in one place: what a host or a plug-in may supply.

Each is a :class:`typing.Protocol` (or the Protocol of a plain callable), so any object
of the right shape fits; nothing here is a base class to inherit from, and nothing is
found by naming convention or probed with ``getattr``. A capability a backend may or may
not have is a member of its Protocol (:attr:`Store.volatile`), or a Protocol of its own
checked with ``isinstance`` (:class:`MigratingStore`).

- :class:`CaseLookup`: the read-only queries guards and authority make of a store;
- :class:`Store`: where cases and their audit trail live (memory, SQLite, PostgreSQL);
- :class:`MigratingStore`: a store with a numbered schema;
- :class:`Clock`: the time, injected;
- :class:`Directory`: who is who on a day (people, posts, units), as the host knows it;
- :class:`PersonLookup`: who a person named in data is, today;
- :class:`Guard`: a named check a flow file may use;
- :class:`AuditSink`: told of every committed audit event.

A generic report aggregate is the one extension point kept beside what it reads: it is an
:class:`~integrity_flows.reports.accumulators.Accumulator`, fed the cases of a report's set
and asked for its figures, registered as a
:class:`~integrity_flows.reports.aggregates.AggregateSpec` (docs/reports.md).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from integrity_flows.actor import Actor
    from integrity_flows.audit.records import AuditEvent
    from integrity_flows.case import Case
    from integrity_flows.errors import Reason
    from integrity_flows.guards.context import GuardContext
    from integrity_flows.stored import StoredDefinition, StoredEvent, UnreadableCase, Write


class CaseLookup(Protocol):
    """Protocol: the queries a guard or the authority resolution makes of the store.

    Indexed look-ups and single loads only, never a scan of every case: they run while an
    action is decided.
    """

    def holders(
        self, flow_id: str, field: str, value: str, states: Sequence[str] | None
    ) -> list[str]:
        """Ids of cases of ``flow_id`` in one of ``states`` (any state: None) whose indexed
        ``field`` equals ``value``."""
        ...

    def load(self, case_id: str) -> Case | None:
        """The case ``case_id``, or ``None``."""
        ...

    def events(self, case_id: str) -> list[StoredEvent]:
        """The chain of ``case_id``, oldest first."""
        ...


class Store(CaseLookup, Protocol):
    """Protocol: where cases and their audit trail live. Every method is thread-safe.

    One contract and one conformance suite (:mod:`integrity_flows.testing.store_contract`)
    for every backend; :func:`integrity_flows.stores.open_store` opens one by URL.
    """

    @property
    def volatile(self) -> bool:
        """True when the store keeps nothing beyond the process (``memory://``,
        ``sqlite://:memory:``): the engine may then protect sensitive data with an
        ephemeral key that lives exactly as long as the data."""
        ...

    @property
    def leaves_wait(self) -> bool:
        """True when an event may commit before it has its place in the Merkle tree: the
        PostgreSQL store lets a writer that finds the log's lock held commit its event
        without a leaf, and the next writer holding the lock places it. Such an event is
        not a problem for :func:`integrity_flows.audit.log.verify_log`."""
        ...

    def key_fingerprint(self) -> str | None:
        """The fingerprint of the key the store's sensitive data is sealed with, as
        recorded by :meth:`record_key_fingerprint`; None when none is recorded."""
        ...

    def record_key_fingerprint(self, fingerprint: str) -> str | None:
        """Record ``fingerprint`` as the store's key unless one is recorded already (at
        once, whoever else records at the same time); return the one recorded, or None
        when the store cannot record it (a schema older than the table that keeps it)."""
        ...

    def write(self, write: Write) -> int:
        """Commit ``write`` in one transaction; return the event's global sequence number."""
        ...

    def batch(self) -> AbstractContextManager[None]:
        """Group several writes in one transaction (all or nothing)."""
        ...

    def definitions(self, flow_id: str | None = None) -> list[StoredDefinition]:
        """Every flow definition the store keeps (of ``flow_id``), ordered by flow id,
        version and hash: each written by :meth:`write` with the first start of a case of
        it (``Write.definition``), kept once, never changed."""
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

    def scan_cases(self) -> Iterator[Case | UnreadableCase]:
        """Every case ordered by id, for a reader of them all (``verify``): a row that
        cannot be read back as a case is an :class:`UnreadableCase` in its place, where
        :meth:`iter_cases` and :meth:`load` raise
        :class:`~integrity_flows.errors.CaseUnreadable`."""
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

    # --- the Merkle tree over the whole trail (see integrity_flows.audit.merkle) ---------

    def log_origin(self) -> str:
        """The name of this store's log, the first line of its checkpoints."""
        ...

    def tree_size(self) -> int:
        """How many events the Merkle tree holds (each write adds one, in its transaction)."""
        ...

    def tree_nodes(self, keys: Sequence[tuple[int, int]]) -> dict[tuple[int, int], bytes]:
        """The stored full subtrees asked for, by (level, index); missing ones left out."""
        ...

    def iter_leaves(self) -> Iterator[tuple[int, bytes]]:
        """Every stored leaf hash (level 0) with its index, in index order."""
        ...

    def iter_events_by_leaf(self) -> Iterator[StoredEvent]:
        """Every event: first those without a leaf (by seq), then the rest in leaf order."""
        ...

    # --- what the case rows cache, as stored (verify re-derives it from the trail) ---------

    def iter_index_rows(self) -> Iterator[tuple[str, str, str, str, str]]:
        """Every indexed key as (case id, flow id, field, value, the case's state), ordered
        by case id, field and value."""
        ...

    def iter_deadline_rows(self) -> Iterator[tuple[str, str, datetime]]:
        """Every open deadline the sweep reads, as (case id, trigger, due), ordered so."""
        ...

    def close(self) -> None:
        """Release the store's resources."""
        ...


@runtime_checkable
class MigratingStore(Protocol):
    """Protocol: a store with a schema of numbered migrations (SQLite, PostgreSQL)."""

    def migrate(self) -> list[int]:
        """Apply the pending migrations; return their numbers."""
        ...

    def schema_version(self) -> int:
        """The number of the last migration applied."""
        ...


class Clock(Protocol):
    """Protocol: the time now, as an aware UTC ``datetime`` (see :mod:`integrity_flows.clock`)."""

    def __call__(self) -> datetime: ...


class PersonLookup(Protocol):
    """Protocol: the person ``person_id`` as known today (their unit, roles), or ``None``
    when unknown: what a guard asks about someone an action names. A plain function
    fits; so does a :class:`Directory` read on the engine's day."""

    def __call__(self, person_id: str, /) -> Actor | None: ...


@runtime_checkable
class Directory(Protocol):
    """Protocol: who is who, as the host's HR system knows it (docs/directory.md).

    With a directory the engine takes an actor's roles, unit and posts from it on the
    day of the action, and refuses an actor it does not know or who claims a role or a
    unit it does not give them that day. Without one, the host vouches for every actor.
    :class:`integrity_flows.directory.StaticDirectory` reads one from a YAML or CSV file.
    """

    def actor_on(self, person_id: str, day: date, /) -> Actor | None:
        """The person on ``day`` (a Thai calendar day) with the roles, unit and posts
        their posts give them that day; ``None`` when the directory does not know them."""
        ...

    def holds_post(self, person_id: str, post: str, day: date, /) -> bool:
        """True when ``person_id`` holds ``post`` (its id or name) on ``day``."""
        ...


class Guard(Protocol):
    """Protocol: a check a flow file names, with parameters: ``None`` allows, a
    :class:`~integrity_flows.errors.Reason` refuses and says why. Registered with the
    kinds of its parameters in a :class:`~integrity_flows.guards.registry.GuardRegistry`."""

    def __call__(self, ctx: GuardContext, params: Mapping[str, Any], /) -> Reason | None: ...


class AuditSink(Protocol):
    """Protocol: told of each audit event once it is committed (refusals included); a
    failing sink is logged and never undoes the commit."""

    def __call__(self, event: AuditEvent, /) -> None: ...


@runtime_checkable
class EventLogger(Protocol):
    """Protocol: a logger of named events with keyword fields (structlog's shape): what
    ``Engine(logger=...)`` takes, besides a ``logging.Logger`` (see :mod:`integrity_flows.logs`)."""

    def info(self, event: str, **fields: Any) -> Any:
        """Log ``event`` at info level."""

    def error(self, event: str, **fields: Any) -> Any:
        """Log ``event`` at error level."""


__all__ = [
    "AuditSink",
    "CaseLookup",
    "Clock",
    "Directory",
    "EventLogger",
    "Guard",
    "MigratingStore",
    "PersonLookup",
    "Store",
]
