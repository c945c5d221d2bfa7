"""Clocks: the only module that reads the system time.

A clock is any callable returning an aware UTC ``datetime``. Production uses
:class:`SystemClock`; tests and the Gherkin steps use :class:`FixedClock`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class SystemClock:
    """The real time, in UTC."""

    def __call__(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that moves only when told to."""

    def __init__(self, now: datetime) -> None:
        self._now = as_utc(now)

    def __call__(self) -> datetime:
        return self._now

    def set(self, now: datetime) -> None:
        """Jump to ``now``."""
        self._now = as_utc(now)

    def advance(self, *, days: int = 0, hours: int = 0, minutes: int = 0) -> datetime:
        """Move forward and return the new time."""
        self._now += timedelta(days=days, hours=hours, minutes=minutes)
        return self._now


def as_utc(moment: datetime) -> datetime:
    """Refuse naive datetimes and express aware ones in UTC."""
    if moment.tzinfo is None:
        msg = "a naive datetime has no zone; give an aware datetime (UTC is stored)"
        raise ValueError(msg)
    return moment.astimezone(UTC)


__all__ = ["FixedClock", "SystemClock", "as_utc"]
