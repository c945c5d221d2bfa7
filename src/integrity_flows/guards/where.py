"""Conditions over the items of a records field: the ``where`` of record guards and counts.

A condition is data, never code: ``{sub: present, equals: yes}``, ``{sub: score,
at_least: 60}``, ``{sub: channel, in: [web, board]}``, ``{sub: post_test}`` (has a
value) or ``{sub: note, present: false}``. A list of conditions holds when each does.
Values are read as the sub-field reads them (an enum by label, yes/no in Thai).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from integrity_flows.calendars import thai_digits
from integrity_flows.definition.model import Field, RecordField
from integrity_flows.values import NORMALIZERS, number

Item = Mapping[str, Any]
Match = Callable[[Item], bool]
Found = tuple[str, str, str]  # path, English, Thai

TESTS = ("equals", "in", "present", "at_least", "at_most")


def present(value: Any) -> bool:
    """True when a value was given."""
    return value not in (None, "", [], {})


def conditions(where: Any) -> list[Mapping[str, Any]]:
    """The conditions of ``where`` (one mapping, a list of them, or none)."""
    if where is None:
        return []
    return [where] if isinstance(where, Mapping) else list(where)


# Compiled once per (field, where) of a loaded definition: both are kept alive by the
# entry, so their ids cannot be reused while it stands.
_COMPILED: dict[tuple[int, int], tuple[Field, Any, Match]] = {}


def compile_where(field: Field, where: Any) -> Match:
    """A test of one item for ``where`` (checked at load; read here as written)."""
    key = (id(field), id(where))
    found = _COMPILED.get(key)
    if found is not None and found[0] is field and found[1] is where:
        return found[2]
    match = _compile_all(field, where)
    _COMPILED[key] = (field, where, match)
    return match


def _compile_all(field: Field, where: Any) -> Match:
    tests = [_compile(field, c) for c in conditions(where)]
    if not tests:
        return lambda _: True
    if len(tests) == 1:
        return tests[0]
    return lambda item: all(test(item) for test in tests)


def _value(spec: RecordField, raw: Any) -> Any:
    return NORMALIZERS[spec.type](raw, spec)


def _compile(field: Field, condition: Mapping[str, Any]) -> Match:
    sub = field.sub_id(str(condition["sub"])) or str(condition["sub"])
    spec = field.fields[sub]
    if "equals" in condition:
        wanted = _value(spec, condition["equals"])
        return lambda item: item.get(sub) == wanted
    if "in" in condition:
        allowed = [_value(spec, v) for v in condition["in"]]
        return lambda item: item.get(sub) in allowed
    if "at_least" in condition or "at_most" in condition:
        low, high = number(condition.get("at_least")), number(condition.get("at_most"))
        return lambda item: _within(number(item.get(sub)), low, high)
    wanted_present = condition.get("present", True) is not False
    return lambda item: present(item.get(sub)) == wanted_present


def _within(value: Decimal | None, low: Decimal | None, high: Decimal | None) -> bool:
    if value is None:
        return False
    return (low is None or value >= low) and (high is None or value <= high)


def describe(field: Field, where: Any) -> tuple[str, str]:
    """``where`` in words, Thai and English (empty when there is no condition)."""
    parts = [_describe(field, c) for c in conditions(where)]
    if not parts:
        return "", ""
    return (
        " ที่" + " และ".join(th for th, _ in parts),
        " with " + " and ".join(en for _, en in parts),
    )


def _shown(field: Field, sub: str, raw: Any) -> tuple[str, str]:
    spec = field.fields[sub]
    try:
        value = _value(spec, raw)
    except ValueError:
        return str(raw), str(raw)
    label = spec.choice_labels.get(str(value)) if spec.type == "enum" else None
    if label is not None:
        return label.th, label.en
    if isinstance(value, bool):
        return ("ใช่", "yes") if value else ("ไม่ใช่", "no")
    return thai_digits(str(value)), str(value)


def _describe(field: Field, condition: Mapping[str, Any]) -> tuple[str, str]:
    sub = field.sub_id(str(condition["sub"])) or str(condition["sub"])
    label = field.fields[sub].label
    if "equals" in condition:
        th, en = _shown(field, sub, condition["equals"])
        return f"'{label.th}' เป็น {th}", f"'{label.en}' {en}"
    if "in" in condition:
        shown = [_shown(field, sub, v) for v in condition["in"]]
        return (
            f"'{label.th}' เป็น {' หรือ '.join(t for t, _ in shown)}",
            f"'{label.en}' {' or '.join(e for _, e in shown)}",
        )
    if "at_least" in condition or "at_most" in condition:
        return _describe_range(label.th, label.en, condition)
    if condition.get("present", True) is False:
        return f"ไม่มี '{label.th}'", f"no '{label.en}'"
    return f"มี '{label.th}'", f"a '{label.en}'"


def _describe_range(th: str, en: str, condition: Mapping[str, Any]) -> tuple[str, str]:
    words_th, words_en = [], []
    if "at_least" in condition:
        words_th.append(f"ไม่น้อยกว่า {thai_digits(str(condition['at_least']))}")
        words_en.append(f"at least {condition['at_least']}")
    if "at_most" in condition:
        words_th.append(f"ไม่เกิน {thai_digits(str(condition['at_most']))}")
        words_en.append(f"at most {condition['at_most']}")
    return f"'{th}' {' และ'.join(words_th)}", f"'{en}' {' and '.join(words_en)}"


def where_problems(field: Field, where: Any, path: str) -> list[Found]:
    """Every problem of ``where`` over ``field``: shape, unknown sub-fields, bad values."""
    if where is not None and not isinstance(where, Mapping | list):
        return [(path, "a condition is a mapping or a list of them", "เงื่อนไขต้องเป็น mapping")]
    found: list[Found] = []
    for i, condition in enumerate(conditions(where)):
        at = f"{path}[{i}]" if isinstance(where, list) else path
        found += list(_condition_problems(field, condition, at))
    return found


def _condition_problems(field: Field, condition: Any, path: str) -> Iterator[Found]:
    if not isinstance(condition, Mapping) or "sub" not in condition:
        yield path, "a condition needs 'sub' (a sub-field)", "เงื่อนไขต้องระบุหัวข้อย่อย (sub)"
        return
    unknown = sorted(str(k) for k in condition if k != "sub" and k not in TESTS)
    if unknown:
        yield path, f"unknown key(s): {', '.join(unknown)}", f"มีหัวข้อที่ไม่รู้จัก: {', '.join(unknown)}"
    sub = field.sub_id(str(condition["sub"]))
    if sub is None:
        yield (
            f"{path}.sub",
            f"'{condition['sub']}' is not a sub-field of this records field",
            f"'{condition['sub']}' ไม่ใช่หัวข้อย่อยของข้อมูลนี้",
        )
        return
    yield from _test_problems(field.fields[sub], condition, path)


def _test_problems(spec: RecordField, condition: Mapping[str, Any], path: str) -> Iterator[Found]:
    given = [t for t in TESTS if t in condition]
    if len(given) > 1 and set(given) != {"at_least", "at_most"}:
        yield path, "a condition makes one test", "เงื่อนไขหนึ่งข้อทดสอบได้อย่างเดียว"
    if spec.sensitive and any(t != "present" for t in given):
        yield (
            path,
            "a sensitive sub-field can only be tested for presence",
            "หัวข้อย่อยที่เป็นข้อมูลอ่อนไหวตรวจได้เพียงว่ามีค่าหรือไม่",
        )
    values = [condition["equals"]] if "equals" in condition else []
    if "in" in condition:
        values += condition["in"] if isinstance(condition["in"], list) else [None]
    for value in values:
        try:
            _value(spec, value)
        except ValueError as exc:
            yield (
                path,
                f"{value!r} is not a value of '{spec.label.en}': {exc}",
                (f"{value!r} ไม่ใช่ค่าของ '{spec.label.th}'"),
            )
    for bound in ("at_least", "at_most"):
        if bound in condition and (
            number(condition[bound]) is None or spec.type not in ("integer", "decimal")
        ):
            yield (
                f"{path}.{bound}",
                "a number bound needs a number sub-field and a number",
                ("การเทียบตัวเลขต้องใช้หัวข้อย่อยที่เป็นตัวเลข"),
            )
    if "present" in condition and not isinstance(condition["present"], bool):
        yield f"{path}.present", "present is true or false", "present ต้องเป็น true หรือ false"


__all__ = ["compile_where", "conditions", "describe", "present", "where_problems"]
