"""``integrity-flows demo --all``: replay feature files into one database.

Each scenario of the feature files runs as the test suite runs it: its own engine on a
memory store, its own clock, its own people, so it holds exactly as it does under
pytest. Every write that engine makes is also made, in the same order and the same
transaction grouping, to the one SQLite store of the demo (:class:`TeeStore`). The
demo database then holds every case and every audit event of every scenario, chains
and Merkle tree included, sealed with one key, and every command of the README runs
on it.

The scenarios are run by pytest-bdd (the ``bdd`` extra), through a generated test
module in a temporary folder; nothing of it is left behind. Which procedures are
replayed is data (the feature files); nothing here names a flow.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from integrity_flows.case import Case
    from integrity_flows.clock import FixedClock
    from integrity_flows.engine.runtime import Engine
    from integrity_flows.protection.keys import FieldKey
    from integrity_flows.protocols import Store
    from integrity_flows.stored import StoredDefinition, StoredEvent, UnreadableCase, Write


class TeeStore:
    """A store that reads from ``primary`` and writes to ``primary`` and ``copy``.

    Reads never touch ``copy``: a scenario sees only its own cases. A write goes to
    ``primary`` first (which decides concurrency), then to ``copy``; a batch is a batch
    of both, undone in both when it fails.
    """

    def __init__(self, primary: Store, copy: Store) -> None:
        self.primary = primary
        self.copy = copy

    @property
    def volatile(self) -> bool:
        """As the primary store (a memory store: the scenario's key is ephemeral)."""
        return self.primary.volatile

    @property
    def leaves_wait(self) -> bool:
        return self.primary.leaves_wait

    def key_fingerprint(self) -> str | None:
        """The primary's recorded key fingerprint."""
        return self.primary.key_fingerprint()

    def record_key_fingerprint(self, fingerprint: str) -> str | None:
        """Record ``fingerprint`` in both stores; return the primary's."""
        self.copy.record_key_fingerprint(fingerprint)
        return self.primary.record_key_fingerprint(fingerprint)

    def write(self, write: Write) -> int:
        """Write to the primary, then the same to the copy."""
        seq = self.primary.write(write)
        self.copy.write(write)
        return seq

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One batch in each store."""
        with self.copy.batch(), self.primary.batch():
            yield

    def load(self, case_id: str) -> Case | None:  # reads go to the primary
        return self.primary.load(case_id)

    def events(self, case_id: str) -> list[StoredEvent]:
        return self.primary.events(case_id)

    def holders(
        self, flow_id: str, field: str, value: str, states: Sequence[str] | None
    ) -> list[str]:
        return self.primary.holders(flow_id, field, value, states)

    def iter_events(self) -> Iterator[StoredEvent]:
        return self.primary.iter_events()

    def iter_events_by_seq(self) -> Iterator[StoredEvent]:
        return self.primary.iter_events_by_seq()

    def iter_cases(self, flow_id: str | None = None, state: str | None = None) -> Iterator[Case]:
        return self.primary.iter_cases(flow_id, state)

    def scan_cases(self) -> Iterator[Case | UnreadableCase]:
        return self.primary.scan_cases()

    def due(self, now: datetime) -> list[tuple[str, str, datetime]]:
        return self.primary.due(now)

    def claim_deadline(
        self, case_id: str, trigger: str, due: datetime
    ) -> AbstractContextManager[bool]:
        return self.primary.claim_deadline(case_id, trigger, due)

    def log_origin(self) -> str:
        return self.primary.log_origin()

    def tree_size(self) -> int:
        return self.primary.tree_size()

    def tree_nodes(self, keys: Sequence[tuple[int, int]]) -> dict[tuple[int, int], bytes]:
        return self.primary.tree_nodes(keys)

    def iter_leaves(self) -> Iterator[tuple[int, bytes]]:
        return self.primary.iter_leaves()

    def iter_events_by_leaf(self) -> Iterator[StoredEvent]:
        return self.primary.iter_events_by_leaf()

    def definitions(self, flow_id: str | None = None) -> list[StoredDefinition]:
        return self.primary.definitions(flow_id)

    def iter_index_rows(self) -> Iterator[tuple[str, str, str, str, str]]:
        return self.primary.iter_index_rows()

    def iter_deadline_rows(self) -> Iterator[tuple[str, str, datetime]]:
        return self.primary.iter_deadline_rows()

    def close(self) -> None:
        """Close the primary (the copy belongs to the whole replay)."""
        self.primary.close()


#: The replay in progress: the demo's store and key, read by the generated test module.
_TARGET: dict[str, Any] = {}


def replay_engine(clock: FixedClock) -> Engine:
    """The engine of one replayed scenario: a memory store teed into the demo's store."""
    from integrity_flows.engine.runtime import Engine  # noqa: PLC0415 - cli imports engine lazily

    engine = Engine.open("memory://", clock=clock, key=_TARGET["key"])
    engine.store = TeeStore(engine.store, _TARGET["store"])
    return engine


_MODULE = '''\
"""Generated by integrity-flows demo --all: one test per scenario replayed."""
import json

import pytest

from integrity_flows.cli.replay import replay_engine
from integrity_flows.testing.bdd import features


@pytest.fixture
def integrity_flows_engine(integrity_flows_clock):
    engine = replay_engine(integrity_flows_clock)
    yield engine
    engine.close()


features(*json.loads({files!r}))
'''


def feature_files(folder: Path, lang: str) -> list[Path]:
    """The feature files of one language under ``folder`` (``*.en.feature`` for ``en``);
    both languages tell the same scenarios, so one is replayed."""
    return sorted(folder.rglob(f"*.{lang}.feature"))


def default_features() -> Path | None:
    """``features/`` in the working folder, else beside the package in a clone."""
    here = Path("features")
    if here.is_dir():
        return here
    clone = Path(__file__).resolve().parents[3] / "features"
    return clone if clone.is_dir() else None


def replay(
    store: Store,
    key: FieldKey,
    files: Sequence[Path],
    *,
    quiet: bool = True,
    results: Path | None = None,
) -> int:
    """Run every scenario of ``files`` with its writes teed into ``store``; pytest's exit
    status (0: every scenario held). With ``results``, pytest-bdd writes the outcome of
    every scenario there as cucumber JSON (what ``docs build --results`` reads)."""
    if importlib.util.find_spec("pytest_bdd") is None:
        raise click.ClickException(
            "demo --all replays the feature files with pytest-bdd, which is not installed: "
            'install the "bdd" extra (pip install -e ".[bdd]") / ต้องติดตั้งส่วนเสริม "bdd" '
            "(pytest-bdd) ก่อนใช้ demo --all"
        )
    import pytest  # noqa: PLC0415 - only with the bdd extra

    _TARGET.update(store=store, key=key)
    try:
        with tempfile.TemporaryDirectory(prefix="integrity-flows-demo-") as folder:
            module = Path(folder) / "test_demo_replay.py"
            names = json.dumps([str(p.resolve()) for p in files])
            module.write_text(_MODULE.format(files=names), encoding="utf-8")
            args = [str(module), "-p", "no:cacheprovider", "--rootdir", folder, "-q"]
            if quiet:
                args += ["--no-header", "-rN", "--tb=line"]
            if results is not None:
                args.append(f"--cucumberjson={results.resolve()}")
            with ExitStack() as stack:
                stack.enter_context(contextlib.chdir(folder))
                return int(pytest.main(args))
    finally:
        _TARGET.clear()


__all__ = ["TeeStore", "default_features", "feature_files", "replay", "replay_engine"]
