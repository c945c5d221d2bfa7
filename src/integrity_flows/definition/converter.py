"""One cattrs converter turns the plain data of a flow file into the frozen model.

Shape errors (a missing key, an unknown key, a bad type) come back as
:class:`~integrity_flows.errors.Problem` records naming the path inside the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, override

from integrity_flows.definition.model import (
    DUTY_PERIODS,
    FIELD_TYPES,
    RULE_OPS,
    SETTING_TYPES,
    SUBFIELD_TYPES,
    DutyPeriod,
    DutyWithin,
    EachCase,
    FieldType,
    FlowDefinition,
    GuardRef,
    RecordsChange,
    Rule,
    Scalar,
    SubFieldType,
)
from integrity_flows.errors import Problem

COMBINATORS = ("all", "any", "not")


def _structure_tuple_of_str(value: Any, _: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return tuple(value)
    msg = f"expected a name or a list of names, got {value!r}"
    raise ValueError(msg)


def _structure_guard(value: Any, _: Any) -> GuardRef:
    if isinstance(value, str):
        return GuardRef(value)
    if not isinstance(value, Mapping) or len(value) != 1:
        msg = "a guard is a name, or a mapping of one name to its parameters"
        raise ValueError(msg)
    ((name, params),) = value.items()
    if not isinstance(name, str):
        msg = f"a guard name must be text, got {name!r}"
        raise ValueError(msg)
    if name in ("all", "any"):
        if not isinstance(params, list) or not params:
            msg = f"'{name}' takes a non-empty list of guards"
            raise ValueError(msg)
        return GuardRef(name, children=tuple(_structure_guard(p, None) for p in params))
    if name == "not":
        return GuardRef(name, children=(_structure_guard(params, None),))
    if params is None:
        params = {}
    if not isinstance(params, Mapping):
        msg = f"the parameters of guard '{name}' must be a mapping, got {params!r}"
        raise ValueError(msg)
    return GuardRef(name, dict(params))


def _structure_field_type(value: Any, _: Any) -> str:
    if value not in FIELD_TYPES:
        msg = f"unknown field type {value!r} (one of: {', '.join(FIELD_TYPES)})"
        raise ValueError(msg)
    return str(value)


def _structure_subfield_type(value: Any, _: Any) -> str:
    if value not in SUBFIELD_TYPES:
        msg = f"unknown sub-field type {value!r} (one of: {', '.join(SUBFIELD_TYPES)})"
        raise ValueError(msg)
    return str(value)


_RULE_OPTIONS = ("on_zero", "places")


def _structure_rule(value: Any, _: Any) -> Rule:
    """``{quotient: [a, b], on_zero: 0}``: one operation key, and its options."""
    if not isinstance(value, Mapping):
        msg = f"a computed rule is a mapping of one operation ({', '.join(RULE_OPS)})"
        raise ValueError(msg)
    ops = [key for key in value if key in RULE_OPS]
    extra = sorted(str(k) for k in value if k not in RULE_OPS and k not in _RULE_OPTIONS)
    if len(ops) != 1 or extra:
        msg = f"a computed rule names exactly one operation of: {', '.join(RULE_OPS)}"
        if extra:
            msg += f" (unknown key(s): {', '.join(extra)})"
        raise ValueError(msg)
    options = {k: v for k, v in value.items() if k in _RULE_OPTIONS}
    return Rule(ops[0], value[ops[0]], options)


def _structure_records_changes(value: Any, _: Any) -> tuple[RecordsChange, ...]:
    items = [value] if isinstance(value, Mapping) else value
    if not isinstance(items, list):
        msg = "records is a mapping {field, op} or a list of them"
        raise ValueError(msg)
    return tuple(_CONVERTER.structure(item, RecordsChange) for item in items)


def _structure_scalar(value: Any, _: Any) -> Any:
    if value is None or isinstance(value, str | int | bool):
        return value
    msg = f"expected text, a number or true/false, got {value!r}"
    raise ValueError(msg)


def _structure_bool(value: Any, _: Any) -> bool:
    # cattrs would take bool(value): "false" or [no] would silently be true.
    if isinstance(value, bool):
        return value
    msg = f"expected true or false, got {value!r}"
    raise ValueError(msg)


def _structure_int(value: Any, _: Any) -> int:
    # cattrs would take int(value): 1.5 would silently be 1, true would be 1.
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    msg = f"expected a whole number, got {value!r}"
    raise ValueError(msg)


def _structure_int_or_str(value: Any, _: Any) -> int | str:
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    msg = f"expected a whole number or text, got {value!r}"
    raise ValueError(msg)


def _structure_any_mapping(value: Any, _: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        msg = f"expected a mapping, got {value!r}"
        raise ValueError(msg)
    return dict(value)


def _structure_period(value: Any, _: Any) -> DutyPeriod:
    """``monthly`` ... or ``{each: {flow: F, date: FIELD, states: [...]}}``."""
    if isinstance(value, str):
        if value not in DUTY_PERIODS or value == "each":
            names = ", ".join(p for p in DUTY_PERIODS if p != "each")
            msg = f"unknown period {value!r} (one of: {names}, or {{each: {{flow, date}}}})"
            raise ValueError(msg)
        return DutyPeriod(value)
    if isinstance(value, Mapping) and list(value) == ["each"]:
        return DutyPeriod("each", _CONVERTER.structure(value["each"], EachCase))
    msg = f"a period is one of {', '.join(DUTY_PERIODS[:-1])}, or {{each: {{flow, date}}}}"
    raise ValueError(msg)


def make_converter() -> cattrs.Converter:
    """The converter for flow files: strict about extra keys, detailed about errors."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook_func(lambda t: t == tuple[str, ...], _structure_tuple_of_str)
    converter.register_structure_hook(GuardRef, _structure_guard)
    converter.register_structure_hook_func(lambda t: t == Mapping[str, Any], _structure_any_mapping)
    converter.register_structure_hook_func(lambda t: t == FieldType, _structure_field_type)
    converter.register_structure_hook_func(lambda t: t == SubFieldType, _structure_subfield_type)
    converter.register_structure_hook(Rule, _structure_rule)
    converter.register_structure_hook_func(
        lambda t: t == tuple[RecordsChange, ...], _structure_records_changes
    )
    converter.register_structure_hook_func(lambda t: t == Scalar, _structure_scalar)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook_func(lambda t: t == int | str, _structure_int_or_str)
    converter.register_structure_hook(DutyPeriod, _structure_period)
    # ``from`` is a Python keyword: the model calls it ``from_``.
    converter.register_structure_hook(
        DutyWithin,
        make_dict_structure_fn(
            DutyWithin,
            converter,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=True,
            from_=override(rename="from"),
        ),
    )
    return converter


