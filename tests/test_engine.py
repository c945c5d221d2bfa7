"""The engine on the asset lending flow: who may do what, when, with which data, and what
the audit trail and the log show."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from structlog.testing import capture_logs
from transitions import MachineError

from _lending import (
    APPROVER_STAFF,
    BOSS,
    INSPECTOR,
    KANYA,
    OUTSIDER,
    PHONE,
    SOMCHAI,
    SOMSRI,
    SOMYING,
    T0,
    announce_rules,
    lend,
    request,
)
from integrity_flows import SYSTEM, Actor, Engine, FixedClock
from integrity_flows.case import Case
from integrity_flows.errors import (
    BadCaseId,
    CaseNotFound,
    DefinitionError,
    GuardRejected,
    InvalidData,
    NotAuthorized,
    Refused,
    TriggerNotAllowed,
    UnknownFlow,
    UnknownTrigger,
)
from integrity_flows.protection import FieldKey


@pytest.fixture
def clock() -> FixedClock:
    """A clock fixed at 1 October 2566, 10:00 Thai time."""
    return FixedClock(T0)


@pytest.fixture
def engine(clock: FixedClock) -> Iterator[Engine]:
    """An engine on the memory store with the bundled flows."""
    with Engine.open("memory://", clock=clock) as engine:
        yield announce_rules(engine)


def state_of(engine: Engine, case_id: str) -> tuple[str, int, dict[str, object]]:
    """What a refusal must leave unchanged: state, version and data."""
    case = engine.get(case_id)
    return case.state, case.version, dict(case.data)


def refused_without_change(
    engine: Engine, case: Case, refusal: type[Refused], trigger: str, actor: Actor, **kwargs: object
) -> Refused:
    """Fire, expect ``refusal``, and check that only a refusal event was added."""
    before = state_of(engine, case.id)
    events = len(engine.history(case.id))
    with pytest.raises(refusal) as caught:
        engine.fire(case.id, trigger, actor=actor, **kwargs)  # type: ignore[arg-type]
    assert state_of(engine, case.id) == before
    history = engine.history(case.id)
    assert len(history) == events + 1
    assert history[-1].outcome == "refused"
    assert history[-1].refusal == caught.value.code
    assert history[-1].actor == actor.id
    assert engine.verify().ok
    return caught.value


# --- the way a loan normally goes -----------------------------------------------------


def test_happy_path(engine: Engine, clock: FixedClock) -> None:
    """Request, check, approve, hand over, return intact: every step moves and is audited."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request(borrower_phone=PHONE))
    assert case.state == "requested"
    assert case.actors == {"requester": "somchai"}
    assert case.data["borrower"] == "somchai"
    assert case.data["borrower_type"] == "internal"
    assert case.data["return_date"] == "2023-10-10"
    assert engine.available(case.id, actor=KANYA) == ["check", "reject", "cancel"]
    assert engine.available(case.id, actor=SOMCHAI) == ["cancel"]
    case = engine.fire(case.id, "check", actor=KANYA, data={"check_note": "ว่าง"})
    case = engine.fire(case.id, "approve", actor=SOMYING)
    clock.advance(hours=2)
    case = engine.fire(
        case.id, "hand_over", actor=KANYA, data={"register_no": "ย.1/2567", "condition_out": "ดี"}
    )
    assert case.state == "on_loan"
    assert case.data["handed_over_at"] == "2023-10-01T05:00:00.000000Z"
    assert [d.trigger for d in case.deadlines] == ["mark_overdue"]
    clock.advance(days=3)
    case = engine.fire(case.id, "return_intact", actor=INSPECTOR, data={"condition_in": "ดี"})
    assert (case.state, case.version, case.events) == ("returned", 5, 5)
    assert case.deadlines == ()
    assert case.fired_by == {
        "start": "somchai",
        "check": "kanya",
        "approve": "somying",
        "hand_over": "kanya",
        "return_intact": "inspector",
    }
    history = engine.history(case.id)
    assert [(e.trigger, e.actor, e.to_state) for e in history] == [
        ("start", "somchai", "requested"),
        ("check", "kanya", "checked"),
        ("approve", "somying", "approved"),
        ("hand_over", "kanya", "on_loan"),
        ("return_intact", "inspector", "returned"),
    ]
    assert [e.cites for e in history] == ["13/5.1", "13/5.4", "13/5.1", "13/5.4", "13/5.4"]
    assert history[1].data == {"check_note": "ว่าง"}
    # The approval names the year's announced rules it rested on (project 13, step 5.1).
    relied = history[2].authority["counterparts"]["asset_rules"]
    assert (relied["state"], relied["match"]) == ("announced", {"fiscal_year": 2567})
    assert history[2].authority["roles"] == ["approver"]
    assert all(e.moved for e in history)
    assert engine.available(case.id, actor=KANYA) == []
    assert engine.verify().ok


