"""Where the library's log events go: the host's structlog or standard-library logging.

The engine (and a store migrating its schema) emits named events with fields
(``audit_event`` with the redacted event, ``sweep_case_unreadable``, ...). It writes them
to an :class:`EventLogger`, made by :func:`event_logger` from what the host passes as
``Engine(logger=...)``:

- a ``logging.Logger`` (or ``LoggerAdapter``): each event is one ``LogRecord`` whose message
  is the event's name and its fields as JSON, and whose ``event`` and ``fields`` attributes
  hold the name and the fields as data (for a JSON formatter or a handler);
- a structlog logger (anything with ``info`` and ``error`` methods taking the event name
  and keyword fields): called as is;
- nothing: structlog's ``integrity_flows`` logger when the host has configured structlog
  (``structlog.is_configured()``, read at each event), else the standard library's
  ``integrity_flows`` logger, and only when the host gave logging a handler. The library
  never configures logging and never prints by itself: structlog's defaults, which print
  every event to standard output, are not used unless the host chose them.

Anything else is refused with a ``TypeError`` when the engine is made.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import structlog

from integrity_flows.protocols import EventLogger

NAME = "integrity_flows"
# structlog's lazy proxy (what ``structlog.get_logger`` returns): it follows the
# configuration as the host changes it.
_LAZY: type = type(structlog.get_logger(NAME))


class _Fields:
    """The fields of an event, turned into JSON only if a handler formats the record."""

    __slots__ = ("fields",)

    def __init__(self, fields: dict[str, Any]) -> None:
        self.fields = fields

    def __str__(self) -> str:
        return json.dumps(self.fields, ensure_ascii=False, sort_keys=True, default=str)


class StdlibEvents:
    """Events written to a standard-library logger as structured records."""

    def __init__(
        self, logger: logging.Logger | logging.LoggerAdapter[Any], *, quiet: bool = False
    ) -> None:
        self.logger = logger
        # The library's own default: silent unless the host gave logging a handler (not
        # even the handler of last resort, which prints warnings and errors to stderr).
        self._quiet = quiet

    def _log(self, level: int, event: str, fields: dict[str, Any]) -> None:
        if not self.logger.isEnabledFor(level):
            return
        if self._quiet and not _handled(self.logger):
            return
        extra: dict[str, Any] = {"event": event, "fields": fields}
        logger = self.logger
        if isinstance(logger, logging.LoggerAdapter):
            # An adapter's process() replaces the record's extra with its own (before
            # Python 3.13): keep both, the event's last.
            _, kwargs = logger.process("", {"extra": extra})
            extra = {**(kwargs.get("extra") or {}), **extra}
            logger = logger.logger
        logger.log(level, "%s %s", event, _Fields(fields), extra=extra)

    def wants_info(self) -> bool:
        """Whether an ``info`` event would reach a handler (so the fields are worth building)."""
        if not self.logger.isEnabledFor(logging.INFO):
            return False
        return not self._quiet or _handled(self.logger)

    def info(self, event: str, **fields: Any) -> None:
        """Log ``event`` at ``INFO``."""
        self._log(logging.INFO, event, fields)

    def error(self, event: str, **fields: Any) -> None:
        """Log ``event`` at ``ERROR``."""
        self._log(logging.ERROR, event, fields)


def _handled(logger: logging.Logger | logging.LoggerAdapter[Any]) -> bool:
    base = logger.logger if isinstance(logger, logging.LoggerAdapter) else logger
    return base.hasHandlers()


class DefaultEvents:
    """The logger used when the host passes none (see the module's docstring)."""

    def __init__(self) -> None:
        self._structlog: Any = structlog.get_logger(NAME)
        self._stdlib = StdlibEvents(logging.getLogger(NAME), quiet=True)

    def _target(self) -> EventLogger:
        return self._structlog if structlog.is_configured() else self._stdlib

    def wants_info(self) -> bool:
        """Whether an ``info`` event would go anywhere, as the host's configuration is now."""
        if structlog.is_configured():
            return info_wanted(self._structlog)
        return self._stdlib.wants_info()

    def info(self, event: str, **fields: Any) -> None:
        """Log ``event`` at info level where the host's configuration sends it."""
        self._target().info(event, **fields)

    def error(self, event: str, **fields: Any) -> None:
        """Log ``event`` at error level where the host's configuration sends it."""
        self._target().error(event, **fields)


def event_logger(logger: object = None) -> EventLogger:
    """The :class:`EventLogger` for what a host passed as ``logger=`` (see above)."""
    if logger is None:
        return DefaultEvents()
    if isinstance(logger, logging.Logger | logging.LoggerAdapter):
        return StdlibEvents(logger)
    if isinstance(logger, EventLogger):
        return logger
    msg = (
        f"logger= must be a logging.Logger, a logging.LoggerAdapter or a structlog logger "
        f"(with info and error methods taking keyword fields), not {type(logger).__name__} / "
        f"logger= ต้องเป็น logging.Logger, logging.LoggerAdapter หรือ logger ของ structlog "
        f"(มีเมธอด info และ error ที่รับฟิลด์แบบ keyword) ไม่ใช่ {type(logger).__name__}"
    )
    raise TypeError(msg)


def info_wanted(logger: object) -> bool:
    """Whether ``logger`` would keep an ``info`` event: asked of the library's loggers and
    of a structlog logger that can say (``is_enabled_for``, as a filtering bound logger
    does); any other logger is given every event."""
    wants = getattr(logger, "wants_info", None)
    if callable(wants):
        return bool(wants())
    enabled = getattr(logger, "is_enabled_for", None)
    if callable(enabled):
        try:
            return bool(enabled(logging.INFO))
        except Exception:  # a logger that cannot say: it is given the event
            return True
    return True


def info_gate(logger: EventLogger) -> Callable[[], bool]:
    """A check, as cheap as it can be, of whether ``logger`` keeps ``info`` events: the
    level of a logger that cannot change it (a structlog bound logger made with its
    level) is read once, here; the library's loggers and structlog's lazy proxies, which
    follow the host's configuration as it changes, are asked at each event."""
    if isinstance(logger, StdlibEvents | DefaultEvents):
        return logger.wants_info
    if isinstance(logger, _LAZY) or not callable(getattr(logger, "is_enabled_for", None)):
        return lambda: info_wanted(logger)
    wanted = info_wanted(logger)
    return lambda: wanted


def library_events() -> EventLogger:
    """The default logger, for a part of the library that has no engine's (a store's
    schema migration)."""
    return DefaultEvents()


__all__ = [
    "NAME",
    "DefaultEvents",
    "EventLogger",
    "StdlibEvents",
    "event_logger",
    "info_gate",
    "info_wanted",
    "library_events",
]
