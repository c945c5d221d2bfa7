"""Load-time checks of what protects data: ``readers``, ``hashed``, the reserved trigger."""

from __future__ import annotations

from collections.abc import Iterator

from integrity_flows.definition.model import FlowDefinition, GuardRef
from integrity_flows.guards.registry import GuardRegistry
from integrity_flows.loading.hints import hint

#: The trigger the engine records for a reading of sensitive data (``Engine.reveal``).
# Triggers the engine records itself, with what each is for (English, Thai).
RESERVED_TRIGGERS = {
    "reveal": ("reading sensitive data", "การเปิดอ่านข้อมูลอ่อนไหว"),
    "seal": ("sealing values written in clear", "การเข้ารหัสข้อมูลที่บันทึกไว้ก่อนมีการเข้ารหัส"),
}

Found = tuple[str, str, str]  # path, English, Thai


def protection_problems(d: FlowDefinition, registry: GuardRegistry) -> list[Found]:
    """Every problem with the protection keys of ``d``'s fields and its triggers."""
    found: list[Found] = _guards_comparing(d, registry)
    for name, field in d.data.items():
        path = f"data.{name}"
        if field.readers and not field.sensitive:
            found.append(
                (
                    f"{path}.readers",
                    "only a sensitive field has readers",
                    "กำหนดผู้เปิดอ่านได้เฉพาะข้อมูลอ่อนไหว",
                )
            )
        for i, role in enumerate(field.readers):
            if role not in d.roles:
                hint_en, hint_th = hint(role, d.roles)
                found.append(
                    (
                        f"{path}.readers[{i}]",
                        f"unknown role '{role}'{hint_en}",
                        f"ไม่รู้จักบทบาท '{role}'{hint_th}",
                    )
                )
        if field.hashed and (field.sensitive or field.type not in ("string", "text")):
            found.append(
                (
                    f"{path}.hashed",
                    "a hashed field is a string or text field, and not also sensitive",
                    "ข้อมูลที่เก็บเป็นค่าแฮชต้องเป็นข้อความ และไม่เป็นข้อมูลอ่อนไหวในคราวเดียวกัน",
                )
            )
    found += _stamps_and_deadlines(d)
    for i, t in enumerate(d.transitions):
        if t.trigger in RESERVED_TRIGGERS:
            en, th = RESERVED_TRIGGERS[t.trigger]
            found.append(
                (
                    f"transitions[{i}].trigger",
                    f"trigger '{t.trigger}' is reserved for {en}",
                    f"ชื่อการดำเนินการ '{t.trigger}' สงวนไว้สำหรับ{th}",
                )
            )
    return found


def _guard_refs(d: FlowDefinition) -> Iterator[tuple[str, GuardRef]]:
    """Every guard of the start and the transitions, nested ones included, with its path."""
    stack = [(f"start.guards[{j}]", ref) for j, ref in enumerate(d.start.guards)]
    for i, t in enumerate(d.transitions):
        stack += [(f"transitions[{i}].guards[{j}]", ref) for j, ref in enumerate(t.guards)]
    while stack:
        path, ref = stack.pop(0)
        yield path, ref
        stack += [(f"{path}.{ref.name}[{j}]", child) for j, child in enumerate(ref.children)]


def _guards_comparing(d: FlowDefinition, registry: GuardRegistry) -> list[Found]:
    """A guard sees the stored (sealed or hashed) value of a protected field, so it may
    only ask whether one is present: ``field_present``."""
    found: list[Found] = []
    for path, ref in _guard_refs(d):
        spec = registry.get(ref.name)
        if spec is None or ref.name == "field_present":
            continue
        for param, kind in spec.all_params().items():
            value = ref.params.get(param)
            names = value if kind == "fields" and isinstance(value, list) else [value]
            if kind in ("field", "fields") and any(
                isinstance(n, str) and _protected(d, n) for n in names
            ):
                found.append(
                    (
                        f"{path}.{param}",
                        f"guard '{ref.name}' cannot compare a sensitive or hashed field "
                        "(only field_present may name one)",
                        f"เงื่อนไข '{ref.name}' เปรียบเทียบข้อมูลที่ป้องกันไว้ไม่ได้ (ใช้ได้เฉพาะ field_present)",
                    )
                )
    return found


def _protected(d: FlowDefinition, name: str | None) -> bool:
    field = d.data.get(name) if name else None
    return field is not None and (field.sensitive or field.hashed)


def _stamps_and_deadlines(d: FlowDefinition) -> list[Found]:
    """The engine reads stamps and deadline dates in clear: they cannot be protected."""
    found: list[Found] = []
    for i, t in enumerate(d.transitions):
        if _protected(d, t.stamp):
            found.append(
                (
                    f"transitions[{i}].stamp",
                    f"'{t.stamp}' is sensitive or hashed and cannot be stamped",
                    f"'{t.stamp}' เป็นข้อมูลที่ป้องกันไว้ จึงประทับเวลาไม่ได้",
                )
            )
    for state_name, state in d.states.items():
        for j, deadline in enumerate(state.deadlines):
            if _protected(d, deadline.field):
                found.append(
                    (
                        f"states.{state_name}.deadlines[{j}].field",
                        f"'{deadline.field}' is sensitive or hashed and cannot time a deadline",
                        f"'{deadline.field}' เป็นข้อมูลที่ป้องกันไว้ จึงใช้นับกำหนดเวลาไม่ได้",
                    )
                )
    return found


__all__ = ["RESERVED_TRIGGERS", "protection_problems"]
