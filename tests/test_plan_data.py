"""The plan as data (docs/plan-format.md): reading a plan file, Part 2 reproduced with its
totals, the plan's own inconsistencies, amendments and versions, and the monitoring
report, on the fictitious tambon plan of examples/ end to end."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.calendars import thai_digits
from integrity_flows.cli import main
from integrity_flows.errors import DefinitionError
from integrity_flows.monitoring import as_dict, monitor, page
from integrity_flows.plan.budget import budget_table
from integrity_flows.plan.catalogue import coverage, open_plan
from integrity_flows.plan.checks import Finding, check_plan
from integrity_flows.plan.model import Target
from integrity_flows.plan.reading import PlanError, budget_cell, read_plan, read_plan_file

ROOT = Path(__file__).resolve().parents[1]
TAMBON = ROOT / "examples" / "tambon-plan"
PLAN = TAMBON / "plan.yaml"
FLOWS = TAMBON / "flows"
CLERK = Actor("malee", roles={"clerk"})
CHIEF = Actor("somsak", roles={"chief"})


def _text() -> str:
    return PLAN.read_text(encoding="utf-8")


def _refused(old: str, new: str) -> PlanError:
    text = _text()
    assert old in text, old
    with pytest.raises(PlanError) as caught:
        read_plan(text.replace(old, new, 1), "plan.yaml")
    return caught.value


def _paths(error: PlanError) -> list[str]:
    return [p.path for p in error.problems]


# --- reading --------------------------------------------------------------------


def test_the_tambon_plan_loads_with_its_versions() -> None:
    plan = read_plan_file(PLAN)
    assert plan.organisation_en is not None
    assert "fictitious" in plan.organisation_en
    assert [d.number for d in plan.dimensions] == [1, 2, 3, 4]
    assert plan.version == 2
    assert [p.number for p in plan.projects_in(1)] == [1, 2, 3]
    assert [p.number for p in plan.projects_in(2)] == [1, 2, 3, 4]
    assert plan.version_on(date(2567 - 543, 1, 14)) == 1
    assert plan.version_on(date(2567 - 543, 1, 15)) == 2
    training = plan.project(1)
    assert training is not None
    assert training.kind == "project"
    assert training.target_count == 30
    target = training.outputs[1].target
    assert target is not None
    assert target.met(80)
    assert not target.met(79.99)
    assert target.words("th") == "ไม่น้อยกว่าร้อยละ 80"
    assert target.words("en") == "at least 80 percent"
    assert plan.rows[0].budget[2570].amount == 20000


def test_a_number_the_plan_gives_alone_is_met_by_reaching_more() -> None:
    """ร้อยละ ๘๐ given alone (``equals``) is met at 80 and at 90, not at 79; ไม่เกิน is
    met at or under its number."""
    alone = Target("equals", 80, "percent")
    assert [alone.met(n) for n in (80, 90, 79)] == [True, True, False]
    assert alone.words("th") == "ร้อยละ 80"
    ceiling = Target("at_most", 5, "days")
    assert [ceiling.met(n) for n in (5, 1, 6)] == [True, True, False]


def test_every_problem_of_a_broken_plan_is_named_with_its_path() -> None:
    """A budget that is not a number, an amendment without approval and an unknown key are
    all reported at once."""
    text = (
        _text()
        .replace(
            '{2566: "20,000", 2567: "20,000", 2568', '{2566: "twenty", 2567: "20,000", 2568', 1
        )
        .replace('    approved_by_th: "นายกองค์การบริหารส่วนตำบลบ้านสุขสันต์"\n', "")
        .replace("    kind: measure\n", "    kind: measure\n    colour: red\n", 1)
    )
    with pytest.raises(PlanError) as caught:
        read_plan(text, "plan.yaml")
    error = caught.value
    assert "dimensions[0].printed_total.budget.2566" in _paths(error)
    assert "amendments[0]" in _paths(error)
    assert "projects[1]" in _paths(error)
    found = "\n".join(str(p) for p in error.problems)
    assert "a budget cell is a number, '-', a blank or '#####' as printed, not 'twenty'" in found
    assert "an amendment needs its approval" in found
    assert "การแก้ไขแผนต้องระบุผู้อนุมัติ" in found
    assert "unknown key(s): colour" in found
    assert all(p.source == "plan.yaml" for p in error.problems)


def test_references_inside_the_plan_must_resolve() -> None:
    error = _refused("    adds: [4]", "    adds: [9]")
    assert _paths(error) == ["amendments[0].adds"]
    error = _refused("      project: 4", "      project: 7")
    assert _paths(error) == ["part2.rows[3].project"]
    error = _refused("    added_in: 2", "    added_in: 3")
    assert _paths(error) == ["projects[3].added_in"]
    error = _refused(
        "        target: {at_least: 3, unit: channels}",
        "        target: {at_least: 3, unit: furlongs}",
    )
    assert _paths(error) == ["projects[1].outputs[0].target.unit"]


def test_a_plan_that_is_not_yaml_or_not_readable_is_a_clear_refusal(tmp_path: Path) -> None:
    with pytest.raises(PlanError, match="not valid YAML"):
        read_plan("a: [", "broken.yaml")
    with pytest.raises(PlanError, match="cannot read the plan file"):
        read_plan_file(tmp_path / "missing.yaml")
    assert main(["plan", "check", "--plan", str(tmp_path / "missing.yaml")]) == 1


@pytest.mark.parametrize(
    ("printed", "kind", "amount"),
    [
        ("200,000", "number", 200000),
        ("๒๐๐,๐๐๐", "number", 200000),
        ("5000", "number", 5000),
        ("๒๐๐,๐๐๐.๐๐", "number", 200000),
        ("1,250.50", "number", Decimal("1250.50")),
        ("-", "dash", None),
        ("", "blank", None),
        (None, "blank", None),
        ("#####", "unreadable", None),
    ],
)
def test_budget_cells_keep_what_was_printed(
    printed: str | None, kind: str, amount: int | Decimal | None
) -> None:
    cell = budget_cell(printed)
    assert cell is not None
    assert cell.kind == kind
    assert cell.amount == amount


@pytest.mark.parametrize("printed", ["20,00", "abc", "1.505", "12,3456", ".5", True, 1.5])
def test_a_cell_that_is_none_of_those_is_refused(printed: object) -> None:
    assert budget_cell(printed) is None


@given(st.integers(min_value=0, max_value=10**12), st.booleans())
def test_any_printed_amount_reads_back(amount: int, thai: bool) -> None:
    """A number written with thousands commas, in Thai or Arabic digits, reads as itself."""
    printed = f"{amount:,}"
    cell = budget_cell(thai_digits(printed) if thai else printed)
    assert cell is not None
    assert cell.kind == "number"
    assert cell.amount == amount


# --- Part 2 and the plan's own inconsistencies ------------------------------------------


def test_the_tambon_budget_agrees_and_its_plan_is_consistent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    plan = read_plan_file(PLAN)
    table = budget_table(plan)
    assert all(d.agrees for d in table.dimensions)
    assert [t.computed for t in table.grand] == [25000] * 5
    assert check_plan(plan) == []
    assert main(["plan", "check", "--plan", str(PLAN)]) == 0
    assert (
        "แผนสอดคล้องกัน / the plan is consistent (แผนฉบับที่ 2 / plan version 2)"
        in capsys.readouterr().out
    )
    assert main(["plan", "budget", "--plan", str(PLAN), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeff")
    assert "รวมจากแถว/sum of rows" in out
    assert main(["plan", "budget", "--plan", str(PLAN), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["grand_total"]["totals"][0] == {
        "year": 2566,
        "printed": "25,000",
        "printed_kind": "number",
        "computed": 25000,
        "unreadable_rows": 0,
        "difference": 0,
        "status": "agrees",
    }


def _inconsistent() -> str:
    """The tambon plan with one of each kind of inconsistency written into it."""
    return (
        _text()
        # dimension 1's row: 2570 printed unreadably; 2569 no longer adds up
        .replace(
            '2569: "20,000", 2570: "20,000"}\n      project: 1',
            '2569: "15,000", 2570: "#####"}\n      project: 1',
        )
        # the forum's Part 3 budget differs from its row
        .replace("    budget: 5000\n", "    budget: 6000\n")
        # a total over the plan that five years do not make
        .replace("    budget: 20000\n", "    budget: 20000\n    budget_total: 90000\n")
        # an indicator without a target, template text left in a name
        .replace("        target: {at_least: 5, unit: meetings}", "        target: null")
        .replace(
            'name_th: "กิจกรรมประชาคมหมู่บ้าน"\n    name_en',
            'name_th: "กิจกรรมประชาคม (ระบุชื่อหน่วยงาน)"\n    name_en',
        )
        # the grand total counts five projects
        .replace(
            'projects_th: "จำนวน ๔ โครงการ"\n    projects: 4',
            'projects_th: "จำนวน ๕ โครงการ"\n    projects: 5',
        )
        # and the amendment that added project 4 is gone
        .split("\namendments:")[0]
        .replace("    added_in: 2\n", "")
    )


def test_plan_check_finds_each_inconsistency_with_its_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = read_plan(_inconsistent(), "plan.yaml")
    findings = check_plan(plan)
    codes = [f.code for f in findings]
    for code in (
        "total_differs",
        "total_unreadable_rows",
        "count_differs",
        "cell_unreadable",
        "budget_differs",
        "budget_total_differs",
        "indicator_without_target",
        "template_unfilled",
        "addition_unrecorded",
    ):
        assert code in codes, (code, codes)
    by_code: dict[str, Finding] = {}
    for f in findings:
        by_code.setdefault(f.code, f)
    assert by_code["total_differs"].where_en == "Part 2, dimension 1 total, 2569"
    assert "a difference of 5,000" in by_code["total_differs"].message_en
    assert (
        by_code["cell_unreadable"].where_en == "Part 2, row 1 (dimension 1, mission 1.1 1)), 2570"
    )
    assert {f.project for f in findings if f.code == "budget_differs"} == {1, 3}
    assert "100,000, not the 90,000" in by_code["budget_total_differs"].message_en
    assert "'(ระบุชื่อหน่วยงาน)'" in by_code["template_unfilled"].message_th
    assert all(f.message_th and f.where_th for f in findings)
    broken = tmp_path / "plan.yaml"
    broken.write_text(_inconsistent(), encoding="utf-8")
    assert main(["plan", "check", "--plan", str(broken), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {f["code"] for f in data["findings"]} >= set(by_code)


# --- coverage and monitoring --------------------------------------------------------


def _replay(engine: Engine) -> None:
    """The tambon's training of fiscal year 2567, approved, held and reported."""
    case = engine.start("tambon_ethics_training", actor=CLERK, data={"fiscal_year": 2567})
    approval = {"document": "สข 001/2567", "stage": "approved", "amount": "20000"}
    engine.fire(
        case.id, "approve", actor=CHIEF, data={"money": {**approval, "dated": "2566-12-05"}}
    )
    engine.fire(
        case.id,
        "hold",
        actor=CLERK,
        data={"held_on": "12 ธันวาคม 2566", "participants": 28, "passed": 25},
    )
    payments = [
        {
            "document": "ฎ 12/2567",
            "stage": "disbursed",
            "amount": "12000.50",
            "dated": "2566-12-12",
        },
        {"document": "ฎ 13/2567", "stage": "disbursed", "amount": "6500", "dated": "2566-12-12"},
    ]
    engine.fire(case.id, "record_money", actor=CLERK, data={"money": payments})
    engine.fire(case.id, "report", actor=CLERK)


