"""``integrity-flows duties``: who owes what, occurrence by occurrence.

``duties --db PATH [--fiscal-year Y] [--unit U] [--flow F] [--duty D] [--as-of DATE]
[--format text|json|csv] [--lang th|en|both]`` lists every occurrence of the duties the
loaded flows declare (``duties:``, docs/duties.md) in a fiscal year (default: the one of
``--as-of``, or of today): its period, due date (Buddhist Era in text and CSV, ISO in
JSON), status (done on time, done late, due, overdue, missing), the case or record that
fulfilled it, and who owes it. CSV is UTF-8 with a byte-order mark, as ``report`` writes.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from integrity_flows.calendars import THAI_TZ
from integrity_flows.calendars import fiscal_year as fiscal_year_of
from integrity_flows.cli.common import (
    db_option,
    digit_style,
    fail,
    flows_option,
    open_engine,
    optional_fiscal_year_option,
)
from integrity_flows.cli.exports import need_output, report_sheets, write_xlsx
from integrity_flows.cli.report import format_options
from integrity_flows.definition.model import Label
from integrity_flows.display import styled_digits
from integrity_flows.duties import STATUSES, Occurrence
from integrity_flows.errors import FlowError
from integrity_flows.reports.base import Figure
from integrity_flows.reports.declaration import ReportDecl
from integrity_flows.reports.duty_table import duty_table, owner_text
from integrity_flows.reports.render import Lang, as_csv, as_text

_TITLE = Label("หน้าที่ตามรอบระยะเวลา", "duties on a calendar")


@click.command("duties")
@db_option
@flows_option
@optional_fiscal_year_option
@click.option("--unit", default=None, help="Only the duties this unit owes / เฉพาะหน่วยงาน")
@click.option("--flow", "flow_id", default=None, help="Only this flow's duties / เฉพาะขั้นตอนงาน")
@click.option("--duty", "duty_id", default=None, help="Only this duty / เฉพาะหน้าที่")
@format_options
def duties_command(
    db: str,
    flow_dirs: tuple[str, ...],
    fiscal_year: int | None,
    unit: str | None,
    flow_id: str | None,
    duty_id: str | None,
    fmt: str,
    output: str | None,
    lang: Lang,
    as_of: datetime | None,
) -> None:
    """Every occurrence of the declared duties, its due date and status / หน้าที่ตามรอบ
    ระยะเวลา กำหนดส่ง และสถานะของแต่ละงวด."""
    need_output(fmt, output)
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        now = as_of or engine.clock()
        year = fiscal_year if fiscal_year is not None else fiscal_year_of(now)
        try:
            if flow_id is not None:
                engine.flows.get(flow_id)
            found = engine.duties(year, now=now, flow_id=flow_id, duty_id=duty_id)
        except FlowError as exc:
            fail(exc)
            return
        if unit is not None:
            found = [o for o in found if o.owner_unit == unit]
        flows = list(engine.flows.latest())
        if fmt == "json":
            by_id = {d.id: d for d in flows}
            data = {
                "fiscal_year": year,
                "as_of": now.astimezone(THAI_TZ).date().isoformat(),
                "occurrences": [_as_json(o, by_id) for o in found],
            }
            shown = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            if output:
                Path(output).write_text(shown, encoding="utf-8")
            else:
                click.echo(shown, nl=False)
            return
        report = ReportDecl(id="duties", label=_TITLE, sets={}, figures=())
        table = duty_table(found, flows, english=lang == "en")
        figures = [Figure("duties", _TITLE, table), *_counts(found)]
        if fmt == "xlsx":
            assert output is not None
            write_xlsx(output, report_sheets("duties", figures))
            click.echo(f"เขียนแล้ว / written: {output}", err=True)
            return
        text = (
            as_csv(report, figures)
            if fmt == "csv"
            else styled_digits(
                as_text(report, figures, fiscal_year=year, lang=lang), digit_style(lang)
            )
        )
        if output:
            Path(output).write_text(text, encoding="utf-8", newline="")
        else:
            click.echo(text, nl=False)


def _counts(found: list[Occurrence]) -> list[Figure]:
    from integrity_flows.duties import STATUS_LABELS  # noqa: PLC0415 - beside its use

    return [
        Figure(status, STATUS_LABELS[status], sum(1 for o in found if o.status == status))
        for status in STATUSES
    ]


def _as_json(o: Occurrence, flows: dict[str, Any]) -> dict[str, Any]:
    return {
        "flow": o.flow_id,
        "duty": o.duty_id,
        "label": {"th": o.label.th, "en": o.label.en},
        "period": o.period,
        "period_label": {"th": o.period_label.th, "en": o.period_label.en},
        "first": o.first.isoformat(),
        "last": o.last.isoformat(),
        "due_on": o.due_on.isoformat() if o.due_on else None,
        "status": o.status,
        "status_label": {"th": o.status_label.th, "en": o.status_label.en},
        "fulfilled_by": o.fulfilled_by,
        "fulfilled_on": o.fulfilled_on.isoformat() if o.fulfilled_on else None,
        "owner": {
            "role": o.owner_role,
            "unit": o.owner_unit,
            "person": o.owner_person,
            "text": owner_text(o, flows),
        },
        "owing_case": o.owing_case,
        "recorded": o.recorded,
        "cites": o.cites,
    }


__all__ = ["duties_command"]
