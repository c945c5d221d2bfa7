"""Signed checkpoints of the audit trail, on SQLite and PostgreSQL: every tampering that
chains alone cannot find is found against a checkpoint signed before it; bad checkpoints
and keys are refused naming the line; verify and prove write nothing."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from _lending import KANYA, SOMCHAI, SOMSRI, SOMYING, T0, lend, request
from _postgres import fresh_schema
from integrity_flows import Engine, FixedClock
from integrity_flows.audit import merkle
from integrity_flows.audit.checkpoint import Checkpoint, SigningKey, VerifierKey, parse
from integrity_flows.audit.records import GENESIS, canonical, digest
from integrity_flows.cli import main
from integrity_flows.errors import InvalidCheckpoint, NotAuthorized, UnknownFlow
from integrity_flows.stores.migrations import LATEST, statements


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI and return (status, stdout, stderr)."""
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


class Trail:
    """A store with three lending cases and a refused start, and raw SQL on it."""

    def __init__(self, db: str, url: str) -> None:
        self.db, self.url = db, url
        with Engine.open(url, clock=FixedClock(T0)) as engine:
            first = engine.start("asset_lending", actor=SOMCHAI, data=request())
            engine.fire(first.id, "check", actor=KANYA)
            second = engine.start("asset_lending", actor=SOMSRI, data=request("B"))
            with pytest.raises(NotAuthorized):
                engine.fire(first.id, "approve", actor=SOMSRI)
            engine.fire(first.id, "reject", actor=SOMYING, data={"decision_note": "ไม่ว่าง"})
            with pytest.raises(UnknownFlow):
                engine.start("no_such_flow", actor=SOMCHAI, data={}, case_id="refused-1")
            third = engine.start("asset_lending", actor=SOMSRI, data=request("C"))
            engine.fire(second.id, "check", actor=KANYA)
        self.first, self.second, self.third = first.id, second.id, third.id

    def sql(self, statement: str, *params: object) -> list[tuple[Any, ...]]:
        """Run SQL directly on the database, as someone with write access would."""
        if self.url.startswith("sqlite"):
            with closing(sqlite3.connect(self.db)) as db, db:
                return db.execute(statement, params).fetchall()
        import psycopg

        with psycopg.connect(self.url) as db:
            cursor = db.execute(statement.replace("?", "%s"), params)
            return cursor.fetchall() if cursor.description else []

    def engine(self) -> Engine:
        return Engine.open(self.url, clock=FixedClock(T0))

    def rewrite_chain(self, case_id: str, pos: int, **changes: object) -> None:
        """Edit event ``pos`` of ``case_id`` and recompute every hash after it and the
        case's head: the chain verifies again."""
        rows = self.sql("SELECT pos, body FROM events WHERE case_id = ? ORDER BY pos", case_id)
        prev = GENESIS
        for at, text in rows:
            body = json.loads(text)
            if at == pos:
                body.update(changes)
            body["prev_hash"] = prev
            new = canonical(body)
            prev = digest(new)
            self.sql(
                "UPDATE events SET body = ?, prev_hash = ?, hash = ? WHERE case_id = ? AND pos = ?",
                new,
                body["prev_hash"],
                prev,
                case_id,
                at,
            )
        self.sql("UPDATE cases SET head = ? WHERE id = ?", prev, case_id)

    def delete_case(self, case_id: str) -> None:
        for table, column in (
            ("events", "case_id"),
            ("case_keys", "case_id"),
            ("deadlines", "case_id"),
            ("cases", "id"),
        ):
            self.sql(f"DELETE FROM {table} WHERE {column} = ?", case_id)

    def as_of_migration_5(self) -> None:
        """Lay out the tree's nodes, the index and the deadlines as migrations 1 to 5 left
        them (before migration 6 reordered them), with the rows they hold."""
        old = {
            "merkle_nodes": (
                "level INTEGER NOT NULL, idx {bigint} NOT NULL, hash {bytes} NOT NULL, "
                "PRIMARY KEY (level, idx)",
                "level, idx, hash",
                [],
            ),
            "case_keys": (
                "flow_id {text} NOT NULL, field {text} NOT NULL, value {text} NOT NULL, "
                "case_id {text} NOT NULL, state {text} NOT NULL DEFAULT '', "
                "PRIMARY KEY (flow_id, field, value, case_id)",
                "flow_id, field, value, case_id, state",
                [
                    "CREATE INDEX case_keys_case ON case_keys (case_id)",
                    "CREATE INDEX case_keys_held ON case_keys "
                    "(flow_id, field, value, state, case_id)",
                ],
            ),
            "deadlines": (
                "case_id {text} NOT NULL, trigger {text} NOT NULL, due {text} NOT NULL, "
                "PRIMARY KEY (case_id, trigger)",
                "case_id, trigger, due",
                ["CREATE INDEX deadlines_due ON deadlines (due)"],
            ),
        }
        dialect = "sqlite" if self.url.startswith("sqlite") else "postgres"
        for table, (columns, names, indexes) in old.items():
            sql = (
                f"CREATE TABLE {table}_5 ({columns})",
                f"INSERT INTO {table}_5 ({names}) SELECT {names} FROM {table}",
                f"DROP TABLE {table}",
                f"ALTER TABLE {table}_5 RENAME TO {table}",
                *indexes,
            )
            for statement in statements(sql, dialect):
                self.sql(statement)
        self.sql("DELETE FROM schema_migrations WHERE version = 6")

    def rebuild_tree(self) -> None:
        """Recompute the store's own tree over the events as they now are, closing gaps."""
        rows = self.sql("SELECT seq, body FROM events ORDER BY leaf")
        self.sql("DELETE FROM merkle_nodes")
        self.sql("UPDATE events SET leaf = NULL")
        tree = merkle.Appender()
        for seq, body in rows:
            self.sql("UPDATE events SET leaf = ? WHERE seq = ?", tree.size, seq)
            for level, idx, value in tree.add(merkle.event_leaf(body)):
                self.sql(
                    "INSERT INTO merkle_nodes (last, level, idx, hash) VALUES (?, ?, ?, ?)",
                    ((idx + 1) << level) - 1,
                    level,
                    idx,
                    value,
                )


