"""Coverage between records fields (``records_covered``, the computed ``covered``) and a
case of another flow the case rests on (``case_in`` with bounds): what they allow, how they refuse,
what the audit event records, and the load checks of their references."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from integrity_flows import Actor, Engine
from integrity_flows.clock import FixedClock
from integrity_flows.errors import DefinitionError, GuardRejected

CLERK = Actor("clerk", roles={"clerk"})

REGISTER = """\
id: register
version: 1
title: {th: ทะเบียนความเสี่ยง, en: risk register}
roles:
  clerk: {label: {th: เจ้าหน้าที่, en: clerk}}
data:
  fiscal_year:
    {type: integer, label: {th: ปีงบประมาณ, en: fiscal year}, required: true, indexed: true}
  risks:
    type: records
    label: {th: ความเสี่ยง, en: risks}
    key: row
    fields:
      row: {type: integer, label: {th: ลำดับที่, en: row}, required: true}
      weak: {type: boolean, label: {th: อ่อน, en: weak}}
  controls:
    type: records
    label: {th: มาตรการ, en: controls}
    key: control
    fields:
      control: {type: text, label: {th: มาตรการ, en: control}, required: true}
      risk: {type: integer, label: {th: ความเสี่ยงลำดับที่, en: risk row}}
      owner: {type: text, label: {th: ผู้รับผิดชอบ, en: owner}}
  risk_count:
    type: integer
    label: {th: จำนวนความเสี่ยง, en: number of risks}
    computed: {count: {records: risks}}
  covered_risks:
    type: integer
    label: {th: ความเสี่ยงที่มีมาตรการ, en: risks with a control}
    computed:
      covered: {records: risks, sub: row, by: controls, by_sub: risk, by_where: {sub: owner}}
  uncovered_weak:
    type: integer
    label: {th: ความเสี่ยงอ่อนที่ไม่มีมาตรการ, en: weak risks without a control}
    computed:
      covered:
        records: risks
        where: {sub: weak, equals: yes}
        sub: row
        by: controls
        by_sub: risk
        uncovered: true
states:
  open: {label: {th: เปิด, en: open}, initial: true}
  closed: {label: {th: ปิด, en: closed}, terminal: true}
start: {roles: [clerk]}
transitions:
  - trigger: add
    label: {th: เพิ่ม, en: add}
    source: open
    dest: open
    roles: [clerk]
    records: [{field: risks, op: add}, {field: controls, op: add}]
  - trigger: close
    label: {th: ปิด, en: close}
    source: open
    dest: closed
    roles: [clerk]
    guards:
      - records_covered:
          field: risks
          sub: row
          by: controls
          by_sub: risk
          by_where: {sub: owner}
"""

PLAN = """\
id: plan
version: 1
title: {th: แผน, en: plan}
roles:
  clerk: {label: {th: เจ้าหน้าที่, en: clerk}}
data:
  fiscal_year:
    {type: integer, label: {th: ปีงบประมาณ, en: fiscal year}, required: true, indexed: true}
states:
  drafting: {label: {th: ร่าง, en: drafting}, initial: true}
  drafted: {label: {th: ร่างแล้ว, en: drafted}, terminal: true}
start: {roles: [clerk]}
transitions:
  - trigger: draft
    label: {th: เสนอร่าง, en: submit the draft}
    source: drafting
    dest: drafted
    roles: [clerk]
    guards:
      - case_in:
          flow: register
          field: fiscal_year
          same_as: fiscal_year
          states: [open, closed]
          at_least: {risk_count: 1, covered_risks: 1}
          at_most: {uncovered_weak: 0}
