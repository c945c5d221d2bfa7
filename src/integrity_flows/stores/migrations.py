"""Numbered schema migrations, recorded in the database itself.

One list serves every SQL store. The SQL is shared; the few types a dialect spells its own
way are written as ``{placeholders}`` and filled in by :func:`statements`. A store applies,
in order, each migration whose number is not yet in ``schema_migrations``.
"""

from __future__ import annotations

from typing import Literal

Dialect = Literal["sqlite", "postgres"]

# What each dialect writes for a placeholder of the shared SQL.
_TYPES: dict[Dialect, dict[str, str]] = {
    "sqlite": {
        "text": "TEXT",
        "seq": "INTEGER PRIMARY KEY",
        "bigint": "INTEGER",
        "bytes": "BLOB",
        "clustered": " WITHOUT ROWID",
    },
    "postgres": {
        # Byte order, as Python compares strings: the stores hand cases and events over
        # sorted by id, and verify merges the two streams with Python's ``<``. A database
        # collation (en_US and the like) would order "c-2" and "c1" differently.
        "text": 'TEXT COLLATE "C"',
        "seq": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        "bigint": "BIGINT",
        "bytes": "BYTEA",
        "clustered": "",
    },
}

BUILD_TREE = "-- build the Merkle tree"
"""Where a migration has the store build the tree over the events already written: the
store gives every event its leaf, in write order, stores the tree and names the log."""

MIGRATIONS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (
        1,
        "cases, audit events, indexed keys and deadlines",
        (
            """CREATE TABLE cases (
                id {text} PRIMARY KEY,
                flow_id {text} NOT NULL,
                flow_version INTEGER NOT NULL,
                definition_hash {text} NOT NULL,
                state {text} NOT NULL,
                version INTEGER NOT NULL,
                data {text} NOT NULL,
                actors {text} NOT NULL,
                fired_by {text} NOT NULL,
                deadlines {text} NOT NULL,
                created_at {text} NOT NULL,
                updated_at {text} NOT NULL,
                entered_at {text} NOT NULL,
                head {text} NOT NULL,
                events INTEGER NOT NULL
            )""",
            "CREATE INDEX cases_flow_state ON cases (flow_id, state)",
            # Optimistic concurrency is the uniqueness of (case_id, pos): two writers
            # appending the same position cannot both commit.
            """CREATE TABLE events (
                seq {seq},
                case_id {text} NOT NULL,
                pos INTEGER NOT NULL,
                prev_hash {text} NOT NULL,
                hash {text} NOT NULL,
                body {text} NOT NULL,
                UNIQUE (case_id, pos)
            )""",
            """CREATE TABLE case_keys (
                flow_id {text} NOT NULL,
                field {text} NOT NULL,
                value {text} NOT NULL,
                case_id {text} NOT NULL,
                PRIMARY KEY (flow_id, field, value, case_id)
            )""",
            "CREATE INDEX case_keys_case ON case_keys (case_id)",
            """CREATE TABLE deadlines (
                case_id {text} NOT NULL,
                trigger {text} NOT NULL,
                due {text} NOT NULL,
                PRIMARY KEY (case_id, trigger)
            )""",
            "CREATE INDEX deadlines_due ON deadlines (due)",
        ),
    ),
    (
        2,
        "store facts: the fingerprint of the key sensitive data is sealed with",
        (
            """CREATE TABLE store_meta (
                name {text} PRIMARY KEY,
                value {text} NOT NULL
            )""",
        ),
    ),
    (
        3,
        "the Merkle tree over every audit event (signed checkpoints)",
        (
            # An event's place in the tree: from 0, in the order written, without gaps.
            "ALTER TABLE events ADD COLUMN leaf {bigint}",
            # Every full subtree: (level, idx) holds leaves idx * 2^level to (idx+1) * 2^level - 1.
            """CREATE TABLE merkle_nodes (
                level INTEGER NOT NULL,
                idx {bigint} NOT NULL,
                hash {bytes} NOT NULL,
                PRIMARY KEY (level, idx)
            ){clustered}""",
            "CREATE TABLE merkle_log (origin {text} NOT NULL)",
            BUILD_TREE,
            "CREATE UNIQUE INDEX events_leaf ON events (leaf)",
            "CREATE INDEX events_outside_tree ON events (seq) WHERE leaf IS NULL",
        ),
    ),
    (
        4,
        "each indexed key beside its case's state (holder look-ups by state, not by history)",
        (
            # A holder look-up ("is this borrower on an open loan?") then reads only the
            # rows of the states it asks for, however many past cases hold the same value.
            "ALTER TABLE case_keys ADD COLUMN state {text} NOT NULL DEFAULT ''",
            "UPDATE case_keys SET state = COALESCE("
            "(SELECT c.state FROM cases c WHERE c.id = case_keys.case_id), '')",
            "CREATE INDEX case_keys_held ON case_keys (flow_id, field, value, state, case_id)",
        ),
    ),
    (
        5,
        "every flow definition a case has run under (definition versions)",
        (
            # One row per text: a store that ran two texts under one version (before
            # versions were kept) holds both, each found by its hash.
            """CREATE TABLE definitions (
                flow_id {text} NOT NULL,
                version INTEGER NOT NULL,
                hash {text} NOT NULL,
                text {text} NOT NULL,
                first_case {text} NOT NULL,
                stored_at {text} NOT NULL,
                PRIMARY KEY (flow_id, version, hash)
            )""",
        ),
    ),
    (
        6,
        "tree nodes in the order written; index and deadline rows kept in their keys' order",
        (
            # A node's key is the last leaf it covers, then its level: the nodes one event
            # completes are neighbours at the table's end (one page a write), where keyed
            # by level they sat at the end of each level's run of rows.
            """CREATE TABLE merkle_nodes_6 (
                last {bigint} NOT NULL,
                level INTEGER NOT NULL,
                idx {bigint} NOT NULL,
                hash {bytes} NOT NULL,
                PRIMARY KEY (last, level)
            ){clustered}""",
            "INSERT INTO merkle_nodes_6 (last, level, idx, hash) "
            "SELECT ((idx + 1) << level) - 1, level, idx, hash FROM merkle_nodes",
            "DROP TABLE merkle_nodes",
            "ALTER TABLE merkle_nodes_6 RENAME TO merkle_nodes",
            # The rows in the holder look-up's order, a second index by case: two B-trees
            # where there were four (the rows, their key, the case index, the look-up).
            """CREATE TABLE case_keys_6 (
                flow_id {text} NOT NULL,
                field {text} NOT NULL,
                value {text} NOT NULL,
                state {text} NOT NULL,
                case_id {text} NOT NULL,
                PRIMARY KEY (flow_id, field, value, state, case_id)
            ){clustered}""",
            "INSERT INTO case_keys_6 (flow_id, field, value, state, case_id) "
            "SELECT flow_id, field, value, state, case_id FROM case_keys",
            "DROP TABLE case_keys",
            "ALTER TABLE case_keys_6 RENAME TO case_keys",
            "CREATE INDEX case_keys_case ON case_keys (case_id, field, value)",
            """CREATE TABLE deadlines_6 (
                case_id {text} NOT NULL,
                trigger {text} NOT NULL,
                due {text} NOT NULL,
                PRIMARY KEY (case_id, trigger)
            ){clustered}""",
            "INSERT INTO deadlines_6 (case_id, trigger, due) "
            "SELECT case_id, trigger, due FROM deadlines",
            "DROP TABLE deadlines",
            "ALTER TABLE deadlines_6 RENAME TO deadlines",
            "CREATE INDEX deadlines_due ON deadlines (due)",
        ),
    ),
)

