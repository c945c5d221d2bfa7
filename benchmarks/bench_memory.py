"""5. Memory: resident memory per case kept in memory, and flat memory over many cases.

Per case: RSS growth of a memory store holding ``--cases`` started cases, divided by
their number. Flat: ``--through`` cases started and fired through to the end of a cycle
on SQLite, RSS sampled as it goes; with one Machine per flow version and no model kept
per case, memory must not grow with the number of cases handled.
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import tracemalloc
from pathlib import Path

from _harness import BENCH_FLOWS, ROOT, header, quiet_logger
from _trail import open_bench_engine
from bench_engine import CYCLE

from integrity_flows import Actor, Engine


def rss_kib() -> int:
    """Current resident set size, KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def per_case(cases: int) -> float:
    """Bytes the memory store holds per started case (traced Python allocations)."""
    engine = Engine.open(
        "memory://", flows=[BENCH_FLOWS], bundled=False, entry_points=False, logger=quiet_logger()
    )
    starter = Actor("starter", roles={"clerk"})
    engine.start("bench_cycle", actor=starter, data={"item": "warm-up"})
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(cases):
        engine.start("bench_cycle", actor=starter, data={"item": f"item-{i}"})
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return (after - before) / cases


def through(path: Path, cases: int, every: int) -> list[tuple[int, int]]:
    """(cases handled, RSS KiB) samples while cases are started and fired through."""
    actors = {role: Actor(role, roles={role}) for role in ("clerk", "checker", "approver")}
    starter = Actor("starter", roles={"clerk"})
    samples = []
    with open_bench_engine(f"sqlite:///{path}") as engine:
        for start in range(0, cases, every):
            with engine.batch():
                for i in range(start, min(start + every, cases)):
                    case = engine.start("bench_cycle", actor=starter, data={"item": f"i-{i}"})
                    for trigger, _, _, role, data in CYCLE[:2]:
                        engine.fire(case.id, trigger, actor=actors[role], data=data)
            gc.collect()
            samples.append((min(start + every, cases), rss_kib()))
        machines = len(engine._compiled)
    print(f"  Machines built for {cases:,} cases: {machines}")
    return samples


def main(argv: list[str] | None = None) -> bool:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--through", type=int, default=100_000)
    parser.add_argument("--every", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, default=ROOT / "benchmarks")
    args = parser.parse_args(argv)
    header("5. Memory")
    bytes_per_case = per_case(args.cases)
    print(
        f"  memory per case in the memory store: {bytes_per_case:,.0f} bytes "
        f"({args.cases:,} cases started: case, chain of one event, index entry)"
    )
    with tempfile.TemporaryDirectory(dir=args.dir, prefix=".bench-") as tmp:
        samples = through(Path(tmp) / "through.db", args.through, args.every)
    for handled, kib in samples:
        print(f"  after {handled:>9,} cases started and fired: RSS {kib / 1024:7.1f} MiB")
    settled = samples[len(samples) // 2 :]
    growth = settled[-1][1] - settled[0][1]
    flat = growth <= 4 * 1024
    print(f"  second half growth: {growth / 1024:.1f} MiB -> flat: {'yes' if flat else 'NO'}")
    return flat


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
