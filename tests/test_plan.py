"""The plan catalogue, the procedure coverage and the ``plan`` commands."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from integrity_flows import Engine
from integrity_flows.cli.plan import plan_group
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.loading.discovery import bundled_flows, default_registry, load_folder
from integrity_flows.plan import coverage, load_plan, parse_plan
from integrity_flows.plan.reading import PlanError

REPO = Path(__file__).resolve().parents[1]
STEP_13_1 = "จัดทำประกาศแนวทางปฏิบัติ/ระเบียบการใช้ทรัพย์สินของราชการ"

THAI_FEATURE = """\
# language: th
@plan-13-5.1
โครงหลัก: การยืมทรัพย์สินของราชการ

  @plan-13-5.4
  เหตุการณ์: ยืมและคืนตามกำหนด
    เมื่อ "สมชาย" เริ่มเรื่อง "asset_lending"

  @plan-risk-1
  Rule: ควบคุมการใช้รถ

    @plan-13
    เหตุการณ์: ตรวจเช็ครถส่วนบุคคล
      เมื่อ "สมศักดิ์" ดำเนินการ "ตรวจเช็ค"
"""

ENGLISH_FEATURE = """\
Feature: The yearly programme

  @plan-13-5
  Scenario: The whole programme
    When "somchai" starts "asset_rules"

  Scenario Outline: Publishing the manual
    When "somchai" does "<action>"

    @plan-13-5.2
    Examples:
      | action  |
      | publish |
"""

BAD_FEATURE = """\
Feature: Typos in plan tags

  @plan-13-5.9 @plan-99-5.1 @plan-risk-7 @plan-13-7 @plan-x @smoke
  Scenario: Every tag is wrong but one
    When "somchai" starts "asset_lending"
"""


@pytest.fixture(scope="module")
def bundled() -> list[FlowDefinition]:
    """The flows shipped with the package (no plugins)."""
    return load_folder(bundled_flows(), default_registry(entry_points=False))


@pytest.fixture
def features(tmp_path: Path) -> Path:
    """A small folder of feature files: a Thai one, and an English one in a subfolder."""
    folder = tmp_path / "features"
    (folder / "rules").mkdir(parents=True)
    (folder / "lending.th.feature").write_text(THAI_FEATURE, encoding="utf-8")
    (folder / "rules" / "programme.feature").write_text(ENGLISH_FEATURE, encoding="utf-8")
    return folder


def _cites(definition: FlowDefinition) -> list[str]:
    return [definition.start.cites, *(t.cites for t in definition.transitions)]


# --- the catalogue ------------------------------------------------------------------


def test_catalogue_has_37_projects_each_with_steps() -> None:
    """The catalogue holds projects 1-37 once each, every one named and with its steps."""
    plan = load_plan()
    numbers = [p.number for p in plan.projects]
    assert numbers == list(range(1, 38))
    assert len(set(numbers)) == 37
    for project in plan.projects:
        assert project.name_th
        assert project.name_en
        assert project.unit_th
        assert project.steps, project.number
        ids = [s.id for s in project.steps]
        section = ids[0].split(".")[0]
        assert ids == [f"{section}.{n}" for n in range(1, len(ids) + 1)]
        assert all(s.text_th.strip() for s in project.steps)


def test_step_ids_use_arabic_digits_and_texts_keep_thai() -> None:
    """Ids convert the Thai digits; texts keep the plan's wording without item markers."""
    plan = load_plan()
    for project in plan.projects:
        for step in project.steps:
            assert re.fullmatch(r"\d+\.\d+", step.id)
            assert not re.match(r"^[-\s]*[๐-๙0-9]+[.)]", step.text_th), (project.number, step.id)
    assert "มาตรา ๙ วรรคหนึ่ง (๘)" in plan.project(1).step("5.5").text_th  # type: ignore[union-attr]


def test_project_13_has_steps_5_1_to_5_5() -> None:
    """Project 13 (use of government property) has steps 5.1-5.5 in the plan's words."""
    project = load_plan().project(13)
    assert project is not None
    assert project.name_th == "โครงการเสริมสร้างความโปร่งใสในการใช้ทรัพย์สินของทางราชการ"
    assert project.unit_th == "กองพัสดุและทรัพย์สิน องค์การบริหารส่วนจังหวัดลำปาง"
    assert [s.id for s in project.steps] == ["5.1", "5.2", "5.3", "5.4", "5.5"]
    step = project.step("5.1")
    assert step is not None
    assert step.text_th.startswith(STEP_13_1)
    assert project.step("5.5").text_th == "รายงานผลการดำเนินงาน"  # type: ignore[union-attr]
    assert project.cite(step) == "13/5.1"


