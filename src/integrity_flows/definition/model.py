"""The neutral, frozen model of a flow definition.

Flow files are data: these classes are what a YAML file becomes after cattrs has
structured it. Nothing here runs code from a definition; guards are names with
parameters, resolved against a registry of Python callables.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeVar

import attrs

FieldType = Literal[
    "string", "text", "integer", "decimal", "boolean", "date", "datetime", "enum", "list",
    "records",
]  # fmt: skip
FIELD_TYPES: tuple[str, ...] = (
    "string", "text", "integer", "decimal", "boolean", "date", "datetime", "enum", "list",
    "records",
)  # fmt: skip
# The types of a sub-field of a ``records`` field; ``actor`` is an actor's id.
SubFieldType = Literal["string", "text", "integer", "decimal", "boolean", "date", "enum", "actor"]
SUBFIELD_TYPES: tuple[str, ...] = (
    "string", "text", "integer", "decimal", "boolean", "date", "enum", "actor",
)  # fmt: skip
# The types a setting is declared with (docs/flow-definitions.md#settings).
SETTING_TYPES: tuple[str, ...] = ("days", "integer", "number", "text", "role", "boolean", "dates")
# The operations of a computed value (docs/flow-definitions.md#computed-values).
ARITHMETIC_OPS = ("sum", "difference", "product", "quotient")
RECORD_OPS = ("count", "total", "average", "covered")
RULE_OPS: tuple[str, ...] = (
    *ARITHMETIC_OPS, "lookup", "passes", "band", "days_between", "fiscal_year_end", *RECORD_OPS,
)  # fmt: skip
RecordsOp = Literal["add", "amend", "remove"]

Scalar = str | int | bool | None

#: What an id in a definition looks like (a flow, state, trigger, field, report, figure ...).
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")

SYSTEM_ROLE = "system"
SYSTEM_LABEL_TH = "ระบบ"


@attrs.frozen
class Label:
    """A name in Thai and in English."""

    th: str
    en: str

    def matches(self, name: str) -> bool:
        """True when ``name`` is this label in either language (English case-insensitive)."""
        return name == self.th or name.casefold() == self.en.casefold()


@attrs.frozen
class Role:
    """A role: held by actors in the organization, or bound to one actor per case."""

    label: Label
    per_case: bool = False
    description: Label | None = None
    # A power (powers.yaml) whose holder on the day also acts in this role: by position,
    # or through a delegation, assignment or acting order in force (docs/delegation.md).
    power: str | None = None


@attrs.frozen
class Rule:
    """How the engine computes a value: one operation with its arguments, never code.

    ``args`` is a list of operands for arithmetic (a field name, a number or
    ``{setting: name}``) and a mapping for the other operations; ``options`` hold
    ``on_zero`` (what a quotient is when dividing by zero) and ``places``.
    """

    op: str
    args: Any
    options: Mapping[str, Any] = attrs.field(factory=dict)

    def names(self) -> list[str]:
        """The fields (or sibling sub-fields) the rule reads, in the order written."""
        if self.op in ARITHMETIC_OPS:
            return [a for a in self.args if isinstance(a, str)]
        args = self.args if isinstance(self.args, Mapping) else {}
        keys = {
            "lookup": ("of",),
            "passes": ("field",),
            "band": ("field",),
            "days_between": ("from", "to"),
            "fiscal_year_end": ("year",),
        }
        found: list[str] = []
        for key in keys.get(self.op, ("records", "by")):
            value = args.get(key)
            found += [v for v in (value if isinstance(value, list) else [value]) if v]
        return [str(name) for name in found]

    def reads_settings(self) -> bool:
        """True when the rule reads a setting (a host may override it between runs)."""
        if self.op in ARITHMETIC_OPS:
            return any(isinstance(a, Mapping) for a in self.args)
        args = self.args if isinstance(self.args, Mapping) else {}
        return any(str(key).endswith("_setting") for key in args)


@attrs.frozen
class RecordField:
    """A sub-field of each item of a ``records`` field."""

    type: SubFieldType
    label: Label
    required: bool = False
    sensitive: bool = False
    choices: tuple[str, ...] = ()
    choice_labels: Mapping[str, Label] = attrs.field(factory=dict)
    # Computed from the item's other sub-fields (arithmetic, lookup, passes, days_between).
    computed: Rule | None = None


@attrs.frozen
class RecordsChange:
    """A transition adds, amends or removes items of the records field ``field``; an
    amendment may be kept to ``subfields`` (the others, the key aside, stay as they are)."""

    field: str
    op: RecordsOp
    subfields: tuple[str, ...] = ()


@attrs.frozen
class FromCase:
    """A field read from another case: the case the string field ``via`` names (a parent
    link or any other), of ``flow``, in one of ``states`` (any, when empty); its field
    ``value`` is copied in whenever an action gives ``via``, and recorded with the action.
    """

    via: str
    flow: str
    value: str
    states: tuple[str, ...] = ()


@attrs.frozen
class Field:
    """One field of a case's data."""

    type: FieldType
    label: Label
    required: bool = False
    sensitive: bool = False
    indexed: bool = False
    choices: tuple[str, ...] = ()
    choice_labels: Mapping[str, Label] = attrs.field(factory=dict)
    # A value filled in at start when none is given: a literal, or the starting
    # actor's id when ``from_actor`` is set.
    default: Scalar = None
    from_actor: bool = False
    # Set when the case starts (or first given) and never changed afterwards: who the case
    # is about, the parent it belongs to.
    fixed: bool = False
    # Roles that may read a sensitive value in clear through Engine.reveal (each reading
    # is audited); none means nobody may (docs/complaints.md).
    readers: tuple[str, ...] = ()
    # Rules a reader must also pass, as a transition's guards (not the accused, not of the
    # accused's unit, not among those who declared a conflict): checked on every reading.
    readers_guards: tuple[GuardRef, ...] = ()
    # Kept only as a keyed hash (e.g. a tracking code): found by equality, never read.
    hashed: bool = False
    # A ``records`` field: the sub-fields of each item, and the one naming an item.
    fields: Mapping[str, RecordField] = attrs.field(factory=dict)
    key: str | None = None
    # Computed by the engine from other fields at every start and fire; never given.
    computed: Rule | None = None
    # Read from the case another field names, when an action gives that field; never given.
    from_case: FromCase | None = None

    def sub_id(self, name: str) -> str | None:
        """The sub-field whose id or Thai/English label is ``name``."""
        if name in self.fields:
            return name
        return next((k for k, f in self.fields.items() if f.label.matches(name)), None)


