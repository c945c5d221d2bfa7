"""``integrity-flows delegation``: orders and authority of plan projects 19 and 23.

- ``delegation in-force``: the orders in force on a day (``--on``, default today), per
  power, each with the chain of orders up to the position that holds the power (an
  authority lookup, not a yearly report);
- ``delegation kpi`` = ``report delegation_orders`` (``flows/reports/delegation.yaml``):
  orders that took effect in a fiscal year against the target of 4, and the delegates
  whose monthly reports of the year are past due (the flow's duty ``monthly_report``,
  docs/duties.md), with the table of those reports;
- ``delegation who``: may an actor exercise a power on a day, and under which orders.
"""

from __future__ import annotations

from datetime import date

import click

from integrity_flows.authority import resolve
from integrity_flows.calendars import THAI_TZ, english_date, thai_date
from integrity_flows.cli.common import (
    db_option,
    echo,
    flows_option,
    open_engine,
    shown_value,
    typed_date,
)
from integrity_flows.cli.exports import emit_list, list_format_options, need_output
from integrity_flows.cli.report import report_alias
from integrity_flows.clock import SystemClock
from integrity_flows.definition.model import Label
from integrity_flows.reports.delegation import orders_in_force


def _day(text: str | None) -> date:
    if text is None:
        return SystemClock()().astimezone(THAI_TZ).date()
    return typed_date(text, "--on")


_ON = click.option("--on", "on", default=None, help="A date, default today / วันที่ (ค่าเริ่มต้น วันนี้)")


@click.group("delegation")
def delegation_group() -> None:
    """Delegation, assignment and acting orders (plan projects 19, 23) / คำสั่งมอบอำนาจ."""


_IN_FORCE_COLUMNS = (
    ("power", Label("อำนาจ", "power")),
    ("order_no", Label("เลขที่คำสั่ง", "order number")),
    ("kind", Label("ประเภท", "kind")),
    ("delegator", Label("ผู้มอบ", "delegator")),
    ("delegate", Label("ผู้รับมอบ", "delegate")),
    ("valid_from", Label("ตั้งแต่", "from")),
    ("valid_until", Label("ถึง", "until")),
    ("chain", Label("สายการมอบ", "chain")),
    ("root", Label("ต้นทาง", "root")),
)


@delegation_group.command("in-force")
@db_option
@flows_option
@_ON
@click.option("--power", default=None, help="Only this power / เฉพาะอำนาจนี้")
@list_format_options
def in_force_command(
    db: str,
    flow_dirs: tuple[str, ...],
    on: str | None,
    power: str | None,
    fmt: str,
    output: str | None,
) -> None:
    """Orders in force on a day, with their chains / คำสั่งที่มีผลในวันที่กำหนด."""
    need_output(fmt, output)
    day = _day(on)
    with open_engine(db, flow_dirs, read_only=True) as engine:
        entries = orders_in_force(engine, day, power)
    if fmt != "text":
        rows = [
            (e.power, e.order_no, e.kind, e.delegator, e.delegate,
             e.valid_from if fmt == "json" else shown_value("date", e.valid_from),
             e.valid_until if fmt == "json" or not e.valid_until
             else shown_value("date", e.valid_until),
             " ← ".join(e.chain), e.root)
            for e in entries
        ]  # fmt: skip
        emit_list(fmt, "orders", _IN_FORCE_COLUMNS, rows, output=output)
        return
    echo(
        f"คำสั่งที่มีผล ณ วันที่ {thai_date(day, digits=False)} / Orders in force on "
        f"{english_date(day)}: {len(entries)}"
    )
    for e in entries:
        chain = " ← ".join(e.chain) if e.chain else "-"
        root = e.root or (
            "ทุกอำนาจของผู้ดำรงตำแหน่ง/all powers of the holder" if e.kind == "acting" else "-"
        )
        until = shown_value("date", e.valid_until) if e.valid_until else ""
        echo(
            f"  [{e.power or '*'}] {e.order_no} ({e.kind}) {e.delegator} → {e.delegate}  "
            f"{shown_value('date', e.valid_from)} – {until}  สายการมอบ/chain: {chain}  "
            f"ต้นทาง/root: {root}"
        )


delegation_group.add_command(
    report_alias(
        "kpi",
        "delegation_orders",
        "Orders of a fiscal year against the target of 4, and overdue monthly reports "
        "(= report delegation_orders) / ตัวชี้วัด ไม่น้อยกว่า ๔ คำสั่ง และรายงานที่ค้างส่ง.",
    )
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
    with open_engine(db, flow_dirs, read_only=True) as engine:
        grant = resolve(
            engine.store, power, actor_id, day, positions=positions, flows=engine.granting
        )
    if grant is None:
        echo(
            f"{actor_id} ไม่มีอำนาจ {power} ณ วันที่ {thai_date(day, digits=False)} / "
            f"{actor_id} does not hold {power} on {english_date(day)}"
        )
        raise SystemExit(1)
    how = " ← ".join(grant.order_numbers) if grant.orders else "ตำแหน่ง/position"
    echo(
        f"{actor_id} มีอำนาจ {power} ณ วันที่ {thai_date(day, digits=False)} / {actor_id} holds "
        f"{power} on {english_date(day)}: {how} (ต้นทาง/root: {grant.position})"
    )
