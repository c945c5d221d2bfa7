"""The occurrences of declared duties as a register (a :class:`Table`), for the
``duties`` command and the ``duties`` figure of a declared report (docs/duties.md)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from integrity_flows.definition.model import FlowDefinition, Label
from integrity_flows.duties import Occurrence
from integrity_flows.reports.base import Cell, Table

#: The columns of a register of occurrences: (key, label, kind).
COLUMNS: tuple[tuple[str, Label, str], ...] = (
    ("duty", Label("หน้าที่", "duty"), "text"),
    ("period", Label("งวด", "period"), "text"),
    ("due_on", Label("กำหนดส่ง", "due on"), "date"),
    ("status", Label("สถานะ", "status"), "text"),
    ("fulfilled_by", Label("ดำเนินการโดยเรื่อง", "fulfilled by"), "text"),
    ("fulfilled_on", Label("วันที่ดำเนินการ", "fulfilled on"), "date"),
    ("owner", Label("ผู้รับผิดชอบ", "owner"), "text"),
    ("owing_case", Label("เรื่องที่มีหน้าที่", "owing case"), "text"),
    ("recorded", Label("บันทึกค้างดำเนินการ", "overdue record"), "text"),
)


def owner_text(
    occurrence: Occurrence, flows: Mapping[str, FlowDefinition], *, english: bool = False
) -> str:
    """Who owes the occurrence: the person, the role's label and the unit."""
    parts = []
    if occurrence.owner_person:
        parts.append(occurrence.owner_person)
    definition = flows.get(occurrence.flow_id)
    if occurrence.owner_role and definition is not None:
        label = definition.label_of_role(occurrence.owner_role)
        parts.append(label.en if english else label.th)
    if occurrence.owner_unit:
        parts.append(occurrence.owner_unit)
    return ", ".join(parts)


def duty_table(
    occurrences: Iterable[Occurrence],
    flows: Iterable[FlowDefinition],
    *,
    english: bool = False,
    columns: Sequence[str] | None = None,
) -> Table:
    """One row per occurrence, in Thai (or English) words; dates ISO (each output shows
    them its own way)."""
    by_id = {d.id: d for d in flows}
    wanted = [c for c in COLUMNS if columns is None or c[0] in columns]
    rows = []
    for o in occurrences:

        def word(label: Label) -> str:
            return label.en if english else label.th

        values: dict[str, Cell] = {
            "duty": word(o.label),
            "period": word(o.period_label),
            "due_on": o.due_on.isoformat() if o.due_on else None,
            "status": word(o.status_label),
            "fulfilled_by": o.fulfilled_by,
            "fulfilled_on": o.fulfilled_on.isoformat() if o.fulfilled_on else None,
            "owner": owner_text(o, by_id, english=english) or None,
            "owing_case": o.owing_case,
            "recorded": o.recorded,
        }
        rows.append(tuple(values[key] for key, _, _ in wanted))
    return Table(
        keys=tuple(c[0] for c in wanted),
        columns=tuple(c[1] for c in wanted),
        kinds=tuple(c[2] for c in wanted),
        rows=tuple(rows),
    )


__all__ = ["COLUMNS", "duty_table", "owner_text"]
