"""``integrity-flows report``: every declared report, by one command.

- ``report list``: the reports the loaded flows declare (id, Thai and English label,
  whether it is for a fiscal year or one case, public or not);
- ``report ID --db PATH [--fiscal-year Y] [--case ID] [--format text|json|csv]
  [--lang th|en] [--as-of DATE]``: one report, computed from the cases.

A report is named by its id or by its Thai or English label. CSV is UTF-8 with a byte
order mark, so that Excel opens Thai correctly.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping
from contextlib import redirect_stdout as redirect
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import click

from integrity_flows.audit.checkpoint import Checkpoint
from integrity_flows.audit.log import checkpoint_of
from integrity_flows.calendars import THAI_TZ
from integrity_flows.cli.common import (
    F,
    db_option,
    digit_style,
    fail,
    fiscal_year_option,
    flow_overrides,
    flows_option,
    identity_options,
    make_actor,
    open_engine,
    optional_fiscal_year_option,
    typed_date,
    with_options,
)
from integrity_flows.cli.exports import (
    emit_list,
    list_format_options,
    need_output,
    report_sheets,
    write_xlsx,
)
from integrity_flows.definition.model import Label
from integrity_flows.display import styled_digits
from integrity_flows.errors import FlowError
from integrity_flows.identity import printable
from integrity_flows.loading.discovery import default_registry, load_library
from integrity_flows.reports.base import Figure, Table
from integrity_flows.reports.catalogue import run_report
from integrity_flows.reports.render import Lang, as_csv, as_json, as_text

if TYPE_CHECKING:
    from integrity_flows.engine.runtime import Engine
    from integrity_flows.reports.declaration import ReportDecl


def _as_of(_ctx: click.Context, _param: click.Parameter, value: str | None) -> datetime | None:
    """The end of a Thai calendar day: the report is made as that day closes."""
    if value is None:
        return None
    return datetime.combine(typed_date(value, "--as-of"), time(23, 59, 59), THAI_TZ)


#: ``--format``, ``--lang`` and ``--as-of``: how and as of when a report is printed.
format_options = with_options(
    click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json", "csv", "xlsx"]),
        default="text",
        show_default=True,
        help="text, JSON, CSV (UTF-8 with BOM) or an Excel workbook (xlsx, with --output; "
        "the xlsx extra) / รูปแบบ",
    ),
    click.option(
        "--output",
        "-o",
        "output",
        type=click.Path(dir_okay=False),
        default=None,
        help="File to write (standard output by default; required for xlsx) / ไฟล์ที่จะเขียน",
    ),
    click.option(
        "--lang",
        type=click.Choice(["th", "en", "both"]),
        default="both",
        show_default=True,
        help="Language of the text format / ภาษา",
    ),
    click.option(
        "--as-of",
        "as_of",
        callback=_as_of,
        help="Ages and overdue as of the end of this day / ณ วันที่",
    ),
)


@attrs.frozen
class Reveal:
    """Read ``field`` of each case a report's registers list, in clear, as this reader."""

    field: str
    actor_id: str
    roles: tuple[str, ...]
    reason: str


def reveal_of(
    field: str | None,
    actor_id: str | None,
    roles: tuple[str, ...],
    reason: str | None,
    flag: str,
) -> Reveal | None:
    """The reading asked for with ``flag``, or a usage error when it lacks its reader."""
    if field is None:
        return None
    if not (actor_id and reason):
        raise click.BadParameter(
            f"{flag} needs --actor, --role and --reason: every reading is recorded "
            "/ การเปิดอ่านต้องระบุผู้เปิดอ่าน บทบาท และเหตุผล",
            param_hint="--actor",
        )
    return Reveal(field, actor_id, roles, reason)


#: ``--actor``, ``--role`` and ``--reason``: who reads sensitive data in clear, and why.
reader_options = with_options(
    click.option("--actor", "actor_id", default=None, help="Who reads / ผู้เปิดอ่าน"),
    click.option("--role", "roles", multiple=True, help="A role the reader holds / บทบาท"),
    click.option("--reason", default=None, help="Why it is read / เหตุผลในการเปิดอ่าน"),
    identity_options,
)


class _ReportGroup(click.Group):
    """``report ID ...`` runs ``report show ID ...``: a report's id is its command, and
    its usage and help say ``report ID``."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return args[0], self.commands["show"], args
        return super().resolve_command(ctx, args)


class _ShowCommand(click.Command):
    """Run as ``report ID``: the usage line names the report, not ``show NAME``."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        if ctx.info_name != self.name:
            return ["[OPTIONS]"]
        return super().collect_usage_pieces(ctx)


