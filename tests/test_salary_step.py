"""Plan projects 16 and 17, the salary-step round: the flows through the Python API (the
standing measure, the citizens' survey read from project 20, committees, recusal, quorum,
separation of duties, send-back, amendment, score bands, the budget envelope, the grievance
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
MEASURE = "salary_step_measure"
SURVEY = "satisfaction_survey"
AREAS = (
    "infrastructure",
    "quality_of_life",
    "community_order",
    "planning_investment",
    "environment",
    "education_culture",
)

KANDA = Actor("kanda", roles={"personnel_officer"})
SOMPONG = Actor("sompong", roles={"chief_executive"})
WICHAI = Actor("wichai", roles={"palad", "supervisor"})
SOMSAK = Actor("somsak", roles={"head_of_unit", "supervisor"})
SOMYING = Actor("somying", roles={"head_of_unit", "supervisor"})
AMNAT = Actor("amnat", roles={"head_of_unit"})
PRANEE = Actor("pranee", roles={"school_administrator"})
SURVEYOR = Actor("malee", roles={"survey_officer"})
KJJ = Actor("kjj", roles={"kjj_secretary"})
SCREEN = "screen"
STEP = "approve_step"


def official(name: str) -> Actor:
    """An official, who may lodge a grievance about their own evaluation."""
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


def standing_measure(engine: Engine, *, weight: str = "10", announce: bool = True) -> str:
    """Project 17's standing measure, in force from 2567, drafted with ``weight`` per cent
    and (unless told otherwise) announced and published; the case id."""
    case_id = engine.start(MEASURE, actor=KANDA, data={"from_fiscal_year": 2567}).id
    engine.fire(
        case_id,
        "draft_measure",
        actor=KANDA,
        data={"measure_title": "measure", "citizen_weight": weight},
    )
    if announce:
        engine.fire(
            case_id,
            "announce_measure",
            actor=SOMPONG,
            data={"guidelines_title": "guidelines", "announcement_no": "12/2566"},
        )
        engine.fire(case_id, "publish_measure", actor=KANDA, data={"public_channels": "website"})
    return case_id


def citizen_survey(
    engine: Engine, *, period_end: str = "2023-09-30", satisfied: int = 43, report: bool = True
) -> str:
    """Project 20's survey of the half ending ``period_end``: 50 respondents in each of the
    six areas, ``satisfied`` of them satisfied (43: 258 of 300, 86.00%), reported to the
    executive unless told otherwise; the case id."""
    case_id = engine.start(SURVEY, actor=SURVEYOR, data={"period_end": period_end}).id
    areas = [{"area": a, "services": "services"} for a in AREAS]
    engine.fire(case_id, "list_services", actor=SURVEYOR, data={"service_areas": areas})
    engine.fire(
        case_id,
        "set_up_system",
        actor=SURVEYOR,
        data={"method": "qr_code", "service_points": "office"},
    )
    results = [{"area": a, "respondents": 50, "satisfied": satisfied} for a in AREAS]
    engine.fire(case_id, "record_results", actor=SURVEYOR, data={"results": results})
    if report:
        engine.fire(
            case_id,
            "report_to_executive",
            actor=SURVEYOR,
            data={"summary": "summary", "report_memo": "memo"},
        )
    return case_id


def applied(engine: Engine, round_id: str, *, salaries: str = "1000000") -> None:
    """The round applies the standing measure (made once) and the latest survey (86.00%);
    its envelope is 3% of ``salaries``."""
    measures = engine.cases(MEASURE)
    measure = measures[0].id if measures else standing_measure(engine)
    surveys = engine.cases(SURVEY)
    survey = surveys[0].id if surveys else citizen_survey(engine)
    engine.fire(
        round_id,
        "apply_measure",
        actor=KANDA,
        data={"measure": measure, "citizen_survey": survey, "salary_total": salaries},
    )


def open_round(engine: Engine, *, period: str = "april", year: int = 2567) -> str:
    """A round with the measure applied and both committees appointed; the case id.

    Screening: chair wichai, members somsak, somying, amnat (4 voting seats, quorum 2).
    Salary step: chair sompong, members amnat, somsak (heads of unit), pranee (a school
    administrator): 4 voting seats, quorum 2.
    Kanda is the secretary of both and does not vote. Envelope: 30,000 baht.
    """
    case_id = engine.start(ROUND, actor=KANDA, data={"fiscal_year": year, "period": period}).id
    applied(engine, case_id)
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
            "members": "amnat, somsak, pranee",
            "secretary": "kanda",
        },
    )
    return case_id


#: The level each supervisor's score gives with the survey's 86.00 weighed at 10%:
#: final = score x 0.9 + 8.6 (92 → 91.40, 85 → 85.10, 74 → 75.20, 60 → 62.60, 50 → 53.60).
LEVELS = {
    "92": "excellent",
    "85": "very_good",
    "74": "good",
    "60": "fair",
    "50": "needs_improvement",
}


def evaluate(
    engine: Engine,
    round_id: str,
    supervisor: Actor,
    employee: str,
    percent: str = "3",
    **extra: str,
) -> str:
    """``supervisor`` submits ``employee``'s evaluation (score 85, very good, a base of
    20,000 baht) proposing ``percent`` per cent of the base; the case id. The score is read
    from ``employee``'s agreement of the round's half-year, scored by ``supervisor`` at
    ``score`` (made here unless ``agreement`` names one)."""
    score = extra.pop("score", "85")
    agreement = extra.pop("agreement", "") or scored_agreement(
        engine, round_id, supervisor.id, employee, score
    )
    data = {
        "round": round_id,
        "employee": employee,
        "agreement": agreement,
        "level": LEVELS.get(score, "very_good"),
        "calculation_base": "20000",
        "increase_percent": percent,
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
    """The salary-step committee approves every proposed increase and the round's results."""
    engine.fire(round_id, "open_meeting", actor=SOMPONG, data={"present": "amnat, pranee"})
    for employee, case_id in cases.items():
        resolve(engine, round_id, SOMPONG, STEP, employee, [(SOMPONG, "yes"), (PRANEE, "yes")])
        engine.fire(case_id, "decide_step", actor=KANDA)
    resolve(engine, round_id, SOMPONG, "approve_results", "", [(SOMPONG, "yes"), (AMNAT, "yes")])
    engine.fire(round_id, "close_meeting", actor=SOMPONG, data={"minutes": "2/2567"})
    engine.fire(round_id, "approve_results", actor=KANDA)


