"""Shared test setup: keep structlog quiet; the command line trusts its actors.

Log lines are returned instead of printed (``ReturnLoggerFactory``), so test output
stays readable; ``structlog.testing.capture_logs`` still sees every event. (A
filtering wrapper at WARNING would drop ``info`` events before ``capture_logs``
could see them, which would make log assertions pass vacuously.)
"""

import pytest
import structlog

structlog.configure(logger_factory=structlog.ReturnLoggerFactory())


@pytest.fixture(autouse=True)
def _trusted_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's tests run as a host that vouches for its actors (no directory):
    INTEGRITY_FLOWS_TRUST_ACTORS=1, as the README's shell examples set it. The tests of
    who may act (tests/test_identity.py) unset it."""
    monkeypatch.setenv("INTEGRITY_FLOWS_TRUST_ACTORS", "1")
    monkeypatch.delenv("INTEGRITY_FLOWS_DIRECTORY", raising=False)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say at the end of every run whether the PostgreSQL tests ran, and against what."""
    from _postgres import SKIP_REASON, server_address

    address = server_address()
    if address:
        terminalreporter.write_line(f"PostgreSQL tests ran against {address}")
    else:
        terminalreporter.write_line(f"PostgreSQL tests SKIPPED: {SKIP_REASON}", yellow=True)
