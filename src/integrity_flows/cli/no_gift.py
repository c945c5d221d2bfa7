"""``integrity-flows no-gift``: aliases of ``report`` for the No Gift Policy (plan project 15).

Each command prints a declared report (``flows/reports/no_gift.yaml``), as
``integrity-flows report ID`` does, with its options (``--format``, ``--lang``,
``--as-of``):

- ``no-gift register`` = ``report gift_register``: the register of the year's gift
  declarations, for the unit in charge. The giver is personal data and is not part of
  the report; with ``--show-giver`` (and ``--actor``, ``--role``, ``--reason``) each
  declaration's giver is then read in clear through ``Engine.reveal`` (as ``case reveal``
  does), each reading recorded in that declaration's audit trail;
- ``no-gift summary`` = ``report gift_public_figures``: the figures the organization may
  publish (counts and values, no names);
- ``no-gift pledges`` = ``report no_gift_pledges``: the pledge KPI, naming who has not
  pledged yet.
"""

from __future__ import annotations

from datetime import datetime

import click

from integrity_flows.cli.common import (
    db_option,
    fail,
    fiscal_year_option,
    flows_option,
    make_actor,
    open_engine,
)
from integrity_flows.cli.report import format_options, print_report, report_alias
from integrity_flows.errors import FlowError
from integrity_flows.reports.base import Table
from integrity_flows.reports.catalogue import run_report
from integrity_flows.reports.render import Lang

REGISTER = "gift_register"
DECLARATION_FLOW = "gift_declaration"


@click.group("no-gift")
def no_gift_group() -> None:
    """No Gift Policy reports (plan project 15) / รายงานมาตรการ NO Gift Policy."""


@no_gift_group.command("register")
@db_option
@flows_option
@fiscal_year_option
@format_options
@click.option(
    "--show-giver",
    is_flag=True,
    help="Then read each giver in clear (personal data; each reading is audited; needs "
    "--actor, --role, --reason and the key) / แสดงชื่อผู้ให้ (บันทึกการเปิดอ่านทุกครั้ง)",
)
@click.option("--actor", "actor_id", default=None, help="Who reads the giver / ผู้เปิดอ่าน")
@click.option("--role", "roles", multiple=True, help="A role the reader holds / บทบาท")
@click.option("--reason", default=None, help="Why the giver is read / เหตุผลในการเปิดอ่าน")
def register_command(
    db: str,
    flow_dirs: tuple[str, ...],
    fiscal_year: int,
    fmt: str,
    lang: Lang,
    as_of: datetime | None,
    show_giver: bool,
    actor_id: str | None,
    roles: tuple[str, ...],
    reason: str | None,
) -> None:
    """The register of gift declarations of a fiscal year (= report gift_register)
    / ทะเบียนการแจ้งการรับของขวัญ."""
    if show_giver and not (actor_id and reason):
        raise click.BadParameter(
            "--show-giver needs --actor, --role and --reason: every reading of the giver is "
            "recorded / การแสดงชื่อผู้ให้ต้องระบุผู้เปิดอ่าน บทบาท และเหตุผล",
            param_hint="--actor",
        )
    print_report(db, flow_dirs, REGISTER, fiscal_year, None, fmt, lang, as_of)
    if show_giver and actor_id and reason:
        _print_givers(db, flow_dirs, fiscal_year, actor_id, roles, reason)


def _print_givers(
    db: str,
    flow_dirs: tuple[str, ...],
    fiscal_year: int,
    actor_id: str,
    roles: tuple[str, ...],
    reason: str,
) -> None:
    """Each declaration of the register with its giver, read in clear (each reading audited)."""
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        try:
            figures = run_report(engine, REGISTER, fiscal_year=fiscal_year)
            entries = next(f.value for f in figures if isinstance(f.value, Table))
            assert isinstance(entries, Table)
            reader = make_actor(actor_id, roles, None, engine.flows.get(DECLARATION_FLOW))
            click.echo("ผู้ให้ (เปิดอ่าน บันทึกในบันทึกการตรวจสอบ) / givers (read, audited):")
            for row in entries.as_dicts():
                case_id = str(row["case_id"])
                giver = engine.reveal(case_id, "giver", actor=reader, reason=reason)
                click.echo(f"  {case_id}: {giver if giver is not None else '-'}")
        except FlowError as exc:
            fail(exc)


no_gift_group.add_command(
    report_alias(
        "summary",
        "gift_public_figures",
        "Figures to publish, without personal data (= report gift_public_figures) "
        "/ ข้อมูลเพื่อเผยแพร่ ไม่มีข้อมูลส่วนบุคคล.",
    )
)
no_gift_group.add_command(
    report_alias(
        "pledges",
        "no_gift_pledges",
        "The pledge KPI of a fiscal year (= report no_gift_pledges) "
        "/ ผลการรับทราบและถือปฏิบัติตามมาตรการ.",
    )
)

__all__ = ["no_gift_group"]
