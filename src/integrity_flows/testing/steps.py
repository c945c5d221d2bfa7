"""Gherkin steps for integrity-flows features, in Thai and in English (pytest-bdd).

Opt-in: importing :mod:`integrity_flows` never imports pytest or pytest-bdd, and
nothing is registered as a pytest plugin. A host project runs its feature files with
a one-line test module (see :mod:`integrity_flows.testing.bdd`)::

    from integrity_flows.testing.bdd import features; features("../features")

(with ruff, add ``  # noqa: E702, I001  # fmt: skip`` to that line; this repository's
``tests/test_features.py`` is exactly that line)

or, to keep pytest-bdd's own ``scenarios``, by importing the steps where pytest
looks for fixtures (a test module or a ``conftest.py``)::

    from integrity_flows.testing.steps import *  # noqa: F403
    from pytest_bdd import scenarios
    scenarios("../features")

(pytest-bdd's ``scenarios`` does not declare the ``@plan-...`` tags as markers: declare
them in the host's pytest configuration when it uses ``--strict-markers``.)

Fixtures
--------
``integrity_flows_world``
    the scenario's :class:`~integrity_flows.testing.world.World` (engine, clock,
    people, cases);
``integrity_flows_engine``
    a fresh engine per scenario, ``Engine.open(url, flows=paths, clock=clock)``,
    closed afterwards. A host may define the fixture ``integrity_flows_engine_url``
    (default ``"memory://"``; e.g. ``f"sqlite:///{tmp_path}/cases.db"``),
    ``integrity_flows_flow_paths`` (folders of the host's own flows, default none) and
    ``integrity_flows_key`` (the key for sensitive data; default a fresh ephemeral key
    per scenario), in a ``conftest.py`` or the test module;
``integrity_flows_clock``
    a :class:`~integrity_flows.clock.FixedClock` at 1 October 2566, 09:00 Thai time.

The vocabulary
--------------
Every step matches under any keyword (Given/When/Then/And/But; กำหนดให้/เมื่อ/ดังนั้น/
และ/แต่). Names are in double quotes. Triggers, states, roles and fields may be named
by id or by Thai or English label. Numbers and dates may use Thai digits; years above
2400 are Buddhist Era. People are created when first named; roles are resolved
against the flow when they act. Once a scenario loads a directory, the directory gives
each person's roles and unit on the day (docs/directory.md); a role a step gives them
beyond it is refused by the engine. The *current case* is the one last started or named.
``[...]`` marks an optional part, ``X | Y`` alternatives; ``"FLOW"`` stands for a flow id.

Thai (``# language: th``)::

    กำหนดให้ "สมชาย" มีบทบาท "เจ้าหน้าที่" [และ "ผู้ตรวจสอบ" ...] [สังกัด "กองคลัง"]
    กำหนดให้ "สมชาย" สังกัด "กองคลัง"
    กำหนดให้ ทะเบียนบุคลากรมีดังนี้:     + table รหัส | ชื่อ | ตำแหน่ง | สังกัด | ตั้งแต่ | [ถึง] | บทบาท | [รักษาการ]
    กำหนดให้ วันนี้คือวันที่ ๑ ตุลาคม ๒๕๖๖          (walks forward a day at a time, sweeping)
    เมื่อ "สมชาย" เริ่มเรื่อง "FLOW" [ชื่อ "L1"] [ด้วยข้อมูล:]   + table field | value
    เมื่อ "สมหญิง" ดำเนินการ "อนุมัติ" [ในเรื่อง "L1"] [ด้วยข้อมูล:]   + table field | value
    เมื่อ เวลาผ่านไป [อีก] ๓๐ วัน                     (one day at a time, sweeping after each)
    ดังนั้น สถานะของเรื่อง ["L1"] คือ "อนุมัติแล้ว"
    ดังนั้น "สมชาย" ไม่สามารถดำเนินการ "อนุมัติ" [ในเรื่อง "L1"] ได้ [เพราะ "ผู้ขอ"] [ด้วยข้อมูล:]
    ดังนั้น "สมชาย" ไม่สามารถเริ่มเรื่อง "FLOW" ได้ [เพราะ "..."] [ด้วยข้อมูล:]
    ดังนั้น "สมหญิง" สามารถดำเนินการ "อนุมัติ" [ในเรื่อง "L1"] ได้
    ดังนั้น ข้อมูลของเรื่อง ["L1"] มี:                 + table field | value
    ดังนั้น บันทึกการตรวจสอบถูกต้องครบถ้วน
    ดังนั้น บันทึกการตรวจสอบ [ของเรื่อง "L1"] ประกอบด้วย:
      | ผู้ดำเนินการ | การดำเนินการ | จากสถานะ | เป็นสถานะ | [ผล] |
    ดังนั้น รายงาน "no_gift_pledges" ปีงบประมาณ ๒๕๖๗ แสดง:      + table figure | value
    ดังนั้น รายงาน "gift_public_figures" ปีงบประมาณ ๒๕๖๗ ไม่แสดง "สมชาย"
    ดังนั้น รายงาน "..." ปีงบประมาณ ๒๕๖๗ แสดงทะเบียน "...":     + table header of columns, then rows
    ดังนั้น รายงาน "salary_step_round_report" ของเรื่อง "R1" แสดง:         + table figure | value
    ดังนั้น หน้าที่ "..." [ของเรื่อง "O1"] ของงวด "กุมภาพันธ์ ๒๕๖๗" ปีงบประมาณ ๒๕๖๗
        ดำเนินการแล้วตามกำหนด | ดำเนินการแล้วล่าช้า | ยังไม่ถึงกำหนด | ค้างดำเนินการ | ไม่มีการดำเนินการ
    ดังนั้น หน้าที่ "..." [ของเรื่อง "O1"] ของงวด "..." ปีงบประมาณ ๒๕๖๗ ถูกบันทึกว่าค้างดำเนินการ
    ดังนั้น หน้าที่ "..." [ของเรื่อง "O1"] ปีงบประมาณ ๒๕๖๗ มีสถานะ:   + table งวด | สถานะ | [กำหนดส่ง]
    เมื่อ ผู้ร้องเรียนติดตามเรื่อง ["C1"] ด้วยรหัสติดตาม[เรื่อง]
    ดังนั้น ผู้ร้องเรียนเห็นสถานะ "..." | เห็นข้อความ "..." | ไม่เห็น "..."
    ดังนั้น ผู้ร้องเรียน[ของเรื่อง "C1"] ได้รับรหัสติดตามเรื่อง
    ดังนั้น การติดตามด้วยรหัส "..." ไม่พบเรื่อง
    ดังนั้น "นายสมปอง" ไม่ปรากฏในบันทึกการตรวจสอบ
    เมื่อ "กานดา" เปิดอ่าน "ชื่อผู้ร้องเรียน" [ในเรื่อง "C1"] ด้วยเหตุผล "..." [ได้ค่า "..."]
    ดังนั้น "สมพงษ์" ไม่สามารถเปิดอ่าน "ชื่อผู้ร้องเรียน" [ในเรื่อง "C1"] ได้ [เพราะ "..."]

English::

    Given "somchai" holds the role "staff"   |  holds the roles "a" and "b" [in the unit "..."]
    Given "somchai" belongs to the unit "Finance Division"
    Given the directory:     + table id | name | post | unit | from | [to] | roles | [acting]
    Given today is 1 October 2566
    When "somchai" starts a "FLOW" case ["L1"] [with:]      + table field | value
    When "somying" fires "approve" [on "L1"] [with:]                  + table field | value
    When [another] 30 days pass            (also: 1 day passes)
    Then the case ["L1"] is [still] in state "approved"
    Then "somchai" cannot fire "approve" [on "L1"] [because "requester"] [with:]
    Then "somchai" cannot start a "FLOW" case [because "..."] [with:]
    Then "somying" may fire "approve" [on "L1"]      (also: can fire)
    Then the case ["L1"] has the data:                                + table field | value
    Then the audit trail verifies
    Then the audit trail [of "L1"] records:
      | actor | trigger | from | to | [outcome] |
    Then the report "no_gift_pledges" for fiscal year 2567 shows:   + table figure | value
    Then the report "gift_public_figures" for fiscal year 2567 does not show "somchai"
    Then the report "..." for fiscal year 2567 lists in "...":   + table of column names, rows
    Then the report "salary_step_round_report" of case "R1" shows:         + table figure | value
    Then the duty "..." [for case "O1"] of period "February 2567" of fiscal year 2567
        is done on time | done late | due | overdue | missing
    Then the duty "..." [for case "O1"] of period "..." of fiscal year 2567 was recorded overdue
    Then the duty "..." [for case "O1"] in fiscal year 2567 stands:
        + table period | status | [due on]
    When the complainant follows [the complaint] ["C1"] with the tracking code
    Then the complainant sees the stage "..." | sees the message "..." | does not see "..."
    Then the complainant [of "C1"] holds a tracking code
    Then following with the code "..." finds nothing
    Then "Sompong Jaidee" appears nowhere in the audit trail
    When "kanda" reveals "complainant name" [on "C1"] because "..." [and reads "..."]
    Then "sompong" cannot reveal "complainant name" [on "C1"] [because "..."]

Checks: a refusal step expects :class:`~integrity_flows.errors.Refused` whose
``mentions`` finds the ``because`` word (or the id and labels of the role or field it
names), the case's state, version and data unchanged, and the attempt recorded as the
last audit event. The audit trail table lists rows that must appear in the case's
history in that order, among the moves (among all events when it has an outcome
column: moved/สำเร็จ, refused/ถูกปฏิเสธ); ``start``/``เริ่มเรื่อง`` is the start, an
empty ``from`` the state before it, ``system``/``ระบบ`` the sweep's actor.

Reports (declared in report files, see docs/reports.md) are named by id or by Thai or
English label, and computed from the cases when the step runs; figures too are named by id or
label. Counts, amounts and percentages compare as numbers (Thai digits, commas, ``บาท``
and ``%`` allowed), lists of names in any order (comma-separated; ``-`` for none),
yes/no as ใช่/ไม่ใช่ or yes/no. ``ไม่แสดง`` / ``does not show`` fails when any figure's
value contains the word.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from integrity_flows.testing.extras import missing_bdd

try:
    import pytest
    from pytest_bdd import parsers, step
except ModuleNotFoundError as exc:  # the bdd extra is not installed: say which to install
    raise missing_bdd(exc, "integrity_flows.testing.steps") from exc

from integrity_flows.clock import FixedClock
from integrity_flows.engine.runtime import Engine
from integrity_flows.guards.registry import GuardRegistry
from integrity_flows.loading.discovery import FlowLibrary, default_registry, load_library
from integrity_flows.protection.keys import FieldKey
from integrity_flows.stores import open_store
from integrity_flows.testing import complaints
from integrity_flows.testing.world import DEFAULT_START, StepFailed, World, quoted

Table = Sequence[Sequence[str]]


def _q(name: str) -> str:
    """A double-quoted value captured as ``name``."""
    return rf'["“](?P<{name}>[^"”]+)["”]'


_ANY_Q = r'["“][^"”]+["”]'
_NUMBER = r"(?P<days>[0-9๐-๙][0-9๐-๙,]*)"
_TH_DATA = r"(?:\s*ด้วยข้อมูล\s*:?)?"
_EN_DATA = r"(?:\s+with\s*:?)?"
_TH_CASE = rf"(?:\s*ในเรื่อง\s*{_q('case')})?"
_EN_CASE = rf"(?:\s+on\s+{_q('case')})?"


def _optional_fixture(request: pytest.FixtureRequest, name: str, default: Any) -> Any:
    try:
        return request.getfixturevalue(name)
    except pytest.FixtureLookupError:
        return default


# --- fixtures -------------------------------------------------------------------


@pytest.fixture
def integrity_flows_clock() -> FixedClock:
    """A fixed clock at 1 October 2566 (2023-10-01), 09:00 Thai time."""
    return FixedClock(DEFAULT_START)


@pytest.fixture
def integrity_flows_engine(
    request: pytest.FixtureRequest, integrity_flows_clock: FixedClock
) -> Iterator[Engine]:
    """A fresh engine for one scenario, on ``integrity_flows_engine_url`` (memory by default)."""
    url = _optional_fixture(request, "integrity_flows_engine_url", "memory://")
    paths: Sequence[str | Path] = _optional_fixture(request, "integrity_flows_flow_paths", ())
    # Sensitive data is sealed with a key that lives as long as the scenario's engine,
    # whatever the store (a host may give its own: the fixture integrity_flows_key).
    key = _optional_fixture(request, "integrity_flows_key", None) or FieldKey.generate()
    registry, library = _library(tuple(str(p) for p in paths))
    engine = Engine(
        open_store(url), library, registry=registry, clock=integrity_flows_clock, key=key
    )
    try:
        yield engine
    finally:
        engine.close()


# The flows every scenario of a run loads, read once: definitions are immutable, and each
# scenario's engine compiles its own machines and has a store of its own.
_LIBRARIES: dict[tuple[str, ...], tuple[GuardRegistry, FlowLibrary]] = {}


def _library(paths: tuple[str, ...]) -> tuple[GuardRegistry, FlowLibrary]:
    if paths not in _LIBRARIES:
        registry = default_registry()
        _LIBRARIES[paths] = (registry, load_library(paths, registry=registry))
    return _LIBRARIES[paths]


@pytest.fixture
def integrity_flows_world(
    integrity_flows_engine: Engine, integrity_flows_clock: FixedClock
) -> World:
    """What the scenario has set up so far."""
    return World(integrity_flows_engine, integrity_flows_clock)


# --- people -------------------------------------------------------------------------


@step(
    parsers.re(
        rf"{_q('actor')}\s*มีบทบาท\s*(?P<roles>{_ANY_Q}(?:\s*(?:และ|,)\s*{_ANY_Q})*)"
        rf"(?:\s*สังกัด\s*{_q('unit')})?"
    )
)
@step(
    parsers.re(
        rf"{_q('actor')} holds the roles? (?P<roles>{_ANY_Q}(?:\s*(?:,\s*and|,|and)\s*{_ANY_Q})*)"
        rf"(?: in (?:the unit )?{_q('unit')})?"
    )
)
def holds_roles(integrity_flows_world: World, actor: str, roles: str, unit: str | None) -> None:
    """Someone holds one or more roles (and belongs to a unit)."""
    integrity_flows_world.give_roles(actor, quoted(roles), unit)


@step(parsers.re(r"ทะเบียนบุคลากร(?:มีดังนี้|ดังนี้|คือ)?\s*:?"))
@step(parsers.re(r"the directory(?: of people)?(?: is)?\s*:?"))
def directory(integrity_flows_world: World, datatable: Table) -> None:
    """A directory of people, their posts, units, dates and roles: a table whose first
    row names the columns (รหัส | ชื่อ | ตำแหน่ง | สังกัด | ตั้งแต่ | ถึง | บทบาท | รักษาการ)."""
    integrity_flows_world.load_directory(datatable)


@step(parsers.re(rf"{_q('actor')}\s*สังกัด\s*{_q('unit')}"))
@step(parsers.re(rf"{_q('actor')} belongs to (?:the unit )?{_q('unit')}"))
def belongs_to(integrity_flows_world: World, actor: str, unit: str) -> None:
    """Someone belongs to a unit."""
    integrity_flows_world.set_unit(actor, unit)


# --- time ---------------------------------------------------------------------------


@step(parsers.re(r"วันนี้คือ\s*(?P<date>\S.*)"))
@step(parsers.re(r"today is (?P<date>\S.*)"))
def today_is(integrity_flows_world: World, date: str) -> None:
    """It is this day, 09:00 Thai time (moving forward sweeps day by day)."""
    integrity_flows_world.today_is(date)


@step(parsers.re(rf"เวลาผ่านไป\s*(?:อีก\s*)?{_NUMBER}\s*วัน"))
@step(parsers.re(rf"(?:another )?{_NUMBER} days? (?:pass|passes|have passed|has passed)"))
def days_pass(integrity_flows_world: World, days: str) -> None:
    """Days pass one at a time; what falls due each day is swept."""
    integrity_flows_world.pass_days(days)


# --- actions ------------------------------------------------------------------------


@step(parsers.re(rf"{_q('actor')}\s*เริ่มเรื่อง\s*{_q('flow')}(?:\s*ชื่อ\s*{_q('name')})?{_TH_DATA}"))
@step(parsers.re(rf"{_q('actor')} starts an? {_q('flow')} case(?: {_q('name')})?{_EN_DATA}"))
def starts(
    integrity_flows_world: World,
    actor: str,
    flow: str,
    name: str | None,
    datatable: Table | None = None,
) -> None:
    """Someone opens a case (named, with data); it becomes the current case."""
    integrity_flows_world.start(actor, flow, datatable, name)


@step(parsers.re(rf"{_q('actor')}\s*ดำเนินการ\s*{_q('trigger')}{_TH_CASE}{_TH_DATA}"))
@step(parsers.re(rf"{_q('actor')} fires {_q('trigger')}{_EN_CASE}{_EN_DATA}"))
def fires(
    integrity_flows_world: World,
    actor: str,
    trigger: str,
    case: str | None,
    datatable: Table | None = None,
) -> None:
    """Someone fires a trigger on the current (or named) case; it must be allowed."""
    integrity_flows_world.fire(actor, trigger, case, datatable)


# --- refusals -----------------------------------------------------------------------


@step(
    parsers.re(
        rf"{_q('actor')}\s*ไม่สามารถ\s*ดำเนินการ\s*{_q('trigger')}{_TH_CASE}\s*(?:ได้)?"
        rf"(?:\s*เพราะ\s*{_q('because')})?{_TH_DATA}"
    )
)
@step(
    parsers.re(
        rf"{_q('actor')} cannot fire {_q('trigger')}{_EN_CASE}"
        rf"(?: because {_q('because')})?{_EN_DATA}"
    )
)
def cannot_fire(
    integrity_flows_world: World,
    actor: str,
    trigger: str,
    case: str | None,
    because: str | None,
    datatable: Table | None = None,
) -> None:
    """Someone tries a trigger and is refused; nothing but the audit trail changes."""
    integrity_flows_world.cannot_fire(actor, trigger, because, case, datatable)


@step(
    parsers.re(
        rf"{_q('actor')}\s*ไม่สามารถ\s*เริ่มเรื่อง\s*{_q('flow')}\s*(?:ได้)?"
        rf"(?:\s*เพราะ\s*{_q('because')})?{_TH_DATA}"
    )
)
@step(
    parsers.re(
        rf"{_q('actor')} cannot start an? {_q('flow')} case(?: because {_q('because')})?{_EN_DATA}"
    )
)
def cannot_start(
    integrity_flows_world: World,
    actor: str,
    flow: str,
    because: str | None,
    datatable: Table | None = None,
) -> None:
    """Someone tries to open a case and is refused; no case is opened."""
    integrity_flows_world.cannot_start(actor, flow, because, datatable)


# --- checks -------------------------------------------------------------------------


@step(parsers.re(rf"สถานะของเรื่อง(?:\s*{_q('case')})?\s*คือ\s*{_q('state')}"))
@step(parsers.re(rf"the case(?: {_q('case')})? is (?:still )?in (?:the )?state {_q('state')}"))
def state_is(integrity_flows_world: World, state: str, case: str | None) -> None:
    """The current (or named) case is in a state."""
    integrity_flows_world.expect_state(state, case)


@step(parsers.re(rf"{_q('actor')}\s*สามารถ\s*ดำเนินการ\s*{_q('trigger')}{_TH_CASE}\s*ได้"))
@step(parsers.re(rf"{_q('actor')} (?:may|can) fire {_q('trigger')}{_EN_CASE}"))
def may_fire(integrity_flows_world: World, actor: str, trigger: str, case: str | None) -> None:
    """Someone may fire a trigger now (``Engine.available``)."""
    integrity_flows_world.expect_available(actor, trigger, case)


@step(parsers.re(rf"ข้อมูลของเรื่อง(?:\s*{_q('case')})?\s*(?:มี|ประกอบด้วย)\s*:?"))
@step(parsers.re(rf"the case(?: {_q('case')})? has the data\s*:?"))
def data_holds(
    integrity_flows_world: World, case: str | None, datatable: Table | None = None
) -> None:
    """The case's data holds the listed field | value rows."""
    integrity_flows_world.expect_data(datatable or (), case)


