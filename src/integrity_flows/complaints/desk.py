"""The complaint desk: file a complaint and hand out its tracking code; follow it by code.

::

    desk = ComplaintDesk(engine)
    filed = desk.file(actor=web_form, data={"channel": "online", "anonymous": True, ...})
    filed.tracking_code          # shown once to the complainant, never stored
    desk.follow(code, source=client_address).lines("th")

The code goes to the engine as the flow's ``hashed`` field, so only its keyed hash is
stored; :meth:`ComplaintDesk.follow` hashes what it is given the same way, finds the case
through the store's index, compares the hashes in constant time and returns only what
the complainant may see. A wrong code, malformed or unknown, gets the same plain "not
found", and a source that keeps guessing is slowed down (:class:`Throttle`).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping
from typing import Any

import attrs

from integrity_flows.actor import Actor
from integrity_flows.case import Case
from integrity_flows.complaints.progress import Progress, progress_of
from integrity_flows.complaints.tracking import Throttle, new_code, normalize_code
from integrity_flows.engine.runtime import Engine
from integrity_flows.errors import FlowError, KeyRequired
from integrity_flows.protection.fields import hashed_value

COMPLAINT_FLOW = "corruption_complaint"
TRACKING_FIELD = "tracking_hash"


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


class ComplaintDesk:
    """Filing and following complaints of ``flow_id`` on ``engine``.

    One desk per process: its :class:`Throttle` counts wrong codes in memory.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        flow_id: str = COMPLAINT_FLOW,
        field: str = TRACKING_FIELD,
        throttle: Throttle | None = None,
    ) -> None:
        self.engine = engine
        self.flow_id = flow_id
        self.field = field
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

        ``source`` names who asks (e.g. the client's address) for the throttle: the
        attempt is charged to it before it waits, and refunded when the code is right.
        Without a source every caller shares one count (the throttle warns once). Raises
        :class:`TrackingNotFound` for any wrong code.
        """
        self.throttle.attempt(source)
        case = self.find(code)
        if case is None:
            raise TrackingNotFound
        self.throttle.succeeded(source)
        definition = self.engine.definition_of(case)
        return progress_of(definition, case, self.engine.history(case.id))

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


__all__ = ["COMPLAINT_FLOW", "TRACKING_FIELD", "ComplaintDesk", "Filed", "TrackingNotFound"]