def announced(engine: Engine, clock: FixedClock, round_id: str) -> None:
    """The results announced on 1 April 2567, 09:00 Thai time."""
    clock.set(datetime(2024, 4, 1, 2, 0, tzinfo=UTC))
    engine.fire(round_id, "announce_results", actor=SOMPONG, data={"salary_order_no": "300/2567"})


def closed(
    engine: Engine, clock: FixedClock, round_id: str, respondents: int, satisfied: int
) -> None:
    """The grievance window swept closed on 1 May 2567, the survey recorded, the round
    closed."""
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
    for flow_id in (ROUND, EVALUATION, MEASURE):
        definition = engine.flows.get(flow_id)
        cited = {definition.start.cites, *(t.cites for t in definition.transitions)}
        assert cited <= steps, cited - steps
    round_flow = engine.flows.get(ROUND)
    assert set(round_flow.committees) == {"screening", "salary_step"}
    assert round_flow.committees["screening"].chair is not None
    assert round_flow.committees["screening"].chair.role == "palad"
    assert not round_flow.committees["salary_step"].secretary_votes
    assert round_flow.committees["salary_step"].members.roles == (
        "head_of_unit",
        "school_administrator",
    )
    assert engine.flows.get(EVALUATION).parent is not None
    # 17/5.1 and 5.2 are the standing measure's, made once, not every round's.
    assert {t.cites for t in round_flow.transitions} & {"17/5.1", "17/5.2"} == set()
    measure = engine.flows.get(MEASURE)
    assert {t.cites for t in measure.transitions} == {"17/5.1", "17/5.2"}


def test_a_full_round_with_three_employees(engine: Engine, clock: FixedClock) -> None:
    """From the measure to the close: every evaluation screened and decided, the trail intact."""
    round_id = open_round(engine)
    assert engine.get(round_id).state == "committees_appointed"
    cases = {
        "somchai": evaluate(engine, round_id, SOMSAK, "somchai", "5", score="92"),
        "somjai": evaluate(engine, round_id, SOMYING, "somjai", "3"),
        "manop": evaluate(engine, round_id, SOMYING, "manop", "1.5", score="74"),
    }
    somchai = engine.get(cases["somchai"]).data
    assert (somchai["citizen_satisfaction"], somchai["citizen_weight"]) == ("86.00", "10")
    assert (somchai["final_score"], somchai["level_by_score"]) == ("91.40", "excellent")
    assert somchai["increase"] == "1000.00"
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


def test_the_measure_is_made_once_and_the_rounds_refer_to_it(engine: Engine) -> None:
    """Project 17's measure is one case: drafted with its weight, announced by the Chief
    Executive, published; both rounds of the year apply the same one, and none can before
    it is announced."""
    measure = standing_measure(engine, announce=False)
    with pytest.raises(GuardRejected, match="already exists"):
        engine.start(MEASURE, actor=KANDA, data={"from_fiscal_year": 2567})
    with pytest.raises(NotAuthorized, match="Chief Executive"):
        engine.fire(
            measure,
            "announce_measure",
            actor=KANDA,
            data={"guidelines_title": "g", "announcement_no": "1"},
        )
    survey = citizen_survey(engine)
    april = engine.start(ROUND, actor=KANDA, data={"fiscal_year": 2567, "period": "april"}).id
    data = {"measure": measure, "citizen_survey": survey, "salary_total": "1000000"}
    with pytest.raises(InvalidData) as early:
        engine.fire(april, "apply_measure", actor=KANDA, data=data)
    assert "'measure applied' must be in 'measure announced' or 'measure published'" in (
        early.value.message_en
    )
    assert "'มาตรการที่นำมาใช้'" in early.value.message_th
    engine.fire(
        measure,
        "announce_measure",
        actor=SOMPONG,
        data={"guidelines_title": "g", "announcement_no": "1"},
    )
    engine.fire(april, "apply_measure", actor=KANDA, data=data)
    october = engine.start(ROUND, actor=KANDA, data={"fiscal_year": 2567, "period": "october"}).id
    engine.fire(october, "apply_measure", actor=KANDA, data=data)
    assert {engine.get(r).data["measure"] for r in (april, october)} == {measure}
    assert engine.get(april).data["citizen_weight"] == "10"
    with pytest.raises(InvalidData, match="public channels"):
        engine.fire(measure, "publish_measure", actor=KANDA)
    engine.fire(measure, "publish_measure", actor=KANDA, data={"public_channels": "web"})
    with pytest.raises(GuardRejected, match="must not exceed 30%"):
        engine.fire(
            engine.start(MEASURE, actor=KANDA, data={"from_fiscal_year": 2568}).id,
            "draft_measure",
            actor=KANDA,
            data={"measure_title": "m", "citizen_weight": "40"},
        )


