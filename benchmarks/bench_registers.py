"""4b. Scale with real registers: the bundled ``asset_lending`` flow, repeat borrowers and items.

A register kept for years holds thousands of past loans of each borrower and each item;
every new loan asks "is this borrower, this item, on an open loan?" (the ``not_held``
guards). Two stores, one with ``--small`` and one with ``--large`` past loans spread over
``--borrowers`` borrowers and ``--items`` items (SQLite files, or with ``--db`` two schemas
of a PostgreSQL database, dropped afterwards); then whole new loans
(request, check, approve, hand over, return: five writes) in each store, the two stores
taking turns round by round, on SQLite at ``synchronous=NORMAL`` unless ``--synchronous
full`` (so that the disk's flush, the same for both, does not hide the engine), on
PostgreSQL at the server's own settings. Target: a fire
in the larger store no more than 1.5 times slower than in the smaller one (the median of
the rounds' medians; the spread printed).

The first ``--template`` loans are real (started and fired through the engine); the rest
of the history is their case and index rows copied under new ids by SQL, with the same
borrowers and items, since a fire reads only its own case's chain and the index. Such a
store is for timing only: ``audit verify`` would rightly report the copies (no trail).
"""

from __future__ import annotations

import argparse
import secrets
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from _harness import ROOT, announce_rules, header, quiet_logger, report

from integrity_flows import Actor, Engine, FixedClock

# A working day of fiscal year 2567, 10:00 Thai time.
NOW = datetime(2023, 11, 1, 3, 0, tzinfo=UTC)
CUSTODIAN = Actor("kanya", roles={"custodian"}, unit="กองพัสดุและทรัพย์สิน")
APPROVER = Actor("somying", roles={"approver"})


SYNCHRONOUS = "NORMAL"


@contextmanager
def lending_engine(url: str) -> Iterator[Engine]:
    """An engine with the bundled flows on ``url``, on SQLite committing at ``SYNCHRONOUS``."""
    with Engine.open(
        url, clock=FixedClock(NOW), entry_points=False, logger=quiet_logger()
    ) as engine:
        if url.startswith("sqlite:"):
            # Set on the connection (not by the URL) so that older versions run this too.
            engine.store._db.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")  # type: ignore[attr-defined]
        announce_rules(engine)
        yield engine


def loan(engine: Engine, borrower: int, item: int, serial: str) -> list[float]:
    """One whole loan of ``item`` by ``borrower``: the seconds each of its five writes took."""
    actor = Actor(f"borrower-{borrower:04d}", roles={"staff"}, unit="กองคลัง")
    data = {"item": f"item-{item:04d}", "purpose": "ประชุม", "return_date": "2023-11-10"}
    steps = [
        ("check", CUSTODIAN, {}),
        ("approve", APPROVER, {}),
        ("hand_over", CUSTODIAN, {"register_no": f"R-{serial}", "condition_out": "ดี"}),
        ("return_intact", CUSTODIAN, {"condition_in": "ดี"}),
    ]
    times = []
    start = time.perf_counter()
    case = engine.start("asset_lending", actor=actor, data=data, case_id=f"loan-{serial}")
    times.append(time.perf_counter() - start)
    for trigger, who, more in steps:
        start = time.perf_counter()
        engine.fire(case.id, trigger, actor=who, data=more)
        times.append(time.perf_counter() - start)
    return times


