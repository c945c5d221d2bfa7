"""Shared plumbing for the benchmarks: timing, the machine, and how results are printed.

Every benchmark measures its baseline in the same run on the same machine, the two taking
turns (:func:`taking_turns`), and prints the median of the turns, their spread and the
ratio, so the figures compare like with like on a shared machine.
"""

from __future__ import annotations

import logging
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import structlog

ROOT = Path(__file__).resolve().parents[1]
BENCH_FLOWS = ROOT / "benchmarks" / "flows"


def quiet_logger() -> Any:
    """A concrete structlog logger that drops info events (what a production host configures);
    the engine's event emission is then measured, not the console's speed."""
    return structlog.make_filtering_bound_logger(logging.WARNING)(structlog.PrintLogger(), [], {})


def machine() -> str:
    """One line naming the machine the figures came from."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()} "
        f"({sys.implementation.name}), {platform.system()} {platform.release()}"
    )


@dataclass(frozen=True)
class Turns:
    """Rates (operations per second) of one contender, one per turn it took."""

    rates: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.rates)

    @property
    def spread(self) -> str:
        """The slowest and the fastest turn, as printed beside the median."""
        return f"{min(self.rates):,.0f}-{max(self.rates):,.0f}"


def spread_of(values: Sequence[float]) -> str:
    """The smallest and the largest of measured ``values`` (times, say), as printed beside
    their median."""
    return f"{min(values):,.1f}-{max(values):,.1f}"


def taking_turns(runs: Mapping[str, Callable[[], int]], turns: int = 5) -> dict[str, Turns]:
    """Run each contender once per turn, in turn, ``turns`` times: each ``run`` returns
    how many operations it did. A drift in the machine's speed (another process, a
    neighbour on the host) then touches every contender alike; the median of the turns
    is the figure, the spread says how much the machine swung."""
    rates: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(turns):
        for name, run in runs.items():
            start = time.perf_counter()
            count = run()
            rates[name].append(count / (time.perf_counter() - start))
    return {name: Turns(tuple(values)) for name, values in rates.items()}


def report(
    name: str,
    value: float,
    unit: str,
    *,
    baseline: float | None = None,
    target: float | None = None,
    higher_is_better: bool = True,
    spread: str | None = None,
) -> bool:
    """Print one figure (with the spread of its turns), its ratio to the baseline and
    whether it meets the target."""
    line = f"  {name:<46} {value:>14,.1f} {unit}"
    if spread is not None:
        line += f" ({spread})"
    met = True
    if baseline is not None:
        ratio = value / baseline if baseline else float("inf")
        line += f"   ratio {ratio:6.3f}"
        if target is not None:
            met = ratio >= target if higher_is_better else ratio <= target
            sign = ">=" if higher_is_better else "<="
            line += f"  (target {sign} {target:g}: {'met' if met else 'MISSED'})"
    print(line, flush=True)
    return met


def header(title: str) -> None:
    """Print a benchmark's title and the machine."""
    print(f"\n{title}\n  machine: {machine()}", flush=True)


def announce_rules(engine: Any, fiscal_year: int = 2567) -> None:
    """The year's rules on using and borrowing government property announced (the
    asset_rules case of plan project 13): no loan of asset_lending is approved without."""
    from integrity_flows import Actor

    custodian = Actor("rules-custodian", roles={"custodian"})
    executive = Actor("rules-executive", roles={"executive"})
    if engine.store.holders("asset_rules", "fiscal_year", str(fiscal_year), None):
        return
    rules = engine.start("asset_rules", actor=custodian, data={"fiscal_year": fiscal_year})
    engine.fire(
        rules.id,
        "submit_rules",
        actor=custodian,
        data={"announcement_title": "rules", "borrow_form": "form", "covers_outsiders": True},
    )
    engine.fire(rules.id, "approve_rules", actor=executive, data={"announcement_no": "1/2566"})


def report_turns(
    name: str,
    turns: Turns,
    unit: str,
    *,
    baseline: Turns | None = None,
    target: float | None = None,
) -> bool:
    """:func:`report` of the median of ``turns`` with their spread, and the ratio of that
    median to ``baseline``'s."""
    return report(
        name,
        turns.median,
        unit,
        baseline=None if baseline is None else baseline.median,
        target=target,
        spread=turns.spread,
    )
