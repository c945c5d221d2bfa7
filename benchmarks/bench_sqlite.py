"""2. Durable fires on SQLite, one per transaction and grouped, against raw sqlite3.

Both sides use the same schema and settings (WAL, ``synchronous=FULL``) and write the
same rows per fire: one audit event inserted and the case row updated. One fire per
transaction is bound by the disk's flush; group commit (``Engine.batch()``, many fires
in one transaction, for bulk work such as importing historical records) is bound by
the work per fire. Targets: at least 80% of the baseline's rate, for both.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from _harness import BENCH_FLOWS, ROOT, header, quiet_logger, report_turns, taking_turns
from bench_engine import CYCLE

from integrity_flows import Actor, Engine
from integrity_flows.loading import default_registry, load_library
from integrity_flows.stores.base import Write
from integrity_flows.stores.memory import MemoryStore
from integrity_flows.stores.migrations import MIGRATIONS, statements
from integrity_flows.stores.rows import CASE_COLUMNS, case_to_row

INSERT_CASE = (
    f"INSERT INTO cases ({', '.join(CASE_COLUMNS)}) VALUES ({', '.join('?' * len(CASE_COLUMNS))})"
)
UPDATE_CASE = (
    "UPDATE cases SET "
    + ", ".join(f"{c} = ?" for c in CASE_COLUMNS[1:])
    + " WHERE id = ? AND events = ?"
)


def _raw_db(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    for statement in statements(MIGRATIONS[0][2], "sqlite"):
        db.execute(statement)
    return db


def recorded_writes(fires: int) -> list[Write]:
    """The writes the engine makes for the benchmark's fires, recorded on the memory store."""
    writes: list[Write] = []
    store = MemoryStore()
    original = store.write

    def record(write: Write) -> int:
        writes.append(write)
        return original(write)

    store.write = record  # type: ignore[method-assign]
    library = load_library(
        [BENCH_FLOWS],
        registry=default_registry(entry_points=False),
        bundled=False,
        entry_points=False,
    )
    engine = Engine(store, library, logger=quiet_logger())
    actors = {role: Actor(role, roles={role}) for role in ("clerk", "checker", "approver")}
    case = engine.start(
        "bench_cycle", actor=Actor("starter", roles={"clerk"}), data={"item": "item-0"}
    )
    for i in range(fires):
        trigger, _, _, role, data = CYCLE[i % len(CYCLE)]
        engine.fire(case.id, trigger, actor=actors[role], data=data)
    return writes


def raw_runner(folder: Path, writes: list[Write], per_tx: int) -> Callable[[], int]:
    """The baseline: the engine's own rows (event insert, case update), written with
    sqlite3 alone, in the same schema and settings."""
    first, rest = writes[0], writes[1:]
    rows = [
        (
            (w.event.case_id, w.event.pos, w.event.prev_hash, w.event.hash, w.event.body),
            (*case_to_row(w.case)[1:], w.case.id, w.expected_events),  # type: ignore[arg-type]
        )
        for w in rest
    ]

    def run() -> int:
        path = folder / f"raw-{per_tx}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        db = _raw_db(path)
        db.execute(INSERT_CASE, case_to_row(first.case))  # type: ignore[arg-type]
        for index, (event, case) in enumerate(rows):
            if index % per_tx == 0:
                db.execute("BEGIN IMMEDIATE")
            db.execute(
                "INSERT INTO events (case_id, pos, prev_hash, hash, body) VALUES (?,?,?,?,?)",
                event,
            )
            db.execute(UPDATE_CASE, case)
            if (index + 1) % per_tx == 0 or index == len(rows) - 1:
                db.execute("COMMIT")
        db.close()
        return len(rows)

    return run


def engine_runner(folder: Path, fires: int, per_tx: int) -> Callable[[], int]:
    """Fires through the engine on a SQLite file, ``per_tx`` fires per transaction."""
    actors = {role: Actor(role, roles={role}) for role in ("clerk", "checker", "approver")}

    def run() -> int:
        path = folder / f"engine-{per_tx}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        with Engine.open(
            f"sqlite:///{path}",
            flows=[BENCH_FLOWS],
            bundled=False,
            entry_points=False,
            logger=quiet_logger(),
        ) as engine:
            case = engine.start(
                "bench_cycle", actor=Actor("starter", roles={"clerk"}), data={"item": "item-0"}
            )
            if per_tx == 1:
                for i in range(fires):
                    trigger, _, _, role, data = CYCLE[i % len(CYCLE)]
                    engine.fire(case.id, trigger, actor=actors[role], data=data)
                return fires
            done = 0
            while done < fires:
                group = min(per_tx, fires - done)
                with engine.batch():
                    for i in range(group):
                        trigger, _, _, role, data = CYCLE[(done + i) % len(CYCLE)]
                        engine.fire(case.id, trigger, actor=actors[role], data=data)
                done += group
        return fires

    return run


def main(argv: list[str] | None = None) -> bool:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fires", type=int, default=600, help="fires, one per transaction")
    parser.add_argument("--grouped", type=int, default=20000, help="fires in group commit")
    parser.add_argument("--group", type=int, default=1000, help="fires per transaction")
    parser.add_argument("--turns", type=int, default=3)
    parser.add_argument(
        "--dir",
        type=Path,
        default=ROOT / "benchmarks",
        help="folder for the database files (on the disk to measure)",
    )
    args = parser.parse_args(argv)
    header(
        "2. Durable fires on SQLite (WAL, synchronous=FULL; "
        f"fires per second, median of {args.turns} turns)"
    )
    with tempfile.TemporaryDirectory(dir=args.dir, prefix=".bench-") as tmp:
        folder = Path(tmp)
        single = taking_turns(
            {
                "raw": raw_runner(folder, recorded_writes(args.fires), 1),
                "engine": engine_runner(folder, args.fires, 1),
            },
            args.turns,
        )
        grouped = taking_turns(
            {
                "raw": raw_runner(folder, recorded_writes(args.grouped), args.group),
                "engine": engine_runner(folder, args.grouped, args.group),
            },
            args.turns,
        )
    ok = True
    for per_tx, named, turns in (
        ("one fire", "one fire", single),
        (str(args.group), f"batch(), {args.group}", grouped),
    ):
        raw, engine = turns["raw"], turns["engine"]
        report_turns(f"raw sqlite3, {per_tx} per transaction", raw, "fires/s")
        ok &= report_turns(
            f"engine {named} per transaction", engine, "fires/s", baseline=raw, target=0.8
        )
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
