"""Guards over linked cases: a parent waiting on its children, a child on its parent, and
separation of duties across the children of one parent (a case of another flow found by
a value: :mod:`integrity_flows.guards.linked`).

A child flow names its parent in an indexed data field (the flow's ``parent`` link),
so a parent finds its children with one indexed query, never a scan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from integrity_flows.calendars import thai_digits
from integrity_flows.definition.model import FlowDefinition, Label
from integrity_flows.errors import Reason, UnknownFlow
from integrity_flows.guards.context import GuardContext
from integrity_flows.guards.registry import GuardSpec
from integrity_flows.identity import same_person
from integrity_flows.values import number

_SHOWN = 5


def state_labels(names: Sequence[str], definition: FlowDefinition | None) -> Label:
    """The states ``names`` by their labels in ``definition`` (ids without one), joined
    with "or"."""
    labels = [definition.label_of_state(n) if definition else Label(n, n) for n in names]
    return Label(
        " หรือ ".join(f"'{x.th}'" for x in labels), " or ".join(f"'{x.en}'" for x in labels)
    )


def state_reason(
    code: str,
    who_th: str,
    who_en: str,
    wanted: Sequence[str],
    now: str | None,
    definition: FlowDefinition | None,
) -> Reason:
    """``who`` must be in one of ``wanted`` states and is in ``now``, named by label."""
    want = state_labels(wanted, definition)
    current = Label("ไม่พบเรื่อง", "not found") if now is None else state_labels([now], definition)
    return Reason(
        code,
        f"{who_th}ต้องอยู่ในสถานะ {want.th} (ขณะนี้: {current.th})",
        f"{who_en} must be in {want.en} (now: {current.en})",
    )


def flow_named(ctx: GuardContext, flow_id: str) -> FlowDefinition | None:
    """Another flow's definition, for its labels; None when the guard cannot know it."""
    if ctx.flow_of is None:
        return None
    try:
        return ctx.flow_of(flow_id)
    except UnknownFlow:  # states are then named by their ids
        return None


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
    definition = flow_named(ctx, flow)
    title = definition.title if definition else Label(flow, flow)
    if len(children) < least:
        return Reason(
            "children",
            f"ต้องมี{title.th}อย่างน้อย {thai_digits(str(least))} เรื่อง "
            f"(มี {thai_digits(str(len(children)))} เรื่อง)",
            f"needs at least {least} {title.en} case(s) linked to it ({len(children)} so far)",
        )
    if waiting:
        wanted = state_labels(states, definition)
        shown = ", ".join(waiting[:_SHOWN]) + (" ..." if len(waiting) > _SHOWN else "")
        return Reason(
            "children",
            f"{title.th} {thai_digits(str(len(waiting)))} เรื่องยังไม่อยู่ในสถานะ {wanted.th}: {shown}",
            f"{len(waiting)} linked {title.en} case(s) not yet in {wanted.en}: {shown}",
        )
    return None


def children_total(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The sum of the number field ``value`` over the child cases (of ``flow``, linked by
    their ``field``; those in ``states`` when given) does not exceed the number in this
    case's field ``at_most_field``: the increases of a round within its budget envelope.
    An empty limit refuses, naming it; a child without a value counts as nothing."""
    flow, field, value = str(params["flow"]), str(params["field"]), str(params["value"])
    limit_field = str(params["at_most_field"])
    states = list(params["states"]) if params.get("states") else None
    limit_spec = ctx.definition.data.get(limit_field)
    limit_label = limit_spec.label if limit_spec else Label(limit_field, limit_field)
    limit = number(ctx.data.get(limit_field))
    if limit is None:
        return Reason(
            "field_present",
            f"ยังไม่มี '{limit_label.th}'",
            f"'{limit_label.en}' is not given",
        )
    if ctx.case_id is None:
        return None
    total = Decimal(0)
    for child_id in ctx.lookup.holders(flow, field, ctx.case_id, states):
        child = ctx.lookup.load(child_id)
        found = number(child.data.get(value)) if child is not None else None
        total += found if found is not None else Decimal(0)
    if total <= limit:
        return None
    definition = flow_named(ctx, flow)
    spec = definition.data.get(value) if definition else None
    label = spec.label if spec else Label(value, value)
    return Reason(
        "children_total",
        f"'{label.th}' รวม {thai_digits(str(total))} เกิน '{limit_label.th}' "
        f"{thai_digits(str(limit))}",
        f"the total '{label.en}', {total}, exceeds the '{limit_label.en}', {limit}",
    )


def parent_in(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The parent case (the flow's ``parent`` link) is in one of ``states``."""
    link = ctx.definition.parent
    if link is None:
        return Reason("parent", "เรื่องนี้ไม่มีเรื่องหลัก", "this case has no parent case")
    parent_id = str(ctx.data.get(link.field) or "")
    parent = ctx.lookup.load(parent_id) if parent_id else None
    states = list(params["states"])
    if parent is None or parent.state not in states:
        now = None if parent is None else parent.state
        return state_reason(
            "parent", "เรื่องหลัก", "the parent case", states, now, flow_named(ctx, link.flow)
        )
    return None


def distinct_from_sibling(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """Separation of duties across documents: the actor is not the one bound to the
    per-case ``role`` in another case of this flow under the same parent whose ``field``
    equals ``equals`` (who wrote one report does not sign off the review of it)."""
    link = ctx.definition.parent
    parent_id = str(ctx.data.get(link.field) or "") if link else ""
    if link is None or not parent_id:
        return None
    role, field, wanted = str(params["role"]), str(params["field"]), params["equals"]
    for sibling_id in ctx.lookup.holders(ctx.definition.id, link.field, parent_id, None):
        if sibling_id == ctx.case_id:
            continue
        sibling = ctx.lookup.load(sibling_id)
        if sibling is None or sibling.data.get(field) != wanted:
            continue
        if same_person(sibling.actors.get(role), ctx.actor.id):
            spec = ctx.definition.data.get(field)
            choice = spec.choice_labels.get(str(wanted)) if spec else None
            what = choice or Label(str(wanted), str(wanted))
            who = ctx.definition.label_of_role(role)
            return Reason(
                "separation_of_duties",
                f"ผู้ดำเนินการเป็น{who.th}ของ{what.th}ในเรื่องเดียวกัน จึงดำเนินการขั้นนี้ไม่ได้ (แบ่งแยกหน้าที่)",
                f"the actor is the {who.en} of the {what.en} of the same case and may not do "
                "this step (separation of duties)",
            )
    return None


FAMILY_GUARDS = (
    GuardSpec(
        "children_in",
        children_in,
        params={"flow": "value", "field": "value", "states": "values"},
        optional={"min": "int"},
    ),
    GuardSpec(
        "children_total",
        children_total,
        params={"flow": "value", "field": "value", "value": "value", "at_most_field": "field"},
        optional={"states": "values"},
    ),
    GuardSpec("parent_in", parent_in, params={"states": "values"}),
    GuardSpec(
        "distinct_from_sibling",
        distinct_from_sibling,
        kind="authority",
        params={"role": "role", "field": "field", "equals": "value"},
    ),
)
