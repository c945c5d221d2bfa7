"""Run every benchmark; ``--quick`` shrinks them for a smoke run (figures not comparable).

.venv/bin/python benchmarks/run_all.py            # the figures of docs/performance.md
.venv/bin/python benchmarks/run_all.py --quick    # a minute, to see that all run
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

QUICK = {
    "bench_engine": ["--cases", "200", "--rounds", "5", "--turns", "2"],
    "bench_sqlite": ["--fires", "200", "--grouped", "3000", "--turns", "2"],
    "bench_verify": ["--events", "40000", "--turns", "2"],
    "bench_scale": ["--small", "1000", "--large", "20000", "--samples", "300", "--turns", "3"],
    "bench_registers": [
        "--small",
        "500",
        "--large",
        "5000",
        "--template",
        "500",
        "--loans",
        "10",
        "--turns",
        "2",
    ],
    "bench_memory": ["--cases", "5000", "--through", "20000", "--every", "5000"],
    "bench_startup": ["--repeats", "3"],
    "bench_records": ["--cases", "100", "--rounds", "3", "--turns", "2"],
    "bench_reports": ["--small", "2000", "--large", "4000", "--repeats", "1"],
    "bench_duties": ["--cases", "2000", "--turns", "2"],
    "bench_peers": ["--loans", "20", "--batched", "200", "--batch", "50", "--turns", "2"],
    "bench_merkle": [
        "--fires",
        "100",
        "--grouped",
        "2000",
        "--turns",
        "1",
        "--tree",
        "20000",
        "--events",
        "4000",
    ],
}


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    results = {}
    for name, quick_args in QUICK.items():
        # A fresh process each, so one benchmark's memory does not blur another's.
        argv = [sys.executable, str(HERE / f"{name}.py"), *(quick_args if quick else [])]
        results[name] = subprocess.run(argv, check=False).returncode == 0
    print("\nsummary:", ", ".join(f"{k} {'met' if v else 'MISSED'}" for k, v in results.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
