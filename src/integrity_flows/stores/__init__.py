"""Stores: where cases and their audit trail live. Open one by URL.

Every backend implements :class:`integrity_flows.protocols.Store`; :func:`open_store` is
the one place that maps a URL to a backend class. The engine calls it from
``Engine.open`` and otherwise knows stores only through the Protocol.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import parse_qsl

from integrity_flows.errors import StoreError, UnsupportedStore
from integrity_flows.protocols import Store
from integrity_flows.stored import Write
from integrity_flows.stores.memory import MemoryStore
from integrity_flows.stores.sqlite import SQLiteStore

if TYPE_CHECKING:
    from integrity_flows.stores.postgres import PostgresStore

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def open_store(url: str, *, migrate: bool = True, read_only: bool = False) -> Store:
    """A store for ``url``: ``memory://``, ``sqlite:///relative.db``, ``sqlite:////abs.db``,
    ``sqlite://:memory:``, or ``postgresql://...`` (also ``postgres://``; needs the
    ``postgres`` extra). A SQLite file is written with ``synchronous=FULL``: a committed
    write survives a power cut. ``sqlite:///cases.db?synchronous=normal`` trades that for
    speed: in WAL mode the database stays consistent, but the last transactions before a
    power cut or an operating-system crash may be lost (not on a crash of the process).

    An SQL store applies its pending schema migrations on opening, unless ``migrate`` is
    false (``integrity-flows db migrate`` opens it that way to say what it applies).
    ``read_only`` opens an existing database without migrating, refuses any write, and
    refuses a database that is not ours (:class:`~integrity_flows.errors.ForeignStore`),
    creating nothing in it; the read-only commands open their store this way.
    """
    if url in ("memory://", "memory:"):
        return MemoryStore()
    if url.startswith("sqlite://"):
        path, _, query = url.removeprefix("sqlite://").partition("?")
        synchronous = _sqlite_options(query)
        if path in ("", "/", "/:memory:", ":memory:"):
            return SQLiteStore(":memory:", migrate=migrate)
        return SQLiteStore(
            path.removeprefix("/"), migrate=migrate, read_only=read_only, synchronous=synchronous
        )
    if url.startswith(POSTGRES_SCHEMES):
        return postgres_store()(url, migrate=migrate, read_only=read_only)
    raise UnsupportedStore(url)


def _sqlite_options(query: str) -> str:
    """The ``synchronous`` level a SQLite URL asks for (``?synchronous=normal``): FULL by
    default; any other parameter or level is refused, naming it."""
    level = "FULL"
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name != "synchronous":
            raise StoreError(
                f"ที่อยู่ SQLite มีตัวเลือกที่ไม่รู้จัก '{name}' (มีเพียง synchronous=full|normal)",
                f"unknown SQLite URL option '{name}' (only synchronous=full|normal)",
            )
        if value.lower() not in ("full", "normal"):
            raise StoreError(
                f"synchronous ของ SQLite ต้องเป็น full หรือ normal ไม่ใช่ '{value}'",
                f"SQLite synchronous must be full or normal, not '{value}'",
            )
        level = value.upper()
    return level


def postgres_store() -> type[PostgresStore]:
    """The PostgreSQL store class, imported only now: psycopg is an optional extra."""
    try:
        from integrity_flows.stores.postgres import PostgresStore  # noqa: PLC0415
    except ImportError as exc:
        raise StoreError(
            "ต้องติดตั้ง psycopg ก่อนใช้ที่เก็บข้อมูล PostgreSQL: "
            'pip install "integrity-flows[postgres]"'
            f" ({exc})",
            "the PostgreSQL store needs psycopg, which is not installed: "
            'pip install "integrity-flows[postgres]"'
            f" ({exc})",
        ) from exc
    return PostgresStore


__all__ = ["MemoryStore", "SQLiteStore", "Store", "Write", "open_store", "postgres_store"]
