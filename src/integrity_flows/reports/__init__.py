"""Reports computed from cases: registers and plan figures.

:data:`REPORTS` lists the reports a feature may name (by id or by Thai or English label)
with ``รายงาน "..." ปีงบประมาณ ...`` / ``the report "..." for fiscal year ...``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from integrity_flows.definition.model import Label
from integrity_flows.reports.base import Figure, ReportError, ReportSpec, render_value
from integrity_flows.reports.complaints import ComplaintStatistics, complaint_statistics
from integrity_flows.reports.delegation import (
    DelegationKpi,
    OrderEntry,
    OverdueReport,
    delegation_kpi,
    orders_in_force,
    overdue_reports,
)
from integrity_flows.reports.lending import LoanEntry, lending_register
from integrity_flows.reports.no_gift import (
    Declaration,
    DeclarationRegister,
    PledgeKpi,
    PublicGiftFigures,
    declaration_register,
    pledge_kpi,
    public_figures,
)
from integrity_flows.reports.salary_step import (
    RoundReport,
    SalaryStepYear,
    round_report,
    salary_step_year,
)

if TYPE_CHECKING:
    from integrity_flows.engine.runtime import Engine


def _register_figures(engine: Engine, fiscal_year: int) -> Sequence[Figure]:
    return declaration_register(engine, fiscal_year).figures()


def _public_figures(engine: Engine, fiscal_year: int) -> Sequence[Figure]:
    return public_figures(engine, fiscal_year).figures()


def _pledge_figures(engine: Engine, fiscal_year: int) -> Sequence[Figure]:
    return pledge_kpi(engine, fiscal_year).figures()


def _delegation_figures(engine: Engine, fiscal_year: int) -> Sequence[Figure]:
    return delegation_kpi(engine, fiscal_year).figures()


def _salary_step_figures(engine: Engine, fiscal_year: int) -> Sequence[Figure]:
    return salary_step_year(engine, fiscal_year).figures()


def _complaint_figures(engine: Engine, fiscal_year: int) -> Sequence[Figure]:
    return complaint_statistics(engine, fiscal_year).figures()


#: The reports features and the command line may name.
REPORTS: tuple[ReportSpec, ...] = (
    ReportSpec(
        "gift_register",
        Label("ทะเบียนการแจ้งการรับของขวัญ", "gift declaration register"),
        _register_figures,
    ),
    ReportSpec(
        "gift_public_figures",
        Label("ข้อมูลการรับของขวัญเพื่อเผยแพร่", "published gift figures"),
        _public_figures,
    ),
    ReportSpec(
        "no_gift_pledges",
        Label("ผลการปฏิบัติตามมาตรการ NO Gift Policy", "No Gift Policy pledges"),
        _pledge_figures,
    ),
    ReportSpec(
        "delegation_orders",
        Label("ผลการออกคำสั่งมอบอำนาจ มอบหมาย และรักษาราชการแทน", "delegation orders"),
        _delegation_figures,
    ),
    ReportSpec(
        "salary_step",
        Label("ผลการพิจารณาเลื่อนขั้นเงินเดือน", "salary-step rounds"),
        _salary_step_figures,
    ),
    ReportSpec(
        "complaint_statistics",
        Label("สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "corruption complaint statistics"),
        _complaint_figures,
    ),
)


def find_report(name: str) -> ReportSpec | None:
    """The report whose id or Thai/English label is ``name``."""
    return next((spec for spec in REPORTS if spec.matches(name.strip())), None)


__all__ = [
    "REPORTS",
    "ComplaintStatistics",
    "Declaration",
    "DeclarationRegister",
    "DelegationKpi",
    "Figure",
    "LoanEntry",
    "OrderEntry",
    "OverdueReport",
    "PledgeKpi",
    "PublicGiftFigures",
    "ReportError",
    "ReportSpec",
    "RoundReport",
    "SalaryStepYear",
    "complaint_statistics",
    "declaration_register",
    "delegation_kpi",
    "find_report",
    "lending_register",
    "orders_in_force",
    "overdue_reports",
    "pledge_kpi",
    "public_figures",
    "render_value",
    "round_report",
    "salary_step_year",
]
