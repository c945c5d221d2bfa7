"""Plan projects 29, 30 and 37: the internal audit cycle with its engagements and
recommendations, the internal control evaluation with its documents and actions, the
provincial inspection, the reports (compared with figures computed by hand from the same
cases) and the command line."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.calendars import THAI_TZ
from integrity_flows.cli import main
from integrity_flows.errors import GuardRejected, NotAuthorized, Refused
from integrity_flows.guards import GuardRegistry
from integrity_flows.loading import FlowLibrary, default_registry, load_library
from integrity_flows.plan.catalogue import load_plan
from integrity_flows.reports import (
    ReportError,
)
from integrity_flows.reports.catalogue import run_report
from integrity_flows.stores import open_store
from integrity_flows.testing.world import World

# 2 October 2566, 09:00 Thai time.
T0 = datetime(2023, 10, 2, 2, 0, tzinfo=UTC)

HEAD = Actor("somsri", roles={"head_of_audit"}, unit="หน่วยตรวจสอบภายใน")
PRANEE = Actor("pranee", roles={"auditor"}, unit="หน่วยตรวจสอบภายใน")
KASEM = Actor("kasem", roles={"auditor"}, unit="หน่วยตรวจสอบภายใน")
WICHAI = Actor("wichai", roles={"auditor"}, unit="กองคลัง")
EXEC = Actor("sompong", roles={"executive"})
SOMJAI = Actor("somjai", roles={"auditee_head"}, unit="กองคลัง")
WANDEE = Actor("wandee", roles={"auditee_head"}, unit="กองช่าง")
KANDA = Actor("kanda", roles={"coordinator"})
SURACHAI = Actor("surachai", roles={"permanent_secretary", "coordinator"})
ARUN = Actor("arun")
SUDA = Actor("suda", roles={"finance_officer"}, unit="กองคลัง")

FLOWS = {
    "internal_audit_cycle": 29,
    "audit_engagement": 29,
    "audit_recommendation": 29,
    "internal_control_evaluation": 30,
    "internal_control_report": 30,
    "control_action": 30,
    "provincial_inspection": 37,
}
TEN = (
    "สำนักปลัดองค์การบริหารส่วนจังหวัด",
    "สำนักงานเลขานุการองค์การบริหารส่วนจังหวัด",
    "กองยุทธศาสตร์และงบประมาณ",
    "กองคลัง",
    "กองช่าง",
    "กองพัสดุและทรัพย์สิน",
    "กองสาธารณสุข",
    "กองการเจ้าหน้าที่",
    "กองการศึกษา ศาสนาและวัฒนธรรม",
    "โรงเรียนวอแก้ววิทยา",
)
MEETING = {
    "pre_meeting_on": "2023-10-02",
    "objectives": "objectives",
    "scope": "scope",
    "audit_nature": "compliance",
    "estimated_days": 3,
    "documents": "vouchers",
    "reporting_method": "report to the head",
    "follow_up_method": "every 3 months",
}


@pytest.fixture
def clock() -> FixedClock:
    """2 October 2566, 09:00 Thai time."""
    return FixedClock(T0)


@pytest.fixture(scope="module")
def library() -> tuple[FlowLibrary, GuardRegistry]:
    """The bundled flows, loaded once for the module (loading is what takes time)."""
    registry = default_registry(entry_points=False)
    return load_library(registry=registry, entry_points=False), registry


@pytest.fixture
def engine(clock: FixedClock, library: tuple[FlowLibrary, GuardRegistry]) -> Engine:
    """A memory engine with the bundled flows."""
    flows, registry = library
    return Engine(open_store("memory://"), flows, registry=registry, clock=clock)


def on(clock: FixedClock, day: date) -> None:
    """09:00 Thai time on ``day``."""
    clock.set(datetime(day.year, day.month, day.day, 2, 0, tzinfo=UTC))


def codes(error: Refused) -> set[str]:
    """The reason codes of a refusal."""
    return {reason.code for reason in error.reasons}


# --- building cases -------------------------------------------------------------------


def open_cycle(engine: Engine, year: int = 2567, *, approve: bool = True) -> str:
    """A year's cycle with its plan proposed (and approved and sent to the governor)."""
    case = engine.start("internal_audit_cycle", actor=HEAD, data={"fiscal_year": year})
    engine.fire(case.id, "propose_plan", actor=HEAD, data={"plan_title": f"plan {year}"})
    if approve:
        engine.fire(case.id, "approve_plan", actor=EXEC)
        engine.fire(case.id, "send_to_governor", actor=HEAD, data={"governor_letter_no": "1"})
    return case.id


def prepared(engine: Engine, cycle: str, auditee: str, auditor: Actor, head: Actor) -> str:
    """An engagement notified and past its pre-audit meeting."""
    case = engine.start(
        "audit_engagement",
        actor=HEAD,
        data={
            "cycle": cycle,
            "auditee": auditee,
            "auditor": auditor.id,
            "audit_date": "2023-11-06",
        },
    )
    engine.fire(
        case.id,
        "notify_auditee",
        actor=HEAD,
        data={"notice_letter_no": "n", "auditee_head": head.id},
    )
    engine.fire(case.id, "hold_pre_audit_meeting", actor=HEAD, data=MEETING)
    return case.id


