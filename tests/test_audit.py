"""The audit trail on SQLite: verify finds every kind of tampering done directly on the
database file, naming the case and the event."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from _lending import KANYA, SOMCHAI, SOMSRI, SOMYING, T0, announce_rules, request
from integrity_flows import Engine, FixedClock
from integrity_flows.audit import GENESIS, AuditEvent, canonical, digest
from integrity_flows.audit.verify import VerifyReport
from integrity_flows.errors import NotAuthorized


class Trail:
    """A SQLite file with two lending cases, the first with five events, one a refusal."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.url = f"sqlite:///{path}"
        with Engine.open(self.url, clock=FixedClock(T0)) as engine:
            announce_rules(engine)  # three events of one asset_rules case
            case = engine.start("asset_lending", actor=SOMCHAI, data=request())
            engine.fire(case.id, "check", actor=KANYA)
            with pytest.raises(NotAuthorized):
                engine.fire(case.id, "approve", actor=SOMSRI)
            engine.fire(case.id, "approve", actor=SOMYING)
            engine.fire(
                case.id, "hand_over", actor=KANYA, data={"register_no": "R1", "condition_out": "ok"}
            )
            other = engine.start("asset_lending", actor=SOMSRI, data=request("B"))
            self.case_id, self.other_id = case.id, other.id
        self.events = 5

    def sql(self, statement: str, *params: object) -> list[tuple[object, ...]]:
        """Run SQL directly on the file, as someone with the file (not the engine) would."""
        db = sqlite3.connect(self.path)
        try:
            with db:
                return db.execute(statement, params).fetchall()
        finally:
            db.close()

    def body(self, pos: int) -> dict[str, object]:
        """The stored body of event ``pos`` of the first case."""
        ((text,),) = self.sql(
            "SELECT body FROM events WHERE case_id = ? AND pos = ?", self.case_id, pos
        )
        return dict(json.loads(str(text)))

    def verify(self) -> VerifyReport:
        """Reopen the file and verify it."""
        with Engine.open(self.url) as engine:
            return engine.verify()


@pytest.fixture
def trail(tmp_path: Path) -> Trail:
    """A fresh, intact trail."""
    return Trail(tmp_path / "audit.db")


def kinds_at(report: VerifyReport, case_id: str) -> dict[int | None, set[str]]:
    """Problem kinds found for ``case_id``, by event position (None: the case itself)."""
    found: dict[int | None, set[str]] = {}
    for problem in report.problems:
        if problem.case_id == case_id:
            found.setdefault(problem.pos, set()).add(problem.kind)
    return found


def only_case(report: VerifyReport, case_id: str) -> None:
    """Every problem names ``case_id``; the untouched case is not blamed."""
    assert not report.ok
    assert {p.case_id for p in report.problems} == {case_id}
    for problem in report.problems:
        assert case_id in str(problem)
        assert problem.message_th


def test_intact_trail_verifies(trail: Trail) -> None:
    """An untouched trail verifies, counting every case and event."""
    report = trail.verify()
    assert report.ok, report.problems
    assert (report.cases, report.events) == (3, 9)


def test_edited_event_body(trail: Trail) -> None:
    """An event whose body was edited no longer matches its hash."""
    trail.sql(
        "UPDATE events SET body = replace(body, '\"kanya\"', '\"somchai\"') "
        "WHERE case_id = ? AND pos = 2",
        trail.case_id,
    )
    report = trail.verify()
    only_case(report, trail.case_id)
    assert "edited" in kinds_at(report, trail.case_id)[2]
    assert any(f"{trail.case_id} event #2" in str(p) for p in report.problems)


def test_edited_event_with_recomputed_hash(trail: Trail) -> None:
    """Re-hashing an edited event does not help: the next event no longer links to it."""
    body = trail.body(2)
    body["actor"] = "somchai"
    text = canonical(body)
    trail.sql(
        "UPDATE events SET body = ?, hash = ? WHERE case_id = ? AND pos = 2",
        text,
        digest(text),
        trail.case_id,
    )
    report = trail.verify()
    only_case(report, trail.case_id)
    assert "broken_link" in kinds_at(report, trail.case_id)[3]


