"""Plan project 15, the No Gift Policy: the flows, their guards and setting, the reports
(compared with figures computed by hand from the same cases) and the command line."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.cli import main
from integrity_flows.definition.model import FlowDefinition, GuardRef
from integrity_flows.errors import (
    DefinitionError,
    GuardRejected,
    InvalidData,
    NotAuthorized,
    Reason,
)
from integrity_flows.guards import GuardContext, builtin_registry, decide
from integrity_flows.loading import default_registry, load_library, read_text
from integrity_flows.plan.catalogue import load_plan
from integrity_flows.protection import FieldKey
from integrity_flows.reports.base import FigureValue, ReportError, Table, render_value
from integrity_flows.reports.catalogue import load_catalogue, run_report
from integrity_flows.reports.reading_cases import number
from integrity_flows.reports.render import as_json
from integrity_flows.testing.world import StepFailed, World, figure_agrees

ROOT = Path(__file__).resolve().parents[1]
FLOWS = ROOT / "flows"
T0 = datetime(2023, 10, 2, 2, 0, tzinfo=UTC)  # 2 October 2566, 09:00 Thai time

KANDA = Actor("kanda", roles={"coordinator"})
SOMPONG = Actor("sompong", roles={"executive"})
SOMYING = Actor("somying", roles={"supervisor"})
SOMSAK = Actor("somsak", roles={"custodian"})
PRANEE = Actor("pranee", roles={"inspector"})
PRASERT = Actor("prasert", roles={"council_member"})


#: The dispositions of a declaration, in report order (figure ids of gift_register).
DISPOSITIONS = ("refused", "returned", "handed_over", "kept", "pending")
RELATIONS = ("relative", "colleague", "stakeholder", "other")


def staff(name: str) -> Actor:
    """A staff member."""
    return Actor(name, roles={"staff"})


def figures_of(engine: Engine, report_id: str, year: int | str) -> dict[str, FigureValue]:
    """The figures of the declared report ``report_id`` for fiscal year ``year``, by id."""
    return {f.key: f.value for f in run_report(engine, report_id, fiscal_year=year)}


def entries_of(figures: Mapping[str, FigureValue]) -> list[dict[str, Any]]:
    """The rows of the gift register's table of declarations."""
    table = figures["entries"]
    assert isinstance(table, Table)
    return table.as_dicts()


@pytest.fixture
def clock() -> FixedClock:
    """2 October 2566, 09:00 Thai time."""
    return FixedClock(T0)


@pytest.fixture
def engine(clock: FixedClock) -> Iterator[Engine]:
    """A memory engine with the bundled flows."""
    with Engine.open("memory://", clock=clock) as found:
        yield found


def gift(
    *,
    value: str = "1000",
    relation: str = "other",
    received: str = "2023-12-29",
    action: str = "accepted",
    giver: str = "Mr Thongdee Meesap",
    **extra: str,
) -> dict[str, str]:
    """The data of a declaration."""
    return {
        "giver": giver,
        "giver_contact": "081 234 5678",
        "relation": relation,
        "occasion": "New Year 2567",
        "gift": "gift basket",
        "estimated_value": value,
        "received_on": received,
        "action_at_time": action,
        **extra,
    }


def declare(engine: Engine, who: Actor, **data: str) -> str:
    """``who`` declares a gift; the case id."""
    return engine.start("gift_declaration", actor=who, data=gift(**data)).id


def reviewed(engine: Engine, case_id: str, reviewer: Actor = SOMYING) -> str:
    """The declaration reviewed; the case id."""
    engine.fire(case_id, "review", actor=reviewer, data={"review_note": "checked"})
    return case_id


def open_year(engine: Engine, year: int = 2567, *, to: str = "published") -> str:
    """A no_gift_policy case of ``year`` taken to state ``to``; the case id."""
    case_id = engine.start("no_gift_policy", actor=KANDA, data={"fiscal_year": year}).id
    steps: list[tuple[str, Actor, dict[str, Any]]] = [
        (
            "hold_meeting",
            KANDA,
            {
                "meeting_on": "2 ต.ค. 2566",
                "meeting_minutes": "1/2567",
                "executives_present": "๓",
                "staff_present": 20,
            },
        ),
        ("draft_announcement", KANDA, {"announcement_title": "NG", "guidelines_title": "G"}),
        ("announce", SOMPONG, {"announcement_no": "215/2566"}),
        ("publish", KANDA, {"internal_channels": "circular", "public_channels": ["web", "fb"]}),
        ("start_evaluation", KANDA, {"survey_instrument": "survey form"}),
    ]
    for trigger, actor, data in steps:
        if engine.get(case_id).state == to:
            break
        engine.fire(case_id, trigger, actor=actor, data=data)
    return case_id


def guard_reasons(
    definition: FlowDefinition,
    refs: Sequence[GuardRef],
    data: Mapping[str, Any],
    *,
    actor: Actor = SOMYING,
    settings: Mapping[str, Any] | None = None,
    holders: Mapping[tuple[str, str], Sequence[str]] | None = None,
) -> list[Reason]:
    """What the guards say about a start with ``data`` (empty: allowed)."""

    class Lookup:
        def holders(self, flow_id: str, field: str, value: str, states: Sequence[str]) -> list[str]:
            return list((holders or {}).get((field, value), ()))

        def load(self, case_id: str) -> None:
            return None

        def events(self, case_id: str) -> list[Any]:
            return []

    ctx = GuardContext(
        definition,
        actor,
        "start",
        dict(data),
        T0,
        dict(settings or definition.settings),
        Lookup(),
        case=None,
        case_id="new",
    )
    return [r.reason for r in decide(refs, ctx, builtin_registry())]


