"""Checks over a structured definition. Each check collects every problem it finds."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator, Mapping
from typing import Any

from integrity_flows.definition.model import (
    ID_PATTERN,
    SYSTEM_ROLE,
    FlowDefinition,
    GuardRef,
    Label,
    Transition,
)
from integrity_flows.errors import Problem
from integrity_flows.guards.power import known_powers
from integrity_flows.guards.registry import GuardRegistry, GuardSpec, ParamKind
from integrity_flows.loading.deadline_checks import deadline_problems
from integrity_flows.loading.grants_checks import grants_problems
from integrity_flows.loading.hints import hint as _hint
from integrity_flows.loading.hints import yaml_bool
from integrity_flows.loading.links import check_committees
from integrity_flows.loading.param_kinds import KINDS, date_rule_problems, kind_problems
from integrity_flows.loading.protection_checks import protection_problems
from integrity_flows.loading.record_checks import record_guard_problems, records_problems
from integrity_flows.loading.rule_checks import computed_problems
from integrity_flows.loading.setting_checks import declared_problems, use_problems
from integrity_flows.loading.tracking_checks import tracking_problems

# "13/5.1": project 13, method step 1; "13/5": project 13, the method as a whole;
# "risk/1": row 1 of the plan's risk table.
_CITE = re.compile(r"^(\d{1,2}/\d+(\.\d+)*|risk/\d+)$")


class _Collector:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, path: str, en: str, th: str) -> None:
        self.problems.append(Problem(self.source, path, en, th))


def check(definition: FlowDefinition, registry: GuardRegistry) -> list[Problem]:
    """Every problem in ``definition``; an empty list means it may be compiled."""
    out = _Collector(definition.source)
    _check_identity(definition, out)
    _check_states(definition, out)
    _check_labels(definition, out)
    _check_data(definition, out)
    _check_role_powers(definition, out)
    _check_start(definition, registry, out)
    _check_transitions(definition, registry, out)
    _check_readers_guards(definition, registry, out)
    _check_graph(definition, out)
    check_committees(definition, out.add)
    found = [
        *protection_problems(definition, registry),
        *deadline_problems(definition),
        *records_problems(definition),
        *computed_problems(definition),
        *grants_problems(definition),
        *tracking_problems(definition),
        *declared_problems(definition),
    ]
    for path, en, th in found:
        out.add(path, en, th)
    return out.problems


def _check_identity(d: FlowDefinition, out: _Collector) -> None:
    if not ID_PATTERN.match(d.id):
        out.add(
            "id",
            f"flow id '{d.id}' must be lower-case letters, digits and _{yaml_bool(d.id)[0]}",
            f"รหัสขั้นตอนงาน '{d.id}' ต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข และ _{yaml_bool(d.id)[1]}",
        )
    if d.version < 1:
        out.add("version", "version must be 1 or more", "ฉบับต้องเป็น 1 ขึ้นไป")
    if d.plan is not None and d.plan.project < 1:
        out.add(
            "plan.project",
            "plan project must be a project number (1 or more)",
            "ต้องระบุลำดับโครงการในแผน",
        )
    for group, names in (("roles", d.roles), ("states", d.states), ("data", d.data)):
        for name in names:
            if not ID_PATTERN.match(name):
                out.add(
                    f"{group}.{name}",
                    f"name '{name}' must be lower-case letters, digits and _{yaml_bool(name)[0]}",
                    f"ชื่อ '{name}' ต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข และ _{yaml_bool(name)[1]}",
                )
    if SYSTEM_ROLE in d.roles:
        out.add(
            f"roles.{SYSTEM_ROLE}",
            "'system' is built in and may not be declared",
            "บทบาท 'system' มีอยู่แล้ว ประกาศซ้ำไม่ได้",
        )


def _check_states(d: FlowDefinition, out: _Collector) -> None:
    initial = [name for name, s in d.states.items() if s.initial]
    if len(initial) != 1:
        out.add(
            "states",
            f"exactly one initial state is needed, found {len(initial)}",
            f"ต้องมีสถานะเริ่มต้นหนึ่งสถานะพอดี พบ {len(initial)}",
        )
    for name, state in d.states.items():
        if state.initial and state.terminal:
            out.add(
                f"states.{name}",
                "a state cannot be both initial and terminal",
                "สถานะเริ่มต้นเป็นสถานะสิ้นสุดไม่ได้",
            )


def _check_labels(d: FlowDefinition, out: _Collector) -> None:
    groups: dict[str, Mapping[str, Label]] = {
        "states": {k: s.label for k, s in d.states.items()},
        "transitions": d.triggers,
        "roles": {k: r.label for k, r in d.roles.items()},
        "data": {k: f.label for k, f in d.data.items()},
    }
    for group, labels in groups.items():
        seen: dict[str, str] = {}
        for key, label in labels.items():
            for text in (label.th, label.en.casefold()):
                other = seen.setdefault(text, key)
                if other != key:
                    out.add(
                        f"{group}.{key}",
                        f"label '{text}' is also used by '{other}'",
                        f"ชื่อ '{text}' ซ้ำกับ '{other}'",
                    )
    by_trigger: dict[str, Label] = {}
    for i, t in enumerate(d.transitions):
        first = by_trigger.setdefault(t.trigger, t.label)
        if first != t.label:
            out.add(
                f"transitions[{i}].label",
                f"trigger '{t.trigger}' has different labels in different transitions",
                f"การดำเนินการ '{t.trigger}' มีชื่อไม่ตรงกันในแต่ละรายการ",
            )


def _check_data(d: FlowDefinition, out: _Collector) -> None:
    for name, field in d.data.items():
        path = f"data.{name}"
        if field.type == "enum" and not field.choices:
            out.add(path, "an enum field needs choices", "ข้อมูลแบบตัวเลือกต้องกำหนดตัวเลือก")
        if field.type != "enum" and field.choices:
            out.add(path, "only an enum field has choices", "มีตัวเลือกได้เฉพาะข้อมูลแบบตัวเลือก")
        for choice in field.choice_labels:
            if choice not in field.choices:
                out.add(
                    f"{path}.choice_labels.{choice}",
                    f"'{choice}' is not a choice",
                    f"'{choice}' ไม่ใช่ตัวเลือก",
                )
        if field.sensitive and field.indexed:
            out.add(
                path,
                "a sensitive field may not be indexed (it would be stored in clear)",
                "ข้อมูลอ่อนไหวทำดัชนีไม่ได้",
            )


def _check_role_powers(d: FlowDefinition, out: _Collector) -> None:
    powers = known_powers()
    for name, role in d.roles.items():
        if role.power is not None and role.power not in powers:
            en, th = _hint(role.power, powers)
            out.add(
                f"roles.{name}.power",
                f"unknown power '{role.power}'{en}",
                f"ไม่รู้จักอำนาจ '{role.power}'{th}",
            )


def _check_roles(d: FlowDefinition, path: str, roles: tuple[str, ...], out: _Collector) -> None:
    if not roles:
        out.add(path, "no role may do this", "ไม่มีบทบาทใดดำเนินการได้")
    for j, role in enumerate(roles):
        if role not in d.roles and role != SYSTEM_ROLE:
            en, th = _hint(role, [*d.roles, SYSTEM_ROLE])
            out.add(f"{path}[{j}]", f"unknown role '{role}'{en}", f"ไม่รู้จักบทบาท '{role}'{th}")


def _check_binds(d: FlowDefinition, path: str, binds: str | None, out: _Collector) -> None:
    if binds is None:
        return
    role = d.roles.get(binds)
    if role is None or not role.per_case:
        out.add(path, f"'{binds}' is not a per-case role", f"'{binds}' ไม่ใช่บทบาทประจำเรื่อง")


def _check_cites(
    d: FlowDefinition, path: str, cites: str | None, also: tuple[str, ...], out: _Collector
) -> None:
    """A flow in the plan cites a well-formed step on every action; a host's own flow
    (no ``plan:``) cites none, so plan coverage never counts it."""
    if d.plan is None:
        if cites is not None or also:
            out.add(
                f"{path}.cites" if cites is not None else f"{path}.also_cites",
                "a flow without 'plan:' is outside the plan and cites no plan step",
                "ขั้นตอนงานที่ไม่ระบุ 'plan:' อยู่นอกแผน จึงอ้างอิงขั้นตอนในแผนไม่ได้",
            )
        return
    if cites is None:
        out.add(
            f"{path}.cites",
            "missing 'cites': every action of a flow in the plan cites the plan step it "
            "carries out, such as '13/5.1'",
            "ไม่มี 'cites': ทุกการดำเนินการของขั้นตอนงานตามแผนต้องอ้างอิงขั้นตอนในแผน เช่น '13/5.1'",
        )
    for where, cite in [(f"{path}.cites", cites)] + [
        (f"{path}.also_cites[{j}]", c) for j, c in enumerate(also)
    ]:
        if cite is not None and not _CITE.match(cite):
            out.add(
                where,
                f"cites '{cite}' is not a plan step such as '13/5.1' or 'risk/1'",
                f"การอ้างอิง '{cite}' ต้องเป็นขั้นตอนในแผน เช่น '13/5.1'",
            )


def _check_start(d: FlowDefinition, registry: GuardRegistry, out: _Collector) -> None:
    _check_roles(d, "start.roles", d.start.roles, out)
    _check_binds(d, "start.binds", d.start.binds, out)
    _check_cites(d, "start", d.start.cites, d.start.also_cites, out)
    for j, ref in enumerate(d.start.guards):
        _check_guard(d, registry, f"start.guards[{j}]", ref, out)


def _check_readers_guards(d: FlowDefinition, registry: GuardRegistry, out: _Collector) -> None:
    """A sensitive field's ``readers_guards`` are checked like a transition's guards."""
    for name, field in d.data.items():
        if field.readers_guards and not field.readers:
            out.add(
                f"data.{name}.readers_guards",
                "readers_guards needs readers (only a sensitive field with readers has them)",
                "readers_guards ใช้ได้เฉพาะข้อมูลอ่อนไหวที่กำหนดผู้เปิดอ่าน (readers)",
            )
        for j, ref in enumerate(field.readers_guards):
            _check_guard(d, registry, f"data.{name}.readers_guards[{j}]", ref, out)


def _check_transitions(d: FlowDefinition, registry: GuardRegistry, out: _Collector) -> None:
    places: dict[tuple[str, str], list[int]] = {}
    for i, t in enumerate(d.transitions):
        _check_transition(d, registry, f"transitions[{i}]", t, out)
        for source in t.source:
            places.setdefault((t.trigger, source), []).append(i)
    for (trigger, source), where in places.items():
        if len(where) > 1:  # reported at the second transition, naming all of them
            out.add(
                f"transitions[{where[1]}].trigger",
                f"trigger '{trigger}' leaves state '{source}' {len(where)} times "
                f"(transitions {', '.join(map(str, where))})",
                f"การดำเนินการ '{trigger}' จากสถานะ '{source}' ซ้ำกัน {len(where)} ครั้ง",
            )


def _check_transition(
    d: FlowDefinition, registry: GuardRegistry, path: str, t: Transition, out: _Collector
) -> None:
    if not ID_PATTERN.match(t.trigger) or t.trigger == "start":
        out.add(
            f"{path}.trigger",
            f"trigger '{t.trigger}' must be lower-case letters, digits and _ (and not 'start')"
            f"{yaml_bool(t.trigger)[0]}",
            f"ชื่อการดำเนินการ '{t.trigger}' ไม่ถูกต้อง{yaml_bool(t.trigger)[1]}",
        )
    ends = [(f"source[{i}]", name) for i, name in enumerate(t.source)] + [("dest", t.dest)]
    for where, state in ends:
        if state not in d.states:
            en, th = _hint(state, d.states)
            out.add(f"{path}.{where}", f"unknown state '{state}'{en}", f"ไม่รู้จักสถานะ '{state}'{th}")
    if t.roles or t.committee is None or t.committee.act == "appoint":
        # Members act in a committee by their seat; other transitions need roles.
        _check_roles(d, f"{path}.roles", t.roles, out)
    _check_binds(d, f"{path}.binds", t.binds, out)
    _check_cites(d, path, t.cites, t.also_cites, out)
    for j, field in enumerate(t.requires):
        if field not in d.data:
            en, th = _hint(field, d.data)
            out.add(
                f"{path}.requires[{j}]",
                f"unknown data field '{field}'{en}",
                f"ไม่รู้จักข้อมูล '{field}'{th}",
            )
    _check_written_field(d, f"{path}.stamp", t.stamp, ("date", "datetime"), out)
    _check_written_field(d, f"{path}.records_actor", t.records_actor, ("string", "list"), out)
    for j, ref in enumerate(t.guards):
        _check_guard(d, registry, f"{path}.guards[{j}]", ref, out)


_KINDS_TH: dict[tuple[str, ...], str] = {
    ("date", "datetime"): "ข้อมูลวันที่",
    ("string", "list"): "ข้อมูลข้อความหรือรายการ",
}


def _check_written_field(
    d: FlowDefinition, path: str, name: str | None, types: tuple[str, ...], out: _Collector
) -> None:
    """A field a transition writes by itself (``stamp``, ``records_actor``) is of ``types``."""
    if name is None or (name in d.data and d.data[name].type in types):
        return
    out.add(
        path,
        f"'{name}' is not a {' or '.join(types)} field",
        f"'{name}' ไม่ใช่{_KINDS_TH[types]}",
    )


def _check_guard(
    d: FlowDefinition, registry: GuardRegistry, path: str, ref: GuardRef, out: _Collector
) -> None:
    if ref.name in ("all", "any", "not"):
        for j, child in enumerate(ref.children):
            _check_guard(d, registry, f"{path}.{ref.name}[{j}]", child, out)
        return
    spec = registry.get(ref.name)
    if spec is None:
        en, th = _hint(ref.name, registry.names())
        out.add(path, f"unknown guard '{ref.name}'{en}", f"ไม่รู้จักเงื่อนไข '{ref.name}'{th}")
        return
    _check_guard_params(d, path, ref, spec, out)
    for where, en, th in [
        *record_guard_problems(d, ref, spec, path),
        *date_rule_problems(d, ref, path),
    ]:
        out.add(where, en, th)
    if ref.name == "not_held":
        _check_indexed(d, path, ref, out)


def _check_indexed(d: FlowDefinition, path: str, ref: GuardRef, out: _Collector) -> None:
    """``not_held`` looks its fields up in the store's index: each must be ``indexed``."""
    named = [("field", ref.params.get("field"))]
    together = ref.params.get("together_with")
    if isinstance(together, list):
        named += [(f"together_with[{i}]", name) for i, name in enumerate(together)]
    for where, name in named:
        field = d.data.get(str(name))
        if field is not None and not field.indexed:
            out.add(
                f"{path}.{where}",
                "not_held needs an indexed field",
                "เงื่อนไข not_held ต้องใช้ข้อมูลที่ทำดัชนี (indexed)",
            )