@pytest.fixture(params=["sqlite", "postgres"])
def trail(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Trail]:
    """A fresh trail in SQLite or in a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        path = tmp_path / "audit.db"
        yield Trail(str(path), f"sqlite:///{path}")
        return
    with fresh_schema() as url:
        yield Trail(url, url)


@pytest.fixture
def keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """A signing key file made by ``key new --for signing``, and its public key file."""
    secret = tmp_path / "signing.key"
    status, out, err = run(
        capsys, "key", "new", "--for", "signing", "--name", "audit-office", "-o", str(secret)
    )
    assert status == 0, err
    assert secret.stat().st_mode & 0o777 == 0o600
    public = tmp_path / "signing.pub"
    public.write_text(out)
    assert VerifierKey.from_text(out).name == "audit-office"
    return str(secret), str(public)


def checkpoint(
    capsys: pytest.CaptureFixture[str], trail: Trail, keys: tuple[str, str], path: Path
) -> Path:
    status, _, err = run(
        capsys, "audit", "checkpoint", "--db", trail.db, "--signing-key", keys[0], "-o", str(path)
    )
    assert status == 0, err
    return path


def verify(
    capsys: pytest.CaptureFixture[str], trail: Trail, keys: tuple[str, str], *paths: Path
) -> tuple[int, str, str]:
    argv = ["audit", "verify", "--db", trail.db, "--public-key", keys[1]]
    for path in paths:
        argv += ["--checkpoint", str(path)]
    return run(capsys, *argv)


def test_checkpoint_is_a_signed_note_of_the_tree(
    trail: Trail, keys: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The checkpoint reads as a transparency-log checkpoint: origin, size, base64 root,
    a blank line and a signature by the key, over exactly the tree of the events."""
    path = checkpoint(capsys, trail, keys, tmp_path / "cp")
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0].startswith("integrity-flows/log/")
    assert lines[1] == "8"
    assert lines[3] == ""
    assert lines[4].startswith("— audit-office ")
    signed = parse(text)
    signed.check(VerifierKey.from_text(Path(keys[1]).read_text()))
    with trail.engine() as engine:
        bodies = [e.body for e in engine.store.iter_events_by_seq()]
    assert signed.checkpoint.root == merkle.tree_root(merkle.event_leaf(b) for b in bodies)
    status, out, _ = verify(capsys, trail, keys, path)
    assert status == 0, out
    assert "audit trail intact" in out
    assert "checkpoint(s) of 8 event(s)" in out