def test_deleted_event(trail: Trail) -> None:
    """A deleted event leaves a gap and a broken link at the event after it."""
    trail.sql("DELETE FROM events WHERE case_id = ? AND pos = 3", trail.case_id)
    report = trail.verify()
    only_case(report, trail.case_id)
    assert {"gap", "broken_link"} <= kinds_at(report, trail.case_id)[4]
    assert any("#3" in p.message_en for p in report.problems if p.pos == 4)


def test_inserted_event(trail: Trail) -> None:
    """An event inserted in the middle (later ones shifted) is found, even with a valid hash."""
    case_id = trail.case_id
    trail.sql("UPDATE events SET pos = pos + 100 WHERE case_id = ? AND pos >= 3", case_id)
    trail.sql("UPDATE events SET pos = pos - 99 WHERE case_id = ? AND pos >= 100", case_id)
    forged = AuditEvent(
        case_id=case_id,
        pos=3,
        at="2023-10-01T03:00:00.000000Z",
        flow_id="asset_lending",
        flow_version=1,
        actor="somchai",
        actor_roles=("staff",),
        actor_unit=None,
        trigger="approve",
        outcome="moved",
        from_state="checked",
        to_state="approved",
        case_version=3,
        prev_hash=str(
            trail.sql("SELECT hash FROM events WHERE case_id = ? AND pos = 2", case_id)[0][0]
        ),
    ).sealed()
    trail.sql(
        "INSERT INTO events (case_id, pos, prev_hash, hash, body) VALUES (?,?,?,?,?)",
        case_id,
        3,
        forged.prev_hash,
        forged.hash,
        forged.canonical(),
    )
    report = trail.verify()
    only_case(report, case_id)
    found = kinds_at(report, case_id)
    assert 3 not in found  # the forgery itself is well formed ...
    assert {"broken_link", "moved"} <= found[4]  # ... but the next event does not follow it
    assert "head" in found[None]  # and the case counts one event less


def test_inserted_event_at_the_end(trail: Trail) -> None:
    """An event appended behind the engine's back does not match the case's head."""
    last = trail.sql("SELECT hash FROM events WHERE case_id = ? AND pos = 5", trail.case_id)
    forged = AuditEvent(
        case_id=trail.case_id,
        pos=6,
        at="2023-10-02T03:00:00.000000Z",
        flow_id="asset_lending",
        flow_version=1,
        actor="kanya",
        actor_roles=("custodian",),
        actor_unit=None,
        trigger="return_intact",
        outcome="moved",
        from_state="on_loan",
        to_state="returned",
        case_version=5,
        prev_hash=str(last[0][0]),
    ).sealed()
    trail.sql(
        "INSERT INTO events (case_id, pos, prev_hash, hash, body) VALUES (?,?,?,?,?)",
        trail.case_id,
        6,
        forged.prev_hash,
        forged.hash,
        forged.canonical(),
    )
    report = trail.verify()
    only_case(report, trail.case_id)
    assert {"head", "state"} <= kinds_at(report, trail.case_id)[None]


def test_swapped_events(trail: Trail) -> None:
    """Two events swapped in place are found at the positions they were moved to."""
    case_id = trail.case_id
    trail.sql("UPDATE events SET pos = 100 WHERE case_id = ? AND pos = 2", case_id)
    trail.sql("UPDATE events SET pos = 2 WHERE case_id = ? AND pos = 3", case_id)
    trail.sql("UPDATE events SET pos = 3 WHERE case_id = ? AND pos = 100", case_id)
    report = trail.verify()
    only_case(report, case_id)
    found = kinds_at(report, case_id)
    assert {"broken_link", "moved"} <= found[2]
    assert {"broken_link", "moved"} <= found[3]


