"""Who may act: ids in one canonical form, a directory of people and posts, the command
line naming people it cannot make up, and readers who are not the accused (issue 16)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _complaints import KANDA, T0, accepted, file, named
from _lending import announce_rules
from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.authority import resolve
from integrity_flows.cli import main
from integrity_flows.directory import directory_of, load_directory, read_directory
from integrity_flows.errors import BadActorId, DirectoryError, NotAuthorized
from integrity_flows.identity import RESERVED_IDS, normalize_id, printable, same_person

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "directory" / "directory.yaml"
EXAMPLE_CSV = ROOT / "examples" / "directory" / "people.csv"
AT = "2023-10-02T09:00:00+07:00"
DAY = date(2023, 10, 2)

# --- ids ---------------------------------------------------------------------------

_ID_CHARS = st.characters(categories=("L", "M", "N"), exclude_characters="\u0345")
_IDS = st.text(_ID_CHARS, min_size=1, max_size=30)


@given(_IDS)
def test_normalizing_an_id_is_idempotent(text: str) -> None:
    """The canonical form of a canonical id is itself."""
    try:
        once = normalize_id(text)
    except BadActorId:
        return
    assert normalize_id(once) == once


_LATIN_THAI = st.text(
    st.sampled_from(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-"
        "กขคงจฉชซญดตถทนบปผพฟมยรลวศษสหอฮะาำิีึืุูเแโใไ่้๊๋็์๐๑๒"
    ),
    min_size=1,
    max_size=30,
)


@given(_LATIN_THAI)
def test_ids_compare_without_case_or_width(text: str) -> None:
    """An id in upper case, lower case or full width names the same person."""
    full_width = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    for variant in (text.upper(), text.lower(), full_width):
        assert normalize_id(variant) == normalize_id(text)
        assert same_person(variant, text)
    assert Actor(text.upper()).id == Actor(text).id


@given(_IDS, _IDS)
def test_different_canonical_ids_are_different_people(first: str, second: str) -> None:
    """same_person is exactly equality of canonical forms."""
    try:
        a, b = normalize_id(first), normalize_id(second)
    except BadActorId:
        return
    assert same_person(first, second) == (a == b)


@given(_IDS, st.sampled_from(["\n", "\r", "\x1b", "\u202e", "\u200b", "\x00", "\u2028"]), _IDS)
def test_control_and_direction_characters_are_refused(head: str, bad: str, tail: str) -> None:
    """No control, format or line-separating character survives into an id."""
    with pytest.raises(BadActorId) as refused:
        normalize_id(f"{head}{bad}{tail}")
    assert "U+" in refused.value.message_en
    assert "U+" in refused.value.message_th


@pytest.mark.parametrize("text", ["", "   ", "a" * 121, "somchai;rm", "<b>", "ส ม/ชาย"])
def test_malformed_ids_are_refused_in_both_languages(text: str) -> None:
    with pytest.raises(BadActorId) as refused:
        Actor(text)
    assert refused.value.message_th
    assert refused.value.message_en


def test_actor_ids_are_kept_canonical() -> None:
    assert Actor("Somchai").id == "somchai"
    assert Actor("ＳＯＭＣＨＡＩ").id == "somchai"  # full width
    assert Actor(" สมชาย  ใจดี ").id == "สมชาย ใจดี"
    assert Actor("web-form").id == "web-form"


def test_printable_escapes_what_could_forge_a_line() -> None:
    assert printable("a\nb\x1b[31m\u202e") == "a\\u000ab\\u001b[31m\\u202e"
    assert printable("สมชาย ใจดี") == "สมชาย ใจดี"


# --- separation of duties on canonical ids, without a directory ----------------------


def _loan(engine: Engine) -> str:
    # The year's rules first (asset_rules), by people the directory need not know.
    directory, engine.directory = engine.directory, None
    announce_rules(engine)
    engine.directory = directory
    case = engine.start(
        "asset_lending",
        actor=Actor("somchai", roles={"staff"}, unit="กองคลัง"),
        data={"item": "รถยนต์ส่วนกลาง กข-1234", "purpose": "ประชุม", "return_date": "๕ ต.ค. ๒๕๖๖"},
    )
    engine.fire(case.id, "check", actor=Actor("kanda", roles={"custodian"}))
    return case.id


def test_a_requester_in_capitals_cannot_approve_his_own_loan() -> None:
    """`--actor Somchai --role approver` approved somchai's own loan; no longer."""
    engine = Engine.open("memory://", clock=FixedClock(T0))
    case_id = _loan(engine)
    with pytest.raises(NotAuthorized) as refused:
        engine.fire(case_id, "approve", actor=Actor("Somchai", roles={"approver"}))
    assert "requester" in refused.value.message_en
    assert engine.history(case_id)[-1].outcome == "refused"
    assert engine.get(case_id).state == "checked"


