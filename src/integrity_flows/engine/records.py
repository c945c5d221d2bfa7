"""Records fields: lists of typed items that transitions add, amend and remove.

An item is a JSON object of sub-field id → value, normalized as a field's value is
(dates ISO, decimals as text), in the order the sub-fields are declared. What people
give may be a list of items, one item (a mapping), JSON text, or ``sub=value; ...``
text (a Gherkin cell, a CLI ``--data``); for a removal, an item may be just its key.
Every problem names the field, the item (counted from 1) and the sub-field.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from integrity_flows.audit.records import REDACTED
from integrity_flows.calendars import thai_digits
from integrity_flows.definition.model import Field, RecordsOp
from integrity_flows.engine.computed import compute_item
from integrity_flows.errors import Reason
from integrity_flows.guards.where import present
from integrity_flows.values import NORMALIZERS

#: The most items one action may give for one field (a larger list is refused).
MAX_ITEMS_PER_CHANGE = 1000

Item = dict[str, Any]


class _Refusal(Exception):
    """An item cannot be taken; carries the reason."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(reason.en)
        self.reason = reason


def _reason(field: Field, index: int | None, th: str, en: str) -> Reason:
    where_th = f"รายการที่ {thai_digits(str(index))} " if index is not None else ""
    where_en = f"item {index}: " if index is not None else ""
    return Reason(
        "bad_item",
        f"ข้อมูล '{field.label.th}' {where_th}{th}",
        f"'{field.label.en}' {where_en}{en}",
    )


def parse_items(value: Any) -> list[Any]:
    """What was given, as a list of raw items: JSON text and ``sub=value; ...`` text are
    read, in a list too (one Gherkin row, or one CLI ``--data``, per item)."""
    value = _read(value)
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, list | tuple):
        return [_read(item) if isinstance(item, str) else item for item in value]
    return [value]


