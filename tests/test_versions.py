"""Definition versions: every case keeps the rules it started under, the store keeps every
version it ran, and moving cases to a new version is explicit, audited and verified
(docs/versions.md)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import nullcontext
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from _postgres import fresh_schema
from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.cli import main
from integrity_flows.definition.diff import diff
from integrity_flows.errors import (
    BadMigration,
    DefinitionError,
    MigrationRefused,
    TriggerNotAllowed,
)
from integrity_flows.loading import default_registry, read_file
from integrity_flows.loading.discovery import bundled_flows, load_folder
from integrity_flows.loading.lock import LOCK_FILE, lock_problems, update_lock
from integrity_flows.reports.catalogue import run_report

HERE = Path(__file__).resolve().parent / "version_flows"
V1, V2, REPORTS = (
    HERE / "permit_v1.yaml",
    HERE / "permit_v2.yaml",
    HERE / "reports" / "permits.yaml",
)
FLOW = "permit_request"
# Monday 2 October 2566 (FY 2567), 10:00 Thai time.
T0 = datetime(2023, 10, 2, 3, 0, tzinfo=UTC)

SOMCHAI = Actor("somchai", roles={"staff"})
DIRECTOR = Actor("somying", roles={"director"})
ADMIN = Actor("kanda", roles={"staff"})
WHY = "ประกาศฉบับใหม่ ปีงบประมาณ ๒๕๖๗ / the new announcement for FY 2567"


def folder(tmp_path: Path, name: str, text: Path) -> Path:
    """A flows folder holding one version of the permit flow and its register."""
    found = tmp_path / name
    (found / "reports").mkdir(parents=True)
    shutil.copy(text, found / f"{FLOW}.yaml")
    shutil.copy(REPORTS, found / "reports" / "permits.yaml")
    return found


def open_on(db: Path | str, flows: Path, clock: FixedClock) -> Engine:
    """The engine on ``db`` (a SQLite file or a store URL) with only ``flows`` loaded (no
    bundled flows, no plug-ins)."""
    url = db if isinstance(db, str) else f"sqlite:///{db}"
    return Engine.open(url, flows=[flows], bundled=False, entry_points=False, clock=clock)


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store URL: a SQLite file, or a fresh PostgreSQL schema."""
    sqlite = nullcontext(f"sqlite:///{tmp_path}/cases.db")
    with sqlite if request.param == "sqlite" else fresh_schema() as found:
        yield found


@pytest.fixture
def clock() -> FixedClock:
    """Time, fixed at Monday 2 October 2566 and moved by the tests."""
    return FixedClock(T0)


def start_three(db: Path | str, v1: Path, clock: FixedClock) -> list[str]:
    """Three cases on version 1: two requested, one reminded after ten days."""
    with open_on(db, v1, clock) as engine:
        ids = [
            engine.start(FLOW, actor=SOMCHAI, data={"venue": venue, "fee": fee}).id
            for venue, fee in (("ห้องประชุมใหญ่", "1,500"), ("ลานกีฬา", 300), ("หอประชุม", 900))
        ]
        assert [d.version for d in engine.store.definitions(FLOW)] == [1]
    return ids


