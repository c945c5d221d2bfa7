"""Reports computed from cases: registers and plan figures."""

from integrity_flows.reports.lending import LoanEntry, lending_register

__all__ = ["LoanEntry", "lending_register"]
