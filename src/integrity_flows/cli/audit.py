"""``integrity-flows audit``: verify and export the audit trail."""

from __future__ import annotations

import json
from typing import TextIO

import click

from integrity_flows.audit.verify import verify
from integrity_flows.cli.common import db_option, store_url
from integrity_flows.stores import open_store


@click.group("audit")
def audit_group() -> None:
    """The audit trail / บันทึกการตรวจสอบ."""


@audit_group.command("verify")
@db_option
def verify_trail(db: str) -> None:
    """Recompute every chain; exit 1 naming each problem / ตรวจสอบความถูกต้องของบันทึก."""
    store = open_store(store_url(db, must_exist=True), read_only=True)
    try:
        report = verify(store.iter_events(), store.iter_cases())
    finally:
        store.close()
    for problem in report.problems:
        click.echo(str(problem))
    summary = f"{report.cases} case(s), {report.events} event(s), digest {report.digest}"
    if report.ok:
        click.echo(f"บันทึกการตรวจสอบถูกต้องครบถ้วน / audit trail intact: {summary}")
        return
    click.echo(
        f"บันทึกการตรวจสอบไม่ถูกต้อง {len(report.problems)} จุด / "
        f"audit trail NOT intact, {len(report.problems)} problem(s): {summary}"
    )
    raise SystemExit(1)


@audit_group.command("export")
@db_option
@click.option(
    "--output",
    "-o",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="File to write (standard output by default)",
)
def export_trail(db: str, output: TextIO) -> None:
    """Every event as JSON Lines, in the order written / ส่งออกบันทึก."""
    store = open_store(store_url(db, must_exist=True), read_only=True)
    try:
        for event in store.iter_events_by_seq():
            record = {**json.loads(event.body), "hash": event.hash, "seq": event.seq}
            output.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    finally:
        store.close()
