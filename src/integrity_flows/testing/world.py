"""The world of one Gherkin scenario: an engine, a fixed clock, the people and the cases.

Plain Python, no pytest: the step definitions in :mod:`integrity_flows.testing.steps`
are thin wrappers around :class:`World`, and a host may drive a ``World`` from its own
test code too. A check that does not hold raises :class:`StepFailed` (an
``AssertionError``) whose message says, in words an auditor can follow, what was
expected and what the engine actually did.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import attrs

from integrity_flows.actor import SYSTEM, Actor
from integrity_flows.audit.records import AuditEvent
from integrity_flows.calendars import THAI_TZ, parse_date, parse_decimal, parse_int
from integrity_flows.case import Case
from integrity_flows.clock import FixedClock
from integrity_flows.complaints.progress import Progress
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.directory import StaticDirectory, read_directory
from integrity_flows.duties import STATUS_LABELS, STATUSES, Occurrence
from integrity_flows.engine import data as casedata
from integrity_flows.engine.runtime import Engine
from integrity_flows.engine.sensitive import READ_TRIGGER
from integrity_flows.errors import DirectoryError, FlowError, Refused, UnknownFlow
from integrity_flows.reports.base import Cell, Figure, FigureValue, Table
from integrity_flows.reports.catalogue import run_report
from integrity_flows.testing.complaints import open_case

#: The moment a scenario begins unless it says otherwise: 1 October 2566 (the first day
#: of fiscal year 2567), 09:00 Thai time.
DEFAULT_START = datetime(2023, 10, 1, 9, 0, tzinfo=THAI_TZ)
#: The time of day a scenario's "today" is set to.
WORKDAY_TIME = time(9, 0)

START_WORDS = frozenset({"start", "เริ่มเรื่อง"})
SYSTEM_WORDS = frozenset({"system", "ระบบ"})
_EMPTY_CELLS = frozenset({"", "-", "—", "–"})
_HEADER_KEYS = frozenset({"field", "key", "ข้อมูล", "รายการ"})
_HEADER_VALUES = frozenset({"value", "ค่า"})
_FIGURE_HEADERS = frozenset({"figure", "field", "key", "รายการ", "ข้อมูล"})
_YES = frozenset({"yes", "true", "y", "ใช่", "จริง", "บรรลุ"})
_NO = frozenset({"no", "false", "n", "ไม่ใช่", "ไม่", "เท็จ", "ไม่บรรลุ"})
_NONE = frozenset({*_EMPTY_CELLS, "none", "ไม่มี"})

#: The columns of an audit-trail table, by every name a feature may give them.
RECORD_COLUMNS: Mapping[str, str] = {
    "actor": "actor", "ผู้ดำเนินการ": "actor",
    "trigger": "trigger", "action": "trigger", "การดำเนินการ": "trigger",
    "from": "from", "from state": "from", "จากสถานะ": "from",
    "to": "to", "to state": "to", "เป็นสถานะ": "to",
    "outcome": "outcome", "ผล": "outcome", "ผลลัพธ์": "outcome",
}  # fmt: skip
_OUTCOMES: Mapping[str, str] = {
    "moved": "moved", "done": "moved", "สำเร็จ": "moved", "ดำเนินการแล้ว": "moved",
    "refused": "refused", "ถูกปฏิเสธ": "refused", "ปฏิเสธ": "refused",
    "read": "read", "เปิดอ่าน": "read",
}  # fmt: skip
#: How a table names the reading of sensitive data (Engine.reveal) in the trigger column.
READ_WORDS = frozenset({"reveal", "read", "เปิดอ่าน", "เปิดอ่านข้อมูลอ่อนไหว"})


class StepFailed(AssertionError):
    """A step of a scenario did not hold."""


@attrs.define
class Person:
    """Someone named in a scenario: the roles they hold (as written) and their unit."""

    roles: list[str] = attrs.field(factory=list)
    unit: str | None = None


@attrs.define
class World:
    """Everything one scenario has set up so far.

    ``cases`` maps the names a scenario gives its cases (``"L1"``) to case ids; the
    *current* case is the one last started or last named.
    """

    engine: Engine
    clock: FixedClock
    people: dict[str, Person] = attrs.field(factory=dict)
    cases: dict[str, str] = attrs.field(factory=dict)
    current: str | None = None
    # Complaints (integrity_flows.testing.complaints): the tracking code of each case that
    # issued one, as its complainant keeps it, and what the complainant saw last.
    codes: dict[str, str] = attrs.field(factory=dict)
    followed: Progress | None = None
    # A directory the scenario loaded (docs/directory.md): then it, not the scenario's
    # "holds the role" steps, says who holds which role and unit on the day.
    directory: StaticDirectory | None = None

    def __attrs_post_init__(self) -> None:
        # The people the scenario names are the engine's directory: a rule may check
        # someone an action names (their unit), not only the one who acts.
        self.engine.directory = self.known

    def known(self, name: str) -> Actor | None:
        """The person ``name`` as the scenario set them up (their unit), if at all."""
        person = self.people.get(name)
        return (
            None if person is None else Actor(name, roles=frozenset(person.roles), unit=person.unit)
        )

    # --- people -------------------------------------------------------------

    def load_directory(self, rows: Sequence[Sequence[str]]) -> StaticDirectory:
        """Load a directory from a table whose first row names the columns, in Thai or
        English, as a CSV file's header does (docs/directory.md); the engine then checks
        every actor against it."""
        out = io.StringIO()
        csv.writer(out).writerows([list(row) for row in rows])
        try:
            directory = read_directory(out.getvalue(), "<scenario directory>", kind="csv")
        except DirectoryError as exc:
            raise StepFailed(f"{exc.message_en}\n{exc.message_th}") from exc
        self.directory = directory
        self.engine.directory = directory
        return directory

    def give_roles(self, name: str, roles: Iterable[str], unit: str | None = None) -> None:
        """``name`` holds ``roles`` (ids or labels, resolved when they act) from now on."""
        person = self.people.setdefault(name, Person())
        for role in roles:
            if role not in person.roles:
                person.roles.append(role)
        if unit is not None:
            person.unit = unit

    def set_unit(self, name: str, unit: str) -> None:
        """``name`` belongs to ``unit``."""
        self.people.setdefault(name, Person()).unit = unit

    def actor(self, name: str, definition: FlowDefinition | None = None) -> Actor:
        """The actor ``name`` with their roles resolved against ``definition``.

        A person first mentioned here holds no roles; ``system``/``ระบบ``, unless the
        scenario gave someone that name, is the engine's system actor.
        """
        if name in SYSTEM_WORDS and name not in self.people:
            return SYSTEM
        person = self.people.setdefault(name, Person())
        if self.directory is not None:
            # The directory gives the roles and the unit; roles the scenario gave narrow
            # (or overreach, and are refused by the engine).
            claimed = {_resolve_role(definition, role) for role in person.roles}
            return Actor(name, roles=frozenset(claimed), unit=person.unit)
        roles = {_resolve_role(definition, role) for role in person.roles}
        return Actor(name, roles=frozenset(roles), unit=person.unit)

    # --- time ---------------------------------------------------------------

    def today_is(self, text: str) -> datetime:
        """Make it ``text`` (a date, Thai or English, B.E. or C.E.) at 09:00 Thai time.

        Moving forward walks one day at a time, sweeping after each day, so deadlines
        fall due on the day they would in real life; moving back only sets the clock.
        """
        target = datetime.combine(_date(text), WORKDAY_TIME, THAI_TZ)
        if target <= self.clock():
            self.clock.set(target)
            return self.clock()
        while self.clock() + timedelta(days=1) <= target:
            self.clock.advance(days=1)
            self.engine.sweep()
        if self.clock() < target:
            self.clock.set(target)
            self.engine.sweep()
        return self.clock()

    def pass_days(self, days: int | str) -> datetime:
        """Let ``days`` days pass, one at a time, sweeping after each."""
        for _ in range(parse_int(days)):
            self.clock.advance(days=1)
            self.engine.sweep()
        return self.clock()

    # --- cases --------------------------------------------------------------

    def case_id(self, name: str | None = None) -> str:
        """The id of the case called ``name``, or of the current case; naming makes it current."""
        if name is None:
            if self.current is None:
                msg = "no case has been started yet / ยังไม่ได้เริ่มเรื่องใด"
                raise StepFailed(msg)
            return self.current
        found = self.cases.get(name)
        if found is None:
            known = ", ".join(f'"{n}"' for n in self.cases) or "none"
            msg = f'no case is called "{name}" (cases: {known}) / ไม่มีเรื่องชื่อ "{name}"'
            raise StepFailed(msg)
        self.current = found
        return found

    def case(self, name: str | None = None) -> Case:
        """The case called ``name`` (or the current one) as stored now."""
        return self.engine.get(self.case_id(name))

    def definition(self, name: str | None = None) -> FlowDefinition:
        """The definition the case called ``name`` (or the current one) runs on."""
        return self.engine.definition_of(self.case(name))

    def _flow(self, flow_id: str) -> FlowDefinition | None:
        try:
            return self.engine.flows.get(flow_id)
        except UnknownFlow:
            return None

    def start(
        self,
        actor: str,
        flow_id: str,
        rows: Sequence[Sequence[str]] | None = None,
        name: str | None = None,
    ) -> Case:
        """``actor`` opens a case of ``flow_id`` with the data of ``rows``; it becomes current."""
        if name is not None and name in self.cases:
            msg = f'a case called "{name}" was already started / มีเรื่องชื่อ "{name}" แล้ว'
            raise StepFailed(msg)
        definition = self._flow(flow_id)
        who = self.actor(actor, definition)
        data = self._link_parent(definition, table_data(rows, definition))
        try:
            case = open_case(self, flow_id, who, data)
        except Refused as exc:
            msg = (
                f'"{actor}" could not start a "{flow_id}" case / "{actor}" เริ่มเรื่อง '
                f'"{flow_id}" ไม่ได้:\n{describe_refusal(exc)}'
            )
            raise StepFailed(msg) from exc
        self.cases[name if name is not None else case.id] = case.id
        self.current = case.id
        return case

    def _link_parent(
        self, definition: FlowDefinition | None, data: dict[str, Any]
    ) -> dict[str, Any]:
        """A child case's parent named as the scenario names it (``"R1"``), or, when not
        named, the scenario's latest case of the parent flow; a field another field is read
        through (``from_case.via``) may name its case as the scenario names it too."""
        link = definition.parent if definition is not None else None
        if definition is not None:
            data = self._link_reads(definition, data)
        if definition is None or link is None:
            return data
        # The table may name the parent field by its id or by either label.
        key = next((k for k in data if definition.field_id(k) == link.field), link.field)
        named = data.get(key)
        if isinstance(named, str) and named in self.cases:
            return {**data, key: self.cases[named]}
        if named in (None, ""):
            parents = [i for i in self.cases.values() if self.engine.get(i).flow_id == link.flow]
            if parents:
                return {**data, link.field: parents[-1]}
        return data

    def _link_reads(self, definition: FlowDefinition, data: dict[str, Any]) -> dict[str, Any]:
        vias = {f.from_case.via for f in definition.data.values() if f.from_case is not None}
        found = dict(data)
        for key, value in data.items():
            if definition.field_id(key) in vias and isinstance(value, str) and value in self.cases:
                found[key] = self.cases[value]
        return found

    def cannot_start(
        self,
        actor: str,
        flow_id: str,
        because: str | None = None,
        rows: Sequence[Sequence[str]] | None = None,
    ) -> Refused:
        """``actor`` tries to open a case and must be refused (for ``because``); no case opens."""
        definition = self._flow(flow_id)
        who = self.actor(actor, definition)
        before = len(self.engine.cases())
        try:
            data = self._link_parent(definition, table_data(rows, definition))
            case = open_case(self, flow_id, who, data)
        except Refused as exc:
            _expect_mention(exc, because, definition)
            after = len(self.engine.cases())
            if after != before:
                msg = f"a refused start opened a case anyway ({before} cases, now {after})"
                raise StepFailed(msg) from exc
            last = list(self.engine.events())[-1]
            if (last.trigger, last.outcome, last.actor) != ("start", "refused", who.id):
                msg = (
                    "the refused start is not the last event of the audit trail / "
                    "การปฏิเสธการเริ่มเรื่องไม่ได้ถูกบันทึก"
                )
                raise StepFailed(msg) from exc
            return exc
        msg = (
            f'"{actor}" was allowed to start a "{flow_id}" case ({case.id}, state '
            f'"{case.state}") but should have been refused / "{actor}" เริ่มเรื่องได้ '
            f"ทั้งที่ควรถูกปฏิเสธ"
        )
        raise StepFailed(msg)

    def fire(
        self,
        actor: str,
        trigger: str,
        case: str | None = None,
        rows: Sequence[Sequence[str]] | None = None,
    ) -> Case:
        """``actor`` fires ``trigger`` (id or label) on the case, with the data of ``rows``."""
        case_id = self.case_id(case)
        definition = self.definition(case)
        who = self.actor(actor, definition)
        try:
            data = self._link_reads(definition, table_data(rows, definition))
            return self.engine.fire(case_id, trigger, actor=who, data=data)
        except Refused as exc:
            msg = (
                f'"{actor}" could not fire "{trigger}" on {self._case_name(case_id)} / '
                f'"{actor}" ดำเนินการ "{trigger}" ไม่ได้:\n{describe_refusal(exc)}'
            )
            raise StepFailed(msg) from exc

    def cannot_fire(
        self,
        actor: str,
        trigger: str,
        because: str | None = None,
        case: str | None = None,
        rows: Sequence[Sequence[str]] | None = None,
    ) -> Refused:
        """``actor`` tries ``trigger`` and must be refused (for ``because``).

        The case keeps its state and version, and the attempt is the last event of its
        audit trail, recorded as a refusal.
        """
        case_id = self.case_id(case)
        before = self.engine.get(case_id)
        definition = self.engine.definition_of(before)
        who = self.actor(actor, definition)
        try:
            data = self._link_reads(definition, table_data(rows, definition))
            moved = self.engine.fire(case_id, trigger, actor=who, data=data)
        except Refused as exc:
            _expect_mention(exc, because, definition)
            self._expect_unchanged(before, who, exc)
            return exc
        msg = (
            f'"{actor}" was allowed to fire "{trigger}" on {self._case_name(case_id)} '
            f'(now "{moved.state}") but should have been refused / "{actor}" ดำเนินการ '
            f'"{trigger}" ได้ทั้งที่ควรถูกปฏิเสธ'
        )
        raise StepFailed(msg)

    def _expect_unchanged(self, before: Case, who: Actor, error: Refused) -> None:
        after = self.engine.get(before.id)
        if (after.state, after.version, dict(after.data)) != (
            before.state,
            before.version,
            dict(before.data),
        ):
            msg = (
                f"a refusal changed the case: state {before.state} -> {after.state}, "
                f"version {before.version} -> {after.version}"
            )
            raise StepFailed(msg) from error
        last = self.engine.history(before.id)[-1]
        if last.outcome != "refused" or last.actor != who.id or last.refusal != error.code:
            msg = (
                f"the refusal is not the last event of the audit trail (last: {last.actor} "
                f"{last.trigger} {last.outcome}) / การปฏิเสธไม่ได้ถูกบันทึก"
            )
            raise StepFailed(msg) from error

    def _case_name(self, case_id: str) -> str:
        for name, found in self.cases.items():
            if found == case_id and name != case_id:
                return f'case "{name}" ({case_id})'
        return f"case {case_id}"

    # --- checks -------------------------------------------------------------

    def expect_state(self, state: str, case: str | None = None) -> None:
        """The case is in ``state`` (id or label)."""
        found = self.case(case)
        definition = self.engine.definition_of(found)
        wanted = definition.state_id(state)
        if wanted is None:
            known = ", ".join(f"{k} ({s.label.th})" for k, s in definition.states.items())
            msg = (
                f'flow "{definition.id}" has no state "{state}" (states: {known}) / '
                f'ไม่มีสถานะ "{state}"'
            )
            raise StepFailed(msg)
        if found.state != wanted:
            now = definition.label_of_state(found.state)
            msg = (
                f'{self._case_name(found.id)} is in state "{found.state}" ({now.th}), '
                f'expected "{wanted}" / เรื่องอยู่ในสถานะ "{now.th}" '
                f'ไม่ใช่ "{definition.label_of_state(wanted).th}"'
            )
            raise StepFailed(msg)

    def expect_available(self, actor: str, trigger: str, case: str | None = None) -> None:
        """``actor`` may fire ``trigger`` now (as far as roles and guards go)."""
        case_id = self.case_id(case)
        definition = self.definition(case)
        wanted = definition.trigger_id(trigger)
        available = self.engine.available(case_id, actor=self.actor(actor, definition))
        if wanted is None or wanted not in available:
            msg = (
                f'"{actor}" may not fire "{trigger}" now (may fire: '
                f'{", ".join(available) or "nothing"}) / "{actor}" ดำเนินการ "{trigger}" '
                f"ไม่ได้ในขณะนี้"
            )
            raise StepFailed(msg)

    def expect_data(self, rows: Sequence[Sequence[str]], case: str | None = None) -> None:
        """The case's data holds each field | value of ``rows`` (values read as the flow does)."""
        found = self.case(case)
        definition = self.engine.definition_of(found)
        wrong = []
        for key, value in table_data(rows, definition, keep_empty=True).items():
            field = definition.field_id(key)
            if field is None:
                wrong.append(f'flow "{definition.id}" has no field "{key}"')
                continue
            expected: Any = None
            if value not in _EMPTY_CELLS:
                expected, problems = casedata.read(definition, field, value)
                if problems:
                    wrong.append("; ".join(p.en for p in problems))
                    continue
            actual = found.data.get(field)
            if actual != expected and not (expected is None and actual in ("", [])):
                wrong.append(f"{field}: expected {expected!r}, found {actual!r}")
        if wrong:
            msg = "the case data differs / ข้อมูลของเรื่องไม่ตรง:\n  " + "\n  ".join(wrong)
            raise StepFailed(msg)

    def expect_verified(self) -> None:
        """The whole audit trail verifies: every chain intact, every case agreeing."""
        report = self.engine.verify()
        if not report.ok:
            listing = "\n  ".join(str(p) for p in report.problems)
            msg = (
                f"the audit trail does not verify / บันทึกการตรวจสอบไม่ถูกต้อง "
                f"({len(report.problems)} problem(s)):\n  {listing}"
            )
            raise StepFailed(msg)

    def expect_records(self, rows: Sequence[Sequence[str]], case: str | None = None) -> None:
        """The case's audit trail holds the rows of the table, in that order.

        The first row names the columns (actor, trigger, from, to and optionally
        outcome; in Thai ผู้ดำเนินการ, การดำเนินการ, จากสถานะ, เป็นสถานะ, ผล). Without an
        outcome column the rows are matched against the moves only; other events may
        come between them.
        """
        case_id = self.case_id(case)
        definition = self.definition(case)
        if not rows:
            msg = "the audit trail table is empty / ตารางบันทึกการตรวจสอบว่างเปล่า"
            raise StepFailed(msg)
        columns = [_column(cell) for cell in rows[0]]
        expected = [dict(zip(columns, (c.strip() for c in row), strict=True)) for row in rows[1:]]
        events = self.engine.history(case_id)
        if "outcome" not in columns:
            events = [e for e in events if e.moved]
        position = 0
        for index, row in enumerate(expected):
            while position < len(events) and not _row_matches(definition, events[position], row):
                position += 1
            if position == len(events):
                msg = (
                    f"row {index + 1} of the table is not in the audit trail of "
                    f"{self._case_name(case_id)} (after the rows before it) / ไม่พบแถวที่ "
                    f"{index + 1} ในบันทึกการตรวจสอบ: {' | '.join(row.values())}\n"
                    f"the trail / บันทึกที่มี:\n{render_history(definition, events)}"
                )
                raise StepFailed(msg)
            position += 1

    # --- reports ------------------------------------------------------------

    def report(
        self, name: str, fiscal_year: str | None, *, case: str | None = None
    ) -> list[Figure]:
        """The figures of the report ``name`` (id or label) for fiscal year ``fiscal_year``,
        or for the case named ``case`` (a report of one case)."""
        if self.engine.reports.find(name) is None:
            known = ", ".join(f'"{r.id}" ({r.label.th})' for r in self.engine.reports)
            msg = f'no report is called "{name}" (reports: {known}) / ไม่มีรายงาน "{name}"'
            raise StepFailed(msg)
        try:
            year = fiscal_year.strip() if fiscal_year is not None else None
            case_id = self.case_id(case) if case is not None else None
            return run_report(self.engine, name, fiscal_year=year, case_id=case_id)
        except FlowError as exc:
            msg = f'the report "{name}" cannot be made / ทำรายงาน "{name}" ไม่ได้: {exc}'
            raise StepFailed(msg) from exc

    def expect_report(
        self,
        name: str,
        fiscal_year: str | None,
        rows: Sequence[Sequence[str]],
        *,
        case: str | None = None,
    ) -> None:
        """Each figure | value row of ``rows`` agrees with the report's figure of that name.

        Counts, amounts and percentages compare as numbers (Thai digits, commas, ``บาท``
        and ``%`` allowed); lists of names compare in any order, names separated by
        commas; ``-`` or empty means none; yes/no as ใช่/ไม่ใช่ or yes/no.
        """
        figures = self.report(name, fiscal_year, case=case)
        wrong = []
        for key, cell in _figure_rows(rows):
            figure = next((f for f in figures if f.matches(key)), None)
            if figure is None:
                known = ", ".join(f"{f.key} ({f.label.th})" for f in figures)
                wrong.append(f'no figure "{key}" (figures: {known})')
            elif not figure_agrees(figure.value, cell):
                wrong.append(
                    f'{figure.key} ({figure.label.th}): expected "{cell}", found "{figure.text()}"'
                )
        if wrong:
            msg = f'the report "{name}" differs / รายงาน "{name}" ไม่ตรง:\n  ' + "\n  ".join(wrong)
            raise StepFailed(msg)

    def expect_register(
        self,
        name: str,
        fiscal_year: str | None,
        figure: str,
        rows: Sequence[Sequence[str]],
        *,
        case: str | None = None,
    ) -> None:
        """The register (table figure) ``figure`` of the report holds exactly the rows
        below the header row, in order; the header names the columns compared (by id or by
        Thai or English label), cells compare as :func:`cell_agrees`."""
        found = next(
            (f for f in self.report(name, fiscal_year, case=case) if f.matches(figure)), None
        )
        if found is None or not isinstance(found.value, Table):
            msg = (
                f'the report "{name}" has no register "{figure}"'
                f' / รายงาน "{name}" ไม่มีทะเบียน "{figure}"'
            )
            raise StepFailed(msg)
        table = found.value
        header, *expected = [[c.strip() for c in row] for row in rows] or [[]]
        columns = [_column_of(table, h) for h in header]
        unknown = [h for h, c in zip(header, columns, strict=True) if c is None]
        wrong = [
            f'no column "{h}" (columns: {", ".join(c.th for c in table.columns)})' for h in unknown
        ]
        if not unknown:
            if len(expected) != len(table.rows):
                wrong.append(f"expected {len(expected)} rows, found {len(table.rows)}")
            for i, (want, row) in enumerate(zip(expected, table.rows, strict=False), start=1):
                for cell, column in zip(want, columns, strict=False):
                    assert column is not None
                    if not cell_agrees(row[column], table.kinds[column], cell) and (
                        cell.casefold() not in self._english_of(row[column])
                    ):
                        wrong.append(
                            f'row {i}, "{table.columns[column].th}": '
                            f'expected "{cell}", found "{row[column]}"'
                        )
        if wrong:
            shown = "\n  ".join(
                " | ".join("-" if c is None else str(c) for c in r) for r in table.rows
            )
            msg = (
                f'the register "{figure}" differs / ทะเบียน "{figure}" ไม่ตรง:\n  '
                + "\n  ".join(wrong)
                + f"\nfound / ที่พบ:\n  {shown}"
            )
            raise StepFailed(msg)

    def _english_of(self, cell: Cell) -> set[str]:
        """The English labels of the choices whose Thai label is ``cell`` (a register
        shows an enum by its Thai label; an English feature may name it in English)."""
        if not isinstance(cell, str):
            return set()
        found = set()
        for definition in self.engine.flows.latest():
            for field in definition.data.values():
                labels = [field.choice_labels] + [s.choice_labels for s in field.fields.values()]
                for choices in labels:
                    found |= {c.en.casefold() for c in choices.values() if c.th == cell}
        return found

    def expect_report_hides(
        self, name: str, fiscal_year: str | None, word: str, *, case: str | None = None
    ) -> None:
        """No figure of the report shows ``word`` (a name, a giver ...)."""
        shown = [
            f"{f.key} ({f.label.th}): {f.text()}"
            for f in self.report(name, fiscal_year, case=case)
            if word.casefold() in f.text().casefold()
        ]
        if shown:
            msg = (
                f'the report "{name}" shows "{word}" / รายงาน "{name}" แสดง "{word}":\n  '
                + "\n  ".join(shown)
            )
            raise StepFailed(msg)

    # --- duties -------------------------------------------------------------

    def duty_occurrences(
        self, duty: str, fiscal_year: str, case: str | None = None
    ) -> list[Occurrence]:
        """The occurrences of the duty ``duty`` (id or label) in ``fiscal_year`` as of now,
        of the case named ``case`` when the duty is owed by each case."""
        found = [
            (d.id, x.id)
            for d in self.engine.flows.latest()
            for x in d.duties
            if x.id == duty or x.label.matches(duty)
        ]
        if not found:
            known = ", ".join(
                f'"{x.id}" ({x.label.th})' for d in self.engine.flows.latest() for x in d.duties
            )
            msg = f'no duty is called "{duty}" (duties: {known}) / ไม่มีหน้าที่ "{duty}"'
            raise StepFailed(msg)
        flow_id, duty_id = found[0]
        year = parse_int(fiscal_year.strip())
        occurrences = self.engine.duties(year, flow_id=flow_id, duty_id=duty_id)
        if case is not None:
            owing = self.case_id(case)
            occurrences = [o for o in occurrences if o.owing_case == owing]
        return occurrences

    def _names_period(self, occurrence: Occurrence, name: str) -> bool:
        """``name`` is the occurrence's period, or the scenario's name of the case a duty
        owed once per case of a flow (``each``) is for."""
        found = self.cases.get(name.strip())
        return occurrence.names_period(name) or (found is not None and occurrence.period == found)

    def expect_duty(
        self, duty: str, period: str, fiscal_year: str, status: str, case: str | None = None
    ) -> None:
        """The occurrence of ``duty`` for ``period`` (its name, long or short) has
        ``status`` (in Thai or English words) now."""
        wanted = duty_status(status)
        occurrences = self.duty_occurrences(duty, fiscal_year, case)
        found = [o for o in occurrences if self._names_period(o, period)]
        if not found:
            known = ", ".join(o.period_label.th for o in occurrences)
            msg = (
                f'the duty "{duty}" has no period "{period}" in fiscal year {fiscal_year} '
                f'(periods: {known}) / หน้าที่ "{duty}" ไม่มีงวด "{period}"'
            )
            raise StepFailed(msg)
        wrong = [o for o in found if o.status != wanted]
        if wrong:
            o = wrong[0]
            msg = (
                f'the duty "{duty}" of period "{period}": expected '
                f'"{STATUS_LABELS[wanted].en}", found "{o.status_label.en}" '
                f'({_occurrence_text(o)}) / หน้าที่ "{duty}" งวด "{period}": '
                f'ควรเป็น "{STATUS_LABELS[wanted].th}" แต่เป็น "{o.status_label.th}"'
            )
            raise StepFailed(msg)

    def expect_duty_recorded(
        self, duty: str, period: str, fiscal_year: str, case: str | None = None
    ) -> None:
        """The sweep recorded the occurrence overdue, once, as the system, in its record."""
        occurrences = self.duty_occurrences(duty, fiscal_year, case)
        found = [o for o in occurrences if self._names_period(o, period)]
        if not found or found[0].recorded is None:
            msg = (
                f'the duty "{duty}" of period "{period}" was not recorded overdue / '
                f'หน้าที่ "{duty}" งวด "{period}" ไม่ได้ถูกบันทึกว่าค้างดำเนินการ'
            )
            raise StepFailed(msg)
        events = self.engine.history(found[0].recorded)
        moves = [e for e in events if e.outcome == "moved"]
        if len(moves) != 1 or moves[0].actor != SYSTEM.id or moves[0].trigger != "start":
            shown = render_history(
                self.engine.definition_of(self.engine.get(events[0].case_id)), events
            )
            msg = f"the overdue record was not written once by the system:\n{shown}"
            raise StepFailed(msg)

    def expect_duties(
        self, duty: str, fiscal_year: str, rows: Sequence[Sequence[str]], case: str | None = None
    ) -> None:
        """The year's occurrences of ``duty``, in order, are exactly the period | status
        [| due on] rows (a first header row is left out)."""
        occurrences = self.duty_occurrences(duty, fiscal_year, case)
        given = [[c.strip() for c in row] for row in rows]
        if given and given[0] and given[0][0].casefold() in _PERIOD_HEADERS:
            given = given[1:]
        wrong = []
        if len(given) != len(occurrences):
            wrong.append(f"expected {len(given)} periods, found {len(occurrences)}")
        for row, o in zip(given, occurrences, strict=False):
            if not self._names_period(o, row[0]):
                wrong.append(f'period "{row[0]}": found "{o.period_label.th}"')
            elif len(row) > 1 and o.status != duty_status(row[1]):
                wrong.append(f'{row[0]}: expected "{row[1]}", found "{o.status_label.th}"')
            elif (
                len(row) > 2
                and row[2] not in _EMPTY_CELLS
                and (o.due_on is None or o.due_on != _date(row[2]))
            ):
                wrong.append(f'{row[0]}: due on "{row[2]}", found {o.due_on}')
        if wrong:
            shown = "\n  ".join(_occurrence_text(o) for o in occurrences)
            msg = (
                f'the duty "{duty}" differs / หน้าที่ "{duty}" ไม่ตรง:\n  '
                + "\n  ".join(wrong)
                + f"\nfound / ที่พบ:\n  {shown}"
            )
            raise StepFailed(msg)


