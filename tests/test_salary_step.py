"""Plan projects 16 and 17, the salary-step round: the two flows through the Python API
(committees, recusal, quorum, separation of duties, send-back, amendment, the appeal
window), the reports (compared with figures worked out by hand) and the command line."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.cli import main
from integrity_flows.errors import (
    DefinitionError,
    GuardRejected,
    InvalidData,
    NotAuthorized,
    Refused,
)
from integrity_flows.loading import FlowLibrary, default_registry, load_library
from integrity_flows.plan.catalogue import load_plan
from integrity_flows.reports import ReportError
from integrity_flows.reports.base import Cell, FigureValue, Table
from integrity_flows.reports.catalogue import load_catalogue, run_report
from integrity_flows.reports.conditions_reading import Reader, read_condition
from integrity_flows.reports.reading_cases import Seen, held_at_move, matches
from integrity_flows.stores import open_store

T0 = datetime(2024, 3, 4, 2, 0, tzinfo=UTC)  # 4 March 2567, 09:00 Thai time
ROUND = "salary_step_round"
EVALUATION = "salary_step_evaluation"

KANDA = Actor("kanda", roles={"personnel_officer"})
SOMPONG = Actor("sompong", roles={"chief_executive"})
WICHAI = Actor("wichai", roles={"palad", "supervisor"})
SOMSAK = Actor("somsak", roles={"head_of_unit", "supervisor"})
SOMYING = Actor("somying", roles={"head_of_unit", "supervisor"})
AMNAT = Actor("amnat", roles={"head_of_unit"})
PRANEE = Actor("pranee")
SCREEN = "screen"
STEP = "approve_step"


def official(name: str) -> Actor:
    """An official, who may appeal their own evaluation."""
    return Actor(name, roles={"official"})


@pytest.fixture
def clock() -> FixedClock:
    """4 March 2567, 09:00 Thai time."""
    return FixedClock(T0)


@pytest.fixture(scope="module")
def library() -> FlowLibrary:
    """The bundled flows, loaded once for the module."""
    return load_library((), registry=default_registry(entry_points=False), entry_points=False)


@pytest.fixture
def engine(clock: FixedClock, library: FlowLibrary) -> Iterator[Engine]:
    """A memory engine with the bundled flows."""
    with Engine(open_store("memory://"), library, clock=clock) as found:
        yield found


def open_round(engine: Engine, *, period: str = "april", year: int = 2567) -> str:
    """A round with its measure published and both committees appointed; the case id.

    Screening: chair wichai, members somsak, somying, amnat (4 voting seats, quorum 2).
    Salary step: chair sompong, members wichai, somsak, pranee (4 voting seats, quorum 2).
    Kanda is the secretary of both and does not vote.
    """
    case_id = engine.start(ROUND, actor=KANDA, data={"fiscal_year": year, "period": period}).id
    engine.fire(case_id, "draft_measure", actor=KANDA, data={"measure_title": "measure"})
    engine.fire(
        case_id,
        "announce_measure",
        actor=SOMPONG,
        data={"guidelines_title": "guidelines", "announcement_no": "12/2567"},
    )
    engine.fire(case_id, "publish_measure", actor=KANDA, data={"public_channels": "website"})
    engine.fire(
        case_id,
        "appoint_screening_committee",
        actor=SOMPONG,
        data={
            "order": "150/2567",
            "chair": "wichai",
            "members": "somsak, somying, amnat",
            "secretary": "kanda",
        },
    )
    engine.fire(
        case_id,
        "appoint_salary_committee",
        actor=SOMPONG,
        data={
            "order": "151/2567",
            "chair": "sompong",
            "members": "wichai, somsak, pranee",
            "secretary": "kanda",
        },
    )
    return case_id


def evaluate(
    engine: Engine, round_id: str, supervisor: Actor, employee: str, step: str = "one", **extra: str
) -> str:
    """``supervisor`` submits ``employee``'s evaluation proposing ``step``; the case id."""
    data = {
        "round": round_id,
        "employee": employee,
        "score": "85",
        "level": "very_good",
        "proposed_step": step,
        **extra,
    }
    return engine.start(EVALUATION, actor=supervisor, data=data).id


def vote(
    engine: Engine, round_id: str, who: Actor, motion: str, subject: str = "", how: str = "yes"
) -> None:
    """``who`` votes ``how`` on ``motion`` about ``subject``."""
    engine.fire(
        round_id, "vote", actor=who, data={"motion": motion, "subject": subject, "vote": how}
    )


def resolve(
    engine: Engine,
    round_id: str,
    chair: Actor,
    motion: str,
    subject: str = "",
    votes: Iterable[tuple[Actor, str]] = (),
) -> None:
    """The votes cast, then the chair records the resolution."""
    for who, how in votes:
        vote(engine, round_id, who, motion, subject, how)
    engine.fire(round_id, "decide", actor=chair, data={"motion": motion, "subject": subject})


def screened(engine: Engine, round_id: str, cases: dict[str, str]) -> None:
    """The screening committee meets and passes every evaluation of ``cases`` (employee → id)."""
    engine.fire(round_id, "open_meeting", actor=WICHAI, data={"present": "somsak, somying, amnat"})
    for employee, case_id in cases.items():
        voters = [v for v in (WICHAI, AMNAT) if v.id != employee]
        resolve(engine, round_id, WICHAI, SCREEN, employee, [(v, "yes") for v in voters])
        engine.fire(case_id, "screen", actor=KANDA)
    engine.fire(round_id, "close_meeting", actor=WICHAI, data={"minutes": "1/2567"})
    engine.fire(round_id, "propose_results", actor=WICHAI, data={"screening_report": "all"})