_CONVERTER = make_converter()
_KEY = re.compile(r"\['([^']*)'\]")
_LITERAL = re.compile(r"(.*) not in literal typing\.Literal\[(.*)\]$")


def _clean_path(path: str) -> str:
    path = _KEY.sub(r".\1", path)
    return path.removeprefix("$").removeprefix(".")


def structure(raw: Any, source: str) -> tuple[FlowDefinition | None, list[Problem]]:
    """Structure ``raw`` (the parsed YAML) into a definition, or say every shape problem."""
    if not isinstance(raw, Mapping):
        return None, [
            Problem(source, "", "a flow file must hold a mapping", "ไฟล์ขั้นตอนงานต้องเป็นแบบ mapping")
        ]
    # ``source`` and ``digest`` are set by the loader, never written in a file, and
    # ``setting_types`` is read from the declarations under ``settings``.
    reserved = sorted(key for key in ("source", "digest", "setting_types", "text") if key in raw)
    if reserved:
        return None, [_problem(source, f"unknown key(s): {', '.join(reserved)} @ $")]
    problems: list[Problem] = []
    if isinstance(raw.get("settings"), Mapping):
        defaults, types, problems = _settings(raw["settings"], source)
        raw = {**raw, "settings": defaults, "setting_types": types}
    try:
        definition = _CONVERTER.structure(raw, FlowDefinition)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as exc:
        return None, [*problems, *(_problem(source, message) for message in _messages(exc))]
    return (None, problems) if problems else (definition, [])


