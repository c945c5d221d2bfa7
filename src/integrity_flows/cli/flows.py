"""``integrity-flows flows``: list, show and check flow definitions."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path

import click

from integrity_flows.cli.common import flow_overrides, flows_option
from integrity_flows.cli.exports import emit_list, list_format_options, need_output
from integrity_flows.cli.plan_data import read_plan_or_exit
from integrity_flows.cli.versions import diff_command, lock_command, migrate_command
from integrity_flows.definition.model import FlowDefinition, Label
from integrity_flows.display import aligned, pad
from integrity_flows.engine.machine import CompiledFlow
from integrity_flows.errors import DefinitionError, Problem
from integrity_flows.loading.discovery import (
    FlowLibrary,
    bundled_flows,
    default_registry,
    load_folder,
    load_library,
    plan_problems,
)
from integrity_flows.loading.lock import lock_problems


@click.group("flows")
def flows_group() -> None:
    """Flow definitions / นิยามขั้นตอนงาน."""


flows_group.add_command(lock_command)
flows_group.add_command(diff_command)
flows_group.add_command(migrate_command)


def _library(flow_dirs: tuple[str, ...]) -> FlowLibrary:
    try:
        return load_library(flow_dirs, registry=default_registry(), **flow_overrides())
    except DefinitionError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise SystemExit(1) from exc


_LIST_COLUMNS = (
    ("flow", Label("ขั้นตอนงาน", "flow")),
    ("version", Label("รุ่น", "version")),
    ("project", Label("โครงการที่", "plan project")),
    ("title_th", Label("ชื่อ", "Thai title")),
    ("title_en", Label("ชื่อภาษาอังกฤษ", "English title")),
    ("origin", Label("ที่มา", "origin")),
    ("source", Label("ไฟล์", "source")),
)


@flows_group.command("list")
@flows_option
@list_format_options
def list_flows(flow_dirs: tuple[str, ...], fmt: str, output: str | None) -> None:
    """List the loaded flows and where each comes from / รายการขั้นตอนงานและที่มา."""
    need_output(fmt, output)
    library = _library(flow_dirs)
    if fmt != "text":
        table = [
            (d.id, d.version, d.plan.project if d.plan is not None else None, d.title.th,
             d.title.en, str(library.origin(d)), str(d.source))
            for d in library
        ]  # fmt: skip
        emit_list(fmt, "flows", _LIST_COLUMNS, table, output=output)
        return
    rows = []
    for d in library:
        project = str(d.plan.project) if d.plan is not None else "-"
        origin = library.origin(d)
        rows.append([d.id, f"v{d.version}", f"โครงการที่ {project}", d.title.th])
        rows.append(["", "", f"project {project}", d.title.en])
        # Under the titles: a long path would otherwise widen the project column.
        rows.append(["", "", "", f"ที่มา / from: {origin.thai} / {origin}: {d.source}"])
    for line in aligned(rows):
        click.echo(line)


@flows_group.command("show")
@click.argument("flow_id")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "mermaid"]),
    default="text",
    help="text, or a Mermaid state diagram / ข้อความหรือแผนภาพ Mermaid",
)
@click.option(
    "--lang",
    type=click.Choice(["th", "en"]),
    default="th",
    help="Language of the Mermaid labels / ภาษาของแผนภาพ",
)
@flows_option
def show_flow(flow_id: str, fmt: str, lang: str, flow_dirs: tuple[str, ...]) -> None:
    """Show a flow's states and transitions in Thai and English / แสดงขั้นตอนงาน."""
    library = _library(flow_dirs)
    try:
        definition = library.get(flow_id)
    except Exception as exc:
        click.echo(f"ไม่พบขั้นตอนงาน '{flow_id}' / unknown flow '{flow_id}'", err=True)
        raise SystemExit(1) from exc
    if fmt == "mermaid":
        click.echo(CompiledFlow(definition).mermaid(language=lang))
        return
    click.echo(_text(definition))


def _plan_text(d: FlowDefinition) -> str:
    if d.plan is None:
        return "outside the plan / นอกแผน"
    rows = d.plan.risk_rows
    risk = f"  risk rows / ความเสี่ยงลำดับที่: {', '.join(map(str, rows))}" if rows else ""
    return f"plan project / โครงการที่: {d.plan.project}{risk}"


