"""Moving cases to a new version of their flow: planned for every case first, then written.

A migration is asked once for a flow, from one version to a later one, with a map of
states (``OLD=NEW``), fields renamed (``OLD=NEW``) and values set (``FIELD=VALUE``).
:func:`plan` decides it for each case without writing anything: the state it moves to,
its data as the new version has it, and every reason it cannot move. The engine then
writes the moves (``Engine.migrate``), one audit event each in the case's own chain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from integrity_flows.case import Case
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.engine import data as casedata
from integrity_flows.engine.computed import compute
from integrity_flows.errors import BadMigration, FlowError, Reason

#: The trigger a migration event records.
MIGRATE = "migrate"


@attrs.frozen
class Ask:
    """What a migration was asked to do (checked by :func:`check_ask`)."""

    flow_id: str
    from_version: int
    to_version: int
    states: Mapping[str, str] = attrs.field(factory=dict)
    rename: Mapping[str, str] = attrs.field(factory=dict)
    values: Mapping[str, Any] = attrs.field(factory=dict)
    case_ids: tuple[str, ...] = ()


@attrs.frozen
class Move:
    """One case as it moves: its state before and after, and its data under the new version."""

    case_id: str
    from_state: str
    to_state: str
    data: Mapping[str, Any]
    changed: tuple[str, ...]


@attrs.frozen
class Blocked:
    """One case that cannot move, and every reason why."""

    case_id: str
    reasons: tuple[Reason, ...]


@attrs.frozen
class Migration:
    """What a migration did, or (``dry_run``) would do: the cases moved and those that
    cannot move, each with its reasons."""

    flow_id: str
    from_version: int
    to_version: int
    moved: tuple[Move, ...]
    blocked: tuple[Blocked, ...]
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        """True when every case asked for can move."""
        return not self.blocked


def check_ask(ask: Ask, old: FlowDefinition, new: FlowDefinition) -> Ask:
    """``ask`` with states and fields named by id, or :class:`BadMigration` naming every
    problem: a map from a state version ``from`` lacks or to one version ``to`` lacks, a
    rename of an unknown field, a ``set`` of an unknown field or of a wrong value."""
    reasons: list[Reason] = []
    states = _pairs(ask.states, old.state_id, new.state_id, "state", ask, reasons)
    rename = _pairs(ask.rename, old.field_id, new.field_id, "field", ask, reasons)
    reasons.extend(
        _sealed_rename(name) for name in rename if old.data[name].sensitive or old.data[name].hashed
    )
    values, problems = casedata.normalize(new, ask.values, {})
    reasons.extend(Reason(p.code, f"--set: {p.th}", f"--set: {p.en}") for p in problems)
    if reasons:
        raise BadMigration(ask.flow_id, reasons)
    return attrs.evolve(ask, states=states, rename=rename, values=values)


def _pairs(
    given: Mapping[str, str],
    old_id: Callable[[str], str | None],
    new_id: Callable[[str], str | None],
    kind: str,
    ask: Ask,
    reasons: list[Reason],
) -> dict[str, str]:
    """``OLD=NEW`` pairs by id; a name either version does not have is a reason."""
    found = {}
    for given_old, given_new in given.items():
        source, dest = old_id(given_old), new_id(given_new)
        if source is None:
            reasons.append(_unknown(kind, given_old, ask.flow_id, ask.from_version))
        if dest is None:
            reasons.append(_unknown(kind, given_new, ask.flow_id, ask.to_version))
        if source is not None and dest is not None:
            found[source] = dest
    return found


def plan(
    ask: Ask,
    old: FlowDefinition,
    new: FlowDefinition,
    cases: Iterable[Case | tuple[str, FlowError]],
    settings: Mapping[str, Any],
) -> tuple[list[tuple[Case, Move]], list[Blocked]]:
    """Every case of ``cases`` decided: the moves, and the cases that cannot move (a
    case that could not be read or found comes as its id and the error)."""
    moves: list[tuple[Case, Move]] = []
    blocked: list[Blocked] = []
    for case in cases:
        if isinstance(case, tuple):
            case_id, error = case
            reason = Reason(error.code, error.message_th, error.message_en)
            blocked.append(Blocked(case_id, (reason,)))
            continue
        move, reasons = _decide(ask, old, new, case, settings)
        if reasons:
            blocked.append(Blocked(case.id, tuple(reasons)))
        else:
            assert move is not None
            moves.append((case, move))
    return moves, blocked


def _decide(
    ask: Ask, old: FlowDefinition, new: FlowDefinition, case: Case, settings: Mapping[str, Any]
) -> tuple[Move | None, list[Reason]]:
    reasons = _version_reasons(ask, case)
    if reasons:
        return None, reasons
    dest = ask.states.get(case.state, case.state)
    if dest not in new.states:
        reasons.append(_no_mapping(case.state, ask.to_version))
    data = {ask.rename.get(name, name): value for name, value in case.data.items()}
    data.update(ask.values)
    reasons.extend(_data_reasons(old, new, data, ask))
    if reasons:
        return None, reasons
    data.update(compute(new, data, settings))
    changed = tuple(sorted(set(ask.rename.values()) | set(ask.values)))
    return Move(case.id, case.state, dest, data, changed), []


def _version_reasons(ask: Ask, case: Case) -> list[Reason]:
    if case.flow_id != ask.flow_id:
        return [
            Reason(
                "other_flow",
                f"เป็นเรื่องของขั้นตอนงาน '{case.flow_id}' ไม่ใช่ '{ask.flow_id}'",
                f"it is a case of flow '{case.flow_id}', not '{ask.flow_id}'",
            )
        ]
    if case.flow_version == ask.to_version:
        return [
            Reason(
                "already_migrated",
                f"ใช้ฉบับ {ask.to_version} อยู่แล้ว",
                f"it is already at version {ask.to_version}",
            )
        ]
    if case.flow_version > ask.to_version:
        return [
            Reason(
                "backwards",
                f"ใช้ฉบับ {case.flow_version} ซึ่งใหม่กว่าฉบับ {ask.to_version} (ย้ายย้อนหลังไม่ได้)",
                f"it is at version {case.flow_version}, later than {ask.to_version} "
                "(cases move forward only)",
            )
        ]
    if case.flow_version != ask.from_version:
        return [
            Reason(
                "other_version",
                f"ใช้ฉบับ {case.flow_version} ไม่ใช่ฉบับ {ask.from_version}",
                f"it is at version {case.flow_version}, not {ask.from_version}",
            )
        ]
    return []


def _data_reasons(
    old: FlowDefinition, new: FlowDefinition, data: Mapping[str, Any], ask: Ask
) -> list[Reason]:
    """Every value the new version would not hold: a field it does not have, a value
    not of its type, a required field left empty; a protected value stays as it was
    stored."""
    reasons = []
    for name, value in data.items():
        field = new.data.get(name)
        if field is None:
            reasons.append(_gone_field(name, ask.to_version))
            continue
        if value in (None, "", []) or field.computed is not None or name in ask.values:
            continue
        was = old.data.get(name)
        if field.sensitive or field.hashed or (was is not None and (was.sensitive or was.hashed)):
            if (was is None or was.sensitive, was is None or was.hashed) != (
                field.sensitive,
                field.hashed,
            ):
                reasons.append(_protection_changed(name))
            continue
        _, problems = casedata.read(new, name, value)
        reasons.extend(problems)
    reasons.extend(
        _required(name, ask.to_version)
        for name, field in new.data.items()
        if field.required and field.computed is None and data.get(name) in (None, "", [])
    )
    return reasons


def _required(name: str, version: int) -> Reason:
    return Reason(
        "missing_field",
        f"ฉบับ {version} ต้องมีข้อมูล '{name}' แต่เรื่องนี้ไม่มี (กำหนดด้วย --set {name}=...)",
        f"version {version} requires '{name}', which the case does not hold "
        f"(set it with --set {name}=...)",
    )


def _unknown(kind: str, name: str, flow_id: str, version: int) -> Reason:
    thai = {"state": "สถานะ", "field": "ข้อมูล"}[kind]
    return Reason(
        f"unknown_{kind}",
        f"ขั้นตอนงาน '{flow_id}' ฉบับ {version} ไม่มี{thai} '{name}'",
        f"flow '{flow_id}' version {version} has no {kind} '{name}'",
    )


def _sealed_rename(name: str) -> Reason:
    return Reason(
        "sealed_field",
        f"ข้อมูล '{name}' เป็นข้อมูลอ่อนไหวที่เข้ารหัสไว้กับชื่อเดิม เปลี่ยนชื่อไม่ได้",
        f"field '{name}' is sensitive (sealed under its name) and cannot be renamed",
    )


def _no_mapping(state: str, version: int) -> Reason:
    return Reason(
        "no_mapping",
        f"สถานะ '{state}' ไม่มีในฉบับ {version} และไม่ได้ระบุว่าจะย้ายไปสถานะใด (--map {state}=...)",
        f"state '{state}' is not in version {version} and no mapping names where it "
        f"goes (--map {state}=...)",
    )


def _gone_field(name: str, version: int) -> Reason:
    return Reason(
        "unknown_field",
        f"ข้อมูล '{name}' ไม่มีในฉบับ {version} (เปลี่ยนชื่อด้วย --rename {name}=...)",
        f"field '{name}' is not in version {version} (rename it with --rename {name}=...)",
    )


def _protection_changed(name: str) -> Reason:
    return Reason(
        "protection_changed",
        f"ข้อมูล '{name}' เปลี่ยนการป้องกัน (อ่อนไหว/แฮช) ระหว่างฉบับ ย้ายโดยไม่เปิดข้อมูลไม่ได้",
        f"field '{name}' is protected differently (sensitive, hashed) in the new version; "
        "it cannot move without being opened",
    )


def load_cases(
    lookup: Callable[[str], Case], ask: Ask, every: Iterable[Case]
) -> list[Case | tuple[str, FlowError]]:
    """The cases a migration is about: those named (each found, or its error), else every
    case of the flow at version ``from``."""
    if not ask.case_ids:
        return [c for c in every if c.flow_version == ask.from_version]
    found: list[Case | tuple[str, FlowError]] = []
    for case_id in ask.case_ids:
        try:
            found.append(lookup(case_id))
        except FlowError as exc:
            found.append((case_id, exc))
    return found
