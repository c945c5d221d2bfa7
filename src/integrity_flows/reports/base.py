"""What every report is made of: named figures.

Each figure has an id and a Thai and English label, so a feature, the command line and a
host may name it either way, and a value that is a count, an amount, a percentage, a
yes/no, a list of names or a register (a table).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from integrity_flows.calendars import thai_digits
from integrity_flows.definition.model import Label
from integrity_flows.errors import FlowError
from integrity_flows.plain import to_plain

Cell = str | int | Decimal | bool | None


@attrs.frozen
class Table:
    """A figure that is a register: labelled columns and one row per case.

    Cells keep the data's own values (dates as ISO text); ``kinds`` says which columns
    hold dates or instants, so each output shows them its own way (the Buddhist Era in
    text and CSV, ISO in JSON), and which holds the id of the row's case (``case``).
    """

    keys: tuple[str, ...]
    columns: tuple[Label, ...]
    kinds: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def as_dicts(self) -> list[dict[str, Cell]]:
        """The rows as mappings of column id to cell."""
        return [dict(zip(self.keys, row, strict=True)) for row in self.rows]

    def as_dict(self) -> dict[str, Any]:
        """The register as JSON data: its columns (id, labels, kind) and its rows as
        objects of column id to cell (decimals as exact text)."""
        return {
            "columns": [
                {"key": key, "th": label.th, "en": label.en, "kind": kind}
                for key, label, kind in zip(self.keys, self.columns, self.kinds, strict=True)
            ],
            "rows": to_plain(self.as_dicts()),
        }


FigureValue = int | Decimal | bool | str | tuple[str, ...] | Table | None


@attrs.frozen
class Figure:
    """One figure of a report: an id, its labels and its value."""

    key: str
    label: Label
    value: FigureValue
    # Shown as written, without thousands separators: a year, a number that names.
    plain: bool = False

    def matches(self, name: str) -> bool:
        """True when ``name`` is this figure's id or either of its labels."""
        return name == self.key or self.label.matches(name)

    def text(self, *, thai: bool = False) -> str:
        """The value as people read it (``-`` for none)."""
        if self.plain and isinstance(self.value, int) and not isinstance(self.value, bool):
            return thai_digits(str(self.value)) if thai else str(self.value)
        return render_value(self.value, thai=thai)

    def as_dict(self) -> dict[str, Any]:
        """The figure as JSON data: ``key``, ``label`` (``th``, ``en``) and ``value`` (a
        register as :meth:`Table.as_dict`, a decimal as exact text, names as a list)."""
        value = self.value.as_dict() if isinstance(self.value, Table) else to_plain(self.value)
        return {"key": self.key, "label": to_plain(self.label), "value": value}


def render_value(value: FigureValue, *, thai: bool = False) -> str:
    """A figure value as text: amounts with thousands separators, names joined by commas."""
    if value is None:
        text = "-"
    elif isinstance(value, bool):
        text = ("ใช่" if value else "ไม่ใช่") if thai else ("yes" if value else "no")
    elif isinstance(value, Decimal):
        text = f"{value:,.2f}"
    elif isinstance(value, int):
        text = f"{value:,}"
    elif isinstance(value, Table):
        text = f"{len(value.rows):,}"
    elif isinstance(value, tuple):
        text = ", ".join(value) or "-"
    else:
        text = value
    return thai_digits(text) if thai and not isinstance(value, tuple | str | Table) else text


class ReportError(FlowError):
    """A report cannot be computed from what the cases hold (Thai and English message)."""

    code = "report_error"