def _check_guard_params(
    d: FlowDefinition, path: str, ref: GuardRef, spec: GuardSpec, out: _Collector
) -> None:
    for name in spec.params:
        if name not in ref.params:
            out.add(
                path,
                f"guard '{ref.name}' needs parameter '{name}'",
                f"เงื่อนไข '{ref.name}' ต้องระบุ '{name}'",
            )
    for group in spec.one_of:
        if sum(name in ref.params for name in group) != 1:
            out.add(
                path,
                f"guard '{ref.name}' needs exactly one of {', '.join(group)}",
                f"เงื่อนไข '{ref.name}' ต้องระบุอย่างใดอย่างหนึ่งจาก {', '.join(group)}",
            )
    accepted = spec.all_params()
    for name, value in ref.params.items():
        kind = accepted.get(name)
        if kind is None:
            out.add(
                f"{path}.{name}",
                f"guard '{ref.name}' has no parameter '{name}'",
                f"เงื่อนไข '{ref.name}' ไม่มีหัวข้อ '{name}'",
            )
            continue
        said = kind_problems(d, kind, value) if kind in KINDS else _param_problems(d, kind, value)
        for en, th in said:
            out.add(f"{path}.{name}", en, th)
        for en, th in use_problems(d, name, value):
            out.add(f"{path}.{name}", en, th)


