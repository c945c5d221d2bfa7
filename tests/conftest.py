"""Shared test setup: keep structlog quiet.

Log lines are returned instead of printed (``ReturnLoggerFactory``), so test output
stays readable; ``structlog.testing.capture_logs`` still sees every event. (A
filtering wrapper at WARNING would drop ``info`` events before ``capture_logs``
could see them, which would make log assertions pass vacuously.)
"""

import structlog

structlog.configure(logger_factory=structlog.ReturnLoggerFactory())