def test_odd_numbering_is_kept() -> None:
    """Steps outside section 5 keep their section; #8 keeps its misprinted numbers."""
    plan = load_plan()
    five, eight, thirty_two = plan.project(5), plan.project(8), plan.project(32)
    assert five is not None
    assert eight is not None
    assert thirty_two is not None
    assert [s.id for s in five.steps] == ["6.1", "6.2", "6.3", "6.4", "6.5"]
    assert [s.id for s in thirty_two.steps] == ["14.1", "14.2", "14.3"]
    assert [s.id for s in eight.steps][:2] == ["5.1", "5.2"]
    assert eight.step("5.1").printed == "๖.๑"  # type: ignore[union-attr]
    assert all(s.printed is None for p in plan.projects if p.number != 8 for s in p.steps)
    sub_steps = plan.project(10).step("5.2").text_th  # type: ignore[union-attr]
    assert sub_steps.startswith("ประชุมคณะทำงานฯ\n๕.๒.๑ ")


def test_risk_table_has_three_rows() -> None:
    """The risk table's three rows, cited risk/1 to risk/3, with their levels."""
    risks = load_plan().risks
    assert [r.id for r in risks] == ["risk/1", "risk/2", "risk/3"]
    assert [r.level_th for r in risks] == ["สูง", "ปานกลาง", "สูง"]
    assert risks[0].step_th == "การใช้ทรัพย์สินของทางราชการ(รถยนต์ส่วนบุคคล)"
    assert "แต่งตั้งผู้ควบคุมและตรวจสอบ" in risks[0].controls_th
    assert load_plan().risk(2) is risks[1]


def test_parse_plan_refuses_repeated_numbers() -> None:
    """A catalogue that repeats a project number is refused."""
    text = """
title_th: t
title_en: t
projects:
  - {number: 1, name_th: a, name_en: a, unit_th: u, steps: [{id: "5.1", text_th: x}]}
  - {number: 1, name_th: b, name_en: b, unit_th: u, steps: [{id: "5.1", text_th: y}]}
"""
    with pytest.raises(PlanError, match="project 1 is listed twice") as caught:
        parse_plan(text)
    assert [p.path for p in caught.value.problems] == ["projects"]


# --- coverage -------------------------------------------------------------------


def test_bundled_flows_cite_only_known_steps(bundled: list[FlowDefinition]) -> None:
    """Every cite in the bundled flows names a step or risk row of the catalogue."""
    plan = load_plan()
    assert bundled
    for definition in bundled:
        for cite in _cites(definition):
            if cite.startswith("risk/"):
                assert plan.risk(int(cite.split("/")[1])) is not None, cite
            else:
                number, step = cite.split("/")
                project = plan.project(int(number))
                assert project is not None, cite
                assert project.step(step) is not None, cite
    assert coverage(plan, bundled).problems == ()


