"""Committees (appointment, conflicts, meetings, votes, resolutions) and parent/child cases.

The flows in ``committee_flows/`` are small on purpose: a round (``board_round``) whose
screening committee decides on evaluations (``board_item``, its children).
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from integrity_flows import Actor, Engine, committees
from integrity_flows.cli.common import describe_event
from integrity_flows.errors import (
    DefinitionError,
    GuardRejected,
    InvalidData,
    NotAuthorized,
    Refused,
)
from integrity_flows.loading.discovery import default_registry, load_library
from integrity_flows.stores.rows import case_to_row

FLOWS = Path(__file__).parent / "committee_flows"
MAYOR = Actor("mayor", roles={"executive"})
PALAD = Actor("palad", roles={"palad"})
PERSONNEL = Actor("pers", roles={"personnel"})
SUPERVISOR = Actor("sup", roles={"supervisor"})
A, B, C = Actor("a"), Actor("b"), Actor("c")
APPOINTMENT = {"เลขที่คำสั่ง": "12/2567", "ประธาน": "palad", "กรรมการ": "a, b, c", "เลขานุการ": "pers"}


@pytest.fixture(params=["memory", "sqlite"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Engine:
    url = "memory://" if request.param == "memory" else f"sqlite:///{tmp_path}/cases.db"
    return Engine.open(url, flows=[FLOWS], bundled=False, entry_points=False)


def _round(engine: Engine, present: str = "a, b, pers") -> str:
    case = engine.start("board_round", actor=PERSONNEL)
    engine.fire(case.id, "appoint", actor=MAYOR, data=APPOINTMENT)
    engine.fire(case.id, "open_meeting", actor=PALAD, data={"ผู้เข้าประชุม": present})
    return case.id


def _item(engine: Engine, round_id: str, employee: str) -> str:
    return engine.start(
        "board_item", actor=SUPERVISOR, data={"round": round_id, "employee": employee}
    ).id


def _vote(engine: Engine, round_id: str, who: Actor, subject: str, vote: str = "เห็นชอบ") -> None:
    engine.fire(
        round_id,
        "vote",
        actor=who,
        data={"วาระ": "ผ่านการกลั่นกรอง", "ผู้รับการประเมิน": subject, "ออกเสียง": vote},
    )


def _decide(engine: Engine, round_id: str, subject: str) -> dict[str, Any]:
    case = engine.fire(
        round_id, "decide", actor=PALAD, data={"motion": "screen", "subject": subject}
    )
    return dict(case.data["screening"]["resolutions"][-1])


def test_a_round_screens_its_evaluations_by_resolution(engine: Engine) -> None:
    round_id = _round(engine)
    x = _item(engine, round_id, "x")
    engine.fire(round_id, "declare", actor=B, data={"ผู้รับการประเมิน": "x", "ความเกี่ยวข้อง": "ญาติ"})
    _vote(engine, round_id, PALAD, "x")
    _vote(engine, round_id, A, "x")
    with pytest.raises(GuardRejected, match="no resolution"):
        engine.fire(x, "screen", actor=PERSONNEL)
    resolution = _decide(engine, round_id, "x")
    assert resolution["result"] == "carried"
    assert (resolution["yes"], resolution["no"]) == (["palad", "a"], [])
    assert resolution["recused"] == [
        {"member": "b", "why": "declared", "relation": "ญาติ", "detail": None}
    ]
    # b is present but recused: palad, a and pers are the eligible three of five.
    assert (resolution["eligible"], resolution["quorum"]) == (3, 3)
    moved = engine.fire(x, "screen", actor=PERSONNEL)
    assert moved.state == "screened"
    grant = engine.history(x)[-1].authority["resolution"]
    assert (grant["case"], grant["result"], grant["meeting"]) == (round_id, "carried", 1)
    engine.fire(round_id, "close_meeting", actor=PALAD, data={"minutes": "screened x"})
    assert engine.fire(round_id, "finish", actor=PERSONNEL).state == "done"
    assert engine.verify().ok


def test_a_member_never_votes_on_their_own_matter_nor_a_declared_conflict(engine: Engine) -> None:
    round_id = _round(engine)
    engine.fire(round_id, "declare", actor=B, data={"subject": "x", "relation": "relative"})
    for who, subject, why in ((A, "a", "own matter"), (B, "x", "relative")):
        before = engine.get(round_id)
        with pytest.raises(NotAuthorized, match=why) as refused:
            _vote(engine, round_id, who, subject)
        assert refused.value.mentions("recused")
        after = engine.get(round_id)
        assert (after.version, after.data) == (before.version, before.data)
        assert engine.history(round_id)[-1].outcome == "refused"


def test_no_quorum_no_decision(engine: Engine) -> None:
    round_id = _round(engine, present="a")  # palad and a: 2 of 5, quorum is 3
    _item(engine, round_id, "x")
    _vote(engine, round_id, PALAD, "x")
    _vote(engine, round_id, A, "x")
    before = engine.get(round_id)
    with pytest.raises(GuardRejected, match="no quorum") as refused:
        _decide(engine, round_id, "x")
    assert refused.value.mentions("องค์ประชุม")
    assert engine.get(round_id).data == before.data
    # A latecomer makes the quorum and the same votes decide.
    engine.fire(round_id, "attend", actor=C)
    assert _decide(engine, round_id, "x")["result"] == "carried"


def test_a_recusal_can_break_the_quorum(engine: Engine) -> None:
    round_id = _round(engine, present="a, b")  # palad, a, b: 3 of 5
    engine.fire(round_id, "declare", actor=B, data={"subject": "x", "relation": "friend"})
    _vote(engine, round_id, PALAD, "x")
    with pytest.raises(GuardRejected, match="2 eligible members present, 3 of 5"):
        _decide(engine, round_id, "x")


def test_a_tie_is_decided_by_the_chairs_vote(engine: Engine) -> None:
    round_id = _round(engine, present="a, b, c")
    _vote(engine, round_id, PALAD, "x", "no")
    _vote(engine, round_id, A, "x", "yes")
    assert _decide(engine, round_id, "x")["result"] == "rejected"
    _vote(engine, round_id, PALAD, "y", "yes")
    _vote(engine, round_id, A, "y", "no")
    _vote(engine, round_id, B, "y", "abstain")
    resolution = _decide(engine, round_id, "y")
    assert (resolution["result"], resolution["abstain"]) == ("carried", ["b"])


def test_who_may_act_in_the_committee(engine: Engine) -> None:
    round_id = engine.start("board_round", actor=PERSONNEL).id
    with pytest.raises(GuardRejected, match="not appointed"):
        engine.fire(round_id, "open_meeting", actor=PALAD)
    with pytest.raises(NotAuthorized):
        engine.fire(round_id, "appoint", actor=A, data=APPOINTMENT)
    engine.fire(round_id, "appoint", actor=MAYOR, data=APPOINTMENT)
    with pytest.raises(NotAuthorized, match="only the chair"):
        engine.fire(round_id, "open_meeting", actor=A)
    with pytest.raises(NotAuthorized, match="must hold the role 'palad'"):
        engine.fire(round_id, "open_meeting", actor=Actor("palad"))  # in the seat, not the post
    with pytest.raises(GuardRejected, match="no meeting is in session"):
        _vote(engine, round_id, A, "x")
    engine.fire(round_id, "open_meeting", actor=PALAD)
    with pytest.raises(NotAuthorized, match="not a member"):
        _vote(engine, round_id, Actor("z"), "x")
    with pytest.raises(GuardRejected, match="must be present"):
        _vote(engine, round_id, A, "x")
    engine.fire(round_id, "attend", actor=A)
    _vote(engine, round_id, A, "x")
    with pytest.raises(GuardRejected, match="already voted"):
        _vote(engine, round_id, A, "x", "no")
    with pytest.raises(InvalidData, match="must be yes, no or abstain"):
        _vote(engine, round_id, PALAD, "x", "maybe")
    with pytest.raises(InvalidData, match="no motion 'approve'"):
        engine.fire(round_id, "vote", actor=PALAD, data={"motion": "approve", "vote": "yes"})
    assert "vote" in engine.available(round_id, actor=A)
    assert "vote" not in engine.available(round_id, actor=Actor("z"))
    assert "open_meeting" not in engine.available(round_id, actor=PALAD)  # already open


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"กรรมการ": "a"}, "at least 2 members must be appointed (1 named)"),
        ({"เลขานุการ": "a"}, "appointed more than once: a"),
        ({"เลขที่คำสั่ง": ""}, "'order' is required"),
        ({"ประธาน": "palad, a"}, "at most 1 chair"),
    ],
)
def test_the_order_must_compose_the_committee(
    engine: Engine, changes: dict[str, str], words: str
) -> None:
    round_id = engine.start("board_round", actor=PERSONNEL).id
    with pytest.raises(InvalidData, match=re.escape(words)):
        engine.fire(round_id, "appoint", actor=MAYOR, data={**APPOINTMENT, **changes})
    assert engine.get(round_id).state == "open"


def test_a_sent_back_evaluation_needs_a_new_resolution(engine: Engine) -> None:
    round_id = _round(engine)
    x = _item(engine, round_id, "x")
    _vote(engine, round_id, PALAD, "x", "no")
    _decide(engine, round_id, "x")
    with pytest.raises(GuardRejected, match="resolved 'pass screening' about 'x': rejected"):
        engine.fire(x, "screen", actor=PERSONNEL)
    engine.fire(x, "send_back", actor=PERSONNEL)
    engine.fire(x, "resubmit", actor=SUPERVISOR)
    # The old resolution was taken before the evaluation came back: it no longer counts.
    with pytest.raises(GuardRejected, match="no resolution"):
        engine.fire(x, "send_back", actor=PERSONNEL)
    _vote(engine, round_id, PALAD, "x", "yes")
    _decide(engine, round_id, "x")
    assert engine.fire(x, "screen", actor=PERSONNEL).state == "screened"


def test_the_round_waits_for_every_child(engine: Engine) -> None:
    round_id = _round(engine)
    with pytest.raises(GuardRejected, match="at least 1 evaluation case"):
        engine.fire(round_id, "finish", actor=PERSONNEL)
    x, y = _item(engine, round_id, "x"), _item(engine, round_id, "y")
    for subject, item in (("x", x),):
        _vote(engine, round_id, PALAD, subject)
        _decide(engine, round_id, subject)
        engine.fire(item, "screen", actor=PERSONNEL)
    with pytest.raises(
        GuardRejected, match=f"1 linked evaluation case\\(s\\) not yet in 'screened': {y}"
    ):
        engine.fire(round_id, "finish", actor=PERSONNEL)


def test_a_child_starts_only_under_an_existing_parent_in_its_state(engine: Engine) -> None:
    with pytest.raises(GuardRejected, match="no 'board_round' case 'nope'"):
        _item(engine, "nope", "x")
    fresh = engine.start("board_round", actor=PERSONNEL).id  # still "open", not "screening"
    with pytest.raises(GuardRejected, match="parent case must be in 'screening'"):
        _item(engine, fresh, "x")
    other = engine.start(
        "board_item", actor=SUPERVISOR, data={"round": _round(engine), "employee": "x"}
    )
    with pytest.raises(GuardRejected, match="no 'board_round' case"):
        _item(engine, other.id, "y")  # a case of another flow is no parent
    with pytest.raises(InvalidData, match="'round' is required"):
        engine.start("board_item", actor=SUPERVISOR, data={"employee": "x"})


def test_verify_replays_the_committee_record(tmp_path: Path) -> None:
    engine = Engine.open(
        f"sqlite:///{tmp_path}/c.db", flows=[FLOWS], bundled=False, entry_points=False
    )
    round_id = _round(engine)
    _vote(engine, round_id, A, "x")
    assert engine.verify().ok
    case = engine.get(round_id)
    record = dict(case.data["screening"])
    record["votes"] = [{**record["votes"][0], "vote": "no"}]  # a vote changed in the store
    forged = case_to_row(attrs.evolve(case, data={**case.data, "screening": record}))
    with sqlite3.connect(tmp_path / "c.db") as db:
        db.execute("UPDATE cases SET data = ? WHERE id = ?", (forged[6], round_id))
    problems = engine.verify().problems
    assert [(p.case_id, p.kind) for p in problems] == [(round_id, "data")]
    assert "screening" in problems[0].message_en


def test_history_lines_say_who_voted_and_who_was_recused(engine: Engine) -> None:
    round_id = _round(engine)
    x = _item(engine, round_id, "x")
    engine.fire(round_id, "declare", actor=B, data={"subject": "x", "relation": "ญาติ"})
    _vote(engine, round_id, A, "x")
    _vote(engine, round_id, PALAD, "x")
    _decide(engine, round_id, "x")
    engine.fire(x, "screen", actor=PERSONNEL)
    definition = engine.flows.get("board_round")
    lines = [describe_event(e, definition) for e in engine.history(round_id)]
    assert "appointed by order 12/2567: chair palad, members a, b, c, secretary pers" in lines[1]
    assert "b declared a conflict (ญาติ) about x and is recused" in lines[3]
    assert "a ออกเสียงเห็นชอบ วาระ screen เรื่องของ x / a voted yes on screen about x" in lines[4]
    assert "carried (yes 2, no 0, abstain 0; quorum 3/3); b recused (ญาติ)" in lines[6]
    child = describe_event(engine.history(x)[-1], engine.flows.get("board_item"))
    assert "→ กลั่นกรองแล้ว (screened) — มติที่ประชุมครั้งที่ 1" in child


def _load(tmp_path: Path, **files: str) -> DefinitionError:
    for name, text in files.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DefinitionError) as found:
        load_library(
            [tmp_path],
            registry=default_registry(entry_points=False),
            bundled=False,
            entry_points=False,
        )
    return found.value


def _board(**replace: str) -> str:
    text = (FLOWS / "board.yaml").read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    return text


def _item_text(**replace: str) -> str:
    text = (FLOWS / "item.yaml").read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    return text


_Q, _CHAIR, _MEMBERS = 'quorum: "1/2"', "chair: {role: palad}", "members: {min: 2}"
_VOTE, _T4, _D0 = (
    "{name: screening, act: vote}",
    "transitions[4].committee",
    "transitions[0].decided_by",
)
_DECIDED = "motion: screen, subject: employee, of: parent}"
_APPOINT = 'cites: "16/5.2", committee: {name: screening, act: appoint}'
_PARENT = "parent: {flow: board_round, field: round, states: [screening]}"


@pytest.mark.parametrize(
    ("board", "item", "path", "words"),
    [
        ({_Q: 'quorum: "3/2"'}, {}, "committees.screening.quorum", "a share such as"),
        ({_Q: "quorum: 0"}, {}, "committees.screening.quorum", "at least 1"),
        ({_VOTE: "{name: screning, act: vote}"}, {}, _T4 + ".name", "unknown committee"),
        ({_VOTE: "{name: screening, act: vot}"}, {}, _T4 + ".act", "unknown value 'vot'"),
        ({_CHAIR: "chair: {role: paladd}"}, {}, "committees.screening.chair.role", "unknown role"),
        ({_MEMBERS: "members: {min: 3, max: 2}"}, {}, "committees.screening.members", "min <= max"),
        ({"roles: [executive], cites": "cites"}, {}, "transitions[0].roles", "which roles appoint"),
        ({}, {_DECIDED: _DECIDED.replace("screen", "scren")}, _D0 + ".motion", "no motion 'scren'"),
        (
            {},
            {_PARENT: _PARENT.replace("board_round", "board_rnd")},
            "parent.flow",
            "unknown parent",
        ),
        (
            {},
            {_PARENT: _PARENT.replace("[screening]", "[screenin]")},
            "parent.states[0]",
            "screenin",
        ),
        ({}, {"indexed: true": "indexed: false"}, "parent.field", "indexed string field"),
        (
            {_APPOINT: _APPOINT.replace("cites:", 'also_cites: ["17.5.4"], cites:')},
            {},
            "transitions[0].also_cites[0]",
            "is not a plan step",
        ),
        ({}, {_PARENT + "\n": ""}, _D0 + ".of", "declare its parent"),
    ],
)
def test_load_checks_name_the_problem(
    tmp_path: Path, board: dict[str, str], item: dict[str, str], path: str, words: str
) -> None:
    error = _load(tmp_path, board=_board(**board), item=_item_text(**item))
    assert any(p.path == path and words in p.message_en for p in error.problems), error.problems


def test_yaml_booleans_as_keys_are_named_as_written(tmp_path: Path) -> None:
    error = _load(tmp_path, board=_board(), item=_item_text(**{"of: parent}": "on: parent}"}))
    assert any("unknown key(s): True" in p.message_en for p in error.problems), error.problems


# --- the record, as pure functions ----------------------------------------------------

_members = st.lists(st.sampled_from("abcdefg"), min_size=1, max_size=7, unique=True)


@given(_members, st.data())
def test_tally_is_majority_of_votes_cast_with_the_chairs_casting_vote(
    members: list[str], data: st.DataObject
) -> None:
    votes = [{"member": m, "vote": data.draw(st.sampled_from(committees.VOTES))} for m in members]
    chair = members[0]
    result, by = committees.tally(votes, chair)
    yes, no = len(by["yes"]), len(by["no"])
    assert sorted(by["yes"] + by["no"] + by["abstain"]) == sorted(members)
    if yes != no:
        assert result == ("carried" if yes > no else "rejected")
    else:
        assert result == ("carried" if chair in by["yes"] else "rejected")


@given(st.integers(min_value=1, max_value=40), st.integers(1, 5), st.integers(1, 5))
def test_quorum_rules(seats: int, top: int, bottom: int) -> None:
    if top > bottom:
        top, bottom = bottom, top
    share = committees.quorum_of(f"{top}/{bottom}", seats)
    assert share * bottom >= seats * top > (share - 1) * bottom  # the least count at that share
    majority = committees.quorum_of("majority", seats)
    assert majority * 2 > seats >= (majority - 1) * 2
    assert committees.quorum_of(3, seats) == 3


@given(
    st.lists(
        st.tuples(
            st.sampled_from("abc"), st.sampled_from("xyz"), st.sampled_from(committees.VOTES)
        ),
        max_size=12,
    )
)
def test_deciding_clears_only_the_votes_it_decides(votes: list[tuple[str, str, str]]) -> None:
    record = committees.apply(
        None,
        {"act": "appoint", "order": "1", "at": "t", "by": "m", "chair": "a", "members": ["b", "c"]},
    )
    record = committees.apply(
        record,
        {"act": "open_meeting", "meeting": 1, "at": "t", "by": "a", "present": ["a", "b", "c"]},
    )
    for member, subject, vote in votes:
        record = committees.apply(
            record,
            {
                "act": "vote",
                "meeting": 1,
                "motion": "m",
                "subject": subject,
                "member": member,
                "vote": vote,
                "at": "t",
            },
        )
    resolution = {"motion": "m", "subject": "x", "result": "carried", "at": "t"}
    decided = committees.apply(record, {"act": "decide", "at": "t", "resolution": resolution})
    assert [v for v in decided["votes"]] == [v for v in record["votes"] if v["subject"] != "x"]
    assert committees.latest_resolution(decided, "m", "x") == resolution
    assert committees.latest_resolution(decided, "m", "y") is None
    assert record["resolutions"] == []  # apply never changes what it was given


def test_a_resolution_counts_once_even_within_one_instant() -> None:
    """Under a fixed clock a rejection, a send-back and a resubmission share one instant:
    the rejection that sent the item back must not send it back again."""
    from datetime import UTC, datetime

    from integrity_flows.clock import FixedClock

    clock = FixedClock(datetime(2024, 4, 1, 2, tzinfo=UTC))
    engine = Engine.open("memory://", flows=[FLOWS], bundled=False, entry_points=False, clock=clock)
    round_id = _round(engine)
    x = _item(engine, round_id, "x")
    _vote(engine, round_id, PALAD, "x", "no")
    assert _decide(engine, round_id, "x")["number"] == 1
    engine.fire(x, "send_back", actor=PERSONNEL)
    engine.fire(x, "resubmit", actor=SUPERVISOR)
    with pytest.raises(GuardRejected, match="no resolution"):
        engine.fire(x, "send_back", actor=PERSONNEL)
    _vote(engine, round_id, PALAD, "x", "yes")
    assert _decide(engine, round_id, "x")["number"] == 2
    assert engine.fire(x, "screen", actor=PERSONNEL).state == "screened"


def test_the_parent_link_and_fixed_fields_never_change(engine: Engine) -> None:
    round_id = _round(engine)
    other = _round(engine)
    x = _item(engine, round_id, "x")
    with pytest.raises(Refused, match="'round' was set when the case started") as refused:
        engine.fire(x, "send_back", actor=PERSONNEL, data={"round": other})
    assert refused.value.mentions("แก้ไขไม่ได้")
    assert engine.get(x).data["round"] == round_id


def test_link_refusals_name_states_and_flows_by_label(engine: Engine) -> None:
    fresh = engine.start("board_round", actor=PERSONNEL).id
    with pytest.raises(GuardRejected, match="must be in 'screening' \\(now: 'open'\\)") as refused:
        _item(engine, fresh, "x")
    assert refused.value.mentions("'กลั่นกรอง' (ขณะนี้: 'เปิดรอบ')")
    round_id = _round(engine)
    _item(engine, round_id, "x")
    with pytest.raises(
        GuardRejected, match="1 linked evaluation case\\(s\\) not yet in 'screened'"
    ):
        engine.fire(round_id, "finish", actor=PERSONNEL)


def test_a_committee_with_one_motion_need_not_name_it(engine: Engine) -> None:
    round_id = _round(engine)
    engine.fire(round_id, "vote", actor=A, data={"ผู้รับการประเมิน": "x", "ออกเสียง": "yes"})
    case = engine.fire(round_id, "decide", actor=PALAD, data={"ผู้รับการประเมิน": "x"})
    assert case.data["screening"]["resolutions"][-1]["motion"] == "screen"


def test_an_order_names_people_in_the_posts_of_their_seats_when_they_are_known() -> None:
    people = {"palad": PALAD, "pers": PERSONNEL, "mayor": MAYOR}
    engine = Engine.open(
        "memory://", flows=[FLOWS], bundled=False, entry_points=False, directory=people.get
    )
    round_id = engine.start("board_round", actor=PERSONNEL).id
    with pytest.raises(InvalidData, match="'mayor' does not hold the post palad") as refused:
        engine.fire(round_id, "appoint", actor=MAYOR, data={**APPOINTMENT, "ประธาน": "mayor"})
    assert refused.value.mentions("ไม่ได้ดำรงตำแหน่งปลัด")
    # a, b and c are not in the directory: their seats have no post to check anyway.
    assert engine.fire(round_id, "appoint", actor=MAYOR, data=APPOINTMENT).state == "screening"


def test_records_actor_appends_who_fired_and_is_checked_at_load(tmp_path: Path) -> None:
    item = _item_text(
        **{
            "data:\n": "data:\n  resubmitted_by: {type: list, label: {th: ผู้ส่ง, en: resent by}}\n",
            "source: returned, dest: submitted, roles: [supervisor]": (
                "source: returned, dest: submitted, records_actor: resubmitted_by, "
                "roles: [supervisor]"
            ),
        }
    )
    (tmp_path / "board.yaml").write_text(_board(), encoding="utf-8")
    (tmp_path / "item.yaml").write_text(item, encoding="utf-8")
    engine = Engine.open("memory://", flows=[tmp_path], bundled=False, entry_points=False)
    round_id = _round(engine)
    x = _item(engine, round_id, "x")
    for _ in range(2):
        _vote(engine, round_id, PALAD, "x", "no")
        _decide(engine, round_id, "x")
        engine.fire(x, "send_back", actor=PERSONNEL)
        engine.fire(x, "resubmit", actor=SUPERVISOR)
    assert engine.get(x).data["resubmitted_by"] == ["sup", "sup"]
    assert engine.verify().ok
    bad = item.replace("records_actor: resubmitted_by", "records_actor: round_")
    error = _load(tmp_path, board=_board(), item=bad)
    assert any(
        p.path == "transitions[2].records_actor" and "not a string or list field" in p.message_en
        for p in error.problems
    ), error.problems
