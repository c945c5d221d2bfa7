"""The engine: start cases, fire triggers, say what is available, sweep deadlines."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NoReturn

import attrs

from integrity_flows import committees
from integrity_flows.actor import Actor
from integrity_flows.audit.records import AuditEvent
from integrity_flows.audit.verify import Cached, Derived, VerifyReport, verify
from integrity_flows.authority import GrantingFlows
from integrity_flows.calendars import be_year, ce_year, parse_int, thai_day
from integrity_flows.case import Case, Deadline
from integrity_flows.clock import SystemClock, as_utc
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.duties import Occurrence, occurrences
from integrity_flows.engine import data as casedata
from integrity_flows.engine import inputs, sweeping
from integrity_flows.engine.attempt import Attempt, Refusal, StaleCopy
from integrity_flows.engine.deadlines import deadlines_for
from integrity_flows.engine.decision import (
    Decision,
    Rules,
    decide_start,
    decide_transition,
    not_allowed,
)
from integrity_flows.engine.events import Sealed, refusal_fields, sealed_event
from integrity_flows.engine.identity import vouched, with_role_ids
from integrity_flows.engine.machine import CompiledFlow
from integrity_flows.engine.migrating import migrate
from integrity_flows.engine.migration import Ask, Migration
from integrity_flows.engine.pinned import against
from integrity_flows.engine.sensitive import (
    LostRace,
    SealedCase,
    check_store_key,
    engine_key,
    reveal,
    seal_clear_values,
)
from integrity_flows.engine.sweeping import SweepResult
from integrity_flows.engine.versions import Definitions
from integrity_flows.errors import (
    BadCaseId,
    CaseNotFound,
    ConcurrentUpdate,
    DefinitionError,
    EventUnreadable,
    FlowError,
    Problem,
    PublishFailed,
    Refused,
    StoreError,
    UnknownFlow,
    UnknownTrigger,
)
from integrity_flows.guards.registry import GuardRegistry, GuardSpec
from integrity_flows.loading.discovery import FlowLibrary, default_registry, load_library
from integrity_flows.loading.setting_checks import override_problems
from integrity_flows.logs import event_logger, info_gate
from integrity_flows.protection.fields import protect
from integrity_flows.protection.keys import FieldKey
from integrity_flows.protocols import (
    AuditSink,
    Clock,
    Directory,
    EventLogger,
    PersonLookup,
    Store,
)
from integrity_flows.reports.catalogue import ReportCatalogue
from integrity_flows.stored import StoredDefinition, StoredEvent, Write, event_body

# The composition root only: Engine.open maps a URL to a store. Everything else in the
# engine knows a store through the Store protocol, never a backend class.
from integrity_flows.stores import open_store

if TYPE_CHECKING:
    from integrity_flows.plan.model import Plan

_APPEND_RETRIES = 5
# How many cases an engine keeps as it last wrote them.
_REMEMBERED = 4096


class Engine:
    """Runs cases of loaded flows against a store, writing the audit trail.

    Everything is handed in: the store, the flows, the guard registry, the clock,
    per-flow setting overrides and audit sinks. Nothing is read from the environment.

    ``key`` protects sensitive data at rest (a :class:`FieldKey` or its text form); a
    store that keeps nothing beyond the process gets an ephemeral key when none is given.
    """

    def __init__(
        self,
        store: Store,
        flows: FlowLibrary,
        *,
        registry: GuardRegistry | None = None,
        clock: Clock | None = None,
        settings: Mapping[str, Mapping[str, Any]] | None = None,
        sinks: Iterable[AuditSink] = (),
        logger: Any = None,
        key: FieldKey | str | None = None,
        directory: Directory | PersonLookup | None = None,
    ) -> None:
        self.store = store
        # Who is who. A Directory (people, posts, units on a day: docs/directory.md) is
        # also checked for every actor; a plain PersonLookup only tells a rule who someone
        # an action names is. None: the host vouches for its actors.
        self._directory = directory
        self.key = engine_key(store, key)
        check_store_key(store, self.key)
        self.flows = flows
        self.registry = registry or default_registry()
        self.clock: Clock = clock or SystemClock()
        self._settings = {k: dict(v) for k, v in (settings or {}).items()}
        self._sinks: list[AuditSink] = list(sinks)
        # A logging.Logger, a structlog logger, or None: see integrity_flows.logs.
        self._log: EventLogger = event_logger(logger)
        self._info_wanted = info_gate(self._log)
        # The cases this engine last wrote, by id (at most _REMEMBERED): a fire starts
        # from its copy instead of reading the case again; the guarded write catches a
        # copy gone stale (another writer came first), and the fire is then made again
        # on the case as read.
        self._written: dict[str, Case] = {}
        self._written_lock = threading.Lock()
        # By (id, version, hash): a store may hold two texts of one version.
        self._compiled: dict[tuple[str, int, str], CompiledFlow] = {}
        self._merged_settings: dict[tuple[str, int, str], Mapping[str, Any]] = {}
        self._rules_cache: dict[tuple[str, int, str], Rules] = {}
        # The flows that grant powers (delegation orders), read by authority resolution.
        self._granting = GrantingFlows.of(flows.loaded())
        # The definition each case runs under: loaded, or the text the store keeps.
        self.versions = Definitions(flows, store, self.registry)
        # Events held back by the batch a thread is inside (None: not in a batch). Kept
        # per thread: a fire committed by one thread is published by that thread, never
        # collected into (or dropped with) another thread's batch.
        self._local = threading.local()
        self._check_settings()

    @classmethod
    def open(
        cls,
        url: str = "memory://",
        *,
        flows: Iterable[str | Path] = (),
        bundled: bool = True,
        entry_points: bool = True,
        overrides: Iterable[str | Path] = (),
        override_plugins: Iterable[str] = (),
        guards: Iterable[GuardSpec] = (),
        clock: Clock | None = None,
        settings: Mapping[str, Mapping[str, Any]] | None = None,
        sinks: Iterable[AuditSink] = (),
        logger: Any = None,
        key: FieldKey | str | None = None,
        directory: Directory | PersonLookup | None = None,
        plan: Plan | None = None,
        read_only: bool = False,
    ) -> Engine:
        """Open a store by URL (``memory://``, ``sqlite:///PATH``, ``postgresql://...``) with
        the flows found in the bundled folder, the ``flows`` folders and installed
        packages. A flow id one of these defines may not be defined again by another,
        unless that one is an ``overrides`` folder (loaded last) or a plug-in named in
        ``override_plugins``. ``key`` protects sensitive data (ephemeral for ``memory://``
        when none is given). With ``plan``, a flow that names a project or cites a step
        that plan (its latest version) does not have is refused at load. ``read_only``
        opens the store without migrating it, refuses a database that is not ours and any
        write (see ``stores.open_store``)."""
        registry = default_registry(entry_points=entry_points)
        for spec in guards:
            registry.add(spec)
        library = load_library(
            flows,
            registry=registry,
            bundled=bundled,
            entry_points=entry_points,
            overrides=overrides,
            override_plugins=override_plugins,
            plan=plan,
        )
        store = open_store(url, read_only=read_only)
        try:
            return cls(
                store,
                library,
                registry=registry,
                clock=clock,
                settings=settings,
                sinks=sinks,
                logger=logger,
                key=key,
                directory=directory,
            )
        except BaseException:
            store.close()  # refused (a wrong key, bad settings): nothing left open
            raise

    # --- plumbing -----------------------------------------------------------

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def subscribe(self, sink: AuditSink) -> Callable[[], None]:
        """Call ``sink`` with every audit event after it is committed; returns an unsubscribe."""
        self._sinks.append(sink)
        return lambda: self._sinks.remove(sink)

    def _check_settings(self) -> None:
        problems = []
        for flow_id, overrides in self._settings.items():
            try:
                definition = self.flows.get(flow_id)
            except UnknownFlow:
                problems.append(
                    Problem(
                        "<settings>",
                        flow_id,
                        f"unknown flow '{flow_id}'",
                        f"ไม่พบขั้นตอนงาน '{flow_id}'",
                    )
                )
                continue
            for path, en, th in override_problems(definition, overrides):
                problems.append(Problem("<settings>", path, en, th))
        if problems:
            raise DefinitionError(problems)

    @property
    def reports(self) -> ReportCatalogue:
        """The declared reports over the loaded flows (see docs/reports.md)."""
        return self.flows.reports

    @property
    def granting(self) -> GrantingFlows:
        """The loaded flows that declare ``grants:``: where powers held through a grant
        come from (pass it to :func:`integrity_flows.authority.resolve` as ``flows``)."""
        return self._granting

    def settings(self, flow_id: str, version: int | None = None) -> dict[str, Any]:
        """The settings of ``flow_id`` (at ``version``, else the latest) with the host's
        overrides applied. A version gone from the flows folders is read as the store
        keeps it."""
        kept = self.versions.candidates(flow_id, version) if version is not None else []
        definition = kept[0] if kept else self.flows.get(flow_id, version)
        return dict(self._settings_of(definition))

    def _settings_of(self, definition: FlowDefinition) -> Mapping[str, Any]:
        # Merged once per flow version: read on every fire.
        found = self._merged_settings.get(definition.identity)
        if found is None:
            merged = {**definition.settings, **self._settings.get(definition.id, {})}
            found = self._merged_settings[definition.identity] = MappingProxyType(merged)
        return found

    def _rules(self, definition: FlowDefinition) -> Rules:
        found = self._rules_cache.get(definition.identity)
        if found is None:
            found = Rules(
                settings=self._settings_of(definition),
                lookup=self.store,
                registry=self.registry,
                definition_of=self.definition_of,
                flow_of=self.flows.get,
                person=self._person,
                granting=self._granting,
                directory=self.directory if isinstance(self.directory, Directory) else None,
            )
            self._rules_cache[definition.identity] = found
        return found

    @property
    def directory(self) -> Directory | PersonLookup | None:
        """Who is who: a :class:`Directory` checks every actor; a plain
        :class:`PersonLookup` only says who someone an action names is; None: the host
        vouches for its actors. May be replaced (a scenario loading one)."""
        return self._directory

    @directory.setter
    def directory(self, value: Directory | PersonLookup | None) -> None:
        self._directory = value
        self._rules_cache.clear()  # the rules hold the directory of their day

    def _person(self, person_id: str) -> Actor | None:
        if isinstance(self.directory, Directory):
            return self.directory.actor_on(person_id, thai_day(self.clock()))
        return self.directory(person_id) if self.directory is not None else None

    # --- who may act (issue 16) ----------------------------------------------

    def vouch(self, actor: Actor, now: datetime | None = None) -> Actor:
        """``actor`` as the engine's directory knows them on the day (their roles, unit
        and posts), or :class:`NotAuthorized` (not recorded: no case is named). Without
        a directory, ``actor`` as given."""
        found, error = vouched(
            self.directory, actor, now or self.clock(), case_id=None, trigger=None, state=None
        )
        if error is not None:
            raise error
        return found

    def compiled(self, definition: FlowDefinition) -> CompiledFlow:
        """The Machine for ``definition``, built on first use and then shared."""
        found = self._compiled.get(definition.identity)
        if found is None:
            found = self._compiled[definition.identity] = CompiledFlow(definition)
        return found

    def definition_of(self, case: Case) -> FlowDefinition:
        """The definition a case runs on: its own flow version with the content it started
        under, loaded or (when that version is gone or was changed) as the store keeps it."""
        return self.versions.find(case.flow_id, case.flow_version, case.definition_hash)

    # --- reading ------------------------------------------------------------

    def get(self, case_id: str) -> Case:
        """The case ``case_id`` as stored now."""
        _known_id(case_id)
        case = self.store.load(case_id)
        if case is None:
            raise CaseNotFound(case_id)
        return case

    def cases(self, flow_id: str | None = None, state: str | None = None) -> list[Case]:
        """Cases, optionally of one flow and in one state, ordered by id."""
        return list(self.store.iter_cases(flow_id, state))

    def history(self, case_id: str) -> list[AuditEvent]:
        """The audit events of ``case_id``, oldest first (refusals included)."""
        _known_id(case_id)
        stored = self.store.events(case_id)
        if not stored:
            raise CaseNotFound(case_id)
        return [_parse(event) for event in stored]

    def events(self) -> Iterable[AuditEvent]:
        """Every audit event in the order written (for export)."""
        return (_parse(event) for event in self.store.iter_events_by_seq())

    def verify(self) -> VerifyReport:
        """Recompute every chain, compare every case with its trail (a row that cannot be
        read is a problem of its case), and the index and deadline rows with what each
        case's flow derives from it; each event and case against the definition it ran
        under, and each definition text the store keeps against its hash."""
        store = self.store
        cached = Cached(store.iter_index_rows(), store.iter_deadline_rows(), self.derived)
        return verify(store.iter_events(), store.scan_cases(), cached, against(self.versions))

    def derived(self, case: Case) -> Derived | None:
        """What ``case``'s row caches, as its flow derives it: its indexed keys and its open
        deadlines (``None`` when its flow version is not loaded or has changed)."""
        try:
            definition = self.definition_of(case)
        except FlowError:
            return None
        return Derived(
            casedata.index_keys(definition, case.data), self._deadlines(definition, case)
        )

    def available(self, case_id: str, *, actor: Actor) -> list[str]:
        """Triggers ``actor`` may fire on the case now (with the data it already holds)."""
        case = self.get(case_id)
        definition = self.definition_of(case)
        actor, refusal = vouched(
            self.directory,
            with_role_ids(definition, actor),
            self.clock(),
            case_id=case.id,
            trigger=None,
            state=case.state,
        )
        if refusal is not None:
            return []
        allowed = []
        for trigger in self.compiled(definition).triggers(case.state):
            transition = definition.transition(trigger, case.state)
            assert transition is not None
            decision = decide_transition(
                definition,
                case,
                transition,
                actor=actor,
                given={},
                now=self.clock(),
                rules=self._rules(definition),
                check_requires=False,
            )
            if decision.allowed:
                allowed.append(trigger)
        return allowed

    # --- starting -----------------------------------------------------------

    def start(
        self,
        flow_id: str,
        *,
        actor: Actor,
        data: Mapping[str, Any] | None = None,
        reason: str | None = None,
        case_id: str | None = None,
        version: int | None = None,
    ) -> Case:
        """Open a case of ``flow_id`` for ``actor``; a refusal is audited, then raised."""
        if case_id is not None:
            # A host's own id (one that is not valid text included): refused, unrecorded.
            _check_case_id(case_id, self.store)
        return self._start(
            flow_id, actor=actor, data=data, reason=reason, case_id=case_id, version=version
        )

    def _start(
        self,
        flow_id: str,
        *,
        actor: Actor,
        data: Mapping[str, Any] | None = None,
        reason: str | None = None,
        case_id: str | None = None,
        version: int | None = None,
        now: datetime | None = None,
    ) -> Case:
        # A case id of the engine's own (a duty's record) is not checked beforehand: a
        # second start of one id fails at the store's write (ConcurrentUpdate), unwritten.
        attempt = Attempt(
            case_id=case_id or _new_id(inputs.shown(flow_id)),
            trigger="start",
            actor=actor,
            given=data if data is not None else {},
            reason=reason,
            now=now or self.clock(),
            flow=(inputs.shown(flow_id), version if isinstance(version, int) else 0),
        )
        try:
            self._decide_start(attempt, flow_id, version)
            self._protect(attempt)
        except Refusal as refusal:
            self._refused(attempt, refusal.error)
        return self._commit_start(attempt)

    def _decide_start(self, attempt: Attempt, flow_id: str, version: int | None) -> None:
        """Decide the start: every refusal is raised as a :class:`Refusal`."""
        problems = inputs.call_problems(attempt.actor, "start", attempt.reason, attempt.given)
        if not isinstance(flow_id, str) or not inputs.writable(flow_id):
            problems.append(inputs.unwritable("รหัสขั้นตอนงาน", "the flow id"))
        if problems:
            attempt.recordable()
            raise Refusal(inputs.refusal(problems, attempt.case_id, "start", None))
        try:
            definition = self.flows.get(flow_id, version)
        except UnknownFlow as exc:
            attempt.flow = (flow_id, version or 0)
            raise Refusal(exc) from None
        attempt.definition = definition
        attempt.flow = (flow_id, definition.version)
        self._vouch(attempt)
        decision = decide_start(
            definition,
            attempt.case_id,
            actor=attempt.actor,
            given=attempt.given,
            now=attempt.now,
            rules=self._rules(definition),
        )
        attempt.decision = decision
        if not decision.allowed:
            raise Refusal(decision.error(definition, attempt.case_id, "start", None))

    def _commit_start(self, attempt: Attempt) -> Case:
        definition, decision, now = attempt.definition, attempt.decision, attempt.now
        assert definition is not None
        assert decision is not None
        case_id, actor = attempt.case_id, attempt.actor
        # Its text goes to the store with the first case of the version (refused, and
        # unrecorded, when the store keeps another text of that version).
        kept = self.versions.to_keep(definition, case_id, now)
        sealed = sealed_event(
            case_id=case_id,
            pos=1,
            now=now,
            flow=definition.key,
            actor=actor,
            trigger="start",
            outcome="moved",
            from_state=None,
            to_state=definition.initial,
            case_version=1,
            data=casedata.audited(definition, {}, decision.data),
            reason=attempt.reason,
            authority=_authority(decision, definition.start.binds),
            cites=definition.start.cites,
        )
        binds = definition.start.binds
        initial = definition.initial
        settings = self._settings_of(definition)
        case = Case(
            id=case_id,
            flow_id=definition.id,
            flow_version=definition.version,
            definition_hash=definition.digest,
            state=initial,
            version=1,
            data=decision.data,
            actors={binds: actor.id} if binds else {},
            fired_by={"start": actor.id},
            deadlines=deadlines_for(definition, initial, decision.data, now, settings),
            created_at=now,
            updated_at=now,
            entered_at=now,
            head=sealed.hash,
            events=1,
        )
        keys = casedata.index_keys(definition, case.data)
        self._commit(sealed, case=case, expected=0, keys=keys, kept=kept)
        return case

    # --- sensitive data -----------------------------------------------------

    def reveal(self, case_id: str, field: str, *, actor: Actor, reason: str) -> Any:
        """The clear value of a sensitive field, for one of the roles its ``readers`` name.

        Every reading is appended to the case's audit trail (outcome ``"read"``); a
        refused reading too, before it is raised.
        """
        return reveal(self, case_id, field, actor=actor, reason=reason)

    def seal_clear_values(
        self, *, reason: str = "sealing values written before encryption"
    ) -> list[SealedCase]:
        """Seal every sensitive value stored in clear, each case changed with one audit
        event (trigger ``seal``, outcome ``sealed``); see ``integrity-flows db seal``."""
        return seal_clear_values(self, reason=reason)

    # --- definition versions ------------------------------------------------

    def migrate(
        self,
        flow_id: str,
        *,
        from_version: int,
        to_version: int,
        actor: Actor,
        reason: str,
        states: Mapping[str, str] | None = None,
        rename: Mapping[str, str] | None = None,
        values: Mapping[str, Any] | None = None,
        case_ids: Iterable[str] = (),
        dry_run: bool = False,
        each: bool = False,
        on_each: Callable[[], None] | None = None,
    ) -> Migration:
        """Move cases of ``flow_id`` from ``from_version`` forward to ``to_version``: those
        named in ``case_ids``, else every case at ``from_version``.

        ``states`` maps a state of the old version to one of the new (a state the new
        version also has stays where it is), ``rename`` a field to its new name, and
        ``values`` sets fields of the new version for every case moved. Each move is an
        audit event in the case's own chain (trigger ``migrate``, outcome
        ``migrated``); open deadlines and indexed keys are recomputed under the new
        version. A bad ask raises :class:`~integrity_flows.errors.BadMigration`; unless
        every case can move (or ``each`` is true: those that can move do), nothing is
        written and :class:`~integrity_flows.errors.MigrationRefused` names every case
        that cannot, with its reasons. ``dry_run`` writes nothing and returns what would
        happen, every case that cannot move included (docs/versions.md). ``on_each`` is
        called after each case is written (a progress bar).
        """
        ask = Ask(
            flow_id,
            from_version,
            to_version,
            dict(states or {}),
            dict(rename or {}),
            dict(values or {}),
            tuple(case_ids),
        )
        return migrate(
            self, ask, actor=actor, reason=reason, dry_run=dry_run, each=each, on_each=on_each
        )

    # --- firing -------------------------------------------------------------

    def fire(
        self,
        case_id: str,
        trigger: str,
        *,
        actor: Actor,
        data: Mapping[str, Any] | None = None,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Case:
        """Fire ``trigger`` (id or label) on the case as ``actor``.

        Returns the case after the move. A refusal is written to the audit trail and
        raised as a :class:`~integrity_flows.errors.Refused` subclass; a stale
        ``expected_version`` raises :class:`~integrity_flows.errors.ConcurrentUpdate`
        and writes nothing.
        """
        return self._fire(
            case_id,
            trigger,
            actor=actor,
            given=data or {},
            reason=reason,
            expected_version=expected_version,
            now=self.clock(),
            remembered=True,
        )

    def _fire(
        self,
        case_id: str,
        trigger: str,
        *,
        actor: Actor,
        given: Mapping[str, Any],
        reason: str | None,
        now: datetime,
        expected_version: int | None = None,
        entered: datetime | None = None,
        remembered: bool = False,
    ) -> Case:
        # A refusal is decided on the case as read; when another write came first, the
        # refusal is not appended to a case it was not decided on: the whole action is
        # decided again on the case as it is now (it may then be allowed, or refused for
        # other reasons). With ``remembered``, the first attempt may decide on the case as
        # this engine last wrote it, unread: the guarded write catches a copy gone stale
        # (ConcurrentUpdate), and the action is then decided again on the case as read.
        for _ in range(_APPEND_RETRIES):
            attempt = Attempt(
                case_id=case_id,
                trigger=trigger,
                actor=actor,
                given=given,
                reason=reason,
                now=now,
                expected_version=expected_version,
                entered=entered,
            )
            try:
                return self._fire_once(attempt, remembered=remembered)
            except LostRace as lost:
                stale = lost.events
            except StaleCopy:
                pass
            remembered = False
        raise ConcurrentUpdate(case_id, stale, self._chain_length(case_id), of="event count")

    def _chain_length(self, case_id: str) -> int | None:
        """How many events the chain of ``case_id`` has now (for a ConcurrentUpdate)."""
        try:
            case = self.store.load(case_id)
            return case.events if case is not None else len(self.store.events(case_id))
        except StoreError:
            return None

    def _fire_once(self, attempt: Attempt, *, remembered: bool) -> Case:
        """One attempt: decide → protect → move → commit → publish."""
        remembered = remembered and isinstance(attempt.case_id, str)
        case = self._written.get(attempt.case_id) if remembered else None
        if case is None:
            remembered = False
            case = self.get(attempt.case_id)
        expected = attempt.expected_version
        if expected is not None and case.version != expected:
            if remembered:
                raise StaleCopy  # said of the case as stored, not of this engine's copy
            raise ConcurrentUpdate(attempt.case_id, expected, case.version)
        attempt.case = case
        attempt.flow = (case.flow_id, case.flow_version)
        try:
            self._decide_fire(attempt)
            self._protect(attempt)
        except Refusal as refusal:
            self._refused(attempt, refusal.error)
        try:
            return self._move(attempt)
        except ConcurrentUpdate:
            if remembered:
                self._forget(attempt.case_id)
                raise StaleCopy from None
            raise

    def _decide_fire(self, attempt: Attempt) -> None:
        """Decide the fire on ``attempt.case``: every refusal is raised as a :class:`Refusal`."""
        case = attempt.case
        assert case is not None
        problems = inputs.call_problems(
            attempt.actor, attempt.trigger, attempt.reason, attempt.given
        )
        if problems:
            attempt.recordable()
            raise Refusal(inputs.refusal(problems, case.id, attempt.trigger, case.state))
        definition = attempt.definition = self.definition_of(case)
        self._vouch(attempt)
        trigger_id = definition.trigger_id(attempt.trigger)
        if trigger_id is None:
            raise Refusal(UnknownTrigger(attempt.trigger, flow_id=definition.id, case_id=case.id))
        attempt.trigger = trigger_id
        transition = definition.transition(trigger_id, case.state)
        if transition is None:
            possible = self.compiled(definition).triggers(case.state)
            raise Refusal(not_allowed(definition, case, trigger_id, possible, attempt.actor))
        attempt.transition = transition
        decision = decide_transition(
            definition,
            case,
            transition,
            actor=attempt.actor,
            given=attempt.given,
            now=attempt.now,
            rules=self._rules(definition),
        )
        attempt.decision = decision
        if not decision.allowed:
            raise Refusal(decision.error(definition, case.id, trigger_id, case.state))

    def _vouch(self, attempt: Attempt) -> None:
        """The actor as the directory knows them on the day, or a refusal (recorded)."""
        assert attempt.definition is not None
        state = attempt.case.state if attempt.case is not None else None
        actor, refusal = vouched(
            self.directory,
            with_role_ids(attempt.definition, attempt.actor),
            attempt.now,
            case_id=attempt.case_id,
            trigger=attempt.trigger,
            state=state,
        )
        attempt.actor = actor
        if refusal is not None:  # the directory does not give this actor that: recorded
            raise Refusal(refusal)

    def _protect(self, attempt: Attempt) -> None:
        """The decision's data as it may be stored (sensitive values sealed); no key for
        sensitive data is a refusal (recorded)."""
        definition, decision = attempt.definition, attempt.decision
        assert definition is not None
        assert decision is not None
        state = attempt.case.state if attempt.case is not None else None
        try:
            data = protect(
                definition,
                self.key,
                attempt.case_id,
                decision.data,
                trigger=attempt.trigger,
                state=state,
            )
        except Refused as error:
            raise Refusal(error) from None
        if data is not decision.data:
            attempt.decision = attrs.evolve(decision, data=data)

    def _move(self, attempt: Attempt) -> Case:
        definition, case, transition = attempt.definition, attempt.case, attempt.transition
        decision, actor, now = attempt.decision, attempt.actor, attempt.now
        assert definition is not None
        assert case is not None
        assert transition is not None
        assert decision is not None
        dest = self.compiled(definition).move(case.state, transition.trigger)
        changes = dict(decision.data)
        if transition.stamp is not None:
            changes[transition.stamp] = casedata.stamp(now, definition.data[transition.stamp])
        if transition.records_actor is not None:
            name = transition.records_actor
            if definition.data[name].type == "list":
                held = changes.get(name, case.data.get(name)) or []
                changes[name] = [*held, actor.id]
            else:
                changes[name] = actor.id
        data = {**case.data, **changes}
        if decision.act is not None:
            name = decision.act["name"]
            data[name] = committees.apply(case.data.get(name), decision.act)
        actors = case.actors
        if transition.binds is not None:
            actors = {**case.actors, transition.binds: actor.id}
        sealed = sealed_event(
            case_id=case.id,
            pos=case.events + 1,
            now=now,
            flow=(case.flow_id, case.flow_version),
            actor=actor,
            trigger=transition.trigger,
            outcome="moved",
            from_state=case.state,
            to_state=dest,
            case_version=case.version + 1,
            data=casedata.audited(definition, case.data, changes),
            reason=attempt.reason,
            authority=_authority(decision, transition.binds),
            cites=transition.cites,
            prev_hash=case.head,
            committee=decision.act,
        )
        entered = case.entered_at if dest == case.state else (attempt.entered or now)
        settings = self._settings_of(definition)
        deadlines = deadlines_for(definition, dest, data, entered, settings)
        fired_by = case.fired_by
        if fired_by.get(transition.trigger) != actor.id:
            fired_by = {**case.fired_by, transition.trigger: actor.id}
        moved = Case(
            id=case.id,
            flow_id=case.flow_id,
            flow_version=case.flow_version,
            definition_hash=case.definition_hash,
            state=dest,
            version=case.version + 1,
            data=data if data != case.data else case.data,
            actors=actors,
            fired_by=fired_by,
            deadlines=deadlines,
            created_at=case.created_at,
            updated_at=now,
            entered_at=entered,
            head=sealed.hash,
            events=case.events + 1,
        )
        keys = keys_before = None
        if any(name in changes for name in casedata.indexed(definition)):
            # The keys the store holds for the case as read: the same version's index of
            # its data (every write that changes an indexed field writes its keys).
            keys = casedata.index_keys(definition, data)
            keys_before = casedata.index_keys(definition, case.data)
        self._commit(
            sealed,
            case=moved,
            expected=case.events,
            keys=keys,
            deadlines_changed=deadlines != case.deadlines,
            before=case,
            keys_before=keys_before,
        )
        return moved

    def _refused(self, attempt: Attempt, error: Refused) -> NoReturn:
        """The one refusal path of a start and a fire: ``error`` recorded, then raised."""
        self._record_refusal(attempt, error)
        raise error

    def _record_refusal(self, attempt: Attempt, error: Refused) -> None:
        """Record ``error`` in the chain the attempt read (a refused start: a chain of its
        own, with no case). When the logger or a sink fails, PublishFailed is raised, with
        the refusal as what was committed."""
        try:
            if attempt.case is None:
                sealed = sealed_event(
                    case_id=attempt.case_id,
                    pos=1,
                    now=attempt.now,
                    flow=attempt.flow,
                    actor=attempt.actor,
                    trigger="start",
                    from_state=None,
                    case_version=0,
                    reason=attempt.reason,
                    **refusal_fields(error),
                )
                self._commit(sealed, case=None, expected=0)
            else:
                self._append(
                    attempt.case,
                    trigger=attempt.trigger,
                    actor=attempt.actor,
                    now=attempt.now,
                    reason=attempt.reason,
                    fields=refusal_fields(error),
                )
        except PublishFailed as failed:
            failed.committed = error  # what the caller is told of is the refusal
            raise

    def _refuse(
        self,
        case: Case,
        *,
        trigger: str,
        actor: Actor,
        now: datetime,
        reason: str | None,
        error: Refused,
    ) -> None:
        """Record a refusal decided on ``case`` outside a start or a fire (a reading)."""
        attempt = Attempt(
            case_id=case.id, trigger=trigger, actor=actor, given={}, reason=reason, now=now
        )
        attempt.case = case
        self._record_refusal(attempt, error)

    def _append(
        self,
        case: Case,
        *,
        trigger: str,
        actor: Actor,
        now: datetime,
        reason: str | None,
        fields: Mapping[str, Any],
    ) -> None:
        """Append an event that moves nothing (a refusal, a reading) decided on ``case``,
        exactly after the event the decision read.

        When another write came first, nothing is written and :class:`LostRace` is
        raised: the caller decides again on the case as it is now, so an event is never
        recorded against a state it was not decided in.
        """
        sealed = sealed_event(
            case_id=case.id,
            pos=case.events + 1,
            now=now,
            flow=(case.flow_id, case.flow_version),
            actor=actor,
            trigger=trigger,
            from_state=case.state,
            case_version=case.version,
            reason=reason,
            prev_hash=case.head,
            **fields,
        )
        updated = attrs.evolve(case, head=sealed.hash, events=case.events + 1)
        try:
            self._commit(
                sealed,
                case=updated,
                expected=case.events,
                deadlines_changed=False,
                before=case,
            )
        except ConcurrentUpdate as exc:
            self._forget(case.id)
            raise LostRace(case.events) from exc

    def _commit(
        self,
        sealed: Sealed,
        *,
        case: Case | None,
        expected: int,
        keys: Mapping[str, str] | None = None,
        deadlines_changed: bool = True,
        kept: StoredDefinition | None = None,
        before: Case | None = None,
        keys_before: Mapping[str, str] | None = None,
    ) -> None:
        """The engine's one write: the event and the case after it, in one transaction;
        then (outside a batch) the logger and the sinks are told."""
        self.store.write(
            Write(sealed.stored, case, expected, keys, deadlines_changed, kept, before, keys_before)
        )
        if case is not None:
            self._remember(case)
        batched = self._batched()
        if batched is not None:
            batched.append(sealed)
            if kept is not None:  # known kept once the batch commits
                self._local.kept.append(kept)
            return
        if kept is not None:
            self.versions.kept(kept)
        failures = self._publish([sealed])
        if failures:
            error = PublishFailed(failures)
            error.committed = case
            raise error from failures[0][1]

    # --- the cases this engine wrote ------------------------------------------

    def _remember(self, case: Case) -> None:
        """Keep ``case`` as this engine wrote it, for its next fire (bounded; inside a batch,
        forgotten again if the batch is undone)."""
        with self._written_lock:
            written = self._written
            written.pop(case.id, None)
            written[case.id] = case
            if len(written) > _REMEMBERED:
                del written[next(iter(written))]
        ids: set[str] | None = getattr(self._local, "written", None)
        if ids is not None:
            ids.add(case.id)

    def _forget(self, case_id: str) -> None:
        with self._written_lock:
            self._written.pop(case_id, None)

    def _batched(self) -> list[Sealed] | None:
        """The events held back by the batch the calling thread is inside, or None."""
        held: list[Sealed] | None = getattr(self._local, "batched", None)
        return held

    def _publish(self, events: Iterable[Sealed]) -> list[tuple[str, BaseException]]:
        """Tell the logger and every sink of committed events; return who failed.

        Side effects only after the commit: a failing logger or sink cannot undo it, and
        one failing does not keep the event from the others. The caller raises
        PublishFailed with the failures (docs/audit-trail.md), so none goes unnoticed.
        Whether the logger keeps ``info`` events is asked once for the events: when it
        drops them, no call is built.
        """
        failures: list[tuple[str, BaseException]] = []
        try:
            logged = self._info_wanted()
        except Exception as exc:  # any failure of the host's code: raised as PublishFailed
            failures.append(("logger", exc))
            logged = False
        for sealed in events:
            if logged:
                try:
                    self._log.info("audit_event", **sealed.body)
                except Exception as exc:  # the host's code: raised as PublishFailed
                    failures.append(("logger", exc))
            for sink in self._sinks:
                try:
                    sink(sealed.event)
                except Exception as exc:  # the host's code: raised as PublishFailed
                    failures.append((f"sink {getattr(sink, '__qualname__', repr(sink))}", exc))
        return failures

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run many starts and fires in one transaction (group commit), all or nothing.

        Meant for bulk work such as importing historical records. A refusal or error
        inside undoes the whole batch (its refusal events included) and is raised;
        log events and sinks are called once the batch has committed.

        The batch belongs to the thread that opened it: starts and fires of other threads
        on the same engine are not part of it, and are published when they commit.
        """
        if self._batched() is not None:
            yield
            return
        committed: list[Sealed] = []
        self._local.batched = committed
        kept: list[StoredDefinition] = []
        self._local.kept = kept
        written: set[str] = set()
        self._local.written = written
        undone = True
        try:
            with self.store.batch():
                yield
            undone = False
        finally:
            self._local.batched = None
            self._local.kept = []
            self._local.written = None
            if undone:  # the cases it wrote are as they were before it
                for case_id in written:
                    self._forget(case_id)
        for row in kept:
            self.versions.kept(row)
        failures = self._publish(committed)
        if failures:
            raise PublishFailed(failures) from failures[0][1]

    # --- time ---------------------------------------------------------------

    def _deadlines(self, definition: FlowDefinition, case: Case) -> tuple[Deadline, ...]:
        return deadlines_for(
            definition, case.state, case.data, case.entered_at, self._settings_of(definition)
        )

    def sweep(
        self,
        now: datetime | None = None,
        *,
        duties: bool = True,
        on_each: Callable[[], None] | None = None,
    ) -> list[SweepResult]:
        """Fire, as the system actor, every deadline due at or before ``now``; then (unless
        ``duties`` is false) record every occurrence of a declared duty that has fallen due
        unfulfilled (:meth:`record_duties`). Returns the deadlines it fired; what it
        recorded is read with :meth:`duties` (``recorded``) or by calling
        :meth:`record_duties`, which records nothing twice.

        A state entered by the sweep counts as entered when its deadline fell due, not
        when the sweep ran, so a late sweep does not push back the deadlines that
        follow: those already due are fired in the same call, each at most once.
        Refusals are audited and reported, not raised. A case whose row cannot be read
        (:class:`~integrity_flows.errors.CaseUnreadable`) is skipped, logged
        (``sweep_case_unreadable``) and reported with ``refused="case_unreadable"``.
        When the logger or a sink fails, every due deadline is still fired, then
        :class:`~integrity_flows.errors.PublishFailed` is raised with the results as
        ``committed``. ``on_each`` is called after each due deadline (a progress bar).
        """
        moment = as_utc(now) if now is not None else self.clock()
        return sweeping.sweep(self, moment, duties=duties, on_each=on_each)

    # --- duties -------------------------------------------------------------

    def duties(
        self,
        fiscal_year: int | str,
        *,
        now: datetime | None = None,
        flow_id: str | None = None,
        duty_id: str | None = None,
    ) -> list[Occurrence]:
        """Every occurrence of the declared duties in fiscal year ``fiscal_year`` (B.E.),
        with its due date, what fulfilled it and its status on ``now`` (docs/duties.md)."""
        year = be_year(ce_year(parse_int(fiscal_year)))
        moment = as_utc(now) if now is not None else self.clock()
        return occurrences(
            self.flows.latest(),
            self.store,
            year,
            moment,
            flow_id=flow_id,
            duty_id=duty_id,
            settings=self.settings,
        )

    def record_duties(self, now: datetime | None = None) -> list[SweepResult]:
        """Record each occurrence of a declared duty (of this fiscal year and the last) that
        has fallen due unfulfilled by ``now``: one ``duty_record`` case each, started as the
        system actor, its audit event in the same write. Its id is the occurrence's, so a
        second call (or another sweeper at once) records nothing. Returns what it recorded
        (trigger ``start``, ``duty`` naming the duty)."""
        return sweeping.record_duties(self, as_utc(now) if now is not None else self.clock())