def _param_problems(d: FlowDefinition, kind: ParamKind, value: Any) -> Iterator[tuple[str, str]]:
    # "start" names the start action, which distinct_from_trigger may refer to.
    triggers = {**d.triggers, "start": d.start.label}
    names = {"field": d.data, "state": d.states, "trigger": triggers, "setting": d.settings}
    if kind in ("fields", "states", "values"):
        if not isinstance(value, list):
            yield f"expected a list, got {value!r}", "ต้องเป็นรายการ"
            return
        items, kind = value, kind[:-1]  # type: ignore[assignment]
    else:
        items = [value]
    for item in items:
        if kind == "role":
            if not isinstance(item, str) or d.role_id(item) != item:
                yield f"unknown role '{item}'", f"ไม่รู้จักบทบาท '{item}'"
        elif kind in names:
            if not isinstance(item, str) or item not in names[kind]:
                yield f"unknown {kind} '{item}'", f"ไม่รู้จัก {kind} '{item}'"
        elif kind == "int" and (not isinstance(item, int) or isinstance(item, bool)):
            yield f"expected a whole number, got {item!r}", "ต้องเป็นจำนวนเต็ม"
        elif kind == "message" and not (isinstance(item, dict) and {"th", "en"} <= set(item)):
            yield "a message needs 'th' and 'en'", "ข้อความต้องมีทั้ง th และ en"


