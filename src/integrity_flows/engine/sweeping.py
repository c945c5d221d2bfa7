"""The sweep: every deadline due fired as the system actor, and every occurrence of a
declared duty that fell due unfulfilled recorded (``Engine.sweep``, ``Engine.record_duties``).
Both act through the engine's own start and fire, so each is decided, audited and written
as any other."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs

from integrity_flows.actor import SYSTEM
from integrity_flows.calendars import fiscal_year as fiscal_year_of
from integrity_flows.calendars import start_of_day_utc
from integrity_flows.duties import DUTY_RECORD_FLOW, PAST_DUE, occurrences
from integrity_flows.errors import (
    CaseUnreadable,
    ConcurrentUpdate,
    DefinitionError,
    PublishFailed,
    Refused,
)
from integrity_flows.plain import to_plain

if TYPE_CHECKING:
    from integrity_flows.engine.runtime import Engine


#: A deadline as the store lists it: case id, trigger and due instant.
Due = tuple[str, str, datetime]


@attrs.frozen
class SweepResult:
    """One deadline the sweep acted on: what it fired and what came of it."""

    case_id: str
    trigger: str
    due: datetime
    state: str | None
    refused: str | None = None
    # For the record of a duty's occurrence that fell due unfulfilled (its case started by
    # the sweep, trigger ``start``): ``flow_id.duty_id`` of the duty.
    duty: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The result as JSON data (``due`` in ISO 8601 UTC)."""
        plain: dict[str, Any] = to_plain(self)
        return plain


def sweep(
    engine: Engine,
    moment: datetime,
    *,
    duties: bool,
    on_each: Callable[[], None] | None,
) -> list[SweepResult]:
    """What :meth:`Engine.sweep` does, at ``moment``."""
    results: list[SweepResult] = []
    failures: list[tuple[str, BaseException]] = []
    seen: set[Due] = set()
    while True:
        pending = [d for d in engine.store.due(moment) if d not in seen]
        if not pending:
            break
        for deadline in pending:
            seen.add(deadline)
            result = _sweep_one(engine, deadline, moment, failures)
            if result is not None:
                results.append(result)
            if on_each is not None:
                on_each()
    if duties:
        try:
            engine.record_duties(moment)
        except PublishFailed as failed:
            failures.extend(failed.failures)
    _raise_failures(failures, results)
    return results


def record_duties(engine: Engine, now: datetime) -> list[SweepResult]:
    """What :meth:`Engine.record_duties` does, at ``now``."""
    if not any(d.duties for d in engine.flows.latest()):
        return []
    year = fiscal_year_of(now)
    found: list[SweepResult] = []
    failures: list[tuple[str, BaseException]] = []
    # Last year's too: its last periods fall due in this one.
    found_now = occurrences(
        engine.flows.latest(),
        engine.store,
        (year - 1, year),
        now,
        settings=engine.settings,
        statuses=PAST_DUE,
    )
    for occurrence in found_now:
        if occurrence.recorded is not None:
            continue
        data = {
            "flow": occurrence.flow_id,
            "duty": occurrence.duty_id,
            "duty_label": occurrence.label.th,
            "period": occurrence.period,
            "period_label": occurrence.period_label.th,
            "fiscal_year": occurrence.fiscal_year,
            "due_on": occurrence.due_on.isoformat() if occurrence.due_on else None,
            "owing_case": occurrence.owing_case,
            "owner": occurrence.owner_person or occurrence.owner_role or occurrence.owner_unit,
        }
        data = {k: v for k, v in data.items() if v is not None}
        try:
            case = engine._start(
                DUTY_RECORD_FLOW,
                actor=SYSTEM,
                data=data,
                reason="duty overdue",
                case_id=occurrence.record_id,
                now=now,
            )
        except ConcurrentUpdate:  # another sweeper recorded it first
            continue
        except PublishFailed as failed:  # recorded; told of at the end
            failures.extend(failed.failures)
            case = failed.committed  # type: ignore[assignment]
        due = start_of_day_utc(occurrence.due_on) if occurrence.due_on else now
        duty = f"{occurrence.flow_id}.{occurrence.duty_id}"
        found.append(SweepResult(case.id, "start", due, case.state, duty=duty))
    _raise_failures(failures, found)
    return found


def _sweep_one(
    engine: Engine, deadline: Due, now: datetime, failures: list[tuple[str, BaseException]]
) -> SweepResult | None:
    # The deadline is held while it is fired, so sweepers running at once (in other
    # processes or on other machines) fire it once; None when another sweeper fired
    # it since due() listed it, or holds its case right now.
    found: list[SweepResult] = []
    try:
        with engine.batch(), engine.store.claim_deadline(*deadline) as still_open:
            if still_open:
                found.append(_sweep_fire(engine, deadline, now, failures))
    except PublishFailed as failed:  # committed; the sweep goes on and tells at the end
        failures.extend(failed.failures)
    return found[0] if found else None


def _sweep_fire(
    engine: Engine, deadline: Due, now: datetime, failures: list[tuple[str, BaseException]]
) -> SweepResult:
    case_id, trigger, due = deadline
    try:
        case = engine._fire(
            case_id, trigger, actor=SYSTEM, given={}, reason="deadline", now=now, entered=due
        )
    except Refused as exc:
        return SweepResult(case_id, trigger, due, exc.state, refused=exc.code)
    except (ConcurrentUpdate, DefinitionError) as exc:
        return SweepResult(case_id, trigger, due, None, refused=exc.code)
    except CaseUnreadable as exc:
        # A case row edited or corrupted in the store: nothing can be appended to
        # a chain whose case cannot be read. It is skipped, logged and reported,
        # and every other due deadline is still fired.
        try:
            engine._log.error(
                "sweep_case_unreadable",
                case_id=case_id,
                trigger=trigger,
                column=exc.column,
                detail=exc.detail,
            )
        except Exception as failed:  # raised as PublishFailed at the end
            failures.append(("logger", failed))
        return SweepResult(case_id, trigger, due, None, refused=exc.code)
    return SweepResult(case_id, trigger, due, case.state)


def _raise_failures(failures: list[tuple[str, BaseException]], results: list[SweepResult]) -> None:
    """PublishFailed for the logger and sink failures of a sweep, after it did its work."""
    if failures:
        error = PublishFailed(failures)
        error.committed = results
        raise error from failures[0][1]