@step(parsers.re(r"บันทึกการตรวจสอบ\s*ถูกต้อง\s*ครบถ้วน"))
@step(parsers.re(r"the audit trail verifies"))
def trail_verifies(integrity_flows_world: World) -> None:
    """Every audit chain is intact and every case agrees with its trail."""
    integrity_flows_world.expect_verified()


@step(parsers.re(rf"บันทึกการตรวจสอบ(?:\s*ของเรื่อง\s*{_q('case')})?\s*ประกอบด้วย\s*:?"))
@step(parsers.re(rf"the audit trail(?: of {_q('case')})? records\s*:?"))
def trail_records(
    integrity_flows_world: World, case: str | None, datatable: Table | None = None
) -> None:
    """The case's audit trail holds the table's rows, in order."""
    integrity_flows_world.expect_records(datatable or (), case)


@step(parsers.re(rf"การดำเนินการ\s*{_q('trigger')}{_TH_CASE}\s*อ้างอำนาจตามคำสั่ง\s*{_q('order')}"))
@step(parsers.re(rf"the {_q('trigger')}(?: on {_q('case')})? relied on the order {_q('order')}"))
def relied_on_order(
    integrity_flows_world: World, trigger: str, case: str | None, order: str
) -> None:
    """The last move by ``trigger`` on the case records, in its audit event, the order
    (number, or name of its case) it relied on for the power it needed (``holds_power``)."""
    world = integrity_flows_world
    definition = world.definition(case)
    trigger_id = definition.trigger_id(trigger) or trigger
    moves = [
        e
        for e in world.engine.history(world.case_id(case))
        if e.trigger == trigger_id and e.outcome == "moved"
    ]
    if not moves:
        msg = f"'{trigger}' has not moved the case / ยังไม่มีการดำเนินการ '{trigger}' ในเรื่องนี้"
        raise StepFailed(msg)
    grants = dict(moves[-1].authority.get("grants") or {})
    wanted = {order}
    if order in world.cases:
        wanted.add(world.cases[order])
    for grant in grants.values():
        if wanted & {*grant.get("order_numbers", ()), *grant.get("orders", ())}:
            return
    msg = (
        f"'{trigger}' did not rely on the order '{order}' (grants: {grants}) / "
        f"'{trigger}' ไม่ได้อ้างอำนาจตามคำสั่ง '{order}'"
    )
    raise StepFailed(msg)


