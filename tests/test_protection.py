"""Sensitive data at rest: the key, sealed values, keyed hashes, reading in clear, checks."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from _lending import KANYA, PHONE, SOMCHAI, SOMYING, T0, request
from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.cli import main
from integrity_flows.errors import (
    DefinitionError,
    InvalidData,
    InvalidKey,
    KeyRequired,
    NotAuthorized,
    NotSealed,
    WrongKey,
)
from integrity_flows.loading import read_text
from integrity_flows.loading.discovery import default_registry
from integrity_flows.protection import FieldKey, hashed_value, is_sealed
from integrity_flows.protection.keys import SealBroken, sealed_fingerprint

BOSS = Actor("boss", roles={"executive"})


@pytest.fixture
def clock() -> FixedClock:
    """1 October 2566, 10:00 Thai time."""
    return FixedClock(T0)


@pytest.fixture
def db(tmp_path: Path) -> str:
    """The URL of a new SQLite file."""
    return f"sqlite:///{tmp_path}/cases.db"


# --- the key ----------------------------------------------------------------------


def test_key_text_round_trip_and_secrecy() -> None:
    """A key is written as ifkey1:..., read back equal, and never shown by repr."""
    key = FieldKey.generate()
    assert key.text.startswith("ifkey1:")
    again = FieldKey.from_text(f"  {key.text}\n")
    assert again == key
    assert again.fingerprint == key.fingerprint
    assert key.text not in repr(key)
    assert key.fingerprint in repr(key)
    assert FieldKey.generate() != key
    assert key != "not a key"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("hunter2-password", "must start with ifkey1:"),
        ("ifkey1:***not-base64***", "not valid base64url"),
        ("ifkey1:c2hvcnQ", "has 5 bytes, not 32"),
    ],
)
def test_a_bad_key_is_refused_clearly(text: str, words: str) -> None:
    """A malformed key says what is wrong, in both languages, without echoing the text."""
    with pytest.raises(InvalidKey) as caught:
        FieldKey.from_text(text)
    assert words in caught.value.message_en
    assert caught.value.message_th
    assert text.removeprefix("ifkey1:") not in str(caught.value)


def test_a_key_is_32_bytes() -> None:
    """Raw key material of the wrong size is refused."""
    with pytest.raises(InvalidKey):
        FieldKey(b"short")


def test_seal_and_open_round_trip() -> None:
    """Any JSON value comes back as it was; each sealing uses a fresh nonce."""
    key = FieldKey.generate()
    for value in ("นายสมปอง ใจดี", 42, True, ["a", "b"], {"x": 1}):
        sealed = key.seal(value, "case-1\x1fname")
        assert is_sealed(sealed)
        assert sealed_fingerprint(sealed) == key.fingerprint
        assert key.open(sealed, "case-1\x1fname") == value
    assert key.seal("same", "c") != key.seal("same", "c")


def test_a_sealed_value_is_bound_to_its_case_and_field() -> None:
    """Moved to another case or field, a sealed value cannot be opened."""
    key = FieldKey.generate()
    sealed = key.seal("นายสมปอง", "case-1\x1fname")
    for other in ("case-2\x1fname", "case-1\x1fphone"):
        with pytest.raises(SealBroken):
            key.open(sealed, other)


def test_another_key_or_an_altered_text_cannot_open() -> None:
    """Another key is named by its fingerprint; an altered text fails its tag."""
    key, other = FieldKey.generate(), FieldKey.generate()
    sealed = key.seal("secret", "c")
    with pytest.raises(SealBroken) as caught:
        other.open(sealed, "c")
    assert (caught.value.fingerprint, caught.value.expected) == (key.fingerprint, other.fingerprint)
    payload = sealed[-10:]
    altered = sealed[:-10] + ("A" if payload[0] != "A" else "B") + payload[1:]
    with pytest.raises(SealBroken):
        key.open(altered, "c")
    with pytest.raises(SealBroken):
        key.open("not sealed", "c")
    assert sealed_fingerprint("plain") is None
    assert not is_sealed([])


def test_lookup_hash_depends_on_key_flow_and_field() -> None:
    """A keyed hash is stable for one key and differs across keys, flows and fields."""
    key = FieldKey.generate()
    first = hashed_value(key, "corruption_complaint", "tracking_hash", "123")
    assert first == hashed_value(key, "corruption_complaint", "tracking_hash", "123")
    assert len(first) == 64
    assert first != hashed_value(
        FieldKey.generate(), "corruption_complaint", "tracking_hash", "123"
    )
    assert first != hashed_value(key, "other_flow", "tracking_hash", "123")
    assert first != hashed_value(key, "corruption_complaint", "other", "123")


# --- the engine -------------------------------------------------------------------


def test_memory_engines_get_an_ephemeral_key_and_files_do_not(db: str) -> None:
    """memory:// lives only in the process, and so does its key; a file gets none."""
    with Engine.open("memory://") as memory, Engine.open("sqlite://:memory:") as in_memory:
        assert memory.key is not None
        assert in_memory.key is not None
        assert memory.key != in_memory.key
    with Engine.open(db) as engine:
        assert engine.key is None
    key = FieldKey.generate()
    with Engine.open(db, key=key.text) as engine:
        assert engine.key == key