def decided(engine: Engine, round_id: str, cases: dict[str, str]) -> None:
    """The salary-step committee approves every proposed step and the round's results."""
    engine.fire(round_id, "open_meeting", actor=SOMPONG, data={"present": "wichai, pranee"})
    for employee, case_id in cases.items():
        resolve(engine, round_id, SOMPONG, STEP, employee, [(SOMPONG, "yes"), (PRANEE, "yes")])
        engine.fire(case_id, "decide_step", actor=KANDA)
    resolve(engine, round_id, SOMPONG, "approve_results", "", [(SOMPONG, "yes"), (WICHAI, "yes")])
    engine.fire(round_id, "close_meeting", actor=SOMPONG, data={"minutes": "2/2567"})
    engine.fire(round_id, "approve_results", actor=KANDA)


def announced(engine: Engine, clock: FixedClock, round_id: str) -> None:
    """The results announced on 1 April 2567, 09:00 Thai time."""
    clock.set(datetime(2024, 4, 1, 2, 0, tzinfo=UTC))
    engine.fire(round_id, "announce_results", actor=SOMPONG, data={"salary_order_no": "300/2567"})


def closed(
    engine: Engine, clock: FixedClock, round_id: str, respondents: int, satisfied: int
) -> None:
    """The appeal window swept closed on 1 May 2567, the survey recorded, the round closed."""
    clock.set(datetime(2024, 5, 1, 2, 0, tzinfo=UTC))
    engine.sweep()
    engine.fire(
        round_id,
        "record_survey",
        actor=KANDA,
        data={"survey_respondents": respondents, "survey_satisfied": satisfied},
    )
    engine.fire(round_id, "close_round", actor=KANDA)


def figures(
    engine: Engine, *, fiscal_year: int | str | None = None, round_id: str | None = None
) -> dict[str, FigureValue]:
    """The figures of the year's report ``salary_step``, or of one round's report
    ``salary_step_round_report``, by id."""
    if round_id is not None:
        found = run_report(engine, "salary_step_round_report", case_id=round_id)
    else:
        found = run_report(engine, "salary_step", fiscal_year=fiscal_year)
    return {f.key: f.value for f in found}


def register(values: dict[str, FigureValue]) -> list[dict[str, Cell]]:
    """The rows of a round's register of evaluations, in the report's order."""
    table = values["register"]
    assert isinstance(table, Table)
    return table.as_dicts()


def resolutions(
    engine: Engine, round_id: str, committee: str, subject: str
) -> list[dict[str, Any]]:
    """The resolutions ``committee`` recorded on the round about ``subject``, in order."""
    record = engine.get(round_id).data.get(committee) or {}
    return [r for r in record.get("resolutions", ()) if r.get("subject") == subject]


def state_label(engine: Engine, flow: str, state: str) -> str:
    """The Thai label of a state, as the reports show it."""
    return engine.flows.get(flow).label_of_state(state).th


# --- the flows ---------------------------------------------------------------------


def test_every_transition_cites_a_step_of_projects_16_or_17(engine: Engine) -> None:
    """Both flows load, and each transition (and start) cites a written step of 16 or 17."""
    steps = {
        f"{p.number}/{s.id}" for p in load_plan().projects if p.number in (16, 17) for s in p.steps
    }
    for flow_id in (ROUND, EVALUATION):
        definition = engine.flows.get(flow_id)
        cited = {definition.start.cites, *(t.cites for t in definition.transitions)}
        assert cited <= steps, cited - steps
    round_flow = engine.flows.get(ROUND)
    assert set(round_flow.committees) == {"screening", "salary_step"}
    assert round_flow.committees["screening"].chair is not None
    assert round_flow.committees["screening"].chair.role == "palad"
    assert not round_flow.committees["salary_step"].secretary_votes
    assert engine.flows.get(EVALUATION).parent is not None


def test_a_full_round_with_three_employees(engine: Engine, clock: FixedClock) -> None:
    """From the measure to the close: every evaluation screened and decided, the trail intact."""
    round_id = open_round(engine)
    assert engine.get(round_id).state == "committees_appointed"
    cases = {
        "somchai": evaluate(
            engine,
            round_id,
            SOMSAK,
            "somchai",
            "one_and_half",
            serves_public="yes",
            citizen_satisfaction="88.5",
            citizen_survey="permit applicants 2567",
        ),
        "somjai": evaluate(engine, round_id, SOMYING, "somjai", "one"),
        "manop": evaluate(engine, round_id, SOMYING, "manop", "half"),
    }
    screened(engine, round_id, cases)
    assert engine.get(round_id).state == "proposed"
    decided(engine, round_id, cases)
    assert engine.get(round_id).state == "resolved"
    assert {engine.get(c).state for c in cases.values()} == {"decided"}
    announced(engine, clock, round_id)
    assert engine.get(round_id).data["results_announced_on"] == "2024-04-01"
    closed(engine, clock, round_id, 180, 153)
    assert engine.get(round_id).state == "closed"
    assert engine.verify().ok
    screen_event = engine.history(cases["somchai"])[-2]
    assert screen_event.trigger == "screen"
    resolution = screen_event.authority["resolution"]
    assert (resolution["committee"], resolution["result"]) == ("screening", "carried")
    assert resolution["yes"] == ["wichai", "amnat"]


def test_two_rounds_a_fiscal_year_and_no_second_case_of_one(engine: Engine) -> None:
    """April and October of one fiscal year each have one round; a second is refused."""
    open_round(engine, period="april")
    open_round(engine, period="ครั้งที่ ๒ (๑ ตุลาคม)")
    with pytest.raises(GuardRejected, match="already has a case"):
        engine.start(ROUND, actor=KANDA, data={"fiscal_year": "๒๕๖๗", "period": "april"})
    with pytest.raises(NotAuthorized, match="personnel officer"):
        engine.start(ROUND, actor=SOMYING, data={"fiscal_year": 2568, "period": "april"})


