"""7. Fires on PostgreSQL from 1, 2, 4 and 8 worker processes, against raw psycopg.

    .venv/bin/python benchmarks/bench_postgres.py --db postgresql:///DBNAME?host=/run/postgresql

Each worker process is what one application server would be: its own engine and
connection, firing on its own case, one fire per ``READ COMMITTED`` transaction. The
baseline runs the same number of processes, each writing with psycopg alone the rows the
engine writes for the same fires (the event inserted, the case row updated where it still
has the number of events read), in the same schema, with the same isolation and one
transaction per fire. Every point runs for ``--seconds`` after all its workers are ready,
in a schema of its own that is dropped afterwards; the two sides take ``--repeats`` turns
and the median of each is reported with their spread. The engine also reads the case
before it fires, checks the chain's length in its update, decides, hashes and appends to
the Merkle tree; the target of issue 26 is 8 workers at 0.7 of the baseline.
"""

from __future__ import annotations

import argparse
import multiprocessing
import secrets
import time
from typing import Any

import psycopg
from _harness import BENCH_FLOWS, Turns, header, quiet_logger, report_turns
from bench_engine import CYCLE

from integrity_flows import Actor, Engine
from integrity_flows.loading import default_registry, load_library
from integrity_flows.stores.base import Write
from integrity_flows.stores.memory import MemoryStore
from integrity_flows.stores.postgres import PostgresStore
from integrity_flows.stores.rows import CASE_COLUMNS, case_to_row

SPAWN = multiprocessing.get_context("spawn")
ACTORS = {role: Actor(role, roles={role}) for role in ("clerk", "checker", "approver")}
STARTER = Actor("starter", roles={"clerk"})
UPDATE_CASE = (
    "UPDATE cases SET "
    + ", ".join(f"{c} = %s" for c in CASE_COLUMNS[1:])
    + " WHERE id = %s AND events = %s"
)
INSERT_CASE = (
    f"INSERT INTO cases ({', '.join(CASE_COLUMNS)}) "
    f"VALUES ({', '.join(['%s'] * len(CASE_COLUMNS))})"
)
INSERT_EVENT = (
    "INSERT INTO events (case_id, pos, prev_hash, hash, body) VALUES (%s, %s, %s, %s, %s)"
)


def with_schema(url: str, schema: str) -> str:
    """``url`` with its tables in ``schema``."""
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{schema}"


def engine_worker(url: str, worker: int, seconds: float, barrier: Any, out: Any) -> None:
    """Fire the benchmark cycle on this worker's own case until the time is up."""
    with Engine.open(
        url, flows=[BENCH_FLOWS], bundled=False, entry_points=False, logger=quiet_logger()
    ) as engine:
        case = engine.start(
            "bench_cycle", actor=STARTER, data={"item": f"item-{worker}"}, case_id=f"w{worker}"
        )
        barrier.wait()
        start = time.perf_counter()
        stop = start + seconds
        fires = 0
        while time.perf_counter() < stop:
            trigger, _, _, role, data = CYCLE[fires % len(CYCLE)]
            engine.fire(case.id, trigger, actor=ACTORS[role], data=data)
            fires += 1
        out.put((fires, time.perf_counter() - start))


def recorded_writes(worker: int, fires: int) -> list[Write]:
    """The writes the engine makes for this worker's fires, recorded on the memory store."""
    writes: list[Write] = []
    store = MemoryStore()
    original = store.write

    def record(write: Write) -> int:
        writes.append(write)
        return original(write)

    store.write = record  # type: ignore[method-assign]
    library = load_library(
        [BENCH_FLOWS], registry=default_registry(entry_points=False), bundled=False,
        entry_points=False,
    )  # fmt: skip
    engine = Engine(store, library, logger=quiet_logger())
    case = engine.start(
        "bench_cycle", actor=STARTER, data={"item": f"item-{worker}"}, case_id=f"w{worker}"
    )
    for i in range(fires):
        trigger, _, _, role, data = CYCLE[i % len(CYCLE)]
        engine.fire(case.id, trigger, actor=ACTORS[role], data=data)
    return writes


