"""Read report files: YAML text -> plain data -> the frozen report model.

The shapes are few and fixed (see :mod:`integrity_flows.reports.declaration`), and every
problem is collected with the file and the path inside it, so they are read by hand
here rather than structured by a converter: a converter would stop at the first bad
key and could not say which of a figure's alternative shapes was meant.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from integrity_flows.definition.model import Label
from integrity_flows.duties import STATUSES
from integrity_flows.errors import Problem
from integrity_flows.reports.conditions_reading import Reader, label_of, read_condition, read_value
from integrity_flows.reports.declaration import (
    FIGURE_KINDS,
    SET_KINDS,
    CaseSet,
    Class,
    Column,
    FigureDecl,
    Group,
    OrderKey,
    ReportDecl,
    Test,
    Value,
    YearRule,
)

_SET_KEYS = {
    "flow", "year", "within", "via", "where", "one", "case", "required", "order", "years_back",
}  # fmt: skip
_REPORT_KEYS = {"id", "label", "description", "scope", "public", "cites", "sets", "figures"}
_COMMON = {"id", "label", "public", "where", "round", "plain", "measures"}
MEASURES = re.compile(r"^(\d+)/(?:(output|outcome)\.\d+|budget\.(approved|committed|disbursed))$")
_KIND_KEYS: Mapping[str, set[str]] = {
    **{kind: {"value", "show"} for kind in SET_KINDS},
    "count": set(),
    "events": {"trigger"},
    "list": {"show", "value"},
    "rate": {"when_zero"},
    "met": set(),
    "constant": set(),
    "setting": set(),
    "report": set(),
    "fiscal_year": set(),
    "choices": {"number"},
    "missing": {"number"},
    "group": {"number"},
    "found": {"number"},
    "outside": {"number"},
    "read": {"present"},
    "by": {"field", "classes", "show"},
    "each": {"key", "value", "show"},
    "aggregate": {"set", "params"},
    "table": {"columns", "records", "items_where"},
    "duties": {"number", "show"},
}


def read_reports(data: Any, source: str) -> tuple[list[ReportDecl], list[Problem]]:
    """The reports of one file's plain data (``reports:`` a list), and every problem."""
    reader = Reader(source)
    if not isinstance(data, Mapping) or not isinstance(data.get("reports"), list):
        reader.add(
            "", "a report file holds 'reports:', a list", "ไฟล์รายงานต้องมี 'reports:' เป็นรายการ"
        )
        return [], reader.problems
    for key in data:
        if key != "reports":
            reader.add(str(key), f"unknown key '{key}'", f"ไม่รู้จัก '{key}'")
    found = []
    for i, item in enumerate(data["reports"]):
        report = _report(reader, f"reports[{i}]", item)
        if report is not None:
            found.append(report)
    return found, reader.problems


def _report(reader: Reader, path: str, item: Any) -> ReportDecl | None:
    if not reader.mapping(path, item, _REPORT_KEYS, required=("id", "label", "figures")):
        return None
    report_id = reader.ident(f"{path}.id", item["id"])
    label = label_of(reader, f"{path}.label", item["label"])
    scope = item.get("scope", "year")
    if scope not in ("year", "case"):
        reader.add(f"{path}.scope", "scope must be 'year' or 'case'", "scope ต้องเป็น year หรือ case")
    sets = _sets(reader, f"{path}.sets", item.get("sets", {}))
    figures = item["figures"]
    if not isinstance(figures, list) or not figures:
        reader.add(f"{path}.figures", "figures must be a non-empty list", "figures ต้องเป็นรายการ")
        figures = []
    decls = [_figure(reader, f"{path}.figures[{j}]", f) for j, f in enumerate(figures)]
    cites = item.get("cites")
    if cites is None:
        cites = []
    elif isinstance(cites, str):
        cites = [cites]
    elif not isinstance(cites, list) or not all(isinstance(c, str) for c in cites):
        reader.add(
            f"{path}.cites",
            "cites must be a plan step or a list of them, e.g. ['13/5.4']",
            "cites ต้องเป็นขั้นตอนในแผนหรือรายการของขั้นตอน เช่น ['13/5.4']",
        )
        cites = []
    if report_id is None or label is None:
        return None
    return ReportDecl(
        id=report_id,
        label=label,
        sets=sets,
        figures=tuple(d for d in decls if d is not None),
        scope="case" if scope == "case" else "year",
        public=item.get("public") is True,
        description=label_of(reader, f"{path}.description", item["description"])
        if "description" in item
        else None,
        cites=tuple(cites),
        source=reader.source,
    )


