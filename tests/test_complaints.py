"""Corruption complaints: tracking codes, the throttle, the desk, the flow's rules."""

from __future__ import annotations

import hmac
import json
import math
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from _complaints import (
    FLOW,
    KANDA,
    MANOP,
    NAME,
    PRANEE,
    SOMPONG,
    SOMSAK,
    T0,
    WEB,
    accepted,
    anonymous,
    file,
    investigating,
    named,
    quiet_desk,
    say,
    screened,
)
from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.cli import main
from integrity_flows.complaints import (
    ComplaintDesk,
    Throttle,
    TrackingNotFound,
    format_code,
    new_code,
    normalize_code,
)
from integrity_flows.complaints.tracking import CODE_DIGITS
from integrity_flows.errors import (
    GuardRejected,
    InvalidData,
    KeyRequired,
    NotAuthorized,
    TriggerNotAllowed,
    WrongKey,
)
from integrity_flows.plan.catalogue import load_plan
from integrity_flows.protection import FieldKey
from integrity_flows.testing import complaints as steps
from integrity_flows.testing.world import StepFailed, World


@pytest.fixture
def clock() -> FixedClock:
    """2 October 2566, 09:00 Thai time."""
    return FixedClock(T0)


@pytest.fixture
def engine(clock: FixedClock) -> Iterator[Engine]:
    """A memory engine (ephemeral key) with the bundled flows."""
    with Engine.open("memory://", clock=clock) as found:
        yield found


# --- tracking codes -----------------------------------------------------------------


def test_a_code_is_25_digits_in_five_groups_with_over_80_bits() -> None:
    """Codes are long enough not to be guessed and easy to read out."""
    codes = {new_code() for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        groups = code.split("-")
        assert [len(g) for g in groups] == [5] * 5
        assert all(g.isdigit() for g in groups)
    assert CODE_DIGITS * math.log2(10) >= 80


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("12345-67890-12345-67890-12345", "1234567890123456789012345"),
        (" 12345 67890 12345 67890 12345 ", "1234567890123456789012345"),
        ("๑๒๓๔๕-๖๗๘๙๐-๑๒๓๔๕-๖๗๘๙๐-๑๒๓๔๕", "1234567890123456789012345"),
        ("1234567890123456789012345", "1234567890123456789012345"),
        ("12345-67890", None),
        ("12345-67890-12345-67890-1234X", None),
        ("12345-67890-12345-67890-123456", None),
        ("corruption_complaint-0123456789ab", None),
        ("", None),
    ],
)
def test_codes_are_read_as_people_write_them(text: str, digits: str | None) -> None:
    """Spaces, hyphens and Thai digits are accepted; anything else is not a code."""
    assert normalize_code(text) == digits
    if digits:
        assert format_code(digits) == "12345-67890-12345-67890-12345"


def test_normalize_refuses_what_is_not_text() -> None:
    """A number or None is not a code."""
    assert normalize_code(1234567890123456789012345) is None  # type: ignore[arg-type]
    assert normalize_code(None) is None  # type: ignore[arg-type]


# --- the throttle -------------------------------------------------------------------


