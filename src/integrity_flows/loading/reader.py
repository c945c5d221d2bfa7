"""Read one flow file: YAML text -> plain data -> frozen model -> checked definition."""

from __future__ import annotations

import hashlib
import json
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import attrs

from integrity_flows.definition.converter import structure
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.errors import DefinitionError, Problem
from integrity_flows.guards.registry import GuardRegistry
from integrity_flows.loading.checks import check
from integrity_flows.loading.templates import FOLDER, expand
from integrity_flows.safe_yaml import MAX_DEPTH, MAX_INTEGER, MAX_VALUES, parse_yaml


def digest(raw: Any) -> str:
    """The definition hash: SHA-256 of the canonical JSON of the file's data."""
    text = json.dumps(raw, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def read_text(
    text: str,
    source: str,
    registry: GuardRegistry,
    templates: Traversable | Path | None = None,
) -> FlowDefinition:
    """Load a definition from YAML ``text``; raise :class:`DefinitionError` with every problem.

    A file that names a ``template`` is expanded from the folder ``templates`` first (see
    :mod:`integrity_flows.loading.templates`); the hash is the expanded flow's."""
    raw, problems = parse_yaml(text, source)
    if not problems:
        raw, problems = expand(raw, source, templates)
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
    return read_text(text, str(path), registry, path.parent / FOLDER)


__all__ = [
    "MAX_DEPTH",
    "MAX_INTEGER",
    "MAX_VALUES",
    "digest",
    "parse_yaml",
    "read_file",
    "read_text",
]
