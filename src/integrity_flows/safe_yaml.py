"""YAML as the files people write are read: a safe loader that refuses a key written
twice, with the shape of the text (nesting, values once aliases are expanded) checked on
the parser's events before anything is built, and numbers no procedure needs refused.

Flow files, report files and the plan file are read with :func:`parse_yaml`.
"""

from __future__ import annotations

import math
import pickle
import threading
from collections.abc import Iterator
from typing import Any

import yaml

from integrity_flows.errors import Problem

# libyaml's parser when PyYAML has it (several times faster; the constructors, and so what
# a file may hold, are the same safe ones), the pure-Python one otherwise.
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_SafeBase):  # type: ignore[valid-type, misc]
    """A safe loader that refuses a key written twice in one mapping.

    A merge key (``<<: *anchor``) is allowed: the keys written beside it override the
    merged ones, which is what it is for (a transition repeated for several states).
    """


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        if key_node.tag == _MERGE_TAG:
            continue
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "a key must be a plain value, not a list or mapping",
                key_node.start_mark,
            )
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key '{key}' is written twice", key_node.start_mark
            )
        seen.add(key)
    mapping: dict[Any, Any] = loader.construct_mapping(node)
    return mapping


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


#: The deepest nesting of lists and mappings a file may have (the bundled files reach 12).
MAX_DEPTH = 64
#: The most values a file may hold once every alias is expanded (the bundled files hold
#: under 2,000); an alias bomb is refused before it is expanded.
MAX_VALUES = 100_000
#: The largest whole number a file may hold (15 digits: any count, amount or version a
#: procedure needs, and still exact in every store).
MAX_INTEGER = 10**15 - 1


def _problem(source: str, path: str, en: str, th: str) -> list[Problem]:
    return [Problem(source, path, en, th)]


class _Frame:
    """An open list or mapping while the event stream is read: where its items are."""

    __slots__ = ("index", "is_mapping", "key", "path", "want_key")

    def __init__(self, path: str, *, is_mapping: bool) -> None:
        self.path = path
        self.is_mapping = is_mapping
        self.want_key = True
        self.key = "?"
        self.index = 0

    def is_key_refused(self, event: yaml.Event) -> bool:
        """Whether ``event`` starts a key that is not a plain value."""
        return (
            self.is_mapping
            and self.want_key
            and isinstance(event, yaml.CollectionStartEvent | yaml.AliasEvent)
        )

    def child(self, event: yaml.Event) -> str:
        """The path of the item ``event`` starts, and move on to the next item."""
        if not self.is_mapping:
            self.index += 1
            return f"{self.path}[{self.index - 1}]"
        if self.want_key:
            self.want_key = False
            self.key = str(event.value) if isinstance(event, yaml.ScalarEvent) else "?"
            return self.path
        self.want_key = True
        return f"{self.path}.{self.key}" if self.path else self.key


def _shape_problems(text: str, source: str) -> list[Problem]:
    """Refuse, from the event stream and before anything is built, nesting deeper than
    :data:`MAX_DEPTH` and more than :data:`MAX_VALUES` values once aliases are expanded."""
    loader = _StrictLoader(text)
    sizes: dict[str, int] = {}  # anchor -> values under it, expanded
    stack: list[tuple[_Frame, str | None, int]] = []  # frame, anchor, count at its start
    count = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionEndEvent):
                _, anchor, started = stack.pop()
                if anchor is not None:
                    sizes[anchor] = count - started
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            parent = stack[-1][0] if stack else None
            if parent is not None and parent.is_key_refused(event):
                return _problem(
                    source,
                    parent.path,
                    "a key must be a plain value, not a list, a mapping or an alias",
                    "ชื่อหัวข้อต้องเป็นค่าธรรมดา ไม่ใช่รายการ การจับคู่ หรือการอ้างอิง (alias)",
                )
            path = parent.child(event) if parent is not None else ""
            # An alias of a scalar counts one, as the scalar did.
            alias = isinstance(event, yaml.AliasEvent)
            if alias and any(anchor == event.anchor for _, anchor, _ in stack):
                return _problem(
                    source,
                    path,
                    f"the alias *{event.anchor} is inside its own anchor"
                    " (a value that holds itself)",
                    f"การอ้างอิง *{event.anchor} อยู่ภายในค่าที่มันอ้างถึงเอง",
                )
            count += sizes.get(str(event.anchor), 1) if alias else 1
            if count > MAX_VALUES:
                return _problem(
                    source,
                    path,
                    f"more than {MAX_VALUES} values once aliases are expanded (an alias bomb?)",
                    f"มีค่ามากกว่า {MAX_VALUES} ค่าเมื่อขยายการอ้างอิง (alias) แล้ว",
                )
            if isinstance(event, yaml.CollectionStartEvent):
                if len(stack) >= MAX_DEPTH:
                    return _problem(
                        source,
                        path,
                        f"nested more than {MAX_DEPTH} levels deep",
                        f"ซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น",
                    )
                frame = _Frame(path, is_mapping=isinstance(event, yaml.MappingStartEvent))
                stack.append((frame, event.anchor, count))
    finally:
        loader.dispose()
    return []


