"""Decide whether an action may happen: roles, guards and data, every reason collected.

The engine decides before anything moves, so it can say which rule refused and why,
in both languages, and record the decision in the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from types import MappingProxyType
from typing import Any, Literal

import attrs

from integrity_flows.actor import Actor
from integrity_flows.authority import GrantingFlows, resolve
from integrity_flows.case import Case
from integrity_flows.definition.model import (
    SYSTEM_ROLE,
    FlowDefinition,
    FromCase,
    GuardRef,
    RecordsOp,
    Transition,
)
from integrity_flows.engine import committee as collective
from integrity_flows.engine import data as casedata
from integrity_flows.engine.computed import compute
from integrity_flows.errors import (
    GuardRejected,
    InvalidData,
    NotAuthorized,
    Reason,
    Refused,
    TriggerNotAllowed,
)
from integrity_flows.guards.context import GuardContext
from integrity_flows.guards.decide import decide
from integrity_flows.guards.family import state_reason
from integrity_flows.guards.registry import GuardRegistry
from integrity_flows.identity import same_person
from integrity_flows.protocols import CaseLookup, Directory, PersonLookup
from integrity_flows.stored import event_body

# Asked whether the actor holds a power today: the grant as a mapping for the audit
# event, or None. Built per decision by _power_check.
PowerCheck = Callable[[str], Mapping[str, Any] | None]


@attrs.frozen
class Rules:
    """What a decision consults besides the action: settings, the store, the guards,
    and the definition another case (a parent) runs on."""

    settings: Mapping[str, Any]
    lookup: CaseLookup
    registry: GuardRegistry
    definition_of: Callable[[Case], FlowDefinition] | None = None
    flow_of: Callable[[str], FlowDefinition] | None = None
    person: PersonLookup | None = None
    # The loaded flows that declare grants: where powers held through grants come from.
    granting: GrantingFlows = attrs.field(factory=GrantingFlows)
    # The directory of people and posts (None: the host vouches for its actors): a
    # delegator's posts on the day come from it, not from the order's data.
    directory: Directory | None = None

    def load(self, case_id: str) -> Case | None:
        """The case ``case_id`` (None when absent or not named)."""
        return self.lookup.load(case_id) if case_id else None


#: Data reasons that say a given value is of the wrong type or shape, or names a case that
#: cannot be read from (not merely absent).
WRONG_VALUE = frozenset({"bad_value", "bad_item", "from_case"})


Phase = Literal["authority", "condition", "data"]
#: The order in which a refusal lists its reasons, and in which the phases name it.
PHASES: tuple[Phase, ...] = ("authority", "condition", "data")


@attrs.frozen
class Why:
    """One reason a rule refused, with the phase of the decision that gave it: who may
    act (``authority``), whether the conditions hold (``condition``), the data given."""

    phase: Phase
    reason: Reason


def _in_order(found: Sequence[Why]) -> tuple[Why, ...]:
    """The reasons by phase, each phase in the order its rules were consulted."""
    if not found:
        return ()  # allowed: the usual case, nothing to order
    return tuple(sorted(found, key=lambda why: PHASES.index(why.phase)))


@attrs.frozen
class Decision:
    """The outcome of deciding one action: every reason a rule refused (none: allowed),
    the data as it will be stored, what allowed it, and the committee act it performs."""

    reasons: tuple[Why, ...] = attrs.field(default=(), converter=_in_order)
    data: Mapping[str, Any] = attrs.field(factory=dict)
    authority: Mapping[str, Any] = attrs.field(factory=dict)
    # The committee act this action performs, as recorded in its audit event.
    act: Mapping[str, Any] | None = None

    @property
    def allowed(self) -> bool:
        """True when no rule refused."""
        return not self.reasons

    def of(self, phase: Phase) -> tuple[Reason, ...]:
        """The reasons of one phase."""
        return tuple(why.reason for why in self.reasons if why.phase == phase)

    @property
    def authority_reasons(self) -> tuple[Reason, ...]:
        """Why the actor may not act."""
        return self.of("authority")

    @property
    def guard_reasons(self) -> tuple[Reason, ...]:
        """Which conditions do not hold."""
        return self.of("condition")

    @property
    def data_reasons(self) -> tuple[Reason, ...]:
        """What is wrong with the data."""
        return self.of("data")

    def error(
        self, definition: FlowDefinition, case_id: str, trigger: str, state: str | None
    ) -> Refused:
        """The error to raise: the first phase that refused names it; every reason is kept."""
        reasons = tuple(why.reason for why in self.reasons)
        label = definition.label_of_trigger(trigger)
        why_th = "; ".join(r.th for r in reasons)
        why_en = "; ".join(r.en for r in reasons)
        phases = {why.phase for why in self.reasons}
        kind: type[Refused]
        # A value of the wrong type or shape is invalid data, even when a guard, missing
        # the value it would have read, refused too: the value is what is wrong.
        wrong_value = any(r.code in WRONG_VALUE for r in self.of("data"))
        if "authority" in phases:
            kind, th, en = NotAuthorized, "ไม่มีสิทธิ์", "not authorized"
        elif "condition" in phases and not wrong_value:
            kind, th, en = GuardRejected, "ยังไม่ผ่านเงื่อนไข", "conditions not met"
        else:
            kind, th, en = InvalidData, "ข้อมูลไม่ถูกต้อง", "invalid data"
        return kind(
            f"{label.th}ไม่ได้ เพราะ{th}: {why_th}",
            f"cannot {label.en}, {en}: {why_en}",
            case_id=case_id,
            trigger=trigger,
            state=state,
            reasons=reasons,
        )


def _all(phase: Phase, reasons: Sequence[Reason | None]) -> list[Why]:
    if not reasons:
        return []
    return [Why(phase, reason) for reason in reasons if reason is not None]


def authorize_roles(
    definition: FlowDefinition,
    roles: Sequence[str],
    actor: Actor,
    case: Case | None,
    powers: PowerCheck | None = None,
) -> tuple[list[str], Reason | None]:
    """The roles by which ``actor`` may act, or why none applies.

    A role declared with a ``power`` is also held, when ``powers`` is given, by whoever
    holds that power on the day (``powers`` answers with the grant, or None).
    """
    matched = []
    for role in roles:
        spec = definition.roles.get(role)
        if spec is not None and spec.per_case:
            if case is not None and same_person(case.actors.get(role), actor.id):
                matched.append(role)
        elif actor.holds(role):
            matched.append(role)
    if not matched and powers is not None:
        for role in roles:
            spec = definition.roles.get(role)
            if spec is not None and spec.power is not None and powers(spec.power):
                matched.append(role)
    if matched:
        return matched, None
    labels = [definition.label_of_role(r) for r in roles if r != SYSTEM_ROLE] or [
        definition.label_of_role(SYSTEM_ROLE)
    ]
    return [], Reason(
        "role",
        f"ต้องเป็น{' หรือ '.join(label.th for label in labels)}",
        f"requires the role {' or '.join(label.en for label in labels)}",
    )


def _power_check(actor: Actor, now: datetime, rules: Rules, grants: dict[str, Any]) -> PowerCheck:
    """Resolve a power for ``actor`` today, recording each grant under ``grants``."""

    def check(power: str) -> Mapping[str, Any] | None:
        grant = resolve(
            rules.lookup,
            power,
            actor.id,
            now,
            positions=actor.roles | actor.posts,
            flows=rules.granting,
            directory=rules.directory,
        )
        if grant is None:
            return None
        found = grant.as_dict()
        grants.setdefault("grants", {})[power] = found
        return found

    return check


def _guards(refs: Sequence[GuardRef], ctx: GuardContext, registry: GuardRegistry) -> list[Why]:
    return [
        Why("authority" if refusal.kind == "authority" else "condition", refusal.reason)
        for refusal in decide(refs, ctx, registry)
    ]


def decide_start(
    definition: FlowDefinition,
    case_id: str,
    actor: Actor,
    given: Mapping[str, Any],
    now: datetime,
    rules: Rules,
) -> Decision:
    """May ``actor`` open a case of ``definition`` with ``given`` data?"""
    grants: dict[str, Any] = {}
    powers = _power_check(actor, now, rules, grants)
    matched, role_reason = authorize_roles(definition, definition.start.roles, actor, None, powers)
    why = _all("authority", [role_reason])
    changes, data_reasons = casedata.normalize(
        definition, given, {}, definition.once("start_ops", _start_ops)
    )
    why += _all("data", data_reasons)
    data = {**changes, **casedata.start_defaults(definition, changes, actor.id)}
    read, read_reasons = read_linked(definition, data, set(data), rules)
    data.update(read)
    why += _all("data", read_reasons)
    data.update(compute(definition, data, rules.settings))
    required = definition.once("required", _required)
    why += _all("data", casedata.missing(definition, _not_given(required, given, definition), data))
    parent_reason = _check_parent(definition, data, rules)
    ctx = GuardContext(
        definition,
        actor,
        "start",
        data,
        now,
        rules.settings,
        rules.lookup,
        case=None,
        case_id=case_id,
        grants=grants,
        flow_of=rules.flow_of,
        person=rules.person,
        power=powers,
        directory=rules.directory,
    )
    why += _guards(definition.start.guards, ctx, rules.registry)
    why += _all("condition", [parent_reason])
    return Decision(tuple(why), data, {"roles": matched, **ctx.grants})


def _not_given(
    names: Sequence[str], given: Mapping[str, Any], definition: FlowDefinition
) -> tuple[str, ...]:
    """``names`` less those given a value in this action: a value given but refused is
    named by its own reason (a bad value), not also as missing; one given empty is missing."""
    named = {
        definition.field_id(n)
        for n, value in given.items()
        if isinstance(n, str) and value not in (None, "", [], {})
    }
    return tuple(n for n in names if n not in named)


def _start_ops(definition: FlowDefinition) -> Mapping[str, RecordsOp]:
    """A start adds the items it is given to each records field."""
    ops: dict[str, RecordsOp] = {
        name: "add" for name, field in definition.data.items() if field.type == "records"
    }
    return MappingProxyType(ops)


def _required(definition: FlowDefinition) -> tuple[str, ...]:
    return tuple(name for name, field in definition.data.items() if field.required)


def _linked(definition: FlowDefinition) -> tuple[tuple[str, FromCase], ...]:
    """The fields read from another case, with their links, in declared order."""
    return tuple(
        (name, field.from_case)
        for name, field in definition.data.items()
        if field.from_case is not None
    )


_Ops = tuple[Mapping[str, RecordsOp], Mapping[str, tuple[str, ...]]]


def _ops_of(transition: Transition) -> _Ops:
    """The op of each records field ``transition`` changes, and the sub-fields an
    amendment may change where it names some."""
    ops = {change.field: change.op for change in transition.records}
    kept_to = {c.field: c.subfields for c in transition.records if c.subfields}
    return MappingProxyType(ops), MappingProxyType(kept_to)


def _records_ops(definition: FlowDefinition) -> dict[int, _Ops]:
    """:func:`_ops_of` each of the definition's transitions, by its identity."""
    return {id(transition): _ops_of(transition) for transition in definition.transitions}