def test_the_chief_executive_announces_the_measure_and_appoints(engine: Engine) -> None:
    """Only the Chief Executive announces and appoints; the screening chair must be a Palad."""
    case_id = engine.start(ROUND, actor=KANDA, data={"fiscal_year": 2567, "period": "april"}).id
    engine.fire(case_id, "draft_measure", actor=KANDA, data={"measure_title": "m"})
    with pytest.raises(NotAuthorized, match="Chief Executive"):
        engine.fire(
            case_id,
            "announce_measure",
            actor=KANDA,
            data={"guidelines_title": "g", "announcement_no": "1"},
        )
    engine.fire(
        case_id,
        "announce_measure",
        actor=SOMPONG,
        data={"guidelines_title": "g", "announcement_no": "1"},
    )
    with pytest.raises(InvalidData, match="public channels"):
        engine.fire(case_id, "publish_measure", actor=KANDA)
    engine.fire(case_id, "publish_measure", actor=KANDA, data={"public_channels": "web"})
    with pytest.raises(InvalidData, match="members must be appointed"):
        engine.fire(
            case_id,
            "appoint_screening_committee",
            actor=SOMPONG,
            data={"order": "1", "chair": "wichai", "members": "somsak", "secretary": "kanda"},
        )
    engine.fire(
        case_id,
        "appoint_screening_committee",
        actor=SOMPONG,
        data={"order": "1", "chair": "somsak", "members": "somying, amnat", "secretary": "kanda"},
    )
    engine.fire(
        case_id,
        "appoint_salary_committee",
        actor=SOMPONG,
        data={"order": "2", "chair": "sompong", "members": "wichai, pranee", "secretary": "kanda"},
    )
    with pytest.raises(NotAuthorized, match="chair must hold the role 'palad'"):
        engine.fire(case_id, "open_meeting", actor=SOMSAK, data={"present": "somying"})


# --- recusal and quorum ------------------------------------------------------------


def test_a_declared_conflict_recuses_and_the_resolution_stands_with_a_quorum(
    engine: Engine,
) -> None:
    """Somying's vote on her brother is refused; the other two make the quorum of 2."""
    round_id = open_round(engine)
    case_id = evaluate(engine, round_id, SOMSAK, "somchai")
    engine.fire(round_id, "open_meeting", actor=WICHAI, data={"ผู้เข้าประชุม": "somsak, somying"})
    engine.fire(
        round_id,
        "declare_conflict",
        actor=SOMYING,
        data={"ผู้รับการประเมิน": "somchai", "ความเกี่ยวข้อง": "ญาติ"},
    )
    vote(engine, round_id, WICHAI, SCREEN, "somchai")
    with pytest.raises(NotAuthorized) as refused:
        vote(engine, round_id, SOMYING, SCREEN, "somchai")
    assert [r.code for r in refused.value.reasons] == ["recused"]
    with pytest.raises(NotAuthorized, match="secretary does not vote"):
        vote(engine, round_id, KANDA, SCREEN, "somchai")
    resolve(engine, round_id, WICHAI, SCREEN, "somchai", [(SOMSAK, "yes")])
    engine.fire(case_id, "screen", actor=KANDA)
    resolution = engine.get(round_id).data["screening"]["resolutions"][-1]
    assert resolution["recused"][0]["member"] == "somying"
    assert (resolution["eligible"], resolution["quorum"]) == (2, 2)
    assert [(e.actor, e.trigger, e.outcome) for e in engine.history(round_id)[-5:]] == [
        ("wichai", "vote", "moved"),
        ("somying", "vote", "refused"),
        ("kanda", "vote", "refused"),
        ("somsak", "vote", "moved"),
        ("wichai", "decide", "moved"),
    ]


def test_no_quorum_no_resolution_and_a_recused_member_does_not_count(engine: Engine) -> None:
    """Chair alone: no quorum. On somsak's own evaluation he is present but does not count."""
    round_id = open_round(engine)
    first = evaluate(engine, round_id, SOMSAK, "somchai")
    own = evaluate(engine, round_id, WICHAI, "somsak")
    engine.fire(round_id, "open_meeting", actor=WICHAI, data={"present": "kanda"})
    vote(engine, round_id, WICHAI, SCREEN, "somchai")
    with pytest.raises(GuardRejected) as refused:
        engine.fire(round_id, "decide", actor=WICHAI, data={"motion": SCREEN, "subject": "somchai"})
    assert [r.code for r in refused.value.reasons] == ["quorum"]
    with pytest.raises(GuardRejected, match="no resolution"):
        engine.fire(first, "screen", actor=KANDA)
    engine.fire(round_id, "attend", actor=SOMSAK)
    resolve(engine, round_id, WICHAI, SCREEN, "somchai", [(SOMSAK, "yes")])
    engine.fire(first, "screen", actor=KANDA)
    vote(engine, round_id, WICHAI, SCREEN, "somsak")
    with pytest.raises(NotAuthorized, match="their own matter"):
        vote(engine, round_id, SOMSAK, SCREEN, "somsak")
    with pytest.raises(GuardRejected, match="no quorum: 1 eligible members present, 2 of 4"):
        engine.fire(round_id, "decide", actor=WICHAI, data={"motion": SCREEN, "subject": "somsak"})
    engine.fire(round_id, "attend", actor=AMNAT)
    resolve(engine, round_id, WICHAI, SCREEN, "somsak", [(AMNAT, "yes")])
    assert engine.fire(own, "screen", actor=KANDA).state == "screened"
    assert engine.verify().ok


# --- the evaluation ----------------------------------------------------------------


def test_a_supervisor_cannot_evaluate_themself(engine: Engine) -> None:
    """Separation of duties on the employee; also no second evaluation in one round."""
    round_id = open_round(engine)
    with pytest.raises(NotAuthorized) as refused:
        evaluate(engine, round_id, SOMSAK, "somsak")
    assert [r.code for r in refused.value.reasons] == ["separation_of_duties"]
    with pytest.raises(NotAuthorized, match="supervisor"):
        evaluate(engine, round_id, official("somchai"), "somjai")
    case_id = evaluate(engine, round_id, SOMSAK, "somchai")
    assert engine.get(case_id).data["supervisor"] == "somsak"
    with pytest.raises(GuardRejected, match="already has an evaluation in this round"):
        evaluate(engine, round_id, SOMYING, "somchai")
    assert engine.verify().ok


