"""Duties on a calendar (docs/duties.md): declared, checked at load, expanded into the
occurrences of a fiscal year, given a status, and recorded by the sweep once."""

from __future__ import annotations

import collections
import json
import re
import sqlite3
import textwrap
from contextlib import closing
from datetime import date, datetime
from pathlib import Path

import pytest

from _budget import CHIEF, DIRECTOR, FINANCE, at, monthly, replay_2567
from integrity_flows import Engine, FixedClock
from integrity_flows.actor import SYSTEM
from integrity_flows.audit.checkpoint import SigningKey
from integrity_flows.calendars import THAI_TZ, fiscal_periods, period_labels
from integrity_flows.cli import main
from integrity_flows.duties import DUTY_RECORD_FLOW, PAST_DUE, occurrences
from integrity_flows.errors import CaseUnreadable, DefinitionError
from integrity_flows.loading.discovery import default_registry, load_library

T0 = datetime(2023, 10, 2, 9, tzinfo=THAI_TZ)


def statuses(engine: Engine, duty: str, now: datetime) -> list[str]:
    return [o.status for o in engine.duties(2567, now=now, duty_id=duty)]


def test_thai_fiscal_quarters_and_their_names() -> None:
    quarters = fiscal_periods("quarterly", 2567)
    assert quarters == [
        (date(2023, 10, 1), date(2023, 12, 31)),
        (date(2024, 1, 1), date(2024, 3, 31)),
        (date(2024, 4, 1), date(2024, 6, 30)),
        (date(2024, 7, 1), date(2024, 9, 30)),
    ]
    assert fiscal_periods("half_yearly", 2567)[1] == (date(2024, 4, 1), date(2024, 9, 30))
    assert fiscal_periods("yearly", 2567) == [(date(2023, 10, 1), date(2024, 9, 30))]
    assert len(fiscal_periods("monthly", 2567)) == 12
    assert period_labels("quarterly", date(2024, 1, 1))[0] == "ไตรมาสที่ ๒ ปีงบประมาณ ๒๕๖๗"
    assert period_labels("monthly", date(2024, 2, 1))[:2] == ("กุมภาพันธ์ ๒๕๖๗", "February B.E. 2567")


def test_a_fiscal_year_with_a_month_missed_and_a_quarter_late() -> None:
    clock = FixedClock(T0)
    with Engine.open("memory://", clock=clock) as engine:
        replay_2567(engine, clock)
        end = at(date(2024, 11, 1))
        months = statuses(engine, "monthly_financial_report", end)
        assert months == ["done_on_time"] * 4 + ["missing"] + ["done_on_time"] * 7
        assert statuses(engine, "quarterly_performance_report", end) == [
            "done_on_time", "done_late", "done_on_time", "done_on_time",
        ]  # fmt: skip
        assert statuses(engine, "quarterly_report_posted", end) == ["done_on_time"] * 4
        q2 = engine.duties(2567, now=end, duty_id="quarterly_performance_report")[1]
        assert (q2.due_on, q2.fulfilled_on, q2.fulfilled_by) == (
            date(2024, 4, 30),
            date(2024, 5, 7),
            "q-2024-03-31",
        )
        posted = engine.duties(2567, now=end, duty_id="quarterly_report_posted")[1]
        assert posted.due_on == date(2024, 5, 24)  # acknowledged 9 May + 15 days


def test_overdue_until_the_next_occurrence_is_past_due_then_missing() -> None:
    clock = FixedClock(T0)
    with Engine.open("memory://", clock=clock) as engine:
        replay_2567(engine, clock)
        feb = 4
        assert statuses(engine, "monthly_financial_report", at(date(2024, 3, 30)))[feb] == "due"
        assert statuses(engine, "monthly_financial_report", at(date(2024, 4, 2)))[feb] == "overdue"
        assert statuses(engine, "monthly_financial_report", at(date(2024, 4, 30)))[feb] == "overdue"
        assert statuses(engine, "monthly_financial_report", at(date(2024, 5, 1)))[feb] == "missing"
        # Work done after the day asked about is not counted: as of 1 May, the second
        # quarter's report (presented on 7 May) is still overdue.
        q = statuses(engine, "quarterly_performance_report", at(date(2024, 5, 1)))
        assert q[:2] == ["done_on_time", "overdue"]
        assert q[2:] == ["due", "due"]


