"""Declared reports: loading checks with file and path, every figure shape against a hand
count, the report command's formats, and hostile report files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _lending import announce_rules
from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.cli import main
from integrity_flows.errors import DefinitionError
from integrity_flows.loading import default_registry, load_library
from integrity_flows.reports.base import ReportError, Table
from integrity_flows.reports.catalogue import load_catalogue, run_report

LIBRARY = load_library(registry=default_registry(entry_points=False), entry_points=False)
FLOWS = LIBRARY.latest()
STAFF = Actor("somchai", roles={"staff"}, unit="กองคลัง")
KANDA = Actor("kanda", roles={"custodian"})
APPROVER = Actor("somying", roles={"approver"})

GOOD = """
reports:
  - id: loans
    label: {th: การยืม, en: loans}
    sets:
      loans: {flow: asset_lending, year: start, order: [start]}
    figures:
      - {id: fiscal_year, label: {th: ปีงบประมาณ, en: fiscal year}, fiscal_year: true}
      - {id: requests, label: {th: คำขอ, en: requests}, count: loans}
      - id: approved
        label: {th: อนุมัติ, en: approved}
        count: loans
        where: {fired: approve}
      - id: items
        label: {th: ทรัพย์สิน, en: items}
        list: loans
        show: item
      - id: by_type
        label: {th: "ผู้ยืม: {choice}", en: "borrower: {choice}"}
        by: loans
        field: borrower_type
      - id: share
        label: {th: ร้อยละที่อนุมัติ, en: approved (%)}
        rate: {of: approved, over: requests}
        when_zero: null
      - {id: target, label: {th: เป้าหมาย, en: target}, constant: 50}
      - id: met
        label: {th: บรรลุ, en: met}
        met: {figure: share, at_least: target}
      - id: waiting
        label: {th: "รอ {key} (วัน)", en: "waiting {key} (days)"}
        each: loans
        key: item
        value: {days: {from: start, to: now}}
      - id: register
        label: {th: ทะเบียน, en: register}
        table: loans
        columns:
          - {id: item, label: {th: ทรัพย์สิน, en: item}, value: item}
          - {id: due, label: {th: กำหนดคืน, en: due}, value: return_date}
          - {id: state, label: {th: สถานะ, en: state}, value: state}