class Time:
    """A clock in seconds, and a sleep that only records."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


def test_the_throttle_slows_a_guessing_source_and_forgets_old_failures() -> None:
    """Free attempts, then a doubling wait up to the ceiling; old failures stop counting."""
    time = Time()
    throttle = Throttle(
        free=3, base=1.0, ceiling=8.0, window=60.0, clock=time.clock, sleep=time.sleep
    )
    waits = []
    for _ in range(8):
        waits.append(throttle.wait("10.0.0.1"))
        throttle.failed("10.0.0.1")
    assert waits == [0.0, 0.0, 0.0, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert time.slept == [1.0, 2.0, 4.0, 8.0, 8.0]
    assert throttle.delay("10.0.0.2") == 0.0  # another source is not slowed
    time.now += 61
    assert throttle.delay("10.0.0.1") == 0.0


def test_the_throttle_remembers_a_bounded_number_of_sources() -> None:
    """With no room left, a slowed-down source's charges go to the overflow count that
    every unknown source is charged with: forgetting it clears nothing."""
    time = Time()
    throttle = Throttle(free=1, max_sources=2, clock=time.clock, sleep=time.sleep)
    for source in ("a", "b", "c"):
        throttle.failed(source)
    assert throttle.delay("a") == 1.0  # forgotten: the overflow count
    assert throttle.delay("b") == 1.0
    assert throttle.delay("c") == 1.0
    assert throttle.delay("someone new") == 1.0
    time.now += 901
    assert throttle.delay("someone new") == 0.0


def test_follow_is_throttled_per_source_and_a_right_code_does_not_reset(engine: Engine) -> None:
    """Wrong codes from one source slow that source down, even between right ones."""
    time = Time()
    throttle = Throttle(free=2, base=0.5, clock=time.clock, sleep=time.sleep)
    desk = ComplaintDesk(engine, throttle=throttle)
    filed = desk.file(actor=WEB, data=anonymous())
    for _ in range(3):
        with pytest.raises(TrackingNotFound):
            desk.follow("00000-00000-00000-00000-00000", source="attacker")
    desk.follow(filed.tracking_code, source="attacker")
    assert time.slept == [0.5, 1.0]
    desk.follow(filed.tracking_code, source="complainant")
    assert time.slept == [0.5, 1.0]


# --- the desk -----------------------------------------------------------------------


def test_filing_returns_a_code_kept_only_as_a_keyed_hash(engine: Engine) -> None:
    """The case holds the keyed hash; the code is in no case, no event, no log."""
    filed = file(engine)
    digits = filed.tracking_code.replace("-", "")
    stored = filed.case.data["tracking_hash"]
    assert len(stored) == 64
    assert digits not in stored
    everything = json.dumps(
        [e.as_dict() for e in engine.events()] + [dict(c.data) for c in engine.cases()],
        ensure_ascii=False,
    )
    assert digits not in everything
    assert filed.tracking_code not in everything
    assert filed.tracking_code not in repr(filed)
    assert engine.history(filed.case.id)[0].data["tracking_hash"] == "***"


def test_follow_shows_only_what_the_complainant_may_see(engine: Engine, clock: FixedClock) -> None:
    """Stage and dates in both languages (B.E.), the messages; no ids, no officers."""
    filed = file(engine)
    clock.advance(days=1)
    investigating(engine, filed.case.id)
    progress = quiet_desk(engine).follow(filed.tracking_code, source="198.51.100.1")
    assert (progress.stage.th, progress.stage.en) == (
        "อยู่ระหว่างสืบสวนข้อเท็จจริง",
        "fact-finding under way",
    )
    assert not progress.closed
    assert [m.text for m in progress.messages] == ["ได้รับเรื่องแล้ว", "รับเรื่อง", "เริ่มสืบสวน"]
    shown = progress.as_dict()
    assert shown["received"] == {"th": "๒ ตุลาคม ๒๕๖๖", "en": "2 October B.E. 2566"}
    assert shown["stage_since"]["en"] == "3 October B.E. 2566"
    assert shown["messages"][0]["date"]["th"] == "๓ ตุลาคม ๒๕๖๖"
    text = json.dumps(shown, ensure_ascii=False) + "\n".join(
        progress.lines("th") + progress.lines("en")
    )
    for hidden in (filed.case.id, "kanda", "pranee", "somchai", "fact_finding", "กองช่าง"):
        assert hidden not in text
    assert "Stage: fact-finding under way" in progress.lines("en")[1]
    assert progress.lines("th")[2] == "วันที่รับเรื่อง: ๒ ตุลาคม ๒๕๖๖"


def test_follow_a_new_complaint_has_no_messages_yet(engine: Engine) -> None:
    """Before any message, the complainant is told there is none yet."""
    progress = quiet_desk(engine).follow(file(engine).tracking_code, source="198.51.100.1")
    assert progress.messages == ()
    assert progress.lines("en")[-1] == "Messages: none yet"
    assert progress.lines("th")[-1] == "ข้อความจากหน่วยงาน: ยังไม่มี"


@pytest.mark.parametrize(
    "code",
    ["12345-67890-12345-67890-12345", "12345", "", "not a code at all", "๑๒๓"],
)
def test_any_wrong_code_gets_the_same_not_found(engine: Engine, code: str) -> None:
    """Malformed or unknown, the answer is the same plain message."""
    file(engine)
    with pytest.raises(TrackingNotFound) as caught:
        quiet_desk(engine).follow(code, source="198.51.100.1")
    assert (
        caught.value.message_en
        == "no complaint was found for this tracking code; please check the code"
    )
    assert caught.value.message_th.startswith("ไม่พบเรื่องร้องเรียน")


def test_follow_compares_hashes_in_constant_time(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stored hash and the hash of the code given are compared with compare_digest."""
    filed = file(engine)
    seen: list[tuple[bytes, bytes]] = []
    original = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return original(a, b)

    monkeypatch.setattr("integrity_flows.complaints.desk.hmac.compare_digest", spy)
    quiet_desk(engine).follow(filed.tracking_code, source="198.51.100.1")
    assert seen == [(filed.case.data["tracking_hash"].encode(),) * 2]


