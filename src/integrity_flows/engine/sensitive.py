"""Sensitive data in the engine: which key it uses, and reading a value in clear.

Reading (``Engine.reveal``) is itself an audited event on the case's chain, outcome
``"read"``, trigger ``"reveal"``, the field named in its data with the value as ``***``;
it changes no state, so ``verify`` (which replays only moves) still holds. A refused
reading is recorded as a refusal, like any other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from integrity_flows.audit.records import REDACTED
from integrity_flows.engine.decision import authorize_roles
from integrity_flows.engine.identity import vouched
from integrity_flows.errors import (
    InvalidData,
    KeyRequired,
    NotAuthorized,
    Reason,
    Refused,
    WrongKey,
)
from integrity_flows.guards.context import GuardContext
from integrity_flows.guards.decide import decide
from integrity_flows.protection.fields import open_value
from integrity_flows.protection.keys import FieldKey

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


def engine_key(store: Store, key: FieldKey | str | None) -> FieldKey | None:
    """The key an engine uses: the one given (as a key or its text form), or, for a store
    that keeps nothing beyond the process (``memory://``, ``sqlite://:memory:``), a fresh
    ephemeral key that lives exactly as long as the data it protects."""
    if isinstance(key, str):
        return FieldKey.from_text(key)
    if key is not None:
        return key
    return FieldKey.generate() if store.volatile else None


def reveal(engine: Engine, case_id: str, field: str, *, actor: Actor, reason: str) -> Any:
    """The clear value of sensitive ``field`` (id or label) of a case, for ``actor``.

    Allowed only to the roles the field lists in ``readers``, with a reason; the reading
    is appended to the case's audit chain. A refusal (unknown or unprotected field, no
    reason, not a reader, no key, wrong key) is recorded, then raised.
    """
    now = engine.clock()
    case = engine.get(case_id)
    definition = engine.definition_of(case)
    name = definition.field_id(field)
    actor, refused = vouched(
        engine.directory, actor, now, case_id=case.id, trigger=READ_TRIGGER, state=case.state
    )
    matched, error = _decide(definition, case, name, field, actor, reason)
    if error is None and name is not None:
        error = _readers_guards(engine, definition, case, name, actor, now)
    if refused is not None:
        matched, error = [], refused
    if error is None and name is not None:
        opened: list[Any] = []

        def reading(current: Case) -> dict[str, Any]:
            # Opened from the case the reading is appended to (read again after a race).
            value = current.data.get(name)
            opened[:] = [
                open_value(definition, engine.key, current.id, name, value, state=current.state)
            ]
            return {
                "outcome": READ_OUTCOME,
                "data": {name: REDACTED},
                "authority": {"roles": matched},
            }

        try:
            engine._append(case, READ_TRIGGER, actor, now, reason, reading)
        except (KeyRequired, WrongKey) as exc:
            error = exc
        else:
            return opened[0]
    assert error is not None
    engine._refuse(case, READ_TRIGGER, actor, now, reason, error)
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


__all__ = ["READ_OUTCOME", "READ_TRIGGER", "engine_key", "reveal"]
