"""Read a plan file (docs/plan-format.md) into a :class:`~integrity_flows.plan.model.Plan`.

Every problem is collected with the file and the path inside it (``projects[3].budget``,
``part2.rows[5].budget.2570``) and raised together as :class:`PlanError`: a budget cell
that is not a number, a dash, a blank or ``#####``; an amendment without its approval; an
unknown key; a repeated project number. A plan comes from a path, or from an installed
package through the entry point ``integrity_flows.plans`` (a callable or a path to the file).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from integrity_flows.calendars import arabic_digits, parse_date
from integrity_flows.errors import FlowError, Problem
from integrity_flows.plan.model import (
    KINDS,
    UNITS,
    Amendment,
    BudgetCell,
    CellKind,
    Dimension,
    Gap,
    Indicator,
    Mission,
    Part2Row,
    Plan,
    PlanProject,
    PlanStep,
    PrintedTotal,
    RiskRow,
    Target,
)
from integrity_flows.safe_yaml import parse_yaml

PLAN_ENTRY_POINTS = "integrity_flows.plans"

_ID = re.compile(r"^\d+(?:\.\d+)*$")
_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$")
_TOP = {
    "format",
    "title_th",
    "title_en",
    "organisation_th",
    "organisation_en",
    "years",
    "dimensions",
    "part2",
    "projects",
    "risks",
    "amendments",
}
_PROJECT = {
    "number",
    "kind",
    "name_th",
    "name_en",
    "unit_th",
    "objectives_th",
    "target_group_th",
    "target_count",
    "duration_th",
    "budget_th",
    "budget",
    "budget_total",
    "outputs",
    "outcomes",
    "steps",
    "added_in",
}
_ROW = {
    "dimension",
    "mission",
    "label",
    "name_th",
    "budget",
    "remark_th",
    "project",
    "match",
    "note_en",
}
_AMENDMENT = {
    "version",
    "date",
    "approved_by_th",
    "reference_th",
    "changes_th",
    "adds",
    "removes",
}


class PlanError(FlowError):
    """A plan file is malformed; ``problems`` lists every problem found."""

    code = "plan_error"

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        listing = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(
            f"ไฟล์แผนไม่ถูกต้อง {len(self.problems)} จุด:\n{listing}",
            f"invalid plan file, {len(self.problems)} problem(s):\n{listing}",
        )


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, path: str, en: str, th: str) -> None:
        self.problems.append(Problem(self.source, path, en, th))

    def keys(self, raw: Mapping[str, Any], allowed: set[str], path: str) -> None:
        unknown = sorted(str(k) for k in raw if k not in allowed)
        if unknown:
            self.add(
                path or "(top level)",
                f"unknown key(s): {', '.join(unknown)}",
                f"มีหัวข้อที่ไม่รู้จัก: {', '.join(unknown)}",
            )

    def text(self, raw: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> str:
        value = raw.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.add(
                f"{path}.{key}" if path else key,
                "must be a non-empty text",
                "ต้องเป็นข้อความที่ไม่ว่าง",
            )
            return ""
        return value

    def optional_text(self, raw: Mapping[str, Any], key: str, path: str) -> str | None:
        if raw.get(key) is None:
            return None
        return self.text(raw, key, path) or None

    def integer(self, raw: Mapping[str, Any], key: str, path: str, *, required: bool) -> int | None:
        value = raw.get(key)
        if value is None:
            if required:
                self.add(f"{path}.{key}", "is required", "ต้องระบุ")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.add(
                f"{path}.{key}",
                f"must be a whole number, not {value!r:.40}",
                f"ต้องเป็นจำนวนเต็ม ไม่ใช่ {value!r:.40}",
            )
            return None
        return value

    def mapping(self, value: Any, path: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            self.add(path, "must be a mapping", "ต้องเป็นชุดหัวข้อและค่า")
            return {}
        return value

    def items(self, raw: Mapping[str, Any], key: str, path: str) -> list[Any]:
        value = raw.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(f"{path}.{key}" if path else key, "must be a list", "ต้องเป็นรายการ")
            return []
        return value

    def texts(self, raw: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        found = []
        for index, item in enumerate(self.items(raw, key, path)):
            if isinstance(item, str) and item.strip():
                found.append(item)
            else:
                self.add(f"{path}.{key}[{index}]", "must be a non-empty text", "ต้องเป็นข้อความ")
        return tuple(found)


def budget_cell(printed: Any) -> BudgetCell | None:
    """A Part 2 budget cell from its printed form, or None when it is none of a number
    (Thai or Arabic digits, thousands commas allowed), ``-``, a blank or ``#####``.
    """
    if printed is None:
        printed = ""
    if isinstance(printed, bool) or not isinstance(printed, str | int):
        return None
    text = str(printed)
    plain = arabic_digits(text.strip())
    if _NUMBER.match(plain):
        amount = Decimal(plain.replace(",", ""))
        whole = amount == amount.to_integral_value()
        return BudgetCell(text, "number", int(amount) if whole else amount)
    kind: CellKind | None = (
        "blank"
        if plain == ""
        else "dash"
        if plain in ("-", "–", "—")
        else "unreadable"
        if set(plain) == {"#"}
        else None
    )
    return BudgetCell(text, kind) if kind is not None else None


def _cells(r: _Reader, value: Any, path: str, years: tuple[int, ...]) -> dict[int, BudgetCell]:
    raw = r.mapping(value, path)
    cells: dict[int, BudgetCell] = {}
    for year, printed in raw.items():
        year_path = f"{path}.{year}"
        try:
            number = int(arabic_digits(str(year)))
        except ValueError:
            r.add(year_path, "a budget is keyed by fiscal year (B.E.)", "งบประมาณต้องระบุปีงบประมาณ")
            continue
        if years and number not in years:
            r.add(
                year_path,
                f"{number} is not a year of the plan ({', '.join(map(str, years))})",
                f"{number} ไม่ใช่ปีของแผน",
            )
            continue
        cell = budget_cell(printed)
        if cell is None:
            r.add(
                year_path,
                "a budget cell is a number, '-', a blank or '#####' as printed, "
                f"not {printed!r:.40}",
                f"ช่องงบประมาณต้องเป็นตัวเลข '-' ว่าง หรือ '#####' ตามที่พิมพ์ ไม่ใช่ {printed!r:.40}",
            )
            continue
        cells[number] = cell
    return cells


def _total(r: _Reader, value: Any, path: str, years: tuple[int, ...]) -> PrintedTotal | None:
    if value is None:
        return None
    raw = r.mapping(value, path)
    r.keys(raw, {"projects_th", "projects", "budget"}, path)
    return PrintedTotal(
        r.optional_text(raw, "projects_th", path),
        r.integer(raw, "projects", path, required=False),
        _cells(r, raw.get("budget") or {}, f"{path}.budget", years),
    )


def _target(r: _Reader, value: Any, path: str) -> Target | None:
    if value is None:
        return None
    raw = r.mapping(value, path)
    comparisons = [k for k in ("at_least", "at_most", "equals") if k in raw]
    r.keys(raw, {"at_least", "at_most", "equals", "unit"}, path)
    if len(comparisons) != 1:
        r.add(
            path,
            "a target says one of at_least, at_most or equals",
            "เป้าหมายต้องระบุ at_least at_most หรือ equals อย่างใดอย่างหนึ่ง",
        )
        return None
    number = raw[comparisons[0]]
    unit = raw.get("unit")
    if isinstance(number, bool) or not isinstance(number, int | float):
        r.add(f"{path}.{comparisons[0]}", "must be a number", "ต้องเป็นตัวเลข")
        return None
    if unit not in UNITS:
        r.add(
            f"{path}.unit",
            f"unknown unit {unit!r} (one of: {', '.join(UNITS)})",
            f"ไม่รู้จักหน่วย {unit!r}",
        )
        return None
    return Target(comparisons[0], float(number), str(unit))  # type: ignore[arg-type]


def _indicators(r: _Reader, raw: Mapping[str, Any], key: str, path: str) -> tuple[Indicator, ...]:
    found = []
    kind = key.removesuffix("s")  # output, outcome
    for index, item in enumerate(r.items(raw, key, path), start=1):
        item_path = f"{path}.{key}[{index - 1}]"
        entry = r.mapping(item, item_path)
        r.keys(entry, {"text_th", "target"}, item_path)
        found.append(
            Indicator(
                f"{kind}.{index}",
                r.text(entry, "text_th", item_path),
                _target(r, entry.get("target"), f"{item_path}.target"),
            )
        )
    return tuple(found)


def _steps(r: _Reader, raw: Mapping[str, Any], path: str) -> tuple[PlanStep, ...]:
    steps: list[PlanStep] = []
    for index, item in enumerate(r.items(raw, "steps", path)):
        step_path = f"{path}.steps[{index}]"
        entry = r.mapping(item, step_path)
        r.keys(entry, {"id", "text_th", "printed"}, step_path)
        step_id = r.text(entry, "id", step_path)
        if step_id and not _ID.match(step_id):
            r.add(
                f"{step_path}.id",
                f"'{step_id}' is not a dotted step id like 5.1",
                "รหัสขั้นตอนต้องเป็นเช่น 5.1",
            )
        if step_id in {s.id for s in steps}:
            r.add(f"{step_path}.id", f"step '{step_id}' is listed twice", f"ขั้นตอน '{step_id}' ซ้ำ")
        printed = entry.get("printed")
        steps.append(
            PlanStep(
                step_id,
                r.text(entry, "text_th", step_path),
                printed if isinstance(printed, str) else None,
            )
        )
    return tuple(steps)


def _project(r: _Reader, item: Any, path: str) -> PlanProject | None:
    raw = r.mapping(item, path)
    if not raw:
        return None
    r.keys(raw, _PROJECT, path)
    number = r.integer(raw, "number", path, required=True)
    kind = raw.get("kind")
    if kind is not None and kind not in KINDS:
        r.add(
            f"{path}.kind",
            f"kind is one of {', '.join(KINDS)}, not {kind!r}",
            "ประเภทต้องเป็น project activity หรือ measure",
        )
        kind = None
    count = r.integer(raw, "target_count", path, required=False)
    budget = r.integer(raw, "budget", path, required=False)
    if number is None:
        return None
    return PlanProject(
        number=number,
        name_th=r.text(raw, "name_th", path),
        name_en=r.text(raw, "name_en", path),
        unit_th=r.text(raw, "unit_th", path),
        steps=_steps(r, raw, path),
        kind=kind,
        objectives_th=r.texts(raw, "objectives_th", path),
        target_group_th=r.optional_text(raw, "target_group_th", path),
        target_count=count,
        duration_th=r.optional_text(raw, "duration_th", path),
        budget_th=r.optional_text(raw, "budget_th", path),
        budget=budget,
        budget_total=r.integer(raw, "budget_total", path, required=False),
        outputs=_indicators(r, raw, "outputs", path),
        outcomes=_indicators(r, raw, "outcomes", path),
        added_in=r.integer(raw, "added_in", path, required=False),
    )


def _dimension(r: _Reader, item: Any, path: str, years: tuple[int, ...]) -> Dimension | None:
    raw = r.mapping(item, path)
    r.keys(raw, {"number", "name_th", "name_en", "missions", "printed_total"}, path)
    number = r.integer(raw, "number", path, required=True)
    missions = []
    for index, m in enumerate(r.items(raw, "missions", path)):
        m_path = f"{path}.missions[{index}]"
        entry = r.mapping(m, m_path)
        r.keys(entry, {"id", "name_th", "name_en"}, m_path)
        mission_id = r.text(entry, "id", m_path)
        if mission_id and not _ID.match(mission_id):
            r.add(
                f"{m_path}.id",
                f"'{mission_id}' is not a mission number like 1.1.1",
                "เลขภารกิจต้องเป็นเช่น 1.1.1",
            )
        missions.append(
            Mission(
                mission_id,
                r.text(entry, "name_th", m_path),
                r.optional_text(entry, "name_en", m_path),
            )
        )
    if number is None:
        return None
    return Dimension(
        number,
        r.text(raw, "name_th", path),
        r.optional_text(raw, "name_en", path),
        tuple(missions),
        _total(r, raw.get("printed_total"), f"{path}.printed_total", years),
    )


def _rows(r: _Reader, raw: Mapping[str, Any], years: tuple[int, ...]) -> tuple[Part2Row, ...]:
    rows = []
    for index, item in enumerate(r.items(raw, "rows", "part2")):
        path = f"part2.rows[{index}]"
        entry = r.mapping(item, path)
        r.keys(entry, _ROW, path)
        match = entry.get("match", "exact")
        if match not in ("exact", "probable"):
            r.add(f"{path}.match", "match is exact or probable", "match ต้องเป็น exact หรือ probable")
            match = "exact"
        dimension = r.integer(entry, "dimension", path, required=True)
        rows.append(
            Part2Row(
                index=index,
                dimension=dimension or 0,
                mission=str(entry.get("mission", "")),
                label=str(entry.get("label", "")),
                name_th=r.text(entry, "name_th", path),
                budget=_cells(r, entry.get("budget") or {}, f"{path}.budget", years),
                project=r.integer(entry, "project", path, required=False),
                match=match,
                remark_th=r.optional_text(entry, "remark_th", path),
                note_en=r.optional_text(entry, "note_en", path),
            )
        )
    return tuple(rows)


def _amendment(r: _Reader, item: Any, path: str) -> Amendment | None:
    raw = r.mapping(item, path)
    r.keys(raw, _AMENDMENT, path)
    version = r.integer(raw, "version", path, required=True)
    approved = raw.get("approved_by_th")
    when: date | None = None
    if not isinstance(approved, str) or not approved.strip() or raw.get("date") is None:
        r.add(
            path,
            "an amendment needs its approval: who approved it (approved_by_th) and when (date)",
            "การแก้ไขแผนต้องระบุผู้อนุมัติ (approved_by_th) และวันที่อนุมัติ (date)",
        )
    else:
        try:
            when = parse_date(str(raw["date"]))
        except ValueError:
            r.add(
                f"{path}.date",
                f"not a date: {raw['date']!r:.40}",
                f"วันที่ไม่ถูกต้อง: {raw['date']!r:.40}",
            )
    numbers = []
    for key in ("adds", "removes"):
        found = []
        for index, n in enumerate(r.items(raw, key, path)):
            if isinstance(n, bool) or not isinstance(n, int):
                r.add(f"{path}.{key}[{index}]", "must be a project number", "ต้องเป็นลำดับโครงการ")
            else:
                found.append(n)
        numbers.append(tuple(found))
    if version is None or when is None:
        return None
    if version < 2:
        r.add(
            f"{path}.version",
            "the plan's first text is version 1: an amendment is 2 or more",
            "ฉบับแก้ไขต้องเป็น 2 ขึ้นไป",
        )
    return Amendment(
        version,
        when,
        str(approved),
        r.text(raw, "changes_th", path),
        r.optional_text(raw, "reference_th", path),
        numbers[0],
        numbers[1],
    )


def _risk(r: _Reader, item: Any, path: str) -> RiskRow:
    raw = r.mapping(item, path)
    r.keys(raw, {"id", "step_th", "issue_th", "level_th", "controls_th"}, path)
    row = RiskRow(
        *(r.text(raw, k, path) for k in ("id", "step_th", "issue_th", "level_th", "controls_th"))
    )
    if row.id and not re.fullmatch(r"risk/\d+", row.id):
        r.add(f"{path}.id", "a risk row's id reads risk/N", "รหัสความเสี่ยงต้องเป็น risk/N")
    return row


def read_plan(text: str, source: str = "<memory>") -> Plan:
    """A :class:`Plan` from the text of a plan file; :class:`PlanError` lists every
    problem, with ``source`` and the path of each."""
    r = _Reader(source)
    raw, problems = parse_yaml(text, source)
    if problems:
        raise PlanError(problems)
    if not isinstance(raw, Mapping):
        raise PlanError(
            [Problem(source, "", "a plan file is a mapping", "ไฟล์แผนต้องเป็นชุดหัวข้อและค่า")]
        )
    r.keys(raw, _TOP, "")
    if "format" in raw and raw["format"] != 1:
        r.add(
            "format",
            f"unknown plan-file format {raw['format']!r} (this version reads 1)",
            "ไม่รู้จักรูปแบบไฟล์แผน",
        )
    years = tuple(
        y for y in r.items(raw, "years", "") if isinstance(y, int) and not isinstance(y, bool)
    )
    projects = [
        p
        for i, item in enumerate(r.items(raw, "projects", ""))
        if (p := _project(r, item, f"projects[{i}]"))
    ]
    numbers = [p.number for p in projects]
    for number in sorted({n for n in numbers if numbers.count(n) > 1}):
        r.add("projects", f"project {number} is listed twice", f"โครงการที่ {number} ซ้ำ")
    part2 = r.mapping(raw.get("part2") or {}, "part2")
    r.keys(part2, {"printed_pages", "gaps", "grand_total", "rows"}, "part2")
    gaps = []
    for index, g in enumerate(r.items(part2, "gaps", "part2")):
        entry = r.mapping(g, f"part2.gaps[{index}]")
        gaps.append(Gap(int(entry.get("after_row", -1)), str(entry.get("what_en", ""))))
    amendments = [
        a
        for i, item in enumerate(r.items(raw, "amendments", ""))
        if (a := _amendment(r, item, f"amendments[{i}]"))
    ]
    versions = [a.version for a in amendments]
    if versions != list(range(2, len(versions) + 2)):
        r.add(
            "amendments",
            f"amendments are numbered 2, 3, ... in order, not {versions}",
            "ฉบับแก้ไขต้องเรียง 2, 3, ...",
        )
    plan = Plan(
        title_th=r.text(raw, "title_th", ""),
        title_en=r.text(raw, "title_en", ""),
        projects=tuple(projects),
        risks=tuple(
            _risk(r, item, f"risks[{i}]") for i, item in enumerate(r.items(raw, "risks", ""))
        ),
        organisation_th=r.optional_text(raw, "organisation_th", ""),
        organisation_en=r.optional_text(raw, "organisation_en", ""),
        years=years,
        dimensions=tuple(
            d
            for i, item in enumerate(r.items(raw, "dimensions", ""))
            if (d := _dimension(r, item, f"dimensions[{i}]", years))
        ),
        rows=_rows(r, part2, years),
        gaps=tuple(gaps),
        grand_total=_total(r, part2.get("grand_total"), "part2.grand_total", years),
        printed_pages=r.integer(part2, "printed_pages", "part2", required=False),
        amendments=tuple(amendments),
        source=source,
    )
    _cross_checks(r, plan)
    if r.problems:
        raise PlanError(r.problems)
    return plan


def _cross_checks(r: _Reader, plan: Plan) -> None:
    """References inside the file: amendments and rows name projects it has."""
    known = {p.number for p in plan.projects}
    for i, a in enumerate(plan.amendments):
        for key, numbers in (("adds", a.adds), ("removes", a.removes)):
            for n in numbers:
                if n not in known:
                    r.add(
                        f"amendments[{i}].{key}",
                        f"project {n} is not in the plan",
                        f"ไม่มีโครงการที่ {n} ในแผน",
                    )
    versions = {a.version for a in plan.amendments}
    for i, p in enumerate(plan.projects):
        if p.added_in is not None and p.added_in != 1 and p.added_in not in versions:
            r.add(
                f"projects[{i}].added_in",
                f"no amendment makes version {p.added_in}",
                f"ไม่มีการแก้ไขแผนฉบับที่ {p.added_in}",
            )
    for row in plan.rows:
        if row.project is not None and row.project not in known:
            r.add(
                f"part2.rows[{row.index}].project",
                f"project {row.project} is not in Part 3",
                f"ไม่มีโครงการที่ {row.project} ในส่วนที่ ๓",
            )
        if plan.dimensions and plan.dimension(row.dimension) is None:
            r.add(
                f"part2.rows[{row.index}].dimension",
                f"dimension {row.dimension} is not declared",
                f"ไม่มีมิติที่ {row.dimension}",
            )


def read_plan_file(path: str | Path) -> Plan:
    """The plan in the file ``path``."""
    shown = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanError(
            [Problem(shown, "", f"cannot read the plan file: {exc}", f"อ่านไฟล์แผนไม่ได้: {exc}")]
        ) from None
    return read_plan(text, shown)


def entry_point_plans() -> dict[str, Path]:
    """Plan files installed packages publish (entry point ``integrity_flows.plans``), by name."""
    found: dict[str, Path] = {}
    for ep in entry_points(group=PLAN_ENTRY_POINTS):
        target = ep.load()
        found[ep.name] = Path(str(target() if callable(target) else target))
    return found


__all__ = [
    "PLAN_ENTRY_POINTS",
    "PlanError",
    "budget_cell",
    "entry_point_plans",
    "read_plan",
    "read_plan_file",
]
