"""Verify the audit trail: every chain, every hash, every case against its trail.

Works in one streaming pass over events ordered by (case, position) merged with
cases ordered by id, so memory stays flat however long the trail is.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any, Generic, TypeVar

import attrs

from integrity_flows import committees
from integrity_flows.audit.records import GENESIS, REDACTED, parse_json
from integrity_flows.case import Case, Deadline
from integrity_flows.stored import StoredEvent, UnreadableCase

_Item = TypeVar("_Item", bound=tuple[Any, ...])


@attrs.frozen
class VerifyProblem:
    """Something wrong in the trail, naming the case and the event."""

    case_id: str
    pos: int | None
    kind: str
    message_en: str
    message_th: str

    def __str__(self) -> str:
        where = self.case_id if self.pos is None else f"{self.case_id} event #{self.pos}"
        return f"{where}: {self.message_en} / {self.message_th}"

    def as_dict(self) -> dict[str, Any]:
        """The problem as JSON data."""
        return {
            "case_id": self.case_id,
            "pos": self.pos,
            "kind": self.kind,
            "message_en": self.message_en,
            "message_th": self.message_th,
        }


@attrs.frozen
class VerifyReport:
    """What ``verify`` found: ``ok`` when ``problems`` is empty."""

    cases: int
    events: int
    problems: tuple[VerifyProblem, ...]
    # SHA-256 over every chain's id and head, in case-id order: an auditor who notes it
    # can later tell whether any history was rewritten, even consistently.
    digest: str = ""

    @property
    def ok(self) -> bool:
        """True when the trail is intact and every case agrees with it."""
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON data, ``ok`` included."""
        return {
            "ok": self.ok,
            "cases": self.cases,
            "events": self.events,
            "problems": [p.as_dict() for p in self.problems],
            "digest": self.digest,
        }


@attrs.frozen
class Derived:
    """What a case row caches, as its flow derives it from the case: the indexed keys
    (held resources, unique keys) and the open deadlines."""

    keys: Mapping[str, str]
    deadlines: tuple[Deadline, ...]


@attrs.frozen
class Cached:
    """The rows a store keeps beside the case rows (both sorted by case id), and how to
    derive them from a case (``None`` when its flow is not loaded)."""

    index_rows: Iterable[tuple[str, str, str, str, str]]
    deadline_rows: Iterable[tuple[str, str, datetime]]
    derive: Callable[[Case], Derived | None]


@attrs.frozen
class Against:
    """Checks of each event and each case against the definition it ran under (the
    engine's, which knows definitions; the verifier does not). Each returns the problems
    it finds."""

    event: Callable[[StoredEvent, Mapping[str, Any]], Iterable[VerifyProblem]]
    case: Callable[[Case], Iterable[VerifyProblem]]
    # Problems outside any chain (a stored definition edited), reported once.
    extra: Callable[[], Iterable[VerifyProblem]] = tuple


@attrs.define
class _Chain:
    """The running state of one chain while it is read."""

    case_id: str
    pos: int = 0
    head: str = GENESIS
    state: str | None = None
    version: int = 0
    moved: bool = False
    events: int = 0
    # True while the chain is exactly one refused start: the one chain that has no case.
    refused_start: bool = False
    flow_id: str | None = None
    data: dict[str, Any] = attrs.field(factory=dict)
    redacted: set[str] = attrs.field(factory=set)
    actors: dict[str, str] = attrs.field(factory=dict)
    fired_by: dict[str, str] = attrs.field(factory=dict)


