"""Guards for independence: whoever handles a matter is not close to the person concerned.

- ``distinct_unit_from_field``: the actor does not belong to the unit named in a data
  field (a complaint is not investigated, nor a unit audited, from inside the unit). The
  unit is the actor's, as the host vouches for it, not one typed into the case; an enum
  field's unit also matches by its choice labels.
- ``not_listed_in``: the actor (or the person named in ``field``) is not among the
  items of a list field, such as the people who declared a conflict of interest.

Both refuse with the code ``conflict_of_interest``. Their counterpart
``same_unit_as_field`` asks the opposite: the actor *does* belong to the unit named in a
data field (a unit nominates only its own people); it refuses with the code ``unit``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from integrity_flows.errors import Reason
from integrity_flows.guards.context import GuardContext
from integrity_flows.guards.registry import GuardSpec
from integrity_flows.identity import same_person

CODE = "conflict_of_interest"
_SEPARATORS = re.compile(r"[,\n]")


def _label(ctx: GuardContext, field: str) -> tuple[str, str]:
    spec = ctx.definition.data.get(field)
    return (spec.label.th, spec.label.en) if spec else (field, field)


def _same_unit(first: str, second: str) -> bool:
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


def distinct_unit_from_field(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The actor's unit is not the unit in data ``field``; an actor of no known unit is
    refused (independence cannot be shown). An empty field allows.

    With ``person`` (a field naming someone), that person's unit is checked instead, as
    the host's directory knows it; someone the directory does not know is allowed here
    (the check falls to the step they take in person).
    """
    field = params["field"]
    unit = ctx.data.get(field)
    if unit in (None, ""):
        return None
    th, en = _label(ctx, field)
    if "person" in params:
        named = str(ctx.data.get(params["person"]) or "")
        known = ctx.person(named) if ctx.person is not None and named else None
        if known is None or known.unit is None or not _unit_matches(ctx, field, known.unit):
            return None
        return Reason(
            CODE,
            f"'{named}' สังกัด{known.unit} ซึ่งเป็น{th} (ผลประโยชน์ทับซ้อน)",
            f"'{named}' belongs to {known.unit}, the {en} (conflict of interest)",
        )
    if ctx.actor.unit is None:
        return Reason(
            CODE,
            f"ไม่ทราบสังกัดของผู้ดำเนินการ จึงแสดงไม่ได้ว่าไม่ได้สังกัด{th} (ผลประโยชน์ทับซ้อน)",
            f"the actor's unit is not known, so it cannot be shown that they are not of the "
            f"{en} (conflict of interest)",
        )
    if not _unit_matches(ctx, field, ctx.actor.unit):
        return None
    return Reason(
        CODE,
        f"ผู้ดำเนินการสังกัด{ctx.actor.unit} ซึ่งเป็น{th} (ผลประโยชน์ทับซ้อน)",
        f"the actor belongs to {ctx.actor.unit}, the {en} (conflict of interest)",
    )


def _unit_matches(ctx: GuardContext, field: str, unit: str) -> bool:
    """``unit`` is the unit in data ``field`` (an enum's choice also by its labels)."""
    held = str(ctx.data.get(field))
    spec = ctx.definition.data.get(field)
    label = spec.choice_labels.get(held) if spec is not None else None
    names = [held, *((label.th, label.en) if label is not None else ())]
    return any(_same_unit(unit, name) for name in names)


def listed(value: Any) -> list[str]:
    """The people a list field (or a text) names: items split on commas and line breaks."""
    items = value if isinstance(value, list | tuple) else [value]
    found = []
    for item in items:
        found += [name.strip() for name in _SEPARATORS.split(str(item or "")) if name.strip()]
    return found


def not_listed_in(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The actor (or the person in data ``field``) is not named in the list field ``list``."""
    who = ctx.data.get(params["field"]) if "field" in params else ctx.actor.id
    names = listed(ctx.data.get(params["list"]))
    if who in (None, "") or not any(same_person(who, name) for name in names):
        return None
    th, en = _label(ctx, params["list"])
    return Reason(
        CODE,
        f"'{who}' มีชื่ออยู่ใน{th} (ผลประโยชน์ทับซ้อน)",
        f"'{who}' is named in the {en} (conflict of interest)",
    )


def same_unit_as_field(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The actor belongs to the unit in data ``field`` (as the host vouches for the actor's
    unit); an actor of no known unit, or an empty field, is refused."""
    field = params["field"]
    unit = ctx.data.get(field)
    th, en = _label(ctx, field)
    if unit in (None, ""):
        return Reason(UNIT_CODE, f"ยังไม่มีข้อมูล '{th}'", f"'{en}' has not been given")
    if ctx.actor.unit is not None and _unit_matches(ctx, field, ctx.actor.unit):
        return None
    mine_th = f"สังกัด{ctx.actor.unit}" if ctx.actor.unit else "ไม่ทราบสังกัด"
    mine_en = f"belongs to {ctx.actor.unit}" if ctx.actor.unit else "is of no known unit"
    return Reason(
        UNIT_CODE,
        f"ผู้ดำเนินการ{mine_th} ไม่ใช่{th} '{unit}'",
        f"the actor {mine_en}, not the {en} '{unit}'",
    )


UNIT_CODE = "unit"

INDEPENDENCE_GUARDS: tuple[GuardSpec, ...] = (
    GuardSpec(
        "distinct_unit_from_field",
        distinct_unit_from_field,
        kind="authority",
        params={"field": "field"},
        optional={"person": "field"},
    ),
    GuardSpec(
        "same_unit_as_field",
        same_unit_as_field,
        kind="authority",
        params={"field": "field"},
    ),
    GuardSpec(
        "not_listed_in",
        not_listed_in,
        kind="authority",
        params={"list": "field"},
        optional={"field": "field"},
    ),
)

__all__ = [
    "INDEPENDENCE_GUARDS",
    "distinct_unit_from_field",
    "listed",
    "not_listed_in",
    "same_unit_as_field",
]
