"""Guards over records fields: how many items, whether every item has something, what
share of them match, what a sub-field sums to.

Each takes ``field`` (a records field) and, where it counts, ``where`` (conditions over
an item, see :mod:`integrity_flows.guards.where`); a limit is a number or a setting.
Refusals say the counts, with Thai digits in the Thai text.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from integrity_flows.calendars import thai_digits
from integrity_flows.definition.model import Field
from integrity_flows.errors import Reason
from integrity_flows.guards.context import GuardContext
from integrity_flows.guards.registry import GuardSpec, ParamKind
from integrity_flows.guards.where import compile_where, describe, present
from integrity_flows.values import number

Item = Mapping[str, Any]


def _field(ctx: GuardContext, params: Mapping[str, Any]) -> Field:
    return ctx.definition.data[params["field"]]


def _items(ctx: GuardContext, params: Mapping[str, Any]) -> list[Item]:
    items = ctx.data.get(params["field"]) or []
    test = compile_where(_field(ctx, params), params.get("where"))
    return [item for item in items if isinstance(item, Mapping) and test(item)]


def _shown(value: Decimal | int) -> tuple[str, str]:
    text = f"{value:,f}" if isinstance(value, Decimal) else f"{value:,}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return thai_digits(text), text


def _limit(ctx: GuardContext, params: Mapping[str, Any], bound: str) -> Decimal | None:
    """The number the parameters set for ``bound`` (``at_least``, ``at_most``), if any."""
    if f"{bound}_setting" in params:
        return number(ctx.setting(params[f"{bound}_setting"]))
    return number(params.get(bound))


def _bounds(
    ctx: GuardContext, params: Mapping[str, Any], value: Decimal
) -> tuple[str, Decimal] | None:
    """The bound ``value`` breaks (``at_least`` or ``at_most``) and its limit, if any."""
    low, high = _limit(ctx, params, "at_least"), _limit(ctx, params, "at_most")
    if low is not None and value < low:
        return "at_least", low
    if high is not None and value > high:
        return "at_most", high
    return None


_WORDS = {"at_least": ("อย่างน้อย", "at least"), "at_most": ("ไม่เกิน", "at most")}


def records_count(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The number of items of ``field`` (matching ``where``; of distinct values of the
    sub-field ``distinct``) is ``at_least`` / ``at_most`` a number or a setting."""
    field = _field(ctx, params)
    items = _items(ctx, params)
    distinct = params.get("distinct")
    if distinct:
        count = len({str(i.get(distinct)) for i in items if present(i.get(distinct))})
    else:
        count = len(items)
    broken = _bounds(ctx, params, Decimal(count))
    if broken is None:
        return None
    bound, limit = broken
    wth, wen = _WORDS[bound]
    cth, cen = describe(field, params.get("where"))
    lth, len_ = _shown(limit)
    if distinct:
        sub = field.fields[distinct].label
        what_th, what_en = f"'{sub.th}' ต่างกัน", f"distinct '{sub.en}'"
    else:
        what_th, what_en = "รายการ", "item(s)"
    return Reason(
        "records_count",
        f"'{field.label.th}'{cth} ต้องมี{what_th}{wth} {lth} (มี {thai_digits(str(count))})",
        f"'{field.label.en}'{cen} needs {wen} {len_} {what_en} (has {count})",
    )


