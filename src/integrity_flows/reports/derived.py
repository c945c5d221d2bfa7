"""Figures computed from other figures, settings and target groups (not from a pass over
cases): rates against a total, targets met, constants, settings, the fiscal year, a
figure of another report, the choices of a field, the members of a target group (all of
them, those missing from a list, those found in it) and the values of a list outside
the group."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from integrity_flows.reports.accumulators import _List, rounded
from integrity_flows.reports.base import Figure, FigureValue
from integrity_flows.reports.duty_table import duty_table
from integrity_flows.reports.reading_cases import number

if TYPE_CHECKING:
    from integrity_flows.reports.accumulators import Accumulator
    from integrity_flows.reports.declaration import FigureDecl, Group, Test
    from integrity_flows.reports.run import Run

_HUNDRED = Decimal(100)
_SEPARATORS = re.compile(r"[,\n]")


def _rate(decl: FigureDecl, values: Mapping[str, FigureValue]) -> FigureValue:
    part, whole = _as_number(values.get(decl.of or "")), _as_number(values.get(decl.over or ""))
    if part is None or whole is None or whole == 0:
        return _constant(decl.when_zero)
    return rounded(part * _HUNDRED / whole, decl.round)


def _as_number(value: FigureValue) -> Decimal | None:
    if isinstance(value, tuple):
        return Decimal(len(value))
    return number(value)


def _passes(test: Test, values: Mapping[str, FigureValue]) -> bool:
    found = _as_number(values.get(test.figure))
    limit = test.than
    if isinstance(limit, str) and limit in values:
        limit = values[limit]
    if test.op == "equals" and not isinstance(limit, int | Decimal):
        return bool(values.get(test.figure) == limit)
    wanted = _as_number(limit)
    if found is None or wanted is None:
        return False
    if test.op == "at_least":
        return found >= wanted
    if test.op == "at_most":
        return found <= wanted
    if test.op == "below":
        return found < wanted
    return found == wanted


def _constant(given: Any) -> FigureValue:
    if isinstance(given, float):
        return Decimal(str(given))
    if isinstance(given, int | bool | str | Decimal) or given is None:
        return given
    return str(given)


def _setting(decl: FigureDecl, run: Run) -> FigureValue:
    held = run.source.settings(decl.flow or "").get(decl.setting or "")
    if isinstance(held, bool | int):
        return held
    return number(held) if number(held) is not None else _constant(held)


def group_members(group: Group, run: Run) -> tuple[str, ...]:
    """The members of a target group, as people read them (Thai labels of choices)."""
    if group.kind == "choices":
        field = run.source.definition_for(group.flow or "").data[group.field or ""]
        return tuple(
            field.choice_labels[c].th if c in field.choice_labels else c for c in field.choices
        )
    case = run.first.get(group.set or "")
    members = _items(case.data.get(group.field or "") if case is not None else None, group.split)
    if group.without is not None and case is not None:
        left = set(_items(case.data.get(group.without), group.split))
        members = tuple(m for m in members if m not in left)
    return members


def _items(held: object, split: bool) -> tuple[str, ...]:
    """A list field's items as text; with ``split``, the names each item holds (separated
    by commas or line breaks), each once."""
    items: Iterable[object] = (
        held if isinstance(held, list) else ([] if held in (None, "") else [held])
    )
    if not split:
        return tuple(str(i) for i in items)
    names = (n.strip() for i in items for n in _SEPARATORS.split(str(i)))
    return tuple(dict.fromkeys(n for n in names if n))


def _missing(decl: FigureDecl, run: Run, acc: Accumulator | None) -> FigureValue:
    """``missing``: members not in the list; ``found``: members in it (both in the group's
    order); ``outside``: values of the list not in the group (in the list's order)."""
    assert decl.group is not None
    assert isinstance(acc, _List)
    listed = acc.names()
    members = group_members(decl.group, run)
    if decl.kind == "outside":
        group = set(members)
        found = tuple(n for n in listed if n not in group)
    else:
        present = set(listed)
        wanted = decl.kind == "found"
        found = tuple(m for m in members if (m in present) is wanted)
    return len(found) if decl.number else found


def _choices(decl: FigureDecl, run: Run) -> FigureValue:
    assert decl.group is not None
    members = group_members(decl.group, run)
    return len(members) if decl.number else members


def _other(decl: FigureDecl, run: Run) -> FigureValue:
    figures = run.other(decl.report)
    found = next((f for f in figures if f.key == decl.figure), None)
    return found.value if found is not None else None


def _duties(decl: FigureDecl, run: Run) -> FigureValue:
    """The occurrences of the report's fiscal year of one flow's duties (or one duty), as
    a register, or their number; only those of ``statuses`` when it names any."""
    if run.year is None:
        return None
    found = [
        o
        for o in run.source.duties(run.year, decl.flow or "", decl.duty)
        if not decl.statuses or o.status in decl.statuses
    ]
    if decl.number:
        return len(found)
    found.sort(key=lambda o: (o.first, o.owner_person or "", o.owing_case or "", o.duty_id))
    flows = [run.source.definition_for(o) for o in sorted({o.flow_id for o in found})]
    table = duty_table(found, flows)
    if decl.field is None:
        return table
    column = table.keys.index(decl.field)
    shown = (row[column] for row in table.rows)
    return tuple(dict.fromkeys(str(cell) for cell in shown if cell not in (None, "")))


def derived_figures(
    decl: FigureDecl, run: Run, values: Mapping[str, FigureValue], acc: Accumulator | None
) -> list[Figure]:
    """The figure ``decl`` computes from what is already known."""
    kind = decl.kind
    value: FigureValue
    if kind == "rate":
        value = _rate(decl, values)
    elif kind == "met":
        value = all(_passes(t, values) for t in decl.tests)
    elif kind == "constant":
        value = _constant(decl.constant)
    elif kind == "setting":
        value = _setting(decl, run)
    elif kind == "fiscal_year":
        value = run.year
    elif kind == "report":
        value = _other(decl, run)
    elif kind in ("choices", "group"):
        value = _choices(decl, run)
    elif kind == "duties":
        value = _duties(decl, run)
    else:
        value = _missing(decl, run, acc)
    return [Figure(decl.id, decl.label, value)]


__all__ = ["derived_figures", "group_members"]
