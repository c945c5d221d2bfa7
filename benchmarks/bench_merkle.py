"""9. The Merkle tree of the audit trail: what it costs to keep, to sign and to verify.

a. Appending: fires through the engine on SQLite with the tree (the store as shipped)
   against the same store with its tree step left out, taking turns in one run; one fire
   per transaction and in batches of 1,000. Target: at most 15% slower (ratio >= 0.87).
b. A signed checkpoint of a tree of 1,000,000 events, built directly in the tree's table
   (what ``db migrate`` or a million writes would leave). Target: under one second.
c. Verifying a trail against a checkpoint (every event re-hashed in log order next to
   the stored leaves), peak memory in a fresh process for two trail lengths. Target: flat.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _harness import BENCH_FLOWS, ROOT, Turns, header, quiet_logger, report_turns
from _trail import fill
from bench_engine import CYCLE

from integrity_flows import Actor, Engine
from integrity_flows.audit import merkle
from integrity_flows.audit.checkpoint import SigningKey
from integrity_flows.audit.log import checkpoint_of
from integrity_flows.loading import default_registry, load_library
from integrity_flows.stores.rows import node_last
from integrity_flows.stores.sqlite import SQLiteStore


class WithoutTree(SQLiteStore):
    """The SQLite store with its tree step left out: the baseline of benchmark 9a."""

    def _add_leaf(self, body: str) -> int | None:  # noqa: ARG002 - the store's signature
        return None


def append_rate(folder: Path, fires: int, per_tx: int, tree: bool, turn: int) -> float:
    """Fires per second through the engine, ``per_tx`` fires per transaction."""
    path = folder / f"{'tree' if tree else 'plain'}-{per_tx}-{turn}.db"
    store = (SQLiteStore if tree else WithoutTree)(path)
    registry = default_registry(entry_points=False)
    library = load_library([BENCH_FLOWS], registry=registry, bundled=False, entry_points=False)
    actors = {role: Actor(role, roles={role}) for role in ("clerk", "checker", "approver")}
    with Engine(store, library, registry=registry, logger=quiet_logger()) as engine:
        case = engine.start(
            "bench_cycle", actor=Actor("starter", roles={"clerk"}), data={"item": "item-0"}
        )
        start = time.perf_counter()
        done = 0
        while per_tx == 1 and done < fires:
            trigger, _, _, role, data = CYCLE[done % len(CYCLE)]
            engine.fire(case.id, trigger, actor=actors[role], data=data)
            done += 1
        while done < fires:
            group = min(per_tx, fires - done)
            with engine.batch():
                for i in range(group):
                    trigger, _, _, role, data = CYCLE[(done + i) % len(CYCLE)]
                    engine.fire(case.id, trigger, actor=actors[role], data=data)
            done += group
        elapsed = time.perf_counter() - start
        if tree:
            assert store.tree_size() == fires + 1
    return fires / elapsed


def with_and_without(folder: Path, fires: int, per_tx: int, turns: int) -> tuple[Turns, Turns]:
    """The rates of each side (without the tree, with it), the two taking turns so the
    machine's moods hit both."""
    rates: dict[bool, list[float]] = {False: [], True: []}
    for turn in range(turns):
        for tree in (False, True):
            rates[tree].append(append_rate(folder, fires, per_tx, tree, turn))
    return Turns(tuple(rates[False])), Turns(tuple(rates[True]))


def build_tree(path: Path, size: int) -> None:
    """A store whose tree holds ``size`` leaves, written straight into its table."""
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    tree = merkle.Appender()
    with db:
        page: list[tuple[int, int, int, bytes]] = []
        insert = "INSERT INTO merkle_nodes (last, level, idx, hash) VALUES (?, ?, ?, ?)"
        for i in range(size):
            leaf = merkle.leaf_hash(hashlib.sha256(str(i).encode()).digest())
            for level, idx, value in tree.add(leaf):
                page.append((node_last(level, idx), level, idx, value))
            if len(page) >= 50_000:
                db.executemany(insert, page)
                page = []
        db.executemany(insert, page)
    db.close()


