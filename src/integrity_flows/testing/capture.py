"""Capture the audit events an engine commits, for a host's own tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from integrity_flows.audit.records import AuditEvent

if TYPE_CHECKING:
    from integrity_flows.engine.runtime import Engine


@contextmanager
def capture_audit(engine: Engine) -> Iterator[list[AuditEvent]]:
    """Collect every audit event ``engine`` commits inside the ``with`` block::

    with capture_audit(engine) as events:
        engine.fire(case.id, "approve", actor=somying)
    assert [e.trigger for e in events] == ["approve"]
    """
    events: list[AuditEvent] = []
    unsubscribe = engine.subscribe(events.append)
    try:
        yield events
    finally:
        unsubscribe()
