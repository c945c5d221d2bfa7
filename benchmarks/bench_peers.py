"""10. Against the hand-rolled alternative and other libraries: an asset loan's five state changes.

What a careful Python developer would write instead of this library: one shared
``transitions`` Machine, ``sqlite3``, a SHA-256 chain over the events, each state change
with its case row and its audit row in one transaction. It checks no role, no separation
of duties, no guard, no data type, records no refusal and seals nothing; the engine runs
the bundled ``asset_lending`` flow, which does all of that. Beside it, where installed
(the ``bench`` extra): python-statemachine + ``sqlite3``, Django with django-fsm-2 and
django-fsm-log (SQLite databases configured in this process), and SpiffWorkflow (a BPMN
process of four user tasks, kept serialized in the case row), each writing the case row
and a plain audit row per change in one transaction; one that is not installed is
reported as skipped. All take turns in one process, at ``synchronous=FULL`` and
``NORMAL``, one change per transaction and ``--batch`` loans per transaction (the
engine's ``batch()``). Targets, against the hand-rolled alternative: at FULL the engine
at least 1.0 of its rate, at NORMAL and in batches at least 0.8.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from _harness import ROOT, announce_rules, header, quiet_logger, report, report_turns, taking_turns
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


#: The point where nothing is on disk: the contenders on SQLite's ``:memory:`` database,
#: the engine on its memory store (``memory://``).
MEMORY = "MEMORY"


def _connect(path: Path, synchronous: str) -> sqlite3.Connection:
    """A connection in autocommit mode, in WAL at ``synchronous`` (a database in memory has
    neither a journal file nor a flush)."""
    db = sqlite3.connect(path, isolation_level=None)
    if synchronous != MEMORY:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute(f"PRAGMA synchronous = {synchronous}")
    return db


class HandRolled:
    """The alternative: a shared Machine, sqlite3 and a hash chain, nothing else."""

    def __init__(self, path: Path, synchronous: str) -> None:
        self.db = _connect(path, synchronous)
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

    def close(self) -> None:
        self.db.close()


class PlainSqlite:
    """Storage shared by the library contenders that keep their own rows: a case row and a
    plain audit row (no hash, no chain) per state change, in one sqlite3 transaction."""

    def __init__(self, path: Path, synchronous: str) -> None:
        self.db = _connect(path, synchronous)
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS cases (id TEXT PRIMARY KEY, state TEXT NOT NULL, "
            "data TEXT NOT NULL, events INTEGER NOT NULL)"
        )
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS events (case_id TEXT NOT NULL, pos INTEGER NOT NULL, "
            "body TEXT NOT NULL, UNIQUE (case_id, pos))"
        )

    def insert(self, case_id: str, state: str, data: str, body: dict[str, object]) -> None:
        self.db.execute(
            "INSERT INTO cases (id, state, data, events) VALUES (?,?,?,1)", (case_id, state, data)
        )
        self._event(case_id, 1, body)

    def read(self, case_id: str) -> tuple[str, str, int]:
        row = self.db.execute(
            "SELECT state, data, events FROM cases WHERE id = ?", (case_id,)
        ).fetchone()
        return str(row[0]), str(row[1]), int(row[2])

    def update(
        self, case_id: str, state: str, data: str, events: int, body: dict[str, object]
    ) -> None:
        self._event(case_id, events + 1, body)
        updated = self.db.execute(
            "UPDATE cases SET state = ?, data = ?, events = ? WHERE id = ? AND events = ?",
            (state, data, events + 1, case_id, events),
        )
        assert updated.rowcount == 1

    def _event(self, case_id: str, pos: int, body: dict[str, object]) -> None:
        self.db.execute(
            "INSERT INTO events (case_id, pos, body) VALUES (?,?,?)",
            (case_id, pos, json.dumps(body, ensure_ascii=False)),
        )

    @contextmanager
    def tx(self, own: bool = True) -> Iterator[None]:
        if not own:
            yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        yield
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()


def _statemachine_class() -> type[Any] | None:
    """The loan as a python-statemachine class, or None where it is not installed."""
    try:
        from statemachine import State, StateMachine
    except ImportError:
        return None

    class Loan(StateMachine):  # type: ignore[misc]
        requested = State(initial=True)
        checked = State()
        approved = State()
        on_loan = State()
        returned = State(final=True)
        check = requested.to(checked)
        approve = checked.to(approved)
        hand_over = approved.to(on_loan)
        return_intact = on_loan.to(returned)

    return Loan


class _OnPlainSqlite:
    """A contender that keeps its rows in a :class:`PlainSqlite`: a batch is one of its
    transactions."""

    store: PlainSqlite

    @contextmanager
    def batch(self) -> Iterator[None]:
        with self.store.tx():
            yield

    def close(self) -> None:
        self.store.close()


class WithStatemachine(_OnPlainSqlite):
    """python-statemachine + sqlite3: the machine built at the stored state for each change."""

    def __init__(self, path: Path, synchronous: str, machine: type[Any]) -> None:
        self.store = PlainSqlite(path, synchronous)
        self.machine = machine

    def loan(self, serial: str, borrower: str, item: str, own_tx: bool) -> None:
        case_id = f"loan-{serial}"
        data = {"item": item, "borrower": borrower, "purpose": "ประชุม"}
        with self.store.tx(own_tx):
            self.store.insert(
                case_id, "requested", json.dumps(data, ensure_ascii=False), {"start": data}
            )
        for trigger, _, _, more in MOVES:
            with self.store.tx(own_tx):
                state, text, events = self.store.read(case_id)
                machine = self.machine(start_value=state)
                machine.send(trigger)
                data = {**json.loads(text), **more}
                self.store.update(
                    case_id,
                    str(machine.current_state_value),
                    json.dumps(data, ensure_ascii=False),
                    events,
                    {"trigger": trigger, "data": more, "at": NOW.isoformat()},
                )


BPMN_TASKS = [trigger for trigger, _, _, _ in MOVES]


def _spiff_spec() -> Any | None:
    """The loan as a BPMN process of four user tasks, or None where SpiffWorkflow is not
    installed."""
    try:
        from lxml import etree
        from SpiffWorkflow.bpmn.parser import BpmnParser
    except ImportError:
        return None
    steps = ["start", *BPMN_TASKS, "end"]
    flows = "".join(
        f'<bpmn:sequenceFlow id="f{i}" sourceRef="{a}" targetRef="{b}"/>'
        for i, (a, b) in enumerate(itertools.pairwise(steps))
    )
    tasks = "".join(f'<bpmn:userTask id="{t}" name="{t}"/>' for t in BPMN_TASKS)
    xml = (
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        'id="loans" targetNamespace="urn:bench"><bpmn:process id="loan" isExecutable="true">'
        f'<bpmn:startEvent id="start"/>{tasks}<bpmn:endEvent id="end"/>{flows}'
        "</bpmn:process></bpmn:definitions>"
    )
    parser = BpmnParser()
    parser.add_bpmn_xml(etree.fromstring(xml.encode()), filename="loan.bpmn")
    return parser.get_spec("loan")


class WithSpiff(_OnPlainSqlite):
    """SpiffWorkflow + sqlite3: the workflow kept serialized in the case row, restored,
    its ready user task run and serialized again for each change."""

    def __init__(self, path: Path, synchronous: str, spec: Any) -> None:
        from SpiffWorkflow.bpmn import BpmnWorkflow
        from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
        from SpiffWorkflow.util.task import TaskState

        self.store = PlainSqlite(path, synchronous)
        self.spec = spec
        self.workflow = BpmnWorkflow
        self.serializer = BpmnWorkflowSerializer()
        self.ready = TaskState.READY

    def _state(self, workflow: Any) -> str:
        ready = workflow.get_tasks(state=self.ready, manual=True)
        return str(ready[0].task_spec.name) if ready else "returned"

    def loan(self, serial: str, borrower: str, item: str, own_tx: bool) -> None:
        case_id = f"loan-{serial}"
        data = {"item": item, "borrower": borrower, "purpose": "ประชุม"}
        workflow = self.workflow(self.spec)
        workflow.data.update(data)
        workflow.do_engine_steps()
        with self.store.tx(own_tx):
            self.store.insert(
                case_id, self._state(workflow), self.serializer.serialize_json(workflow),
                {"start": data},
            )  # fmt: skip
        for trigger, _, _, more in MOVES:
            with self.store.tx(own_tx):
                _, text, events = self.store.read(case_id)
                workflow = self.serializer.deserialize_json(text)
                (task,) = workflow.get_tasks(state=self.ready, manual=True)
                if task.task_spec.name != trigger:
                    raise RuntimeError(f"{trigger} is not the ready task")
                task.data.update(more)
                task.run()
                workflow.do_engine_steps()
                self.store.update(
                    case_id,
                    self._state(workflow),
                    self.serializer.serialize_json(workflow),
                    events,
                    {"trigger": trigger, "data": more, "at": NOW.isoformat()},
                )


_DJANGO: dict[str, Any] = {}


def _django_once(folder: Path, aliases: dict[str, str]) -> dict[str, Any] | None:
    """:func:`_django`, refused for a second folder: ``settings.configure()`` holds for the
    life of the process."""
    if _DJANGO and _DJANGO["folder"] != folder:
        raise RuntimeError("Django's databases are set once per process: run main() once")
    return _django(folder, aliases)


def _django(folder: Path, aliases: dict[str, str]) -> dict[str, Any] | None:
    """Django configured in this process (once) with one SQLite database per alias (its
    ``synchronous`` level), the ``django_fsm_log`` tables and a loan model with an
    ``FSMField``; None where Django, django-fsm-2 or django-fsm-log is not installed."""
    if _DJANGO:
        return _DJANGO
    try:
        import django
        import django_fsm  # noqa: F401
        import django_fsm_log  # noqa: F401
        from django.conf import settings
    except ImportError:
        return None
    current = {"alias": "default"}

    class Router:
        """Every query of a run, the log's too, goes to the database of that run."""

        def db_for_read(self, _model: object, **_hints: object) -> str:
            return current["alias"]

        db_for_write = db_for_read

    def database(name: str, synchronous: str) -> dict[str, object]:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(_fresh(folder, f"django-{name}")),
            "OPTIONS": {
                "init_command": f"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}",
                "transaction_mode": "IMMEDIATE",
            },
        }

    settings.configure(
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "django_fsm_log"],
        DATABASES={
            "default": database("default", "FULL"),
            **{alias: database(alias, sync) for alias, sync in aliases.items()},
        },
        DATABASE_ROUTERS=[Router()],
        USE_TZ=True,
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    )
    django.setup()
    from django.core.management import call_command
    from django.db import connections, models, transaction
    from django_fsm import ConcurrentTransitionMixin, FSMField, transition
    from django_fsm_log.models import StateLog

    class Loan(ConcurrentTransitionMixin, models.Model):  # type: ignore[misc]
        ref = models.CharField(max_length=64, unique=True)
        state = FSMField(default="requested")
        data = models.JSONField()

        class Meta:
            app_label = "bench_peers"

        @transition(field=state, source="requested", target="checked")
        def check(self) -> None: ...

        @transition(field=state, source="checked", target="approved")
        def approve(self) -> None: ...

        @transition(field=state, source="approved", target="on_loan")
        def hand_over(self) -> None: ...

        @transition(field=state, source="on_loan", target="returned")
        def return_intact(self) -> None: ...

    for alias in ["default", *aliases]:
        current["alias"] = alias
        call_command("migrate", database=alias, verbosity=0)
        with connections[alias].schema_editor() as editor:
            editor.create_model(Loan)
    _DJANGO.update(current=current, Loan=Loan, StateLog=StateLog, atomic=transaction.atomic)
    return _DJANGO