def _sets(reader: Reader, path: str, given: Any) -> dict[str, CaseSet]:
    if not isinstance(given, Mapping):
        reader.add(path, "sets must be a mapping of names", "sets ต้องเป็นชื่อกับนิยาม")
        return {}
    found = {}
    for name, spec in given.items():
        where = f"{path}.{name}"
        if reader.ident(where, name) is None or not reader.mapping(
            where, spec, _SET_KEYS, required=("flow",)
        ):
            continue
        found[str(name)] = CaseSet(
            name=str(name),
            flow=str(spec["flow"]),
            year=_year(reader, f"{where}.year", spec.get("year")),
            within=_opt_str(spec.get("within")),
            via=_opt_str(spec.get("via")),
            where=read_condition(reader, f"{where}.where", spec["where"])
            if "where" in spec
            else None,
            one=spec.get("one") is True,
            case=spec.get("case") is True,
            required=label_of(reader, f"{where}.required", spec["required"])
            if "required" in spec
            else None,
            order=_order(reader, f"{where}.order", spec.get("order", [])),
            years_back=_years_back(reader, f"{where}.years_back", spec.get("years_back", 0)),
        )
    return found


def _years_back(reader: Reader, path: str, given: Any) -> int:
    if isinstance(given, int) and not isinstance(given, bool) and 0 <= given <= 10:
        return given
    reader.add(
        path, "years_back is a whole number from 0 to 10", "years_back ต้องเป็นจำนวนเต็ม ๐ ถึง ๑๐"
    )
    return 0


def _year(reader: Reader, path: str, given: Any) -> YearRule | None:
    if given is None:
        return None
    if given in ("start", "all"):
        return YearRule(given)
    if isinstance(given, Mapping) and len(given) == 1:
        kind, field = next(iter(given.items()))
        if kind in ("date", "field") and isinstance(field, str):
            return YearRule(kind, field)
        if kind == "latest" and isinstance(field, list) and field:
            return YearRule("latest", fields=tuple(str(f) for f in field))
    reader.add(
        path,
        "year must be 'start', 'all', {date: FIELD}, {field: FIELD} or {latest: [FIELD, ...]}",
        "year ต้องเป็น start, all, {date: ข้อมูล}, {field: ข้อมูล} หรือ {latest: [ข้อมูล, ...]}",
    )
    return None


def _order(reader: Reader, path: str, given: Any) -> tuple[OrderKey, ...]:
    items = given if isinstance(given, list) else [given]
    keys = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            keys.append(OrderKey(field=None if item == "start" else item))
        elif isinstance(item, Mapping) and set(item) == {"choices"}:
            keys.append(OrderKey(field=str(item["choices"]), choices=True))
        else:
            reader.add(
                f"{path}[{i}]",
                "an order key is a field, 'start' or {choices: FIELD}",
                "ลำดับต้องเป็นชื่อข้อมูล start หรือ {choices: ข้อมูล}",
            )
    return tuple(keys)


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _kind(reader: Reader, path: str, item: Mapping[str, Any]) -> str | None:
    kinds = [k for k in item if k in FIGURE_KINDS]
    if len(kinds) == 1:
        return kinds[0]
    reader.add(
        path,
        f"a figure needs exactly one of {', '.join(FIGURE_KINDS)} (found {len(kinds)})",
        f"รายการต้องมีชนิดเดียว ({len(kinds)} ชนิด)",
    )
    return None


def _figure(reader: Reader, path: str, item: Any) -> FigureDecl | None:
    if not isinstance(item, Mapping):
        reader.add(path, "a figure is a mapping", "รายการต้องเป็น mapping")
        return None
    kind = _kind(reader, path, item)
    if kind is None:
        return None
    allowed = _COMMON | {kind} | _KIND_KEYS.get(kind, set())
    if not reader.mapping(path, item, allowed, required=("id", "label")):
        return None
    figure_id = reader.ident(f"{path}.id", item["id"])
    label = label_of(reader, f"{path}.label", item["label"])
    if figure_id is None or label is None:
        return None
    base = FigureDecl(
        id=figure_id,
        label=label,
        kind=kind,  # type: ignore[arg-type]
        public=item.get("public") is True,
        plain=item.get("plain") is True or kind == "fiscal_year",
        where=read_condition(reader, f"{path}.where", item["where"]) if "where" in item else None,
        round=_round(reader, f"{path}.round", item.get("round")),
        measures=_measures(reader, f"{path}.measures", item.get("measures")),
    )
    build = _BUILDERS.get(kind, _set_figure)
    return build(reader, path, item, base)


