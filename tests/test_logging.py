"""Log events and sinks: where they go, and what a failing one does (docs/audit-trail.md)."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest

from _lending import KANYA, PHONE, SOMCHAI, T0, announce_rules, lend, request
from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.audit.records import AuditEvent
from integrity_flows.case import Case
from integrity_flows.errors import PublishFailed, TriggerNotAllowed
from integrity_flows.logs import event_logger

ROOT = Path(__file__).resolve().parent.parent


def _engine(**kwargs: object) -> Engine:
    return Engine.open("memory://", clock=FixedClock(T0), **kwargs)  # type: ignore[arg-type]


def _boom(_event: AuditEvent) -> None:
    msg = "the sink is down"
    raise RuntimeError(msg)


class _FailingLogger:
    """A structlog-shaped logger whose every call fails."""

    def info(self, event: str, **fields: object) -> None:
        raise OSError(event)

    def error(self, event: str, **fields: object) -> None:
        raise OSError(event)


def test_stdlib_logger_gets_every_audit_event_as_a_structured_record(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A logging.Logger passed as logger= receives audit_event records with their fields."""
    logger = logging.getLogger("host.eoffice")
    with caplog.at_level(logging.INFO, logger="host.eoffice"), _engine(logger=logger) as engine:
        case = engine.start("asset_lending", actor=SOMCHAI, data=request())
        engine.fire(case.id, "check", actor=KANYA)
    records = [r for r in caplog.records if r.name == "host.eoffice"]
    assert [r.event for r in records] == ["audit_event", "audit_event"]  # type: ignore[attr-defined]
    fields = records[1].fields  # type: ignore[attr-defined]
    assert (fields["case_id"], fields["trigger"], fields["outcome"]) == (case.id, "check", "moved")
    assert records[1].levelno == logging.INFO
    assert records[1].getMessage().startswith("audit_event {")
    assert case.id in records[1].getMessage()


def test_stdlib_logger_adapter_is_accepted(caplog: pytest.LogCaptureFixture) -> None:
    """A logging.LoggerAdapter works like the logger it wraps."""
    adapter = logging.LoggerAdapter(logging.getLogger("host.adapter"), {"app": "eoffice"})
    with caplog.at_level(logging.INFO, logger="host.adapter"), _engine(logger=adapter) as engine:
        engine.start("asset_lending", actor=SOMCHAI, data=request())
    assert [r.event for r in caplog.records if r.name == "host.adapter"] == ["audit_event"]  # type: ignore[attr-defined]


def test_a_logger_of_no_known_shape_is_refused_clearly() -> None:
    """logger= that is neither a logging nor a structlog logger is a TypeError naming it."""
    with pytest.raises(TypeError, match=r"logger= must be a logging.Logger.*not str.*ไม่ใช่ str"):
        _engine(logger="integrity_flows")
    with pytest.raises(TypeError, match="not builtin_function_or_method"):
        event_logger(print)


