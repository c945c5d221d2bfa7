"""The built-in guards every definition may use."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import timedelta
from decimal import Decimal
from typing import Any

from integrity_flows.calendars import (
    arabic_digits,
    be_year,
    parse_date,
    parse_decimal,
    start_of_day_utc,
    thai_day,
    thai_digits,
)
from integrity_flows.errors import Reason
from integrity_flows.guards.context import GuardContext
from integrity_flows.guards.coverage import COVERAGE_GUARDS
from integrity_flows.guards.dates import DATE_GUARDS
from integrity_flows.guards.family import FAMILY_GUARDS
from integrity_flows.guards.independence import INDEPENDENCE_GUARDS
from integrity_flows.guards.linked import LINKED_GUARDS
from integrity_flows.guards.power import POWER_GUARDS
from integrity_flows.guards.records import RECORD_GUARDS
from integrity_flows.guards.registry import GuardRegistry, GuardSpec
from integrity_flows.identity import same_person


def _present(value: Any) -> bool:
    return value not in (None, "", [], {})


def _field_label(ctx: GuardContext, field: str) -> tuple[str, str]:
    spec = ctx.definition.data.get(field)
    return (spec.label.th, spec.label.en) if spec else (field, field)


def _role_label(ctx: GuardContext, role: str) -> tuple[str, str]:
    label = ctx.definition.label_of_role(role)
    return label.th, label.en


def field_present(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The data field ``field`` has a value."""
    field = params["field"]
    if _present(ctx.data.get(field)):
        return None
    th, en = _field_label(ctx, field)
    return Reason("field_present", f"ยังไม่มีข้อมูล '{th}'", f"'{en}' has not been given")