def test_done_means(tmp_path: Path, clock: FixedClock, store_url: str) -> None:
    """Cases start on version 1; the flow changes to version 2 (a new state, a renamed field,
    a changed deadline); some cases move and others stay; both kinds run, verify and report
    under their own version, though version 1 is gone from every flows folder."""
    db = store_url
    v1, v2 = folder(tmp_path, "v1", V1), folder(tmp_path, "v2", V2)
    moved, mapped, stays = start_three(db, v1, clock)
    with open_on(db, v2, clock) as engine:
        # Version 1 is not loaded: its cases run under the text the store keeps.
        assert engine.definition_of(engine.get(stays)).source == f"<store: {FLOW} v1>"
        result = engine.migrate(
            FLOW,
            from_version=1,
            to_version=2,
            actor=ADMIN,
            reason=WHY,
            states={"requested": "checked"},
            rename={"fee": "fee_baht"},
            case_ids=[mapped],
        )
        assert [(m.case_id, m.to_state) for m in result.moved] == [(mapped, "checked")]
        told: list[None] = []  # on_each: once per case written (the command's bar)
        engine.migrate(
            FLOW, from_version=1, to_version=2, actor=ADMIN, reason=WHY,
            rename={"fee": "fee_baht"}, case_ids=[moved], on_each=lambda: told.append(None),
        )  # fmt: skip
        assert len(told) == 1
        # The migrated cases hold the new field name and the new deadline (5 days, counted
        # from when the case entered its state); the one left keeps 10 days.
        case = engine.get(moved)
        assert (case.flow_version, case.state, dict(case.data)) == (
            2, "requested", {"venue": "ห้องประชุมใหญ่", "fee_baht": "1500"},
        )  # fmt: skip
        assert [d.due for d in case.deadlines] == [T0 + timedelta(days=5)]
        assert engine.get(mapped).deadlines == ()
        assert [d.due for d in engine.get(stays).deadlines] == [T0 + timedelta(days=10)]
        # Each move is an event in the case's own chain: who, why, from and to.
        last = engine.history(moved)[-1]
        assert (last.trigger, last.outcome, last.actor, last.reason) == (
            "migrate", "migrated", "kanda", WHY,
        )  # fmt: skip
        assert last.authority["migration"]["from_version"] == 1
        assert (last.flow_version, last.from_state, last.to_state) == (2, "requested", "requested")
        # Both run: version 2 needs the check before approval, version 1 does not.
        with pytest.raises(TriggerNotAllowed):
            engine.fire(moved, "approve", actor=DIRECTOR)
        engine.fire(moved, "check", actor=SOMCHAI)
        engine.fire(moved, "approve", actor=DIRECTOR)
        engine.fire(mapped, "approve", actor=DIRECTOR)
        clock.advance(days=10)
        swept = engine.sweep()
        assert [(s.case_id, s.state) for s in swept] == [(stays, "reminded")]
        engine.fire(stays, "approve", actor=DIRECTOR)
        # Both verify, each event against the version it ran under.
        report = engine.verify()
        assert report.ok, report.problems
        assert [(d.version) for d in engine.store.definitions(FLOW)] == [1, 2]
        # The register says which version each case ran under.
        (register,) = run_report(engine, "permit_register", fiscal_year=2567)
        rows = {row["case_id"]: row["flow_version"] for row in register.value.as_dicts()}
        assert rows == {moved: 2, mapped: 2, stays: 1}


def test_a_store_refuses_a_changed_text_under_a_kept_version(
    tmp_path: Path, clock: FixedClock
) -> None:
    """A flow changed without a new version cannot start cases in a store that ran the
    version's first text, and the cases of that text still run under it."""
    db = tmp_path / "cases.db"
    v1 = folder(tmp_path, "v1", V1)
    (case_id, *_) = start_three(db, v1, clock)
    changed = v1 / f"{FLOW}.yaml"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("default: 10", "default: 3"), encoding="utf-8"
    )
    with open_on(db, v1, clock) as engine:
        with pytest.raises(DefinitionError, match="give the changed flow a new version"):
            engine.start(FLOW, actor=SOMCHAI, data={"venue": "ห้อง", "fee": 1})
        assert engine.definition_of(engine.get(case_id)).source == f"<store: {FLOW} v1>"
        assert engine.fire(case_id, "approve", actor=DIRECTOR).state == "approved"
        assert engine.verify().ok


def test_an_edited_kept_text_is_a_verify_problem(tmp_path: Path, clock: FixedClock) -> None:
    """A definition text edited in the store is named by verify."""
    db = tmp_path / "cases.db"
    start_three(db, folder(tmp_path, "v1", V1), clock)
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE definitions SET text = replace(text, 'default: 10', 'default: 99')")
    with open_on(db, folder(tmp_path, "v2", V2), clock) as engine:
        kinds = {p.kind for p in engine.verify().problems}
    assert "definition_edited" in kinds


