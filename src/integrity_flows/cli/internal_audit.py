"""``integrity-flows internal-audit``: the reports of plan projects 29, 30 and 37.

- ``internal-audit coverage``: the auditees audited and not audited in a fiscal year;
- ``internal-audit recommendations``: the year's audit recommendations, open and closed,
  each with its age in days (``--as-of`` another day than today);
- ``internal-audit control-kpi``: the internal control actions fixed against the 80% target;
- ``internal-audit inspections``: the provincial office's inspections of the year.
"""

from __future__ import annotations

from datetime import date

import click

from integrity_flows.calendars import parse_date
from integrity_flows.cli.common import (
    db_option,
    fail,
    fiscal_year_option,
    flows_option,
    open_engine,
)
from integrity_flows.cli.no_gift import print_figures
from integrity_flows.reports.base import ReportError
from integrity_flows.reports.internal_audit import (
    audit_coverage,
    control_kpi,
    inspection_summary,
    recommendation_status,
)


def _as_of(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise click.BadParameter(
            f"not a date: {text!r} / วันที่ไม่ถูกต้อง: {text!r}", param_hint="--as-of"
        ) from exc


@click.group("internal-audit")
def internal_audit_group() -> None:
    """Internal audit, internal control and provincial inspection (plan projects 29, 30, 37)
    / การตรวจสอบภายใน การควบคุมภายใน และการรับการตรวจสอบ."""


@internal_audit_group.command("coverage")
@db_option
@flows_option
@fiscal_year_option
def coverage_command(db: str, flow_dirs: tuple[str, ...], fiscal_year: int) -> None:
    """The auditees audited in a fiscal year / ความครอบคลุมของการตรวจสอบภายใน."""
    year = fiscal_year
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        try:
            coverage = audit_coverage(engine, year)
        except ReportError as exc:
            fail(exc)
            return
    click.echo(
        f"ความครอบคลุมของการตรวจสอบภายใน ปีงบประมาณ {year} / Internal audit coverage, "
        f"fiscal year B.E. {year} ({coverage.cycle_case_id}, {coverage.cycle_state})"
    )
    for e in coverage.engagements:
        click.echo(
            f"  {e.auditee}  ผู้ตรวจสอบ/auditor: {e.auditor}  "
            f"{e.audit_date or '-'}  [{e.case_id}, {e.state}]"
        )
    print_figures(coverage.figures())


@internal_audit_group.command("recommendations")
@db_option
@flows_option
@fiscal_year_option
@click.option("--as-of", "as_of", default=None, help="Age as of this date / อายุ ณ วันที่")
def recommendations_command(
    db: str, flow_dirs: tuple[str, ...], fiscal_year: int, as_of: str | None
) -> None:
    """The year's recommendations with their age / การติดตามข้อเสนอแนะ."""
    year, day = fiscal_year, _as_of(as_of)
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        try:
            status = recommendation_status(engine, year, as_of=day)
        except ReportError as exc:
            fail(exc)
            return
    click.echo(
        f"ข้อเสนอแนะจากการตรวจสอบภายใน ปีงบประมาณ {year} ณ วันที่ {status.as_of.isoformat()} / "
        f"Audit recommendations, fiscal year B.E. {year}, as of {status.as_of.isoformat()}"
    )
    for e in status.entries:
        due = f"  กำหนด/due: {e.due_date}" if e.due_date else ""
        click.echo(
            f"  {e.reference}  {e.auditee}  {e.age_days} วัน/days  {e.state}{due}  [{e.case_id}]"
        )
    print_figures(status.figures())


@internal_audit_group.command("control-kpi")
@db_option
@flows_option
@fiscal_year_option
def control_kpi_command(db: str, flow_dirs: tuple[str, ...], fiscal_year: int) -> None:
    """Control actions fixed against the 80% target / ผลการแก้ไขตามแผนการปรับปรุง."""
    year = fiscal_year
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        try:
            kpi = control_kpi(engine, year)
        except ReportError as exc:
            fail(exc)
            return
    click.echo(
        f"ผลการแก้ไขตามแผนการปรับปรุงการควบคุมภายใน ปีงบประมาณ {year} / Internal control KPI, "
        f"fiscal year B.E. {year} ({kpi.evaluation_case_id}, {kpi.evaluation_state})"
    )
    print_figures(kpi.figures())


@internal_audit_group.command("inspections")
@db_option
@flows_option
@fiscal_year_option
def inspections_command(db: str, flow_dirs: tuple[str, ...], fiscal_year: int) -> None:
    """The provincial office's inspections of a year / การรับการตรวจสอบจาก สถ.จ."""
    year = fiscal_year
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        summary = inspection_summary(engine, year)
    click.echo(
        f"การรับการตรวจสอบการคลัง การเงิน การบัญชี และการพัสดุ ปีงบประมาณ {year} / "
        f"Provincial inspections, fiscal year B.E. {year}"
    )
    print_figures(summary.figures())