# --- the flows -------------------------------------------------------------------


def test_the_three_flows_load_and_cite_project_15(engine: Engine) -> None:
    """The measure, the pledge and the declaration flows load and cite only project 15."""
    steps = {s.id for s in load_plan().project(15).steps}  # type: ignore[union-attr]
    for flow_id in ("no_gift_policy", "no_gift_pledge", "gift_declaration"):
        definition = engine.flows.get(flow_id)
        assert definition.plan.project == 15
        cites = {definition.start.cites} | {t.cites for t in definition.transitions}
        assert all(c.startswith("15/") for c in cites), cites
        assert {c.removeprefix("15/") for c in cites} <= steps
    policy = engine.flows.get("no_gift_policy")
    assert {t.cites for t in policy.transitions} >= {f"15/5.{n}" for n in range(1, 7)}


def test_the_threshold_is_a_setting_of_3000_baht(engine: Engine) -> None:
    """The NACC limit is a setting a host may override, not a constant."""
    assert engine.settings("gift_declaration")["keep_limit_baht"] == 3000
    with Engine.open("memory://", settings={"gift_declaration": {"keep_limit_baht": 5000}}) as e:
        assert e.settings("gift_declaration")["keep_limit_baht"] == 5000


def test_giver_data_is_sensitive(engine: Engine) -> None:
    """The giver and their contact are marked sensitive: *** in the audit trail."""
    definition = engine.flows.get("gift_declaration")
    assert definition.data["giver"].sensitive
    assert definition.data["giver_contact"].sensitive
    case_id = declare(engine, staff("somchai"), giver="Mr Thongdee Meesap")
    assert "Thongdee" not in engine.get(case_id).data["giver"]
    assert engine.reveal(case_id, "giver", actor=KANDA, reason="ทะเบียน") == "Mr Thongdee Meesap"
    start, read = engine.history(case_id)
    assert start.data["giver"] == "***"
    assert start.data["giver_contact"] == "***"
    assert (read.outcome, read.actor, read.data) == ("read", "kanda", {"giver": "***"})
    assert "Thongdee" not in json.dumps([e.data for e in engine.events()], ensure_ascii=False)


# --- the yearly measure -----------------------------------------------------------


def test_one_measure_case_per_fiscal_year(engine: Engine) -> None:
    """A second case for the same fiscal year is refused; another year is not."""
    open_year(engine, 2567, to="preparing")
    with pytest.raises(GuardRejected) as refused:
        engine.start("no_gift_policy", actor=KANDA, data={"fiscal_year": "๒๕๖๗"})
    assert refused.value.mentions("already has")
    assert engine.start("no_gift_policy", actor=KANDA, data={"fiscal_year": 2568})


def test_the_meeting_needs_executives_and_staff(engine: Engine) -> None:
    """Step 5.1: executives and staff draft the measure together."""
    case_id = open_year(engine, to="preparing")
    data = {"meeting_on": "2023-10-02", "meeting_minutes": "1/2567"}
    with pytest.raises(GuardRejected) as refused:
        engine.fire(
            case_id,
            "hold_meeting",
            actor=KANDA,
            data={**data, "executives_present": 2, "staff_present": 0},
        )
    assert [r.en for r in refused.value.reasons] == ["staff must take part in the drafting meeting"]


def test_only_the_executive_announces(engine: Engine) -> None:
    """Step 5.3: the announcement is the executive's."""
    case_id = open_year(engine, to="announcement_drafted")
    with pytest.raises(NotAuthorized):
        engine.fire(case_id, "announce", actor=KANDA, data={"announcement_no": "1"})
    case = engine.fire(case_id, "announce", actor=SOMPONG, data={"announcement_no": "1"})
    assert case.data["announced_on"] == "2023-10-02"


def test_publication_needs_both_audiences(engine: Engine) -> None:
    """Step 5.4: published inside the organization and to the public, each channel kept."""
    case_id = open_year(engine, to="announced")
    with pytest.raises(InvalidData):
        engine.fire(case_id, "publish", actor=KANDA, data={"internal_channels": "circular"})
    engine.fire(
        case_id,
        "publish",
        actor=KANDA,
        data={"internal_channels": "circular", "public_channels": "web"},
    )
    case = engine.fire(
        case_id, "record_public_channel", actor=KANDA, data={"public_channels": "Facebook page"}
    )
    assert case.data["public_channels"] == ["web", "Facebook page"]


def test_the_survey_and_the_report(engine: Engine) -> None:
    """Step 5.5 and item 6: a survey that adds up is recorded before the report."""
    case_id = open_year(engine, to="evaluating")
    report = {"results_summary": "done"}
    with pytest.raises(GuardRejected) as refused:
        engine.fire(case_id, "report_results", actor=KANDA, data=report)
    assert {r.code for r in refused.value.reasons} == {"min_items", "field_present"}
    engine.fire(case_id, "add_to_target_group", actor=KANDA, data={"target_group": "a, b"})
    with pytest.raises(GuardRejected) as refused:
        engine.fire(
            case_id,
            "record_survey",
            actor=KANDA,
            data={"survey_respondents": 2, "survey_compliant": 3},
        )
    assert [r.code for r in refused.value.reasons] == ["at_most"]
    engine.fire(
        case_id, "record_survey", actor=KANDA, data={"survey_respondents": 2, "survey_compliant": 2}
    )
    case = engine.fire(case_id, "report_results", actor=KANDA, data=report)
    assert (case.state, case.data["reported_on"]) == ("reported", "2023-10-02")


# --- pledges ---------------------------------------------------------------------


