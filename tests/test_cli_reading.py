"""The command line as people read it: absent values, help, columns, digits, exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrity_flows.cli import main
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
