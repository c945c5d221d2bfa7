"""``integrity-flows salary-step``: the salary-step reports of plan projects 16 and 17.

- ``salary-step report ROUND``: one round: the committees as appointed, each evaluation
  with its screening and final outcome and the resolutions it rests on (who voted yes, no
  or abstained, who was recused and why), the recusals, and the staff satisfaction survey
  against the plan's target;
- ``salary-step summary``: the figures of a fiscal year's rounds, as text or ``--json``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import click

from integrity_flows.cli.common import (
    db_option,
    fail,
    fiscal_year_option,
    flows_option,
    open_engine,
    when,
)
from integrity_flows.cli.no_gift import print_figures
from integrity_flows.definition.model import Label
from integrity_flows.errors import FlowError
from integrity_flows.reports.base import Figure, render_value
from integrity_flows.reports.salary_step import (
    APPEAL_LABELS,
    COMMITTEES,
    LEVEL_LABELS,
    PERIOD_LABELS,
    SCREENING_LABELS,
    STEP_LABELS,
    EvaluationEntry,
    Resolution,
    RoundReport,
    round_report,
    salary_step_year,
)

_RESULTS = {"carried": Label("ผ่าน", "carried"), "rejected": Label("ไม่ผ่าน", "rejected")}


def _label(labels: Mapping[str, Label], key: str | None) -> str:
    found = labels.get(key) if key else None
    return f"{found.th} / {found.en}" if found else (key or "-")


def _names(people: Sequence[str]) -> str:
    return ", ".join(people) or "-"


def resolution_line(resolution: Resolution) -> str:
    """A resolution in words: the motion, the result, who voted how, who was recused."""
    about = f" ({resolution.subject})" if resolution.subject else ""
    result = _RESULTS.get(resolution.result, Label(resolution.result, resolution.result))
    recused = ", ".join(
        f"{r.member} ({'เรื่องของตนเอง/own matter' if r.why == 'own' else r.relation or '-'})"
        for r in resolution.recused
    )
    return (
        f"{when(resolution.at)} ประชุมครั้งที่/meeting {resolution.meeting} "
        f"{resolution.motion_label.th}{about}: {result.th}/{result.en}; "
        f"เห็นชอบ/yes: {_names(resolution.yes)}; ไม่เห็นชอบ/no: {_names(resolution.no)}; "
        f"งดออกเสียง/abstain: {_names(resolution.abstain)}; "
        f"งดเว้นการพิจารณา/recused: {recused or '-'}; "
        f"ผู้มีสิทธิ์ออกเสียงในที่ประชุม/eligible present {resolution.eligible}, "
        f"องค์ประชุม/quorum {resolution.quorum}; โดย/by {resolution.by}"
    )


def _evaluation_lines(entry: EvaluationEntry) -> list[str]:
    citizen = (
        f"  ความพึงพอใจของประชาชน/citizen satisfaction: {render_value(entry.citizen_satisfaction)}%"
        f" ({entry.citizen_survey or '-'})"
        if entry.serves_public
        else ""
    )
    sent_back = f" ส่งกลับ/sent back {entry.times_sent_back}" if entry.times_sent_back else ""
    appeal = f"  อุทธรณ์/appeal: {_label(APPEAL_LABELS, entry.appeal)}" if entry.appeal else ""
    lines = [
        f"  {entry.employee} (ผู้ประเมิน/supervisor {entry.supervisor}) "
        f"คะแนน/score {render_value(entry.score)} ระดับ/level {_label(LEVEL_LABELS, entry.level)} "
        f"เสนอ/proposed: {_label(STEP_LABELS, entry.proposed_step)}{citizen}",
        f"      กลั่นกรอง/screening: {_label(SCREENING_LABELS, entry.screening)}{sent_back}"
        f"  ผลการเลื่อนขั้น/final step: {_label(STEP_LABELS, entry.final_step)}{appeal}"
        f"  [{entry.case_id}, {entry.state}]",
    ]
    for resolution in (*entry.screening_resolutions, *entry.salary_resolutions):
        committee = COMMITTEES[resolution.committee]
        lines.append(f"      {committee.th}: {resolution_line(resolution)}")
    return lines


def print_round(report: RoundReport) -> None:
    """The round, its committees, evaluations, round-level resolutions and figures."""
    period = PERIOD_LABELS.get(report.period, Label(report.period, report.period))
    click.echo(
        f"รอบการพิจารณาเลื่อนขั้นเงินเดือน ปีงบประมาณ {report.fiscal_year} {period.th} / "
        f"Salary-step round, fiscal year B.E. {report.fiscal_year}, {period.en} "
        f"({report.case_id}, {report.state})"
    )
    for seat in report.appointments:
        committee = COMMITTEES[seat.committee]
        click.echo(
            f"  {committee.th} / {committee.en}: คำสั่ง/order {seat.order or '-'}; "
            f"ประธาน/chair {seat.chair or '-'}; กรรมการ/members {_names(seat.members)}; "
            f"เลขานุการ/secretary {seat.secretary or '-'}"
        )
    click.echo(f"ผู้รับการประเมิน / evaluations: {len(report.evaluations)}")
    for entry in report.evaluations:
        for line in _evaluation_lines(entry):
            click.echo(line)
    whole = [r for r in report.resolutions if not r.subject]
    if whole:
        click.echo("มติของรอบ / resolutions on the round:")
        for resolution in whole:
            click.echo(f"  {COMMITTEES[resolution.committee].th}: {resolution_line(resolution)}")
    print_figures([f for f in report.figures() if f.key not in ("round", "fiscal_year")])


def _figures_json(figures: Sequence[Figure]) -> dict[str, object]:
    def plain(value: object) -> object:
        if isinstance(value, tuple):
            return list(value)
        return value if isinstance(value, int | bool | str) or value is None else str(value)

    return {f.key: plain(f.value) for f in figures}


@click.group("salary-step")
def salary_step_group() -> None:
    """Salary-step rounds (plan projects 16, 17) / การพิจารณาเลื่อนขั้นเงินเดือน."""


@salary_step_group.command("report")
@db_option
@flows_option
@click.argument("round_id")
def report_command(db: str, flow_dirs: tuple[str, ...], round_id: str) -> None:
    """One round: evaluations, resolutions, recusals, survey / รายงานรอบการพิจารณา."""
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        try:
            report = round_report(engine, round_id)
        except FlowError as exc:
            fail(exc)
            return
    print_round(report)


@salary_step_group.command("summary")
@db_option
@flows_option
@fiscal_year_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON / แสดงผลเป็น JSON")
def summary_command(db: str, flow_dirs: tuple[str, ...], fiscal_year: int, as_json: bool) -> None:
    """The figures of a fiscal year's rounds / ผลการพิจารณาเลื่อนขั้นเงินเดือนประจำปี."""
    number = fiscal_year
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        try:
            year = salary_step_year(engine, number)
        except FlowError as exc:
            fail(exc)
            return
    if as_json:
        click.echo(json.dumps(_figures_json(year.figures()), ensure_ascii=False, indent=2))
        return
    click.echo(
        f"ผลการพิจารณาเลื่อนขั้นเงินเดือน ปีงบประมาณ {year.fiscal_year} / Salary-step rounds, "
        f"fiscal year B.E. {year.fiscal_year}: "
        + (", ".join(f"{r.case_id} ({r.state})" for r in year.rounds))
    )
    print_figures(year.figures())
