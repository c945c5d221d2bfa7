"""``integrity-flows plan``: the plan's projects, and the procedure coverage of the flows.

``plan coverage`` prints, for each project of the plan, which written method steps are
implemented by transitions and exercised by scenarios, and which are not; it exits 1
when a flow cites, or a scenario is tagged with, a step the plan does not have.
``plan show N`` prints a project's names, responsible unit and method steps.
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from integrity_flows.cli.common import echo, feature_folder, flow_overrides, flows_option
from integrity_flows.cli.exports import emit_list, list_format_options, need_output
from integrity_flows.cli.plan_data import (
    budget_command,
    check_command,
    monitor_command,
    plan_option,
    read_plan_or_exit,
)
from integrity_flows.definition.model import Label
from integrity_flows.errors import DefinitionError
from integrity_flows.loading.discovery import FlowLibrary, default_registry, load_library
from integrity_flows.plan.catalogue import (
    CoverageReport,
    PlanProject,
    ProjectCoverage,
    RiskCoverage,
    StepCoverage,
    coverage,
)
from integrity_flows.plan.model import KIND_LABELS

YES, NO = "✓", "✗"
_WIDTH = 72


@click.group("plan")
def plan_group() -> None:
    """The integrity plan and its procedure coverage / แผนปฏิบัติการและความครอบคลุมของขั้นตอน."""


def _library(flow_dirs: tuple[str, ...]) -> FlowLibrary:
    try:
        return load_library(flow_dirs, registry=default_registry(), **flow_overrides())
    except DefinitionError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise SystemExit(1) from exc


def _project_or_exit(number: int, plan_source: str | None = None) -> PlanProject:
    plan = read_plan_or_exit(plan_source)
    project = plan.project(number)
    if project is None:
        click.echo(
            f"ไม่มีโครงการที่ {number} ในแผน (มีโครงการที่ 1-{len(plan.projects)}) / "
            f"the plan has no project {number} (it has 1-{len(plan.projects)})",
            err=True,
        )
        raise SystemExit(1)
    return project


def _clip(text: str, width: int = _WIDTH) -> str:
    first = text.split("\n", 1)[0]
    clipped = first if len(first) <= width else first[: width - 1] + "…"
    return clipped + (" …" if "\n" in text and clipped == first else "")


def _mark(done: bool) -> str:
    return YES if done else NO


@plan_group.command("coverage")
@click.option(
    "--features",
    "features",
    type=click.Path(file_okay=True, dir_okay=True),
    default=None,
    help="Folder of .feature files (default: ./features when present) / โฟลเดอร์ไฟล์เหตุการณ์ทดสอบ",
)
@flows_option
@plan_option
@click.option(
    "--project", "project_number", type=int, default=None, help="Only this project / เฉพาะโครงการนี้"
)
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Every project of the plan, not only those with a flow or scenario / ทุกโครงการในแผน",
)
@list_format_options
def coverage_command(
    features: str | None,
    flow_dirs: tuple[str, ...],
    plan_source: str | None,
    project_number: int | None,
    show_all: bool,
    fmt: str,
    output: str | None,
) -> None:
    """Which plan steps are implemented and exercised / ความครอบคลุมของขั้นตอนตามแผน.

    A step is implemented when a transition (or a flow's start) cites it, e.g.
    cites: "13/5.1", and exercised when a scenario is tagged with it, e.g. @plan-13-5.1.
    The latest version of each loaded flow is counted. Exits 1 when a cite or tag names
    a project, step or risk row the plan does not have, or a feature file does not parse.
    """
    need_output(fmt, output)
    plan = read_plan_or_exit(plan_source)
    if project_number is not None:
        _project_or_exit(project_number, plan_source)
    feature_dir = feature_folder(features)
    library = _library(flow_dirs)
    cited = [(r.source, f"report {r.id}", r.cites) for r in library.reports]
    measured = [
        (r.source, f"report {r.id}.{f.id}", f.measures)
        for r in library.reports
        for f in r.figures
        if f.measures
    ]
    report = coverage(plan, library.latest(), feature_dir, cited, measured)
    if project_number is not None:
        shown = tuple(p for p in report.projects if p.project.number == project_number)
    elif show_all:
        shown = report.projects
    else:
        shown = report.touched
    if fmt != "text":
        _emit_coverage(fmt, shown, output)
        _exit_on_problems(report.problems)
        return
    click.echo(
        f"{YES}/{NO} ดำเนินการ = มีการดำเนินการ (transition) อ้างถึง / "
        "implemented = cited by a transition"
    )
    click.echo(
        f"{YES}/{NO} ทดสอบ = มีเหตุการณ์ (scenario) ติดป้ายกำกับ / exercised = tagged on a scenario"
    )
    click.echo(
        f"เหตุการณ์ทดสอบจาก / scenarios from: {feature_dir or '-'}"
        f"  ({report.scenario_count} เหตุการณ์ / scenario(s))"
    )
    if not shown:
        click.echo("")
        click.echo(
            "ยังไม่มีขั้นตอนงานหรือเหตุการณ์ใดอ้างถึงแผน / no flow or scenario cites the "
            "plan yet (use --all to list every project)"
        )
    for project in shown:
        click.echo("")
        click.echo("\n".join(_project_lines(project)))
    if project_number is None:
        click.echo("")
        click.echo("\n".join(_risk_lines(report.risks)))
    click.echo("")
    click.echo(_summary(report, len(shown)))
    _exit_on_problems(report.problems)


def _exit_on_problems(problems: Sequence[object]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        click.echo(f"พบปัญหา {len(problems)} จุด / {len(problems)} problem(s) found", err=True)
        raise SystemExit(1)


_COVERAGE_COLUMNS = (
    ("project", Label("โครงการที่", "project")),
    ("step", Label("ขั้นตอน", "step")),
    ("text_th", Label("ขั้นตอนตามแผน", "plan step")),
    ("implemented", Label("ดำเนินการ", "implemented")),
    ("exercised", Label("ทดสอบ", "exercised")),
    ("transitions", Label("การดำเนินการที่อ้างถึง", "transitions")),
    ("scenarios", Label("เหตุการณ์ทดสอบ", "scenarios")),
)


def _emit_coverage(fmt: str, shown: Sequence[ProjectCoverage], output: str | None) -> None:
    """One row per plan step of the projects shown."""
    rows = [
        (pc.project.number, s.cite, s.step.text_th, s.implemented, s.exercised,
         "; ".join(str(t) for t in s.transitions), "; ".join(str(r) for r in s.scenarios))
        for pc in shown
        for s in pc.steps
    ]  # fmt: skip
    emit_list(fmt, "coverage", _COVERAGE_COLUMNS, rows, output=output)


def _project_lines(pc: ProjectCoverage) -> list[str]:
    p = pc.project
    lines = [
        f"โครงการที่ {p.number} / project {p.number}: {p.name_th}",
        f"    {p.name_en}",
        f"    ผู้รับผิดชอบ / responsible: {p.unit_th}",
        f"    ขั้นตอนงาน / flows: {', '.join(pc.flows) or '-'}",
        f"    ขั้นตอนตามแผน / plan steps {len(p.steps)}: ดำเนินการ / implemented {pc.implemented}, "
        f"ทดสอบ / exercised {pc.exercised}",
    ]
    for step in pc.steps:
        lines.extend(_step_lines(step))
    lines.extend(f"    ทั้งโครงการ / whole project ▸ {ref}" for ref in pc.scenarios)
    return lines


def _step_lines(s: StepCoverage) -> list[str]:
    printed = f" (พิมพ์ว่า / printed {s.step.printed})" if s.step.printed else ""
    lines = [
        f"  {s.cite:<8} ดำเนินการ {_mark(s.implemented)}  ทดสอบ {_mark(s.exercised)}  "
        f"{_clip(s.step.text_th)}{printed}"
    ]
    lines.extend(f"{'':<12}ดำเนินการ / transition → {ref}" for ref in s.transitions)
    lines.extend(f"{'':<12}เหตุการณ์ / scenario ▸ {ref}" for ref in s.scenarios)
    return lines


def _risk_lines(risks: tuple[RiskCoverage, ...]) -> list[str]:
    lines = ["ตารางความเสี่ยง / risk table (การประเมินความเสี่ยงในองค์กร):"]
    for r in risks:
        marks = f"ดำเนินการ {_mark(r.implemented)}  ทดสอบ {_mark(r.exercised)}"
        lines.append(f"  {r.row.id:<8} {marks}  {r.row.step_th} — {r.row.level_th}")
        lines.extend(f"{'':<12}ดำเนินการ / transition → {ref}" for ref in r.transitions)
        if not r.transitions:
            lines.append(f"{'':<12}ดำเนินการ / transition → {NO_FLOW_FOR_RISK}")
        lines.extend(f"{'':<12}เหตุการณ์ / scenario ▸ {ref}" for ref in r.scenarios)
    return lines


#: What the coverage says of a risk row no transition cites: no flow carries out its controls.
NO_FLOW_FOR_RISK = (
    "ไม่มีขั้นตอนงานใดดำเนินการตามมาตรการควบคุมของความเสี่ยงนี้ / no flow carries out this row's controls"
)


def _summary(report: CoverageReport, shown: int) -> str:
    steps = report.step_count
    risks = len(report.risks)
    risk_impl = sum(r.implemented for r in report.risks)
    risk_ex = sum(r.exercised for r in report.risks)
    touched = len(report.touched)
    return (
        f"สรุป: โครงการ {len(report.projects)} (มีขั้นตอนงานหรือเหตุการณ์ {touched}, แสดง {shown}), "
        f"ขั้นตอน {steps}: ดำเนินการ {report.implemented}, ทดสอบ {report.exercised}; "
        f"ความเสี่ยง {risks}: ดำเนินการ {risk_impl}, ทดสอบ {risk_ex}; "
        f"ปัญหา {len(report.problems)}\n"
        f"summary: {len(report.projects)} projects ({touched} with a flow or scenario, "
        f"{shown} shown), {steps} steps: {report.implemented} implemented, "
        f"{report.exercised} exercised; {risks} risk rows: {risk_impl} implemented, "
        f"{risk_ex} exercised; {len(report.problems)} problem(s)"
    )


@plan_group.command("show")
@click.argument("number", type=int)
@plan_option
def show_command(number: int, plan_source: str | None) -> None:
    """Show a project of Part 3: names, kind, objectives, target group, budget, owner,
    method steps and indicators, with its Part 2 rows / แสดงรายละเอียดโครงการ."""
    plan = read_plan_or_exit(plan_source)
    p = _project_or_exit(number, plan_source)
    kind = KIND_LABELS[p.kind] if p.kind else None
    shown_kind = f" ({kind.th} / {kind.en})" if kind else ""
    added = f"  [เพิ่มเติมในฉบับที่/added in version {p.added_in}]" if p.added_in else ""
    echo(f"โครงการที่ {p.number} / project {p.number}{shown_kind}{added}")
    echo(f"ชื่อ / name: {p.name_th}")
    echo(f"             {p.name_en}")
    echo(f"ผู้รับผิดชอบ / responsible unit: {p.unit_th}")
    for i, objective in enumerate(p.objectives_th, 1):
        echo(f"วัตถุประสงค์ / objective {i}: {objective}")
    if p.target_group_th:
        count = f" ({p.target_count} คน/people)" if p.target_count is not None else ""
        echo(f"กลุ่มเป้าหมาย / target group: {p.target_group_th}{count}")
    if p.budget_th:
        read = f"{p.budget:,} บาทต่อปี/baht a year" if p.budget is not None else "ไม่ใช้/none"
        echo(f"งบประมาณ / budget: {p.budget_th} ({read})")
    for row in plan.rows_of(p.number):
        cells = "  ".join(f"{y}: {c.printed or '(ว่าง/blank)'}" for y, c in row.budget.items())
        echo(f"ส่วนที่ ๒ / Part 2: มิติ/dimension {row.dimension} {row.mission} {row.label}  {cells}")
    echo("วิธีดำเนินการ / method steps:")
    if not p.steps:
        echo("  -")
    for step in p.steps:
        printed = f"  (พิมพ์ว่า / printed {step.printed})" if step.printed else ""
        first, *rest = step.text_th.split("\n")
        echo(f"  {p.cite(step):<8} {first}{printed}")
        for line in rest:
            echo(f"  {'':<8}   {line}")
    for indicator in p.indicators:
        target = indicator.target
        says = f"  → {target.words('th')} / {target.words('en')}" if target else ""
        echo(f"ตัวชี้วัด / indicator {indicator.id}: {indicator.text_th}{says}")


plan_group.add_command(budget_command)
plan_group.add_command(check_command)
plan_group.add_command(monitor_command)