def test_one_pledge_per_person_per_fiscal_year(engine: Engine) -> None:
    """A second pledge of the same person in the same year is refused while the first stands."""
    first = engine.start("no_gift_pledge", actor=staff("somchai"), data={"fiscal_year": 2567})
    with pytest.raises(GuardRejected) as refused:
        engine.start("no_gift_pledge", actor=staff("somchai"), data={"fiscal_year": "๒๕๖๗"})
    assert refused.value.mentions("already pledged")
    engine.start("no_gift_pledge", actor=staff("somchai"), data={"fiscal_year": 2568})
    engine.start("no_gift_pledge", actor=staff("somjai"), data={"fiscal_year": 2567})
    engine.fire(first.id, "void", actor=KANDA, data={"void_reason": "entered twice"})
    assert engine.start("no_gift_pledge", actor=staff("somchai"), data={"fiscal_year": 2567})


def test_pledging_for_someone_else(engine: Engine) -> None:
    """Only the coordinator enters a pledge for someone else, citing the signed form."""
    data = {"fiscal_year": 2567, "pledger": "somjai"}
    with pytest.raises(NotAuthorized) as refused:
        engine.start("no_gift_pledge", actor=staff("somchai"), data=data)
    assert {r.code for r in refused.value.reasons} == {"actor_named_in", "role", "field_present"}
    with pytest.raises(NotAuthorized):
        engine.start("no_gift_pledge", actor=KANDA, data=data)
    case = engine.start("no_gift_pledge", actor=KANDA, data={**data, "pledge_form": "004/2567"})
    assert case.data["pledger"] == "somjai"


# --- declarations ------------------------------------------------------------------


def test_a_declaration_is_made_by_the_recipient(engine: Engine) -> None:
    """Someone else's gift is not declared for them; an inspector records it as a finding."""
    with pytest.raises(NotAuthorized) as refused:
        engine.start("gift_declaration", actor=staff("somchai"), data=gift(recipient="somjai"))
    assert refused.value.mentions("recipient")


def test_a_finding_is_recorded_by_an_inspector_with_what_was_found(engine: Engine) -> None:
    """kind=finding: an inspector, about another official, saying what was found."""
    finding = gift(kind="found later", recipient="manop")
    with pytest.raises(NotAuthorized) as refused:
        engine.start("gift_declaration", actor=staff("somchai"), data=finding)
    assert refused.value.mentions("inspector")
    with pytest.raises(GuardRejected) as refused:
        engine.start("gift_declaration", actor=PRANEE, data=finding)
    assert [r.code for r in refused.value.reasons] == ["field_equals", "field_present"]
    with pytest.raises(NotAuthorized):
        engine.start(
            "gift_declaration",
            actor=PRANEE,
            data={**finding, "recipient": "pranee", "finding_note": "x"},
        )
    case = engine.start(
        "gift_declaration", actor=PRANEE, data={**finding, "finding_note": "receipt found"}
    )
    assert (case.data["kind"], case.data["recipient"], case.actors) == (
        "finding",
        "manop",
        {"declarant": "pranee"},
    )
    with pytest.raises(NotAuthorized):
        reviewed(engine, case.id, Actor("manop", roles={"supervisor"}))
    with pytest.raises(NotAuthorized):
        reviewed(engine, case.id, Actor("pranee", roles={"supervisor"}))
    assert reviewed(engine, case.id)


def test_the_value_is_an_amount_in_baht(engine: Engine) -> None:
    """Thai digits, commas and บาท are read; a negative or non-number value is refused."""
    case_id = declare(engine, staff("somchai"), value="๑,๕๐๐.๕๐ บาท")
    assert engine.get(case_id).data["estimated_value"] == "1500.50"
    # Not a number: invalid data (the guard that found no amount says so too).
    for bad in ("a lot", "NaN"):
        with pytest.raises(InvalidData) as invalid:
            declare(engine, staff("somchai"), value=bad)
        assert "bad_value" in {r.code for r in invalid.value.reasons}
    with pytest.raises(GuardRejected):
        declare(engine, staff("somchai"), value="-5")


def test_no_one_reviews_or_decides_their_own_declaration(engine: Engine) -> None:
    """Separation of duties: neither the declarant nor the recipient reviews or decides."""
    boss = Actor("somying", roles={"supervisor", "staff"})
    case_id = declare(engine, boss, value="1200", relation="colleague")
    with pytest.raises(NotAuthorized) as refused:
        reviewed(engine, case_id, boss)
    assert {r.code for r in refused.value.reasons} == {"separation_of_duties"}
    reviewed(engine, case_id, KANDA)
    for trigger in ("allow_keep", "order_return", "order_hand_over"):
        with pytest.raises(NotAuthorized):
            engine.fire(case_id, trigger, actor=boss, data={"decision_note": "x"})
    assert engine.fire(case_id, "allow_keep", actor=SOMPONG, data={"decision_note": "x"})


@pytest.mark.parametrize(
    ("value", "relation", "allowed"),
    [
        ("3000", "other", True),
        ("3,000.00", "stakeholder", True),
        ("3000.01", "other", False),
        ("4800", "colleague", False),
        ("50000", "relative", True),
    ],
)
def test_keeping_is_refused_above_the_threshold_unless_from_a_relative(
    engine: Engine, value: str, relation: str, allowed: bool
) -> None:
    """NACC rule: a relative's gift by custom; anyone else's up to keep_limit_baht."""
    case_id = reviewed(engine, declare(engine, staff("somchai"), value=value, relation=relation))
    if allowed:
        case = engine.fire(case_id, "allow_keep", actor=SOMPONG, data={"decision_note": "ok"})
        assert case.state == "kept"
        return
    with pytest.raises(GuardRejected) as refused:
        engine.fire(case_id, "allow_keep", actor=SOMPONG, data={"decision_note": "ok"})
    assert refused.value.mentions("3,000")
    assert refused.value.mentions("๓,๐๐๐")


