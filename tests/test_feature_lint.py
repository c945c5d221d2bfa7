"""The feature lint: the project's features pass it, and it catches what would pass silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrity_flows.errors import Problem
from integrity_flows.testing.lint import check_features

FEATURES = Path(__file__).resolve().parent.parent / "features"


def _write(tmp_path: Path, text: str, name: str = "sample.feature") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _messages(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems)


def test_project_features_pass_the_lint() -> None:
    assert list(FEATURES.rglob("*.feature")), "no feature files found"
    problems = check_features(FEATURES)
    assert not problems, _messages(problems)


GOOD_TH = """\
# language: th
โครงหลัก: ตัวอย่าง
  คำอธิบายของโครงหลัก

  @plan-13-5.1
  เหตุการณ์: มีขั้นตอนครบ
    กำหนดให้ "สมชาย" มีบทบาท "เจ้าหน้าที่"
    ดังนั้น บันทึกการตรวจสอบถูกต้องครบถ้วน
"""


def test_a_good_thai_feature_passes(tmp_path: Path) -> None:
    assert check_features(_write(tmp_path, GOOD_TH)) == []


def test_thai_trap_empty_scenario_is_reported(tmp_path: Path) -> None:
    text = """\
# language: th
โครงหลัก: กับดักภาษาไทย

  @plan-13-5.1
  เหตุการณ์: ลืมเว้นวรรคหลังคำสำคัญ
    กำหนดให้"สมชาย" มีบทบาท "เจ้าหน้าที่"
    เมื่อสมชายยื่นคำขอยืม
    ดังนั้นบันทึกการตรวจสอบถูกต้องครบถ้วน
"""
    path = _write(tmp_path, text)
    problems = check_features(path)
    assert all(p.source == str(path) for p in problems)
    assert all(p.path == "Scenario 'ลืมเว้นวรรคหลังคำสำคัญ' (line 5)" for p in problems)
    text_en = _messages(problems)
    assert "no steps" in text_en
    assert "ไม่มีขั้นตอน" in text_en
    # one problem per glued keyword line, naming the keyword and the line
    glued = [p for p in problems if "without the space" in p.message_en]
    assert [p.message_en.split(":")[0] for p in glued] == ["line 6", "line 7", "line 8"]
    assert "'กำหนดให้'" in glued[0].message_en
    assert "'เมื่อ'" in glued[1].message_en
    assert "'ดังนั้น'" in glued[2].message_en
    assert "เว้นวรรค" in glued[0].message_th


def test_glued_keyword_in_a_feature_description_is_reported(tmp_path: Path) -> None:
    text = GOOD_TH.replace("  คำอธิบายของโครงหลัก", "  และผู้ยืมต้องส่งคืนตามกำหนด")
    problems = check_features(_write(tmp_path, text))
    assert len(problems) == 1, _messages(problems)
    assert problems[0].path.startswith("Feature 'ตัวอย่าง'")
    assert "'และ'" in problems[0].message_en


def test_english_words_that_begin_like_keywords_are_not_reported(tmp_path: Path) -> None:
    text = """\
Feature: Words
  Whenever an item is lent, Andrew checks it.
  Thenceforth it is on loan.

  @plan-13-5.4
  Scenario: fine
    Then the audit trail verifies
"""
    assert check_features(_write(tmp_path, text)) == []


def test_missing_plan_tag_is_reported(tmp_path: Path) -> None:
    text = """\
Feature: No plan
  @wip
  Scenario: untagged
    Given "somchai" holds the role "staff"
    Then the audit trail verifies
"""
    problems = check_features(_write(tmp_path, text))
    assert len(problems) == 1, _messages(problems)
    assert problems[0].path == "Scenario 'untagged' (line 3)"
    assert "@plan-" in problems[0].message_en


def test_plan_tag_is_inherited_from_feature_and_rule(tmp_path: Path) -> None:
    text = """\
@plan-13-5.1
Feature: Tagged at the top
  Scenario: inherits from the feature
    Then the audit trail verifies
"""
    assert check_features(_write(tmp_path, text, "a.feature")) == []
    text = """\
Feature: Tagged rule
  @plan-13-5.4
  Rule: the register
    Scenario: inherits from the rule
      Then the audit trail verifies
"""
    assert check_features(_write(tmp_path, text, "b.feature")) == []


def test_unparsable_file_is_reported(tmp_path: Path) -> None:
    text = """\
Feature: Broken
  @plan-13-5.1
  Scenario: text between steps
    Given "somchai" holds the role "staff"
    this line is neither a step nor a table
    Then the audit trail verifies
  @dangling
