"""Computed values: fields the engine fills from other fields by a declared rule.

A rule is data, never an expression: arithmetic over fields, numbers and settings
(``sum``, ``difference``, ``product``, ``quotient`` with its ``on_zero``), a ``lookup``
table over enum choices, ``passes`` (a number against a threshold), ``band`` (the value
whose least number a number reaches, as score bands give a level), ``days_between``
two dates (calendar or working days), ``fiscal_year_end`` (the last day of the fiscal
year a field holds) and, over a records field, ``count``, ``total``, ``average`` and
``covered`` (how many items another records field names). An
operand without a value leaves the result without one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import attrs

from integrity_flows.calendars import (
    fiscal_year_bounds,
    parse_date,
    sane_fiscal_year,
    working_days_between,
)
from integrity_flows.definition.model import Field, FlowDefinition, RecordField, Rule
from integrity_flows.guards.coverage import split_covered
from integrity_flows.guards.dates import as_day
from integrity_flows.guards.where import compile_where, present
from integrity_flows.values import NORMALIZERS, number

Spec = Field | RecordField


@attrs.frozen
class Scope:
    """What a rule reads: the values, their declarations, and the flow's settings."""

    values: Mapping[str, Any]
    specs: Mapping[str, Spec]
    settings: Mapping[str, Any] = attrs.field(factory=dict)

    def number(self, operand: Any) -> Decimal | None:
        """An operand's number: a field's value, a constant, or ``{setting: name}``."""
        if isinstance(operand, str):
            return number(self.values.get(operand))
        if isinstance(operand, Mapping):
            return number(self.settings.get(str(operand.get("setting"))))
        return number(operand)


def compute(
    definition: FlowDefinition,
    data: Mapping[str, Any],
    settings: Mapping[str, Any],
    changed: Iterable[str] | None = None,
) -> dict[str, Any]:
    """The computed fields whose value for ``data`` differs from what it holds.

    With ``changed`` (the fields an action changes), only the rules reading one of them,
    a setting, or a computed field that changed are evaluated: the others would give
    what the case already holds. None evaluates every rule (a start).
    """
    order = definition.computed_order
    if changed is not None:
        dirty = set(changed)
        order = tuple(name for name in order if _may_change(definition, name, dirty))
    if not order:
        return {}
    values = dict(data)
    scope = Scope(values, definition.data, settings)
    changes: dict[str, Any] = {}
    for name in order:
        field = definition.data[name]
        assert field.computed is not None
        value = evaluate(field.computed, field, scope)
        if values.get(name) != value:
            changes[name] = values[name] = value
    return changes


def _may_change(definition: FlowDefinition, name: str, dirty: set[str]) -> bool:
    """True when computed field ``name`` reads a setting or a field in ``dirty``; a
    computed field that may change makes those reading it dirty too (they come later in
    the order)."""
    reads, settings_read = definition.computed_reads(name)
    if settings_read or not dirty.isdisjoint(reads):
        dirty.add(name)
        return True
    return False


def compute_item(field: Field, item: Mapping[str, Any]) -> dict[str, Any]:
    """The computed sub-fields of one item of the records ``field``.

    They are evaluated in the order they are declared, and each reads the values computed
    before it (a gap, then whether the gap is met), never what an earlier version of the
    item held.
    """
    found: dict[str, Any] = {}
    values = dict(item)
    scope = Scope(values, field.fields)
    for name, spec in field.fields.items():
        if spec.computed is not None:
            value = evaluate(spec.computed, spec, scope)
            values[name] = value
            if value is not None:
                found[name] = value
    return found


def evaluate(rule: Rule, target: Spec, scope: Scope) -> Any:
    """The value of ``rule`` in ``scope``, as ``target``'s type stores it (None: none)."""
    raw = _OPS[rule.op](rule, scope)
    if isinstance(raw, date):
        return raw.isoformat()
    if rule.op in ("lookup", "band"):  # a table's cell, read as the target reads a value
        return None if raw is None else NORMALIZERS[target.type](raw, target)
    if raw is None or isinstance(raw, bool):
        return raw
    places = rule.options.get("places")
    if target.type == "integer":
        return int(raw.to_integral_value(ROUND_HALF_UP))
    if isinstance(places, int):
        raw = raw.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return str(raw)


def _arithmetic(rule: Rule, scope: Scope) -> Decimal | None:
    numbers = [scope.number(operand) for operand in rule.args]
    if any(n is None for n in numbers):
        return None
    first, *rest = [n for n in numbers if n is not None]
    try:
        return _FOLDS[rule.op](first, rest, rule)
    except InvalidOperation:
        return None


def _quotient(first: Decimal, rest: list[Decimal], rule: Rule) -> Decimal | None:
    (divisor,) = rest
    if divisor == 0:
        return number(rule.options.get("on_zero"))
    return first / divisor


def _product(first: Decimal, rest: list[Decimal], _: Rule) -> Decimal:
    for n in rest:
        first *= n
    return first