def _check_parent(
    definition: FlowDefinition, data: Mapping[str, Any], rules: Rules
) -> Reason | None:
    """Why a child case may not start under the parent its data names, if it may not."""
    link = definition.parent
    if link is None or data.get(link.field) in (None, ""):
        return None  # a missing parent is reported as a missing required field
    parent = rules.load(str(data[link.field]))
    if parent is None or parent.flow_id != link.flow:
        return Reason(
            "parent",
            f"ไม่พบเรื่องหลัก '{data[link.field]}' ของขั้นตอนงาน '{link.flow}'",
            f"no '{link.flow}' case '{data[link.field]}' to link to",
        )
    if link.states and parent.state not in link.states:
        labels = rules.definition_of(parent) if rules.definition_of is not None else None
        return state_reason(
            "parent", "เรื่องหลัก", "the parent case", link.states, parent.state, labels
        )
    return None


def read_linked(
    definition: FlowDefinition, data: Mapping[str, Any], given: set[str], rules: Rules
) -> tuple[dict[str, Any], list[Reason]]:
    """The fields read from another case (``from_case``) whose ``via`` field the action
    gives, as that case holds them now, and why a named case cannot be read from.

    The case must exist, be of the declared flow and be in one of the declared states; a
    value it lacks leaves the field without one. An empty ``via`` clears the field.
    """
    read: dict[str, Any] = {}
    reasons: list[Reason] = []
    refused: set[str] = set()
    for name, link in definition.once("linked", _linked):
        if link.via not in given:
            continue
        named = data.get(link.via)
        if named in (None, ""):
            read[name] = None
            continue
        other = rules.load(str(named))
        via = definition.data[link.via].label
        if other is None or other.flow_id != link.flow:
            if link.via not in refused:
                reasons.append(
                    Reason(
                        "from_case",
                        f"'{via.th}': ไม่พบเรื่อง '{named}' ของขั้นตอนงาน '{link.flow}'",
                        f"'{via.en}': no '{link.flow}' case '{named}' to read from",
                    )
                )
            refused.add(link.via)
            continue
        if link.states and other.state not in link.states:
            if link.via not in refused:
                labels = rules.definition_of(other) if rules.definition_of is not None else None
                found = state_reason(
                    "from_case",
                    f"เรื่องที่ระบุใน '{via.th}' ",
                    f"the case named in '{via.en}'",
                    link.states,
                    other.state,
                    labels,
                )
                reasons.append(found)
            refused.add(link.via)
            continue
        value = other.data.get(link.value)
        read[name] = None if value in (None, "") else value
    return read, reasons


