"""Reports computed from cases.

Reports are declared in report files beside the flows (``flows/reports/*.yaml``; see
docs/reports.md): :mod:`integrity_flows.reports.catalogue` loads and runs them, and
:func:`~integrity_flows.reports.catalogue.run_report` gives a report's figures.
"""

from __future__ import annotations

from integrity_flows.reports.base import Figure, ReportError, render_value
from integrity_flows.reports.delegation import OrderEntry, orders_in_force

__all__ = [
    "Figure",
    "OrderEntry",
    "ReportError",
    "orders_in_force",
    "render_value",
]