def raw_worker(url: str, worker: int, seconds: float, limit: int, barrier: Any, out: Any) -> None:
    """Write the engine's rows for this worker's fires with psycopg alone until the time is up."""
    first, *rest = recorded_writes(worker, limit)
    rows = [
        (
            (w.event.case_id, w.event.pos, w.event.prev_hash, w.event.hash, w.event.body),
            (*case_to_row(w.case)[1:], w.event.case_id, w.expected_events),
        )
        for w in rest
        if w.case is not None
    ]
    with psycopg.connect(url, autocommit=True) as db:
        db.isolation_level = psycopg.IsolationLevel.READ_COMMITTED
        with db.transaction():
            db.execute(INSERT_CASE, case_to_row(first.case))  # type: ignore[arg-type]
            e = first.event
            db.execute(INSERT_EVENT, (e.case_id, e.pos, e.prev_hash, e.hash, e.body))
        barrier.wait()
        start = time.perf_counter()
        stop = start + seconds
        fires = 0
        for event, case in rows:
            if time.perf_counter() >= stop:
                break
            with db.transaction():
                if db.execute(UPDATE_CASE, case).rowcount != 1:
                    raise RuntimeError("the baseline lost its own case")
                db.execute(INSERT_EVENT, event)
            fires += 1
        out.put((fires, time.perf_counter() - start))


def run_point(url: str, workers: int, target: Any, extra: tuple[Any, ...] = ()) -> float:
    """Fires per second of ``workers`` processes running ``target`` in a schema of their own."""
    schema = f"bench_{secrets.token_hex(4)}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        scoped = with_schema(url, schema)
        PostgresStore(scoped).close()  # the tables, before the workers race to create them
        barrier = SPAWN.Barrier(workers)
        queue = SPAWN.Queue()
        processes = [
            SPAWN.Process(target=target, args=(scoped, w, *extra, barrier, queue))
            for w in range(workers)
        ]
        for process in processes:
            process.start()
        results: list[tuple[int, float]] = [queue.get(timeout=600) for _ in processes]
        for process in processes:
            process.join()
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")
    return sum(fires for fires, _ in results) / max(elapsed for _, elapsed in results)


def server(url: str) -> str:
    """The server's version and the settings that decide how long a commit takes."""
    with psycopg.connect(url) as db:
        version = db.execute("SHOW server_version").fetchone()
        settings = {
            name: db.execute(f"SHOW {name}").fetchone()
            for name in ("fsync", "synchronous_commit", "wal_sync_method")
        }
    shown = ", ".join(f"{name}={row[0] if row else '?'}" for name, row in settings.items())
    return f"PostgreSQL {version[0] if version else '?'} ({shown})"


def main(argv: list[str] | None = None) -> bool:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="URL of a database to create schemas in")
    parser.add_argument("--seconds", type=float, default=3.0, help="length of each point")
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 2, 4, 8], help="worker processes"
    )
    parser.add_argument("--limit", type=int, default=30000, help="baseline fires per worker")
    parser.add_argument("--repeats", type=int, default=3, help="alternating runs of each point")
    args = parser.parse_args(argv)
    header("7. Fires on PostgreSQL, one per transaction, from several processes")
    print(f"  server: {server(args.db)}", flush=True)
    for workers in args.workers:
        raws, engines = [], []
        for _ in range(args.repeats):  # alternately, so both meet the same disturbances
            raws.append(run_point(args.db, workers, raw_worker, (args.seconds, args.limit)))
            engines.append(run_point(args.db, workers, engine_worker, (args.seconds,)))
        raw, engine = Turns(tuple(raws)), Turns(tuple(engines))
        report_turns(f"raw psycopg, {workers} process(es)", raw, "fires/s")
        report_turns(f"engine, {workers} process(es)", engine, "fires/s", baseline=raw)
    return True


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
