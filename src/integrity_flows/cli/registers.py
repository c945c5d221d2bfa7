"""``integrity-flows register`` and ``sweep``: the lending register and deadlines."""

from __future__ import annotations

from datetime import date

import click

from integrity_flows.calendars import parse_datetime, thai_date, thai_datetime
from integrity_flows.cli.common import db_option, fiscal_year_option, flows_option, open_engine
from integrity_flows.engine.runtime import Engine
from integrity_flows.reports.lending import lending_register


def print_register(engine: Engine, fiscal_year: int) -> None:
    """Print the lending register of fiscal year B.E. ``fiscal_year``."""
    entries = lending_register(engine, fiscal_year)
    click.echo(
        f"ทะเบียนการยืมทรัพย์สินของราชการ ปีงบประมาณ {fiscal_year} / "
        f"Lending register, fiscal year B.E. {fiscal_year}: {len(entries)} รายการ/entries"
    )
    for e in entries:
        returned = thai_datetime(e.returned_at) if e.returned_at else "-"
        due = thai_date(date.fromisoformat(e.return_date), digits=False) if e.return_date else "-"
        click.echo(
            f"  {e.register_no:<10} {e.item}  ผู้ยืม/borrower: {e.borrower} ({e.borrower_type})"
        )
        click.echo(
            f"  {'':<10} ส่งมอบ/out: {thai_datetime(e.handed_over_at)}  "
            f"กำหนดคืน/due: {due}  คืน/returned: {returned}  สถานะ/state: {e.state}"
        )


@click.command("register")
@db_option
@flows_option
@fiscal_year_option
def register_command(db: str, flow_dirs: tuple[str, ...], fiscal_year: int) -> None:
    """The lending register of a fiscal year / ทะเบียนการยืมประจำปีงบประมาณ."""
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        print_register(engine, fiscal_year)


@click.command("sweep")
@db_option
@flows_option
@click.option("--now", default=None, help="Sweep as of this time (default: now)")
def sweep_command(db: str, flow_dirs: tuple[str, ...], now: str | None) -> None:
    """Fire every deadline that has fallen due, as the system / ดำเนินการตามกำหนดเวลา."""
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        results = engine.sweep(parse_datetime(now) if now else None)
        for r in results:
            outcome = r.refused or r.state
            click.echo(f"{r.case_id}  {r.trigger}  due {thai_datetime(r.due)}  → {outcome}")
        click.echo(f"{len(results)} deadline(s) / กำหนดเวลา {len(results)} รายการ")