@attrs.frozen
class GuardRef:
    """A guard named in a definition: a registered name with parameters, or all/any/not."""

    name: str
    params: Mapping[str, Any] = attrs.field(factory=dict)
    children: tuple[GuardRef, ...] = ()


@attrs.frozen
class Deadline:
    """When a state falls due, the sweep fires ``trigger`` as the system actor.

    The due moment is ``days`` (or the setting ``days_setting``) after the state was
    entered, or after the date in data ``field`` when one is named (the day after
    that date begins, Thai time, when ``days`` is 1).
    """

    trigger: str
    days: int | None = None
    days_setting: str | None = None
    field: str | None = None


@attrs.frozen
class State:
    """A state of the flow."""

    label: Label
    initial: bool = False
    terminal: bool = False
    deadlines: tuple[Deadline, ...] = ()
    description: Label | None = None


@attrs.frozen
class Start:
    """Who may open a case, and what is checked when they do."""

    roles: tuple[str, ...]
    # The plan step the start carries out; None only in a flow outside the plan.
    cites: str | None = None
    # Further plan steps the same action carries out (one action may serve two projects).
    also_cites: tuple[str, ...] = ()
    binds: str | None = None
    guards: tuple[GuardRef, ...] = ()
    label: Label = Label("เริ่มเรื่อง", "start")


@attrs.frozen
class Seat:
    """A seat of a committee; whoever sits in it must hold ``role`` when acting in it."""

    role: str | None = None
    label: Label | None = None


