"""7. Declared reports: a yearly report over many cases on SQLite, and its memory.

The same figures (a count, counts by state, a sum, a median of elapsed days, a rate and a
target) computed two ways over one SQLite store in one run, taking turns: the declared
report ``bench_cycle_year`` through ``run_report``, and a hand-written loop over the
store's cases. Targets: a report over 10,000 cases under a second, and the peak memory
(tracemalloc) of a report that keeps nothing per case flat from 5,000 to 10,000 cases (the
store reads cases in pages of 2,000 rows, so below that the page itself grows).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import tracemalloc
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from _harness import Turns, header, report, spread_of, taking_turns
from _trail import fill, open_bench_engine

from integrity_flows.calendars import fiscal_year
from integrity_flows.reports.catalogue import run_report

NOW = datetime.now(UTC)


def hand_written(path: Path) -> dict[str, object]:
    """The same figures by a loop a careful developer would write."""
    with open_bench_engine(f"sqlite:///{path}") as engine:
        states: Counter[str] = Counter()
        total, days = 0, []
        for case in engine.store.iter_cases("bench_cycle"):
            states[case.state] += 1
            total += int(case.data.get("amount") or 0)
            days.append((NOW - case.created_at).total_seconds() / 86400)
        cases = sum(states.values())
        share = Decimal(states["approved"] * 100) / cases if cases else None
        return {"cases": cases, "total": total, "median": statistics.median(days), "share": share}


def declared(path: Path, report_id: str = "bench_cycle_year") -> int:
    """Figures of a declared report; returns the number of cases it counted."""
    year = fiscal_year(NOW)
    with open_bench_engine(f"sqlite:///{path}") as engine:
        figures = {f.key: f.value for f in run_report(engine, report_id, fiscal_year=year)}
        return int(str(figures["cases"]))


def once(run: Callable[[Path], object], path: Path) -> Callable[[], int]:
    """A turn of ``run`` over ``path``: one report."""

    def turn() -> int:
        run(path)
        return 1

    return turn


def milliseconds(turns: Turns) -> tuple[float, str]:
    """The median milliseconds of a report and the spread of the turns, from their rates."""
    times = [1000 / rate for rate in turns.rates]
    return statistics.median(times), spread_of(times)


def peak_kib(path: Path) -> float:
    """The peak memory, KiB, allocated while a report of counts, a sum and a rate runs
    (figures that keep nothing per case)."""
    tracemalloc.start()
    declared(path, "bench_cycle_counts")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", type=int, default=5000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=3, help="alternating turns of each")
    args = parser.parse_args()
    header(f"7. Declared reports over {args.large:,} cases (SQLite)")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "small.db", Path(tmp) / "large.db"
        fill(small, args.small, fires_per_case=2)
        fill(large, args.large, fires_per_case=2)
        assert declared(large) == args.large
        turns = taking_turns(
            {"hand": once(hand_written, large), "ours": once(declared, large)}, args.repeats
        )
        (hand, hand_spread), (ours, ours_spread) = (
            milliseconds(turns["hand"]),
            milliseconds(turns["ours"]),
        )
        report("hand-written loop", hand, "ms", spread=hand_spread)
        ok &= report(
            "declared report",
            ours,
            "ms",
            baseline=hand,
            target=3,
            higher_is_better=False,
            spread=ours_spread,
        )
        ok &= ours < 1000
        small_peak, large_peak = peak_kib(small), peak_kib(large)
        report(f"peak memory at {args.small:,} cases", small_peak, "KiB")
        ok &= report(
            f"peak memory at {args.large:,} cases",
            large_peak,
            "KiB",
            baseline=small_peak,
            target=1.5,
            higher_is_better=False,
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