def test_the_log_grows_on_from_a_checkpoint(
    trail: Trail, keys: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Events written after a checkpoint extend its tree: old and new checkpoints verify."""
    old = checkpoint(capsys, trail, keys, tmp_path / "old")
    with trail.engine() as engine:
        engine.fire(trail.third, "check", actor=KANYA)
    new = checkpoint(capsys, trail, keys, tmp_path / "new")
    status, out, _ = verify(capsys, trail, keys, old, new)
    assert status == 0, out


# --- the documented misses, each found against a checkpoint from before it ------------


def found(
    capsys: pytest.CaptureFixture[str], trail: Trail, keys: tuple[str, str], path: Path
) -> str:
    """Verify with the checkpoint: it must fail; the output is returned."""
    status, out, err = verify(capsys, trail, keys, path)
    assert status == 1, out + err
    assert "audit trail NOT intact" in out
    assert "Traceback" not in out + err
    return out


def test_a_whole_case_deleted_with_its_chain(
    trail: Trail, keys: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A case and its whole chain deleted: chains alone see nothing; the log names the
    first event missing from its place."""
    path = checkpoint(capsys, trail, keys, tmp_path / "cp")
    trail.delete_case(trail.second)
    with trail.engine() as engine:
        assert engine.verify().ok  # the per-case chains cannot tell
    out = found(capsys, trail, keys, path)
    assert "the event at place 2 of the log is missing (deleted)" in out
    assert f"the next event left is {trail.first} #3" in out
    assert "are not those it signed" in out


def test_a_refused_start_deleted(
    trail: Trail, keys: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A refused start's chain of one event deleted."""
    path = checkpoint(capsys, trail, keys, tmp_path / "cp")
    trail.sql("DELETE FROM events WHERE case_id = ?", "refused-1")
    out = found(capsys, trail, keys, path)
    assert "the event at place 5 of the log is missing" in out


def test_a_chain_rewritten_with_its_hashes_and_head(
    trail: Trail, keys: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An event edited and every hash after it recomputed, with the case's head: the
    chain verifies, the log names the event."""
    path = checkpoint(capsys, trail, keys, tmp_path / "cp")
    trail.rewrite_chain(trail.first, 2, reason="ตรวจแล้ว")
    with trail.engine() as engine:
        assert engine.verify().ok
    out = found(capsys, trail, keys, path)
    assert f"{trail.first} event #2: the event at place 1 of the log differs" in out


def test_a_chain_cut_and_its_case_rolled_back(
    trail: Trail, keys: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The last event of a chain deleted and the case row rolled back to match."""
    path = checkpoint(capsys, trail, keys, tmp_path / "cp")
    ((head,),) = trail.sql("SELECT hash FROM events WHERE case_id = ? AND pos = 1", trail.second)
    trail.sql("DELETE FROM events WHERE case_id = ? AND pos = 2", trail.second)
    trail.sql(
        "UPDATE cases SET head = ?, events = 1, version = 1, state = 'requested' WHERE id = ?",
        head,
        trail.second,
    )
    out = found(capsys, trail, keys, path)
    assert "the event at place 7 of the log is missing" in out
    assert "no event follows (the log was cut at its end)" in out


def test_the_global_order_swapped(
    trail: Trail, keys: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Two events of different cases swapped in the log's order."""
    path = checkpoint(capsys, trail, keys, tmp_path / "cp")
    trail.sql("UPDATE events SET leaf = -1 WHERE case_id = ? AND pos = 1", trail.second)
    trail.sql("UPDATE events SET leaf = 2 WHERE case_id = ? AND pos = 3", trail.first)
    trail.sql("UPDATE events SET leaf = 3 WHERE leaf = -1")
    out = found(capsys, trail, keys, path)
    assert f"{trail.first} event #3: the event at place 2 of the log differs" in out


def test_history_and_the_tree_rewritten_together(
    trail: Trail, keys: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A case deleted and the store's own tree rebuilt over what is left: the place
    cannot be told, but the checkpoint shows the history before it changed."""
    path = checkpoint(capsys, trail, keys, tmp_path / "cp")
    with trail.engine() as engine:
        engine.fire(trail.third, "check", actor=KANYA)  # the log grows past the checkpoint
        engine.fire(trail.third, "reject", actor=SOMYING, data={"decision_note": "ไม่ว่าง"})
    trail.delete_case(trail.second)
    trail.rebuild_tree()
    out = found(capsys, trail, keys, path)
    assert "the first 8 events of the log are not those it signed" in out
    assert "rewritten as well" in out


def test_a_truncated_log_is_refused(
    trail: Trail, keys: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The log's last events deleted with their part of the tree: the checkpoint is larger
    than the log, which is said naming its line."""
    path = checkpoint(capsys, trail, keys, tmp_path / "cp")
    trail.sql("DELETE FROM events WHERE leaf >= 6")
    trail.sql("DELETE FROM merkle_nodes WHERE (idx + 1) * (1 << level) > 6")
    status, _, err = verify(capsys, trail, keys, path)
    assert status == 1
    assert f"{path} line 2: the checkpoint's tree size 8 is larger than the log (6 " in err
    assert "บรรทัดที่ 2" in err


# --- bad input -------------------------------------------------------------------------


def test_bad_checkpoints_are_refused_naming_the_line(
    trail: Trail, keys: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A bad signature, another origin, a malformed line, a wrong public key: refused in
    Thai and English, naming the file and line, without a traceback."""
    good = checkpoint(capsys, trail, keys, tmp_path / "cp").read_text(encoding="utf-8")
    signing = SigningKey.from_text(Path(keys[0]).read_text())
    other = tmp_path / "other.pub"
    other.write_text(SigningKey.generate("audit-office").verifier.text)
    lines = good.split("\n")
    cases = {
        "size-edited": ("\n".join([lines[0], "7", *lines[2:]]), "line 5: bad signature"),
        "origin": (
            Checkpoint("elsewhere/log", 8, parse(good).checkpoint.root).signed(signing),
            "line 1: the checkpoint is of another log",
        ),
        "root": ("\n".join([*lines[:2], "not-base64!", *lines[3:]]), "line 3: the root hash"),
        "size": ("\n".join([lines[0], "ten", *lines[2:]]), "line 2: the tree size 'ten'"),
        "signature": ("\n".join([*lines[:4], "— audit-office", ""]), "line 5: a signature line"),
        "unsigned": ("\n".join(lines[:3]) + "\n", "line 4: no blank line followed by"),
    }
    for name, (text, message) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        status, out, err = verify(capsys, trail, keys, path)
        assert status == 1, name
        assert f"error: {path} {message}" in err, (name, err)
        assert "ผิดพลาด:" in err
        assert "Traceback" not in out + err
    path = tmp_path / "good"
    path.write_text(good, encoding="utf-8")
    status, _, err = run(
        capsys,
        *["audit", "verify", "--db", trail.db, "--checkpoint", str(path), "--public-key"],
        str(other),
    )
    assert status == 1
    assert "wrong public key" in err
    assert "กุญแจสาธารณะไม่ถูกต้อง" in err


def test_a_signing_key_is_not_a_public_key(tmp_path: Path) -> None:
    """A private key handed where the public key belongs is refused, never echoed."""
    signing = SigningKey.generate("office")
    with pytest.raises(InvalidCheckpoint, match="private signing key") as caught:
        VerifierKey.from_text(signing.text)
    assert signing.text not in str(caught.value)


def test_signed_notes_match_the_go_note_package() -> None:
    """The example key and signature of golang.org/x/mod/sumdb/note, reproduced."""
    skey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    vkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    signing = SigningKey.from_text(skey)
    assert signing.verifier.text == vkey
    assert signing.text == skey
    text = (
        "If you think cryptography is the answer to your problem,\n"
        "then you don't know what your problem is.\n"
    )
    signature = signing.verifier.hash.to_bytes(4, "big") + signing.sign(text.encode())
    import base64

    assert base64.b64encode(signature).decode() == (
        "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="
    )


def test_verify_and_prove_write_nothing(
    trail: Trail, keys: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The database is the same before and after verify, checkpoint and prove."""

    def everything() -> list[Any]:
        return [
            trail.sql(f"SELECT * FROM {table} ORDER BY 1, 2")
            for table in ("events", "cases", "merkle_nodes", "case_keys", "deadlines")
        ]

    before = everything()
    path = checkpoint(capsys, trail, keys, tmp_path / "cp")
    assert verify(capsys, trail, keys, path)[0] == 0
    status, _, err = run(capsys, "audit", "prove", trail.first, "2", "--db", trail.db)
    assert status == 0, err
    assert everything() == before


# --- migration ---------------------------------------------------------------------------


def test_db_migrate_builds_the_tree_of_an_existing_store(
    trail: Trail, capsys: pytest.CaptureFixture[str]
) -> None:
    """A store from before the tree gets it from db migrate, in write order, and says so."""
    with trail.engine() as engine:
        bodies = [e.body for e in engine.store.iter_events_by_seq()]
    trail.as_of_migration_5()
    for statement in (
        "DROP INDEX events_leaf",
        "DROP INDEX events_outside_tree",
        "ALTER TABLE events DROP COLUMN leaf",
        "DROP TABLE merkle_nodes",
        "DROP TABLE merkle_log",
        "DELETE FROM schema_migrations WHERE version = 3",
    ):
        trail.sql(statement)
    status, out, _ = run(capsys, "audit", "verify", "--db", trail.db)
    assert status == 1
    status, out, _ = run(capsys, "db", "migrate", "--db", trail.db)
    assert status == 0
    assert f"applied migration(s) 3, 6; schema at version {LATEST}" in out
    assert "built the Merkle tree over 8 event(s)" in out
    with trail.engine() as engine:
        store = engine.store
        assert store.tree_size() == 8
        leaves = [merkle.event_leaf(b) for b in bodies]
        assert merkle.root(8, store.tree_nodes) == merkle.tree_root(leaves)
        assert [e.leaf for e in store.iter_events_by_leaf()] == list(range(8))
        engine.fire(trail.third, "check", actor=KANYA)
        assert store.tree_size() == 9


# --- rows the case rows only cache, re-derived with or without a checkpoint -----------


def test_a_forged_deadline_row_is_found(
    trail: Trail, keys: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A loan's return deadline moved five weeks early in the table the sweep reads: the
    trail is intact, and verify names the case, with and without a checkpoint."""
    with trail.engine() as engine:
        loan = lend(engine, item="โปรเจกเตอร์ P-7")
    path = checkpoint(capsys, trail, keys, tmp_path / "cp")
    ((trigger, due),) = trail.sql("SELECT trigger, due FROM deadlines WHERE case_id = ?", loan.id)
    trail.sql(
        "UPDATE deadlines SET due = ? WHERE case_id = ?", "2023-09-01T00:00:00.000000Z", loan.id
    )
    for argv in ([], ["--checkpoint", str(path), "--public-key", keys[1]]):
        status, out, _ = run(capsys, "audit", "verify", "--db", trail.db, *argv)
        assert status == 1
        assert f"{loan.id}: the open deadlines the store keeps differ" in out
        assert f"{trigger} {due[:10]}" in out
        assert "1 problem(s)" in out


def test_a_deleted_index_row_is_found(
    trail: Trail, keys: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The index row of a lent item deleted (so it could be lent twice): found."""
    path = checkpoint(capsys, trail, keys, tmp_path / "cp")
    trail.sql("DELETE FROM case_keys WHERE case_id = ? AND field = 'item'", trail.first)
    for argv in ([], ["--checkpoint", str(path), "--public-key", keys[1]]):
        status, out, _ = run(capsys, "audit", "verify", "--db", trail.db, *argv)
        assert status == 1
        assert f"{trail.first}: the index of held resources and unique keys disagrees" in out
        assert "in: item" in out
    with trail.engine() as engine:
        report = engine.verify()
    assert [p.kind for p in report.problems] == ["index"]


def test_db_migrate_puts_each_case_state_beside_its_keys(
    trail: Trail, capsys: pytest.CaptureFixture[str]
) -> None:
    """A store from before migration 4 gets the state of each case beside its index rows;
    it then verifies, and the holder look-up finds the open loan."""
    trail.as_of_migration_5()
    for statement in (
        "DROP INDEX case_keys_held",
        "ALTER TABLE case_keys DROP COLUMN state",
        "DELETE FROM schema_migrations WHERE version = 4",
    ):
        trail.sql(statement)
    status, out, _ = run(capsys, "db", "migrate", "--db", trail.db)
    assert status == 0
    assert "applied migration(s) 4, 6" in out
    rows = trail.sql(
        "SELECT k.case_id, k.state, c.state FROM case_keys k JOIN cases c ON c.id = k.case_id"
    )
    assert rows
    assert all(key_state == case_state for _, key_state, case_state in rows)
    ((item, state),) = trail.sql(
        "SELECT k.value, c.state FROM case_keys k JOIN cases c ON c.id = k.case_id "
        "WHERE k.case_id = ? AND k.field = 'item'",
        trail.first,
    )
    with trail.engine() as engine:
        assert engine.verify().ok
        assert engine.store.holders("asset_lending", "item", item, [state]) == [trail.first]
        assert engine.store.holders("asset_lending", "item", item, ["returned"]) == []


def test_db_migrate_reorders_the_tree_the_index_and_the_deadlines(
    trail: Trail, capsys: pytest.CaptureFixture[str]
) -> None:
    """A store laid out as migration 5 left it keeps every row through migration 6: the
    same tree, index and deadlines, a trail that verifies, and writes that go on."""

    def rows() -> list[Any]:
        return [
            trail.sql("SELECT level, idx, hash FROM merkle_nodes ORDER BY level, idx"),
            trail.sql("SELECT * FROM case_keys ORDER BY case_id, field, value"),
            trail.sql("SELECT * FROM deadlines ORDER BY case_id, trigger"),
        ]

    with trail.engine() as engine:
        lend(engine, item="โปรเจกเตอร์ P-7")  # a loan with a deadline and a changed key
        root = merkle.root(engine.store.tree_size(), engine.store.tree_nodes)
    before = rows()
    assert all(before)
    trail.as_of_migration_5()
    assert trail.sql("SELECT max(version) FROM schema_migrations") == [(5,)]
    status, out, _ = run(capsys, "db", "migrate", "--db", trail.db)
    assert status == 0
    assert f"applied migration(s) 6; schema at version {LATEST}" in out
    assert rows() == before
    with trail.engine() as engine:
        store = engine.store
        assert merkle.root(store.tree_size(), store.tree_nodes) == root
        assert engine.verify().ok
        checked = engine.fire(trail.third, "check", actor=KANYA)
        assert engine.verify().ok
        item = str(checked.data["item"])
        assert store.holders("asset_lending", "item", item, [checked.state]) == [trail.third]
        assert store.holders("asset_lending", "item", item, ["requested"]) == []


def test_an_index_row_moved_to_another_state_is_found(trail: Trail) -> None:
    """The state beside an index row edited (so the holder escapes the guards): found."""
    trail.sql("UPDATE case_keys SET state = 'returned' WHERE case_id = ?", trail.first)
    with trail.engine() as engine:
        report = engine.verify()
    assert [p.kind for p in report.problems] == ["index"]
    assert (
        "in: borrower, item (an index row forged, deleted or moved" in report.problems[0].message_en
    )


def test_index_rows_of_a_deleted_case_are_found(trail: Trail) -> None:
    """A case row deleted with its trail, its index rows left: they are reported."""
    trail.sql("DELETE FROM events WHERE case_id = ?", trail.third)
    trail.sql("DELETE FROM cases WHERE id = ?", trail.third)
    with trail.engine() as engine:
        report = engine.verify()
    assert [(p.case_id, p.kind) for p in report.problems] == [(trail.third, "cached_orphan")]


def test_the_sweep_writes_checkpoints_on_a_schedule(
    trail: Trail, keys: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The sweep signs a checkpoint into the host's folder when none is there, then only
    once the interval has passed and the trail has grown; each verifies."""
    folder = tmp_path / "checkpoints"

    def sweep(now: str) -> str:
        argv = ["sweep", "--db", trail.db, "--now", now, "--checkpoint-dir", str(folder)]
        status, out, err = run(capsys, *argv, "--signing-key", keys[0], "--checkpoint-every", "24")
        assert status == 0, err
        return out

    assert "checkpoint written" in sweep("2023-10-02T00:00:00+07:00")
    assert "checkpoint written" not in sweep("2023-10-02T12:00:00+07:00")  # too soon
    assert "checkpoint written" not in sweep("2023-10-04T00:00:00+07:00")  # nothing new
    with trail.engine() as engine:
        engine.fire(trail.third, "check", actor=KANYA)
    assert "checkpoint written" in sweep("2023-10-04T00:00:00+07:00")
    written = sorted(folder.iterdir())
    assert [p.name for p in written] == [
        "checkpoint-20231001T170000Z-8.txt",
        "checkpoint-20231003T170000Z-9.txt",
    ]
    assert verify(capsys, trail, keys, *written)[0] == 0
    status, _, err = run(capsys, "sweep", "--db", trail.db, "--checkpoint-dir", str(folder))
    assert status == 2
    assert "go together" in err


def test_a_report_names_the_checkpoint_of_its_data(
    trail: Trail, capsys: pytest.CaptureFixture[str]
) -> None:
    """The report command ends with the size and root of the trail it read."""
    with trail.engine() as engine:
        expected = engine.store.tree_size()
    status, out, err = run(
        capsys, "report", "lending_register", "--db", trail.db, "--fiscal-year", "2567"
    )
    assert status == 0, err
    assert f" size {expected} root " in out.splitlines()[-1]
    status, out, err = run(
        capsys, *["report", "lending_register", "--db", trail.db, "--fiscal-year", "2567"],
        *["--format", "json"],
    )  # fmt: skip
    assert status == 0, err
    assert json.loads(out)["checkpoint"]["size"] == expected


def test_prove_refuses_what_it_cannot_prove(
    trail: Trail, keys: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An event that is not there, or written after the checkpoint, is refused plainly;
    a proof of the whole log names its size and root."""
    path = checkpoint(capsys, trail, keys, tmp_path / "cp")
    status, out, err = run(capsys, "audit", "prove", trail.first, "9", "--db", trail.db)
    assert status == 2
    assert f"no event #9 of case {trail.first} in the log" in err
    with trail.engine() as engine:
        engine.fire(trail.third, "check", actor=KANYA)
    status, out, err = run(
        capsys, "audit", "prove", trail.third, "2", "--db", trail.db, "--checkpoint", str(path)
    )
    assert status == 1
    assert f"event #2 of {trail.third} was written after this checkpoint" in err
    assert "Traceback" not in out + err
    status, out, err = run(capsys, "audit", "prove", trail.third, "2", "--db", trail.db)
    assert status == 0, err
    proof = json.loads(out)
    assert (proof["tree_size"], proof["leaf_index"]) == (9, 8)
    assert proof["event"]["case_id"] == trail.third
    leaf = merkle.event_leaf(canonical({k: v for k, v in proof["event"].items() if k != "hash"}))
    import base64

    steps = [base64.b64decode(p) for p in proof["proof"]]
    assert merkle.verify_inclusion(8, 9, leaf, steps, base64.b64decode(proof["root"]))


def test_key_new_for_signing_needs_a_file_and_a_good_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A signing key is only ever written to a new file, under a name a note accepts."""
    status, out, err = run(capsys, "key", "new", "--for", "signing")
    assert status == 2
    assert "give --output FILE" in err
    assert "PRIVATE" not in out
    status, _, err = run(
        capsys, "key", "new", "--for", "signing", "--name", "two words", "-o", str(tmp_path / "k")
    )
    assert status == 1
    assert "must be non-empty, without spaces or '+'" in err
    path = tmp_path / "k2"
    assert run(capsys, "key", "new", "--for", "signing", "-o", str(path))[0] == 0
    assert SigningKey.from_text(path.read_text()).name == "integrity-flows"
    status, _, err = run(capsys, "key", "new", "--for", "signing", "-o", str(path))
    assert status == 2
    assert "never overwritten" in err
