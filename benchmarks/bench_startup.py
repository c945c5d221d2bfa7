"""6. Start-up: import, plus loading and validating every bundled flow.

Timed in fresh processes (best of several), against starting the interpreter alone.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from _harness import header, report

IMPORT = "import integrity_flows"
OPEN = (
    "from integrity_flows import Engine\n"
    "engine = Engine.open('memory://')\n"
    "assert len(engine.flows) >= 2"
)


def best_seconds(code: str, repeats: int) -> float:
    """The fastest of ``repeats`` fresh interpreters running ``code``."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> bool:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    header("6. Start-up (fresh process, best of runs)")
    bare = best_seconds("pass", args.repeats)
    imported = best_seconds(IMPORT, args.repeats)
    opened = best_seconds(OPEN, args.repeats)
    report("python -c pass", bare * 1000, "ms")
    report("import integrity_flows", imported * 1000, "ms")
    report("import + load and check every bundled flow", opened * 1000, "ms")
    print(
        f"  the library's own share: import {(imported - bare) * 1000:.0f} ms, "
        f"loading and checking the flows {(opened - imported) * 1000:.0f} ms"
    )
    return True


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
