"""Values across cases and bands: a field read from the case another field names
(``from_case``), the ``band`` computed rule, the ``children_total`` guard, and a committee
whose members hold one of several roles. Each refuses what it should, naming the field, and
is checked at load."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrity_flows import Actor, Engine
from integrity_flows.definition.model import Field, Label, Rule
from integrity_flows.engine.computed import Scope, evaluate
from integrity_flows.errors import DefinitionError, GuardRejected, InvalidData, NotAuthorized

SOURCE = """
id: source
version: 1
title: {th: ต้นทาง, en: source}
plan: {project: 1, title: {th: โครงการ, en: project}}
roles:
  clerk: {label: {th: เจ้าหน้าที่, en: clerk}}
data:
  figure: {type: decimal, label: {th: ตัวเลข, en: figure}}
states:
  draft: {label: {th: ร่าง, en: draft}, initial: true}
  final: {label: {th: ยืนยันแล้ว, en: final}, terminal: true}
start: {roles: [clerk], cites: "1/5.1"}
transitions:
  - trigger: confirm
    label: {th: ยืนยัน, en: confirm}
    source: draft
    dest: final
    roles: [clerk]
    cites: "1/5.1"
"""

READER = """
id: reader
version: 1
title: {th: ผู้อ่าน, en: reader}
plan: {project: 1, title: {th: โครงการ, en: project}}
roles:
  clerk: {label: {th: เจ้าหน้าที่, en: clerk}}
  head: {label: {th: หัวหน้า, en: head}}
  teacher: {label: {th: ครู, en: teacher}}
committees:
  board:
    label: {th: คณะกรรมการ, en: board}
    chair: {role: clerk}
    members: {min: 1, roles: [head, teacher]}
    motions:
      agree: {th: เห็นชอบ, en: agree}
data:
  source: {type: string, label: {th: เรื่องต้นทาง, en: source case}}
  copied:
    type: decimal
    label: {th: ตัวเลขที่อ่านมา, en: figure read}
    from_case: {via: source, flow: source, value: figure, states: [final]}
  grade:
    type: enum
    label: {th: ระดับ, en: grade}
    choices: [high, mid, low]
    computed: {band: {field: copied, at_least: {high: 90, mid: 60}, otherwise: low}}
  limit: {type: decimal, label: {th: วงเงิน, en: limit}}
states:
  open: {label: {th: เปิด, en: open}, initial: true}
  done: {label: {th: เสร็จ, en: done}, terminal: true}
start: {roles: [clerk], cites: "1/5.1"}
transitions:
  - trigger: relink
    label: {th: เปลี่ยนเรื่องต้นทาง, en: relink}
    source: open
    dest: open
    roles: [clerk]
    cites: "1/5.1"
  - trigger: appoint
    label: {th: แต่งตั้ง, en: appoint}
    source: open
    dest: open
    roles: [clerk]
    cites: "1/5.1"
    committee: {name: board, act: appoint}
  - trigger: open_meeting
    label: {th: เปิดประชุม, en: open the meeting}
    source: open
    dest: open
    cites: "1/5.1"
    committee: {name: board, act: open_meeting}
  - trigger: vote
    label: {th: ออกเสียง, en: vote}
    source: open
    dest: open
    cites: "1/5.1"
    committee: {name: board, act: vote}
  - trigger: settle
    label: {th: ยุติ, en: settle}
    source: open
    dest: open
    roles: [clerk]
    cites: "1/5.1"
    guards:
      - unchanged: {fields: [limit]}
      - lacks_role: {role: head}
  - trigger: close
    label: {th: ปิด, en: close}
    source: open
    dest: done
    roles: [clerk]
    cites: "1/5.1"
    guards:
      - children_total:
          flow: item
          field: parent
          value: amount
          at_most_field: limit
"""

ITEM = """
id: item
version: 1
title: {th: รายการ, en: item}
plan: {project: 1, title: {th: โครงการ, en: project}}
parent: {flow: reader, field: parent}
roles:
  clerk: {label: {th: เจ้าหน้าที่, en: clerk}}
data:
  parent: {type: string, label: {th: เรื่องหลัก, en: parent}, required: true, indexed: true}
  amount: {type: decimal, label: {th: จำนวนเงิน, en: amount}}
states:
  open: {label: {th: เปิด, en: open}, initial: true}
  closed: {label: {th: ปิด, en: closed}, terminal: true}
start: {roles: [clerk], cites: "1/5.1"}
transitions:
  - trigger: close
    label: {th: ปิด, en: close}
    source: open
    dest: closed
    roles: [clerk]
    cites: "1/5.1"
