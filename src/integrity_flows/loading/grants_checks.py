"""Load-time checks of a flow's ``grants:`` block: the powers its cases grant.

Every name the block gives must be a data field or a state of the flow, of a kind the
authority resolution can read, so that a misspelt field never silently grants nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from integrity_flows.definition.model import FlowDefinition, Grants
from integrity_flows.guards.power import known_powers
from integrity_flows.loading.hints import hint as _hint

Found = tuple[str, str, str]  # path, English, Thai

_DATES = ("date",)


def grants_problems(d: FlowDefinition) -> list[Found]:
    """Every problem with ``d.grants`` (none when the flow grants nothing)."""
    g = d.grants
    if g is None:
        return []
    return [
        *_fields(d, g),
        *_delegate(d, g),
        *_powers(d, g),
        *_states(d, g),
    ]


def _named_fields(g: Grants) -> Iterator[tuple[str, str | None, tuple[str, ...]]]:
    """(path, field, the types it may have: any when empty) of each field ``g`` names."""
    yield "grants.delegate", g.delegate, ()
    yield "grants.delegator", g.delegator, ()
    yield "grants.delegator_position", g.delegator_position, ()
    yield "grants.power", g.power, ()
    if g.every_power is not None:
        yield "grants.every_power.field", g.every_power.field, ()
    for i, name in enumerate(g.valid_from):
        yield f"grants.valid_from[{i}]", name, _DATES
    yield "grants.valid_until", g.valid_until, _DATES
    yield "grants.ended_on", g.ended_on, _DATES
    yield "grants.number", g.number, ()
    yield "grants.kind", g.kind, ()


def _fields(d: FlowDefinition, g: Grants) -> Iterator[Found]:
    for path, name, types in _named_fields(g):
        if name is None:
            continue
        field = d.data.get(name)
        if field is None:
            en, th = _hint(name, d.data)
            yield path, f"unknown data field '{name}'{en}", f"ไม่รู้จักข้อมูล '{name}'{th}"
        elif types and field.type not in types:
            yield (
                path,
                f"field '{name}' is of type {field.type}; a validity date must be a date field",
                f"ข้อมูล '{name}' เป็นแบบ {field.type} วันที่มีผลต้องเป็นข้อมูลแบบวันที่",
            )
    if not g.valid_from:
        yield (
            "grants.valid_from",
            "name at least one date field from which a grant is in force",
            "ต้องระบุข้อมูลวันที่เริ่มมีผลอย่างน้อยหนึ่งรายการ",
        )


def _delegate(d: FlowDefinition, g: Grants) -> Iterator[Found]:
    field = d.data.get(g.delegate)
    if field is not None and (not field.indexed or field.sensitive or field.hashed):
        yield (
            "grants.delegate",
            f"field '{g.delegate}' must be indexed (and not sensitive or hashed): grants "
            "are found through the index on the delegate",
            f"ข้อมูล '{g.delegate}' ต้องกำหนด indexed: true (และไม่เป็นข้อมูลอ่อนไหวหรือค่าแฮช) "
            "เพราะค้นหาการมอบอำนาจจากดัชนีของผู้รับมอบ",
        )


def _powers(d: FlowDefinition, g: Grants) -> Iterator[Found]:
    if g.power is None and g.every_power is None:
        yield (
            "grants",
            "say which power a case grants ('power') or when it grants every power ('every_power')",
            "ต้องระบุอำนาจที่มอบ ('power') หรือเงื่อนไขที่มอบทุกอำนาจ ('every_power')",
        )
    field = d.data.get(g.power) if g.power else None
    if field is not None and field.type == "enum":
        known = known_powers()
        for i, choice in enumerate(field.choices):
            if choice not in known:
                en, th = _hint(choice, known)
                yield (
                    f"data.{g.power}.choices[{i}]",
                    f"unknown power '{choice}'{en}",
                    f"ไม่รู้จักอำนาจ '{choice}'{th}",
                )
    yield from _every_power(d, g)


def _every_power(d: FlowDefinition, g: Grants) -> Iterator[Found]:
    every = g.every_power
    chosen = d.data.get(every.field) if every is not None else None
    if every is None or chosen is None or chosen.type != "enum":
        return
    if every.value not in chosen.choices:
        yield (
            "grants.every_power.value",
            f"'{every.value}' is not a choice of '{every.field}'",
            f"'{every.value}' ไม่ใช่ตัวเลือกของ '{every.field}'",
        )


def _states(d: FlowDefinition, g: Grants) -> Iterator[Found]:
    if not g.in_force:
        yield (
            "grants.in_force",
            "name at least one state in which a grant is in force",
            "ต้องระบุสถานะที่การมอบอำนาจมีผลอย่างน้อยหนึ่งสถานะ",
        )
    for group, states in (("in_force", g.in_force), ("ended", g.ended)):
        for i, state in enumerate(states):
            if state not in d.states:
                en, th = _hint(state, d.states)
                yield (
                    f"grants.{group}[{i}]",
                    f"unknown state '{state}'{en}",
                    f"ไม่รู้จักสถานะ '{state}'{th}",
                )
            elif group == "ended" and state in g.in_force:
                yield (
                    f"grants.ended[{i}]",
                    f"state '{state}' cannot be both in force and ended",
                    f"สถานะ '{state}' เป็นทั้งสถานะที่มีผลและสถานะที่สิ้นสุดไม่ได้",
                )
    if g.ended and g.ended_on is None:
        yield (
            "grants.ended_on",
            "ended states need 'ended_on': the date field from which an ended grant stops",
            "เมื่อระบุสถานะที่สิ้นสุด ต้องระบุ 'ended_on' วันที่สิ้นสุดผล",
        )