def begin(engine: Engine, engagement: str, auditor: Actor = PRANEE) -> None:
    """The auditor states independence and begins the fieldwork."""
    engine.fire(engagement, "begin_fieldwork", actor=auditor, data={"worked_for_auditee": "no"})


def to_auditee(engine: Engine, engagement: str, auditor: Actor = PRANEE) -> None:
    """The draft report is submitted and sent to the auditee to confirm."""
    engine.fire(
        engagement,
        "submit_draft_report",
        actor=auditor,
        data={"post_meeting_on": "2023-11-10", "draft_report": "draft", "findings": "f"},
    )
    engine.fire(engagement, "send_for_confirmation", actor=HEAD)


def confirmed(engine: Engine, cycle: str, auditee: str, head: Actor) -> str:
    """An engagement whose findings the auditee has confirmed."""
    engagement = prepared(engine, cycle, auditee, PRANEE, head)
    begin(engine, engagement)
    to_auditee(engine, engagement)
    engine.fire(engagement, "confirm_findings", actor=head)
    return engagement


def recommend(engine: Engine, engagement: str, reference: str) -> str:
    """A recommendation recorded by the auditor."""
    return engine.start(
        "audit_recommendation",
        actor=PRANEE,
        data={
            "engagement": engagement,
            "reference": reference,
            "finding": "f",
            "recommendation": "r",
        },
    ).id


def order(engine: Engine, recommendation: str, responsible: Actor, due: str) -> None:
    """The executive orders the recommendation; the person ordered begins."""
    engine.fire(
        recommendation,
        "order",
        actor=EXEC,
        data={"executive_order": "do it", "responsible": responsible.id, "due_date": due},
    )
    engine.fire(recommendation, "begin_action", actor=responsible, data={"action_plan": "plan"})


def close(engine: Engine, recommendation: str, responsible: Actor) -> None:
    """Implemented by the person ordered and closed by the auditor."""
    engine.fire(
        recommendation,
        "report_implemented",
        actor=responsible,
        data={"implementation_evidence": "evidence"},
    )
    engine.fire(
        recommendation, "verify_implementation", actor=PRANEE, data={"verification_note": "ok"}
    )


def evaluation(engine: Engine, year: int = 2566, *, adopt: bool = True) -> str:
    """A year's internal control evaluation with its committee and four approved documents,
    submitted and in its improvement plan (unless ``adopt`` is off)."""
    case = engine.start("internal_control_evaluation", actor=KANDA, data={"fiscal_year": year})
    engine.fire(
        case.id,
        "appoint_committee",
        actor=EXEC,
        data={
            "order": "1/2567",
            "chair": "surachai",
            "members": "arun, boonmee",
            "secretary": "kanda",
        },
    )
    for form, author in (("certificate", KANDA), ("pk4", KANDA), ("pk5", KANDA), ("pk6", PRANEE)):
        doc = engine.start(
            "internal_control_report", actor=author, data={"evaluation": case.id, "form": form}
        )
        engine.fire(doc.id, "submit", actor=author, data={"document_ref": form})
        engine.fire(doc.id, "approve", actor=EXEC)
    if adopt:
        engine.fire(case.id, "open_meeting", actor=SURACHAI, data={"present": "arun"})
        for member in (SURACHAI, ARUN):
            engine.fire(
                case.id, "vote", actor=member, data={"motion": "adopt_report", "vote": "yes"}
            )
        engine.fire(case.id, "decide", actor=SURACHAI, data={"motion": "adopt_report"})
        engine.fire(
            case.id,
            "submit_report",
            actor=KANDA,
            data={"submission_letter_no": "l", "submitted_to": "governor"},
        )
        engine.fire(case.id, "start_improvement", actor=KANDA, data={"improvement_plan": "p"})
    return case.id


def action(engine: Engine, evaluation_id: str, control: str, responsible: str = "somjai") -> str:
    """A control action of the improvement plan."""
    return engine.start(
        "control_action",
        actor=KANDA,
        data={
            "evaluation": evaluation_id,
            "control": control,
            "unit": "กองคลัง",
            "responsible": responsible,
        },
    ).id


# --- the definitions ------------------------------------------------------------------


def test_the_flows_load_and_cite_steps_of_their_project(engine: Engine) -> None:
    """Each of the seven flows belongs to project 29, 30 or 37 and cites only its steps."""
    plan = load_plan()
    for flow_id, project in FLOWS.items():
        definition = engine.flows.get(flow_id)
        assert definition.plan.project == project
        cites = [definition.start.cites, *(t.cites for t in definition.transitions)]
        for cite in cites:
            number, step = cite.split("/")
            assert int(number) == project, (flow_id, cite)
            assert plan.project(project).step(step) is not None, (flow_id, cite)  # type: ignore[union-attr]


def test_the_auditees_are_the_ten_of_the_plan(engine: Engine) -> None:
    """The engagement's auditees are project 29's nine units and one school, in its order."""
    field = engine.flows.get("audit_engagement").data["auditee"]
    assert field.choices == TEN
    assert field.choice_labels["โรงเรียนวอแก้ววิทยา"].en == "Wor Kaew Witthaya School"


