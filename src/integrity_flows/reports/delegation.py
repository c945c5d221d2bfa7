"""Delegation reports (plan projects 19 and 23): the orders in force on a day with their
chains, the yearly KPI (not fewer than 4 orders of delegation, assignment or acting), and
the delegates whose monthly report is overdue."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

import attrs

from integrity_flows.authority import as_day, effective_on, in_force_on, resolve
from integrity_flows.calendars import fiscal_year as fiscal_year_of
from integrity_flows.case import Case
from integrity_flows.definition.model import Label
from integrity_flows.reports.base import Figure

if TYPE_CHECKING:
    from integrity_flows.engine.runtime import Engine

FLOW_ID = "delegation_order"  # the flow whose orders these reports read

#: The plan's output target for both projects: not fewer than 4 orders a fiscal year.
KPI_TARGET = 4
KINDS = ("delegation", "assignment", "acting")


@attrs.frozen
class OrderEntry:
    """One order in force on a day, with the chain that gives its delegate the power."""

    case_id: str
    order_no: str
    kind: str
    power: str | None
    delegator: str
    delegate: str
    valid_from: str
    valid_until: str | None
    state: str
    chain: tuple[str, ...] = ()  # order numbers from this order up to the root holder
    root: str | None = None  # the position holding the power at the root; None: broken chain


def _entry(engine: Engine, case: Case, on: date) -> OrderEntry:
    data = case.data
    power = data.get("power")
    chain: tuple[str, ...] = ()
    root = None
    if power:
        grant = resolve(engine.store, str(power), str(data["delegate"]), on)
        if grant is not None and grant.orders and grant.orders[0] == case.id:
            chain, root = grant.order_numbers, grant.position
    return OrderEntry(
        case.id,
        str(data.get("order_no", "")),
        str(data["kind"]),
        str(power) if power else None,
        str(data["delegator"]),
        str(data["delegate"]),
        str(data["valid_from"]),
        str(data["valid_until"]) if data.get("valid_until") else None,
        case.state,
        chain,
        root,
    )


def _orders(engine: Engine) -> list[Case]:
    return list(engine.store.iter_cases(FLOW_ID))


def orders_in_force(
    engine: Engine, on: date | datetime, power: str | None = None
) -> list[OrderEntry]:
    """The orders in force on ``on`` (optionally of one power; acting orders carry every
    power), by power then order number."""
    day = as_day(on)
    found = [
        _entry(engine, case, day)
        for case in _orders(engine)
        if in_force_on(case, day) and (power is None or case.data.get("power") in (power, None))
    ]
    return sorted(found, key=lambda e: (e.power or "", e.order_no, e.case_id))


@attrs.frozen
class DelegationKpi:
    """Orders that took effect in a fiscal year, against the target of 4."""

    fiscal_year: int
    by_kind: dict[str, int]
    order_numbers: tuple[str, ...]
    overdue_delegates: tuple[str, ...]

    @property
    def total(self) -> int:
        """Orders of every kind."""
        return sum(self.by_kind.values())

    @property
    def target_met(self) -> bool:
        """Not fewer than 4 orders (the plan's output for projects 19 and 23)."""
        return self.total >= KPI_TARGET

    def figures(self) -> Sequence[Figure]:
        """The KPI as named figures."""
        return (
            Figure("orders", Label("จำนวนคำสั่ง", "orders"), self.total),
            Figure(
                "delegation",
                Label("คำสั่งมอบอำนาจ", "delegation orders"),
                self.by_kind["delegation"],
            ),
            Figure(
                "assignment",
                Label("คำสั่งมอบหมายงาน", "assignment orders"),
                self.by_kind["assignment"],
            ),
            Figure("acting", Label("คำสั่งให้รักษาราชการแทน", "acting orders"), self.by_kind["acting"]),
            Figure("order_numbers", Label("เลขที่คำสั่ง", "order numbers"), self.order_numbers),
            Figure("target", Label("เป้าหมาย", "target"), KPI_TARGET),
            Figure("target_met", Label("บรรลุเป้าหมาย", "target met"), self.target_met),
            Figure(
                "overdue_delegates",
                Label("ผู้รับมอบที่ค้างส่งรายงานประจำเดือน", "delegates with overdue monthly reports"),
                self.overdue_delegates,
            ),
        )


def delegation_kpi(engine: Engine, fiscal_year: int) -> DelegationKpi:
    """Orders of each kind that took effect in ``fiscal_year`` (B.E.)."""
    by_kind = dict.fromkeys(KINDS, 0)
    numbers = []
    for case in _orders(engine):
        start = effective_on(case)
        if start is None or fiscal_year_of(start) != fiscal_year:
            continue
        by_kind[str(case.data["kind"])] += 1
        numbers.append(str(case.data.get("order_no", case.id)))
    overdue = tuple(sorted({e.delegate for e in overdue_reports(engine)}))
    return DelegationKpi(fiscal_year, by_kind, tuple(sorted(numbers)), overdue)


@attrs.frozen
class OverdueReport:
    """A delegate whose monthly report on an order is overdue (the delegator was told)."""

    case_id: str
    order_no: str
    delegate: str
    delegator: str
    overdue_since: datetime
    period_start: str | None


def overdue_reports(engine: Engine) -> list[OverdueReport]:
    """Orders whose monthly report is overdue now, by delegate."""
    found = [
        OverdueReport(
            case.id,
            str(case.data.get("order_no", "")),
            str(case.data["delegate"]),
            str(case.data["delegator"]),
            case.entered_at,
            case.data.get("report_period_start"),
        )
        for case in engine.store.iter_cases(FLOW_ID, "report_overdue")
    ]
    return sorted(found, key=lambda r: (r.delegate, r.order_no))
