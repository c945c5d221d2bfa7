"""``integrity-flows flows manual FLOW``: a flow's handling manual, written from the flow.

Thai or English, Markdown or HTML, with the time frames of the settings in force
(``--setting name=value`` overrides one, as a host's ``Engine(settings=...)`` does). The
flow's ``manual:`` block gives its own headings and notes (docs/flow-definitions.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

import click

from integrity_flows.calendars import parse_int
from integrity_flows.cli.common import (
    fail,
    flow_overrides,
    flows_option,
    output_option,
    parse_pairs,
    with_options,
)
from integrity_flows.complaints.desk import tracked_flows
from integrity_flows.complaints.manual import flow_manual
from integrity_flows.engine.runtime import Engine
from integrity_flows.errors import FlowError

setting_option = click.option(
    "--setting",
    "setting_pairs",
    multiple=True,
    help="Override a setting of the flow, name=value (repeatable), e.g. acknowledge_days=7"
    " / ปรับค่าตั้ง",
)


def flow_settings(flow_id: str, pairs: Iterable[str]) -> dict[str, dict[str, object]]:
    """``--setting name=value`` pairs for ``flow_id`` (whole numbers as numbers)."""
    found: dict[str, object] = {}
    for name, value in parse_pairs(pairs).items():
        try:
            found[name] = parse_int(value)
        except ValueError:
            found[name] = value
    return {flow_id: found} if found else {}


def the_tracked_flow(flow_dirs: Iterable[str], flow_id: str | None) -> str:
    """``flow_id``, or the one loaded flow that declares ``tracking:`` when not given."""
    if flow_id is not None:
        return flow_id
    with Engine.open(flows=list(flow_dirs), **flow_overrides()) as engine:
        found = tracked_flows(engine.flows)
    if len(found) != 1:
        names = ", ".join(found) or "-"
        raise click.UsageError(
            f"name the flow with --flow (flows followed by tracking code: {names}) / "
            f"ระบุขั้นตอนงานด้วย --flow (ขั้นตอนงานที่ติดตามด้วยรหัสติดตามเรื่อง: {names})"
        )
    return found[0]


MANUAL_OPTIONS = with_options(
    flows_option,
    click.option(
        "--lang",
        type=click.Choice(["th", "en"]),
        default="th",
        show_default=True,
        help="Language of the manual / ภาษาของคู่มือ",
    ),
    click.option(
        "--format",
        "fmt",
        type=click.Choice(["md", "html"]),
        default="md",
        show_default=True,
        help="Markdown or a page of HTML / Markdown หรือ HTML",
    ),
    click.option("--unit", default=None, help="The unit in charge (else the plan's) / ส่วนงาน"),
    setting_option,
    output_option,
)


def write_flow_manual(
    flow_id: str,
    flow_dirs: tuple[str, ...],
    lang: str,
    fmt: str,
    unit: str | None,
    setting_pairs: tuple[str, ...],
    output: TextIO,
) -> None:
    """Write the manual of ``flow_id`` to ``output``."""
    settings = flow_settings(flow_id, setting_pairs)
    try:
        with Engine.open(flows=list(flow_dirs), settings=settings, **flow_overrides()) as engine:
            document = flow_manual(engine, flow_id, lang=lang, unit=unit)
    except FlowError as exc:
        fail(exc)
        return
    output.write(document.html() if fmt == "html" else document.markdown())


@click.command("manual")
@click.argument("flow_id", metavar="FLOW")
@MANUAL_OPTIONS
def manual_command(
    flow_id: str,
    flow_dirs: tuple[str, ...],
    lang: str,
    fmt: str,
    unit: str | None,
    setting_pairs: tuple[str, ...],
    output: TextIO,
) -> None:
    """A flow's handling manual, written from the flow / คู่มือการปฏิบัติงานจากขั้นตอนงาน."""
    write_flow_manual(flow_id, flow_dirs, lang, fmt, unit, setting_pairs, output)


__all__ = [
    "MANUAL_OPTIONS",
    "flow_settings",
    "manual_command",
    "setting_option",
    "the_tracked_flow",
    "write_flow_manual",
]
