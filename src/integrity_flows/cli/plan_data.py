"""``integrity-flows plan budget`` and ``plan check``: the plan file itself.

- ``plan budget``: Part 2 reproduced, per dimension and mission, per project row, per
  fiscal year, with the totals printed in the plan beside the totals computed from the
  rows, and the difference wherever they disagree;
- ``plan check``: the plan's own inconsistencies, each with the project and the place in
  the text; exit status 1 when it finds any.

Both read the bundled plan, or the one ``--plan`` names (a file, or a plan an installed
package publishes); ``--format text|json|csv``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any, TextIO

import click

from integrity_flows.calendars import english_date, thai_date
from integrity_flows.cli.common import (
    F,
    db_option,
    echo,
    fail,
    fiscal_year_option,
    flows_option,
    open_engine,
    output_option,
    shown,
)
from integrity_flows.errors import FlowError
from integrity_flows.monitoring import (
    Monitoring,
    as_dict,
    money_words,
    monitor,
    page,
    result_words,
    say,
    target_words,
)
from integrity_flows.plan.budget import BudgetTable, YearTotal, budget_table
from integrity_flows.plan.catalogue import open_plan
from integrity_flows.plan.checks import check_plan
from integrity_flows.plan.model import BudgetCell, Plan

BOM = "\ufeff"


def plan_option(func: F) -> F:
    """``--plan FILE|NAME``: the plan to read (the bundled one by default)."""
    return click.option(
        "--plan",
        "plan_source",
        default=None,
        help="A plan file, or the name of a plan an installed package publishes (default: the "
        "bundled plan) / ไฟล์แผน",
    )(func)


def read_plan_or_exit(source: str | None) -> Plan:
    """The plan ``--plan`` names, or a clear refusal listing every problem."""
    try:
        return open_plan(source)
    except FlowError as exc:
        fail(exc)
        raise  # pragma: no cover - fail exits


def _format_option(*choices: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help="The form of the output / รูปแบบผลลัพธ์",
    )


def _cell(cell: BudgetCell | None) -> str:
    if cell is None:
        return ""
    return {"blank": "(ว่าง/blank)", "unreadable": f"{cell.printed} (อ่านไม่ได้/unreadable)"}.get(
        cell.kind, cell.printed
    )


def _computed(t: YearTotal) -> str:
    more = f" (+{t.unreadable} อ่านไม่ได้/unreadable)" if t.unreadable else ""
    return f"{t.computed:,}{more}"


def _difference(t: YearTotal) -> str:
    if t.difference is None:
        return "-"
    mark = {"agrees": "", "differs": " ✗", "rows_unreadable": " ?"}.get(t.status, "")
    return f"{t.difference:,}{mark}"


def _budget_text(table: BudgetTable) -> str:
    plan = table.plan
    lines = [
        f"{plan.title_th}",
        f"{plan.title_en}",
        f"ส่วนที่ ๒ งบประมาณ (บาท) แผนฉบับที่ {plan.version} / Part 2, budget (baht), plan "
        f"version {plan.version}",
        "",
    ]

    def totals(name: str, rows: tuple[YearTotal, ...]) -> None:
        lines.append(f"  {name}")
        for t in rows:
            lines.append(
                f"    {t.year}: พิมพ์/printed {_cell(t.printed) or '-'}  |  รวมจากแถว/rows "
                f"{_computed(t)}  |  ผลต่าง/difference {_difference(t)}"
            )

    for d in table.dimensions:
        n, name = d.dimension.number, d.dimension.name
        lines.append(f"มิติที่ {n} {name.th} / Dimension {n} {name.en}")
        for row in d.rows:
            project = (
                f" [โครงการที่/project {row.project}]"
                if row.project
                else " [ไม่พบในส่วนที่ ๓/no Part 3 project]"
            )
            lines.append(f"  {row.mission} {row.label} {row.name_th}{project}")
            cells = "  ".join(f"{y}: {_cell(row.budget.get(y)) or '-'}" for y in plan.years)
            lines.append(f"      {cells}")
        count = d.printed_projects if d.printed_projects is not None else "-"
        totals(
            f"รวมมิติที่ {n}: พิมพ์ {count} โครงการ มีแถว {d.counted_projects} แถว / "
            f"dimension {n} total: printed {count} projects, {d.counted_projects} rows",
            d.totals if d.dimension.printed_total is not None else (),
        )
        if d.dimension.printed_total is None:
            lines.append("    ไม่มีแถวรวมในเอกสาร / no total row in the text")
        lines.append("")
    count = table.printed_projects if table.printed_projects is not None else "-"
    totals(
        f"รวมทั้งสิ้น: พิมพ์ {count} โครงการ มีแถว {table.counted_projects} แถว / grand total: printed "
        f"{count} projects, {table.counted_projects} rows",
        table.grand,
    )
    for gap in plan.gaps:
        lines.append(f"  เอกสารขาดหาย/text missing after row {gap.after_row + 1}: {gap.what_en}")
    return "\n".join(lines) + "\n"


def _total_json(t: YearTotal) -> dict[str, Any]:
    return {
        "year": t.year,
        "printed": t.printed.printed if t.printed is not None else None,
        "printed_kind": t.printed.kind if t.printed is not None else None,
        "computed": t.computed,
        "unreadable_rows": t.unreadable,
        "difference": t.difference,
        "status": t.status,
    }


def _budget_json(table: BudgetTable) -> dict[str, Any]:
    return {
        "plan": {
            "title_th": table.plan.title_th,
            "title_en": table.plan.title_en,
            "version": table.plan.version,
        },
        "years": list(table.plan.years),
        "dimensions": [
            {
                "number": d.dimension.number,
                "name_th": d.dimension.name_th,
                "name_en": d.dimension.name_en,
                "printed_projects": d.printed_projects,
                "rows_counted": d.counted_projects,
                "rows": [
                    {
                        "row": r.index + 1,
                        "mission": r.mission,
                        "label": r.label,
                        "name_th": r.name_th,
                        "project": r.project,
                        "budget": {
                            str(y): {"printed": c.printed, "kind": c.kind, "amount": c.amount}
                            for y, c in r.budget.items()
                        },
                    }
                    for r in d.rows
                ],
                "totals": [_total_json(t) for t in d.totals]
                if d.dimension.printed_total is not None
                else None,
            }
            for d in table.dimensions
        ],
        "grand_total": {
            "printed_projects": table.printed_projects,
            "rows_counted": table.counted_projects,
            "totals": [_total_json(t) for t in table.grand],
        },
        "gaps": [{"after_row": g.after_row + 1, "what_en": g.what_en} for g in table.plan.gaps],
    }


def _budget_csv(table: BudgetTable) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    years = list(table.plan.years)
    writer.writerow(
        ["มิติ/dimension", "ภารกิจ/mission", "ลำดับ/label", "โครงการที่/project", "ชื่อ/name", *years]
    )
    for d in table.dimensions:
        for r in d.rows:
            writer.writerow(
                [d.dimension.number, r.mission, r.label, r.project or "", r.name_th]
                + [r.budget[y].printed if y in r.budget else "" for y in years]
            )
        if d.dimension.printed_total is not None:
            _csv_totals(writer, str(d.dimension.number), d.totals)
    _csv_totals(writer, "รวมทั้งสิ้น/all", table.grand)
    return BOM + out.getvalue()


def _csv_totals(writer: Any, which: str, totals: tuple[YearTotal, ...]) -> None:
    writer.writerow(
        [
            which,
            "",
            "",
            "",
            "รวมตามที่พิมพ์/printed total",
            *(t.printed.printed if t.printed else "" for t in totals),
        ]
    )
    writer.writerow([which, "", "", "", "รวมจากแถว/sum of rows", *(t.computed for t in totals)])
    writer.writerow(
        [
            which,
            "",
            "",
            "",
            "ผลต่าง/difference",
            *("" if t.difference is None else t.difference for t in totals),
        ]
    )


@click.command("budget")
@plan_option
@_format_option("text", "json", "csv")
def budget_command(plan_source: str | None, fmt: str) -> None:
    """Part 2: budgets per dimension, project and year, printed and computed totals
    / งบประมาณตามส่วนที่ ๒."""
    table = budget_table(read_plan_or_exit(plan_source))
    if fmt == "json":
        click.echo(json.dumps(_budget_json(table), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(_budget_csv(table), nl=False)
    else:
        text = _budget_text(table)
        click.echo("".join(f"{shown(line)}\n" for line in text.splitlines()), nl=False)


@click.command("check")
@plan_option
@_format_option("text", "json")
def check_command(plan_source: str | None, fmt: str) -> None:
    """The plan's own inconsistencies; exit 1 when any / ตรวจความสอดคล้องของแผน."""
    plan = read_plan_or_exit(plan_source)
    findings = check_plan(plan)
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "plan": plan.title_th,
                    "version": plan.version,
                    "findings": [f.as_dict() for f in findings],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for f in findings:
            echo(f"{f.where_th}: {f.message_th}")
            echo(f"  {f.where_en}: {f.message_en}")
        version = f" (แผนฉบับที่ {plan.version} / plan version {plan.version})"
        echo(
            f"พบ {len(findings)} จุด / {len(findings)} finding(s){version}"
            if findings
            else f"แผนสอดคล้องกัน / the plan is consistent{version}"
        )
    if findings:
        raise SystemExit(1)