#: The words of a duty's status, by every name a feature may give it.
DUTY_STATUS_WORDS: Mapping[str, str] = {
    "ดำเนินการแล้วตามกำหนด": "done_on_time", "ตามกำหนด": "done_on_time",
    "ดำเนินการแล้วภายในกำหนด": "done_on_time", "done on time": "done_on_time",
    "on time": "done_on_time",
    "ดำเนินการแล้วล่าช้า": "done_late", "ล่าช้า": "done_late", "ดำเนินการล่าช้า": "done_late",
    "done late": "done_late", "late": "done_late",
    "ยังไม่ถึงกำหนด": "due", "due": "due", "not yet due": "due",
    "ค้างดำเนินการ": "overdue", "เกินกำหนด": "overdue", "overdue": "overdue",
    "ไม่มีการดำเนินการ": "missing", "ขาดการดำเนินการ": "missing", "missing": "missing",
}  # fmt: skip
_PERIOD_HEADERS = frozenset({"period", "งวด"})


def duty_status(word: str) -> str:
    """The status id a feature's word names (Thai or English, or the id itself)."""
    cleaned = " ".join(word.split()).casefold()
    if cleaned in STATUSES:
        return cleaned
    found = DUTY_STATUS_WORDS.get(cleaned)
    if found is None:
        known = ", ".join(sorted(DUTY_STATUS_WORDS))
        msg = f'"{word}" is not a duty status ({known}) / "{word}" ไม่ใช่สถานะของหน้าที่'
        raise StepFailed(msg)
    return found