"""


def catalogue_of(tmp_path: Path, text: str) -> object:
    """The catalogue of one report file written to ``tmp_path``."""
    folder = tmp_path / "reports"
    folder.mkdir(exist_ok=True)
    (folder / "r.yaml").write_text(text, encoding="utf-8")
    return load_catalogue([folder], FLOWS, entry_points=False)


def problems_of(tmp_path: Path, text: str) -> list[str]:
    """The problems a report file is refused with, as text."""
    with pytest.raises(DefinitionError) as refused:
        catalogue_of(tmp_path, text)
    return [str(p) for p in refused.value.problems]


@pytest.fixture
def clock() -> FixedClock:
    """2 October 2566, 09:00 Thai time."""
    return FixedClock(datetime(2023, 10, 2, 2, 0, tzinfo=UTC))


@pytest.fixture
def engine(tmp_path: Path, clock: FixedClock) -> Iterator[Engine]:
    """An engine whose flows carry the GOOD report beside the bundled ones."""
    folder = tmp_path / "flows"
    (folder / "reports").mkdir(parents=True)
    (folder / "reports" / "loans.yaml").write_text(GOOD, encoding="utf-8")
    with Engine.open("memory://", clock=clock, flows=[folder], entry_points=False) as found:
        yield announce_rules(found)


def loan(engine: Engine, item: str, *, approve: bool) -> str:
    """A loan request of ``item``, checked, and approved when asked."""
    case = engine.start(
        "asset_lending",
        actor=STAFF,
        data={"item": item, "purpose": "ประชุม", "return_date": "2023-10-20"},
    )
    engine.fire(case.id, "check", actor=KANDA)
    if approve:
        engine.fire(case.id, "approve", actor=APPROVER)
    return case.id


def test_every_figure_shape_against_a_hand_count(engine: Engine, clock: FixedClock) -> None:
    """3 requests, 2 approved: 66.67% against 50; lists, classes, ages and rows by hand."""
    loan(engine, "รถยนต์ กข-1", approve=True)
    clock.advance(days=1)
    loan(engine, "โปรเจกเตอร์", approve=True)
    clock.advance(minutes=5)
    loan(engine, "กล้อง", approve=False)
    clock.advance(days=2)
    found = {f.key: f.value for f in run_report(engine, "loans", fiscal_year="๒๕๖๗")}
    assert (found["fiscal_year"], found["requests"], found["approved"]) == (2567, 3, 2)
    assert found["items"] == ("รถยนต์ กข-1", "โปรเจกเตอร์", "กล้อง")
    assert found["share"] == Decimal("66.67")
    assert found["met"] is True
    assert (found["waiting:รถยนต์ กข-1"], found["waiting:กล้อง"]) == (3, 2)
    assert sum(v for k, v in found.items() if k.startswith("by_type_")) == 3
    table = found["register"]
    assert isinstance(table, Table)
    assert [row[0] for row in table.rows] == ["รถยนต์ กข-1", "โปรเจกเตอร์", "กล้อง"]
    assert table.kinds == ("text", "date", "text")
    empty = {f.key: f.value for f in run_report(engine, "loans", fiscal_year=2568)}
    assert (empty["requests"], empty["share"], empty["met"]) == (0, None, False)


def test_a_report_needs_its_year_or_its_case(engine: Engine) -> None:
    """A yearly report without a year, an unknown report and a year out of range are refused."""
    with pytest.raises(ReportError, match="fiscal year"):
        run_report(engine, "loans")
    with pytest.raises(ReportError, match="unknown report 'nope'"):
        run_report(engine, "nope", fiscal_year=2567)
    with pytest.raises(ReportError, match="Buddhist Era"):
        run_report(engine, "loans", fiscal_year=2023)


def test_a_report_file_with_every_kind_of_mistake_lists_them_all(tmp_path: Path) -> None:
    """Unknown flow (with a hint when one is close), set, field, state, trigger and figure,
    a rate without when_zero, a sum of text and a duplicate id are all reported at once,
    each with its path."""
    text = """
reports:
  - id: bad
    label: {th: ผิด, en: bad}
    sets:
      a: {flow: no_such_flow}
      b: {flow: asset_lending, where: {state: lost}, year: {field: purpose}}
      c: {flow: asset_lending, within: zzz}
      d: {flow: asset_lendin}
    figures:
      - {id: n, label: {th: n, en: n}, count: b, where: {fired: teleport}}
      - {id: n, label: {th: m, en: m}, count: nowhere}
      - {id: s, label: {th: s, en: s}, sum: b, value: purpose}
      - {id: r, label: {th: r, en: r}, rate: {of: n, over: later}}
      - {id: l, label: {th: l, en: l}, list: b, show: no_field}
      - {id: later, label: {th: x, en: x}, constant: 1}
"""
    found = "\n".join(problems_of(tmp_path, text))
    for expected in (
        "reports[0].sets.a.flow: unknown flow 'no_such_flow'",
        "reports[0].sets.d.flow: unknown flow 'asset_lendin' (did you mean 'asset_lending'?)",
        "reports[0].sets.b.where: flow 'asset_lending' has no state 'lost'",
        "reports[0].sets.b.year: 'purpose' is a text field; this needs integer",
        "reports[0].sets.c.within: unknown set 'zzz'",
        "reports[0].figures[0].where: flow 'asset_lending' has no trigger 'teleport'",
        "reports[0].figures[1].id: figure 'n' is declared twice",
        "reports[0].figures[1].set: unknown set 'nowhere'",
        "reports[0].figures[2].value: 'purpose' is a text field; this needs integer or decimal",
        "reports[0].figures[3].when_zero: a rate divides by a count that may be zero",
        "reports[0].figures[4].value: flow 'asset_lending' has no data field 'no_field'",
        "reports[0].figures[3]: 'later' is not a figure above this one",
    ):
        assert expected in found, found
    assert "r.yaml" in found


def test_a_public_figure_may_not_read_personal_or_sensitive_data(tmp_path: Path) -> None:
    """A public report listing the borrower (the starting actor) or a sensitive field is
    refused at load."""
    text = """
