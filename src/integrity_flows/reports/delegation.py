"""The grants in force on a day, each with the chain of grants that gives its delegate the
power (plan projects 19 and 23: delegation, assignment and acting orders): an authority
lookup, not a yearly report.

It reads every loaded flow that declares ``grants:`` (``Engine.granting``) by the fields
its declaration names; the yearly figures are the declared report ``delegation_orders``
(``flows/reports/delegation.yaml``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import attrs

from integrity_flows.authority import as_day, in_force_on, resolve

if TYPE_CHECKING:
    from integrity_flows.case import Case
    from integrity_flows.definition.model import Grants
    from integrity_flows.engine.runtime import Engine


@attrs.frozen
class OrderEntry:
    """One grant in force on a day, with the chain that gives its delegate the power."""

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


def _text(case: Case, field: str | None) -> str | None:
    held = case.data.get(field) if field else None
    return None if held in (None, "") else str(held)


def _entry(engine: Engine, case: Case, rule: Grants, on: date) -> OrderEntry:
    power, delegate = _text(case, rule.power), str(case.data[rule.delegate])
    chain: tuple[str, ...] = ()
    root = None
    if power:
        grant = resolve(engine.store, power, delegate, on, flows=engine.granting)
        if grant is not None and grant.orders and grant.orders[0] == case.id:
            chain, root = grant.order_numbers, grant.position
    return OrderEntry(
        case.id,
        _text(case, rule.number) or "",
        _text(case, rule.kind) or "",
        power,
        str(case.data[rule.delegator]),
        delegate,
        _text(case, rule.valid_from[0]) or "",
        _text(case, rule.valid_until),
        case.state,
        chain,
        root,
    )


def orders_in_force(
    engine: Engine, on: date | datetime, power: str | None = None
) -> list[OrderEntry]:
    """The grants in force on ``on`` (optionally of one power; a grant of every power,
    such as an acting order, carries it too), by power then order number."""
    day, flows = as_day(on), engine.granting
    found = []
    for flow_id in sorted({flow for flow, _ in flows.rules}):
        for case in engine.store.iter_cases(flow_id):
            rule = flows.rule(case)
            if rule is None or not in_force_on(case, day, rule):
                continue
            if power is None or _text(case, rule.power) in (power, None):
                found.append(_entry(engine, case, rule, day))
    return sorted(found, key=lambda e: (e.power or "", e.order_no, e.case_id))
