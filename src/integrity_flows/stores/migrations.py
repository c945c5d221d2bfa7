"""Numbered schema migrations, recorded in the database itself.

The SQL is plain enough to serve every SQL store; a store applies, in order, each
migration whose number is not yet in ``schema_migrations``.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (
        1,
        "cases, audit events, indexed keys and deadlines",
        (
            """CREATE TABLE cases (
                id TEXT PRIMARY KEY,
                flow_id TEXT NOT NULL,
                flow_version INTEGER NOT NULL,
                definition_hash TEXT NOT NULL,
                state TEXT NOT NULL,
                version INTEGER NOT NULL,
                data TEXT NOT NULL,
                actors TEXT NOT NULL,
                fired_by TEXT NOT NULL,
                deadlines TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                entered_at TEXT NOT NULL,
                head TEXT NOT NULL,
                events INTEGER NOT NULL
            )""",
            "CREATE INDEX cases_flow_state ON cases (flow_id, state)",
            # Optimistic concurrency is the uniqueness of (case_id, pos): two writers
            # appending the same position cannot both commit.
            """CREATE TABLE events (
                seq INTEGER PRIMARY KEY,
                case_id TEXT NOT NULL,
                pos INTEGER NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL,
                body TEXT NOT NULL,
                UNIQUE (case_id, pos)
            )""",
            """CREATE TABLE case_keys (
                flow_id TEXT NOT NULL,
                field TEXT NOT NULL,
                value TEXT NOT NULL,
                case_id TEXT NOT NULL,
                PRIMARY KEY (flow_id, field, value, case_id)
            )""",
            "CREATE INDEX case_keys_case ON case_keys (case_id)",
            """CREATE TABLE deadlines (
                case_id TEXT NOT NULL,
                trigger TEXT NOT NULL,
                due TEXT NOT NULL,
                PRIMARY KEY (case_id, trigger)
            )""",
            "CREATE INDEX deadlines_due ON deadlines (due)",
        ),
    ),
)

LATEST = MIGRATIONS[-1][0]