# --- duties -------------------------------------------------------------------------

_TH_STATUS = (
    r"(?P<status>ดำเนินการแล้วตามกำหนด|ดำเนินการแล้วภายในกำหนด|ดำเนินการแล้วล่าช้า|"
    r"ดำเนินการล่าช้า|ล่าช้า|ยังไม่ถึงกำหนด|ค้างดำเนินการ|เกินกำหนด|ไม่มีการดำเนินการ|"
    r"ขาดการดำเนินการ)"
)
_EN_STATUS = r"(?P<status>done on time|done late|not yet due|due|overdue|missing)"
_TH_DUTY_YEAR = r"ปีงบประมาณ\s*(?:พ\.\s*ศ\.\s*)?(?P<year>[0-9๐-๙]+)"
_EN_DUTY_YEAR = r"of (?:the )?fiscal year (?:B\.E\. )?(?P<year>[0-9๐-๙]+)"
_TH_OWING = rf"(?:\s*ของเรื่อง\s*{_q('case')})?"
_EN_OWING = rf"(?: (?:for|of) (?:the )?case {_q('case')})?"


@step(
    parsers.re(
        rf"หน้าที่\s*{_q('duty')}{_TH_OWING}\s*ของงวด\s*{_q('period')}\s*{_TH_DUTY_YEAR}"
        rf"\s*(?:มีสถานะ\s*|คือ\s*)?{_TH_STATUS}"
    )
)
@step(
    parsers.re(
        rf"the duty {_q('duty')}{_EN_OWING} (?:of|for) (?:the )?period {_q('period')} "
        rf"{_EN_DUTY_YEAR} is {_EN_STATUS}"
    )
)
def duty_is(
    integrity_flows_world: World,
    duty: str,
    period: str,
    year: str,
    status: str,
    case: str | None,
) -> None:
    """The occurrence of a duty for one period has a status today (done on time, done
    late, due, overdue, missing)."""
    integrity_flows_world.expect_duty(duty, period, year, status, case)


