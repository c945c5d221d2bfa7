"""8. Records and computed values: a fire on a flow with them against the same fire without.

bench_records is bench_cycle with a records field of five items, three computed figures
over it (a count with a condition, a total, a quotient over a field the cycle changes)
and a record guard on ``approve``. The baseline fires the same cycle with the same data
on bench_cycle, in the same run. A third figure has every ``check`` amend an item too
(the items normalized, the rules over them evaluated, the change audited). Target:
within 20% of the baseline's rate.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from _harness import header, report_turns, taking_turns
from bench_engine import cycle_runner

LINES = [{"code": f"L{i}", "quantity": i + 1, "done": i % 2 == 0} for i in range(5)]


def cycle(with_records: bool) -> list[tuple[str, str, dict[str, Any]]]:
    """The triggers of one round, who fires them and with what data."""
    check: dict[str, Any] = {"amount": "12"}
    if with_records:
        check["lines"] = {"code": "L1", "quantity": "7"}
    return [
        ("check", "checker", check),
        ("approve", "approver", {}),
        ("reopen", "clerk", {"note": "again"}),
    ]


def runner(flow_id: str, cases: int, rounds: int, items: bool = False) -> Callable[[], int]:
    """One timed run of the cycle on ``flow_id`` through the engine, memory store;
    ``items``: every ``check`` also amends an item."""
    start = {"lines": LINES} if flow_id == "bench_records" else {}
    return cycle_runner(flow_id, cases, rounds, cycle(items), start)


def main(argv: list[str] | None = None) -> bool:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--turns", type=int, default=6)
    args = parser.parse_args(argv)
    header(f"8. Records and computed values (fires per second, median of {args.turns} turns)")
    turns = taking_turns(
        {
            "plain": runner("bench_cycle", args.cases, args.rounds),
            "records": runner("bench_records", args.cases, args.rounds),
            "amending": runner("bench_records", args.cases, args.rounds, True),
        },
        args.turns,
    )
    plain, records, amending = turns["plain"], turns["records"], turns["amending"]
    report_turns("same flow without records or computed values", plain, "fires/s")
    met = report_turns(
        "with records, computed values, a record guard",
        records,
        "fires/s",
        baseline=plain,
        target=0.8,
    )
    report_turns(
        "  ... and every check amending an item", amending, "fires/s", baseline=plain, target=0.8
    )
    return met


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