class Table:
    """The rows of one table of the real loans, to copy under new case ids."""

    def __init__(self, name: str, columns: list[str], rows: list[tuple[object, ...]]) -> None:
        self.name, self.columns, self.rows = name, columns, rows
        self.id_at = columns.index("id" if name == "cases" else "case_id")
        # A register number is unique to a loan: each copy gets its own.
        self.register_at = columns.index("value") if name == "case_keys" else -1
        self.field_at = columns.index("field") if name == "case_keys" else -1

    def renamed(self, row: tuple[object, ...], copy: int) -> tuple[object, ...]:
        values = list(row)
        values[self.id_at] = f"{row[self.id_at]}-{copy}"
        if self.field_at >= 0 and row[self.field_at] == "register_no":
            values[self.register_at] = f"{row[self.register_at]}-{copy}"
        return tuple(values)

    def insert(self, db: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
        marks = ", ".join("?" * len(self.columns))
        db.executemany(
            f"INSERT INTO {self.name} ({', '.join(self.columns)}) VALUES ({marks})", rows
        )


def table(db: sqlite3.Connection, name: str) -> Table:
    """Every row of ``name`` (whatever columns this schema gives it)."""
    columns = [str(row[1]) for row in db.execute(f"PRAGMA table_info({name})")]
    return Table(name, columns, db.execute(f"SELECT {', '.join(columns)} FROM {name}").fetchall())


def fill(url: str, loans: int, borrowers: int, items: int, template: int) -> None:
    """``loans`` returned loans in ``url``: ``template`` real ones, the rest copied rows."""
    real = min(template, loans)
    with lending_engine(url) as engine:
        for start in range(0, real, 500):
            with engine.batch():
                for n in range(start, min(real, start + 500)):
                    loan(engine, n % borrowers, (n * 7) % items, f"t{n:07d}")
    if url.startswith("sqlite:"):
        copy_sqlite(Path(url.removeprefix("sqlite:///")), real, loans)
    else:
        copy_postgres(url, real, loans)


# The loans (not the year's lending programme, which their approvals read).
_LOANS = "SELECT id FROM cases WHERE flow_id = 'asset_lending' ORDER BY id"


def copy_sqlite(path: Path, real: int, loans: int) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA synchronous = OFF")
        cases, keys = table(db, "cases"), table(db, "case_keys")
        loan_ids = {str(row[0]) for row in db.execute(_LOANS)}
        cases.rows = [r for r in cases.rows if r[cases.id_at] in loan_ids]
        copies, n = 0, real
        while n < loans:
            group = cases.rows[: loans - n]
            copied = {str(r[cases.id_at]) for r in group}
            with db:
                cases.insert(db, [cases.renamed(r, copies) for r in group])
                keys.insert(
                    db, [keys.renamed(r, copies) for r in keys.rows if r[keys.id_at] in copied]
                )
            n += len(group)
            copies += 1
        db.execute("ANALYZE")


def copy_postgres(url: str, real: int, loans: int) -> None:
    """The same copies as :func:`copy_sqlite`, made by the server (``generate_series``):
    every real loan copied under suffixes 0 to N-1, then the first of them under N."""
    import psycopg  # only with --db

    copies, rest = divmod(loans - real, real)
    with psycopg.connect(url, autocommit=True) as db:
        columns = [
            str(row[0])
            for row in db.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'cases' "
                "AND table_schema = current_schema() ORDER BY ordinal_position"
            )
        ]
        ids = [str(row[0]) for row in db.execute(_LOANS)]
        listed = ", ".join(columns)
        renamed = ", ".join("id || '-' || g" if c == "id" else c for c in columns)
        for first, last, of in ((0, copies - 1, ids), (copies, copies, ids[:rest])):
            if last < first or not of:
                continue
            series = "generate_series(%s::int, %s::int) AS g"
            db.execute(
                f"INSERT INTO cases ({listed}) SELECT {renamed} FROM cases, {series} "
                "WHERE id = ANY(%s)",
                (first, last, of),
            )
            db.execute(
                "INSERT INTO case_keys (flow_id, field, value, case_id, state) "
                "SELECT flow_id, field, CASE WHEN field = 'register_no' THEN value || '-' || g "
                f"ELSE value END, case_id || '-' || g, state FROM case_keys, {series} "
                "WHERE case_id = ANY(%s)",
                (first, last, of),
            )
        count = len(db.execute(_LOANS).fetchall())
        assert count == loans, f"{count} loans, not {loans}"
        db.execute("ANALYZE")