@step(
    parsers.re(
        rf"หน้าที่\s*{_q('duty')}{_TH_OWING}\s*ของงวด\s*{_q('period')}\s*{_TH_DUTY_YEAR}"
        r"\s*ถูกบันทึกว่าค้างดำเนินการ"
    )
)
@step(
    parsers.re(
        rf"the duty {_q('duty')}{_EN_OWING} (?:of|for) (?:the )?period {_q('period')} "
        rf"{_EN_DUTY_YEAR} (?:was|is) recorded (?:as )?overdue"
    )
)
def duty_recorded(
    integrity_flows_world: World, duty: str, period: str, year: str, case: str | None
) -> None:
    """The sweep recorded the occurrence overdue, once, as the system (an audited record
    case that stays, even once the duty is done late)."""
    integrity_flows_world.expect_duty_recorded(duty, period, year, case)


@step(parsers.re(rf"หน้าที่\s*{_q('duty')}{_TH_OWING}\s*{_TH_DUTY_YEAR}\s*(?:มีสถานะ|เป็นดังนี้)\s*:?"))
@step(
    parsers.re(
        rf"the duty {_q('duty')}{_EN_OWING} in (?:the )?fiscal year (?:B\.E\. )?"
        rf"(?P<year>[0-9๐-๙]+) (?:stands|has the statuses|reads)\s*:?"
    )
)
def duties_are(
    integrity_flows_world: World,
    duty: str,
    year: str,
    case: str | None,
    datatable: Table | None = None,
) -> None:
    """Every occurrence of a duty in a fiscal year, in order: period | status [| due on]."""
    integrity_flows_world.expect_duties(duty, year, datatable or (), case)