def test_coverage_of_the_bundled_flows(bundled: list[FlowDefinition]) -> None:
    """Project 13's steps are implemented by the bundled transitions, named by flow and trigger."""
    report = coverage(load_plan(), bundled)
    step = report.step("13/5.1")
    assert step is not None
    assert step.implemented
    assert not step.exercised
    assert any(
        ref.flow_id == "asset_lending" and ref.trigger == "start" for ref in step.transitions
    )
    assert report.step("13/5.4").implemented  # type: ignore[union-attr]
    assert report.risk(1).implemented  # type: ignore[union-attr]
    # Row 2's instruction to comply is the executive's acknowledgement of project 12.
    assert [
        (ref.flow_id, ref.trigger)
        for ref in report.risk(2).transitions  # type: ignore[union-attr]
    ] == [("procurement_analysis", "acknowledge")]
    assert not report.risk(3).implemented  # type: ignore[union-attr]
    assert [p.project.number for p in report.touched] == list(range(1, 38))  # every project
    assert report.project(13).flows == ("asset_lending", "asset_rules")  # type: ignore[union-attr]
    assert report.project(15).flows == (  # type: ignore[union-attr]
        "gift_declaration",
        "gift_giving",
        "no_gift_pledge",
        "no_gift_policy",
    )
    assert all(report.step(f"15/5.{n}").implemented for n in range(1, 7))  # type: ignore[union-attr]
    assert report.step("1/5.1").implemented  # type: ignore[union-attr]
    assert report.step("2/5.1").implemented  # type: ignore[union-attr]
    assert report.step("4/5.1").implemented  # type: ignore[union-attr]
    assert report.step_count == load_plan().step_count
    # One act, two projects: appointing the screening committee also carries out 17/5.3.
    shared = report.step("17/5.3")
    assert shared is not None
    assert [(r.flow_id, r.trigger) for r in shared.transitions] == [
        ("salary_step_round", "appoint_screening_committee")
    ]
    # Project 11's working group is the act of project 18's plan case.
    assert [(r.flow_id, r.trigger) for r in report.step("11/5.6").transitions] == [  # type: ignore[union-attr]
        ("integrity_plan_preparation", "appoint_working_group"),
    ]


def test_coverage_with_the_repository_features(bundled: list[FlowDefinition]) -> None:
    """Coverage runs over the repository's features folder, whatever it holds today."""
    report = coverage(load_plan(), bundled, REPO / "features")
    assert len(report.projects) == 37
    assert report.step("13/5.1").implemented  # type: ignore[union-attr]
    for project in report.projects:
        for step in project.steps:
            assert all(ref.file.endswith(".feature") for ref in step.scenarios)


def test_scenarios_cite_steps_through_their_tags(features: Path) -> None:
    """Tags of the scenario, its feature, rule and examples count; @plan-13 is the project."""
    report = coverage(load_plan(), (), features)
    assert report.problems == ()
    assert report.scenario_count == 4

    def names(cite: str) -> set[str]:
        found = report.step(cite)
        assert found is not None
        return {ref.name for ref in found.scenarios}

    # the feature's tag is inherited by both scenarios of the Thai file
    assert names("13/5.1") == {"ยืมและคืนตามกำหนด", "ตรวจเช็ครถส่วนบุคคล"}
    assert names("13/5.4") == {"ยืมและคืนตามกำหนด"}
    assert names("13/5.2") == {"Publishing the manual"}  # from the Examples' tag
    assert names("13/5.3") == set()
    risk = report.risk(1)
    assert risk is not None
    assert [ref.name for ref in risk.scenarios] == ["ตรวจเช็ครถส่วนบุคคล"]  # from the Rule
    project = report.project(13)
    assert project is not None
    assert project.touched
    assert {ref.name for ref in project.scenarios} == {"ตรวจเช็ครถส่วนบุคคล", "The whole programme"}
    assert project.exercised == 3
    assert project.implemented == 0
    ref = next(iter(report.step("13/5.4").scenarios))  # type: ignore[union-attr]
    assert ref.file.endswith("lending.th.feature")
    assert ref.line == 6


def test_unknown_tags_are_problems(tmp_path: Path) -> None:
    """A tag naming a step, project, section or risk row the plan lacks is a problem."""
    (tmp_path / "bad.feature").write_text(BAD_FEATURE, encoding="utf-8")
    report = coverage(load_plan(), (), tmp_path)
    messages = [p.message_en for p in report.problems]
    assert len(messages) == 5, messages
    assert any("step 5.9 of project 13" in m for m in messages)
    assert any("project 99" in m for m in messages)
    assert any("risk row 7" in m for m in messages)
    assert any("section 7 of project 13" in m for m in messages)
    assert any("'@plan-x' is not a plan tag" in m for m in messages)
    assert all(p.source.endswith("bad.feature") and p.path == "line 3" for p in report.problems)
    assert all(p.message_th for p in report.problems)


