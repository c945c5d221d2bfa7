"""``integrity-flows db migrate``: creating and updating a database's schema from the shell."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from _postgres import fresh_schema
from integrity_flows.cli import main
from integrity_flows.stores import open_store
from integrity_flows.stores.migrations import LATEST


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI and return (status, stdout, stderr)."""
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


@pytest.fixture(params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no tables yet: a SQLite path, or a PostgreSQL schema's URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "new.db")
        return
    with fresh_schema() as url:
        yield url


def test_migrate_creates_the_schema_then_has_nothing_to_do(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    """The first run applies every migration and says so in both languages, with the
    Merkle tree it built; the second applies nothing; the database then opens as a store."""
    status, out, _ = run(capsys, "db", "migrate", "--db", db)
    assert status == 0
    every = ", ".join(str(n) for n in range(1, LATEST + 1))
    assert f"applied migration(s) {every}; schema at version {LATEST}" in out
    assert f"ปรับโครงสร้างแล้ว ({every})" in out
    assert "built the Merkle tree over 0 event(s)" in out
    status, out, _ = run(capsys, "db", "migrate", "--db", db)
    assert status == 0
    assert f"schema up to date at version {LATEST}" in out
    assert "โครงสร้างเป็นปัจจุบันแล้ว" in out
    store = open_store(db if "://" in db else f"sqlite:///{db}")
    try:
        assert store.load("nobody") is None
    finally:
        store.close()


def test_migrate_a_memory_store_says_there_is_no_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """The memory store has no schema: the command says so and succeeds."""
    status, out, _ = run(capsys, "db", "migrate", "--db", "memory://")
    assert status == 0
    assert "this store has no schema to migrate" in out


def test_migrate_an_unreachable_database_fails_in_both_languages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A database that cannot be opened: exit status 1, the error in Thai and English."""
    pytest.importorskip("psycopg")
    status, _, err = run(
        capsys, "db", "migrate", "--db", "postgresql:///none?host=/nonexistent-socket-folder"
    )
    assert status == 1
    assert "error: PostgreSQL store failed while opening the database" in err
    assert "ผิดพลาด: ที่เก็บข้อมูล PostgreSQL ผิดพลาดขณะเปิดฐานข้อมูล" in err
