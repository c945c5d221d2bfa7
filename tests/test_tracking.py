"""Following a case by tracking code, and the manual's own words, as any flow declares
them (``tracking:`` and ``manual:``): nothing in the engine names the complaint flow."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.cli import main
from integrity_flows.complaints import (
    NotTracked,
    Throttle,
    TrackingDesk,
    TrackingNotFound,
    flow_manual,
    tracked_flows,
)
from integrity_flows.errors import DefinitionError
from integrity_flows.loading import default_registry, read_text

HERE = Path(__file__).resolve().parent
TRACKING = HERE / "tracking_flows"
REPAIR = TRACKING / "repair_request.yaml"
KEY = "ifkey1:" + "A" * 43
T0 = datetime(2024, 1, 8, 3, 0, tzinfo=UTC)  # Monday 8 January 2567, 10:00 Thai time
FORM = Actor("web", roles={"web_form"})
ENGINEER = Actor("wichai", roles={"engineer"})


def _desk(engine: Engine, flow_id: str | None = None) -> TrackingDesk:
    return TrackingDesk(engine, flow_id=flow_id, throttle=Throttle(sleep=lambda _: None))


def test_a_host_flow_is_filed_and_followed_by_its_own_code_and_messages() -> None:
    """The desk reads the code and messages fields from the flow's tracking block."""
    with Engine.open("memory://", flows=[TRACKING], key=KEY, clock=FixedClock(T0)) as engine:
        desk = _desk(engine, "repair_request")
        assert desk.field == "request_code"
        filed = desk.file(actor=FORM, data={"road": "ถนนพหลโยธิน"})
        stored = filed.case.data["request_code"]
        assert filed.tracking_code.replace("-", "") not in str(stored)
        engine.fire(
            filed.case.id, "tell_citizen", actor=ENGINEER, data={"notes_to_citizen": "สำรวจแล้ว"}
        )
        progress = desk.follow(filed.tracking_code, source="citizen")
        assert progress.title.en == "Road repair request"
        assert [m.text for m in progress.messages] == ["สำรวจแล้ว"]
        assert not progress.closed
        with pytest.raises(TrackingNotFound):
            desk.follow("1" * 25, source="citizen")


def test_the_desk_finds_the_one_tracked_flow_and_asks_when_there_are_two() -> None:
    """With the bundled flows alone the complaint flow is found; with a second tracked
    flow loaded the desk must be told which, and a flow without tracking is refused."""
    with Engine.open("memory://", key=KEY) as bundled:
        assert tracked_flows(bundled.flows) == ["corruption_complaint"]
        assert _desk(bundled).flow_id == "corruption_complaint"
        with pytest.raises(NotTracked, match="flow 'asset_lending' declares no tracking code"):
            _desk(bundled, "asset_lending")
    with Engine.open("memory://", flows=[TRACKING], key=KEY) as both:
        with pytest.raises(NotTracked, match="corruption_complaint, repair_request") as caught:
            _desk(both)
        assert "ต้องระบุขั้นตอนงาน" in caught.value.message_th
        assert _desk(both, "repair_request").flow_id == "repair_request"


def _refused(old: str, new: str) -> DefinitionError:
    text = REPAIR.read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(DefinitionError) as caught:
        read_text(text.replace(old, new), "x.yaml", default_registry())
    return caught.value


def _at(error: DefinitionError, path: str) -> list[str]:
    return [p.message_en for p in error.problems if p.path == path]


def test_a_tracking_block_naming_a_wrong_field_is_refused_with_its_path() -> None:
    """Unknown fields get a hint; a code field must be hashed, a messages field a list."""
    error = _refused("  code: request_code", "  code: request_cod")
    assert _at(error, "tracking.code") == [
        "unknown data field 'request_cod' (did you mean 'request_code'?)"
    ]
    error = _refused("  code: request_code", "  code: road")
    assert "must be a required, hashed and indexed text field" in _at(error, "tracking.code")[0]
    error = _refused("  messages: notes_to_citizen", "  messages: road")
    assert "it must be a list field" in _at(error, "tracking.messages")[0]
    error = _refused("  messages: notes_to_citizen", "  messages: nothing")
    assert _at(error, "tracking.messages") == ["unknown data field 'nothing'"]
    error = _refused("  messages: notes_to_citizen", "  messages: notes_to_citizen\n  colour: red")
    assert any(p.path.startswith("tracking") for p in error.problems)


def test_a_manual_target_must_be_a_setting() -> None:
    error = _refused("    survey_days: {th:", "    survey_day: {th:")
    assert _at(error, "manual.targets.survey_day") == [
        "unknown setting 'survey_day' (did you mean 'survey_days'?)"
    ]
    assert "ไม่พบค่าตั้ง 'survey_day'" in error.problems[0].message_th


def test_the_manual_says_the_flow_s_own_words_and_how_the_code_works() -> None:
    """Headings the flow gives replace the generic ones; the others stay; a tracked flow's
    manual explains the code; a target is a time frame from the settings in force."""
    with Engine.open("memory://", flows=[TRACKING]) as engine:
        english = flow_manual(engine, "repair_request", lang="en").markdown()
        thai = flow_manual(engine, "repair_request").markdown()
        lending = flow_manual(engine, "asset_lending", lang="en").markdown()
    assert "## How to file a request" in english
    assert "## The steps" in english
    assert "Requests are filed on the organization's website." in english
    assert "Whoever files a case receives a 25-digit tracking code, once" in english
    assert "| the survey of the road | 10 days |" in english
    assert "## วิธียื่นคำร้อง" in thai
    assert "รหัสติดตามเรื่อง ๒๕ หลัก" in thai
    assert "tracking code" not in lending


def test_flows_manual_writes_any_flow_s_manual(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "manual.html"
    args = ["flows", "manual", "repair_request", "--flows", str(TRACKING), "--lang", "en"]
    assert main([*args, "--format", "html", "-o", str(out), "--setting", "survey_days=5"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<h2>How to file a request</h2>" in page
    assert "<td>5 days</td>" in page
    # `complaint manual` is the same command on the one tracked flow, and asks which
    # flow when two are loaded.
    assert main(["complaint", "manual", "--lang", "en"]) == 0
    assert "## (1) How an outsider files a complaint" in capsys.readouterr().out
    assert main(["complaint", "manual", "--flows", str(TRACKING)]) != 0
    err = capsys.readouterr().err
    assert "corruption_complaint, repair_request" in err
    assert main(["complaint", "manual", "--flows", str(TRACKING), "--flow", "repair_request"]) == 0
    assert "## วิธียื่นคำร้อง" in capsys.readouterr().out
    assert main(["flows", "manual", "no_such_flow"]) == 1
    assert "unknown flow 'no_such_flow'" in capsys.readouterr().err
