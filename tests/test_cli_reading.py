"""The command line as people read it: absent values, help, columns, digits, exports."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import re
import sys
from datetime import timedelta
from pathlib import Path

import click
import openpyxl
import pytest
from click.testing import CliRunner

from _lending import T0, announce_rules_in, lend
from integrity_flows import Engine, FixedClock
from integrity_flows.cli import cli, main
from integrity_flows.cli.helptext import short_help, split_help
from integrity_flows.cli.progress import counted, stepped
from integrity_flows.definition.model import Label
from integrity_flows.display import aligned, display_width, pad, styled_digits
from integrity_flows.reports.base import Figure, Table
from integrity_flows.reports.declaration import ReportDecl
from integrity_flows.reports.render import as_text
from test_cli import run, start_loan

THAI_DIGIT = re.compile("[๐-๙]")


@pytest.fixture
def keyed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A key file for sensitive data, given to the command line by its variable."""
    key = tmp_path / "cases.key"
    assert main(["key", "new", "-o", str(key)]) == 0
    monkeypatch.setenv("INTEGRITY_FLOWS_KEY_FILE", str(key))
    return tmp_path / "cases.db"


def test_reveal_of_an_absent_value_says_so_and_fails(
    capsys: pytest.CaptureFixture[str], keyed: Path
) -> None:
    """Reading a sensitive field the case never got exits 1 with a Thai and English message,
    not "null" with exit 0."""
    case_id = start_loan(capsys, keyed)
    status, out, err = run(
        capsys, "case", "reveal", case_id, "borrower_phone", "--db", str(keyed),
        "--actor", "somchai", "--role", "staff", "--reason", "ติดต่อผู้ยืม",
    )  # fmt: skip
    assert status == 1
    assert out == ""
    assert "ไม่มีค่า" in err
    assert "เบอร์โทรศัพท์ผู้ยืม" in err
    assert "no value" in err
    assert "borrower phone" in err
    assert "null" not in out + err


def _commands(
    group: click.Group, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], str, click.Command]]:
    found = []
    for name, command in group.commands.items():
        if command.hidden:
            continue
        found.append((path, name, command))
        if isinstance(command, click.Group):
            found += _commands(command, (*path, name))
    return found


def _joined(text: str) -> str:
    """Help text with its wrapped lines joined: a phrase wrapped at a space reads whole."""
    return " ".join(text.split())


def test_every_command_has_thai_help_whole_in_its_parents_list_at_80_columns() -> None:
    """The Thai part of every command's help is in its parent's --help, whole, at 80
    columns, and comes first in the command list."""
    runner = CliRunner()
    missing = []
    commands = _commands(cli)
    for path, name, command in commands:
        _english, thai = split_help(command.help)
        if not thai:
            missing.append(f"{' '.join((*path, name))}: no Thai in its help")
            continue
        shown = runner.invoke(cli, [*path, "--help"], terminal_width=80).output
        listing = shown.split("Commands:", 1)[1]
        if thai not in _joined(listing):
            missing.append(f"{' '.join((*path, name))}: {thai!r} not whole in\n{listing}")
        entry = next(line for line in listing.splitlines() if line.strip().startswith(name + " "))
        if not entry.split(None, 1)[1].startswith(thai.split()[0]):
            missing.append(f"{' '.join((*path, name))}: Thai is not first: {entry}")
    assert len(commands) > 45
    assert not missing, "\n".join(missing)


def test_every_option_of_every_command_has_help_in_thai_and_english() -> None:
    """Each option says what it does, in English and in Thai (--help and --version are
    click's own)."""
    thai = re.compile("[\u0e00-\u0e7f]")
    english = re.compile("[A-Za-z]{3}")
    missing = []
    for path, name, command in [((), "integrity-flows", cli), *_commands(cli)]:
        for param in command.params:
            if not isinstance(param, click.Option) or param.name in ("help", "version"):
                continue
            said = param.help or ""
            if not (thai.search(said) and english.search(said)):
                missing.append(f"{' '.join((*path, name))} {'/'.join(param.opts)}: {said!r}")
    assert not missing, "\n".join(missing)


def test_split_help_reads_both_shapes() -> None:
    """ "English / ไทย." on one line and an English paragraph then a Thai one both split."""
    assert split_help("Cases / เรื่อง.") == ("Cases", "เรื่อง")
    assert split_help("Replay it.\n\nสาธิต\n\nMore.") == ("Replay it", "สาธิต")
    assert split_help("Only English.") == ("Only English", "")


def test_a_short_help_never_cuts_the_thai_and_fits_at_80_columns() -> None:
    """The English is what gives way: the Thai of a long help stays whole."""
    long = click.Command("x", help="A very long English sentence " * 5 + "/ ภาษาไทยที่ต้องอยู่ครบ.")
    made = short_help(long, 50)
    assert made is not None
    assert made.startswith("ภาษาไทยที่ต้องอยู่ครบ / A very")
    assert made.endswith("...")
    assert len(made) <= 50


