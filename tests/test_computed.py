"""Computed values: each rule computes what it says, at start and at every fire, is
refused when given, and is checked completely at load."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _records import FLOW_TEXT, ORGANIZER, engine, started
from integrity_flows.definition.model import Field, Label, RecordField, Rule
from integrity_flows.engine.computed import Scope, compute_item, evaluate
from integrity_flows.errors import DefinitionError, InvalidData
from integrity_flows.loading import default_registry, read_text

NUMBER = RecordField("decimal", Label("ตัวเลข", "number"))
WHOLE = RecordField("integer", Label("จำนวน", "count"))
SPECS = {"a": NUMBER, "b": NUMBER}


def value(rule: Rule, values: dict[str, object], target: RecordField = NUMBER) -> object:
    """The value of ``rule`` over ``values`` (sub-fields a and b, decimals)."""
    return evaluate(rule, target, Scope(values, SPECS, {"k": 4}))


def test_arithmetic_over_fields_numbers_and_settings() -> None:
    """sum, difference, product and quotient read fields, constants and settings."""
    values = {"a": "10", "b": "4"}
    assert value(Rule("sum", ["a", "b", 1]), values) == "15"
    assert value(Rule("difference", ["a", "b"]), values) == "6"
    assert value(Rule("product", ["a", {"setting": "k"}]), values) == "40"
    assert value(Rule("quotient", ["a", "b"], {"on_zero": 0}), values) == "2.5"


def test_quotient_by_zero_gives_the_declared_result() -> None:
    """Dividing by zero gives on_zero (none when it is null)."""
    assert value(Rule("quotient", ["a", "b"], {"on_zero": 0}), {"a": "1", "b": "0"}) == "0"
    assert value(Rule("quotient", ["a", "b"], {"on_zero": None}), {"a": "1", "b": "0"}) is None


def test_missing_operand_leaves_no_value() -> None:
    """An operand without a value leaves the result without one."""
    assert value(Rule("sum", ["a", "b"]), {"a": "1"}) is None


def test_places_and_whole_numbers_round_half_up() -> None:
    """places rounds a decimal, an integer target rounds to a whole number, half up."""
    rule = Rule("quotient", ["a", "b"], {"on_zero": 0, "places": 2})
    assert value(rule, {"a": "2", "b": "3"}) == "0.67"
    assert value(Rule("quotient", ["a", "b"], {"on_zero": 0}), {"a": "5", "b": "2"}, WHOLE) == 3


@settings(max_examples=200)
@given(
    st.decimals(-(10**9), 10**9, places=2, allow_nan=False),
    st.decimals(-(10**9), 10**9, places=2, allow_nan=False),
)
def test_computed_arithmetic_always_equals_its_rule(a: Decimal, b: Decimal) -> None:
    """For any two numbers, each arithmetic rule equals the arithmetic it names."""
    values = {"a": str(a), "b": str(b)}
    assert Decimal(str(value(Rule("sum", ["a", "b"]), values))) == a + b
    assert Decimal(str(value(Rule("difference", ["a", "b"]), values))) == a - b
    assert Decimal(str(value(Rule("product", ["a", "b"]), values))) == a * b
    quotient = value(Rule("quotient", ["a", "b"], {"on_zero": -1}), values)
    assert Decimal(str(quotient)) == (a / b if b else Decimal(-1))


def test_engine_computes_at_start_and_every_fire() -> None:
    """Counts, quotients, averages, thresholds and per-item lookups follow the data."""
    e = engine()
    case = started(e, participants=["person=a; present=yes; post_test=50", "person=b; present=no"])
    assert (case.data["present_count"], case.data["participant_count"]) == (1, 2)
    assert case.data["attendance"] == "0.50"
    assert case.data["passed"] is False
    case = e.fire(
        case.id, "correct", actor=ORGANIZER, data={"participants": "person=b; post_test=90"}
    )
    assert case.data["average_post"] == "70.00"
    assert case.data["passed"] is True
    assert e.history(case.id)[-1].data["passed"] is True
    case = e.fire(
        case.id, "assess", actor=ORGANIZER, data={"risks": "event=x; likelihood=สูง; impact=low"}
    )
    assert case.data["risks"][0]["level"] == "major"


def test_a_computed_field_cannot_be_given() -> None:
    """Setting a computed field, or a computed sub-field, is refused as invalid data."""
    e = engine()
    with pytest.raises(InvalidData, match="computed"):
        started(e, present_count=3)
    case = started(e)
    with pytest.raises(InvalidData, match="item 1: 'level' is computed"):
        e.fire(
            case.id,
            "assess",
            actor=ORGANIZER,
            data={"risks": "event=x; likelihood=low; impact=low; level=minor"},
        )


def test_days_between_counts_working_days_without_holidays() -> None:
    """Working days skip weekends and the holidays setting."""
    e = engine()
    case = started(e, notice_on="2023-10-09", held_on="2023-10-16")  # Mon to Mon, 13th off
    assert case.data["notice_days"] == 4


def problems(old: str, new: str) -> list[str]:
    """The problems of the training flow with ``old`` replaced by ``new``."""
    text = FLOW_TEXT.replace(old, new, 1)
    assert text != FLOW_TEXT
    with pytest.raises(DefinitionError) as caught:
        read_text(text, "training.yaml", default_registry())
    return [f"{p.path}: {p.message_en}" for p in caught.value.problems]


_LOOKUP = "              high: {low: major, high: severe}"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "[post_test, pre_test]",
            "[post_test, nothing]",
            "gain.computed.difference[1]: unknown field 'nothing'",
        ),
        (
            "[post_test, pre_test]",
            "[post_test, person]",
            "'person' is not a field of type integer or decimal",
        ),
        (
            _LOOKUP,
            "              high: {low: major}",
            "table.high.high: the table has no value for high × high",
        ),
        (_LOOKUP, "              high: {low: major, high: huge}", "'huge' is not a value"),
        ("on_zero: 0, places: 2", "places: 2", "a quotient needs on_zero"),
        (
            "[present_count, participant_count]",
            "[attendance, participant_count]",
            "cycle: attendance → attendance",
        ),
        (
            "{records: participants, sub: post_test}",
            "{records: participants, sub: phone}",
            "'phone' is not a field of type integer or decimal",
        ),
        ("at_least_setting: pass_mark}", "at_least_setting: nope}", "unknown setting 'nope'"),
        (
            "where: {sub: present, equals: true}}}",
            "where: {sub: absent, equals: true}}}",
            "'absent' is not a sub-field",
        ),
        ("holidays_setting: holidays}}", "holidays_setting: title}}", "unknown setting 'title'"),
    ],
)
def test_load_checks_every_rule(old: str, new: str, expected: str) -> None:
    """A bad rule is refused at load with its path: names, types, tables, cycles."""
    found = problems(old, new)
    assert any(expected in p for p in found), found


def test_unknown_operation_is_a_shape_problem() -> None:
    """A rule naming no known operation is refused with its path."""
    found = problems("{difference: [post_test, pre_test]}", "{minus: [post_test, pre_test]}")
    assert any(
        "participants.fields.gain.computed" in p and "exactly one operation" in p for p in found
    )


def test_field_model_resolves_subfields_by_label() -> None:
    """A sub-field is found by id or by its Thai or English label."""
    field = Field("records", Label("ร", "r"), fields={"a": NUMBER})
    assert field.sub_id("a") == field.sub_id("ตัวเลข") == field.sub_id("Number") == "a"
    assert field.sub_id("x") is None


def test_a_computed_sub_field_reads_those_computed_before_it() -> None:
    """Sub-fields compute in declaration order: a gap, then whether it is met, from this
    item's values and never from what the item held before."""
    fields = {
        "result": NUMBER,
        "target": NUMBER,
        "gap": RecordField(
            "decimal", Label("ผลต่าง", "gap"), computed=Rule("difference", ["result", "target"])
        ),
        "met": RecordField(
            "boolean",
            Label("ผ่าน", "met"),
            computed=Rule("passes", {"field": "gap", "at_least": 0}),
        ),
    }
    records = Field("records", Label("ตัวชี้วัด", "indicators"), fields=fields, key="result")
    assert compute_item(records, {"result": "92", "target": "90"}) == {"gap": "2", "met": True}
    stale = {"result": "84.5", "target": "90", "gap": "2", "met": True}
    assert compute_item(records, stale) == {"gap": "-5.5", "met": False}
    assert compute_item(records, {"target": "90", "gap": "2", "met": True}) == {}


def test_fiscal_year_end_is_the_last_day_of_the_year_held() -> None:
    """fiscal_year_end gives 30 September (CE) of the B.E. fiscal year a field holds, no
    value for an empty or implausible year, and is checked at load."""
    year = Field(type="integer", label=Label("ปี", "year"))
    end = Field(type="date", label=Label("สิ้นปี", "year end"))
    rule = Rule("fiscal_year_end", {"year": "fy"})
    assert evaluate(rule, end, Scope({"fy": 2566}, {"fy": year})) == "2023-09-30"
    assert evaluate(rule, end, Scope({"fy": 2567}, {"fy": year})) == "2024-09-30"
    assert evaluate(rule, end, Scope({}, {"fy": year})) is None
    assert evaluate(rule, end, Scope({"fy": 12}, {"fy": year})) is None