def test_no_key_refuses_a_sensitive_start_and_records_it(db: str, clock: FixedClock) -> None:
    """Without a key a sensitive value is not written: the start is refused and audited."""
    with Engine.open(db, clock=clock) as engine:
        with pytest.raises(KeyRequired) as caught:
            engine.start("asset_lending", actor=SOMCHAI, data=request(borrower_phone=PHONE))
        assert caught.value.mentions("borrower phone")
        assert caught.value.mentions("เบอร์โทรศัพท์ผู้ยืม")
        assert caught.value.mentions("INTEGRITY_FLOWS_KEY")
        assert PHONE not in str(caught.value)
        assert engine.cases() == []
        [event] = list(engine.events())
        assert (event.trigger, event.outcome, event.refusal) == ("start", "refused", "key_required")
        # Without a sensitive value nothing needs the key.
        case = engine.start("asset_lending", actor=SOMCHAI, data=request())
        assert engine.verify().ok
    with Engine.open(db, clock=clock) as engine:
        with pytest.raises(KeyRequired):
            engine.fire(case.id, "check", actor=KANYA, data={"borrower_phone": PHONE})
        after = engine.get(case.id)
        assert (after.state, after.version, "borrower_phone" in after.data) == (
            "requested",
            1,
            False,
        )
        assert engine.history(case.id)[-1].refusal == "key_required"


def test_sealed_at_rest_and_read_with_the_right_key_only(db: str, clock: FixedClock) -> None:
    """The store holds sealed text; another key cannot open the store at all (its key's
    fingerprint is recorded); no key refuses the reading, audited."""
    key = FieldKey.generate()
    with Engine.open(db, clock=clock, key=key) as engine:
        case = engine.start("asset_lending", actor=SOMCHAI, data=request(borrower_phone=PHONE))
        assert is_sealed(case.data["borrower_phone"])
        assert engine.get(case.id) == case
    other = FieldKey.generate()
    with pytest.raises(WrongKey) as wrong:
        Engine.open(db, clock=clock, key=other)
    assert key.fingerprint in wrong.value.message_en
    assert other.fingerprint in wrong.value.message_en
    assert wrong.value.message_en.startswith("wrong key")
    assert "กุญแจไม่ถูกต้อง" in wrong.value.message_th
    with Engine.open(db, clock=clock) as engine:
        with pytest.raises(KeyRequired):
            engine.reveal(case.id, "borrower_phone", actor=KANYA, reason="ติดต่อผู้ยืม")
        assert engine.history(case.id)[-1].refusal == "key_required"
    with Engine.open(db, clock=clock, key=key) as engine:
        phone = engine.reveal(case.id, "เบอร์โทรศัพท์ผู้ยืม", actor=KANYA, reason="ติดต่อผู้ยืม")
        assert phone == PHONE
        events = engine.history(case.id)
        assert [(e.outcome, e.refusal) for e in events] == [
            ("moved", None),
            ("refused", "key_required"),
            ("read", None),
        ]
        read = events[-1]
        assert (read.trigger, read.actor, read.reason) == ("reveal", "kanya", "ติดต่อผู้ยืม")
        assert read.data == {"borrower_phone": "***"}
        assert read.to_state is None
        assert read.authority == {"roles": ["custodian"]}
        after = engine.get(case.id)
        assert (after.state, after.version, after.events) == ("requested", 1, 3)
        assert engine.verify().ok


@pytest.fixture
def engine(clock: FixedClock) -> Iterator[Engine]:
    """A memory engine (with its ephemeral key)."""
    with Engine.open("memory://", clock=clock) as found:
        yield found


