"""``integrity-flows delegation``: the reports of plan projects 19 and 23.

- ``delegation in-force``: the orders in force on a day (``--on``, default today), per
  power, each with the chain of orders up to the position that holds the power;
- ``delegation kpi``: orders that took effect in a fiscal year against the target of 4;
- ``delegation overdue``: delegates whose monthly report is overdue;
- ``delegation who``: may an actor exercise a power on a day, and under which orders.
"""

from __future__ import annotations

from datetime import date

import click

from integrity_flows.authority import resolve
from integrity_flows.calendars import THAI_TZ, parse_date, thai_datetime
from integrity_flows.cli.common import db_option, fiscal_year_option, flows_option, open_engine
from integrity_flows.cli.no_gift import print_figures
from integrity_flows.clock import SystemClock
from integrity_flows.reports.delegation import delegation_kpi, orders_in_force, overdue_reports


def _day(text: str | None) -> date:
    if text is None:
        return SystemClock()().astimezone(THAI_TZ).date()
    try:
        return parse_date(text)
    except ValueError as exc:
        raise click.BadParameter(
            f"not a date: {text!r} / วันที่ไม่ถูกต้อง: {text!r}", param_hint="--on"
        ) from exc


_ON = click.option("--on", "on", default=None, help="A date, default today / วันที่ (ค่าเริ่มต้น วันนี้)")


@click.group("delegation")
def delegation_group() -> None:
    """Delegation, assignment and acting orders (plan projects 19, 23) / คำสั่งมอบอำนาจ."""


@delegation_group.command("in-force")
@db_option
@flows_option
@_ON
@click.option("--power", default=None, help="Only this power / เฉพาะอำนาจนี้")
def in_force_command(
    db: str, flow_dirs: tuple[str, ...], on: str | None, power: str | None
) -> None:
    """Orders in force on a day, with their chains / คำสั่งที่มีผลในวันที่กำหนด."""
    day = _day(on)
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        entries = orders_in_force(engine, day, power)
    click.echo(
        f"คำสั่งที่มีผล ณ วันที่ {day.isoformat()} / Orders in force on {day.isoformat()}: {len(entries)}"
    )
    for e in entries:
        chain = " ← ".join(e.chain) if e.chain else "-"
        root = e.root or (
            "ทุกอำนาจของผู้ดำรงตำแหน่ง/all powers of the holder" if e.kind == "acting" else "-"
        )
        click.echo(
            f"  [{e.power or '*'}] {e.order_no} ({e.kind}) {e.delegator} → {e.delegate}  "
            f"{e.valid_from}..{e.valid_until or ''}  สายการมอบ/chain: {chain}  ต้นทาง/root: {root}"
        )


@delegation_group.command("kpi")
@db_option
@flows_option
@fiscal_year_option
def kpi_command(db: str, flow_dirs: tuple[str, ...], fiscal_year: int) -> None:
    """Orders of a fiscal year against the target of 4 / ตัวชี้วัด ไม่น้อยกว่า ๔ คำสั่ง."""
    year = fiscal_year
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        kpi = delegation_kpi(engine, year)
    click.echo(
        f"คำสั่งมอบอำนาจ มอบหมาย และรักษาราชการแทน ปีงบประมาณ {year} / "
        f"Delegation, assignment and acting orders, fiscal year B.E. {year}"
    )
    print_figures(kpi.figures())


@delegation_group.command("overdue")
@db_option
@flows_option
def overdue_command(db: str, flow_dirs: tuple[str, ...]) -> None:
    """Delegates with an overdue monthly report / ผู้รับมอบที่ค้างส่งรายงานประจำเดือน."""
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        found = overdue_reports(engine)
    click.echo(f"ค้างส่งรายงานประจำเดือน / Overdue monthly reports: {len(found)}")
    for r in found:
        click.echo(
            f"  {r.delegate}  คำสั่ง/order {r.order_no} ({r.case_id})  ผู้มอบ/delegator: "
            f"{r.delegator}  ค้างตั้งแต่/overdue since {thai_datetime(r.overdue_since)}"
        )


@delegation_group.command("who")
@db_option
@flows_option
@click.option("--power", required=True, help="A power of powers.yaml / อำนาจ")
@click.option("--actor", "actor_id", required=True, help="Actor id / ผู้ดำเนินการ")
@click.option("--position", "positions", multiple=True, help="A position the actor holds / ตำแหน่ง")
@_ON
def who_command(
    db: str,
    flow_dirs: tuple[str, ...],
    power: str,
    actor_id: str,
    positions: tuple[str, ...],
    on: str | None,
) -> None:
    """May an actor exercise a power on a day, and under which orders / ตรวจสอบอำนาจ."""
    day = _day(on)
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        grant = resolve(engine.store, power, actor_id, day, positions=positions)
    if grant is None:
        click.echo(
            f"{actor_id} ไม่มีอำนาจ {power} ณ วันที่ {day.isoformat()} / "
            f"{actor_id} does not hold {power} on {day.isoformat()}"
        )
        raise SystemExit(1)
    how = " ← ".join(grant.order_numbers) if grant.orders else "ตำแหน่ง/position"
    click.echo(
        f"{actor_id} มีอำนาจ {power} ณ วันที่ {day.isoformat()} / {actor_id} holds {power} on "
        f"{day.isoformat()}: {how} (ต้นทาง/root: {grant.position})"
    )