def test_the_citizens_satisfaction_comes_from_the_survey_not_the_supervisor(
    engine: Engine,
) -> None:
    """The round reads the figure of a survey reported to the executive; the evaluation
    reads it from the round and weighs it; typing it in is refused, naming the field."""
    standing_measure(engine)
    unreported = citizen_survey(engine, report=False)
    round_id = engine.start(ROUND, actor=KANDA, data={"fiscal_year": 2567, "period": "april"}).id
    with pytest.raises(InvalidData, match="'citizens' survey applied' must be in 'reported"):
        engine.fire(
            round_id,
            "apply_measure",
            actor=KANDA,
            data={
                "measure": engine.cases(MEASURE)[0].id,
                "citizen_survey": unreported,
                "salary_total": "1",
            },
        )
    with pytest.raises(InvalidData, match="no 'satisfaction_survey' case 'R-1'"):
        engine.fire(
            round_id,
            "apply_measure",
            actor=KANDA,
            data={"measure": engine.cases(MEASURE)[0].id, "citizen_survey": "R-1"},
        )
    engine.fire(
        unreported, "report_to_executive", actor=SURVEYOR, data={"summary": "s", "report_memo": "m"}
    )
    engine.fire(
        round_id,
        "apply_measure",
        actor=KANDA,
        data={
            "measure": engine.cases(MEASURE)[0].id,
            "citizen_survey": unreported,
            "salary_total": "1000000",
        },
    )
    assert engine.get(round_id).data["citizen_satisfaction"] == "86.00"
    with pytest.raises(InvalidData, match="'citizens' satisfaction \\(%\\)' is read from the case"):
        engine.fire(
            round_id,
            "appoint_screening_committee",
            actor=SOMPONG,
            data={"citizen_satisfaction": "99"},
        )


def test_the_chief_executive_appoints_and_the_members_hold_their_roles(engine: Engine) -> None:
    """Only the Chief Executive appoints; the screening chair must be a Palad; a member of
    the salary-step committee must be a head of unit or a school administrator."""
    case_id = engine.start(ROUND, actor=KANDA, data={"fiscal_year": 2567, "period": "april"}).id
    applied(engine, case_id)
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


def test_a_salary_step_member_must_be_a_head_of_unit_or_school_administrator(
    engine: Engine,
) -> None:
    """16/5.2: a member holding neither role may not vote; the appointment itself is
    refused when the directory knows the appointee holds neither."""
    round_id = open_round(engine)
    case_id = evaluate(engine, round_id, SOMSAK, "somchai")
    screened(engine, round_id, {"somchai": case_id})
    engine.fire(round_id, "open_meeting", actor=SOMPONG, data={"present": "amnat, pranee"})
    vote(engine, round_id, PRANEE, STEP, "somchai")
    with pytest.raises(NotAuthorized) as refused:
        vote(engine, round_id, Actor("amnat", roles={"palad"}), STEP, "somchai")
    assert "must hold the role 'head_of_unit' or 'school_administrator'" in (
        refused.value.message_en
    )


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
    agreement = scored_agreement(engine, round_id, "somsak", "somchai", "85")
    with pytest.raises(InvalidData, match="no 'salary_step_round' case 'nope'"):
        evaluate(engine, "nope", SOMSAK, "somchai", agreement=agreement)


@pytest.mark.parametrize(
    ("extra", "wanted"),
    [
        ({"level": "excellent"}, "'evaluation level' does not agree with the evaluation score"),
        ({"score": "92", "level": "very_good"}, "does not agree with the evaluation score's band"),
        ({"score": "101"}, "a level of the scoring criteria must be from 1 to 5"),
        ({"increase_percent": "6.5"}, "must not exceed 6% of the calculation base"),
        ({"score": "50", "increase_percent": "1"}, "needs improvement gets no increase"),
    ],
)
def test_score_level_and_increase_must_agree_with_the_rules(
    engine: Engine, extra: dict[str, str], wanted: str
) -> None:
    """The level is the final score's band (90/80/70/60); at most 6% of the base; none for
    needs improvement. Each refusal names the field."""
    round_id = open_round(engine)
    with pytest.raises(GuardRejected, match=wanted):
        evaluate(engine, round_id, SOMSAK, "somchai", **extra)


def test_the_score_bands_at_their_edges(engine: Engine) -> None:
    """A final score of exactly 90.00 is excellent; 89.99 very good (weight 10%, 86.00)."""
    round_id = open_round(engine)
    # 91.333... x 0.9 + 8.6 = 90.80; 90.1 x 0.9 + 8.6 = 89.69
    top = evaluate(engine, round_id, SOMSAK, "a", score="91.6", level="excellent")
    assert engine.get(top).data["final_score"] == "91.04"
    below = evaluate(engine, round_id, SOMSAK, "b", score="90.4", level="very_good")
    assert engine.get(below).data["final_score"] == "89.96"
    edge = evaluate(engine, round_id, SOMSAK, "c", score="90.44444", level="excellent")
    assert engine.get(edge).data["final_score"] == "90.00"


