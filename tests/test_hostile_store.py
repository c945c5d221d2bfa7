"""Attacks on the store and the engine, as an attacker or a careless operator would try
them: unreadable rows, forged chains, another key, clear text in a sealed field, lost
races, threads sharing an engine, wrong value types, a guessing source.

Each test runs on a SQLite file and on PostgreSQL (skipped without
INTEGRITY_FLOWS_TEST_POSTGRES; see tests/_postgres.py), some on the memory store too.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, nullcontext
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from structlog.testing import capture_logs

from _complaints import WEB, anonymous
from _lending import KANYA, SOMCHAI, SOMYING, T0, announce_rules, lend, request
from _postgres import fresh_schema
from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.audit.records import GENESIS, AuditEvent, canonical, digest
from integrity_flows.cli import main
from integrity_flows.complaints import ComplaintDesk, Throttle, ThrottleWarning, TrackingNotFound
from integrity_flows.errors import (
    BadActorId,
    BadCaseId,
    CaseNotFound,
    CaseUnreadable,
    EventUnreadable,
    InvalidData,
    NotAuthorized,
    NotSealed,
    UnknownFlow,
    WrongKey,
)
from integrity_flows.protection.keys import FieldKey
from integrity_flows.stored import StoredEvent, Write
from integrity_flows.stores import MemoryStore, open_store

KEY = FieldKey.generate()


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store URL: a SQLite file, or a fresh PostgreSQL schema."""
    sqlite = nullcontext(f"sqlite:///{tmp_path}/hostile.db")
    with sqlite if request.param == "sqlite" else fresh_schema() as found:
        yield found


@pytest.fixture
def engine(url: str) -> Iterator[Engine]:
    """An engine with a fixed clock on ``url``."""
    with Engine.open(url, clock=FixedClock(T0), key=KEY) as opened:
        yield opened


# --- threads sharing one engine (item 11) ----------------------------------------


class _UnlockedBatchStore(MemoryStore):
    """A memory store whose batch holds no lock, so another thread's write commits while a
    batch is open: the timing a store with a connection per thread would give."""

    @contextmanager
    def batch(self) -> Iterator[None]:
        yield


def test_a_fire_of_one_thread_is_published_while_another_thread_is_in_a_batch() -> None:
    """Thread B's fire, committed while thread A is inside a batch that is then undone,
    reaches the sinks: B's event was never A's to hold back or drop."""
    engine = announce_rules(
        Engine(_UnlockedBatchStore(), Engine.open().flows, clock=FixedClock(T0))
    )
    seen: list[AuditEvent] = []
    engine.subscribe(seen.append)
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    inside, fired = threading.Event(), threading.Event()

    def other_thread() -> None:
        inside.wait(10)
        engine.fire(case.id, "check", actor=KANYA)
        fired.set()

    thread = threading.Thread(target=other_thread)
    thread.start()

    def undone_batch() -> None:
        with engine.batch():
            inside.set()
            assert fired.wait(10)
            raise RuntimeError("undo the batch")

    with pytest.raises(RuntimeError):
        undone_batch()
    thread.join(10)
    assert [(e.pos, e.trigger) for e in seen] == [(1, "start"), (2, "check")]


def test_fires_and_batches_from_several_threads_all_reach_the_sinks(engine: Engine) -> None:
    """Threads firing alone and in batches (some undone) on one engine: every event the
    store holds reached the sinks exactly once, and no undone one did."""
    seen: list[AuditEvent] = []
    lock = threading.Lock()

    def sink(event: AuditEvent) -> None:
        with lock:
            seen.append(event)

    engine.subscribe(sink)
    announce_rules(engine)  # the year's rules, published to the sink like any write
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def work(n: int) -> None:
        try:
            barrier.wait(10)
            for round_ in range(6):
                item = request(f"car {n}-{round_}")
                if (n + round_) % 2:
                    case = engine.start("asset_lending", actor=SOMCHAI, data=item)
                    engine.fire(case.id, "check", actor=KANYA)
                    continue
                undone = round_ % 3 == 0
                try:
                    with engine.batch():
                        case = engine.start("asset_lending", actor=SOMCHAI, data=item)
                        engine.fire(case.id, "check", actor=KANYA)
                        engine.fire(case.id, "approve", actor=SOMYING)
                        if undone:
                            raise LookupError("undo")
                except LookupError:
                    pass
        except BaseException as exc:  # reported to the test thread below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    stored = sorted((e.case_id, e.pos, e.hash) for e in engine.events())
    published = sorted((e.case_id, e.pos, e.hash) for e in seen)
    assert published == stored
    assert len(stored) > 0
    assert engine.verify().ok