# --- the directory ---------------------------------------------------------------------


def test_the_example_directory_reads_from_yaml_and_from_csv() -> None:
    for path in (EXAMPLE, EXAMPLE_CSV):
        directory = load_directory(path)
        pranee = directory.actor_on("Pranee", date(2023, 11, 5))
        assert pranee is not None
        assert pranee.roles == {"executive", "approver"}  # acting Chief Executive
        assert pranee.posts == {"deputy_chief_executive", "chief_executive"}
        assert pranee.unit == "สำนักปลัด"
        later = directory.actor_on("pranee", date(2023, 11, 11))
        assert later is not None
        assert later.roles == {"executive"}
        assert directory.actor_on("nobody", DAY) is None
        assert directory.holds_post("somying", "chief_executive", DAY)
        assert not directory.holds_post("pranee", "chief_executive", DAY)
    assert load_directory(EXAMPLE).holds_post("somying", "นายกองค์การบริหารส่วนจังหวัด", DAY)


def test_a_bad_directory_is_refused_with_every_problem_at_once(tmp_path: Path) -> None:
    bad = tmp_path / "people.yaml"
    bad.write_text(
        "units:\n  - {id: a, th: หน่วย ก}\n"
        "posts:\n"
        "  - {id: boss, th: หัวหน้า, unit: a, holders: one}\n"
        "  - {id: clerk, th: เสมียน, unit: nowhere}\n"
        "people:\n"
        "  - {id: x, th: เอ็กซ์, posts: [{post: boss, from: 2023-01-01}]}\n"
        "  - {id: X, th: เอ็กซ์ซ้ำ}\n"
        "  - id: y\n    th: วาย\n"
        "    posts: [{post: boss, from: 2023-06-01, to: 2023-05-01},\n"
        "            {post: boss, from: 2023-06-01}]\n"
        '  - {id: "bad\\nid", th: แซด}\n'
        "  - {id: system, th: ระบบ}\n",
        encoding="utf-8",
    )
    with pytest.raises(DirectoryError) as refused:
        load_directory(bad)
    found = {(p.path, p.message_en.split(" ")[0]) for p in refused.value.problems}
    assert ("posts[1].unit", "post") in found  # a post in an unknown unit
    assert ("people[1].id", "duplicate") in found  # X is x
    assert ("people[2].posts[0].to", "ends") in found  # ends before it begins
    assert ("people[3].id", "cannot") in found  # a newline in an id
    assert ("people[4].id", "'system'") in found  # reserved
    overlap = [p for p in refused.value.problems if "acting order" in p.message_en]
    assert overlap
    assert overlap[0].path == "people[2].posts[1]"
    assert all(p.source == str(bad) for p in refused.value.problems)
    assert "ทะเบียนบุคลากรไม่ถูกต้อง" in refused.value.message_th


def test_a_csv_directory_takes_thai_columns_and_names_row_and_column() -> None:
    text = (
        "รหัส,ชื่อ,ตำแหน่ง,สังกัด,ตั้งแต่,ถึง,บทบาท\n"
        "a,เอ,clerk,กองคลัง,๑ ต.ค. ๒๕๖๖,2022-01-01,staff\n"
        "A,บี,clerk,กองคลัง,2023-01-01,,staff\n"
        "b,บี,clerk,กองช่าง,xx,,\n"
    )
    with pytest.raises(DirectoryError) as refused:
        read_directory(text, "hr.csv", kind="csv")
    paths = [p.path for p in refused.value.problems]
    assert "row 2, column 'ถึง'" in paths
    assert "row 3, column 'รหัส'" in paths  # the same id under another name
    assert "row 4, column 'สังกัด'" in paths  # the post sits in another unit
    assert "row 4, column 'ตั้งแต่'" in paths
    good = read_directory(
        "รหัส,ชื่อ,ตำแหน่ง,สังกัด,ตั้งแต่,บทบาท\na,เอ,clerk,กองคลัง,๑ พ.ย. ๒๕๖๖,staff\n",
        "hr.csv",
        kind="csv",
    )
    before = good.actor_on("A", DAY)  # known, not yet holding the post
    assert before is not None
    assert before.roles == frozenset()
    assert good.actor_on("a", date(2023, 11, 1)).roles == {"staff"}  # type: ignore[union-attr]


