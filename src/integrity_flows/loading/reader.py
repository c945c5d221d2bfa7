"""Read one flow file: YAML text -> plain data -> frozen model -> checked definition."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import attrs
import yaml

from integrity_flows.definition.converter import structure
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.errors import DefinitionError, Problem
from integrity_flows.guards.registry import GuardRegistry
from integrity_flows.loading.checks import check

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
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key '{key}' is written twice", key_node.start_mark
            )
        seen.add(key)
    mapping: dict[Any, Any] = loader.construct_mapping(node)
    return mapping


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_yaml(text: str, source: str) -> tuple[Any, list[Problem]]:
    """Plain data from YAML text, or the syntax problem with its line."""
    try:
        return yaml.load(text, Loader=_StrictLoader), []  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        detail = str(getattr(exc, "problem", None) or exc)
        return None, [
            Problem(source, where, f"not valid YAML: {detail}", f"ไม่ใช่ YAML ที่ถูกต้อง: {detail}")
        ]


def digest(raw: Any) -> str:
    """The definition hash: SHA-256 of the canonical JSON of the file's data."""
    text = json.dumps(raw, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def read_text(text: str, source: str, registry: GuardRegistry) -> FlowDefinition:
    """Load a definition from YAML ``text``; raise :class:`DefinitionError` with every problem."""
    raw, problems = parse_yaml(text, source)
    if problems:
        raise DefinitionError(problems)
    definition, problems = structure(raw, source)
    if definition is None:
        raise DefinitionError(problems)
    definition = attrs.evolve(definition, source=source, digest=digest(raw))
    problems = check(definition, registry)
    if problems:
        raise DefinitionError(problems)
    return definition


def read_file(path: Path, registry: GuardRegistry) -> FlowDefinition:
    """Load the definition in ``path``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DefinitionError(
            [Problem(str(path), "", f"cannot read: {exc}", f"อ่านไฟล์ไม่ได้: {exc}")]
        ) from exc
    return read_text(text, str(path), registry)