LATEST = MIGRATIONS[-1][0]

SCHEMA_MIGRATIONS = (
    "CREATE TABLE IF NOT EXISTS schema_migrations "
    "(version INTEGER PRIMARY KEY, description {text} NOT NULL, applied_at {text} NOT NULL)"
)
"""The table recording which migrations a database has had."""


#: The tables every integrity-flows database has.
OUR_TABLES = frozenset({"schema_migrations", "cases", "events", "case_keys", "deadlines"})


#: The tables the first migration leaves: a database with other tables but not these is
#: someone else's, and is never migrated.
_FIRST_TABLES = frozenset({"schema_migrations", "cases", "events"})


def is_ours_to_migrate(tables: set[str]) -> bool:
    """Whether a database holding ``tables`` may be migrated: it is empty, holds only our
    tables, or holds ours beside the host's own."""
    return tables <= OUR_TABLES or tables >= _FIRST_TABLES


def foreign_schema(tables: set[str], version: int | None) -> tuple[str, str] | None:
    """Why a database with ``tables`` and schema ``version`` (None: no schema_migrations)
    cannot be read as ours, in English and Thai; None when it can."""
    missing = sorted(OUR_TABLES - tables)
    if missing:
        return (
            f"it is not an integrity-flows database (no table {', '.join(missing)})",
            f"ไม่ใช่ฐานข้อมูลของ integrity-flows (ไม่มีตาราง {', '.join(missing)})",
        )
    if version is not None and version < 0:
        return (
            "its table schema_migrations is not ours",
            "ตาราง schema_migrations ไม่ใช่ของ integrity-flows",
        )
    if version is None or version < LATEST:
        return (
            f"its schema is at version {version or 0}, older than {LATEST}: "
            "run integrity-flows db migrate first",
            f"โครงสร้างฐานข้อมูลเป็นรุ่น {version or 0} เก่ากว่ารุ่น {LATEST} "
            "ต้องสั่ง integrity-flows db migrate ก่อน",
        )
    if version > LATEST:
        return (
            f"its schema is at version {version}, newer than this integrity-flows reads ({LATEST})",
            f"โครงสร้างฐานข้อมูลเป็นรุ่น {version} ใหม่กว่าที่โปรแกรมนี้อ่านได้ (รุ่น {LATEST})",
        )
    return None


def statements(sql: tuple[str, ...], dialect: Dialect) -> list[str]:
    """``sql`` written out for ``dialect``."""
    types = _TYPES[dialect]
    return [s if s == BUILD_TREE else s.format(**types) for s in sql]
