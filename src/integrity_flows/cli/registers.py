"""``integrity-flows register`` and ``sweep``: the lending register and deadlines.

``register --db PATH --fiscal-year Y`` is an alias of ``report lending_register``
(``flows/reports/asset_lending.yaml``), with its options (``--format``, ``--lang``,
``--as-of``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from integrity_flows.calendars import thai_datetime
from integrity_flows.cli.common import db_option, flows_option, open_engine, typed_moment
from integrity_flows.cli.report import report_alias
from integrity_flows.reports.catalogue import run_report
from integrity_flows.reports.render import Lang, as_text

if TYPE_CHECKING:
    from integrity_flows.engine.runtime import Engine

LENDING_REGISTER = "lending_register"


def print_register(engine: Engine, fiscal_year: int, lang: Lang = "both") -> None:
    """Print the lending register of fiscal year B.E. ``fiscal_year`` from an open engine."""
    report = engine.reports.get(LENDING_REGISTER)
    figures = run_report(engine, report.id, fiscal_year=fiscal_year)
    click.echo(as_text(report, figures, fiscal_year=fiscal_year, lang=lang), nl=False)


register_command = report_alias(
    "register",
    LENDING_REGISTER,
    "The lending register of a fiscal year (= report lending_register) "
    "/ ทะเบียนการยืมประจำปีงบประมาณ.",
)


@click.command("sweep")
@db_option
@flows_option
@click.option("--now", default=None, help="Sweep as of this time (default: now)")
def sweep_command(db: str, flow_dirs: tuple[str, ...], now: str | None) -> None:
    """Fire every deadline that has fallen due, as the system / ดำเนินการตามกำหนดเวลา."""
    moment = typed_moment(now, "--now") if now else None
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        results = engine.sweep(moment)
        for r in results:
            outcome = r.refused or r.state
            click.echo(f"{r.case_id}  {r.trigger}  due {thai_datetime(r.due)}  → {outcome}")
        click.echo(f"{len(results)} deadline(s) / กำหนดเวลา {len(results)} รายการ")
