"""Several processes on one database: racing fires, racing sweepers, killed workers.

Each worker is a real process (``spawn``) with its own engine or store on the same database,
as separate application servers would be. Every test runs on a SQLite file shared by the
processes and on PostgreSQL (skipped without INTEGRITY_FLOWS_TEST_POSTGRES).
"""

from __future__ import annotations

import collections
import multiprocessing
import os
import random
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from datetime import timedelta
from pathlib import Path
from queue import Empty
from typing import Any

import pytest

import _workers
from _lending import INSPECTOR, KANYA, SOMCHAI, T0, announce_rules, lend, request
from _postgres import fresh_schema
from integrity_flows import Engine, FixedClock
from integrity_flows.actor import SYSTEM
from integrity_flows.case import Deadline
from integrity_flows.stores import open_store
from integrity_flows.testing.store_contract import append

SPAWN = multiprocessing.get_context("spawn")
# Far enough that every loan lent at T0 is overdue and then escalated (7 days later).
LATER = T0 + timedelta(days=40)
WAIT = 60  # seconds a worker may take before the test gives up on it


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """One database for the test and its workers: a SQLite file, or a PostgreSQL schema."""
    shared = nullcontext(f"sqlite:///{tmp_path}/shared.db")
    with shared if request.param == "sqlite" else fresh_schema() as found:
        yield found


def run_workers(target: Callable[..., None], args: list[tuple[Any, ...]]) -> list[Any]:
    """Run one process per argument tuple, each given a shared barrier and a queue last;
    return what each put on the queue."""
    barrier = SPAWN.Barrier(len(args))
    queue = SPAWN.Queue()
    processes = [SPAWN.Process(target=target, args=(*a, barrier, queue)) for a in args]
    for process in processes:
        process.start()
    results: list[Any] = []
    deadline = time.monotonic() + WAIT
    try:
        while len(results) < len(processes):
            try:
                results.append(queue.get(timeout=0.2))
            except Empty:
                failed = [p.exitcode for p in processes if p.exitcode not in (None, 0)]
                assert not failed, f"a worker failed (exit codes {failed})"
                assert time.monotonic() < deadline, "the workers took too long"
    finally:
        for process in processes:
            process.join(WAIT)
            if process.is_alive():
                process.kill()
    assert [p.exitcode for p in processes] == [0] * len(processes)
    return results


def killed(target: Callable[..., None], args: tuple[Any, ...], until: Callable[[], bool]) -> None:
    """Start ``target`` in a process, wait until ``until()`` holds, then SIGKILL it."""
    process = SPAWN.Process(target=target, args=args)
    process.start()
    deadline = time.monotonic() + WAIT
    try:
        while not until():
            assert process.is_alive(), "the worker ended before it was killed"
            assert time.monotonic() < deadline, "the worker never got there"
            time.sleep(0.005)
    finally:
        if process.pid is not None and process.is_alive():
            os.kill(process.pid, signal.SIGKILL)
        process.join(WAIT)
    assert process.exitcode == -signal.SIGKILL


def moved_events(engine: Engine, case_id: str) -> list[Any]:
    """The moves of a case's trail after its start."""
    return [e for e in engine.history(case_id) if e.moved and e.trigger != "start"]


# --- racing fires ---------------------------------------------------------------------


