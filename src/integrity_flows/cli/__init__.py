"""The ``integrity-flows`` command line."""

from __future__ import annotations

from collections.abc import Sequence

import click

from integrity_flows.cli.audit import audit_group
from integrity_flows.cli.cases import case_group
from integrity_flows.cli.common import DIGITS_ENV, error_lines
from integrity_flows.cli.complaints import complaint_group
from integrity_flows.cli.db import db_group
from integrity_flows.cli.delegation import delegation_group
from integrity_flows.cli.demo import demo_command
from integrity_flows.cli.docs import docs_group
from integrity_flows.cli.duties import duties_command
from integrity_flows.cli.features import features_group
from integrity_flows.cli.flows import flows_group
from integrity_flows.cli.helptext import thai_first
from integrity_flows.cli.internal_audit import internal_audit_group
from integrity_flows.cli.keys import key_group
from integrity_flows.cli.manual import manual_command
from integrity_flows.cli.no_gift import no_gift_group
from integrity_flows.cli.plan import plan_group
from integrity_flows.cli.registers import register_command, sweep_command
from integrity_flows.cli.report import report_group
from integrity_flows.cli.salary_step import salary_step_group
from integrity_flows.display import DIGIT_STYLES
from integrity_flows.errors import FlowError


@click.group()
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Show the audit events as JSON on stderr / แสดงเหตุการณ์เป็น JSON",
)
@click.option(
    "--key-file",
    "key_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="File holding the key for sensitive data (else INTEGRITY_FLOWS_KEY_FILE or "
    "INTEGRITY_FLOWS_KEY) / ไฟล์กุญแจเข้ารหัส",
)
@click.option(
    "--override-flows",
    "override_flows",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="A folder of flows that may replace flows of the same id from the bundled folder, "
    "--flows or plug-ins, in a new version (repeatable) / โฟลเดอร์ขั้นตอนงานที่ให้แทนที่ได้",
)
@click.option(
    "--override-plugin",
    "override_plugins",
    multiple=True,
    help="The name of an installed plug-in whose flows may replace flows of the same id "
    "(repeatable) / ส่วนเสริมที่ให้แทนที่ขั้นตอนงานได้",
)
@click.option(
    "--without-bundled-flows",
    "without_bundled_flows",
    is_flag=True,
    help="Do not load the bundled flows and their reports (a host running its own plan with "
    "--flows) / ไม่ใช้ขั้นตอนงานที่มากับระบบ",
)
@click.option(
    "--digits",
    type=click.Choice(DIGIT_STYLES),
    envvar=DIGITS_ENV,
    show_envvar=True,
    default=None,
    help="Digits of the text a person reads: arabic (the default) or thai (the default "
    "of --lang th); JSON and CSV always Arabic / รูปแบบตัวเลข: อารบิกหรือไทย",
)
@click.version_option(package_name="integrity-flows")
def cli(
    verbose: bool,
    key_file: str | None,
    override_flows: tuple[str, ...],
    override_plugins: tuple[str, ...],
    without_bundled_flows: bool,
    digits: str | None,
) -> None:
    """integrity-flows: auditable workflows for the integrity plan.

    ขั้นตอนงานตามแผนปฏิบัติการป้องกันการทุจริต ที่ตรวจสอบย้อนหลังได้
    """


for command in (
    flows_group,
    case_group,
    audit_group,
    db_group,
    features_group,
    plan_group,
    report_group,
    register_command,
    no_gift_group,
    delegation_group,
    salary_step_group,
    internal_audit_group,
    complaint_group,
    key_group,
    sweep_command,
    duties_command,
    demo_command,
    docs_group,
):
    cli.add_command(command)
flows_group.add_command(manual_command)
thai_first(cli)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return its exit status."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="integrity-flows",
            standalone_mode=False,
        )
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except FlowError as exc:  # a store or definition error outside a command's own handling
        for line in error_lines(exc, "ผิดพลาด", "error"):
            click.echo(line, err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    return 0
