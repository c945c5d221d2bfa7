"""``integrity-flows no-gift``: the No Gift Policy reports of plan project 15.

- ``no-gift register``: the register of gift declarations of a fiscal year, for the unit in
  charge (the giver is shown as ``***`` unless ``--show-giver`` is given with a reader
  and a reason, each reading audited);
- ``no-gift summary``: the figures the organization may publish (counts and values, no
  names), as text or ``--json``;
- ``no-gift pledges``: the pledge KPI of a fiscal year, naming who has not pledged yet.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from integrity_flows.calendars import thai_date
from integrity_flows.cli.common import (
    db_option,
    fail,
    fiscal_year_option,
    flows_option,
    make_actor,
    open_engine,
)
from integrity_flows.errors import FlowError
from integrity_flows.reports.base import Figure, ReportError
from integrity_flows.reports.no_gift import (
    DECLARATION_FLOW,
    DISPOSITION_LABELS,
    DeclarationRegister,
    declaration_register,
    pledge_kpi,
)

_REDACTED = "***"
F = TypeVar("F", bound=Callable[..., Any])


def print_figures(figures: Sequence[Figure]) -> None:
    """One line per figure: the Thai label, the English label, the value."""
    for figure in figures:
        click.echo(f"  {figure.label.th} / {figure.label.en}: {figure.text()}")


def print_register(register: DeclarationRegister, *, show_giver: bool = False) -> None:
    """The register's lines, then its figures."""
    year = register.fiscal_year
    click.echo(
        f"ทะเบียนการแจ้งการรับของขวัญ ปีงบประมาณ {year} / Gift declaration register, "
        f"fiscal year B.E. {year}: {len(register.entries)} รายการ/entries"
    )
    for e in register.entries:
        disposition = DISPOSITION_LABELS[e.disposition]
        kind = " ตรวจพบภายหลัง/found later" if e.kind == "finding" else ""
        click.echo(
            f"  {thai_date(e.received_on, digits=False)}  ผู้รับ/recipient: {e.recipient}  "
            f"{e.estimated_value:,.2f} บาท/baht  {disposition.th}/{disposition.en}{kind}"
        )
        giver = e.giver if show_giver else _REDACTED
        number = f"  ทะเบียน/register: {e.gift_register_no}" if e.gift_register_no else ""
        click.echo(
            f"      ผู้ให้/giver: {giver} ({e.relation})  โอกาส/occasion: {e.occasion}  "
            f"ของขวัญ/gift: {e.gift}{number}  [{e.case_id}, {e.state}]"
        )
    print_figures(register.public().figures())


@click.group("no-gift")
def no_gift_group() -> None:
    """No Gift Policy reports (plan project 15) / รายงานมาตรการ NO Gift Policy."""


@no_gift_group.command("register")
@db_option
@flows_option
@fiscal_year_option
@click.option(
    "--show-giver",
    is_flag=True,
    help="Show the giver (personal data; each reading is audited; needs --actor, --role, "
    "--reason and the key) / แสดงชื่อผู้ให้ (ข้อมูลส่วนบุคคล บันทึกการเปิดอ่านทุกครั้ง)",
)
@click.option("--actor", "actor_id", default=None, help="Who reads the giver / ผู้เปิดอ่าน")
@click.option("--role", "roles", multiple=True, help="A role the reader holds / บทบาท")
@click.option("--reason", default=None, help="Why the giver is read / เหตุผลในการเปิดอ่าน")
def register_command(
    db: str,
    flow_dirs: tuple[str, ...],
    fiscal_year: int,
    show_giver: bool,
    actor_id: str | None,
    roles: tuple[str, ...],
    reason: str | None,
) -> None:
    """The register of gift declarations of a fiscal year / ทะเบียนการแจ้งการรับของขวัญ."""
    year = fiscal_year
    if show_giver and not actor_id:
        raise click.BadParameter(
            "--show-giver needs --actor, --role and --reason: every reading of the giver is "
            "recorded / การแสดงชื่อผู้ให้ต้องระบุผู้เปิดอ่าน บทบาท และเหตุผล",
            param_hint="--actor",
        )
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        reader = None
        if show_giver and actor_id:
            reader = make_actor(actor_id, roles, None, engine.flows.get(DECLARATION_FLOW))
        try:
            register = declaration_register(engine, year, reader=reader, reason=reason)
        except FlowError as exc:
            fail(exc)
        print_register(register, show_giver=show_giver)


@no_gift_group.command("summary")
@db_option
@flows_option
@fiscal_year_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON / แสดงผลเป็น JSON")
def summary_command(db: str, flow_dirs: tuple[str, ...], fiscal_year: int, as_json: bool) -> None:
    """Figures to publish, without personal data / ข้อมูลเพื่อเผยแพร่ ไม่มีข้อมูลส่วนบุคคล."""
    year = fiscal_year
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        figures = declaration_register(engine, year).public()
    if as_json:
        click.echo(json.dumps(figures.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(
        f"การรับของขวัญ ปีงบประมาณ {year} (เพื่อเผยแพร่) / Gifts declared, "
        f"fiscal year B.E. {year} (for publication)"
    )
    print_figures(figures.figures())


@no_gift_group.command("pledges")
@db_option
@flows_option
@fiscal_year_option
def pledges_command(db: str, flow_dirs: tuple[str, ...], fiscal_year: int) -> None:
    """The pledge KPI of a fiscal year / ผลการรับทราบและถือปฏิบัติตามมาตรการ."""
    year = fiscal_year
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        try:
            kpi = pledge_kpi(engine, year)
        except ReportError as exc:
            fail(exc)
            return
    click.echo(
        f"ผลการปฏิบัติตามมาตรการ NO Gift Policy ปีงบประมาณ {year} / No Gift Policy pledges, "
        f"fiscal year B.E. {year} ({kpi.measure_case_id}, {kpi.measure_state})"
    )
    print_figures(kpi.figures())