def verify(
    events: Iterable[StoredEvent],
    cases: Iterable[Case | UnreadableCase],
    cached: Cached | None = None,
    against: Against | None = None,
) -> VerifyReport:
    """Check ``events`` (sorted by case id, then position) against ``cases`` (sorted by id);
    with ``cached``, also the index and deadline rows against what each case derives;
    with ``against``, each event and case against the definition it ran under.

    A case row the store could not read (an :class:`UnreadableCase`) is a problem of its
    case; its chain is still checked, and so is every other case.
    """
    problems: list[VerifyProblem] = []
    counts = {"cases": 0, "events": 0}
    heads = hashlib.sha256()
    case_iter = _counting(iter(cases), counts)
    rows = _CachedRows(cached, problems) if cached is not None else None
    next_case = next(case_iter, None)
    for chain in _chains(events, problems, counts, against):
        heads.update(f"{chain.case_id}:{chain.head}\n".encode())
        while next_case is not None and next_case.case_id < chain.case_id:
            problems.extend(_no_trail(next_case))
            _check_rows(rows, next_case, trusted=True)
            next_case = next(case_iter, None)
        if next_case is not None and next_case.case_id == chain.case_id:
            if isinstance(next_case.found, UnreadableCase):
                problems.append(_unreadable(next_case.found))
                _check_rows(rows, next_case, trusted=False)
            else:
                differs = _compare(chain, next_case.found)
                problems.extend(differs)
                if not differs:  # a row that disagrees with its trail is named already
                    problems.extend(_against_case(against, next_case.found))
                # A case row that disagrees with its trail is reported already; what it
                # would derive is then no measure of its other rows.
                _check_rows(rows, next_case, trusted=not differs)
            next_case = next(case_iter, None)
        elif chain.moved:
            problems.append(
                VerifyProblem(
                    chain.case_id,
                    None,
                    "case_missing",
                    "the trail records state changes but the case is missing from the store",
                    "บันทึกการตรวจสอบมีการเปลี่ยนสถานะ แต่ไม่พบเรื่องนี้ในที่เก็บข้อมูล",
                )
            )
        elif not (chain.events == 1 and chain.refused_start):
            problems.append(
                VerifyProblem(
                    chain.case_id,
                    None,
                    "case_missing",
                    f"a trail of {chain.events} event(s) has no case; only a single refused "
                    "start may have none (a forged or left-over chain)",
                    f"บันทึกการตรวจสอบ {chain.events} เหตุการณ์ไม่มีเรื่องในที่เก็บข้อมูล "
                    "มีได้เฉพาะการเริ่มเรื่องที่ถูกปฏิเสธเพียงรายการเดียว (บันทึกปลอมหรือตกค้าง)",
                )
            )
    while next_case is not None:
        problems.extend(_no_trail(next_case))
        _check_rows(rows, next_case, trusted=True)
        next_case = next(case_iter, None)
    if rows is not None:
        rows.finish()
    problems.extend(against.extra() if against is not None else ())
    return VerifyReport(counts["cases"], counts["events"], tuple(problems), heads.hexdigest())


def _against_case(against: Against | None, case: Case) -> Iterable[VerifyProblem]:
    return against.case(case) if against is not None else ()


def _check_rows(rows: _CachedRows | None, row: _Row, *, trusted: bool) -> None:
    if rows is None:
        return
    found = None if isinstance(row.found, UnreadableCase) else row.found
    rows.check(found, row.case_id, trusted=trusted)


def _counting(cases: Iterator[Case | UnreadableCase], counts: dict[str, int]) -> Iterator[_Row]:
    for case in cases:
        counts["cases"] += 1
        yield _Row(case)


class _Grouped(Generic[_Item]):
    """Rows sorted by their first item (a case id), handed out a case at a time."""

    def __init__(self, rows: Iterable[_Item]) -> None:
        self._rows = iter(rows)
        self._next: _Item | None = next(self._rows, None)

    def before(self, case_id: str | None) -> Iterator[list[_Item]]:
        """The groups of rows of case ids before ``case_id`` (all that are left: None)."""
        while self._next is not None and (case_id is None or self.any_before(case_id)):
            yield self.of(self._next[0])

    def any_before(self, case_id: str) -> bool:
        """True when rows of a case id before ``case_id`` are left."""
        return self._next is not None and self._next[0] < case_id

    def of(self, case_id: str) -> list[_Item]:
        """The rows of ``case_id`` (skipping none: call in case-id order)."""
        found = []
        following, rows = self._next, self._rows
        while following is not None and following[0] == case_id:
            found.append(following)
            following = next(rows, None)
        self._next = following
        return found