def _text(d: FlowDefinition) -> str:
    lines = [
        f"{d.title.th}",
        f"{d.title.en}",
        f"id: {d.id}  version: {d.version}  {_plan_text(d)}",
        f"source: {d.source}",
        "",
        "บทบาท / Roles:",
    ]
    roles = []
    for name, role in d.roles.items():
        per_case = "  (ประจำเรื่อง / per case)" if role.per_case else ""
        roles.append(["", name, f"{role.label.th} / {role.label.en}{per_case}"])
    lines += aligned(roles)
    lines += ["", "สถานะ / States:"]
    states = []
    for name, state in d.states.items():
        flags = [
            f
            for f, on in (("เริ่มต้น/initial", state.initial), ("สิ้นสุด/terminal", state.terminal))
            if on
        ]
        due = [
            f"{dl.trigger} after {dl.days or dl.days_setting or 0} day(s)"
            + (f" from {dl.field}" if dl.field else "")
            for dl in state.deadlines
        ]
        extra = f"  [{', '.join(flags + due)}]" if flags or due else ""
        states.append(["", name, f"{state.label.th} / {state.label.en}{extra}"])
    lines += aligned(states)
    lines += ["", "การดำเนินการ / Transitions:"]
    start = d.start
    lines.append(
        f"  {pad('start', 18)} {start.label.th} / {start.label.en}: → {d.initial}"
        f"  roles: {', '.join(start.roles)}  cites: {start.cites or '-'}"
    )
    for t in d.transitions:
        lines.append(
            f"  {pad(t.trigger, 18)} {t.label.th} / {t.label.en}: {', '.join(t.source)} → {t.dest}"
        )
        details = [f"roles: {', '.join(t.roles)}", f"cites: {t.cites or '-'}"]
        if t.requires:
            details.append(f"requires: {', '.join(t.requires)}")
        if t.guards:
            details.append(f"guards: {', '.join(g.name for g in t.guards)}")
        lines.append(f"  {pad('', 18)} {'  '.join(details)}")
    return "\n".join(lines)


@flows_group.command("check")
@click.argument("folders", nargs=-1, type=click.Path(exists=True, file_okay=False))
@click.option(
    "--plan",
    "plan_source",
    default=None,
    help="Also check each flow's project and cites against this plan file (or a plan a "
    "package publishes) / ตรวจกับแผนนี้ด้วย",
)
@flows_option
def check_flows(
    folders: tuple[str, ...], plan_source: str | None, flow_dirs: tuple[str, ...]
) -> None:
    """Check flow files and their reports; exit 1 naming every problem
    / ตรวจนิยามขั้นตอนงานและรายงาน.

    FOLDERS (or --flows DIR; the bundled flows when none is given) are read as every
    command reads them with --flows: with the bundled flows and the plug-ins, the
    templates in templates/ and the reports in reports/ of each folder.
    """
    registry = default_registry()
    folders = (*folders, *flow_dirs)  # --flows DIR, as the other commands take it
    targets: list[Path | Traversable] = [Path(f) for f in folders] or [bundled_flows()]
    problems: list[Problem] = []
    count = 0
    loaded: list[FlowDefinition] = []
    for folder in targets:
        try:
            found = load_folder(folder, registry)
        except DefinitionError as exc:
            problems.extend(exc.problems)
            continue
        count += len(found)
        loaded += found
        # A folder with versions.lock (the bundled one has): no flow changed in place.
        problems.extend(lock_problems(folder, found, registry))
    reports = 0
    if not problems:
        # What loading them with the rest finds: links between flows (parents, children,
        # templates), duties, one id defined twice, and the reports in each folder's
        # reports/ against every flow (a command given --flows loads them so).
        try:
            library = load_library(
                [Path(f) for f in folders], registry=registry, **flow_overrides()
            )
            library.read_kept()  # an engine reads an old version's text when a case needs it
        except DefinitionError as exc:
            problems.extend(exc.problems)
        else:
            reports = len(library.reports)
    if plan_source is not None:
        problems.extend(plan_problems(read_plan_or_exit(plan_source), loaded))
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        click.echo(f"พบปัญหา {len(problems)} จุด / {len(problems)} problem(s) found", err=True)
        raise SystemExit(1)
    click.echo(
        f"ถูกต้อง {count} ขั้นตอนงาน รายงานที่โหลดได้ {reports} รายการ "
        f"/ {count} flow(s) OK, {reports} report(s) loaded"
    )


@flows_group.command("schema")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the schema to this file instead of standard output / เขียนลงไฟล์นี้",
)
def schema_command(output: str | None) -> None:
    """ผังข้อมูล JSON Schema ของไฟล์ขั้นตอนงาน / The JSON Schema of flow files."""
    from integrity_flows.definition.schema import schema_text  # noqa: PLC0415 - on demand

    text = schema_text()
    if output is None:
        click.echo(text, nl=False)
        return
    Path(output).write_text(text, encoding="utf-8")
    click.echo(f"เขียนผังข้อมูลแล้ว / schema written: {output}")
