"""What changed between two versions of a flow: states, transitions, roles, guards, fields,
settings and duties added, removed and changed (``integrity-flows flows diff``).

Pure: two loaded definitions in, a list of :class:`Change` out. A changed item names the
attributes that differ; a transition's guards are compared by what each guard says, so
a guard added or removed is its own change.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal

import attrs

from integrity_flows.definition.model import FlowDefinition, GuardRef, Label, Transition

Kind = Literal["added", "removed", "changed"]

#: Each part of a flow the diff compares, with its Thai name.
PARTS: dict[str, str] = {
    "state": "สถานะ",
    "transition": "การดำเนินการ",
    "guard": "เงื่อนไข",
    "role": "บทบาท",
    "field": "ข้อมูล",
    "setting": "ค่าตั้ง",
    "duty": "หน้าที่",
    "start": "การเริ่มเรื่อง",
}
_KIND_TH = {"added": "เพิ่ม", "removed": "ลบ", "changed": "แก้ไข"}
_SIGN = {"added": "+", "removed": "-", "changed": "~"}


@attrs.frozen
class Change:
    """One difference: what part, which item, and (for a change) which of its attributes."""

    kind: Kind
    part: str
    name: str
    label: Label | None = None
    attributes: tuple[str, ...] = ()
    before: Any = None
    after: Any = None

    def line(self) -> str:
        """The change as one line, Thai then English."""
        shown = f" ({self.label.th} / {self.label.en})" if self.label is not None else ""
        detail = f": {', '.join(self.attributes)}" if self.attributes else ""
        if self.before is not None and self.after is not None:
            detail += f" [{_short(self.before)} → {_short(self.after)}]"
        elif self.after is not None:
            detail += f" = {_short(self.after)}"
        elif self.before is not None:
            detail += f" (was {_short(self.before)})"
        return (
            f"{_SIGN[self.kind]} {_KIND_TH[self.kind]}{PARTS[self.part]} / {self.kind} "
            f"{self.part} '{self.name}'{shown}{detail}"
        )

    def as_dict(self) -> dict[str, Any]:
        """The change as plain JSON data."""
        return {
            "kind": self.kind,
            "part": self.part,
            "name": self.name,
            "label": {"th": self.label.th, "en": self.label.en} if self.label else None,
            "attributes": list(self.attributes),
            "before": _plain(self.before),
            "after": _plain(self.after),
        }


def diff(old: FlowDefinition, new: FlowDefinition) -> list[Change]:
    """Every difference from ``old`` to ``new``, part by part."""
    found: list[Change] = []
    found += _mapping("state", old.states, new.states)
    found += _transitions(old, new)
    found += _mapping("role", old.roles, new.roles)
    found += _mapping("field", old.data, new.data)
    found += _settings(old, new)
    found += _mapping("duty", {d.id: d for d in old.duties}, {d.id: d for d in new.duties})
    if old.start != new.start:
        found.append(
            Change("changed", "start", "start", attributes=_differing(old.start, new.start))
        )
    return found


def _mapping(part: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    for name in sorted(set(old) | set(new)):
        before, after = old.get(name), new.get(name)
        if before is None:
            yield Change("added", part, name, _label(after))
        elif after is None:
            yield Change("removed", part, name, _label(before))
        elif before != after:
            yield Change("changed", part, name, _label(after), _differing(before, after))


def _transitions(old: FlowDefinition, new: FlowDefinition) -> Iterator[Change]:
    before, after = _by_move(old.transitions), _by_move(new.transitions)
    for key in sorted(set(before) | set(after)):
        was, now = before.get(key), after.get(key)
        name = f"{key[0]} ({' | '.join(key[1])})"
        if was is None:
            assert now is not None
            yield Change("added", "transition", f"{name} → {now.dest}", now.label)
        elif now is None:
            yield Change("removed", "transition", f"{name} → {was.dest}", was.label)
        elif was != now:
            attributes = _differing(was, now)
            yield Change("changed", "transition", name, now.label, attributes)
            if "guards" in attributes:
                yield from _guards(name, was.guards, now.guards)


def _by_move(transitions: tuple[Transition, ...]) -> dict[tuple[str, tuple[str, ...]], Transition]:
    return {(t.trigger, tuple(t.source)): t for t in transitions}


def _guards(where: str, old: tuple[GuardRef, ...], new: tuple[GuardRef, ...]) -> Iterator[Change]:
    said_old, said_new = [_said(g) for g in old], [_said(g) for g in new]
    for text in said_new:
        if text not in said_old:
            yield Change("added", "guard", f"{where}: {text}")
    for text in said_old:
        if text not in said_new:
            yield Change("removed", "guard", f"{where}: {text}")


def _said(guard: GuardRef) -> str:
    """A guard as one line of text: its name, its parameters, its children."""
    params = ", ".join(f"{k}={_short(v)}" for k, v in sorted(guard.params.items()))
    children = ", ".join(_said(c) for c in guard.children)
    inner = "; ".join(p for p in (params, children) if p)
    return f"{guard.name}({inner})"


def _settings(old: FlowDefinition, new: FlowDefinition) -> Iterator[Change]:
    for name in sorted(set(old.settings) | set(new.settings)):
        if name not in old.settings:
            yield Change("added", "setting", name, after=new.settings[name])
        elif name not in new.settings:
            yield Change("removed", "setting", name, before=old.settings[name])
        else:
            was = (old.settings[name], old.setting_types.get(name))
            now = (new.settings[name], new.setting_types.get(name))
            if was != now:
                yield Change("changed", "setting", name, before=was[0], after=now[0])


def _differing(before: Any, after: Any) -> tuple[str, ...]:
    """The attributes of two attrs records of one class that differ."""
    return tuple(
        f.name
        for f in attrs.fields(type(before))
        if f.eq and getattr(before, f.name) != getattr(after, f.name)
    )


def _label(item: Any) -> Label | None:
    # States, roles, fields and duties all carry a label.
    found = item.label if item is not None else None
    return found if isinstance(found, Label) else None


def _short(value: Any) -> str:
    text = str(_plain(value))
    return text if len(text) <= 60 else text[:57] + "..."


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if attrs.has(type(value)):
        return _plain(attrs.asdict(value, recurse=False))
    return value