def test_an_evaluation_sent_back_and_resubmitted_needs_a_new_resolution(
    engine: Engine, clock: FixedClock
) -> None:
    """Rejected: sent back with reasons; resubmitted by its supervisor; resolved afresh."""
    round_id = open_round(engine)
    case_id = evaluate(engine, round_id, SOMSAK, "somchai", "5")
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
        case_id,
        "resubmit",
        actor=SOMSAK,
        data={"revision_note": "lowered", "increase_percent": "3"},
    )
    with pytest.raises(GuardRejected, match="no resolution"):
        engine.fire(case_id, "send_back", actor=KANDA, data={"screening_note": "again"})
    resolve(engine, round_id, WICHAI, SCREEN, "somchai", [(WICHAI, "yes"), (SOMYING, "yes")])
    engine.fire(case_id, "screen", actor=KANDA)
    engine.fire(round_id, "propose_results", actor=WICHAI, data={"screening_report": "2"})
    found = figures(engine, round_id=round_id)
    assert (found["sent_back"], found["screened"], found["awaiting_screening"]) == (1, 2, ())
    row = next(r for r in register(found) if r["employee"] == "somchai")
    assert (row["increase_percent"], row["increase"]) == ("3", "600.00")
    assert [r["result"] for r in resolutions(engine, round_id, "screening", "somchai")] == [
        "rejected",
        "carried",
    ]


def test_the_salary_step_committee_amends_an_increase_on_its_resolution(engine: Engine) -> None:
    """Not approved as proposed: the amended increase and its reason, then approved."""
    round_id = open_round(engine)
    case_id = evaluate(engine, round_id, SOMSAK, "somchai", "5")
    screened(engine, round_id, {"somchai": case_id})
    engine.fire(round_id, "open_meeting", actor=SOMPONG, data={"present": "amnat, pranee"})
    resolve(engine, round_id, SOMPONG, STEP, "somchai", [(SOMPONG, "no"), (PRANEE, "no")])
    with pytest.raises(GuardRejected, match="rejected"):
        engine.fire(case_id, "decide_step", actor=KANDA)
    with pytest.raises(InvalidData, match="reason for the amendment"):
        engine.fire(case_id, "amend_step", actor=KANDA, data={"increase_percent": "3"})
    with pytest.raises(GuardRejected, match="must not exceed 6%"):
        engine.fire(
            case_id,
            "amend_step",
            actor=KANDA,
            data={"increase_percent": "7", "amendment_reason": "more"},
        )
    engine.fire(
        case_id,
        "amend_step",
        actor=KANDA,
        data={"อัตราร้อยละการเลื่อนเงินเดือน": "3", "amendment_reason": "envelope"},
    )
    resolve(engine, round_id, SOMPONG, STEP, "somchai", [(SOMPONG, "yes"), (AMNAT, "yes")])
    assert engine.fire(case_id, "decide_step", actor=KANDA).state == "decided"
    found = figures(engine, round_id=round_id)
    assert (found["amended"], found["increases_total"]) == (("somchai",), Decimal("600.00"))
    assert register(found)[0]["increase"] == "600.00"


def test_the_increases_stay_within_the_envelope(engine: Engine) -> None:
    """The auditor's first check: the round's increases may not exceed 3% of its
    salaries; proposing or approving more is refused, naming the envelope."""
    round_id = engine.start(ROUND, actor=KANDA, data={"fiscal_year": 2567, "period": "april"}).id
    applied(engine, round_id, salaries="60000")  # an envelope of 1,800 baht
    assert engine.get(round_id).data["envelope"] == "1800.00"
    engine.fire(
        round_id,
        "appoint_screening_committee",
        actor=SOMPONG,
        data={"order": "1", "chair": "wichai", "members": "somsak, amnat", "secretary": "kanda"},
    )
    engine.fire(
        round_id,
        "appoint_salary_committee",
        actor=SOMPONG,
        data={"order": "2", "chair": "sompong", "members": "somsak, pranee", "secretary": "kanda"},
    )
    cases = {
        "somchai": evaluate(engine, round_id, SOMSAK, "somchai", "5"),  # 1,000 baht
        "somjai": evaluate(engine, round_id, SOMYING, "somjai", "5"),  # 1,000 baht
    }
    engine.fire(round_id, "open_meeting", actor=WICHAI, data={"present": "somsak, amnat"})
    for employee, case_id in cases.items():
        resolve(engine, round_id, WICHAI, SCREEN, employee, [(WICHAI, "yes"), (AMNAT, "yes")])
        engine.fire(case_id, "screen", actor=KANDA)
    with pytest.raises(GuardRejected) as refused:
        engine.fire(round_id, "propose_results", actor=WICHAI, data={"screening_report": "2"})
    assert "exceeds the budget envelope of the round (baht)" in refused.value.message_en
    assert "วงเงินการเลื่อนเงินเดือนของรอบ" in refused.value.message_th
    engine.fire(round_id, "close_meeting", actor=WICHAI, data={"minutes": "1"})
    found = figures(engine, round_id=round_id)
    assert (found["envelope"], found["increases_total"]) == (Decimal("1800.00"), 0)
    assert engine.get(round_id).state == "screening"


# --- the grievance window ---------------------------------------------------------