@attrs.frozen
class MemberSeats:
    """The members' seats: how many, and the role they must hold (if any): ``role``, or
    any one of ``roles`` (heads of unit and school administrators)."""

    min: int = 1
    max: int | None = None
    role: str | None = None
    label: Label | None = None
    roles: tuple[str, ...] = ()


@attrs.frozen
class Committee:
    """A committee of a flow: appointed by an order, meets with a quorum, votes.

    ``quorum`` is a count, ``"n/d"`` (at least that share of the voting seats) or
    ``"majority"`` (more than half). ``motions`` are what it decides, each a
    resolution a transition may require (``decided_by``). ``subject`` labels the
    person an item concerns (the member whose matter it is, or who declared a
    conflict with them, is recused from it).
    """

    label: Label
    members: MemberSeats = MemberSeats()
    chair: Seat | None = Seat()
    secretary: Seat | None = None
    secretary_votes: bool = True
    quorum: int | str = "1/2"
    motions: Mapping[str, Label] = attrs.field(factory=dict)
    subject: Label = Label("ผู้เกี่ยวข้อง", "subject")
    # Who opens, runs and closes meetings and records resolutions.
    run_by: tuple[str, ...] = ("chair",)


CommitteeActKind = Literal[
    "appoint", "declare_conflict", "open_meeting", "attend", "vote", "decide", "close_meeting"
]


@attrs.frozen
class CommitteeAct:
    """A transition that is an act of a committee of this flow."""

    name: str
    act: CommitteeActKind


@attrs.frozen
class DecidedBy:
    """A collective transition: it fires only on a resolution of the committee.

    The committee is this flow's (``of: self``) or the parent case's (``of: parent``);
    the resolution on ``motion`` about the person in data ``subject`` (none: the
    motion as a whole) must be ``result`` and taken since the case entered its state.
    """

    committee: str
    motion: str
    subject: str | None = None
    of: Literal["self", "parent"] = "self"
    result: Literal["carried", "rejected"] = "carried"


@attrs.frozen
class ParentLink:
    """Cases of this flow are children of a case of ``flow``, named in data ``field``.

    A child starts only while its parent is in one of ``states`` (any, when empty).
    """

    flow: str
    field: str
    states: tuple[str, ...] = ()


@attrs.frozen
class Transition:
    """A move from one of ``source`` to ``dest`` when ``trigger`` is fired."""

    trigger: str
    label: Label
    source: tuple[str, ...]
    dest: str
    # The plan step the transition carries out; None only in a flow outside the plan.
    cites: str | None = None
    roles: tuple[str, ...] = ()
    # Further plan steps the same action carries out (one action may serve two projects).
    also_cites: tuple[str, ...] = ()
    guards: tuple[GuardRef, ...] = ()
    requires: tuple[str, ...] = ()
    binds: str | None = None
    stamp: str | None = None
    # A data field that records who fired it: set to the actor's id, or, for a list
    # field, the id appended (everyone who declared a conflict, say).
    records_actor: str | None = None
    # The records fields this transition changes, and how (add, amend or remove items).
    records: tuple[RecordsChange, ...] = ()
    description: Label | None = None
    committee: CommitteeAct | None = None
    decided_by: DecidedBy | None = None


@attrs.frozen
class EveryPower:
    """A case whose data ``field`` equals ``value`` grants every power its grantor holds
    (an acting order), non-delegable powers included."""

    field: str
    value: Scalar


@attrs.frozen
class Grants:
    """The powers a flow's cases grant (``grants:``), read by the authority resolution.

    A case grants its ``delegate`` the power named in ``power`` (or, when ``every_power``
    matches, every power of its ``delegator``) while it is in force: in an ``in_force``
    state or an ``ended`` one before its ``ended_on`` date, from the latest of the
    ``valid_from`` dates (none may be empty) to ``valid_until`` (when given).
    """

    delegate: str
    delegator: str
    # The delegator's position, as the case records it: where a chain reaches its root.
    delegator_position: str
    valid_from: tuple[str, ...]
    in_force: tuple[str, ...]
    power: str | None = None
    every_power: EveryPower | None = None
    valid_until: str | None = None
    ended: tuple[str, ...] = ()
    ended_on: str | None = None
    number: str | None = None
    kind: str | None = None

    @property
    def effective_states(self) -> tuple[str, ...]:
        """States in which a case has taken effect (and possibly ended since)."""
        return self.in_force + self.ended


