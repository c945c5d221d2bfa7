"""The ``holds_power`` guard: authority resolved through the flows that grant powers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from integrity_flows.calendars import english_date, thai_date, thai_day
from integrity_flows.errors import Reason
from integrity_flows.guards.context import GuardContext
from integrity_flows.guards.registry import GuardSpec
from integrity_flows.powers import power_table


def holds_power(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The actor holds the power ``power`` (or the one named in data ``power_field``) today:
    by position (an organization role ``powers.yaml`` names as its holder) or through
    cases of a flow that declares ``grants:`` in force (see :mod:`integrity_flows.authority`).
    The engine resolves it (``ctx.power``), recording the grant (power, position at the
    root, granting case ids and numbers) under ``authority.grants`` of the audit event.
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
    if ctx.power is not None and ctx.power(spec.id) is not None:
        return None
    return Reason(
        "power",
        f"ไม่มีอำนาจ{spec.th} ณ วันนี้ (ไม่ได้ดำรงตำแหน่งหรือได้รับมอบอำนาจตามคำสั่งที่มีผลอยู่)",
        f"does not hold the power to {spec.en} today"
        " (neither by position nor by an order in force)",
    )


def holds_post(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The actor holds, on the day, the post named in data ``field`` (e.g. an order's
    ``delegator_position``), as the engine's directory says: substantively or acting.
    Without a directory the host vouches for the post written, and this allows."""
    if ctx.directory is None:
        return None
    post = str(ctx.data.get(params["field"]) or "")
    day = thai_day(ctx.now)
    if post and ctx.directory.holds_post(ctx.actor.id, post, day):
        return None
    field = ctx.definition.data.get(params["field"])
    choice = field.choice_labels.get(post) if field is not None else None
    th, en = (choice.th, choice.en) if choice is not None else (post or "-", post or "-")
    return Reason(
        "post",
        f"ทะเบียนบุคลากรไม่ได้ระบุว่า '{ctx.actor.id}' ดำรงตำแหน่ง{th} "
        f"ณ วันที่ {thai_date(day, digits=False)}",
        f"the directory does not have '{ctx.actor.id}' holding the post {en} "
        f"on {english_date(day)}",
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
    GuardSpec("holds_post", holds_post, kind="authority", params={"field": "field"}),
)