def decide_transition(
    definition: FlowDefinition,
    case: Case,
    transition: Transition,
    actor: Actor,
    given: Mapping[str, Any],
    now: datetime,
    rules: Rules,
    *,
    check_requires: bool = True,
) -> Decision:
    """May ``actor`` fire ``transition`` on ``case`` with ``given`` data?"""
    grants: dict[str, Any] = {}
    powers = _power_check(actor, now, rules, grants)
    act = None
    committee: tuple[Why, ...] = ()
    if transition.committee is not None:
        spec = definition.committees[transition.committee.name]
        params, given = collective.split_params(spec, transition.committee.act, given)
        found = collective.decide_act(
            definition,
            case,
            transition,
            actor,
            params,
            now,
            check_params=check_requires,
            person=rules.person,
        )
        act = found.act
        committee = (
            *_all("authority", found.authority),
            *_all("condition", found.conditions),
            *_all("data", found.data),
        )
    if transition.roles or transition.committee is None:
        matched, role_reason = authorize_roles(definition, transition.roles, actor, case, powers)
    else:  # a member's act: the seat authorizes it
        matched, role_reason = [], None
    why = _all("authority", [role_reason])
    held = definition.once("records_ops", _records_ops).get(id(transition))
    # A transition not among the definition's own (built by a caller) is read now.
    ops, kept_to = held if held is not None else _ops_of(transition)
    changes, data_reasons = casedata.normalize(definition, given, case.data, ops, kept_to)
    why += _all("data", data_reasons)
    why += _all("data", casedata.unchanged_fixed(definition, changes, case.data))
    merged = {**case.data, **changes}
    read, read_reasons = read_linked(definition, merged, set(changes), rules)
    changes.update(read)
    merged.update(read)
    why += _all("data", read_reasons)
    computed = compute(definition, merged, rules.settings, changes)
    if computed:
        changes.update(computed)
        merged.update(computed)
    if check_requires:
        needed = _not_given(transition.requires, given, definition)
        why += _all("data", casedata.missing(definition, needed, merged, changes))
    ctx = GuardContext(
        definition,
        actor,
        transition.trigger,
        merged,
        now,
        rules.settings,
        rules.lookup,
        case=case,
        case_id=case.id,
        grants=grants,
        flow_of=rules.flow_of,
        person=rules.person,
        power=powers,
        directory=rules.directory,
    )
    # Within each phase: the guards, then the committee's rules, then the resolution.
    why += _guards(transition.guards, ctx, rules.registry)
    why += committee
    grants = dict(ctx.grants)
    if transition.decided_by is not None:
        reason, resolution = _decided(definition, case, transition, rules)
        if reason is not None:
            why += _all("condition", [reason])
        else:
            grants["resolution"] = resolution
    return Decision(tuple(why), changes, {"roles": matched, **grants}, act)


