"""Guards over records and date rules: what they allow, how they refuse (counts in Thai
digits), and the load checks of every reference they make."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _records import FLOW_TEXT, HEAD, ORGANIZER, engine, started
from integrity_flows import Actor, Engine
from integrity_flows.calendars import working_days_between
from integrity_flows.errors import DefinitionError, GuardRejected, NotAuthorized
from integrity_flows.loading import default_registry, read_text


def reasons(error: GuardRejected) -> tuple[str, str]:
    """The English and Thai reasons of a refusal, joined."""
    return " ".join(r.en for r in error.reasons), " ".join(r.th for r in error.reasons)


def test_records_sum_refuses_over_the_setting() -> None:
    """The sum of a sub-field over the limit set is refused with both sums."""
    e = engine()
    case = started(e, risks=["event=a; likelihood=low; impact=low; cost=4,000"])
    with pytest.raises(GuardRejected) as caught:
        e.fire(
            case.id,
            "assess",
            actor=ORGANIZER,
            data={"risks": "event=b; likelihood=low; impact=low; cost=1500"},
        )
    en, th = reasons(caught.value)
    assert "must be at most 5,000 (is 5,500)" in en
    assert "ไม่เกิน ๕,๐๐๐ (ได้ ๕,๕๐๐)" in th


def test_records_count_and_distinct() -> None:
    """At least two items are needed, and at most three distinct sessions."""
    e = engine()
    case = started(e, participants="person=a", notice_on="2023-09-20", held_on="2023-10-01")
    with pytest.raises(GuardRejected) as caught:
        e.fire(case.id, "hold", actor=ORGANIZER)
    en, th = reasons(caught.value)
    assert "needs at least 2 item(s) (has 1)" in en
    assert "อย่างน้อย ๒ (มี ๑)" in th
    people = [f"person=p{i}; session={i}" for i in range(4)]
    e.fire(case.id, "register", actor=ORGANIZER, data={"participants": people})
    with pytest.raises(GuardRejected, match="at most 3 distinct 'session'"):
        e.fire(case.id, "hold", actor=ORGANIZER)


def _held(e: object, people: list[str]) -> str:
    case = started(e, participants=people, notice_on="2023-09-20", held_on="2023-10-01")  # type: ignore[arg-type]
    return e.fire(case.id, "hold", actor=ORGANIZER).id  # type: ignore[attr-defined, no-any-return]


def test_records_every_and_share() -> None:
    """Every item needs a post-test; half of them must have been present."""
    e = engine()
    case_id = _held(
        e, ["person=a; present=yes", "person=b; present=no; post_test=1", "person=c; present=no"]
    )
    with pytest.raises(GuardRejected) as caught:
        e.fire(case_id, "close", actor=HEAD)
    en, th = reasons(caught.value)
    assert "2 item(s) do not: 1, 3" in en
    assert "ไม่ครบ ๒ รายการ: ที่ ๑, ๓" in th
    assert "must be at least 50% (is 33.33%: 1 of 3)" in en
    assert "ร้อยละ ๓๓.๓๓" in th


def test_date_rule_before_with_days() -> None:
    """The notice must come at least three days before the training."""
    e = engine()
    case = started(
        e, participants=["person=a", "person=b"], notice_on="2023-09-30", held_on="2023-10-01"
    )
    with pytest.raises(GuardRejected) as caught:
        e.fire(case.id, "hold", actor=ORGANIZER)
    en, th = reasons(caught.value)
    assert "'notice date' must be at least 3 day(s) before 'training date' (is 1 day(s))" in en
    assert "'วันแจ้งเวียน' ต้องก่อน 'วันอบรม' อย่างน้อย ๓ วัน (ห่าง ๑ วัน)" in th


def test_date_rule_after_a_fired_trigger_in_working_days() -> None:
    """Closing must come within 15 working days of holding, holidays not counted."""
    from datetime import UTC, datetime

    from integrity_flows.clock import FixedClock

    clock = FixedClock(datetime(2023, 10, 2, 3, tzinfo=UTC))
    e = engine(clock)
    case_id = _held(
        e, ["person=a; present=yes; post_test=70", "person=b; present=yes; post_test=80"]
    )
    clock.advance(days=21)  # 23 October: 14 working days less the 13th and the 23rd
    assert e.fire(case_id, "close", actor=HEAD).state == "closed"
    clock.set(datetime(2023, 10, 2, 3, tzinfo=UTC))
    other = _held(e, ["person=a; present=yes; post_test=70", "person=b; present=yes; post_test=80"])
    clock.advance(days=30)
    with pytest.raises(GuardRejected, match="at most 15 working day"):
        e.fire(other, "close", actor=HEAD)


def test_date_rule_missing_date_names_it() -> None:
    """A side that has no date yet is named in the refusal."""
    e = engine()
    case = started(e, participants=["person=a", "person=b"], held_on="2023-10-01")
    from integrity_flows.engine.decision import decide_transition  # the guard, without requires

    definition = e.definition_of(case)
    transition = definition.transition("hold", "planned")
    assert transition is not None
    decision = decide_transition(
        definition,
        case,
        transition,
        ORGANIZER,
        {},
        e.clock(),
        e._rules(definition),
        check_requires=False,
    )
    assert any("'notice date' is not known yet" in r.en for r in decision.guard_reasons)


@given(
    st.dates(date(2020, 1, 1), date(2030, 1, 1)),
    st.integers(-60, 60),
    st.sets(st.integers(0, 60), max_size=5),
)
def test_working_days_equal_a_day_by_day_count(first: date, span: int, off: set[int]) -> None:
    """Working days between two dates equal counting each weekday that is not a holiday."""
    last = first + timedelta(days=span)
    holidays = [first + timedelta(days=d) for d in off]
    low, high = sorted((first, last))
    count = sum(
        1
        for d in range(1, (high - low).days + 1)
        if (low + timedelta(days=d)).weekday() < 5 and low + timedelta(days=d) not in holidays
    )
    assert working_days_between(first, last, holidays) == (count if last >= first else -count)


def problems(old: str, new: str) -> list[str]:
    """The problems of the training flow with ``old`` replaced by ``new``."""
    text = FLOW_TEXT.replace(old, new, 1)
    assert text != FLOW_TEXT
    with pytest.raises(DefinitionError) as caught:
        read_text(text, "training.yaml", default_registry())
    return [f"{p.path}: {p.message_en}" for p in caught.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "records_sum: {field: risks,",
            "records_sum: {field: riskz,",
            "'riskz' is not a records field",
        ),
        (
            "records_sum: {field: risks,",
            "records_sum: {field: title,",
            "'title' is not a records field",
        ),
        (
            "sub: cost, at_most_setting",
            "sub: event, at_most_setting",
            "'event' is not a number sub-field",
        ),
        (
            "sub: cost, at_most_setting",
            "sub: kost, at_most_setting",
            "unknown sub-field 'kost' (did you mean 'cost'?)",
        ),
        (
            "{field: participants, at_least: 2}",
            "{field: participants}",
            "needs at_least or at_most",
        ),
        (
            "where: {sub: present, equals: true}, at_least_setting: attendance",
            "where: {sub: present, equals: maybe}, at_least_setting: attendance",
            "'maybe' is not a value",
        ),
        (
            "records_every: {field: participants, sub: post_test}",
            "records_every: {field: participants, sub: phone, equals: x}",
            "'phone' is sensitive",
        ),
        (
            "date: notice_on, before: held_on",
            "date: title, before: held_on",
            "'title' is not a date or datetime field",
        ),
        ("trigger: hold}", "trigger: hols}", "unknown trigger 'hols'"),
        ("before: {event: now}", "before: {event: yesterday}", "a date is a date field or"),
        (
            "records: {field: risks, op: add}",
            "records: {field: risks, op: replace}",
            "unknown value 'replace'",
        ),
        (
            "records: [{field: participants, op: remove}]",
            "records: [{field: title, op: remove}]",
            "'title' is not a records field",
        ),
        ("    key: event\n", "    key: likelihoodx\n", "key 'likelihoodx' is not a sub-field"),
        ("      cost: {type: decimal,", "      cost: {type: money,", "unknown sub-field type"),
    ],
)
def test_load_checks_every_reference(old: str, new: str, expected: str) -> None:
    """Each bad reference of a record guard, date rule or records op is refused with its path."""
    found = problems(old, new)
    assert any(expected in p for p in found), found


def test_all_problems_at_once() -> None:
    """Several mistakes in one file are all reported, each at its own path."""
    text = FLOW_TEXT.replace("sub: cost, at_most_setting", "sub: kost, at_most_setting").replace(
        "date: notice_on, before: held_on", "date: nowhere, before: held_on"
    )
    with pytest.raises(DefinitionError) as caught:
        read_text(text, "training.yaml", default_registry())
    paths = {p.path for p in caught.value.problems}
    assert any(p.endswith("guards[0].sub") for p in paths)
    assert any(p.endswith("guards[2].date") for p in paths)


APART = """
id: vouchers
version: 1
title: {th: ฎีกา, en: vouchers}
roles:
  clerk: {label: {th: เจ้าหน้าที่, en: clerk}}