def test_the_threshold_follows_the_host_setting(clock: FixedClock) -> None:
    """With keep_limit_baht overridden to 5000, a 4,800-baht gift may be kept."""
    settings = {"gift_declaration": {"keep_limit_baht": "5,000"}}
    with Engine.open("memory://", clock=clock, settings=settings) as engine:
        case_id = reviewed(engine, declare(engine, staff("somchai"), value="4800"))
        case = engine.fire(case_id, "allow_keep", actor=SOMPONG, data={"decision_note": "ok"})
        assert case.state == "kept"
        case_id = reviewed(engine, declare(engine, staff("somchai"), value="5000.5"))
        with pytest.raises(GuardRejected) as refused:
            engine.fire(case_id, "allow_keep", actor=SOMPONG, data={"decision_note": "ok"})
        assert refused.value.mentions("5,000")


def test_the_decision_follows_what_was_done_at_the_time(engine: Engine) -> None:
    """A gift refused at the time is recorded as refused; one accepted is not."""
    refused_id = reviewed(engine, declare(engine, staff("somchai"), action="refused"))
    with pytest.raises(GuardRejected):
        engine.fire(refused_id, "order_return", actor=SOMPONG, data={"decision_note": "x"})
    assert engine.fire(refused_id, "record_refusal", actor=SOMYING).state == "refused"
    accepted_id = reviewed(engine, declare(engine, staff("somchai")))
    with pytest.raises(GuardRejected):
        engine.fire(accepted_id, "record_refusal", actor=SOMYING)


def test_a_handed_over_gift_is_registered_once(engine: Engine) -> None:
    """The custodian enters the gift in the register; a register number serves one gift."""
    first = reviewed(engine, declare(engine, staff("somchai"), value="4800"))
    second = reviewed(engine, declare(engine, staff("somjai"), value="6000"))
    for case_id in (first, second):
        engine.fire(case_id, "order_hand_over", actor=SOMPONG, data={"decision_note": "x"})
    with pytest.raises(NotAuthorized):
        engine.fire(
            first,
            "register_gift",
            actor=Actor("somchai", roles={"custodian"}),
            data={"gift_register_no": "GR 1"},
        )
    case = engine.fire(first, "register_gift", actor=SOMSAK, data={"gift_register_no": "GR 1"})
    assert (case.state, case.data["registered_on"]) == ("registered", "2023-10-02")
    with pytest.raises(GuardRejected) as refused:
        engine.fire(second, "register_gift", actor=SOMSAK, data={"gift_register_no": "GR 1"})
    assert refused.value.mentions("already used")


# --- guards --------------------------------------------------------------------------


def test_at_most_and_at_least(engine: Engine) -> None:
    """Compared with a literal, a setting or another field; empty or not a number refuses."""
    d = engine.flows.get("gift_declaration")
    most = GuardRef("at_most", {"field": "estimated_value", "limit_setting": "keep_limit_baht"})
    least = GuardRef("at_least", {"field": "estimated_value", "limit": 100})
    assert guard_reasons(d, [most, least], {"estimated_value": "3000"}) == []
    [reason] = guard_reasons(d, [most], {"estimated_value": "3000.5"})
    assert (reason.code, reason.en) == (
        "at_most",
        "'estimated value (baht)' must not exceed 3,000, the limit set by keep_limit_baht",
    )
    assert reason.th == (
        "'มูลค่าโดยประมาณ (บาท)' ต้องไม่เกิน ๓,๐๐๐ ตามเกณฑ์ที่กำหนด (ค่าตั้ง keep_limit_baht)"
    )
    [reason] = guard_reasons(d, [least], {"estimated_value": "99.99"})
    assert reason.en == "'estimated value (baht)' must be at least 100"
    [reason] = guard_reasons(d, [least], {})
    assert reason.code == "field_present"
    [reason] = guard_reasons(d, [least], {"estimated_value": "NaN"})
    assert (reason.code, "not a number" in reason.en) == ("at_least", True)
    for bad_limit in ("x", True, [3000]):
        [reason] = guard_reasons(
            d, [most], {"estimated_value": "1"}, settings={"keep_limit_baht": bad_limit}
        )
        assert "not a number" in reason.en
    p = engine.flows.get("no_gift_policy")
    pair = GuardRef("at_most", {"field": "survey_compliant", "limit_field": "survey_respondents"})
    assert guard_reasons(p, [pair], {"survey_compliant": 4, "survey_respondents": 4}) == []
    [reason] = guard_reasons(p, [pair], {"survey_compliant": 5, "survey_respondents": 4})
    assert reason.en == "'acting under the policy' must not exceed the survey respondents"
    [reason] = guard_reasons(p, [pair], {"survey_compliant": 5})
    assert reason.code == "field_present"


def test_actor_named_in(engine: Engine) -> None:
    """The actor must be the person the field names."""
    d = engine.flows.get("no_gift_pledge")
    ref = GuardRef("actor_named_in", {"field": "pledger"})
    assert guard_reasons(d, [ref], {"pledger": "somying"}) == []
    [reason] = guard_reasons(d, [ref], {"pledger": "somchai"})
    assert (reason.code, reason.en) == ("actor_named_in", "the actor must be the pledger in person")