def test_processes_firing_on_the_same_cases(url: str) -> None:
    """Four processes fire on the same five cases at once. Every fire that returned wrote
    exactly one move; every refusal exactly one refusal event; every ConcurrentUpdate
    nothing. No two moves of a case share a version, and every chain verifies."""
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        announce_rules(engine)
        case_ids = [
            engine.start("asset_lending", actor=SOMCHAI, data=request(f"item {n}")).id
            for n in range(5)
        ]
    results = run_workers(_workers.fire_race, [(url, case_ids, w, 6) for w in range(4)])
    outcomes = [o for _, found in results for o in found]
    kinds = collections.Counter(kind for kind, *_ in outcomes)
    assert kinds["conflict"] + kinds["refused"] > 0, "the workers never met"
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        announce_rules(engine)
        for case_id in case_ids:
            history = engine.history(case_id)
            mine = [o for o in outcomes if o[1] == case_id]
            moves = sorted((o[2], o[3]) for o in mine if o[0] == "moved")
            assert sorted((e.trigger, e.case_version) for e in moved_events(engine, case_id)) == (
                moves
            )
            refusals = [e for e in history if not e.moved]
            assert len(refusals) == sum(o[0] == "refused" for o in mine)
            # Each refusal is recorded against the state and version of the last move before
            # it (tests/test_hostile_store.py forces the lost race that re-decides one).
            state, version = None, 0
            for event in history:
                if event.moved:
                    state, version = event.to_state, event.case_version
                else:
                    assert (event.from_state, event.case_version) == (state, version), event
            assert len(history) == 1 + len(moves) + len(refusals)
            # No lost update: versions 2, 3, ... each committed once, in order.
            versions = [e.case_version for e in moved_events(engine, case_id)]
            assert versions == list(range(2, 2 + len(versions)))
            case = engine.get(case_id)
            assert case.state in {"returned", "cancelled"}
            assert (case.version, case.events) == (1 + len(moves), len(history))
        report = engine.verify()
        assert report.ok, report.problems
        # The cases, and the three events of the year's rules (asset_rules).
        assert report.events == sum(len(engine.history(c)) for c in case_ids) + 3


# --- racing sweepers --------------------------------------------------------------------


def test_sweepers_in_processes_fire_each_deadline_once(url: str) -> None:
    """Three processes sweep the same overdue loans at once: each loan is marked overdue
    once and escalated once, whoever fired it, and every chain verifies."""
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        announce_rules(engine)
        case_ids = [lend(engine, item=f"item {n}").id for n in range(6)]
    results = run_workers(_workers.sweep_race, [(url, LATER) for _ in range(3)])
    moves = collections.Counter(
        (c, t) for found in results for c, t, state, refused in found if state and not refused
    )
    expected = {(c, t) for c in case_ids for t in ("mark_overdue", "escalate")}
    assert moves == dict.fromkeys(expected, 1)
    with Engine.open(url, clock=FixedClock(LATER)) as engine:
        for case_id in case_ids:
            fired = [(e.actor, e.trigger) for e in moved_events(engine, case_id)][-2:]
            assert fired == [(SYSTEM.id, "mark_overdue"), (SYSTEM.id, "escalate")]
            assert engine.get(case_id).state == "escalated"
        assert engine.sweep() == []
        report = engine.verify()
        assert report.ok, report.problems


def test_sweepers_claiming_deadlines_fire_each_once(url: str) -> None:
    """Four processes sweep through claim_deadline at once: every deadline is fired by
    exactly one of them, and none of them meets a ConcurrentUpdate."""
    store = open_store(url)
    try:
        for n in range(8):
            append(
                store,
                f"c{n}",
                deadlines=[_deadline("remind", n), _deadline("late", n), _deadline("last", n)],
            )
    finally:
        store.close()
    results = run_workers(_workers.claim_race, [(url, LATER) for _ in range(4)])
    fired = collections.Counter(item for found in results for item in found)
    expected = {(f"c{n}", t) for n in range(8) for t in ("remind", "late", "last")}
    assert fired == dict.fromkeys(expected, 1)
    store = open_store(url)
    try:
        assert store.due(LATER) == []
        assert [len(store.events(f"c{n}")) for n in range(8)] == [4] * 8
    finally:
        store.close()


def _deadline(trigger: str, n: int) -> Deadline:
    return Deadline(trigger, T0 + timedelta(hours=n))


