"""The ``holds_power`` guard: authority resolved through delegation and acting orders."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from integrity_flows.authority import power_table, resolve
from integrity_flows.errors import Reason
from integrity_flows.guards.context import GuardContext
from integrity_flows.guards.registry import GuardSpec


def holds_power(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The actor holds the power ``power`` (or the one named in data ``power_field``) today:
    by position (an organization role ``powers.yaml`` names as its holder) or through
    delegation, assignment or acting orders in force (see :mod:`integrity_flows.authority`).

    When it allows, the grant (power, position at the root, order ids and numbers) is
    recorded under ``authority.grants`` of the audit event.
    """
    power = params["power"] if "power" in params else ctx.data.get(params["power_field"])
    table = power_table()
    spec = table.get(str(power)) if power else None
    if spec is None:
        return Reason(
            "power",
            f"ไม่รู้จักอำนาจ '{power}'",
            f"unknown power '{power}'",
        )
    grant = resolve(ctx.lookup, spec.id, ctx.actor.id, ctx.now, positions=ctx.actor.roles)
    if grant is not None:
        grants = dict(ctx.grants.get("grants", {}))
        grants[spec.id] = grant.as_dict()
        ctx.grant("grants", grants)
        return None
    return Reason(
        "power",
        f"ไม่มีอำนาจ{spec.th} ณ วันนี้ (ไม่ได้ดำรงตำแหน่งหรือได้รับมอบอำนาจตามคำสั่งที่มีผลอยู่)",
        f"does not hold the power to {spec.en} today"
        " (neither by position nor by an order in force)",
    )


def known_powers() -> list[str]:
    """The powers of ``powers.yaml``, sorted (a role's ``power`` must be one of them)."""
    return sorted(power_table().powers)


POWER_GUARDS: tuple[GuardSpec, ...] = (
    GuardSpec(
        "holds_power",
        holds_power,
        kind="authority",
        optional={"power": "value", "power_field": "field"},
        one_of=(("power", "power_field"),),
    ),
)
