"""The delegation orders in force on a day, each with the chain of orders that gives its
delegate the power (plan projects 19 and 23): an authority lookup, not a yearly report.

The yearly figures (orders that took effect against the target of 4, the delegates whose
monthly report is overdue) are the declared report ``delegation_orders``
(``flows/reports/delegation.yaml``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import attrs

from integrity_flows.authority import FLOW_ID, as_day, in_force_on, resolve

if TYPE_CHECKING:
    from integrity_flows.case import Case
    from integrity_flows.engine.runtime import Engine


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