# --- a refusal after a lost race (item 6) ------------------------------------------


class _Interleaved:
    """A store that runs ``hook`` once, just before the first write of a non-move event
    (a refusal, a reading): another writer that comes first, with the timing forced."""

    def __init__(self, store: Any, hook: Callable[[], None]) -> None:
        self._store = store
        self._hook: Callable[[], None] | None = hook

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def write(self, write: Write) -> int:
        if self._hook is not None and '"outcome":"moved"' not in write.event.body:
            hook, self._hook = self._hook, None
            hook()
        return int(self._store.write(write))


def _racing_engine(url: str, hook: Callable[[], None]) -> Engine:
    library = Engine.open().flows
    return Engine(_Interleaved(open_store(url), hook), library, clock=FixedClock(T0))


def test_a_refusal_after_a_lost_race_is_decided_again(url: str, engine: Engine) -> None:
    """'approve' is refused on a case still 'requested'; before the refusal is written,
    another writer checks the case. The refusal is not recorded against 'checked' (where
    approving is allowed): the action is decided again there, and approves."""
    announce_rules(engine)
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    racing = _racing_engine(url, lambda: engine.fire(case.id, "check", actor=KANYA))
    try:
        moved = racing.fire(case.id, "approve", actor=SOMYING)
    finally:
        racing.close()
    assert moved.state == "approved"
    history = engine.history(case.id)
    assert [(e.trigger, e.outcome, e.from_state) for e in history] == [
        ("start", "moved", None),
        ("check", "moved", "requested"),
        ("approve", "moved", "checked"),
    ]
    assert engine.verify().ok


def test_a_refusal_decided_again_records_the_reasons_of_the_new_state(
    url: str, engine: Engine
) -> None:
    """A refusal whose case moved meanwhile is recorded with the reasons that hold in the
    state it is recorded against, not those of the state it was first decided in."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    racing = _racing_engine(url, lambda: engine.fire(case.id, "check", actor=KANYA))
    try:
        with pytest.raises(NotAuthorized) as caught:
            racing.fire(case.id, "approve", actor=SOMCHAI)  # the requester: never allowed
    finally:
        racing.close()
    assert caught.value.state == "checked"
    refused = engine.history(case.id)[-1]
    assert (refused.outcome, refused.from_state, refused.refusal) == (
        "refused",
        "checked",
        "not_authorized",
    )
    assert engine.verify().ok


def test_a_reading_after_a_lost_race_is_decided_again(url: str, engine: Engine) -> None:
    """A reading of a sensitive value whose case moved before it was recorded is recorded
    after that move, against the state the case is in."""
    case_id = engine.start(
        "asset_lending", actor=SOMCHAI, data=request(borrower_phone="0812345678")
    ).id
    library = Engine.open().flows
    store = _Interleaved(open_store(url), lambda: engine.fire(case_id, "check", actor=KANYA))
    racing = Engine(store, library, clock=FixedClock(T0), key=KEY)
    try:
        phone = racing.reveal(case_id, "borrower_phone", actor=KANYA, reason="call")
    finally:
        racing.close()
    assert phone == "0812345678"
    read = engine.history(case_id)[-1]
    assert (read.outcome, read.from_state, read.pos) == ("read", "checked", 3)
    assert engine.verify().ok


# --- raw access to the database, as an attacker with the file or the server has ---------


def raw_sql(url: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run ``sql`` (``{p}`` for each parameter) on the database behind ``url``, outside
    the library, and commit."""
    if url.startswith("sqlite:///"):
        with closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as db:
            rows = db.execute(sql.format(p="?"), params).fetchall()
            db.commit()
            return rows
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        cursor = db.execute(sql.format(p="%s"), params)  # type: ignore[arg-type]
        return cursor.fetchall() if cursor.description else []


def loans(engine: Engine, count: int) -> list[str]:
    """``count`` loans taken up to on_loan (all due back on 10 October 2566)."""
    return [lend(engine, item=f"car {n}").id for n in range(count)]


# --- one unreadable row (item 2) --------------------------------------------------


UNREADABLE = [
    ("data", "{not json"),
    ("data", "[1, 2]"),
    ("actors", '{"requester": 7}'),
    ("deadlines", "{"),
    ("fired_by", "null"),
    ("created_at", "yesterday"),
    ("entered_at", "2023-10-01T03:00:00"),
]