def _occurrence_text(o: Occurrence) -> str:
    done = f", {o.fulfilled_by} on {o.fulfilled_on}" if o.fulfilled_by else ""
    return f"{o.period_label.th}: {o.status_label.th} (due {o.due_on}{done})"


# --- helpers -----------------------------------------------------------------


def _date(text: str) -> date:
    try:
        return parse_date(text.strip())
    except ValueError as exc:
        raise StepFailed(str(exc)) from exc


def _resolve_role(definition: FlowDefinition | None, role: str) -> str:
    if definition is None:
        return role
    return definition.role_id(role) or role


def table_data(
    rows: Sequence[Sequence[str]] | None,
    definition: FlowDefinition | None = None,
    *,
    keep_empty: bool = False,
) -> dict[str, Any]:
    """The data of a two-column table (field | value, no header), empty values left out.

    Fields may be named by id or by Thai or English label; the engine resolves them.
    Each row of a records field is one item (``sub=value; sub=value`` or JSON), so
    several rows give several items.
    A first row reading ``field | value`` (``ข้อมูล | ค่า``) is taken as a header.
    """
    data: dict[str, Any] = {}
    for index, row in enumerate(rows or ()):
        cells = [cell.strip() for cell in row]
        if len(cells) != 2:
            msg = (
                f"a data table has two columns, field | value; row {index + 1} has "
                f"{len(cells)} / ตารางข้อมูลต้องมีสองคอลัมน์"
            )
            raise StepFailed(msg)
        key, value = cells
        header = key.casefold() in _HEADER_KEYS and value.casefold() in _HEADER_VALUES
        if index == 0 and header and (definition is None or definition.field_id(key) is None):
            continue
        if not (value or keep_empty):
            continue
        if _records_field(definition, key):  # one row per item: the rows make a list
            data.setdefault(key, []).append(value)
        else:
            data[key] = value
    return data


