"""Reports computed from cases: registers and plan figures.

:data:`REPORTS` lists the reports a feature may name (by id or by Thai or English label)
with ``รายงาน "..." ปีงบประมาณ ...`` / ``the report "..." for fiscal year ...`` and that are
still computed in Python; the others are declared (``flows/reports/*.yaml``, see
:mod:`integrity_flows.reports.catalogue`), and a declared report of the same id or label
comes first.
"""

from __future__ import annotations

from integrity_flows.reports.base import Figure, ReportError, ReportSpec, render_value
from integrity_flows.reports.delegation import OrderEntry, orders_in_force

#: The reports features and the command line may name.
REPORTS: tuple[ReportSpec, ...] = ()


def find_report(name: str) -> ReportSpec | None:
    """The report whose id or Thai/English label is ``name``."""
    return next((spec for spec in REPORTS if spec.matches(name.strip())), None)


__all__ = [
    "REPORTS",
    "Figure",
    "OrderEntry",
    "ReportError",
    "ReportSpec",
    "find_report",
    "orders_in_force",
    "render_value",
]