def test_not_held_together_with_intersects_the_fields(engine: Engine) -> None:
    """Held only when one other case holds the same value in every field."""
    d = engine.flows.get("no_gift_pledge")
    ref = GuardRef(
        "not_held", {"field": "pledger", "together_with": ["fiscal_year"], "states": ["pledged"]}
    )
    data = {"pledger": "somchai", "fiscal_year": 2567}
    apart = {("pledger", "somchai"): ["P1"], ("fiscal_year", "2567"): ["P2"]}
    assert guard_reasons(d, [ref], data, holders=apart) == []
    both = {("pledger", "somchai"): ["P1", "P3"], ("fiscal_year", "2567"): ["P2", "P3"]}
    [reason] = guard_reasons(d, [ref], data, holders=both)
    assert reason.code == "held"
    assert "P3" in reason.en
    assert "are held" in reason.en
    assert guard_reasons(d, [ref], {"pledger": "somchai"}, holders=both) == []


def test_together_with_fields_must_be_indexed() -> None:
    """not_held looks every field up in the index: a field not indexed is a load error."""
    text = (FLOWS / "no_gift_pledge.yaml").read_text(encoding="utf-8")
    edited = text.replace("together_with: [fiscal_year]", "together_with: [pledge_form]")
    with pytest.raises(DefinitionError) as error:
        read_text(edited, "no_gift_pledge.yaml", default_registry())
    [problem] = error.value.problems
    assert problem.path.endswith("guards[1].together_with[0]")
    assert "indexed" in problem.message_en


# --- the register and the published figures ---------------------------------------


@pytest.fixture
def declarations(engine: Engine) -> dict[str, str]:
    """Seven declarations of fiscal year 2567 and one each of 2566 and 2568."""
    ids = {
        "D1": declare(engine, staff("somchai"), value="2,500", relation="stakeholder"),
        "D2": declare(engine, staff("somjai"), value="4800.25", received="2023-12-30"),
        "D3": engine.start(
            "gift_declaration",
            actor=PRASERT,
            data=gift(value="5000", relation="relative", received="2024-01-03"),
        ).id,
        "D4": declare(
            engine,
            staff("somchai"),
            value="10000",
            relation="stakeholder",
            action="refused",
            received="2024-01-05",
        ),
        "D5": declare(engine, staff("somjai"), value="1500.50", relation="colleague"),
        "D6": engine.start(
            "gift_declaration",
            actor=PRANEE,
            data=gift(
                value="3500",
                relation="stakeholder",
                kind="finding",
                recipient="manop",
                finding_note="receipt",
                received="2024-09-30",
            ),
        ).id,
        "D7": declare(engine, staff("somchai"), value="3000", received="2023-10-01"),
        "X1": declare(engine, staff("somchai"), value="800", received="2023-09-30"),
        "X2": declare(engine, staff("somjai"), value="700", received="2024-10-01"),
    }
    engine.fire(
        reviewed(engine, ids["D1"]), "order_return", actor=SOMYING, data={"decision_note": "x"}
    )
    engine.fire(ids["D1"], "confirm_return", actor=staff("somchai"), data={"return_evidence": "e"})
    engine.fire(
        reviewed(engine, ids["D2"]), "order_hand_over", actor=SOMPONG, data={"decision_note": "x"}
    )
    engine.fire(ids["D2"], "register_gift", actor=SOMSAK, data={"gift_register_no": "GR 1/2567"})
    engine.fire(
        reviewed(engine, ids["D3"], KANDA), "allow_keep", actor=SOMPONG, data={"decision_note": "x"}
    )
    engine.fire(reviewed(engine, ids["D4"]), "record_refusal", actor=SOMYING)
    engine.fire(
        reviewed(engine, ids["D6"]), "order_hand_over", actor=SOMPONG, data={"decision_note": "x"}
    )
    engine.fire(
        reviewed(engine, ids["D7"]), "allow_keep", actor=SOMPONG, data={"decision_note": "x"}
    )
    return ids


def test_register_figures_match_the_hand_count(
    engine: Engine, declarations: dict[str, str]
) -> None:
    """FY 2567 by hand: D1-D7; X1 (30 Sep 2566) and X2 (1 Oct 2567) belong to other years."""
    register = figures_of(engine, "gift_register", "๒๕๖๗")
    ids = declarations
    # received: D7 1 Oct 66, D1 29 Dec, D5 29 Dec, D2 30 Dec, D3 3 Jan, D4 5 Jan, D6 30 Sep 67
    by_day = [
        ids["D7"],
        *sorted([ids["D1"], ids["D5"]]),
        ids["D2"],
        ids["D3"],
        ids["D4"],
        ids["D6"],
    ]
    rows = entries_of(register)
    assert [r["case_id"] for r in rows][:1] == [ids["D7"]]
    assert sorted(r["case_id"] for r in rows) == sorted(by_day)
    assert [r["case_id"] for r in rows][-1] == ids["D6"]
    assert register["declarations"] == 7
    assert (register["declared_by_recipients"], register["findings"]) == (6, 1)
    assert {key: register[key] for key in DISPOSITIONS} == {
        "refused": 1,  # D4
        "returned": 1,  # D1
        "handed_over": 2,  # D2 (registered), D6 (ordered)
        "kept": 2,  # D3 (relative), D7 (3,000 exactly)
        "pending": 1,  # D5
    }
    assert {key: register[f"value_{key}"] for key in DISPOSITIONS} == {
        "refused": Decimal("10000"),
        "returned": Decimal("2500"),
        "handed_over": Decimal("8300.25"),  # 4,800.25 + 3,500
        "kept": Decimal("8000"),  # 5,000 + 3,000
        "pending": Decimal("1500.50"),
    }
    # 2,500 + 4,800.25 + 5,000 + 10,000 + 1,500.50 + 3,500 + 3,000
    assert register["total_value"] == Decimal("30300.75")
    assert register["registered"] == 1
    assert {key: register[f"relation_{key}"] for key in RELATIONS} == {
        "relative": 1,
        "colleague": 1,
        "stakeholder": 3,
        "other": 2,
    }
    d2 = next(r for r in rows if r["case_id"] == ids["D2"])
    definition = engine.flows.get("gift_declaration")
    assert (d2["recipient"], d2["gift_register_no"], d2["state"]) == (
        "somjai",
        "GR 1/2567",
        definition.label_of_state("registered").th,
    )
    assert definition.states["registered"].terminal  # the hand-over is completed
    # the giver is not part of the register; a reader reads it in clear, audited
    shown = " ".join(f.text() for f in run_report(engine, "gift_register", fiscal_year=2567))
    shown += json.dumps([{k: str(v) for k, v in r.items()} for r in rows], ensure_ascii=False)
    assert "Thongdee" not in shown
    giver = engine.reveal(d2["case_id"], "giver", actor=KANDA, reason="ทะเบียนประจำปี")
    assert giver == "Mr Thongdee Meesap"
    assert engine.history(ids["D2"])[-1].outcome == "read"
    assert figures_of(engine, "gift_public_figures", 2566)["total_value"] == Decimal("800")
    assert figures_of(engine, "gift_public_figures", 2568)["declarations"] == 1