def test_unknown_cites_in_flows_are_problems(bundled: list[FlowDefinition]) -> None:
    """A flow citing a step the plan lacks, or only a section, is reported by flow and path."""
    definition = next(d for d in bundled if d.id == "asset_lending")
    first = definition.transitions[0]
    broken = attrs.evolve(
        definition,
        start=attrs.evolve(definition.start, cites="13/5"),
        transitions=(attrs.evolve(first, cites="13/5.9"), *definition.transitions[1:]),
    )
    report = coverage(load_plan(), [broken])
    paths = [p.path for p in report.problems]
    assert paths == [
        "asset_lending v3: start.cites",
        f"asset_lending v3: transitions[0] ({first.trigger}).cites",
    ]
    assert "names a section, not a step" in report.problems[0].message_en
    assert "step 5.9 of project 13" in report.problems[1].message_en
    assert all(
        ref.trigger != first.trigger for s in report.projects[12].steps for ref in s.transitions
    )


def test_a_project_without_flow_or_scenario_is_untouched(bundled: list[FlowDefinition]) -> None:
    """Only the projects a flow cites (or a scenario tags) are touched, the ones
    ``plan coverage`` shows by default: with project 13's flows alone, project 13."""
    lending = [d for d in bundled if d.id in ("asset_lending", "asset_rules")]
    report = coverage(load_plan(), lending)
    assert [p.project.number for p in report.touched] == [13]
    assert len(report.projects) == 37


def test_unparseable_feature_is_a_problem(tmp_path: Path) -> None:
    """A feature file the Gherkin parser refuses is reported, not skipped silently."""
    (tmp_path / "broken.feature").write_text(
        "Feature: x\n  Scenario: y\n    Given z\nFeature: again\n", encoding="utf-8"
    )
    report = coverage(load_plan(), (), tmp_path)
    assert len(report.problems) == 1
    assert "does not parse" in report.problems[0].message_en


# --- the commands ---------------------------------------------------------------