class WithDjango:
    """Django + django-fsm-2 (a ``ConcurrentTransitionMixin`` model: the save checks the
    state it read) + django-fsm-log (a ``StateLog`` row per transition), each change in
    one ``transaction.atomic()``."""

    def __init__(self, django: dict[str, Any], alias: str) -> None:
        self.django = django
        self.alias = alias

    def loan(self, serial: str, borrower: str, item: str, own_tx: bool) -> None:
        django = self.django
        django["current"]["alias"] = self.alias
        loan_model, atomic = django["Loan"], django["atomic"]
        data = {"item": item, "borrower": borrower, "purpose": "ประชุม"}
        with atomic(using=self.alias) if own_tx else _nothing():
            loan = loan_model.objects.create(ref=f"loan-{serial}", data=data)
            django["StateLog"].objects.create(
                content_object=loan, transition="start", state="requested"
            )
        for trigger, _, _, more in MOVES:
            with atomic(using=self.alias) if own_tx else _nothing():
                loan = loan_model.objects.get(ref=f"loan-{serial}")
                getattr(loan, trigger)()
                loan.data = {**loan.data, **more}
                loan.save()

    @contextmanager
    def batch(self) -> Iterator[None]:
        self.django["current"]["alias"] = self.alias
        with self.django["atomic"](using=self.alias):
            yield

    def close(self) -> None:
        pass