"""


def _engine(tmp_path: Path, register: str = REGISTER, plan: str = PLAN) -> Engine:
    (tmp_path / "register.yaml").write_text(register, encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    return Engine.open(
        "memory://",
        flows=[tmp_path],
        bundled=False,
        entry_points=False,
        clock=FixedClock(datetime(2023, 10, 2, 3, tzinfo=UTC)),
    )


def test_records_covered_names_the_items_without_a_covering_item(tmp_path: Path) -> None:
    """A risk with no control (or one whose control has no owner) is named; then allowed."""
    e = _engine(tmp_path)
    case = e.start(
        "register",
        actor=CLERK,
        data={
            "fiscal_year": 2567,
            "risks": ["row=1", "row=2; weak=yes", "row=3; weak=yes"],
            "controls": ["control=a; risk=1; owner=x", "control=b; risk=2"],
        },
    )
    assert (case.data["covered_risks"], case.data["uncovered_weak"]) == (1, 1)
    with pytest.raises(GuardRejected) as caught:
        e.fire(case.id, "close", actor=CLERK)
    (reason,) = caught.value.reasons
    assert reason.code == "records_covered"
    assert "every item of 'risks' needs at least one item of 'controls' with a 'owner'" in reason.en
    assert "whose 'risk row' is its 'row' (2 not covered: 2, 3)" in reason.en
    assert "(ยังไม่มี ๒ รายการ: ๒, ๓)" in reason.th
    case = e.fire(
        case.id,
        "add",
        actor=CLERK,
        data={"controls": ["control=c; risk=2; owner=y", "control=d; risk=3; owner=z"]},
    )
    assert (case.data["covered_risks"], case.data["uncovered_weak"]) == (3, 0)
    assert e.fire(case.id, "close", actor=CLERK).state == "closed"
    assert e.verify().ok


def test_case_in_finds_the_case_of_the_same_year_keeps_its_bounds_and_records_it(
    tmp_path: Path,
) -> None:
    """No register of the year refuses; one without a covered risk refuses with the count;
    one that has it allows, and the event names the register relied on."""
    e = _engine(tmp_path)
    plan = e.start("plan", actor=CLERK, data={"fiscal_year": 2567})
    with pytest.raises(GuardRejected) as caught:
        e.fire(plan.id, "draft", actor=CLERK)
    (reason,) = caught.value.reasons
    assert reason.en == (
        "there is no risk register case whose fiscal year is 2567 (it must be in 'open' or "
        "'closed')"
    )
    assert "๒๕๖๗" in reason.th
    e.start("register", actor=CLERK, data={"fiscal_year": 2566, "risks": "row=1"})
    register = e.start("register", actor=CLERK, data={"fiscal_year": 2567, "risks": "row=1"})
    with pytest.raises(GuardRejected) as caught:
        e.fire(plan.id, "draft", actor=CLERK)
    (reason,) = caught.value.reasons
    assert reason.en == "the risk register's 'risks with a control' must be at least 1 (is 0)"
    e.fire(register.id, "add", actor=CLERK, data={"controls": "control=a; risk=1; owner=x"})
    e.fire(register.id, "add", actor=CLERK, data={"risks": "row=2; weak=yes"})
    with pytest.raises(GuardRejected) as caught:
        e.fire(plan.id, "draft", actor=CLERK)
    (reason,) = caught.value.reasons
    assert reason.en == (
        "the risk register's 'weak risks without a control' must be at most 0 (is 1)"
    )
    assert "ไม่เกิน ๐ (มี ๑)" in reason.th
    e.fire(register.id, "add", actor=CLERK, data={"controls": "control=b; risk=2"})
    assert e.fire(plan.id, "draft", actor=CLERK).state == "drafted"
    last = e.history(plan.id)[-1]
    assert last.authority["counterparts"]["register"] == {
        "case": register.id,
        "state": "open",
        "match": {"fiscal_year": 2567},
    }
    assert e.verify().ok


def test_load_checks_name_unknown_sub_fields_of_both_sides(tmp_path: Path) -> None:
    """``by_sub``, ``by_where`` and the rule's sides are checked against their own field."""
    bad = REGISTER.replace("by_sub: risk\n          by_where", "by_sub: risc\n          by_where")
    bad = bad.replace("by_where: {sub: owner}}", "by_where: {sub: ownr}}")
    bad = bad.replace("by: controls\n        by_sub", "by: control\n        by_sub")
    with pytest.raises(DefinitionError) as caught:
        _engine(tmp_path, register=bad)
    text = str(caught.value)
    assert "transitions[1].guards[0].by_sub: unknown sub-field 'risc'" in text
    assert "data.covered_risks.computed.covered.by_where" in text
    assert "data.uncovered_weak.computed.covered.by: 'control' is not a records field" in text