def test_only_readers_with_a_reason_may_reveal(engine: Engine) -> None:
    """Readers are roles of the field (per-case roles too); others and no reason are refused."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request(borrower_phone=PHONE))
    assert engine.reveal(case.id, "borrower_phone", actor=SOMCHAI, reason="ของฉันเอง") == PHONE
    with pytest.raises(NotAuthorized) as caught:
        engine.reveal(case.id, "borrower_phone", actor=SOMYING, reason="อยากรู้")
    assert [r.code for r in caught.value.reasons] == ["reader"]
    assert caught.value.mentions("custodian")
    with pytest.raises(InvalidData) as caught_data:
        engine.reveal(case.id, "borrower_phone", actor=KANYA, reason="  ")
    assert [r.code for r in caught_data.value.reasons] == ["missing_reason"]
    with pytest.raises(NotAuthorized) as both:
        engine.reveal(case.id, "borrower_phone", actor=BOSS, reason="")
    assert [r.code for r in both.value.reasons] == ["reader", "missing_reason"]
    with pytest.raises(InvalidData) as unknown:
        engine.reveal(case.id, "phone_no", actor=KANYA, reason="x")
    assert [r.code for r in unknown.value.reasons] == ["unknown_field"]
    with pytest.raises(InvalidData) as plain:
        engine.reveal(case.id, "purpose", actor=KANYA, reason="x")
    assert [r.code for r in plain.value.reasons] == ["not_sensitive"]
    outcomes = [(e.outcome, e.refusal) for e in engine.history(case.id)]
    assert outcomes == [
        ("moved", None),
        ("read", None),
        ("refused", "not_authorized"),
        ("refused", "invalid_data"),
        ("refused", "not_authorized"),
        ("refused", "invalid_data"),
        ("refused", "invalid_data"),
    ]
    assert engine.verify().ok


def test_a_value_written_before_protection_is_refused_until_sealed(engine: Engine) -> None:
    """Data stored in clear (by an earlier version) is refused on reading, never shown, the
    refusal audited; seal_clear_values seals it once, with an event, and it reads again."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request(borrower_phone=PHONE))
    import attrs

    legacy = attrs.evolve(case, data={**case.data, "borrower_phone": PHONE})
    engine.store._cases[case.id] = legacy  # type: ignore[attr-defined]
    with pytest.raises(NotSealed) as refused:
        engine.reveal(case.id, "borrower_phone", actor=KANYA, reason="x")
    assert PHONE not in str(refused.value)
    assert "db seal" in refused.value.message_en
    assert engine.history(case.id)[-1].refusal == "not_sealed"
    assert {p.kind for p in engine.verify().problems} == {"clear_value"}
    sealed = engine.seal_clear_values()
    assert [(s.case_id, s.fields) for s in sealed] == [(case.id, ("borrower_phone",))]
    last = engine.history(case.id)[-1]
    assert (last.trigger, last.outcome, last.actor, last.data) == (
        "seal",
        "sealed",
        "system",
        {"borrower_phone": "***"},
    )
    assert is_sealed(engine.get(case.id).data["borrower_phone"])
    assert engine.seal_clear_values() == []
    assert engine.verify().ok
    assert engine.reveal(case.id, "borrower_phone", actor=KANYA, reason="x") == PHONE


PROTECTED_FLOW = """
id: protected
version: 1
title: {th: ทดสอบ, en: test}
plan: {project: 33, title: {th: ทดสอบ, en: test}}
roles:
  officer: {label: {th: เจ้าหน้าที่, en: officer}}
  chief: {label: {th: หัวหน้า, en: chief}}
data:
  notes:
    type: list
    label: {th: บันทึก, en: notes}
    sensitive: true
    readers: [chief]
  code:
    type: string
    label: {th: รหัส, en: code}
    hashed: true
    indexed: true
states:
  open: {label: {th: เปิด, en: open}, initial: true}
  done: {label: {th: เสร็จ, en: done}, terminal: true}
start: {roles: [officer], cites: "33/5.2"}
transitions:
  - trigger: note
    label: {th: บันทึก, en: note}
    source: open
    dest: open
    roles: [officer]
    requires: [notes]
    cites: "33/5.4"
  - trigger: finish
    label: {th: เสร็จสิ้น, en: finish}
    source: open
    dest: done
    roles: [officer]
    cites: "33/5.4"
"""