def _records_field(definition: FlowDefinition | None, key: str) -> bool:
    field_id = definition.field_id(key) if definition is not None else None
    return (
        field_id is not None
        and definition is not None
        and (definition.data[field_id].type == "records")
    )


def _column(cell: str) -> str:
    name = " ".join(cell.split()).casefold()
    found = RECORD_COLUMNS.get(name)
    if found is None:
        msg = (
            f"unknown audit trail column '{cell}' (use actor, trigger, from, to, outcome / "
            f"ผู้ดำเนินการ, การดำเนินการ, จากสถานะ, เป็นสถานะ, ผล)"
        )
        raise StepFailed(msg)
    return found


def _trigger(definition: FlowDefinition, cell: str) -> str:
    if cell.casefold() in START_WORDS or definition.start.label.matches(cell):
        return "start"
    if cell.casefold() in READ_WORDS:
        return READ_TRIGGER
    return definition.trigger_id(cell) or cell


def _state(definition: FlowDefinition, cell: str) -> str | None:
    if cell in _EMPTY_CELLS:
        return None
    return definition.state_id(cell) or cell


def _row_matches(definition: FlowDefinition, event: AuditEvent, row: Mapping[str, str]) -> bool:
    checks = {
        "actor": lambda cell: (
            event.actor == (SYSTEM.id if cell.casefold() in SYSTEM_WORDS else cell)
        ),
        "trigger": lambda cell: event.trigger == _trigger(definition, cell),
        "from": lambda cell: event.from_state == _state(definition, cell),
        "to": lambda cell: event.to_state == _state(definition, cell),
        "outcome": lambda cell: (
            cell in _EMPTY_CELLS or event.outcome == _OUTCOMES.get(cell.casefold(), cell)
        ),
    }
    return all(checks[column](cell) for column, cell in row.items())


