"""``integrity-flows complaint``: corruption complaints (plan projects 33 and 34).

- ``complaint file``: record a complaint and print its tracking code, once;
- ``complaint follow CODE``: what the complainant holding CODE may see;
- ``complaint manual``: the handling manual, written from the flow (Thai or English,
  Markdown or HTML), with the time frames in force;
- ``complaint statistics``: the figures to publish for a fiscal year, no personal data:
  an alias of ``report complaint_statistics`` (``flows/reports/complaints.yaml``) that
  also takes ``--setting`` (the time frames in force) and ``--json``.

The tracking code is never stored: lose the printout and it is gone. Each command runs
in its own process, where the in-process throttle of wrong codes (docs/complaints.md)
cannot count earlier attempts; ``complaint follow`` therefore waits a fixed
``--wrong-code-delay`` (2 seconds) before answering a wrong code, so a script trying
codes through the command is slowed down all the same.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from datetime import datetime
from typing import TextIO

import click

from integrity_flows.calendars import parse_int
from integrity_flows.cli.cases import actor_options
from integrity_flows.cli.common import (
    F,
    db_option,
    fail,
    fiscal_year_option,
    flows_option,
    make_actor,
    open_engine,
    parse_pairs,
)
from integrity_flows.cli.report import JSON_FLAG, format_options, print_report
from integrity_flows.complaints.desk import COMPLAINT_FLOW, ComplaintDesk, TrackingNotFound
from integrity_flows.complaints.manual import complaint_manual
from integrity_flows.engine.runtime import Engine
from integrity_flows.errors import FlowError
from integrity_flows.reports.render import Lang


def _settings(pairs: Iterable[str]) -> dict[str, dict[str, object]]:
    """``--setting name=value`` pairs for the complaint flow (whole numbers as numbers)."""
    found: dict[str, object] = {}
    for name, value in parse_pairs(pairs).items():
        try:
            found[name] = parse_int(value)
        except ValueError:
            found[name] = value
    return {COMPLAINT_FLOW: found} if found else {}


def _setting_option(func: F) -> F:
    return click.option(
        "--setting",
        "setting_pairs",
        multiple=True,
        help="Override a setting of the flow, name=value (repeatable), e.g. acknowledge_days=7"
        " / ปรับค่าตั้ง",
    )(func)


@click.group("complaint")
def complaint_group() -> None:
    """Corruption complaints (projects 33 and 34) / เรื่องร้องเรียนการทุจริต."""


@complaint_group.command("file")
@db_option
@flows_option
@actor_options
def file_complaint(
    db: str,
    flow_dirs: tuple[str, ...],
    actor_id: str,
    roles: tuple[str, ...],
    unit: str | None,
    pairs: tuple[str, ...],
    reason: str | None,
    at: str | None,
) -> None:
    """Record a complaint and print its tracking code, once / รับเรื่องร้องเรียนและออกรหัสติดตาม."""
    with open_engine(db, flow_dirs, at) as engine:
        try:
            actor = make_actor(actor_id, roles, unit, engine.flows.get(COMPLAINT_FLOW))
            filed = ComplaintDesk(engine).file(actor=actor, data=parse_pairs(pairs), reason=reason)
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
@click.argument("code")
@db_option
@flows_option
@click.option("--lang", type=click.Choice(["th", "en", "both"]), default="both", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON / แสดงผลเป็น JSON")
@click.option(
    "--wrong-code-delay",
    type=click.FloatRange(min=0),
    default=2.0,
    show_default=True,
    help="Seconds to wait before answering a wrong code / หน่วงเวลาเมื่อรหัสไม่ถูกต้อง",
)
def follow_complaint(
    code: str,
    db: str,
    flow_dirs: tuple[str, ...],
    lang: str,
    as_json: bool,
    wrong_code_delay: float,
) -> None:
    """What the complainant holding CODE may see / ติดตามเรื่องร้องเรียนด้วยรหัสติดตาม."""
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        try:
            # One process per run: its throttle starts empty (the fixed delay below bounds it).
            progress = ComplaintDesk(engine).follow(code, source="command-line")
        except (TrackingNotFound, FlowError) as exc:
            time.sleep(wrong_code_delay)
            fail(exc)
    if as_json:
        click.echo(json.dumps(progress.as_dict(), ensure_ascii=False, indent=2))
        return
    for language in ("th", "en") if lang == "both" else (lang,):
        click.echo("\n".join(progress.lines(language)))


@complaint_group.command("manual")
@flows_option
@click.option("--lang", type=click.Choice(["th", "en"]), default="th", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("--unit", default=None, help="The unit in charge (else the plan's) / ส่วนงาน")
@_setting_option
@click.option(
    "--output",
    "-o",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="File to write (standard output by default)",
)
def manual_command(
    flow_dirs: tuple[str, ...],
    lang: str,
    fmt: str,
    unit: str | None,
    setting_pairs: tuple[str, ...],
    output: TextIO,
) -> None:
    """The handling manual, written from the flow / คู่มือการจัดการเรื่องร้องเรียน."""
    with Engine.open(flows=list(flow_dirs), settings=_settings(setting_pairs)) as engine:
        document = complaint_manual(engine, lang=lang, unit=unit)
    output.write(document.html() if fmt == "html" else document.markdown())


@complaint_group.command("statistics")
@db_option
@flows_option
@fiscal_year_option
@_setting_option
@format_options
@JSON_FLAG
def statistics_command(
    db: str,
    flow_dirs: tuple[str, ...],
    fiscal_year: int,
    setting_pairs: tuple[str, ...],
    fmt: str,
    lang: Lang,
    as_of: datetime | None,
    as_json: bool,
) -> None:
    """Figures to publish for a fiscal year, no personal data / สถิติเรื่องร้องเรียนการทุจริต.

    An alias of ``report complaint_statistics`` that also takes ``--setting``."""
    print_report(
        db,
        flow_dirs,
        "complaint_statistics",
        fiscal_year,
        None,
        "json" if as_json else fmt,
        lang,
        as_of,
        settings=_settings(setting_pairs),
    )
