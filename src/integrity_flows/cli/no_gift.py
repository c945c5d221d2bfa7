"""``integrity-flows no-gift``: aliases of ``report`` for the No Gift Policy (plan project 15).

Each command prints a declared report (``flows/reports/no_gift.yaml``), as
``integrity-flows report ID`` does, with its options (``--format``, ``--lang``,
``--as-of``):

- ``no-gift register`` = ``report gift_register``: the register of the year's gift
  declarations, for the unit in charge. The giver is personal data and is not part of
  the report; ``--show-giver`` (with ``--actor``, ``--role``, ``--reason``) is
  ``report gift_register --reveal giver``: each declaration's giver is then read in clear
  through ``Engine.reveal``, each reading recorded in that declaration's audit trail;
- ``no-gift summary`` = ``report gift_public_figures``: the figures the organization may
  publish (counts and values, no names);
- ``no-gift pledges`` = ``report no_gift_pledges``: the pledge KPI, naming who has not
  pledged yet.
"""

from __future__ import annotations

import click

from integrity_flows.cli.report import report_alias


@click.group("no-gift")
def no_gift_group() -> None:
    """No Gift Policy reports (plan project 15) / รายงานมาตรการ NO Gift Policy."""


no_gift_group.add_command(
    report_alias(
        "register",
        "gift_register",
        "The register of gift declarations of a fiscal year (= report gift_register; "
        "--show-giver = --reveal giver) / ทะเบียนการแจ้งการรับของขวัญ.",
        reveal="giver",
    )
)
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
