"""The handling manual written from the flow, and the statistics to publish."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from _complaints import (
    KANDA,
    MANOP,
    PRANEE,
    SOMPONG,
    T0,
    anonymous,
    file,
    investigating,
    named,
    say,
    screened,
)
from integrity_flows import Engine, FixedClock
from integrity_flows.cli import main
from integrity_flows.complaints.manual import flow_manual
from integrity_flows.loading import read_text
from integrity_flows.loading.discovery import default_registry
from integrity_flows.manual import write_manual
from integrity_flows.reports.base import FigureValue
from integrity_flows.reports.catalogue import run_report
from integrity_flows.reports.render import as_json

COMPLAINT = "corruption_complaint"

# --- the manual ---------------------------------------------------------------------


@pytest.fixture
def engine() -> Iterator[Engine]:
    """A memory engine with the bundled flows."""
    with Engine.open("memory://", clock=FixedClock(T0)) as found:
        yield found


def test_the_manual_has_the_four_parts_the_plan_asks_for(engine: Engine) -> None:
    """How to complain, the steps, the unit and officers, the time frames: th and en."""
    thai = flow_manual(engine, COMPLAINT).markdown()
    for heading in (
        "## (๑) วิธีการที่บุคคลภายนอกจะทำการร้องเรียน",
        "## (๒) ขั้นตอนวิธีการจัดการเรื่องร้องเรียน",
        "## (๓) ส่วนงาน เจ้าหน้าที่ผู้รับผิดชอบ",
        "## (๔) ระยะเวลาในการดำเนินการ",
    ):
        assert heading in thai
    english = flow_manual(engine, COMPLAINT, lang="en").markdown()
    assert "## (4) Time frames" in english
    # The channels are the enum's choices, the protected fields name their readers.
    assert "  - letter" in english
    assert (
        "complainant name (optional; sensitive: encrypted, readable only by complaint officer"
        in english
    )
    assert "tracking code (required; kept only as a hash)" in english
    # Steps from the transitions, with who does them and the independence rules.
    assert "take up the fact-finding (by fact-finding officer) → fact-finding under way" in english
    assert "the actor may not belong to the accused's unit" in english
    assert "the investigator may not be the accused" in english
    # The unit the plan prints, and each role with what it does.
    assert "ฝ่ายส่งเสริมการท่องเที่ยว" in english
    assert "- executive: The Chief Executive" in english
    # Time frames from the settings.
    assert "| received | 15 days from entering the stage |" in english
    assert "| the whole handling, from receipt to closing | 180 days |" in english
    assert "| รับเรื่องแล้ว | ๑๕ วัน นับแต่เข้าสู่ขั้นตอน |" in thai


def test_changing_a_deadline_setting_changes_the_manual() -> None:
    """The manual follows the settings in force, so it cannot disagree with the engine."""
    with Engine.open("memory://") as default:
        before = flow_manual(default, COMPLAINT, lang="en").markdown()
    settings = {"corruption_complaint": {"acknowledge_days": 7, "close_within_days": 90}}
    with Engine.open("memory://", settings=settings) as changed:
        after = flow_manual(changed, COMPLAINT, lang="en").markdown()
        thai = flow_manual(changed, COMPLAINT).markdown()
    assert before != after
    assert "| received | 7 days from entering the stage |" in after
    assert "| received | 15 days" not in after
    assert "if nothing is done within 7 days: escalate the late acknowledgement" in after
    assert "| the whole handling, from receipt to closing | 90 days |" in after
    assert "๗ วัน นับแต่เข้าสู่ขั้นตอน" in thai


def test_the_manual_as_html_and_with_the_host_s_unit(engine: Engine) -> None:
    """HTML is a standalone page in the manual's language; the unit can be named."""
    page = flow_manual(engine, COMPLAINT, lang="en", unit="Legal Affairs Division").html()
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<h2>(3) The unit and officers in charge</h2>" in page
    assert "The unit in charge in the plan: Legal Affairs Division</p>" in page
    assert "<table><thead><tr><th>Stage</th>" in page
    assert page.count("<h2>") == 4


def test_the_manual_escapes_what_a_flow_file_says() -> None:
    """A label cannot inject markup into the published manual."""
    text = (Path(__file__).resolve().parents[1] / "flows" / "no_gift_pledge.yaml").read_text(
        encoding="utf-8"
    )
    text = text.replace("en: pledged}", 'en: "<script>alert(1)</script> | *pledged*"}')
    definition = read_text(text, "x.yaml", registry=default_registry())
    document = write_manual(definition, lang="en")
    assert "<script>" not in document.html()
    assert "&lt;script&gt;" in document.html()
    assert "\\<script\\>alert(1)\\</script\\> \\| \\*pledged\\*" in document.markdown()