def test_display_width_counts_no_column_for_thai_vowels_and_tone_marks() -> None:
    """น้ำ is three characters in two columns; ที่ is three in one; ASCII is as long as it is."""
    assert display_width("น้ำ") == 2
    assert display_width("ที่") == 1
    assert display_width("สำนักปลัด") == 7
    assert display_width("abc") == 3
    assert pad("ที่", 4) == "ที่   "


def test_aligned_columns_line_up_on_screen_with_combining_marks() -> None:
    """Rows holding vowels above and below and tone marks start each column at the same
    screen column, which padding by len() does not."""
    rows = [["ผู้ใหญ่บ้าน", "x"], ["กข", "y"], ["น้ำท่วม", "z"]]
    lines = aligned(rows)
    starts = {display_width(line[: line.rindex(" ") + 1]) for line in lines}
    assert starts == {display_width("ผู้ใหญ่บ้าน") + 2}
    assert len({display_width(f"{a:<12}  ") for a, _ in rows}) > 1  # what len() did


def test_digits_take_one_style_and_ids_keep_theirs() -> None:
    """Thai turns numbers and dates Thai but not an id; Arabic turns every Thai digit Arabic."""
    line = "asset_lending-01c3 ย.1/2567 5 ต.ค. 2566 09:00 84.50 root FO5j/9+C4="
    thai = styled_digits(line, "thai")
    assert thai == "asset_lending-01c3 ย.๑/๒๕๖๗ ๕ ต.ค. ๒๕๖๖ ๐๙:๐๐ ๘๔.๕๐ root FO5j/9+C4="
    assert styled_digits("เต็นท์ ๑๐ หลัง ปี ๒๕๖๗", "arabic") == "เต็นท์ 10 หลัง ปี 2567"


