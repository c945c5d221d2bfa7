"""Fill a SQLite store quickly with many valid cases and chains, for the benchmarks.

Cases of ``bench_cycle`` are started and fired through the engine in large batches
(group commit), so every chain is a real one that verifies.
"""

from __future__ import annotations

from pathlib import Path

from _harness import BENCH_FLOWS, quiet_logger
from bench_engine import CYCLE

from integrity_flows import Actor, Engine


def open_bench_engine(url: str) -> Engine:
    """An engine with only the benchmark flow, logging nothing."""
    return Engine.open(
        url, flows=[BENCH_FLOWS], bundled=False, entry_points=False, logger=quiet_logger()
    )


def fill(path: Path, cases: int, fires_per_case: int = 0, batch: int = 5000) -> None:
    """Start ``cases`` cases in ``path`` and fire ``fires_per_case`` moves on each."""
    actors = {role: Actor(role, roles={role}) for role in ("clerk", "checker", "approver")}
    starter = Actor("starter", roles={"clerk"})
    with open_bench_engine(f"sqlite:///{path}") as engine:
        done = 0
        while done < cases:
            group = min(batch, cases - done)
            with engine.batch():
                for i in range(done, done + group):
                    case = engine.start(
                        "bench_cycle", actor=starter, data={"item": f"i-{i}"}, case_id=f"c{i:08d}"
                    )
                    for step in range(fires_per_case):
                        trigger, _, _, role, data = CYCLE[step % len(CYCLE)]
                        engine.fire(case.id, trigger, actor=actors[role], data=data)
            done += group