def test_an_acting_order_lets_two_hold_a_one_holder_post() -> None:
    boss = ("boss1", "หนึ่ง", "boss", "office", "2023-01-01", "", "executive", "", "one")
    acting = ("boss2", "สอง", "boss", "office", "2023-06-01", "2023-06-30", "", "คำสั่ง 1/2566")
    directory = directory_of([boss, acting])
    assert directory.actor_on("boss2", date(2023, 6, 2)).roles == {"executive"}  # type: ignore[union-attr]
    with pytest.raises(DirectoryError, match="acting order") as refused:
        directory_of([boss, (*acting[:7], "")])
    assert refused.value.problems[0].path == "row 3"


# --- roles from the directory --------------------------------------------------------


def _engine_with_directory() -> Engine:
    return Engine.open("memory://", clock=FixedClock(T0), directory=load_directory(EXAMPLE))


def test_with_a_directory_roles_and_unit_come_from_it() -> None:
    engine = _engine_with_directory()
    case = engine.start(
        "asset_lending",
        actor=Actor("Somchai"),
        data={"item": "รถ", "purpose": "ประชุม", "return_date": "๕ ต.ค. ๒๕๖๖"},
    )
    start = engine.history(case.id)[0]
    assert (start.actor, start.actor_roles, start.actor_unit) == ("somchai", ("staff",), "กองคลัง")


def test_a_role_the_directory_does_not_give_is_refused_and_audited() -> None:
    engine = _engine_with_directory()
    case_id = _loan(engine)
    before = engine.get(case_id)
    with pytest.raises(NotAuthorized) as refused:
        engine.fire(case_id, "approve", actor=Actor("kanda", roles={"approver"}))
    assert "directory" in refused.value.message_en
    assert "ทะเบียนบุคลากร" in refused.value.message_th
    after = engine.get(case_id)
    assert (after.state, after.version, after.data) == (before.state, before.version, before.data)
    last = engine.history(case_id)[-1]
    assert (last.outcome, last.refusal, last.actor) == ("refused", "not_authorized", "kanda")
    assert engine.verify().ok


def test_someone_not_in_the_directory_cannot_start_a_case() -> None:
    engine = _engine_with_directory()
    with pytest.raises(NotAuthorized, match="not in the directory"):
        engine.start("asset_lending", actor=Actor("mallory", roles={"staff"}), data={})
    (case,) = {event.case_id for event in engine.events()}
    assert engine.history(case)[0].outcome == "refused"
    assert engine.cases() == []


def test_a_claimed_unit_the_directory_does_not_give_is_refused() -> None:
    engine = _engine_with_directory()
    with pytest.raises(NotAuthorized, match="unit"):
        engine.start("asset_lending", actor=Actor("somchai", unit="กองพัสดุและทรัพย์สิน"), data={})


def test_roles_are_those_of_the_day() -> None:
    """Pranee approves as acting Chief Executive only while her acting order runs."""
    clock = FixedClock(datetime(2023, 11, 2, 2, 0, tzinfo=UTC))
    engine = Engine.open("memory://", clock=clock, directory=load_directory(EXAMPLE))
    case_id = _loan(engine)
    engine.fire(case_id, "approve", actor=Actor("pranee", roles={"approver"}))
    clock.set(datetime(2023, 11, 20, 2, 0, tzinfo=UTC))
    assert engine.vouch(Actor("pranee")).roles == {"executive"}
    with pytest.raises(NotAuthorized):
        engine.vouch(Actor("pranee", roles={"approver"}))


# --- readers bound by the case ---------------------------------------------------------