def engine_loan(engine: Engine, serial: str, borrower: str, item: str) -> None:
    """The same loan through the engine and the bundled flow."""
    actor = Actor(borrower, roles={"staff"}, unit="กองคลัง")
    data = {"item": item, "purpose": "ประชุม", "return_date": "2023-11-10"}
    case = engine.start("asset_lending", actor=actor, data=data, case_id=f"loan-{serial}")
    for trigger, _, _, more in MOVES:
        extra = {**more, "register_no": f"R-{serial}"} if trigger == "hand_over" else more
        engine.fire(case.id, trigger, actor=WHO.get(trigger, CUSTODIAN), data=extra)


#: The contenders: what each is called in the output, and the guarantees it lacks that
#: the engine gives (besides roles, separation of duties, guards and typed data, which
#: none of them checks here).
CONTENDERS = {
    "hand": ("transitions + sqlite3 + SHA-256 chain", "no recorded refusal, no Merkle tree"),
    "statemachine": (
        "python-statemachine + sqlite3",
        "no tamper-evident trail, no recorded refusal",
    ),
    "django": (
        "Django + django-fsm-2 + django-fsm-log",
        "no tamper-evident trail, no recorded refusal",
    ),
    "spiff": ("SpiffWorkflow + sqlite3", "no tamper-evident trail, no recorded refusal"),
}