def render_history(definition: FlowDefinition, events: Iterable[AuditEvent]) -> str:
    """The events as table rows an auditor can read, with Thai labels."""
    lines = []
    for event in events:
        trigger = definition.label_of_trigger(event.trigger).th
        source = definition.label_of_state(event.from_state).th if event.from_state else ""
        dest = definition.label_of_state(event.to_state).th if event.to_state else ""
        lines.append(
            f"  | {event.actor} | {event.trigger} ({trigger}) | {source} | {dest} "
            f"| {event.outcome} |"
        )
    return "\n".join(lines) or "  (no events)"


def describe_refusal(error: Refused) -> str:
    """An error's message and every reason, both languages, one per line."""
    lines = [f"  {error.message_en}", f"  {error.message_th}"]
    lines += [f"  - [{r.code}] {r.en} / {r.th}" for r in error.reasons]
    return "\n".join(lines)


def _mention_candidates(word: str, definition: FlowDefinition | None) -> set[str]:
    """``word`` and, when it names a role or a field of the flow, its id and both labels."""
    found = {word}
    if definition is None:
        return found
    role = definition.role_id(word)
    if role is not None:
        label = definition.label_of_role(role)
        found |= {role, label.th, label.en}
    field = definition.field_id(word)
    if field is not None:
        spec = definition.data[field]
        found |= {field, spec.label.th, spec.label.en}
    return found


