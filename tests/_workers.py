"""What the worker processes of test_concurrency.py run (started with ``spawn``).

Each function opens its own engine or store on the URL it is given, as a separate
application server would, and reports what happened through a queue.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

import structlog

from _lending import INSPECTOR, KANYA, SOMCHAI, SOMSRI, SOMYING, T0, request
from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.errors import ConcurrentUpdate, Refused
from integrity_flows.stores import open_store
from integrity_flows.testing.store_contract import append

Outcome = tuple[str, str, str, Any]

_PASSES = 200  # a bound, never reached: a pass ends only once every deadline was fired

# A worker's engine logs nowhere, as the test process's does (conftest.py).
structlog.configure(logger_factory=structlog.ReturnLoggerFactory())


def next_step(state: str, worker: int, case_id: str) -> tuple[str, Actor, dict[str, Any]] | None:
    """What worker number ``worker`` tries next on a case in ``state``.

    Workers disagree on purpose: at ``approved`` the even ones hand the item over while the
    odd ones cancel, and worker 3 tries a trigger the state does not allow, so moves race
    with other moves and with refusals.
    """
    if state == "requested":
        return ("approve", SOMYING, {}) if worker == 3 else ("check", KANYA, {})
    if state == "checked":
        return "approve", SOMYING, {}
    if state == "approved":
        if worker % 2:
            return "cancel", KANYA, {}
        return "hand_over", KANYA, {"register_no": f"R-{case_id}", "condition_out": "ดี"}
    if state == "on_loan":
        return "return_intact", INSPECTOR, {"condition_in": "ดี"}
    return None


def fire_race(
    url: str, case_ids: list[str], worker: int, rounds: int, barrier: Any, out: Any
) -> None:
    """Fire on the same cases as the other workers, as fast as possible; report each try."""
    engine = Engine.open(url, clock=FixedClock(T0))
    outcomes: list[Outcome] = []
    barrier.wait()
    for _ in range(rounds):
        for case_id in case_ids:
            step = next_step(engine.get(case_id).state, worker, case_id)
            if step is None:
                continue
            trigger, actor, data = step
            try:
                case = engine.fire(case_id, trigger, actor=actor, data=data)
            except ConcurrentUpdate:
                outcomes.append(("conflict", case_id, trigger, None))
            except Refused as exc:
                outcomes.append(("refused", case_id, trigger, exc.code))
            else:
                outcomes.append(("moved", case_id, trigger, case.version))
    engine.close()
    out.put((worker, outcomes))


def sweep_race(url: str, now: datetime, barrier: Any, out: Any) -> None:
    """Sweep at the same moment as the other sweepers; report what the sweep returned."""
    engine = Engine.open(url, clock=FixedClock(now))
    barrier.wait()
    found = []
    # As a sweeper runs in production: again and again, here until nothing is left due
    # (a deadline whose case another sweeper holds at that moment is left to a later sweep).
    for _ in range(_PASSES):
        if not engine.store.due(now):
            break
        found.extend(engine.sweep())
    engine.close()
    out.put([(r.case_id, r.trigger, r.state, r.refused) for r in found])


def claim_race(url: str, now: datetime, barrier: Any, out: Any) -> None:
    """Sweep through ``claim_deadline``: fire (at the store) each deadline this worker holds."""
    store = open_store(url)
    barrier.wait()
    fired: list[tuple[str, str]] = []
    for _ in range(_PASSES):  # passes until nothing is left due, as in sweep_race
        listed = store.due(now)
        if not listed:
            break
        for case_id, trigger, due in listed:
            with store.claim_deadline(case_id, trigger, due) as held:
                if not held:
                    continue
                case = store.load(case_id)
                assert case is not None
                left = [d for d in case.deadlines if d.trigger != trigger]
                append(store, case_id, state=f"after_{trigger}", deadlines=left)
                fired.append((case_id, trigger))
    store.close()
    out.put(fired)


def die_in_a_batch(url: str, case_id: str, ready: Any) -> None:
    """Fire and start inside one batch, say so, then wait to be killed before it commits."""
    engine = Engine.open(url, clock=FixedClock(T0))
    with engine.batch():
        engine.fire(case_id, "check", actor=KANYA)
        engine.start(
            "asset_lending", actor=SOMSRI, data=request("โปรเจกเตอร์"), case_id="never-committed"
        )
        ready.set()
        time.sleep(60)


def die_holding_a_deadline(url: str, now: datetime, ready: Any) -> None:
    """Claim the first due deadline, say so, then wait to be killed while holding it."""
    store = open_store(url)
    case_id, trigger, due = store.due(now)[0]
    with store.claim_deadline(case_id, trigger, due) as held:
        assert held
        ready.set()
        time.sleep(60)


def fire_until_killed(url: str, prefix: str, fired: Any) -> None:
    """Start loans and take each through its steps until killed; count every commit."""
    engine = Engine.open(url, clock=FixedClock(T0))
    steps = [
        ("check", KANYA, {}),
        ("approve", SOMYING, {}),
        ("hand_over", KANYA, {"condition_out": "ดี"}),
        ("return_intact", INSPECTOR, {"condition_in": "ดี"}),
    ]
    for n in range(10_000):
        case_id = f"{prefix}-{n:05d}"
        engine.start(
            "asset_lending", actor=SOMCHAI, data=request(f"item {case_id}"), case_id=case_id
        )
        fired.value += 1
        for trigger, actor, given in steps:
            data = {**given, "register_no": f"R-{case_id}"} if trigger == "hand_over" else given
            engine.fire(case_id, trigger, actor=actor, data=data)
            fired.value += 1