def test_an_event_its_version_does_not_allow_is_named(tmp_path: Path, clock: FixedClock) -> None:
    """An event that moves a case in a way its own version does not allow is a problem,
    though every chain and hash is intact (a trail written against other rules)."""
    db = tmp_path / "cases.db"
    (case_id, *_) = start_three(db, folder(tmp_path, "v1", V1), clock)
    with open_on(db, folder(tmp_path, "v1again", V1), clock) as engine:
        engine.fire(case_id, "approve", actor=DIRECTOR)  # requested -> approved
    # Version 1 as the store keeps it, rewritten consistently (text, hash, the case's
    # hash): its approval now comes from 'reminded' only.
    registry = default_registry()
    text = V1.read_text(encoding="utf-8").replace("[requested, reminded]", "[reminded]")
    other = read_file(_written(tmp_path, text), registry).digest
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE definitions SET text = ?, hash = ?", (text, other))
        raw.execute("UPDATE cases SET definition_hash = ?", (other,))
    with open_on(db, folder(tmp_path, "v2", V2), clock) as engine:
        problems = [(p.case_id, p.pos, p.kind) for p in engine.verify().problems]
    assert problems == [(case_id, 2, "definition")]


# --- bad input --------------------------------------------------------------------------


@pytest.fixture
def two(tmp_path: Path, clock: FixedClock) -> tuple[Engine, list[str]]:
    """An engine on version 2 over three cases started on version 1."""
    db = tmp_path / "cases.db"
    ids = start_three(db, folder(tmp_path, "v1", V1), clock)
    engine = open_on(db, folder(tmp_path, "v2", V2), clock)
    yield engine, ids
    engine.close()


def migrate(engine: Engine, **given: object) -> object:
    """``Engine.migrate`` of the permit flow from 1 to 2 by the administrator."""
    asked = {"from_version": 1, "to_version": 2, "actor": ADMIN, "reason": WHY, **given}
    return engine.migrate(FLOW, **asked)  # type: ignore[arg-type]


def trails(engine: Engine, ids: list[str]) -> list[int]:
    """How many events each case's chain holds."""
    return [len(engine.history(i)) for i in ids]


@pytest.mark.parametrize(
    ("given", "words"),
    [
        ({"states": {"requested": "aproved"}}, "version 2 has no state 'aproved'"),
        ({"states": {"lost": "checked"}}, "version 1 has no state 'lost'"),
        ({"rename": {"fee": "cost"}, "values": {}}, "version 2 has no field 'cost'"),
        ({"rename": {"fee": "fee_baht"}, "values": {"colour": "red"}}, "unknown data field"),
        ({"rename": {"fee": "fee_baht"}, "values": {"fee_baht": "many"}}, "bad value"),
        ({"to_version": 1}, "cases move forward only"),
        ({"from_version": 2, "to_version": 1}, "cases move forward only"),
        ({"to_version": 3}, "unknown flow 'permit_request v3'"),
        ({"reason": " "}, "needs a reason"),
    ],
)
def test_a_bad_ask_is_refused_and_writes_nothing(
    two: tuple[Engine, list[str]], given: dict[str, object], words: str
) -> None:
    """A map to an unknown state, a set of an unknown field or a wrong value, a migration
    backwards: a clear error, and nothing written for any case."""
    engine, ids = two
    with pytest.raises(BadMigration) as caught:
        migrate(engine, **given)
    assert words in caught.value.message_en
    assert trails(engine, ids) == [1, 1, 1]


def test_every_case_that_cannot_move_is_named_and_none_moves(
    two: tuple[Engine, list[str]],
) -> None:
    """Without the rename, no case can move (the old field name): all are listed, none
    moves; a case already at the target version is named too. Each refusal is in its
    case's chain, the case itself untouched, and the trail still verifies."""
    engine, ids = two
    migrate(engine, rename={"fee": "fee_baht"}, case_ids=[ids[0]])
    before = [engine.get(i) for i in ids]
    with pytest.raises(MigrationRefused) as caught:
        migrate(engine, case_ids=ids)
    blocked = caught.value.blocked
    assert sorted(blocked) == sorted(ids)
    assert blocked[ids[0]][0].code == "already_migrated"
    assert "field 'fee' is not in version 2" in blocked[ids[1]][0].en
    assert "no case was moved" in str(caught.value)
    assert trails(engine, ids) == [3, 2, 2]
    for earlier, case_id in zip(before, ids, strict=True):
        now = engine.get(case_id)
        assert (now.state, now.flow_version, now.version, dict(now.data)) == (
            earlier.state, earlier.flow_version, earlier.version, dict(earlier.data),
        )  # fmt: skip
        last = engine.history(case_id)[-1]
        assert (last.trigger, last.outcome, last.reason) == ("migrate", "refused", WHY)
        assert last.reasons[0]["code"] == blocked[case_id][0].code
    assert engine.verify().ok