@attrs.frozen
class Tracking:
    """Cases the public follows by a code given once (``tracking:``).

    When a case starts, the engine's desk (:class:`~integrity_flows.complaints.ComplaintDesk`)
    draws a fresh code, gives it once to whoever filed the case and keeps only its keyed
    hash in the hashed field ``code``. Whoever holds the code sees the stage, its dates and
    the items of the list field ``messages`` (the officers' messages to them), nothing else.
    """

    code: str
    messages: str | None = None


@attrs.frozen
class Manual:
    """The words of a flow's handling manual that do not come from its steps (``manual:``).

    Headings replace the generic ones (the plan may print its own, as step 33/5.8 does);
    ``filing_note`` is said under the first heading; ``targets`` names settings that are
    time frames without a deadline (measured, not escalated), with their labels.
    """

    title: Label | None = None
    filing: Label | None = None
    steps: Label | None = None
    responsible: Label | None = None
    time_frames: Label | None = None
    filing_note: Label | None = None
    targets: Mapping[str, Label] = attrs.field(factory=dict)


#: The periods a duty may recur by (docs/duties.md); ``each`` is one per case of a flow.
DUTY_PERIODS: tuple[str, ...] = ("monthly", "quarterly", "half_yearly", "yearly", "each")


@attrs.frozen
class EachCase:
    """A duty owed once per case of ``flow`` (in one of ``states``), dated by its ``date``
    field: each council meeting, each audit engagement."""

    flow: str
    date: str
    states: tuple[str, ...] = ()


@attrs.frozen
class DutyPeriod:
    """How a duty recurs: a fiscal calendar period (``monthly``, ``quarterly`` by Thai
    fiscal quarters, ``half_yearly``, ``yearly``), or ``each`` case of another flow."""

    kind: str
    each: EachCase | None = None


@attrs.frozen
class DutyWithin:
    """A duty owed by each case of the declaring flow while it is in force: the periods
    from its ``from`` date (the latest of the fields given) until its ``until`` date (the
    earliest given), for the cases that reached one of ``states``."""

    from_: tuple[str, ...]
    until: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    case: bool = True


@attrs.frozen
class DutyOwner:
    """Who owes a duty: a role of the flow, a unit, and/or (for a duty owed by each case)
    the person a field of the case names."""

    role: str | None = None
    unit: str | None = None
    field: str | None = None


@attrs.frozen
class FieldEquals:
    """A field of a case equals a value (an enum by its id)."""

    field: str
    equals: Scalar


@attrs.frozen(cache_hash=True)  # a key of the sweep's cache of what fulfilled a duty
class DutyFulfilment:
    """What fulfils an occurrence of a duty.

    A case of ``flow`` (default: the declaring flow) reaching one of ``states``, the
    period given by its date field ``period_date`` (else matched in order); or each item of
    the records field ``records`` of such cases, dated by its sub-field ``date``; or, for a
    duty owed by each case, each move of the owing case by ``trigger``, dated by its
    ``date`` field (else by when it happened). ``where`` narrows the cases.
    """

    flow: str | None = None
    states: tuple[str, ...] = ()
    period_date: str | None = None
    where: tuple[FieldEquals, ...] = ()
    records: str | None = None
    date: str | None = None
    trigger: str | None = None


@attrs.frozen
class DaysAfter:
    """A number of calendar days."""

    days: int


@attrs.frozen
class AfterEvent:
    """``days`` after a date field, or after the case entered a state, of the case that
    fulfils the occurrence (the one its period matched)."""

    days: int
    field: str | None = None
    state: str | None = None


@attrs.frozen
class MonthDay:
    """A day of the year: the first such day on or after the period starts."""

    month: int
    day: int


@attrs.frozen
class DutyDue:
    """When an occurrence falls due: exactly one of the three."""

    after_period_end: DaysAfter | None = None
    after: AfterEvent | None = None
    by: MonthDay | None = None