def test_cancel_by_the_requester(engine: Engine) -> None:
    """The requester (a per-case role) may cancel their own request; another staff may not."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    refused_without_change(engine, case, NotAuthorized, "cancel", SOMSRI)
    assert engine.fire(case.id, "cancel", actor=SOMCHAI).state == "cancelled"


def test_reject_needs_a_decision_note(engine: Engine) -> None:
    """Rejecting requires a decision note; with one the case is rejected."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    error = refused_without_change(engine, case, InvalidData, "reject", KANYA)
    assert error.mentions("decision note")
    assert error.mentions("ความเห็นผู้อนุมัติ")
    case = engine.fire(case.id, "reject", actor=KANYA, data={"decision_note": "ไม่ว่าง"})
    assert case.state == "rejected"


# --- refusals -----------------------------------------------------------------------------


def test_wrong_role_not_authorized(engine: Engine) -> None:
    """A staff member without the custodian role cannot check a request."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    error = refused_without_change(engine, case, NotAuthorized, "check", SOMSRI)
    assert error.mentions("custodian")
    assert error.mentions("เจ้าหน้าที่พัสดุ")
    assert [r.code for r in error.reasons] == ["role"]


def test_requester_cannot_approve_own_request(engine: Engine) -> None:
    """An approver who asked to borrow cannot approve their own request (separation of duties)."""
    case = engine.start("asset_lending", actor=APPROVER_STAFF, data=request())
    engine.fire(case.id, "check", actor=KANYA)
    error = refused_without_change(engine, case, NotAuthorized, "approve", APPROVER_STAFF)
    assert error.mentions("requester")
    assert error.mentions("ผู้ขอ")
    assert "separation_of_duties" in {r.code for r in error.reasons}
    assert "role" not in {r.code for r in error.reasons}
    assert "approve" not in engine.available(case.id, actor=APPROVER_STAFF)
    history = engine.history(case.id)
    assert any("ผู้ขอ" in r["th"] for r in history[-1].reasons)


def test_trigger_not_allowed_in_state(engine: Engine) -> None:
    """Handing over a request that is not approved is refused, naming what is allowed."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    error = refused_without_change(
        engine,
        case,
        TriggerNotAllowed,
        "hand_over",
        KANYA,
        data={"register_no": "R1", "condition_out": "ok"},
    )
    assert error.state == "requested"
    assert "allowed: check, reject, cancel" in error.message_en


def test_unknown_trigger(engine: Engine) -> None:
    """A trigger the flow does not have is refused and audited."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    error = refused_without_change(engine, case, UnknownTrigger, "fly", KANYA)
    assert error.trigger == "fly"
    assert engine.history(case.id)[-1].trigger == "fly"


def test_bad_date_is_invalid_data(engine: Engine) -> None:
    """A date that cannot be read is refused as invalid data, at start and on a fire."""
    with pytest.raises(InvalidData) as caught:
        engine.start(
            "asset_lending", actor=SOMCHAI, data=request(return_date="เร็ว ๆ นี้"), case_id="bad-date"
        )
    assert caught.value.mentions("return date")
    assert caught.value.mentions("กำหนดส่งคืน")
    assert engine.history("bad-date")[0].refusal == "invalid_data"
    with pytest.raises(CaseNotFound):
        engine.get("bad-date")
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    refused_without_change(
        engine, case, InvalidData, "check", KANYA, data={"start_date": "31/02/2566"}
    )


def test_unknown_field_is_invalid_data(engine: Engine) -> None:
    """A data field the flow does not declare is refused as invalid data."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    error = refused_without_change(
        engine, case, InvalidData, "check", KANYA, data={"colour": "red"}
    )
    assert [r.code for r in error.reasons] == ["unknown_field"]


def test_missing_required_start_data(engine: Engine) -> None:
    """A start without the required fields is refused, naming each one."""
    with pytest.raises(InvalidData) as caught:
        engine.start("asset_lending", actor=SOMCHAI, data={"item": "car"})
    assert caught.value.mentions("purpose")
    assert caught.value.mentions("return date")