def _measures(reader: Reader, path: str, given: Any) -> tuple[str, ...]:
    if given is None:
        return ()
    items = given if isinstance(given, list) else [given]
    found = []
    for index, item in enumerate(items):
        if isinstance(item, str) and MEASURES.match(item):
            found.append(item)
            continue
        reader.add(
            f"{path}[{index}]" if isinstance(given, list) else path,
            "measures names a plan indicator ('2/output.1', '2/outcome.1') or a project's "
            "money ('2/budget.approved', '2/budget.committed', '2/budget.disbursed'), "
            f"not {item!r:.40}",
            "measures ต้องระบุตัวชี้วัดของแผน ('2/output.1') หรืองบประมาณของโครงการ "
            "('2/budget.disbursed')",
        )
    return tuple(found)


def _round(reader: Reader, path: str, given: Any) -> int | None:
    if given is None:
        return None
    if isinstance(given, int) and not isinstance(given, bool) and 0 <= given <= 6:
        return given
    reader.add(path, "round is a number of decimals, 0 to 6", "round ต้องเป็นจำนวนทศนิยม ๐ ถึง ๖")
    return None


def _evolve(base: FigureDecl, **changes: Any) -> FigureDecl:
    return attrs.evolve(base, **changes)


def _set_figure(reader: Reader, path: str, item: Mapping[str, Any], base: FigureDecl) -> FigureDecl:
    shown = item.get("value", item.get("show"))
    value = read_value(reader, f"{path}.value", shown) if shown is not None else None
    needs_value = base.kind in ("sum", "mean", "median", "min", "max", "distinct")
    if needs_value and value is None:
        reader.add(f"{path}.value", f"'{base.kind}' needs a value", f"'{base.kind}' ต้องระบุ value")
    triggers = item.get("trigger")
    triggers = [] if triggers is None else triggers
    return _evolve(
        base,
        set=str(item[base.kind]),
        value=value,
        trigger=tuple(str(t) for t in (triggers if isinstance(triggers, list) else [triggers])),
    )


def _rate(reader: Reader, path: str, item: Mapping[str, Any], base: FigureDecl) -> FigureDecl:
    spec = item["rate"]
    if not reader.mapping(f"{path}.rate", spec, {"of", "over"}, required=("of", "over")):
        return base
    if "when_zero" not in item:
        reader.add(
            f"{path}.when_zero",
            "a rate divides by a count that may be zero: say what to show then (when_zero)",
            "อัตราร้อยละหารด้วยจำนวนที่อาจเป็นศูนย์ ต้องระบุ when_zero",
        )
    return _evolve(
        base,
        of=str(spec["of"]),
        over=str(spec["over"]),
        when_zero=item.get("when_zero"),
        when_zero_declared="when_zero" in item,
        round=2 if base.round is None else base.round,
    )


_OPS = ("at_least", "at_most", "equals", "below")


def _met(reader: Reader, path: str, item: Mapping[str, Any], base: FigureDecl) -> FigureDecl:
    given = item["met"]
    items = given if isinstance(given, list) else [given]
    tests = []
    for i, spec in enumerate(items):
        where = f"{path}.met[{i}]" if isinstance(given, list) else f"{path}.met"
        if not reader.mapping(where, spec, {"figure", *_OPS}, required=("figure",)):
            continue
        ops = [op for op in _OPS if op in spec]
        if len(ops) != 1:
            reader.add(
                where,
                "a test needs one of at_least, at_most, equals, below",
                "ต้องระบุเงื่อนไขหนึ่งอย่าง",
            )
            continue
        tests.append(Test(str(spec["figure"]), ops[0], _threshold(spec[ops[0]])))  # type: ignore[arg-type]
    return _evolve(base, tests=tuple(tests))


def _threshold(given: Any) -> Any:
    if isinstance(given, str) and not given.startswith("setting:"):
        try:
            return Decimal(given)
        except InvalidOperation:
            return given
    return given


def _constant(reader: Reader, path: str, item: Mapping[str, Any], base: FigureDecl) -> FigureDecl:
    given = item["constant"]
    if isinstance(given, float):
        given = Decimal(str(given))
    if not isinstance(given, int | str | bool | Decimal):
        reader.add(f"{path}.constant", "a constant is a number, text or yes/no", "ค่าคงที่ไม่ถูกต้อง")
    return _evolve(base, constant=given)


def _setting(reader: Reader, path: str, item: Mapping[str, Any], base: FigureDecl) -> FigureDecl:
    spec = item["setting"]
    if not reader.mapping(f"{path}.setting", spec, {"flow", "name"}, required=("flow", "name")):
        return base
    return _evolve(base, flow=str(spec["flow"]), setting=str(spec["name"]))