"""
    path = _write(tmp_path, text)
    problems = check_features(path)
    assert problems, "a broken file passed the lint"
    assert all("does not parse" in p.message_en for p in problems)
    assert all(p.source == str(path) for p in problems)
    # One problem, at the first line refused: the errors after it follow from it.
    assert [p.path for p in problems] == ["line 5"]
    assert "1 more parser error(s) follow from it" in problems[0].message_en
    assert "expected" in problems[0].message_en
    assert "a step" in problems[0].message_en


def test_a_file_without_feature_is_reported(tmp_path: Path) -> None:
    problems = check_features(_write(tmp_path, "# just a comment\n"))
    assert len(problems) == 1
    assert "no feature" in problems[0].message_en


def test_duplicate_scenario_names_are_reported(tmp_path: Path) -> None:
    text = """\
Feature: Twice
  @plan-13-5.1
  Scenario: same
    Then the audit trail verifies

  @plan-13-5.1
  Scenario: same
    Then the audit trail verifies
"""
    problems = check_features(_write(tmp_path, text))
    assert len(problems) == 1, _messages(problems)
    assert "same name" in problems[0].message_en


def test_a_folder_is_checked_recursively(tmp_path: Path) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    _write(tmp_path / "deep" / "er", "Feature: x\n  Scenario: y\n", "x.feature")
    _write(tmp_path, GOOD_TH, "good.feature")
    problems = check_features(tmp_path)
    assert {Path(p.source).name for p in problems} == {"x.feature"}
    assert {p.message_en.split(",")[0].split(":")[0] for p in problems} == {
        "the scenario has no steps",
        "the scenario names no plan step",
    }


@pytest.mark.parametrize("keyword", ["กำหนดให้", "เมื่อ", "ดังนั้น", "และ", "แต่"])
def test_every_thai_step_keyword_is_known(tmp_path: Path, keyword: str) -> None:
    text = GOOD_TH.replace("  คำอธิบายของโครงหลัก", f"  {keyword}มีบางอย่าง")
    problems = check_features(_write(tmp_path, text))
    assert [p.message_en.split("'")[3] for p in problems] == [keyword]


TRAP_HEAD = """\
# language: th
โครงหลัก: กับดัก
"""


def _th(tmp_path: Path, body: str) -> list[Problem]:
    return check_features(_write(tmp_path, TRAP_HEAD + body))


def test_a_star_first_step_that_pytest_bdd_refuses_is_reported(tmp_path: Path) -> None:
    """A scenario (or background) whose first step is '*', 'และ' or 'แต่' is refused."""
    problems = _th(
        tmp_path,
        """
  แนวคิด:
    และ "สมชาย" มีบทบาท "เจ้าหน้าที่"

  @plan-13-5.1
  เหตุการณ์: ขั้นตอนแรกเป็นดอกจัน
    * "สมชาย" มีบทบาท "เจ้าหน้าที่"
    ดังนั้น บันทึกการตรวจสอบถูกต้องครบถ้วน
""",
    )
    assert [p.path for p in problems] == [
        "Background (line 4)",
        "Scenario 'ขั้นตอนแรกเป็นดอกจัน' (line 8)",
    ]
    assert "first step starts with 'และ'" in problems[0].message_en
    assert "first step starts with '*'" in problems[1].message_en
    assert "'กำหนดให้', 'เมื่อ' or 'ดังนั้น'" in problems[1].message_en
    assert "ขั้นตอนแรกขึ้นต้นด้วย '*' ซึ่ง pytest-bdd ไม่ยอมรับ" in problems[1].message_th


def test_a_misspelt_thai_background_keyword_is_reported(tmp_path: Path) -> None:
    """'พื้นหลัง:' (for 'แนวคิด:') turns a background into description: the right keyword."""
    problems = _th(
        tmp_path,
        """
  พื้นหลัง:
    กำหนดให้ "สมชาย" มีบทบาท "เจ้าหน้าที่"

  @plan-13-5.1
  เหตุการณ์: มีขั้นตอน
    ดังนั้น บันทึกการตรวจสอบถูกต้องครบถ้วน
""",
    )
    assert len(problems) == 1
    assert problems[0].path == "Feature 'กับดัก' (line 2)"
    assert "line 4: 'พื้นหลัง:' is not a Gherkin keyword" in problems[0].message_en
    assert "not a background; write 'แนวคิด:'" in problems[0].message_en
    assert "ให้เขียนว่า 'แนวคิด:'" in problems[0].message_th


def test_a_wrong_keyword_gives_one_message_with_the_right_keyword(tmp_path: Path) -> None:
    """A misspelt or English section keyword: one problem naming the keyword to write."""
    for wrong, right in (("เหตุการณ", "เหตุการณ์"), ("Scenario", "เหตุการณ์")):
        problems = _th(
            tmp_path,
            f"""
  @plan-13-5.1
  {wrong}: ผิดคำ
    กำหนดให้ "สมชาย" มีบทบาท "เจ้าหน้าที่"
    เมื่อ "สมชาย" ดำเนินการ "อนุมัติ"
    ดังนั้น บันทึกการตรวจสอบถูกต้องครบถ้วน
