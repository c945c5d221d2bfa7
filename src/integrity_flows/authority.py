"""Authority resolution: may an actor exercise a power on a date, and under which grant?

A power is held directly by the positions the power table names for it (the roots,
:mod:`integrity_flows.powers`), and otherwise only through a case of a flow that declares
``grants:`` (:class:`~integrity_flows.definition.model.Grants`), in force on that date:

- a case grants its delegate the one power its ``power`` field names, provided the power
  may be delegated and the delegator held it on that date (directly or through another
  grant: a chain of any length up to twelve);
- a case whose ``every_power`` field matches (an acting order) grants its delegate every
  power the delegator holds on that date, non-delegable powers included.

A case is in force on a date when it is in one of the declared ``in_force`` or ``ended``
states, the date is on or after the latest of its ``valid_from`` dates (none may be
empty), not after its ``valid_until`` date, and, in an ended state, before its
``ended_on`` date. Cases are found through the store's index on the delegate field: no
other case is read.

Nothing here names a flow, a state or a field: every name comes from the declarations of
the loaded flows (:class:`GrantingFlows`). The service is pure: it reads the store and
returns an :class:`AuthorityGrant` or None.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import date, datetime
from functools import cache
from typing import Any

import attrs

from integrity_flows.calendars import THAI_TZ, parse_date
from integrity_flows.case import Case
from integrity_flows.definition.model import FlowDefinition, Grants
from integrity_flows.loading.discovery import default_registry, load_library
from integrity_flows.powers import Power, PowerTable, parse_power_table, power_table
from integrity_flows.protocols import CaseLookup, Directory

_MAX_DEPTH = 12  # longer chains than the plan's four levels are refused, not followed


@attrs.frozen
class GrantingFlows:
    """The loaded flows that declare ``grants:``, by id and version."""

    rules: Mapping[tuple[str, int], Grants] = attrs.field(factory=dict)
    # Asked on every decision that resolves a power: worked out once.
    _queries: tuple[tuple[str, str, tuple[str, ...]], ...] = attrs.field(
        init=False, eq=False, repr=False
    )

    @_queries.default
    def _build_queries(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        found = {(key[0], g.delegate, g.effective_states) for key, g in self.rules.items()}
        return tuple(sorted(found))

    @classmethod
    def of(cls, definitions: Iterable[FlowDefinition]) -> GrantingFlows:
        """The declarations among ``definitions``."""
        return cls({d.key: d.grants for d in definitions if d.grants is not None})

    def rule(self, case: Case) -> Grants | None:
        """The declaration a case is read by: its own flow version's."""
        return self.rules.get((case.flow_id, case.flow_version))

    def queries(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """(flow id, delegate field, effective states) to ask the index, once each."""
        return self._queries


@cache
def bundled_granting_flows() -> GrantingFlows:
    """The declarations of the bundled flows: what a caller that names no flows relies on.

    An engine passes the declarations of the flows it loaded instead (host folders and
    installed packages included).
    """
    registry = default_registry(entry_points=False)
    return GrantingFlows.of(load_library((), registry=registry, entry_points=False).loaded())


@attrs.frozen
class AuthorityGrant:
    """Why an actor holds a power on a date.

    ``orders`` are the granting case ids from the actor's own up to the root holder's;
    ``position`` is the position of whoever holds the power directly at the root.
    Empty ``orders`` means the actor holds the power by position.
    """

    power: str
    actor: str
    on: date
    position: str
    orders: tuple[str, ...] = ()
    order_numbers: tuple[str, ...] = ()
    via: tuple[str, ...] = ()  # the kind of each grant (delegation, assignment, acting)

    @property
    def delegated(self) -> bool:
        """True when the power comes through at least one grant."""
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


def _rule_of(case: Case, rule: Grants | None) -> Grants | None:
    return rule if rule is not None else bundled_granting_flows().rule(case)


def effective_on(case: Case, rule: Grants | None = None) -> date | None:
    """The first day a granting case is in force: the latest of its ``valid_from`` dates.
    None when it never took effect (not in an effective state, or a date is empty).

    ``rule`` is the declaration of the case's flow (a bundled flow's when not given)."""
    rule = _rule_of(case, rule)
    if rule is None or case.state not in rule.effective_states:
        return None
    days = [case.data.get(name) for name in rule.valid_from]
    if not all(days):
        return None
    return max(parse_date(str(day)) for day in days)


def in_force_on(case: Case, on: date, rule: Grants | None = None) -> bool:
    """True when the granting case ``case`` is in force on the day ``on``."""
    rule = _rule_of(case, rule)
    start = effective_on(case, rule)
    if rule is None or start is None or on < start:
        return False
    until = case.data.get(rule.valid_until) if rule.valid_until else None
    if until and on > parse_date(until):
        return False
    ended = case.data.get(rule.ended_on) if rule.ended_on else None
    return not (case.state in rule.ended and ended and on >= parse_date(ended))


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
    flows: GrantingFlows | None = None,
    directory: Directory | None = None,
) -> AuthorityGrant | None:
    """May ``actor_id`` (holding the organization ``positions``) exercise ``power`` on ``on``?

    Returns how (by position, or the grants of the chain), or None. An unknown power is
    held by nobody. ``flows`` are the granting flows to read (the bundled ones when not
    given). With a ``directory``, each delegator up the chain holds the posts and roles
    the directory gives them on ``on``, not the position the order's data names: an order
    rests on its delegator's real post that day, and a revoked acting order breaks every
    chain below it.
    """
    resolver = _Resolver(
        store, table or power_table(), flows or bundled_granting_flows(), as_day(on), directory
    )
    return resolver.holds(power, actor_id, positions, frozenset(), 0)