def test_the_digits_option_gives_one_style_to_a_whole_screen(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--digits thai: dates, numbers and data typed with Arabic digits are all Thai (ids
    aside); the default (Arabic) shows no Thai digit even where the data was typed with
    them (the return date); the environment variable does what the option does."""
    db = tmp_path / "cases.db"
    case_id = start_loan(capsys, db)
    for args in (["case", "show", case_id, "--db", str(db)],
                 ["register", "--db", str(db), "--fiscal-year", "2567"]):  # fmt: skip
        status, out, _ = run(capsys, "--digits", "thai", *args)
        assert status == 0
        assert styled_digits(out, "thai") == out  # no number left in Arabic digits
        status, out, _ = run(capsys, *args)
        assert not THAI_DIGIT.search(out)
    status, out, _ = run(capsys, "--digits", "thai", "case", "show", case_id, "--db", str(db))
    assert "๕ ตุลาคม ๒๕๖๖" in out
    os.environ["INTEGRITY_FLOWS_DIGITS"] = "thai"
    try:
        status, out, _ = run(capsys, "case", "show", case_id, "--db", str(db))
    finally:
        del os.environ["INTEGRITY_FLOWS_DIGITS"]
    assert "๕ ตุลาคม ๒๕๖๖" in out


def test_a_fiscal_year_is_never_printed_with_a_thousands_separator() -> None:
    """A year column of a register prints 2567, an amount column 2,567."""
    table = Table(
        keys=("fiscal_year", "amount"),
        columns=(Label("ปีงบประมาณ", "fiscal year"), Label("จำนวนเงิน", "amount")),
        kinds=("year", "integer"),
        rows=((2567, 2567),),
    )
    report = ReportDecl(id="r", label=Label("รายงาน", "report"), sets={}, figures=())
    text = as_text(report, [Figure("t", Label("ตาราง", "table"), table)], fiscal_year=2567)
    assert "2567 " in text
    assert "2,567" in text
    assert text.count("2,567") == 1


def test_a_data_date_is_shown_in_the_buddhist_era(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """case show prints a date field as 5 ตุลาคม 2566, never 2023-10-05."""
    db = tmp_path / "cases.db"
    case_id = start_loan(capsys, db)
    status, out, _ = run(capsys, "case", "show", case_id, "--db", str(db))
    assert status == 0
    assert "5 ตุลาคม 2566" in out
    assert "2023-" not in out


def _loan_round_trip(capsys: pytest.CaptureFixture[str], db: Path) -> str:
    """A loan started, checked, approved and handed over: a row of the lending register."""
    case_id = start_loan(capsys, db)
    announce_rules_in(db)  # the year's rules (asset_rules), without which no approval
    steps = [
        ("check", "kanda", "custodian", []),
        ("approve", "somying", "approver", []),
        ("hand_over", "kanda", "custodian", ["--data", "register_no=ย.1/2567",
                                             "--data", "condition_out=ปกติ"]),
    ]  # fmt: skip
    for trigger, actor, role, extra in steps:
        status, _, err = run(
            capsys, "case", "fire", case_id, trigger, "--db", str(db), "--actor", actor,
            "--role", role, "--at", "2023-10-02T10:00:00+07:00", *extra,
        )  # fmt: skip
        assert status == 0, err
    return case_id


def test_a_register_exported_as_xlsx_reads_back_with_thai_headers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--format xlsx --output: a figures sheet and a sheet per register, a Thai header
    row then an English one, dates in the Buddhist Era, counts as numbers."""
    db = tmp_path / "cases.db"
    case_id = _loan_round_trip(capsys, db)
    book_path = tmp_path / "register.xlsx"
    status, _, err = run(
        capsys, "register", "--db", str(db), "--fiscal-year", "๒๕๖๗",
        "--format", "xlsx", "--output", str(book_path),
    )  # fmt: skip
    assert status == 0, err
    book = openpyxl.load_workbook(book_path)
    figures = book["lending_register"]
    assert [c.value for c in figures[1]] == ["รายการ", "ชื่อรายการ", "ค่า"]
    values = {row[0].value: row[2].value for row in figures.iter_rows(min_row=3)}
    assert values["register"] == 1  # a register counts its rows
    loans = book["register"]
    thai = [c.value for c in loans[1]]
    assert "เลขทะเบียนการยืม" in thai
    assert "register number" in [c.value for c in loans[2]]
    row = [c.value for c in loans[3]]
    assert "ย.1/2567" in row
    assert case_id in row
    assert "5 ตุลาคม 2566" in row


def test_csv_exports_open_in_excel_and_read_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A list and a report as CSV: UTF-8 with a byte-order mark, Thai then English headers."""
    db = tmp_path / "cases.db"
    case_id = _loan_round_trip(capsys, db)
    listing = tmp_path / "cases.csv"
    status, _, _ = run(capsys, "case", "list", "--db", str(db), "--format", "csv",
                       "-o", str(listing))  # fmt: skip
    assert status == 0
    raw = listing.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "เรื่อง"
    assert rows[1][0] == "case"
    assert rows[1][:4] == ["case", "flow", "flow version", "state"]
    assert rows[2][0] == case_id
    assert rows[2][3] == "on_loan"
    status, out, _ = run(capsys, "case", "history", case_id, "--db", str(db), "--format", "csv")
    assert out.startswith("\ufeff")
    events = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert [e[3] for e in events[2:]] == ["start", "check", "approve", "hand_over"]


def test_every_list_takes_the_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """flows list, report list, case list and case history print JSON that parses; --json
    of case history stays the same as --format json."""
    db = tmp_path / "cases.db"
    case_id = _loan_round_trip(capsys, db)
    lists = (["flows", "list"], ["report", "list"], ["case", "list", "--db", str(db)],
             ["plan", "coverage"], ["sweep", "--db", str(db)])  # fmt: skip
    for args in lists:
        status, out, _ = run(capsys, *args, "--format", "json")
        assert status == 0
        assert isinstance(json.loads(out), list)
    history = ["case", "history", case_id, "--db", str(db)]
    _, as_json, _ = run(capsys, *history, "--json")
    _, as_format, _ = run(capsys, *history, "--format", "json")
    assert as_json == as_format
    assert next(json.loads(line)["trigger"] for line in as_json.splitlines()) == "start"


def test_xlsx_without_its_extra_names_the_extra(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without openpyxl, --format xlsx refuses with a message naming the xlsx extra, and
    without --output it says a workbook needs a file."""
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "openpyxl" else real(name, *a)
    )
    status, _, err = run(
        capsys, "report", "list", "--format", "xlsx", "-o", str(tmp_path / "r.xlsx")
    )
    assert status == 1
    assert '"xlsx" extra' in err
    assert "openpyxl" in err
    assert not (tmp_path / "r.xlsx").exists()
    status, _, err = run(capsys, "report", "list", "--format", "xlsx")
    assert status == 2
    assert "--output" in err


class _Terminal(io.StringIO):
    """A standard error that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_a_progress_bar_draws_on_a_terminal_and_nothing_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """counted() passes every item through; it draws on a terminal's stderr only."""
    quiet = io.StringIO()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert list(counted(range(5), 5, "ตรวจสอบ / verifying")) == [0, 1, 2, 3, 4]
    assert quiet.getvalue() == ""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert list(counted(range(5), 5, "ตรวจสอบ / verifying")) == [0, 1, 2, 3, 4]
    assert "verifying" in terminal.getvalue()


