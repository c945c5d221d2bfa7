"""``integrity-flows salary-step``: aliases of ``report`` for plan projects 16 and 17.

Each command prints a declared report (``flows/reports/salary_step.yaml``), as
``integrity-flows report ID`` does:

- ``salary-step report ROUND`` = ``report salary_step_round_report --case ROUND``: one round,
  each evaluation with its screening, increase and grievance, the resolutions counted,
  the recusals and the staff survey against the plan's target (who voted how on each
  resolution: ``case history ROUND``);
- ``salary-step summary --fiscal-year Y`` = ``report salary_step --fiscal-year Y``: the
  figures of a fiscal year's rounds (``--json``: the same as ``--format json``).
"""

from __future__ import annotations

from datetime import datetime

import click

from integrity_flows.cli.common import db_option, flows_option
from integrity_flows.cli.report import format_options, print_report, report_alias
from integrity_flows.reports.render import Lang


@click.group("salary-step")
def salary_step_group() -> None:
    """Salary-step rounds (plan projects 16, 17) / การพิจารณาเลื่อนขั้นเงินเดือน."""


@salary_step_group.command("report")
@db_option
@flows_option
@format_options
@click.argument("round_id")
def report_command(
    db: str,
    flow_dirs: tuple[str, ...],
    fmt: str,
    output: str | None,
    lang: Lang,
    as_of: datetime | None,
    round_id: str,
) -> None:
    """One round: evaluations, resolutions, recusals, survey / รายงานรอบการพิจารณา."""
    print_report(
        db, flow_dirs, "salary_step_round_report", None, round_id, fmt, lang, as_of, output=output
    )


salary_step_group.add_command(
    report_alias(
        "summary",
        "salary_step",
        "The figures of a fiscal year's rounds / ผลการพิจารณาเลื่อนขั้นเงินเดือนประจำปี.",
        json_flag=True,
    )
)