"""

CLERK = Actor("clerk", roles={"clerk"})


def write(folder: Path, **texts: str) -> Path:
    """The flow files ``texts`` (name to text) in ``folder``."""
    for name, text in texts.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    """An engine with the three flows above and no bundled ones."""
    folder = write(tmp_path, source=SOURCE, reader=READER, item=ITEM)
    return Engine.open("memory://", flows=[folder], bundled=False)


def test_a_field_is_read_from_the_named_case_when_the_link_is_given(engine: Engine) -> None:
    """The value is copied when the link is given, recorded in the trail, and stays as read:
    a later change of the other case changes nothing until the link is given again."""
    src = engine.start("source", actor=CLERK, data={"figure": "91.5"})
    engine.fire(src.id, "confirm", actor=CLERK)
    case = engine.start("reader", actor=CLERK, data={"source": src.id})
    assert (case.data["copied"], case.data["grade"]) == ("91.5", "high")
    assert engine.history(case.id)[0].data["copied"] == "91.5"
    assert engine.verify().ok


def test_a_case_of_another_flow_or_state_is_refused_naming_the_link(engine: Engine) -> None:
    """The named case must exist, be of the declared flow and in a declared state."""
    draft = engine.start("source", actor=CLERK, data={"figure": "50"})
    with pytest.raises(InvalidData) as caught:
        engine.start("reader", actor=CLERK, data={"source": draft.id})
    assert "the case named in 'source case' must be in 'final' (now: 'draft')" in (
        caught.value.message_en
    )
    assert "เรื่องที่ระบุใน 'เรื่องต้นทาง'" in caught.value.message_th
    with pytest.raises(InvalidData, match="'source case': no 'source' case 'nothing'"):
        engine.start("reader", actor=CLERK, data={"source": "nothing"})


def test_a_read_field_cannot_be_given(engine: Engine) -> None:
    """Typing the value in is refused, naming the field and where it comes from."""
    with pytest.raises(InvalidData, match="'figure read' is read from the case 'source case'"):
        engine.start("reader", actor=CLERK, data={"copied": "99"})


def test_the_band_rule_gives_the_highest_band_reached() -> None:
    """Bands are tried from the highest least number; below all of them, otherwise."""
    target = Field("enum", Label("ระดับ", "grade"), choices=("high", "mid", "low"))
    rule = Rule("band", {"field": "x", "at_least": {"mid": 60, "high": 90}, "otherwise": "low"})
    specs = {"x": Field("decimal", Label("x", "x"))}
    got = [evaluate(rule, target, Scope({"x": v}, specs)) for v in ("90", "89.99", "60", "59")]
    assert got == ["high", "mid", "mid", "low"]
    assert evaluate(rule, target, Scope({}, specs)) is None


def test_children_total_refuses_a_total_above_the_limit(engine: Engine) -> None:
    """The children's amounts may not exceed the parent's limit, named in the refusal."""
    parent = engine.start("reader", actor=CLERK, data={"limit": "100"})
    for amount in ("60", "50"):
        engine.start("item", actor=CLERK, data={"parent": parent.id, "amount": amount})
    with pytest.raises(GuardRejected, match=r"the total 'amount', 110, exceeds the 'limit', 100"):
        engine.fire(parent.id, "close", actor=CLERK)
    unlimited = engine.start("reader", actor=CLERK)
    with pytest.raises(GuardRejected, match="'limit' is not given"):
        engine.fire(unlimited.id, "close", actor=CLERK)
    other = engine.start("reader", actor=CLERK, data={"limit": "110"})
    engine.start("item", actor=CLERK, data={"parent": other.id, "amount": "110"})
    assert engine.fire(other.id, "close", actor=CLERK).state == "done"


def test_unchanged_and_lacks_role(engine: Engine) -> None:
    """A move may not rewrite a field it must leave as decided, and someone holding the
    role may not make it; both refusals name what they refused."""
    case = engine.start("reader", actor=CLERK, data={"limit": "100"})
    with pytest.raises(GuardRejected, match="this step may not change 'limit'"):
        engine.fire(case.id, "settle", actor=CLERK, data={"limit": "200"})
    assert engine.fire(case.id, "settle", actor=CLERK, data={"limit": "100"}).data["limit"] == "100"
    with pytest.raises(NotAuthorized, match="the head may not do this"):
        engine.fire(case.id, "settle", actor=Actor("boss", roles={"clerk", "head"}))


def test_members_hold_one_of_the_roles(engine: Engine) -> None:
    """A member holding none of the members' roles may not act in the seat."""
    case = engine.start("reader", actor=CLERK)
    engine.fire(
        case.id,
        "appoint",
        actor=CLERK,
        data={"order": "1/2567", "chair": "clerk", "members": "teacher1, outsider"},
    )
    engine.fire(case.id, "open_meeting", actor=CLERK, data={"present": "teacher1, outsider"})
    vote = {"motion": "agree", "vote": "yes"}
    engine.fire(case.id, "vote", actor=Actor("teacher1", roles={"teacher"}), data=vote)
    with pytest.raises(NotAuthorized, match="must hold the role 'head' or 'teacher'"):
        engine.fire(case.id, "vote", actor=Actor("outsider"), data=vote)


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (("flow: source, value: figure", "flow: sourse, value: figure"), "unknown flow 'sourse'"),
        (("value: figure, states", "value: figur, states"), "has no field 'figur'"),
        (("states: [final]}", "states: [finished]}"), "has no state 'finished'"),
        (("via: source,", "via: grade,"), "'grade' must be a string field"),
        (("high: 90, mid: 60", "top: 90, mid: 60"), "'top' is not a choice of the field"),
        (("roles: [head, teacher]", "roles: [head, preacher]"), "unknown role 'preacher'"),
    ],
)
def test_load_checks(tmp_path: Path, edit: tuple[str, str], problem: str) -> None:
    """What a from_case field, a band or members' roles name must exist."""
    folder = write(tmp_path, source=SOURCE, reader=READER.replace(*edit), item=ITEM)
    with pytest.raises(DefinitionError, match=problem):
        Engine.open("memory://", flows=[folder], bundled=False)
