"""An example integrity-flows plug-in: a vehicle trip log, one guard and one report."""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from integrity_flows.calendars import parse_int
from integrity_flows.errors import Reason
from integrity_flows.guards import GuardContext, GuardSpec


def flows_folder() -> Traversable:
    """The folder holding this package's flow files."""
    return resources.files("vehicle_use") / "flows"


def reports_folder() -> Traversable:
    """The folder holding this package's report files."""
    return resources.files("vehicle_use") / "reports"


def odometer_increases(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The reading in ``after`` is greater than the reading in ``before``."""
    before, after = ctx.data.get(params["before"]), ctx.data.get(params["after"])
    if before is None or after is None or parse_int(after) > parse_int(before):
        return None
    return Reason(
        "odometer",
        f"เลขไมล์ขากลับ ({after}) ต้องมากกว่าขาออก ({before})",
        f"the odometer on return ({after}) must be above the reading at departure ({before})",
    )


GUARDS = [
    GuardSpec(
        "odometer_increases",
        odometer_increases,
        params={"before": "field", "after": "field"},
    ),
]

__all__ = ["GUARDS", "flows_folder", "odometer_increases"]