@click.group("report", cls=_ReportGroup)
def report_group() -> None:
    """Declared reports of the flows / รายงานที่ขั้นตอนงานกำหนดไว้.

    \b
    integrity-flows report list                      the reports, with their ids
    integrity-flows report ID --db PATH [OPTIONS]    one report (ID --help: its options)
    """


_LIST_COLUMNS = (
    ("report", Label("รายงาน", "report")),
    ("scope", Label("ขอบเขต", "scope")),
    ("public", Label("เปิดเผยได้", "public")),
    ("label_th", Label("ชื่อรายงาน", "Thai label")),
    ("label_en", Label("ชื่อภาษาอังกฤษ", "English label")),
)


@report_group.command("list")
@flows_option
@list_format_options
def list_command(flow_dirs: tuple[str, ...], fmt: str, output: str | None) -> None:
    """The reports the flows declare / รายงานทั้งหมด."""
    need_output(fmt, output)
    try:
        library = load_library(flow_dirs, registry=default_registry(), **flow_overrides())
    except FlowError as exc:
        fail(exc)
        return
    if fmt != "text":
        rows = [(r.id, r.scope, r.public, r.label.th, r.label.en) for r in library.reports]
        emit_list(fmt, "reports", _LIST_COLUMNS, rows, output=output)
        return
    lines = []
    for report in library.reports:
        scope = "ปีงบประมาณ/year" if report.scope == "year" else "เรื่อง/case"
        public = "  เปิดเผยได้/public" if report.public else ""
        lines.append(f"{report.id}  [{scope}]{public}")
        lines.append(f"    {report.label.th} / {report.label.en}")
    text = "".join(f"{line}\n" for line in lines)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@report_group.command("show", cls=_ShowCommand, hidden=True)
@click.argument("name")
@db_option
@flows_option
@optional_fiscal_year_option
@click.option("--case", "case_id", default=None, help="The case of a one-case report / เรื่อง")
@format_options
@click.option(
    "--reveal",
    "reveal_field",
    default=None,
    help="Then read this sensitive field of each case the registers list, in clear (each "
    "reading audited; needs --actor, --role, --reason and the key) / เปิดอ่านข้อมูลอ่อนไหว",
)
@reader_options
def show_command(
    name: str,
    db: str,
    flow_dirs: tuple[str, ...],
    fiscal_year: int | None,
    case_id: str | None,
    fmt: str,
    output: str | None,
    lang: Lang,
    as_of: datetime | None,
    reveal_field: str | None,
    actor_id: str | None,
    roles: tuple[str, ...],
    reason: str | None,
) -> None:
    """One report, computed from the cases / รายงานหนึ่งรายงาน."""
    reveal = reveal_of(reveal_field, actor_id, roles, reason, "--reveal")
    print_report(
        db, flow_dirs, name, fiscal_year, case_id, fmt, lang, as_of, reveal=reveal, output=output
    )


def _print_revealed(engine: Engine, figures: list[Figure], reveal: Reveal) -> None:
    """Each case the registers list, with ``reveal.field`` read in clear (each reading
    recorded in that case's audit trail)."""
    for table in (f.value for f in figures if isinstance(f.value, Table)):
        if "case" not in table.kinds:
            continue
        column = table.kinds.index("case")
        for n, row in enumerate(table.rows):
            case_id = str(row[column])
            definition = engine.definition_of(engine.get(case_id))
            if n == 0:
                label = (
                    definition.data[reveal.field].label if reveal.field in definition.data else None
                )
                th, en = (label.th, label.en) if label else (reveal.field, reveal.field)
                click.echo(f"{th} (เปิดอ่าน บันทึกในบันทึกการตรวจสอบ) / {en} (read, audited):")
            reader = make_actor(reveal.actor_id, reveal.roles, None, definition)
            value = engine.reveal(case_id, reveal.field, actor=reader, reason=reveal.reason)
            click.echo(printable(f"  {case_id}: {value if value is not None else '-'}"))


