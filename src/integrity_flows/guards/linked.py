"""Guards that read another flow's case, found by an indexed field (never a scan).

- ``case_in``: a case of another flow whose indexed ``field`` equals a value of this case
  (``same_as``) or the fiscal year of today (``this_fiscal_year``) is in one of ``states``
  and keeps the bounds ``at_least`` / ``at_most`` on its number fields ("a loan is approved
  only in a fiscal year whose rules were announced"; "the year's plan rests on that year's
  risk register, with a control for every risk"); the case relied on is recorded under
  ``authority.counterparts`` of the event;
- ``next_in_line``: the person in this case's ``field`` is the first of an ordered list held
  by another flow's case, leaving out those this case lists as unavailable (``skip``)
  ("the acting officer is the next in the order of precedence set beforehand").

Both name the fields and states they looked for, by their labels, when they refuse.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from integrity_flows.calendars import fiscal_year, thai_digits
from integrity_flows.definition.model import FlowDefinition, Label
from integrity_flows.errors import Reason
from integrity_flows.guards.context import GuardContext
from integrity_flows.guards.family import flow_named, state_labels, state_reason
from integrity_flows.guards.independence import listed
from integrity_flows.guards.registry import GuardSpec
from integrity_flows.identity import same_person
from integrity_flows.values import number

CASE_CODE = "case_in"
LINE_CODE = "next_in_line"


def _label(definition: FlowDefinition | None, field: str) -> Label:
    spec = definition.data.get(field) if definition else None
    return spec.label if spec else Label(field, field)


def _matching(ctx: GuardContext, flow: str, field: str, value: str) -> tuple[list[str], list[str]]:
    """Cases of ``flow`` whose ``field`` is ``value``: all of them, and their states."""
    found = ctx.lookup.holders(flow, field, value, None)
    states = []
    for case_id in found:
        case = ctx.lookup.load(case_id)
        if case is not None:
            states.append(case.state)
    return found, states


def case_in(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """A case of ``flow`` whose indexed ``field`` equals this case's ``same_as`` field
    (or, with ``this_fiscal_year``, the fiscal year of today) is in one of ``states`` (any,
    when none are given) and keeps the bounds of ``at_least`` and ``at_most`` (its number
    field → the least, or the most, it may hold); the case relied on is recorded under
    ``authority.counterparts`` of the event."""
    flow, field = str(params["flow"]), str(params["field"])
    states = [str(s) for s in params.get("states") or []]
    definition = flow_named(ctx, flow)
    title = definition.title if definition else Label(flow, flow)
    label = _label(definition, field)
    if params.get("this_fiscal_year"):
        value: Any = fiscal_year(ctx.now)
    else:
        value = ctx.data.get(str(params["same_as"]))
        if value in (None, ""):
            mine = _label(ctx.definition, str(params["same_as"]))
            return Reason(CASE_CODE, f"ยังไม่มีข้อมูล '{mine.th}'", f"'{mine.en}' has not been given")
    held = ctx.lookup.holders(flow, field, str(value), states or None)
    if held:
        return _within_bounds(ctx, params, held, definition, title, {field: value})
    found, now = _matching(ctx, flow, field, str(value))
    shown = thai_digits(str(value))
    if not found:
        want = state_labels(states, definition)
        in_th = f" (ต้องอยู่ในสถานะ {want.th})" if states else ""
        in_en = f" (it must be in {want.en})" if states else ""
        return Reason(
            CASE_CODE,
            f"ยังไม่มีเรื่อง{title.th}ที่ '{label.th}' เป็น {shown}{in_th}",
            f"there is no {title.en} case whose {label.en} is {value}{in_en}",
        )
    return state_reason(
        CASE_CODE,
        f"เรื่อง{title.th}ที่ '{label.th}' เป็น {shown} ",
        f"the {title.en} case whose {label.en} is {value}",
        states,
        now[-1],
        definition,
    )


def next_in_line(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The person in ``field`` is the first of the list ``list`` of the case of ``flow``
    (in one of ``states``) whose indexed ``key`` equals this case's ``same_as``, leaving out
    the people named in this case's list field ``skip``."""
    flow, key, wanted = str(params["flow"]), str(params["key"]), list(params["states"])
    person = ctx.data.get(str(params["field"]))
    mine = _label(ctx.definition, str(params["field"]))
    if person in (None, ""):
        return Reason(LINE_CODE, f"ยังไม่มีข้อมูล '{mine.th}'", f"'{mine.en}' has not been given")
    holder = ctx.data.get(str(params["same_as"]))
    holder_label = _label(ctx.definition, str(params["same_as"]))
    if holder in (None, ""):
        return Reason(
            LINE_CODE,
            f"ยังไม่มีข้อมูล '{holder_label.th}'",
            f"'{holder_label.en}' has not been given",
        )
    definition = flow_named(ctx, flow)
    title = definition.title if definition else Label(flow, flow)
    list_label = _label(definition, str(params["list"]))
    in_force = ctx.lookup.holders(flow, key, str(holder), wanted)
    if not in_force:
        _, now = _matching(ctx, flow, key, str(holder))
        return state_reason(
            LINE_CODE,
            f"{title.th}ของ '{holder}'",
            f"the {title.en} of '{holder}'",
            wanted,
            now[-1] if now else None,
            definition,
        )
    skip_field = params.get("skip")
    away = listed(ctx.data.get(str(skip_field))) if skip_field else []
    skip_label = _label(ctx.definition, str(skip_field)) if skip_field else Label("", "")
    reasons = []
    for case_id in in_force:
        case = ctx.lookup.load(case_id)
        order = listed(case.data.get(str(params["list"]))) if case else []
        ahead = []
        for name in order:
            if same_person(name, person):
                break
            if not any(same_person(name, other) for other in away):
                ahead.append(name)
        else:
            reasons.append(
                Reason(
                    LINE_CODE,
                    f"'{person}' ({mine.th}) ไม่อยู่ใน{list_label.th}ตาม{title.th} {case_id}",
                    f"'{person}' ({mine.en}) is not in the {list_label.en} of the "
                    f"{title.en} {case_id}",
                )
            )
            continue
        if any(same_person(person, other) for other in away):
            reasons.append(
                Reason(
                    LINE_CODE,
                    f"'{person}' มีชื่ออยู่ใน '{skip_label.th}'",
                    f"'{person}' is named among the {skip_label.en}",
                )
            )
            continue
        if not ahead:
            return None
        names = ", ".join(ahead)
        reasons.append(
            Reason(
                LINE_CODE,
                f"'{person}' ไม่ใช่ผู้อยู่ในลำดับถัดไปตาม{list_label.th}: {names} อยู่ในลำดับก่อน "
                f"และไม่ได้ระบุไว้ใน '{skip_label.th or 'ผู้ไม่อยู่'}'",
                f"'{person}' is not next in the {list_label.en}: {names} come(s) first and "
                f"{'is' if len(ahead) == 1 else 'are'} not named among the "
                f"{skip_label.en or 'unavailable'}",
            )
        )
    return reasons[0]


