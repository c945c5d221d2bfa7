"""The public surface: names, error hierarchy, test helpers, the one transitions seam."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import integrity_flows
from integrity_flows import Actor, Engine, errors
from integrity_flows.cli import main
from integrity_flows.testing.capture import capture_audit

SRC = Path(integrity_flows.__file__).resolve().parent


def test_public_names_are_pinned() -> None:
    """The package re-exports exactly these names, sorted."""
    assert integrity_flows.__all__ == [
        "SYSTEM",
        "Actor",
        "AuditEvent",
        "Case",
        "Engine",
        "FixedClock",
        "FlowDefinition",
        "FlowError",
        "GuardRegistry",
        "GuardSpec",
        "StaticDirectory",
        "SweepResult",
        "SystemClock",
        "VerifyProblem",
        "VerifyReport",
        "load_directory",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "UnknownFlow",
        "UnknownTrigger",
        "TriggerNotAllowed",
        "NotAuthorized",
        "GuardRejected",
        "InvalidData",
        "ConcurrentUpdate",
        "DefinitionError",
    ],
)
def test_errors_derive_from_flow_error(name: str) -> None:
    """Every error named by the architecture derives from FlowError."""
    assert issubclass(getattr(errors, name), errors.FlowError)


def test_errors_speak_thai_and_english() -> None:
    """An error carries a Thai and an English message, and str() shows both."""
    error = errors.UnknownFlow("no_such_flow")
    assert "ไม่พบขั้นตอนงาน" in error.message_th
    assert "unknown flow" in error.message_en
    assert error.message_th in str(error)
    assert error.message_en in str(error)


def test_capture_audit_collects_committed_events() -> None:
    """capture_audit sees each committed event, refusals included, and stops at the end."""
    engine = Engine.open("memory://")
    somchai = Actor("somchai", roles={"staff"})
    data = {"item": "โต๊ะ", "purpose": "ประชุม", "return_date": "5 ตุลาคม 2566"}
    with capture_audit(engine) as events:
        case = engine.start("asset_lending", actor=somchai, data=data)
        with pytest.raises(errors.NotAuthorized):
            engine.fire(case.id, "check", actor=somchai)
    engine.fire(case.id, "cancel", actor=somchai)
    assert [(e.trigger, e.outcome) for e in events] == [("start", "moved"), ("check", "refused")]


def test_only_the_machine_module_touches_transitions() -> None:
    """transitions is imported by engine/machine.py and nowhere else."""
    users = [
        p.relative_to(SRC).as_posix()
        for p in SRC.rglob("*.py")
        if "transitions"
        in {
            (n.module or "").split(".")[0] if isinstance(n, ast.ImportFrom) else ""
            for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        }
    ]
    assert users == ["engine/machine.py"]


def test_features_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`features check` passes the bundled features and fails on the Thai keyword trap."""
    root = Path(__file__).resolve().parents[1]
    assert main(["features", "check", str(root / "features")]) == 0
    (tmp_path / "trap.feature").write_text(
        "# language: th\nโครงหลัก: กับดัก\n\n  @plan-13-5.1\n  เหตุการณ์: ไม่มีขั้นตอน\n    กำหนดให้มีผู้ขอยืม\n",
        encoding="utf-8",
    )
    assert main(["features", "check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "trap.feature" in err
    assert "problem(s) found" in err