def test_a_grievance_in_the_window_and_a_late_one(engine: Engine, clock: FixedClock) -> None:
    """Open from the announcement to the end of day 30; the sweep closes it; then refused.
    ก.จ.จ. decides: its secretary records the resolution; the Chief Executive, who chaired
    the committee and signed the order, may not; nobody rewrites the increase meanwhile."""
    round_id = open_round(engine)
    cases = {
        "somchai": evaluate(engine, round_id, SOMSAK, "somchai"),
        "somjai": evaluate(engine, round_id, SOMYING, "somjai"),
    }
    screened(engine, round_id, cases)
    decided(engine, round_id, cases)
    grieve = {"grievance_reason": "early"}
    with pytest.raises(GuardRejected, match="grievance window is not open"):
        engine.fire(cases["somchai"], "lodge_grievance", actor=official("somchai"), data=grieve)
    announced(engine, clock, round_id)
    due = engine.get(round_id).deadlines[0]
    assert (due.trigger, due.due) == ("close_grievances", datetime(2024, 4, 30, 17, 0, tzinfo=UTC))
    clock.set(datetime(2024, 4, 30, 16, 59, tzinfo=UTC))  # 30 April, 23:59 Thai time
    assert engine.sweep() == []
    with pytest.raises(NotAuthorized, match="lodges the grievance in person"):
        engine.fire(
            cases["somchai"],
            "lodge_grievance",
            actor=official("somjai"),
            data={"grievance_reason": "for him"},
        )
    with pytest.raises(GuardRejected, match="this step may not change 'increase"):
        engine.fire(
            cases["somchai"],
            "lodge_grievance",
            actor=official("somchai"),
            data={"grievance_reason": "road project", "increase_percent": "6"},
        )
    lodged = engine.fire(
        cases["somchai"],
        "lodge_grievance",
        actor=official("somchai"),
        data={"grievance_reason": "road project"},
    )
    assert (lodged.state, lodged.data["grieved_on"]) == ("grievance_lodged", "2024-04-30")
    clock.set(datetime(2024, 4, 30, 17, 0, tzinfo=UTC))  # 1 May begins
    assert [c.state for c in engine.sweep()] == ["grievances_closed"]
    assert engine.history(round_id)[-1].actor == "system"
    with pytest.raises(GuardRejected, match="window is not open"):
        engine.fire(
            cases["somjai"],
            "lodge_grievance",
            actor=official("somjai"),
            data={"grievance_reason": "late"},
        )
    engine.fire(
        round_id,
        "record_survey",
        actor=KANDA,
        data={"survey_respondents": 10, "survey_satisfied": 9},
    )
    undecided = re.escape("a grievance has not been decided by ก.จ.จ. yet")
    with pytest.raises(GuardRejected, match=undecided):
        engine.fire(round_id, "close_round", actor=KANDA)
    decision = {"kjj_resolution": "5/2567", "grievance_decision": "no"}
    with pytest.raises(NotAuthorized, match=re.escape("secretary of ก.จ.จ.")):
        engine.fire(cases["somchai"], "dismiss_grievance", actor=SOMPONG, data=decision)
    both = Actor("sompong", roles={"chief_executive", "kjj_secretary"})
    with pytest.raises(NotAuthorized, match="who chaired the committee and signed the order"):
        engine.fire(cases["somchai"], "dismiss_grievance", actor=both, data=decision)
    with pytest.raises(InvalidData, match=re.escape("ก.จ.จ. resolution")):
        engine.fire(
            cases["somchai"], "dismiss_grievance", actor=KJJ, data={"grievance_decision": "no"}
        )
    engine.fire(
        cases["somchai"],
        "uphold_grievance",
        actor=KJJ,
        data={**decision, "grievance_decision": "yes", "increase_percent": "4"},
    )
    assert engine.get(cases["somchai"]).data["increase"] == "800.00"
    assert engine.fire(round_id, "close_round", actor=KANDA).state == "closed"
    assert engine.verify().ok


