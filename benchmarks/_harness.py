"""Shared plumbing for the benchmarks: timing, the machine, and how results are printed.

Every benchmark measures its baseline in the same run on the same machine and prints
the ratio against it, so the figures compare like with like.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import time
from collections.abc import Callable
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


def best_rate(run: Callable[[], int], repeats: int = 3) -> float:
    """Operations per second: the best of ``repeats`` runs of ``run`` (which returns its count).

    The best run is the one least disturbed by the rest of the machine.
    """
    best = 0.0
    for _ in range(repeats):
        start = time.perf_counter()
        count = run()
        rate = count / (time.perf_counter() - start)
        best = max(best, rate)
    return best


def report(
    name: str,
    value: float,
    unit: str,
    *,
    baseline: float | None = None,
    target: float | None = None,
    higher_is_better: bool = True,
) -> bool:
    """Print one figure, its ratio to the baseline and whether it meets the target."""
    line = f"  {name:<46} {value:>14,.1f} {unit}"
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
