"""The Gherkin feature of the records test flow: items given as table rows, one per row."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrity_flows.testing.bdd import features

FLOWS = Path(__file__).parent / "records_flows"


@pytest.fixture
def integrity_flows_flow_paths() -> list[Path]:
    """The records test flow, beside the bundled ones."""
    return [FLOWS]


features("records_features")