def test_a_right_code_with_another_key_says_wrong_key(tmp_path: Path, clock: FixedClock) -> None:
    """The hash is keyed: with another key the desk cannot even open the store, and says
    "wrong key" instead of a misleading "not found"."""
    db = f"sqlite:///{tmp_path}/c.db"
    with Engine.open(db, clock=clock, key="ifkey1:" + "A" * 43) as engine:
        filed = file(engine)
        fingerprint = engine.key.fingerprint if engine.key else ""
    other = "ifkey1:" + "B" * 43
    with pytest.raises(WrongKey) as wrong:
        Engine.open(db, clock=clock, key=other)
    assert "wrong key" in wrong.value.message_en
    assert fingerprint in wrong.value.message_en
    assert not isinstance(wrong.value, TrackingNotFound)
    with Engine.open(db, clock=clock, key="ifkey1:" + "A" * 43) as engine:
        assert quiet_desk(engine).follow(filed.tracking_code, source="a").stage.en
    with Engine.open(db, clock=clock) as engine, pytest.raises(KeyRequired) as caught:
        quiet_desk(engine).follow(filed.tracking_code, source="198.51.100.1")
    assert "no encryption key" in caught.value.message_en


def test_filing_without_a_key_is_refused_and_recorded(tmp_path: Path, clock: FixedClock) -> None:
    """No key, no complaint: the refused start is in the audit trail, no case exists."""
    with Engine.open(f"sqlite:///{tmp_path}/c.db", clock=clock) as engine:
        with pytest.raises(KeyRequired) as caught:
            file(engine, KANDA, **named())
        assert NAME not in str(caught.value)
        assert engine.cases() == []
        [event] = list(engine.events())
        assert (event.actor, event.outcome, event.refusal) == ("kanda", "refused", "key_required")
        assert NAME not in json.dumps(event.as_dict(), ensure_ascii=False)


# --- the flow -----------------------------------------------------------------------


def test_every_transition_cites_a_step_of_projects_33_or_34(engine: Engine) -> None:
    """The complaint flows cite only written steps of projects 33 and 34."""
    plan = load_plan()
    for flow_id in (FLOW, "complaint_measure"):
        definition = engine.flows.get(flow_id)
        cites = [definition.start.cites, *(t.cites for t in definition.transitions)]
        for cite in cites:
            project, step = cite.split("/")
            assert project in ("33", "34"), cite
            found = plan.project(int(project))
            assert found is not None
            assert found.step(step) is not None, cite
        for state in definition.states.values():
            assert state.label.th
            assert state.label.en


def test_a_named_complaint_needs_a_name_and_the_web_form_files_online_only(engine: Engine) -> None:
    """Named without a name, or the web form filing a telephone complaint, is refused."""
    with pytest.raises(GuardRejected) as caught:
        file(engine, KANDA, channel="phone", details="x")
    assert caught.value.mentions("ต้องระบุชื่อผู้ร้องเรียน")
    with pytest.raises(NotAuthorized) as online:
        file(engine, WEB, channel="phone", anonymous=True, details="x")
    assert online.value.mentions("online complaints only")
    with pytest.raises(NotAuthorized):
        file(engine, KANDA, channel="online", anonymous=True, details="x")
    with pytest.raises(InvalidData):
        file(engine, KANDA, channel="by pigeon", anonymous=True, details="x")
    filed = file(engine, KANDA, **named())
    assert filed.case.data["anonymous"] is False


def test_independence_rules(engine: Engine) -> None:
    """Not the accused, not of the accused's unit, not someone who declared a conflict."""
    case_id = file(engine).case.id
    engine.fire(case_id, "acknowledge", actor=KANDA, data=say("ok"))
    screening = screened("สำนักปลัด")
    with pytest.raises(NotAuthorized) as same_unit:
        engine.fire(case_id, "accept", actor=KANDA, data=screening)
    assert same_unit.value.mentions("conflict_of_interest")
    engine.fire(
        case_id,
        "accept",
        actor=SOMPONG,
        data=screened("กองช่าง"),
    )
    with pytest.raises(NotAuthorized):
        engine.fire(
            case_id,
            "assign",
            actor=SOMPONG,
            data={"investigator": "somchai", "assignment_order": "1"},
        )
    engine.fire(
        case_id, "assign", actor=SOMPONG, data={"investigator": "somsak", "assignment_order": "1"}
    )
    with pytest.raises(NotAuthorized) as caught:
        engine.fire(case_id, "take_up", actor=SOMSAK, data=say("x"))
    assert [r.code for r in caught.value.reasons] == ["conflict_of_interest"]
    unknown_unit = Actor("somsak", roles={"fact_finding_officer"})
    with pytest.raises(NotAuthorized) as no_unit:
        engine.fire(case_id, "take_up", actor=unknown_unit, data=say("x"))
    assert no_unit.value.mentions("unit is not known")
    with pytest.raises(NotAuthorized) as not_named:
        engine.fire(case_id, "take_up", actor=PRANEE, data=say("x"))
    assert not_named.value.mentions("actor_named_in")
    engine.fire(
        case_id, "record_conflict", actor=KANDA, data={"declared_conflicts": "wilai, pranee"}
    )
    with pytest.raises(NotAuthorized) as declared:
        engine.fire(
            case_id,
            "assign",
            actor=SOMPONG,
            data={"investigator": "pranee", "assignment_order": "2"},
        )
    assert declared.value.mentions("pranee")
    assert engine.get(case_id).state == "assigned"
    assert engine.verify().ok


