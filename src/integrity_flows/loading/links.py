"""Checks of committees, collective transitions, parent/child links and fields read from
another case (``from_case``).

Those within one flow run with the other load checks; those that look across flows
(a child's parent flow, a committee of the parent deciding for the child) run once
the library holds every flow.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from integrity_flows.definition.model import ID_PATTERN, Committee, FlowDefinition, Transition
from integrity_flows.errors import Problem
from integrity_flows.loading.hints import yaml_bool

Add = Callable[[str, str, str], None]

_SHARE = re.compile(r"^[1-9][0-9]*/[1-9][0-9]*$")
_RUNNERS = ("chair", "secretary")


def check_committees(d: FlowDefinition, add: Add) -> None:
    """The committees of ``d`` and the transitions that act for them or need them."""
    for name, committee in d.committees.items():
        _check_committee(d, name, committee, add)
    for i, t in enumerate(d.transitions):
        _check_transition(d, f"transitions[{i}]", t, add)
    for name, spec in d.data.items():
        if spec.from_case is not None:
            _check_from_case(d, name, add)
    if d.parent is not None:
        field = d.data.get(d.parent.field)
        if field is None or field.type != "string" or not field.indexed:
            add(
                "parent.field",
                f"'{d.parent.field}' must be an indexed string field of "
                "this flow (it holds the parent case's id)",
                f"'{d.parent.field}' ต้องเป็นข้อมูลข้อความที่ทำดัชนี (เก็บรหัสเรื่องหลัก)",
            )


def _check_from_case(d: FlowDefinition, name: str, add: Add) -> None:
    field = d.data[name]
    link = field.from_case
    assert link is not None
    path = f"data.{name}"
    via = d.data.get(link.via)
    if via is None or via.type != "string" or via.from_case is not None or via.computed:
        add(
            f"{path}.from_case.via",
            f"'{link.via}' must be a string field of this flow that is given (it names the "
            "case to read from)",
            f"'{link.via}' ต้องเป็นข้อมูลข้อความของขั้นตอนงานนี้ที่ผู้ใช้กำหนด (ระบุเรื่องที่อ่านค่า)",
        )
    if (
        field.required
        or field.default is not None
        or field.from_actor
        or field.fixed
        or field.computed is not None
        or field.sensitive
        or field.hashed
        or field.type in ("list", "records")
    ):
        add(
            path,
            "a field read from another case is a plain value: not required, defaulted, "
            "fixed, computed, sensitive, hashed, a list or records",
            "ข้อมูลที่อ่านจากเรื่องอื่นต้องเป็นค่าเดี่ยว ไม่กำหนด required/default/fixed/computed "
            "และไม่ใช่ข้อมูลอ่อนไหว",
        )


def _check_member_roles(d: FlowDefinition, path: str, committee: Committee, add: Add) -> None:
    members = committee.members
    for j, role in enumerate(members.roles):
        if role not in d.roles:
            add(f"{path}.members.roles[{j}]", f"unknown role '{role}'", f"ไม่รู้จักบทบาท '{role}'")
    if members.role is not None and members.roles:
        add(
            f"{path}.members",
            "give the members' role or roles, not both",
            "ระบุบทบาทของกรรมการเป็น role หรือ roles อย่างใดอย่างหนึ่ง",
        )


def _check_committee(d: FlowDefinition, name: str, committee: Committee, add: Add) -> None:
    path = f"committees.{name}"
    if not ID_PATTERN.match(name):
        add(
            path,
            f"name '{name}' must be lower-case letters, digits and _{yaml_bool(name)[0]}",
            f"ชื่อ '{name}' ต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข และ _{yaml_bool(name)[1]}",
        )
    if name in d.data:
        add(
            path,
            f"committee '{name}' has the name of a data field (its record is kept "
            "in the case's data under that name)",
            f"คณะกรรมการ '{name}' ชื่อซ้ำกับข้อมูลของเรื่อง",
        )
    seats = (
        ("chair", committee.chair),
        ("secretary", committee.secretary),
        ("members", committee.members),
    )
    for seat, spec in seats:
        role = getattr(spec, "role", None)
        if role is not None and role not in d.roles:
            add(f"{path}.{seat}.role", f"unknown role '{role}'", f"ไม่รู้จักบทบาท '{role}'")
    members = committee.members
    _check_member_roles(d, path, committee, add)
    if members.min < 0 or (members.max is not None and members.max < members.min):
        add(
            f"{path}.members",
            "members need 0 <= min <= max",
            "จำนวนกรรมการต้องไม่ติดลบ และ min ไม่เกิน max",
        )
    _check_quorum(path, committee.quorum, add)
    for runner in committee.run_by:
        if runner not in _RUNNERS or getattr(committee, runner) is None:
            add(
                f"{path}.run_by",
                f"'{runner}' is not a seat of this committee (run_by names chair and/or secretary)",
                f"'{runner}' ไม่ใช่ตำแหน่งในคณะกรรมการนี้ (ใช้ chair หรือ secretary)",
            )
    for motion in committee.motions:
        if not ID_PATTERN.match(motion):
            add(
                f"{path}.motions.{motion}",
                f"motion '{motion}' must be lower-case letters, digits and _",
                f"ชื่อวาระ '{motion}' ไม่ถูกต้อง",
            )


def _check_transition(d: FlowDefinition, path: str, t: Transition, add: Add) -> None:
    if t.committee is not None:
        committee = d.committees.get(t.committee.name)
        if committee is None:
            add(
                f"{path}.committee.name",
                f"unknown committee '{t.committee.name}'",
                f"ไม่รู้จักคณะกรรมการ '{t.committee.name}'",
            )
        elif t.committee.act in ("vote", "decide") and not committee.motions:
            add(
                f"{path}.committee",
                f"committee '{t.committee.name}' declares no motions to vote on",
                f"คณะกรรมการ '{t.committee.name}' ไม่มีวาระให้ลงมติ",
            )
        if t.committee.act == "appoint" and not t.roles:
            add(
                f"{path}.roles",
                "say which roles appoint the committee",
                "ต้องระบุบทบาทผู้แต่งตั้งคณะกรรมการ",
            )
    if t.decided_by is not None:
        decided = t.decided_by
        if decided.subject is not None and decided.subject not in d.data:
            add(
                f"{path}.decided_by.subject",
                f"unknown data field '{decided.subject}'",
                f"ไม่รู้จักข้อมูล '{decided.subject}'",
            )
        if decided.of == "parent":
            if d.parent is None:
                add(
                    f"{path}.decided_by.of",
                    "'of: parent' needs the flow to declare its parent",
                    "ต้องประกาศเรื่องหลัก (parent) ก่อนใช้ of: parent",
                )
        else:
            _check_motion(d, f"{path}.decided_by", decided.committee, decided.motion, add)


def _check_quorum(path: str, quorum: int | str, add: Add) -> None:
    if isinstance(quorum, int):
        if quorum < 1:
            add(f"{path}.quorum", "a quorum is at least 1 member", "องค์ประชุมต้องอย่างน้อย 1 คน")
        return
    if quorum == "majority":
        return
    if not _SHARE.match(quorum) or int(quorum.split("/")[0]) > int(quorum.split("/")[1]):
        add(
            f"{path}.quorum",
            f"quorum '{quorum}' must be a count, a share such as '1/2', or 'majority'",
            f"องค์ประชุม '{quorum}' ต้องเป็นจำนวนคน สัดส่วน เช่น '1/2' หรือ 'majority'",
        )


def _check_motion(d: FlowDefinition, path: str, committee: str, motion: str, add: Add) -> None:
    found = d.committees.get(committee)
    if found is None:
        add(
            f"{path}.committee",
            f"flow '{d.id}' has no committee '{committee}'",
            f"ขั้นตอนงาน '{d.id}' ไม่มีคณะกรรมการ '{committee}'",
        )
    elif motion not in found.motions:
        add(
            f"{path}.motion",
            f"committee '{committee}' has no motion '{motion}'",
            f"คณะกรรมการ '{committee}' ไม่มีวาระ '{motion}'",
        )


def _check_read_flows(d: FlowDefinition, flows: dict[str, FlowDefinition], add: Add) -> None:
    """The flow, field and states a ``from_case`` field reads exist."""
    for name, field in d.data.items():
        link = field.from_case
        if link is None:
            continue
        path = f"data.{name}.from_case"
        other = flows.get(link.flow)
        if other is None:
            add(f"{path}.flow", f"unknown flow '{link.flow}'", f"ไม่รู้จักขั้นตอนงาน '{link.flow}'")
            continue
        if link.value not in other.data:
            add(
                f"{path}.value",
                f"flow '{other.id}' has no field '{link.value}'",
                f"ขั้นตอนงาน '{other.id}' ไม่มีข้อมูล '{link.value}'",
            )
        elif other.data[link.value].type != field.type or other.data[link.value].sensitive:
            add(
                f"{path}.value",
                f"'{other.id}.{link.value}' is not a plain {field.type} field to copy",
                f"'{other.id}.{link.value}' ไม่ใช่ข้อมูลชนิด {field.type} ที่คัดลอกได้",
            )
        for j, state in enumerate(link.states):
            if state not in other.states:
                add(
                    f"{path}.states[{j}]",
                    f"flow '{other.id}' has no state '{state}'",
                    f"ขั้นตอนงาน '{other.id}' ไม่มีสถานะ '{state}'",
                )


def check_links(definitions: Iterable[FlowDefinition]) -> list[Problem]:
    """Problems between flows: a child's parent flow, states and deciding committee."""
    flows = {d.id: d for d in definitions}
    problems: list[Problem] = []
    for d in flows.values():

        def add(path: str, en: str, th: str, source: str = d.source) -> None:
            problems.append(Problem(source, path, en, th))

        _check_read_flows(d, flows, add)
        if d.parent is None:
            continue

        parent = flows.get(d.parent.flow)
        if parent is None:
            add(
                "parent.flow",
                f"unknown parent flow '{d.parent.flow}'",
                f"ไม่รู้จักขั้นตอนงานหลัก '{d.parent.flow}'",
            )
            continue
        for j, state in enumerate(d.parent.states):
            if state not in parent.states:
                add(
                    f"parent.states[{j}]",
                    f"flow '{parent.id}' has no state '{state}'",
                    f"ขั้นตอนงาน '{parent.id}' ไม่มีสถานะ '{state}'",
                )
        for i, t in enumerate(d.transitions):
            if t.decided_by is not None and t.decided_by.of == "parent":
                _check_motion(
                    parent,
                    f"transitions[{i}].decided_by",
                    t.decided_by.committee,
                    t.decided_by.motion,
                    add,
                )
    return problems