def records_every(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """Every item of ``field`` has the sub-field ``sub`` (equal to ``equals`` when given)."""
    field = _field(ctx, params)
    condition = {
        "sub": params["sub"],
        **({"equals": params["equals"]} if "equals" in params else {}),
    }
    test = compile_where(field, condition)
    items = ctx.data.get(params["field"]) or []
    failing = [i for i, item in enumerate(items, start=1) if not test(item)]
    if not failing:
        return None
    cth, cen = describe(field, condition)
    numbers = ", ".join(map(str, failing[:10])) + (", ..." if len(failing) > 10 else "")
    return Reason(
        "records_every",
        f"'{field.label.th}' ทุกรายการต้อง{cth.removeprefix(' ที่')} "
        f"(ไม่ครบ {thai_digits(str(len(failing)))} รายการ: ที่ {thai_digits(numbers)})",
        f"every item of '{field.label.en}' needs{cen.removeprefix(' with')} "
        f"({len(failing)} item(s) do not: {numbers})",
    )


def records_share(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """At least ``at_least`` percent (or the setting ``at_least_setting``) of the items of
    ``field`` match ``where``; no items at all refuses."""
    field = _field(ctx, params)
    total = len(ctx.data.get(params["field"]) or [])
    matching = len(_items(ctx, params))
    limit = _limit(ctx, params, "at_least") or Decimal(0)
    share = Decimal(matching * 100) / total if total else Decimal(0)
    if total and share >= limit:
        return None
    cth, cen = describe(field, params.get("where"))
    lth, len_ = _shown(limit)
    sth, sen = _shown(share.quantize(Decimal("0.01")))
    return Reason(
        "records_share",
        f"'{field.label.th}'{cth} ต้องมีอย่างน้อยร้อยละ {lth} (ได้ร้อยละ {sth}: "
        f"{thai_digits(str(matching))} จาก {thai_digits(str(total))} รายการ)",
        f"'{field.label.en}'{cen} must be at least {len_}% (is {sen}%: {matching} of {total})",
    )


def records_sum(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The sum of the sub-field ``sub`` over the items of ``field`` (matching ``where``)
    is ``at_least`` / ``at_most`` a number or a setting."""
    field = _field(ctx, params)
    sub = params["sub"]
    total = sum(
        (n for n in (number(item.get(sub)) for item in _items(ctx, params)) if n is not None),
        Decimal(0),
    )
    broken = _bounds(ctx, params, total)
    if broken is None:
        return None
    bound, limit = broken
    wth, wen = _WORDS[bound]
    label = field.fields[sub].label
    cth, cen = describe(field, params.get("where"))
    lth, len_ = _shown(limit)
    tth, ten = _shown(total)
    return Reason(
        "records_sum",
        f"ผลรวม '{label.th}' ของ '{field.label.th}'{cth} ต้อง{wth} {lth} (ได้ {tth})",
        f"the sum of '{label.en}' over '{field.label.en}'{cen} must be {wen} {len_} (is {ten})",
    )


def records_apart(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """No item of ``field`` (matching ``where``) holds the same value in the sub-fields
    ``sub`` and ``other``: a voucher is not checked by the one who prepared it."""
    field = _field(ctx, params)
    sub, other = params["sub"], params["other"]
    same = [
        i
        for i, item in enumerate(ctx.data.get(params["field"]) or [], start=1)
        if isinstance(item, Mapping)
        and compile_where(field, params.get("where"))(item)
        and present(item.get(sub))
        and str(item.get(sub)).strip().casefold() == str(item.get(other)).strip().casefold()
    ]
    if not same:
        return None
    a, b = field.fields[sub].label, field.fields[other].label
    numbers = ", ".join(map(str, same[:10])) + (", ..." if len(same) > 10 else "")
    return Reason(
        "separation_of_duties",
        f"'{a.th}' และ '{b.th}' ของ '{field.label.th}' ต้องไม่ใช่คนเดียวกัน "
        f"(รายการที่ {thai_digits(numbers)})",
        f"'{a.en}' and '{b.en}' of '{field.label.en}' must not be the same (item(s) {numbers})",
    )


_BOUNDS: dict[str, ParamKind] = {
    "at_least": "number",
    "at_least_setting": "setting",
    "at_most": "number",
    "at_most_setting": "setting",
}

RECORD_GUARDS: tuple[GuardSpec, ...] = (
    GuardSpec(
        "records_count",
        records_count,
        params={"field": "records"},
        optional={"where": "where", "distinct": "subfield", **_BOUNDS},
    ),
    GuardSpec(
        "records_every",
        records_every,
        params={"field": "records", "sub": "subfield"},
        optional={"equals": "value"},
    ),
    GuardSpec(
        "records_share",
        records_share,
        params={"field": "records", "where": "where"},
        optional={"at_least": "number", "at_least_setting": "setting"},
        one_of=(("at_least", "at_least_setting"),),
    ),
    GuardSpec(
        "records_apart",
        records_apart,
        kind="authority",
        params={"field": "records", "sub": "subfield", "other": "subfield"},
        optional={"where": "where"},
    ),
    GuardSpec(
        "records_sum",
        records_sum,
        params={"field": "records", "sub": "subfield"},
        optional={"where": "where", **_BOUNDS},
    ),
)

__all__ = [
    "RECORD_GUARDS",
    "records_apart",
    "records_count",
    "records_every",
    "records_share",
    "records_sum",
]