# --- the internal audit cycle ---------------------------------------------------------


def test_engagements_start_only_under_an_approved_plan(engine: Engine) -> None:
    """No engagement under a plan not yet approved; one plan a year, one engagement an auditee."""
    cycle = open_cycle(engine, approve=False)
    data = {
        "cycle": cycle,
        "auditee": "Finance Division",
        "auditor": "pranee",
        "audit_date": "2023-11-06",
    }
    with pytest.raises(GuardRejected) as refused:
        engine.start("audit_engagement", actor=HEAD, data=data)
    assert codes(refused.value) == {"parent"}
    engine.fire(cycle, "approve_plan", actor=EXEC)
    case = engine.start("audit_engagement", actor=HEAD, data=data)
    assert case.data["auditee"] == "กองคลัง"
    with pytest.raises(GuardRejected, match="already in this year's audit plan"):
        engine.start("audit_engagement", actor=HEAD, data=data)
    with pytest.raises(GuardRejected, match="already has an internal audit plan"):
        engine.start("internal_audit_cycle", actor=HEAD, data={"fiscal_year": 2567})


def test_an_auditor_never_audits_their_own_unit(engine: Engine) -> None:
    """A Finance Division auditor is refused at the Finance Division; nothing moves."""
    engagement = prepared(engine, open_cycle(engine), "กองคลัง", WICHAI, SOMJAI)
    with pytest.raises(NotAuthorized) as refused:
        begin(engine, engagement, WICHAI)
    assert codes(refused.value) == {"conflict_of_interest"}
    assert "conflict of interest" in refused.value.message_en
    assert engine.get(engagement).state == "prepared"
    with pytest.raises(NotAuthorized) as refused:
        begin(engine, engagement, PRANEE)  # not the assigned auditor
    assert codes(refused.value) == {"actor_named_in"}


def test_a_declared_conflict_bars_the_auditor_for_good(engine: Engine) -> None:
    """Who worked for the auditee declares it, is replaced, and is refused if assigned again."""
    engagement = prepared(engine, open_cycle(engine), "กองคลัง", KASEM, SOMJAI)
    with pytest.raises(GuardRejected, match="must declare a conflict"):
        engine.fire(engagement, "begin_fieldwork", actor=KASEM, data={"worked_for_auditee": "yes"})
    with pytest.raises(NotAuthorized):
        engine.fire(
            engagement, "declare_conflict", actor=PRANEE, data={"conflict_declarations": "x"}
        )
    case = engine.fire(
        engagement, "declare_conflict", actor=KASEM, data={"conflict_declarations": "seconded"}
    )
    assert (case.state, case.actors["conflicted"]) == ("reassigning", "kasem")
    engine.fire(engagement, "reassign", actor=HEAD, data={"auditor": "kasem"})
    with pytest.raises(NotAuthorized) as refused:
        begin(engine, engagement, KASEM)
    assert codes(refused.value) == {"conflict_of_interest"}
    engine.fire(engagement, "reassign", actor=HEAD, data={"auditor": "pranee"})
    engine.fire(
        engagement, "declare_conflict", actor=PRANEE, data={"conflict_declarations": "audited"}
    )
    # Every auditor who declared stays barred, not only the last one.
    assert engine.get(engagement).data["conflicted_auditors"] == ["kasem", "pranee"]
    for auditor in (KASEM, PRANEE):
        engine.fire(engagement, "reassign", actor=HEAD, data={"auditor": auditor.id})
        with pytest.raises(NotAuthorized, match="declared a conflict"):
            begin(engine, engagement, auditor)


def test_the_head_who_audited_may_not_send_their_own_draft(engine: Engine) -> None:
    """The head of internal audit sends the draft to the auditee, never their own draft."""
    head_auditor = Actor("somsri", roles={"head_of_audit", "auditor"}, unit="หน่วยตรวจสอบภายใน")
    engagement = prepared(engine, open_cycle(engine), "กองช่าง", head_auditor, WANDEE)
    begin(engine, engagement, head_auditor)
    engine.fire(
        engagement,
        "submit_draft_report",
        actor=head_auditor,
        data={"post_meeting_on": "2023-11-10", "draft_report": "d", "findings": "f"},
    )
    with pytest.raises(NotAuthorized) as refused:
        engine.fire(engagement, "send_for_confirmation", actor=head_auditor)
    assert codes(refused.value) == {"separation_of_duties"}


def test_a_dispute_is_explained_then_revised_or_maintained(engine: Engine) -> None:
    """Only the named head of the auditee disputes; the explanations are kept in order."""
    engagement = prepared(engine, open_cycle(engine), "กองคลัง", PRANEE, SOMJAI)
    begin(engine, engagement)
    to_auditee(engine, engagement)
    dispute = {"disputed_finding": "item 2", "auditee_explanations": "amended order attached"}
    with pytest.raises(NotAuthorized) as refused:
        engine.fire(engagement, "dispute_finding", actor=WANDEE, data=dispute)
    assert codes(refused.value) == {"actor_named_in"}
    engine.fire(engagement, "dispute_finding", actor=SOMJAI, data=dispute)
    engine.fire(engagement, "revise_draft", actor=PRANEE, data={"revision_note": "item 2 removed"})
    engine.fire(engagement, "send_for_confirmation", actor=HEAD)
    engine.fire(
        engagement,
        "dispute_finding",
        actor=SOMJAI,
        data={"disputed_finding": "item 1", "auditee_explanations": "being returned"},
    )
    case = engine.fire(
        engagement, "maintain_findings", actor=HEAD, data={"decision_note": "stands"}
    )
    assert case.state == "confirmed"
    assert case.data["auditee_explanations"] == ["amended order attached", "being returned"]
    assert case.data["confirmed_on"] == "2023-10-02"