def _other(reader: Reader, path: str, item: Mapping[str, Any], base: FigureDecl) -> FigureDecl:
    spec = item["report"]
    if not reader.mapping(f"{path}.report", spec, {"id", "figure"}, required=("id", "figure")):
        return base
    return _evolve(base, report=str(spec["id"]), figure=str(spec["figure"]))


def _fiscal_year(_: Reader, __: str, ___: Mapping[str, Any], base: FigureDecl) -> FigureDecl:
    return base


def _group(reader: Reader, path: str, spec: Any) -> Group | None:
    if isinstance(spec, Mapping) and set(spec) == {"choices"}:
        inner = spec["choices"]
        if reader.mapping(f"{path}.choices", inner, {"flow", "field"}, required=("flow", "field")):
            return Group("choices", flow=str(inner["flow"]), field=str(inner["field"]))
        return None
    if isinstance(spec, Mapping) and set(spec) == {"list"}:
        inner = spec["list"]
        keys = {"set", "field", "split", "without"}
        if reader.mapping(f"{path}.list", inner, keys, required=("set", "field")):
            without = inner.get("without")
            return Group(
                "list",
                set=str(inner["set"]),
                field=str(inner["field"]),
                split=inner.get("split") is True,
                without=None if without is None else str(without),
            )
        return None
    reader.add(
        path,
        "a group is {choices: {flow, field}} or {list: {set, field, split?, without?}}",
        "กลุ่มเป้าหมายต้องเป็น choices หรือ list",
    )
    return None


def _choices(reader: Reader, path: str, item: Mapping[str, Any], base: FigureDecl) -> FigureDecl:
    group = _group(reader, path, {"choices": item["choices"]})
    return _evolve(base, group=group, number=item.get("number") is True)


def _missing(reader: Reader, path: str, item: Mapping[str, Any], base: FigureDecl) -> FigureDecl:
    """``missing``, ``found`` and ``outside``: a target group against the values of a set."""
    kind = base.kind
    spec = item[kind]
    keys = {"group", "from", "show"}
    if not reader.mapping(f"{path}.{kind}", spec, keys, required=("group", "from", "show")):
        return base
    return _evolve(
        base,
        group=_group(reader, f"{path}.{kind}.group", spec["group"]),
        set=str(spec["from"]),
        value=read_value(reader, f"{path}.{kind}.show", spec["show"]),
        number=item.get("number") is True,
    )


def _members(reader: Reader, path: str, item: Mapping[str, Any], base: FigureDecl) -> FigureDecl:
    """``group: GROUP``: the members of a target group (``number``: how many)."""
    group = _group(reader, f"{path}.group", item["group"])
    return _evolve(base, group=group, number=item.get("number") is True)


def _read(reader: Reader, path: str, item: Mapping[str, Any], base: FigureDecl) -> FigureDecl:
    spec = item["read"]
    if not reader.mapping(f"{path}.read", spec, {"set", "value"}, required=("set", "value")):
        return base
    return _evolve(
        base,
        set=str(spec["set"]),
        value=read_value(reader, f"{path}.read.value", spec["value"]),
        present=item.get("present") is True,
    )


def _by(reader: Reader, path: str, item: Mapping[str, Any], base: FigureDecl) -> FigureDecl:
    has_field, has_classes = "field" in item, "classes" in item
    if has_field == has_classes:
        reader.add(path, "'by' needs either field or classes", "'by' ต้องระบุ field หรือ classes")
    classes = []
    for i, spec in enumerate(item.get("classes") or []):
        where = f"{path}.classes[{i}]"
        if not reader.mapping(where, spec, {"id", "label", "where"}, required=("id", "label")):
            continue
        class_id, label = (
            reader.ident(f"{where}.id", spec["id"]),
            label_of(reader, f"{where}.label", spec["label"]),
        )
        cond = read_condition(reader, f"{where}.where", spec["where"]) if "where" in spec else None
        if class_id is not None and label is not None:
            classes.append(Class(class_id, label, cond))
    shown = item.get("show")
    return _evolve(
        base,
        set=str(item["by"]),
        field=_opt_str(item.get("field")),
        classes=tuple(classes),
        value=read_value(reader, f"{path}.show", shown) if shown is not None else None,
    )


def _each(reader: Reader, path: str, item: Mapping[str, Any], base: FigureDecl) -> FigureDecl:
    if "key" not in item or "value" not in item:
        reader.add(path, "'each' needs key and value", "'each' ต้องระบุ key และ value")
        return base
    return _evolve(
        base,
        set=str(item["each"]),
        key=read_value(reader, f"{path}.key", item["key"]),
        value=read_value(reader, f"{path}.value", item["value"]),
    )


