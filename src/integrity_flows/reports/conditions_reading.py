"""Read the small shapes report files share: labels, conditions, values, points in time."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from integrity_flows.definition.model import ID_PATTERN, Label
from integrity_flows.errors import Problem
from integrity_flows.loading.hints import yaml_bool
from integrity_flows.reports.declaration import Condition, Point, Span, Value

_FIELD_OPS = (
    "equals", "in", "present", "absent", "before_today", "after_today", "at_least", "at_most",
)  # fmt: skip
_SPAN_UNITS = ("days", "elapsed_days")
#: A field test may read the field as it stood before or after a trigger's last move.
_MOMENTS = ("before", "after")
_POINTS = {"start": "start", "entered": "entered", "now": "now", "today": "now"}


class Reader:
    """Collects problems with the file and path while a report file is read."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, path: str, en: str, th: str) -> None:
        """Record one problem at ``path``."""
        self.problems.append(Problem(self.source, path, en, th))

    def mapping(
        self, path: str, item: Any, allowed: Collection[str], *, required: Collection[str] = ()
    ) -> bool:
        """True when ``item`` is a mapping with only ``allowed`` keys and every ``required``."""
        if not isinstance(item, Mapping):
            self.add(path, "expected a mapping", "ต้องเป็น mapping (ชื่อ: ค่า)")
            return False
        ok = True
        for key in item:
            if key not in allowed:
                self.add(f"{path}.{key}", f"unknown key '{key}'", f"ไม่รู้จัก '{key}'")
                ok = False
        for key in required:
            if key not in item:
                self.add(f"{path}.{key}", f"'{key}' is required", f"ต้องระบุ '{key}'")
                ok = False
        return ok

    def ident(self, path: str, value: Any) -> str | None:
        """``value`` when it is an id (lower-case letters, digits and _)."""
        if isinstance(value, str) and ID_PATTERN.match(value):
            return value
        self.add(
            path,
            f"'{value}' must be lower-case letters, digits and _{yaml_bool(value)[0]}",
            f"'{value}' ต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข และ _{yaml_bool(value)[1]}",
        )
        return None


def label_of(reader: Reader, path: str, given: Any) -> Label | None:
    """A ``{th, en}`` label."""
    if (
        isinstance(given, Mapping)
        and set(given) == {"th", "en"}
        and all(isinstance(v, str) and v.strip() for v in given.values())
    ):
        return Label(given["th"], given["en"])
    reader.add(path, "a label is {th: ..., en: ...}", "ชื่อต้องมีทั้ง th และ en")
    return None


def _names(given: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in (given if isinstance(given, list) else [given]))


def read_condition(reader: Reader, path: str, given: Any) -> Condition | None:
    """A condition on one case; a list means all of them."""
    if isinstance(given, list):
        children = [read_condition(reader, f"{path}[{i}]", c) for i, c in enumerate(given)]
        return Condition("all", children=tuple(c for c in children if c is not None))
    if not isinstance(given, Mapping):
        reader.add(path, "a condition is a mapping", "เงื่อนไขต้องเป็น mapping")
        return None
    return _condition(reader, path, given)


def _condition(  # noqa: PLR0911 - one return for each shape a condition may take
    reader: Reader, path: str, given: Mapping[str, Any]
) -> Condition | None:
    for kind in ("state", "not_state", "fired", "not_fired"):
        if kind in given and reader.mapping(path, given, {kind}):
            names = _names(given[kind])
            found = (
                Condition("fired", triggers=names)
                if "fired" in kind
                else Condition("state", states=names)
            )
            return Condition("not", children=(found,)) if kind.startswith("not_") else found
    for kind in ("all", "any"):
        if kind not in given:
            continue
        if not reader.mapping(path, given, {kind}) or not isinstance(given[kind], list):
            reader.add(path, f"'{kind}' takes a list", f"'{kind}' ต้องเป็นรายการ")
            return None
        children = [
            read_condition(reader, f"{path}.{kind}[{i}]", c) for i, c in enumerate(given[kind])
        ]
        kept = tuple(c for c in children if c is not None)
        return Condition("all", children=kept) if kind == "all" else Condition("any", children=kept)
    if "not" in given and reader.mapping(path, given, {"not"}):
        child = read_condition(reader, f"{path}.not", given["not"])
        return Condition("not", children=(child,)) if child is not None else None
    if "field" in given:
        return _field_condition(reader, path, given)
    unit = next((u for u in _SPAN_UNITS if u in given), None)
    if unit is not None:
        return _span_condition(reader, path, given, unit)
    reader.add(
        path,
        "a condition is state, not_state, fired, not_fired, field, days, elapsed_days, "
        "all, any or not",
        "เงื่อนไขไม่ถูกต้อง",
    )
    return None