# --- reports ------------------------------------------------------------------------

_TH_YEAR = r"ปีงบประมาณ\s*(?:พ\.\s*ศ\.\s*)?(?P<year>[0-9๐-๙]+)"
_EN_YEAR = r"(?:for|of) (?:the )?fiscal year (?:B\.E\. )?(?P<year>[0-9๐-๙]+)"


@step(parsers.re(rf"รายงาน\s*{_q('report')}\s*{_TH_YEAR}\s*(?:แสดง|มี|ประกอบด้วย)\s*:?"))
@step(parsers.re(rf"the report {_q('report')} {_EN_YEAR} (?:shows|has|reads)\s*:?"))
def report_shows(
    integrity_flows_world: World, report: str, year: str, datatable: Table | None = None
) -> None:
    """A report of a fiscal year, computed from the cases, holds the figure | value rows."""
    integrity_flows_world.expect_report(report, year, datatable or ())


@step(parsers.re(rf"รายงาน\s*{_q('report')}\s*{_TH_YEAR}\s*แสดงทะเบียน\s*{_q('figure')}\s*:?"))
@step(parsers.re(rf"the report {_q('report')} {_EN_YEAR} lists in {_q('figure')}\s*:?"))
def report_register(
    integrity_flows_world: World,
    report: str,
    year: str,
    figure: str,
    datatable: Table | None = None,
) -> None:
    """A register of a report of a fiscal year holds exactly the rows given, in order,
    under a header naming the columns compared."""
    integrity_flows_world.expect_register(report, year, figure, datatable or ())


