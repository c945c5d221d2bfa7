"""A report's figures as text, JSON or CSV.

- text: one figure a line, Thai (``lang="th"``, Thai digits) or English; a register as
  a table whose columns line up by display width; dates in the Buddhist Era;
- JSON: plain data, numbers exact (decimals as text), dates and instants ISO 8601;
- CSV: UTF-8 with a byte-order mark so that Excel opens Thai correctly; one row a
  figure (id, Thai label, English label, value), then each register under its own
  header row; dates in the Buddhist Era, Arabic digits.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from integrity_flows.calendars import english_date, thai_date, thai_datetime, thai_digits
from integrity_flows.definition.model import Label
from integrity_flows.display import aligned
from integrity_flows.reports.base import Cell, Figure, FigureValue, Table, render_value
from integrity_flows.reports.declaration import ReportDecl

Lang = Literal["th", "en", "both"]
BOM = "\ufeff"


def _cell_text(cell: Cell, kind: str, lang: Lang, *, thai: bool) -> str:
    if cell is None or cell == "":
        return "-"
    if isinstance(cell, str) and kind == "date":
        day = date.fromisoformat(cell[:10])
        return english_date(day) if lang == "en" else thai_date(day, digits=thai)
    if isinstance(cell, str) and kind == "datetime":
        shown = thai_datetime(datetime.fromisoformat(cell.replace("Z", "+00:00")))
        return thai_digits(shown) if thai else shown
    if kind == "year" and isinstance(cell, int):
        return thai_digits(str(cell)) if thai else str(cell)
    return render_value(cell, thai=thai)


def cell_text(cell: Cell, kind: str) -> str:
    """A register's cell as a spreadsheet shows it: dates in the Buddhist Era, Arabic
    digits (as in CSV)."""
    return _cell_text(cell, kind, "th", thai=False)


def _label(label: Label, lang: Lang) -> str:
    if lang == "both":
        return label.th if label.th == label.en else f"{label.th} / {label.en}"
    return label.th if lang == "th" else label.en


def _title(report: ReportDecl, year: int | None, case_id: str | None, lang: Lang) -> str:
    name = _label(report.label, lang)
    if case_id:
        return f"{name} — {'เรื่อง' if lang == 'th' else 'case'} {case_id}"
    if lang == "th":
        return f"{name} ปีงบประมาณ {thai_digits(str(year))}"
    if lang == "both":
        return f"{name} — ปีงบประมาณ / fiscal year B.E. {year}"
    return f"{name}, fiscal year B.E. {year}"


def _table_lines(table: Table, lang: Lang) -> list[str]:
    rows = [[_label(c, lang) for c in table.columns]]
    for row in table.rows:
        rows.append(
            [
                _cell_text(cell, kind, lang, thai=lang == "th")
                for cell, kind in zip(row, table.kinds, strict=True)
            ]
        )
    # Columns line up by display width (a Thai vowel or tone mark takes no column).
    return ["    " + line for line in aligned(rows, sep=" | ")]


def as_text(
    report: ReportDecl,
    figures: Sequence[Figure],
    *,
    fiscal_year: int | None,
    case_id: str | None = None,
    lang: Lang = "both",
) -> str:
    """The report as lines of text for a person (both languages unless ``lang`` says)."""
    lines = [_title(report, fiscal_year, case_id, lang)]
    for figure in figures:
        label = _label(figure.label, lang)
        lines.append(f"  {label}: {figure.text(thai=lang == 'th')}")
        if isinstance(figure.value, Table):
            lines.extend(_table_lines(figure.value, lang))
    return "\n".join(lines) + "\n"


def _plain(value: FigureValue | Cell) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Table):
        return [{k: _plain(v) for k, v in row.items()} for row in value.as_dicts()]
    if isinstance(value, tuple):
        return list(value)
    return value


def as_json(
    report: ReportDecl,
    figures: Sequence[Figure],
    *,
    fiscal_year: int | None,
    case_id: str | None = None,
) -> str:
    """The report as JSON (dates ISO, decimals as exact text)."""
    data = {
        "report": report.id,
        "label": {"th": report.label.th, "en": report.label.en},
        "fiscal_year": fiscal_year,
        "case": case_id,
        "figures": [
            {
                "id": f.key,
                "label": {"th": f.label.th, "en": f.label.en},
                "value": _plain(f.value),
            }
            for f in figures
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def as_csv(report: ReportDecl, figures: Sequence[Figure]) -> str:
    """The report as CSV for a spreadsheet, UTF-8 with a byte-order mark."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["figure", "รายการ", "label", "value"])
    tables = []
    for f in figures:
        if isinstance(f.value, Table):
            tables.append(f)
            writer.writerow([f.key, f.label.th, f.label.en, len(f.value.rows)])
        else:
            writer.writerow([f.key, f.label.th, f.label.en, f.text()])
    for f in tables:
        assert isinstance(f.value, Table)
        writer.writerow([])
        writer.writerow([f"{report.id}.{f.key}", *(c.th for c in f.value.columns)])
        writer.writerow(["", *(c.en for c in f.value.columns)])
        for row in f.value.rows:
            cells = [
                _cell_text(c, k, "th", thai=False) for c, k in zip(row, f.value.kinds, strict=True)
            ]
            writer.writerow(["", *cells])
    return BOM + out.getvalue()


__all__ = ["BOM", "as_csv", "as_json", "as_text", "cell_text"]