def test_the_grievance_window_is_a_setting(clock: FixedClock, library: FlowLibrary) -> None:
    """A host shortens the window without editing the flow."""
    settings = {ROUND: {"grievance_days": 10}}
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

    April (closed): somchai 5% of 20,000 baht, 1,000 (somying recused, her brother), somjai
    proposed 3%, amended to 1.5%, 300; manop sent back once, then 3%, 600, grievance
    dismissed by ก.จ.จ.; somsak's own evaluation screened with him recused, no increase.
    Total 1,900 baht of an envelope of 30,000. Survey: 150 respondents, 123 satisfied
    (82.00%). October (in review): somchai screened, not decided yet. Survey: none.
    """
    april = open_round(engine)
    somchai = evaluate(engine, april, SOMSAK, "somchai", "5", score="92")
    somjai = evaluate(engine, april, SOMYING, "somjai", "3")
    manop = evaluate(engine, april, SOMYING, "manop", "6")
    somsak = evaluate(engine, april, WICHAI, "somsak", "0")
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
        manop, "resubmit", actor=SOMYING, data={"revision_note": "revised", "increase_percent": "3"}
    )
    resolve(engine, april, WICHAI, SCREEN, "manop", [(WICHAI, "yes"), (SOMSAK, "yes")])
    engine.fire(manop, "screen", actor=KANDA)
    engine.fire(april, "propose_results", actor=WICHAI, data={"screening_report": "4"})
    engine.fire(april, "open_meeting", actor=SOMPONG, data={"present": "amnat, somsak, pranee"})
    resolve(engine, april, SOMPONG, STEP, "somchai", [(SOMPONG, "yes"), (PRANEE, "yes")])
    resolve(engine, april, SOMPONG, STEP, "somjai", [(SOMPONG, "no"), (PRANEE, "no")])
    engine.fire(
        somjai,
        "amend_step",
        actor=KANDA,
        data={"increase_percent": "1.5", "amendment_reason": "envelope"},
    )
    resolve(engine, april, SOMPONG, STEP, "somjai", [(SOMPONG, "yes"), (AMNAT, "yes")])
    resolve(engine, april, SOMPONG, STEP, "manop", [(SOMPONG, "yes"), (AMNAT, "yes")])
    resolve(engine, april, SOMPONG, STEP, "somsak", [(SOMPONG, "yes"), (PRANEE, "yes")])
    for case_id in (somchai, somjai, manop, somsak):
        engine.fire(case_id, "decide_step", actor=KANDA)
    resolve(engine, april, SOMPONG, "approve_results", "", [(SOMPONG, "yes"), (PRANEE, "yes")])
    engine.fire(april, "approve_results", actor=KANDA)
    announced(engine, clock, april)
    engine.fire(manop, "lodge_grievance", actor=official("manop"), data={"grievance_reason": "x"})
    engine.fire(
        manop,
        "dismiss_grievance",
        actor=KJJ,
        data={"kjj_resolution": "5/2567", "grievance_decision": "no grounds"},
    )
    closed(engine, clock, april, 150, 123)
    october = open_round(engine, period="october")
    later = evaluate(engine, october, SOMSAK, "somchai", "3")
    screened(engine, october, {"somchai": later})
    return april, october


def test_the_round_report_by_hand(engine: Engine, year_2567: tuple[str, str]) -> None:
    """Each evaluation's scores, screening, increase, grievance and resolutions; the
    recusals; the measure and survey applied."""
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
    increases = {r["employee"]: r["increase"] for r in rows}
    assert increases == {
        "somchai": "1000.00",
        "manop": "600.00",
        "somjai": "300.00",
        "somsak": "0.00",
    }
    somchai = next(r for r in rows if r["employee"] == "somchai")
    assert (somchai["score"], somchai["citizen_satisfaction"], somchai["final_score"]) == (
        "92.00",
        "86.00",
        "91.40",
    )
    assert somchai["level"] == "ดีเด่น"
    assert (found["increases_total"], found["envelope"]) == (
        Decimal("1900.00"),
        Decimal("30000.00"),
    )
    assert found["within_envelope"] is True
    assert found["undecided"] == ()
    manop = next(r for r in rows if r["employee"] == "manop")
    assert manop["state"] == state_label(engine, EVALUATION, "grievance_dismissed")
    assert (found["grievances"], found["grievances_dismissed"]) == (1, 1)
    assert (found["citizen_satisfaction"], found["citizen_weight"]) == (Decimal("86.00"), 10)
    assert found["measure"] == engine.cases(MEASURE)[0].id
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
    # October's increase is not decided yet: April's 1,900 of the year's 60,000.
    assert (found["increases_total"], found["envelope"]) == (
        Decimal("1900.00"),
        Decimal("60000.00"),
    )
    assert found["within_envelope"] is True
    assert found["undecided"] == ("somchai",)
    assert (found["grievances"], found["grievances_dismissed"], found["grievances_upheld"]) == (
        1,
        1,
        0,
    )
    assert found["grievances_pending"] == 0
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
    # The survey applied ended on 30 September 2566: fiscal year 2566's, none in 2567 yet.
    assert (found["citizen_satisfaction"], found["citizen_target_met"]) == (None, False)


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
    assert "86.00 30000.00" in out
    assert "91.40 1000.00" in out


def test_citizens_satisfaction_of_project_17_is_the_survey_of_the_year(
    engine: Engine, clock: FixedClock
) -> None:
    """Project 17's output is the PAO's survey of the fiscal year (project 20), the figure
    the rounds weigh: two halves of 2567, 86.00% and 70.00%, pool to 78.00%, below 80;
    projects 19 and 23 read the same figure; the complaint outcomes are declared too."""
    open_round(engine)
    clock.set(datetime(2024, 10, 7, 2, 0, tzinfo=UTC))  # Monday 7 October 2567
    citizen_survey(engine, period_end="2024-03-31")
    citizen_survey(engine, period_end="2024-09-30", satisfied=35)
    found = figures(engine, fiscal_year=2567)
    assert found["citizen_satisfaction"] == Decimal("78.00")
    assert found["citizen_target_met"] is False
    delegation = {f.key: f.value for f in run_report(engine, "delegation_orders", fiscal_year=2567)}
    assert delegation["citizen_satisfaction"] == Decimal("78.00")
    measured = {
        (r.id, f.id): f.measures
        for r in engine.reports
        if r.id in ("salary_step", "delegation_orders")
        for f in r.figures
        if f.measures
    }
    assert measured["salary_step", "fewer_personnel_complaints"] == ("16/outcome.1",)
    assert measured["salary_step", "fewer_complaints"] == ("17/outcome.1",)
    assert measured["salary_step", "citizen_satisfaction"] == ("17/output.1",)
    assert measured["delegation_orders", "citizen_satisfaction"] == ("19/outcome.1", "23/outcome.1")


# --- a field as it stood at a move (the report engine's trail-read field test) -------


def test_a_field_test_reads_the_field_as_it_stood_at_a_move(
    engine: Engine, clock: FixedClock
) -> None:
    """``before``/``after`` a trigger's last move, replayed from the trail; none unmoved."""
    round_id = open_round(engine)
    case_id = evaluate(engine, round_id, SOMSAK, "somchai", "5")
    screened(engine, round_id, {"somchai": case_id})
    engine.fire(round_id, "open_meeting", actor=SOMPONG, data={"present": "amnat, pranee"})
    for amended in ("3", "1.5"):
        resolve(engine, round_id, SOMPONG, STEP, "somchai", [(SOMPONG, "no"), (PRANEE, "no")])
        engine.fire(
            case_id,
            "amend_step",
            actor=KANDA,
            data={"increase_percent": amended, "amendment_reason": "envelope"},
        )
    resolve(engine, round_id, SOMPONG, STEP, "somchai", [(SOMPONG, "yes"), (PRANEE, "yes")])
    engine.fire(case_id, "decide_step", actor=KANDA)
    resolve(engine, round_id, SOMPONG, "approve_results", "", [(SOMPONG, "yes"), (PRANEE, "yes")])
    engine.fire(round_id, "approve_results", actor=KANDA)
    announced(engine, clock, round_id)
    engine.fire(
        case_id, "lodge_grievance", actor=official("somchai"), data={"grievance_reason": "x"}
    )
    engine.fire(
        case_id,
        "uphold_grievance",
        actor=KJJ,
        data={"kjj_resolution": "5/2567", "grievance_decision": "y", "increase_percent": "4"},
    )
    case = engine.get(case_id)
    seen = Seen(
        case,
        engine.definition_of(case),
        clock(),
        {},
        trail=lambda: engine.history(case_id),
    )
    assert held_at_move(seen, "increase_percent", ("decide_step",)) == "1.5"
    assert held_at_move(seen, "increase_percent", ("amend_step",)) == "3"  # before the last
    assert held_at_move(seen, "increase_percent", ("amend_step",), "after") == "1.5"
    assert held_at_move(seen, "increase_percent", ("screen",)) == "5"
    assert held_at_move(seen, "increase_percent", ("uphold_grievance",), "after") == "4"
    assert held_at_move(seen, "kjj_resolution", ("dismiss_grievance",), "after") is None
    assert (
        held_at_move(attrs.evolve(seen, trail=None), "increase_percent", ("decide_step",)) is None
    )
    reader = Reader("<test>")
    wanted = read_condition(
        reader, "where", {"field": "increase_percent", "before": "decide_step", "equals": "1.5"}
    )
    assert not reader.problems
    assert matches(seen, wanted)
    assert case.data["increase_percent"] == "4"  # as it stands now: not what was decided


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
        where: {field: increase_percent, before: decide_stepp, equals: "3"}
      - id: b
        label: {th: ข, en: b}
        count: complaints
        where: {field: complainant_name, before: acknowledge, present: true}
      - id: c
        label: {th: ค, en: c}
        count: evaluations
        where: {field: increase_percent, before: decide_step, after: amend_step, present: true}
