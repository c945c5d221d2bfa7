"""``integrity-flows report``: every declared report, by one command.

- ``report list``: the reports the loaded flows declare (id, Thai and English label,
  whether it is for a fiscal year or one case, public or not);
- ``report ID --db PATH [--fiscal-year Y] [--case ID] [--format text|json|csv]
  [--lang th|en] [--as-of DATE]``: one report, computed from the cases.

A report is named by its id or by its Thai or English label. CSV is UTF-8 with a byte
order mark, so that Excel opens Thai correctly.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time
from typing import Any

import click

from integrity_flows.calendars import THAI_TZ
from integrity_flows.cli.common import (
    F,
    db_option,
    fail,
    fiscal_year_option,
    flows_option,
    open_engine,
    optional_fiscal_year_option,
    typed_date,
)
from integrity_flows.errors import FlowError
from integrity_flows.loading.discovery import default_registry, load_library
from integrity_flows.reports.catalogue import run_report
from integrity_flows.reports.render import Lang, as_csv, as_json, as_text


def _as_of(_ctx: click.Context, _param: click.Parameter, value: str | None) -> datetime | None:
    """The end of a Thai calendar day: the report is made as that day closes."""
    if value is None:
        return None
    return datetime.combine(typed_date(value, "--as-of"), time(23, 59, 59), THAI_TZ)


def format_options(func: F) -> F:
    """``--format``, ``--lang`` and ``--as-of``: how and as of when a report is printed."""
    for option in reversed(
        (
            click.option(
                "--format",
                "fmt",
                type=click.Choice(["text", "json", "csv"]),
                default="text",
                show_default=True,
                help="text, JSON, or CSV for a spreadsheet / รูปแบบ",
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
    ):
        func = option(func)
    return func


class _ReportGroup(click.Group):
    """``report ID ...`` runs ``report show ID ...``: a report's id is its command."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "show", self.commands["show"], args
        return super().resolve_command(ctx, args)


@click.group("report", cls=_ReportGroup)
def report_group() -> None:
    """Declared reports of the flows / รายงานที่ขั้นตอนงานกำหนดไว้."""


@report_group.command("list")
@flows_option
def list_command(flow_dirs: tuple[str, ...]) -> None:
    """The reports the flows declare / รายงานทั้งหมด."""
    try:
        library = load_library(flow_dirs, registry=default_registry())
    except FlowError as exc:
        fail(exc)
        return
    for report in library.reports:
        scope = "ปีงบประมาณ/year" if report.scope == "year" else "เรื่อง/case"
        public = "  เปิดเผยได้/public" if report.public else ""
        click.echo(f"{report.id}  [{scope}]{public}")
        click.echo(f"    {report.label.th} / {report.label.en}")


@report_group.command("show", hidden=True)
@click.argument("name")
@db_option
@flows_option
@optional_fiscal_year_option
@click.option("--case", "case_id", default=None, help="The case of a one-case report / เรื่อง")
@format_options
def show_command(
    name: str,
    db: str,
    flow_dirs: tuple[str, ...],
    fiscal_year: int | None,
    case_id: str | None,
    fmt: str,
    lang: Lang,
    as_of: datetime | None,
) -> None:
    """One report, computed from the cases / รายงานหนึ่งรายงาน."""
    print_report(db, flow_dirs, name, fiscal_year, case_id, fmt, lang, as_of)


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
) -> None:
    """Compute the report ``name`` on ``db`` and print it in ``fmt`` (``settings``: the
    host's setting overrides by flow, for an alias that takes them)."""
    with open_engine(db, flow_dirs, must_exist=True, settings=settings) as engine:
        try:
            report = engine.reports.get(name)
            figures = run_report(
                engine, report.id, fiscal_year=fiscal_year, case_id=case_id, now=as_of
            )
        except FlowError as exc:
            fail(exc)
            return
    if fmt == "json":
        click.echo(as_json(report, figures, fiscal_year=fiscal_year, case_id=case_id), nl=False)
    elif fmt == "csv":
        click.echo(as_csv(report, figures), nl=False)
    else:
        text = as_text(report, figures, fiscal_year=fiscal_year, case_id=case_id, lang=lang)
        click.echo(text, nl=False)


JSON_FLAG = click.option(
    "--json", "as_json", is_flag=True, help="Same as --format json / แสดงผลเป็น JSON"
)


def report_alias(
    name: str, report_id: str, help_text: str, *, json_flag: bool = False
) -> click.Command:
    """A command ``name`` that prints the yearly report ``report_id`` (an alias of
    ``report REPORT_ID``, for the command groups of the procedures); with ``json_flag``
    it also keeps an older ``--json`` flag, the same as ``--format json``."""

    def alias(
        db: str,
        flow_dirs: tuple[str, ...],
        fiscal_year: int,
        fmt: str,
        lang: Lang,
        as_of: datetime | None,
        as_json: bool = False,
    ) -> None:
        fmt = "json" if as_json else fmt
        print_report(db, flow_dirs, report_id, fiscal_year, None, fmt, lang, as_of)

    options = (db_option, flows_option, fiscal_year_option, format_options)
    for option in reversed((*options, JSON_FLAG) if json_flag else options):
        alias = option(alias)
    return click.command(name, help=help_text)(alias)


__all__ = ["print_report", "report_alias", "report_group"]