def test_published_figures_hold_no_personal_data(
    engine: Engine, declarations: dict[str, str]
) -> None:
    """Counts and values only: no recipient, giver, contact, occasion, gift, case id or number."""
    report = engine.reports.get("gift_public_figures")
    figures = run_report(engine, report.id, fiscal_year=2567)
    text = as_json(report, figures, fiscal_year=2567)
    text += " ".join(f.text() for f in figures)
    for private in (
        "somchai", "somjai", "prasert", "manop", "pranee", "Thongdee", "081 234",
        "New Year", "basket", "gift_declaration-", "GR 1", "receipt",
    ):  # fmt: skip
        assert private not in text
    published = json.loads(as_json(report, figures, fiscal_year=2567))["figures"]
    assert {f["id"]: f["value"] for f in published}["total_value"] == "30300.75"
    register = run_report(engine, "gift_register", fiscal_year=2567)
    register_text = " ".join(f.text() for f in register)
    assert "somjai" in register_text
    assert "GR 1/2567" in register_text


def test_the_published_report_may_not_read_personal_data(tmp_path: Path) -> None:
    """gift_public_figures is public: the loader refuses it if it lists the recipients."""
    library = load_library(registry=default_registry(entry_points=False), entry_points=False)
    text = (FLOWS / "reports" / "no_gift.yaml").read_text(encoding="utf-8")
    assert load_catalogue([FLOWS / "reports"], library.latest(), entry_points=False)
    leak = "      - *relation\n"
    assert text.count(leak) == 1
    who = "      - {id: who, label: {th: ผู้รับ, en: who}, list: declarations, show: recipient}\n"
    edited = text.replace(leak, leak + who)
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "no_gift.yaml").write_text(edited, encoding="utf-8")
    with pytest.raises(DefinitionError) as error:
        load_catalogue([folder], library.latest(), entry_points=False)
    [problem] = error.value.problems
    assert "may not read 'recipient'" in problem.message_en


# --- the pledge KPI ----------------------------------------------------------------


def test_pledge_kpi_matches_the_hand_count(engine: Engine) -> None:
    """Target: sompong, prasert, somchai, somjai (manop left); 2 of 4 pledged = 50%."""
    case_id = open_year(engine)
    for entry in ("sompong, prasert", "somchai", "somjai\nmanop", "somchai"):
        engine.fire(case_id, "add_to_target_group", actor=KANDA, data={"target_group": entry})
    engine.fire(
        case_id, "remove_from_target_group", actor=KANDA, data={"left_target_group": "manop"}
    )
    for who in ("sompong", "somchai", "wichai"):
        engine.start("no_gift_pledge", actor=staff(who), data={"fiscal_year": 2567})
    voided = engine.start("no_gift_pledge", actor=PRASERT, data={"fiscal_year": 2567})
    engine.fire(voided.id, "void", actor=KANDA, data={"void_reason": "error"})
    engine.start("no_gift_pledge", actor=staff("somjai"), data={"fiscal_year": 2568})
    kpi = figures_of(engine, "no_gift_pledges", 2567)
    # the pledges counted: sompong, somchai and wichai (prasert's was voided); wichai is
    # outside the target group, so the target is the two who pledged and the two missing
    assert (kpi["target_group"], kpi["pledged"], kpi["missing_count"]) == (4, 2, 2)
    assert kpi["missing"] == ("prasert", "somjai")
    assert kpi["outside_target"] == ("wichai",)
    assert kpi["pledge_rate"] == Decimal("50.00")
    survey = (kpi["survey_respondents"], kpi["survey_rate"], kpi["target_met"])
    assert survey == (None, None, False)
    engine.fire(case_id, "start_evaluation", actor=KANDA, data={"survey_instrument": "form"})
    engine.fire(
        case_id, "record_survey", actor=KANDA, data={"survey_respondents": 3, "survey_compliant": 2}
    )
    assert figures_of(engine, "no_gift_pledges", 2567)["survey_rate"] == Decimal("66.67")
    engine.start("no_gift_pledge", actor=staff("somjai"), data={"fiscal_year": 2567})
    engine.start("no_gift_pledge", actor=PRASERT, data={"fiscal_year": 2567})
    kpi = figures_of(engine, "no_gift_pledges", 2567)
    assert kpi["pledge_rate"] == Decimal("100.00")
    assert kpi["target_met"] is False  # the survey found 66.67%
    engine.fire(
        case_id, "record_survey", actor=KANDA, data={"survey_respondents": 4, "survey_compliant": 4}
    )
    kpi = figures_of(engine, "no_gift_pledges", 2567)
    assert (kpi["missing"], kpi["survey_rate"], kpi["target_met"]) == ((), Decimal("100.00"), True)