def test_evaluations_wait_for_both_committees(engine: Engine) -> None:
    """A round that has not appointed its committees takes no evaluation."""
    round_id = engine.start(ROUND, actor=KANDA, data={"fiscal_year": 2567, "period": "april"}).id
    with pytest.raises(GuardRejected, match="parent case must be in 'salary-step committee"):
        evaluate(engine, round_id, SOMSAK, "somchai")
    with pytest.raises(GuardRejected, match="no 'salary_step_round' case 'nope'"):
        evaluate(engine, "nope", SOMSAK, "somchai")


@pytest.mark.parametrize(
    ("extra", "wanted"),
    [
        ({"serves_public": "yes"}, "citizens' satisfaction result must be attached"),
        ({"serves_public": "yes", "citizen_satisfaction": "88"}, "survey used"),
        (
            {"serves_public": "ใช่", "citizen_satisfaction": "120", "citizen_survey": "s"},
            "percentage from 0 to 100",
        ),
        ({"score": "101"}, "between 0 and 100"),
    ],
)
def test_the_citizens_satisfaction_is_required_where_the_employee_serves_the_public(
    engine: Engine, extra: dict[str, str], wanted: str
) -> None:
    """Project 17: who serves the public is evaluated with the citizens' satisfaction result."""
    round_id = open_round(engine)
    with pytest.raises(GuardRejected, match=wanted):
        evaluate(engine, round_id, SOMSAK, "somchai", **extra)


def test_an_evaluation_sent_back_and_resubmitted_needs_a_new_resolution(
    engine: Engine, clock: FixedClock
) -> None:
    """Rejected: sent back with reasons; resubmitted by its supervisor; resolved afresh."""
    round_id = open_round(engine)
    case_id = evaluate(engine, round_id, SOMSAK, "somchai", "one_and_half")
    other = evaluate(engine, round_id, SOMYING, "somjai")
    engine.fire(round_id, "open_meeting", actor=WICHAI, data={"present": "somsak, somying"})
    resolve(engine, round_id, WICHAI, SCREEN, "somchai", [(WICHAI, "no"), (SOMYING, "no")])
    resolve(engine, round_id, WICHAI, SCREEN, "somjai", [(WICHAI, "yes"), (SOMSAK, "yes")])
    engine.fire(other, "screen", actor=KANDA)
    with pytest.raises(GuardRejected, match="rejected"):
        engine.fire(case_id, "screen", actor=KANDA)
    with pytest.raises(GuardRejected, match="not yet in 'screened'"):
        engine.fire(round_id, "propose_results", actor=WICHAI, data={"screening_report": "x"})
    with pytest.raises(InvalidData, match="screening committee's remarks"):
        engine.fire(case_id, "send_back", actor=KANDA)
    engine.fire(case_id, "send_back", actor=KANDA, data={"screening_note": "too high"})
    clock.advance(days=1)
    with pytest.raises(NotAuthorized, match="only the evaluating supervisor"):
        engine.fire(case_id, "resubmit", actor=SOMYING, data={"revision_note": "x"})
    with pytest.raises(InvalidData, match="revision note"):
        engine.fire(case_id, "resubmit", actor=SOMSAK)
    engine.fire(
        case_id, "resubmit", actor=SOMSAK, data={"revision_note": "lowered", "proposed_step": "one"}
    )
    with pytest.raises(GuardRejected, match="no resolution"):
        engine.fire(case_id, "send_back", actor=KANDA, data={"screening_note": "again"})
    resolve(engine, round_id, WICHAI, SCREEN, "somchai", [(WICHAI, "yes"), (SOMYING, "yes")])
    engine.fire(case_id, "screen", actor=KANDA)
    engine.fire(round_id, "propose_results", actor=WICHAI, data={"screening_report": "2"})
    found = figures(engine, round_id=round_id)
    assert (found["sent_back"], found["screened"], found["awaiting_screening"]) == (1, 2, ())
    row = next(r for r in register(found) if r["employee"] == "somchai")
    assert (row["proposed_step"], engine.get(case_id).data["proposed_step"]) == ("หนึ่งขั้น", "one")
    assert [r["result"] for r in resolutions(engine, round_id, "screening", "somchai")] == [
        "rejected",
        "carried",
    ]


def test_the_salary_step_committee_amends_a_step_on_its_resolution(engine: Engine) -> None:
    """Not approved as proposed: the amended step and its reason, then approved: final."""
    round_id = open_round(engine)
    case_id = evaluate(engine, round_id, SOMSAK, "somchai", "one_and_half")
    screened(engine, round_id, {"somchai": case_id})
    engine.fire(round_id, "open_meeting", actor=SOMPONG, data={"present": "wichai, pranee"})
    resolve(engine, round_id, SOMPONG, STEP, "somchai", [(SOMPONG, "no"), (PRANEE, "no")])
    with pytest.raises(GuardRejected, match="rejected"):
        engine.fire(case_id, "decide_step", actor=KANDA)
    with pytest.raises(InvalidData, match="reason for the amendment"):
        engine.fire(case_id, "amend_step", actor=KANDA, data={"amended_step": "one"})
    engine.fire(
        case_id,
        "amend_step",
        actor=KANDA,
        data={"amended_step": "หนึ่งขั้น", "amendment_reason": "quota"},
    )
    resolve(engine, round_id, SOMPONG, STEP, "somchai", [(SOMPONG, "yes"), (WICHAI, "yes")])
    assert engine.fire(case_id, "decide_step", actor=KANDA).state == "decided"
    found = figures(engine, round_id=round_id)
    assert (found["amended"], found["step_one"], found["step_one_and_half"]) == (
        ("somchai",),
        ("somchai",),
        (),
    )
    assert register(found)[0]["proposed_step"] == "หนึ่งขั้นครึ่ง"


