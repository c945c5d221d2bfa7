"""The engine: decides, moves, and audits."""

from integrity_flows.engine.runtime import AuditSink, Clock, Engine, SweepResult

__all__ = ["AuditSink", "Clock", "Engine", "SweepResult"]