def _decided(
    definition: FlowDefinition, case: Case, transition: Transition, rules: Rules
) -> tuple[Reason | None, Mapping[str, Any] | None]:
    parent = parent_definition = None
    if definition.parent is not None:
        parent = rules.load(str(case.data.get(definition.parent.field) or ""))
        if parent is not None and rules.definition_of is not None:
            parent_definition = rules.definition_of(parent)
    return collective.check_decided(
        definition, case, transition, parent, parent_definition, _used_resolutions(case, rules)
    )


def _used_resolutions(case: Case, rules: Rules) -> Callable[[str, str, str, str], int]:
    """The number of the last resolution (of a committee case, on a motion and subject)
    that a move of ``case`` rested on, read from its trail."""

    def used(home: str, committee: str, motion: str, subject: str) -> int:
        last = 0
        for event in rules.lookup.events(case.id):
            if '"resolution"' not in event.body:
                continue
            body = event_body(event)
            found = _mapping(_mapping(body.get("authority")).get("resolution"))
            key = (found.get("case"), found.get("committee"), found.get("motion"))
            moved = body.get("outcome") == "moved"
            number = found.get("number")
            if moved and key == (home, committee, motion) and found.get("subject") == subject:
                last = max(last, number if type(number) is int else 0)
        return last

    return used