def _field_condition(reader: Reader, path: str, given: Mapping[str, Any]) -> Condition | None:
    if not reader.mapping(path, given, {"field", *_MOMENTS, *_FIELD_OPS}):
        return None
    moments = [m for m in _MOMENTS if m in given]
    if len(moments) > 1:
        reader.add(
            path, "a field test reads 'before' or 'after' a move, not both", "ระบุ before หรือ after"
        )
        return None
    ops = [op for op in _FIELD_OPS if op in given]
    if len(ops) != 1:
        reader.add(
            path, f"a field test needs one of {', '.join(_FIELD_OPS)}", "ต้องระบุการเปรียบเทียบหนึ่งอย่าง"
        )
        return None
    op = ops[0]
    value = given[op]
    if op in ("present", "absent", "before_today", "after_today") and value is not True:
        reader.add(f"{path}.{op}", f"write '{op}: true'", f"ต้องเขียน '{op}: true'")
    if op == "in" and not isinstance(value, list):
        reader.add(f"{path}.in", "'in' takes a list", "'in' ต้องเป็นรายการ")
    moment = moments[0] if moments else None
    return Condition(
        "field",
        field=str(given["field"]),
        op=op,  # type: ignore[arg-type]
        value=value,
        triggers=_names(given[moment]) if moment else (),
        moment=moment,  # type: ignore[arg-type]
    )


def _span_condition(
    reader: Reader, path: str, given: Mapping[str, Any], unit: str
) -> Condition | None:
    if not reader.mapping(path, given, {unit, "at_most", "at_least", "less_than"}):
        return None
    ops = [op for op in ("at_most", "at_least", "less_than") if op in given]
    span = read_span(reader, f"{path}.{unit}", given[unit], unit)
    if len(ops) != 1 or span is None:
        reader.add(path, "a span test needs one of at_most, at_least, less_than", "ต้องระบุจำนวนวัน")
        return None
    return Condition("span", span=span, op=ops[0], value=given[ops[0]])  # type: ignore[arg-type]


def read_span(reader: Reader, path: str, given: Any, unit: str) -> Span | None:
    """``{from: POINT(S), to: POINT(S)}``: the days between two moments of a case."""
    if not reader.mapping(path, given, {"from", "to"}, required=("from", "to")):
        return None
    start, end = (
        _points(reader, f"{path}.from", given["from"]),
        _points(reader, f"{path}.to", given["to"]),
    )
    return Span(start, end, "elapsed_days" if unit == "elapsed_days" else "days")


def _points(reader: Reader, path: str, given: Any) -> tuple[Point, ...]:
    items = given if isinstance(given, list) else [given]
    found = []
    for i, item in enumerate(items):
        where = f"{path}[{i}]" if isinstance(given, list) else path
        if isinstance(item, str):
            kind = _POINTS.get(item)
            found.append(Point(kind, None) if kind else Point("field", item))  # type: ignore[arg-type]
        elif reader.mapping(where, item, {"field", "when"}, required=("field",)):
            when = read_condition(reader, f"{where}.when", item["when"]) if "when" in item else None
            found.append(Point("field", str(item["field"]), when))
    return tuple(found)


def read_value(reader: Reader, path: str, given: Any) -> Value | None:
    """A field name, ``case_id``, ``state``, ``version`` (the flow version the case runs
    under), or ``{days|elapsed_days: {from, to}}``."""
    if given in ("case_id", "state", "version"):
        return Value(given)
    if isinstance(given, str):
        return Value("field", field=given)
    if isinstance(given, Mapping) and len(given) == 1:
        unit = next(iter(given))
        if unit in _SPAN_UNITS:
            span = read_span(reader, f"{path}.{unit}", given[unit], unit)
            return Value("span", span=span) if span is not None else None
    reader.add(
        path,
        "a value is a field, case_id, state, version, or {days|elapsed_days: {from, to}}",
        "ค่าต้องเป็นชื่อข้อมูล case_id state หรือจำนวนวัน",
    )
    return None


__all__ = ["Reader", "label_of", "read_condition", "read_span", "read_value"]