def test_the_year_waits_for_every_engagement(engine: Engine) -> None:
    """The annual report waits for confirmed findings, the close for completed follow-ups."""
    cycle = open_cycle(engine)
    finance = confirmed(engine, cycle, "กองคลัง", SOMJAI)
    engineering = prepared(engine, cycle, "กองช่าง", PRANEE, WANDEE)
    report = {"annual_report": "a", "findings_summary": "f", "recommendations_summary": "r"}
    with pytest.raises(GuardRejected) as refused:
        engine.fire(cycle, "submit_annual_report", actor=HEAD, data=report)
    assert codes(refused.value) == {"children"}
    begin(engine, engineering)
    recommendation = recommend(engine, engineering, "IA-1")
    to_auditee(engine, engineering)
    engine.fire(engineering, "confirm_findings", actor=WANDEE)
    engine.fire(cycle, "submit_annual_report", actor=HEAD, data=report)
    engine.fire(cycle, "give_orders", actor=EXEC, data={"executive_orders": "act"})
    with pytest.raises(GuardRejected, match="sent to the auditees first"):
        engine.fire(finance, "complete_follow_up", actor=PRANEE, data={"follow_up_summary": "s"})
    engine.fire(cycle, "send_orders", actor=HEAD, data={"distribution_letter_no": "l"})
    engine.fire(finance, "complete_follow_up", actor=PRANEE, data={"follow_up_summary": "none"})
    with pytest.raises(GuardRejected, match="still open"):
        engine.fire(
            engineering, "complete_follow_up", actor=PRANEE, data={"follow_up_summary": "s"}
        )
    with pytest.raises(GuardRejected) as refused:
        engine.fire(cycle, "close_follow_up", actor=HEAD, data={"final_follow_up_report": "r"})
    assert codes(refused.value) == {"children"}
    order(engine, recommendation, WANDEE, "2024-03-31")
    close(engine, recommendation, WANDEE)
    engine.fire(engineering, "complete_follow_up", actor=PRANEE, data={"follow_up_summary": "s"})
    case = engine.fire(cycle, "close_follow_up", actor=HEAD, data={"final_follow_up_report": "r"})
    assert case.state == "closed"
    assert engine.verify().ok


def test_a_recommendation_is_ordered_followed_up_and_swept_overdue(
    engine: Engine, clock: FixedClock
) -> None:
    """Ordered only on confirmed findings, acted on by the person ordered, overdue by the sweep."""
    cycle = open_cycle(engine)
    engagement = prepared(engine, cycle, "กองคลัง", PRANEE, SOMJAI)
    begin(engine, engagement)
    recommendation = recommend(engine, engagement, "IA-1")
    with pytest.raises(GuardRejected, match="confirm the findings"):
        order(engine, recommendation, SOMJAI, "2023-12-31")
    to_auditee(engine, engagement)
    engine.fire(engagement, "confirm_findings", actor=SOMJAI)
    engine.fire(
        recommendation,
        "order",
        actor=EXEC,
        data={"executive_order": "do it", "responsible": "somjai", "due_date": "31 ธันวาคม 2566"},
    )
    with pytest.raises(NotAuthorized) as refused:
        engine.fire(recommendation, "begin_action", actor=WANDEE, data={"action_plan": "p"})
    assert codes(refused.value) == {"actor_named_in"}
    engine.fire(recommendation, "begin_action", actor=SOMJAI, data={"action_plan": "p"})
    on(clock, date(2023, 12, 31))
    assert engine.sweep() == []
    on(clock, date(2024, 1, 1))
    [swept] = engine.sweep()
    assert (swept.trigger, swept.state) == ("mark_overdue", "overdue")
    case = engine.fire(
        recommendation, "record_follow_up", actor=PRANEE, data={"follow_ups": "asked"}
    )
    assert (case.state, case.data["last_follow_up_on"]) == ("overdue", "2024-01-01")
    close(engine, recommendation, SOMJAI)
    assert engine.get(recommendation).data["closed_on"] == "2024-01-01"


# --- reports: by hand -----------------------------------------------------------------


def figures(engine: Engine, report: str, year: int | str, on: date | None = None) -> dict[str, Any]:
    """The figures of a declared report, by id (as of the end of ``on`` when given)."""
    now = datetime.combine(on, time(23, 59), THAI_TZ) if on is not None else None
    return {f.key: f.value for f in run_report(engine, report, fiscal_year=year, now=now)}