@pytest.mark.parametrize(("column", "value"), UNREADABLE)
def test_verify_reports_an_unreadable_case_and_goes_on(
    url: str, engine: Engine, column: str, value: str
) -> None:
    """One case row whose column cannot be read is an `unreadable` problem of that case;
    an event edited in another case is still found, and the counts and digest are given."""
    first, second, third = loans(engine, 3)
    raw_sql(url, f"UPDATE cases SET {column} = {{p}} WHERE id = {{p}}", (value, first))
    raw_sql(
        url,
        "UPDATE events SET body = replace(body, {p}, {p}) WHERE case_id = {p} AND pos = 2",
        ('"at":"2023-10-01', '"at":"2023-10-02', second),
    )
    report = engine.verify()
    found = {(p.case_id, p.pos, p.kind) for p in report.problems}
    assert found == {(first, None, "unreadable"), (second, 2, "edited")}
    unreadable = next(p for p in report.problems if p.kind == "unreadable")
    assert f"'{column}'" in unreadable.message_en
    assert f"'{column}'" in unreadable.message_th
    assert (report.cases, report.events) == (4, 15)  # with the asset_rules case of the year
    assert len(report.digest) == 64
    assert third not in {p.case_id for p in report.problems}
    with pytest.raises(CaseUnreadable) as caught:
        engine.get(first)
    assert (caught.value.case_id, caught.value.column) == (first, column)


def test_the_cli_verify_prints_every_problem_of_an_unreadable_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`audit verify` on a store with an unreadable row prints the problem lines, the
    counts and the digest, and exits 1: no traceback."""
    url = f"sqlite:///{tmp_path}/cli.db"
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        first, second = loans(engine, 2)
    raw_sql(url, "UPDATE cases SET data = {p} WHERE id = {p}", ("][", first))
    raw_sql(url, "UPDATE cases SET created_at = {p} WHERE id = {p}", ("31/2/2567", second))
    code = main(["audit", "verify", "--db", str(tmp_path / "cli.db")])
    out = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out.out + out.err
    assert f"{first}: the case row cannot be read: its 'data'" in out.out
    assert f"{second}: the case row cannot be read: its 'created_at'" in out.out
    assert "3 case(s), 11 event(s), digest " in out.out  # with the year's asset_rules


def test_an_event_row_edited_into_text_is_named_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An SQLite event row whose position is edited into text: `audit verify` names the
    case and prints its summary; no traceback."""
    url = f"sqlite:///{tmp_path}/events.db"
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        first, _ = loans(engine, 2)
    raw_sql(url, "UPDATE events SET pos = 'two' WHERE case_id = {p} AND pos = 2", (first,))
    code = main(["audit", "verify", "--db", str(tmp_path / "events.db")])
    out = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out.out + out.err
    assert f"{first} event #0:" in out.out
    assert "3 case(s), 11 event(s), digest " in out.out  # with the year's asset_rules


@pytest.mark.parametrize("text", ["not json", "[1, 2]", '"a text"', '{"actor_roles": 5}'])
def test_an_event_edited_into_what_no_event_is_stops_every_reader_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """An event's stored text edited: `history` (and `prove`, for text that is no JSON
    object) name the event and exit 1, `export` writes every event (that one as stored,
    under ``unreadable_body``) and exits 1, `verify` reports it; no traceback."""
    url = f"sqlite:///{tmp_path}/edited.db"
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        first, second = loans(engine, 2)
    raw_sql(url, "UPDATE events SET body = {p} WHERE case_id = {p} AND pos = 2", (text, first))
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        with pytest.raises(EventUnreadable) as caught:
            engine.history(first)
        assert (caught.value.case_id, caught.value.pos, caught.value.code) == (
            first, 2, "event_unreadable"
        )  # fmt: skip
        assert len(engine.history(second)) == 4
    db = ["--db", url]
    commands = [["case", "history", first]]
    if not text.startswith("{"):  # a JSON object has its proof: of a leaf that differs
        commands.append(["audit", "prove", first, "2"])
    for command in commands:
        assert main([*command, *db]) == 1
        out = capsys.readouterr()
        assert "Traceback" not in out.out + out.err
        assert f"event #2 of case '{first}' cannot be read from the store" in out.err
        assert f"อ่านเหตุการณ์ลำดับที่ 2 ของเรื่อง '{first}'" in out.err
    exported = tmp_path / "trail.jsonl"
    # A JSON object is exported as it is (verify finds its hash wrong); other text as stored.
    code = main(["audit", "export", "-o", str(exported), *db])
    out = capsys.readouterr()
    records = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 11  # every event, with the year's asset_rules
    edited = [
        (r["case_id"], r["pos"], r["unreadable_body"]) for r in records if "unreadable_body" in r
    ]
    if text.startswith("{"):
        assert (code, edited) == (0, [])
    else:
        assert (code, edited) == (1, [(first, 2, text)])
        assert "1 event(s) could not be read and were written as stored" in out.err
    assert main(["audit", "verify", *db]) == 1
    assert f"{first} event #2: " in capsys.readouterr().out