reports:
  - id: leak
    label: {th: รั่ว, en: leak}
    public: true
    sets:
      loans: {flow: asset_lending}
    figures:
      - {id: who, label: {th: ผู้ยืม, en: borrowers}, list: loans, show: borrower}
      - {id: ids, label: {th: เรื่อง, en: cases}, list: loans, show: case_id}
"""
    found = "\n".join(problems_of(tmp_path, text))
    assert "a public figure may not read 'borrower'" in found
    assert "a public figure may not list case ids" in found


def test_two_figures_of_a_report_may_not_share_a_label(tmp_path: Path) -> None:
    """Features name figures by label: a label used twice (in either language) is refused."""
    text = """
reports:
  - id: twice
    label: {th: ซ้ำ, en: twice}
    sets: {loans: {flow: asset_lending}}
    figures:
      - {id: a, label: {th: คำขอ, en: requests}, count: loans}
      - {id: b, label: {th: อื่น, en: Requests}, count: loans}
"""
    found = problems_of(tmp_path, text)
    assert any("figures 'a' and 'b' have the same label 'requests'" in p for p in found)


def test_a_figure_names_only_figures_above_it(tmp_path: Path) -> None:
    """A target met on a figure declared below it is refused (so no figure can loop)."""
    text = """
reports:
  - id: order
    label: {th: ลำดับ, en: order}
    sets: {loans: {flow: asset_lending}}
    figures:
      - {id: ok, label: {th: ok, en: ok}, met: {figure: n, at_least: 1}}
      - {id: n, label: {th: n, en: n}, count: loans}
