"""The tracking desk: file a case and hand out its tracking code; follow it by code.

A flow that declares ``tracking:`` (the corruption complaint does) is followed by the
public with a code given once::

    desk = TrackingDesk(engine)              # the one loaded flow that declares tracking
    filed = desk.file(actor=web_form, data={"channel": "online", "anonymous": True, ...})
    filed.tracking_code          # shown once to the complainant, never stored
    desk.follow(code, source=client_address).lines("th")

The code goes to the engine as the flow's ``tracking.code`` field, a ``hashed`` one, so
only its keyed hash is stored; :meth:`TrackingDesk.follow` hashes what it is given the
same way, finds the case through the store's index, compares the hashes in constant time
and returns only what the code's holder may see. A wrong code, malformed or unknown, gets
the same plain "not found", and a source that keeps guessing is slowed down (:class:`Throttle`).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from integrity_flows.actor import Actor
from integrity_flows.case import Case
from integrity_flows.complaints.progress import Progress, progress_of
from integrity_flows.complaints.tracking import Throttle, new_code, normalize_code
from integrity_flows.definition.model import FlowDefinition, Tracking
from integrity_flows.engine.runtime import Engine
from integrity_flows.errors import FlowError, KeyRequired
from integrity_flows.protection.fields import hashed_value


def tracked_flows(flows: Iterable[FlowDefinition]) -> list[str]:
    """The ids of the flows that declare ``tracking:``, sorted, each once."""
    return sorted({d.id for d in flows if d.tracking is not None})


class NotTracked(FlowError):
    """The flow named (or the one to find) does not follow its cases by tracking code."""

    code = "not_tracked"


class TrackingNotFound(FlowError):
    """No complaint answers to this tracking code (the same words for any wrong code)."""

    code = "tracking_not_found"

    def __init__(self) -> None:
        super().__init__(
            "ไม่พบเรื่องร้องเรียนตามรหัสติดตามนี้ กรุณาตรวจสอบรหัสอีกครั้ง",
            "no complaint was found for this tracking code; please check the code",
        )


@attrs.frozen
class Filed:
    """A complaint just filed, with the tracking code to give the complainant once."""

    case: Case
    tracking_code: str = attrs.field(repr=False)


class TrackingDesk:
    """Filing and following cases of ``flow_id`` on ``engine`` by tracking code.

    ``flow_id`` must declare ``tracking:``; when not given, it is the one loaded flow that
    does. One desk per process: its :class:`Throttle` counts wrong codes in memory.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        flow_id: str | None = None,
        throttle: Throttle | None = None,
    ) -> None:
        self.engine = engine
        self.flow_id = flow_id if flow_id is not None else _the_tracked_flow(engine)
        self.tracking = _tracking_of(engine, self.flow_id)
        self.field = self.tracking.code
        self.throttle = throttle if throttle is not None else Throttle()

    def file(
        self,
        *,
        actor: Actor,
        data: Mapping[str, Any],
        reason: str | None = None,
        case_id: str | None = None,
    ) -> Filed:
        """Start a complaint with a fresh tracking code; refusals are audited and raised."""
        code = new_code()
        given = {**data, self.field: normalize_code(code)}
        case = self.engine.start(
            self.flow_id, actor=actor, data=given, reason=reason, case_id=case_id
        )
        return Filed(case, code)

    def follow(self, code: str, *, source: str = "") -> Progress:
        """What the complainant holding ``code`` may see.

        ``source`` names who asks (e.g. the client's address) for the throttle. Raises
        :class:`TrackingNotFound` for any wrong code.
        """
        self.throttle.wait(source)
        case = self.find(code)
        if case is None:
            self.throttle.failed(source)
            raise TrackingNotFound
        definition = self.engine.definition_of(case)
        messages = definition.tracking.messages if definition.tracking else None
        return progress_of(definition, case, self.engine.history(case.id), messages)

    def find(self, code: str) -> Case | None:
        """The case whose tracking code is ``code``, or None (no throttling here)."""
        key = self.engine.key
        if key is None:
            raise KeyRequired(
                "ติดตามเรื่องร้องเรียนไม่ได้ เพราะไม่ได้กำหนดกุญแจเข้ารหัส",
                "cannot follow complaints: no encryption key was given",
            )
        digits = normalize_code(code)
        # A malformed code costs the same work as a well-formed one and finds nothing.
        wanted = hashed_value(key, self.flow_id, self.field, digits or secrets.token_hex(16))
        for case_id in self.engine.store.holders(self.flow_id, self.field, wanted, self._states()):
            case = self.engine.get(case_id)
            stored = case.data.get(self.field)
            matches = isinstance(stored, str) and hmac.compare_digest(
                stored.encode(), wanted.encode()
            )
            if digits is not None and matches:
                return case
        return None

    def _states(self) -> list[str]:
        return sorted(
            {state for d in self.engine.flows if d.id == self.flow_id for state in d.states}
        )


def _the_tracked_flow(engine: Engine) -> str:
    found = tracked_flows(engine.flows)
    if len(found) == 1:
        return found[0]
    names = ", ".join(found) or "-"
    raise NotTracked(
        f"ต้องระบุขั้นตอนงานที่ติดตามด้วยรหัสติดตามเรื่อง (ขั้นตอนงานที่ติดตามได้: {names})",
        f"name the flow whose cases are followed by tracking code (flows that declare "
        f"tracking: {names})",
    )


def _tracking_of(engine: Engine, flow_id: str) -> Tracking:
    definition = engine.flows.get(flow_id)
    if definition.tracking is None:
        raise NotTracked(
            f"ขั้นตอนงาน '{flow_id}' ไม่ได้กำหนดการติดตามด้วยรหัสติดตามเรื่อง (tracking:)",
            f"flow '{flow_id}' declares no tracking code (tracking:)",
        )
    return definition.tracking


# The name the desk had when only complaints were followed by code.
ComplaintDesk = TrackingDesk

__all__ = [
    "ComplaintDesk",
    "Filed",
    "NotTracked",
    "TrackingDesk",
    "TrackingNotFound",
    "tracked_flows",
]
