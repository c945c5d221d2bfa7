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

from _harness import ROOT, header, report, spread_of
from _trail import fill, open_bench_engine
from bench_engine import CYCLE

from integrity_flows import Actor, Engine


class Sampler:
    """Fires and ``available`` calls on random cases of one store, timed one by one."""

    def __init__(self, engine: Engine, cases: int) -> None:
        self.engine, self.cases = engine, cases
        self.rng = random.Random(2566)
        self.actors = {r: Actor(r, roles={r}) for r in ("clerk", "checker", "approver")}
        self.fire: list[float] = []  # the median µs of each turn
        self.available: list[float] = []

    def turn(self, samples: int) -> None:
        fires, availables = [], []
        for _ in range(samples):
            case_id = f"c{self.rng.randrange(self.cases):08d}"
            state = self.engine.get(case_id).state
            trigger, _, _, role, data = next(c for c in CYCLE if c[1] == state)
            actor = self.actors[role]
            start = time.perf_counter()
            self.engine.available(case_id, actor=actor)
            availables.append(time.perf_counter() - start)
            start = time.perf_counter()
            self.engine.fire(case_id, trigger, actor=actor, data=data)
            fires.append(time.perf_counter() - start)
        self.fire.append(statistics.median(fires) * 1e6)
        self.available.append(statistics.median(availables) * 1e6)


def main(argv: list[str] | None = None) -> bool:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=2000, help="per store, over the turns")
    parser.add_argument("--turns", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=ROOT / "benchmarks")
    args = parser.parse_args(argv)
    header(
        "4. Scale of the store (median latency, SQLite NORMAL; median of "
        f"{args.turns} alternating turns)"
    )
    with tempfile.TemporaryDirectory(dir=args.dir, prefix=".bench-") as tmp:
        small, large = Path(tmp) / "small.db", Path(tmp) / "large.db"
        fill(small, args.small)
        fill(large, args.large)
        with (
            open_bench_engine(f"sqlite:///{small}") as a,
            open_bench_engine(f"sqlite:///{large}") as b,
        ):
            stores = []
            for engine, cases in ((a, args.small), (b, args.large)):
                engine.store._db.execute("PRAGMA synchronous = NORMAL")  # type: ignore[attr-defined]
                stores.append(Sampler(engine, cases))
            for _ in range(args.turns):  # the two stores take turns
                for store in stores:
                    store.turn(max(args.samples // args.turns, 1))
    small_run, large_run = stores
    small_fire, large_fire = (statistics.median(s.fire) for s in stores)
    small_available, large_available = (statistics.median(s.available) for s in stores)
    # Report the larger store's speed against the smaller one's (time ratio inverted):
    # a ratio of 1 means no slower, 0.667 means 1.5 times slower.
    report(f"fire, {args.small:,} cases", small_fire, "µs", spread=spread_of(small_run.fire))
    ok = report(
        f"fire, {args.large:,} cases",
        large_fire,
        "µs",
        spread=spread_of(large_run.fire),
        baseline=small_fire,
        target=1.5,
        higher_is_better=False,
    )
    report(
        f"available, {args.small:,} cases",
        small_available,
        "µs",
        spread=spread_of(small_run.available),
    )
    ok &= report(
        f"available, {args.large:,} cases",
        large_available,
        "µs",
        spread=spread_of(large_run.available),
        baseline=small_available,
        target=1.5,
        higher_is_better=False,
    )
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