class _CachedRows:
    """The index and deadline rows, read along the cases in case-id order."""

    def __init__(self, cached: Cached, problems: list[VerifyProblem]) -> None:
        self._keys = _Grouped(cached.index_rows)
        self._deadlines = _Grouped(cached.deadline_rows)
        self._derive = cached.derive
        self._problems = problems

    def check(self, case: Case | None, case_id: str, *, trusted: bool) -> None:
        """Compare ``case``'s cached rows with what it derives (a row that could not be
        read, or is not trusted, only has its rows passed over)."""
        if self._keys.any_before(case_id) or self._deadlines.any_before(case_id):
            self._orphans(case_id)
        keys, deadlines = self._keys.of(case_id), self._deadlines.of(case_id)
        derived = self._derive(case) if trusted and case is not None else None
        if derived is not None:
            assert case is not None
            if not _cached_agree(case, derived, keys, deadlines):
                self._problems.extend(_compare_cached(case, derived, keys, deadlines))

    def finish(self) -> None:
        self._orphans(None)

    def _orphans(self, case_id: str | None) -> None:
        self._problems.extend(_orphan(rows[0][0]) for rows in self._keys.before(case_id))
        self._problems.extend(_orphan(rows[0][0]) for rows in self._deadlines.before(case_id))


def _orphan(case_id: str) -> VerifyProblem:
    return VerifyProblem(
        case_id,
        None,
        "cached_orphan",
        "index or deadline rows are kept for a case that is not in the store",
        "มีดัชนีหรือกำหนดเวลาของเรื่องที่ไม่มีอยู่ในที่เก็บข้อมูล",
    )


def _cached_agree(
    case: Case,
    derived: Derived,
    key_rows: list[tuple[str, str, str, str, str]],
    deadline_rows: list[tuple[str, str, datetime]],
) -> bool:
    """True when the rows agree with what the case derives, as :func:`_compare_cached`
    would find (the common case, told without building what a problem names)."""
    keys, state, flow_id = derived.keys, case.state, case.flow_id
    if len(key_rows) != len(keys):
        return False
    for _, flow, field, value, at in key_rows:
        if flow != flow_id or at != state or keys.get(field) != value:
            return False
    # Open deadlines are compared in full by _compare_cached.
    return not derived.deadlines and not deadline_rows and not case.deadlines


def _compare_cached(
    case: Case,
    derived: Derived,
    key_rows: list[tuple[str, str, str, str, str]],
    deadline_rows: list[tuple[str, str, datetime]],
) -> list[VerifyProblem]:
    found = []
    stored_keys = {(flow, field): value for _, flow, field, value, _ in key_rows}
    expected_keys = {(case.flow_id, field): value for field, value in derived.keys.items()}
    # A key row in another state than its case's would hide a holder from the guards.
    moved = {field for _, _, field, _, state in key_rows if state != case.state}
    if stored_keys != expected_keys or moved:
        differ = sorted(
            {
                field
                for flow, field in set(stored_keys) | set(expected_keys)
                if stored_keys.get((flow, field)) != expected_keys.get((flow, field))
            }
            | moved
        )
        found.append(
            VerifyProblem(
                case.id,
                None,
                "index",
                "the index of held resources and unique keys disagrees with the case's data "
                f"in: {', '.join(differ)} (an index row forged, deleted or moved to another state)",
                f"ดัชนีทรัพย์สินที่ยืมและค่าที่ห้ามซ้ำไม่ตรงกับข้อมูลของเรื่อง: {', '.join(differ)} "
                "(มีการปลอม ลบ หรือย้ายสถานะของแถวดัชนี)",
            )
        )
    rows = sorted((trigger, due) for _, trigger, due in deadline_rows)
    column = sorted((d.trigger, d.due) for d in case.deadlines)
    expected = sorted((d.trigger, d.due) for d in derived.deadlines)
    if rows != expected or column != expected:
        shown = ", ".join(f"{t} {due:%Y-%m-%d %H:%M}" for t, due in expected) or "none"
        found.append(
            VerifyProblem(
                case.id,
                None,
                "deadlines",
                "the open deadlines the store keeps differ from those the case's state and "
                f"data give ({shown}): a deadline row forged or deleted",
                f"กำหนดเวลาที่เก็บไว้ไม่ตรงกับที่คำนวณจากสถานะและข้อมูลของเรื่อง ({shown}) "
                "(มีการปลอมหรือลบกำหนดเวลา)",
            )
        )
    return found


@attrs.frozen
class _Row:
    """A case as read, or a row that could not be read, by its id."""

    found: Case | UnreadableCase

    @property
    def case_id(self) -> str:
        return self.found.case_id if isinstance(self.found, UnreadableCase) else self.found.id


