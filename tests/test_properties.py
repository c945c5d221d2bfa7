"""Property-based: random people firing random triggers with random data on asset lending
cases, with time passing, never break the engine's promises."""

from __future__ import annotations

from collections import Counter
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    multiple,
    precondition,
    rule,
)

from _lending import (
    APPROVER_STAFF,
    BOSS,
    INSPECTOR,
    KANYA,
    OUTSIDER,
    SOMCHAI,
    SOMSRI,
    SOMYING,
    T0,
)
from integrity_flows import SYSTEM, Actor, Engine, FixedClock, SweepResult
from integrity_flows.errors import Refused
from integrity_flows.loading import default_registry, load_library
from integrity_flows.stores import open_store

REGISTRY = default_registry(entry_points=False)
LIBRARY = load_library(registry=REGISTRY, entry_points=False)
DEFINITION = LIBRARY.get("asset_lending")
MAX_STARTS = 5  # a few cases, so the steps go into moving them

ACTORS = [
    SOMCHAI,
    SOMSRI,
    KANYA,
    SOMYING,
    BOSS,
    INSPECTOR,
    OUTSIDER,
    APPROVER_STAFF,
    SYSTEM,
    Actor("nid", roles={"staff", "custodian"}),
    Actor("chai", roles={"approver", "executive", "inspector"}),
    Actor("nobody"),
]
TRIGGERS = [*DEFINITION.triggers, "อนุมัติ", "Hand Over", "fly"]
FIRE_DATA: list[dict[str, Any]] = [
    {},
    {},
    {"register_no": "R1", "condition_out": "ดี"},
    {"register_no": "R2", "condition_out": "ดี"},
    {"condition_in": "ดี"},
    {"condition_in": "ชำรุด", "liability": "repaired"},
    {"decision_note": "ไม่ว่าง"},
    {"liability": "ชดใช้เป็นเงิน"},
    {"return_date": "๑๕ ต.ค. ๒๕๖๖"},
    {"return_date": "not a date"},
    {"colour": "red"},
    {"borrower_phone": "0812345678"},
    {"borrower_phone": ["0812345678"]},
]
START_DATA = st.fixed_dictionaries(
    {
        "item": st.sampled_from(["รถตู้", "กล้อง", "โปรเจกเตอร์"]),
        "purpose": st.just("ราชการ"),
        "return_date": st.sampled_from(["2023-10-03", "10 ตุลาคม 2566", "๑ พ.ย. ๒๕๖๖", "วันไหน"]),
    },
    optional={
        "borrower_type": st.sampled_from(["internal", "external", "บุคคลภายนอกหรือภาคเอกชน"]),
        "borrower_phone": st.just("0899999999"),
    },
)


def snapshot(engine: Engine, case_id: str) -> tuple[str, int, dict[str, Any]]:
    """State, version and data of a case."""
    case = engine.get(case_id)
    return case.state, case.version, dict(case.data)