class _LateDue:
    """A store whose first due() answers what was due before another sweeper fired it: a
    sweeper that read the list just before the other one committed."""

    def __init__(self, store: Any, listed: list[tuple[str, str, Any]]) -> None:
        self._store = store
        self._listed = listed

    def due(self, now: Any) -> list[tuple[str, str, Any]]:
        listed, self._listed = self._listed, []
        return listed

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def test_a_sweeper_late_to_a_deadline_writes_nothing(url: str) -> None:
    """A sweeper that listed a deadline just before another sweeper fired it leaves the
    case alone: no second move, and no refusal in the trail either."""
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        announce_rules(engine)
        case = lend(engine)
    with Engine.open(url, clock=FixedClock(LATER)) as first:
        listed = first.store.due(LATER)
        assert [r.trigger for r in first.sweep()] == ["mark_overdue", "escalate"]
        trail = first.history(case.id)
        late = Engine(
            _LateDue(open_store(url), listed),
            first.flows,
            registry=first.registry,
            clock=FixedClock(LATER),
        )
        try:
            assert late.sweep() == []
        finally:
            late.close()
        assert first.history(case.id) == trail


# --- killed workers -------------------------------------------------------------------


def test_a_worker_killed_inside_a_batch_leaves_nothing(url: str) -> None:
    """A worker killed after writing inside a batch, before it committed: none of its
    writes is visible, the trail verifies, and the case it held can be fired at once."""
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        announce_rules(engine)
        case = engine.start("asset_lending", actor=SOMCHAI, data=request())
        before = list(engine.events())
    ready = SPAWN.Event()
    killed(_workers.die_in_a_batch, (url, case.id, ready), ready.is_set)
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        announce_rules(engine)
        assert list(engine.events()) == before
        assert engine.get(case.id) == case
        assert engine.store.load("never-committed") is None
        assert engine.store.events("never-committed") == []
        assert engine.verify().ok
        started = time.monotonic()
        assert engine.fire(case.id, "check", actor=KANYA).state == "checked"
        assert time.monotonic() - started < 10  # nothing of the killed worker holds it
        assert engine.verify().ok


def test_a_sweeper_killed_holding_a_deadline_leaves_it_to_the_next(url: str) -> None:
    """A sweeper killed while it holds a deadline: the deadline is still open, the next
    sweep fires it once, and the trail verifies."""
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        announce_rules(engine)
        case = lend(engine)
    ready = SPAWN.Event()
    killed(_workers.die_holding_a_deadline, (url, LATER, ready), ready.is_set)
    with Engine.open(url, clock=FixedClock(LATER)) as engine:
        assert engine.get(case.id) == case
        swept = engine.sweep()
        assert [(r.trigger, r.state) for r in swept] == [
            ("mark_overdue", "overdue"),
            ("escalate", "escalated"),
        ]
        assert engine.verify().ok


def test_workers_killed_at_random_moments_leave_a_verifying_trail(url: str) -> None:
    """Workers killed at random moments while firing: whatever each committed is whole,
    every chain verifies, and work goes on where it stopped."""
    rng = random.Random(9)
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        announce_rules(engine)
    fired = SPAWN.Value("i", 0)
    for round_ in range(2):
        fired.value = 0
        stop_at = rng.randint(8, 25)
        killed(
            _workers.fire_until_killed,
            (url, f"w{round_}", fired),
            lambda stop_at=stop_at: fired.value >= stop_at,  # type: ignore[misc]
        )
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        announce_rules(engine)
        report = engine.verify()
        assert report.ok, report.problems
        assert report.events >= 16
        for case in engine.cases():
            history = engine.history(case.id)
            assert (case.events, case.head) == (len(history), history[-1].hash)
            if case.state == "requested":
                engine.fire(case.id, "check", actor=KANYA)
            elif case.state == "on_loan":
                engine.fire(case.id, "return_intact", actor=INSPECTOR, data={"condition_in": "ดี"})
        assert engine.verify().ok