def test_data_by_label_thai_digits_and_buddhist_era(engine: Engine) -> None:
    """Fields and choices may be named by their Thai labels, dates in B.E. with Thai digits."""
    case = engine.start(
        "asset_lending",
        actor=SOMCHAI,
        data={
            "ทรัพย์สิน": "กล้องถ่ายรูป",
            "วัตถุประสงค์": "งานพิธี",
            "กำหนดส่งคืน": "๕ ต.ค. ๒๕๖๖",
            "ประเภทผู้ยืม": "บุคคลภายใน",
        },
    )
    assert case.data["item"] == "กล้องถ่ายรูป"
    assert case.data["return_date"] == "2023-10-05"
    assert case.data["borrower_type"] == "internal"


def test_unknown_flow_and_unknown_case(engine: Engine) -> None:
    """Starting an unknown flow or firing on an unknown case is refused."""
    with pytest.raises(UnknownFlow):
        engine.start("no_such_flow", actor=SOMCHAI, case_id="nf-1")
    assert engine.history("nf-1")[0].refusal == "unknown_flow"
    with pytest.raises(CaseNotFound):
        engine.fire("no-such-case", "check", actor=KANYA)
    assert engine.verify().ok


def test_start_by_a_role_that_may_not_start(engine: Engine) -> None:
    """Only staff, outside borrowers and custodians may ask to borrow."""
    with pytest.raises(NotAuthorized) as caught:
        engine.start("asset_lending", actor=INSPECTOR, data=request(), case_id="s1")
    assert caught.value.mentions("staff")
    assert engine.history("s1")[0].outcome == "refused"
    assert engine.verify().ok


def test_refused_fire_changes_only_the_trail(engine: Engine) -> None:
    """A refused fire leaves state, version, data, actors and deadlines as they were."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    case = engine.fire(case.id, "check", actor=KANYA)
    before = engine.get(case.id)
    with pytest.raises(NotAuthorized):
        engine.fire(case.id, "approve", actor=SOMSRI, data={"decision_note": "x"})
    after = engine.get(case.id)
    assert (after.state, after.version, after.data) == (before.state, before.version, before.data)
    assert (after.actors, after.fired_by, after.deadlines) == (
        before.actors,
        before.fired_by,
        before.deadlines,
    )
    assert after.events == before.events + 1
    assert after.head != before.head
    refusal = engine.history(case.id)[-1]
    assert (refusal.outcome, refusal.from_state, refusal.to_state) == ("refused", "checked", None)
    assert refusal.case_version == before.version
    assert refusal.data == {}


def test_trigger_by_thai_and_english_label(engine: Engine) -> None:
    """A trigger may be named by its Thai or English label; the trail records its id."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    case = engine.fire(case.id, "ตรวจสอบคำขอ", actor=KANYA)
    case = engine.fire(case.id, "อนุมัติ", actor=SOMYING)
    case = engine.fire(
        case.id, "Hand Over", actor=KANYA, data={"register_no": "R1", "condition_out": "ok"}
    )
    assert case.state == "on_loan"
    assert [e.trigger for e in engine.history(case.id)] == [
        "start",
        "check",
        "approve",
        "hand_over",
    ]


# --- rules of the lending flow -----------------------------------------------------------


def test_external_borrower_needs_the_executive(engine: Engine) -> None:
    """An outside borrower's loan is approved only by the executive, not the approver."""
    case = engine.start(
        "asset_lending", actor=OUTSIDER, data=request(borrower_type="บุคคลภายนอกหรือภาคเอกชน")
    )
    assert case.data["borrower_type"] == "external"
    engine.fire(case.id, "check", actor=KANYA)
    error = refused_without_change(engine, case, NotAuthorized, "approve", SOMYING)
    assert error.mentions("executive")
    assert error.mentions("ผู้บริหาร")
    assert "approve" not in engine.available(case.id, actor=SOMYING)
    assert "approve" in engine.available(case.id, actor=BOSS)
    assert engine.fire(case.id, "approve", actor=BOSS).state == "approved"


def test_host_setting_overrides_the_flow(clock: FixedClock) -> None:
    """A host may let the approver approve outside borrowers through the flow's setting."""
    settings = {"asset_lending": {"external_approval_role": "approver"}}
    with Engine.open("memory://", clock=clock, settings=settings) as engine:
        announce_rules(engine)
        assert engine.settings("asset_lending")["external_approval_role"] == "approver"
        assert engine.settings("asset_lending")["escalate_after_days"] == 7
        case = engine.start("asset_lending", actor=OUTSIDER, data=request(borrower_type="external"))
        engine.fire(case.id, "check", actor=KANYA)
        assert engine.fire(case.id, "approve", actor=SOMYING).state == "approved"