def test_a_case_left_behind_by_each_has_its_refusal_recorded(
    two: tuple[Engine, list[str]],
) -> None:
    """With each, the case that cannot move is left alone, its refusal in its chain."""
    engine, ids = two
    migrate(engine, rename={"fee": "fee_baht"}, case_ids=[ids[0]])
    migrate(engine, rename={"fee": "fee_baht"}, case_ids=ids, each=True)
    last = engine.history(ids[0])[-1]
    assert (last.trigger, last.outcome) == ("migrate", "refused")
    assert [e.outcome for e in engine.history(ids[1])][-1] == "migrated"


def test_a_field_the_new_version_requires_must_be_given(tmp_path: Path, clock: FixedClock) -> None:
    """A field version 2 requires and the case does not hold blocks it, until --set
    gives it (read as the new version's type)."""
    db = tmp_path / "cases.db"
    ids = start_three(db, folder(tmp_path, "v1", V1), clock)
    text = V2.read_text(encoding="utf-8").replace(
        "states:\n",
        "  deposit:\n    type: decimal\n    label: {th: เงินประกัน, en: deposit}\n"
        "    required: true\n\nstates:\n",
        1,
    )
    with open_on(db, _written(tmp_path, text).parent, clock) as engine:
        with pytest.raises(MigrationRefused) as caught:
            migrate(engine, rename={"fee": "fee_baht"})
        assert {r.code for rs in caught.value.blocked.values() for r in rs} == {"missing_field"}
        migrate(engine, rename={"fee": "fee_baht"}, values={"deposit": "๕๐๐"})
        assert [engine.get(i).data["deposit"] for i in ids] == ["500"] * 3
        assert engine.verify().ok


def test_a_dry_run_lists_every_case_and_writes_nothing(two: tuple[Engine, list[str]]) -> None:
    """--dry-run says what would move and what cannot, and writes nothing."""
    engine, ids = two
    engine.fire(ids[2], "approve", actor=DIRECTOR)
    result = migrate(engine, rename={"fee": "fee_baht"}, dry_run=True, case_ids=[*ids, "nope"])
    assert [m.case_id for m in result.moved] == [ids[0], ids[1], ids[2]]
    assert [b.case_id for b in result.blocked] == ["nope"]
    assert trails(engine, ids) == [1, 1, 2]


def test_each_moves_those_that_can(two: tuple[Engine, list[str]]) -> None:
    """With each, the cases that can move do; the others are reported and left alone."""
    engine, ids = two
    migrate(engine, rename={"fee": "fee_baht"}, case_ids=[ids[0]])
    result = migrate(engine, rename={"fee": "fee_baht"}, case_ids=ids, each=True)
    assert [m.case_id for m in result.moved] == ids[1:]
    assert [b.case_id for b in result.blocked] == [ids[0]]
    assert [engine.get(i).flow_version for i in ids] == [2, 2, 2]
    assert engine.verify().ok


def test_every_case_of_the_version_moves_when_none_is_named(
    two: tuple[Engine, list[str]],
) -> None:
    """Without --case, every case of the flow at the old version moves."""
    engine, ids = two
    result = migrate(engine, rename={"fee": "fee_baht"})
    assert sorted(m.case_id for m in result.moved) == sorted(ids)


# --- diff -------------------------------------------------------------------------------


def test_diff_names_what_changed() -> None:
    """The diff names the new state, the renamed field, the changed setting and the moved
    transitions, in Thai and English."""
    old, new = read_file(V1, default_registry()), read_file(V2, default_registry())
    lines = [c.line() for c in diff(old, new)]
    assert "+ เพิ่มสถานะ / added state 'checked' (ตรวจสอบแล้ว / checked)" in lines
    assert "- ลบข้อมูล / removed field 'fee' (ค่าธรรมเนียม / fee)" in lines
    assert any(line.startswith("+ เพิ่มข้อมูล / added field 'fee_baht'") for line in lines)
    assert "~ แก้ไขค่าตั้ง / changed setting 'remind_after_days' [10 → 5]" in lines
    added = "added transition 'check (requested | reminded) → checked' (ตรวจสอบ / check)"
    assert f"+ เพิ่มการดำเนินการ / {added}" in lines
    assert any(
        "removed transition 'approve (requested | reminded) → approved'" in line for line in lines
    )
    assert diff(old, old) == []


