"""A type error does not hide the other problems of a flow file (docs/flow-definitions.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from integrity_flows.errors import DefinitionError
from integrity_flows.loading.discovery import default_registry
from integrity_flows.loading.reader import read_text

ROOT = Path(__file__).resolve().parent.parent


def _problems(raw: dict[str, Any]) -> list[str]:
    with pytest.raises(DefinitionError) as raised:
        read_text(yaml.safe_dump(raw, allow_unicode=True), "x.yaml", default_registry())
    return [f"{p.path}: {p.message_en}" for p in raised.value.problems]


def _flow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(
        (ROOT / "flows" / "asset_lending.yaml").read_text("utf-8")
    )
    return loaded


def test_type_errors_and_check_problems_are_reported_together() -> None:
    """Two type errors and an unknown state in one file: all three are reported."""
    raw = _flow()
    raw["transitions"][1]["roles"] = 5
    raw["states"]["checked"]["initial"] = "yes"
    raw["transitions"][2]["dest"] = "nowhere"
    problems = _problems(raw)
    assert "transitions[1].roles: expected a name or a list of names, got 5" in problems
    assert "states.checked.initial: expected true or false, got 'yes'" in problems
    assert "transitions[2].dest: unknown state 'nowhere'" in problems


def test_what_follows_from_a_set_aside_value_is_not_reported_twice() -> None:
    """A malformed setting is one problem, not also 'unknown setting' where it is used."""
    raw = _flow()
    name = next(iter(raw["settings"]))
    raw["settings"][name] = {"type": "days"}
    raw["transitions"][2]["dest"] = "nowhere"
    problems = _problems(raw)
    assert [p for p in problems if p.startswith(f"settings.{name}")]
    assert "transitions[2].dest: unknown state 'nowhere'" in problems
    assert not [p for p in problems if f"'{name}'" in p and not p.startswith("settings")]


def test_a_missing_required_key_reports_the_shape_problems_alone() -> None:
    """When a required key is missing there is no model to check: the shape problems only."""
    raw = _flow()
    del raw["states"]
    raw["transitions"][1]["roles"] = 5
    problems = _problems(raw)
    assert any(p.startswith("states: required key missing") for p in problems), problems