def test_audit_coverage_by_hand(engine: Engine) -> None:
    """One auditee confirmed, two in progress, seven not in the plan: 10% covered."""
    cycle = open_cycle(engine)
    confirmed(engine, cycle, "กองคลัง", SOMJAI)
    begin(engine, prepared(engine, cycle, "กองช่าง", KASEM, WANDEE), KASEM)
    prepared(engine, cycle, "โรงเรียนวอแก้ววิทยา", PRANEE, Actor("malee"))
    coverage = figures(engine, "internal_audit_coverage", "๒๕๖๗")
    assert coverage["auditees"] == len(TEN)
    assert coverage["audited"] == ("กองคลัง",)
    assert coverage["in_progress"] == ("กองช่าง", "โรงเรียนวอแก้ววิทยา")
    assert coverage["not_scheduled"] == tuple(
        u for u in TEN if u not in ("กองคลัง", "กองช่าง", "โรงเรียนวอแก้ววิทยา")
    )
    assert len(coverage["not_audited"]) == 9
    assert coverage["coverage_rate"] == Decimal("10.00")
    assert coverage["audited_count"] == 1
    assert coverage["not_audited_count"] == 9
    assert coverage["all_audited"] is False
    rows = coverage["engagements"].as_dicts()
    assert [r["auditee"] for r in rows] == ["กองคลัง", "กองช่าง", "โรงเรียนวอแก้ววิทยา"]


def test_coverage_needs_the_year_plan(engine: Engine) -> None:
    """A year without a plan is a ReportError in both languages; an empty plan covers 0%."""
    with pytest.raises(ReportError) as missing:
        figures(engine, "internal_audit_coverage", 2568)
    assert "fiscal year 2568 has no internal audit plan" in missing.value.message_en
    assert "๒๕๖๘" in missing.value.message_th
    open_cycle(engine, 2568)
    coverage = figures(engine, "internal_audit_coverage", 2568)
    assert (coverage["audited"], coverage["coverage_rate"]) == ((), Decimal("0.00"))
    assert len(coverage["not_scheduled"]) == 10


def test_recommendation_ages_by_hand(engine: Engine, clock: FixedClock) -> None:
    """Ages in days from the day recorded to the day closed, withdrawn, or the report's day."""
    cycle = open_cycle(engine)
    engagement = prepared(engine, cycle, "กองคลัง", PRANEE, SOMJAI)
    begin(engine, engagement)
    first = recommend(engine, engagement, "R1")  # 2 October 2566
    on(clock, date(2023, 10, 12))
    second = recommend(engine, engagement, "R2")
    third = recommend(engine, engagement, "R3")
    to_auditee(engine, engagement)
    engine.fire(engagement, "confirm_findings", actor=SOMJAI)
    on(clock, date(2023, 10, 22))
    engine.fire(third, "withdraw", actor=HEAD, data={"withdraw_reason": "explained"})
    order(engine, first, SOMJAI, "2023-11-30")
    order(engine, second, SOMJAI, "2023-12-31")
    on(clock, date(2023, 12, 1))
    close(engine, first, SOMJAI)
    other_year = prepared(engine, open_cycle(engine, 2568), "กองคลัง", PRANEE, SOMJAI)
    begin(engine, other_year)
    recommend(engine, other_year, "R9")

    status = figures(engine, "audit_recommendations", 2567, on=date(2024, 1, 2))
    ages = {k.removeprefix("age:"): v for k, v in status.items() if k.startswith("age:")}
    # R1: 2 Oct to 1 Dec = 29 + 30 + 1; R2: 12 Oct to 2 Jan = 19 + 30 + 31 + 2; R3: 10 days.
    assert ages == {"R1": 60, "R2": 82, "R3": 10}
    assert (status["open"], status["closed"]) == (("R2",), ("R1",))
    assert status["withdrawn_count"] == 1
    assert status["overdue"] == ("R2",)  # due 31 December, still open on 2 January
    assert status["oldest_open_days"] == 82
    assert (status["recommendations"], status["open_count"], status["age:R2"]) == (3, 1, 82)
    rows = {r["reference"]: r for r in status["register"].as_dicts()}
    assert (rows["R2"]["age"], rows["R2"]["due_date"]) == (82, "2023-12-31")
    today = figures(engine, "audit_recommendations", 2567)  # the engine's today: 1 December
    assert today["age:R2"] == 50


