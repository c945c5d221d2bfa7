"""Shared test setup: keep structlog quiet.

Log lines are returned instead of printed (``ReturnLoggerFactory``), so test output
stays readable; ``structlog.testing.capture_logs`` still sees every event. (A
filtering wrapper at WARNING would drop ``info`` events before ``capture_logs``
could see them, which would make log assertions pass vacuously.)
"""

import pytest
import structlog

structlog.configure(logger_factory=structlog.ReturnLoggerFactory())


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say at the end of every run whether the PostgreSQL tests ran, and against what."""
    from _postgres import SKIP_REASON, server_address

    address = server_address()
    if address:
        terminalreporter.write_line(f"PostgreSQL tests ran against {address}")
    else:
        terminalreporter.write_line(f"PostgreSQL tests SKIPPED: {SKIP_REASON}", yellow=True)