"""
    assert any("'n' is not a figure above this one" in p for p in problems_of(tmp_path, text))


@pytest.mark.parametrize(
    "text",
    [
        "reports: nope",
        "- just a list",
        "reports:\n  - id: Bad-Id\n    label: {th: x, en: x}\n    figures: []\n",
        "reports:\n  - id: x\n    label: {th: x}\n    figures: [{id: a, label: {th: a, en: a}}]\n",
        "reports:\n  - id: x\n    label: {th: x, en: x}\n    figures:\n"
        "      - {id: a, label: {th: a, en: a}, count: s, sum: s}\n",
        "reports:\n  - id: x\n    label: {th: x, en: x}\n    eval: __import__('os')\n"
        "    figures: [{id: a, label: {th: a, en: a}, constant: 1}]\n",
        "reports: [{id: x, label: {th: x, en: x}, figures: [{id: a, label: {th: a, en: a},"
        " met: {figure: a, at_least: 1},"
        " where: {field: item, equals: !!python/name:os.system }}]}]",
        "reports: &a [*a]",
    ],
)
def test_hostile_report_files_are_refused_with_a_problem_not_a_crash(
    tmp_path: Path, text: str
) -> None:
    """Wrong shapes, unknown keys, Python tags and aliases loop into problems, never code."""
    assert problems_of(tmp_path, text)


@settings(max_examples=20, deadline=None)
@given(
    approvals=st.lists(st.booleans(), max_size=6),
)
def test_the_rate_is_the_share_approved(approvals: list[bool]) -> None:
    """For any mix of approved and pending loans the rate is approved / requests, half up."""
    clock = FixedClock(datetime(2023, 10, 2, 2, 0, tzinfo=UTC))
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        (folder / "r.yaml").write_text(GOOD, encoding="utf-8")
        with Engine.open("memory://", clock=clock, flows=[tmp], entry_points=False) as engine:
            announce_rules(engine)
            for n, approve in enumerate(approvals):
                loan(engine, f"item {n}", approve=approve)
            found = {f.key: f.value for f in run_report(engine, "loans", fiscal_year=2567)}
    assert found["requests"] == len(approvals)
    assert found["approved"] == sum(approvals)
    if approvals:
        expected = (Decimal(sum(approvals)) * 100 / len(approvals)).quantize(Decimal("0.01"))
        assert abs(found["share"] - expected) <= Decimal("0.01")
    else:
        assert found["share"] is None


def test_the_report_command_in_every_format(
    tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    """report list names it; text is bilingual with Buddhist Era dates; JSON keeps ISO dates;
    CSV opens with a byte-order mark; a wrong year or report is a clear refusal."""
    folder = tmp_path / "flows"
    (folder / "reports").mkdir(parents=True)
    (folder / "reports" / "loans.yaml").write_text(GOOD, encoding="utf-8")
    db = tmp_path / "cases.db"
    with Engine.open(f"sqlite:///{db}", clock=clock, flows=[folder], entry_points=False) as e:
        announce_rules(e)
        loan(e, "รถยนต์ กข-1", approve=True)
    common = ["--db", str(db), "--flows", str(folder), "--fiscal-year", "๒๕๖๗"]
    assert main(["report", "list", "--flows", str(folder)]) == 0
    assert "loans  [ปีงบประมาณ/year]" in capsys.readouterr().out
    assert main(["report", "loans", *common, "--as-of", "5 ตุลาคม 2566"]) == 0
    out = capsys.readouterr().out
    assert "คำขอ / requests: 1" in out
    assert "ปีงบประมาณ / fiscal year: 2567" in out  # a year, without a thousands separator
    assert "รอ รถยนต์ กข-1 (วัน) / waiting รถยนต์ กข-1 (days): 3" in out
    assert "20 ตุลาคม 2566" in out
    assert main(["report", "loans", *common, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    register = next(f for f in data["figures"] if f["id"] == "register")["value"]
    assert register[0]["due"] == "2023-10-20"
    assert next(f for f in data["figures"] if f["id"] == "share")["value"] == "100.00"
    assert main(["report", "loans", *common, "--format", "csv"]) == 0
    csv_text = capsys.readouterr().out
    assert csv_text.startswith("\ufeff")
    assert "20 ตุลาคม 2566" in csv_text
    assert main(["report", "nope", *common]) == 1
    assert "unknown report 'nope'" in capsys.readouterr().err
    # A misspelt id names the one meant instead of listing every report.
    assert main(["report", "lending_registr", *common]) == 1
    err = capsys.readouterr().err
    assert "unknown report 'lending_registr' (did you mean 'lending_register'?)" in err
    assert "(หมายถึง 'lending_register' หรือไม่)" in err
    assert "no_gift_pledges" not in err
    assert main(["report", "loans", "--db", str(db), "--fiscal-year", "next"]) != 0
    assert "not a fiscal year" in capsys.readouterr().err


def test_every_bundled_report_runs_on_an_empty_store() -> None:
    """Each declared report either gives its figures or a ReportError, never a crash."""
    with Engine.open("memory://", entry_points=False) as engine:
        assert len(engine.reports) > 0
        refusals = []
        for report in engine.reports:
            if report.scope == "case":
                continue
            try:
                run_report(engine, report.id, fiscal_year=2567)
            except ReportError as refused:
                refusals.append(refused)
        assert all(r.message_th and r.message_en for r in refusals)


def test_the_reports_page_lists_every_bundled_report_and_its_example_runs() -> None:
    """docs/reports.md names every bundled report id, and its Python example runs."""
    page = (Path(__file__).parents[1] / "docs" / "reports.md").read_text(encoding="utf-8")
    for report in LIBRARY.reports:
        assert f"`{report.id}`" in page, report.id
    block = page.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(block, "reports.md", "exec"), {})


def test_a_usage_error_names_the_report_not_a_hidden_subcommand(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``report ID`` is how a report is run, and its usage line and help say so."""
    assert main(["report", "lending_register", "--format", "xml"]) == 2
    err = capsys.readouterr().err
    assert "Usage: integrity-flows report lending_register [OPTIONS]" in err
    assert "Try 'integrity-flows report lending_register --help'" in err
    assert "report show" not in err
    assert main(["report", "--help"]) == 0
    assert "integrity-flows report ID --db PATH" in capsys.readouterr().out