def test_control_kpi_by_hand(engine: Engine, clock: FixedClock) -> None:
    """3 of 4 fixed is 75%: missed; 4 of 5 is 80%: met. Unrecorded actions count as not fixed."""
    evaluation_id = evaluation(engine, 2566)
    ids = [action(engine, evaluation_id, f"control {n}") for n in range(1, 5)]
    for case_id in ids[:3]:
        engine.fire(case_id, "record_fixed", actor=KANDA, data={"fix_evidence": "evidence"})
    kpi = figures(engine, "internal_control_kpi", 2566)
    assert (kpi["actions"], kpi["fixed"], kpi["not_fixed"], kpi["pending"]) == (4, 3, 0, 1)
    assert (kpi["fixed_rate"], kpi["target_met"], kpi["published"]) == (
        Decimal("75.00"),
        False,
        False,
    )
    assert kpi["documents_approved"] == ("หนังสือรับรองการควบคุมภายใน", "ปค.๔", "ปค.๕", "ปค.๖")
    engine.fire(ids[3], "record_not_fixed", actor=KANDA, data={"not_fixed_reason": "budget"})
    assert figures(engine, "internal_control_kpi", 2566)["not_fixed"] == 1

    clock.set(datetime(2024, 10, 1, 3, 0, tzinfo=UTC))  # fiscal year 2567 has ended
    next_year = evaluation(engine, 2567)
    ids = [action(engine, next_year, f"control {n}") for n in range(1, 6)]
    for case_id in ids[:4]:
        engine.fire(case_id, "record_fixed", actor=KANDA, data={"fix_evidence": "evidence"})
    kpi = figures(engine, "internal_control_kpi", 2567)
    assert (kpi["actions"], kpi["fixed_rate"], kpi["target_met"]) == (5, Decimal("80.00"), True)
    assert (kpi["target_rate"], kpi["pending"]) == (80, 1)
    with pytest.raises(ReportError, match="no internal control evaluation"):
        figures(engine, "internal_control_kpi", 2568)


def test_inspections_belong_to_the_fiscal_year_of_their_date(engine: Engine) -> None:
    """30 September 2567 is fiscal year 2567, 1 October 2567 is 2568; reported ones are named."""
    for letter, day in (("L1", "30 กันยายน 2567"), ("L2", "1 ตุลาคม 2567")):
        engine.start(
            "provincial_inspection",
            actor=SUDA,
            data={"letter_no": letter, "letter_date": "2024-09-01", "inspection_date": day},
        )
    assert figures(engine, "provincial_inspections", 2567)["letters"] == ("L1",)
    summary = figures(engine, "provincial_inspections", 2568)
    assert (summary["letters"], summary["reported"]) == (("L2",), ())
    empty = figures(engine, "provincial_inspections", 2569)
    assert (empty["inspections"], empty["at_least_once"]) == (0, False)


def test_the_reports_are_named_by_id_and_label(engine: Engine) -> None:
    """Features name the four reports by id or by Thai or English label."""
    pairs = (
        ("internal_audit_coverage", "ความครอบคลุมของการตรวจสอบภายใน", "internal audit coverage"),
        ("audit_recommendations", "การติดตามข้อเสนอแนะจากการตรวจสอบภายใน", "Audit recommendations"),
        ("internal_control_kpi", "ผลการแก้ไขตามแผนการปรับปรุงการควบคุมภายใน", "internal control KPI"),
        (
            "provincial_inspections",
            "การรับการตรวจสอบจากสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด",
            "provincial inspections",
        ),
    )  # fmt: skip
    for report_id, thai, english in pairs:
        spec = engine.reports.find(report_id)
        assert spec is not None
        assert engine.reports.find(thai) is spec
        assert engine.reports.find(english) is spec


# --- internal control documents and actions -----------------------------------------


def test_a_year_is_evaluated_once_it_has_ended(engine: Engine, clock: FixedClock) -> None:
    """The evaluation of fiscal year 2567 cannot be opened in 2567 (October 2566); that of
    2566, which has ended, can, and carries the year's last day."""
    with pytest.raises(GuardRejected, match="once that year has ended"):
        engine.start("internal_control_evaluation", actor=KANDA, data={"fiscal_year": 2567})
    case = engine.start("internal_control_evaluation", actor=KANDA, data={"fiscal_year": 2566})
    assert case.data["year_end"] == "2023-09-30"
    clock.set(datetime(2024, 9, 30, 16, 59, tzinfo=UTC))  # 23:59 Thai time, 30 Sep 2567
    with pytest.raises(GuardRejected, match="once that year has ended"):
        engine.start("internal_control_evaluation", actor=KANDA, data={"fiscal_year": 2567})
    clock.set(datetime(2024, 9, 30, 17, 0, tzinfo=UTC))  # 00:00 Thai time, 1 Oct 2567
    assert engine.start("internal_control_evaluation", actor=KANDA, data={"fiscal_year": 2567})


def test_the_report_is_due_ninety_days_after_the_year_evaluated(
    engine: Engine, clock: FixedClock
) -> None:
    """Clause 9: fiscal year 2566's report is due on 29 December 2566; submitted on 2
    October 2566 it is on time; fiscal year 2567's, not submitted by then, is overdue."""
    evaluation(engine, 2566)
    (done,) = engine.duties(2566, flow_id="internal_control_evaluation")
    assert (done.due_on, done.status, done.fulfilled_on) == (
        date(2023, 12, 29),
        "done_on_time",
        date(2023, 10, 2),
    )
    clock.set(datetime(2024, 10, 1, 3, 0, tzinfo=UTC))
    evaluation(engine, 2567, adopt=False)
    clock.set(datetime(2025, 1, 2, 3, 0, tzinfo=UTC))
    (late,) = engine.duties(2567, flow_id="internal_control_evaluation")
    assert (late.due_on, late.status) == (date(2024, 12, 29), "overdue")