def test_the_step_decided_is_read_from_the_trail(engine: Engine, clock: FixedClock) -> None:
    """A later action carrying another proposed step does not change the step approved."""
    round_id = open_round(engine)
    case_id = evaluate(engine, round_id, SOMSAK, "somchai", "half")
    screened(engine, round_id, {"somchai": case_id})
    decided(engine, round_id, {"somchai": case_id})
    announced(engine, clock, round_id)
    # Any action may carry any field of the flow today: the appeal rewrites the proposal.
    engine.fire(
        case_id,
        "appeal",
        actor=official("somchai"),
        data={"appeal_reason": "x", "proposed_step": "one_and_half"},
    )
    engine.fire(case_id, "dismiss_appeal", actor=SOMPONG, data={"appeal_decision": "no"})
    assert engine.get(case_id).data["proposed_step"] == "one_and_half"
    found = figures(engine, round_id=round_id)
    assert (found["step_half"], found["step_one_and_half"]) == (("somchai",), ())
    assert (found["appeals"], found["appeals_dismissed"]) == (1, 1)


# --- the appeal window -------------------------------------------------------------


def test_an_appeal_in_the_window_and_a_late_one(engine: Engine, clock: FixedClock) -> None:
    """Open from the announcement to the end of day 30; the sweep closes it; then refused."""
    round_id = open_round(engine)
    cases = {
        "somchai": evaluate(engine, round_id, SOMSAK, "somchai"),
        "somjai": evaluate(engine, round_id, SOMYING, "somjai"),
    }
    screened(engine, round_id, cases)
    decided(engine, round_id, cases)
    with pytest.raises(GuardRejected, match="appeal window is not open"):
        engine.fire(
            cases["somchai"], "appeal", actor=official("somchai"), data={"appeal_reason": "early"}
        )
    announced(engine, clock, round_id)
    due = engine.get(round_id).deadlines[0]
    assert (due.trigger, due.due) == ("close_appeals", datetime(2024, 4, 30, 17, 0, tzinfo=UTC))
    clock.set(datetime(2024, 4, 30, 16, 59, tzinfo=UTC))  # 30 April, 23:59 Thai time
    assert engine.sweep() == []
    with pytest.raises(NotAuthorized, match="appeals in person"):
        engine.fire(
            cases["somchai"], "appeal", actor=official("somjai"), data={"appeal_reason": "for him"}
        )
    appealed = engine.fire(
        cases["somchai"],
        "appeal",
        actor=official("somchai"),
        data={"appeal_reason": "road project"},
    )
    assert (appealed.state, appealed.data["appealed_on"]) == ("appealed", "2024-04-30")
    clock.set(datetime(2024, 4, 30, 17, 0, tzinfo=UTC))  # 1 May begins
    assert [c.state for c in engine.sweep()] == ["appeals_closed"]
    assert engine.history(round_id)[-1].actor == "system"
    with pytest.raises(GuardRejected, match="window has closed"):
        engine.fire(
            cases["somjai"], "appeal", actor=official("somjai"), data={"appeal_reason": "late"}
        )
    engine.fire(
        round_id,
        "record_survey",
        actor=KANDA,
        data={"survey_respondents": 10, "survey_satisfied": 9},
    )
    with pytest.raises(GuardRejected, match="an appeal has not been decided yet"):
        engine.fire(round_id, "close_round", actor=KANDA)
    with pytest.raises(NotAuthorized, match="Chief Executive"):
        engine.fire(cases["somchai"], "dismiss_appeal", actor=KANDA, data={"appeal_decision": "no"})
    engine.fire(
        cases["somchai"],
        "uphold_appeal",
        actor=SOMPONG,
        data={"appeal_decision": "yes", "step_on_appeal": "one_and_half"},
    )
    assert engine.fire(round_id, "close_round", actor=KANDA).state == "closed"
    assert engine.verify().ok


def test_the_appeal_window_is_a_setting(clock: FixedClock, library: FlowLibrary) -> None:
    """A host shortens the window without editing the flow."""
    settings = {ROUND: {"appeal_days": 10}}
    with Engine(open_store("memory://"), library, clock=clock, settings=settings) as engine:
        round_id = open_round(engine)
        case_id = evaluate(engine, round_id, SOMSAK, "somchai")
        screened(engine, round_id, {"somchai": case_id})
        decided(engine, round_id, {"somchai": case_id})
        announced(engine, clock, round_id)
        due = engine.get(round_id).deadlines[0].due
        assert due == datetime(2024, 4, 10, 17, 0, tzinfo=UTC)  # 11 April begins


def test_the_survey_cannot_count_more_satisfied_than_respondents(
    engine: Engine, clock: FixedClock
) -> None:
    """The survey's figures are checked, and the round cannot close without one."""
    round_id = open_round(engine)
    case_id = evaluate(engine, round_id, SOMSAK, "somchai")
    screened(engine, round_id, {"somchai": case_id})
    decided(engine, round_id, {"somchai": case_id})
    announced(engine, clock, round_id)
    clock.set(datetime(2024, 5, 1, 2, 0, tzinfo=UTC))
    engine.sweep()
    with pytest.raises(GuardRejected, match="survey must be recorded"):
        engine.fire(round_id, "close_round", actor=KANDA)
    with pytest.raises(GuardRejected, match="cannot exceed the number of respondents"):
        engine.fire(
            round_id,
            "record_survey",
            actor=KANDA,
            data={"survey_respondents": 10, "survey_satisfied": 11},
        )


# --- the reports -------------------------------------------------------------------


