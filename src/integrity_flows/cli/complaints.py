"""``integrity-flows complaint``: cases the public follows by tracking code.

Each command works on the flow named with ``--flow``, by default the one loaded flow that
declares ``tracking:`` (the bundled corruption complaint, plan projects 33 and 34):

- ``complaint file``: record a case and print its tracking code, once;
- ``complaint follow --code-from-stdin`` (or ``complaint follow CODE``): what the holder
  of the code may see; reading it from standard input keeps it out of the process table
  and the shell's history, as ``--data-file`` does for a complainant's name;
- ``complaint manual`` = ``flows manual FLOW``: the handling manual, written from the flow
  (Thai or English, Markdown or HTML), with the time frames in force;
- ``complaint statistics``: the figures to publish for a fiscal year, no personal data:
  an alias of ``report complaint_statistics`` (``flows/reports/complaints.yaml``) that
  also takes ``--setting`` (the flow's time frames in force) and ``--json``.

The tracking code is never stored: lose the printout and it is gone. Each command runs
in its own process, where the in-process throttle of wrong codes (docs/complaints.md)
cannot count earlier attempts; ``complaint follow`` therefore waits a fixed
``--wrong-code-delay`` (2 seconds) before answering a wrong code, so a script trying
codes through the command is slowed down all the same.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from typing import TextIO

import click

from integrity_flows.cli.cases import Acting, actor_options
from integrity_flows.cli.common import (
    F,
    db_option,
    fail,
    fiscal_year_option,
    flows_option,
    open_engine,
)
from integrity_flows.cli.manual import (
    MANUAL_OPTIONS,
    flow_settings,
    setting_option,
    the_tracked_flow,
    write_flow_manual,
)
from integrity_flows.cli.report import JSON_FLAG, format_options, print_report
from integrity_flows.complaints.desk import TrackingDesk, TrackingNotFound
from integrity_flows.errors import FlowError
from integrity_flows.identity import printable
from integrity_flows.reports.render import Lang


def _flow_option(func: F) -> F:
    return click.option(
        "--flow",
        "flow_id",
        default=None,
        help="The flow followed by tracking code (default: the one loaded flow that declares "
        "tracking:) / ขั้นตอนงาน",
    )(func)


@click.group("complaint")
def complaint_group() -> None:
    """Cases followed by tracking code: corruption complaints (projects 33, 34) / เรื่องร้องเรียน."""


@complaint_group.command("file")
@db_option
@flows_option
@_flow_option
@actor_options
def file_complaint(
    db: str,
    flow_dirs: tuple[str, ...],
    flow_id: str | None,
    acting: Acting,
) -> None:
    """Record a complaint and print its tracking code, once / รับเรื่องร้องเรียนและออกรหัสติดตาม."""
    with open_engine(db, flow_dirs, acting.at) as engine:
        try:
            desk = TrackingDesk(engine, flow_id=flow_id)
            actor = acting.actor(engine.flows.get(desk.flow_id))
            filed = desk.file(actor=actor, data=acting.data(), reason=acting.reason)
        except FlowError as exc:
            fail(exc)
        state = engine.definition_of(filed.case).label_of_state(filed.case.state)
    click.echo(f"เรื่อง / case: {filed.case.id} ({state.th} / {state.en})")
    click.echo(f"รหัสติดตามเรื่อง / tracking code: {filed.tracking_code}")
    click.echo(
        "แจ้งรหัสนี้แก่ผู้ร้องเรียนเพียงครั้งเดียว ระบบไม่เก็บรหัสนี้ / give this code to the "
        "complainant once: it is not stored anywhere"
    )


@complaint_group.command("follow")
@click.argument("code", required=False)
@click.option(
    "--code-from-stdin",
    is_flag=True,
    help="Read the tracking code from the first line of standard input, so it never appears "
    "in the process table or the shell's history / อ่านรหัสติดตามจาก standard input",
)
@db_option
@flows_option
@_flow_option
@click.option(
    "--lang",
    type=click.Choice(["th", "en", "both"]),
    default="both",
    show_default=True,
    help="Language: Thai, English or both / ภาษา",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON / แสดงผลเป็น JSON")
@click.option(
    "--wrong-code-delay",
    type=click.FloatRange(min=0),
    default=2.0,
    show_default=True,
    help="Seconds to wait before answering a wrong code / หน่วงเวลาเมื่อรหัสไม่ถูกต้อง",
)
def follow_complaint(
    code: str | None,
    code_from_stdin: bool,
    db: str,
    flow_dirs: tuple[str, ...],
    flow_id: str | None,
    lang: str,
    as_json: bool,
    wrong_code_delay: float,
) -> None:
    """What the complainant holding CODE may see / ติดตามเรื่องร้องเรียนด้วยรหัสติดตาม.

    Give the code with --code-from-stdin rather than as CODE: an argument is visible to
    other local users and kept in the shell's history."""
    if (code is None) == (not code_from_stdin):
        raise click.UsageError(
            "give the tracking code as CODE or with --code-from-stdin, not both and not "
            "neither / ระบุรหัสติดตามอย่างใดอย่างหนึ่ง: CODE หรือ --code-from-stdin"
        )
    if code is None:
        code = sys.stdin.readline().strip()
    with open_engine(db, flow_dirs, read_only=True) as engine:
        try:
            # One process per run: its throttle starts empty (the fixed delay below bounds it).
            progress = TrackingDesk(engine, flow_id=flow_id).follow(code, source="command-line")
        except (TrackingNotFound, FlowError) as exc:
            time.sleep(wrong_code_delay)
            fail(exc)
    if as_json:
        click.echo(json.dumps(progress.as_dict(), ensure_ascii=False, indent=2))
        return
    for language in ("th", "en") if lang == "both" else (lang,):
        for line in progress.lines(language):  # the officers' messages: escaped
            click.echo(printable(line))


@complaint_group.command("manual")
@_flow_option
@MANUAL_OPTIONS
def manual_command(
    flow_id: str | None,
    flow_dirs: tuple[str, ...],
    lang: str,
    fmt: str,
    unit: str | None,
    setting_pairs: tuple[str, ...],
    output: TextIO,
) -> None:
    """The handling manual, written from the flow (= flows manual FLOW) / คู่มือการจัดการเรื่องร้องเรียน."""
    flow = the_tracked_flow(flow_dirs, flow_id)
    write_flow_manual(flow, flow_dirs, lang, fmt, unit, setting_pairs, output)


@complaint_group.command("statistics")
@db_option
@flows_option
@fiscal_year_option
@_flow_option
@setting_option
@format_options
@JSON_FLAG
def statistics_command(
    db: str,
    flow_dirs: tuple[str, ...],
    fiscal_year: int,
    flow_id: str | None,
    setting_pairs: tuple[str, ...],
    fmt: str,
    output: str | None,
    lang: Lang,
    as_of: datetime | None,
    as_json: bool,
) -> None:
    """Figures to publish for a fiscal year, no personal data / สถิติเรื่องร้องเรียนการทุจริต.

    An alias of ``report complaint_statistics`` that also takes ``--setting`` (a setting
    of the flow followed by tracking code)."""
    print_report(
        db,
        flow_dirs,
        "complaint_statistics",
        fiscal_year,
        None,
        "json" if as_json else fmt,
        lang,
        as_of,
        settings=flow_settings(the_tracked_flow(flow_dirs, flow_id), setting_pairs),
        output=output,
    )