def test_pledge_kpi_needs_the_year_s_measure(engine: Engine) -> None:
    """Without a no_gift_policy case there is no target group: a clear error in both languages."""
    with pytest.raises(ReportError) as error:
        run_report(engine, "no_gift_pledges", fiscal_year=2569)
    assert "2569" in error.value.message_en
    assert "๒๕๖๙" in error.value.message_th


def test_percent_and_names(engine: Engine) -> None:
    """Percentages round half up to two decimals; list items may hold several names;
    an amount that is not a finite number counts as nothing."""
    assert [number(v) for v in ("1500.50", None, "x", "NaN")] == [
        Decimal("1500.50"),
        None,
        None,
        None,
    ]
    declare(engine, staff("somchai"), value="1,500.50")
    assert figures_of(engine, "gift_register", 2567)["total_value"] == Decimal("1500.50")
    case_id = open_year(engine)
    assert figures_of(engine, "no_gift_pledges", 2567)["pledge_rate"] is None  # 0 of 0
    for entry in ("a, b", "b\n c", "d"):
        engine.fire(case_id, "add_to_target_group", actor=KANDA, data={"target_group": entry})
    kpi = figures_of(engine, "no_gift_pledges", 2567)
    assert (kpi["target_group"], kpi["missing"]) == (4, ("a", "b", "c", "d"))
    engine.start("no_gift_pledge", actor=staff("a"), data={"fiscal_year": 2567})
    assert figures_of(engine, "no_gift_pledges", 2567)["pledge_rate"] == Decimal("25.00")
    engine.fire(case_id, "start_evaluation", actor=KANDA, data={"survey_instrument": "form"})
    for respondents, compliant, rate in ((3, 1, "33.33"), (3, 2, "66.67"), (8, 1, "12.50")):
        data = {"survey_respondents": respondents, "survey_compliant": compliant}
        engine.fire(case_id, "record_survey", actor=KANDA, data=data)
        assert figures_of(engine, "no_gift_pledges", 2567)["survey_rate"] == Decimal(rate)


# --- report steps --------------------------------------------------------------------


def test_reports_are_found_by_id_and_label(engine: Engine) -> None:
    """Features name reports by id or by Thai or English label."""
    declared = {r.id for r in engine.reports}
    assert declared >= {
        "gift_register",
        "gift_public_figures",
        "no_gift_pledges",
        "delegation_orders",
        "lending_register",
    }
    assert {"salary_step", "complaint_statistics"} <= declared
    catalogue = engine.reports
    assert catalogue.find("No Gift Policy pledges") is catalogue.find("no_gift_pledges")
    assert catalogue.find("ทะเบียนการแจ้งการรับของขวัญ") is catalogue.find("gift_register")
    assert catalogue.find("nothing") is None


@pytest.mark.parametrize(
    ("value", "cell", "agrees"),
    [
        (3, "๓", True),
        (3, "3,000", False),
        (Decimal("23800.50"), "๒๓,๘๐๐.๕๐ บาท", True),
        (Decimal("60.00"), "60%", True),
        (Decimal("60.00"), "ร้อยละ ๖๐", True),
        (Decimal("60.00"), "sixty", False),
        (None, "-", True),
        (None, "0", False),
        (True, "ใช่", True),
        (False, "no", True),
        (True, "no", False),
        (("a", "b"), "b, a", True),
        (("a", "b"), "a", False),
        ((), "-", True),
        ((), "ไม่มี", True),
        ("x", "x", True),
    ],
)
def test_figure_agrees(value: Any, cell: str, agrees: bool) -> None:
    """How a feature's cell is read against a figure."""
    assert figure_agrees(value, cell) is agrees


def test_render_value() -> None:
    """Figures print as people read them."""
    assert render_value(Decimal("23800.5")) == "23,800.50"
    assert render_value(Decimal("23800.5"), thai=True) == "๒๓,๘๐๐.๕๐"
    assert render_value(1500) == "1,500"
    assert render_value(True, thai=True) == "ใช่"
    assert render_value(()) == "-"
    assert render_value(None) == "-"


def test_world_report_steps_fail_clearly(engine: Engine, clock: FixedClock) -> None:
    """An unknown report or figure, a wrong value or a shown word fails with what was found."""
    world = World(engine, clock)
    declare(engine, staff("somchai"), value="800")
    world.expect_report("gift_register", "2567", [["declarations", "1"]])
    world.expect_report("gift_register", "2567", [["figure", "value"], ["declarations", "1"]])
    with pytest.raises(StepFailed, match='no report is called "nope"'):
        world.expect_report("nope", "2567", [])
    with pytest.raises(StepFailed, match='no figure "colour"'):
        world.expect_report("gift_register", "2567", [["colour", "1"]])
    with pytest.raises(StepFailed, match='expected "2", found "1"'):
        world.expect_report("gift_register", "2567", [["declarations", "2"]])
    with pytest.raises(StepFailed, match="two columns"):
        world.expect_report("gift_register", "2567", [["declarations"]])
    with pytest.raises(StepFailed, match="cannot be made"):
        world.expect_report("no_gift_pledges", "2567", [])
    world.expect_report_hides("gift_public_figures", "2567", "somchai")
    with pytest.raises(StepFailed, match='shows "somchai"'):
        world.expect_report_hides("gift_register", "2567", "somchai")


# --- the command line --------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI; (status, stdout, stderr)."""
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