def test_every_stage_deadline_is_escalated_by_the_sweep(engine: Engine, clock: FixedClock) -> None:
    """Acknowledgement, screening, assignment, fact-finding and inquiry escalate when late."""
    late = {}
    for trigger, prepare in (
        ("escalate_acknowledgement", lambda c: None),
        ("escalate_screening", lambda c: engine.fire(c, "acknowledge", actor=KANDA, data=say("x"))),
        ("escalate_assignment", lambda c: accepted(engine, c)),
        ("escalate_fact_finding", lambda c: investigating(engine, c)),
    ):
        case_id = file(engine).case.id
        prepare(case_id)
        late[case_id] = trigger
    clock.advance(days=61)
    results = engine.sweep()
    assert {(r.case_id, r.trigger) for r in results} == set(late.items())
    states = {engine.get(c).state for c in late}
    assert states == {
        "acknowledgement_overdue",
        "screening_overdue",
        "assignment_overdue",
        "fact_finding_overdue",
    }
    assert all(engine.history(c)[-1].actor == "system" for c in late)


def test_the_disciplinary_steps_and_their_deadline(engine: Engine, clock: FixedClock) -> None:
    """Substantiated, inquiry (escalated when late), report, then a dismissal of the charge."""
    case_id = file(engine).case.id
    investigating(engine, case_id)
    engine.fire(
        case_id, "report_substantiated", actor=PRANEE, data={"findings": "มีมูล", **say("มีมูล")}
    )
    engine.fire(case_id, "appoint_inquiry", actor=SOMPONG, data={"inquiry_order": "2/2567"})
    clock.advance(days=121)
    [result] = engine.sweep()
    assert (result.trigger, result.state) == ("escalate_inquiry", "inquiry_overdue")
    with pytest.raises(NotAuthorized):
        engine.fire(
            case_id,
            "report_inquiry",
            actor=Actor("somchai", roles={"inquiry_committee"}),
            data={"inquiry_report": "x"},
        )
    engine.fire(case_id, "report_inquiry", actor=MANOP, data={"inquiry_report": "ไม่ผิด"})
    with pytest.raises(InvalidData):
        engine.fire(case_id, "dismiss_charge", actor=SOMPONG, data=say("ยุติ"))
    engine.fire(
        case_id, "dismiss_charge", actor=SOMPONG, data={"dismissal_reason": "พยานไม่พอ", **say("ยุติ")}
    )
    with pytest.raises(TriggerNotAllowed):
        engine.fire(case_id, "impose_penalty", actor=SOMPONG, data={"penalty": "probation"})
    engine.fire(case_id, "close", actor=KANDA, data=say("ยุติเรื่อง"))
    assert engine.get(case_id).state == "closed"
    assert engine.get(case_id).data["closed_at"]
    assert engine.verify().ok


def test_each_stage_needs_a_message_to_the_complainant(engine: Engine) -> None:
    """Acknowledging without telling the complainant is refused."""
    case_id = file(engine).case.id
    with pytest.raises(InvalidData) as caught:
        engine.fire(case_id, "acknowledge", actor=KANDA)
    assert caught.value.mentions("ข้อความแจ้งผู้ร้องเรียน")
    engine.fire(case_id, "acknowledge", actor=KANDA, data=say("ได้รับแล้ว"))
    engine.fire(case_id, "report_progress", actor=KANDA, data=say("กำลังพิจารณา"))
    assert engine.get(case_id).state == "acknowledged"


# --- the command line ---------------------------------------------------------------


