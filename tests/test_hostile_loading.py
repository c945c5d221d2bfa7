"""Hostile input: flow files, flow sources, databases and command lines an attacker or a
careless operator would give. Every one is a clear refusal naming the file, the path or the
field, in Thai and in English; none is a traceback."""

from __future__ import annotations

import io
import json
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from integrity_flows import Actor, Engine
from integrity_flows.cli import main
from integrity_flows.errors import (
    BadActorId,
    DefinitionError,
    InvalidData,
    Problem,
    StoreError,
    UnknownTrigger,
)
from integrity_flows.guards.registry import GuardRegistry
from integrity_flows.loading import default_registry, read_text
from integrity_flows.loading.reader import MAX_DEPTH, MAX_VALUES, parse_yaml
from integrity_flows.stores.sqlite import SQLiteStore

FLOWS = Path(__file__).resolve().parents[1] / "flows"
LENDING = (FLOWS / "asset_lending.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def registry() -> GuardRegistry:
    return default_registry()


def refused(text: str, registry: GuardRegistry, source: str = "evil.yaml") -> list[Problem]:
    with pytest.raises(DefinitionError) as caught:
        read_text(text, source, registry)
    problems = list(caught.value.problems)
    assert all(p.source == source and p.message_th for p in problems)
    return problems


# --- YAML: aliases, nesting, keys, numbers -----------------------------------


def _bomb(levels: int) -> str:
    """The billion laughs: each anchor is ten aliases of the one before."""
    lines = ["  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels + 1):
        lines.append(f"  l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]")
    return "\n".join(lines)


def test_an_alias_bomb_is_refused_before_it_is_expanded(registry: GuardRegistry) -> None:
    """Nine levels would be 10**10 values; six already pass the limit. The refusal names
    where the limit was crossed, and comes back at once."""
    for levels in (6, 9):
        text = LENDING.replace("settings:\n", f"settings:\n{_bomb(levels)}\n", 1)
        (problem,) = refused(text, registry)
        assert problem.path.startswith("settings.l")
        assert "alias" in problem.message_en
        assert str(MAX_VALUES) in problem.message_th


def test_anchors_and_merge_keys_of_ordinary_size_still_load(registry: GuardRegistry) -> None:
    """The bundled flows repeat blocks with anchors and merge keys; that stays allowed."""
    raw, problems = parse_yaml("a: &a {x: 1}\nb: {<<: *a, y: 2}\nc: [*a, *a]\n", "f.yaml")
    assert problems == []
    assert raw == {"a": {"x": 1}, "b": {"x": 1, "y": 2}, "c": [{"x": 1}, {"x": 1}]}


def test_a_value_that_holds_itself_is_refused() -> None:
    for text in ("reports: &a [*a]", "settings: &s {x: 1, me: *s}"):
        _, (problem,) = parse_yaml(text, "evil.yaml")
        assert "inside its own anchor" in problem.message_en


def test_deep_nesting_is_refused_with_its_path() -> None:
    text = "settings:\n  deep: " + "{a: " * 900 + "1" + "}" * 900 + "\n"
    _, (problem,) = parse_yaml(text, "evil.yaml")
    assert problem.path.startswith("settings.deep.a.a")
    assert f"more than {MAX_DEPTH} levels" in problem.message_en
    assert problem.message_th


def test_a_bare_no_as_a_name_says_yaml_read_it_as_false(
    registry: GuardRegistry, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`trigger: no` is the boolean false to YAML: the problem names what happened and
    how to write it, instead of only "'False' must be lower-case letters"."""
    text = LENDING.replace("  - trigger: reject\n", "  - trigger: no\n", 1)
    (problem,) = refused(text, registry)
    assert problem.path == "transitions[2].trigger"
    assert "YAML reads a bare yes, no, on, off, true or false as true or false" in (
        problem.message_en
    )
    assert "ใส่เครื่องหมายคำพูด" in problem.message_th
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r.yaml").write_text(
        "reports:\n  - id: r\n    label: {th: ร, en: r}\n    sets:\n"
        "      s: {flow: asset_lending}\n    figures:\n"
        "      - {id: off, label: {th: ก, en: a}, count: s}\n",
        encoding="utf-8",
    )
    assert main(["flows", "check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "'False' must be lower-case letters, digits and _ (YAML reads a bare" in err


def test_a_list_as_a_mapping_key_is_refused(registry: GuardRegistry) -> None:
    text = LENDING.replace("settings:\n", "settings:\n  ? [1, 2]\n  : x\n", 1)
    (problem,) = refused(text, registry)
    assert problem.path == "settings"
    assert "a key must be a plain value" in problem.message_en


def test_a_huge_version_is_refused(registry: GuardRegistry) -> None:
    text = LENDING.replace("version: 3\n", "version: 1" + "0" * 100 + "\n", 1)
    (problem,) = refused(text, registry)
    assert problem.path == "version"
    assert "more than 15 digits" in problem.message_en


def test_a_number_python_cannot_read_is_refused(registry: GuardRegistry) -> None:
    text = LENDING.replace("version: 3\n", "version: 1" + "0" * 5000 + "\n", 1)
    (problem,) = refused(text, registry)
    assert "not valid YAML" in problem.message_en


def test_an_infinite_number_is_refused() -> None:
    _, (problem,) = parse_yaml("settings:\n  limit: [1.0e+400]\n", "evil.yaml")
    assert problem.path == "settings.limit[0]"
    assert "not a finite number" in problem.message_en


# --- settings: declared with a type, checked at load --------------------------

ESCALATE = "escalate_after_days: {type: days, default: 7}"


def test_a_setting_of_the_wrong_type_is_refused_at_load(registry: GuardRegistry) -> None:
    """The sweep would have crashed on it much later."""
    assert ESCALATE in LENDING
    for bad in ("[7]", "seven", "-1", "36501", "true"):
        text = LENDING.replace(ESCALATE, f"escalate_after_days: {{type: days, default: {bad}}}")
        (problem,) = refused(text, registry)
        assert problem.path == "settings.escalate_after_days.default", bad
        assert "whole number of days" in problem.message_en


def test_a_setting_without_a_type_is_refused(registry: GuardRegistry) -> None:
    (problem,) = refused(LENDING.replace(ESCALATE, "escalate_after_days: 7"), registry)
    assert problem.path == "settings.escalate_after_days"
    assert "{type: ..., default: ...}" in problem.message_en
    text = LENDING.replace(ESCALATE, "escalate_after_days: {type: weeks, default: 1}")
    (problem,) = refused(text, registry)
    assert problem.path == "settings.escalate_after_days.type"
    assert "unknown setting type 'weeks'" in problem.message_en


def test_a_setting_used_where_its_type_does_not_fit_is_refused(registry: GuardRegistry) -> None:
    text = LENDING.replace(ESCALATE, "escalate_after_days: {type: integer, default: 7}")
    (problem,) = refused(text, registry)
    assert problem.path.endswith(".days_setting")
    assert "days_setting needs days" in problem.message_en
    text = LENDING.replace(
        "external_approval_role: {type: role, default: executive}",
        "external_approval_role: {type: text, default: executive}",
    )
    problems = refused(text, registry)
    assert problems
    assert all(p.path.endswith(".role_setting") for p in problems)
    text = LENDING.replace(
        "external_approval_role: {type: role, default: executive}",
        "external_approval_role: {type: role, default: exective}",
    )
    (problem,) = refused(text, registry)
    assert problem.path == "settings.external_approval_role.default"
    gifts = (FLOWS / "gift_declaration.yaml").read_text(encoding="utf-8")
    typed = "keep_limit_baht: {type: number, default: 3000}"
    assert typed in gifts
    text = gifts.replace(typed, "keep_limit_baht: {type: text, default: '3000'}")
    problems = refused(text, registry)
    assert problems
    assert all("limit_setting needs days or integer or number" in p.message_en for p in problems)


def test_a_host_setting_of_the_wrong_type_is_refused_when_the_engine_is_built() -> None:
    with pytest.raises(DefinitionError) as caught:
        Engine.open("memory://", settings={"asset_lending": {"escalate_after_days": [7]}})
    (problem,) = caught.value.problems
    assert (problem.source, problem.path) == ("<settings>", "asset_lending.escalate_after_days")
    assert "whole number of days" in problem.message_en
    with Engine.open("memory://", settings={"gift_declaration": {"keep_limit_baht": "5,000"}}):
        pass  # a number may be written as people write it


# --- flow sources: no silent takeover of a flow --------------------------------


def _takeover(folder: Path) -> Path:
    """A copy of asset_lending in a higher version whose approval lacks the rule that the
    requester may not approve his own loan."""
    folder.mkdir()
    text = LENDING.replace("version: 3\n", "version: 4\n", 1)
    assert "distinct_actor: {role: requester}" in text
    text = text.replace("distinct_actor: {role: requester}", "field_present: {field: item}")
    (folder / "asset_lending.yaml").write_text(text, encoding="utf-8")
    return folder


def test_a_folder_may_not_take_over_a_bundled_flow(tmp_path: Path) -> None:
    folder = _takeover(tmp_path / "evil")
    with pytest.raises(DefinitionError) as caught:
        Engine.open("memory://", flows=[folder], entry_points=False)
    (problem,) = caught.value.problems
    assert (problem.source, problem.path) == (str(folder / "asset_lending.yaml"), "id")
    assert "already defined by bundled" in problem.message_en
    assert "override" in problem.message_en
    assert "ที่มากับระบบ" in problem.message_th


def test_an_override_named_by_the_host_may_replace_it(tmp_path: Path) -> None:
    folder = _takeover(tmp_path / "ours")
    with Engine.open("memory://", overrides=[folder], entry_points=False) as engine:
        latest = engine.flows.get("asset_lending")
        assert latest.version == 4
        assert str(engine.flows.origin(latest)) == f"folder {folder} (override)"
        assert str(engine.flows.origin(engine.flows.get("asset_lending", 3))) == "bundled"


def test_two_host_folders_may_not_define_one_flow(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        (folder / "mine.yaml").write_text(
            LENDING.replace("id: asset_lending", "id: mine"), encoding="utf-8"
        )
    with pytest.raises(DefinitionError, match=f"already defined by folder {first}"):
        Engine.open("memory://", flows=[first, second], entry_points=False)
    # The bundled folder given again, or one folder given twice, is read once, not refused.
    with Engine.open("memory://", flows=[FLOWS], entry_points=False) as engine:
        assert engine.flows.get("asset_lending").version == 3
    with Engine.open("memory://", flows=[first, first], entry_points=False) as engine:
        assert str(engine.flows.origin(engine.flows.get("mine"))) == f"folder {first}"


def test_a_plugin_may_not_take_over_unless_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from integrity_flows.loading import discovery

    folder = _takeover(tmp_path / "plugin")
    flows_group = discovery.FLOW_ENTRY_POINTS

    def sources(group: str = flows_group) -> list[tuple[str, Path]]:
        return [("evil", folder)] if group == flows_group else []

    monkeypatch.setattr(discovery, "entry_point_sources", sources)
    with pytest.raises(DefinitionError) as caught:
        Engine.open("memory://")
    assert "plug-in evil may not define it again" in str(caught.value)
    with Engine.open("memory://", override_plugins=["evil"]) as engine:
        latest = engine.flows.get("asset_lending")
        assert str(engine.flows.origin(latest)) == "plug-in evil (override)"
    with pytest.raises(DefinitionError, match="no installed plug-in"):
        Engine.open("memory://", override_plugins=["evli"])


def test_flows_list_says_where_each_flow_comes_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _takeover(tmp_path / "ours")
    assert main(["flows", "list", "--flows", str(folder)]) == 1
    assert "already defined by bundled" in capsys.readouterr().err
    assert main(["--override-flows", str(folder), "flows", "list"]) == 0
    out = capsys.readouterr().out
    assert f"ที่มา / from: ที่มากับระบบ / bundled: {FLOWS / 'asset_lending.yaml'}" in out
    assert f"/ folder {folder} (override): {folder / 'asset_lending.yaml'}" in out


# --- databases: read-only commands read only, and only ours --------------------


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


def _tables(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master"))


def _start_loan(capsys: pytest.CaptureFixture[str], db: Path) -> str:
    status, out, err = _run(
        capsys, "case", "start", "asset_lending", "--db", str(db), "--actor", "somchai",
        "--role", "staff", "--data", "item=รถ", "--data", "purpose=ประชุม",
        "--data", "return_date=5/10/2566", "--at", "2023-10-02",
    )  # fmt: skip
    assert status == 0, err
    return out.split("case: ", 1)[1].split()[0]


@pytest.fixture
def foreign_db(tmp_path: Path) -> Path:
    """Another application's SQLite file."""
    path = tmp_path / "payroll.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE employees (id INTEGER PRIMARY KEY, name TEXT)")
        db.execute("INSERT INTO employees (name) VALUES ('somchai')")
    return path


READ_ONLY_COMMANDS = [
    ("audit", "verify"),
    ("audit", "export"),
    ("case", "show", "L1"),
    ("case", "history", "L1"),
    ("case", "list"),
    ("report", "lending_register", "--fiscal-year", "2567"),
    ("plan", "monitor", "--fiscal-year", "2567"),
    ("complaint", "follow", "40917-55203-88164-02937-61450", "--wrong-code-delay", "0"),
]


@pytest.mark.parametrize("command", READ_ONLY_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_read_only_command_refuses_a_database_that_is_not_ours(
    command: tuple[str, ...], foreign_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = foreign_db.read_bytes()
    status, out, err = _run(capsys, *command, "--db", str(foreign_db))
    assert status == 1
    assert "intact" not in out
    assert f"{foreign_db}" in err
    assert "not an integrity-flows database" in err
    assert "ไม่ใช่ฐานข้อมูลของ integrity-flows" in err
    assert "Traceback" not in err
    assert _tables(foreign_db) == ["employees"]
    assert foreign_db.read_bytes() == before


def test_a_writing_command_creates_nothing_in_a_database_that_is_not_ours(
    foreign_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _run(
        capsys, "case", "start", "asset_lending", "--db", str(foreign_db),
        "--actor", "somchai", "--role", "staff",
    )  # fmt: skip
    assert status == 1
    assert "holds other tables" in err
    assert "ไม่ใช่ฐานข้อมูลของ integrity-flows" in err
    assert _tables(foreign_db) == ["employees"]


def test_an_empty_or_unfinished_file_is_not_read_as_an_intact_trail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    status, out, err = _run(capsys, "audit", "verify", "--db", str(empty))
    assert (status, out) == (1, "")
    assert "no table case_keys, cases, deadlines, events, schema_migrations" in err
    assert empty.stat().st_size == 0
    old = tmp_path / "old.db"
    SQLiteStore(old).close()
    with sqlite3.connect(old) as db:
        db.execute("DELETE FROM schema_migrations")
    status, _, err = _run(capsys, "audit", "verify", "--db", str(old))
    assert status == 1
    assert "run integrity-flows db migrate first" in err
    with sqlite3.connect(old) as db:
        db.execute("INSERT INTO schema_migrations VALUES (99, 'from the future', 'x')")
    status, _, err = _run(capsys, "audit", "verify", "--db", str(old))
    assert status == 1
    assert "newer than this integrity-flows reads" in err
    text = tmp_path / "notes.db"
    text.write_text("not a database at all\n" * 100)
    status, _, err = _run(capsys, "case", "list", "--db", str(text))
    assert status == 1
    assert f"SQLite store {text} failed while reading" in err


def test_a_read_only_engine_reads_ours_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cases.db"
    case_id = _start_loan(capsys, db)
    assert _run(capsys, "audit", "verify", "--db", str(db))[0] == 0
    assert _run(capsys, "case", "history", case_id, "--db", str(db))[0] == 0
    with Engine.open(f"sqlite:///{db}", read_only=True) as engine:
        assert engine.get(case_id).state == "requested"
        with pytest.raises(StoreError):
            engine.fire(case_id, "check", actor=Actor("kanda", roles={"custodian"}))
    with Engine.open(f"sqlite:///{db}") as engine:
        assert len(engine.history(case_id)) == 1
    with pytest.raises(StoreError, match="failed while opening"):
        SQLiteStore(tmp_path / "missing.db", read_only=True)
    assert not (tmp_path / "missing.db").exists()


def test_a_new_database_is_readable_by_its_owner_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cases.db"
    _start_loan(capsys, db)
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    store = SQLiteStore(tmp_path / "api.db")
    try:
        assert stat.S_IMODE((tmp_path / "api.db").stat().st_mode) == 0o600
        # The write-ahead log, while the store is open, has the database's mode.
        assert stat.S_IMODE((tmp_path / "api.db-wal").stat().st_mode) == 0o600
    finally:
        store.close()


def test_a_read_only_postgres_store_refuses_a_schema_that_is_not_ours() -> None:
    import psycopg

    from _postgres import fresh_schema
    from integrity_flows.errors import ForeignStore
    from integrity_flows.stores import open_store

    with fresh_schema() as url:
        with psycopg.connect(url, autocommit=True) as db:
            db.execute("CREATE TABLE employees (id INTEGER PRIMARY KEY, name TEXT)")
        with pytest.raises(ForeignStore, match="not an integrity-flows database"):
            open_store(url, read_only=True)
        with psycopg.connect(url, autocommit=True) as db:
            found = db.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            ).fetchall()
        assert found == [("employees",)]
    with fresh_schema() as url:
        open_store(url).close()  # ours, migrated
        store = open_store(url, read_only=True)
        try:
            assert list(store.iter_cases()) == []
            with pytest.raises(StoreError, match="read-only"):
                store.migrate()
        finally:
            store.close()


# --- sensitive values and tracking codes: never in argv -------------------------

COMPLAINT = ["complaint", "file", "--actor", "web-form", "--role", "online_channel",
             "--at", "2023-10-02T09:00:00+07:00"]  # fmt: skip


@pytest.fixture
def key_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    key = tmp_path / "cases.key"
    assert main(["key", "new", "-o", str(key)]) == 0
    monkeypatch.setenv("INTEGRITY_FLOWS_KEY_FILE", str(key))
    return key


def test_sensitive_data_from_a_file_or_standard_input(
    tmp_path: Path,
    key_env: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = str(tmp_path / "cases.db")
    data = tmp_path / "complaint.json"
    data.write_text(
        json.dumps(
            {"channel": "online", "complainant_name": "สมชาย ใจดี", "details": "บรรทัดหนึ่ง\nบรรทัดสอง"},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    status, out, err = _run(capsys, *COMPLAINT, "--db", db, "--data-file", str(data))
    assert status == 0, err
    code = out.split("tracking code: ")[1].split()[0]
    with Engine.open(f"sqlite:///{db}", key=key_env.read_text()) as engine:
        (case,) = engine.cases("corruption_complaint")
        assert case.data["complainant_name"].startswith("sealed:")
        assert case.data["details"].startswith("sealed:")
        assert case.data["channel"] == "online"
    # key=value lines on standard input; a field given twice is refused.
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("# from the web form\nchannel=online\n\nanonymous=yes\n")
    )
    status, out, err = _run(
        capsys, *COMPLAINT, "--db", db, "--data-file", "-", "--data", "details=x"
    )
    assert status == 0, err
    data.write_text("channel=online\ndetails=x\n", encoding="utf-8")
    status, _, err = _run(
        capsys, *COMPLAINT, "--db", db, "--data-file", str(data), "--data", "details=y"
    )
    assert status == 2
    assert "details given both in --data and in --data-file" in err
    for bad, said in (
        ("{not json", "is not a JSON object"),
        ('{"a": ' + "[" * 100_000, "is not a JSON object"),
        ("[1]", "expected key=value"),
    ):
        data.write_text(bad, encoding="utf-8")
        status, _, err = _run(capsys, *COMPLAINT, "--db", db, "--data-file", str(data))
        assert status == 2, bad
        assert said in err
        assert "Traceback" not in err
    data.write_bytes(b"details=\xff\xfe\n")
    status, _, err = _run(capsys, *COMPLAINT, "--db", db, "--data-file", str(data))
    assert status == 2
    assert "cannot read" in err
    # The tracking code from standard input.
    monkeypatch.setattr("sys.stdin", io.StringIO(code + "\n"))
    status, out, err = _run(
        capsys, "complaint", "follow", "--code-from-stdin", "--db", db, "--lang", "en"
    )
    assert status == 0, err
    assert "Stage: received" in out
    for argv in (["complaint", "follow"], ["complaint", "follow", code, "--code-from-stdin"]):
        status, _, err = _run(capsys, *argv, "--db", db)
        assert status == 2
        assert "--code-from-stdin" in err


# --- the command line: every slip a clear refusal ------------------------------


def test_impossible_times_and_years_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cases.db"
    status, _, err = _run(
        capsys, "case", "start", "asset_lending", "--db", str(db), "--actor", "somchai",
        "--role", "staff", "--at", "31/2/2567",
    )  # fmt: skip
    assert status == 2
    assert "--at" in err
    assert "not a date or time: '31/2/2567'" in err
    assert "วันเวลาไม่ถูกต้อง" in err
    assert not db.exists()
    _start_loan(capsys, db)
    for argv, said in (
        (["sweep", "--now", "soon"], "not a date or time: 'soon'"),
        (["sweep", "--now", "1/1/2400"], "is not a plausible date"),
        (["report", "lending_register", "--fiscal-year", "-5"], "not a fiscal year: '-5'"),
        (["register", "--fiscal-year", "99999999"], "fiscal year 99999999 is not plausible"),
        (["delegation", "who", "--power", "x", "--actor", "a", "--on", "1/1/1957"], "plausible"),
    ):
        status, _, err = _run(capsys, *argv, "--db", str(db))
        assert status == 2, argv
        assert said in err, err
        assert "Traceback" not in err
    assert _run(capsys, "register", "--fiscal-year", "๒๕๖๗", "--db", str(db))[0] == 0


def test_an_unreadable_flows_folder_is_a_clear_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    real = Path.iterdir

    def iterdir(path: Path) -> Any:
        if path == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    status, _, err = _run(capsys, "flows", "list", "--flows", str(folder))
    assert status == 1
    assert f"{folder}: cannot read the folder: Permission denied / อ่านโฟลเดอร์ไม่ได้" in err
    assert "Traceback" not in err


def test_a_password_in_an_unsupported_url_is_never_repeated(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for url in ("mysql://root:hunter2@db.internal/cases", "mysql://db/cases?password=hunter2"):
        status, out, err = _run(capsys, "audit", "verify", "--db", url)
        assert status == 1
        assert "cannot open store 'mysql://...'" in err
        assert "hunter2" not in out + err


def test_a_key_file_others_can_read_is_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    key = tmp_path / "cases.key"
    assert main(["key", "new", "-o", str(key)]) == 0
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    db = tmp_path / "cases.db"
    _start_loan(capsys, db)
    argv = ["--key-file", str(key), "case", "list", "--db", str(db)]
    status, _, err = _run(capsys, *argv)
    assert (status, err) == (0, "")
    key.chmod(0o644)
    status, _, err = _run(capsys, *argv)
    assert status == 0
    assert f"may read or change the key file {key} (mode 644); run chmod 600" in err
    assert "คำเตือน" in err


# --- values a paper form would refuse ------------------------------------------

STAFF = Actor("somchai", roles={"staff"})
LOAN = {"item": "รถยนต์ส่วนกลาง", "purpose": "ประชุม", "return_date": "5/10/2566"}


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("return_date", "5 ต.ค. 2500", "is not a plausible date"),  # 1957
        ("return_date", "1957-10-05", "is not a plausible date"),
        ("return_date", "1/1/2400", "1 January B.E. 2400 is not a plausible date"),
        ("return_date", "1/1/2700", "is not a plausible date"),
        ("purpose", "ประชุม\x00", "control character U+0000"),
        ("purpose", "\x1b[2Jประชุม", "control character U+001B"),
        ("purpose", "ประชุม \u202eอนุมัติแล้ว", "control character U+202E"),
    ],
)
def test_a_value_no_form_would_take_is_refused_and_audited(
    field: str, value: str, said: str
) -> None:
    with Engine.open("memory://", entry_points=False) as engine:
        with pytest.raises(InvalidData) as caught:
            engine.start("asset_lending", actor=STAFF, data={**LOAN, field: value})
        assert said in caught.value.message_en
        label = engine.flows.get("asset_lending").data[field].label
        assert label.en in caught.value.message_en
        assert label.th in caught.value.message_th
        assert engine.cases("asset_lending") == []
        (refusal,) = engine.history(caught.value.case_id or "")
        assert refusal.outcome == "refused"
        assert engine.verify().ok
        # Tabs and line breaks are text as written.
        case = engine.start("asset_lending", actor=STAFF, data={**LOAN, "purpose": "ประชุม\n\tเถิน"})
        assert case.data["purpose"] == "ประชุม\n\tเถิน"


def test_a_megabyte_in_a_field_is_refused_without_being_copied_into_the_trail() -> None:
    """A `string` field takes a form's box (1,000 characters), a `text` field a letter
    (100,000): a megabyte is refused naming the field and its length, and the refusal
    quotes only its first characters; so is a megabyte of a reason."""
    from integrity_flows.values import MAX_STRING, MAX_TEXT

    with Engine.open("memory://", entry_points=False) as engine:
        for field, size in (("item", 1_000_000), ("purpose", MAX_TEXT + 1)):
            with pytest.raises(InvalidData) as caught:
                engine.start("asset_lending", actor=STAFF, data={**LOAN, field: "ก" * size})
            message = caught.value.message_en
            assert f"text of {size:,} characters" in message
            assert f"({size:,} characters)" in message
            assert len(message) < 1_000
            assert len(caught.value.message_th) < 1_000
        assert engine.cases() == []
        refusals = [e for e in engine.events() if e.outcome == "refused"]
        assert len(refusals) == 2
        assert all(len(json.dumps(e.reasons, ensure_ascii=False)) < 2_000 for e in refusals)
        case = engine.start(
            "asset_lending",
            actor=STAFF,
            data={**LOAN, "item": "ก" * MAX_STRING, "purpose": "ข" * MAX_TEXT},
        )
        with pytest.raises(InvalidData, match="the reason is 100,001 characters long"):
            engine.fire(case.id, "cancel", actor=STAFF, reason="x" * (MAX_TEXT + 1))
        assert engine.get(case.id).state == "requested"
        assert engine.verify().ok


def test_a_megabyte_of_unit_or_roles_is_refused() -> None:
    """The actor's unit and roles are written into every event: a huge one is refused
    like a huge value, and nothing is started."""
    with Engine.open("memory://", entry_points=False) as engine:
        for actor, said in (
            (Actor("somchai", roles={"staff"}, unit="ก" * 1_001), "the actor's unit is longer"),
            (Actor("somchai", roles={"staff", "x" * 1_001}), "more than 100 roles, or one"),
            (Actor("somchai", roles={f"r{i}" for i in range(101)}), "more than 100 roles"),
        ):
            with pytest.raises(InvalidData, match=said):
                engine.start("asset_lending", actor=actor, data=LOAN)
        assert engine.cases() == []
        assert engine.verify().ok


@pytest.mark.parametrize("db", ["", "  ", "FOLDER"])
def test_an_empty_or_folder_database_path_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str
) -> None:
    """An empty --db would open a nameless SQLite database deleted at exit (the case
    reported started would be gone); a folder is named as one."""
    monkeypatch.setenv("INTEGRITY_FLOWS_TRUST_ACTORS", "1")
    given = str(tmp_path) if db == "FOLDER" else db
    args = ["--db", given, "--actor", "somchai", "--role", "staff"]
    data = ["--data", "item=รถ", "--data", "purpose=ประชุม", "--data", "return_date=5/10/2566"]
    status = main(["case", "start", "asset_lending", *args, *data])
    err = capsys.readouterr().err
    assert status == 2
    assert "--db" in err
    said = "is a folder, not a database file" if db == "FOLDER" else "no database given"
    assert said in err
    assert ("เป็นโฟลเดอร์" if db == "FOLDER" else "ไม่ได้ระบุฐานข้อมูล") in err


def test_a_time_on_an_implausible_day_is_refused() -> None:
    from integrity_flows.engine.data import _NORMALIZERS

    with pytest.raises(ValueError, match="not a plausible date"):
        _NORMALIZERS["datetime"]("1957-10-05T09:00:00", None)
    assert _NORMALIZERS["datetime"]("2566-10-05T09:00:00", None) == "2023-10-05T02:00:00.000000Z"


def test_an_amount_no_form_would_take_is_refused() -> None:
    from integrity_flows.values import NORMALIZERS

    for value in ("1e400", "1E+400 บาท", "1e-400", "9" * 16):
        with pytest.raises(ValueError, match="at most 15 digits before the point and 6 after"):
            NORMALIZERS["decimal"](value, None)  # type: ignore[arg-type]
    assert NORMALIZERS["decimal"]("๑๒,๐๐๐.๕๐ บาท", None) == "12000.50"  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at most 15 digits"):
        NORMALIZERS["integer"]("1" + "0" * 15, None)  # type: ignore[arg-type]


def test_a_list_item_no_form_would_take_is_refused() -> None:
    custodian = Actor("kanda", roles={"custodian"})
    with Engine.open("memory://", entry_points=False) as engine:
        with pytest.raises(InvalidData) as caught:
            engine.start(
                "asset_rules",
                actor=custodian,
                data={"fiscal_year": 2567, "vehicle_checks": ["ประตู ๑", "ประตู ๒\u202e"]},
            )
        assert "'vehicle checks' has a bad value" in caught.value.message_en
        assert "U+202E" in caught.value.message_en
        assert engine.cases() == []


def test_a_history_shows_control_characters_as_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text a host let through (a trigger it was asked for, recorded in the refusal) never
    reaches the terminal as a control; an actor id holding one cannot even be made
    (integrity_flows.identity)."""
    with pytest.raises(BadActorId):
        Actor("x\x1b[2J", roles={"staff"})
    db = tmp_path / "cases.db"
    with Engine.open(f"sqlite:///{db}", entry_points=False) as engine:
        staff = Actor("somchai", roles={"staff"})
        case = engine.start("asset_lending", actor=staff, data=LOAN)
        with pytest.raises(UnknownTrigger):
            engine.fire(case.id, "x\x1b[2J", actor=staff)
    status, out, _ = _run(capsys, "case", "history", case.id, "--db", str(db))
    assert status == 0
    assert "\x1b" not in out
    assert "x\\u001b[2J" in out


def test_a_flow_file_that_is_not_utf8_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "latin.yaml").write_bytes(b"id: caf\xe9\n")
    with pytest.raises(DefinitionError) as caught:
        Engine.open("memory://", flows=[tmp_path], entry_points=False)
    (problem,) = caught.value.problems
    assert problem.source == str(tmp_path / "latin.yaml")
    assert "cannot read as UTF-8 text" in problem.message_en


def test_a_plan_file_gets_the_same_protection() -> None:
    from integrity_flows.plan.reading import PlanError, read_plan

    with pytest.raises(PlanError) as caught:
        read_plan("plan:\n" + _bomb(6), "evil-plan.yaml")
    (problem,) = caught.value.problems
    assert problem.source == "evil-plan.yaml"
    assert problem.path.startswith("plan.l")
    assert "alias" in problem.message_en