def _run(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter: no structlog or logging set up by our tests."""
    return subprocess.run(  # noqa: PLW1510 - the caller checks the return code
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


_USE = textwrap.dedent("""
    from integrity_flows import Actor, Engine
    with Engine.open("memory://") as engine:
        case = engine.start("asset_lending", actor=Actor("somchai", roles={"staff"}),
                            data={"item": "car", "purpose": "meeting", "return_date": "2030-01-10"})
        try:
            engine.fire(case.id, "approve", actor=Actor("somchai", roles={"staff"}))
        except Exception:
            pass
""")


def test_the_library_prints_nothing_when_the_host_configured_no_logging() -> None:
    """Unconfigured, neither structlog's defaults nor logging's last resort print a line."""
    done = _run(_USE)
    assert done.returncode == 0, done.stderr
    assert (done.stdout, done.stderr) == ("", "")


def test_events_follow_the_hosts_logging_configuration() -> None:
    """With logging.basicConfig the events reach it; with structlog configured, structlog."""
    done = _run("import logging, sys\nlogging.basicConfig(level='INFO', stream=sys.stdout)" + _USE)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("INFO:integrity_flows:audit_event {") == 2
    configured = "import structlog\nstructlog.configure()" + _USE
    done = _run(configured)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("audit_event") == 2


def test_a_failing_sink_is_raised_after_the_commit_and_others_still_get_the_event() -> None:
    """The fire is committed; PublishFailed carries the case; the next sink still runs."""
    seen: list[AuditEvent] = []
    with _engine(sinks=[_boom, seen.append]) as engine:
        with pytest.raises(PublishFailed) as raised:
            engine.start("asset_lending", actor=SOMCHAI, data=request())
        case = raised.value.committed
        assert isinstance(case, Case)
        assert engine.get(case.id) == case
        assert [e.trigger for e in seen] == ["start"]
        assert isinstance(raised.value.__cause__, RuntimeError)
        (who, error), *_ = raised.value.failures
        assert who.startswith("sink ")
        assert "_boom" in who
        assert str(error) == "the sink is down"
        assert raised.value.as_dict()["code"] == "publish_failed"
        assert "do not retry" in raised.value.message_en
        assert engine.verify().ok


def test_a_refusal_with_a_failing_sink_still_tells_the_refusal() -> None:
    """A refused fire whose sink fails raises PublishFailed holding the Refused error."""
    with _engine() as engine:
        case = engine.start("asset_lending", actor=SOMCHAI, data=request())
        engine.subscribe(_boom)
        with pytest.raises(PublishFailed) as raised:
            engine.fire(case.id, "approve", actor=SOMCHAI)
        assert isinstance(raised.value.committed, TriggerNotAllowed)
        assert engine.history(case.id)[-1].outcome == "refused"


def test_a_failing_logger_is_raised_after_the_commit() -> None:
    """A logger that raises: the fire is committed, PublishFailed names the logger."""
    with _engine(logger=_FailingLogger()) as engine:
        with pytest.raises(PublishFailed) as raised:
            engine.start("asset_lending", actor=SOMCHAI, data=request())
        assert raised.value.failures[0][0] == "logger"
        assert len(engine.cases()) == 1


def test_a_failing_sink_after_a_batch_keeps_the_batch() -> None:
    """A batch commits all its writes; the sink's failures are raised once, after."""
    with _engine(sinks=[_boom]) as engine:

        def two_starts() -> None:
            with engine.batch():
                engine.start("asset_lending", actor=SOMCHAI, data=request())
                engine.start("asset_lending", actor=SOMCHAI, data=request("projector"))

        with pytest.raises(PublishFailed) as raised:
            two_starts()
        assert len(raised.value.failures) == 2
        assert len(engine.cases()) == 2


def test_a_failing_sink_does_not_stop_a_sweep() -> None:
    """Every due deadline is fired; then PublishFailed carries the sweep's results."""
    with _engine() as engine:
        cases = [lend(engine), lend(engine, item="projector")]
        engine.subscribe(_boom)
        with pytest.raises(PublishFailed) as raised:
            engine.sweep(T0 + timedelta(days=40))
        results = raised.value.committed
        assert isinstance(results, list)
        assert {r.case_id for r in results} == {c.id for c in cases}
        assert "mark_overdue" in {r.trigger for r in results}
        for case in cases:
            last = [r for r in results if r.case_id == case.id][-1]
            assert engine.get(case.id).state == last.state
        assert len(raised.value.failures) == len(results)


def test_the_readme_example_prints_only_its_own_lines() -> None:
    """README's Python example, in a fresh interpreter, prints what it prints, no log lines."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Five minutes in Python", 1)[1].split("```python\n", 1)[1]
    example = example.split("```", 1)[0]
    done = _run(example)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert "audit_event" not in done.stdout
    assert lines[2] == "on_loan 4"
    assert lines[4] == "['overdue']"
    assert len(lines) == 5 + len([e for e in lines[5:] if e.split()[0].isdigit()])


def test_the_gherkin_runner_without_the_bdd_extra_names_the_extra() -> None:
    """Importing testing.bdd without pytest-bdd says to pip install integrity-flows[bdd]."""
    done = _run(
        "import sys\nsys.modules['pytest_bdd'] = None\n"
        "try:\n    from integrity_flows.testing.bdd import features\n"
        "except ModuleNotFoundError as exc:\n    print(exc.name, '|', exc)\n"
    )
    assert done.returncode == 0, done.stderr
    name, message = done.stdout.split(" | ", 1)
    assert name == "pytest_bdd"
    assert 'pip install "integrity-flows[bdd]"' in message
    assert "integrity_flows.testing.bdd needs pytest_bdd" in message
    assert "ส่วนเสริม 'bdd'" in message


def test_a_failing_sink_on_a_reveal_keeps_the_clear_value_out_of_the_error() -> None:
    """The reading is recorded; PublishFailed holds the case, never the value read."""
    with _engine() as engine:
        case = engine.start("asset_lending", actor=SOMCHAI, data=request(borrower_phone=PHONE))
        engine.subscribe(_boom)
        with pytest.raises(PublishFailed) as raised:
            engine.reveal(case.id, "borrower_phone", actor=KANYA, reason="call the borrower")
        assert isinstance(raised.value.committed, Case)
        assert PHONE not in repr(raised.value.committed)
        assert PHONE not in str(raised.value)
        assert engine.history(case.id)[-1].outcome == "read"


class _Leveled:
    """A structlog-shaped logger that says whether it keeps info (as a filtering bound
    logger does) and counts the calls it is given."""

    def __init__(self, keeps_info: bool) -> None:
        self.keeps_info = keeps_info
        self.asked = 0
        self.calls: list[str] = []

    def is_enabled_for(self, level: int) -> bool:
        self.asked += 1
        return self.keeps_info or level > logging.INFO

    def info(self, event: str, **fields: object) -> None:
        self.calls.append(event)

    def error(self, event: str, **fields: object) -> None:
        self.calls.append(event)


def test_no_log_call_is_made_when_the_logger_drops_info() -> None:
    """A logger whose level drops info is asked once, when the engine is made, and given no
    call; one that keeps info gets every event."""
    dropping, keeping = _Leveled(keeps_info=False), _Leveled(keeps_info=True)
    for logger in (dropping, keeping):
        with _engine(logger=logger) as engine:
            announce_rules(engine)  # the year's rules, without which no loan is approved
            logger.calls.clear()
            case = engine.start("asset_lending", actor=SOMCHAI, data=request())
            engine.fire(case.id, "check", actor=KANYA)
            with engine.batch():
                engine.fire(case.id, "approve", actor=Actor("somying", roles={"approver"}))
    assert (dropping.asked, dropping.calls) == (1, [])
    assert keeping.calls == ["audit_event"] * 3


def test_a_stdlib_logger_above_info_is_given_no_record(caplog: pytest.LogCaptureFixture) -> None:
    """A standard-library logger at WARNING: no record is made; lowered to INFO while the
    engine runs, the next event is logged (its level is asked at each publish)."""
    logger = logging.getLogger("host.quiet")
    logger.setLevel(logging.WARNING)
    try:
        with _engine(logger=logger) as engine:
            case = engine.start("asset_lending", actor=SOMCHAI, data=request())
            assert [r for r in caplog.records if r.name == "host.quiet"] == []
            with caplog.at_level(logging.INFO, logger="host.quiet"):
                engine.fire(case.id, "check", actor=KANYA)
        records = [r for r in caplog.records if r.name == "host.quiet"]
        assert [r.event for r in records] == ["audit_event"]  # type: ignore[attr-defined]
    finally:
        logger.setLevel(logging.NOTSET)
