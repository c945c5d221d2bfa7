"""Load-time checks of computed values: every rule's operands, its table, its target
type, and cycles between computed fields."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from integrity_flows.definition.model import (
    ARITHMETIC_OPS,
    RECORD_OPS,
    Field,
    FlowDefinition,
    RecordField,
    Rule,
)
from integrity_flows.guards.where import where_problems
from integrity_flows.values import NORMALIZERS, number

Found = tuple[str, str, str]  # path, English, Thai
Spec = Field | RecordField


@attrs.frozen
class _Rule:
    """One rule as its check reads it: its arguments, the field it computes, the names it
    may read, where it stands in the file, the flow's settings, and whether it computes a
    sub-field of a records item (which reads no settings)."""

    args: Mapping[str, Any]
    target: Spec
    specs: Mapping[str, Spec]
    path: str
    settings: Mapping[str, Any]
    item: bool


_NUMERIC = ("integer", "decimal")
_DATES = ("date", "datetime")
_TARGETS = {
    **dict.fromkeys(ARITHMETIC_OPS, _NUMERIC),
    "passes": ("boolean",),
    "band": ("enum", "string"),
    "days_between": ("integer",),
    "fiscal_year_end": ("date",),
    "count": ("integer",),
    "total": _NUMERIC,
    "average": _NUMERIC,
    "covered": ("integer",),
}
_ARGS = {
    "lookup": {"of", "table"},
    "passes": {"field", "at_least", "at_most", "at_least_setting", "at_most_setting"},
    "band": {"field", "at_least", "otherwise"},
    "days_between": {"from", "to", "working_days", "holidays_setting"},
    "fiscal_year_end": {"year"},
    "count": {"records", "where", "distinct"},
    "total": {"records", "sub", "where"},
    "average": {"records", "sub", "where"},
    "covered": {"records", "sub", "where", "by", "by_sub", "by_where", "uncovered"},
}


def computed_problems(d: FlowDefinition) -> list[Found]:
    """Every problem of the computed fields of ``d``, cycles included."""
    found: list[Found] = []
    for name, field in d.data.items():
        if field.computed is None:
            continue
        path = f"data.{name}.computed"
        if field.required or field.default is not None or field.from_actor or field.fixed:
            found.append(
                (
                    f"data.{name}",
                    "a computed field is not required, defaulted or fixed",
                    "ข้อมูลที่คำนวณกำหนด required/default/fixed ไม่ได้",
                )
            )
        if field.sensitive or field.hashed or field.type in ("records", "list"):
            found.append(
                (
                    f"data.{name}",
                    "a computed field is a plain value, not sensitive, hashed, a list or records",
                    "ข้อมูลที่คำนวณต้องเป็นค่าเดี่ยวที่ไม่ใช่ข้อมูลอ่อนไหว",
                )
            )
        found += list(rule_problems(field.computed, field, d.data, path, d.settings, item=False))
    found += _cycles(d)
    return found


def _cycles(d: FlowDefinition) -> list[Found]:
    reads = {
        name: [n for n in f.computed.names() if n in d.data and d.data[n].computed is not None]
        for name, f in d.data.items()
        if f.computed is not None
    }
    found: list[Found] = []
    for start in reads:
        trail = _cycle_from(start, reads)
        if trail and trail[0] == min(trail[:-1]):  # each cycle once, from its first name
            shown = " → ".join(trail)
            found.append(
                (
                    f"data.{start}.computed",
                    f"computed values read each other in a cycle: {shown}",
                    f"ข้อมูลที่คำนวณอ้างถึงกันเป็นวง: {shown}",
                )
            )
    return found


def _cycle_from(start: str, reads: Mapping[str, list[str]]) -> list[str] | None:
    stack = [(start, [start])]
    while stack:
        name, trail = stack.pop()
        for nxt in reads.get(name, ()):
            if nxt == start:
                return [*trail, start]
            if nxt not in trail:
                stack.append((nxt, [*trail, nxt]))
    return None


def rule_problems(
    rule: Rule,
    target: Spec,
    specs: Mapping[str, Spec],
    path: str,
    settings: Mapping[str, Any],
    *,
    item: bool,
) -> Iterator[Found]:
    """The problems of ``rule`` computing ``target`` from the names of ``specs``."""
    if item and rule.op in RECORD_OPS:
        yield (
            path,
            f"'{rule.op}' counts a records field and cannot compute a sub-field",
            f"'{rule.op}' ใช้กับหัวข้อย่อยไม่ได้",
        )
        return
    allowed = _TARGETS.get(rule.op)
    if allowed is not None and target.type not in allowed:
        yield (
            path,
            f"'{rule.op}' gives a {' or '.join(allowed)} value, not {target.type}",
            f"ผลของ '{rule.op}' ไม่ตรงกับชนิดข้อมูล {target.type}",
        )
    yield from _options(rule, target, path)
    if rule.op in ARITHMETIC_OPS:
        yield from _arithmetic(rule, specs, path, settings, item=item)
        return
    if not isinstance(rule.args, Mapping):
        yield path, f"'{rule.op}' takes a mapping", f"'{rule.op}' ต้องเป็น mapping"
        return
    unknown = sorted(str(k) for k in rule.args if k not in _ARGS[rule.op])
    if unknown:
        yield (
            f"{path}.{rule.op}",
            f"unknown key(s): {', '.join(unknown)}",
            f"มีหัวข้อที่ไม่รู้จัก: {', '.join(unknown)}",
        )
    checked = _Rule(rule.args, target, specs, f"{path}.{rule.op}", settings, item)
    yield from _CHECKS[rule.op](checked)


def _options(rule: Rule, target: Spec, path: str) -> Iterator[Found]:
    if rule.op == "quotient" and "on_zero" not in rule.options:
        yield (
            path,
            "a quotient needs on_zero (its value when dividing by zero; null for none)",
            "การหารต้องกำหนด on_zero (ผลเมื่อหารด้วยศูนย์)",
        )
    if "on_zero" in rule.options and rule.op != "quotient":
        yield f"{path}.on_zero", "only a quotient has on_zero", "on_zero ใช้ได้กับการหารเท่านั้น"
    on_zero = rule.options.get("on_zero")
    if on_zero is not None and number(on_zero) is None:
        yield f"{path}.on_zero", "on_zero is a number or null", "on_zero ต้องเป็นตัวเลขหรือ null"
    places = rule.options.get("places")
    if "places" in rule.options and (
        not isinstance(places, int)
        or isinstance(places, bool)
        or not 0 <= places <= 12
        or target.type != "decimal"
    ):
        yield (
            f"{path}.places",
            "places is a whole number 0-12, for a decimal result",
            "places ต้องเป็นจำนวนเต็ม 0-12 สำหรับผลแบบทศนิยม",
        )


def _name(
    name: Any, specs: Mapping[str, Spec], types: tuple[str, ...], path: str
) -> Iterator[Found]:
    spec = specs.get(name) if isinstance(name, str) else None
    if spec is None:
        yield path, f"unknown field '{name}'", f"ไม่รู้จักข้อมูล '{name}'"
    elif spec.type not in types:
        yield (
            path,
            f"'{name}' is not a field of type {' or '.join(types)}",
            f"'{name}' ไม่ใช่ข้อมูลชนิด {' หรือ '.join(types)}",
        )
    elif spec.sensitive or getattr(spec, "hashed", False):
        yield (
            path,
            f"'{name}' is sensitive and cannot be computed with",
            f"'{name}' เป็นข้อมูลอ่อนไหว นำมาคำนวณไม่ได้",
        )


def _arithmetic(
    rule: Rule, specs: Mapping[str, Spec], path: str, settings: Mapping[str, Any], *, item: bool
) -> Iterator[Found]:
    args = rule.args
    if not isinstance(args, list) or len(args) < 2 or (rule.op == "quotient" and len(args) != 2):
        count = "two" if rule.op == "quotient" else "two or more"
        yield (
            f"{path}.{rule.op}",
            f"'{rule.op}' takes a list of {count} operands",
            f"'{rule.op}' ต้องมีตัวตั้งอย่างน้อยสองตัว",
        )
        return
    for i, operand in enumerate(args):
        at = f"{path}.{rule.op}[{i}]"
        if isinstance(operand, str):
            yield from _name(operand, specs, _NUMERIC, at)
        elif isinstance(operand, Mapping) and set(operand) == {"setting"} and not item:
            yield from _setting(operand["setting"], settings, at)
        elif isinstance(operand, bool) or not isinstance(operand, int | float):
            yield (
                at,
                f"an operand is a field, a number or {{setting: name}}, got {operand!r}",
                "ตัวตั้งต้องเป็นข้อมูล ตัวเลข หรือค่าตั้ง",
            )


def _setting(name: Any, settings: Mapping[str, Any], path: str) -> Iterator[Found]:
    if name not in settings:
        yield path, f"unknown setting '{name}'", f"ไม่รู้จักค่าตั้ง '{name}'"
    elif number(settings[name]) is None:
        yield path, f"setting '{name}' is not a number", f"ค่าตั้ง '{name}' ไม่ใช่ตัวเลข"


def _lookup(rule: _Rule) -> Iterator[Found]:
    args, target, specs, path = rule.args, rule.target, rule.specs, rule.path
    of = args.get("of")
    if not isinstance(of, list) or not of:
        yield (
            f"{path}.of",
            "of lists the enum fields the table is read by",
            "of ต้องเป็นรายการข้อมูลแบบตัวเลือก",
        )
        return
    problems = [
        p for i, name in enumerate(of) for p in _name(name, specs, ("enum",), f"{path}.of[{i}]")
    ]
    yield from problems
    if problems:
        return
    table = args.get("table")
    choices = [specs[name].choices for name in of]
    for combo in itertools.product(*choices):
        node: Any = table
        for choice in combo:
            node = node.get(choice) if isinstance(node, Mapping) else None
        at = f"{path}.table.{'.'.join(combo)}"
        if node is None:
            yield (
                at,
                f"the table has no value for {' × '.join(combo)}",
                f"ตารางไม่มีค่าสำหรับ {' × '.join(combo)}",
            )
            continue
        try:
            NORMALIZERS[target.type if target.type != "datetime" else "text"](node, target)
        except (ValueError, TypeError, AttributeError) as exc:
            yield at, f"{node!r} is not a value of this field: {exc}", f"{node!r} ไม่ใช่ค่าของข้อมูลนี้"
    yield from _extra_keys(table, choices, f"{path}.table")


def _extra_keys(table: Any, choices: list[tuple[str, ...]], path: str) -> Iterator[Found]:
    if not choices or not isinstance(table, Mapping):
        return
    for key, node in table.items():
        if key not in choices[0]:
            yield f"{path}.{key}", f"'{key}' is not a choice", f"'{key}' ไม่ใช่ตัวเลือก"
        else:
            yield from _extra_keys(node, choices[1:], f"{path}.{key}")


def _passes(rule: _Rule) -> Iterator[Found]:
    args, specs, path, settings, item = rule.args, rule.specs, rule.path, rule.settings, rule.item
    yield from _name(args.get("field"), specs, _NUMERIC, f"{path}.field")
    bounds = [k for k in args if k != "field"]
    if len(bounds) != 1:
        yield (
            path,
            "passes takes one of at_least, at_most, at_least_setting, at_most_setting",
            "passes ต้องระบุเกณฑ์หนึ่งอย่าง",
        )
    for bound in bounds:
        if bound.endswith("_setting") and not item:
            yield from _setting(args[bound], settings, f"{path}.{bound}")
        elif bound.endswith("_setting") or number(args[bound]) is None:
            yield f"{path}.{bound}", f"{bound} is a number", f"{bound} ต้องเป็นตัวเลข"


def _band(rule: _Rule) -> Iterator[Found]:
    args, target, specs, path = rule.args, rule.target, rule.specs, rule.path
    yield from _name(args.get("field"), specs, _NUMERIC, f"{path}.field")
    bands = args.get("at_least")
    if not isinstance(bands, Mapping) or not bands:
        yield (
            f"{path}.at_least",
            "at_least maps each value to the least number that gives it",
            "at_least ต้องระบุค่าและเกณฑ์ขั้นต่ำของแต่ละค่า",
        )
        return
    values = [*bands, *([args["otherwise"]] if "otherwise" in args else [])]
    for value in values:
        if target.type == "enum" and value not in target.choices:
            yield (
                f"{path}.{value}",
                f"'{value}' is not a choice of the field",
                f"'{value}' ไม่ใช่ตัวเลือกของข้อมูลนี้",
            )
    for value, limit in bands.items():
        if number(limit) is None:
            yield (
                f"{path}.at_least.{value}",
                "each band's least number is a number",
                "เกณฑ์ขั้นต่ำต้องเป็นตัวเลข",
            )


def _days(rule: _Rule) -> Iterator[Found]:
    args, specs, path, settings, item = rule.args, rule.specs, rule.path, rule.settings, rule.item
    for side in ("from", "to"):
        yield from _name(args.get(side), specs, _DATES, f"{path}.{side}")
    if "working_days" in args and not isinstance(args["working_days"], bool):
        yield (
            f"{path}.working_days",
            "working_days is true or false",
            "working_days ต้องเป็น true หรือ false",
        )
    holidays = args.get("holidays_setting")
    if holidays is not None:
        if item:
            yield (
                f"{path}.holidays_setting",
                "a sub-field cannot read settings",
                "หัวข้อย่อยอ่านค่าตั้งไม่ได้",
            )
        else:
            yield from holiday_problems(holidays, settings, f"{path}.holidays_setting")


def holiday_problems(name: Any, settings: Mapping[str, Any], path: str) -> Iterator[Found]:
    """A holidays setting exists and lists dates (ISO text)."""
    listed = settings.get(name) if isinstance(name, str) else None
    if name not in settings:
        yield path, f"unknown setting '{name}'", f"ไม่รู้จักค่าตั้ง '{name}'"
        return
    if not isinstance(listed, list):
        yield path, f"setting '{name}' is not a list of dates", f"ค่าตั้ง '{name}' ต้องเป็นรายการวันที่"
        return
    for i, day in enumerate(listed):
        try:
            NORMALIZERS["date"](str(day), None)  # type: ignore[arg-type]
        except ValueError:
            yield (
                path,
                f"setting '{name}'[{i}] {day!r} is not a date",
                f"ค่าตั้ง '{name}' ลำดับ {i} ไม่ใช่วันที่",
            )


def _records_field(name: Any, specs: Mapping[str, Spec], path: str) -> tuple[Field | None, Found]:
    """The records field ``name`` names, or None and the problem to report at ``path``."""
    field = specs.get(name) if isinstance(name, str) else None
    if isinstance(field, Field) and field.type == "records":
        return field, ("", "", "")
    return None, (path, f"'{name}' is not a records field", f"'{name}' ไม่ใช่ข้อมูลแบบรายการระเบียน")


def _over_records(rule: _Rule) -> Iterator[Found]:
    args, specs, path = rule.args, rule.specs, rule.path
    field, problem = _records_field(args.get("records"), specs, f"{path}.records")
    if field is None:
        yield problem
        return
    yield from where_problems(field, args.get("where"), f"{path}.where")
    if "sub" in args:
        yield from _name(args["sub"], field.fields, _NUMERIC, f"{path}.sub")
    if "distinct" in args:
        yield from _name(
            args["distinct"],
            field.fields,
            tuple(f.type for f in field.fields.values()),
            f"{path}.distinct",
        )
    if "sub" not in args and path.endswith(("total", "average")):
        yield (
            path,
            "a total or average needs sub (a number sub-field)",
            "ต้องระบุหัวข้อย่อยที่เป็นตัวเลข (sub)",
        )


def _covered(rule: _Rule) -> Iterator[Found]:
    args, specs, path = rule.args, rule.specs, rule.path
    for side, sub, where in (("records", "sub", "where"), ("by", "by_sub", "by_where")):
        field, problem = _records_field(args.get(side), specs, f"{path}.{side}")
        if field is None:
            yield problem
            continue
        yield from where_problems(field, args.get(where), f"{path}.{where}")
        types = tuple(f.type for f in field.fields.values())
        yield from _name(args.get(sub), field.fields, types, f"{path}.{sub}")
    if not isinstance(args.get("uncovered", False), bool):
        yield f"{path}.uncovered", "uncovered is true or false", "uncovered ต้องเป็น true หรือ false"


def _fiscal_year_end(rule: _Rule) -> Iterator[Found]:
    args, specs, path = rule.args, rule.specs, rule.path
    yield from _name(args.get("year"), specs, ("integer",), f"{path}.year")


_CHECKS = {
    "lookup": _lookup,
    "passes": _passes,
    "band": _band,
    "days_between": _days,
    "fiscal_year_end": _fiscal_year_end,
    "count": _over_records,
    "total": _over_records,
    "average": _over_records,
    "covered": _covered,
}

__all__ = ["computed_problems", "holiday_problems", "rule_problems"]