def rounds(
    urls: dict[str, str], borrowers: int, items: int, loans: int, turns: int
) -> dict[str, list[float]]:
    """Per store, the median microseconds of a write in each turn; the stores alternate."""
    medians: dict[str, list[float]] = {name: [] for name in urls}
    engines = {name: lending_engine(url) for name, url in urls.items()}
    opened = {name: context.__enter__() for name, context in engines.items()}
    try:
        for turn in range(turns):
            for name, engine in opened.items():
                times: list[float] = []
                for n in range(loans):
                    who = (turn * loans + n) * 13
                    times += loan(engine, who % borrowers, who % items, f"{name}{turn}-{n}")
                medians[name].append(statistics.median(times) * 1e6)
    finally:
        for context in engines.values():
            context.__exit__(None, None, None)
    return medians


@contextmanager
def stores(db: str | None, folder: Path) -> Iterator[dict[str, str]]:
    """The URLs of the two stores: SQLite files in a temporary folder of ``folder``, or two
    schemas of the PostgreSQL database ``db``, dropped afterwards."""
    if db is None:
        with tempfile.TemporaryDirectory(dir=folder, prefix=".bench-") as tmp:
            yield {name: f"sqlite:///{Path(tmp) / name}.db" for name in ("small", "large")}
        return
    import psycopg  # only with --db

    token = secrets.token_hex(4)
    schemas = {name: f"bench_{name}_{token}" for name in ("small", "large")}
    joiner = "&" if "?" in db else "?"
    with psycopg.connect(db, autocommit=True) as admin:
        for schema in schemas.values():
            admin.execute(f"CREATE SCHEMA {schema}")
        try:
            yield {
                name: f"{db}{joiner}options=-csearch_path%3D{schema}"
                for name, schema in schemas.items()
            }
        finally:
            for schema in schemas.values():
                admin.execute(f"DROP SCHEMA {schema} CASCADE")


def main(argv: list[str] | None = None) -> bool:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--borrowers", type=int, default=300)
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--template", type=int, default=5_000)
    parser.add_argument("--loans", type=int, default=100, help="new loans per store per turn")
    parser.add_argument("--turns", type=int, default=7)
    parser.add_argument(
        "--synchronous",
        choices=["full", "normal"],
        default="normal",
        help="NORMAL (the default here) times the engine; FULL adds the disk's flush",
    )
    parser.add_argument("--dir", type=Path, default=ROOT / "benchmarks")
    parser.add_argument(
        "--db", help="a PostgreSQL database URL to create the two stores' schemas in"
    )
    args = parser.parse_args(argv)
    global SYNCHRONOUS  # noqa: PLW0603
    SYNCHRONOUS = args.synchronous.upper()
    where = "PostgreSQL" if args.db else f"SQLite {SYNCHRONOUS}"
    header(
        f"4b. Scale with real registers (asset_lending, {args.borrowers} borrowers, "
        f"{args.items} items, {where}; median of {args.turns} alternating turns)"
    )
    with stores(args.db, args.dir) as urls:
        for name, size in (("small", args.small), ("large", args.large)):
            fill(urls[name], size, args.borrowers, args.items, args.template)
        medians = rounds(urls, args.borrowers, args.items, args.loans, args.turns)
    small, large = (statistics.median(medians[name]) for name in ("small", "large"))
    spread = {name: f"{min(m):,.0f}-{max(m):,.0f}" for name, m in medians.items()}
    per_key = args.large // args.borrowers
    report(f"fire, {args.small:,} past loans ({spread['small']})", small, "µs")
    return report(
        f"fire, {args.large:,} past loans, ~{per_key:,} per borrower ({spread['large']})",
        large,
        "µs",
        baseline=small,
        target=1.5,
        higher_is_better=False,
    )


if __name__ == "__main__":
    raise SystemExit(0 if main() else 1)
