"""Load-time checks of declared duties (``duties:``), run once the library holds every
flow, since a duty may be fulfilled by (or owed for each case of) another flow.

Every problem is said with the file and the path inside it, in Thai and English, with a
"did you mean" hint for a name close to a known one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date

from integrity_flows.calendars import PERIOD_MONTHS
from integrity_flows.definition.model import ID_PATTERN, Duty, FlowDefinition
from integrity_flows.errors import Problem
from integrity_flows.loading.hints import hint as _hint
from integrity_flows.loading.hints import yaml_bool

Found = tuple[str, str, str]  # path, English, Thai

_CITE = re.compile(r"^(\d{1,2}/\d+(\.\d+)*|risk/\d+)$")
# The shortest period of each kind, in days: a due date before the period's first day
# (after_period_end with fewer negative days than this) can never be met.
_SHORTEST = {"monthly": 28, "quarterly": 90, "half_yearly": 181, "yearly": 365}
_DATE_TYPES = ("date", "datetime")


def duty_problems(definitions: Iterable[FlowDefinition]) -> list[Problem]:
    """Every problem of the duties of ``definitions`` (the latest version of each flow)."""
    flows = {d.id: d for d in definitions}
    problems: list[Problem] = []
    for d in flows.values():
        seen: set[str] = set()
        for i, duty in enumerate(d.duties):
            for path, en, th in _duty(d, duty, f"duties[{i}]", flows):
                problems.append(Problem(d.source, path, en, th))
            if duty.id in seen:
                problems.append(
                    Problem(
                        d.source,
                        f"duties[{i}].id",
                        f"duty '{duty.id}' is declared twice",
                        f"ประกาศหน้าที่ '{duty.id}' ซ้ำ",
                    )
                )
            seen.add(duty.id)
    return problems


def _duty(
    d: FlowDefinition, duty: Duty, path: str, flows: Mapping[str, FlowDefinition]
) -> Iterator[Found]:
    if not ID_PATTERN.match(duty.id):
        yield (
            f"{path}.id",
            f"duty id '{duty.id}' must be lower-case letters, digits and _{yaml_bool(duty.id)[0]}",
            f"รหัสหน้าที่ '{duty.id}' ต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข และ _{yaml_bool(duty.id)[1]}",
        )
    yield from _cites(d, duty, path)
    yield from _period(duty, path, flows)
    yield from _within(d, duty, path)
    yield from _owner(d, duty, path)
    yield from _since(d, duty, path)
    target = flows.get(duty.fulfilled_by.flow or d.id)
    if target is None:
        flow = duty.fulfilled_by.flow
        en, th = _hint(flow, flows)
        yield (
            f"{path}.fulfilled_by.flow",
            f"unknown flow '{flow}'{en}",
            f"ไม่รู้จักขั้นตอนงาน '{flow}'{th}",
        )
        return
    yield from _fulfilment(d, duty, target, path)
    yield from _due(duty, target, path)


def _cites(d: FlowDefinition, duty: Duty, path: str) -> Iterator[Found]:
    if d.plan is None:
        if duty.cites is not None or duty.also_cites:
            yield (
                f"{path}.cites",
                "a flow without 'plan:' is outside the plan and cites no plan step",
                "ขั้นตอนงานที่ไม่ระบุ 'plan:' อยู่นอกแผน จึงอ้างอิงขั้นตอนในแผนไม่ได้",
            )
        return
    if duty.cites is None:
        yield (
            f"{path}.cites",
            "missing 'cites': every duty of a flow in the plan cites the plan step it "
            "carries out, such as '9/5.5'",
            "ไม่มี 'cites': หน้าที่ของขั้นตอนงานตามแผนต้องอ้างอิงขั้นตอนในแผน เช่น '9/5.5'",
        )
    for where, cite in [(f"{path}.cites", duty.cites)] + [
        (f"{path}.also_cites[{j}]", c) for j, c in enumerate(duty.also_cites)
    ]:
        if cite is not None and not _CITE.match(cite):
            yield (
                where,
                f"cites '{cite}' is not a plan step such as '9/5.5' or 'risk/1'",
                f"การอ้างอิง '{cite}' ต้องเป็นขั้นตอนในแผน เช่น '9/5.5'",
            )


def _field(
    flow: FlowDefinition, name: str, path: str, types: tuple[str, ...], what: tuple[str, str]
) -> Iterator[Found]:
    field = flow.data.get(name)
    if field is None:
        en, th = _hint(name, flow.data)
        yield (
            path,
            f"flow '{flow.id}' has no field '{name}'{en}",
            f"ขั้นตอนงาน '{flow.id}' ไม่มีข้อมูล '{name}'{th}",
        )
    elif field.type not in types:
        yield (
            path,
            f"'{name}' of flow '{flow.id}' is not {what[0]} (it is {field.type})",
            f"'{name}' ของขั้นตอนงาน '{flow.id}' ไม่ใช่{what[1]}",
        )


def _states(flow: FlowDefinition, states: Iterable[str], path: str) -> Iterator[Found]:
    for j, state in enumerate(states):
        if state not in flow.states:
            en, th = _hint(state, flow.states)
            yield (
                f"{path}[{j}]",
                f"flow '{flow.id}' has no state '{state}'{en}",
                f"ขั้นตอนงาน '{flow.id}' ไม่มีสถานะ '{state}'{th}",
            )


def _period(duty: Duty, path: str, flows: Mapping[str, FlowDefinition]) -> Iterator[Found]:
    each = duty.period.each
    if each is None:
        return
    flow = flows.get(each.flow)
    if flow is None:
        en, th = _hint(each.flow, flows)
        yield (
            f"{path}.period.each.flow",
            f"unknown flow '{each.flow}'{en}",
            f"ไม่รู้จักขั้นตอนงาน '{each.flow}'{th}",
        )
        return
    yield from _field(flow, each.date, f"{path}.period.each.date", _DATE_TYPES, _A_DATE)
    yield from _states(flow, each.states, f"{path}.period.each.states")
    if duty.within is not None:
        yield (
            f"{path}.within",
            "a duty owed for each case of another flow cannot also be owed by each case of "
            "this flow (give either period: {each: ...} or within:)",
            "หน้าที่ตามแต่ละเรื่องของขั้นตอนงานอื่นจะกำหนด within: ด้วยไม่ได้",
        )


_A_DATE = ("a date field", "ข้อมูลวันที่")


def _within(d: FlowDefinition, duty: Duty, path: str) -> Iterator[Found]:
    within = duty.within
    if within is None:
        return
    if not within.case:
        yield (
            f"{path}.within.case",
            "within: says case: true (the duty is owed by each case of this flow)",
            "within: ต้องระบุ case: true (หน้าที่ของแต่ละเรื่อง)",
        )
    if not within.from_:
        yield (
            f"{path}.within.from",
            "within: needs the date field(s) the duty is owed from",
            "within: ต้องระบุข้อมูลวันที่เริ่มมีหน้าที่",
        )
    for j, name in enumerate(within.from_):
        yield from _field(d, name, f"{path}.within.from[{j}]", _DATE_TYPES, _A_DATE)
    for j, name in enumerate(within.until):
        yield from _field(d, name, f"{path}.within.until[{j}]", _DATE_TYPES, _A_DATE)
    yield from _states(d, within.states, f"{path}.within.states")


def _since(d: FlowDefinition, duty: Duty, path: str) -> Iterator[Found]:
    since = duty.since
    if since is None:
        return
    if (since.fiscal_year is None) == (since.setting is None):
        yield (
            f"{path}.since",
            "since gives a fiscal_year or a setting holding one, not both",
            "since ต้องระบุปีงบประมาณ หรือค่าตั้งที่เก็บปีงบประมาณ อย่างใดอย่างหนึ่ง",
        )
    elif since.setting is not None:
        value = d.settings.get(since.setting)
        if since.setting not in d.settings:
            en, th = _hint(since.setting, d.settings)
            yield (
                f"{path}.since.setting",
                f"unknown setting '{since.setting}'{en}",
                f"ไม่รู้จักค่าตั้ง '{since.setting}'{th}",
            )
        elif not isinstance(value, int) or isinstance(value, bool) or value < 2400:
            yield (
                f"{path}.since.setting",
                f"setting '{since.setting}' must be a fiscal year B.E. such as 2567",
                f"ค่าตั้ง '{since.setting}' ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2567",
            )
    elif since.fiscal_year is not None and since.fiscal_year < 2400:
        yield (
            f"{path}.since.fiscal_year",
            f"{since.fiscal_year} is not a fiscal year B.E. such as 2567",
            f"{since.fiscal_year} ไม่ใช่ปีงบประมาณ พ.ศ. เช่น 2567",
        )


def _owner(d: FlowDefinition, duty: Duty, path: str) -> Iterator[Found]:
    owner = duty.owner
    if owner.role is None and owner.unit is None and owner.field is None:
        yield (
            f"{path}.owner",
            "say who owes the duty: owner: {role: R} and/or {unit: U}",
            "ต้องระบุผู้รับผิดชอบหน้าที่: owner: {role: ...} หรือ {unit: ...}",
        )
    if owner.role is not None and owner.role not in d.roles:
        en, th = _hint(owner.role, d.roles)
        yield (
            f"{path}.owner.role",
            f"unknown role '{owner.role}'{en}",
            f"ไม่รู้จักบทบาท '{owner.role}'{th}",
        )
    if owner.field is not None:
        if duty.within is None:
            yield (
                f"{path}.owner.field",
                "owner.field names the person of the owing case: only for a duty with within:",
                "owner.field ใช้ได้กับหน้าที่ของแต่ละเรื่อง (within:) เท่านั้น",
            )
        yield from _field(d, owner.field, f"{path}.owner.field", ("string",), _A_TEXT)


_A_TEXT = ("a string field", "ข้อมูลข้อความ")


def _fulfilment(
    d: FlowDefinition, duty: Duty, target: FlowDefinition, path: str
) -> Iterator[Found]:
    spec = duty.fulfilled_by
    where = f"{path}.fulfilled_by"
    kinds = [k for k, v in (("states", spec.states), ("records", spec.records)) if v]
    if spec.trigger is not None:
        kinds = [k for k in kinds if k != "states"] + ["trigger"]
    if not kinds or (len(kinds) > 1 and kinds != ["states", "records"]):
        yield (
            where,
            "fulfilled_by names states (a case reaching them), records (dated items) or a "
            "trigger (a move of the owing case)",
            "fulfilled_by ต้องระบุ states (เรื่องถึงสถานะ) records (รายการที่มีวันที่) หรือ "
            "trigger (การดำเนินการของเรื่อง)",
        )
        return
    yield from _states(target, spec.states, f"{where}.states")
    yield from _where(target, duty, where)
    if spec.period_date is not None:
        yield from _field(target, spec.period_date, f"{where}.period_date", _DATE_TYPES, _A_DATE)
    if "trigger" in kinds:
        yield from _trigger(d, duty, target, where)
    elif spec.records is not None:
        yield from _records(target, duty, where)
    else:
        if duty.within is not None:
            yield (
                where,
                "a duty owed by each case (within:) is fulfilled by a trigger or records of "
                "that case",
                "หน้าที่ของแต่ละเรื่อง (within:) ต้องสำเร็จด้วยการดำเนินการหรือรายการของเรื่องนั้น",
            )
        if spec.date is not None:
            yield from _field(target, spec.date, f"{where}.date", _DATE_TYPES, _A_DATE)


def _where(target: FlowDefinition, duty: Duty, where: str) -> Iterator[Found]:
    for j, cond in enumerate(duty.fulfilled_by.where):
        field = target.data.get(cond.field)
        if field is None:
            en, th = _hint(cond.field, target.data)
            yield (
                f"{where}.where[{j}].field",
                f"flow '{target.id}' has no field '{cond.field}'{en}",
                f"ขั้นตอนงาน '{target.id}' ไม่มีข้อมูล '{cond.field}'{th}",
            )
        elif field.type == "enum" and cond.equals not in field.choices:
            en, th = _hint(cond.equals, field.choices)
            yield (
                f"{where}.where[{j}].equals",
                f"'{cond.equals}' is not a choice of '{cond.field}'{en}",
                f"'{cond.equals}' ไม่ใช่ตัวเลือกของ '{cond.field}'{th}",
            )


def _trigger(d: FlowDefinition, duty: Duty, target: FlowDefinition, where: str) -> Iterator[Found]:
    spec = duty.fulfilled_by
    if duty.within is None or target.id != d.id:
        yield (
            f"{where}.trigger",
            "a trigger fulfils a duty owed by each case of this flow (within:) only",
            "การดำเนินการ (trigger) ใช้กับหน้าที่ของแต่ละเรื่อง (within:) เท่านั้น",
        )
    if spec.trigger not in d.triggers:
        en, th = _hint(spec.trigger, d.triggers)
        yield (
            f"{where}.trigger",
            f"flow '{d.id}' has no trigger '{spec.trigger}'{en}",
            f"ขั้นตอนงาน '{d.id}' ไม่มีการดำเนินการ '{spec.trigger}'{th}",
        )
    if spec.date is not None:
        yield from _field(d, spec.date, f"{where}.date", _DATE_TYPES, _A_DATE)


def _records(target: FlowDefinition, duty: Duty, where: str) -> Iterator[Found]:
    spec = duty.fulfilled_by
    assert spec.records is not None
    field = target.data.get(spec.records)
    if field is None or field.type != "records":
        en, th = _hint(spec.records, [k for k, f in target.data.items() if f.type == "records"])
        yield (
            f"{where}.records",
            f"'{spec.records}' is not a records field of flow '{target.id}'{en}",
            f"'{spec.records}' ไม่ใช่ข้อมูลรายการของขั้นตอนงาน '{target.id}'{th}",
        )
    elif spec.date is None or spec.date not in field.fields:
        en, th = _hint(spec.date, field.fields) if spec.date else ("", "")
        yield (
            f"{where}.date",
            f"name the date sub-field of '{spec.records}' that dates each item{en}",
            f"ต้องระบุหัวข้อย่อยวันที่ของ '{spec.records}'{th}",
        )
    elif field.fields[spec.date].type != "date":
        yield (
            f"{where}.date",
            f"'{spec.date}' of '{spec.records}' is not a date",
            f"'{spec.date}' ของ '{spec.records}' ไม่ใช่วันที่",
        )


def _due(duty: Duty, target: FlowDefinition, path: str) -> Iterator[Found]:
    due = duty.due
    where = f"{path}.due"
    given = [k for k in ("after_period_end", "after", "by") if getattr(due, k) is not None]
    if len(given) != 1:
        yield (
            where,
            "due gives exactly one of after_period_end: {days: N}, after: {field|state, days: N} "
            "or by: {month: M, day: D}",
            "due ต้องระบุอย่างใดอย่างหนึ่ง: after_period_end, after หรือ by",
        )
        return
    kind = duty.period.kind
    if due.after_period_end is not None:
        days = due.after_period_end.days
        # Before each case of another flow (a notice before a meeting) is a real due date:
        # the event is known in advance. Before a calendar period starts, it never is.
        if kind != "each" and days < -(_SHORTEST[kind] - 1):
            yield (
                f"{where}.after_period_end.days",
                f"{days} days after the end of a {kind} period falls before the period "
                "starts: the duty could never be met",
                f"{days} วันหลังสิ้นงวดอยู่ก่อนวันเริ่มงวด หน้าที่นี้จึงไม่มีทางดำเนินการได้ทัน",
            )
    if due.by is not None:
        try:
            date(2024, due.by.month, due.by.day)
        except ValueError:
            yield (
                f"{where}.by",
                f"{due.by.day}/{due.by.month} is not a day of the year",
                f"{due.by.day}/{due.by.month} ไม่ใช่วันที่ที่มีอยู่จริง",
            )
        else:
            if kind != "yearly" and kind in PERIOD_MONTHS:
                yield (
                    f"{where}.by",
                    "a fixed day of the year (by:) is for a yearly duty",
                    "การกำหนดวันที่แน่นอน (by:) ใช้กับหน้าที่รายปีเท่านั้น",
                )
    if due.after is not None:
        yield from _after(duty, target, where)


def _after(duty: Duty, target: FlowDefinition, where: str) -> Iterator[Found]:
    after = duty.due.after
    assert after is not None
    if after.days < 0:
        yield (
            f"{where}.after.days",
            "a due date before the event it is counted from can never be met",
            "วันครบกำหนดก่อนเหตุที่ใช้นับ ไม่มีทางดำเนินการได้ทัน",
        )
    if (after.field is None) == (after.state is None):
        yield (
            f"{where}.after",
            "after: names a field or a state of the fulfilling case, not both",
            "after: ต้องระบุข้อมูลหรือสถานะอย่างใดอย่างหนึ่ง",
        )
    if after.field is not None:
        yield from _field(target, after.field, f"{where}.after.field", _DATE_TYPES, _A_DATE)
    if after.state is not None:
        yield from _states(target, (after.state,), f"{where}.after.state")
    if duty.fulfilled_by.period_date is None or not duty.fulfilled_by.states:
        yield (
            f"{where}.after",
            "a due date counted from an event of the fulfilling case needs fulfilled_by "
            "with states and period_date (which case belongs to which period)",
            "วันครบกำหนดที่นับจากเหตุของเรื่อง ต้องระบุ fulfilled_by.states และ period_date",
        )


__all__ = ["duty_problems"]
