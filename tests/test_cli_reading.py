"""The command line as people read it: absent values, help, columns, digits, exports."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from integrity_flows.cli import cli, main
from integrity_flows.cli.helptext import short_help, split_help
from test_cli import run, start_loan


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
