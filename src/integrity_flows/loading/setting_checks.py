"""Settings are declared with a type (``name: {type: days, default: 7}``); the default in
the file, every use of a setting and every value a host sets are checked against it."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from integrity_flows.definition.model import SETTING_TYPES, SYSTEM_ROLE, FlowDefinition
from integrity_flows.values import NORMALIZERS, number

#: The most days a setting of type ``days`` may hold: a hundred years.
MAX_DAYS = 36_500

Said = tuple[str, str]  # English, Thai

#: What a guard parameter naming a setting needs the setting to be, by the parameter's
#: name (the convention every built-in guard follows).
_USES: Mapping[str, tuple[str, ...]] = {
    "days_setting": ("days",),
    "role_setting": ("role",),
    "limit_setting": ("days", "integer", "number"),
    "at_least_setting": ("days", "integer", "number"),
    "at_most_setting": ("days", "integer", "number"),
    "holidays_setting": ("dates",),
}


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


#: Each type but ``dates``: whether a value fits, and what was expected (English, Thai).
_FITS: Mapping[str, tuple[Callable[[FlowDefinition, Any], bool], str, str]] = {
    "days": (
        lambda _, v: _whole(v) and 0 <= v <= MAX_DAYS,
        f"a whole number of days from 0 to {MAX_DAYS}",
        f"จำนวนวันเต็ม 0 ถึง {MAX_DAYS}",
    ),
    "integer": (lambda _, v: _whole(v), "a whole number", "จำนวนเต็ม"),
    "number": (lambda _, v: number(v) is not None, "a number", "ตัวเลข"),
    "text": (lambda _, v: isinstance(v, str), "text", "ข้อความ"),
    "role": (
        lambda d, v: isinstance(v, str) and (v in d.roles or v == SYSTEM_ROLE),
        "a role of the flow",
        "บทบาทของขั้นตอนงาน",
    ),
    "boolean": (lambda _, v: isinstance(v, bool), "true or false", "ค่าจริงหรือเท็จ"),
}


def value_problems(d: FlowDefinition, kind: str, value: Any) -> Iterator[Said]:
    """What is wrong with ``value`` as a setting of type ``kind`` in flow ``d``."""
    if kind == "dates":
        yield from _dates(value)
        return
    fits, en, th = _FITS[kind]
    if not fits(d, value):
        yield f"expected {en}, got {value!r}", f"ต้องเป็น{th} ได้ {value!r}"


def _dates(value: Any) -> Iterator[Said]:
    if not isinstance(value, list):
        yield f"expected a list of dates, got {value!r}", f"ต้องเป็นรายการวันที่ ได้ {value!r}"
        return
    for i, day in enumerate(value):
        try:
            NORMALIZERS["date"](str(day), None)  # type: ignore[arg-type]
        except ValueError:
            yield f"item {i}, {day!r}, is not a date", f"ลำดับที่ {i} ({day!r}) ไม่ใช่วันที่"


def declared_problems(d: FlowDefinition) -> Iterator[tuple[str, str, str]]:
    """Each default in the file checked against its declared type."""
    for name, value in d.settings.items():
        kind = d.setting_types.get(name)
        if kind is None:
            continue
        for en, th in value_problems(d, kind, value):
            yield f"settings.{name}.default", en, th


def use_problems(d: FlowDefinition, param: str, name: Any) -> Iterator[Said]:
    """A guard parameter ``param`` (``days_setting``, ``role_setting``, ...) naming the
    setting ``name``, which must be of a type that parameter can use."""
    wanted = _USES.get(param)
    kind = d.setting_types.get(name) if isinstance(name, str) else None
    if wanted is None or kind is None or kind in wanted:
        return
    yield (
        f"setting '{name}' is of type {kind}; {param} needs {' or '.join(wanted)}",
        f"ค่าตั้ง '{name}' เป็นชนิด {kind} แต่ {param} ต้องเป็น {' หรือ '.join(wanted)}",
    )


def override_problems(
    d: FlowDefinition, overrides: Mapping[str, Any]
) -> Iterator[tuple[str, str, str]]:
    """A host's values for the settings of ``d``: each must be declared, and of its type.
    Paths are ``flow_id.setting``."""
    for name, value in overrides.items():
        path = f"{d.id}.{name}"
        if name not in d.settings:
            yield (
                path,
                f"flow '{d.id}' has no setting '{name}'",
                f"ขั้นตอนงาน '{d.id}' ไม่มีค่าตั้ง '{name}'",
            )
            continue
        kind = d.setting_types.get(name)
        if kind is not None:
            for en, th in value_problems(d, kind, value):
                yield path, en, th


__all__ = [
    "MAX_DAYS",
    "SETTING_TYPES",
    "declared_problems",
    "override_problems",
    "use_problems",
    "value_problems",
]