@step(parsers.re(rf"รายงาน\s*{_q('report')}\s*{_TH_YEAR}\s*(?:ไม่แสดง|ไม่มี|ไม่เปิดเผย)\s*{_q('word')}"))
@step(
    parsers.re(
        rf"the report {_q('report')} {_EN_YEAR} does not (?:show|mention|disclose) {_q('word')}"
    )
)
def report_hides(integrity_flows_world: World, report: str, year: str, word: str) -> None:
    """No figure of a report of a fiscal year shows a word (a name, a giver ...)."""
    integrity_flows_world.expect_report_hides(report, year, word)


@step(parsers.re(rf"รายงาน\s*{_q('report')}\s*ของเรื่อง\s*{_q('case')}\s*(?:แสดง|มี|ประกอบด้วย)\s*:?"))
@step(
    parsers.re(rf"the report {_q('report')} of (?:the )?case {_q('case')} (?:shows|has|reads)\s*:?")
)
def case_report_shows(
    integrity_flows_world: World, report: str, case: str, datatable: Table | None = None
) -> None:
    """A report of one case (``scope: case``), computed from it and its children, holds the
    figure | value rows."""
    integrity_flows_world.expect_report(report, None, datatable or (), case=case)


# --- complaints and sensitive data ---------------------------------------------------


