"""Authority resolution: may an actor exercise a power on a date, and under which order?

Plan projects 19 and 23 (delegation, assignment and acting orders). A power is held
directly by the positions ``powers.yaml`` names for it (the roots), and otherwise only
through an order of the ``delegation_order`` flow in force on that date:

- a **delegation** or **assignment** order gives its delegate one power, provided the power
  may be delegated and the delegator held it on that date (directly or through another
  order: the chain Chief Executive → Deputy / Palad → heads of units → section chiefs);
- an **acting** order (รักษาราชการแทน) gives its delegate every power the holder (the
  order's delegator) holds on that date, non-delegable powers included.

An order is in force on a date when it has taken effect (it was announced and its first
day has come), the date is within ``valid_from`` .. ``valid_until`` and the order had not
ended (revoked, superseded or expired) by that date. Orders are found through the store's
index on ``delegate``: no other flow's cases are read.

The service is pure: it reads the store and returns an :class:`AuthorityGrant` or None.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any

import attrs
import yaml

from integrity_flows.calendars import THAI_TZ, parse_date
from integrity_flows.case import Case
from integrity_flows.protocols import CaseLookup

FLOW_ID = "delegation_order"
# States in which an order has taken effect (and possibly ended since).
IN_FORCE_STATES = ("in_force", "report_overdue")
ENDED_STATES = ("revoked", "superseded", "expired")
EFFECTIVE_STATES = IN_FORCE_STATES + ENDED_STATES
_MAX_DEPTH = 12  # longer chains than the plan's four levels are refused, not followed


@attrs.frozen
class Power:
    """A power from ``powers.yaml``."""

    id: str
    th: str
    en: str
    delegable: bool
    holders: tuple[str, ...]


@attrs.frozen
class PowerTable:
    """Every power and the positions that hold it directly."""

    powers: Mapping[str, Power]
    positions: Mapping[str, tuple[str, str]]

    def get(self, power: str) -> Power | None:
        """The power ``power``, if known."""
        return self.powers.get(power)

    def position_ids(self, names: Collection[str]) -> frozenset[str]:
        """The positions among ``names``, each given by id or by Thai or English label."""
        found = set()
        for name in names:
            for pid, (th, en) in self.positions.items():
                if name in (pid, th) or name.casefold() == en.casefold():
                    found.add(pid)
        return frozenset(found)


@cache
def power_table() -> PowerTable:
    """The bundled ``powers.yaml``."""
    text = (resources.files("integrity_flows") / "powers.yaml").read_text(encoding="utf-8")
    return parse_power_table(yaml.safe_load(text))


def parse_power_table(raw: Mapping[str, Any]) -> PowerTable:
    """A power table from its YAML form (see ``powers.yaml``)."""
    powers = {
        pid: Power(
            pid,
            str(spec["label"]["th"]),
            str(spec["label"]["en"]),
            bool(spec.get("delegable", True)),
            tuple(spec.get("holders", ())),
        )
        for pid, spec in raw["powers"].items()
    }
    positions = {pid: (str(v["th"]), str(v["en"])) for pid, v in raw["positions"].items()}
    return PowerTable(powers, positions)


@attrs.frozen
class AuthorityGrant:
    """Why an actor holds a power on a date.

    ``orders`` are the order case ids from the actor's own order up to the root holder's;
    ``position`` is the position of whoever holds the power directly at the root.
    Empty ``orders`` means the actor holds the power by position.
    """

    power: str
    actor: str
    on: date
    position: str
    orders: tuple[str, ...] = ()
    order_numbers: tuple[str, ...] = ()
    via: tuple[str, ...] = ()  # the kind of each order: delegation, assignment or acting

    @property
    def delegated(self) -> bool:
        """True when the power comes through at least one order."""
        return bool(self.orders)

    def as_dict(self) -> dict[str, Any]:
        """The grant as written in an audit event."""
        return {
            "power": self.power,
            "on": self.on.isoformat(),
            "position": self.position,
            "orders": list(self.orders),
            "order_numbers": list(self.order_numbers),
            "via": list(self.via),
        }


def effective_on(case: Case) -> date | None:
    """The first day an order is in force: its ``valid_from`` or, if later, the day it was
    announced (an order takes effect only once announced). None when it never took effect."""
    if case.state not in EFFECTIVE_STATES:
        return None
    announced = case.data.get("announced_on")
    if not announced:
        return None
    return max(parse_date(case.data["valid_from"]), parse_date(announced))


def in_force_on(case: Case, on: date) -> bool:
    """True when the order ``case`` is in force on the day ``on``."""
    start = effective_on(case)
    if start is None or on < start:
        return False
    until = case.data.get("valid_until")
    if until and on > parse_date(until):
        return False
    ended = case.data.get("ended_on")
    return not (case.state in ENDED_STATES and ended and on >= parse_date(ended))


def as_day(moment: date | datetime) -> date:
    """A Thai calendar day (a datetime is read in Thai time)."""
    if isinstance(moment, datetime):
        return moment.astimezone(THAI_TZ).date()
    return moment


def resolve(
    store: CaseLookup,
    power: str,
    actor_id: str,
    on: date | datetime,
    *,
    positions: Collection[str] = (),
    table: PowerTable | None = None,
) -> AuthorityGrant | None:
    """May ``actor_id`` (holding the organization ``positions``) exercise ``power`` on ``on``?

    Returns how (by position, or the orders of the chain), or None. An unknown power is
    held by nobody.
    """
    table = table or power_table()
    return _Resolver(store, table, as_day(on)).holds(power, actor_id, positions, frozenset(), 0)


def orders_of_delegate(store: CaseLookup, actor_id: str) -> list[Case]:
    """Every order naming ``actor_id`` as delegate that has taken effect (indexed lookup)."""
    found = []
    for case_id in store.holders(FLOW_ID, "delegate", actor_id, EFFECTIVE_STATES):
        case = store.load(case_id)
        if case is not None:
            found.append(case)
    return found


@attrs.define
class _Resolver:
    store: CaseLookup
    table: PowerTable
    on: date

    def holds(
        self,
        power: str,
        actor: str,
        positions: Collection[str],
        visiting: frozenset[str],
        depth: int,
    ) -> AuthorityGrant | None:
        spec = self.table.get(power)
        if spec is None or depth > _MAX_DEPTH or actor in visiting:
            return None
        held = self.table.position_ids(positions)
        for position in spec.holders:
            if position in held:
                return AuthorityGrant(power, actor, self.on, position)
        visiting = visiting | {actor}
        for order in orders_of_delegate(self.store, actor):
            if not in_force_on(order, self.on):
                continue
            kind = order.data.get("kind")
            if kind != "acting" and (order.data.get("power") != power or not spec.delegable):
                continue
            delegator = str(order.data.get("delegator", ""))
            rank = order.data.get("delegator_position")
            above = self.holds(power, delegator, (rank,) if rank else (), visiting, depth + 1)
            if above is not None:
                return AuthorityGrant(
                    power,
                    actor,
                    self.on,
                    above.position,
                    (order.id, *above.orders),
                    (str(order.data.get("order_no", "")), *above.order_numbers),
                    (str(kind), *above.via),
                )
        return None