def test_unknown_setting_is_rejected(clock: FixedClock) -> None:
    """A setting the flow does not declare, or a flow that does not exist, is refused."""
    with pytest.raises(DefinitionError, match="has no setting 'approval_role'"):
        Engine.open("memory://", settings={"asset_lending": {"approval_role": "approver"}})
    with pytest.raises(DefinitionError, match="unknown flow 'asset_lendng'"):
        Engine.open("memory://", settings={"asset_lendng": {"escalate_after_days": 3}})


def test_item_cannot_be_lent_twice(engine: Engine) -> None:
    """While an item is approved or on loan, nobody else may request or get it checked."""
    first = engine.start("asset_lending", actor=SOMCHAI, data=request("โปรเจกเตอร์ 1"))
    waiting = engine.start("asset_lending", actor=SOMSRI, data=request("โปรเจกเตอร์ 1"))
    engine.fire(first.id, "check", actor=KANYA)
    engine.fire(first.id, "approve", actor=SOMYING)
    with pytest.raises(GuardRejected) as caught:
        engine.start("asset_lending", actor=SOMSRI, data=request("โปรเจกเตอร์ 1"))
    assert caught.value.mentions("already lent")
    assert caught.value.mentions("ถูกยืมอยู่แล้ว")
    error = refused_without_change(engine, waiting, GuardRejected, "check", KANYA)
    assert error.mentions("already lent")
    other = engine.start("asset_lending", actor=SOMSRI, data=request("โปรเจกเตอร์ 2"))
    assert other.state == "requested"


def test_item_free_again_after_return(engine: Engine) -> None:
    """Once returned, the item may be lent again."""
    case = lend(engine, item="กล้อง")
    engine.fire(case.id, "return_intact", actor=KANYA, data={"condition_in": "ดี"})
    again = engine.start("asset_lending", actor=SOMSRI, data=request("กล้อง"))
    assert engine.fire(again.id, "check", actor=KANYA).state == "checked"


def test_register_number_used_once(engine: Engine) -> None:
    """A lending register number cannot be used for two loans."""
    first = lend(engine, item="A")
    register_no = first.data["register_no"]
    second = engine.start("asset_lending", actor=SOMSRI, data=request("B"))
    engine.fire(second.id, "check", actor=KANYA)
    engine.fire(second.id, "approve", actor=SOMYING)
    error = refused_without_change(
        engine,
        second,
        GuardRejected,
        "hand_over",
        KANYA,
        data={"register_no": register_no, "condition_out": "ok"},
    )
    assert error.mentions("register number is already used")


def test_sweep_marks_overdue_then_escalates(engine: Engine) -> None:
    """The sweep fires mark_overdue as the system when the return date has passed, then
    escalate 7 days later."""
    case = lend(engine)  # return date 10 Oct 2566
    due = datetime(2023, 10, 10, 17, 0, tzinfo=UTC)  # 11 Oct 00:00 Thai time
    assert case.deadlines[0].due == due
    assert engine.sweep(due - timedelta(seconds=1)) == []
    (result,) = engine.sweep(due)
    assert (result.case_id, result.trigger, result.due, result.state, result.refused) == (
        case.id,
        "mark_overdue",
        due,
        "overdue",
        None,
    )
    assert engine.sweep(due) == []  # nothing left due
    case = engine.get(case.id)
    assert case.state == "overdue"
    assert case.deadlines[0].trigger == "escalate"
    assert case.deadlines[0].due == due + timedelta(days=7)
    assert engine.sweep(due + timedelta(days=6, hours=23)) == []
    (result,) = engine.sweep(due + timedelta(days=7))
    assert (result.trigger, result.state) == ("escalate", "escalated")
    history = engine.history(case.id)
    assert [(e.trigger, e.actor, e.reason) for e in history[-2:]] == [
        ("mark_overdue", SYSTEM.id, "deadline"),
        ("escalate", SYSTEM.id, "deadline"),
    ]
    assert history[-1].when == due + timedelta(days=7)
    assert engine.get(case.id).deadlines == ()
    assert engine.verify().ok