def _expect_mention(error: Refused, word: str | None, definition: FlowDefinition | None) -> None:
    if word is None:
        return
    if any(error.mentions(candidate) for candidate in _mention_candidates(word, definition)):
        return
    msg = (
        f'refused, but not because of "{word}" / ถูกปฏิเสธ แต่ไม่ใช่เพราะ "{word}":\n'
        f"{describe_refusal(error)}"
    )
    raise StepFailed(msg) from error


def _figure_rows(rows: Sequence[Sequence[str]]) -> list[tuple[str, str]]:
    """The figure | value rows of a report table, a first header row left out."""
    found = []
    for index, row in enumerate(rows):
        cells = [cell.strip() for cell in row]
        if len(cells) != 2:
            msg = (
                f"a report table has two columns, figure | value; row {index + 1} has "
                f"{len(cells)} / ตารางรายงานต้องมีสองคอลัมน์"
            )
            raise StepFailed(msg)
        header = cells[0].casefold() in _FIGURE_HEADERS and cells[1].casefold() in _HEADER_VALUES
        if index == 0 and header:
            continue
        found.append((cells[0], cells[1]))
    return found


def figure_agrees(value: FigureValue, cell: str) -> bool:
    """True when ``cell``, as people write it, states ``value``."""
    text = cell.strip()
    if isinstance(value, tuple):
        wanted = [] if text.casefold() in _NONE else [n.strip() for n in text.split(",")]
        return sorted(n for n in wanted if n) == sorted(value)
    if value is None or value == "":
        return text.casefold() in _NONE
    if isinstance(value, bool):
        return text.casefold() in (_YES if value else _NO)
    if isinstance(value, int | Decimal):
        cleaned = text.replace("%", "").replace("ร้อยละ", "").strip()
        try:
            return parse_decimal(cleaned) == Decimal(value)
        except ValueError:
            return False
    return text == value


