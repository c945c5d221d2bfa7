"""The command line, used as a clerk and an auditor would."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from _lending import announce_rules_in
from integrity_flows.cli import main
from integrity_flows.display import display_width

ROOT = Path(__file__).resolve().parents[1]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI and return (status, stdout, stderr)."""
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


def start_loan(capsys: pytest.CaptureFixture[str], db: Path) -> str:
    """Start a loan from the shell and return its case id."""
    status, out, err = run(
        capsys,
        "case",
        "start",
        "asset_lending",
        "--db",
        str(db),
        "--actor",
        "somchai",
        "--role",
        "เจ้าหน้าที่",
        "--data",
        "ทรัพย์สิน=รถยนต์ส่วนกลาง กข-1234",
        "--data",
        "purpose=ประชุม",
        "--data",
        "return_date=๕ ตุลาคม ๒๕๖๖",
        "--at",
        "2023-10-02T09:00:00+07:00",
    )
    assert status == 0, err
    match = re.search(r"case: (asset_lending-[0-9a-f]+)", out)
    assert match, out
    return match.group(1)


def test_flows_list_names_the_bundled_flows(capsys: pytest.CaptureFixture[str]) -> None:
    """`flows list` shows each bundled flow with its Thai and English title."""
    status, out, _ = run(capsys, "flows", "list")
    assert status == 0
    assert "asset_lending" in out
    assert "การยืมทรัพย์สินของราชการ" in out
    assert "asset_rules" in out
    assert "Lending of government property" in out


def test_flows_show_prints_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    """`flows show` lists states and transitions in Thai and English with their citations."""
    status, out, _ = run(capsys, "flows", "show", "asset_lending")
    assert status == 0
    assert "อนุมัติแล้ว / approved" in out
    assert "cites: 13/5.1" in out


def test_flows_show_mermaid(capsys: pytest.CaptureFixture[str]) -> None:
    """`flows show --format mermaid` draws a state diagram with labelled states."""
    status, out, _ = run(capsys, "flows", "show", "asset_lending", "--format", "mermaid")
    assert status == 0
    assert "stateDiagram-v2" in out
    assert 'state "อนุมัติแล้ว" as approved' in out


def test_flows_show_unknown_flow_fails(capsys: pytest.CaptureFixture[str]) -> None:
    """`flows show` of an unknown id exits 1 with a bilingual message."""
    status, _, err = run(capsys, "flows", "show", "no_such_flow")
    assert status == 1
    assert "unknown flow" in err
    assert "ไม่พบขั้นตอนงาน" in err


def test_flows_check_bundled_ok(capsys: pytest.CaptureFixture[str]) -> None:
    """`flows check` with no folder checks the bundled flows and exits 0."""
    status, out, _ = run(capsys, "flows", "check")
    assert status == 0
    assert "OK" in out


def test_flows_check_reports_every_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`flows check` on a broken file exits 1 naming file, path and problem."""
    text = (ROOT / "flows" / "asset_lending.yaml").read_text(encoding="utf-8")
    broken = text.replace("dest: approved", "dest: aproved").replace(
        "- distinct_actor: {role: requester}", "- distinct_actr: {role: requester}", 1
    )
    (tmp_path / "broken.yaml").write_text(broken, encoding="utf-8")
    status, _, err = run(capsys, "flows", "check", str(tmp_path))
    assert status == 1
    assert "broken.yaml: transitions[1].dest: unknown state 'aproved'" in err
    assert "transitions[0].guards[0]: unknown guard 'distinct_actr'" in err
    assert "did you mean 'distinct_actor'" in err


def test_case_lifecycle_from_the_shell(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """start, fire, show and history work on a SQLite file; a refusal exits 1."""
    db = tmp_path / "cases.db"
    case_id = start_loan(capsys, db)
    status, out, err = run(
        capsys,
        "case",
        "fire",
        case_id,
        "check",
        "--db",
        str(db),
        "--actor",
        "kanda",
        "--role",
        "custodian",
    )
    assert status == 0, err
    assert "ตรวจสอบแล้ว / checked" in out
    status, _, err = run(
        capsys,
        "case",
        "fire",
        case_id,
        "อนุมัติ",
        "--db",
        str(db),
        "--actor",
        "somchai",
        "--role",
        "approver",
    )
    assert status == 1
    assert "requester" in err
    assert "ผู้ขอ" in err
    status, out, _ = run(capsys, "case", "show", case_id, "--db", str(db))
    assert status == 0
    assert "version 2" in out
    status, out, _ = run(capsys, "case", "history", case_id, "--db", str(db))
    assert status == 0
    assert "refused" in out
    assert "2 ต.ค. 2566 09:00" in out
    status, out, _ = run(capsys, "case", "history", case_id, "--db", str(db), "--json")
    assert [json.loads(line)["outcome"] for line in out.splitlines()] == [
        "moved",
        "moved",
        "refused",
    ]


def test_case_start_bad_data_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A bad date is refused with the field named, and nothing but the refusal is stored."""
    db = tmp_path / "cases.db"
    status, _, err = run(
        capsys,
        "case",
        "start",
        "asset_lending",
        "--db",
        str(db),
        "--actor",
        "somchai",
        "--role",
        "staff",
        "--data",
        "item=โต๊ะ",
        "--data",
        "purpose=x",
        "--data",
        "return_date=31 กุมภาพันธ์ 2566",
    )
    assert status == 1
    assert "return date" in err
    assert "กำหนดส่งคืน" in err
    status, out, _ = run(capsys, "case", "list", "--db", str(db))
    assert status == 0
    assert out == ""