@pytest.fixture
def year_2567(engine: Engine, clock: FixedClock) -> tuple[str, str]:
    """Fiscal year 2567 with two rounds, worked out by hand below.

    April (closed): somchai 1.5 steps (somying recused, her brother), somjai proposed one
    step, amended to half; manop sent back once, then one step, appeal dismissed; somsak's
    own evaluation screened with him recused, no step. Survey: 150 respondents, 123
    satisfied (82.00%). October (in review): somchai screened, not decided yet. Survey: none.
    """
    april = open_round(engine)
    somchai = evaluate(engine, april, SOMSAK, "somchai", "one_and_half")
    somjai = evaluate(engine, april, SOMYING, "somjai", "one")
    manop = evaluate(engine, april, SOMYING, "manop", "one_and_half")
    somsak = evaluate(engine, april, WICHAI, "somsak", "none")
    engine.fire(april, "open_meeting", actor=WICHAI, data={"present": "somsak, somying, amnat"})
    engine.fire(
        april,
        "declare_conflict",
        actor=SOMYING,
        data={"subject": "somchai", "relation": "relative"},
    )
    resolve(engine, april, WICHAI, SCREEN, "somchai", [(WICHAI, "yes"), (SOMSAK, "yes")])
    resolve(engine, april, WICHAI, SCREEN, "somjai", [(WICHAI, "yes"), (AMNAT, "yes")])
    resolve(engine, april, WICHAI, SCREEN, "manop", [(WICHAI, "no"), (AMNAT, "no")])
    resolve(engine, april, WICHAI, SCREEN, "somsak", [(WICHAI, "yes"), (AMNAT, "abstain")])
    for case_id in (somchai, somjai, somsak):
        engine.fire(case_id, "screen", actor=KANDA)
    engine.fire(manop, "send_back", actor=KANDA, data={"screening_note": "level too high"})
    clock.advance(days=1)
    engine.fire(
        manop, "resubmit", actor=SOMYING, data={"revision_note": "revised", "proposed_step": "one"}
    )
    resolve(engine, april, WICHAI, SCREEN, "manop", [(WICHAI, "yes"), (SOMSAK, "yes")])
    engine.fire(manop, "screen", actor=KANDA)
    engine.fire(april, "propose_results", actor=WICHAI, data={"screening_report": "4"})
    engine.fire(april, "open_meeting", actor=SOMPONG, data={"present": "wichai, somsak, pranee"})
    resolve(engine, april, SOMPONG, STEP, "somchai", [(SOMPONG, "yes"), (PRANEE, "yes")])
    resolve(engine, april, SOMPONG, STEP, "somjai", [(SOMPONG, "no"), (PRANEE, "no")])
    engine.fire(
        somjai,
        "amend_step",
        actor=KANDA,
        data={"amended_step": "half", "amendment_reason": "quota"},
    )
    resolve(engine, april, SOMPONG, STEP, "somjai", [(SOMPONG, "yes"), (WICHAI, "yes")])
    resolve(engine, april, SOMPONG, STEP, "manop", [(SOMPONG, "yes"), (WICHAI, "yes")])
    resolve(engine, april, SOMPONG, STEP, "somsak", [(SOMPONG, "yes"), (PRANEE, "yes")])
    for case_id in (somchai, somjai, manop, somsak):
        engine.fire(case_id, "decide_step", actor=KANDA)
    resolve(engine, april, SOMPONG, "approve_results", "", [(SOMPONG, "yes"), (PRANEE, "yes")])
    engine.fire(april, "approve_results", actor=KANDA)
    announced(engine, clock, april)
    engine.fire(manop, "appeal", actor=official("manop"), data={"appeal_reason": "x"})
    engine.fire(manop, "dismiss_appeal", actor=SOMPONG, data={"appeal_decision": "no grounds"})
    closed(engine, clock, april, 150, 123)
    october = open_round(engine, period="october")
    later = evaluate(engine, october, SOMSAK, "somchai", "one")
    screened(engine, october, {"somchai": later})
    return april, october


def test_the_round_report_by_hand(engine: Engine, year_2567: tuple[str, str]) -> None:
    """Each evaluation's screening, final step, appeal and resolutions; the recusals."""
    april = year_2567[0]
    found = figures(engine, round_id=april)
    assert (found["round"], found["fiscal_year"], found["period"], found["state"]) == (
        april,
        2567,
        "ครั้งที่ ๑ (๑ เมษายน)",
        state_label(engine, ROUND, "closed"),
    )
    rows = register(found)
    # Submitted at one instant, so in the order of the employees' names.
    assert [r["employee"] for r in rows] == ["manop", "somchai", "somjai", "somsak"]
    final = {step: found[f"step_{step}"] for step in ("one_and_half", "one", "half", "none")}
    assert final == {
        "one_and_half": ("somchai",),
        "one": ("manop",),
        "half": ("somjai",),
        "none": ("somsak",),
    }
    assert found["undecided"] == ()
    manop = next(r for r in rows if r["employee"] == "manop")
    assert manop["state"] == state_label(engine, EVALUATION, "appeal_dismissed")
    assert (found["appeals"], found["appeals_dismissed"]) == (1, 1)
    assert found["sent_back"] == 1  # manop, once
    assert found["amended"] == ("somjai",)
    # Who voted how on each resolution: the round's committee records (and its trail).
    first = resolutions(engine, april, "screening", "somchai")[0]
    assert (first["yes"], first["no"], first["quorum"], first["eligible"]) == (
        ["wichai", "somsak"],
        [],
        2,
        3,
    )
    assert [r["member"] for r in first["recused"]] == ["somying"]
    own = resolutions(engine, april, "screening", "somsak")[0]
    assert (own["yes"], own["abstain"], own["result"]) == (["wichai"], ["amnat"], "carried")
    assert [r["result"] for r in resolutions(engine, april, "salary_step", "somjai")] == [
        "rejected",
        "carried",
    ]
    data = engine.get(april).data
    assert [data[c]["order"] for c in ("screening", "salary_step")] == ["150/2567", "151/2567"]
    assert found["recusals_screening"] == (
        "somying: somchai (relative)",
        "somsak: somsak (เรื่องของตนเอง / own matter)",
    )
    assert found["recusals_salary_step"] == ("somsak: somsak (เรื่องของตนเอง / own matter)",)
    # 4 + 1 (manop again) screening, 5 salary-step (somjai twice) and 1 on the round.
    assert found["resolutions"] == 11
    # 123 of 150 = 82.00%, not less than 80.
    assert (found["survey_respondents"], found["survey_satisfied"]) == (150, 123)
    assert found["satisfaction_rate"] == Decimal("82.00")
    assert found["target_met"] is True