def _aggregate(reader: Reader, path: str, item: Mapping[str, Any], base: FigureDecl) -> FigureDecl:
    params = item.get("params", {})
    if not isinstance(params, Mapping):
        reader.add(f"{path}.params", "params must be a mapping", "params ต้องเป็น mapping")
        params = {}
    return _evolve(
        base,
        aggregate=str(item["aggregate"]),
        set=_opt_str(item.get("set")),
        params=dict(params),
    )


def _table(reader: Reader, path: str, item: Mapping[str, Any], base: FigureDecl) -> FigureDecl:
    columns = []
    given = item.get("columns")
    if not isinstance(given, list) or not given:
        reader.add(f"{path}.columns", "a table needs columns, a list", "ตารางต้องมี columns")
        given = []
    for i, spec in enumerate(given):
        where = f"{path}.columns[{i}]"
        keys = {"id", "label", "value"}
        if not reader.mapping(where, spec, keys, required=tuple(sorted(keys))):
            continue
        column_id = reader.ident(f"{where}.id", spec["id"])
        label = label_of(reader, f"{where}.label", spec["label"])
        value = read_value(reader, f"{where}.value", spec["value"])
        if column_id is not None and label is not None and value is not None:
            columns.append(Column(column_id, label, value))
    records = item.get("records")
    if records is not None and not isinstance(records, str):
        reader.add(f"{path}.records", "records names a records field", "records ต้องเป็นชื่อข้อมูล")
        records = None
    if "items_where" in item and records is None:
        reader.add(
            f"{path}.items_where",
            "items_where needs records (the records field whose items it tests)",
            "items_where ต้องใช้กับ records",
        )
    return _evolve(
        base,
        set=str(item["table"]),
        columns=_pinned(columns),
        records=records,
        items_where=item.get("items_where"),
    )


#: The column a register that names its cases gets, unless it declares one reading
#: ``version``: which version of its flow each case ran under (docs/versions.md).
VERSION_COLUMN = Column("flow_version", Label("ฉบับขั้นตอนงาน", "flow version"), Value("version"))


def _pinned(columns: list[Column]) -> tuple[Column, ...]:
    kinds = {c.value.kind for c in columns}
    taken = any(c.id == VERSION_COLUMN.id for c in columns)
    if "case_id" in kinds and "version" not in kinds and not taken:
        columns = [*columns, VERSION_COLUMN]
    return tuple(columns)


# What a duties figure may list instead of its register (``show:``): a column of it.
_DUTY_SHOWN = ("owner", "period", "duty", "owing_case", "fulfilled_by")


def _duties(reader: Reader, path: str, item: Mapping[str, Any], base: FigureDecl) -> FigureDecl:
    """``duties: {flow: F, duty: D, status: [overdue, missing]}``: the occurrences of the
    report's fiscal year as a register, or their number (``number: true``)."""
    spec = item["duties"]
    keys = {"flow", "duty", "status"}
    if not reader.mapping(f"{path}.duties", spec, keys, required=("flow",)):
        return base
    given = spec.get("status", [])
    statuses = (given,) if isinstance(given, str) else tuple(given or ())
    for j, status in enumerate(statuses):
        if status not in STATUSES:
            reader.add(
                f"{path}.duties.status[{j}]",
                f"unknown status '{status}' (one of: {', '.join(STATUSES)})",
                f"ไม่รู้จักสถานะ '{status}'",
            )
    shown = item.get("show")
    if shown is not None and shown not in _DUTY_SHOWN:
        reader.add(
            f"{path}.show",
            f"a duties figure shows one of: {', '.join(_DUTY_SHOWN)}",
            f"รายการหน้าที่แสดงได้เพียง: {', '.join(_DUTY_SHOWN)}",
        )
    return _evolve(
        base,
        flow=str(spec["flow"]),
        duty=_opt_str(spec.get("duty")),
        statuses=tuple(str(s) for s in statuses),
        number=item.get("number") is True,
        field=_opt_str(shown),
    )


Builder = Callable[[Reader, str, Mapping[str, Any], FigureDecl], FigureDecl]
_BUILDERS: Mapping[str, Builder] = {
    "rate": _rate,
    "met": _met,
    "constant": _constant,
    "setting": _setting,
    "report": _other,
    "fiscal_year": _fiscal_year,
    "choices": _choices,
    "missing": _missing,
    "found": _missing,
    "outside": _missing,
    "group": _members,
    "read": _read,
    "by": _by,
    "each": _each,
    "aggregate": _aggregate,
    "table": _table,
    "duties": _duties,
}

__all__ = ["Label", "read_reports"]
