"""The neutral, frozen model of a flow definition.

Flow files are data: these classes are what a YAML file becomes after cattrs has
structured it. Nothing here runs code from a definition; guards are names with
parameters, resolved against a registry of Python callables.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import attrs

FieldType = Literal[
    "string", "text", "integer", "decimal", "boolean", "date", "datetime", "enum", "list"
]
FIELD_TYPES: tuple[str, ...] = (
    "string", "text", "integer", "decimal", "boolean", "date", "datetime", "enum", "list",
)  # fmt: skip

Scalar = str | int | bool | None

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
    cites: str
    binds: str | None = None
    guards: tuple[GuardRef, ...] = ()
    label: Label = Label("เริ่มเรื่อง", "start")


@attrs.frozen
class Transition:
    """A move from one of ``source`` to ``dest`` when ``trigger`` is fired."""

    trigger: str
    label: Label
    source: tuple[str, ...]
    dest: str
    roles: tuple[str, ...]
    cites: str
    guards: tuple[GuardRef, ...] = ()
    requires: tuple[str, ...] = ()
    binds: str | None = None
    stamp: str | None = None
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
    plan: Plan
    roles: Mapping[str, Role]
    states: Mapping[str, State]
    start: Start
    transitions: tuple[Transition, ...]
    data: Mapping[str, Field] = attrs.field(factory=dict)
    settings: Mapping[str, Any] = attrs.field(factory=dict)
    description: Label | None = None
    source: str = attrs.field(default="<memory>", eq=False)
    digest: str = attrs.field(default="", eq=False)

    @property
    def key(self) -> tuple[str, int]:
        """(id, version): what identifies a definition among those loaded."""
        return (self.id, self.version)

    @property
    def initial(self) -> str:
        """The state a new case starts in."""
        return next(name for name, state in self.states.items() if state.initial)

    @property
    def triggers(self) -> dict[str, Label]:
        """Every trigger id with its label, in definition order."""
        return {t.trigger: t.label for t in self.transitions}

    def transition(self, trigger: str, source: str) -> Transition | None:
        """The transition fired by ``trigger`` from ``source``, if any."""
        for candidate in self.transitions:
            if candidate.trigger == trigger and source in candidate.source:
                return candidate
        return None

    def trigger_id(self, name: str) -> str | None:
        """The trigger whose id or Thai/English label is ``name``."""
        return _resolve(name, self.triggers)

    def state_id(self, name: str) -> str | None:
        """The state whose id or Thai/English label is ``name``."""
        return _resolve(name, {k: s.label for k, s in self.states.items()})

    def role_id(self, name: str) -> str | None:
        """The role whose id or Thai/English label is ``name`` (``system`` included)."""
        labels = {k: r.label for k, r in self.roles.items()}
        labels.setdefault(SYSTEM_ROLE, Label(SYSTEM_LABEL_TH, SYSTEM_ROLE))
        return _resolve(name, labels)

    def field_id(self, name: str) -> str | None:
        """The data field whose id or Thai/English label is ``name``."""
        return _resolve(name, {k: f.label for k, f in self.data.items()})

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


def _resolve(name: str, labels: Mapping[str, Label]) -> str | None:
    if name in labels:
        return name
    for key, label in labels.items():
        if label.matches(name):
            return key
    return None