def contenders(
    folder: Path, synchronous: str, batch: int, django: dict[str, Any] | None
) -> tuple[dict[str, Any], list[str]]:
    """Each installed contender on a database of its own, and the names of those skipped."""
    name = f"{synchronous}-{batch}"
    if synchronous == MEMORY:
        folder = Path(":memory:")  # _fresh gives it as every database's path
    made: dict[str, Any] = {"hand": HandRolled(_fresh(folder, f"hand-{name}"), synchronous)}
    skipped = []
    machine = _statemachine_class()
    if machine is None:
        skipped.append("statemachine")
    else:
        made["statemachine"] = WithStatemachine(
            _fresh(folder, f"statemachine-{name}"), synchronous, machine
        )
    if django is None or synchronous == MEMORY:
        skipped.append("django")
    else:
        made["django"] = WithDjango(django, name)
    spec = _spiff_spec()
    if spec is None:
        skipped.append("spiff")
    else:
        made["spiff"] = WithSpiff(_fresh(folder, f"spiff-{name}"), synchronous, spec)
    return made, skipped


@contextmanager
def runners(
    folder: Path,
    synchronous: str,
    loans: dict[str, int],
    batch: int,
    peers: dict[str, Any],
) -> Iterator[dict[str, Callable[[], int]]]:
    """One timed run per contender, each on its own database opened once (before any
    timing): ``loans[name]`` new loans, ``batch`` per transaction (or one transaction per
    write when ``batch`` is 1); each run returns the writes it made."""
    name = f"{synchronous}-{batch}"
    url = (
        "memory://"
        if synchronous == MEMORY
        else f"sqlite:///{_fresh(folder, f'engine-{name}')}?synchronous={synchronous.lower()}"
    )
    flows = Engine.open(url, clock=FixedClock(NOW), entry_points=False, logger=quiet_logger())
    announce_rules(flows)
    turn = dict.fromkeys(["engine", *peers], 0)

    def peer(key: str) -> Callable[[], int]:
        store, count = peers[key], loans[key]

        def run() -> int:
            turn[key] += 1
            for start in range(0, count, batch):
                with store.batch() if batch > 1 else _nothing():
                    for n in range(start, min(count, start + batch)):
                        store.loan(f"{turn[key]}-{n}", f"b{n % 300}", f"i{n % 300}", batch == 1)
            return count * 5

        return run

    def engine() -> int:
        turn["engine"] += 1
        count = loans["engine"]
        for start in range(0, count, batch):
            with flows.batch() if batch > 1 else _nothing():
                for n in range(start, min(count, start + batch)):
                    engine_loan(flows, f"{turn['engine']}-{n}", f"b{n % 300}", f"i{n % 300}")
        return count * 5

    try:
        with flows:
            yield {"engine": engine, **{key: peer(key) for key in peers}}
    finally:
        for store in peers.values():
            store.close()


