"""Shared set-up for the records tests: the training flow of ``records_flows/``."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from integrity_flows import Actor, Engine
from integrity_flows.case import Case
from integrity_flows.clock import FixedClock

FLOWS = Path(__file__).parent / "records_flows"
FLOW_TEXT = (FLOWS / "training.yaml").read_text(encoding="utf-8")
ORGANIZER = Actor("org", roles={"organizer"})
HEAD = Actor("head", roles={"head"})


def engine(clock: FixedClock | None = None, **kwargs: Any) -> Engine:
    """A memory engine with the training flow only, on 2 October 2566 (a Monday)."""
    return Engine.open(
        "memory://",
        flows=[FLOWS],
        bundled=False,
        entry_points=False,
        clock=clock or FixedClock(datetime(2023, 10, 2, 3, tzinfo=UTC)),
        **kwargs,
    )


def started(e: Engine, **data: Any) -> Case:
    """A training case started by the organizer with ``data`` (a title by default)."""
    return e.start("training_course", actor=ORGANIZER, data={"title": "ITA", **data})