def _unreadable(row: UnreadableCase) -> VerifyProblem:
    return VerifyProblem(
        row.case_id,
        None,
        "unreadable",
        f"the case row cannot be read: its '{row.column}' is not valid ({row.detail}); "
        "it was edited or corrupted in the store",
        f"อ่านข้อมูลเรื่องไม่ได้: ช่อง '{row.column}' ไม่ใช่ข้อมูลที่ระบบบันทึก ถูกแก้ไขหรือเสียหายในที่เก็บข้อมูล",
    )


def _no_trail(row: _Row) -> list[VerifyProblem]:
    found = [] if not isinstance(row.found, UnreadableCase) else [_unreadable(row.found)]
    found.append(
        VerifyProblem(
            row.case_id,
            None,
            "trail_missing",
            "the case has no audit trail",
            "เรื่องนี้ไม่มีบันทึกการตรวจสอบ",
        )
    )
    return found


def _chains(
    events: Iterable[StoredEvent],
    problems: list[VerifyProblem],
    counts: dict[str, int],
    against: Against | None,
) -> Iterator[_Chain]:
    chain: _Chain | None = None
    read = 0
    for event in events:
        read += 1
        if chain is None or chain.case_id != event.case_id:
            if chain is not None:
                yield chain
            chain = _Chain(event.case_id)
        _step(chain, event, against, problems)
    counts["events"] = read
    if chain is not None:
        yield chain


def _problem(event: StoredEvent, kind: str, en: str, th: str) -> VerifyProblem:
    return VerifyProblem(event.case_id, event.pos, kind, en, th)


def _step(
    chain: _Chain, event: StoredEvent, against: Against | None, found: list[VerifyProblem]
) -> None:
    """Check one event against the chain so far, adding its problems to ``found``, then
    advance the chain."""
    if event.pos != chain.pos + 1:
        found.append(
            _problem(
                event,
                "gap",
                f"expected event #{chain.pos + 1} here (deleted or inserted event)",
                f"ควรเป็นเหตุการณ์ลำดับที่ {chain.pos + 1} (มีการลบหรือแทรก)",
            )
        )
    if event.prev_hash != chain.head:
        found.append(
            _problem(
                event,
                "broken_link",
                "does not link to the event before it (deleted, inserted or reordered event)",
                "ไม่เชื่อมกับเหตุการณ์ก่อนหน้า (มีการลบ แทรก หรือสลับลำดับ)",
            )
        )
    if hashlib.sha256(event.body.encode()).hexdigest() != event.hash:
        found.append(
            _problem(
                event,
                "edited",
                "the event's content does not match its hash (edited)",
                "เนื้อหาเหตุการณ์ไม่ตรงกับค่าแฮช (ถูกแก้ไข)",
            )
        )
    try:
        body = parse_json(event.body)
    except ValueError:
        body = None
    if not isinstance(body, dict):
        found.append(
            _problem(
                event, "unreadable", "the stored event is not readable JSON", "อ่านข้อมูลเหตุการณ์ไม่ได้"
            )
        )
        chain.refused_start = False
    else:
        found.extend(_check_body(event, body))
        if against is not None:
            found.extend(against.event(event, body))
        try:
            _advance(chain, body)
        except (AttributeError, KeyError, TypeError, ValueError, OverflowError):
            # Hashed as stored, yet not an event the engine writes: a chain rewritten
            # with its hashes recomputed (or a store corrupted that way).
            found.append(
                _problem(
                    event,
                    "malformed",
                    "the event's recorded fields are not of the form the engine writes "
                    "(a forged or corrupted event)",
                    "ข้อมูลในเหตุการณ์ไม่อยู่ในรูปแบบที่ระบบบันทึก (เหตุการณ์ปลอมหรือเสียหาย)",
                )
            )
        # Only a chain's first event can make it a refused start.
        chain.refused_start = chain.events == 0 and _refused_start(body)
    chain.events += 1
    chain.pos = event.pos
    chain.head = event.hash


def _refused_start(body: dict[str, Any]) -> bool:
    return (body.get("outcome"), body.get("trigger"), body.get("from_state")) == (
        "refused",
        "start",
        None,
    ) and body.get("case_version") == 0