""",
        encoding="utf-8",
    )
    with pytest.raises(DefinitionError) as refused:
        load_catalogue([folder], library.latest(), entry_points=False)
    text = str(refused.value)
    assert "figures[0].where: flow 'salary_step_evaluation' has no trigger 'decide_stepp'" in text
    assert "figures[1].where: 'complainant_name' is sensitive or hashed" in text
    assert "figures[2].where: a field test reads 'before' or 'after' a move, not both" in text


# --- project 26: the performance agreement of the half-year ---------------------------

DIMENSIONS = (
    "public_benefit",
    "mission_results",
    "efficiency",
    "fewer_steps",
    "public_service",
    "development",
)
MALEE = Actor("malee", roles={"coordinator"})


def year_case(engine: Engine, fiscal_year: int = 2567) -> str:
    """Project 26's case of ``fiscal_year`` with its indicator sheet (made once); its id."""
    for case in engine.cases("performance_agreements"):
        if case.data["fiscal_year"] == fiscal_year:
            return case.id
    year = engine.start("performance_agreements", actor=MALEE, data={"fiscal_year": fiscal_year}).id
    indicators = [
        {"indicator": d, "dimension": d, "target": 80, "overseer": "Strategy Division"}
        for d in DIMENSIONS
    ]
    engine.fire(year, "select_indicators", actor=MALEE, data={"indicators": indicators})
    return year


def signed_agreement(
    engine: Engine,
    subordinate: str,
    half: str = "first",
    *,
    sign: bool = True,
    superior: str = "somsak",
    fiscal_year: int = 2567,
) -> str:
    """Project 26: the indicator sheet of ``fiscal_year``, and ``subordinate``'s agreement
    with ``superior`` of ``half`` (one indicator, roads repaired, target 80, weight 100),
    signed by both unless told otherwise; the agreement's case id."""
    agreement = engine.start(
        "performance_agreement",
        actor=MALEE,
        data={
            "year": year_case(engine, fiscal_year),
            "half": half,
            "level": "head_staff",
            "unit": "Public Works Division",
            "superior": superior,
            "subordinate": subordinate,
            "agreed_indicators": [{"indicator": "roads repaired", "target": 80, "weight": 100}],
        },
    ).id
    if sign:
        engine.fire(agreement, "sign_as_subordinate", actor=Actor(subordinate, roles={"party"}))
        engine.fire(agreement, "sign_as_superior", actor=Actor(superior, roles={"party"}))
    return agreement


def score_agreement(engine: Engine, agreement: str, superior: str, score: str) -> None:
    """``superior`` scores the one-indicator agreement so its half-year score is ``score``
    (level = score / 20, the indicator met)."""
    level = Decimal(score) / 20
    engine.fire(
        agreement,
        "score_agreement",
        actor=Actor(superior, roles={"party"}),
        data={
            "agreed_indicators": [
                {"indicator": "roads repaired", "result": 90, "level": str(level)}
            ]
        },
    )


def scored_agreement(
    engine: Engine, round_id: str, superior: str, employee: str, score: str
) -> str:
    """``employee``'s agreement of the half ``round_id`` evaluates, scored ``score`` by
    ``superior``: the one already scored when there is one, else made, signed and scored."""
    round_data = engine.get(round_id).data
    half = "first" if round_data["period"] == "april" else "second"
    fiscal_year = int(round_data["fiscal_year"])
    year = year_case(engine, fiscal_year)
    for case in engine.cases("performance_agreement"):
        data = case.data
        if (data["year"], data["half"], data["subordinate"]) == (year, half, employee):
            if case.state == "signed":
                score_agreement(engine, case.id, superior, score)
            return case.id
    agreement = signed_agreement(engine, employee, half, superior=superior, fiscal_year=fiscal_year)
    score_agreement(engine, agreement, superior, score)
    return agreement