""",
        )
        assert len(problems) == 1, _messages(problems)
        (problem,) = problems
        assert problem.path == "line 5"
        assert f"'{wrong}:' is not a Gherkin keyword" in problem.message_en
        assert f"write '{right}:'" in problem.message_en
        assert f"ให้เขียนว่า '{right}:'" in problem.message_th
        assert "#" not in problem.message_en  # no raw parser token names


def test_an_english_step_keyword_in_a_thai_file_is_reported(tmp_path: Path) -> None:
    """'Given ...' in a Thai file is description text: the Thai keyword is suggested."""
    problems = _th(
        tmp_path,
        """
  @plan-13-5.1
  เหตุการณ์: คำภาษาอังกฤษ
    Given "สมชาย" มีบทบาท "เจ้าหน้าที่"
""",
    )
    assert any("write 'กำหนดให้'" in p.message_en for p in problems), _messages(problems)


def test_thai_messages_of_a_parse_error_are_thai(tmp_path: Path) -> None:
    """The Thai half of a parse problem is Thai words, not the parser's English."""
    problems = _th(
        tmp_path,
        """
  @plan-13-5.1
  เหตุการณ์: มีข้อความแทรก
    กำหนดให้ "สมชาย" มีบทบาท "เจ้าหน้าที่"
    ข้อความนี้ไม่ใช่ขั้นตอน
    ดังนั้น บันทึกการตรวจสอบถูกต้องครบถ้วน
""",
    )
    (problem,) = problems
    assert "ต้องเป็น" in problem.message_th
    assert "ขั้นตอน" in problem.message_th
    for english in ("expected", "got", "#StepLine", "#EOF"):
        assert english not in problem.message_th


def test_ordinary_words_that_begin_with_a_keyword_are_not_the_trap(tmp_path: Path) -> None:
    """'แต่ละ' (each) and 'แต่งตั้ง' (appoint) at a description line's start are words."""
    problems = _th(
        tmp_path,
        """  แต่ละกองต้องรายงานทุกเดือน
  แต่งตั้งคณะกรรมการตามคำสั่ง
  แต่ไม่ใช่ทุกเรื่อง

  @plan-13-5.1
  เหตุการณ์: มีขั้นตอน
    ดังนั้น บันทึกการตรวจสอบถูกต้องครบถ้วน
""",
    )
    assert len(problems) == 1, _messages(problems)
    assert "'แต่ไม่ใช่ทุกเรื่อง' starts with the step keyword 'แต่'" in problems[0].message_en


def test_an_english_description_line_with_a_colon_is_not_a_keyword(tmp_path: Path) -> None:
    """'Rules:' or 'Notes:' opening an English description line is ordinary text."""
    text = """\
Feature: Lending
  Rules: the borrower returns the item on time.
  Notes: see the plan.

  @plan-13-5.1
  Scenario: one step
    Then the audit trail verifies
"""
    assert check_features(_write(tmp_path, text)) == []


WEEKEND_TH = """\
# language: th
โครงหลัก: วันทำการ

  แนวคิด:
    กำหนดให้ วันนี้คือวันที่ ๑ ตุลาคม ๒๕๖๖

  @plan-13-5.1
  เหตุการณ์: ยื่นคำขอวันเสาร์
    กำหนดให้ วันนี้คือวันที่ ๗ ตุลาคม ๒๕๖๖
    ดังนั้น บันทึกการตรวจสอบถูกต้องครบถ้วน

  @plan-13-5.1
  เหตุการณ์: ยื่นคำขอวันจันทร์
    กำหนดให้ วันนี้คือวันที่ ๙ ตุลาคม ๒๕๖๖
    ดังนั้น บันทึกการตรวจสอบถูกต้องครบถ้วน
"""


def test_a_today_on_a_weekend_is_reported_in_the_background_and_the_scenario(
    tmp_path: Path,
) -> None:
    """Sunday 1 and Saturday 7 October 2566 are reported, with the line and the day, in
    Thai and English; Monday 9 October is a working day."""
    problems = check_features(_write(tmp_path, WEEKEND_TH))
    assert [p.path for p in problems] == [
        "Background (line 4)",
        "Scenario 'ยื่นคำขอวันเสาร์' (line 8)",
    ], _messages(problems)
    assert "line 5: today is 1 October 2566, a Sunday" in problems[0].message_en
    assert "วันอาทิตย์" in problems[0].message_th
    assert "a Saturday" in problems[1].message_en
    assert "@weekend" in problems[1].message_en


def test_a_scenario_about_a_weekend_says_so_with_its_tag(tmp_path: Path) -> None:
    """Tagged @weekend (on the feature, so its background too), the same file passes."""
    text = WEEKEND_TH.replace("โครงหลัก: วันทำการ", "@weekend\nโครงหลัก: วันทำการ")
    assert check_features(_write(tmp_path, text)) == []
    english = """\
Feature: Working days
  @plan-13-5.1 @weekend
  Scenario: a loan returned on a Sunday
    Given today is 8 October 2566
    Then the audit trail verifies
"""
    assert check_features(_write(tmp_path, english, "en.feature")) == []
    assert len(check_features(_write(tmp_path, english.replace(" @weekend", ""), "x.feature"))) == 1