def unchanged(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The action leaves each of ``fields`` as the case holds it: what a committee decided
    is not rewritten by a later action carrying the field (a start changes nothing)."""
    if ctx.case is None:
        return None
    changed = [f for f in params["fields"] if ctx.data.get(f) != ctx.case.data.get(f)]
    if not changed:
        return None
    labels = [_field_label(ctx, f) for f in changed]
    th = ", ".join(f"'{t}'" for t, _ in labels)
    en = ", ".join(f"'{e}'" for _, e in labels)
    return Reason("unchanged", f"ขั้นนี้แก้ไข {th} ไม่ได้", f"this step may not change {en}")


def field_equals(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The data field ``field`` equals ``value`` (or one of ``values``, or the value of the
    field ``same_as``)."""
    field = params["field"]
    if "same_as" in params:
        return _same_as(ctx, field, params["same_as"])
    allowed = params["values"] if "values" in params else [params["value"]]
    if ctx.data.get(field) in allowed:
        return None
    th, en = _field_label(ctx, field)
    shown = ", ".join(str(v) for v in allowed)
    return Reason("field_equals", f"'{th}' ต้องเป็น {shown}", f"'{en}' must be {shown}")


def _same_as(ctx: GuardContext, field: str, other: str) -> Reason | None:
    # Two fields agree (an order carries what a resolution decided): both hold a value and
    # it is the same, compared in the stored form (an enum by its choice id).
    value = ctx.data.get(field)
    if _present(value) and value == ctx.data.get(other):
        return None
    th, en = _field_label(ctx, field)
    oth, oen = _field_label(ctx, other)
    return Reason("field_equals", f"'{th}' ต้องตรงกับ '{oth}'", f"'{en}' must be the same as '{oen}'")


def min_items(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The list field ``field`` holds at least ``count`` items."""
    field, count = params["field"], int(params["count"])
    if len(ctx.data.get(field) or ()) >= count:
        return None
    th, en = _field_label(ctx, field)
    return Reason(
        "min_items",
        f"'{th}' ต้องมีอย่างน้อย {thai_digits(str(count))} รายการ",
        f"'{en}' needs at least {count} item(s)",
    )


def has_role(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The actor holds ``role`` (or the role named by the setting ``role_setting``)."""
    role = params["role"] if "role" in params else ctx.setting(params["role_setting"])
    if ctx.actor.holds(role):
        return None
    th, en = _role_label(ctx, role)
    return Reason("role", f"ต้องเป็น{th}", f"requires the role {en}")


def lacks_role(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The actor does not hold ``role``: who chaired the committee and signed the order does
    not decide the grievance against it."""
    if not ctx.actor.holds(params["role"]):
        return None
    th, en = _role_label(ctx, params["role"])
    return Reason("separation_of_duties", f"{th}ดำเนินการขั้นนี้ไม่ได้", f"the {en} may not do this")


def role_when(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """When data ``field`` equals ``equals``, the actor must hold ``role`` / ``role_setting``."""
    if ctx.data.get(params["field"]) != params["equals"]:
        return None
    refusal = has_role(ctx, params)
    if refusal is None:
        return None
    fth, fen = _field_label(ctx, params["field"])
    field = ctx.definition.data.get(params["field"])
    choice = field.choice_labels.get(str(params["equals"])) if field else None
    vth, ven = (choice.th, choice.en) if choice else (params["equals"], params["equals"])
    return Reason(
        "role",
        f"{refusal.th} เมื่อ{fth}เป็น{vth}",
        f"{refusal.en} when the {fen} is {ven}",
    )


def distinct_actor(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """Separation of duties: the actor is not the one bound to the per-case ``role``."""
    role = params["role"]
    if not same_person(ctx.bound(role), ctx.actor.id):
        return None
    th, en = _role_label(ctx, role)
    return Reason(
        "separation_of_duties",
        f"ผู้ดำเนินการต้องไม่ใช่{th}ของเรื่องนี้ (แบ่งแยกหน้าที่)",
        f"the actor must not be the {en} of this case (separation of duties)",
    )


def distinct_from_trigger(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """Separation of duties: the actor is not the one who fired ``trigger`` on this case."""
    trigger = params["trigger"]
    fired_by = ctx.case.fired_by.get(trigger) if ctx.case else None
    if not same_person(fired_by, ctx.actor.id):
        return None
    label = ctx.definition.label_of_trigger(trigger)
    return Reason(
        "separation_of_duties",
        f"ผู้ที่{label.th}แล้วจะดำเนินการขั้นนี้เองไม่ได้ (แบ่งแยกหน้าที่)",
        f"whoever did '{label.en}' may not do this step too (separation of duties)",
    )


def distinct_from_field(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """Separation of duties: the actor is not the person named in data ``field``."""
    field = params["field"]
    if not same_person(ctx.data.get(field), ctx.actor.id):
        return None
    th, en = _field_label(ctx, field)
    return Reason(
        "separation_of_duties",
        f"ผู้ดำเนินการต้องไม่ใช่{th} (แบ่งแยกหน้าที่)",
        f"the actor must not be the {en} (separation of duties)",
    )


def within_days(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """Now is at most ``days`` (or setting ``days_setting``) after the date in ``field``,
    or after the case entered its state when no field is named."""
    days = int(params["days"] if "days" in params else ctx.setting(params["days_setting"]))
    if "field" in params:
        value = ctx.data.get(params["field"])
        if value is None:
            return field_present(ctx, {"field": params["field"]})
        since = start_of_day_utc(parse_date(value) + timedelta(days=1))
    elif ctx.case is not None:
        since = ctx.case.entered_at
    else:
        return None
    if ctx.now <= since + timedelta(days=days):
        return None
    return Reason(
        "within_days",
        f"พ้นกำหนด {thai_digits(str(days))} วันแล้ว",
        f"the {days}-day limit has passed",
    )


def not_held(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """No other case of this flow in one of ``states`` has the same value in ``field``
    (and, with ``together_with``, the same values in each of those fields too).

    Used for "one item cannot be lent twice at once", "a borrower with an overdue
    loan cannot borrow again" and, with ``together_with``, for a uniqueness over several
    fields ("one pledge per person per fiscal year"). Every field must be declared
    ``indexed``. An empty value in any of the fields allows. With ``from`` (and
    ``until``), date fields, only the other cases whose period overlaps this one's count
    (an empty ``until`` runs without end): "two acting orders for one post on the same days".
    """
    fields = [params["field"], *params.get("together_with", ())]
    values = [ctx.data.get(field) for field in fields]
    if not all(_present(value) for value in values):
        return None
    found: set[str] | None = None
    for field, value in zip(fields, values, strict=True):
        holders = ctx.lookup.holders(ctx.definition.id, field, str(value), params["states"])
        found = set(holders) if found is None else found & set(holders)
        if not found:
            return None
    others = sorted((found or set()) - {ctx.case_id, ctx.case.id if ctx.case else None})
    if "from" in params:
        others = [o for o in others if _overlaps(ctx, params, o)]
    if not others:
        return None
    labels = [(*_field_label(ctx, f), v) for f, v in zip(fields, values, strict=True)]
    th = " ".join(f"'{t}' {v}" for t, _, v in labels)
    en = ", ".join(f"{e} '{v}'" for _, e, v in labels)
    verb = "is" if len(fields) == 1 else "are"
    return Reason(
        "held",
        f"{th} ติดอยู่กับเรื่องอื่นที่ยังไม่เสร็จ ({', '.join(others)})",
        f"{en} {verb} held by another open case ({', '.join(others)})",
    )


def _period(data: Mapping[str, Any], params: Mapping[str, Any]) -> tuple[Any, Any] | None:
    first = data.get(params["from"])
    if not _present(first):
        return None
    last = data.get(params["until"]) if "until" in params else None
    return parse_date(str(first)), parse_date(str(last)) if _present(last) else None


def _overlaps(ctx: GuardContext, params: Mapping[str, Any], other_id: str) -> bool:
    """True when the other case's period from-until shares a day with this one's."""
    mine = _period(ctx.data, params)
    other = ctx.lookup.load(other_id)
    theirs = _period(other.data, params) if other is not None else None
    if mine is None or theirs is None:
        return True  # a case without dates holds the value on every day
    (a_first, a_last), (b_first, b_last) = mine, theirs
    return (b_last is None or a_first <= b_last) and (a_last is None or b_first <= a_last)


def _number(value: Any) -> Decimal | None:
    """``value`` as a finite number, or None when it is not one."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        return None
    try:
        number = parse_decimal(value)
    except ValueError:
        return None
    return number if number.is_finite() else None


def _shown(number: Decimal) -> str:
    """A number as people write it: thousands separated, no trailing zeros after a point."""
    text = f"{number:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


_COMPARISON_WORDS = {
    "at_most": ("ต้องไม่เกิน", "must not exceed"),
    "at_least": ("ต้องไม่น้อยกว่า", "must be at least"),
}


def _compare(
    ctx: GuardContext,
    params: Mapping[str, Any],
    code: str,
    ok: Callable[[Decimal, Decimal], bool],
) -> Reason | None:
    """Compare the number in ``field`` with the limit the parameters name (``ok`` allows)."""
    field = params["field"]
    if not _present(ctx.data.get(field)):
        return field_present(ctx, {"field": field})
    if "limit_field" in params:
        if not _present(ctx.data.get(params["limit_field"])):
            return field_present(ctx, {"field": params["limit_field"]})
        limit = _number(ctx.data.get(params["limit_field"]))
        lth, len_ = _field_label(ctx, params["limit_field"])
        shown_th, shown_en = f"'{lth}'", f"the {len_}"
    else:
        raw = params["limit"] if "limit" in params else ctx.setting(params["limit_setting"])
        limit = _number(raw)
        shown_en = _shown(limit) if limit is not None else repr(raw)
        shown_th = thai_digits(shown_en)
        if "limit_setting" in params:
            shown_th += f" ตามเกณฑ์ที่กำหนด (ค่าตั้ง {params['limit_setting']})"
            shown_en += f", the limit set by {params['limit_setting']}"
    th, en = _field_label(ctx, field)
    value = _number(ctx.data.get(field))
    if value is None or limit is None:
        return Reason(
            code,
            f"เทียบ '{th}' กับ {shown_th} ไม่ได้ เพราะไม่ใช่ตัวเลข",
            f"'{en}' cannot be compared with {shown_en}: not a number",
        )
    if ok(value, limit):
        return None
    wth, wen = _COMPARISON_WORDS[code]
    return Reason(code, f"'{th}' {wth} {shown_th}", f"'{en}' {wen} {shown_en}")


def at_most(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The number in ``field`` is at most ``limit``, the setting ``limit_setting`` or the
    number in ``limit_field``. An empty field refuses with ``field_present``."""
    return _compare(ctx, params, "at_most", lambda value, limit: value <= limit)


def at_least(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The number in ``field`` is at least ``limit``, the setting ``limit_setting`` or the
    number in ``limit_field``. An empty field refuses with ``field_present``."""
    return _compare(ctx, params, "at_least", lambda value, limit: value >= limit)


def actor_named_in(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The actor is the person named in data ``field`` (the counterpart of
    ``distinct_from_field``): someone acts for themselves, not for another."""
    field = params["field"]
    if same_person(ctx.data.get(field), ctx.actor.id):
        return None
    th, en = _field_label(ctx, field)
    return Reason(
        "actor_named_in",
        f"ผู้ดำเนินการต้องเป็น{th}เอง",
        f"the actor must be the {en} in person",
    )


def added_not_in(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """No item this action adds to the list field ``field`` is among the items of the list
    field ``list`` (someone who left a group is not entered in it again)."""
    field, other = params["field"], params["list"]
    before = len((ctx.case.data.get(field) if ctx.case else None) or ())
    added = list(ctx.data.get(field) or ())[before:]
    barred = [str(item) for item in (ctx.data.get(other) or ())]
    found = [str(item) for item in added if any(same_person(str(item), b) for b in barred)]
    if not found:
        return None
    th, en = _field_label(ctx, field)
    oth, oen = _field_label(ctx, other)
    shown = ", ".join(found)
    return Reason(
        "added_not_in",
        f"เพิ่ม {shown} ใน'{th}' ไม่ได้ เพราะมีชื่ออยู่ใน'{oth}' แล้ว",
        f"{shown} cannot be added to the '{en}': already in the '{oen}'",
    )


_NUMBER_YEAR = re.compile(r"/\s*(\d{4})\s*$")


def numbered_in_year(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The document number in ``field`` ends with "/<year>", the Buddhist Era calendar year
    of today (Thai time): official documents are numbered from 1 within each calendar year,
    followed by the year they are issued in (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ)."""
    field = params["field"]
    text = arabic_digits(str(ctx.data.get(field) or ""))
    year = be_year(thai_day(ctx.now).year)
    found = _NUMBER_YEAR.search(text)
    if found is not None and int(found.group(1)) == year:
        return None
    th, en = _field_label(ctx, field)
    shown = thai_digits(str(year))
    return Reason(
        "numbered_in_year",
        f"'{th}' ต้องลงท้ายด้วยปีพุทธศักราชที่ออกเอกสาร (/{shown}) เลขที่เอกสารเรียงตามปีปฏิทิน",
        f"'{en}' must end with the B.E. calendar year it is issued in (/{year}): "
        "document numbers run per calendar year",
    )


BUILTIN_GUARDS: tuple[GuardSpec, ...] = (
    GuardSpec("field_present", field_present, params={"field": "field"}),
    GuardSpec("unchanged", unchanged, params={"fields": "fields"}),
    GuardSpec(
        "field_equals",
        field_equals,
        params={"field": "field"},
        optional={"value": "value", "values": "values", "same_as": "field"},
        one_of=(("value", "values", "same_as"),),
    ),
    GuardSpec("min_items", min_items, params={"field": "field", "count": "int"}),
    GuardSpec("lacks_role", lacks_role, kind="authority", params={"role": "role"}),
    GuardSpec(
        "has_role",
        has_role,
        kind="authority",
        optional={"role": "role", "role_setting": "setting"},
        one_of=(("role", "role_setting"),),
    ),
    GuardSpec(
        "role_when",
        role_when,
        kind="authority",
        params={"field": "field", "equals": "value"},
        optional={"role": "role", "role_setting": "setting"},
        one_of=(("role", "role_setting"),),
    ),
    GuardSpec("distinct_actor", distinct_actor, kind="authority", params={"role": "role"}),
    GuardSpec(
        "distinct_from_trigger",
        distinct_from_trigger,
        kind="authority",
        params={"trigger": "trigger"},
    ),
    GuardSpec(
        "distinct_from_field", distinct_from_field, kind="authority", params={"field": "field"}
    ),
    GuardSpec(
        "within_days",
        within_days,
        optional={"days": "int", "days_setting": "setting", "field": "field"},
        one_of=(("days", "days_setting"),),
    ),
    GuardSpec(
        "not_held",
        not_held,
        params={"field": "field", "states": "states"},
        optional={"together_with": "fields", "from": "field", "until": "field"},
    ),
    GuardSpec(
        "at_most",
        at_most,
        params={"field": "field"},
        optional={"limit": "value", "limit_setting": "setting", "limit_field": "field"},
        one_of=(("limit", "limit_setting", "limit_field"),),
    ),
    GuardSpec(
        "at_least",
        at_least,
        params={"field": "field"},
        optional={"limit": "value", "limit_setting": "setting", "limit_field": "field"},
        one_of=(("limit", "limit_setting", "limit_field"),),
    ),
    GuardSpec("actor_named_in", actor_named_in, kind="authority", params={"field": "field"}),
    GuardSpec("numbered_in_year", numbered_in_year, params={"field": "field"}),
    GuardSpec("added_not_in", added_not_in, params={"field": "field", "list": "field"}),
)


def builtin_registry() -> GuardRegistry:
    """A fresh registry holding the built-in guards (``holds_power``, the family guards
    ``children_in`` and ``parent_in``, the independence guards, the record guards,
    ``records_covered`` and ``date_rule`` included)."""
    return GuardRegistry(
        (
            *BUILTIN_GUARDS,
            *POWER_GUARDS,
            *FAMILY_GUARDS,
            *LINKED_GUARDS,
            *INDEPENDENCE_GUARDS,
            *RECORD_GUARDS,
            *COVERAGE_GUARDS,
            *DATE_GUARDS,
        )
    )