def test_asking_for_some_statuses_gives_those_of_the_whole_list() -> None:
    """``occurrences(statuses=...)`` (what the sweep asks for) is the full list filtered,
    each occurrence the same, recorded ones with their record, on every day."""
    clock = FixedClock(T0)
    with Engine.open("memory://", clock=clock) as engine:
        replay_2567(engine, clock)
        engine.record_duties(at(date(2024, 4, 2)))  # February recorded overdue
        flows, store = engine.flows.latest(), engine.store
        seen: collections.Counter[str] = collections.Counter()
        for day in (date(2024, 3, 30), date(2024, 4, 2), date(2024, 5, 1), date(2024, 11, 1)):
            now = at(day)
            every = occurrences(flows, store, (2567, 2568), now, settings=engine.settings)
            for wanted in (PAST_DUE, ("due",), ("done_on_time", "done_late"), ()):
                asked = occurrences(
                    flows, store, (2567, 2568), now, settings=engine.settings, statuses=wanted
                )
                assert asked == [o for o in every if o.status in wanted]
            seen.update(o.status for o in every)
            seen.update("recorded" for o in every if o.recorded is not None)
        assert set(seen) == {"done_on_time", "done_late", "due", "overdue", "missing", "recorded"}


_HOST = """
id: yearly_review
version: 1
title: {th: ทบทวนประจำปี, en: yearly review}
roles:
  officer: {label: {th: เจ้าหน้าที่, en: officer}}
data:
  reviewed_on: {type: date, label: {th: วันที่ทบทวน, en: reviewed on}, required: true}
states:
  open: {label: {th: เปิด, en: open}, initial: true}
  done: {label: {th: เสร็จ, en: done}, terminal: true}
start: {roles: [officer]}
transitions:
  - {trigger: finish, label: {th: เสร็จสิ้น, en: finish}, source: open, dest: done, roles: [officer]}
duties:
  - id: review
    label: {th: ทบทวนประจำปี, en: yearly review}
    period: yearly
    since: {fiscal_year: 2567}
    owner: {role: officer, unit: กองแผน}
    fulfilled_by: {states: [done], period_date: reviewed_on, date: reviewed_on}
    due: {by: {month: 9, day: 30}}
"""


