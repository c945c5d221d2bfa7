"""4. Scale of the store: latency of a fire and of ``available`` with few and many cases.

Two SQLite stores of the same flow, one with ``--small`` cases and one with ``--large``
cases; the same operations on cases drawn at random. No hot path scans the cases, so
the larger store should cost about the same. Target: the larger store no more than
1.5 times slower.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from _harness import ROOT, header, report
from _trail import fill, open_bench_engine
from bench_engine import CYCLE

from integrity_flows import Actor


def latencies(path: Path, cases: int, samples: int) -> tuple[float, float]:
    """Median microseconds of a fire and of ``available`` on random cases of ``path``."""
    rng = random.Random(2566)
    actors = {role: Actor(role, roles={role}) for role in ("clerk", "checker", "approver")}
    fire_times, available_times = [], []
    with open_bench_engine(f"sqlite:///{path}") as engine:
        engine.store._db.execute("PRAGMA synchronous = NORMAL")  # type: ignore[attr-defined]
        for _ in range(samples):
            case_id = f"c{rng.randrange(cases):08d}"
            state = engine.get(case_id).state
            trigger, _, _, role, data = next(c for c in CYCLE if c[1] == state)
            start = time.perf_counter()
            engine.available(case_id, actor=actors[role])
            available_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            engine.fire(case_id, trigger, actor=actors[role], data=data)
            fire_times.append(time.perf_counter() - start)
    return statistics.median(fire_times) * 1e6, statistics.median(available_times) * 1e6


def main(argv: list[str] | None = None) -> bool:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--dir", type=Path, default=ROOT / "benchmarks")
    args = parser.parse_args(argv)
    header("4. Scale of the store (median latency, SQLite)")
    with tempfile.TemporaryDirectory(dir=args.dir, prefix=".bench-") as tmp:
        small, large = Path(tmp) / "small.db", Path(tmp) / "large.db"
        fill(small, args.small)
        fill(large, args.large)
        small_fire, small_available = latencies(small, args.small, args.samples)
        large_fire, large_available = latencies(large, args.large, args.samples)
    # Report the larger store's speed against the smaller one's (time ratio inverted):
    # a ratio of 1 means no slower, 0.667 means 1.5 times slower.
    report(f"fire, {args.small:,} cases", small_fire, "µs")
    ok = report(
        f"fire, {args.large:,} cases",
        large_fire,
        "µs",
        baseline=small_fire,
        target=1.5,
        higher_is_better=False,
    )
    report(f"available, {args.small:,} cases", small_available, "µs")
    ok &= report(
        f"available, {args.large:,} cases",
        large_available,
        "µs",
        baseline=small_available,
        target=1.5,
        higher_is_better=False,
    )
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
