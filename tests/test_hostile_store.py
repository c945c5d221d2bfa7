"""Attacks on the store and the engine, as an attacker or a careless operator would try
them: unreadable rows, forged chains, another key, clear text in a sealed field, lost
races, threads sharing an engine, wrong value types, a guessing source.

Each test runs on a SQLite file and on PostgreSQL (skipped without
INTEGRITY_FLOWS_TEST_POSTGRES; see tests/_postgres.py), some on the memory store too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import pytest

from _lending import KANYA, SOMCHAI, SOMYING, T0, request
from _postgres import fresh_schema
from integrity_flows import Engine, FixedClock
from integrity_flows.audit.records import AuditEvent
from integrity_flows.errors import NotAuthorized
from integrity_flows.stored import Write
from integrity_flows.stores import MemoryStore, open_store


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store URL: a SQLite file, or a fresh PostgreSQL schema."""
    sqlite = nullcontext(f"sqlite:///{tmp_path}/hostile.db")
    with sqlite if request.param == "sqlite" else fresh_schema() as found:
        yield found


@pytest.fixture
def engine(url: str) -> Iterator[Engine]:
    """An engine with a fixed clock on ``url``."""
    with Engine.open(url, clock=FixedClock(T0)) as opened:
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
    engine = Engine(_UnlockedBatchStore(), Engine.open().flows, clock=FixedClock(T0))
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