def _column_of(table: Table, name: str) -> int | None:
    """The index of the column ``name`` (its id, or its Thai or English label)."""
    for i, (key, label) in enumerate(zip(table.keys, table.columns, strict=True)):
        if name == key or label.matches(name):
            return i
    return None


def cell_agrees(value: Cell, kind: str, cell: str) -> bool:
    """True when ``cell``, as people write it, states the register's ``value``: a date
    in any form the engine reads, numbers as numbers, yes/no in Thai or English, ``-``
    for an empty cell, text as written."""
    text = cell.strip()
    if value is None or value == "":
        return text.casefold() in _NONE
    if kind == "date" and isinstance(value, str):
        try:
            return _date(text).isoformat() == value
        except ValueError:
            return False
    if kind in ("integer", "decimal") and isinstance(value, str):
        try:
            return parse_decimal(text) == parse_decimal(value)
        except ValueError:
            return False
    return figure_agrees(value, text)


_QUOTED = re.compile(r'["“]([^"”]+)["”]')


def quoted(text: str) -> list[str]:
    """Every double-quoted value in ``text`` ("..." or “...”), in order."""
    return _QUOTED.findall(text)


__all__ = [
    "DEFAULT_START",
    "RECORD_COLUMNS",
    "Person",
    "StepFailed",
    "World",
    "describe_refusal",
    "duty_status",
    "figure_agrees",
    "quoted",
    "render_history",
    "table_data",
]
