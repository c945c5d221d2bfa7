"""The engine: decides, moves, and audits."""

from integrity_flows.engine.runtime import Engine, SweepResult
from integrity_flows.protocols import AuditSink, Clock

__all__ = ["AuditSink", "Clock", "Engine", "SweepResult"]
