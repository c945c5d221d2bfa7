"""A throw-away PostgreSQL schema per test, from the URL in INTEGRITY_FLOWS_TEST_POSTGRES.

Without that variable every PostgreSQL test is skipped, with a reason that names it.
``bash scripts/with-postgres.sh bash scripts/test.sh`` starts a server and sets it.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from urllib.parse import parse_qsl, urlencode

import pytest

ENV = "INTEGRITY_FLOWS_TEST_POSTGRES"
SKIP_REASON = (
    f"{ENV} is not set: set it to the URL of a throw-away PostgreSQL database "
    "(or run: bash scripts/with-postgres.sh bash scripts/test.sh)"
)


def server_address() -> str | None:
    """Where the PostgreSQL tests run (the URL without a password), or None."""
    url = os.environ.get(ENV, "").strip()
    return re.sub(r"://([^:/@]*):[^@/]*@", r"://\1:***@", url) if url else None


def server_url() -> str:
    """The URL of the test database, or skip the calling test."""
    url = os.environ.get(ENV, "").strip()
    if not url:
        pytest.skip(SKIP_REASON)
    pytest.importorskip("psycopg", reason=f"{ENV} is set but psycopg is not installed")
    return url


def with_search_path(url: str, schema: str) -> str:
    """``url`` with the libpq option that puts ``schema`` first on the search path."""
    address, _, query = url.partition("?")
    params = [(k, v) for k, v in parse_qsl(query) if k != "options"]
    params.append(("options", f"-csearch_path={schema}"))
    return f"{address}?{urlencode(params)}"


@contextmanager
def fresh_schema() -> Iterator[str]:
    """A URL whose tables go into a new, empty schema, dropped afterwards."""
    import psycopg

    base = server_url()
    name = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    try:
        yield with_search_path(base, name)
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            # A session a test left waiting must not hold up the rest of the run; a schema
            # that cannot be dropped now stays behind in the throw-away database.
            admin.execute("SET lock_timeout = '10s'")
            with suppress(psycopg.errors.LockNotAvailable):
                admin.execute(f"DROP SCHEMA {name} CASCADE")