def _value_problems(raw: Any, source: str) -> Iterator[Problem]:
    """Numbers no procedure needs: a whole number of more than 15 digits, a number that is
    not finite (``.inf``, ``1e400``)."""
    todo: list[tuple[str, Any]] = [("", raw)]
    while todo:
        path, value = todo.pop()
        if isinstance(value, dict):
            todo.extend((f"{path}.{k}" if path else str(k), v) for k, v in value.items())
        elif isinstance(value, list):
            todo.extend((f"{path}[{i}]", v) for i, v in enumerate(value))
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int) and abs(value) > MAX_INTEGER:
            yield Problem(
                source,
                path,
                "a whole number of more than 15 digits",
                "จำนวนเต็มยาวเกิน 15 หลัก",
            )
        elif isinstance(value, float) and not math.isfinite(value):
            yield Problem(
                source, path, f"not a finite number: {value}", f"ไม่ใช่จำนวนที่มีค่าจำกัด: {value}"
            )


def parse_yaml(text: str, source: str) -> tuple[Any, list[Problem]]:
    """Plain data from YAML text, or the problems with their line or path.

    The text's shape (nesting, values once aliases are expanded) is checked on the event
    stream before anything is built; the data built is then checked for numbers no
    procedure needs. The same text from the same source is read once per process (every
    engine a process opens reads the same flow files): each call gets its own copy of
    the data, so a caller may change it."""
    if len(text) > _KEPT_UP_TO:  # larger than any flow file: read each time, never kept
        return _parse(text, source)
    key = (text, source)
    kept = _PARSED.get(key)
    if kept is None:
        kept = pickle.dumps(_parse(text, source), protocol=pickle.HIGHEST_PROTOCOL)
        with _PARSED_LOCK:
            if len(_PARSED) >= _PARSED_MAX:
                _PARSED.pop(next(iter(_PARSED)))
            _PARSED[key] = kept
    raw, problems = pickle.loads(kept)  # noqa: S301 - bytes this module made
    return raw, problems


# Parsed texts, as the bytes of a copy (a copy is about 25 times cheaper than a parse).
_PARSED: dict[tuple[str, str], bytes] = {}
_PARSED_LOCK = threading.Lock()
_PARSED_MAX = 512
_KEPT_UP_TO = 200_000  # characters


def _parse(text: str, source: str) -> tuple[Any, list[Problem]]:
    try:
        problems = _shape_problems(text, source)
        if problems:
            return None, problems
        raw = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        detail = str(getattr(exc, "problem", None) or exc)
        return None, [
            Problem(source, where, f"not valid YAML: {detail}", f"ไม่ใช่ YAML ที่ถูกต้อง: {detail}")
        ]
    except ValueError as exc:  # a number too long for Python to read (4,300 digits and more)
        return None, _problem(source, "", f"not valid YAML: {exc}", f"ไม่ใช่ YAML ที่ถูกต้อง: {exc}")
    problems = sorted(_value_problems(raw, source), key=lambda p: p.path)
    return (None, problems) if problems else (raw, [])


__all__ = ["MAX_DEPTH", "MAX_INTEGER", "MAX_VALUES", "parse_yaml"]