FORGED_SHAPES = [
    {"case_version": "x"},
    {"case_version": [1]},
    {"authority": ["a"]},
    {"data": ["a"]},
    {"data": {"k": {"key": "id", "added": 5}}},
    {"data": {"k": {"key": "id", "removed": 5}}},
    {"outcome": "sealed", "data": 5},
]


@pytest.mark.parametrize("shape", FORGED_SHAPES)
def test_a_forged_event_of_the_wrong_shape_is_reported_not_a_traceback(
    url: str, engine: Engine, shape: dict[str, Any]
) -> None:
    """An event rewritten with its hashes recomputed, its fields of types the engine never
    writes: verify names it as malformed and goes on with every other chain."""
    loans(engine, 1)
    moved = {"outcome": "moved", "to_state": "requested", "case_version": 1}
    forge_chain(url, "forged-1", [{**moved, **shape}])
    report = engine.verify()
    found = {(p.case_id, p.kind) for p in report.problems}
    assert ("forged-1", "malformed") in found
    assert {case_id for case_id, _ in found} == {"forged-1"}


def test_the_cli_sweep_shows_an_unreadable_case_skipped_and_every_other_fired(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`sweep` prints the case it could not read as refused (case_unreadable), among the
    deadlines it fired, and exits 0: the line is not read from the row that failed."""
    url = f"sqlite:///{tmp_path}/sweep.db"
    with Engine.open(url, clock=FixedClock(T0)) as engine:
        first, second = loans(engine, 2)
    raw_sql(url, "UPDATE cases SET data = {p} WHERE id = {p}", ("{bad", first))
    assert main(["sweep", "--now", "2023-10-20", "--db", url]) == 0
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert f"{first}  mark_overdue  " in out.out
    assert "ปฏิเสธ / refused: case_unreadable" in out.out
    assert f"{second}  แจ้งเตือนเกินกำหนด / mark overdue (mark_overdue)" in out.out
    assert "3 deadline(s) / กำหนดเวลา 3 รายการ" in out.out


def test_the_sweep_skips_an_unreadable_case_and_fires_every_other(url: str) -> None:
    """A due loan whose row cannot be read is skipped, logged and reported; every other
    due deadline is fired."""
    clock = FixedClock(T0)
    with Engine.open(url, clock=clock) as engine:
        first, second, third = loans(engine, 3)
        raw_sql(url, "UPDATE cases SET data = {p} WHERE id = {p}", ("{", second))
        with capture_logs() as logs:
            results = engine.sweep(T0 + timedelta(days=12))
        by_case = {r.case_id: r for r in results if r.trigger == "mark_overdue"}
        assert by_case[second].refused == "case_unreadable"
        assert by_case[first].state == by_case[third].state == "overdue"
        assert engine.get(first).state == engine.get(third).state == "overdue"
        logged = [e for e in logs if e["event"] == "sweep_case_unreadable"]
        assert [(e["case_id"], e["column"]) for e in logged] == [(second, "data")]
        assert logged[0]["log_level"] == "error"
        assert [e.trigger for e in raw_events(url, second)][-1] == "hand_over"


def test_a_deadline_row_that_cannot_be_read_does_not_stop_the_sweep(url: str) -> None:
    """One row of the deadlines table edited into something that is not an instant: the
    sweep leaves it out and fires every other due deadline."""
    with Engine.open(url, clock=FixedClock(T0), key=KEY) as engine:
        first, second = loans(engine, 2)
        raw_sql(url, "UPDATE deadlines SET due = {p} WHERE case_id = {p}", ("0-bad", first))
        results = engine.sweep(T0 + timedelta(days=12))
        assert {(r.case_id, r.state) for r in results if r.trigger == "mark_overdue"} == {
            (second, "overdue")
        }
        assert engine.get(first).state == "on_loan"


def raw_events(url: str, case_id: str) -> list[AuditEvent]:
    """The events of ``case_id`` read from the database directly."""
    rows = raw_sql(
        url, "SELECT body, hash FROM events WHERE case_id = {p} ORDER BY pos", (case_id,)
    )
    return [AuditEvent.from_dict({**json.loads(body), "hash": hash_}) for body, hash_ in rows]


# --- a forged chain with no case (item 7) -------------------------------------------


def _refusal_body(case_id: str, pos: int, prev: str, **extra: Any) -> dict[str, Any]:
    return {
        "case_id": case_id, "pos": pos, "at": "2023-10-01T03:00:00.000000Z",
        "flow_id": "asset_lending", "flow_version": 1, "actor": "somchai",
        "actor_roles": ["staff"], "actor_unit": None, "trigger": "start",
        "outcome": "refused", "from_state": None, "to_state": None, "case_version": 0,
        "data": {}, "reason": None, "refusal": "invalid_data", "reasons": [],
        "authority": {}, "cites": None, "committee": None, "prev_hash": prev, "format": 2,
        **extra,
    }  # fmt: skip


def forge_chain(url: str, case_id: str, bodies: list[dict[str, Any]]) -> None:
    """Write a chain of ``bodies`` with no case, every hash recomputed, as an attacker
    with write access to the store would."""
    with closing(open_store(url)) as store:
        prev = GENESIS
        for pos, extra in enumerate(bodies, start=1):
            text = canonical(_refusal_body(case_id, pos, prev, **extra))
            event = StoredEvent(case_id, pos, prev, digest(text), text)
            store.write(Write(event, None, pos - 1))
            prev = event.hash


def test_a_forged_chain_of_refusals_without_a_case_is_reported(url: str, engine: Engine) -> None:
    """Refusals under a new case id, hashes recomputed: not one refused start, so reported."""
    loans(engine, 1)
    forge_chain(url, "forged-1", [{}, {"trigger": "approve", "from_state": "requested"}])
    forge_chain(url, "forged-2", [{"trigger": "approve", "from_state": "checked"}])
    forge_chain(url, "forged-3", [{"case_version": 3}])
    report = engine.verify()
    found = {(p.case_id, p.kind) for p in report.problems}
    assert found == {
        ("forged-1", "case_missing"),
        ("forged-2", "case_missing"),
        ("forged-3", "case_missing"),
    }
    message = next(p for p in report.problems if p.case_id == "forged-1").message_en
    assert "a trail of 2 event(s) has no case" in message


def test_one_refused_start_is_the_only_chain_without_a_case(engine: Engine) -> None:
    """A real refused start leaves a chain of one refusal and no case: verify holds."""
    with pytest.raises(InvalidData):
        engine.start("asset_lending", actor=SOMCHAI, data={}, case_id="refused-1")
    with pytest.raises(UnknownFlow):
        engine.start("no_such_flow", actor=SOMCHAI, case_id="refused-2")
    report = engine.verify()
    assert report.ok, report.problems
    assert report.events == 2


# --- accurate messages ------------------------------------------------------------


def test_a_chain_rewritten_with_its_length_unchanged_is_named_so(url: str, engine: Engine) -> None:
    """The case's head no longer the hash of its last event, the count the same: the
    message says so, instead of "events removed or added at the end"."""
    (case_id,) = loans(engine, 1)
    raw_sql(url, "UPDATE cases SET head = {p} WHERE id = {p}", ("f" * 64, case_id))
    (problem,) = engine.verify().problems
    assert problem.kind == "head"
    assert "its length unchanged" in problem.message_en
    assert "removed or added" not in problem.message_en
    assert "#4" in problem.message_en


def test_an_edited_flow_id_is_named(url: str, engine: Engine) -> None:
    """A case row moved to another flow: the problem names both flows, not two equal states."""
    (case_id,) = loans(engine, 1)
    raw_sql(url, "UPDATE cases SET flow_id = {p} WHERE id = {p}", ("asset_rules", case_id))
    (problem,) = engine.verify().problems
    assert problem.kind == "state"
    assert problem.message_en == (
        "the case says flow 'asset_rules', its trail says 'asset_lending'"
    )
    assert "asset_rules" in problem.message_th


# --- the wrong-code throttle (item 10) --------------------------------------------


class _Time:
    """A clock in seconds, and a sleep that only records."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []
        self._lock = threading.Lock()

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.slept.append(seconds)


def test_parallel_attempts_are_charged_before_they_wait() -> None:
    """Eight guesses sent at once from one source: each is charged on arrival, so they
    wait 0, 0, 1, 2, 4, ... instead of all waiting the delay current when they came."""
    time = _Time()
    throttle = Throttle(free=2, base=1.0, ceiling=30.0, clock=time.clock, sleep=time.sleep)
    barrier = threading.Barrier(8)
    waited: list[float] = []

    def guess() -> None:
        barrier.wait(10)
        waited.append(throttle.attempt("203.0.113.7"))

    threads = [threading.Thread(target=guess) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert sorted(waited) == [0.0, 0.0, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0]


def test_a_guesser_is_not_forgotten_when_ten_thousand_sources_pass() -> None:
    """10,000 other sources with one wrong code each do not push out a guessing source:
    the least suspicious are forgotten first."""
    time = _Time()
    throttle = Throttle(clock=time.clock, sleep=time.sleep)
    for _ in range(8):
        throttle.attempt("attacker")
    before = throttle.delay("attacker")
    for n in range(10_000):
        throttle.attempt(f"10.0.{n // 256}.{n % 256}")
    assert before == 8.0
    assert throttle.delay("attacker") == before


def test_a_guesser_pushed_out_by_other_guessers_leaves_its_count_behind() -> None:
    """More slowed-down sources than there is room for: a forgotten one's charges go to
    the overflow count every unknown source is charged with."""
    time = _Time()
    throttle = Throttle(free=2, max_sources=3, clock=time.clock, sleep=time.sleep)
    for source in ("a", "b", "c", "d"):
        for _ in range(3):
            throttle.attempt(source)
    assert throttle.delay("d") == 2.0  # the newest guesser is counted from its first guess
    assert throttle.delay("a") >= 2.0  # forgotten, but its charges still count
    assert throttle.delay("someone new") >= 2.0
    time.now += 901
    assert throttle.delay("someone new") == 0.0


def test_right_codes_are_refunded_and_never_slow_their_source() -> None:
    """A complainant following their own code again and again is never slowed; a wrong
    code is charged, and a right code does not clear it."""
    time = _Time()
    engine = Engine.open("memory://", clock=FixedClock(T0))
    desk = ComplaintDesk(engine, throttle=Throttle(free=2, clock=time.clock, sleep=time.sleep))
    filed = desk.file(actor=WEB, data=anonymous())
    for _ in range(20):
        desk.follow(filed.tracking_code, source="complainant")
    assert time.slept == []
    for _ in range(3):
        with pytest.raises(TrackingNotFound):
            desk.follow("00000-00000-00000-00000-00000", source="guesser")
    desk.follow(filed.tracking_code, source="guesser")
    assert time.slept == [1.0, 2.0]
    assert desk.throttle.delay("guesser") == 2.0


def test_an_empty_source_is_warned_about_once() -> None:
    """Attempts without a source share one count: the throttle says so, once."""
    time = _Time()
    throttle = Throttle(clock=time.clock, sleep=time.sleep)
    with pytest.warns(ThrottleWarning, match="without a source"):
        throttle.attempt("")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        throttle.attempt("")
        throttle.attempt("198.51.100.2")


# --- wrong value types (item 8) ------------------------------------------------------

GIFT = {
    "giver": "Mr Thongdee Meesap",
    "relation": "other",
    "occasion": "New Year 2567",
    "gift": "gift basket",
    "estimated_value": "1000",
    "received_on": "2023-12-29",
    "action_at_time": "accepted",
}
DECLARANT = Actor("somchai", roles={"staff"})


def assert_refused_and_recorded(engine: Engine, before: int, case_id: str | None = None) -> None:
    """One refusal event was added (invalid_data), nothing else; the trail verifies."""
    events = list(engine.events())
    assert len(events) == before + 1
    last = events[-1]
    assert (last.outcome, last.refusal) == ("refused", "invalid_data")
    if case_id is not None:
        assert last.case_id == case_id
    report = engine.verify()
    assert report.ok, report.problems


WRONG_TYPES = [
    *(("received_on", "date received", bad) for bad in (7, None, [2566], {"d": 1}, 1.5, True)),
    *(("estimated_value", "estimated value", bad) for bad in (None, [1], {"a": 1}, True, b"1")),
    ("estimated_value", "estimated value", "NaN"),
    ("estimated_value", "estimated value", "Infinity"),
]


@pytest.mark.parametrize(("field", "label", "bad"), WRONG_TYPES)
def test_a_wrong_type_for_a_date_or_decimal_is_invalid_data(
    engine: Engine, field: str, label: str, bad: Any
) -> None:
    """An int, None, a list (...) for a date or a decimal field: InvalidData naming the
    field, recorded, nothing started."""
    before = len(list(engine.events()))
    with pytest.raises(InvalidData) as caught:
        engine.start("gift_declaration", actor=DECLARANT, data={**GIFT, field: bad})
    assert label in caught.value.message_en
    assert engine.cases() == []
    assert_refused_and_recorded(engine, before)


@pytest.mark.parametrize("bad", [7, None, [1], {"a": 1}])
def test_a_wrong_type_given_to_a_fire_is_invalid_data(engine: Engine, bad: Any) -> None:
    """The same on a fire: the case does not move, the refusal is on its chain."""
    (case_id,) = loans(engine, 1)
    before = len(list(engine.events()))
    with pytest.raises(InvalidData) as caught:
        engine.fire(
            case_id, "return_intact", actor=KANYA, data={"return_date": bad, "condition_in": "ดี"}
        )
    assert "'return date' has a bad value" in caught.value.message_en
    assert engine.get(case_id).state == "on_loan"
    assert_refused_and_recorded(engine, before, case_id)


TEXT_ATTACKS = [
    ("purpose", "\ud800", "'purpose'"),
    ("purpose", "meeting \udcff\udcfe", "'purpose'"),
    ("item", ["car", "\udc80"], "'item'"),
]


@pytest.mark.parametrize(("field", "bad", "named"), TEXT_ATTACKS)
def test_text_that_is_not_utf8_is_invalid_data(
    engine: Engine, field: str, bad: Any, named: str
) -> None:
    """A lone surrogate (bytes that were not UTF-8) in a value: InvalidData naming the
    field, recorded; never a UnicodeEncodeError."""
    before = len(list(engine.events()))
    with pytest.raises(InvalidData) as caught:
        engine.start("asset_lending", actor=SOMCHAI, data=request(**{field: bad}))
    assert named in caught.value.message_en
    assert "not valid text" in caught.value.message_en
    assert_refused_and_recorded(engine, before)


def test_unwritable_text_outside_the_data_is_refused_and_recorded_escaped(engine: Engine) -> None:
    """A field name, the actor's id or the reason that cannot be written: InvalidData naming
    which, recorded with the characters escaped."""
    before = len(list(engine.events()))
    with pytest.raises(InvalidData) as caught:
        engine.start("asset_lending", actor=SOMCHAI, data={**request(), "\udcffx": "1"})
    assert "unknown data field '\\udcffx'" in caught.value.message_en
    assert_refused_and_recorded(engine, before)
    (case_id,) = loans(engine, 1)
    # An actor's id is checked where the actor is made (integrity_flows.identity).
    with pytest.raises(BadActorId):
        Actor("kan\udcffya", roles={"custodian"})
    for actor, reason, named in [
        (KANYA, "late \ud800", "the reason"),
        (Actor("kanya", roles={"custo\udcffdian"}), None, "the actor's roles"),
    ]:
        before = len(list(engine.events()))
        with pytest.raises(InvalidData) as caught:
            engine.fire(case_id, "return_intact", actor=actor, reason=reason, data={})
        assert named in caught.value.message_en
        assert_refused_and_recorded(engine, before, case_id)
    refused = engine.history(case_id)[-2]
    assert refused.reason == "late \\ud800"
    with pytest.raises(CaseNotFound):
        engine.fire("case-\udcff", "return_intact", actor=KANYA)
    with pytest.raises(BadCaseId):
        engine.start("asset_lending", actor=SOMCHAI, data=request(), case_id="id-\ud800")


def test_data_that_is_not_a_mapping_is_invalid_data(engine: Engine) -> None:
    """A list where the data should be: InvalidData, recorded."""
    before = len(list(engine.events()))
    with pytest.raises(InvalidData) as caught:
        engine.start("asset_lending", actor=SOMCHAI, data=["item", "car"])  # type: ignore[arg-type]
    assert "must map field names to values" in caught.value.message_en
    assert_refused_and_recorded(engine, before)


def test_non_utf8_bytes_in_a_cli_argument_are_refused_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`case start --data purpose=<bytes that are not UTF-8>` (Python passes them on as
    lone surrogates): a refusal naming the field, recorded; no traceback."""
    db = str(tmp_path / "cli.db")
    argv = [
        "case", "start", "asset_lending", "--db", db, "--actor", "somchai", "--role", "staff",
        "--data", "item=car", "--data", "purpose=\udcff\udcfe", "--data", "return_date=10/10/2566",
    ]  # fmt: skip
    code = main(argv)
    out = capsys.readouterr()
    assert code != 0
    assert "Traceback" not in out.out + out.err
    assert "'purpose' holds characters that are not valid text" in out.out + out.err
    with Engine.open(f"sqlite:///{db}") as engine:
        (event,) = engine.events()
        assert (event.outcome, event.refusal) == ("refused", "invalid_data")


# --- another key, and clear text in a sealed field (item 4) ----------------------------

PHONE = "0812345678"


def _with_phone(engine: Engine) -> str:
    return engine.start("asset_lending", actor=SOMCHAI, data=request(borrower_phone=PHONE)).id


def test_another_key_cannot_open_the_store(url: str, engine: Engine) -> None:
    """The store records its key's fingerprint: an engine with another key is refused with
    a clear wrong-key error before it can write anything under a second key."""
    _with_phone(engine)
    before = len(list(engine.events()))
    other = FieldKey.generate()
    with pytest.raises(WrongKey) as wrong:
        Engine.open(url, clock=FixedClock(T0), key=other)
    assert wrong.value.message_en.startswith("wrong key")
    assert KEY.fingerprint in wrong.value.message_en
    assert other.fingerprint in wrong.value.message_en
    assert len(list(engine.events())) == before
    assert engine.store.key_fingerprint() == KEY.fingerprint


def test_a_store_older_than_the_record_is_checked_by_its_sealed_values(
    url: str, engine: Engine
) -> None:
    """A store with sealed values and no fingerprint recorded yet: the key that sealed them
    is the store's; another key is refused, the right one is recorded."""
    _with_phone(engine)
    raw_sql(url, "DELETE FROM store_meta")
    with pytest.raises(WrongKey):
        Engine.open(url, clock=FixedClock(T0), key=FieldKey.generate())
    assert raw_sql(url, "SELECT value FROM store_meta") == []
    with Engine.open(url, clock=FixedClock(T0), key=KEY) as again:
        assert again.store.key_fingerprint() == KEY.fingerprint


def test_clear_text_in_place_of_a_sealed_value_is_found_and_refused(
    url: str, engine: Engine
) -> None:
    """A sealed value replaced by clear text in the store: verify names the case and the
    field, and reading it is refused (audited), never shown."""
    case_id = _with_phone(engine)
    (data,) = raw_sql(url, "SELECT data FROM cases WHERE id = {p}", (case_id,))[0]
    forged = json.dumps({**json.loads(data), "borrower_phone": "0899999999"})
    raw_sql(url, "UPDATE cases SET data = {p} WHERE id = {p}", (forged, case_id))
    (problem,) = engine.verify().problems
    assert (problem.case_id, problem.kind) == (case_id, "clear_value")
    assert "borrower_phone" in problem.message_en
    with pytest.raises(NotSealed) as refused:
        engine.reveal(case_id, "borrower_phone", actor=KANYA, reason="call the borrower")
    assert "0899999999" not in str(refused.value)
    assert engine.history(case_id)[-1].refusal == "not_sealed"


def test_a_right_tracking_code_with_the_wrong_key_says_wrong_key(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`complaint follow` with the right code and another key: "wrong key", not "not found"."""
    with Engine.open(url, clock=FixedClock(T0), key=KEY) as engine:
        filed = ComplaintDesk(engine).file(actor=WEB, data=anonymous())
    monkeypatch.setenv("INTEGRITY_FLOWS_KEY", FieldKey.generate().text)
    monkeypatch.delenv("INTEGRITY_FLOWS_KEY_FILE", raising=False)
    code = main(
        ["complaint", "follow", filed.tracking_code, "--db", url, "--wrong-code-delay", "0"]
    )
    out = capsys.readouterr()
    assert code != 0
    assert "wrong key" in out.out + out.err
    assert "no complaint was found" not in out.out + out.err
    assert "Traceback" not in out.out + out.err


def test_db_seal_seals_values_written_in_clear_once(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Values written in clear (before encryption) are reported by verify and refused on
    reading; `db seal` seals them once, each case with its audit event, and verify holds."""
    with Engine.open(url, clock=FixedClock(T0), key=KEY) as engine:
        case_id = _with_phone(engine)
        other_id = _with_phone(engine)
    (data,) = raw_sql(url, "SELECT data FROM cases WHERE id = {p}", (case_id,))[0]
    legacy = json.dumps({**json.loads(data), "borrower_phone": PHONE})
    raw_sql(url, "UPDATE cases SET data = {p} WHERE id = {p}", (legacy, case_id))
    monkeypatch.setenv("INTEGRITY_FLOWS_KEY", KEY.text)
    monkeypatch.delenv("INTEGRITY_FLOWS_KEY_FILE", raising=False)
    assert main(["audit", "verify", "--db", url]) == 1
    assert main(["db", "seal", "--db", url]) == 0
    out = capsys.readouterr().out
    assert f"{case_id}: borrower_phone" in out
    assert "sealed values written in clear in 1 case(s)" in out
    assert other_id not in out
    assert main(["db", "seal", "--db", url]) == 0
    assert "in 0 case(s)" in capsys.readouterr().out
    assert main(["audit", "verify", "--db", url]) == 0
    with Engine.open(url, clock=FixedClock(T0), key=KEY) as engine:
        seal = engine.history(case_id)[-1]
        assert (seal.trigger, seal.outcome, seal.data) == (
            "seal",
            "sealed",
            {"borrower_phone": "***"},
        )
        assert engine.reveal(case_id, "borrower_phone", actor=KANYA, reason="call") == PHONE
