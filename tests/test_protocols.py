"""The extension points of integrity_flows.protocols, and the engine using them instead of
probing backends."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from integrity_flows import Actor, Engine, protocols
from integrity_flows.case import Case
from integrity_flows.engine.sensitive import engine_key
from integrity_flows.loading import default_registry, load_library
from integrity_flows.protocols import MigratingStore, Store
from integrity_flows.stored import StoredEvent, Write
from integrity_flows.stores import MemoryStore, SQLiteStore, open_store


class DurableMemory:
    """A store of no class the engine knows, declaring that it keeps its data."""

    volatile = False

    def __init__(self) -> None:
        self.inner = MemoryStore()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def _protocols() -> list[type]:
    return [
        obj
        for name, obj in vars(protocols).items()
        if inspect.isclass(obj)
        and issubclass(obj, Protocol)
        and obj.__module__ == protocols.__name__  # type: ignore[arg-type]
        and not name.startswith("_")
    ]


def test_every_extension_point_is_a_documented_protocol() -> None:
    """Each class of the protocols module is a Protocol whose docstring opens "Protocol:"."""
    found = _protocols()
    assert {p.__name__ for p in found} >= {
        "AuditSink", "CaseLookup", "Clock", "Directory", "Guard", "MigratingStore", "Store",
    }  # fmt: skip
    for proto in found:
        assert (proto.__doc__ or "").startswith("Protocol:"), proto.__name__
    assert sorted(protocols.__all__) == protocols.__all__


def test_bundled_stores_declare_whether_they_are_volatile(tmp_path: Path) -> None:
    """Memory and in-memory SQLite keep nothing beyond the process; a file does."""
    assert MemoryStore().volatile
    assert SQLiteStore(":memory:").volatile
    assert not SQLiteStore(tmp_path / "cases.db").volatile
    assert open_store("sqlite://:memory:").volatile


def test_the_key_follows_the_store_declaration_not_its_class() -> None:
    """A store declaring ``volatile = False`` gets no ephemeral key, whatever it wraps."""
    assert engine_key(MemoryStore(), None) is not None
    assert engine_key(DurableMemory(), None) is None  # type: ignore[arg-type]


def test_an_engine_runs_on_a_store_of_any_class() -> None:
    """The engine needs only the Store protocol: a wrapper of no known class runs a case."""
    library = load_library((), registry=default_registry())
    engine = Engine(DurableMemory(), library)  # type: ignore[arg-type]
    case = engine.start(
        "asset_lending",
        actor=Actor("somchai", roles={"staff"}),
        data={"item": "โต๊ะ", "purpose": "ประชุม", "return_date": "5 ตุลาคม 2566"},
    )
    assert engine.get(case.id).state == case.state
    assert engine.verify().ok


def test_migrating_stores_are_recognised_by_protocol(tmp_path: Path) -> None:
    """SQLite has a numbered schema; the memory store has none."""
    assert isinstance(SQLiteStore(tmp_path / "cases.db"), MigratingStore)
    assert not isinstance(MemoryStore(), MigratingStore)


def test_stored_values_are_shared_by_stores_and_verifier() -> None:
    """StoredEvent and Write live in integrity_flows.stored and are re-exported as before."""
    from integrity_flows.audit import StoredEvent as FromAudit
    from integrity_flows.stores import Write as FromStores

    assert FromAudit is StoredEvent
    assert FromStores is Write


def _typed_store(store: Store) -> Iterator[Case]:
    """A backend is usable where the Store protocol is asked for (checked by mypy)."""
    return store.iter_cases()


def test_a_plain_clock_and_directory_fit_their_protocols() -> None:
    """Any callable of the right shape is a Clock or a Directory."""
    now = datetime.fromisoformat("2023-10-01T09:00:00+07:00")
    people = {"somsak": Actor("somsak", unit="กองช่าง")}
    clock: protocols.Clock = lambda: now  # noqa: E731
    directory: protocols.Directory = people.get
    assert clock() == now
    assert directory("somsak") == people["somsak"]
    assert directory("nobody") is None
    assert list(_typed_store(MemoryStore())) == []
    assert StoredEvent("C1", 1, "", "h", "{}").seq == 0
