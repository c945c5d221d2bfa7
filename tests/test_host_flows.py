"""A host's own flow, outside the plan: it loads without ``plan:`` or ``cites:``, runs and
verifies like any flow, and plan coverage never counts it; a flow in the plan still
cites a step on every action."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrity_flows import Actor, Engine
from integrity_flows.cli import main
from integrity_flows.errors import DefinitionError, NotAuthorized
from integrity_flows.loading import default_registry, read_file, read_text
from integrity_flows.manual import write_manual
from integrity_flows.manual.document import Paragraph
from integrity_flows.plan import coverage, load_plan

HOST = Path(__file__).resolve().parent / "host_flows"
LEAVE = HOST / "leave_request.yaml"
LENDING = Path(__file__).resolve().parents[1] / "flows" / "asset_lending.yaml"
SOURCE = "flows/asset_lending.yaml"

SOMCHAI = Actor("somchai", roles={"staff"})
SOMYING = Actor("somying", roles={"supervisor", "staff"})
DATA = {"first_day": "2 ตุลาคม 2566", "days": 2, "reason": "ธุระส่วนตัว"}


def _refused(text: str, source: str = SOURCE) -> DefinitionError:
    """The error raised when loading ``text``."""
    with pytest.raises(DefinitionError) as caught:
        read_text(text, source, default_registry())
    return caught.value


def _at(error: DefinitionError, path: str) -> list[str]:
    """The English messages of the problems at ``path``."""
    return [p.message_en for p in error.problems if p.path == path]


def test_host_flow_loads_without_plan_or_cites() -> None:
    """The leave request has no plan and no cite on its start or its transitions."""
    definition = read_file(LEAVE, default_registry())
    assert definition.plan is None
    assert definition.start.cites is None
    assert all(t.cites is None for t in definition.transitions)


def test_host_flow_runs_and_verifies() -> None:
    """A case of the host flow starts, is refused, moves, and its trail verifies."""
    engine = Engine.open("memory://", flows=[HOST])
    case = engine.start("leave_request", actor=SOMCHAI, data=DATA)
    with pytest.raises(NotAuthorized):
        engine.fire(case.id, "approve", actor=SOMCHAI)
    case = engine.fire(case.id, "approve", actor=SOMYING)
    assert case.state == "approved"
    assert [e.cites for e in engine.history(case.id)] == [None, None, None]
    assert engine.verify().ok


def test_host_flow_is_absent_from_plan_coverage() -> None:
    """Coverage counts the bundled flows and never the host's own flow."""
    engine = Engine.open("memory://", flows=[HOST])
    assert "leave_request" in {d.id for d in engine.flows}
    report = coverage(load_plan(), list(engine.flows))
    assert report.problems == ()
    for project in report.projects:
        assert "leave_request" not in project.flows
        for step in project.steps:
            assert all(ref.flow_id != "leave_request" for ref in step.transitions)


def test_plan_coverage_command_ignores_host_flows(capsys: pytest.CaptureFixture[str]) -> None:
    """`plan coverage --flows DIR` with a host flow succeeds and never names it."""
    assert main(["plan", "coverage", "--flows", str(HOST)]) == 0
    assert "leave_request" not in capsys.readouterr().out


def test_host_flow_is_shown_and_written_as_a_manual(capsys: pytest.CaptureFixture[str]) -> None:
    """`flows show` says the flow is outside the plan; its manual names no plan project."""
    assert main(["flows", "show", "leave_request", "--flows", str(HOST)]) == 0
    assert "outside the plan" in capsys.readouterr().out
    manual = write_manual(read_file(LEAVE, default_registry()), lang="en")
    (written_from,) = [b for b in manual.intro if isinstance(b, Paragraph)]
    assert "written from the flow leave_request" in written_from.text
    assert "plan project" not in written_from.text


def test_planned_flow_missing_a_transition_cite_is_refused() -> None:
    """A flow with ``plan:`` still cites a step on every transition: file and path named."""
    text = LENDING.read_text(encoding="utf-8")
    assert '    cites: "13/5.4"\n' in text
    error = _refused(text.replace('    cites: "13/5.4"\n', "", 1))
    assert any("missing 'cites'" in m for m in _at(error, "transitions[0].cites"))
    assert f"{SOURCE}: transitions[0].cites" in str(error)


def test_planned_flow_missing_the_start_cite_is_refused() -> None:
    """A flow with ``plan:`` cites a step on its start too."""
    text = LENDING.read_text(encoding="utf-8")
    error = _refused(text.replace('  cites: "13/5.1"\n', "", 1))
    assert any("missing 'cites'" in m for m in _at(error, "start.cites"))


def test_host_flow_citing_a_plan_step_is_refused() -> None:
    """A flow outside the plan may not claim a plan step (coverage would count it)."""
    text = LEAVE.read_text(encoding="utf-8")
    cited = text.replace("    dest: approved\n", '    dest: approved\n    cites: "13/5.1"\n', 1)
    error = _refused(cited, "host_flows/leave_request.yaml")
    assert any("outside the plan" in m for m in _at(error, "transitions[0].cites"))
    also = text.replace("  binds: employee\n", '  binds: employee\n  also_cites: ["13/5.1"]\n', 1)
    assert any("outside the plan" in m for m in _at(_refused(also), "start.also_cites"))