def test_the_year_report_by_hand(engine: Engine, year_2567: tuple[str, str]) -> None:
    """The figures of both rounds; the share satisfied over the year's surveys."""
    periods = [engine.get(r).data["period"] for r in year_2567]
    assert periods == ["april", "october"]
    found = figures(engine, fiscal_year="๒๕๖๗")
    assert found["fiscal_year"] == 2567
    assert found["rounds"] == 2
    assert found["evaluations"] == 5
    assert found["screened"] == 5
    assert found["awaiting_screening"] == ()
    assert found["sent_back"] == 1
    assert found["amended"] == ("somjai",)
    assert found["step_one_and_half"] == ("somchai",)
    assert found["step_one"] == ("manop",)
    assert found["step_half"] == ("somjai",)
    assert found["step_none"] == ("somsak",)
    assert found["undecided"] == ("somchai",)
    assert (found["appeals"], found["appeals_dismissed"], found["appeals_upheld"]) == (1, 1, 0)
    assert found["appeals_pending"] == 0
    # April 11; October 1 (somchai screened).
    assert found["resolutions"] == 12
    assert found["recusals_screening"] == (
        "somying: somchai (relative)",
        "somsak: somsak (เรื่องของตนเอง / own matter)",
    )
    assert found["recusals_salary_step"] == ("somsak: somsak (เรื่องของตนเอง / own matter)",)
    assert (found["survey_respondents"], found["survey_satisfied"]) == (150, 123)
    assert found["satisfaction_rate"] == Decimal("82.00")
    assert found["satisfaction_target"] == Decimal(80)
    assert found["target_met"] is True


def test_the_share_satisfied_is_pooled_over_the_year(engine: Engine, clock: FixedClock) -> None:
    """April 150/123 and October 50/35: 158 of 200 = 79.00%, below the target."""
    april = open_round(engine)
    october = open_round(engine, period="october")
    for round_id, respondents, satisfied in ((april, 150, 123), (october, 50, 35)):
        case_id = evaluate(engine, round_id, SOMSAK, "somchai")
        screened(engine, round_id, {"somchai": case_id})
        decided(engine, round_id, {"somchai": case_id})
        announced(engine, clock, round_id)
        closed(engine, clock, round_id, respondents, satisfied)
    year = figures(engine, fiscal_year=2567)
    assert (year["survey_respondents"], year["survey_satisfied"]) == (200, 158)
    assert year["satisfaction_rate"] == Decimal("79.00")
    assert year["target_met"] is False
    rates = [figures(engine, round_id=r)["satisfaction_rate"] for r in (april, october)]
    assert rates == [Decimal("82.00"), Decimal("70.00")]
    assert figures(engine, round_id=april)["target_met"] is True


def test_report_errors_are_bilingual(engine: Engine) -> None:
    """A year without a round and a case that is not a round are report errors."""
    with pytest.raises(ReportError, match="fiscal year 2566 has no salary-step round") as raised:
        figures(engine, fiscal_year=2566)
    assert "๒๕๖๖" in raised.value.message_th
    round_id = open_round(engine)
    case_id = evaluate(engine, round_id, SOMSAK, "somchai")
    with pytest.raises(ReportError, match="not a 'salary_step_round' case") as wrong:
        figures(engine, round_id=case_id)
    assert "salary_step_round" in wrong.value.message_th
    with pytest.raises(Refused):
        figures(engine, round_id="missing")


def test_the_report_is_declared_for_features(engine: Engine) -> None:
    """Features name the report by id or label; a round without a survey has no rate."""
    report = engine.reports.find("ผลการพิจารณาเลื่อนขั้นเงินเดือน")
    assert report is not None
    assert report is engine.reports.find("salary-step rounds") is engine.reports.find("salary_step")
    assert report.scope == "year"
    assert engine.reports.get("salary_step_round_report").scope == "case"
    open_round(engine)
    found = figures(engine, fiscal_year=2567)
    assert (found["rounds"], found["satisfaction_rate"], found["target_met"]) == (1, None, False)
    assert (found["citizen_results"], found["citizen_satisfaction"]) == (0, None)
    assert found["citizen_target_met"] is False


# --- the command line --------------------------------------------------------------