def _monitor_text(m: Monitoring, lang: str) -> str:
    title = say("report_first" if m.half == "first" else "report_year", lang)
    day = thai_date if lang == "th" else english_date
    lines = [
        title,
        m.plan.title_th if lang == "th" else m.plan.title_en,
        f"{say('fiscal_year', lang)} {m.fiscal_year}  {say('period', lang)} {day(m.first_day)} - "
        f"{day(m.last_day)}  {say('version', lang)} {m.version}",
        f"{say('ran', lang)}: {m.ran}/{len(m.projects)}",
        "",
    ]
    for p in m.projects:
        name = p.project.name_th if lang == "th" else p.project.name_en
        lines.append(f"{p.project.number}. {name}")
        lines.append(
            f"   {say('done' if p.ran else 'not_done', lang)}; {say('steps', lang)} "
            f"{len(p.steps_done)}/{len(p.project.steps)}"
            + (f" ({', '.join(p.steps_done)})" if p.steps_done else "")
        )
        for r in p.indicators:
            lines.append(
                f"   {say('indicator', lang)} {r.indicator.id}: {target_words(r, lang)} -> "
                f"{result_words(r, lang)}"
            )
        money = p.money
        lines.append(
            f"   {say('budget', lang)}: {say('planned', lang)} "
            f"{money_words(money.planned, money.planned_cell, lang)}, {say('approved', lang)} "
            f"{money_words(money.approved, None, lang)}, {say('committed', lang)} "
            f"{money_words(money.committed, None, lang)}, {say('disbursed', lang)} "
            f"{money_words(money.disbursed, None, lang)}"
        )
        if p.evidence:
            lines.append(f"   {say('evidence', lang)}: {', '.join(p.evidence_words())}")
    return "\n".join(lines) + "\n"