def test_cli_file_and_follow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`complaint file` prints the code once; `complaint follow` shows the progress."""
    monkeypatch.setenv("INTEGRITY_FLOWS_KEY", "ifkey1:" + "C" * 43)
    db = str(tmp_path / "c.db")
    args = ["complaint", "file", "--db", db, "--actor", "web-form", "--role", "online_channel",
            "--data", "channel=online", "--data", "anonymous=yes", "--data", "details=รับเงิน",
            "--at", "2023-10-02T09:00:00+07:00"]  # fmt: skip
    assert main(args) == 0
    out = capsys.readouterr().out
    code = out.split("tracking code: ")[1].split()[0]
    assert normalize_code(code)
    assert main(["complaint", "follow", code, "--db", db, "--lang", "en"]) == 0
    shown = capsys.readouterr().out
    assert "Stage: received (since 2 October B.E. 2566; in progress)" in shown
    assert "สถานะ" not in shown
    assert main(["complaint", "follow", code.replace("-", " "), "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["stage"]["th"] == "รับเรื่องแล้ว"
    started = time.monotonic()
    assert main(["complaint", "follow", "00000", "--db", db, "--wrong-code-delay", "0.2"]) == 1
    assert time.monotonic() - started >= 0.2  # a wrong code is answered late, even here
    err = capsys.readouterr().err
    assert "ไม่พบเรื่องร้องเรียนตามรหัสติดตามนี้" in err
    assert "no complaint was found" in err
    refused = [*args[:-2], "--data", "channel=phone"]
    assert main(refused) == 1
    assert "online complaints only" in capsys.readouterr().err


# --- the scenario world -------------------------------------------------------------


def test_the_complaint_steps_fail_clearly(tmp_path: Path, clock: FixedClock) -> None:
    """Each complaint step says, in both languages, what did not hold."""
    with Engine.open(f"sqlite:///{tmp_path}/w.db", clock=clock, key=FieldKey.generate()) as e:
        world = World(e, clock)
        world.give_roles("web", ["ช่องทางร้องเรียนการทุจริตออนไลน์"])
        world.give_roles("kanda", ["complaint officer", "coordinator"], unit="สำนักปลัด")
        world.start(
            "web", FLOW, [["channel", "online"], ["anonymous", "yes"], ["details", "x"]], "C"
        )
        world.start("kanda", "complaint_measure", [["fiscal year", "2567"]], "M")
        with pytest.raises(StepFailed, match="has not followed"):
            steps.expect_stage(world, "received")
        with pytest.raises(StepFailed, match="no tracking code"):
            steps.follow(world, "M")
        with pytest.raises(StepFailed, match="issued no tracking code"):
            steps.expect_code_issued(world, "M")
        steps.follow(world, "C")
        with pytest.raises(StepFailed, match="sees the stage"):
            steps.expect_stage(world, "closed")
        with pytest.raises(StepFailed, match="no message"):
            steps.expect_message(world, "hello")
        with pytest.raises(StepFailed, match="complainant sees"):
            steps.expect_unseen(world, "received")
        with pytest.raises(StepFailed, match="found a complaint"):
            steps.expect_not_found(world, world.codes[world.cases["C"]])
        with pytest.raises(StepFailed, match="appears in clear in the audit trail"):
            steps.expect_nowhere(world, "web")
        with pytest.raises(StepFailed, match="database file"):
            steps.expect_nowhere(world, "corruption_complaint")
        with pytest.raises(StepFailed, match="could not read"):
            steps.reveal(world, "web", "details", "x", "C", None)
        with pytest.raises(StepFailed, match="reads"):
            steps.reveal(world, "kanda", "details", "ดู", "C", "y")
        with pytest.raises(StepFailed, match="should have been refused"):
            steps.cannot_reveal(world, "kanda", "details", None, "C")
        with pytest.raises(StepFailed, match="not because"):
            steps.cannot_reveal(world, "web", "details", "nothing like this", "C")
        world.codes[world.cases["C"]] = "00000-00000-00000-00000-00000"
        with pytest.raises(StepFailed, match="following with the tracking code failed"):
            steps.follow(world, "C")


def test_coverage_names_a_repeated_trigger_once(engine: Engine) -> None:
    """report_progress, written once per stage, implements 34/5.1 once in the coverage."""
    from integrity_flows.plan.catalogue import coverage

    report = coverage(load_plan(), engine.flows.latest())
    step = report.step("34/5.1")
    assert step is not None
    assert [ref.trigger for ref in step.transitions] == ["start", "report_progress"]
    assert all(report.step(f"33/5.{n}").implemented for n in range(1, 12))  # type: ignore[union-attr]
