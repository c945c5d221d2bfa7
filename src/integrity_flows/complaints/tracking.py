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

import math
import secrets
import threading
import time
import warnings
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


class ThrottleWarning(UserWarning):
    """The throttle was asked about an attempt with no ``source``: every such attempt
    shares one count, so one guesser slows every complainant the host does not name."""


class Throttle:
    """Per-source slowing down of wrong tracking codes, in this process.

    Every attempt is **charged before it waits**: :meth:`attempt` counts it as a wrong
    code at once, then waits as long as the count before it says, so attempts sent in
    parallel queue behind each other's charges instead of all waiting the delay current
    when they arrived. A right code is refunded (:meth:`succeeded`); it does not reset
    the count (someone holding one code could otherwise keep guessing between lookups of
    it). After ``free`` charges from one source within ``window`` seconds, each further
    attempt from it waits ``base`` seconds, doubling with every charge, up to
    ``ceiling``; charges older than ``window`` no longer count.

    At most ``max_sources`` sources are remembered, and the **least suspicious are
    forgotten first**: sources still within their free attempts, oldest first. A source
    being slowed down is forgotten only when more than ``max_sources`` sources are being
    slowed at once, and then its charges go to a shared overflow count that every source
    the throttle does not know is charged with, so passing many other sources through
    never clears a guesser's count. ``clock`` (seconds, monotonic) and ``sleep`` are
    injectable for tests.
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
        # The delay stops growing after this many charges: more need not be kept.
        self._kept = free + max(0, math.ceil(math.log2(max(ceiling / base, 1.0)))) + 1
        # Sources within their free attempts, and sources being slowed down, each in the
        # order they were last charged; the overflow holds the charges of slowed-down
        # sources forgotten for lack of room.
        self._light: OrderedDict[str, deque[float]] = OrderedDict()
        self._heavy: OrderedDict[str, deque[float]] = OrderedDict()
        self._overflow: deque[float] = deque(maxlen=self._kept)
        self._warned = False
        self._lock = threading.Lock()

    def delay(self, source: str) -> float:
        """How long the next attempt from ``source`` must wait, in seconds."""
        with self._lock:
            return self._delay_for(len(self._charges(source)))

    def attempt(self, source: str) -> float:
        """Charge an attempt from ``source`` now, then wait as long as the charges before
        it say; returns the seconds waited. Call :meth:`succeeded` if its code was right."""
        self._check_source(source)
        with self._lock:
            charges = self._charges(source)
            seconds = self._delay_for(len(charges))
            self._charge(source, charges)
        if seconds > 0:
            self._sleep(seconds)
        return seconds

    def succeeded(self, source: str) -> None:
        """Refund the charge of an attempt from ``source`` whose code was right."""
        with self._lock:
            charges = self._heavy.pop(source, None)
            if charges is None:
                charges = self._light.pop(source, None)
            if not charges:
                return
            charges.pop()
            table = self._heavy if len(charges) >= self.free else self._light
            table[source] = charges

    def wait(self, source: str) -> float:
        """Wait as long as ``source`` must before an attempt, without charging it; returns
        the seconds waited (:meth:`attempt` charges first, which parallel attempts need)."""
        self._check_source(source)
        seconds = self.delay(source)
        if seconds > 0:
            self._sleep(seconds)
        return seconds

    def failed(self, source: str) -> None:
        """Count a wrong code from ``source`` (one that :meth:`attempt` did not charge)."""
        with self._lock:
            self._charge(source, self._charges(source))

    # --- inside the lock ------------------------------------------------------

    def _delay_for(self, count: int) -> float:
        if count < self.free:
            return 0.0
        return float(min(self.base * 2 ** (count - self.free), self.ceiling))

    def _check_source(self, source: str) -> None:
        if source or self._warned:
            return
        self._warned = True
        warnings.warn(
            "Throttle: an attempt without a source; every attempt without one shares one "
            "count, so one guesser slows every complainant down. Pass source= (the client's "
            "address or session) to ComplaintDesk.follow.",
            ThrottleWarning,
            stacklevel=4,  # the caller of TrackingDesk.follow
        )

    def _charges(self, source: str) -> deque[float]:
        """The recent charges of ``source`` (of the overflow, for a source not known)."""
        horizon = self._clock() - self.window
        found = self._light.get(source)
        if found is None:
            found = self._heavy.get(source)
        if found is None:
            found = deque(self._overflow, maxlen=self._kept)
        while found and found[0] <= horizon:
            found.popleft()
        while self._overflow and self._overflow[0] <= horizon:
            self._overflow.popleft()
        return found

    def _charge(self, source: str, charges: deque[float]) -> None:
        charges.append(self._clock())
        self._light.pop(source, None)
        self._heavy.pop(source, None)
        table = self._heavy if len(charges) >= self.free else self._light
        table[source] = charges
        while len(self._light) + len(self._heavy) > self.max_sources:
            # Never the source just charged (it could then never be counted up), else the
            # least suspicious: a source within its free attempts, the oldest first.
            oldest_light = next(iter(self._light), None)
            if oldest_light is not None and oldest_light != source:
                del self._light[oldest_light]
                continue
            oldest_heavy = next(iter(self._heavy))
            if oldest_heavy == source:  # max_sources of 1 or less: keep no other source
                self._overflow = deque(charges, maxlen=self._kept)
                del self._heavy[source]
                continue
            forgotten = self._heavy.pop(oldest_heavy)
            merged = sorted([*self._overflow, *forgotten])
            self._overflow = deque(merged[-self._kept :], maxlen=self._kept)


__all__ = [
    "CODE_DIGITS",
    "Throttle",
    "ThrottleWarning",
    "format_code",
    "new_code",
    "normalize_code",
]