def test_cli_coverage_prints_steps_and_summary(features: Path) -> None:
    """``plan coverage`` lists project 13's steps with marks, names them, and summarises."""
    result = CliRunner().invoke(plan_group, ["coverage", "--features", str(features)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "โครงการที่ 13 / project 13: โครงการเสริมสร้างความโปร่งใสในการใช้ทรัพย์สินของทางราชการ" in out
    assert re.search(r"13/5\.1 +ดำเนินการ ✓  ทดสอบ ✓  จัดทำประกาศแนวทางปฏิบัติ", out)
    assert re.search(r"13/5\.3 +ดำเนินการ ✓  ทดสอบ ✗", out)
    assert "asset_lending v3 · start" in out
    assert "lending.th.feature:6  ยืมและคืนตามกำหนด" in out
    assert "ทั้งโครงการ / whole project ▸" in out
    assert re.search(r"risk/1 +ดำเนินการ ✓  ทดสอบ ✓", out)
    # Untouched projects are left out by default; every project now has a bundled flow.
    assert "โครงการที่ 4 / project 4:" in out
    assert "summary: 37 projects" in out
    assert "0 problem(s)" in out


def test_cli_coverage_all_and_one_project(features: Path) -> None:
    """``--all`` lists all 37 projects; ``--project 5`` only project 5, under section 6."""
    runner = CliRunner()
    every = runner.invoke(plan_group, ["coverage", "--features", str(features), "--all"])
    assert every.exit_code == 0, every.output
    assert all(f"โครงการที่ {n} / project {n}:" in every.stdout for n in range(1, 38))
    assert re.search(r"4/5\.1 +ดำเนินการ ✓  ทดสอบ ✗", every.stdout)  # not in these features
    # A risk row no transition cites says so in words (row 3: construction supervision).
    risk3 = every.stdout[every.stdout.index("risk/3") :]
    assert "ดำเนินการ ✗" in risk3.splitlines()[0]
    assert "no flow carries out this row's controls" in risk3.splitlines()[1]
    one = runner.invoke(plan_group, ["coverage", "--features", str(features), "--project", "5"])
    assert one.exit_code == 0, one.output
    assert "5/6.1" in one.stdout
    assert "โครงการที่ 13 /" not in one.stdout
    missing = runner.invoke(plan_group, ["coverage", "--project", "99"])
    assert missing.exit_code == 1
    assert "project 99" in missing.stderr


def test_cli_coverage_exits_1_on_unknown_cites(tmp_path: Path) -> None:
    """A flow folder or feature naming an unknown step makes ``plan coverage`` exit 1."""
    flows = tmp_path / "flows"
    flows.mkdir()
    text = (REPO / "flows" / "asset_rules.yaml").read_text(encoding="utf-8")
    text = text.replace("id: asset_rules", "id: asset_rules_typo", 1)
    text = text.replace('cites: "13/5.2"', 'cites: "13/5.12"', 1)
    (flows / "asset_rules_typo.yaml").write_text(text, encoding="utf-8")
    empty = tmp_path / "features"
    empty.mkdir()
    result = CliRunner().invoke(
        plan_group, ["coverage", "--features", str(empty), "--flows", str(flows)]
    )
    assert result.exit_code == 1
    assert "step 5.12 of project 13" in result.stderr
    assert "1 problem(s)" in result.stdout

    (empty / "bad.feature").write_text(BAD_FEATURE, encoding="utf-8")
    tagged = CliRunner().invoke(plan_group, ["coverage", "--features", str(empty)])
    assert tagged.exit_code == 1
    assert "@plan-13-5.9" in tagged.stderr


def test_cli_show_prints_a_project() -> None:
    """``plan show 13`` prints the names, the kind, the unit, the Part 3 details, the
    Part 2 row, the steps and the indicators with their targets."""
    result = CliRunner().invoke(plan_group, ["show", "13"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "โครงการที่ 13 / project 13 (โครงการ / project)"
    assert lines[1] == "ชื่อ / name: โครงการเสริมสร้างความโปร่งใสในการใช้ทรัพย์สินของทางราชการ"
    assert "Strengthening transparency in the use of government property" in lines[2]
    assert lines[3] == ("ผู้รับผิดชอบ / responsible unit: กองพัสดุและทรัพย์สิน องค์การบริหารส่วนจังหวัดลำปาง")
    assert any(line.startswith(f"  13/5.1   {STEP_13_1}") for line in lines)
    assert any(line.startswith("  13/5.5   รายงานผลการดำเนินงาน") for line in lines)
    assert any(line.startswith("กลุ่มเป้าหมาย / target group:") for line in lines)
    # One digit style per screen (Arabic by default), the plan's words too.
    assert any(line.startswith("ส่วนที่ 2 / Part 2: มิติ/dimension 2 2.2.2") for line in lines)
    assert any(
        line.startswith("ตัวชี้วัด / indicator output.1:") and "at least 1 documents" in line
        for line in lines
    )


def test_cli_show_marks_misprinted_numbers_and_unknown_projects() -> None:
    """``plan show 8`` notes the printed numbers; an unknown project exits 1."""
    runner = CliRunner()
    eight = runner.invoke(plan_group, ["show", "8"])
    assert eight.exit_code == 0
    assert "(พิมพ์ว่า / printed 6.1)" in eight.stdout  # in the screen's digits
    missing = runner.invoke(plan_group, ["show", "38"])
    assert missing.exit_code == 1
    assert "the plan has no project 38" in missing.stderr


def test_bundled_reports_cite_only_known_steps() -> None:
    """Every report file's cites name steps of the plan; a wrong one is a problem of its
    report, and `plan coverage` says so."""
    with Engine.open("memory://") as engine:
        reports = list(engine.reports)
        flows = engine.flows.latest()
    cited = [(r.source, f"report {r.id}", r.cites) for r in reports]
    assert any(cites for _, _, cites in cited)
    assert coverage(load_plan(), flows, None, cited).problems == ()
    wrong = [("flows/reports/x.yaml", "report x", ("13/5.9", "13-5.1"))]
    problems = coverage(load_plan(), flows, None, wrong).problems
    assert [(p.source, p.path) for p in problems] == [
        ("flows/reports/x.yaml", "report x.cites[0]"),
        ("flows/reports/x.yaml", "report x.cites[1]"),
    ]
    assert "step 5.9 of project 13" in problems[0].message_en
    assert "is not a plan cite" in problems[1].message_en
    measured = [(r.source, f"report {r.id}.{f.id}", f.measures) for r in reports for f in r.figures]
    assert coverage(load_plan(), flows, None, (), measured).problems == ()
    wrong = [("x.yaml", "report x.n", ("13/output.9", "99/budget.approved"))]
    problems = coverage(load_plan(), flows, None, (), wrong).problems
    assert [p.message_en for p in problems] == [
        "'13/output.9': project 13 has no indicator output.9 (it has: output.1, outcome.1)",
        "'99/budget.approved' names project 99, which the plan does not have",
    ]
