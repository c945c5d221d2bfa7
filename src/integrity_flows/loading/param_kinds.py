"""Load-time checks of the guard parameter kinds over records, numbers and dates:
``records``, ``number``, ``flag`` and ``when`` (``subfield`` and ``where`` need the
records field and are checked in :mod:`integrity_flows.loading.record_checks`)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from integrity_flows.definition.model import FlowDefinition, GuardRef
from integrity_flows.guards.dates import EVENTS
from integrity_flows.loading.rule_checks import holiday_problems
from integrity_flows.values import number

#: The kinds checked here.
KINDS = ("records", "number", "flag", "when", "subfield", "where")

Said = tuple[str, str]  # English, Thai


def kind_problems(d: FlowDefinition, kind: str, value: Any) -> Iterator[Said]:
    """The problems of one parameter ``value`` of ``kind``."""
    if kind == "records":
        field = d.data.get(value) if isinstance(value, str) else None
        if field is None or field.type != "records":
            yield f"'{value}' is not a records field", f"'{value}' ไม่ใช่ข้อมูลแบบรายการระเบียน"
    elif kind == "number" and number(value) is None:
        yield f"expected a number, got {value!r}", "ต้องเป็นตัวเลข"
    elif kind == "flag" and not isinstance(value, bool):
        yield f"expected true or false, got {value!r}", "ต้องเป็น true หรือ false"
    elif kind == "when":
        yield from _when(d, value)


def _when(d: FlowDefinition, value: Any) -> Iterator[Said]:
    if isinstance(value, str):
        field = d.data.get(value)
        if field is None or field.type not in ("date", "datetime"):
            yield f"'{value}' is not a date or datetime field", f"'{value}' ไม่ใช่ข้อมูลวันที่"
        elif field.sensitive or field.hashed:
            yield (
                f"'{value}' is sensitive and cannot be compared",
                f"'{value}' เป็นข้อมูลอ่อนไหว เปรียบเทียบไม่ได้",
            )
        return
    if not isinstance(value, Mapping) or value.get("event") not in EVENTS:
        yield (
            f"a date is a date field or {{event: {'|'.join(EVENTS)}}}, got {value!r}",
            "วันที่ต้องเป็นข้อมูลวันที่ หรือ {event: now|entered|started|fired}",
        )
        return
    extra = set(value) - {"event", "trigger"}
    if extra or (value["event"] == "fired") != ("trigger" in value):
        yield (
            "only {event: fired} names a trigger, and it must",
            "ต้องระบุ trigger เฉพาะ {event: fired}",
        )
    if "trigger" in value and value["trigger"] not in d.triggers:
        yield f"unknown trigger '{value['trigger']}'", f"ไม่รู้จักการดำเนินการ '{value['trigger']}'"


def date_rule_problems(d: FlowDefinition, ref: GuardRef, path: str) -> list[tuple[str, str, str]]:
    """The holidays of a ``date_rule`` that counts working days are a list of dates."""
    if ref.name != "date_rule" or "holidays_setting" not in ref.params:
        return []
    name = ref.params["holidays_setting"]
    return list(holiday_problems(name, d.settings, f"{path}.holidays_setting"))


__all__ = ["KINDS", "date_rule_problems", "kind_problems"]