def _mapping(value: Any) -> Mapping[str, Any]:
    """``value`` when it is an object, else an empty one (a trail's part read by a rule)."""
    return value if isinstance(value, Mapping) else {}


def not_allowed(
    definition: FlowDefinition, case: Case, trigger: str, possible: list[str], actor: Actor
) -> TriggerNotAllowed:
    """The refusal for a trigger the state does not allow.

    Its reasons also say whether the actor could fire the trigger at all (by role), so
    the person learns every obstacle at once.
    """
    state = definition.label_of_state(case.state)
    label = definition.label_of_trigger(trigger)
    elsewhere = next(t for t in definition.transitions if t.trigger == trigger)
    _, role_reason = authorize_roles(definition, elsewhere.roles, actor, case)
    extra = [role_reason] if role_reason else []
    listing_en = ", ".join(possible) or "nothing"
    listing_th = ", ".join(definition.label_of_trigger(t).th for t in possible) or "ไม่มี"
    return TriggerNotAllowed(
        f"'{label.th}' ทำไม่ได้เมื่อเรื่องอยู่ในสถานะ '{state.th}' (ทำได้: {listing_th})",
        f"'{label.en}' is not allowed in state '{state.en}' (allowed: {listing_en})",
        case_id=case.id,
        trigger=trigger,
        state=case.state,
        reasons=[
            Reason(
                "state",
                f"สถานะ '{state.th}' ไม่อนุญาตให้{label.th}",
                f"state '{state.en}' does not allow '{label.en}'",
            ),
            *extra,
        ],
    )