def test_the_command_line_reports(
    tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    """`salary-step report ROUND` and `salary-step summary --fiscal-year`."""
    path = tmp_path / "cases.db"
    with Engine.open(f"sqlite:///{path}", clock=clock) as engine:
        round_id = open_round(engine)
        case_id = evaluate(engine, round_id, SOMSAK, "somchai")
        engine.fire(round_id, "open_meeting", actor=WICHAI, data={"present": "somsak, somying"})
        engine.fire(
            round_id,
            "declare_conflict",
            actor=SOMYING,
            data={"subject": "somchai", "relation": "ญาติ"},
        )
        resolve(engine, round_id, WICHAI, SCREEN, "somchai", [(WICHAI, "yes"), (SOMSAK, "yes")])
        engine.fire(case_id, "screen", actor=KANDA)
    assert main(["salary-step", "report", round_id, "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"salary-step round report — case {round_id}" in out
    assert "ผ่านการกลั่นกรองแล้ว / screened: 1" in out
    assert "recusals (screening committee): somying: somchai (ญาติ)" in out
    # the register: employee, supervisor, ... (its columns padded to line up)
    assert "somchai | somsak |" in re.sub(r" +\| ", " | ", out)
    # The alias prints what `report salary_step_round_report --case ROUND` prints.
    assert main(["report", "salary_step_round_report", "--case", round_id, "--db", str(path)]) == 0
    assert capsys.readouterr().out == out
    # Who voted how, who was recused and why, the appointment order: the round's history.
    assert main(["case", "history", round_id, "--db", str(path)]) == 0
    history = capsys.readouterr().out
    assert "resolution of meeting 1 on screen about somchai: carried (yes 2, no 0" in history
    assert "somying recused (ญาติ)" in history
    assert "150/2567" in history
    assert (
        main(["salary-step", "summary", "--fiscal-year", "๒๕๖๗", "--db", str(path), "--json"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    shown = {f["id"]: f["value"] for f in data["figures"]}
    assert (data["report"], shown["screened"], shown["undecided"]) == (
        "salary_step",
        1,
        ["somchai"],
    )
    assert main(["salary-step", "summary", "--fiscal-year", "2566", "--db", str(path)]) == 1
    assert "fiscal year 2566 has no salary-step round" in capsys.readouterr().err
    assert main(["salary-step", "report", case_id, "--db", str(path)]) == 1
    assert "not a 'salary_step_round' case" in capsys.readouterr().err
    assert main(["salary-step", "summary", "--fiscal-year", "two", "--db", str(path)]) != 0


def test_the_docs_examples_run(capsys: pytest.CaptureFixture[str]) -> None:
    """The Python examples of docs/salary-step.md run as written and print what they say."""
    text = (Path(__file__).resolve().parents[1] / "docs" / "salary-step.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) == 2
    for index, block in enumerate(blocks):
        exec(compile(block, f"salary-step.md[{index}]", "exec"), {})  # our own documentation
    out = capsys.readouterr().out
    assert "recused (conflict of interest: ญาติ)" in out
    assert "carried ('wichai', 'somsak') ['somying']" in out
    assert "1 ('somying: somchai (ญาติ)',)" in out


def test_citizens_satisfaction_of_project_17_by_hand(engine: Engine) -> None:
    """Two public-serving employees' results, 88.50 and 71.25: a mean of 79.88, below 80;
    the employee who does not serve the public has none and does not count."""
    round_id = open_round(engine)
    for supervisor, employee, result in ((SOMSAK, "somchai", "88.5"), (SOMYING, "somjai", "71.25")):
        evaluate(
            engine,
            round_id,
            supervisor,
            employee,
            serves_public="yes",
            citizen_satisfaction=result,
            citizen_survey="service survey 2567",
        )
    evaluate(engine, round_id, SOMYING, "manop")
    found = figures(engine, fiscal_year=2567)
    assert found["citizen_results"] == 2
    assert found["citizen_satisfaction"] == Decimal("79.88")
    assert found["citizen_target_met"] is False


# --- a field as it stood at a move (the report engine's trail-read field test) -------


def test_a_field_test_reads_the_field_as_it_stood_at_a_move(
    engine: Engine, clock: FixedClock
) -> None:
    """``before``/``after`` a trigger's last move, replayed from the trail; none unmoved."""
    round_id = open_round(engine)
    case_id = evaluate(engine, round_id, SOMSAK, "somchai", "one_and_half")
    screened(engine, round_id, {"somchai": case_id})
    engine.fire(round_id, "open_meeting", actor=SOMPONG, data={"present": "wichai, pranee"})
    for amended in ("one", "half"):
        resolve(engine, round_id, SOMPONG, STEP, "somchai", [(SOMPONG, "no"), (PRANEE, "no")])
        engine.fire(
            case_id,
            "amend_step",
            actor=KANDA,
            data={"amended_step": amended, "amendment_reason": "quota"},
        )
    resolve(engine, round_id, SOMPONG, STEP, "somchai", [(SOMPONG, "yes"), (PRANEE, "yes")])
    engine.fire(case_id, "decide_step", actor=KANDA)
    resolve(engine, round_id, SOMPONG, "approve_results", "", [(SOMPONG, "yes"), (PRANEE, "yes")])
    engine.fire(round_id, "approve_results", actor=KANDA)
    announced(engine, clock, round_id)
    engine.fire(
        case_id,
        "appeal",
        actor=official("somchai"),
        data={"appeal_reason": "x", "proposed_step": "one", "amended_step": "one"},
    )
    case = engine.get(case_id)
    seen = Seen(
        case,
        engine.definition_of(case),
        clock(),
        {},
        trail=lambda: engine.history(case_id),
    )
    assert held_at_move(seen, "amended_step", ("decide_step",)) == "half"
    assert held_at_move(seen, "amended_step", ("amend_step",)) == "one"  # before the last
    assert held_at_move(seen, "amended_step", ("amend_step",), "after") == "half"
    assert held_at_move(seen, "proposed_step", ("decide_step",)) == "one_and_half"
    assert held_at_move(seen, "amended_step", ("appeal",), "after") == "one"
    assert held_at_move(seen, "step_on_appeal", ("uphold_appeal",), "after") is None
    assert held_at_move(attrs.evolve(seen, trail=None), "amended_step", ("decide_step",)) is None
    reader = Reader("<test>")
    wanted = read_condition(
        reader, "where", {"field": "amended_step", "before": "decide_step", "equals": "ครึ่งขั้น"}
    )
    assert not reader.problems
    assert matches(seen, wanted)
    assert case.data["amended_step"] == "one"  # as it stands now: not what was decided


def test_a_field_read_at_a_move_is_checked_when_loaded(
    tmp_path: Path, library: FlowLibrary
) -> None:
    """An unknown trigger, a sensitive field, or both before and after: refused with paths."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "bad.yaml").write_text(
        """reports:
  - id: bad
    label: {th: ทดสอบ, en: test}
    sets:
      evaluations: {flow: salary_step_evaluation}
      complaints: {flow: corruption_complaint}
    figures:
      - id: a
        label: {th: ก, en: a}
        count: evaluations
        where: {field: amended_step, before: decide_stepp, equals: one}
      - id: b
        label: {th: ข, en: b}
        count: complaints
        where: {field: complainant_name, before: acknowledge, present: true}
      - id: c
        label: {th: ค, en: c}
        count: evaluations
        where: {field: amended_step, before: decide_step, after: amend_step, present: true}
""",
        encoding="utf-8",
    )
    with pytest.raises(DefinitionError) as refused:
        load_catalogue([folder], library.latest(), entry_points=False)
    text = str(refused.value)
    assert "figures[0].where: flow 'salary_step_evaluation' has no trigger 'decide_stepp'" in text
    assert "figures[1].where: 'complainant_name' is sensitive or hashed" in text
    assert "figures[2].where: a field test reads 'before' or 'after' a move, not both" in text