def checkpoint_seconds(path: Path, repeats: int = 5) -> tuple[float, int]:
    """Seconds to open the store, read its tree's size and root, and sign them."""
    key = SigningKey.generate("bench")
    best, size = float("inf"), 0
    for _ in range(repeats):
        start = time.perf_counter()
        store = SQLiteStore(path, migrate=False)
        checkpoint = checkpoint_of(store)
        checkpoint.signed(key)
        store.close()
        best = min(best, time.perf_counter() - start)
        size = checkpoint.size
    return best, size


_PEAK = """
import resource, sys, time
sys.path.insert(0, {bench!r})
from integrity_flows.audit.log import checkpoint_of, verify_log
from integrity_flows.stores.rows import node_last
from integrity_flows.stores.sqlite import SQLiteStore
store = SQLiteStore({path!r}, migrate=False)
checkpoint = checkpoint_of(store)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
problems, events = verify_log(store, [("bench", checkpoint)])
elapsed = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(events, not problems, before, after, elapsed)
"""


def verify_peak(path: Path) -> tuple[int, bool, int, int, float]:
    """(events, intact, peak RSS before, after (KiB), seconds) in a fresh process."""
    code = _PEAK.format(bench=str(ROOT / "benchmarks"), path=str(path))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(out[0]), out[1] == "True", int(out[2]), int(out[3]), float(out[4])


def main(argv: list[str] | None = None) -> bool:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fires", type=int, default=400, help="fires, one per transaction")
    parser.add_argument("--grouped", type=int, default=10000, help="fires in group commit")
    parser.add_argument("--turns", type=int, default=3, help="alternating turns of each side")
    parser.add_argument("--tree", type=int, default=1_000_000, help="events in the tree (b)")
    parser.add_argument("--events", type=int, default=200_000, help="events, large trail (c)")
    parser.add_argument("--dir", type=Path, default=ROOT / "benchmarks")
    args = parser.parse_args(argv)
    header(
        "9. The Merkle tree: appending (median of alternating turns), signing a checkpoint, "
        "verifying against one"
    )
    with tempfile.TemporaryDirectory(dir=args.dir, prefix=".bench-") as tmp:
        folder = Path(tmp)
        plain_one, tree_one = with_and_without(folder, args.fires, 1, args.turns)
        plain_many, tree_many = with_and_without(folder, args.grouped, 1000, args.turns)
        big = folder / "tree.db"
        build_tree(big, args.tree)
        seconds, size = checkpoint_seconds(big)
        small, large = folder / "small.db", folder / "large.db"
        fill(small, max(args.events // 40, 1), fires_per_case=3)
        fill(large, max(args.events // 4, 1), fires_per_case=3)
        small_peak, large_peak = verify_peak(small), verify_peak(large)
    ok = True
    for what, plain, tree in (
        ("one fire per transaction", plain_one, tree_one),
        ("batch() of 1,000", plain_many, tree_many),
    ):
        report_turns(f"without the tree, {what}", plain, "fires/s")
        ok &= report_turns(f"with the tree, {what}", tree, "fires/s", baseline=plain, target=0.87)
    met = seconds < 1.0
    print(
        f"  signed checkpoint of a tree of {size:,} events: {seconds * 1000:.1f} ms "
        f"(target under 1 s: {'met' if met else 'MISSED'})"
    )
    ok &= met
    for label, (events, intact, before, after, elapsed) in (
        ("small", small_peak),
        ("large", large_peak),
    ):
        print(
            f"  verify against a checkpoint, {label} trail of {events:>9,} events: "
            f"{events / elapsed:,.0f} events/s, intact {intact}, peak {after / 1024:.1f} MiB "
            f"(before {before / 1024:.1f} MiB, growth {(after - before) / 1024:.1f} MiB)"
        )
        ok &= intact
    growth_small = small_peak[3] - small_peak[2]
    growth_large = large_peak[3] - large_peak[2]
    flat = growth_large <= growth_small + 8 * 1024
    print(
        f"  memory flat across trail lengths: {'yes' if flat else 'NO'} "
        + json.dumps({"small_growth_kib": growth_small, "large_growth_kib": growth_large})
    )
    return ok and flat


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
