"""What the engine does with sensitive and hashed fields before they reach the store.

- A ``sensitive`` field's value is sealed (encrypted) with the engine's key, bound to
  the case and the field; a ``list`` field has each item sealed, so appending keeps
  working. The case handed back to callers holds the sealed text, as the store does.
- A ``hashed`` field's value is replaced by its keyed hash; only equality lookups find it.
- Empty values stay as they are, so "not given" is still visible to the rules.

Without a key nothing sensitive is written: :class:`~integrity_flows.errors.KeyRequired`
names the fields and the engine records the refusal like any other.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from integrity_flows.definition.model import Field, FlowDefinition
from integrity_flows.errors import KeyRequired, NotSealed, Reason, WrongKey
from integrity_flows.protection.keys import FieldKey, SealBroken, is_sealed


def _present(value: Any) -> bool:
    return value not in (None, "", [])


def context(case_id: str, field: str) -> str:
    """What a sealed value is bound to: its case and its field."""
    return f"{case_id}\x1f{field}"


def hashed_value(key: FieldKey, flow_id: str, field: str, value: Any) -> str:
    """The stored form of a ``hashed`` field: a keyed hash, separate per flow and field."""
    return key.lookup_hash(f"{flow_id}\x1f{field}\x1f{value}")


def needs_key(field: Field) -> bool:
    """True for a field the engine must seal or hash before storing it (a records field
    with a sensitive sub-field included)."""
    return field.sensitive or field.hashed or any(s.sensitive for s in field.fields.values())


def _needing_key(definition: FlowDefinition) -> frozenset[str]:
    return frozenset(name for name, field in definition.data.items() if needs_key(field))


def protect(
    definition: FlowDefinition,
    key: FieldKey | None,
    case_id: str,
    changes: Mapping[str, Any],
    *,
    trigger: str,
    state: str | None,
) -> Mapping[str, Any]:
    """``changes`` as they may be stored: sensitive values sealed, hashed values hashed.

    ``changes`` itself is returned when nothing in it is protected (this runs on every
    fire). Raises :class:`KeyRequired` when a sensitive or hashed value is given and there
    is no key (the caller records the refusal).
    """
    keyed = definition.once("needs_key", _needing_key)
    if not keyed:
        return changes
    waiting = [name for name, value in changes.items() if name in keyed and _present(value)]
    if not waiting:
        return changes
    protected = dict(changes)
    if key is None:
        raise key_required(definition, waiting, case_id=case_id, trigger=trigger, state=state)
    for name in waiting:
        field, value = definition.data[name], changes[name]
        if field.hashed:
            protected[name] = hashed_value(key, definition.id, name, value)
        elif field.type == "records":
            protected[name] = [_seal_item(field, key, case_id, name, item) for item in value]
        elif isinstance(value, list):
            bound = context(case_id, name)
            protected[name] = [item if is_sealed(item) else key.seal(item, bound) for item in value]
        else:
            protected[name] = key.seal(value, context(case_id, name))
    return protected


def _seal_item(field: Field, key: FieldKey, case_id: str, name: str, item: Any) -> Any:
    """An item with each sensitive sub-field's value sealed, bound to case, field and
    sub-field (a value sealed before, kept by an amendment, stays as it is)."""
    sealed = dict(item)
    for sub, spec in field.fields.items():
        value = sealed.get(sub)
        if spec.sensitive and _present(value) and not is_sealed(value):
            sealed[sub] = key.seal(value, context(case_id, f"{name}.{sub}"))
    return sealed


def key_required(
    definition: FlowDefinition,
    fields: list[str],
    *,
    case_id: str | None,
    trigger: str,
    state: str | None,
) -> KeyRequired:
    """The refusal to write (or read) ``fields`` without a key, in both languages."""
    labels = [definition.data[name].label for name in fields]
    th = ", ".join(f"'{label.th}'" for label in labels)
    en = ", ".join(f"'{label.en}'" for label in labels)
    action = definition.label_of_trigger(trigger) if trigger != "reveal" else None
    reason = Reason(
        "key_required",
        f"{th} เป็นข้อมูลอ่อนไหวที่ต้องเข้ารหัส แต่ไม่ได้กำหนดกุญแจเข้ารหัส "
        "(Engine(key=...) หรือ INTEGRITY_FLOWS_KEY สำหรับคำสั่ง integrity-flows)",
        f"{en} must be encrypted and no key was given "
        "(Engine(key=...), or INTEGRITY_FLOWS_KEY for the integrity-flows command)",
    )
    doing_th = f"{action.th}ไม่ได้" if action else "อ่านข้อมูลอ่อนไหวไม่ได้"
    doing_en = f"cannot {action.en}" if action else "cannot read sensitive data"
    return KeyRequired(
        f"{doing_th} เพราะไม่มีกุญแจเข้ารหัส: {reason.th}",
        f"{doing_en}, no encryption key: {reason.en}",
        case_id=case_id,
        trigger=trigger,
        state=state,
        reasons=[reason],
    )


def open_value(
    definition: FlowDefinition,
    key: FieldKey | None,
    case_id: str,
    field: str,
    value: Any,
    *,
    state: str | None,
) -> Any:
    """The clear value of a stored sensitive ``value``.

    An empty value is returned as it is. Raises :class:`NotSealed` for a value stored in
    clear (written before encryption, or a sealed value replaced in the store: never shown;
    ``integrity-flows db seal`` seals values written before encryption),
    :class:`KeyRequired` without a key and :class:`WrongKey` when the key is not the one
    that sealed it (or the sealed text was altered).
    """
    if not _present(value):
        return value
    if not is_sealed(value):
        label = definition.data[field].label
        reason = Reason(
            "not_sealed",
            f"'{label.th}' ถูกเก็บเป็นข้อความธรรมดา ไม่ได้เข้ารหัส (บันทึกไว้ก่อนมีการเข้ารหัส "
            "หรือถูกแทนที่ในที่เก็บข้อมูล) จึงไม่แสดง ผู้ดูแลระบบเข้ารหัสค่าเดิมได้ด้วย "
            "integrity-flows db seal",
            f"'{label.en}' is stored in clear, not sealed (written before encryption, or "
            "replaced in the store), and is not shown; an administrator seals values written "
            "before encryption with integrity-flows db seal",
        )
        raise NotSealed(
            f"อ่านข้อมูลอ่อนไหวไม่ได้: {reason.th}",
            f"cannot read sensitive data: {reason.en}",
            case_id=case_id,
            trigger="reveal",
            state=state,
            reasons=[reason],
        )
    if key is None:
        raise key_required(definition, [field], case_id=case_id, trigger="reveal", state=state)
    bound = context(case_id, field)
    try:
        if isinstance(value, list):
            return [key.open(item, bound) for item in value]
        return key.open(value, bound)
    except SealBroken as broken:
        label = definition.data[field].label
        which = broken.fingerprint or "?"
        reason = Reason(
            "wrong_key",
            f"'{label.th}' ถูกเข้ารหัสด้วยกุญแจอื่น ({which}) หรือถูกแก้ไข "
            f"จึงเปิดด้วยกุญแจนี้ ({broken.expected}) ไม่ได้",
            f"'{label.en}' was sealed with another key ({which}) or was altered, and "
            f"cannot be opened with this key ({broken.expected})",
        )
        raise WrongKey(
            f"อ่านข้อมูลอ่อนไหวไม่ได้: {reason.th}",
            f"cannot read sensitive data: {reason.en}",
            case_id=case_id,
            trigger="reveal",
            state=state,
            reasons=[reason],
        ) from None


def clear_fields(definition: FlowDefinition, data: Mapping[str, Any]) -> list[str]:
    """The sensitive fields of ``data`` that hold a value in clear (not sealed)."""
    return [
        name
        for name, field in definition.data.items()
        if field.sensitive and _present(data.get(name)) and not is_sealed(data.get(name))
    ]


def seal_clear(
    key: FieldKey, case_id: str, data: Mapping[str, Any], names: list[str]
) -> dict[str, Any]:
    """``data`` with the clear values of the sensitive fields ``names`` sealed (each item of
    a list; items sealed already stay as they are)."""
    sealed = dict(data)
    for name in names:
        value, bound = data[name], context(case_id, name)
        if isinstance(value, list):
            sealed[name] = [item if is_sealed(item) else key.seal(item, bound) for item in value]
        else:
            sealed[name] = key.seal(value, bound)
    return sealed


__all__ = [
    "clear_fields",
    "context",
    "hashed_value",
    "key_required",
    "needs_key",
    "open_value",
    "protect",
    "seal_clear",
]