@attrs.frozen
class DutySince:
    """The first fiscal year (B.E.) a duty is owed: given, or read from a setting of the
    flow (which a host may override)."""

    fiscal_year: int | None = None
    setting: str | None = None


@attrs.frozen
class Duty:
    """A recurring obligation (``duties:``): its period, what fulfils it, who owes it and
    when it falls due. The engine expands its occurrences for a fiscal year."""

    id: str
    label: Label
    period: DutyPeriod
    fulfilled_by: DutyFulfilment
    due: DutyDue
    cites: str | None = None
    also_cites: tuple[str, ...] = ()
    owner: DutyOwner = DutyOwner()
    within: DutyWithin | None = None
    since: DutySince | None = None
    description: Label | None = None


@attrs.frozen
class Plan:
    """Where the flow comes from in the integrity plan."""

    project: int
    title: Label
    risk_rows: tuple[int, ...] = ()


@attrs.frozen
class FlowDefinition:
    """A whole flow, as loaded and checked."""

    id: str
    version: int
    title: Label
    roles: Mapping[str, Role]
    states: Mapping[str, State]
    start: Start
    transitions: tuple[Transition, ...]
    # The plan project the flow implements; None for a host's own flow outside the plan.
    plan: Plan | None = None
    data: Mapping[str, Field] = attrs.field(factory=dict)
    # Each setting's default, by name; its declared type is in ``setting_types``.
    settings: Mapping[str, Any] = attrs.field(factory=dict)
    setting_types: Mapping[str, str] = attrs.field(factory=dict)
    description: Label | None = None
    committees: Mapping[str, Committee] = attrs.field(factory=dict)
    parent: ParentLink | None = None
    # The powers this flow's cases grant (delegation orders), if any.
    grants: Grants | None = None
    # Cases followed by the public through a code given once, if any.
    tracking: Tracking | None = None
    # The handling manual's own words, if the flow has any.
    manual: Manual | None = None
    # Recurring obligations on a calendar (docs/duties.md).
    duties: tuple[Duty, ...] = ()
    source: str = attrs.field(default="<memory>", eq=False)
    digest: str = attrs.field(default="", eq=False)
    # The text the definition was read from, kept in the store with the first case of
    # this version (docs/versions.md); "" for one built in a program.
    text: str = attrs.field(default="", eq=False, repr=False)
    # Lookups by name and by label, built once: the engine resolves on every fire.
    _index: _Index = attrs.field(init=False, eq=False, repr=False)

    @_index.default
    def _build_index(self) -> _Index:
        return _Index.build(self)

    @property
    def key(self) -> tuple[str, int]:
        """(id, version): what identifies a definition among those loaded."""
        return (self.id, self.version)

    @property
    def identity(self) -> tuple[str, int, str]:
        """(id, version, hash): one text of a flow version. A store may have run two
        texts under one version (changed in place before versions were kept)."""
        return (self.id, self.version, self.digest)

    @property
    def initial(self) -> str:
        """The state a new case starts in."""
        found = self._index.initial
        if found is None:  # as before it was kept: none is declared
            return next(name for name, state in self.states.items() if state.initial)
        return found

    def once(self, key: str, build: Callable[[FlowDefinition], _T]) -> _T:
        """What ``build`` derives from this definition alone, built on first use and then
        kept with it (read on every start and fire: which fields are indexed, say)."""
        memo = self._index.memo
        try:
            found: _T = memo[key]
        except KeyError:
            found = memo.setdefault(key, build(self))
        return found

    @property
    def triggers(self) -> dict[str, Label]:
        """Every trigger id with its label, in definition order."""
        return dict(self._index.trigger_labels)

    def transition(self, trigger: str, source: str) -> Transition | None:
        """The transition fired by ``trigger`` from ``source``, if any."""
        return self._index.transitions.get((trigger, source))

    def trigger_id(self, name: str) -> str | None:
        """The trigger whose id or Thai/English label is ``name``."""
        return self._index.triggers.resolve(name)

    def state_id(self, name: str) -> str | None:
        """The state whose id or Thai/English label is ``name``."""
        return self._index.states.resolve(name)

    def role_id(self, name: str) -> str | None:
        """The role whose id or Thai/English label is ``name`` (``system`` included)."""
        return self._index.roles.resolve(name)

    def field_id(self, name: str) -> str | None:
        """The data field whose id or Thai/English label is ``name``."""
        return self._index.fields.resolve(name)

    @property
    def computed_order(self) -> tuple[str, ...]:
        """The computed fields, each after the computed fields it reads."""
        return self._index.computed

    def computed_reads(self, name: str) -> tuple[frozenset[str], bool]:
        """What the rule of computed field ``name`` reads: fields, and whether settings."""
        return self._index.reads[name]

    def label_of_state(self, state: str) -> Label:
        """The label of ``state`` (the id in both languages when unknown)."""
        found = self.states.get(state)
        return found.label if found else Label(state, state)

    def label_of_trigger(self, trigger: str) -> Label:
        """The label of ``trigger``; ``start`` is the start action's label."""
        if trigger == "start":
            return self.start.label
        return self.triggers.get(trigger, Label(trigger, trigger))

    def label_of_role(self, role: str) -> Label:
        """The label of ``role``."""
        if role == SYSTEM_ROLE:
            return Label(SYSTEM_LABEL_TH, SYSTEM_ROLE)
        found = self.roles.get(role)
        return found.label if found else Label(role, role)


