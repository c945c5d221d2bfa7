"""1. Engine overhead in memory: fires through Engine against bare transitions.

The engine authorizes (roles, a per-case role, separation of duties), runs guards,
validates and normalizes data, moves with transitions and writes a hashed audit event
per fire, on the memory store. The baseline fires the same triggers on the same states
with one shared transitions Machine, binding each case's state for the fire.
Target: the engine at least 1/3 of bare transitions' rate.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from _harness import BENCH_FLOWS, header, quiet_logger, report_turns, taking_turns
from transitions import Machine

from integrity_flows import Actor, Engine

STATES = ["drafted", "checked", "approved"]
CYCLE = [
    ("check", "drafted", "checked", "checker", {"amount": "12"}),
    ("approve", "checked", "approved", "approver", {}),
    ("reopen", "approved", "drafted", "clerk", {"note": "again"}),
]


def bare_runner(cases: int, rounds: int) -> Callable[[], int]:
    """One timed run of a shared Machine over ``cases`` case states; it returns its fires."""

    class Model:
        state: str

    model = Model()
    machine = Machine(
        model=model,
        states=STATES,
        transitions=[{"trigger": t, "source": s, "dest": d} for t, s, d, _, _ in CYCLE],
        initial="drafted",
        auto_transitions=False,
    )

    def run() -> int:
        states = ["drafted"] * cases
        for _ in range(rounds):
            for trigger, *_ in CYCLE:
                for i in range(cases):
                    machine.set_state(states[i], model=model)
                    model.trigger(trigger)  # type: ignore[attr-defined]
                    states[i] = model.state
        return cases * rounds * len(CYCLE)

    return run


ACTORS = {role: Actor(role, roles={role}) for role in ("clerk", "checker", "approver")}
STARTER = Actor("starter", roles={"clerk"})
Step = tuple[str, str, Mapping[str, Any]]  # trigger, role of who fires it, data


def cycle_runner(
    flow_id: str, cases: int, rounds: int, steps: Sequence[Step], start: Mapping[str, Any]
) -> Callable[[], int]:
    """One timed run through the engine on the memory store: start ``cases`` cases of
    ``flow_id`` with ``start`` data, then fire ``steps`` on each, ``rounds`` times; the
    run returns how many fires it made. The starts are timed too, but few next to the
    fires."""

    def run() -> int:
        engine = Engine.open(
            "memory://",
            flows=[BENCH_FLOWS],
            bundled=False,
            entry_points=False,
            logger=quiet_logger(),
        )
        ids = [
            engine.start(flow_id, actor=STARTER, data={"item": f"item-{i}", **start}).id
            for i in range(cases)
        ]
        for _ in range(rounds):
            for trigger, role, data in steps:
                actor = ACTORS[role]
                for case_id in ids:
                    engine.fire(case_id, trigger, actor=actor, data=data)
        return cases * rounds * len(steps)

    return run


def engine_runner(cases: int, rounds: int) -> Callable[[], int]:
    """One timed run through the engine on the memory store."""
    steps = [(trigger, role, data) for trigger, _, _, role, data in CYCLE]
    return cycle_runner("bench_cycle", cases, rounds, steps, {})


def main(argv: list[str] | None = None) -> bool:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--turns", type=int, default=5)
    args = parser.parse_args(argv)
    header(f"1. Engine overhead in memory (fires per second, median of {args.turns} turns)")
    turns = taking_turns(
        {
            "bare": bare_runner(args.cases, args.rounds),
            "engine": engine_runner(args.cases, args.rounds),
        },
        args.turns,
    )
    bare, engine = turns["bare"], turns["engine"]
    report_turns("bare transitions, one shared Machine", bare, "fires/s")
    return report_turns(
        "engine, memory store, full checks + audit",
        engine,
        "fires/s",
        baseline=bare,
        target=1 / 3,
    )


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
