"""Guards over linked cases: a parent waiting on its children, a child on its parent.

A child flow names its parent in an indexed data field (the flow's ``parent`` link),
so a parent finds its children with one indexed query, never a scan.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from integrity_flows.calendars import thai_digits
from integrity_flows.errors import Reason
from integrity_flows.guards.context import GuardContext
from integrity_flows.guards.registry import GuardSpec

_SHOWN = 5


def children_in(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """Every child case (of ``flow``, linked by its ``field``) is in one of ``states``,
    and there are at least ``min`` of them (1 unless given)."""
    flow, field, states = str(params["flow"]), str(params["field"]), list(params["states"])
    least = int(params.get("min", 1))
    if ctx.case_id is None:
        return None
    children = ctx.lookup.holders(flow, field, ctx.case_id, None)
    done = set(ctx.lookup.holders(flow, field, ctx.case_id, states))
    waiting = [child for child in children if child not in done]
    wanted = ", ".join(states)
    if len(children) < least:
        return Reason(
            "children",
            f"ต้องมีเรื่องย่อย '{flow}' อย่างน้อย {thai_digits(str(least))} เรื่อง "
            f"(มี {thai_digits(str(len(children)))} เรื่อง)",
            f"needs at least {least} '{flow}' case(s) linked to it ({len(children)} so far)",
        )
    if waiting:
        shown = ", ".join(waiting[:_SHOWN]) + (" ..." if len(waiting) > _SHOWN else "")
        return Reason(
            "children",
            f"เรื่องย่อย {thai_digits(str(len(waiting)))} เรื่องยังไม่อยู่ในสถานะ {wanted}: {shown}",
            f"{len(waiting)} linked '{flow}' case(s) not yet in {wanted}: {shown}",
        )
    return None


def parent_in(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The parent case (the flow's ``parent`` link) is in one of ``states``."""
    link = ctx.definition.parent
    load = getattr(ctx.lookup, "load", None)
    if link is None or load is None:
        return Reason("parent", "เรื่องนี้ไม่มีเรื่องหลัก", "this case has no parent case")
    parent = load(str(ctx.data.get(link.field) or ""))
    states = list(params["states"])
    if parent is None or parent.state not in states:
        now = "ไม่พบ" if parent is None else parent.state
        return Reason(
            "parent",
            f"เรื่องหลักต้องอยู่ในสถานะ {', '.join(states)} (ขณะนี้: {now})",
            f"the parent case must be in {', '.join(states)} "
            f"(now: {'not found' if parent is None else parent.state})",
        )
    return None


FAMILY_GUARDS = (
    GuardSpec(
        "children_in",
        children_in,
        params={"flow": "value", "field": "value", "states": "values"},
        optional={"min": "int"},
    ),
    GuardSpec("parent_in", parent_in, params={"states": "values"}),
)