def test_sweep_fires_chained_deadlines_once_each(engine: Engine) -> None:
    """A late sweep fires what fell due, including deadlines its own moves set, once each;
    a chained deadline counts from when the one before it fell due, not from the sweep."""
    case = lend(engine)
    results = engine.sweep(datetime(2023, 12, 31, tzinfo=UTC))
    assert [r.trigger for r in results] == ["mark_overdue", "escalate"]
    assert engine.get(case.id).state == "escalated"
    assert engine.get(case.id).entered_at == results[0].due + timedelta(days=7)
    assert engine.sweep(datetime(2023, 12, 31, tzinfo=UTC)) == []


def test_sweep_uses_the_engine_clock(engine: Engine, clock: FixedClock) -> None:
    """Without an explicit time the sweep uses the engine's clock."""
    case = lend(engine)
    clock.set(datetime(2023, 10, 11, 9, 0, tzinfo=UTC))
    assert [r.state for r in engine.sweep()] == ["overdue"]
    assert engine.get(case.id).updated_at == clock()


def test_borrower_with_overdue_loan_cannot_borrow(engine: Engine) -> None:
    """A borrower whose loan is overdue cannot ask for another, nor have one checked."""
    pending = engine.start("asset_lending", actor=SOMCHAI, data=request("ไมโครโฟน"))
    lend(engine, item="รถตู้")
    engine.sweep(datetime(2023, 10, 12, tzinfo=UTC))
    with pytest.raises(GuardRejected) as caught:
        engine.start("asset_lending", actor=SOMCHAI, data=request("โน้ตบุ๊ก"))
    assert caught.value.mentions("overdue loan")
    assert caught.value.mentions("เกินกำหนด")
    refused_without_change(engine, pending, GuardRejected, "check", KANYA)
    assert engine.start("asset_lending", actor=SOMSRI, data=request("โน้ตบุ๊ก"))