def test_sensitive_lists_append_and_hashed_fields_are_looked_up(
    tmp_path: Path, clock: FixedClock
) -> None:
    """Each list item is sealed as it is appended; a hashed value is stored as its hash."""
    (tmp_path / "protected.yaml").write_text(PROTECTED_FLOW, encoding="utf-8")
    officer = Actor("o", roles={"officer"})
    chief = Actor("c", roles={"chief"})
    with Engine.open("memory://", flows=[tmp_path], clock=clock) as engine:
        case = engine.start("protected", actor=officer, data={"notes": "หนึ่ง", "code": "A1"})
        case = engine.fire(case.id, "note", actor=officer, data={"notes": ["สอง", "สาม"]})
        assert len(case.data["notes"]) == 3
        assert all(is_sealed(item) for item in case.data["notes"])
        assert engine.reveal(case.id, "notes", actor=chief, reason="x") == ["หนึ่ง", "สอง", "สาม"]
        assert engine.key is not None
        stored = hashed_value(engine.key, "protected", "code", "A1")
        assert case.data["code"] == stored
        assert engine.store.holders("protected", "code", stored, ["open"]) == [case.id]
        assert engine.history(case.id)[0].data == {"notes": "***", "code": "***"}
        with pytest.raises(InvalidData) as caught:
            engine.reveal(case.id, "code", actor=chief, reason="x")
        assert caught.value.mentions("hash")
        assert engine.verify().ok


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (("    sensitive: true\n    readers", "    readers"),
         "data.notes.readers", "only a sensitive field has readers"),
        (("readers: [chief]", "readers: [chef]"), "data.notes.readers[0]",
         "unknown role 'chef' (did you mean 'chief'?)"),
        (("    type: string\n    label: {th: รหัส", "    type: integer\n    label: {th: รหัส"),
         "data.code.hashed", "a hashed field is a string or text field"),
        (("trigger: finish", "trigger: reveal"), "transitions[1].trigger",
         "'reveal' is reserved"),
    ],
)  # fmt: skip
def test_protection_keys_are_checked_at_load(
    change: tuple[str, str], path: str, words: str
) -> None:
    """readers, hashed and the reserved trigger are checked when the flow is loaded."""
    text = PROTECTED_FLOW.replace(*change)
    assert text != PROTECTED_FLOW
    with pytest.raises(DefinitionError) as caught:
        read_text(text, "protected.yaml", registry=default_registry())
    found = [p for p in caught.value.problems if p.path == path]
    assert found, caught.value.problems
    assert words in found[0].message_en
    assert found[0].message_th


def test_protected_fields_cannot_time_or_stamp() -> None:
    """A sensitive date cannot be a deadline's field, nor a stamp."""
    text = PROTECTED_FLOW.replace(
        "  code:\n",
        "  seen_on:\n    type: date\n    label: {th: วันที่, en: seen on}\n    sensitive: true\n"
        "  code:\n",
    )
    text = text.replace(
        "  open: {label: {th: เปิด, en: open}, initial: true}",
        "  open:\n    label: {th: เปิด, en: open}\n    initial: true\n"
        "    deadlines: [{trigger: finish, field: seen_on}]",
    )
    finish = '    roles: [officer]\n    cites: "33/5.4"\n'
    stamped = '    roles: [officer, system]\n    stamp: seen_on\n    cites: "33/5.4"\n'
    text = text.replace(finish, stamped, 1)
    with pytest.raises(DefinitionError) as caught:
        read_text(text, "protected.yaml", registry=default_registry())
    paths = {p.path for p in caught.value.problems}
    assert {"transitions[1].stamp", "states.open.deadlines[0].field"} <= paths


# --- the command line -------------------------------------------------------------


def test_key_new_writes_a_private_file_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`key new -o FILE` writes a key only its owner may read and never overwrites one."""
    path = tmp_path / "cases.key"
    assert main(["key", "new", "--output", str(path)]) == 0
    key = FieldKey.from_text(path.read_text(encoding="utf-8"))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert key.text not in capsys.readouterr().out
    assert main(["key", "new", "--output", str(path)]) == 2
    assert "never overwritten" in capsys.readouterr().err
    assert FieldKey.from_text(path.read_text(encoding="utf-8")) == key
    assert main(["key", "new"]) == 0
    assert FieldKey.from_text(capsys.readouterr().out)
    assert main(["--key-file", str(path), "key", "fingerprint"]) == 0
    assert capsys.readouterr().out.strip() == key.fingerprint


def test_the_cli_reads_the_key_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """INTEGRITY_FLOWS_KEY holds the key text, INTEGRITY_FLOWS_KEY_FILE names a file."""
    monkeypatch.delenv("INTEGRITY_FLOWS_KEY", raising=False)
    monkeypatch.delenv("INTEGRITY_FLOWS_KEY_FILE", raising=False)
    assert main(["key", "fingerprint"]) == 1
    assert "no key given" in capsys.readouterr().err
    key = FieldKey.generate()
    monkeypatch.setenv("INTEGRITY_FLOWS_KEY", key.text)
    assert main(["key", "fingerprint"]) == 0
    assert capsys.readouterr().out.strip() == key.fingerprint
    monkeypatch.setenv("INTEGRITY_FLOWS_KEY", "ifkey1:broken")
    assert main(["key", "fingerprint"]) == 1
    err = capsys.readouterr().err
    assert "broken" not in err
    assert "ผิดพลาด" in err
    monkeypatch.setenv("INTEGRITY_FLOWS_KEY_FILE", str(tmp_path / "missing.key"))
    assert main(["key", "fingerprint"]) == 1
    assert "cannot read the key file" in capsys.readouterr().err