def _settings(
    declared: Mapping[Any, Any], source: str
) -> tuple[dict[Any, Any], dict[Any, str], list[Problem]]:
    """``name: {type: days, default: 7}`` for each setting: the defaults, the types, and
    the problems of declarations of the wrong shape."""
    defaults: dict[Any, Any] = {}
    types: dict[Any, str] = {}
    problems: list[Problem] = []
    for name, declaration in declared.items():
        path = f"settings.{name}"
        if not isinstance(declaration, Mapping) or set(declaration) != {"type", "default"}:
            problems.append(
                Problem(
                    source,
                    path,
                    f"a setting is declared as {{type: ..., default: ...}}, got {declaration!r}",
                    "ค่าตั้งต้องประกาศเป็น {type: ..., default: ...}",
                )
            )
        elif declaration["type"] not in SETTING_TYPES:
            problems.append(
                Problem(
                    source,
                    f"{path}.type",
                    f"unknown setting type {declaration['type']!r}"
                    f" (one of: {', '.join(SETTING_TYPES)})",
                    f"ชนิดค่าตั้งไม่ถูกต้อง {declaration['type']!r}",
                )
            )
        else:
            defaults[name] = declaration["default"]
            types[name] = str(declaration["type"])
    return defaults, types, problems


def _messages(exc: BaseException) -> list[str]:
    if isinstance(exc, ForbiddenExtraKeysError):
        keys = ", ".join(sorted(map(str, exc.extra_fields)))
        return [f"unknown key(s): {keys} @ $"]
    return list(cattrs.transform_error(exc, format_exception=_format))


def _format(exc: BaseException, _type: Any) -> str:
    if isinstance(exc, KeyError):
        return "required key missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        # YAML reads a bare on/off/yes/no key as true/false: show it as written.
        return f"unknown key(s): {', '.join(sorted(map(str, exc.extra_fields)))}"
    literal = _LITERAL.match(str(exc))
    if literal:
        choices = ", ".join(re.findall(r"'([^']*)'", literal.group(2)))
        return f"unknown value '{literal.group(1)}' (one of: {choices})"
    if isinstance(exc, ValueError | TypeError):
        text = str(exc)
        if "invalid literal" in text or "could not convert" in text:
            return f"invalid value for type {getattr(_type, '__name__', _type)}: {text}"
        return text
    return f"{type(exc).__name__}: {exc}"


def _problem(source: str, message: str) -> Problem:
    text, _, path = message.rpartition(" @ ")
    if not text:
        text, path = message, ""
    return Problem(source, _clean_path(path), text, _thai(text))


_THAI_SHAPES = (
    ("required key missing", "ขาดหัวข้อที่จำเป็น"),
    ("unknown key", "มีหัวข้อที่ไม่รู้จัก"),
    ("unknown field type", "ชนิดข้อมูลไม่ถูกต้อง"),
    ("unknown sub-field type", "ชนิดหัวข้อย่อยไม่ถูกต้อง"),
    ("computed rule", "กฎการคำนวณไม่ถูกต้อง"),
    ("unknown value", "ค่าไม่อยู่ในตัวเลือก"),
    ("unknown period", "ไม่รู้จักรอบระยะเวลา"),
    ("a period is", "รอบระยะเวลาไม่ถูกต้อง"),
    ("invalid value", "ค่าไม่ถูกชนิด"),
    ("expected", "รูปแบบไม่ถูกต้อง"),
)


def _thai(text: str) -> str:
    for english, thai in _THAI_SHAPES:
        if english in text:
            return f"{thai} ({text})"
    return f"รูปแบบไม่ถูกต้อง ({text})"