@step(parsers.re(rf"ผู้ร้องเรียนติดตามเรื่อง(?:\s*{_q('case')})?\s*ด้วยรหัสติดตาม(?:เรื่อง)?(?:ของตน)?"))
@step(
    parsers.re(
        rf"the complainant follows (?:the (?:case|complaint) )?(?:{_q('case')} )?"
        r"with (?:the|their) tracking code"
    )
)
def complainant_follows(integrity_flows_world: World, case: str | None) -> None:
    """The complainant follows the current (or named) case with its tracking code."""
    complaints.follow(integrity_flows_world, case)


@step(parsers.re(rf"ผู้ร้องเรียนเห็นสถานะ(?:เรื่อง)?\s*{_q('stage')}"))
@step(parsers.re(rf"the complainant sees the (?:stage|state|status) {_q('stage')}"))
def complainant_sees_stage(integrity_flows_world: World, stage: str) -> None:
    """What the complainant saw last shows this stage (a state's id or label)."""
    complaints.expect_stage(integrity_flows_world, stage)


@step(parsers.re(rf"ผู้ร้องเรียนเห็นข้อความ\s*{_q('text')}"))
@step(parsers.re(rf"the complainant sees the message {_q('text')}"))
def complainant_sees_message(integrity_flows_world: World, text: str) -> None:
    """A message to the complainant contains this text."""
    complaints.expect_message(integrity_flows_world, text)