def test_any_flow_has_a_manual(engine: Engine) -> None:
    """The writer is generic: asset lending's deadline counts from a date field."""
    document = write_manual(engine.flows.get("asset_lending"), lang="en")
    assert document.title == "Manual: Lending of government property"
    assert "1 day from the return date" in document.markdown()
    assert "the system: acts when a deadline passes" in document.markdown()
    with pytest.raises(ValueError, match="lang must be"):
        write_manual(engine.flows.get("asset_lending"), lang="fr")


def test_cli_manual(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`complaint manual` writes Markdown or HTML, with settings given on the command line."""
    out = tmp_path / "manual.html"
    args = ["complaint", "manual", "--lang", "en", "--format", "html"]
    assert main([*args, "--setting", "acknowledge_days=๓", "-o", str(out)]) == 0
    assert "3 days from entering the stage" in out.read_text(encoding="utf-8")
    assert main(["complaint", "manual"]) == 0
    assert "## (๑) วิธีการที่บุคคลภายนอกจะทำการร้องเรียน" in capsys.readouterr().out
    assert main(["complaint", "manual", "--setting", "acknowledge_dayz=3"]) == 1
    assert "has no setting 'acknowledge_dayz'" in capsys.readouterr().err


# --- the statistics -----------------------------------------------------------------


def _at(clock: FixedClock, days: float) -> None:
    clock.set(T0 + timedelta(days=days))


@pytest.fixture
def year(engine: Engine) -> Engine:
    """Complaints of fiscal year 2567 (and one before, one after) at known times.

    A  online, anonymous, tagged bribery: acknowledged after 1 day, routed as a general
       complaint, closed at day 5.
    B  letter, named, from the public, tagged procurement: acknowledged late at day 20
       (escalated at day 16), accepted as bribery, found substantiated, penalised, closed
       at day 41.
    C  telephone, anonymous tip: received at day 2.5, acknowledged at day 5, referred as
       a procurement matter about someone outside the organization.
    D  in person, named: never acknowledged (escalated at day 16).
    E  received on 30 September 2566 (fiscal year 2566); F on 1 October 2567 (2568).
    """
    clock = engine.clock
    assert isinstance(clock, FixedClock)
    a = file(engine, **anonymous(topic="bribery")).case.id
    b = file(engine, KANDA, **named(topic="procurement", complainant_group="public")).case.id
    d = file(engine, KANDA, **named(channel="in_person")).case.id
    _at(clock, 1)
    engine.fire(a, "acknowledge", actor=KANDA, data=say("ได้รับแล้ว"))
    routed = {"routed_to": "กองช่าง", "screening_note": "ซ่อมถนน", **say("ส่งต่อ")}
    engine.fire(a, "route_general", actor=KANDA, data=routed)
    _at(clock, 2.5)
    c = file(engine, KANDA, **anonymous(channel="phone", submission="tip")).case.id
    _at(clock, 5)
    engine.fire(c, "acknowledge", actor=KANDA, data=say("ได้รับแล้ว"))
    engine.fire(c, "refer_out", actor=KANDA, data={
        "referred_to": "nacc", "referral_letter": "1", "screening_note": "นอกอำนาจ",
        "accused_position": "outsider", "confirmed_topic": "procurement", **say("ส่งต่อ")
    })  # fmt: skip
    engine.fire(a, "close", actor=KANDA, data=say("ยุติ"))
    _at(clock, 16)
    assert {r.case_id for r in engine.sweep()} == {b, d}
    _at(clock, 20)
    investigating(engine, b)
    engine.fire(b, "report_substantiated", actor=PRANEE, data={"findings": "มีมูล", **say("มีมูล")})
    engine.fire(b, "appoint_inquiry", actor=SOMPONG, data={"inquiry_order": "1"})
    _at(clock, 40)
    engine.fire(b, "report_inquiry", actor=MANOP, data={"inquiry_report": "ผิด"})
    engine.fire(b, "impose_penalty", actor=SOMPONG,
                data={"penalty": "pay_cut", "penalty_order": "2", **say("ลงโทษแล้ว")})  # fmt: skip
    _at(clock, 41)
    engine.fire(b, "close", actor=KANDA, data=say("ยุติ"))
    clock.set(datetime(2023, 9, 30, 3, 0, tzinfo=UTC))
    file(engine)
    clock.set(datetime(2024, 10, 1, 3, 0, tzinfo=UTC))
    file(engine)
    return engine


def _figures(engine: Engine, fiscal_year: int | str) -> dict[str, FigureValue]:
    """The figures of the declared report ``complaint_statistics``, by id."""
    found = run_report(engine, "complaint_statistics", fiscal_year=fiscal_year)
    return {f.key: f.value for f in found}


def _by(figures: dict[str, FigureValue], prefix: str) -> dict[str, FigureValue]:
    """The figures of one breakdown (``channel_``, ``type_`` ...), by the class id."""
    return {k.removeprefix(prefix): v for k, v in figures.items() if k.startswith(prefix)}


def _timing(figures: dict[str, FigureValue], step: str) -> tuple[FigureValue, ...]:
    """The time frame, count, median, longest and within of one step."""
    names = ("limit_days", "count", "median_days", "max_days", "within")
    return tuple(figures[f"{step}_{name}"] for name in names)


def test_statistics_match_the_hand_count(year: Engine) -> None:
    """Every figure of fiscal year 2567 agrees with the count by hand (see the fixture)."""
    stats = _figures(year, "๒๕๖๗")
    assert stats["received"] == 4
    assert _by(stats, "channel_") == {"online": 1, "letter": 1, "phone": 1, "in_person": 1}
    assert (stats["anonymous"], stats["named"]) == (2, 2)
    assert _by(stats, "type_") == {
        "corruption": 1, "general": 1, "outside_authority": 1, "not_screened": 1,
    }  # fmt: skip
    # The corruption figures: B (accepted, confirmed as bribery though tagged procurement)
    # and C (referred, procurement); A, a general complaint tagged bribery, and D, not
    # screened, are in none of them.
    assert (stats["corruption_total"], stats["from_public"]) == (2, 1)
    assert _by(stats, "topic_") == {
        "bribery": 1, "procurement": 1, "abuse_of_power": 0, "government_property": 0,
        "personnel": 0, "other": 0,
    }  # fmt: skip
    assert _by(stats, "submission_") == {"complaint": 1, "tip": 1}
    assert _by(stats, "complainant_group_") == {"public": 1, "personnel": 0, "not_stated": 1}
    assert _by(stats, "outcome_") == {
        "unfounded": 0, "penalty": 1, "charge_dismissed": 0, "routed": 1, "referred": 1,
        "pending": 1,
    }  # fmt: skip
    assert _by(stats, "stage_") == {
        "receiving": 1, "screening": 0, "assignment": 0, "fact_finding": 0, "disciplinary": 0,
        "decided": 1, "closed": 2,
    }  # fmt: skip
    assert stats["escalated"] == 2
    assert _timing(stats, "acknowledge") == (15, 3, Decimal("2.5"), Decimal("20.0"), 2)
    assert _timing(stats, "close") == (180, 2, Decimal("23.0"), Decimal("41.0"), 2)
    assert _figures(year, 2566)["received"] == 1
    assert _figures(year, 2568)["received"] == 1
    empty = _figures(year, 2570)
    assert (empty["received"], empty["acknowledge_median_days"], empty["close_max_days"]) == (
        0,
        None,
        None,
    )


def test_statistics_follow_the_time_frames_in_force(year: Engine) -> None:
    """With a shorter acknowledgement time frame fewer complaints are within it."""
    settings = {"corruption_complaint": {"acknowledge_days": 2, "close_within_days": 30}}
    changed = Engine(year.store, year.flows, clock=year.clock, settings=settings, key=year.key)
    stats = _figures(changed, 2567)
    assert (stats["acknowledge_limit_days"], stats["acknowledge_within"]) == (2, 1)
    assert (stats["close_limit_days"], stats["close_within"]) == (30, 1)


def test_topics_are_compared_with_the_year_before(engine: Engine) -> None:
    """complaint_topics_trend counts the confirmed topics of the year and of the year
    before: two bribery complaints in 2566, one in 2567, is fewer but not none; a topic
    with none in either year has not decreased; a general complaint counts only among the
    complaints screened."""
    clock = engine.clock
    assert isinstance(clock, FixedClock)
    clock.set(datetime(2023, 9, 4, 3, 0, tzinfo=UTC))  # fiscal year 2566
    for _ in range(2):
        case_id = file(engine, **anonymous(topic="other")).case.id
        engine.fire(case_id, "acknowledge", actor=KANDA, data=say("ได้รับแล้ว"))
        engine.fire(case_id, "accept", actor=KANDA, data=screened())
    clock.set(T0)  # fiscal year 2567
    case_id = file(engine, **anonymous(topic="procurement")).case.id
    engine.fire(case_id, "acknowledge", actor=KANDA, data=say("ได้รับแล้ว"))
    engine.fire(case_id, "accept", actor=KANDA, data=screened())
    general = file(engine, **anonymous(topic="bribery")).case.id
    engine.fire(general, "acknowledge", actor=KANDA, data=say("ได้รับแล้ว"))
    routed = {"routed_to": "กองช่าง", "screening_note": "ซ่อมถนน", **say("ส่งต่อ")}
    engine.fire(general, "route_general", actor=KANDA, data=routed)
    trend = {f.key: f.value for f in run_report(engine, "complaint_topics_trend", fiscal_year=2567)}
    assert (trend["now_bribery"], trend["before_bribery"]) == (1, 2)
    assert (trend["fewer_bribery"], trend["no_bribery"]) == (True, False)
    assert (trend["now_government_property"], trend["fewer_government_property"]) == (0, False)
    assert (trend["now_screened"], trend["before_screened"], trend["fewer_complaints"]) == (
        2,
        2,
        False,
    )


def test_statistics_hold_no_personal_data(year: Engine) -> None:
    """Counts and days only: no name, no phone, no text, no case id, no officer."""
    report = year.reports.get("complaint_statistics")
    assert report.public
    figures = run_report(year, "complaint_statistics", fiscal_year=2567)
    text = as_json(report, figures, fiscal_year=2567) + " ".join(
        f"{f.label.th} {f.label.en} {f.text()}" for f in figures
    )
    for private in ("สมปอง", "081", "เรียกรับเงิน", "จัดซื้อวัสดุ", "corruption_complaint-", "kanda",
                    "somchai", "pranee", "ซ่อมถนน"):  # fmt: skip
        assert private not in text
    data = json.loads(as_json(report, figures, fiscal_year=2567))
    shown = {f["id"]: f["value"] for f in data["figures"]}
    assert _timing(shown, "acknowledge") == (15, 3, "2.5", "20.0", 2)


def test_statistics_are_a_report_features_may_name(year: Engine) -> None:
    """Declared, and found by id and by Thai or English label."""
    report = year.reports.find("สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ")
    assert report is not None
    assert report is year.reports.find("corruption complaint statistics")
    assert report is year.reports.find("complaint_statistics")
    figures = _figures(year, 2567)
    assert figures["received"] == 4
    assert figures["channel_phone"] == 1
    assert figures["acknowledge_median_days"] == Decimal("2.5")


def test_cli_statistics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`complaint statistics` prints the figures, or JSON, with settings overridden."""
    db = tmp_path / "c.db"
    key = tmp_path / "k.key"
    assert main(["key", "new", "-o", str(key)]) == 0
    with Engine.open(f"sqlite:///{db}", clock=FixedClock(T0), key=key.read_text().strip()) as e:
        file(e)
    common = ["--key-file", str(key), "complaint", "statistics", "--db", str(db)]
    capsys.readouterr()
    assert main([*common, "--fiscal-year", "๒๕๖๗"]) == 0
    out = capsys.readouterr().out
    assert "จำนวนเรื่องร้องเรียนทั้งหมด / complaints received: 1" in out
    assert (
        main([*common, "--fiscal-year", "2567", "--json", "--setting", "acknowledge_days=3"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    shown = {f["id"]: f["value"] for f in data["figures"]}
    assert (data["report"], shown["received"], shown["acknowledge_limit_days"]) == (
        "complaint_statistics",
        1,
        3,
    )
    # The alias prints what `report complaint_statistics` prints.
    assert main([*common, "--fiscal-year", "2567", "--format", "csv"]) == 0
    alias = capsys.readouterr().out
    report = ["--key-file", str(key), "report", "complaint_statistics", "--db", str(db)]
    assert main([*report, "--fiscal-year", "2567", "--format", "csv"]) == 0
    assert capsys.readouterr().out == alias
    assert main([*common, "--fiscal-year", "ปีหน้า"]) == 2
