"""Coverage between two records fields: every item of one (the weak indicators, the
risks) is named by at least one item of another (the measures, the controls).

An item of ``field`` (matching ``where``) is *covered* when some item of ``by``
(matching ``by_where``) holds in its sub-field ``by_sub`` the value the item holds in
``sub``; values are compared as text, case and surrounding spaces ignored. The guard
``records_covered`` refuses naming the items not covered; the computed rule
``covered`` counts the covered (or the uncovered) items for a report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from integrity_flows.calendars import thai_digits
from integrity_flows.definition.model import Field
from integrity_flows.errors import Reason
from integrity_flows.guards.context import GuardContext
from integrity_flows.guards.registry import GuardSpec
from integrity_flows.guards.where import compile_where, describe, present

Item = Mapping[str, Any]

_SHOWN = 10


def _text(value: Any) -> str:
    return " ".join(str(value).split()).casefold()


def split_covered(
    field: Field,
    items: Sequence[Any],
    sub: str,
    by: Field,
    by_items: Sequence[Any],
    by_sub: str,
    where: Any = None,
    by_where: Any = None,
) -> tuple[list[Item], list[Item]]:
    """The items of ``field`` matching ``where``, split into those covered by an item of
    ``by`` matching ``by_where`` (its ``by_sub`` equal to their ``sub``) and the rest."""
    test, by_test = compile_where(field, where), compile_where(by, by_where)
    named = {
        _text(item.get(by_sub))
        for item in by_items
        if isinstance(item, Mapping) and by_test(item) and present(item.get(by_sub))
    }
    covered: list[Item] = []
    uncovered: list[Item] = []
    for item in items:
        if not isinstance(item, Mapping) or not test(item):
            continue
        value = item.get(sub)
        (covered if present(value) and _text(value) in named else uncovered).append(item)
    return covered, uncovered


def records_covered(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """Every item of ``field`` (matching ``where``) is named, by its ``sub``, in the
    ``by_sub`` of at least one item of ``by`` (matching ``by_where``)."""
    field = ctx.definition.data[params["field"]]
    by = ctx.definition.data[params["by"]]
    sub, by_sub = str(params["sub"]), str(params["by_sub"])
    _, missing = split_covered(
        field,
        ctx.data.get(params["field"]) or [],
        sub,
        by,
        ctx.data.get(params["by"]) or [],
        by_sub,
        params.get("where"),
        params.get("by_where"),
    )
    if not missing:
        return None
    names = [str(item.get(sub) or "") for item in missing]
    shown = ", ".join(names[:_SHOWN]) + (", ..." if len(names) > _SHOWN else "")
    cth, cen = describe(field, params.get("where"))
    bth, ben = describe(by, params.get("by_where"))
    label, by_label = field.fields[sub].label, by.fields[by_sub].label
    return Reason(
        "records_covered",
        f"'{field.label.th}'{cth} ทุกรายการต้องมี '{by.label.th}'{bth} ที่ '{by_label.th}' "
        f"ตรงกับ '{label.th}' อย่างน้อย ๑ รายการ (ยังไม่มี {thai_digits(str(len(names)))} "
        f"รายการ: {thai_digits(shown)})",
        f"every item of '{field.label.en}'{cen} needs at least one item of '{by.label.en}'"
        f"{ben} whose '{by_label.en}' is its '{label.en}' ({len(names)} not covered: {shown})",
    )


COVERAGE_GUARDS: tuple[GuardSpec, ...] = (
    GuardSpec(
        "records_covered",
        records_covered,
        params={"field": "records", "sub": "subfield", "by": "records", "by_sub": "value"},
        optional={"where": "where", "by_where": "value"},
    ),
)

__all__ = ["COVERAGE_GUARDS", "records_covered", "split_covered"]