def _within_bounds(
    ctx: GuardContext,
    params: Mapping[str, Any],
    held: list[str],
    definition: FlowDefinition | None,
    title: Label,
    match: Mapping[str, Any],
) -> Reason | None:
    """The first of ``held`` that keeps every bound, recorded as the case relied on; else
    the bound the last one breaks."""
    flow = str(params["flow"])
    least, most = params.get("at_least") or {}, params.get("at_most") or {}
    if not isinstance(least, Mapping) or not isinstance(most, Mapping):
        return Reason(
            CASE_CODE,
            "เงื่อนไข case_in: at_least และ at_most ต้องเป็นข้อมูล → จำนวน",
            "guard case_in: at_least and at_most map fields to numbers",
        )
    short: Reason | None = None
    for case_id in held:
        other = ctx.lookup.load(case_id)
        if other is None:
            continue
        short = _short_of(other.data, least, definition, title, low=True)
        short = short or _short_of(other.data, most, definition, title, low=False)
        if short is None:
            ctx.grants.setdefault("counterparts", {})[flow] = {
                "case": case_id,
                "state": other.state,
                "match": dict(match),
            }
            return None
    return short or Reason(
        CASE_CODE,
        f"ไม่พบเรื่อง{title.th}ที่อ่านได้",
        f"no {title.en} case could be read",
    )


def _short_of(
    data: Mapping[str, Any],
    bounds: Mapping[str, Any],
    definition: FlowDefinition | None,
    title: Label,
    *,
    low: bool,
) -> Reason | None:
    """The first bound of ``bounds`` (lower bounds when ``low``, else upper) the other
    case's ``data`` breaks, if any; a field without a value breaks it."""
    for name, limit in bounds.items():
        have, bound = number(data.get(name)), number(limit)
        if bound is not None and have is not None and (have >= bound if low else have <= bound):
            continue
        spec = definition.data.get(str(name)) if definition else None
        label = spec.label if spec else Label(str(name), str(name))
        has = "-" if have is None else f"{have:f}"
        wth, wen = ("อย่างน้อย", "at least") if low else ("ไม่เกิน", "at most")
        return Reason(
            CASE_CODE,
            f"'{label.th}' ของ{title.th}ต้อง{wth} {thai_digits(str(limit))} (มี {thai_digits(has)})",
            f"the {title.en}'s '{label.en}' must be {wen} {limit} (is {has})",
        )
    return None


LINKED_GUARDS = (
    GuardSpec(
        "case_in",
        case_in,
        params={"flow": "value", "field": "value"},
        optional={
            "same_as": "field",
            "this_fiscal_year": "flag",
            "states": "values",
            "at_least": "value",
            "at_most": "value",
        },
        one_of=(("same_as", "this_fiscal_year"),),
    ),
    GuardSpec(
        "next_in_line",
        next_in_line,
        params={
            "field": "field",
            "flow": "value",
            "key": "value",
            "same_as": "field",
            "list": "value",
            "states": "values",
        },
        optional={"skip": "field"},
    ),
)
