"""Registers over the items of a records field: ``table: SET, records: FIELD``."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from _records import FLOWS, ORGANIZER
from integrity_flows import Engine
from integrity_flows.clock import FixedClock
from integrity_flows.errors import DefinitionError
from integrity_flows.reports.base import Table
from integrity_flows.reports.catalogue import run_report
from integrity_flows.testing.world import cell_agrees

REPORT = """
reports:
  - id: risk_items
    label: {th: ความเสี่ยงของหลักสูตร, en: course risks}
    sets:
      courses: {flow: training_course, year: start, order: [title]}
    figures:
      - id: all_risks
        label: {th: ความเสี่ยงทั้งหมด, en: all risks}
        table: courses
        records: risks
        columns:
          - {id: course, label: {th: หลักสูตร, en: course}, value: title}
          - {id: event, label: {th: เหตุการณ์, en: event}, value: event}
          - {id: level, label: {th: ระดับ, en: level}, value: level}
          - {id: cost, label: {th: ค่าใช้จ่าย, en: cost}, value: cost}
      - id: likely
        label: {th: ความเสี่ยงที่โอกาสสูง, en: likely risks}
        table: courses
        records: risks
        items_where: {sub: likelihood, equals: high}
        columns:
          - {id: event, label: {th: เหตุการณ์, en: event}, value: event}
          - {id: state, label: {th: สถานะ, en: state}, value: state}
"""


def _folder(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "flows"
    (folder / "reports").mkdir(parents=True)
    shutil.copy(FLOWS / "training.yaml", folder / "training.yaml")
    (folder / "reports" / "r.yaml").write_text(text, encoding="utf-8")
    return folder


def _engine(folder: Path) -> Engine:
    """A memory engine with the training flow and the report file of ``folder``."""
    return Engine.open(
        "memory://",
        flows=[folder],
        bundled=False,
        entry_points=False,
        clock=FixedClock(datetime(2023, 10, 2, 3, tzinfo=UTC)),
    )


def test_a_register_has_a_row_per_item_in_case_then_item_order(tmp_path: Path) -> None:
    """Rows follow the set's order, then the items' own; enums show their Thai label."""
    e = _engine(_folder(tmp_path, REPORT))
    risks = "event=ฝนตก; likelihood=high; impact=low; cost=100"
    e.start("training_course", actor=ORGANIZER, data={"title": "ข", "risks": risks})
    first = e.start("training_course", actor=ORGANIZER, data={"title": "ก"})
    e.fire(
        first.id,
        "assess",
        actor=ORGANIZER,
        data={
            "risks": [
                "event=ไฟดับ; likelihood=low; impact=low",
                "event=วิทยากรไม่มา; likelihood=high; impact=high",
            ]
        },
    )
    found = {f.key: f.value for f in run_report(e, "risk_items", fiscal_year=2567)}
    table = found["all_risks"]
    assert isinstance(table, Table)
    assert table.rows == (
        ("ก", "ไฟดับ", "minor", None),
        ("ก", "วิทยากรไม่มา", "severe", None),
        ("ข", "ฝนตก", "major", "100"),
    )
    assert table.kinds == ("text", "text", "text", "decimal")
    likely = found["likely"]
    assert isinstance(likely, Table)
    assert [row[0] for row in likely.rows] == ["วิทยากรไม่มา", "ฝนตก"]
    assert {row[1] for row in likely.rows} == {"วางแผน"}


BAD = """
reports:
  - id: bad_items
    label: {th: ผิด, en: wrong}
    sets:
      courses: {flow: training_course, year: start}
    figures:
      - id: a
        label: {th: ก, en: a}
        table: courses
        records: risk
        columns: [{id: x, label: {th: x, en: x}, value: event}]
      - id: b
        label: {th: ข, en: b}
        table: courses
        records: participants
        items_where: {sub: presnt, equals: yes}
        columns:
          - {id: x, label: {th: ชื่อ, en: name}, value: persn}
          - {id: y, label: {th: โทร, en: phone}, value: phone}
      - id: c
        label: {th: ค, en: c}
        table: courses
        items_where: {sub: present}
        columns: [{id: x, label: {th: x, en: x}, value: title}]
"""


def test_a_register_of_items_is_checked_at_load(tmp_path: Path) -> None:
    """An unknown records field, sub-field or condition, a sealed sub-field shown, and a
    condition on items without records: each named with its path."""
    with pytest.raises(DefinitionError) as refused:
        _engine(_folder(tmp_path, BAD))
    text = "\n".join(str(p) for p in refused.value.problems)
    assert "figures[0].records: 'risk' is not a records field of flow 'training_course'" in text
    assert "(did you mean 'risks'?)" in text
    assert "figures[1].columns[0].value: 'persn' is neither a sub-field" in text
    assert "figures[1].columns[1].value: 'phone' is a sensitive sub-field" in text
    assert "figures[1].items_where.sub: 'presnt' is not a sub-field" in text
    assert "figures[2].items_where: items_where needs records" in text


@pytest.mark.parametrize(
    ("value", "kind", "cell", "agrees"),
    [
        ("2023-10-02", "date", "๒ ตุลาคม ๒๕๖๖", True),
        ("2023-10-02", "date", "3 October 2566", False),
        (6, "integer", "๖", True),
        ("83.85", "decimal", "๘๓.๘๕", True),
        ("83.85", "decimal", "83.9", False),
        (None, "text", "-", True),
        ("สูง", "text", "สูง", True),
        ("สูง", "text", "ต่ำ", False),
    ],
)
def test_a_register_cell_is_compared_as_people_write_it(
    value: str | int | None, kind: str, cell: str, agrees: bool
) -> None:
    """Dates in any form, Thai digits, '-' for empty, text as written."""
    assert cell_agrees(value, kind, cell) is agrees
