"""3. Verify: audit events verified per second against hashing the same bytes alone.

The baseline streams the stored canonical bytes of every event from the same SQLite
file and hashes them with hashlib, nothing else. ``verify`` streams the same events
and every case, checks positions, links, hashes and recorded positions, replays each
chain's state, data and actors and compares them with the case. Peak memory is taken
in a fresh process for two trail lengths, to show it does not grow with the trail.
Target: at least 50% of raw hashing; 1,000,000 events in one pass, flat memory.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from _harness import ROOT, header, report_turns, taking_turns
from _trail import fill, open_bench_engine

from integrity_flows import Engine


def hash_runner(path: Path) -> Callable[[], int]:
    """One pass hashing the stored bytes with hashlib alone; it returns the events."""

    def run() -> int:
        db = sqlite3.connect(path)
        count = 0
        for body, stored in db.execute("SELECT body, hash FROM events ORDER BY case_id, pos"):
            if hashlib.sha256(body.encode()).hexdigest() != stored:
                raise SystemExit("the trail does not hash as stored")
            count += 1
        db.close()
        return count

    return run


def verify_runner(engine: Engine) -> Callable[[], int]:
    """One pass of Engine.verify(); it returns the events (a broken trail stops the run)."""

    def run() -> int:
        result = engine.verify()
        if not result.ok:
            raise SystemExit("verify found the trail broken")
        return result.events

    return run


_PEAK = """
import resource, sys
sys.path.insert(0, {bench!r})
from _trail import open_bench_engine
with open_bench_engine("sqlite:///{path}") as engine:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = engine.verify()
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(report.events, report.ok, before, after)
"""


def peak_kib(path: Path) -> tuple[int, int, int]:
    """(events, peak RSS before verify, peak RSS after verify) in a fresh process, KiB."""
    code = _PEAK.format(bench=str(ROOT / "benchmarks"), path=path)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(out[0]), int(out[2]), int(out[3])


def main(argv: list[str] | None = None) -> bool:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--events", type=int, default=1_000_000, help="events in the large trail (cases x 4)"
    )
    parser.add_argument("--turns", type=int, default=3, help="alternating passes of each")
    parser.add_argument("--dir", type=Path, default=ROOT / "benchmarks")
    args = parser.parse_args(argv)
    header(
        "3. Verify (events per second, one streaming pass; median of "
        f"{args.turns} alternating turns)"
    )
    with tempfile.TemporaryDirectory(dir=args.dir, prefix=".bench-") as tmp:
        small, large = Path(tmp) / "small.db", Path(tmp) / "large.db"
        fill(small, max(args.events // 40, 1), fires_per_case=3)
        fill(large, max(args.events // 4, 1), fires_per_case=3)
        with open_bench_engine(f"sqlite:///{large}") as engine:
            turns = taking_turns(
                {"hash": hash_runner(large), "verify": verify_runner(engine)}, args.turns
            )
        small_peak = peak_kib(small)
        large_peak = peak_kib(large)
    raw, rate = turns["hash"], turns["verify"]
    count = large_peak[0]
    report_turns(f"hashlib alone over {count:,} stored events", raw, "events/s")
    met = report_turns("Engine.verify()", rate, "events/s", baseline=raw, target=0.5)
    print("  trail intact: True (every turn; a broken one stops the run)")
    for label, (events, before, after) in (("small", small_peak), ("large", large_peak)):
        print(
            f"  peak memory, {label} trail of {events:>9,} events: "
            f"{after / 1024:7.1f} MiB (before verify {before / 1024:.1f} MiB, "
            f"growth {(after - before) / 1024:.1f} MiB)"
        )
    growth_small = small_peak[2] - small_peak[1]
    growth_large = large_peak[2] - large_peak[1]
    flat = growth_large <= growth_small + 8 * 1024  # within 8 MiB whatever the length
    print(
        f"  memory flat across trail lengths: {'yes' if flat else 'NO'} "
        + json.dumps({"small_growth_kib": growth_small, "large_growth_kib": growth_large})
    )
    return met and flat


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
