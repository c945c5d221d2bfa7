"""The engine: decides, moves, and audits."""

from integrity_flows.engine.runtime import Engine
from integrity_flows.engine.sweeping import SweepResult
from integrity_flows.protocols import AuditSink, Clock

__all__ = ["AuditSink", "Clock", "Engine", "SweepResult"]