@step(parsers.re(rf"ผู้ร้องเรียนไม่เห็น\s*{_q('word')}"))
@step(parsers.re(rf"the complainant does not see {_q('word')}"))
def complainant_does_not_see(integrity_flows_world: World, word: str) -> None:
    """Nothing the complainant saw contains this word (an officer's name, a state id ...)."""
    complaints.expect_unseen(integrity_flows_world, word)


@step(parsers.re(rf"การติดตามด้วยรหัส\s*{_q('code')}\s*ไม่พบเรื่อง"))
@step(parsers.re(rf"following with the code {_q('code')} finds nothing"))
def code_finds_nothing(integrity_flows_world: World, code: str) -> None:
    """A wrong tracking code, malformed or unknown, finds nothing, with one plain message."""
    complaints.expect_not_found(integrity_flows_world, code)


@step(parsers.re(rf"ผู้ร้องเรียน(?:ของเรื่อง\s*{_q('case')})?\s*ได้รับรหัสติดตามเรื่อง"))
@step(
    parsers.re(
        rf"the complainant(?: of {_q('case')})? (?:holds|has received|receives) a tracking code"
    )
)
def code_issued(integrity_flows_world: World, case: str | None) -> None:
    """The case issued a tracking code to its complainant, and it is stored nowhere."""
    complaints.expect_code_issued(integrity_flows_world, case)


@step(parsers.re(rf"{_q('word')}\s*ไม่ปรากฏในบันทึกการตรวจสอบ(?:และข้อมูลที่จัดเก็บ)?"))
@step(parsers.re(rf"{_q('word')} appears nowhere in the audit trail(?: or the store)?"))
def appears_nowhere(integrity_flows_world: World, word: str) -> None:
    """A name or number appears in clear nowhere: trail, cases, database file."""
    complaints.expect_nowhere(integrity_flows_world, word)


@step(
    parsers.re(
        rf"{_q('actor')}\s*เปิดอ่าน\s*{_q('field')}{_TH_CASE}\s*ด้วยเหตุผล\s*{_q('reason')}"
        rf"(?:\s*ได้ค่า\s*{_q('value')})?"
    )
)
@step(
    parsers.re(
        rf"{_q('actor')} reveals {_q('field')}{_EN_CASE} because {_q('reason')}"
        rf"(?: and reads {_q('value')})?"
    )
)
def reveals(
    integrity_flows_world: World,
    actor: str,
    field: str,
    case: str | None,
    reason: str,
    value: str | None,
) -> None:
    """Someone reads a sensitive field in clear, with a reason; the reading is audited."""
    complaints.reveal(integrity_flows_world, actor, field, reason, case, value)


@step(
    parsers.re(
        rf"{_q('actor')}\s*ไม่สามารถ\s*เปิดอ่าน\s*{_q('field')}{_TH_CASE}\s*(?:ได้)?"
        rf"(?:\s*เพราะ\s*{_q('because')})?"
    )
)
@step(
    parsers.re(rf"{_q('actor')} cannot reveal {_q('field')}{_EN_CASE}(?: because {_q('because')})?")
)
def cannot_reveal(
    integrity_flows_world: World,
    actor: str,
    field: str,
    case: str | None,
    because: str | None,
) -> None:
    """Someone tries to read a sensitive field and is refused; the attempt is audited."""
    complaints.cannot_reveal(integrity_flows_world, actor, field, because, case)


#: What ``from integrity_flows.testing.steps import *`` brings into a test module or
#: conftest: the fixtures above and the step definitions pytest-bdd registered here.
__all__ = [
    name
    for name in sorted(globals())
    if name.startswith(("pytestbdd_stepdef_", "integrity_flows_"))
]
