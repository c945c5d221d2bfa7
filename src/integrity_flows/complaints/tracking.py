"""Tracking codes, and slowing down whoever keeps guessing them.

A tracking code is 25 decimal digits drawn from :mod:`secrets` (about 83 bits), shown in
five groups of five (``40917-55203-88164-02937-61450``): it can be read over the telephone,
typed on a keypad and written in Thai digits. It is the only thing that links a
complainant to their complaint; the store keeps only its keyed hash.

:class:`Throttle` slows down a source that keeps presenting wrong codes. It is a second
line of defence: 83 bits cannot be guessed by trying, however fast. What it does not do
is written in docs/complaints.md.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

from integrity_flows.calendars import arabic_digits

CODE_DIGITS = 25
GROUP = 5
_SPACING = str.maketrans("", "", " -–—_.\t\n")


def new_code() -> str:
    """A fresh tracking code, grouped for reading."""
    digits = "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))
    return format_code(digits)


def format_code(digits: str) -> str:
    """25 digits in groups of five, joined by hyphens."""
    return "-".join(digits[i : i + GROUP] for i in range(0, len(digits), GROUP))


def normalize_code(text: str) -> str | None:
    """The 25 digits of a code as people write it (Thai digits, spaces or hyphens between
    groups), or None when it is not a code."""
    if not isinstance(text, str):
        return None
    digits = arabic_digits(text).translate(_SPACING)
    if len(digits) != CODE_DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    return digits


class Throttle:
    """Per-source slowing down of wrong tracking codes, in this process.

    After ``free`` wrong codes from one source within ``window`` seconds, each further
    attempt from it waits ``base`` seconds, doubling with every wrong code, up to
    ``ceiling``. A right code does not reset the count (someone holding one code could
    otherwise keep guessing between lookups of it); wrong codes older than ``window`` no
    longer count. At most ``max_sources`` sources are remembered, the oldest forgotten
    first. ``clock`` (seconds, monotonic) and ``sleep`` are injectable for tests.
    """

    def __init__(
        self,
        *,
        free: int = 5,
        base: float = 1.0,
        ceiling: float = 30.0,
        window: float = 900.0,
        max_sources: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.free = free
        self.base = base
        self.ceiling = ceiling
        self.window = window
        self.max_sources = max_sources
        self._clock = clock
        self._sleep = sleep
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def delay(self, source: str) -> float:
        """How long the next attempt from ``source`` must wait, in seconds."""
        with self._lock:
            count = len(self._recent(source))
        if count < self.free:
            return 0.0
        return float(min(self.base * 2 ** (count - self.free), self.ceiling))

    def wait(self, source: str) -> float:
        """Wait as long as ``source`` must before its attempt; returns the seconds waited."""
        seconds = self.delay(source)
        if seconds > 0:
            self._sleep(seconds)
        return seconds

    def failed(self, source: str) -> None:
        """Count a wrong code from ``source``."""
        with self._lock:
            recent = self._recent(source)
            recent.append(self._clock())
            self._failures[source] = recent
            self._failures.move_to_end(source)
            while len(self._failures) > self.max_sources:
                self._failures.popitem(last=False)

    def _recent(self, source: str) -> deque[float]:
        recent = self._failures.get(source, deque())
        horizon = self._clock() - self.window
        while recent and recent[0] <= horizon:
            recent.popleft()
        return recent


__all__ = ["CODE_DIGITS", "Throttle", "format_code", "new_code", "normalize_code"]