def test_edited_case_state(trail: Trail) -> None:
    """A case whose state was edited in the cases table disagrees with its trail."""
    trail.sql("UPDATE cases SET state = 'returned' WHERE id = ?", trail.case_id)
    report = trail.verify()
    only_case(report, trail.case_id)
    (problem,) = report.problems
    assert (problem.pos, problem.kind) == (None, "state")
    assert "returned" in problem.message_en
    assert "on_loan" in problem.message_en


def test_edited_case_version(trail: Trail) -> None:
    """A case whose version was edited disagrees with its trail."""
    trail.sql("UPDATE cases SET version = 1 WHERE id = ?", trail.case_id)
    report = trail.verify()
    only_case(report, trail.case_id)
    assert kinds_at(report, trail.case_id) == {None: {"state"}}


def test_edited_case_data(trail: Trail) -> None:
    """A case whose data was edited disagrees with its trail, naming the field."""
    trail.sql("UPDATE cases SET data = json_set(data, '$.item', 'อื่น') WHERE id = ?", trail.case_id)
    report = trail.verify()
    only_case(report, trail.case_id)
    (problem,) = report.problems
    assert problem.kind == "data"
    assert "item" in problem.message_en


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE cases SET events = events + 1 WHERE id = ?",
        "UPDATE cases SET events = events - 1 WHERE id = ?",
        "UPDATE cases SET head = '" + "a" * 64 + "' WHERE id = ?",
    ],
    ids=["events-up", "events-down", "head"],
)
def test_edited_case_head_or_events(trail: Trail, statement: str) -> None:
    """A case whose head or event count was edited no longer matches its trail's end."""
    trail.sql(statement, trail.case_id)
    report = trail.verify()
    only_case(report, trail.case_id)
    assert kinds_at(report, trail.case_id) == {None: {"head"}}


def test_truncated_last_event(trail: Trail) -> None:
    """Deleting the last event is found: the case's head is #5 but the trail ends at #4."""
    trail.sql("DELETE FROM events WHERE case_id = ? AND pos = 5", trail.case_id)
    report = trail.verify()
    only_case(report, trail.case_id)
    found = kinds_at(report, trail.case_id)
    assert "head" in found[None]
    head = next(p for p in report.problems if p.kind == "head")
    assert "#5" in head.message_en
    assert "#4" in head.message_en


def test_whole_trail_deleted(trail: Trail) -> None:
    """A case left with no trail at all is reported."""
    trail.sql("DELETE FROM events WHERE case_id = ?", trail.case_id)
    report = trail.verify()
    only_case(report, trail.case_id)
    assert kinds_at(report, trail.case_id) == {None: {"trail_missing"}}


def test_case_deleted(trail: Trail) -> None:
    """A trail whose case row was deleted is reported."""
    trail.sql("DELETE FROM cases WHERE id = ?", trail.case_id)
    report = trail.verify()
    only_case(report, trail.case_id)
    # Its index rows were left behind, and are reported too.
    assert kinds_at(report, trail.case_id) == {None: {"case_missing", "cached_orphan"}}


def test_unreadable_event(trail: Trail) -> None:
    """An event body that is not JSON is reported as unreadable."""
    trail.sql("UPDATE events SET body = 'garbage' WHERE case_id = ? AND pos = 1", trail.case_id)
    report = trail.verify()
    only_case(report, trail.case_id)
    assert "unreadable" in kinds_at(report, trail.case_id)[1]


def test_event_chain_hashes() -> None:
    """An event's hash is SHA-256 of its canonical sorted-key JSON; the first links to GENESIS."""
    event = AuditEvent(
        case_id="c",
        pos=1,
        at="2023-10-01T03:00:00.000000Z",
        flow_id="f",
        flow_version=1,
        actor="ก",
        actor_roles=("staff",),
        actor_unit="กองคลัง",
        trigger="start",
        outcome="moved",
        from_state=None,
        to_state="s",
        case_version=1,
        data={"b": 1, "a": "ข"},
    ).sealed()
    assert event.prev_hash == GENESIS
    text = event.canonical()
    assert text == json.dumps(
        json.loads(text), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    assert "ข" in text
    assert event.hash == digest(text)
    assert AuditEvent.from_dict(event.as_dict()) == event