def test_audit_verify_and_tamper(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`audit verify` exits 0 on an intact file and 1 naming case and event once edited."""
    db = tmp_path / "cases.db"
    case_id = start_loan(capsys, db)
    status, out, _ = run(capsys, "audit", "verify", "--db", str(db))
    assert status == 0
    assert "intact" in out
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE events SET body = replace(body, 'ประชุม', 'เที่ยว') WHERE case_id = ?",
            (case_id,),
        )
    status, out, _ = run(capsys, "audit", "verify", "--db", str(db))
    assert status == 1
    assert f"{case_id} event #1" in out
    assert "edited" in out


def test_audit_export_json_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`audit export` writes one JSON object per event, sensitive values redacted."""
    db = tmp_path / "cases.db"
    start_loan(capsys, db)
    status, out, _ = run(capsys, "audit", "export", "--db", str(db))
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 1
    assert records[0]["trigger"] == "start"
    assert len(records[0]["hash"]) == 64


def test_register_and_sweep(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`sweep` fires due deadlines; `register` (= `report lending_register`) lists the loans
    handed over in a fiscal year given in Thai digits."""
    db = tmp_path / "cases.db"
    case_id = start_loan(capsys, db)
    announce_rules_in(db)  # the year's rules (asset_rules), without which no approval
    for trigger, actor, role, extra in (
        ("check", "kanda", "custodian", []),
        ("approve", "somying", "approver", []),
        (
            "hand_over",
            "kanda",
            "custodian",
            ["--data", "register_no=ย.1/2567", "--data", "condition_out=ปกติ"],
        ),
    ):
        status, _, err = run(
            capsys,
            "case",
            "fire",
            case_id,
            trigger,
            "--db",
            str(db),
            "--actor",
            actor,
            "--role",
            role,
            "--at",
            "2023-10-02",
            *extra,
        )
        assert status == 0, err
    status, out, _ = run(capsys, "sweep", "--db", str(db), "--now", "2023-10-10")
    assert status == 0
    # What fired and where the case went, by their labels in both languages.
    assert (
        f"{case_id}  แจ้งเตือนเกินกำหนด / mark overdue (mark_overdue)  ครบกำหนด / due "
        "6 ต.ค. 2566 00:00  → เกินกำหนดส่งคืน / overdue"
    ) in out
    status, out, _ = run(capsys, "register", "--db", str(db), "--fiscal-year", "๒๕๖๗")
    assert status == 0
    assert "ย.1/2567" in out
    assert "ทะเบียนการยืม / loans: 1" in out
    argv = ["--db", str(db), "--fiscal-year", "2567", "--format", "json"]
    status, out, _ = run(capsys, "register", *argv)
    assert status == 0
    [row] = next(f for f in json.loads(out)["figures"] if f["id"] == "register")["value"]
    assert (row["register_no"], row["case_id"], row["state"]) == (
        "ย.1/2567",
        case_id,
        "เกินกำหนดส่งคืน",
    )
    assert "borrower_phone" not in row  # the borrower's contact is not part of the register
    _, alias, _ = run(capsys, "report", "lending_register", *argv)
    assert alias == out
    _, out, _ = run(capsys, "register", "--db", str(db), "--fiscal-year", "2566")
    assert "ทะเบียนการยืม / loans: 0" in out


def test_demo_replays_and_verifies(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`demo` replays project 13 on a SQLite file and ends with a verified trail."""
    status, out, _ = run(capsys, "demo", "--db", str(tmp_path / "demo.db"))
    assert status == 0
    assert "audit trail verified" in out
    title = "ทะเบียนการยืมทรัพย์สินของราชการ / lending register — ปีงบประมาณ / fiscal year B.E. 2567"
    assert title in out


def test_demo_refuses_to_overwrite_another_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`demo --db` never replaces an existing file that is not the demo's own."""
    precious = tmp_path / "cases.db"
    precious.write_text("keep me")
    status, _, err = run(capsys, "demo", "--db", str(precious))
    assert status == 2
    assert precious.read_text() == "keep me"
    assert "exists" in err


def test_demo_makes_the_key_file_the_run_names_when_missing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With INTEGRITY_FLOWS_KEY_FILE exported before the first demo (as the README's later
    commands want it), the demo makes that key file instead of failing, and its database
    opens with it."""
    key_file = tmp_path / "cases.key"
    monkeypatch.setenv("INTEGRITY_FLOWS_KEY_FILE", str(key_file))
    status, _, err = run(capsys, "demo", "--db", str(tmp_path / "cases.db"))
    assert status == 0, err
    assert key_file.exists()
    status, _, err = run(capsys, "audit", "verify", "--db", str(tmp_path / "cases.db"))
    assert status == 0, err


def test_demo_results_need_the_replay(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`demo --results` without `--all` is refused before anything is written: only the
    replay of the features has scenario outcomes."""
    status, _, err = run(
        capsys, "demo", "--db", str(tmp_path / "d.db"), "--results", str(tmp_path / "r.json")
    )
    assert status == 2
    assert "--results needs --all" in err
    assert not (tmp_path / "d.db").exists()
    assert not (tmp_path / "r.json").exists()


def test_readme_python_example_runs() -> None:
    """The five-minute example in README.md runs as written."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```python\n(.*?)```", text, re.S)
    exec(compile(block, "README.md", "exec"), {})  # our own documentation


def test_reading_a_missing_database_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Verifying or reading a mistyped path fails and creates no empty database."""
    missing = tmp_path / "typo.db"
    for argv in (
        ["audit", "verify", "--db", str(missing)],
        ["audit", "export", "--db", str(missing)],
        ["case", "list", "--db", str(missing)],
        ["register", "--db", str(missing), "--fiscal-year", "2567"],
    ):
        status, _, err = run(capsys, *argv)
        assert status == 2
        assert "no database at" in err
        assert not missing.exists()


def test_store_errors_are_reported_not_raised(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A database that cannot be opened is reported in both languages with exit status 1."""
    status, _, err = run(
        capsys, "case", "start", "asset_lending", "--db", str(tmp_path / "no" / "such.db"),
        "--actor", "somchai", "--role", "staff",
    )  # fmt: skip
    assert status == 1
    assert f"SQLite store {tmp_path / 'no' / 'such.db'} failed while opening the database" in err
    assert "เปิดฐานข้อมูล" in err


def _host_folder(tmp_path: Path, report: str) -> Path:
    """A folder of one flow (a copy of the loan under another id) and one report file."""
    tmp_path.mkdir(exist_ok=True)
    text = (ROOT / "flows" / "asset_lending.yaml").read_text(encoding="utf-8")
    (tmp_path / "host_lending.yaml").write_text(
        text.replace("id: asset_lending", "id: host_lending", 1), encoding="utf-8"
    )
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "host.yaml").write_text(report, encoding="utf-8")
    return tmp_path


_HOST_REPORT = """\
reports:
  - id: host_register
    label: {th: ทะเบียนทดสอบ, en: test register}
    sets:
      loans:
        flow: FLOW
        year: {date: handed_over_at}
    figures:
      - {id: loans, label: {th: จำนวน, en: count}, count: loans}
      - id: register
        label: {th: ทะเบียน, en: register}
        table: loans
        columns:
          - {id: number, label: {th: เลขที่, en: number}, value: COLUMN}
"""


def test_flows_check_checks_the_reports_of_a_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`flows check DIR` reads DIR/reports/ as every command given --flows DIR does: a report
    naming an unknown flow is a problem naming file and path, not "OK"."""
    folder = _host_folder(
        tmp_path, _HOST_REPORT.replace("FLOW", "no_such_flow").replace("COLUMN", "register_no")
    )
    status, out, err = run(capsys, "flows", "check", str(folder))
    assert status == 1, out
    assert "reports/host.yaml: reports[0].sets.loans.flow: unknown flow 'no_such_flow'" in err
    assert "ไม่รู้จักขั้นตอนงาน 'no_such_flow'" in err
    assert "Traceback" not in err


def test_a_register_column_naming_an_unknown_field_is_refused_at_load(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A table column's value must be a field of its set's flow: a misspelt one is named
    (with the field it was likely meant to be) by `flows check` and by `report list`."""
    folder = _host_folder(
        tmp_path, _HOST_REPORT.replace("FLOW", "host_lending").replace("COLUMN", "register_nr")
    )
    expected = (
        "reports[0].figures[1].columns[0].value: flow 'host_lending' has no data field "
        "'register_nr' (did you mean 'register_no'?)"
    )
    status, _, err = run(capsys, "flows", "check", str(folder))
    assert status == 1
    assert expected in err
    assert "ขั้นตอนงาน 'host_lending' ไม่มีข้อมูล 'register_nr' (หมายถึง 'register_no' หรือไม่)" in err
    status, _, err = run(capsys, "report", "list", "--flows", str(folder))
    assert status == 1
    assert expected in err
    status, _, err = run(capsys, "flows", "check", "--flows", str(folder))  # as others take it
    assert status == 1
    assert expected in err
    good = _host_folder(
        tmp_path / "good",
        _HOST_REPORT.replace("FLOW", "host_lending").replace("COLUMN", "register_no"),
    )
    status, out, err = run(capsys, "flows", "check", str(good))
    assert status == 0, err
    assert "1 flow(s) OK" in out


def test_flows_check_names_a_link_to_a_flow_that_is_not_loaded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A child flow whose parent no loaded folder defines fails `flows check`, as it fails
    every command that loads it."""
    text = (ROOT / "flows" / "council_capacity_session.yaml").read_text(encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "training_event.yaml").write_text(
        (ROOT / "flows" / "templates" / "training_event.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    (tmp_path / "session.yaml").write_text(
        text.replace("id: council_capacity_session", "id: host_session", 1).replace(
            "flow: council_capacity,", "flow: no_parent_flow,", 1
        ),
        encoding="utf-8",
    )
    status, _, err = run(capsys, "flows", "check", str(tmp_path))
    assert status == 1
    assert "session.yaml: parent.flow: unknown parent flow 'no_parent_flow'" in err


def test_flows_list_keeps_the_source_path_out_of_the_project_column(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The path each flow comes from goes under its titles: it does not widen the project
    column and push every title far to the right."""
    status, out, _ = run(capsys, "flows", "list")
    assert status == 0
    first = out.splitlines()[0]
    assert re.match(r"\S+\s+v\d+\s+โครงการที่ \S+ {1,4}\S", first), first
    assert all(display_width(line) < 250 for line in out.splitlines() if "from:" not in line)


def test_case_list_refuses_a_flow_or_state_no_flow_has(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A misspelt --flow or --state is named, with the likely one, instead of listing no
    case as if there were none."""
    monkeypatch.setenv("INTEGRITY_FLOWS_TRUST_ACTORS", "1")
    db = tmp_path / "cases.db"
    start_loan(capsys, db)
    status, _, err = run(capsys, "case", "list", "--db", str(db), "--flow", "asset_lendin")
    assert status == 2
    assert "unknown flow 'asset_lendin' (did you mean 'asset_lending'?)" in err
    assert "ไม่รู้จักขั้นตอนงาน 'asset_lendin'" in err
    argv = ["case", "list", "--db", str(db), "--flow", "asset_lending", "--state", "requestd"]
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert "unknown state 'requestd' (did you mean 'requested'?)" in err
    status, out, _ = run(capsys, "case", "list", "--db", str(db), "--state", "requested")
    assert status == 0
    assert "asset_lending-" in out
