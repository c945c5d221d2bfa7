"""Sensitive data in the engine: which key it uses, and reading a value in clear.

Reading (``Engine.reveal``) is itself an audited event on the case's chain, outcome
``"read"``, trigger ``"reveal"``, the field named in its data with the value as ``***``;
it changes no state, so ``verify`` (which replays only moves) still holds. A refused
reading is recorded as a refusal, like any other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from integrity_flows.actor import SYSTEM
from integrity_flows.audit.records import REDACTED
from integrity_flows.engine import inputs
from integrity_flows.engine.decision import authorize_roles
from integrity_flows.engine.events import sealed_event
from integrity_flows.engine.identity import vouched, with_role_ids
from integrity_flows.errors import (
    ConcurrentUpdate,
    InvalidData,
    KeyRequired,
    NotAuthorized,
    Reason,
    Refused,
    StoreError,
    WrongKey,
)
from integrity_flows.guards.context import GuardContext
from integrity_flows.guards.decide import decide
from integrity_flows.protection.fields import clear_fields, open_value, seal_clear
from integrity_flows.protection.keys import FieldKey, sealed_fingerprint
from integrity_flows.stored import UnreadableCase

if TYPE_CHECKING:
    from datetime import datetime

    from integrity_flows.actor import Actor
    from integrity_flows.case import Case
    from integrity_flows.definition.model import FlowDefinition
    from integrity_flows.engine.runtime import Engine
    from integrity_flows.protocols import Store

#: The trigger recorded for a reading; never a trigger of a flow (the loader refuses it).
READ_TRIGGER = "reveal"
#: The outcome recorded for a reading.
READ_OUTCOME = "read"
#: The trigger and outcome recorded when values written in clear are sealed (``db seal``).
SEAL_TRIGGER = "seal"
SEAL_OUTCOME = "sealed"
#: How often a reading is decided again when other writes keep coming first.
READ_RETRIES = 5


class LostRace(Exception):
    """Another write reached the case between reading it and recording a refusal decided
    on it: nothing was written, and the action must be decided again."""

    def __init__(self, events: int) -> None:
        super().__init__(events)
        self.events = events


def engine_key(store: Store, key: FieldKey | str | None) -> FieldKey | None:
    """The key an engine uses: the one given (as a key or its text form), or, for a store
    that keeps nothing beyond the process (``memory://``, ``sqlite://:memory:``), a fresh
    ephemeral key that lives exactly as long as the data it protects."""
    if isinstance(key, str):
        return FieldKey.from_text(key)
    if key is not None:
        return key
    return FieldKey.generate() if store.volatile else None


def check_store_key(store: Store, key: FieldKey | None) -> None:
    """Refuse to open ``store`` with a key other than the one its sensitive data is sealed
    with, so that a store never ends up holding values sealed with two keys.

    The store records the fingerprint of the first key an engine opens it with. A store
    that has none recorded yet (one older than the record) is looked through for a sealed
    value once: the key that sealed it is the store's key. Without a key nothing is
    checked (nothing sensitive can then be written or read).
    """
    if key is None:
        return
    recorded = store.key_fingerprint()
    if recorded is None:
        found = _sealed_fingerprint_in(store)
        if found is not None and found != key.fingerprint:
            raise wrong_store_key(found, key.fingerprint)
        try:
            recorded = store.record_key_fingerprint(found or key.fingerprint)
        except StoreError:  # a database opened read-only: checked by its values only
            return
        if recorded is None:  # a schema too old to record it: checked by its values only
            return
    if recorded != key.fingerprint:
        raise wrong_store_key(recorded, key.fingerprint)


def wrong_store_key(recorded: str, given: str) -> WrongKey:
    """The refusal to open a store with a key that is not its own."""
    reason = Reason(
        "wrong_key",
        f"ข้อมูลอ่อนไหวในที่เก็บข้อมูลนี้เข้ารหัสด้วยกุญแจ {recorded} แต่กุญแจที่ให้มาคือ {given}",
        f"this store's sensitive data is sealed with key {recorded}, and the key given is {given}",
    )
    return WrongKey(
        f"เปิดที่เก็บข้อมูลด้วยกุญแจนี้ไม่ได้ (กุญแจไม่ถูกต้อง): {reason.th} "
        "ใช้กุญแจของที่เก็บข้อมูลนี้ (integrity-flows key fingerprint บอกรหัสประจำกุญแจ)",
        f"wrong key: cannot open the store with this key: {reason.en}; use the store's own key "
        "(integrity-flows key fingerprint names a key)",
        reasons=[reason],
    )


def _sealed_fingerprint_in(store: Store) -> str | None:
    for case in store.scan_cases():
        if isinstance(case, UnreadableCase):
            continue
        for value in case.data.values():
            found = _fingerprint_of(value)
            if found is not None:
                return found
    return None


def _fingerprint_of(value: Any, depth: int = 0) -> str | None:
    if isinstance(value, str):
        return sealed_fingerprint(value)
    if depth < 2 and isinstance(value, list | dict):
        for item in value.values() if isinstance(value, dict) else value:
            found = _fingerprint_of(item, depth + 1)
            if found is not None:
                return found
    return None


@attrs.frozen
class SealedCase:
    """A case whose sensitive values written in clear were sealed, and which fields."""

    case_id: str
    fields: tuple[str, ...]


def seal_clear_values(engine: Engine, *, reason: str) -> list[SealedCase]:
    """Seal every sensitive value stored in clear (written before encryption existed).

    Each case changed gets one audit event on its chain, by the system: trigger ``seal``,
    outcome ``sealed``, the fields named with ``***``, its state and version unchanged; the
    case and its event are written in one transaction. Safe to run again: a case holding no
    clear value is left alone. Needs the store's key (``KeyRequired`` otherwise).
    """
    key = engine.key
    if key is None:
        raise KeyRequired(
            "เข้ารหัสข้อมูลเดิมไม่ได้ เพราะไม่ได้กำหนดกุญแจเข้ารหัส",
            "cannot seal values written in clear: no encryption key was given",
        )
    waiting = []
    for found in engine.store.scan_cases():
        if isinstance(found, UnreadableCase):
            continue  # verify names it; nothing can be appended to its chain
        if clear_fields(engine.definition_of(found), found.data):
            waiting.append(found.id)
    done = []
    for case_id in waiting:
        for _ in range(READ_RETRIES):
            try:
                sealed = _seal_case(engine, key, case_id, reason)
            except LostRace:
                continue
            if sealed is not None:
                done.append(sealed)
            break
        else:
            raise ConcurrentUpdate(case_id, 0, engine._chain_length(case_id), of="event count")
    return done


def _seal_case(engine: Engine, key: FieldKey, case_id: str, reason: str) -> SealedCase | None:
    case = engine.get(case_id)
    definition = engine.definition_of(case)
    names = clear_fields(definition, case.data)
    if not names:
        return None
    data = seal_clear(key, case.id, case.data, names)
    event = sealed_event(
        case_id=case.id,
        pos=case.events + 1,
        now=engine.clock(),
        flow=(case.flow_id, case.flow_version),
        actor=SYSTEM,
        trigger=SEAL_TRIGGER,
        outcome=SEAL_OUTCOME,
        from_state=case.state,
        case_version=case.version,
        data={name: REDACTED for name in names},
        reason=reason,
        prev_hash=case.head,
    )
    updated = attrs.evolve(case, data=data, head=event.hash, events=case.events + 1)
    try:
        engine._commit(
            event, case=updated, expected=case.events, deadlines_changed=False, before=case
        )
    except ConcurrentUpdate as exc:
        raise LostRace(case.events) from exc
    return SealedCase(case.id, tuple(names))


def reveal(engine: Engine, case_id: str, field: str, *, actor: Actor, reason: str) -> Any:
    """The clear value of sensitive ``field`` (id or label) of a case, for ``actor``.

    Allowed only to the roles the field lists in ``readers``, with a reason; the reading
    is appended to the case's audit chain. A refusal (unknown or unprotected field, no
    reason, not a reader, no key, wrong key) is recorded, then raised.
    """
    now = engine.clock()
    # A refusal is recorded only on the case it was decided on: when another write came
    # first, the reading is decided again on the case as it is now.
    for _ in range(READ_RETRIES):
        try:
            return _reveal_once(engine, case_id, field, actor=actor, reason=reason, now=now)
        except LostRace as lost:
            stale = lost.events
    raise ConcurrentUpdate(case_id, stale, engine._chain_length(case_id), of="event count")


def _reveal_once(
    engine: Engine, case_id: str, field: str, *, actor: Actor, reason: str, now: datetime
) -> Any:
    case = engine.get(case_id)
    problems = inputs.call_problems(actor, READ_TRIGGER, reason, {})
    if not isinstance(field, str) or not inputs.writable(field):
        problems.append(inputs.unwritable("ชื่อข้อมูล", "the field name"))
    if problems:
        invalid = inputs.refusal(problems, case.id, READ_TRIGGER, case.state)
        safe_actor, safe_reason = inputs.recordable_actor(actor), inputs.recordable(reason)
        engine._refuse(
            case, trigger=READ_TRIGGER, actor=safe_actor, now=now, reason=safe_reason, error=invalid
        )
        raise invalid
    definition = engine.definition_of(case)
    name = definition.field_id(field)
    actor, refused = vouched(
        engine.directory,
        with_role_ids(definition, actor),
        now,
        case_id=case.id,
        trigger=READ_TRIGGER,
        state=case.state,
    )
    matched, error = _decide(definition, case, name, field, actor, reason)
    if error is None and name is not None:
        error = _readers_guards(engine, definition, case, name, actor, now)
    if refused is not None:
        matched, error = [], refused
    if error is None and name is not None:
        try:
            value = open_value(
                definition, engine.key, case.id, name, case.data.get(name), state=case.state
            )
        except (KeyRequired, WrongKey) as exc:
            error = exc
        else:
            reading = {
                "outcome": READ_OUTCOME,
                "data": {name: REDACTED},
                "authority": {"roles": matched},
            }
            engine._append(
                case, trigger=READ_TRIGGER, actor=actor, now=now, reason=reason, fields=reading
            )
            return value
    assert error is not None
    engine._refuse(case, trigger=READ_TRIGGER, actor=actor, now=now, reason=reason, error=error)
    raise error


def _readers_guards(
    engine: Engine,
    definition: FlowDefinition,
    case: Case,
    name: str,
    actor: Actor,
    now: datetime,
) -> Refused | None:
    """The field's ``readers_guards``, decided as a transition's guards are, for the
    reading: every rule that says no is a reason the reader is not authorized."""
    field = definition.data[name]
    if not field.readers_guards:
        return None
    rules = engine._rules(definition)
    ctx = GuardContext(
        definition,
        actor,
        READ_TRIGGER,
        case.data,
        now,
        rules.settings,
        rules.lookup,
        case=case,
        case_id=case.id,
        flow_of=rules.flow_of,
        person=rules.person,
    )
    refusals = decide(field.readers_guards, ctx, rules.registry)
    if not refusals:
        return None
    reasons = [
        Reason(
            r.reason.code,
            f"ผู้เปิดอ่าน '{field.label.th}' {r.reason.th}",
            f"to read '{field.label.en}' {r.reason.en}",
        )
        for r in refusals
    ]
    return NotAuthorized(
        f"เปิดอ่านข้อมูลอ่อนไหวไม่ได้: {'; '.join(r.th for r in reasons)}",
        f"cannot read sensitive data: {'; '.join(r.en for r in reasons)}",
        case_id=case.id,
        trigger=READ_TRIGGER,
        state=case.state,
        reasons=reasons,
    )


def _decide(
    definition: FlowDefinition,
    case: Case,
    name: str | None,
    given: str,
    actor: Actor,
    reason: str,
) -> tuple[list[str], Refused | None]:
    """The reader's matching roles, or the refusal with every reason found."""
    data: list[Reason] = []
    authority: list[Reason] = []
    matched: list[str] = []
    field = definition.data.get(name) if name is not None else None
    if field is None:
        data.append(
            Reason("unknown_field", f"ไม่รู้จักข้อมูล '{given}'", f"unknown data field '{given}'")
        )
    elif not field.sensitive:
        th, en = field.label.th, field.label.en
        data.append(
            Reason(
                "not_sensitive",
                f"'{th}' ไม่ใช่ข้อมูลอ่อนไหวที่เปิดอ่านได้"
                + (" (เก็บไว้เป็นค่าแฮชเท่านั้น)" if field.hashed else ""),
                f"'{en}' is not a sensitive field to reveal"
                + (" (it is kept only as a hash)" if field.hashed else ""),
            )
        )
    elif not field.readers:
        authority.append(
            Reason(
                "reader",
                f"ไม่มีบทบาทใดเปิดอ่าน '{field.label.th}' ได้",
                f"no role may read '{field.label.en}'",
            )
        )
    else:
        matched, refusal = authorize_roles(definition, field.readers, actor, case)
        if refusal is not None:
            authority.append(
                Reason(
                    "reader",
                    f"ผู้เปิดอ่าน '{field.label.th}' {refusal.th}",
                    f"to read '{field.label.en}' {refusal.en}",
                )
            )
    if not (reason or "").strip():
        data.append(
            Reason(
                "missing_reason",
                "ต้องระบุเหตุผลในการเปิดอ่านข้อมูลอ่อนไหว",
                "a reason is required to read sensitive data",
            )
        )
    if not (data or authority):
        return matched, None
    reasons = [*authority, *data]
    kind: type[Refused] = NotAuthorized if authority else InvalidData
    why_th = "; ".join(r.th for r in reasons)
    why_en = "; ".join(r.en for r in reasons)
    return matched, kind(
        f"เปิดอ่านข้อมูลอ่อนไหวไม่ได้: {why_th}",
        f"cannot read sensitive data: {why_en}",
        case_id=case.id,
        trigger=READ_TRIGGER,
        state=case.state,
        reasons=reasons,
    )


__all__ = [
    "READ_OUTCOME",
    "READ_TRIGGER",
    "SEAL_OUTCOME",
    "SEAL_TRIGGER",
    "SealedCase",
    "check_store_key",
    "engine_key",
    "reveal",
    "seal_clear_values",
    "wrong_store_key",
]
