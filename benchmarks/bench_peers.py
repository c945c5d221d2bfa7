"""10. Against the hand-rolled alternative: an asset loan's five state changes, by hand and by us.

What a careful Python developer would write instead of this library: one shared
``transitions`` Machine, ``sqlite3``, a SHA-256 chain over the events, each state change
with its case row and its audit row in one transaction. It checks no role, no separation
of duties, no guard, no data type, records no refusal and seals nothing; the engine runs
the bundled ``asset_lending`` flow, which does all of that. The two take turns in one
process, at ``synchronous=FULL`` and ``NORMAL``, one loan per transaction and ``--batch``
loans per transaction (the engine's ``batch()``). Targets: at FULL the engine at least
1.0 of the hand-rolled rate, at NORMAL and in batches at least 0.8.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from _harness import ROOT, announce_rules, header, quiet_logger, report, taking_turns
from transitions import Machine

from integrity_flows import Actor, Engine, FixedClock

NOW = datetime(2023, 11, 1, 3, 0, tzinfo=UTC)  # a working day of fiscal year 2567
STATES = ["requested", "checked", "approved", "on_loan", "returned"]
MOVES = [  # trigger, source, dest, data
    ("check", "requested", "checked", {}),
    ("approve", "checked", "approved", {}),
    ("hand_over", "approved", "on_loan", {"register_no": "R", "condition_out": "ดี"}),
    ("return_intact", "on_loan", "returned", {"condition_in": "ดี"}),
]
CUSTODIAN = Actor("kanya", roles={"custodian"}, unit="กองพัสดุและทรัพย์สิน")
APPROVER = Actor("somying", roles={"approver"})
WHO = {"check": CUSTODIAN, "approve": APPROVER, "hand_over": CUSTODIAN}


class HandRolled:
    """The alternative: a shared Machine, sqlite3 and a hash chain, nothing else."""

    def __init__(self, path: Path, synchronous: str) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute(f"PRAGMA synchronous = {synchronous}")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS cases (id TEXT PRIMARY KEY, state TEXT NOT NULL, "
            "data TEXT NOT NULL, events INTEGER NOT NULL, head TEXT NOT NULL)"
        )
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS events (case_id TEXT NOT NULL, pos INTEGER NOT NULL, "
            "prev_hash TEXT NOT NULL, hash TEXT NOT NULL, body TEXT NOT NULL, "
            "UNIQUE (case_id, pos))"
        )

        class Model:
            state: str

        self.model = Model()
        self.machine = Machine(
            model=self.model,
            states=STATES,
            transitions=[{"trigger": t, "source": s, "dest": d} for t, s, d, _ in MOVES],
            initial="requested",
            auto_transitions=False,
        )

    def _append(self, case_id: str, pos: int, prev: str, body: dict[str, object]) -> str:
        text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        digest = hashlib.sha256(f"{prev}{text}".encode()).hexdigest()
        self.db.execute(
            "INSERT INTO events (case_id, pos, prev_hash, hash, body) VALUES (?,?,?,?,?)",
            (case_id, pos, prev, digest, text),
        )
        return digest

    def loan(self, serial: str, borrower: str, item: str, own_tx: bool) -> None:
        """Start a loan and move it through four changes: five writes."""
        case_id = f"loan-{serial}"
        data = {"item": item, "borrower": borrower, "purpose": "ประชุม"}
        with self._tx(own_tx):
            head = self._append(case_id, 1, "0" * 64, {"start": data, "at": NOW.isoformat()})
            self.db.execute(
                "INSERT INTO cases (id, state, data, events, head) VALUES (?,?,?,?,?)",
                (case_id, "requested", json.dumps(data, ensure_ascii=False), 1, head),
            )
        for pos, (trigger, _, _, more) in enumerate(MOVES, start=2):
            with self._tx(own_tx):
                state, text, events, head = self.db.execute(
                    "SELECT state, data, events, head FROM cases WHERE id = ?", (case_id,)
                ).fetchone()
                self.machine.set_state(state, model=self.model)
                self.model.trigger(trigger)  # type: ignore[attr-defined]
                data = {**json.loads(text), **more}
                head = self._append(
                    case_id, pos, head, {"trigger": trigger, "data": more, "at": NOW.isoformat()}
                )
                updated = self.db.execute(
                    "UPDATE cases SET state = ?, data = ?, events = ?, head = ? "
                    "WHERE id = ? AND events = ?",
                    (
                        self.model.state,
                        json.dumps(data, ensure_ascii=False),
                        pos,
                        head,
                        case_id,
                        events,
                    ),
                )
                assert updated.rowcount == 1

    @contextmanager
    def _tx(self, own: bool) -> Iterator[None]:
        if not own:
            yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        yield
        self.db.execute("COMMIT")

    @contextmanager
    def batch(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        yield
        self.db.execute("COMMIT")


def engine_loan(engine: Engine, serial: str, borrower: str, item: str) -> None:
    """The same loan through the engine and the bundled flow."""
    actor = Actor(borrower, roles={"staff"}, unit="กองคลัง")
    data = {"item": item, "purpose": "ประชุม", "return_date": "2023-11-10"}
    case = engine.start("asset_lending", actor=actor, data=data, case_id=f"loan-{serial}")
    for trigger, _, _, more in MOVES:
        extra = {**more, "register_no": f"R-{serial}"} if trigger == "hand_over" else more
        engine.fire(case.id, trigger, actor=WHO.get(trigger, CUSTODIAN), data=extra)


@contextmanager
def runners(
    folder: Path, synchronous: str, loans: int, batch: int
) -> Iterator[dict[str, Callable[[], int]]]:
    """One timed run per contender, each on its own database opened once (before any
    timing): ``loans`` new loans, ``batch`` per transaction (or one transaction per write
    when ``batch`` is 1); each run returns the writes it made."""
    turn = {"hand": 0, "engine": 0}
    name = f"{synchronous}-{batch}"
    store = HandRolled(_fresh(folder, f"hand-{name}"), synchronous)
    url = f"sqlite:///{_fresh(folder, f'engine-{name}')}?synchronous={synchronous.lower()}"
    flows = Engine.open(url, clock=FixedClock(NOW), entry_points=False, logger=quiet_logger())
    announce_rules(flows)

    def hand() -> int:
        turn["hand"] += 1
        for start in range(0, loans, batch):
            with store.batch() if batch > 1 else _nothing():
                for n in range(start, min(loans, start + batch)):
                    store.loan(f"{turn['hand']}-{n}", f"b{n % 300}", f"i{n % 300}", batch == 1)
        return loans * 5

    def engine() -> int:
        turn["engine"] += 1
        for start in range(0, loans, batch):
            with flows.batch() if batch > 1 else _nothing():
                for n in range(start, min(loans, start + batch)):
                    engine_loan(flows, f"{turn['engine']}-{n}", f"b{n % 300}", f"i{n % 300}")
        return loans * 5

    with closing(store.db), flows:
        yield {"hand": hand, "engine": engine}


def _fresh(folder: Path, name: str) -> Path:
    """A database path in ``folder`` with no file left from an earlier turn."""
    path = folder / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def main(argv: list[str] | None = None) -> bool:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loans", type=int, default=200, help="loans per turn, one per commit")
    parser.add_argument("--batched", type=int, default=2000, help="loans per turn in batches")
    parser.add_argument("--batch", type=int, default=200, help="loans per transaction")
    parser.add_argument("--turns", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=ROOT / "benchmarks")
    args = parser.parse_args(argv)
    header(
        "10. The engine against the hand-rolled alternative (asset loan, SQLite WAL; "
        f"writes per second, median of {args.turns} alternating turns)"
    )
    ok = True
    with tempfile.TemporaryDirectory(dir=args.dir, prefix=".bench-") as tmp:
        folder = Path(tmp)
        for synchronous, loans, batch, target in (
            ("FULL", args.loans, 1, 1.0),
            ("NORMAL", args.loans, 1, 0.8),
            ("FULL", args.batched, args.batch, 0.8),
        ):
            with runners(folder, synchronous, loans, batch) as contenders:
                turns = taking_turns(contenders, args.turns)
            hand, engine = turns["hand"], turns["engine"]
            how = "one write per commit" if batch == 1 else f"{batch} loans per commit"
            report(
                f"hand-rolled, {synchronous}, {how}", hand.median, "writes/s", spread=hand.spread
            )
            ok &= report(
                f"engine, {synchronous}, {how}",
                engine.median,
                "writes/s",
                baseline=hand.median,
                target=target,
                spread=engine.spread,
            )
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
