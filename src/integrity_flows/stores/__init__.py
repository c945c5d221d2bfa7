"""Stores: where cases and their audit trail live. Open one by URL."""

from __future__ import annotations

from integrity_flows.errors import UnsupportedStore
from integrity_flows.stores.base import Store, Write
from integrity_flows.stores.memory import MemoryStore
from integrity_flows.stores.sqlite import SQLiteStore


def open_store(url: str) -> Store:
    """A store for ``url``: ``memory://``, ``sqlite:///relative.db``, ``sqlite:////abs.db``
    or ``sqlite://:memory:``."""
    if url in ("memory://", "memory:"):
        return MemoryStore()
    if url.startswith("sqlite://"):
        path = url.removeprefix("sqlite://")
        if path in ("", "/", "/:memory:", ":memory:"):
            return SQLiteStore(":memory:")
        return SQLiteStore(path.removeprefix("/"))
    raise UnsupportedStore(url)


__all__ = ["MemoryStore", "SQLiteStore", "Store", "Write", "open_store"]