def _check_body(event: StoredEvent, body: dict[str, Any]) -> list[VerifyProblem]:
    stored = (body.get("case_id"), body.get("pos"), body.get("prev_hash"))
    if stored == (event.case_id, event.pos, event.prev_hash):
        return []
    return [
        _problem(
            event,
            "moved",
            "the event's recorded case, position or link differs from where "
            "it is stored (moved or reordered)",
            "ตำแหน่งของเหตุการณ์ไม่ตรงกับที่บันทึกไว้ (ถูกย้ายหรือสลับลำดับ)",
        )
    ]


def _advance(chain: _Chain, body: dict[str, Any]) -> None:
    outcome = body.get("outcome")
    if outcome == "refused":
        return
    if outcome == SEALED:
        # Values written in clear, sealed since (``db seal``): from now on the trail
        # holds them as ``***``, and the case must hold them sealed.
        for key in body.get("data") or {}:
            chain.data[key] = REDACTED
            chain.redacted.add(key)
        return
    if outcome == MIGRATED:
        # A case moved to another version of its flow: the event holds all of its data
        # as the new version has it (a renamed field under its new name).
        chain.data.clear()
        chain.redacted.clear()
    elif outcome != "moved":
        return
    _moved(chain, body)


def _moved(chain: _Chain, body: dict[str, Any]) -> None:
    """Advance ``chain`` by a move (or a migration): its state, actors and data."""
    chain.moved = True
    chain.state = body.get("to_state")
    chain.version = int(body.get("case_version") or 0)
    chain.flow_id = body.get("flow_id")
    actor, trigger = str(body.get("actor")), str(body.get("trigger"))
    chain.fired_by[trigger] = actor
    binds = (body.get("authority") or {}).get("binds")
    if binds:
        chain.actors[str(binds)] = actor
    for key, given in (body.get("data") or {}).items():
        value = replay_records(chain.data.get(key), given) if _is_records_delta(given) else given
        chain.data[key] = value
        if value == "***":
            chain.redacted.add(key)
        else:
            chain.redacted.discard(key)
    act = body.get("committee")
    if isinstance(act, dict):
        name = str(act.get("name"))
        try:
            chain.data[name] = committees.apply(chain.data.get(name), act)
        except (KeyError, IndexError, TypeError, ValueError):
            # An act that cannot be replayed leaves the record unknown, and so unequal.
            chain.data[name] = {"unreadable act": act}


def _compare(chain: _Chain, case: Case) -> list[VerifyProblem]:
    def differs(kind: str, en: str, th: str) -> VerifyProblem:
        return VerifyProblem(case.id, None, kind, en, th)

    found: list[VerifyProblem] = []
    if case.events != chain.pos:
        found.append(
            differs(
                "head",
                f"the case's head is event #{case.events} but its trail "
                f"ends at #{chain.pos} (events removed or added at the end)",
                f"ค่าล่าสุดของเรื่องเป็นเหตุการณ์ลำดับที่ {case.events} แต่บันทึกการตรวจสอบสิ้นสุดที่ลำดับที่ "
                f"{chain.pos} (มีการตัดหรือเพิ่มท้ายบันทึก)",
            )
        )
    elif case.head != chain.head:
        found.append(
            differs(
                "head",
                f"the case's head hash is not the hash of its trail's last event #{chain.pos} "
                "(the trail or the case's head was rewritten, its length unchanged)",
                f"ค่าแฮชล่าสุดของเรื่องไม่ตรงกับเหตุการณ์สุดท้ายลำดับที่ {chain.pos} ของบันทึกการตรวจสอบ "
                "(บันทึกหรือค่าล่าสุดของเรื่องถูกเขียนใหม่ โดยจำนวนเหตุการณ์เท่าเดิม)",
            )
        )
    if case.flow_id != chain.flow_id:
        found.append(
            differs(
                "state",
                f"the case says flow '{case.flow_id}', its trail says '{chain.flow_id}'",
                f"ขั้นตอนงานของเรื่อง '{case.flow_id}' ไม่ตรงกับบันทึกการตรวจสอบ '{chain.flow_id}'",
            )
        )
    if (case.state, case.version) != (chain.state, chain.version):
        found.append(
            differs(
                "state",
                f"the case says state '{case.state}' version "
                f"{case.version}, its trail says '{chain.state}' version "
                f"{chain.version}",
                f"สถานะของเรื่อง '{case.state}' ฉบับที่ {case.version} ไม่ตรงกับบันทึกการตรวจสอบ "
                f"'{chain.state}' ฉบับที่ {chain.version}",
            )
        )
    if dict(case.actors) != chain.actors or dict(case.fired_by) != chain.fired_by:
        found.append(
            differs(
                "actors",
                "the case's bound actors (requester, who fired what) differ from its trail",
                "ผู้ดำเนินการที่ผูกกับเรื่อง (ผู้ขอ ผู้ดำเนินการแต่ละขั้น) ไม่ตรงกับบันทึกการตรวจสอบ",
            )
        )
    clear = sorted(k for k in chain.redacted if not _protected(case.data.get(k)))
    if clear:
        found.append(
            differs(
                "clear_value",
                f"the case holds {', '.join(clear)} in clear where its trail says sealed or "
                "hashed (a protected value replaced in the store)",
                f"เรื่องเก็บ {', '.join(clear)} เป็นข้อความธรรมดา ทั้งที่บันทึกการตรวจสอบระบุว่าเข้ารหัสไว้ "
                "(ค่าที่ป้องกันไว้ถูกแทนที่ในที่เก็บข้อมูล)",
            )
        )
    visible = {k: v for k, v in case.data.items() if k not in chain.redacted}
    expected = {k: v for k, v in chain.data.items() if k not in chain.redacted}
    if not _same(visible, expected):
        keys = sorted(
            k for k in set(visible) | set(expected) if not _same(visible.get(k), expected.get(k))
        )
        found.append(
            differs(
                "data",
                f"the case's data differs from its trail in: {', '.join(keys)}",
                f"ข้อมูลของเรื่องไม่ตรงกับบันทึกการตรวจสอบ: {', '.join(keys)}",
            )
        )
    return found