def _known_id(case_id: Any) -> None:
    """A case id that cannot be written names no case: CaseNotFound, before any store reads it."""
    if not isinstance(case_id, str) or not inputs.writable(case_id):
        raise CaseNotFound(inputs.shown(case_id))


MAX_CASE_ID = 120


def _check_case_id(case_id: str, store: Store) -> None:
    """A host's own case id: printable, trimmed, at most 120 characters, not taken."""
    if not isinstance(case_id, str) or not case_id.strip():
        raise BadCaseId(str(case_id), "ว่างเปล่า", "it is empty")
    if len(case_id) > MAX_CASE_ID:
        raise BadCaseId(case_id, f"ยาวเกิน {MAX_CASE_ID} ตัวอักษร", f"it is longer than {MAX_CASE_ID}")
    if case_id != case_id.strip() or not case_id.isprintable():
        raise BadCaseId(
            case_id,
            "มีช่องว่างหัวท้าย หรืออักขระควบคุมหรือกำหนดทิศทาง",
            "it has leading or trailing spaces, or control or direction characters",
        )
    if store.load(case_id) is not None or store.events(case_id):
        raise BadCaseId(case_id, "มีเรื่องนี้อยู่แล้ว", "a case with this id exists already")


def _new_id(flow_id: str) -> str:
    return f"{flow_id}-{secrets.token_hex(6)}"


def _authority(decision: Decision, binds: str | None) -> dict[str, Any]:
    """What allowed the action, and the per-case role it bound the actor to (if any)."""
    authority = dict(decision.authority)
    if binds is not None:
        authority["binds"] = binds
    return authority


def _parse(event: StoredEvent) -> AuditEvent:
    """The record of a stored event; :class:`EventUnreadable` for one that is not an event
    the engine writes (edited or corrupted in the store)."""
    body = event_body(event)
    try:
        return AuditEvent.from_dict({**body, "hash": event.hash})
    except (TypeError, ValueError):
        raise EventUnreadable(event.case_id, event.pos, "not the fields of an event") from None