def test_diff_names_guards_added_and_removed(tmp_path: Path) -> None:
    """A guard added to a transition is its own change."""
    registry = default_registry()
    old = read_file(V2, registry)
    text = V2.read_text(encoding="utf-8").replace(
        "    dest: approved\n    roles: [director]\n",
        "    dest: approved\n    roles: [director]\n    guards:\n"
        "      - distinct_actor: {role: applicant}\n",
    )
    new = read_file(_written(tmp_path, text), registry)
    lines = [c.line() for c in diff(old, new)]
    assert any(
        "changed transition 'approve (checked)'" in line and "guards" in line for line in lines
    )
    assert any(
        "added guard 'approve (checked): distinct_actor(role=applicant)'" in line for line in lines
    )


def _written(tmp_path: Path, text: str) -> Path:
    """``text`` in a file of its own."""
    path = tmp_path / "edited" / f"{FLOW}.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- the lock ---------------------------------------------------------------------------


def test_the_bundled_flows_keep_their_lock() -> None:
    """Every bundled flow is locked at its version and hash, and every locked version's
    text is kept: a flow changed without a new version fails here (and in flows check)."""
    registry = default_registry()
    bundled = bundled_flows()
    assert (bundled / LOCK_FILE).is_file()
    assert lock_problems(bundled, load_folder(bundled, registry), registry) == []


def test_lock_refuses_a_change_without_a_new_version_and_bumps_it(tmp_path: Path) -> None:
    """flows lock locks a folder; a flow edited in place is refused by lock and by flows
    check until --bump gives it the next version, keeping the old text in history/."""
    registry = default_registry()
    flows = tmp_path / "flows"
    flows.mkdir()
    shutil.copy(V1, flows / f"{FLOW}.yaml")
    assert update_lock(flows, registry).added == ((FLOW, 1),)
    edited = (
        (flows / f"{FLOW}.yaml").read_text(encoding="utf-8").replace("default: 10", "default: 7")
    )
    (flows / f"{FLOW}.yaml").write_text(edited, encoding="utf-8")
    with pytest.raises(DefinitionError, match="needs a new version number"):
        update_lock(flows, registry)
    assert main(["flows", "check", str(flows)]) == 1
    done = update_lock(flows, registry, bump=True)
    assert done.bumped == ((FLOW, 1, 2),)
    assert "version: 2" in (flows / f"{FLOW}.yaml").read_text(encoding="utf-8")
    assert sorted(p.name for p in (flows / "history" / FLOW).iterdir()) == ["1.yaml", "2.yaml"]
    assert main(["flows", "check", str(flows)]) == 0
    # The old text loads as version 1 beside version 2.
    with Engine.open("memory://", flows=[flows], bundled=False, entry_points=False) as engine:
        assert [d.version for d in engine.flows if d.id == FLOW] == [1, 2]