def test_the_accused_cannot_read_who_complained_about_him() -> None:
    engine = Engine.open("memory://", clock=FixedClock(T0))
    filed = file(engine, actor=KANDA, **named())
    accepted(engine, filed.case.id, unit="กองคลัง")  # about somchai of กองคลัง
    events = len(engine.history(filed.case.id))
    accused = Actor("Somchai", roles={"complaint_officer"}, unit="สำนักปลัด")
    with pytest.raises(NotAuthorized) as refused:
        engine.reveal(filed.case.id, "complainant_name", actor=accused, reason="ดู")
    assert "accused" in refused.value.message_en
    # An officer of the accused's unit: refused too, and both refusals are recorded.
    colleague = Actor("nok", roles={"complaint_officer"}, unit="กองคลัง")
    with pytest.raises(NotAuthorized, match="unit"):
        engine.reveal(filed.case.id, "complainant_name", actor=colleague, reason="ดู")
    history = engine.history(filed.case.id)
    assert [e.outcome for e in history[events:]] == ["refused", "refused"]
    other = KANDA
    assert engine.reveal(filed.case.id, "complainant_name", actor=other, reason="ติดต่อกลับ")


def test_a_declared_conflict_bars_reading_the_complainant() -> None:
    engine = Engine.open("memory://", clock=FixedClock(T0))
    filed = file(engine, actor=KANDA, **named())
    accepted(engine, filed.case.id)
    engine.fire(
        filed.case.id, "record_conflict", actor=KANDA, data={"declared_conflicts": ["malee"]}
    )
    with pytest.raises(NotAuthorized, match="conflict"):
        engine.reveal(
            filed.case.id,
            "complainant_phone",
            actor=Actor("MALEE", roles={"complaint_officer"}, unit="กองคลัง"),
            reason="โทรกลับ",
        )


# --- the command line ------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


def _start(db: Path, *extra: str) -> list[str]:
    return [
        "case", "start", "asset_lending", "--db", str(db), "--at", AT,
        "--data", "item=รถยนต์ส่วนกลาง", "--data", "purpose=ประชุม",
        "--data", "return_date=๕ ต.ค. ๒๕๖๖", *extra,
    ]  # fmt: skip


def test_without_a_directory_the_command_line_wants_trust(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTEGRITY_FLOWS_TRUST_ACTORS")
    db = tmp_path / "cases.db"
    status, _, err = _run(capsys, *_start(db, "--actor", "somchai", "--role", "staff"))
    assert status == 2
    assert "--trust-actors" in err
    assert "ทะเบียนบุคลากร" in err
    status, _out, err = _run(
        capsys, *_start(db, "--actor", "somchai", "--role", "staff", "--trust-actors")
    )
    assert status == 0, err
    assert err.count("recorded as told") == 1


@pytest.mark.parametrize("who", ["system", "SYSTEM", "ระบบ", "ｓｙｓｔｅｍ"])
def test_system_cannot_be_given_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, who: str
) -> None:
    db = tmp_path / "cases.db"
    status, _, err = _run(capsys, *_start(db, "--actor", who, "--role", "system"))
    assert status == 2
    assert "reserved" in err
    assert "สงวนไว้" in err
    assert not db.exists() or "system" not in db.read_bytes().decode("utf-8", "replace")


@pytest.mark.parametrize("who", ["", "evil\n#2   forged", "a\x1b[2Jb", "\u202eevil"])
def test_malformed_actor_ids_are_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, who: str
) -> None:
    status, _, err = _run(capsys, *_start(tmp_path / "c.db", "--actor", who))
    assert status == 2
    assert "person id" in err
    assert "\x1b" not in err
    assert "\u202e" not in err


def _cli_loan(capsys: pytest.CaptureFixture[str], db: Path, *extra: str) -> str:
    status, out, err = _run(capsys, *_start(db, "--actor", "somchai", "--role", "staff", *extra))
    assert status == 0, err
    match = re.search(r"case: (asset_lending-[0-9a-f]+)", out)
    assert match, out
    case_id = match.group(1)
    with Engine.open(f"sqlite:///{db}", clock=FixedClock(T0)) as engine:
        announce_rules(engine)  # the year's rules, without which no loan is approved
    status, _, err = _run(
        capsys, "case", "fire", case_id, "check", "--db", str(db), "--actor", "kanda",
        "--role", "custodian", "--at", AT, *extra,
    )  # fmt: skip
    assert status == 0, err
    return case_id