def _fresh(folder: Path, name: str) -> Path:
    """A database path in ``folder`` with no file left from an earlier turn (the folder
    ``:memory:`` gives SQLite's database in memory)."""
    if str(folder) == ":memory:":
        return folder
    path = folder / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def main(argv: list[str] | None = None) -> bool:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loans", type=int, default=40, help="loans per turn, one per commit")
    parser.add_argument("--batched", type=int, default=300, help="loans per turn in batches")
    parser.add_argument("--batch", type=int, default=100, help="loans per transaction")
    parser.add_argument(
        "--spiff-share",
        type=float,
        default=0.25,
        help="SpiffWorkflow's loans per turn as a share of the others' (it is much slower)",
    )
    parser.add_argument("--turns", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=ROOT / "benchmarks")
    args = parser.parse_args(argv)
    header(
        "10. The engine against the hand-rolled alternative and other libraries (asset loan, "
        f"SQLite WAL; writes per second, median of {args.turns} alternating turns)"
    )
    ok = True
    points = (
        ("FULL", args.loans, 1, 1.0),
        ("NORMAL", args.loans, 1, 0.8),
        ("FULL", args.batched, args.batch, 0.8),
        (MEMORY, args.batched, 1, 0.8),
    )
    with tempfile.TemporaryDirectory(dir=args.dir, prefix=".bench-") as tmp:
        folder = Path(tmp)
        django = _django_once(folder, {f"{s}-{b}": s for s, _, b, _ in points if s != MEMORY})
        for synchronous, loans, batch, target in points:
            peers, skipped = contenders(folder, synchronous, batch, django)
            sizes = dict.fromkeys(["engine", *peers], loans)
            if "spiff" in sizes:
                sizes["spiff"] = max(1, round(loans * args.spiff_share))
            with runners(folder, synchronous, sizes, batch, peers) as runs:
                turns = taking_turns(runs, args.turns)
            how = "one write per commit" if batch == 1 else f"{batch} loans per commit"
            where = "in memory" if synchronous == MEMORY else synchronous
            engine = turns["engine"]
            report_turns(f"engine, {where}, {how}", engine, "writes/s")
            for key in peers:
                label, lacks = CONTENDERS[key]
                theirs = turns[key]
                report_turns(f"  {label}", theirs, "writes/s")
                met = report(
                    "  engine's ratio to it",
                    engine.median,
                    "writes/s",
                    baseline=theirs.median,
                    target=target if key == "hand" else None,
                )
                if key == "hand":
                    ok &= met
                print(f"    it lacks: {lacks}", flush=True)
            for key in skipped:
                why = "not installed" if key != "django" or django is None else "not in memory"
                print(f"  {CONTENDERS[key][0]}: skipped, {why}", flush=True)
    return ok


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
