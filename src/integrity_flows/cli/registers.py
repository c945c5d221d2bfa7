"""``integrity-flows register`` and ``sweep``: the lending register and deadlines.

``register --db PATH --fiscal-year Y`` is an alias of ``report lending_register``
(``flows/reports/asset_lending.yaml``), with its options (``--format``, ``--lang``,
``--as-of``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import click

from integrity_flows.audit.log import scheduled_checkpoint
from integrity_flows.calendars import thai_datetime
from integrity_flows.cli.audit import read_signing_key
from integrity_flows.cli.common import (
    db_option,
    echo,
    flows_option,
    open_engine,
    shown,
    typed_moment,
)
from integrity_flows.cli.exports import emit_list, list_format_options, need_output
from integrity_flows.cli.progress import stepped
from integrity_flows.cli.report import report_alias
from integrity_flows.definition.model import Label
from integrity_flows.errors import CaseUnreadable
from integrity_flows.reports.catalogue import run_report
from integrity_flows.reports.render import Lang, as_text

if TYPE_CHECKING:
    from integrity_flows.engine.runtime import Engine
    from integrity_flows.engine.sweeping import SweepResult

LENDING_REGISTER = "lending_register"


def print_register(engine: Engine, fiscal_year: int, lang: Lang = "both") -> None:
    """Print the lending register of fiscal year B.E. ``fiscal_year`` from an open engine."""
    report = engine.reports.get(LENDING_REGISTER)
    figures = run_report(engine, report.id, fiscal_year=fiscal_year)
    text = as_text(report, figures, fiscal_year=fiscal_year, lang=lang)
    click.echo("".join(f"{shown(line)}\n" for line in text.splitlines()), nl=False)


register_command = report_alias(
    "register",
    LENDING_REGISTER,
    "The lending register of a fiscal year (= report lending_register) "
    "/ ทะเบียนการยืมประจำปีงบประมาณ.",
)


_SWEEP_COLUMNS = (
    ("case", Label("เรื่อง", "case")),
    ("trigger", Label("การดำเนินการ", "trigger")),
    ("duty", Label("หน้าที่", "duty")),
    ("due", Label("ครบกำหนด", "due")),
    ("state", Label("สถานะ", "state")),
    ("refused", Label("เหตุที่ปฏิเสธ", "refused")),
)


@click.command("sweep")
@db_option
@flows_option
@click.option("--now", default=None, help="Sweep as of this time (default: now) / ณ วันเวลา")
@click.option(
    "--checkpoint-dir",
    type=click.Path(file_okay=False),
    envvar="INTEGRITY_FLOWS_CHECKPOINT_DIR",
    show_envvar=True,
    default=None,
    help="Also write a signed checkpoint here when one is due / โฟลเดอร์เก็บ checkpoint",
)
@click.option(
    "--signing-key",
    type=click.Path(dir_okay=False),
    envvar="INTEGRITY_FLOWS_SIGNING_KEY",
    show_envvar=True,
    default=None,
    help="The key that signs the checkpoints (key new --for signing) / ไฟล์กุญแจลงนาม",
)
@click.option(
    "--checkpoint-every",
    type=click.FloatRange(min=0),
    envvar="INTEGRITY_FLOWS_CHECKPOINT_EVERY",
    show_envvar=True,
    default=24.0,
    show_default=True,
    help="Hours between checkpoints / ระยะห่างระหว่าง checkpoint (ชั่วโมง)",
)
@list_format_options
def sweep_command(
    db: str,
    flow_dirs: tuple[str, ...],
    now: str | None,
    checkpoint_dir: str | None,
    signing_key: str | None,
    checkpoint_every: float,
    fmt: str,
    output: str | None,
) -> None:
    """Fire every deadline that has fallen due, and record each duty fallen due
    unfulfilled, as the system / ดำเนินการตามกำหนดเวลา และบันทึกหน้าที่ที่ค้างดำเนินการ.

    With --checkpoint-dir and --signing-key, then sign a checkpoint of the audit trail
    into that folder when the newest there is --checkpoint-every hours old and the trail
    has grown since (or there is none yet).
    """
    need_output(fmt, output)  # before anything fires: a refused run changes nothing
    if (checkpoint_dir is None) != (signing_key is None):
        raise click.UsageError(
            "--checkpoint-dir and --signing-key go together / "
            "ต้องระบุทั้ง --checkpoint-dir และ --signing-key"
        )
    key = read_signing_key(signing_key) if signing_key else None
    given = typed_moment(now, "--now") if now else None
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        moment = given if given is not None else engine.clock()
        due = len(engine.store.due(moment))
        with stepped(due, "กำหนดเวลา / deadlines") as step:
            results = engine.sweep(moment, duties=False, on_each=step)
        # A case that cannot be read stops the duties (whether it fulfils one cannot be
        # told): the deadlines fired are still shown and the checkpoint signed, then it is.
        stopped: CaseUnreadable | None = None
        try:
            results += engine.record_duties(moment)
        except CaseUnreadable as exc:
            stopped = exc
        if fmt != "text":
            rows = [
                (r.case_id, r.trigger, r.duty,
                 r.due.isoformat() if fmt == "json" else thai_datetime(r.due),
                 r.state, r.refused)
                for r in results
            ]  # fmt: skip
            emit_list(fmt, "sweep", _SWEEP_COLUMNS, rows, output=output)
        else:
            for r in results:
                echo(_swept(engine, r))
            echo(f"{len(results)} deadline(s) / กำหนดเวลา {len(results)} รายการ")
        if key is not None and checkpoint_dir is not None:
            every = timedelta(hours=checkpoint_every)
            path = scheduled_checkpoint(engine.store, key, checkpoint_dir, every, moment)
            if path is not None:
                click.echo(f"เขียน checkpoint แล้ว / checkpoint written: {path}")
    if stopped is not None:
        raise stopped


def _swept(engine: Engine, result: SweepResult) -> str:
    """One line of the sweep as a person reads it: the case, what fired (or the duty
    recorded) and where the case went, by their labels in Thai and English."""
    try:
        case = engine.store.load(result.case_id)
    except CaseUnreadable:  # skipped by the sweep for that: shown by its ids
        case = None
    definition = engine.definition_of(case) if case is not None else None
    due = f"ครบกำหนด / due {thai_datetime(result.due)}"
    if definition is None:
        what, where = result.trigger, result.state or "-"
    else:
        trigger = definition.label_of_trigger(result.trigger)
        what = f"{trigger.th} / {trigger.en} ({result.trigger})"
        state = definition.label_of_state(result.state) if result.state else None
        where = f"{state.th} / {state.en}" if state else "-"
    if result.duty:
        flow_id, _, duty_id = result.duty.partition(".")
        owner = next((d for d in engine.flows.latest() if d.id == flow_id), None)
        duty = next((d for d in owner.duties if d.id == duty_id), None) if owner else None
        named = f"{duty.label.th} / {duty.label.en} " if duty else ""
        what = f"{named}({result.duty})"
    if result.refused:
        where = f"ปฏิเสธ / refused: {result.refused}"
    return f"{result.case_id}  {what}  {due}  → {where}"