def test_the_author_of_pk5_does_not_sign_off_the_review_of_it(engine: Engine) -> None:
    """Separation across documents: whoever wrote ปค.๕ may not approve the auditor's ปค.๖
    that reviews it, nor write ปค.๖; another approver may."""
    case = engine.start("internal_control_evaluation", actor=KANDA, data={"fiscal_year": 2566})
    engine.fire(
        case.id,
        "appoint_committee",
        actor=EXEC,
        data={"order": "1", "chair": "surachai", "members": "arun, boonmee", "secretary": "kanda"},
    )
    start = {"evaluation": case.id}
    pk5 = engine.start("internal_control_report", actor=SURACHAI, data={**start, "form": "pk5"})
    auditor_too = Actor("surachai", roles={"auditor", "permanent_secretary", "coordinator"})
    with pytest.raises(NotAuthorized, match="separation of duties"):
        engine.start("internal_control_report", actor=auditor_too, data={**start, "form": "pk6"})
    pk6 = engine.start("internal_control_report", actor=PRANEE, data={**start, "form": "pk6"})
    engine.fire(pk6.id, "submit", actor=PRANEE, data={"document_ref": "pk6"})
    with pytest.raises(NotAuthorized, match=r"PK\.5 of the same case"):
        engine.fire(pk6.id, "approve", actor=SURACHAI)
    assert engine.fire(pk6.id, "approve", actor=EXEC).state == "approved"
    engine.fire(pk5.id, "submit", actor=SURACHAI, data={"document_ref": "pk5"})
    assert engine.fire(pk5.id, "approve", actor=EXEC).state == "approved"


def test_each_document_has_an_author_and_another_approver(engine: Engine) -> None:
    """PK.6 only by an internal auditor, one per form, never approved by its author, the
    certificate only by the executive."""
    case = engine.start("internal_control_evaluation", actor=KANDA, data={"fiscal_year": 2566})
    engine.fire(
        case.id,
        "appoint_committee",
        actor=EXEC,
        data={"order": "1", "chair": "surachai", "members": "arun, boonmee", "secretary": "kanda"},
    )
    start = {"evaluation": case.id}
    with pytest.raises(NotAuthorized, match="internal auditor"):
        engine.start("internal_control_report", actor=KANDA, data={**start, "form": "PK.6"})
    with pytest.raises(NotAuthorized, match="coordinator"):
        engine.start("internal_control_report", actor=PRANEE, data={**start, "form": "ปค.๔"})
    pk5 = engine.start("internal_control_report", actor=SURACHAI, data={**start, "form": "pk5"})
    with pytest.raises(GuardRejected, match="already been started"):
        engine.start("internal_control_report", actor=KANDA, data={**start, "form": "pk5"})
    engine.fire(pk5.id, "submit", actor=SURACHAI, data={"document_ref": "PK.5"})
    with pytest.raises(NotAuthorized) as refused:
        engine.fire(pk5.id, "approve", actor=SURACHAI)
    assert codes(refused.value) == {"separation_of_duties"}
    certificate = engine.start(
        "internal_control_report", actor=KANDA, data={**start, "form": "certificate"}
    )
    engine.fire(certificate.id, "submit", actor=KANDA, data={"document_ref": "cert"})
    with pytest.raises(NotAuthorized, match="executive"):
        engine.fire(certificate.id, "approve", actor=SURACHAI)
    assert engine.fire(certificate.id, "approve", actor=EXEC).state == "approved"


def test_the_report_is_submitted_on_four_documents_and_a_resolution(engine: Engine) -> None:
    """Submission needs the committee's resolution and all four documents approved."""
    case_id = evaluation(engine, adopt=False)
    submit = {"submission_letter_no": "l", "submitted_to": "governor"}
    with pytest.raises(GuardRejected) as refused:
        engine.fire(case_id, "submit_report", actor=KANDA, data=submit)
    assert codes(refused.value) == {"committee"}
    engine.fire(case_id, "open_meeting", actor=SURACHAI, data={"present": "arun"})
    engine.fire(case_id, "vote", actor=SURACHAI, data={"motion": "adopt_report", "vote": "yes"})
    engine.fire(case_id, "decide", actor=SURACHAI, data={"motion": "adopt_report"})
    case = engine.fire(case_id, "submit_report", actor=KANDA, data=submit)
    assert case.state == "submitted"
    assert case.data["evaluation_committee"]["resolutions"][0]["result"] == "carried"


def test_the_responsible_person_never_records_their_own_fix(engine: Engine) -> None:
    """A coordinator responsible for an action may not record it fixed; the year closes
    once every action is recorded."""
    evaluation_id = evaluation(engine)
    own = action(engine, evaluation_id, "pool car", responsible="kanda")
    with pytest.raises(NotAuthorized) as refused:
        engine.fire(own, "record_fixed", actor=KANDA, data={"fix_evidence": "log"})
    assert codes(refused.value) == {"separation_of_duties"}
    engine.fire(
        evaluation_id,
        "publish",
        actor=KANDA,
        data={"published_at_office": "board", "website": "https://x", "social_media": "page"},
    )
    closing = {
        "closing_summary": "s",
        "satisfaction_respondents": 10,
        "satisfaction_high": 9,
        "named_corruption_previous": 2,
        "named_corruption_current": 1,
    }
    with pytest.raises(GuardRejected, match="every action"):
        engine.fire(evaluation_id, "close_year", actor=KANDA, data=closing)
    engine.fire(own, "record_fixed", actor=SURACHAI, data={"fix_evidence": "log"})
    case = engine.fire(evaluation_id, "close_year", actor=KANDA, data=closing)
    assert case.state == "closed"
    assert figures(engine, "internal_control_kpi", 2566)["published"] is True


