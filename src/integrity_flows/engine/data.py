"""Case data: check and normalize what people give against the flow's schema.

Values are kept as JSON data: dates as ISO text (C.E.), instants as UTC ISO text,
decimals as text. People may write numbers with Thai digits and dates in the
Buddhist Era; fields and enum choices may be named by id or by label.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from integrity_flows.audit.records import REDACTED, iso
from integrity_flows.calendars import (
    THAI_TZ,
    parse_date,
    parse_datetime,
    parse_decimal,
    parse_int,
)
from integrity_flows.definition.model import Field, FlowDefinition
from integrity_flows.errors import Reason

_TRUE = {"true", "yes", "y", "1", "ใช่", "จริง"}
_FALSE = {"false", "no", "n", "0", "ไม่ใช่", "ไม่", "เท็จ"}


def _text(value: Any, _: Field) -> str:
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value)
    msg = "expected text"
    raise ValueError(msg)


def _boolean(value: Any, _: Field) -> bool:
    if isinstance(value, bool):
        return value
    folded = str(value).strip().casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    msg = "expected yes or no"
    raise ValueError(msg)


def _enum(value: Any, field: Field) -> str:
    text = str(value)
    if text in field.choices:
        return text
    for choice, label in field.choice_labels.items():
        if label.matches(text):
            return choice
    msg = f"expected one of {', '.join(field.choices)}"
    raise ValueError(msg)


def _integer(value: Any, _: Field) -> int:
    if isinstance(value, bool):
        msg = "expected a whole number"
        raise ValueError(msg)
    return parse_int(value)


def _when(value: Any, _: Field) -> str:
    return iso(parse_datetime(value))


_NORMALIZERS: dict[str, Callable[[Any, Field], Any]] = {
    "string": _text,
    "text": _text,
    "integer": _integer,
    "decimal": lambda v, _: str(parse_decimal(v)),
    "boolean": _boolean,
    "date": lambda v, _: parse_date(v).isoformat(),
    "datetime": _when,
    "enum": _enum,
}


def _list_items(value: Any) -> list[str]:
    items = value if isinstance(value, list | tuple) else [value]
    return [str(item) for item in items]


def normalize(
    definition: FlowDefinition, given: Mapping[str, Any], existing: Mapping[str, Any]
) -> tuple[dict[str, Any], list[Reason]]:
    """The changes ``given`` makes to ``existing`` data, normalized, and every problem.

    A ``list`` field appends what is given to what the case already holds.
    """
    changes: dict[str, Any] = {}
    problems: list[Reason] = []
    for name, value in given.items():
        field_id = definition.field_id(name)
        if field_id is None:
            problems.append(
                Reason("unknown_field", f"ไม่รู้จักข้อมูล '{name}'", f"unknown data field '{name}'")
            )
            continue
        field = definition.data[field_id]
        if field.type == "list":
            changes[field_id] = [*existing.get(field_id, []), *_list_items(value)]
            continue
        try:
            changes[field_id] = _NORMALIZERS[field.type](value, field)
        except ValueError as exc:
            if field.sensitive:
                # The reason goes to the audit trail and the log: never echo the value.
                problems.append(
                    Reason(
                        "bad_value",
                        f"ข้อมูล '{field.label.th}' ไม่ถูกต้อง (ข้อมูลอ่อนไหว ไม่แสดงค่า)",
                        f"'{field.label.en}' has a bad value (sensitive, not shown)",
                    )
                )
                continue
            problems.append(
                Reason(
                    "bad_value",
                    f"ข้อมูล '{field.label.th}' ไม่ถูกต้อง: {value!r}",
                    f"'{field.label.en}' has a bad value {value!r}: {exc}",
                )
            )
    return changes, problems


def missing(
    definition: FlowDefinition,
    names: list[str] | tuple[str, ...],
    data: Mapping[str, Any],
    changes: Mapping[str, Any] | None = None,
) -> list[Reason]:
    """A problem for each field of ``names`` that ``data`` does not hold.

    A ``list`` field is required *in this action*: it must be among ``changes``
    (recording a channel means naming one now, not relying on earlier ones).
    """
    found = []
    for name in names:
        field = definition.data[name]
        held = (changes or {}) if field.type == "list" and changes is not None else data
        if held.get(name) in (None, "", []):
            found.append(
                Reason(
                    "missing_field", f"ต้องระบุ '{field.label.th}'", f"'{field.label.en}' is required"
                )
            )
    return found


def unchanged_fixed(
    definition: FlowDefinition, changes: Mapping[str, Any], existing: Mapping[str, Any]
) -> list[Reason]:
    """A problem for each change to a ``fixed`` field (or the parent link) that already
    holds a value."""
    parent = definition.parent.field if definition.parent is not None else None
    found = []
    for name, value in changes.items():
        field = definition.data[name]
        held = existing.get(name)
        if (field.fixed or name == parent) and held not in (None, "") and value != held:
            found.append(
                Reason(
                    "fixed",
                    f"'{field.label.th}' กำหนดไว้แล้วเมื่อเริ่มเรื่อง แก้ไขไม่ได้",
                    f"'{field.label.en}' was set when the case started and cannot be changed",
                )
            )
    return found


def start_defaults(
    definition: FlowDefinition, data: Mapping[str, Any], actor_id: str
) -> dict[str, Any]:
    """Defaults a start fills in: literal defaults and fields taken from the actor."""
    filled: dict[str, Any] = {}
    for name, field in definition.data.items():
        if data.get(name) not in (None, ""):
            continue
        if field.from_actor:
            filled[name] = actor_id
        elif field.default is not None:
            filled[name] = field.default
    return filled


def stamp(now: datetime, field: Field) -> str:
    """The value a transition's ``stamp`` writes: now, as the field's type.

    A date is the Thai calendar day (``now`` is UTC: before 07:00 Thai time the UTC
    date is still the day before).
    """
    return iso(now) if field.type == "datetime" else now.astimezone(THAI_TZ).date().isoformat()


def redact(definition: FlowDefinition, changes: Mapping[str, Any]) -> dict[str, Any]:
    """``changes`` with every sensitive (and every hashed) field replaced by ``***``."""
    return {
        name: REDACTED if _hidden(definition.data[name]) else value
        for name, value in changes.items()
    }


def _hidden(field: Field) -> bool:
    return field.sensitive or field.hashed


def index_keys(definition: FlowDefinition, data: Mapping[str, Any]) -> dict[str, str]:
    """The indexed fields of ``data``, as text."""
    return {
        name: str(data[name])
        for name, field in definition.data.items()
        if field.indexed and data.get(name) not in (None, "")
    }