def test_system_cannot_do_peoples_work(engine: Engine) -> None:
    """The system actor may fire only the triggers that allow the system role."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    refused_without_change(engine, case, NotAuthorized, "check", SYSTEM)


# --- sensitive data -------------------------------------------------------------------------


def test_sensitive_field_never_in_clear(clock: FixedClock) -> None:
    """borrower_phone is kept on the case, sealed, and read only through reveal; it never
    appears in the history, the export or the log - not even when a refusal echoes bad data."""
    with Engine.open("memory://", clock=clock) as engine, capture_logs() as logs:
        case = engine.start("asset_lending", actor=SOMCHAI, data=request(borrower_phone=PHONE))
        engine.fire(case.id, "check", actor=KANYA, data={"borrower_phone": "0899999999"})
        with pytest.raises(InvalidData) as caught:
            engine.fire(
                case.id,
                "approve",
                actor=SOMYING,
                data={"borrower_phone": [PHONE], "decision_note": PHONE[::-1]},
            )
        with pytest.raises(InvalidData):
            engine.start(
                "asset_lending", actor=SOMSRI, data=request("B", borrower_phone={"n": PHONE})
            )
        assert engine.get(case.id).data["borrower_phone"].startswith("sealed:1:")
        assert engine.reveal(case.id, "borrower_phone", actor=KANYA, reason="ติดตาม") == (
            "0899999999"
        )
        history = engine.history(case.id)
        exported = [e.as_dict() for e in engine.events()]
    assert history[0].data["borrower_phone"] == "***"
    assert history[1].data == {"borrower_phone": "***"}
    assert (history[-1].outcome, history[-1].data) == ("read", {"borrower_phone": "***"})
    assert len(exported) == 5  # start, check, refused approve, refused start, read
    assert len(logs) == 5
    for secret in (PHONE, "0899999999"):
        assert secret not in json.dumps([e.as_dict() for e in history], ensure_ascii=False)
        assert secret not in json.dumps(exported, ensure_ascii=False)
        assert secret not in repr(logs)
        assert secret not in str(caught.value)
    assert engine.verify().ok


def test_sensitive_field_in_the_sqlite_trail(tmp_path: Path, clock: FixedClock) -> None:
    """Nothing in the SQLite events table holds the phone number in clear."""
    path = f"{tmp_path}/s.db"
    with Engine.open(f"sqlite:///{path}", clock=clock, key=FieldKey.generate()) as engine:
        engine.start("asset_lending", actor=SOMCHAI, data=request(borrower_phone=PHONE))
    db = sqlite3.connect(path)
    try:
        bodies = [row[0] for row in db.execute("SELECT body FROM events")]
    finally:
        db.close()
    assert bodies
    assert not any(PHONE in body for body in bodies)


# --- one Machine per flow version ---------------------------------------------------------


def test_machine_built_once_and_shared(engine: Engine) -> None:
    """Many cases share one compiled Machine per flow version, with one model, none per case."""
    definition = engine.flows.get("asset_lending")
    compiled = engine.compiled(definition)
    for n in range(40):
        case = engine.start("asset_lending", actor=SOMCHAI, data=request(f"item {n}"))
        engine.fire(case.id, "check", actor=KANYA)
        if n % 2:
            engine.fire(case.id, "reject", actor=KANYA, data={"decision_note": "-"})
        engine.available(case.id, actor=KANYA)
    assert len(engine._compiled) == 2  # asset_lending, and asset_rules of the year's rules
    assert engine.compiled(definition) is compiled
    assert len(compiled._machine.models) == 1
    assert len(engine.cases("asset_lending")) == 40


def test_no_auto_transitions(engine: Engine) -> None:
    """The Machine has no to_<state>() shortcuts that would bypass the rules."""
    compiled = engine.compiled(engine.flows.get("asset_lending"))
    assert not any(name.startswith("to_") for name in compiled._machine.events)
    assert compiled.triggers("requested") == ["check", "reject", "cancel"]


def test_a_move_goes_where_the_machine_goes_for_every_bundled_flow(engine: Engine) -> None:
    """The moves read from the compiled Machine are the Machine's own: for every bundled
    flow, every state and every trigger, the table's destination is where firing the
    trigger on the Machine leads, and a move the Machine refuses is refused."""
    checked = 0
    for definition in engine.flows.latest():
        compiled = engine.compiled(definition)
        machine, model = compiled._machine, compiled._model
        for state in definition.states:
            for trigger in {t.trigger for t in definition.transitions}:
                machine.set_state(state, model=model)
                try:
                    model.trigger(trigger)  # type: ignore[attr-defined]
                except MachineError:
                    with pytest.raises(ValueError, match="cannot fire"):
                        compiled.move(state, trigger)
                    continue
                assert compiled.move(state, trigger) == model.state
                checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("case_id", "why"),
    [
        ("", "it is empty"),
        ("   ", "it is empty"),
        (" L1", "leading or trailing spaces"),
        ("L1\nforged line", "control or direction characters"),
        ("L1\u202e", "control or direction characters"),
        ("x" * 121, "longer than 120"),
    ],
)
def test_a_host_case_id_must_be_usable(case_id: str, why: str) -> None:
    """A case id the host chooses is refused clearly when it could forge a line of a
    listing or is empty or too long; nothing is written."""
    engine = Engine.open("memory://")
    with pytest.raises(BadCaseId, match=why):
        engine.start("asset_lending", actor=SOMCHAI, data=request(), case_id=case_id)
    assert list(engine.events()) == []


def test_a_taken_case_id_is_refused_without_touching_the_case() -> None:
    engine = Engine.open("memory://")
    first = engine.start("asset_lending", actor=SOMCHAI, data=request(), case_id="ลป ๕๑๐๐๑/๑๒๓")
    other = request("โปรเจคเตอร์ P-01")
    with pytest.raises(BadCaseId, match="a case with this id exists already") as caught:
        engine.start("asset_lending", actor=SOMCHAI, data=other, case_id=first.id)
    assert "มีเรื่องนี้อยู่แล้ว" in caught.value.message_th
    assert len(engine.history(first.id)) == 1
    assert engine.verify().ok


def test_a_bad_value_is_one_reason_that_says_what_it_must_be(engine: Engine) -> None:
    """A required field given a value that cannot be read is refused once, as a bad value
    (not also as missing), and the Thai reason says what the value must be; a required
    field given empty is still missing."""
    with pytest.raises(InvalidData) as caught:
        engine.start("asset_lending", actor=SOMCHAI, data=request(return_date="31 กุมภาพันธ์ 2567"))
    (reason,) = caught.value.reasons
    assert reason.code == "bad_value"
    assert "day is out of range for month" in reason.en
    assert "ต้องเป็นวันที่ที่มีอยู่จริง" in reason.th
    with pytest.raises(InvalidData) as caught:
        engine.start("asset_lending", actor=SOMCHAI, data=request(purpose=""))
    assert [r.code for r in caught.value.reasons] == ["missing_field"]
