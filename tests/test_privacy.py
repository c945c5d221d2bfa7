"""A complainant's name and telephone appear in clear nowhere the system writes.

One named complaint goes through the engine on a SQLite file, with a reading of the name,
refused readings, a refusal that echoes bad data, and the command line; then the database
file's bytes, the JSON Lines export, the captured log events, the command line's output
(verbose log included) and every error message are searched for the name and the number.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from _complaints import KANDA, NAME, PHONE, SOMPONG, T0, named, quiet_desk, say
from integrity_flows import Engine, FixedClock
from integrity_flows.cli import main
from integrity_flows.errors import FlowError
from integrity_flows.protection import FieldKey

SECRETS = (NAME, "สมปอง", PHONE, PHONE.replace(" ", ""))


def _assert_absent(text: str | bytes, where: str) -> None:
    for secret in SECRETS:
        needle: str | bytes = secret.encode() if isinstance(text, bytes) else secret
        assert needle not in text, f"{secret!r} found in {where}"


def test_the_name_and_number_are_nowhere_in_clear(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Database bytes, export, logs, command output and errors hold neither."""
    db = tmp_path / "cases.db"
    key = FieldKey.generate()
    errors: list[str] = []
    with (
        Engine.open(f"sqlite:///{db}", clock=FixedClock(T0), key=key) as engine,
        capture_logs() as logs,
    ):
        filed = quiet_desk(engine).file(actor=KANDA, data=named())
        case_id = filed.case.id
        engine.fire(case_id, "acknowledge", actor=KANDA, data=say("ได้รับเรื่องแล้ว"))
        assert engine.reveal(case_id, "complainant_name", actor=KANDA, reason="ติดต่อ") == NAME
        assert engine.reveal(case_id, "complainant_phone", actor=KANDA, reason="ติดต่อ") == PHONE
        for attempt in (
            lambda: engine.reveal(case_id, "complainant_name", actor=SOMPONG, reason="ดู"),
            lambda: engine.fire(case_id, "report_progress", actor=KANDA,
                                data={"complainant_phone": {"n": PHONE}, **say("x")}),
            lambda: engine.fire(case_id, "report_progress", actor=KANDA,
                                data={"complainant_phone": [PHONE]}),
            lambda: quiet_desk(engine).file(actor=KANDA, data=named(channel="by pigeon")),
        ):  # fmt: skip
            with pytest.raises(FlowError) as caught:
                attempt()
            errors += [str(caught.value), caught.value.message_th, caught.value.message_en]
        assert engine.verify().ok
    engine_events = _events(db, key)
    assert len(logs) == len(engine_events)
    _assert_absent(json.dumps(logs, ensure_ascii=False, default=str), "the log events")
    _assert_absent(json.dumps(engine_events, ensure_ascii=False), "the history")
    _assert_absent("\n".join(errors), "the error messages")
    for file in db.parent.iterdir():
        _assert_absent(file.read_bytes(), f"the file {file.name}")

    monkeypatch.setenv("INTEGRITY_FLOWS_KEY", key.text)
    capsys.readouterr()
    commands = [
        ["audit", "export", "--db", str(db)],
        ["-v", "case", "show", case_id, "--db", str(db)],
        ["case", "history", case_id, "--db", str(db), "--json"],
        ["case", "history", case_id, "--db", str(db)],
        ["complaint", "follow", filed.tracking_code, "--db", str(db)],
        ["complaint", "statistics", "--db", str(db), "--fiscal-year", "2567", "--json"],
        ["-v", "case", "fire", case_id, "report_progress", "--db", str(db), "--actor", "kanda",
         "--role", "complaint_officer", "--data", "complainant_messages=กำลังพิจารณา"],
        ["-v", "case", "reveal", case_id, "complainant_name", "--db", str(db), "--actor", "x",
         "--role", "executive", "--reason", "ดู"],
    ]  # fmt: skip
    statuses = []
    for command in commands:
        statuses.append(main(command))
        out = capsys.readouterr()
        _assert_absent(out.out + out.err, " ".join(command[:3]))
    assert statuses == [0, 0, 0, 0, 0, 0, 0, 1]
    for file in db.parent.iterdir():
        _assert_absent(file.read_bytes(), f"the file {file.name} after the commands")
    # The reader with the right role sees the name, and that reading is recorded.
    reader = ["--actor", "kanda", "--role", "complaint_officer", "--reason", "โทรกลับ"]
    assert main(["case", "reveal", case_id, "complainant_name", "--db", str(db), *reader]) == 0
    assert capsys.readouterr().out.strip() == NAME
    main(["case", "history", case_id, "--db", str(db)])
    history = capsys.readouterr().out
    assert re.search(r"kanda .*เปิดอ่านข้อมูลอ่อนไหว.*ชื่อผู้ร้องเรียน.*โทรกลับ", history)


def _events(db: Path, key: FieldKey) -> list[dict[str, object]]:
    with Engine.open(f"sqlite:///{db}", key=key) as engine:
        return [e.as_dict() for e in engine.events()]
