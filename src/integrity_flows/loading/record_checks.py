"""Load-time checks of records fields, the transitions that change them and the guards
over them: every sub-field, key, op and condition they name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from integrity_flows.definition.model import (
    ID_PATTERN,
    Field,
    FlowDefinition,
    GuardRef,
    RecordField,
    RecordsChange,
)
from integrity_flows.guards.registry import GuardSpec
from integrity_flows.guards.where import where_problems
from integrity_flows.loading.hints import hint as _hint
from integrity_flows.loading.hints import yaml_bool
from integrity_flows.loading.rule_checks import rule_problems

Found = tuple[str, str, str]  # path, English, Thai

_NUMERIC = ("integer", "decimal")


def records_problems(d: FlowDefinition) -> list[Found]:
    """Every problem of the records fields of ``d`` and of the transitions changing them."""
    found: list[Found] = []
    for name, field in d.data.items():
        path = f"data.{name}"
        if field.type != "records":
            if field.fields or field.key:
                found.append(
                    (
                        path,
                        "only a records field has fields and a key",
                        "กำหนดหัวข้อย่อยได้เฉพาะข้อมูลแบบรายการระเบียน",
                    )
                )
            continue
        found += list(_field_problems(field, path))
    for i, t in enumerate(d.transitions):
        for j, change in enumerate(t.records):
            found += list(_change_problems(d, change, f"transitions[{i}].records[{j}]"))
    return found


def _field_problems(field: Field, path: str) -> Iterator[Found]:
    if not field.fields:
        yield (
            path,
            "a records field needs fields (its sub-fields)",
            "ข้อมูลแบบรายการระเบียนต้องกำหนดหัวข้อย่อย (fields)",
        )
    if (
        field.sensitive
        or field.hashed
        or field.indexed
        or field.default is not None
        or field.from_actor
    ):
        yield (
            path,
            "a records field is not sensitive, hashed, indexed or defaulted "
            "(mark its sub-fields sensitive)",
            "ข้อมูลแบบรายการระเบียนกำหนด sensitive/hashed/indexed/default ไม่ได้ (ให้กำหนดที่หัวข้อย่อย)",
        )
    if field.key is not None:
        yield from _key_problems(field, path)
    seen: dict[str, str] = {}
    for sub, spec in field.fields.items():
        at = f"{path}.fields.{sub}"
        if not ID_PATTERN.match(sub):
            yield (
                at,
                f"name '{sub}' must be lower-case letters, digits and _{yaml_bool(sub)[0]}",
                f"ชื่อ '{sub}' ต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข และ _{yaml_bool(sub)[1]}",
            )
        yield from _choice_problems(spec, at)
        for text in (spec.label.th, spec.label.en.casefold()):
            other = seen.setdefault(text, sub)
            if other != sub:
                yield at, f"label '{text}' is also used by '{other}'", f"ชื่อ '{text}' ซ้ำกับ '{other}'"
        if spec.computed is not None:
            yield from rule_problems(
                spec.computed, spec, field.fields, f"{at}.computed", {}, item=True
            )


def _key_problems(field: Field, path: str) -> Iterator[Found]:
    key = field.key
    spec = field.fields.get(str(key))
    if spec is None:
        en, th = _hint(key, field.fields)
        yield f"{path}.key", f"key '{key}' is not a sub-field{en}", f"'{key}' ไม่ใช่หัวข้อย่อย{th}"
    elif not spec.required or spec.sensitive or spec.computed is not None:
        yield (
            f"{path}.key",
            f"the key '{key}' must be a required sub-field, neither sensitive nor computed",
            f"หัวข้อย่อยที่ใช้ระบุรายการ '{key}' ต้องเป็นหัวข้อที่จำเป็น ไม่เป็นข้อมูลอ่อนไหวและไม่คำนวณ",
        )


def _choice_problems(spec: RecordField, path: str) -> Iterator[Found]:
    if spec.type == "enum" and not spec.choices:
        yield path, "an enum sub-field needs choices", "หัวข้อย่อยแบบตัวเลือกต้องกำหนดตัวเลือก"
    if spec.type != "enum" and spec.choices:
        yield path, "only an enum sub-field has choices", "มีตัวเลือกได้เฉพาะหัวข้อย่อยแบบตัวเลือก"
    for choice in spec.choice_labels:
        if choice not in spec.choices:
            yield (
                f"{path}.choice_labels.{choice}",
                f"'{choice}' is not a choice",
                f"'{choice}' ไม่ใช่ตัวเลือก",
            )
    if spec.computed is not None and spec.required:
        yield (
            path,
            "a computed sub-field is not required (it is filled in)",
            "หัวข้อย่อยที่คำนวณไม่ต้องกำหนดว่าจำเป็น",
        )


def _change_problems(d: FlowDefinition, change: RecordsChange, path: str) -> Iterator[Found]:
    name, op = change.field, change.op
    field = d.data.get(name)
    if field is None or field.type != "records":
        en, th = _hint(name, {k: f for k, f in d.data.items() if f.type == "records"})
        yield (
            f"{path}.field",
            f"'{name}' is not a records field{en}",
            f"'{name}' ไม่ใช่ข้อมูลแบบรายการระเบียน{th}",
        )
    elif op in ("amend", "remove") and field.key is None:
        yield (
            f"{path}.op",
            f"to {op} items, '{name}' needs a key",
            f"การแก้ไขหรือลบรายการ '{name}' ต้องกำหนด key",
        )
    elif change.subfields and op != "amend":
        yield (
            f"{path}.subfields",
            "subfields keeps an amendment to some sub-fields: it needs op: amend",
            "subfields ใช้ได้กับการแก้ไขรายการ (op: amend) เท่านั้น",
        )
    else:
        for k, sub in enumerate(change.subfields):
            if sub not in field.fields or sub == field.key or field.fields[sub].computed:
                en, th = _hint(sub, [s for s in field.fields if s != field.key])
                yield (
                    f"{path}.subfields[{k}]",
                    f"'{sub}' is not a sub-field of '{name}' an amendment can change{en}",
                    f"'{sub}' ไม่ใช่หัวข้อย่อยของ '{name}' ที่แก้ไขได้{th}",
                )


def records_field(d: FlowDefinition, ref: GuardRef, spec: GuardSpec) -> Field | None:
    """The records field a guard's ``records`` parameter names (None when it names none)."""
    for param, kind in spec.all_params().items():
        if kind == "records":
            field = d.data.get(str(ref.params.get(param)))
            if field is not None and field.type == "records":
                return field
    return None


