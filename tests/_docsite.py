"""Shared by the living documentation's tests: a cucumber JSON file of known results."""

from __future__ import annotations

import json
from pathlib import Path

from integrity_flows.docsite.features import read_features
from integrity_flows.docsite.results import FAILED, PASSED

REPO = Path(__file__).resolve().parents[1]
FEATURES = REPO / "features"
LENDING = "asset_lending/asset_lending.th.feature"


def write_results(path: Path, *, failed: str | None = None) -> dict[str, str]:
    """A cucumber JSON file, as pytest-bdd writes it, of every scenario of LENDING (one
    failed when named), one scenario under a name no feature has, and another project's
    file; returns the scenario names by status."""
    feature = next(f for f in read_features(FEATURES) if f.relative == LENDING)
    elements = []
    for scenario in feature.scenarios:
        status = "failed" if scenario.name == failed else "passed"
        elements.append(
            {
                "keyword": "Scenario",
                "name": scenario.name,
                "line": scenario.line,
                "type": "scenario",
                "steps": [{"name": s.text, "result": {"status": status}} for s in scenario.steps],
            }
        )
    renamed = {"name": "a scenario renamed since", "line": 3, "steps": []}
    other = {"name": "ผู้อื่น", "line": 5, "steps": [{"result": {"status": "passed"}}]}
    data = [
        {"uri": LENDING, "name": feature.name, "elements": [*elements, renamed]},
        {"uri": "../elsewhere/other.feature", "name": "other", "elements": [other]},
    ]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return {s.name: (FAILED if s.name == failed else PASSED) for s in feature.scenarios}