def _check_graph(d: FlowDefinition, out: _Collector) -> None:
    outgoing: dict[str, set[str]] = {name: set() for name in d.states}
    for t in d.transitions:
        for source in t.source:
            if source in outgoing and t.dest in d.states:
                outgoing[source].add(t.dest)
    initial = [name for name, s in d.states.items() if s.initial]
    reached = set(initial)
    queue = deque(initial)
    while queue:
        for nxt in outgoing[queue.popleft()] - reached:
            reached.add(nxt)
            queue.append(nxt)
    for name, state in d.states.items():
        if initial and name not in reached:
            out.add(
                f"states.{name}",
                f"state '{name}' cannot be reached from the initial state",
                f"ไปไม่ถึงสถานะ '{name}' จากสถานะเริ่มต้น",
            )
        leaves = {t.trigger for t in d.transitions if name in t.source}
        if not state.terminal and not leaves:
            out.add(
                f"states.{name}",
                f"state '{name}' is not terminal and has no way out",
                f"สถานะ '{name}' ไม่ใช่สถานะสิ้นสุดแต่ไม่มีทางออก",
            )
        if state.terminal and leaves:
            out.add(
                f"states.{name}",
                f"terminal state '{name}' has transitions out",
                f"สถานะสิ้นสุด '{name}' มีการดำเนินการต่อ",
            )