def test_the_tambon_plan_runs_end_to_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Coverage against the tambon plan, then the yearly monitoring report: what ran, the
    steps done, the indicators against their targets and the money."""
    plan = open_plan(str(PLAN))
    clock = FixedClock(datetime(2023, 12, 12, 3, 0, tzinfo=UTC))  # 12 Dec 2566, 10:00
    db = tmp_path / "tambon.db"
    # The tambon runs its own plan: the bundled flows implement the Lampang plan's projects,
    # whose numbers the tambon's plan reuses.
    with Engine.open(f"sqlite:///{db}", flows=[FLOWS], bundled=False, clock=clock) as engine:
        _replay(engine)
        definitions = engine.flows.latest()
        found = coverage(plan, [d for d in definitions if d.id.startswith("tambon_")])
        assert found.problems == ()
        assert found.project(1) is not None
        assert found.project(1).implemented == 4
        report = monitor(engine, plan, 2567)
    assert report.version == 2
    assert [p.project.number for p in report.projects] == [1, 2, 3, 4]
    training = report.projects[0]
    assert training.ran
    assert training.flows == ("tambon_ethics_training",)
    assert training.steps_done == ("5.1", "5.2", "5.3", "5.4")
    held, pass_rate, attendance = training.indicators
    assert (held.value, held.met) == (1, True)
    assert (pass_rate.value, pass_rate.met) == (Decimal("89.29"), True)
    assert pass_rate.measured_by == "tambon_ethics_training.pass_rate"
    assert not attendance.measured
    assert attendance.met is None
    assert training.money.planned == 20000
    assert training.money.approved == Decimal("20000")
    assert training.money.disbursed == Decimal("18500.50")
    assert len(training.evidence) == 1
    assert not report.projects[1].ran
    assert report.projects[1].money.planned == 0
    # Fiscal year 2566 is read against version 1: project 4 was not in the plan yet.
    with Engine.open(f"sqlite:///{db}", flows=[FLOWS], bundled=False) as engine:
        earlier = monitor(engine, plan, 2566, "first")
    assert earlier.version == 1
    assert len(earlier.projects) == 3
    assert earlier.ran == 0
    data = as_dict(report)
    assert data["projects"][0]["indicators"][1]["value"] == "89.29"  # type: ignore[index]


def test_plan_monitor_prints_text_csv_json_and_one_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command: text, JSON, CSV and one self-contained HTML page, Thai first."""
    clock = FixedClock(datetime(2023, 12, 12, 3, 0, tzinfo=UTC))
    db = tmp_path / "tambon.db"
    with Engine.open(f"sqlite:///{db}", flows=[FLOWS], clock=clock) as engine:
        _replay(engine)
    args = [
        "--without-bundled-flows",  # the tambon's own plan, not the Lampang plan's flows
        "plan",
        "monitor",
        "--db",
        str(db),
        "--flows",
        str(FLOWS),
        "--plan",
        str(PLAN),
        "--fiscal-year",
        "๒๕๖๗",
    ]
    assert main(args) == 0
    text = capsys.readouterr().out
    assert "รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ประจำปี" in text
    assert "ไม่น้อยกว่าร้อยละ 80 -> 89.29 (บรรลุ)" in text
    assert "เบิกจ่าย 18,500.50" in text
    assert main([*args, "--format", "csv", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("\ufeff#,project / activity / measure")
    out = tmp_path / "monitor.html"
    assert main([*args, "--format", "html", "--half", "first", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="th">')
    assert "รอบ ๖ เดือน" in html
    assert "http" not in html
    assert main([*args, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["plan"]["version"] == 2


def test_the_monitoring_page_escapes_what_the_plan_says() -> None:
    text = _text().replace(
        'โครงการอบรมคุณธรรมจริยธรรมบุคลากร"\n    name_en', '<script>x</script>"\n    name_en'
    )
    plan = read_plan(text, "plan.yaml")
    with Engine.open("memory://", flows=[FLOWS]) as engine:
        shown = page(monitor(engine, plan, 2567), "th")
    assert "<script>" not in shown
    assert "&lt;script&gt;" in shown


# --- the Lampang plan ---------------------------------------------------------------


def test_lampang_part_2_is_reproduced_with_its_printed_totals() -> None:
    """Dimension 1 adds up but for the unreadable 2570 cell (which must hold 200,000); the
    grand total is 500,000 more than the rows the text keeps (dimension 4's rows are on
    missing pages); the printed counts are 7 and 36 against 37 projects in Part 3."""
    plan = open_plan()
    table = budget_table(plan)
    first = table.dimensions[0]
    assert first.printed_projects == 7
    assert first.counted_projects == 7
    assert [t.status for t in first.totals] == ["agrees"] * 4 + ["rows_unreadable"]
    assert first.totals[0].printed is not None
    assert first.totals[0].printed.value == 5225000
    assert first.totals[4].difference == 200000
    assert table.printed_projects == 36
    assert [t.difference for t in table.grand[:4]] == [500000] * 4
    assert len(plan.projects) == 37
    assert len(plan.gaps) == 2


def test_lampang_plan_check_lists_the_plan_s_real_inconsistencies(
    capsys: pytest.CaptureFixture[str],
) -> None:
    findings = check_plan(open_plan())
    codes = {f.code for f in findings}
    assert {
        "total_unreadable_rows",
        "total_differs",
        "count_differs",
        "text_missing",
        "cell_unreadable",
        "project_without_row",
        "budget_total_differs",
        "indicator_without_target",
        "template_unfilled",
        "addition_unrecorded",
    } <= codes
    added = next(f for f in findings if f.code == "addition_unrecorded")
    assert added.project == 37
    six = next(f for f in findings if f.code == "budget_total_differs")
    assert six.project == 6
    assert "25,000, not the 20,500" in six.message_en
    assert main(["plan", "check"]) == 1
    assert "finding(s)" in capsys.readouterr().out


def test_bundled_reports_measure_the_indicators_of_the_built_projects() -> None:
    """Each built project whose indicator a bundled report can count says so, and the
    monitoring report reads them (an empty year measures zero, not nothing)."""
    with Engine.open("memory://") as engine:
        measured = {m for r in engine.reports for f in r.figures for m in f.measures}
        report = monitor(engine, open_plan(), 2567)
    assert {"15/output.2", "16/output.1", "19/output.1", "23/output.1", "30/output.2"} <= measured
    delegation = next(p for p in report.projects if p.project.number == 19)
    orders = delegation.indicators[0]
    assert orders.measured_by == "delegation_orders.orders"
    assert orders.value == 0
    assert orders.met is False


def test_a_flow_citing_what_the_plan_in_force_lacks_is_refused_at_load(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Opened with a plan, the engine refuses flows that name its projects or steps
    wrongly, with the flow's file and path; the tambon flow fits the tambon plan."""
    plan = read_plan_file(PLAN)
    with Engine.open(
        "memory://", flows=[FLOWS], bundled=False, entry_points=False, plan=plan
    ) as engine:
        assert [d.id for d in engine.flows] == ["tambon_ethics_training"]
    with pytest.raises(DefinitionError) as caught:
        Engine.open("memory://", plan=plan)
    first = caught.value.problems[0]
    assert first.source.endswith(".yaml")
    assert "names project" in first.message_en
    assert main(["flows", "check", str(FLOWS), "--plan", str(PLAN)]) == 0
    assert main(["flows", "check", "--plan", str(PLAN)]) == 1
    assert "the plan has projects 1-4" in capsys.readouterr().err


def test_an_installed_package_may_publish_a_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    """``--plan NAME`` finds a plan an installed package publishes (entry point
    ``integrity_flows.plans``: a path, or a callable returning one)."""
    from integrity_flows.plan import reading

    class Published:
        name = "tambon"

        def load(self) -> object:
            return lambda: PLAN

    monkeypatch.setattr(
        reading,
        "entry_points",
        lambda group: [Published()] if group == "integrity_flows.plans" else [],
    )
    assert open_plan("tambon").organisation_th == "องค์การบริหารส่วนตำบลบ้านสุขสันต์"
    assert main(["plan", "check", "--plan", "tambon"]) == 0


def test_the_complaint_outcomes_of_projects_13_15_19_and_23_are_measured_by_topic() -> None:
    """The outcomes "complaints about X decrease" (13, 19, 23) and "no bribery complaints"
    (15) are figures of complaint_topics_trend, and the monitoring report reads them."""
    with Engine.open("memory://") as engine:
        report = monitor(engine, open_plan(), 2567)
    wanted = {
        (13, "complaint_topics_trend.fewer_government_property"),
        (15, "complaint_topics_trend.no_bribery"),
        (19, "complaint_topics_trend.fewer_complaints"),
        (23, "complaint_topics_trend.fewer_complaints"),
    }
    found = {
        (p.project.number, i.measured_by)
        for p in report.projects
        if p.project.number in (13, 15, 19, 23)
        for i in p.indicators
        if i.measured_by and i.measured_by.startswith("complaint_topics_trend.")
    }
    assert found == wanted
