"""The plan's own inconsistencies (``integrity-flows plan check``), each with the project
and the place in the text: totals that do not add up, rows and projects that do not meet,
counts that differ from the printed ones, unreadable cells and gaps, template text left
unfilled, budgets that differ between Part 2 and Part 3, target groups that contradict
themselves, indicators with no target, and an addition no amendment records.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from integrity_flows.calendars import arabic_digits
from integrity_flows.plan.budget import YearTotal, budget_table
from integrity_flows.plan.model import Part2Row, Plan, PlanProject

# Text of the national template that the organisation should have replaced.
_PLACEHOLDER = re.compile(r"\(?ระบุ(?:ชื่อ|นี้)?อ?งค์กรปกครองส่วนท้องถิ่น\)?|\(?ระบุชื่อหน่วยงาน\)?|…{2,}|\.{4,}")
_HEADS = re.compile(r"(\d[\d,]*)\s*คน")


@attrs.frozen
class Finding:
    """One inconsistency of the plan."""

    code: str
    where_th: str
    where_en: str
    message_th: str
    message_en: str
    project: int | None = None

    def as_dict(self) -> dict[str, object]:
        """Plain JSON data."""
        return attrs.asdict(self)


def _row_where(row: Part2Row) -> tuple[str, str]:
    n, d, m = row.index + 1, row.dimension, f"{row.mission} {row.label}"
    th = f"ส่วนที่ ๒ แถวที่ {n} (มิติที่ {d} ภารกิจ {m})"
    en = f"Part 2, row {n} (dimension {d}, mission {m})"
    return th, en


def _project_where(p: PlanProject, part_th: str, part_en: str) -> tuple[str, str]:
    return f"ส่วนที่ ๓ ลำดับที่ {p.number} {part_th}", f"Part 3, project {p.number}, {part_en}"


def check_plan(plan: Plan) -> list[Finding]:
    """Every inconsistency of ``plan``, in the order of the text."""
    return [
        *_totals(plan),
        *_gaps(plan),
        *_rows_and_projects(plan),
        *_cells(plan),
        *_budgets(plan),
        *_projects(plan),
        *_placeholders(plan),
    ]


def _year_finding(t: YearTotal, th: str, en: str) -> Finding | None:
    if t.status == "differs":
        return Finding(
            "total_differs",
            f"{th} ปี {t.year}",
            f"{en}, {t.year}",
            f"ยอดรวมที่พิมพ์ {t.printed.printed if t.printed else ''} ไม่เท่ากับผลรวมของแถว "
            f"{t.computed:,} (ต่างกัน {t.difference:,})",
            f"the printed total {t.printed.printed if t.printed else ''} is not the sum of "
            f"the rows, {t.computed:,} (a difference of {t.difference:,})",
        )
    if t.status == "rows_unreadable":
        return Finding(
            "total_unreadable_rows",
            f"{th} ปี {t.year}",
            f"{en}, {t.year}",
            f"ผลรวมของแถวที่อ่านได้ {t.computed:,} ต่างจากยอดรวมที่พิมพ์ {t.difference:,} "
            f"ซึ่งต้องอยู่ในช่องที่อ่านไม่ได้ {t.unreadable} ช่อง",
            f"the readable rows sum to {t.computed:,}; the {t.unreadable} unreadable cell(s) "
            f"would have to hold {t.difference:,} to reach the printed total",
        )
    return None


def _totals(plan: Plan) -> Iterator[Finding]:
    table = budget_table(plan)
    for d in table.dimensions:
        th, en = (
            f"ส่วนที่ ๒ มิติที่ {d.dimension.number} รวม",
            f"Part 2, dimension {d.dimension.number} total",
        )
        if d.dimension.printed_total is None:
            yield Finding(
                "total_missing",
                th,
                en,
                "ไม่มีแถวรวมของมิตินี้ในเอกสาร",
                "the text has no total row for this dimension",
            )
            continue
        for t in d.totals:
            found = _year_finding(t, th, en)
            if found is not None:
                yield found
        if d.printed_projects is not None and d.printed_projects != d.counted_projects:
            yield Finding(
                "count_differs",
                th,
                en,
                f"พิมพ์ว่า {d.printed_projects} โครงการ แต่มีแถวโครงการ {d.counted_projects} แถว",
                f"prints {d.printed_projects} projects, but the dimension has "
                f"{d.counted_projects} project rows",
            )
    yield from _grand(plan)


def _grand(plan: Plan) -> Iterator[Finding]:
    table = budget_table(plan)
    th, en = "ส่วนที่ ๒ รวมทั้งสิ้น", "Part 2, grand total"
    for t in table.grand:
        found = _year_finding(t, th, en)
        if found is not None:
            yield found
    printed_dims = [
        d.dimension.printed_total.projects
        for d in table.dimensions
        if d.dimension.printed_total is not None and d.dimension.printed_total.projects is not None
    ]
    grand = plan.grand_total
    if grand is not None and grand.projects is not None:
        if len(printed_dims) == len(table.dimensions) and sum(printed_dims) != grand.projects:
            yield Finding(
                "count_differs",
                th,
                en,
                f"ผลรวมจำนวนโครงการของแต่ละมิติ {sum(printed_dims)} ไม่เท่ากับ {grand.projects}",
                f"the dimensions' project counts add up to {sum(printed_dims)}, not "
                f"{grand.projects}",
            )
        if grand.projects != len(plan.projects):
            yield Finding(
                "count_differs",
                th,
                en,
                f"พิมพ์ว่ามี {grand.projects} โครงการ แต่ส่วนที่ ๓ มี {len(plan.projects)} โครงการ",
                f"prints {grand.projects} projects, but Part 3 has {len(plan.projects)}",
            )


def _gaps(plan: Plan) -> Iterator[Finding]:
    for gap in plan.gaps:
        row = plan.rows[gap.after_row] if 0 <= gap.after_row < len(plan.rows) else None
        th, en = _row_where(row) if row else ("ส่วนที่ ๒", "Part 2")
        yield Finding(
            "text_missing",
            f"หลัง{th}",
            f"after {en}",
            "เอกสารขาดหายไปในส่วนนี้ (ดูข้อความภาษาอังกฤษ)",
            gap.what_en,
        )


def _rows_and_projects(plan: Plan) -> Iterator[Finding]:
    for row in plan.rows:
        th, en = _row_where(row)
        if row.project is None:
            yield Finding(
                "row_without_project",
                th,
                en,
                f"แถว '{row.name_th}' ไม่ตรงกับโครงการใดในส่วนที่ ๓",
                f"the row '{row.name_th}' is no project of Part 3",
            )
        elif row.match == "probable":
            yield Finding(
                "row_uncertain",
                th,
                en,
                f"แถวนี้น่าจะเป็นโครงการลำดับที่ {row.project} แต่ชื่อไม่ครบหรือไม่ตรงกัน",
                f"the row is probably project {row.project}, but its name is cut off or differs",
                row.project,
            )
    numbers = [r.project for r in plan.rows if r.project is not None]
    for p in plan.projects:
        th, en = _project_where(p, "", "")
        if plan.rows and p.number not in numbers:
            yield Finding(
                "project_without_row",
                th.strip(),
                en.rstrip(", "),
                "ไม่มีแถวของโครงการนี้ในตารางส่วนที่ ๒",
                "the project has no row in the Part 2 table",
                p.number,
            )
        if numbers.count(p.number) > 1:
            yield Finding(
                "project_twice",
                th.strip(),
                en.rstrip(", "),
                f"โครงการนี้มี {numbers.count(p.number)} แถวในส่วนที่ ๒",
                f"the project has {numbers.count(p.number)} rows in Part 2",
                p.number,
            )


def _cells(plan: Plan) -> Iterator[Finding]:
    for row in plan.rows:
        th, en = _row_where(row)
        for year, cell in row.budget.items():
            if cell.kind == "unreadable":
                yield Finding(
                    "cell_unreadable",
                    f"{th} ปี {year}",
                    f"{en}, {year}",
                    f"ช่องงบประมาณพิมพ์เป็น '{cell.printed}' อ่านไม่ได้",
                    f"the budget cell is printed '{cell.printed}': unreadable",
                    row.project,
                )


def _budgets(plan: Plan) -> Iterator[Finding]:
    for p in plan.projects:
        th, en = _project_where(p, "งบประมาณ", "budget")
        for row in plan.rows_of(p.number):
            numbers = {y: c.value for y, c in row.budget.items() if c.kind == "number"}
            amounts = ", ".join(f"{a:,}" for a in numbers.values())
            if p.budget is None and numbers:
                yield Finding(
                    "budget_differs",
                    th,
                    en,
                    f"ส่วนที่ ๓ ไม่ใช้งบประมาณ แต่ส่วนที่ ๒ ระบุ {amounts}",
                    f"Part 3 uses no budget, but Part 2 prints {amounts}",
                    p.number,
                )
            elif p.budget is not None and any(a != p.budget for a in numbers.values()):
                differ = sorted(y for y, a in numbers.items() if a != p.budget)
                yield Finding(
                    "budget_differs",
                    th,
                    en,
                    f"ส่วนที่ ๓ ระบุปีละ {p.budget:,} บาท แต่ส่วนที่ ๒ ต่างไปในปี "
                    f"{', '.join(map(str, differ))}",
                    f"Part 3 gives {p.budget:,} baht a year, but Part 2 differs in "
                    f"{', '.join(map(str, differ))}",
                    p.number,
                )
            elif p.budget and not numbers and row.budget:
                yield Finding(
                    "budget_differs",
                    th,
                    en,
                    f"ส่วนที่ ๓ ระบุ {p.budget:,} บาท แต่ส่วนที่ ๒ ไม่ระบุงบประมาณ",
                    f"Part 3 gives {p.budget:,} baht, but Part 2 prints no budget",
                    p.number,
                )
        years = len(plan.years)
        if p.budget and p.budget_total is not None and years and p.budget * years != p.budget_total:
            yield Finding(
                "budget_total_differs",
                th,
                en,
                f"ปีละ {p.budget:,} บาท {years} ปี เป็น {p.budget * years:,} บาท "
                f"ไม่ใช่ {p.budget_total:,} บาทตามที่ระบุ",
                f"{p.budget:,} baht a year over {years} years is {p.budget * years:,}, not the "
                f"{p.budget_total:,} the text states",
                p.number,
            )


def _projects(plan: Plan) -> Iterator[Finding]:
    recorded = {n for a in plan.amendments for n in a.adds}
    for p in plan.projects:
        for indicator in p.indicators:
            if indicator.target is None:
                th, en = _project_where(p, "ผลผลิต/ผลลัพธ์", f"indicator {indicator.id}")
                yield Finding(
                    "indicator_without_target",
                    th,
                    en,
                    f"ตัวชี้วัด '{indicator.text_th[:60]}' ไม่มีค่าเป้าหมายที่วัดได้",
                    f"the indicator '{indicator.text_th[:60]}' sets no measurable target",
                    p.number,
                )
        if p.target_group_th:
            heads = {
                int(arabic_digits(n).replace(",", ""))
                for n in _HEADS.findall(arabic_digits(p.target_group_th))
            }
            if p.target_count is not None and heads and p.target_count not in heads:
                th, en = _project_where(p, "กลุ่มเป้าหมาย", "target group")
                yield Finding(
                    "target_group_contradicts",
                    th,
                    en,
                    f"กลุ่มเป้าหมายระบุ {_listed(heads)} คน ไม่ใช่ {p.target_count} คน",
                    f"the target group says {_listed(heads)} people, not {p.target_count}",
                    p.number,
                )
            elif len(heads) > 1 and p.target_count is None:
                th, en = _project_where(p, "กลุ่มเป้าหมาย", "target group")
                yield Finding(
                    "target_group_contradicts",
                    th,
                    en,
                    f"กลุ่มเป้าหมายระบุจำนวนคนหลายค่า: {_listed(heads)}",
                    f"the target group gives several head counts: {_listed(heads)}",
                    p.number,
                )
        marked = any(r.remark_th and "เพิ่มเติม" in r.remark_th for r in plan.rows_of(p.number))
        if marked and p.number not in recorded:
            th, en = _project_where(p, "", "")
            yield Finding(
                "addition_unrecorded",
                th.strip(),
                en.rstrip(", "),
                "ส่วนที่ ๒ ระบุว่าเป็นโครงการเพิ่มเติม แต่ไม่มีการบันทึกการแก้ไขแผนพร้อมผู้อนุมัติและวันที่",
                "Part 2 marks the project as added (เพิ่มเติม), but no amendment with its "
                "approval and date is recorded",
                p.number,
            )


def _listed(numbers: set[int]) -> str:
    return ", ".join(map(str, sorted(numbers)))


def _placeholders(plan: Plan) -> Iterator[Finding]:
    for p in plan.projects:
        texts = {
            ("ชื่อโครงการ", "name"): p.name_th,
            ("ผู้รับผิดชอบ", "owner"): p.unit_th,
            ("กลุ่มเป้าหมาย", "target group"): p.target_group_th or "",
            **{("วัตถุประสงค์", f"objective {i}"): t for i, t in enumerate(p.objectives_th, 1)},
            **{("วิธีดำเนินการ", f"step {s.id}"): s.text_th for s in p.steps},
            **{("ตัวชี้วัด", f"indicator {i.id}"): i.text_th for i in p.indicators},
        }
        for (part_th, part_en), text in texts.items():
            match = _PLACEHOLDER.search(text)
            if match is not None:
                th, en = _project_where(p, part_th, part_en)
                yield Finding(
                    "template_unfilled",
                    th,
                    en,
                    f"ข้อความของแบบฟอร์มยังไม่ได้แทนที่: '{match.group(0)}'",
                    f"template text left unfilled: '{match.group(0)}'",
                    p.number,
                )


__all__ = ["Finding", "check_plan"]