_T = TypeVar("_T")


class _Names:
    """Names resolved by id, then by Thai label, then by English label (any case)."""

    __slots__ = ("en", "ids", "th")

    def __init__(self, labels: Mapping[str, Label]) -> None:
        self.ids = set(labels)
        self.th: dict[str, str] = {}
        self.en: dict[str, str] = {}
        for key, label in labels.items():
            self.th.setdefault(label.th, key)
            self.en.setdefault(label.en.casefold(), key)

    def resolve(self, name: str) -> str | None:
        if name in self.ids:
            return name
        return self.th.get(name) or self.en.get(name.casefold())


class _Index:
    """What a definition looks up on the hot path, precomputed."""

    __slots__ = (
        "computed", "fields", "initial", "memo", "reads", "roles", "states", "transitions",
        "trigger_labels", "triggers",
    )  # fmt: skip

    def __init__(self, definition: FlowDefinition) -> None:
        self.trigger_labels: dict[str, Label] = {}
        self.transitions: dict[tuple[str, str], Transition] = {}
        for t in definition.transitions:
            self.trigger_labels.setdefault(t.trigger, t.label)
            for source in t.source:
                self.transitions.setdefault((t.trigger, source), t)
        roles = {k: r.label for k, r in definition.roles.items()}
        roles.setdefault(SYSTEM_ROLE, Label(SYSTEM_LABEL_TH, SYSTEM_ROLE))
        self.triggers = _Names(self.trigger_labels)
        self.states = _Names({k: st.label for k, st in definition.states.items()})
        self.roles = _Names(roles)
        self.fields = _Names({k: f.label for k, f in definition.data.items()})
        self.computed = _computed_order(definition.data)
        initial = (name for name, st in definition.states.items() if st.initial)
        self.initial: str | None = next(initial, None)
        # What other modules derive from the definition alone (FlowDefinition.once).
        self.memo: dict[str, Any] = {}
        self.reads = {
            name: (frozenset(f.computed.names()), f.computed.reads_settings())
            for name, f in definition.data.items()
            if f.computed is not None
        }

    @classmethod
    def build(cls, definition: FlowDefinition) -> _Index:
        return cls(definition)


def _computed_order(data: Mapping[str, Field]) -> tuple[str, ...]:
    """Computed fields in dependency order (a cycle, refused at load, is cut anywhere)."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        seen.add(name)
        rule = data[name].computed
        for used in rule.names() if rule else ():
            if used in data and data[used].computed is not None and used not in seen:
                visit(used)
        order.append(name)

    for name, field in data.items():
        if field.computed is not None and name not in seen:
            visit(name)
    return tuple(order)
