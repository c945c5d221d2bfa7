"""Read one flow file: YAML text -> plain data -> frozen model -> checked definition."""

from __future__ import annotations

import hashlib
import json
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import attrs
import yaml

from integrity_flows.definition.converter import structure
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.errors import DefinitionError, Problem
from integrity_flows.guards.registry import GuardRegistry
from integrity_flows.loading.checks import check
from integrity_flows.loading.setting_aside import follows_from, rest_of_file
from integrity_flows.loading.templates import FOLDER, expand
from integrity_flows.safe_yaml import MAX_DEPTH, MAX_INTEGER, MAX_VALUES, parse_yaml


def digest(raw: Any) -> str:
    """The definition hash: SHA-256 of the canonical JSON of the file's data.

    A file whose keys are not all text (YAML reads ``on:`` as true) is refused anyway; its
    hash, needed while its other problems are checked, is taken over its keys as text."""
    try:
        text = _canonical(raw)
    except TypeError:  # keys that do not sort together: a file refused for them
        text = _canonical(_text_keys(raw))
    return hashlib.sha256(text.encode()).hexdigest()


def _canonical(raw: Any) -> str:
    return json.dumps(raw, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def _text_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _text_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_text_keys(v) for v in value]
    return value


def read_text(
    text: str,
    source: str,
    registry: GuardRegistry,
    templates: Traversable | Path | None = None,
) -> FlowDefinition:
    """Load a definition from YAML ``text``; raise :class:`DefinitionError` with every problem.

    A file that names a ``template`` is expanded from the folder ``templates`` first (see
    :mod:`integrity_flows.loading.templates`); the hash and the kept ``text`` are the
    expanded flow's."""
    raw, problems = parse_yaml(text, source)
    if not problems:
        expanded, problems = expand(raw, source, templates)
        if expanded is not raw and not problems:
            # The text kept (in a store, in flows/history/) is the flow the template made:
            # it loads as it is when the template has changed or is gone.
            text = _expanded_text(raw, expanded)
        raw = expanded
    if problems:
        raise DefinitionError(problems)
    definition, problems = structure(raw, source)
    if definition is None:
        # A shape problem must not hide the file's other problems: check the rest of it.
        rest, removed = rest_of_file(raw, source, problems)
        if rest is not None:
            rest = attrs.evolve(rest, source=source, digest=digest(raw))
            follows = follows_from(removed)
            problems = [*problems, *(p for p in check(rest, registry) if not follows(p))]
        raise DefinitionError(problems)
    definition = attrs.evolve(definition, source=source, digest=digest(raw), text=text)
    problems = check(definition, registry)
    if problems:
        raise DefinitionError(problems)
    return definition


# libyaml's emitter when PyYAML has it (five times faster; the same text as the pure one).
_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _expanded_text(raw: dict[str, Any], expanded: Any) -> str:
    """The YAML of a flow a template made, saying which template made it."""
    body = yaml.dump(expanded, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100)
    return f"# The flow {raw.get('id')!s} as template {raw.get('template')!s} made it.\n{body}"


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
