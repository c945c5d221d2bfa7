"""Figures computed from other figures, settings and target groups (not from a pass over
cases): rates against a total, targets met, constants, settings, the fiscal year, a
figure of another report, the choices of a field, and the members of a target group
missing from a list."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from integrity_flows.reports.accumulators import _List, rounded
from integrity_flows.reports.base import Figure, FigureValue
from integrity_flows.reports.reading_cases import number

if TYPE_CHECKING:
    from integrity_flows.reports.accumulators import Accumulator
    from integrity_flows.reports.declaration import FigureDecl, Group, Test
    from integrity_flows.reports.run import Run

_HUNDRED = Decimal(100)


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
        return values.get(test.figure) == limit
    wanted = _as_number(limit)
    if found is None or wanted is None:
        return False
    if test.op == "at_least":
        return found >= wanted
    if test.op == "at_most":
        return found <= wanted
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
    held = case.data.get(group.field or "") if case is not None else None
    items = held if isinstance(held, list) else ([] if held in (None, "") else [held])
    return tuple(str(i) for i in items)


def _missing(decl: FigureDecl, run: Run, acc: Accumulator | None) -> FigureValue:
    assert decl.group is not None and isinstance(acc, _List)
    present = set(acc.names())
    missing = tuple(m for m in group_members(decl.group, run) if m not in present)
    return len(missing) if decl.number else missing


def _choices(decl: FigureDecl, run: Run) -> FigureValue:
    assert decl.group is not None
    members = group_members(decl.group, run)
    return len(members) if decl.number else members


def _other(decl: FigureDecl, run: Run) -> FigureValue:
    figures = run.other(decl.report)
    found = next((f for f in figures if f.key == decl.figure), None)
    return found.value if found is not None else None


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
    elif kind == "choices":
        value = _choices(decl, run)
    else:
        value = _missing(decl, run, acc)
    return [Figure(decl.id, decl.label, value)]


__all__ = ["derived_figures", "group_members"]