#: The outcome of an event sealing values written in clear (``Engine.seal_clear_values``).
SEALED = "sealed"
#: The outcome of an event moving a case to another version of its flow (``Engine.migrate``).
MIGRATED = "migrated"
# What a store holds for a value its trail shows as ``***``: sealed text
# (``protection.keys.SEALED_PREFIX``), a keyed hash in hex, or a list of sealed items.
_SEALED_TEXT = "sealed:"
_HASHED = re.compile(r"[0-9a-f]{64}")


def _protected(value: Any) -> bool:
    """True when ``value`` is what the engine stores for a protected value (or nothing)."""
    if value in (None, "", []):
        return True
    if isinstance(value, str):
        return value.startswith(_SEALED_TEXT) or _HASHED.fullmatch(value) is not None
    if isinstance(value, list):
        return all(isinstance(item, str) and _protected(item) for item in value)
    return False


_DELTA_KEYS = frozenset({"key", "added", "amended", "removed"})


def _is_records_delta(value: Any) -> bool:
    """True for what an event records of a records field: the items added, amended and
    removed, and the sub-field that names an item."""
    return isinstance(value, dict) and "key" in value and set(value) <= _DELTA_KEYS


def replay_records(items: Any, delta: dict[str, Any]) -> list[Any]:
    """The items after an event's ``delta``: removed and amended items found by their
    key, added ones appended."""
    found = list(items) if isinstance(items, list) else []
    key = delta.get("key")
    if key is not None:
        gone = {_key_of(i, key) for i in delta.get("removed") or ()}
        amended = {_key_of(i, key): i for i in delta.get("amended") or ()}
        found = [amended.get(_key_of(i, key), i) for i in found if _key_of(i, key) not in gone]
    return [*found, *(delta.get("added") or ())]


def _key_of(item: Any, key: str) -> Any:
    return item.get(key) if isinstance(item, dict) else None


def _same(actual: Any, recorded: Any) -> bool:
    """Equal, where a value the trail shows as ``***`` (a sensitive sub-field of a record)
    stands for whatever the case holds."""
    if recorded == REDACTED:
        return _protected(actual)
    if isinstance(actual, Mapping) and isinstance(recorded, Mapping):
        return actual.keys() == recorded.keys() and all(
            _same(actual[k], recorded[k]) for k in actual
        )
    if isinstance(actual, list) and isinstance(recorded, list):
        return len(actual) == len(recorded) and all(
            _same(a, r) for a, r in zip(actual, recorded, strict=True)
        )
    return bool(actual == recorded)