def test_a_stepped_bar_moves_once_per_step_on_a_terminal_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """stepped() gives work that cannot hand its items over (a sweep, a migration) a
    function to call per step: a bar on a terminal, nothing otherwise."""
    quiet = io.StringIO()
    monkeypatch.setattr(sys, "stderr", quiet)
    with stepped(3, "กำหนดเวลา / deadlines") as step:
        for _ in range(3):
            step()
    assert quiet.getvalue() == ""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with stepped(3, "กำหนดเวลา / deadlines") as step:
        for _ in range(3):
            step()
    assert "deadlines" in terminal.getvalue()
    assert "100%" in terminal.getvalue()


def test_the_sweep_calls_on_each_once_per_due_deadline() -> None:
    """Engine.sweep(on_each=...) is told of every deadline it fires (the CLI's bar)."""
    engine = Engine.open("memory://", clock=FixedClock(T0))
    case = lend(engine)
    assert engine.get(case.id).state == "on_loan"
    later = T0 + timedelta(days=60)
    due = len(engine.store.due(later))
    calls: list[None] = []
    results = engine.sweep(later, duties=False, on_each=lambda: calls.append(None))
    assert due >= 1
    assert len(calls) >= due
    assert len(calls) >= len(results) >= 1


def test_long_commands_print_no_progress_when_not_on_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """audit verify and audit export, their output redirected, write no bar anywhere."""
    db = tmp_path / "cases.db"
    _loan_round_trip(capsys, db)
    status, out, err = run(capsys, "audit", "verify", "--db", str(db))
    assert status == 0
    assert "verifying" not in out + err
    assert "\r" not in out + err
    status, out, err = run(capsys, "audit", "export", "--db", str(db))
    assert status == 0
    assert err == ""
    assert len(out.splitlines()) == 7  # the loan (4 events) and the year's rules (3)


def test_sweep_lists_what_it_fired_as_csv_and_refuses_xlsx_without_a_file_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """sweep --format csv: a row per deadline fired; --format xlsx with no --output is
    refused before anything fires."""
    db = tmp_path / "cases.db"
    case_id = _loan_round_trip(capsys, db)
    late = ["sweep", "--db", str(db), "--now", "20 ตุลาคม 2566"]
    status, _, _ = run(capsys, *late, "--format", "xlsx")
    assert status == 2
    _, shown_case, _ = run(capsys, "case", "show", case_id, "--db", str(db))
    assert "(on_loan)" in shown_case
    status, out, _ = run(capsys, *late, "--format", "csv")
    assert status == 0
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[1][:2] == ["case", "trigger"]
    assert rows[2][0] == case_id
    assert rows[2][1] == "mark_overdue"


def test_case_show_names_a_choice_by_its_labels_and_yes_or_no_in_both_languages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An enum value is shown by its Thai and English labels (its id after them), a
    yes/no value as ใช่/ไม่ใช่ and yes/no, never as Python's True/False."""
    monkeypatch.setenv("INTEGRITY_FLOWS_TRUST_ACTORS", "1")
    db = str(tmp_path / "cases.db")
    status = main(
        ["case", "start", "asset_lending", "--db", db, "--actor", "somchai", "--role", "staff",
         "--data", "item=รถ", "--data", "purpose=ประชุม", "--data", "return_date=5/10/2566",
         "--data", "borrower_type=external", "--at", "2023-10-02T09:00:00+07:00"]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert status == 0
    shown = "บุคคลภายนอกหรือภาคเอกชน / outside person or private sector (external)"
    assert f"ประเภทผู้ยืม / borrower type: {shown}" in out
    from integrity_flows.cli.cases import _field_value
    from integrity_flows.definition.model import Field, Label

    flag = Field(type="boolean", label=Label("ไม่ประสงค์ออกนาม", "anonymous"))
    assert _field_value(flag, False) == "ไม่ใช่ / no"
    assert _field_value(flag, True) == "ใช่ / yes"


def test_the_plan_and_the_demo_take_one_digit_style_per_screen(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`plan show`, `plan budget`, `plan check` and the demo print the plan's words and
    figures in the run's digits, as every other screen does: Arabic by default (they kept
    the plan's Thai digits beside Arabic ones), Thai with --digits thai."""
    thai_digit = re.compile("[\u0e50-\u0e59]")
    for args in (["plan", "show", "2"], ["plan", "budget"], ["plan", "check"]):
        main(args)
        out = capsys.readouterr().out
        assert out.strip(), args
        assert not thai_digit.search(out), (args, thai_digit.search(out))
        main(["--digits", "thai", *args])
        out = capsys.readouterr().out
        assert styled_digits(out, "thai") == out, args
    assert main(["demo", "--db", str(tmp_path / "demo.db")]) == 0
    out = capsys.readouterr().out
    assert "(ข้อ 5.1)" in out
    assert not thai_digit.search(out), thai_digit.search(out)