def _read(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text[:1] in ("[", "{"):
        try:
            return json.loads(text)
        except (ValueError, RecursionError):
            msg = "not readable JSON"
            raise ValueError(msg) from None
    if "=" in text:
        return dict(_pair(part) for part in text.split(";") if part.strip())
    return value


def _pair(part: str) -> tuple[str, str]:
    name, _, given = part.partition("=")
    return name.strip(), given.strip()


def change(
    field: Field,
    value: Any,
    existing: list[Item],
    op: RecordsOp,
    subfields: tuple[str, ...] = (),
) -> tuple[list[Item] | None, list[Reason]]:
    """The field's items after ``op`` with ``value``, or every reason it cannot be done.
    With ``subfields``, an amendment that changes any other sub-field (the key aside) is
    refused, naming it."""
    try:
        raw = parse_items(value)
    except ValueError:
        return None, [_reason(field, None, "อ่านไม่ได้ (JSON ไม่ถูกต้อง)", "cannot be read (bad JSON)")]
    if not raw:
        return None, [_reason(field, None, "ไม่มีรายการ", "has no items")]
    if len(raw) > MAX_ITEMS_PER_CHANGE:
        limit = MAX_ITEMS_PER_CHANGE
        return None, [
            _reason(
                field,
                None,
                f"มีเกิน {thai_digits(str(limit))} รายการในครั้งเดียว",
                f"gives more than {limit} items at once",
            )
        ]
    apply = {"add": _add, "amend": _amend, "remove": _remove}[op]
    items, reasons = apply(field, raw, list(existing))  # items are replaced, never changed
    if subfields and not reasons:
        reasons = _outside(field, existing, items, subfields)
    return (items if not reasons else None), reasons


def _outside(
    field: Field, before: list[Item], after: list[Item], subfields: tuple[str, ...]
) -> list[Reason]:
    """A reason for each amended item whose sub-field outside ``subfields`` changed."""
    assert field.key is not None  # amend needs a key (checked at load)
    earlier = {item.get(field.key): item for item in before}
    allowed_th = ", ".join(f"'{field.fields[s].label.th}'" for s in subfields)
    allowed_en = ", ".join(f"'{field.fields[s].label.en}'" for s in subfields)
    reasons = []
    for item in after:
        key = item.get(field.key)
        old = earlier.get(key, item)
        for sub, spec in field.fields.items():
            if sub in subfields or sub == field.key or spec.computed is not None:
                continue
            if old.get(sub) != item.get(sub):
                reasons.append(
                    _reason(
                        field,
                        None,
                        f"รายการ '{key}' หัวข้อ '{spec.label.th}' แก้ไขในการดำเนินการนี้ไม่ได้ "
                        f"(แก้ไขได้เฉพาะ {allowed_th})",
                        f"item '{key}': '{spec.label.en}' cannot be changed by this action "
                        f"(it changes only {allowed_en})",
                    )
                )
    return reasons


def _add(field: Field, raw: list[Any], items: list[Item]) -> tuple[list[Item], list[Reason]]:
    reasons: list[Reason] = []
    keys = {item.get(field.key) for item in items} if field.key else set()
    for index, given in enumerate(raw, start=1):
        try:
            item = _item(field, given, index, {})
        except _Refusal as refusal:
            reasons.append(refusal.reason)
            continue
        reasons += _required(field, item, index)
        if field.key is not None:
            if item.get(field.key) in keys:
                reasons.append(_duplicate(field, item, index))
            keys.add(item.get(field.key))
        items.append(item)
    return items, reasons


def _amend(field: Field, raw: list[Any], items: list[Item]) -> tuple[list[Item], list[Reason]]:
    reasons: list[Reason] = []
    for index, given in enumerate(raw, start=1):
        try:
            position = _find(field, given, index, items)
            item = _item(field, given, index, items[position])
        except _Refusal as refusal:
            reasons.append(refusal.reason)
            continue
        reasons += _required(field, item, index)
        items[position] = item
    return items, reasons


def _remove(field: Field, raw: list[Any], items: list[Item]) -> tuple[list[Item], list[Reason]]:
    reasons: list[Reason] = []
    for index, given in enumerate(raw, start=1):
        try:
            del items[_find(field, given, index, items)]
        except _Refusal as refusal:
            reasons.append(refusal.reason)
    return items, reasons


def _find(field: Field, given: Any, index: int, items: list[Item]) -> int:
    """The position of the item ``given`` names by its key."""
    assert field.key is not None  # amend and remove need a key (checked at load)
    key_spec = field.fields[field.key]
    if isinstance(given, Mapping):
        names = {field.sub_id(str(k)): v for k, v in given.items()}
        raw_key = names.get(field.key)
    else:
        raw_key = given
    try:
        wanted = NORMALIZERS[key_spec.type](raw_key, key_spec)
    except (ValueError, AttributeError):
        raise _Refusal(
            _reason(
                field,
                index,
                f"ต้องระบุ '{key_spec.label.th}' ของรายการ",
                f"needs its '{key_spec.label.en}'",
            )
        ) from None
    for position, item in enumerate(items):
        if item.get(field.key) == wanted:
            return position
    raise _Refusal(
        _reason(
            field,
            index,
            f"ไม่มีรายการที่ '{key_spec.label.th}' เป็น {wanted!r}",
            f"no item has '{key_spec.label.en}' {wanted!r}",
        )
    )


def _item(field: Field, given: Any, index: int, base: Item) -> Item:
    """``given`` over ``base`` as a normalized item, its computed sub-fields filled in."""
    if not isinstance(given, Mapping):
        raise _Refusal(
            _reason(field, index, "ต้องเป็นชุดหัวข้อและค่า", "must be a mapping of sub-fields")
        )
    values = dict(base)
    for name, raw in given.items():
        sub = field.sub_id(str(name))
        if sub is None:
            raise _Refusal(_reason(field, index, f"ไม่มีหัวข้อ '{name}'", f"has no sub-field '{name}'"))
        values.pop(sub, None)
        if present(raw):
            values[sub] = _value(field, sub, raw, index)
    values.update(compute_item(field, values))
    return {name: values[name] for name in field.fields if name in values}


def _value(field: Field, sub: str, raw: Any, index: int) -> Any:
    spec = field.fields[sub]
    if spec.computed is not None:
        raise _Refusal(
            _reason(
                field,
                index,
                f"'{spec.label.th}' คำนวณโดยระบบ กำหนดเองไม่ได้",
                f"'{spec.label.en}' is computed and cannot be given",
            )
        )
    try:
        return NORMALIZERS[spec.type](raw, spec)
    except (ValueError, AttributeError, TypeError) as exc:
        shown_th = "(ข้อมูลอ่อนไหว ไม่แสดงค่า)" if spec.sensitive else repr(raw)[:80]
        shown_en = "(sensitive, not shown)" if spec.sensitive else f"{repr(raw)[:80]}: {exc}"
        raise _Refusal(
            _reason(
                field,
                index,
                f"หัวข้อ '{spec.label.th}' ไม่ถูกต้อง {shown_th}",
                f"'{spec.label.en}' has a bad value {shown_en}",
            )
        ) from None


def _required(field: Field, item: Item, index: int) -> list[Reason]:
    return [
        _reason(field, index, f"ต้องระบุ '{spec.label.th}'", f"'{spec.label.en}' is required")
        for name, spec in field.fields.items()
        if spec.required and not present(item.get(name))
    ]


def _duplicate(field: Field, item: Item, index: int) -> Reason:
    assert field.key is not None
    label = field.fields[field.key].label
    value = item.get(field.key)
    return _reason(
        field,
        index,
        f"'{label.th}' {value!r} มีอยู่แล้ว",
        f"'{label.en}' {value!r} is already listed",
    )


def redact_items(field: Field, items: Any) -> Any:
    """``items`` with every sensitive sub-field's value shown as ``***``."""
    hidden = [name for name, spec in field.fields.items() if spec.sensitive]
    if not hidden or not isinstance(items, list):
        return items
    return [_redact(item, hidden) for item in items]


def _redact(item: Any, hidden: list[str]) -> Any:
    if not isinstance(item, Mapping):
        return item
    return {k: (REDACTED if k in hidden and present(v) else v) for k, v in item.items()}


def delta(field: Field, old: list[Item], new: list[Item]) -> dict[str, Any]:
    """What an action did to the items, as its audit event records it (redacted).

    ``added`` items are appended, ``amended`` ones replace the item with the same key,
    ``removed`` ones are taken out: replaying them on the items before gives the items
    after (``verify`` does).
    """
    key = field.key
    if key is None:
        changes: dict[str, list[Item]] = {"added": new[len(old) :]}
    else:
        before = {item.get(key): item for item in old}
        after = {item.get(key) for item in new}
        changes = {
            "added": [i for i in new if i.get(key) not in before],
            "amended": [i for i in new if i.get(key) in before and before[i.get(key)] != i],
            "removed": [i for i in old if i.get(key) not in after],
        }
    recorded: dict[str, Any] = {"key": key}
    for name, items in changes.items():
        if items:
            recorded[name] = redact_items(field, items)
    return recorded


def sealed_subfields(field: Field) -> Iterator[str]:
    """The sub-fields whose values are sealed before they are stored."""
    return (name for name, spec in field.fields.items() if spec.sensitive)


__all__ = [
    "MAX_ITEMS_PER_CHANGE",
    "change",
    "delta",
    "parse_items",
    "redact_items",
    "sealed_subfields",
]