def record_guard_problems(
    d: FlowDefinition, ref: GuardRef, spec: GuardSpec, path: str
) -> list[Found]:
    """The problems of the ``subfield`` and ``where`` parameters of a guard, and of the
    record guards' bounds."""
    field = records_field(d, ref, spec)
    found: list[Found] = []
    for param, kind in spec.all_params().items():
        if param not in ref.params or field is None:
            continue
        value = ref.params[param]
        if kind == "where":
            found += where_problems(field, value, f"{path}.{param}")
        elif kind == "subfield":
            found += list(_subfield_problems(ref, field, value, f"{path}.{param}"))
    found += list(_bound_problems(ref, path))
    found += list(_covered_problems(d, ref, path))
    if ref.name == "records_every" and field is not None and "equals" in ref.params:
        sub = ref.params.get("sub")
        found += where_problems(
            field, {"sub": sub, "equals": ref.params["equals"]}, f"{path}.equals"
        )
    return found


def _covered_problems(d: FlowDefinition, ref: GuardRef, path: str) -> Iterator[Found]:
    """``records_covered``: ``by_sub`` and ``by_where`` name sub-fields of ``by``."""
    if ref.name != "records_covered":
        return
    by = d.data.get(str(ref.params.get("by")))
    if by is None or by.type != "records":
        return  # reported as the parameter's kind
    if "by_sub" in ref.params:
        yield from _subfield_problems(ref, by, ref.params["by_sub"], f"{path}.by_sub")
    if "by_where" in ref.params:
        yield from where_problems(by, ref.params["by_where"], f"{path}.by_where")


def _subfield_problems(ref: GuardRef, field: Field, value: Any, path: str) -> Iterator[Found]:
    spec = field.fields.get(str(value))
    if spec is None:
        en, th = _hint(value, field.fields)
        yield path, f"unknown sub-field '{value}'{en}", f"ไม่รู้จักหัวข้อย่อย '{value}'{th}"
        return
    if ref.name == "records_sum" and spec.type not in _NUMERIC:
        yield (
            path,
            f"'{value}' is not a number sub-field (integer or decimal)",
            f"'{value}' ไม่ใช่หัวข้อย่อยที่เป็นตัวเลข",
        )
    plain_presence = ref.name == "records_every" and "equals" not in ref.params
    if spec.sensitive and not plain_presence:
        yield (
            path,
            f"'{value}' is sensitive: only whether it is given may be checked",
            f"'{value}' เป็นข้อมูลอ่อนไหว ตรวจได้เพียงว่ามีค่าหรือไม่",
        )


def _bound_problems(ref: GuardRef, path: str) -> Iterator[Found]:
    if ref.name not in ("records_count", "records_sum"):
        return
    bounds = [b for b in ("at_least", "at_most") if b in ref.params or f"{b}_setting" in ref.params]
    if not bounds:
        yield (
            path,
            f"guard '{ref.name}' needs at_least or at_most (or their _setting)",
            f"เงื่อนไข '{ref.name}' ต้องระบุ at_least หรือ at_most",
        )
    for bound in ("at_least", "at_most"):
        if bound in ref.params and f"{bound}_setting" in ref.params:
            yield path, f"give {bound} or {bound}_setting, not both", f"ระบุ {bound} ได้แบบเดียว"


__all__ = ["record_guard_problems", "records_field", "records_problems"]