data:
  checks:
    type: records
    label: {th: การตรวจ, en: checks}
    key: voucher
    fields:
      voucher: {type: string, label: {th: ฎีกา, en: voucher}, required: true}
      prepared_by: {type: actor, label: {th: ผู้จัดทำ, en: prepared by}, required: true}
      checked_by: {type: actor, label: {th: ผู้ตรวจ, en: checked by}, required: true}
states:
  open: {label: {th: เปิด, en: open}, initial: true}
  done: {label: {th: เสร็จ, en: done}, terminal: true}
start: {roles: [clerk]}
transitions:
  - trigger: check
    label: {th: ตรวจ, en: check}
    source: open
    dest: open
    roles: [clerk]
    records: {field: checks, op: add}
    guards:
      - records_apart: {field: checks, sub: prepared_by, other: checked_by}
  - {trigger: close, label: {th: ปิด, en: close}, source: open, dest: done, roles: [clerk]}
"""


def test_records_apart_refuses_an_item_checked_by_its_preparer(tmp_path: Path) -> None:
    """A voucher checked by its preparer is refused as separation of duties, naming the item;
    nothing is added, and the attempt is audited."""
    (tmp_path / "vouchers.yaml").write_text(APART, encoding="utf-8")
    clerk = Actor("clerk", roles={"clerk"})
    with Engine.open("memory://", flows=[tmp_path], bundled=False, entry_points=False) as e:
        case = e.start("vouchers", actor=clerk)
        with pytest.raises(NotAuthorized) as refused:
            e.fire(
                case.id,
                "check",
                actor=clerk,
                data={"checks": ["voucher=1; prepared_by=a; checked_by=b",
                                 "voucher=2; prepared_by=Sunee; checked_by=sunee "]},
            )  # fmt: skip
        assert "'prepared by' and 'checked by' of 'checks' must not be the same (item(s) 2)" in (
            refused.value.message_en
        )
        assert e.get(case.id).data.get("checks") in (None, [])
        assert e.history(case.id)[-1].outcome == "refused"
        e.fire(
            case.id, "check", actor=clerk, data={"checks": "voucher=1; prepared_by=a; checked_by=b"}
        )
        assert len(e.get(case.id).data["checks"]) == 1


def test_records_apart_names_its_sub_fields_at_load() -> None:
    """An unknown sub-field of records_apart is a load problem with its path."""
    text = APART.replace("other: checked_by", "other: checkd_by")
    with pytest.raises(DefinitionError) as caught:
        read_text(text, "vouchers.yaml", default_registry())
    assert any(
        p.path.endswith("guards[0].other") and "did you mean 'checked_by'" in p.message_en
        for p in caught.value.problems
    ), [str(p) for p in caught.value.problems]
