"""The lending register of government property (ทะเบียนการยืมทรัพย์สินของราชการ), per fiscal year.

Plan project 13, method step 4: compliance is monitored through a lending register
kept systematically. A loan enters the register when the item is handed over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from integrity_flows.audit.records import from_iso
from integrity_flows.calendars import fiscal_year_span_utc

if TYPE_CHECKING:
    from datetime import datetime

    from integrity_flows.engine.runtime import Engine

LENDING_FLOW = "asset_lending"


@attrs.frozen
class LoanEntry:
    """One line of the register. The borrower's contact details are not part of it."""

    register_no: str
    case_id: str
    item: str
    borrower: str
    borrower_type: str
    purpose: str
    handed_over_at: datetime
    return_date: str
    returned_at: datetime | None
    condition_out: str
    condition_in: str | None
    state: str


def lending_register(
    engine: Engine, fiscal_year: int, flow_id: str = LENDING_FLOW
) -> list[LoanEntry]:
    """Loans handed over in fiscal year B.E. ``fiscal_year``, in handover order."""
    start, end = fiscal_year_span_utc(fiscal_year)
    entries = []
    for case in engine.store.iter_cases(flow_id):
        data = case.data
        handed = data.get("handed_over_at")
        if not handed or not start <= from_iso(handed) < end:
            continue
        returned = data.get("returned_at")
        entries.append(
            LoanEntry(
                register_no=str(data.get("register_no", "")),
                case_id=case.id,
                item=str(data.get("item", "")),
                borrower=str(data.get("borrower", "")),
                borrower_type=str(data.get("borrower_type", "")),
                purpose=str(data.get("purpose", "")),
                handed_over_at=from_iso(handed),
                return_date=str(data.get("return_date", "")),
                returned_at=from_iso(returned) if returned else None,
                condition_out=str(data.get("condition_out", "")),
                condition_in=data.get("condition_in"),
                state=case.state,
            )
        )
    return sorted(entries, key=lambda e: (e.handed_over_at, e.register_no))