def grants_to(store: CaseLookup, actor_id: str, flows: GrantingFlows) -> list[Case]:
    """Every granting case naming ``actor_id`` as delegate that has taken effect."""
    found = []
    for flow_id, field, states in flows.queries():
        for case_id in store.holders(flow_id, field, actor_id, states):
            case = store.load(case_id)
            if case is not None and case not in found:
                found.append(case)
    return found


@attrs.define
class _Resolver:
    store: CaseLookup
    table: PowerTable
    flows: GrantingFlows
    on: date
    directory: Directory | None = None

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
        for case in grants_to(self.store, actor, self.flows):
            rule = self.flows.rule(case)
            if rule is None or not in_force_on(case, self.on, rule):
                continue
            if not _grants(case, rule, spec):
                continue
            found = self._through(case, rule, power, actor, (visiting, depth))
            if found is not None:
                return found
        return None

    def _through(
        self, case: Case, rule: Grants, power: str, actor: str, at: tuple[frozenset[str], int]
    ) -> AuthorityGrant | None:
        """The grant through ``case``, when its delegator holds ``power`` on the day."""
        data, (visiting, depth) = case.data, at
        delegator = str(data.get(rule.delegator, ""))
        above = self.holds(power, delegator, self._positions(data, rule), visiting, depth + 1)
        if above is None:
            return None
        number = str(data.get(rule.number, "")) if rule.number else case.id
        kind = str(data.get(rule.kind)) if rule.kind else case.flow_id
        return AuthorityGrant(
            power,
            actor,
            self.on,
            above.position,
            (case.id, *above.orders),
            (number, *above.order_numbers),
            (kind, *above.via),
        )

    def _positions(self, data: Mapping[str, Any], rule: Grants) -> Collection[str]:
        """The delegator's positions on the day: from the directory when there is one
        (their posts and the roles those confer), else as the order's data names it."""
        delegator = str(data.get(rule.delegator, ""))
        if self.directory is not None:
            known = self.directory.actor_on(delegator, self.on) if delegator else None
            return (known.posts | known.roles) if known is not None else ()
        rank = data.get(rule.delegator_position)
        return (rank,) if rank else ()


def _grants(case: Case, rule: Grants, spec: Power) -> bool:
    """True when ``case`` grants ``spec``: every power of the delegator, or this one and
    it may be delegated."""
    every = rule.every_power
    if every is not None and case.data.get(every.field) == every.value:
        return True
    return rule.power is not None and case.data.get(rule.power) == spec.id and spec.delegable


__all__ = [
    "AuthorityGrant",
    "GrantingFlows",
    "Power",
    "PowerTable",
    "as_day",
    "bundled_granting_flows",
    "effective_on",
    "grants_to",
    "in_force_on",
    "parse_power_table",
    "power_table",
    "resolve",
]
