"""The JSON Schema of the flow file format, generated from the model.

:func:`flow_schema` walks the frozen attrs model (:class:`FlowDefinition` and every class it
holds) with the shapes the converter accepts for them (``definition.converter``): a name
or a list of names, a guard as a name or a one-key mapping, a computed rule as a mapping
of one operation, settings as ``{type, default}``. Editors that read JSON Schema (VS Code
with the YAML extension, JetBrains IDEs) complete and check flow files with it; the
published copy is ``docs/flow.schema.json`` (``integrity-flows flows schema``), and a test
keeps it equal to what this module generates. The schema checks the shape of a file; the
loader's checks (states reachable, roles declared, guards known, ...) remain the judge.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, Union, get_args, get_origin

import attrs

from integrity_flows.definition import model
from integrity_flows.definition.converter import COMBINATORS
from integrity_flows.definition.model import (
    DUTY_PERIODS,
    RULE_OPS,
    SETTING_TYPES,
    DutyPeriod,
    FlowDefinition,
    GuardRef,
    RecordsChange,
    Rule,
)

# Set by the loader or read from ``settings``; never written in a file.
_NOT_WRITTEN: dict[type, tuple[str, ...]] = {FlowDefinition: ("source", "digest", "setting_types")}
_RENAMED = {"from_": "from"}
_RULE_OPTIONS = {"on_zero": {}, "places": {"type": "integer"}}


def flow_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a flow file."""
    defs: dict[str, Any] = {}
    root = _class_schema(FlowDefinition, defs)
    root.pop("description", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "integrity-flows flow definition",
        "description": "A flow file (flows/*.yaml), generated from the model by "
        "`integrity-flows flows schema`. The loader's checks go further than this shape.",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    """:func:`flow_schema` as the text of ``docs/flow.schema.json``: indented JSON, keys
    in a stable order, non-ASCII as is, one final newline."""
    return json.dumps(flow_schema(), ensure_ascii=False, indent=2) + "\n"


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(model))
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if not field.init or field.name in _NOT_WRITTEN.get(cls, ()):
            continue
        key = _RENAMED.get(field.name, field.name)
        if cls is FlowDefinition and key == "settings":
            properties[key] = _settings()
            continue
        properties[key] = _type_schema(hints[field.name], defs)
        if field.default is attrs.NOTHING:
            required.append(key)
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    doc = (cls.__doc__ or "").strip().split("\n\n", 1)[0]
    if doc:
        schema = {"description": " ".join(doc.split()), **schema}
    return schema


def _settings() -> dict[str, Any]:
    return {
        "description": "Typed settings a host may override: name: {type: ..., default: ...}.",
        "type": "object",
        "additionalProperties": {
            "type": "object",
            "properties": {"type": {"enum": list(SETTING_TYPES)}, "default": {}},
            "required": ["type", "default"],
            "additionalProperties": False,
        },
    }


def _names() -> dict[str, Any]:
    return {
        "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
        "description": "a name, or a list of names",
    }


def _guard(defs: dict[str, Any]) -> dict[str, Any]:
    if "Guard" not in defs:
        defs["Guard"] = {
            "description": "A guard: its registered name, a mapping of its name to its "
            f"parameters, or {', '.join(COMBINATORS)} combining guards.",
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {
                        "all": {"type": "array", "items": _ref("Guard"), "minItems": 1},
                        "any": {"type": "array", "items": _ref("Guard"), "minItems": 1},
                        "not": _ref("Guard"),
                    },
                    "additionalProperties": {"type": ["object", "null"]},
                    "minProperties": 1,
                    "maxProperties": 1,
                },
            ],
        }
    return _ref("Guard")


def _rule() -> dict[str, Any]:
    return {
        "description": "A computed rule: one operation and its options.",
        "type": "object",
        "properties": {**{op: {} for op in RULE_OPS}, **_RULE_OPTIONS},
        "additionalProperties": False,
        "minProperties": 1,
    }


def _period(defs: dict[str, Any]) -> dict[str, Any]:
    each = _class_schema(model.EachCase, defs)
    return {
        "anyOf": [
            {"enum": [p for p in DUTY_PERIODS if p != "each"]},
            {
                "type": "object",
                "properties": {"each": each},
                "required": ["each"],
                "additionalProperties": False,
            },
        ]
    }


_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    float: {"type": "number"},
    type(None): {"type": "null"},
}


def _type_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:  # noqa: PLR0911
    special = _special(hint, defs)
    if special is not None:
        return special
    if hint in _SCALARS:
        return dict(_SCALARS[hint])
    origin, args = get_origin(hint), get_args(hint)
    if origin is Literal:
        return {"enum": list(args)}
    if origin in (Union, types.UnionType):
        return {"anyOf": [_type_schema(arg, defs) for arg in args]}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if origin in (Mapping, dict):
        value = args[1] if args else Any
        if value is Any:
            return {"type": "object"}
        return {"type": "object", "additionalProperties": _type_schema(value, defs)}
    if attrs.has(hint):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}  # reserve the name first: classes may refer to themselves
            defs[name] = _class_schema(hint, defs)
        return _ref(name)
    msg = f"the flow schema has no form for {hint!r}: add one to definition.schema"
    raise TypeError(msg)


def _special(hint: Any, defs: dict[str, Any]) -> dict[str, Any] | None:
    """The types the converter reads its own way (see ``definition.converter``)."""
    found: dict[str, Any] | None = None
    if hint is Any:
        found = {}
    elif hint == tuple[str, ...]:
        found = _names()
    elif hint is GuardRef:
        found = _guard(defs)
    elif hint is Rule:
        found = _rule()
    elif hint is DutyPeriod:
        found = _period(defs)
    elif hint == tuple[RecordsChange, ...]:
        one = _type_schema(RecordsChange, defs)
        found = {"anyOf": [one, {"type": "array", "items": one}]}
    elif hint == model.Scalar:
        found = {"type": ["string", "integer", "boolean", "null"]}
    return found


__all__ = ["flow_schema", "schema_text"]