def print_report(
    db: str,
    flow_dirs: tuple[str, ...],
    name: str,
    fiscal_year: int | None,
    case_id: str | None = None,
    fmt: str = "text",
    lang: Lang = "both",
    as_of: datetime | None = None,
    settings: Mapping[str, Mapping[str, Any]] | None = None,
    reveal: Reveal | None = None,
    output: str | None = None,
) -> None:
    """Compute the report ``name`` on ``db`` and print it in ``fmt`` (``settings``: the
    host's setting overrides by flow, for an alias that takes them; ``reveal``: then read
    a sensitive field of each case its registers list, each reading audited: the one case
    where a report writes, so only then is the store opened for writing; ``output``: the
    file to write instead of standard output, required for ``xlsx``)."""
    need_output(fmt, output)
    with open_engine(
        db, flow_dirs, must_exist=True, read_only=reveal is None, settings=settings
    ) as engine:
        try:
            report = engine.reports.get(name)
            figures = run_report(
                engine, report.id, fiscal_year=fiscal_year, case_id=case_id, now=as_of
            )
        except FlowError as exc:
            fail(exc)
            return
        checkpoint = checkpoint_of(engine.store)
        if fmt == "xlsx":
            assert output is not None
            write_xlsx(output, report_sheets(report.id, figures))
            click.echo(f"เขียนแล้ว / written: {output}", err=True)
        elif output:
            with open(output, "w", encoding="utf-8", newline="") as handle, redirect(handle):
                _print(report, figures, fiscal_year, case_id, fmt, lang, checkpoint)
        else:
            _print(report, figures, fiscal_year, case_id, fmt, lang, checkpoint)
        if reveal is not None:
            try:
                _print_revealed(engine, figures, reveal)
            except FlowError as exc:
                fail(exc)


def _print(
    report: ReportDecl,
    figures: list[Figure],
    fiscal_year: int | None,
    case_id: str | None,
    fmt: str,
    lang: Lang,
    checkpoint: Checkpoint,
) -> None:
    # The checkpoint (size and root) of the trail the report was made from: read as the
    # report ends, so it covers every event the report saw.
    root = base64.b64encode(checkpoint.root).decode("ascii")
    if fmt == "json":
        data = json.loads(as_json(report, figures, fiscal_year=fiscal_year, case_id=case_id))
        data["checkpoint"] = {"origin": checkpoint.origin, "size": checkpoint.size, "root": root}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(as_csv(report, figures), nl=False)
    else:
        text = as_text(report, figures, fiscal_year=fiscal_year, case_id=case_id, lang=lang)
        # Figures hold stored text (names, subjects): escaped, a line each, and every
        # number in one digit style (a register number typed "ย.1/2567" included).
        style = digit_style(lang)
        lines = [*text.splitlines(), f"จุดตรวจของบันทึก / checkpoint: {checkpoint.origin} "
                 f"size {checkpoint.size} root {root}"]  # fmt: skip
        click.echo(
            "".join(f"{styled_digits(printable(line), style)}\n" for line in lines), nl=False
        )


JSON_FLAG = click.option(
    "--json", "as_json", is_flag=True, help="Same as --format json / แสดงผลเป็น JSON"
)


def report_alias(
    name: str,
    report_id: str,
    help_text: str,
    *,
    json_flag: bool = False,
    reveal: str | None = None,
) -> click.Command:
    """A command ``name`` that prints the yearly report ``report_id`` (an alias of
    ``report REPORT_ID``, for the command groups of the procedures). With ``json_flag`` it
    also keeps an older ``--json`` flag, the same as ``--format json``; with ``reveal`` a
    flag ``--show-FIELD`` that is ``--reveal FIELD``."""
    flag = f"--show-{reveal}" if reveal else ""

    def alias(
        db: str,
        flow_dirs: tuple[str, ...],
        fiscal_year: int,
        fmt: str,
        output: str | None,
        lang: Lang,
        as_of: datetime | None,
        as_json: bool = False,
        show: bool = False,
        actor_id: str | None = None,
        roles: tuple[str, ...] = (),
        reason: str | None = None,
    ) -> None:
        fmt = "json" if as_json else fmt
        wanted = reveal_of(reveal if show else None, actor_id, roles, reason, flag)
        print_report(
            db, flow_dirs, report_id, fiscal_year, None, fmt, lang, as_of, reveal=wanted,
            output=output,
        )  # fmt: skip

    options: list[Callable[[F], F]] = [db_option, flows_option, fiscal_year_option, format_options]
    if json_flag:
        options.append(JSON_FLAG)
    if reveal:
        help_flag = (
            f"Then read each listed case's {reveal} in clear (each reading audited; needs "
            f"--actor, --role, --reason and the key) / เปิดอ่าน {reveal} ของแต่ละเรื่อง"
        )
        options += [click.option(flag, "show", is_flag=True, help=help_flag), reader_options]
    return click.command(name, help=help_text)(with_options(*options)(alias))


__all__ = ["print_report", "report_alias", "report_group"]