class LendingMachine(RuleBasedStateMachine):
    """Asset lending cases on one engine, driven at random."""

    url = "memory://"
    cases = Bundle("cases")

    def __init__(self) -> None:
        super().__init__()
        self.clock = FixedClock(T0)
        self.engine = Engine(open_store(self.url), LIBRARY, registry=REGISTRY, clock=self.clock)
        self.started = 0
        self.outcomes: Counter[str] = Counter()

    @initialize(target=cases)
    def first_case(self) -> Any:
        """Every run begins with one ordinary request."""
        data = {"item": "รถยนต์", "purpose": "ราชการ", "return_date": "2023-10-05"}
        return self.engine.start("asset_lending", actor=SOMCHAI, data=data).id

    @precondition(lambda self: self.started < MAX_STARTS)
    @rule(target=cases, actor=st.sampled_from(ACTORS), data=START_DATA)
    def start(self, actor: Actor, data: dict[str, Any]) -> Any:
        """Someone asks to borrow something; a refused start keeps only its refusal."""
        self.started += 1
        case_id = f"case-{self.started}"
        try:
            case = self.engine.start("asset_lending", actor=actor, data=data, case_id=case_id)
        except Refused as exc:
            refusal = exc.code
        else:
            assert (case.state, case.version, case.events) == (DEFINITION.initial, 1, 1)
            return case.id
        (event,) = self.engine.history(case_id)
        assert (event.outcome, event.refusal) == ("refused", refusal)
        assert all(c.id != case_id for c in self.engine.cases())
        return multiple()

    @rule(
        case_id=cases,
        trigger=st.sampled_from(TRIGGERS),
        actor=st.sampled_from(ACTORS),
        data=st.sampled_from(FIRE_DATA),
    )
    def fire(self, case_id: str, trigger: str, actor: Actor, data: dict[str, Any]) -> None:
        """Anyone fires anything on a case."""
        self.check_fire(case_id, trigger, actor, data)

    @rule(case_id=cases, choice=st.data(), steps=st.integers(min_value=1, max_value=4))
    def progress(self, case_id: str, choice: st.DataObject, steps: int) -> None:
        """Someone who may plausibly act fires a trigger that leaves the case's state,
        a few times in a row, so cases get deep into the flow."""
        for _ in range(steps):
            case = self.engine.get(case_id)
            triggers = self.engine.compiled(DEFINITION).triggers(case.state)
            if not triggers:
                return
            # Ending a case early is possible but less likely than moving it on.
            onward = [t for t in triggers if t not in ("cancel", "reject")]
            trigger = choice.draw(st.sampled_from(onward * 3 + triggers), label="trigger")
            transition = DEFINITION.transition(trigger, case.state)
            assert transition is not None
            able = [
                a
                for a in ACTORS
                if any(a.holds(r) for r in transition.roles)
                or ("requester" in transition.roles and case.actors.get("requester") == a.id)
            ]
            actor = choice.draw(st.sampled_from(able or ACTORS), label="actor")
            full = {
                "register_no": f"R-{case_id}",
                "condition_out": "ดี",
                "condition_in": "ดี",
                "decision_note": "-",
                "liability": "waived",
            }
            data = choice.draw(st.sampled_from([full, full, *FIRE_DATA]), label="data")
            self.check_fire(case_id, trigger, actor, data)

    def check_fire(self, case_id: str, trigger: str, actor: Actor, data: dict[str, Any]) -> None:
        """Fire; either exactly one move or exactly one refusal is added, nothing else."""
        before = snapshot(self.engine, case_id)
        events = len(self.engine.history(case_id))
        try:
            after = self.engine.fire(case_id, trigger, actor=actor, data=data)
        except Refused as exc:
            refusal = exc.code
        else:
            refusal = None
        if refusal is not None:
            assert snapshot(self.engine, case_id) == before
            history = self.engine.history(case_id)
            assert len(history) == events + 1
            assert (history[-1].outcome, history[-1].refusal) == ("refused", refusal)
            self.outcomes[refusal] += 1
            return
        history = self.engine.history(case_id)
        assert len(history) == events + 1
        last = history[-1]
        assert last.outcome == "moved"
        assert (last.from_state, last.to_state) == (before[0], after.state)
        assert after.version == before[1] + 1
        assert after == self.engine.get(case_id)
        assert last.hash == after.head
        self.outcomes[after.state] += 1

    @rule(days=st.integers(min_value=0, max_value=12))
    def time_passes(self, days: int) -> None:
        """Days pass and the sweep fires what fell due, as the system."""
        self.clock.advance(days=days)
        results = self.engine.sweep()
        by_case: dict[str, list[SweepResult]] = {}
        for result in results:  # a case may see chained deadlines fire in one sweep
            by_case.setdefault(result.case_id, []).append(result)
        for case_id, fired in by_case.items():
            tail = self.engine.history(case_id)[-len(fired) :]
            for event, result in zip(tail, fired, strict=True):
                assert event.actor == SYSTEM.id
                assert event.trigger == result.trigger
                assert event.outcome == ("refused" if result.refused else "moved")

    @invariant()
    def states_are_states_of_the_flow(self) -> None:
        """Every lending case is in a state the definition declares, at a sane version (the
        sweep may also record the bundled flows' duties, in cases of their own flow)."""
        for case in self.engine.cases(DEFINITION.id):
            assert case.state in DEFINITION.states
            assert 1 <= case.version <= case.events
            assert all(d.trigger in DEFINITION.triggers for d in case.deadlines)

    @invariant()
    def trail_verifies(self) -> None:
        """The audit trail always verifies."""
        report = self.engine.verify()
        assert report.ok, report.problems

    @invariant()
    def one_machine(self) -> None:
        """However many cases, one compiled Machine serves the flow."""
        assert len(self.engine._compiled) <= 1

    def teardown(self) -> None:
        """Close the store."""
        self.engine.close()


class SQLiteLendingMachine(LendingMachine):
    """The same, on an in-memory SQLite store."""

    url = "sqlite://:memory:"


_SETTINGS = settings(
    max_examples=50,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
LendingMachine.TestCase.settings = _SETTINGS
SQLiteLendingMachine.TestCase.settings = settings(_SETTINGS, max_examples=25)

TestLendingOnMemory = LendingMachine.TestCase
TestLendingOnSQLite = SQLiteLendingMachine.TestCase