def test_with_a_directory_the_command_line_names_people_it_cannot_make_up(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "cases.db"
    directory = ("--directory", str(EXAMPLE))
    case_id = _cli_loan(capsys, db, *directory)
    fire = ["case", "fire", case_id, "approve", "--db", str(db), "--at", AT, *directory]
    # somchai claims approver: the directory does not give it; refused and recorded.
    status, _, err = _run(capsys, *fire, "--actor", "Somchai", "--role", "approver")
    assert status == 1
    assert "directory" in err
    assert "ทะเบียนบุคลากร" in err
    # someone not in it
    status, _, err = _run(capsys, *fire, "--actor", "mallory", "--role", "approver")
    assert status == 1
    assert "not in the directory" in err
    status, out, _ = _run(capsys, "case", "history", case_id, "--db", str(db))
    lines = out.splitlines()
    assert len(lines) == 4
    assert "somchai" in lines[2]
    assert "mallory" in lines[3]
    # somying holds approver through her post
    status, out, err = _run(capsys, *fire, "--actor", "somying", "--role", "approver")
    assert status == 0, err
    assert "recorded as told" not in err


def test_any_name_with_a_role_cannot_read_a_complainant(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "cases.db"
    monkeypatch.setenv("INTEGRITY_FLOWS_DIRECTORY", str(EXAMPLE))
    monkeypatch.setenv("INTEGRITY_FLOWS_KEY", _key())
    status, out, err = _run(
        capsys, "complaint", "file", "--db", str(db), "--actor", "malee", "--at", AT,
        "--data", "channel=letter", "--data", "complainant_name=นายสมปอง",
        "--data", "details=เรียกรับเงิน",
    )  # fmt: skip
    assert status == 0, err
    case_id = re.search(r"case: (\S+)", out).group(1)  # type: ignore[union-attr]
    reveal = ["case", "reveal", case_id, "complainant_name", "--db", str(db), "--reason", "ดู"]
    status, _, err = _run(capsys, *reveal, "--actor", "kanda", "--role", "complaint_officer")
    assert status == 1
    assert "directory" in err
    status, out, err = _run(capsys, *reveal, "--actor", "malee")
    assert status == 0, err
    assert out.strip() == "นายสมปอง"


def test_history_escapes_stored_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A reason holding a newline and an escape sequence stays on its own line."""
    db = tmp_path / "cases.db"
    case_id = _cli_loan(capsys, db)
    status, _, _ = _run(
        capsys, "case", "fire", case_id, "approve", "--db", str(db), "--actor", "somying",
        "--role", "approver", "--at", AT, "--reason", "ok\n#9   forged\x1b[2J",
    )  # fmt: skip
    assert status == 0
    status, out, _ = _run(capsys, "case", "history", case_id, "--db", str(db))
    assert len(out.splitlines()) == 3
    assert "\x1b" not in out


def _key() -> str:
    from integrity_flows.protection.keys import FieldKey

    return FieldKey.generate().text


def test_reserved_ids_are_canonical() -> None:
    assert all(normalize_id(i) == i for i in RESERVED_IDS)


def test_the_directory_page_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Python example of docs/directory.md runs, from the repository's root."""
    monkeypatch.chdir(ROOT)
    page = (ROOT / "docs" / "directory.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, re.S)
    assert blocks
    for index, block in enumerate(blocks):
        exec(compile(block, f"directory.md[{index}]", "exec"), {})  # our own docs


# --- posts verified for delegation and acting orders ------------------------------------

_OFFICE = "สำนักปลัด"
_DEPUTY = "deputy_chief_executive"
_PERSONNEL = "personnel_officer"
_POSTS = [
    ("nayok", "นายก", "chief_executive", _OFFICE, "2023-05-01", "", "chief_executive", "", "one"),
    ("rong", "รองนายก", _DEPUTY, _OFFICE, "2023-05-01", "", _DEPUTY),
    ("head", "หัวหน้า", "head_of_unit", "กองคลัง", "2020-01-01", "", "head_of_unit"),
    ("personnel", "บุคลากร", _PERSONNEL, "กองการเจ้าหน้าที่", "2020-01-01", "", _PERSONNEL),
    ("legal", "นิติกร", "legal_officer", _OFFICE, "2020-01-01", "", "legal_officer"),
    ("somchai", "สมชาย", "finance_officer", "กองคลัง", "2019-06-01", "", "staff"),
    ("kanya", "กัญญา", "asset_officer", "กองพัสดุและทรัพย์สิน", "2020-01-15", "", "custodian"),
]  # fmt: skip


def _who(person: str) -> Actor:
    """``person`` with the role their post confers (what a host vouching for them gives)."""
    (row,) = [row for row in _POSTS if row[0] == person]
    return Actor(person, roles={row[6]})


def _order(
    engine: Engine, delegator: str, position: str, delegate: str, number: str, **extra: str
) -> str:
    data = {
        "kind": "delegation",
        "power": "approve_property_loan",
        "delegator": delegator,
        "delegator_position": position,
        "delegate": delegate,
        "valid_from": "2023-10-02",
        **extra,
    }
    if extra.get("kind") == "acting":
        data.pop("power")
        data["absence_reason"] = "official travel"
        # Acting follows the order of precedence the holder set beforehand.
        order = engine.start(
            "acting_precedence",
            actor=_who("personnel"),
            data={"holder": delegator, "post": position, "precedence": [delegate]},
        )
        engine.fire(order.id, "sign", actor=_who(delegator), data={"order_no": "90/2566"})
        engine.fire(
            order.id, "announce", actor=_who("personnel"), data={"announcement_no": "90/2566"}
        )
    case = engine.start("delegation_order", actor=_who("personnel"), data=data)
    engine.fire(case.id, "review", actor=_who("legal"), data={"delegable": True})
    return case.id


def _in_force(engine: Engine, case_id: str, delegator: str, delegate: str, number: str) -> None:
    engine.fire(case_id, "sign", actor=_who(delegator), data={"order_no": number})
    person = _who("personnel")
    engine.fire(
        case_id, "circulate", actor=person, data={"circular_no": "C", "circulated_to": ["กองคลัง"]}
    )
    engine.fire(case_id, "acknowledge", actor=_who(delegate), data={"acknowledged_by": delegate})
    engine.fire(case_id, "announce", actor=person, data={"announcement_no": "1/2566"})
    engine.sweep()


def test_an_order_naming_a_post_its_signer_does_not_hold_is_refused_at_signing() -> None:
    """The deputy cannot sign an order as "Chief Executive": the directory says otherwise."""
    engine = Engine.open("memory://", clock=FixedClock(T0), directory=directory_of(_POSTS))
    order = _order(engine, "rong", "chief_executive", "head", "9/2566")
    before = engine.get(order)
    with pytest.raises(NotAuthorized) as refused:
        engine.fire(order, "sign", actor=_who("rong"), data={"order_no": "9/2566"})
    assert "post" in refused.value.message_en
    assert "ตำแหน่ง" in refused.value.message_th
    assert engine.get(order).state == before.state
    assert engine.history(order)[-1].outcome == "refused"


def test_revoking_an_acting_order_breaks_the_chain_below_it() -> None:
    """The deputy's order rests on her post as the directory has it, not on the order's
    word: when the Chief Executive revokes her acting order, her delegate holds nothing."""
    clock = FixedClock(T0)
    engine = Engine.open("memory://", clock=clock)  # no directory yet: the host vouches
    acting = _order(engine, "nayok", "chief_executive", "rong", "1/2566", kind="acting")
    _in_force(engine, acting, "nayok", "rong", "1/2566")
    # Signed while nobody checked posts: the deputy names herself Chief Executive.
    forged = _order(engine, "rong", "chief_executive", "head", "2/2566")
    _in_force(engine, forged, "rong", "head", "2/2566")
    engine.directory = directory_of(_POSTS)
    on = date(2023, 10, 3)
    grant = engine.vouch(Actor("head"))
    assert grant.posts == {"head_of_unit"}
    found = resolve(
        engine.store, "approve_property_loan", "head", on, directory=directory_of(_POSTS)
    )
    assert found is not None
    assert found.orders == (forged, acting)  # through her acting order, not her word
    clock.set(datetime(2023, 10, 5, 2, 0, tzinfo=UTC))
    engine.fire(acting, "revoke", actor=_who("nayok"), data={"end_note": "กลับมาปฏิบัติราชการ"})
    later = date(2023, 10, 5)
    assert (
        resolve(
            engine.store, "approve_property_loan", "head", later, directory=directory_of(_POSTS)
        )
        is None
    )
    # Without the directory the forged position would still carry the chain.
    assert resolve(engine.store, "approve_property_loan", "head", later) is not None
    loan = engine.start(
        "asset_lending",
        actor=_who("somchai"),
        data={"item": "รถ", "purpose": "ประชุม", "return_date": "2023-10-20"},
    )
    engine.fire(loan.id, "check", actor=_who("kanya"))
    with pytest.raises(NotAuthorized):
        engine.fire(loan.id, "approve", actor=_who("head"))


def test_a_complainant_follows_without_forged_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An officer's message holding a newline prints on one line; one holding an escape
    sequence is refused when it is given."""
    db = tmp_path / "cases.db"
    monkeypatch.setenv("INTEGRITY_FLOWS_KEY", _key())
    status, out, err = _run(
        capsys, "complaint", "file", "--db", str(db), "--actor", "web-form", "--role",
        "online_channel", "--at", AT, "--data", "channel=online", "--data", "anonymous=yes",
        "--data", "details=เรียกรับเงิน",
    )  # fmt: skip
    assert status == 0, err
    case_id = re.search(r"case: (\S+)", out).group(1)  # type: ignore[union-attr]
    code = re.search(r"tracking code: (\S+)", out).group(1)  # type: ignore[union-attr]
    fire = (
        "case", "fire", case_id, "acknowledge", "--db", str(db), "--actor", "kanda",
        "--role", "complaint_officer", "--at", AT, "--data",
    )  # fmt: skip
    status, _, err = _run(capsys, *fire, "complainant_messages=ได้รับแล้ว\x1b[2J")
    assert status == 1
    assert "control character U+001B" in err
    status, _, err = _run(capsys, *fire, "complainant_messages=ได้รับแล้ว\nสถานะ: ยุติเรื่องแล้ว")
    assert status == 0, err
    status, out, err = _run(capsys, "complaint", "follow", code, "--db", str(db))
    assert status == 0, err
    assert "\x1b" not in out
    assert "ได้รับแล้ว\\u000aสถานะ: ยุติเรื่องแล้ว" in out
    assert not any(line.startswith("สถานะ: ยุติเรื่องแล้ว") for line in out.splitlines())


def test_somchai_in_capitals_cannot_approve_his_own_loan_from_the_shell(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Without a directory (the shell vouches), separation of duties still holds."""
    db = tmp_path / "cases.db"
    case_id = _cli_loan(capsys, db)
    status, _, err = _run(
        capsys, "case", "fire", case_id, "approve", "--db", str(db), "--actor", "Somchai",
        "--role", "approver", "--at", AT,
    )  # fmt: skip
    assert status == 1
    assert "requester" in err
    assert "ผู้ขอ" in err
    status, out, _ = _run(capsys, "case", "history", case_id, "--db", str(db))
    last = out.splitlines()[-1]
    assert "somchai" in last
    assert "ปฏิเสธ / refused" in last


def test_a_directory_file_that_cannot_be_read_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A directory that is not UTF-8, not YAML, or an alias bomb is refused naming the file
    (and the line), in both languages, without a traceback; its problems are listed once."""
    (tmp_path / "latin1.csv").write_bytes(b"\xff\xfe id,name\n")
    (tmp_path / "broken.yaml").write_text("people: [oops\n", encoding="utf-8")
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    (tmp_path / "bomb.yaml").write_text(
        "units: []\npeople_csv: x.csv\n" + "\n".join(levels) + "\n", encoding="utf-8"
    )
    db = tmp_path / "cases.db"
    expected = {
        "latin1.csv": "cannot read as UTF-8 text",
        "broken.yaml": "broken.yaml: line 2: not valid YAML",
        "bomb.yaml": "alias",
    }
    for name, message in expected.items():
        path = tmp_path / name
        status, _, err = _run(capsys, *_start(db, "--actor", "somchai", "--directory", str(path)))
        assert status == 1, (name, err)
        assert message in err, (name, err)
        assert "ทะเบียนบุคลากรไม่ถูกต้อง" in err
        assert "invalid directory" in err
        assert err.count(str(path)) == 1, err  # listed once, not once per language
        assert "Traceback" not in err
        with pytest.raises(DirectoryError):
            load_directory(path)
