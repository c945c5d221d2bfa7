"""integrity-flows: executable, auditable workflows for a public-sector integrity plan.

The public API is small and stable; everything else lives in submodules::

    from integrity_flows import Engine, Actor

    engine = Engine.open("sqlite:///cases.db", flows=["host-flows"])
    case = engine.start(FLOW_ID, actor=Actor("somchai", roles={"staff"}), data={...})
"""

from integrity_flows.actor import SYSTEM, Actor
from integrity_flows.audit.records import AuditEvent
from integrity_flows.audit.verify import VerifyProblem, VerifyReport
from integrity_flows.case import Case
from integrity_flows.clock import FixedClock, SystemClock
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.directory import StaticDirectory, load_directory
from integrity_flows.engine.runtime import Engine
from integrity_flows.engine.sweeping import SweepResult
from integrity_flows.errors import FlowError
from integrity_flows.guards.registry import GuardRegistry, GuardSpec

__version__ = "0.1.0"

__all__ = [
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
