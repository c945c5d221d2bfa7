"""Case data: check and normalize what people give against the flow's schema.

Values are kept as JSON data: dates as ISO text (C.E.), instants as UTC ISO text,
decimals as text. People may write numbers with Thai digits and dates in the
Buddhist Era; fields and enum choices may be named by id or by label.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from integrity_flows.audit.records import REDACTED, iso
from integrity_flows.calendars import THAI_TZ, parse_datetime, sane_day
from integrity_flows.definition.model import Field, FlowDefinition, RecordsOp
from integrity_flows.engine import records
from integrity_flows.engine.inputs import bad_text, quoted, shown
from integrity_flows.errors import Reason
from integrity_flows.values import NORMALIZERS, string


def _when(value: Any, _: Any) -> str:
    moment = parse_datetime(value)
    sane_day(moment.astimezone(THAI_TZ).date())
    return iso(moment)


_NORMALIZERS: dict[str, Callable[[Any, Any], Any]] = {**NORMALIZERS, "datetime": _when}


def _list_items(value: Any) -> list[str]:
    items = value if isinstance(value, list | tuple) else [value]
    return [str(item) for item in items]


def normalize(
    definition: FlowDefinition,
    given: Mapping[str, Any],
    existing: Mapping[str, Any],
    ops: Mapping[str, RecordsOp] | None = None,
    subfields: Mapping[str, tuple[str, ...]] | None = None,
) -> tuple[dict[str, Any], list[Reason]]:
    """The changes ``given`` makes to ``existing`` data, normalized, and every problem.

    A ``list`` field appends what is given to what the case already holds; a
    ``records`` field changes as ``ops`` says for it (add, amend or remove items) and
    may not be given where no op is declared (and, where ``subfields`` names some for it,
    an amendment changes only those); a computed field may not be given.
    """
    changes: dict[str, Any] = {}
    problems: list[Reason] = []
    for name, value in given.items():
        field_id = definition.field_id(name) if isinstance(name, str) else None
        if field_id is None:
            named = shown(name) if len(shown(name)) <= 80 else quoted(name)
            problems.append(
                Reason("unknown_field", f"ไม่รู้จักข้อมูล '{named}'", f"unknown data field '{named}'")
            )
            continue
        field = definition.data[field_id]
        if bad_text(value):
            problems.append(_bad_text(field))
        elif field.computed is not None or field.from_case is not None:
            problems.append(_not_given(field, definition))
        elif field.type == "list":
            given_items = _list_items(value)
            hidden = _hidden_item(field, given_items)
            if hidden is None:
                changes[field_id] = [*existing.get(field_id, []), *given_items]
            else:
                problems.append(hidden)
        elif field.type == "records":
            items, reasons = _records(
                field,
                value,
                existing.get(field_id),
                (ops or {}).get(field_id),
                (subfields or {}).get(field_id, ()),
            )
            problems += reasons
            if items is not None:
                changes[field_id] = items
        else:
            found, reason = _scalar(field, value)
            if reason is None:
                changes[field_id] = found
            else:
                problems.append(reason)
    return changes, problems


def read(definition: FlowDefinition, name: str, value: Any) -> tuple[Any, list[Reason]]:
    """``value`` read as field ``name`` stores it (a computed field too; a records field
    as the items it would hold), to compare with what a case holds."""
    field = definition.data[name]
    if field.type == "list":
        return _list_items(value), []
    if field.type == "records":
        return records.change(field, value, [], "add")
    found, reason = _scalar(field, value)
    return found, [reason] if reason is not None else []


def _hidden_item(field: Field, items: list[str]) -> Reason | None:
    """The refusal of a list item holding a character text may not hold (NUL, ESC, a
    bidirectional override), naming the field; never the value of a sensitive one."""
    for item in items:
        try:
            string(item, field)
        except ValueError as exc:
            shown_en = "(sensitive, not shown)" if field.sensitive else f"{quoted(item)}: {exc}"
            shown_th = "(ข้อมูลอ่อนไหว ไม่แสดงค่า)" if field.sensitive else quoted(item)
            return Reason(
                "bad_value",
                f"ข้อมูล '{field.label.th}' ไม่ถูกต้อง {shown_th}",
                f"'{field.label.en}' has a bad value {shown_en}",
            )
    return None


def _computed_given(field: Field) -> Reason:
    return Reason(
        "computed",
        f"'{field.label.th}' คำนวณโดยระบบ กำหนดเองไม่ได้",
        f"'{field.label.en}' is computed and cannot be given",
    )


def _not_given(field: Field, definition: FlowDefinition) -> Reason:
    if field.from_case is None:
        return _computed_given(field)
    via = definition.data[field.from_case.via].label
    return Reason(
        "from_case",
        f"'{field.label.th}' อ่านจากเรื่องที่ '{via.th}' ระบุ กำหนดเองไม่ได้",
        f"'{field.label.en}' is read from the case '{via.en}' names and cannot be given",
    )


def _records(
    field: Field, value: Any, held: Any, op: RecordsOp | None, subfields: tuple[str, ...]
) -> tuple[list[Any] | None, list[Reason]]:
    if op is None:
        return None, [
            Reason(
                "records_op",
                f"การดำเนินการนี้แก้ไขรายการ '{field.label.th}' ไม่ได้",
                f"this action does not change the items of '{field.label.en}'",
            )
        ]
    return records.change(field, value, list(held or []), op, subfields)


def _bad_text(field: Field) -> Reason:
    return Reason(
        "bad_value",
        f"ข้อมูล '{field.label.th}' มีอักขระที่ไม่ใช่ข้อความที่ถูกต้อง (เช่น ข้อมูลที่ไม่ใช่ UTF-8) หรือซ้อนกันลึกเกินไป",
        f"'{field.label.en}' holds characters that are not valid text "
        "(e.g. bytes that are not UTF-8), or nests too deep",
    )


def _scalar(field: Field, value: Any) -> tuple[Any, Reason | None]:
    try:
        return _NORMALIZERS[field.type](value, field), None
    except (ValueError, AttributeError, TypeError, ArithmeticError, RecursionError) as exc:
        if field.sensitive:
            # The reason goes to the audit trail and the log: never echo the value.
            return None, Reason(
                "bad_value",
                f"ข้อมูล '{field.label.th}' ไม่ถูกต้อง (ข้อมูลอ่อนไหว ไม่แสดงค่า)",
                f"'{field.label.en}' has a bad value (sensitive, not shown)",
            )
        return None, Reason(
            "bad_value",
            f"ข้อมูล '{field.label.th}' ไม่ถูกต้อง: {quoted(value)} ({_expected_th(field)})",
            f"'{field.label.en}' has a bad value {quoted(value)}: {exc}",
        )


#: What a value of each type must be, said in Thai (the English says it from the reader).
_EXPECTED_TH = {
    "string": "ต้องเป็นข้อความที่ไม่ยาวเกินกำหนดและไม่มีอักขระที่ใช้ไม่ได้",
    "text": "ต้องเป็นข้อความที่ไม่ยาวเกินกำหนดและไม่มีอักขระที่ใช้ไม่ได้",
    "integer": "ต้องเป็นจำนวนเต็ม",
    "decimal": "ต้องเป็นตัวเลข",
    "boolean": "ต้องเป็น ใช่ หรือ ไม่ใช่",
    "date": "ต้องเป็นวันที่ที่มีอยู่จริง เช่น ๒ ตุลาคม ๒๕๖๖",
    "datetime": "ต้องเป็นวันและเวลา เช่น ๒ ตุลาคม ๒๕๖๖ ๐๙:๐๐",
}


def _expected_th(field: Field) -> str:
    if field.type == "enum":
        shown = ", ".join(
            field.choice_labels[c].th if c in field.choice_labels else c for c in field.choices
        )
        return f"ต้องเป็นตัวเลือกหนึ่งใน: {shown}"
    return _EXPECTED_TH.get(field.type, "ค่าไม่ตรงกับชนิดของข้อมูล")


def missing(
    definition: FlowDefinition,
    names: list[str] | tuple[str, ...],
    data: Mapping[str, Any],
    changes: Mapping[str, Any] | None = None,
) -> list[Reason]:
    """A problem for each field of ``names`` that ``data`` does not hold.

    A ``list`` field is required *in this action*: it must be among ``changes``
    (recording a channel means naming one now, not relying on earlier ones).
    """
    found = []
    for name in names:
        field = definition.data[name]
        held = (changes or {}) if field.type == "list" and changes is not None else data
        if held.get(name) in (None, "", []):
            found.append(
                Reason(
                    "missing_field", f"ต้องระบุ '{field.label.th}'", f"'{field.label.en}' is required"
                )
            )
    return found


def unchanged_fixed(
    definition: FlowDefinition, changes: Mapping[str, Any], existing: Mapping[str, Any]
) -> list[Reason]:
    """A problem for each change to a ``fixed`` field (or the parent link) that already
    holds a value."""
    parent = definition.parent.field if definition.parent is not None else None
    found = []
    for name, value in changes.items():
        field = definition.data[name]
        held = existing.get(name)
        if (field.fixed or name == parent) and held not in (None, "") and value != held:
            found.append(
                Reason(
                    "fixed",
                    f"'{field.label.th}' กำหนดไว้แล้วเมื่อเริ่มเรื่อง แก้ไขไม่ได้",
                    f"'{field.label.en}' was set when the case started and cannot be changed",
                )
            )
    return found


def start_defaults(
    definition: FlowDefinition, data: Mapping[str, Any], actor_id: str
) -> dict[str, Any]:
    """Defaults a start fills in: literal defaults and fields taken from the actor."""
    filled: dict[str, Any] = {}
    for name, field in definition.once("start_filled", _start_filled):
        if data.get(name) not in (None, ""):
            continue
        if field.from_actor:
            filled[name] = actor_id
        else:
            filled[name] = field.default
    return filled


def _start_filled(definition: FlowDefinition) -> tuple[tuple[str, Field], ...]:
    """The fields a start may fill in: taken from the actor, or with a literal default."""
    return tuple(
        (name, field)
        for name, field in definition.data.items()
        if field.from_actor or field.default is not None
    )


def stamp(now: datetime, field: Field) -> str:
    """The value a transition's ``stamp`` writes: now, as the field's type.

    A date is the Thai calendar day (``now`` is UTC: before 07:00 Thai time the UTC
    date is still the day before).
    """
    return iso(now) if field.type == "datetime" else now.astimezone(THAI_TZ).date().isoformat()


def redact(definition: FlowDefinition, changes: Mapping[str, Any]) -> dict[str, Any]:
    """``changes`` with every sensitive (and every hashed) field replaced by ``***``, and
    every sensitive sub-field of a records field's items too."""
    shown = {}
    for name, value in changes.items():
        field = definition.data[name]
        if _hidden(field):
            shown[name] = REDACTED
        elif field.type == "records":
            shown[name] = records.redact_items(field, value)
        else:
            shown[name] = value
    return shown


def audited(
    definition: FlowDefinition, before: Mapping[str, Any], changes: Mapping[str, Any]
) -> dict[str, Any]:
    """``changes`` as an audit event records them: redacted, and a records field as the
    items the action added, amended and removed (see :func:`records.delta`)."""
    shown: dict[str, Any] = {}
    for name, value in changes.items():
        field = definition.data[name]
        if _hidden(field):
            shown[name] = REDACTED
        elif field.type == "records" and isinstance(value, list):
            shown[name] = records.delta(field, list(before.get(name) or []), value)
        else:
            shown[name] = value
    return shown


def _hidden(field: Field) -> bool:
    return field.sensitive or field.hashed


def index_keys(definition: FlowDefinition, data: Mapping[str, Any]) -> dict[str, str]:
    """The indexed fields of ``data``, as text."""
    return {
        name: str(data[name]) for name in indexed(definition) if data.get(name) not in (None, "")
    }


def indexed(definition: FlowDefinition) -> tuple[str, ...]:
    """The names of ``definition``'s indexed fields, in declared order (derived once)."""
    return definition.once("indexed", _indexed)


def _indexed(definition: FlowDefinition) -> tuple[str, ...]:
    return tuple(name for name, field in definition.data.items() if field.indexed)