# --- the step world -------------------------------------------------------------------


def test_the_world_links_a_parent_named_by_its_label(engine: Engine, clock: FixedClock) -> None:
    """A feature may name the parent field by its Thai label; the named case is linked,
    not the latest case of the parent flow."""
    world = World(engine, clock)
    world.give_roles("somsri", ["หัวหน้าหน่วยตรวจสอบภายใน"])
    world.give_roles("sompong", ["ผู้บริหาร"])
    for name, year in (("Y1", "2567"), ("Y2", "2568")):
        world.start("somsri", "internal_audit_cycle", [["ปีงบประมาณ", year]], name)
        world.fire("somsri", "เสนอแผนการตรวจสอบภายใน", name, [["แผนการตรวจสอบภายในประจำปี", "p"]])
        world.fire("sompong", "ให้ความเห็นชอบแผนการตรวจสอบ", name)
    rows = [
        ["แผนการตรวจสอบประจำปี", "Y1"],
        ["หน่วยรับตรวจ", "กองคลัง"],
        ["ผู้ตรวจสอบ", "pranee"],
        ["วันที่เข้าตรวจสอบ", "6 พฤศจิกายน 2566"],
    ]
    case = world.start("somsri", "audit_engagement", rows, "E1")
    assert case.data["cycle"] == world.cases["Y1"]


# --- the command line -----------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI; (status, stdout, stderr)."""
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


@pytest.fixture
def db(tmp_path: Path, clock: FixedClock) -> str:
    """A SQLite file with fiscal year 2567's audit: one confirmed engagement, one
    recommendation, and one inspection."""
    path = tmp_path / "cases.db"
    with Engine.open(f"sqlite:///{path}", clock=clock, entry_points=False) as engine:
        cycle = open_cycle(engine)
        engagement = prepared(engine, cycle, "กองคลัง", PRANEE, SOMJAI)
        begin(engine, engagement)
        recommend(engine, engagement, "IA-67-01")
        engine.start(
            "provincial_inspection",
            actor=SUDA,
            data={"letter_no": "L1", "letter_date": "2023-10-01", "inspection_date": "2023-11-13"},
        )
    return str(path)


def test_cli_coverage_and_recommendations(capsys: pytest.CaptureFixture[str], db: str) -> None:
    """`internal-audit coverage` and `recommendations` print the figures, ages as of a day."""
    status, out, err = run(
        capsys, "internal-audit", "coverage", "--db", db, "--fiscal-year", "๒๕๖๗"
    )
    assert status == 0, err
    assert "หน่วยรับตรวจที่อยู่ระหว่างตรวจสอบ / in progress: กองคลัง" in out
    assert "ร้อยละของหน่วยรับตรวจที่ตรวจสอบแล้ว / coverage (%): 0.00" in out
    status, out, err = run(
        capsys, "internal-audit", "recommendations", "--db", db, "--fiscal-year", "2567",
        "--as-of", "12 ตุลาคม 2566",
    )  # fmt: skip
    assert status == 0, err
    assert "อายุข้อเสนอแนะ IA-67-01 (วัน) / age of IA-67-01 (days): 10" in out
    assert "ข้อเสนอแนะที่ยังไม่ปิด / open: IA-67-01" in out
    status, out, err = run(
        capsys, "report", "audit_recommendations", "--db", db, "--fiscal-year", "2567",
        "--format", "csv",
    )  # fmt: skip
    assert status == 0, err
    assert out.startswith("\ufeff")
    assert "age:IA-67-01" in out


def test_cli_control_kpi_and_inspections(capsys: pytest.CaptureFixture[str], db: str) -> None:
    """`control-kpi` refuses a year without an evaluation; `inspections` counts the year's
    inspections that happened, and names the letters whose inspection has not."""
    status, _, err = run(
        capsys, "internal-audit", "control-kpi", "--db", db, "--fiscal-year", "2567"
    )
    assert status == 1
    assert "ไม่สำเร็จ" in err
    assert "fiscal year 2567 has no internal control evaluation" in err
    status, out, _ = run(
        capsys, "internal-audit", "inspections", "--db", db, "--fiscal-year", "2567"
    )
    assert status == 0
    # The letter is registered but the inspectors have not come: no inspection yet.
    assert "inspected at least once: no" in out
    assert "not inspected yet: L1" in out
    status, _, err = run(capsys, "internal-audit", "coverage", "--db", db, "--fiscal-year", "next")
    assert status != 0
    assert "not a fiscal year" in err
    status, _, err = run(
        capsys, "internal-audit", "recommendations", "--db", db, "--fiscal-year", "2567",
        "--as-of", "someday",
    )  # fmt: skip
    assert status != 0
    assert "not a date" in err