def _host(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "flows"
    folder.mkdir(exist_ok=True)
    (folder / "host.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def test_due_by_30_september_is_not_overdue_at_8_pm_thai_time(tmp_path: Path) -> None:
    """Dates are stored UTC and compared as Thai calendar days (UTC+7)."""
    folder = _host(tmp_path, _HOST)
    with Engine.open("memory://", flows=[folder], bundled=False, clock=FixedClock(T0)) as engine:
        evening = datetime(2024, 9, 30, 20, 0, tzinfo=THAI_TZ)  # 13:00 UTC
        (review,) = engine.duties(2567, now=evening)
        assert (review.due_on, review.status) == (date(2024, 9, 30), "due")
        assert engine.record_duties(evening) == []
        after_midnight = datetime(2024, 10, 1, 0, 30, tzinfo=THAI_TZ)  # still 30 Sep in UTC
        assert after_midnight.astimezone().date() <= date(2024, 10, 1)
        (review,) = engine.duties(2567, now=after_midnight)
        assert review.status == "overdue"
        (result,) = engine.record_duties(after_midnight)
        assert result.case_id == review.record_id


def test_every_problem_of_a_duty_is_refused_at_load(tmp_path: Path) -> None:
    bad = _HOST.replace(
        """duties:
  - id: review""",
        """duties:
  - id: early
    label: {th: ก่อนงวด, en: early}
    period: monthly
    owner: {role: oficer}
    fulfilled_by: {flow: no_such_flow, states: [done]}
    due: {after_period_end: {days: -40}}
  - id: wrong_names
    label: {th: ชื่อผิด, en: wrong names}
    period: quarterly
    owner: {unit: กองแผน}
    fulfilled_by: {states: [dnoe], period_date: reviewd_on}
    due: {after_period_end: {days: -100}}
  - id: review""",
    )
    folder = _host(tmp_path, bad)
    with pytest.raises(DefinitionError) as caught:
        load_library([folder], registry=default_registry(), bundled=False)
    text = str(caught.value)
    problems = {(p.path, p.message_en) for p in caught.value.problems}
    paths = {path for path, _ in problems}
    assert "duties[0].owner.role" in paths
    assert "did you mean 'officer'" in text
    assert "duties[0].fulfilled_by.flow" in paths
    assert "duties[1].fulfilled_by.states[0]" in paths
    assert "did you mean 'done'" in text
    assert "duties[1].fulfilled_by.period_date" in paths
    assert "did you mean 'reviewed_on'" in text
    assert "duties[1].due.after_period_end.days" in paths
    assert all(p.source.endswith("host.yaml") and p.message_th for p in caught.value.problems)


def test_an_unknown_period_is_refused_with_its_path(tmp_path: Path) -> None:
    bad = _HOST.replace("period: yearly", "period: weekly")
    with pytest.raises(DefinitionError) as caught:
        load_library([_host(tmp_path, bad)], registry=default_registry(), bundled=False)
    (problem,) = caught.value.problems
    assert problem.path == "duties[0].period"
    assert "unknown period 'weekly'" in problem.message_en
    assert problem.message_th.startswith("ไม่รู้จักรอบระยะเวลา")


def test_a_trigger_only_fulfils_a_duty_owed_by_each_case(tmp_path: Path) -> None:
    bad = _HOST.replace(
        "fulfilled_by: {states: [done], period_date: reviewed_on, date: reviewed_on}",
        "fulfilled_by: {trigger: finsh}",
    )
    with pytest.raises(DefinitionError) as caught:
        load_library([_host(tmp_path, bad)], registry=default_registry(), bundled=False)
    text = str(caught.value)
    assert "within:" in text
    assert "did you mean 'finish'" in text


def test_the_sweep_records_each_overdue_occurrence_once_and_audited() -> None:
    clock = FixedClock(T0)
    with Engine.open("memory://", clock=clock) as engine:
        monthly(engine, clock, 2023, 10, date(2023, 11, 10))
        later = at(date(2024, 1, 5))
        # Other bundled flows owe duties too (project 9's spending plan, due 31 December):
        # only budget_report's are looked at here.
        first = [
            r for r in engine.record_duties(later) if r.case_id.startswith("duty-budget_report-")
        ]
        # November (due 30 December) is budget_report's only occurrence past due on 5 January.
        assert [r.case_id for r in first] == [
            "duty-budget_report-monthly_financial_report-2023-11-01"
        ]
        assert engine.record_duties(later) == []
        assert engine.sweep(later) == []  # the sweep records the same way, nothing new
        record = engine.get(first[0].case_id)
        assert (record.flow_id, record.state) == (DUTY_RECORD_FLOW, "overdue")
        assert record.data["due_on"] == "2023-12-30"
        (event,) = engine.history(record.id)
        assert (event.actor, event.trigger, event.to_state) == (SYSTEM.id, "start", "overdue")
        # Done late, it stays recorded overdue, and shows late.
        clock.set(at(date(2024, 1, 8)))
        case = engine.start(
            "budget_report",
            actor=FINANCE,
            data={"kind": "monthly", "period_end": "2023-11-30", "governor_copy_no": "x"},
        )
        engine.fire(case.id, "submit", actor=DIRECTOR)
        november = engine.duties(2567, duty_id="monthly_financial_report")[1]
        assert (november.status, november.recorded) == ("done_late", record.id)
        assert engine.verify().ok


def test_two_sweepers_in_processes_record_an_occurrence_once(tmp_path: Path) -> None:
    import _duty_workers
    from test_concurrency import run_workers

    url = f"sqlite:///{tmp_path}/shared.db"
    clock = FixedClock(T0)
    with Engine.open(url, clock=clock) as engine:
        replay_2567(engine, clock, missed=[(2023, 11), (2024, 2), (2024, 6)])
    later = at(date(2024, 11, 5))
    results = run_workers(_duty_workers.duty_sweep_race, [(url, later) for _ in range(3)])
    written = collections.Counter(case_id for found in results for case_id in found)
    # Other bundled flows owe duties in 2567 too; budget_report's missed months are three.
    ours = [c for c in written if c.startswith("duty-budget_report-")]
    assert len(ours) == 3
    assert set(written.values()) == {1}, written
    with Engine.open(url, clock=FixedClock(later)) as engine:
        records = [r for r in engine.cases(DUTY_RECORD_FLOW) if "-budget_report-" in r.id]
        assert {r.id for r in records} == set(ours)
        assert {r.id for r in engine.cases(DUTY_RECORD_FLOW)} == set(written)
        assert all(r.events == 1 for r in records)
        assert engine.record_duties() == []
        assert engine.verify().ok


def test_the_duties_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    clock = FixedClock(T0)
    with Engine.open(f"sqlite:///{db}", clock=clock) as engine:
        replay_2567(engine, clock)
    as_of = ["--as-of", "1 พฤศจิกายน 2567"]
    assert (
        main(
            [
                "duties",
                "--db",
                str(db),
                "--fiscal-year",
                "2567",
                *as_of,
                "--format",
                "json",
                "--flow",
                "budget_report",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    by = collections.defaultdict(list)
    for o in data["occurrences"]:
        if o["flow"] == "budget_report":  # the flow replayed; other bundled duties are owed too
            by[o["duty"]].append((o["period"], o["status"], o["due_on"]))
    assert [s for _, s, _ in by["monthly_financial_report"]].count("missing") == 1
    assert by["monthly_financial_report"][4] == ("2024-02-01", "missing", "2024-03-30")
    assert by["quarterly_performance_report"][1] == ("2024-01-01", "done_late", "2024-04-30")
    others = [s for d, rows in by.items() for _, s, _ in rows]
    # The receipts-payments report of 2567 and its posting are not due yet on 1 November 2567.
    assert collections.Counter(others) == {
        "done_on_time": 18,
        "missing": 1,
        "done_late": 1,
        "due": 2,
    }
    # Text: Thai, Buddhist Era dates; the counts by status.
    assert main(["duties", "--db", str(db), "--fiscal-year", "๒๕๖๗", *as_of, "--lang", "th"]) == 0
    # The register's columns are padded to line up: read it with the padding taken out.
    text = re.sub(r" +\| ", " | ", capsys.readouterr().out)
    assert "กุมภาพันธ์ ๒๕๖๗ | ๓๐ มีนาคม ๒๕๖๗ | ไม่มีการดำเนินการ" in text
    assert "ไตรมาสที่ ๒ ปีงบประมาณ ๒๕๖๗ | ๓๐ เมษายน ๒๕๖๗ | ดำเนินการแล้วล่าช้า" in text
    # CSV: UTF-8 with a byte-order mark, B.E. dates; --unit keeps the unit's duties.
    assert main(["duties", "--db", str(db), *as_of, "--fiscal-year", "2567", "--format", "csv",
                 "--unit", "กองคลัง"]) == 0  # fmt: skip
    csv_text = capsys.readouterr().out
    assert csv_text.startswith("\ufeff")
    assert "30 มีนาคม 2567" in csv_text
    assert main(["duties", "--db", str(db), "--fiscal-year", "2567", "--unit", "กองช่าง",
                 "--format", "json"]) == 0  # fmt: skip
    assert [
        o for o in json.loads(capsys.readouterr().out)["occurrences"]
        if o["flow"] == "budget_report"
    ] == []  # fmt: skip
    # The sweep command records February's report, as the system, and says so; once.
    assert main(["sweep", "--db", str(db), "--now", "2024-11-05T09:00+07:00"]) == 0
    out = capsys.readouterr().out
    assert "duty-budget_report-monthly_financial_report-2024-02-01" in out
    assert "(budget_report.monthly_financial_report)" in out
    assert main(["sweep", "--db", str(db), "--now", "2024-11-05T09:00+07:00"]) == 0
    assert "duty-" not in capsys.readouterr().out
    assert main(["audit", "verify", "--db", str(db)]) == 0
    capsys.readouterr()
    # A bad year or unknown flow: a clear error, no traceback.
    assert main(["duties", "--db", str(db), "--fiscal-year", "abc"]) != 0
    assert main(["duties", "--db", str(db), "--flow", "no_such_flow"]) == 1
    err = capsys.readouterr().err
    assert "no_such_flow" in err
    assert "Traceback" not in err


def test_a_record_of_the_sweep_is_of_no_procedure() -> None:
    """The record flow is generic: it names no flow, duty or state of a procedure."""
    text = (Path(__file__).parents[1] / "src/integrity_flows/loading/duty_record.yaml").read_text()
    for word in ("budget", "delegation", "monthly", "quarterly"):
        assert word not in text
    assert CHIEF.id  # the shared actors are importable


def test_a_report_figure_over_duties_is_checked_at_load(tmp_path: Path) -> None:
    folder = _host(tmp_path, _HOST)
    (folder / "reports").mkdir()
    (folder / "reports" / "r.yaml").write_text(
        textwrap.dedent(
            """
            reports:
              - id: reviews
                label: {th: การทบทวน, en: reviews}
                sets: {}
                figures:
                  - id: late
                    label: {th: ล่าช้า, en: late}
                    duties: {flow: yearly_review, duty: reveiw, status: [lat]}
                    number: true
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(DefinitionError) as caught:
        load_library([folder], registry=default_registry(), bundled=False)
    text = str(caught.value)
    assert "unknown status 'lat'" in text
    (folder / "reports" / "r.yaml").write_text(
        (folder / "reports" / "r.yaml").read_text().replace("[lat]", "[done_late]"),
        encoding="utf-8",
    )
    with pytest.raises(DefinitionError) as caught:
        load_library([folder], registry=default_registry(), bundled=False)
    assert "declares no duty 'reveiw'" in str(caught.value)


def test_the_duties_example_of_the_flow_definitions_page_runs(tmp_path: Path) -> None:
    """The Duties example of docs/flow-definitions.md loads and its Python block runs:
    each case of a flow (before and after it), records, and the sweep's record."""
    page = (Path(__file__).parents[1] / "docs" / "flow-definitions.md").read_text("utf-8")
    flow = re.search(r"<!-- duties-example -->\n```yaml\n(.*?)```", page, re.S)
    assert flow is not None
    (tmp_path / "council_session.yaml").write_text(flow.group(1), encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", page[flow.end() :], re.S)
    assert block is not None
    namespace: dict[str, object] = {"flows_folder": tmp_path}
    exec(compile(block.group(1), "flow-definitions.md[duties]", "exec"), namespace)  # our docs


def test_duties_stop_at_a_case_that_cannot_be_read_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whether a case fulfils a duty cannot be told from a row edited into what no store
    writes: recording the duties and listing them stop with CaseUnreadable naming the
    case (bilingual on the command line, no traceback), and nothing is recorded."""
    url = f"sqlite:///{tmp_path}/duties.db"
    clock = FixedClock(T0)
    with Engine.open(url, clock=clock) as engine:
        monthly(engine, clock, 2023, 10, date(2023, 11, 10))
    with closing(sqlite3.connect(tmp_path / "duties.db")) as db:
        db.execute("UPDATE cases SET data = '{bad' WHERE id = 'm-2023-10'")
        db.commit()
    later = at(date(2024, 1, 5))
    with Engine.open(url, clock=FixedClock(later)) as engine:
        with pytest.raises(CaseUnreadable) as caught:
            engine.record_duties(later)
        assert (caught.value.case_id, caught.value.column) == ("m-2023-10", "data")
        assert engine.cases(DUTY_RECORD_FLOW) == []
    key = tmp_path / "signing.key"
    key.write_text(SigningKey.generate("audit-office").text, encoding="utf-8")
    folder = tmp_path / "checkpoints"
    sweep = ["sweep", "--now", "2024-01-05", "--checkpoint-dir", str(folder)]
    for command in (["duties", "--fiscal-year", "2567"], [*sweep, "--signing-key", str(key)]):
        assert main([*command, "--db", url]) == 1
        out = capsys.readouterr()
        assert "Traceback" not in out.out + out.err
        assert "case 'm-2023-10' cannot be read from the store: its 'data'" in out.err
        assert "อ่านเรื่อง 'm-2023-10' จากที่เก็บข้อมูลไม่ได้" in out.err
    # The sweep showed the deadlines it fired and signed its checkpoint before it stopped.
    assert "deadline(s) / กำหนดเวลา" in out.out
    assert "checkpoint written" in out.out
    assert len(list(folder.glob("checkpoint-*.txt"))) == 1
