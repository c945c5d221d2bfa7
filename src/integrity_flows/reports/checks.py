"""Check declared reports against the loaded flows: every name a report uses must exist.

Every problem is collected with the report file and the path inside it: an unknown flow,
set, field, state, trigger, setting, report or figure; a sum over a field that is not a
number; a count by a field that is not an enum; a figure that names a figure below it;
a set inside itself; a public figure that reads a sensitive field; a field test read
``before``/``after`` a move of a sensitive or hashed field (its trail holds ``***``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from integrity_flows.errors import Problem
from integrity_flows.guards.where import where_problems
from integrity_flows.loading.hints import hint
from integrity_flows.reports.declaration import SET_KINDS

if TYPE_CHECKING:
    from integrity_flows.definition.model import FlowDefinition
    from integrity_flows.reports.aggregates import AggregateRegistry
    from integrity_flows.reports.declaration import (
        CaseSet,
        Condition,
        FigureDecl,
        Point,
        ReportDecl,
        Value,
    )

Add = Callable[[str, str, str], None]
_NUMERIC = ("integer", "decimal")
_DATES = ("date", "datetime")


class _Check:
    def __init__(
        self,
        report: ReportDecl,
        path: str,
        flows: Mapping[str, FlowDefinition],
        reports: Mapping[str, ReportDecl],
        aggregates: AggregateRegistry,
    ) -> None:
        self.report = report
        self.path = path
        self.flows = flows
        self.reports = reports
        self.aggregates = aggregates
        self.problems: list[Problem] = []

    def add(self, path: str, en: str, th: str) -> None:
        self.problems.append(Problem(self.report.source, path, en, th))

    # --- names in one flow ----------------------------------------------------

    def flow(self, path: str, flow_id: str | None) -> FlowDefinition | None:
        found = self.flows.get(flow_id or "")
        if found is None:
            en, th = hint(flow_id, self.flows)
            self.add(path, f"unknown flow '{flow_id}'{en}", f"ไม่รู้จักขั้นตอนงาน '{flow_id}'{th}")
        return found

    def field(
        self, path: str, d: FlowDefinition, name: str | None, types: Iterable[str] = ()
    ) -> None:
        spec = d.data.get(name or "")
        if spec is None:
            en, th = hint(name, d.data)
            self.add(
                path,
                f"flow '{d.id}' has no data field '{name}'{en}",
                f"ขั้นตอนงาน '{d.id}' ไม่มีข้อมูล '{name}'{th}",
            )
            return
        wanted = tuple(types)
        if wanted and spec.type not in wanted:
            self.add(
                path,
                f"'{name}' is a {spec.type} field; this needs {' or '.join(wanted)}",
                f"'{name}' เป็นข้อมูลชนิด {spec.type} แต่ต้องเป็น {' หรือ '.join(wanted)}",
            )

    def triggers(self, path: str, d: FlowDefinition, names: Iterable[str]) -> None:
        for trigger in names:
            if trigger not in d.triggers:
                self.add(
                    path, f"flow '{d.id}' has no trigger '{trigger}'", f"ไม่มีการดำเนินการ '{trigger}'"
                )

    def condition(self, path: str, d: FlowDefinition, c: Condition | None) -> None:
        if c is None:
            return
        for state in c.states:
            if state not in d.states:
                self.add(path, f"flow '{d.id}' has no state '{state}'", f"ไม่มีสถานะ '{state}'")
        self.triggers(path, d, c.triggers)
        if c.kind == "field":
            numeric = c.op in ("at_least", "at_most")
            self.field(path, d, c.field, _NUMERIC if numeric else ())
            spec = d.data.get(c.field or "")
            if c.moment is not None and spec is not None and (spec.sensitive or spec.hashed):
                self.add(
                    path,
                    f"'{c.field}' is sensitive or hashed: its trail holds no value to read",
                    f"'{c.field}' เป็นข้อมูลอ่อนไหว บันทึกการตรวจสอบไม่มีค่าให้อ่าน",
                )
        if c.span is not None:
            self.points(path, d, (*c.span.start, *c.span.end))
        for i, child in enumerate(c.children):
            self.condition(f"{path}[{i}]", d, child)

    def points(self, path: str, d: FlowDefinition, points: Iterable[Point]) -> None:
        for point in points:
            if point.kind == "field":
                self.field(path, d, point.field, _DATES)
                self.condition(f"{path}.when", d, point.when)

    def value(self, path: str, d: FlowDefinition, v: Value | None, *, numeric: bool) -> None:
        if v is None:
            return
        if v.kind == "field":
            self.field(path, d, v.field, _NUMERIC if numeric else ())
        elif v.span is not None:
            self.points(path, d, (*v.span.start, *v.span.end))

    # --- sets -----------------------------------------------------------------

    def sets(self) -> None:
        for name, spec in self.report.sets.items():
            self.case_set(f"{self.path}.sets.{name}", spec)
        cases = [n for n, s in self.report.sets.items() if s.case]
        if self.report.scope == "case" and len(cases) != 1:
            self.add(
                f"{self.path}.sets",
                "a report of scope 'case' has exactly one set with 'case: true'",
                "รายงานของเรื่องเดียวต้องมีชุดเรื่องที่ระบุ case: true หนึ่งชุด",
            )
        if self.report.scope == "year" and cases:
            self.add(
                f"{self.path}.sets.{cases[0]}",
                "'case: true' needs 'scope: case'",
                "ต้องระบุ scope: case",
            )

    def case_set(self, path: str, spec: CaseSet) -> None:
        d = self.flow(f"{path}.flow", spec.flow)
        if d is None:
            return
        if spec.year is not None and spec.year.kind in ("date", "field"):
            types = ("integer",) if spec.year.kind == "field" else _DATES
            self.field(f"{path}.year", d, spec.year.field, types)
        if spec.year is not None and spec.year.kind == "latest":
            for i, name in enumerate(spec.year.fields):
                self.field(f"{path}.year.latest[{i}]", d, name, _DATES)
        if spec.within is not None:
            self.within(path, spec, d)
        self.condition(f"{path}.where", d, spec.where)
        for i, key in enumerate(spec.order):
            if key.field is not None:
                self.field(f"{path}.order[{i}]", d, key.field, ("enum",) if key.choices else ())

    def within(self, path: str, spec: CaseSet, d: FlowDefinition) -> None:
        seen, at = {spec.name}, spec.within
        while at is not None:
            if at not in self.report.sets:
                self.add(f"{path}.within", f"unknown set '{at}'", f"ไม่รู้จักชุดเรื่อง '{at}'")
                return
            if at in seen:
                self.add(
                    f"{path}.within", "sets are within each other in a circle", "ชุดเรื่องอ้างถึงกันเป็นวง"
                )
                return
            seen.add(at)
            at = self.report.sets[at].within
        if spec.via is not None:
            self.field(f"{path}.via", d, spec.via)
        elif d.parent is None:
            self.add(
                f"{path}.within",
                f"flow '{d.id}' has no parent link: name the field holding the parent (via)",
                f"ขั้นตอนงาน '{d.id}' ไม่มีการเชื่อมเรื่องหลัก ต้องระบุ via",
            )

    # --- figures --------------------------------------------------------------

    def figures(self) -> None:
        above: set[str] = set()
        labels: dict[str, str] = {}  # a label, either language, to the figure that has it
        for i, decl in enumerate(self.report.figures):
            path = f"{self.path}.figures[{i}]"
            self.label(path, decl, labels)
            if decl.id in above:
                self.add(
                    f"{path}.id", f"figure '{decl.id}' is declared twice", f"รายการ '{decl.id}' ซ้ำ"
                )
            self.figure(path, decl, above)
            above.add(decl.id)
            above.update(self.family(decl))

    def family(self, decl: FigureDecl) -> set[str]:
        """The ids of the figures a ``by`` figure makes (``<id>_<choice>`` or
        ``<id>_<class>``), which the figures below it may name."""
        if decl.kind != "by":
            return set()
        if decl.classes:
            return {f"{decl.id}_{c.id}" for c in decl.classes}
        spec = self.report.sets.get(decl.set or "")
        d = self.flows.get(spec.flow) if spec is not None else None
        field = d.data.get(decl.field or "") if d is not None else None
        return {f"{decl.id}_{c}" for c in field.choices} if field is not None else set()

    def label(self, path: str, decl: FigureDecl, labels: dict[str, str]) -> None:
        """Features and people name a figure by its label: two figures may not share one."""
        if decl.kind in ("by", "each"):
            return  # a family of figures: its labels are made from a template
        for text in {decl.label.th, decl.label.en.casefold()}:
            other = labels.setdefault(text, decl.id)
            if other != decl.id:
                self.add(
                    f"{path}.label",
                    f"figures '{other}' and '{decl.id}' have the same label '{text}'",
                    f"รายการ '{other}' และ '{decl.id}' มีชื่อเดียวกัน '{text}'",
                )

    def set_flow(self, path: str, name: str | None) -> FlowDefinition | None:
        spec = self.report.sets.get(name or "")
        if spec is None:
            self.add(path, f"unknown set '{name}'", f"ไม่รู้จักชุดเรื่อง '{name}'")
            return None
        return self.flows.get(spec.flow)

    def figure(self, path: str, decl: FigureDecl, above: set[str]) -> None:
        for name in (decl.of, decl.over, *(t.figure for t in decl.tests)):
            if name is not None and name not in above:
                self.add(
                    path,
                    f"'{name}' is not a figure above this one",
                    f"'{name}' ไม่ใช่รายการที่อยู่ก่อนหน้า",
                )
        for test in decl.tests:
            if isinstance(test.than, str) and test.than not in above:
                self.add(
                    path,
                    f"'{test.than}' is not a figure above this one",
                    f"'{test.than}' ไม่ใช่รายการก่อนหน้า",
                )
        if decl.kind == "rate" and not decl.when_zero_declared:
            return  # reported when read
        if decl.set is not None and decl.kind != "choices":
            d = self.set_flow(f"{path}.set", decl.set)
            if d is not None:
                self.over_set(path, decl, d)
        self.references(path, decl)
        if decl.public or self.report.public:
            self.public(path, decl)

    def over_set(self, path: str, decl: FigureDecl, d: FlowDefinition) -> None:
        numeric = decl.kind in SET_KINDS and decl.kind not in ("count", "list", "distinct")
        self.value(f"{path}.value", d, decl.value, numeric=numeric and decl.kind != "events")
        self.value(f"{path}.key", d, decl.key, numeric=False)
        self.condition(f"{path}.where", d, decl.where)
        self.triggers(f"{path}.trigger", d, decl.trigger)
        if decl.kind == "by" and decl.field is not None:
            self.field(f"{path}.field", d, decl.field, ("enum",))
        for j, c in enumerate(decl.classes):
            self.condition(f"{path}.classes[{j}].where", d, c.where)
        if decl.kind == "read" and not (
            self.report.sets[decl.set or ""].one or self.report.sets[decl.set or ""].case
        ):
            self.add(
                f"{path}.read",
                "'read' takes the one case of a set with 'one: true'",
                "'read' ต้องใช้ชุดเรื่องที่ระบุ one: true",
            )
        if decl.kind == "aggregate":
            self.aggregate(path, decl, d)
        if decl.kind == "table" and decl.records is not None:
            self.records_table(path, decl, d)
        elif decl.kind == "table":
            for j, column in enumerate(decl.columns):
                self.value(f"{path}.columns[{j}].value", d, column.value, numeric=False)

    def records_table(self, path: str, decl: FigureDecl, d: FlowDefinition) -> None:
        """A table over the items of a records field: the field is one, each column reads a
        sub-field of the item or a field of its case, and ``items_where`` tests sub-fields."""
        spec = d.data.get(decl.records or "")
        if spec is None or spec.type != "records":
            en, th = hint(decl.records, {k for k, f in d.data.items() if f.type == "records"})
            self.add(
                f"{path}.records",
                f"'{decl.records}' is not a records field of flow '{d.id}'{en}",
                f"'{decl.records}' ไม่ใช่ข้อมูลแบบรายการของขั้นตอนงาน '{d.id}'{th}",
            )
            return
        for j, column in enumerate(decl.columns):
            name = column.value.field
            sub = spec.fields.get(name or "")
            if column.value.kind == "field" and sub is not None and sub.sensitive:
                self.add(
                    f"{path}.columns[{j}].value",
                    f"'{name}' is a sensitive sub-field: a register shows no sealed value",
                    f"'{name}' เป็นหัวข้อย่อยที่เป็นข้อมูลอ่อนไหว ทะเบียนแสดงค่าไม่ได้",
                )
            if column.value.kind != "field" or sub is not None:
                continue
            if name in d.data:
                self.field(f"{path}.columns[{j}].value", d, name)
                continue
            en, th = hint(name, {*spec.fields, *d.data})
            self.add(
                f"{path}.columns[{j}].value",
                f"'{name}' is neither a sub-field of '{decl.records}' nor a field of flow"
                f" '{d.id}'{en}",
                f"'{name}' ไม่ใช่หัวข้อย่อยของ '{decl.records}' หรือข้อมูลของขั้นตอนงาน '{d.id}'{th}",
            )
        for found_path, en, th in where_problems(spec, decl.items_where, f"{path}.items_where"):
            self.add(found_path, en, th)

    def aggregate(self, path: str, decl: FigureDecl, d: FlowDefinition) -> None:
        spec = self.aggregates.get(decl.aggregate or "")
        if spec is None:
            known = ", ".join(self.aggregates.names())
            self.add(
                f"{path}.aggregate",
                f"unknown aggregate '{decl.aggregate}' (known: {known})",
                f"ไม่รู้จัก '{decl.aggregate}'",
            )
            return
        allowed = {**spec.params, **spec.optional}
        for name in decl.params:
            if name not in allowed:
                self.add(
                    f"{path}.params.{name}",
                    f"'{decl.aggregate}' takes no parameter '{name}'",
                    f"ไม่มีพารามิเตอร์ '{name}'",
                )
        for name, kind in spec.optional.items():
            given = decl.params.get(name)
            if given is not None and kind == "committee" and given not in d.committees:
                self.add(
                    f"{path}.params.{name}",
                    f"flow '{d.id}' has no committee '{decl.params[name]}'",
                    f"ไม่มีคณะกรรมการ '{decl.params[name]}'",
                )
        for name, kind in spec.params.items():
            if name not in decl.params:
                self.add(
                    f"{path}.params.{name}",
                    f"'{decl.aggregate}' needs '{name}'",
                    f"ต้องระบุ '{name}'",
                )
            elif kind == "committee" and decl.params[name] not in d.committees:
                self.add(
                    f"{path}.params.{name}",
                    f"flow '{d.id}' has no committee '{decl.params[name]}'",
                    f"ไม่มีคณะกรรมการ '{decl.params[name]}'",
                )

    def duty(self, path: str, decl: FigureDecl) -> None:
        d = self.flow(f"{path}.duties.flow", decl.flow)
        if d is not None and decl.duty is not None and decl.duty not in {x.id for x in d.duties}:
            known = ", ".join(x.id for x in d.duties) or "-"
            self.add(
                f"{path}.duties.duty",
                f"flow '{d.id}' declares no duty '{decl.duty}' (duties: {known})",
                f"ขั้นตอนงาน '{d.id}' ไม่มีหน้าที่ '{decl.duty}'",
            )

    def references(self, path: str, decl: FigureDecl) -> None:
        if decl.kind == "setting":
            d = self.flow(f"{path}.setting.flow", decl.flow)
            if d is not None and decl.setting not in d.settings:
                self.add(
                    f"{path}.setting.name",
                    f"flow '{d.id}' has no setting '{decl.setting}'",
                    f"ไม่มีค่ากำหนด '{decl.setting}'",
                )
        if decl.kind == "report":
            self.other_report(path, decl)
        if decl.kind == "duties":
            self.duty(path, decl)
        if decl.group is not None:
            group = decl.group
            if group.kind == "choices":
                d = self.flow(f"{path}.group.flow", group.flow)
                if d is not None:
                    self.field(f"{path}.group.field", d, group.field, ("enum",))
            else:
                d = self.set_flow(f"{path}.group.set", group.set)
                if d is not None:
                    self.field(f"{path}.group.field", d, group.field, ("list",))
                    if group.without is not None:
                        self.field(f"{path}.group.without", d, group.without, ("list",))

    def other_report(self, path: str, decl: FigureDecl) -> None:
        other = self.reports.get(decl.report or "")
        if other is None:
            self.add(
                f"{path}.report.id",
                f"unknown report '{decl.report}'",
                f"ไม่รู้จักรายงาน '{decl.report}'",
            )
        elif other.id == self.report.id or other.scope != "year":
            self.add(
                f"{path}.report.id",
                "a figure reads another yearly report",
                "อ่านได้จากรายงานประจำปีอื่นเท่านั้น",
            )
        elif decl.figure not in {f.id for f in other.figures}:
            self.add(
                f"{path}.report.figure",
                f"report '{other.id}' has no figure '{decl.figure}'",
                f"รายงาน '{other.id}' ไม่มีรายการ '{decl.figure}'",
            )

    def public(self, path: str, decl: FigureDecl) -> None:
        spec = self.report.sets.get(decl.set or "")
        d = self.flows.get(spec.flow) if spec is not None else None
        if d is None:
            return
        read = [v.field for v in (decl.value, decl.key) if v is not None and v.kind == "field"]
        read += [decl.field] if decl.field else []
        for name in read:
            field = d.data.get(name or "")
            if field is not None and (field.sensitive or field.hashed or field.from_actor):
                self.add(
                    path,
                    f"a public figure may not read '{name}': it holds personal or sensitive data",
                    f"รายการที่เปิดเผยต่อสาธารณะอ่าน '{name}' ไม่ได้ เพราะเป็นข้อมูลส่วนบุคคลหรือข้อมูลอ่อนไหว",
                )
        if (
            decl.kind in ("list", "each")
            and decl.value is not None
            and decl.value.kind == "case_id"
        ):
            self.add(
                path,
                "a public figure may not list case ids",
                "รายการที่เปิดเผยต่อสาธารณะแสดงรหัสเรื่องไม่ได้",
            )


def check_reports(
    reports: Iterable[tuple[str, ReportDecl]],
    flows: Mapping[str, FlowDefinition],
    aggregates: AggregateRegistry,
) -> list[Problem]:
    """Every problem of ``reports`` (each with its path in its file) against ``flows``."""
    listed = list(reports)
    by_id = {r.id: r for _, r in listed}
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path, report in listed:
        if report.id in seen and seen[report.id] != report.source:
            problems.append(
                Problem(
                    report.source,
                    f"{path}.id",
                    f"report '{report.id}' is also declared in {seen[report.id]}",
                    f"รายงาน '{report.id}' ซ้ำกับใน {seen[report.id]}",
                )
            )
        seen.setdefault(report.id, report.source)
        check = _Check(report, path, flows, by_id, aggregates)
        check.sets()
        check.figures()
        problems.extend(check.problems)
    return problems


__all__ = ["check_reports"]