def test_the_evaluation_takes_its_score_from_the_employees_scored_agreement(
    engine: Engine,
) -> None:
    """Project 26's agreement is the first part of the evaluation and gives its score: the
    employee's own, scored by the superior, of the round's fiscal year and of the half-year
    the round evaluates (April: October to March). It is required and the score is never
    typed again."""
    round_id = open_round(engine)
    own = signed_agreement(engine, "somchai")
    score_agreement(engine, own, "somsak", "92")
    other = signed_agreement(engine, "somjai")
    score_agreement(engine, other, "somsak", "92")
    later = signed_agreement(engine, "manop", "second")
    score_agreement(engine, later, "somsak", "92")
    unscored = signed_agreement(engine, "somying")
    unsigned = signed_agreement(engine, "amnat", sign=False)
    last_year = signed_agreement(engine, "pranee", fiscal_year=2566)
    score_agreement(engine, last_year, "somsak", "92")
    case_id = evaluate(engine, round_id, SOMSAK, "somchai", score="92", agreement=own)
    data = engine.get(case_id).data
    assert (data["agreement_subordinate"], data["agreement_half"]) == ("somchai", "first")
    assert data["half_evaluated"] == "first"
    assert (data["score"], data["final_score"], data["level_by_score"]) == (
        "92.00",
        "91.40",
        "excellent",
    )
    with pytest.raises(GuardRejected, match="must be the employee's own agreement"):
        evaluate(engine, round_id, SOMSAK, "somjai2", score="92", agreement=other)
    with pytest.raises(GuardRejected, match="of the half-year the round evaluates"):
        evaluate(engine, round_id, SOMSAK, "manop", score="92", agreement=later)
    with pytest.raises(GuardRejected, match="must be of the round's fiscal year"):
        evaluate(engine, round_id, SOMSAK, "pranee", score="92", agreement=last_year)
    with pytest.raises(InvalidData, match="must be in 'scored' \\(now: 'signed by both'\\)"):
        evaluate(engine, round_id, SOMSAK, "somying", agreement=unscored)
    with pytest.raises(InvalidData, match="must be in 'scored'"):
        evaluate(engine, round_id, SOMSAK, "amnat", agreement=unsigned)
    typed = {
        "round": round_id,
        "employee": "somjai",
        "agreement": other,
        "score": "85",
        "level": "very_good",
        "calculation_base": "20000",
        "increase_percent": "3",
    }
    with pytest.raises(InvalidData, match="'score of the agreement' is read from the case"):
        engine.start(EVALUATION, actor=SOMSAK, data=typed)
    with pytest.raises(GuardRejected, match="'performance agreement of the half-year' is required"):
        engine.start(
            EVALUATION,
            actor=SOMSAK,
            data={
                "round": round_id,
                "employee": "somjai",
                "level": "very_good",
                "calculation_base": "20000",
                "increase_percent": "3",
            },
        )
    assert engine.verify().ok


def test_the_agreement_is_scored_by_its_superior_with_a_remedy_for_a_missed_indicator(
    engine: Engine,
) -> None:
    """The superior, not the subordinate, scores the agreement at the half-year: per
    indicator the result and the level (1 to 5), the score the weighted levels / 5; an
    indicator below its target needs a remedy."""
    agreement = engine.start(
        "performance_agreement",
        actor=MALEE,
        data={
            "year": year_case(engine),
            "half": "first",
            "level": "head_staff",
            "unit": "Public Works Division",
            "superior": "somsak",
            "subordinate": "somchai",
            "agreed_indicators": [
                {"indicator": "roads repaired", "target": 12, "weight": 60},
                {"indicator": "projects completed (%)", "target": 90, "weight": 40},
            ],
        },
    ).id
    engine.fire(agreement, "sign_as_subordinate", actor=Actor("somchai", roles={"party"}))
    engine.fire(agreement, "sign_as_superior", actor=Actor("somsak", roles={"party"}))
    results = [
        {"indicator": "roads repaired", "result": 12, "level": 5},
        {"indicator": "projects completed (%)", "result": 85, "level": 4},
    ]
    with pytest.raises(NotAuthorized, match="only the superior named in the agreement"):
        engine.fire(
            agreement,
            "score_agreement",
            actor=Actor("somchai", roles={"party"}),
            data={"agreed_indicators": results},
        )
    with pytest.raises(GuardRejected, match="missed its target needs a remedy"):
        engine.fire(
            agreement,
            "score_agreement",
            actor=Actor("somsak", roles={"party"}),
            data={"agreed_indicators": results},
        )
    with pytest.raises(InvalidData, match="weight"):
        engine.fire(
            agreement,
            "score_agreement",
            actor=Actor("somsak", roles={"party"}),
            data={"agreed_indicators": [{"indicator": "roads repaired", "weight": 100}]},
        )
    remedy = {"indicator": "projects completed (%)", "remedy": "speed up the contracts"}
    case = engine.fire(
        agreement,
        "score_agreement",
        actor=Actor("somsak", roles={"party"}),
        data={"agreed_indicators": results, "remedies": [remedy]},
    )
    assert case.state == "scored"
    assert (case.data["half_year_score"], case.data["indicators_missed"]) == ("92.00", 1)
    assert case.data["scored_by"] == "somsak"
    assert engine.verify().ok