def test_an_old_versions_kept_text_is_read_when_first_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Opening an engine reads no kept text of an older version: one that is broken stops
    nothing until that version is asked for, then names its file; flows check reads
    them all and names it too."""
    flows = folder(tmp_path, "flows", V2)
    kept = flows / "history" / FLOW / "1.yaml"
    kept.parent.mkdir(parents=True)
    shutil.copy(V2, kept.parent / "2.yaml")
    kept.write_text(V1.read_text(encoding="utf-8").replace("version: 1", "version: 3"), "utf-8")
    with Engine.open("memory://", flows=[flows], bundled=False, entry_points=False) as engine:
        assert engine.flows.get(FLOW).version == 2
        for _ in range(2):  # still unread, and named again, the second time
            with pytest.raises(DefinitionError, match=r"history/permit_request/1\.yaml"):
                engine.flows.get(FLOW, 1)
    capsys.readouterr()
    assert main(["flows", "check", str(flows)]) == 1
    assert "history/permit_request/1.yaml" in capsys.readouterr().err
    shutil.copy(V1, kept)
    with Engine.open("memory://", flows=[flows], bundled=False, entry_points=False) as engine:
        assert engine.flows.get(FLOW, 1).version == 1
        assert [d.version for d in engine.flows if d.id == FLOW] == [1, 2]


def test_the_lock_names_a_bad_line(tmp_path: Path) -> None:
    """A lock line that is not 'ID VERSION SHA256' is named with its line number."""
    flows = tmp_path / "flows"
    flows.mkdir()
    shutil.copy(V1, flows / f"{FLOW}.yaml")
    (flows / LOCK_FILE).write_text("# lock\npermit_request one abc\n", encoding="utf-8")
    problems = lock_problems(flows, load_folder(flows, default_registry()), default_registry())
    assert [p.path for p in problems][:1] == ["line 2"]


# --- the command line -------------------------------------------------------------------


def test_the_commands(
    tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    """flows diff and flows migrate, as the docs show them."""
    db = tmp_path / "cases.db"
    ids = start_three(db, folder(tmp_path, "v1", V1), clock)
    v2 = folder(tmp_path, "v2", V2)
    base = ["flows", "migrate", FLOW, "--from", "1", "--to", "2", "--db", str(db)]
    who = ["--flows", str(v2), "--actor", "kanda", "--role", "staff", "--trust-actors"]
    capsys.readouterr()
    assert main(["flows", "diff", FLOW, "1", "2", "--db", str(db), "--flows", str(v2)]) == 0
    out = capsys.readouterr().out
    assert "added state 'checked'" in out
    assert main([*base, *who, "--dry-run", "--reason", WHY]) == 1
    out = capsys.readouterr()
    assert f"cannot move: {ids[0]}: ข้อมูล 'fee' ไม่มีในฉบับ 2" in out.out
    moved = [*base, *who, "--rename", "fee=fee_baht", "--map", "ยื่นคำขอแล้ว=checked"]
    assert main([*moved, "--case", ids[0], "--reason", WHY]) == 0
    assert f"moved: {ids[0]}  requested → checked" in capsys.readouterr().out
    assert main([*moved, "--case", ids[0], "--reason", WHY]) == 1
    assert "already at version 2" in capsys.readouterr().err
    assert main(["case", "history", ids[0], "--db", str(db), "--flows", str(v2)]) == 0
    assert "ย้ายไปขั้นตอนงานฉบับใหม่ (migrate): ฉบับ / version v1 → v2" in capsys.readouterr().out
    assert main(["audit", "verify", "--db", str(db), "--flows", str(v2)]) == 0
    capsys.readouterr()
    assert main(["case", "list", "--db", str(db), "--flows", str(v2)]) == 0
    _, *rows = capsys.readouterr().out.splitlines()  # a header, then a row per case
    # The third column is the version of its flow each case runs under.
    assert sorted(row.split()[2] for row in rows) == ["1", "1", "2"]


def test_the_lock_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """flows lock writes the lock and says what it locked; refused, it writes nothing and
    exits 1 naming the flow; --bump names the version it gave."""
    flows = tmp_path / "flows"
    flows.mkdir()
    shutil.copy(V1, flows / f"{FLOW}.yaml")
    assert main(["flows", "lock", str(flows)]) == 0
    assert f"locked: {FLOW} v1" in capsys.readouterr().out
    path = flows / f"{FLOW}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# ...\nmanual: {}\n", encoding="utf-8")
    locked = (flows / LOCK_FILE).read_text(encoding="utf-8")
    assert main(["flows", "lock", str(flows)]) == 1  # a file that does not load: nothing written
    assert (flows / LOCK_FILE).read_text(encoding="utf-8") == locked
    path.write_text(V1.read_text(encoding="utf-8").replace("[staff]", "[staff, director]"), "utf-8")
    assert main(["flows", "lock", str(flows)]) == 1
    assert "needs a new version number" in capsys.readouterr().err
    assert main(["flows", "lock", "--bump", str(flows)]) == 0
    assert f"bumped: {FLOW} v1 → v2" in capsys.readouterr().out