_FOLDS: dict[str, Callable[[Decimal, list[Decimal], Rule], Decimal | None]] = {
    "sum": lambda first, rest, _: first + sum(rest, Decimal(0)),
    "difference": lambda first, rest, _: first - sum(rest, Decimal(0)),
    "product": _product,
    "quotient": _quotient,
}


def _lookup(rule: Rule, scope: Scope) -> Any:
    node: Any = rule.args["table"]
    for name in rule.args["of"]:
        value = scope.values.get(name)
        if not isinstance(node, Mapping) or not present(value):
            return None
        node = node.get(value)
    return node


def _passes(rule: Rule, scope: Scope) -> bool | None:
    args = rule.args
    value = scope.number(args["field"])
    if value is None:
        return None
    for bound, ok in (("at_least", value.__ge__), ("at_most", value.__le__)):
        limit = args.get(bound)
        if f"{bound}_setting" in args:
            limit = {"setting": args[f"{bound}_setting"]}
        if limit is not None:
            threshold = scope.number(limit)
            return None if threshold is None else bool(ok(threshold))
    return None


def _band(rule: Rule, scope: Scope) -> Any:
    # The value of the highest band the number reaches (bands tried from the highest
    # least number down), else ``otherwise`` (none when not given).
    value = scope.number(rule.args["field"])
    if value is None:
        return None
    bands = sorted(
        ((number(limit), name) for name, limit in rule.args["at_least"].items()),
        key=lambda band: band[0] or Decimal(0),
        reverse=True,
    )
    for limit, name in bands:
        if limit is not None and value >= limit:
            return name
    return rule.args.get("otherwise")


def holidays(settings: Mapping[str, Any], name: Any) -> list[date]:
    """The holidays the setting ``name`` lists (none when no setting is named)."""
    listed = settings.get(str(name)) if name else None
    return [parse_date(str(d)) for d in listed or ()]


def _days_between(rule: Rule, scope: Scope) -> Decimal | None:
    first = as_day(scope.values.get(rule.args["from"]))
    last = as_day(scope.values.get(rule.args["to"]))
    if first is None or last is None:
        return None
    if rule.args.get("working_days"):
        off = holidays(scope.settings, rule.args.get("holidays_setting"))
        return Decimal(working_days_between(first, last, off))
    return Decimal((last - first).days)


def _fiscal_year_end(rule: Rule, scope: Scope) -> date | None:
    # 30 September of the fiscal year (B.E.) the field holds: the day after which the
    # year may be assessed, and from which time frames "after the year's end" run.
    year = scope.number(rule.args["year"])
    if year is None or year != year.to_integral_value():
        return None
    try:
        return fiscal_year_bounds(sane_fiscal_year(int(year)))[1]
    except ValueError:
        return None


def _matching(rule: Rule, scope: Scope) -> tuple[Field, list[Mapping[str, Any]]]:
    name = str(rule.args["records"])
    field = scope.specs[name]
    assert isinstance(field, Field)
    items = scope.values.get(name) or []
    test = compile_where(field, rule.args.get("where"))
    return field, [item for item in items if test(item)]


def _count(rule: Rule, scope: Scope) -> Decimal:
    _, items = _matching(rule, scope)
    distinct = rule.args.get("distinct")
    if distinct:
        return Decimal(len({str(i.get(distinct)) for i in items if present(i.get(distinct))}))
    return Decimal(len(items))


def _numbers(rule: Rule, scope: Scope) -> list[Decimal]:
    _, items = _matching(rule, scope)
    sub = str(rule.args["sub"])
    return [n for n in (number(item.get(sub)) for item in items) if n is not None]


def _total(rule: Rule, scope: Scope) -> Decimal:
    return sum(_numbers(rule, scope), Decimal(0))


def _average(rule: Rule, scope: Scope) -> Decimal | None:
    found = _numbers(rule, scope)
    return sum(found, Decimal(0)) / len(found) if found else None


def _covered(rule: Rule, scope: Scope) -> Decimal:
    # The items of ``records`` named by an item of ``by`` (or, with ``uncovered``, not).
    args = rule.args
    field, by = scope.specs[str(args["records"])], scope.specs[str(args["by"])]
    assert isinstance(field, Field)
    assert isinstance(by, Field)
    covered, uncovered = split_covered(
        field,
        scope.values.get(str(args["records"])) or [],
        str(args["sub"]),
        by,
        scope.values.get(str(args["by"])) or [],
        str(args["by_sub"]),
        args.get("where"),
        args.get("by_where"),
    )
    return Decimal(len(uncovered if args.get("uncovered") else covered))


_OPS: dict[str, Callable[[Rule, Scope], Any]] = {
    "sum": _arithmetic,
    "difference": _arithmetic,
    "product": _arithmetic,
    "quotient": _arithmetic,
    "lookup": _lookup,
    "passes": _passes,
    "band": _band,
    "days_between": _days_between,
    "fiscal_year_end": _fiscal_year_end,
    "count": _count,
    "total": _total,
    "average": _average,
    "covered": _covered,
}

__all__ = ["Scope", "compute", "compute_item", "evaluate", "holidays"]
