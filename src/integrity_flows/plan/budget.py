"""Part 2 reproduced: each dimension's rows and totals per fiscal year, the totals as
printed beside the totals computed from the rows, and the difference where they disagree.

An unreadable cell (``#####``) counts nothing in a computed total, and the total says how
many such cells it passed over: the difference is then what those cells would have to
hold, never a guess put in their place.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from integrity_flows.plan.model import BudgetCell, Dimension, Part2Row, Plan, PrintedTotal


@attrs.frozen
class YearTotal:
    """One fiscal year of a total row: as printed, as computed from the rows."""

    year: int
    printed: BudgetCell | None
    computed: int | Decimal
    unreadable: int = 0

    @property
    def difference(self) -> int | Decimal | None:
        """Printed minus computed, when the printed cell is a number (a dash is 0)."""
        if self.printed is None or self.printed.kind in ("unreadable", "blank"):
            return None
        return self.printed.value - self.computed

    @property
    def status(self) -> str:
        """``agrees``; ``differs``; ``rows_unreadable`` (the difference is what the
        unreadable rows would have to hold); ``unreadable`` (the printed total is);
        ``not_printed``."""
        if self.printed is None or self.printed.kind == "blank":
            return "not_printed"
        if self.printed.kind == "unreadable":
            return "unreadable"
        if self.unreadable:
            return "rows_unreadable"
        return "agrees" if self.difference == 0 else "differs"

    @property
    def agrees(self) -> bool:
        """True unless the printed total and the rows' sum disagree for certain."""
        return self.status != "differs"


@attrs.frozen
class DimensionBudget:
    """A dimension's rows and its totals."""

    dimension: Dimension
    rows: tuple[Part2Row, ...]
    totals: tuple[YearTotal, ...]
    printed_projects: int | None
    counted_projects: int

    @property
    def agrees(self) -> bool:
        """True when every year's total and the project count agree with the rows."""
        count_ok = self.printed_projects in (None, self.counted_projects)
        return count_ok and all(t.agrees for t in self.totals)


@attrs.frozen
class BudgetTable:
    """The whole of Part 2: the dimensions and the grand total."""

    plan: Plan
    dimensions: tuple[DimensionBudget, ...]
    grand: tuple[YearTotal, ...]
    printed_projects: int | None
    counted_projects: int


def _totals(
    years: Iterable[int], rows: Iterable[Part2Row], printed: PrintedTotal | None
) -> tuple[YearTotal, ...]:
    listed = list(rows)
    found = []
    for year in years:
        cells = [r.budget.get(year) for r in listed]
        found.append(
            YearTotal(
                year,
                printed.budget.get(year) if printed is not None else None,
                sum((c.value for c in cells if c is not None), start=0),
                sum(1 for c in cells if c is not None and c.kind == "unreadable"),
            )
        )
    return tuple(found)


def budget_table(plan: Plan) -> BudgetTable:
    """Part 2 of ``plan`` with its printed and computed totals."""
    dimensions = []
    for d in plan.dimensions:
        rows = tuple(r for r in plan.rows if r.dimension == d.number)
        printed = d.printed_total
        dimensions.append(
            DimensionBudget(
                d,
                rows,
                _totals(plan.years, rows, printed),
                printed.projects if printed is not None else None,
                len(rows),
            )
        )
    grand = plan.grand_total
    return BudgetTable(
        plan,
        tuple(dimensions),
        _totals(plan.years, plan.rows, grand),
        grand.projects if grand is not None else None,
        len(plan.rows),
    )


__all__ = ["BudgetTable", "DimensionBudget", "YearTotal", "budget_table"]
