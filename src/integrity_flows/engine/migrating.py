"""``Engine.migrate``: cases moved forward to a new version of their flow, all or none.

Every case asked for is decided first (:mod:`integrity_flows.engine.migration`). Each
case that cannot move gets its refusal in its own chain (trigger ``migrate``, outcome
``refused``, every reason; its state and data untouched); unless every one can move (or
``each`` says to move those that can), no case is moved and
:class:`~integrity_flows.errors.MigrationRefused` names each case that cannot, with its
reasons. The moves are then written in one transaction, each an audit event in the
case's own chain (trigger ``migrate``, outcome ``migrated``: who, why, from which
version and state to which, and the case's data as the new version holds it), with the
case's open deadlines and indexed keys recomputed under the new version. The text of the
new version is kept in the store with the first case that moves to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs

from integrity_flows.audit.verify import MIGRATED
from integrity_flows.case import Case
from integrity_flows.engine import data as casedata
from integrity_flows.engine.deadlines import deadlines_for
from integrity_flows.engine.events import sealed_event
from integrity_flows.engine.migration import (
    MIGRATE,
    Ask,
    Blocked,
    Migration,
    Move,
    check_ask,
    load_cases,
    plan,
)
from integrity_flows.errors import BadMigration, MigrationRefused, Reason, Refused, UnknownFlow

if TYPE_CHECKING:
    from integrity_flows.actor import Actor
    from integrity_flows.definition.model import FlowDefinition
    from integrity_flows.engine.runtime import Engine


def migrate(
    engine: Engine,
    ask: Ask,
    *,
    actor: Actor,
    reason: str,
    dry_run: bool = False,
    each: bool = False,
    on_each: Callable[[], None] | None = None,
) -> Migration:
    """Move the cases ``ask`` names (every case of its flow at version ``from`` when it
    names none) to version ``to``; see the module's docstring. ``on_each`` is called
    after each case is written (a progress bar)."""
    old, new = _versions(engine, ask)
    if not isinstance(reason, str) or not reason.strip():
        raise BadMigration(ask.flow_id, [_no_reason()])
    actor = engine.vouch(actor)
    ask = check_ask(ask, old, new)
    cases = load_cases(engine.get, ask, engine.store.iter_cases(ask.flow_id))
    settings = engine.settings(new.id, new.version)
    moves, blocked = plan(ask, old, new, cases, settings)
    result = Migration(
        ask.flow_id,
        ask.from_version,
        ask.to_version,
        tuple(m for _, m in moves),
        tuple(blocked),
        dry_run,
    )
    if dry_run:
        return result
    now = engine.clock()
    found = {c.id: c for c in cases if isinstance(c, Case)}
    with engine.batch():
        # Each case that cannot move: its refusal in its own chain, its state untouched
        # (a case that was not found has no chain to record it in).
        for stuck in blocked:
            if stuck.case_id in found:
                _refuse(engine, found[stuck.case_id], stuck, new, actor, reason, now)
    if blocked and not each:
        raise MigrationRefused(
            ask.flow_id, ask.to_version, [(b.case_id, b.reasons) for b in blocked]
        )
    with engine.batch():
        for case, move in moves:
            _write(engine, old, new, case, move, actor, reason, now, settings)
            if on_each is not None:
                on_each()
    return result


def _refuse(
    engine: Engine,
    case: Case,
    stuck: Blocked,
    new: FlowDefinition,
    actor: Actor,
    reason: str,
    now: datetime,
) -> None:
    error = Refused(
        f"ย้ายเรื่อง {case.id} ไปขั้นตอนงาน '{new.id}' ฉบับ {new.version} ไม่ได้",
        f"case {case.id} cannot move to version {new.version} of flow '{new.id}'",
        case_id=case.id,
        trigger=MIGRATE,
        state=case.state,
        reasons=stuck.reasons,
    )
    engine._refuse(case, trigger=MIGRATE, actor=actor, now=now, reason=reason, error=error)


def _versions(engine: Engine, ask: Ask) -> tuple[FlowDefinition, FlowDefinition]:
    if ask.to_version <= ask.from_version:
        raise BadMigration(ask.flow_id, [_backwards(ask)])
    found = []
    for version in (ask.from_version, ask.to_version):
        try:
            found.append(_definition(engine, ask.flow_id, version))
        except UnknownFlow as exc:
            raise BadMigration(
                ask.flow_id, [Reason(exc.code, exc.message_th, exc.message_en)]
            ) from None
    return found[0], found[1]


def _definition(engine: Engine, flow_id: str, version: int) -> FlowDefinition:
    """``flow_id`` ``version``: loaded, else the text the store keeps."""
    candidates = engine.versions.candidates(flow_id, version)
    if not candidates:
        raise UnknownFlow(flow_id, version)
    return candidates[0]


def _write(
    engine: Engine,
    old: FlowDefinition,
    new: FlowDefinition,
    case: Case,
    move: Move,
    actor: Actor,
    reason: str,
    now: datetime,
    settings: Mapping[str, Any],
) -> None:
    data = dict(move.data)
    entered = case.entered_at if move.to_state == case.state else now
    deadlines = deadlines_for(new, move.to_state, data, entered, settings)
    sealed = sealed_event(
        case_id=case.id,
        pos=case.events + 1,
        now=now,
        flow=new.key,
        actor=actor,
        trigger=MIGRATE,
        outcome=MIGRATED,
        from_state=case.state,
        to_state=move.to_state,
        case_version=case.version + 1,
        # Every value, as the new version names and protects it: the trail replays the
        # case's data from here on without the old version's field names.
        data=casedata.audited(new, {}, data),
        reason=reason,
        authority={"migration": _details(old, new, case, move)},
        prev_hash=case.head,
    )
    moved = attrs.evolve(
        case,
        flow_version=new.version,
        definition_hash=new.digest,
        state=move.to_state,
        version=case.version + 1,
        data=data,
        fired_by={**case.fired_by, MIGRATE: actor.id},
        deadlines=deadlines,
        updated_at=now,
        entered_at=entered,
        head=sealed.hash,
        events=case.events + 1,
    )
    kept = engine.versions.to_keep(new, case.id, now)
    keys = casedata.index_keys(new, data)
    # The engine's one write path: state and audit event in one transaction.
    engine._commit(sealed, case=moved, expected=case.events, keys=keys, kept=kept, before=case)


def _details(old: FlowDefinition, new: FlowDefinition, case: Case, move: Move) -> dict[str, Any]:
    return {
        "from_version": old.version,
        "to_version": new.version,
        "from_hash": case.definition_hash,
        "to_hash": new.digest,
        "changed": list(move.changed),
    }


def _backwards(ask: Ask) -> Reason:
    return Reason(
        "backwards",
        f"ย้ายจากฉบับ {ask.from_version} ไปฉบับ {ask.to_version} ไม่ได้ ย้ายได้เฉพาะไปฉบับที่ใหม่กว่า",
        f"cannot migrate from version {ask.from_version} to {ask.to_version}: "
        "cases move forward only, to a later version",
    )


def _no_reason() -> Reason:
    return Reason(
        "reason_required",
        "ต้องระบุเหตุผลของการย้ายฉบับ",
        "a migration needs a reason (--reason)",
    )


def summary(result: Migration) -> Iterable[str]:
    """``result`` as lines a person reads (Thai, then English)."""
    verb_th = "จะย้าย" if result.dry_run else "ย้ายแล้ว"
    verb_en = "would move" if result.dry_run else "moved"
    yield (
        f"{result.flow_id} v{result.from_version} → v{result.to_version}: "
        f"{verb_th} {len(result.moved)} เรื่อง / {verb_en} {len(result.moved)} case(s); "
        f"ย้ายไม่ได้ {len(result.blocked)} เรื่อง / {len(result.blocked)} cannot move"
    )
    for move in result.moved:
        yield f"  {verb_en}: {move.case_id}  {move.from_state} → {move.to_state}"
    for blocked in result.blocked:
        for reason in blocked.reasons:
            yield f"  ย้ายไม่ได้ / cannot move: {blocked.case_id}: {reason.th} / {reason.en}"
