"""Lists and reports in the formats an office uses: text, JSON, CSV and spreadsheets.

- :func:`emit_list`: a list (flows, reports, cases, events, deadlines, orders) as aligned
  text, JSON (one array of objects), or CSV (UTF-8 with a byte-order mark, a Thai and an
  English header row), or an ``.xlsx`` workbook;
- :func:`write_xlsx`: a workbook of sheets, each a Thai header row, an English one and
  its rows; it needs the ``xlsx`` extra (openpyxl) and says so, naming it, without.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import attrs
import click

from integrity_flows.definition.model import Label
from integrity_flows.display import aligned
from integrity_flows.identity import printable
from integrity_flows.reports.base import Figure, Table
from integrity_flows.reports.render import BOM, cell_text

F = TypeVar("F", bound=Callable[..., Any])

LIST_FORMATS = ("text", "json", "csv", "xlsx")
XLSX_EXTRA = (
    'the xlsx format needs the "xlsx" extra (openpyxl): pip install "integrity-flows[xlsx]" '
    '(from a clone: pip install -e ".[xlsx]") / การส่งออกเป็น .xlsx ต้องติดตั้งส่วนเสริม "xlsx" (openpyxl)'
)
_SHEET_NAME = 31  # Excel's limit on a sheet's name


@attrs.frozen
class Sheet:
    """One sheet of a workbook: its name, the columns' Thai and English labels, its rows."""

    name: str
    columns: tuple[Label, ...]
    rows: tuple[tuple[Any, ...], ...]


def list_format_options(func: F) -> F:
    """``--format text|json|csv|xlsx`` and ``--output FILE`` (needed for xlsx)."""
    func = click.option(
        "--output",
        "-o",
        "output",
        type=click.Path(dir_okay=False, writable=True),
        default=None,
        help="File to write (standard output by default; required for xlsx) / ไฟล์ที่จะเขียน",
    )(func)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(LIST_FORMATS),
        default="text",
        show_default=True,
        help="text, JSON, CSV (UTF-8 with BOM) or an Excel workbook / รูปแบบ",
    )(func)


def need_output(fmt: str, output: str | None) -> str | None:
    """``output``, or a usage error when a workbook is asked for without one."""
    if fmt == "xlsx" and not output:
        raise click.UsageError(
            "--format xlsx writes a file: give --output FILE.xlsx / "
            "รูปแบบ xlsx ต้องระบุไฟล์ด้วย --output"
        )
    return output


def write_xlsx(path: str | Path, sheets: Sequence[Sheet]) -> None:
    """Write ``sheets`` to the workbook ``path``: on each, a Thai header row, an English one
    (so a clerk and a script both find their column), then the rows."""
    if importlib.util.find_spec("openpyxl") is None:
        raise click.ClickException(XLSX_EXTRA)
    from openpyxl import Workbook  # noqa: PLC0415 - the optional extra, on demand
    from openpyxl.styles import Font  # noqa: PLC0415

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for sheet in sheets:
        name = _sheet_name(sheet.name, taken)
        page = book.create_sheet(name)
        page.append([c.th for c in sheet.columns])
        page.append([c.en for c in sheet.columns])
        for cell in (*page[1], *page[2]):
            cell.font = Font(bold=True)
        for row in sheet.rows:
            page.append([_xlsx_value(v) for v in row])
        page.freeze_panes = "A3"
    book.save(str(path))


_FIGURE_COLUMNS = (
    Label("รายการ", "figure"),
    Label("ชื่อรายการ", "label"),
    Label("ค่า", "value"),
)


def report_sheets(report_id: str, figures: Sequence[Figure]) -> list[Sheet]:
    """A report as sheets: its figures (id, Thai and English label, value; a register
    counts its rows), then each register on a sheet of its own, headers in Thai and
    English, dates in the Buddhist Era, numbers as numbers."""
    rows: list[tuple[Any, ...]] = []
    registers: list[Figure] = []
    for f in figures:
        label = f"{f.label.th} / {f.label.en}"
        if isinstance(f.value, Table):
            rows.append((f.key, label, len(f.value.rows)))
            registers.append(f)
        elif isinstance(f.value, int | Decimal) and not isinstance(f.value, bool) and not f.plain:
            rows.append((f.key, label, float(f.value) if isinstance(f.value, Decimal) else f.value))
        else:
            rows.append((f.key, label, f.text()))
    sheets = [Sheet(report_id, _FIGURE_COLUMNS, tuple(rows))]
    for f in registers:
        table = f.value
        assert isinstance(table, Table)
        cells = tuple(
            tuple(_sheet_cell(c, k) for c, k in zip(row, table.kinds, strict=True))
            for row in table.rows
        )
        sheets.append(Sheet(f.key, table.columns, cells))
    return sheets


def _sheet_cell(cell: Any, kind: str) -> Any:
    if isinstance(cell, Decimal):
        return float(cell)
    if isinstance(cell, int) and not isinstance(cell, bool) and kind in ("integer", "year"):
        return cell
    return cell_text(cell, kind)


def _sheet_name(name: str, taken: set[str]) -> str:
    base = "".join(ch for ch in name if ch not in "[]:*?/\\")[:_SHEET_NAME] or "sheet"
    found, n = base, 1
    while found in taken:
        n += 1
        found = f"{base[: _SHEET_NAME - len(str(n)) - 1]}-{n}"
    taken.add(found)
    return found


def _xlsx_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _text(value: Any) -> str:
    return "-" if value is None or value == "" else str(value)


def emit_list(
    fmt: str,
    name: str,
    columns: Sequence[tuple[str, Label]],
    rows: Sequence[Sequence[Any]],
    *,
    output: str | None = None,
    show: Callable[[str], str] | None = None,
) -> None:
    """Print a list in ``fmt``: ``columns`` are (key, label) pairs, ``rows`` hold values
    in their order; ``show`` makes a line of the text format as people read it."""
    need_output(fmt, output)
    labels = tuple(label for _, label in columns)
    if fmt == "xlsx":
        assert output is not None
        write_xlsx(output, [Sheet(name, labels, tuple(tuple(r) for r in rows))])
        click.echo(f"เขียนแล้ว / written: {output}", err=True)
        return
    if fmt == "json":
        keys = [key for key, _ in columns]
        text = json.dumps(
            [dict(zip(keys, row, strict=True)) for row in rows],
            ensure_ascii=False,
            indent=2,
            default=str,
        )
        _write(text + "\n", output)
        return
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([label.th for label in labels])
        writer.writerow([label.en for label in labels])
        writer.writerows([["" if v is None else v for v in row] for row in rows])
        _write(BOM + out.getvalue(), output)
        return
    if not rows:
        return  # an empty list prints nothing, as before: a script may test for output
    head = [f"{label.th} / {label.en}" if label.th != label.en else label.th for label in labels]
    lines = aligned([head, *[[printable(_text(v)) for v in row] for row in rows]])
    shown = show or (lambda line: line)
    _write("".join(f"{shown(line)}\n" for line in lines), output)


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8", newline="")
    else:
        click.echo(text, nl=False)


__all__ = [
    "LIST_FORMATS",
    "Sheet",
    "emit_list",
    "list_format_options",
    "need_output",
    "report_sheets",
    "write_xlsx",
]