def _monitor_csv(m: Monitoring, lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "#",
            say("project", lang),
            say("ran", lang),
            say("steps", lang),
            say("indicator", lang),
            say("target", lang),
            say("result", lang),
            say("planned", lang),
            say("approved", lang),
            say("committed", lang),
            say("disbursed", lang),
            say("evidence", lang),
        ]
    )
    for p in m.projects:
        money = p.money
        base = [
            p.project.number,
            p.project.name_th if lang == "th" else p.project.name_en,
            say("done" if p.ran else "not_done", lang),
            " ".join(p.steps_done),
        ]
        tail = [
            money_words(money.planned, money.planned_cell, lang),
            money_words(money.approved, None, lang),
            money_words(money.committed, None, lang),
            money_words(money.disbursed, None, lang),
            " ".join(p.evidence_words()),
        ]
        for r in p.indicators or (None,):
            if r is None:
                writer.writerow([*base, "", "", "", *tail])
            else:
                writer.writerow(
                    [
                        *base,
                        r.indicator.text_th,
                        target_words(r, lang),
                        result_words(r, lang),
                        *tail,
                    ]
                )
    return BOM + out.getvalue()


@click.command("monitor")
@db_option
@flows_option
@plan_option
@fiscal_year_option
@click.option(
    "--half",
    type=click.Choice(["first", "year"]),
    default="year",
    show_default=True,
    help="first: the six-month report (1 October - 31 March); year: the yearly report "
    "/ รอบ ๖ เดือน หรือทั้งปี",
)
@_format_option("text", "json", "csv", "html")
@click.option(
    "--lang",
    type=click.Choice(["th", "en"]),
    default="th",
    show_default=True,
    help="Language of the report / ภาษาของรายงาน",
)
@output_option
def monitor_command(
    db: str,
    flow_dirs: tuple[str, ...],
    plan_source: str | None,
    fiscal_year: int,
    half: str,
    fmt: str,
    lang: str,
    output: TextIO,
) -> None:
    """The plan's monitoring report of a fiscal year: what ran, the steps done, each
    indicator against its target, the budget and the evidence / รายงานการติดตามผลตามแผน."""
    plan = read_plan_or_exit(plan_source)
    with open_engine(db, flow_dirs, read_only=True) as engine:
        try:
            report = monitor(engine, plan, fiscal_year, "first" if half == "first" else "year")
        except FlowError as exc:
            fail(exc)
            return
    if fmt == "json":
        output.write(json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        output.write(_monitor_csv(report, lang))
    elif fmt == "html":
        output.write(page(report, lang))
    else:
        output.write(_monitor_text(report, lang))


__all__ = [
    "budget_command",
    "check_command",
    "monitor_command",
    "plan_option",
    "read_plan_or_exit",
]