@pytest.fixture
def db(tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> str:
    """A SQLite file with a measure, pledges and declarations of fiscal year 2567, its key
    in INTEGRITY_FLOWS_KEY for the commands."""
    path = tmp_path / "cases.db"
    key = FieldKey.generate()
    monkeypatch.setenv("INTEGRITY_FLOWS_KEY", key.text)
    with Engine.open(f"sqlite:///{path}", clock=clock, key=key) as engine:
        case_id = open_year(engine)
        engine.fire(case_id, "add_to_target_group", actor=KANDA, data={"target_group": "a, b, c"})
        engine.start("no_gift_pledge", actor=staff("a"), data={"fiscal_year": 2567})
        engine.fire(reviewed(engine, declare(engine, staff("a"), value="4800")), "order_hand_over",
                    actor=SOMPONG, data={"decision_note": "x"})  # fmt: skip
        declare(engine, staff("b"), value="1,200.50", giver="Ms Jaidee")
    return str(path)


def without_checkpoint(text: str) -> str:
    """A report's text without its checkpoint footer."""
    return re.sub(r"^จุดตรวจของบันทึก / checkpoint: .*\n", "", text, flags=re.M)


def checkpoint_size(text: str) -> int:
    """The tree size in a report's checkpoint footer."""
    return int(re.findall(r"checkpoint: \S+ size (\d+) root", text)[0])


def test_cli_register_hides_the_giver_unless_asked(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    """`no-gift register` lists the year's declarations; the giver only with --show-giver."""
    status, out, err = run(capsys, "no-gift", "register", "--db", db, "--fiscal-year", "๒๕๖๗")
    assert status == 0, err
    assert "รายการแจ้ง / declarations listed: 2" in out
    [recipients] = re.findall(r"ผู้รับ / recipients: (.*)", out)
    assert sorted(recipients.split(", ")) == ["a", "b"]  # same day and moment: either order
    assert "Jaidee" not in out  # the giver is not part of the register
    assert "มูลค่ารวม (บาท) / total value (baht): 6,000.50" in out
    status, alias, _ = run(capsys, "report", "gift_register", "--db", db, "--fiscal-year", "2567")
    assert (status, alias) == (0, out)
    status, out, err = run(
        capsys, "no-gift", "register", "--db", db, "--fiscal-year", "2567", "--show-giver"
    )
    assert status == 2  # a usage error
    assert "--actor" in err
    reader = ["--actor", "kanda", "--role", "เจ้าหน้าที่ผู้รับผิดชอบ", "--reason", "ทะเบียนประจำปี"]
    status, out, err = run(
        capsys, "no-gift", "register", "--db", db, "--fiscal-year", "2567", "--show-giver", *reader
    )
    assert status == 0, err
    assert "Ms Jaidee" in out
    status, same, err = run(
        capsys, "report", "gift_register", "--db", db, "--fiscal-year", "2567",
        "--reveal", "giver", *reader,
    )  # fmt: skip
    # The same register, but of a longer trail: the first run's readings were audited.
    assert (status, without_checkpoint(same)) == (0, without_checkpoint(out)), err
    assert checkpoint_size(same) == checkpoint_size(out) + 2  # one reading per case
    status, out, err = run(
        capsys, "no-gift", "register", "--db", db, "--fiscal-year", "2567", "--show-giver",
        "--actor", "b", "--role", "staff", "--reason", "อยากรู้",
    )  # fmt: skip
    assert status == 1
    assert "Jaidee" not in out + err
    assert "reader" in err or "to read" in err


def test_cli_summary_for_publication(capsys: pytest.CaptureFixture[str], db: str) -> None:
    """`no-gift summary` prints counts and values only; --format json for machines."""
    status, out, _ = run(capsys, "no-gift", "summary", "--db", db, "--fiscal-year", "2567")
    assert status == 0
    assert "ส่งมอบให้หน่วยงาน / handed over: 1" in out
    assert "Jaidee" not in out
    assert "ผู้รับ / recipients:" not in out
    status, out, _ = run(
        capsys, "no-gift", "summary", "--db", db, "--fiscal-year", "2567", "--format", "json"
    )
    data = {f["id"]: f["value"] for f in json.loads(out)["figures"]}
    assert data["total_value"] == "6000.50"
    assert {key: data[key] for key in DISPOSITIONS} == {
        "refused": 0, "returned": 0, "handed_over": 1, "kept": 0, "pending": 1,
    }  # fmt: skip


def test_cli_pledges_names_who_is_missing(capsys: pytest.CaptureFixture[str], db: str) -> None:
    """`no-gift pledges` prints the KPI and who has not pledged yet."""
    status, out, _ = run(capsys, "no-gift", "pledges", "--db", db, "--fiscal-year", "2567")
    assert status == 0
    assert "ผู้ที่ยังไม่รับทราบ / not pledged yet: b, c" in out
    assert "ร้อยละที่รับทราบ / pledge rate (%): 33.33" in out
    status, _, err = run(capsys, "no-gift", "pledges", "--db", db, "--fiscal-year", "2570")
    assert status == 1
    assert "ไม่สำเร็จ" in err
    assert "fiscal year 2570 has no No Gift Policy case" in err
    status, _, err = run(capsys, "no-gift", "pledges", "--db", db, "--fiscal-year", "next")
    assert status != 0
    assert "not a fiscal year" in err


def test_the_docs_example_runs() -> None:
    """The Python example of docs/no-gift.md runs as written."""
    text = (ROOT / "docs" / "no-gift.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks
    for index, block in enumerate(blocks):
        exec(compile(block, f"no-gift.md[{index}]", "exec"), {})  # our own docs
