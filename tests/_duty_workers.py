"""What the worker processes of the duty sweep race run (started with ``spawn``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import structlog

from integrity_flows import Engine, FixedClock

structlog.configure(logger_factory=structlog.ReturnLoggerFactory())


def duty_sweep_race(url: str, now: datetime, barrier: Any, out: Any) -> None:
    """Sweep at the same moment as the other sweepers; report the records it wrote."""
    engine = Engine.open(url, clock=FixedClock(now))
    barrier.wait()
    engine.sweep(duties=False)
    found = [r.case_id for r in engine.record_duties()]
    found += [r.case_id for r in engine.record_duties()]
    engine.close()
    out.put(found)
