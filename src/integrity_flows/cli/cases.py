"""``integrity-flows case``: start, fire, show, list and read the history of cases."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import attrs
import click

from integrity_flows.actor import Actor
from integrity_flows.calendars import thai_datetime
from integrity_flows.case import Case
from integrity_flows.cli.common import (
    db_option,
    describe_event,
    echo,
    fail,
    flows_option,
    gather_data,
    identity_options,
    make_actor,
    open_engine,
    shown,
    shown_value,
    when,
    with_options,
)
from integrity_flows.cli.exports import emit_list, list_format_options, need_output
from integrity_flows.definition.model import Field, FlowDefinition, Label
from integrity_flows.engine.data import redact
from integrity_flows.engine.runtime import Engine
from integrity_flows.errors import FlowError
from integrity_flows.loading.hints import hint

_actor_options = [
    click.option("--actor", "actor_id", required=True, help="Who acts / ผู้ดำเนินการ"),
    click.option(
        "--role",
        "roles",
        multiple=True,
        help="A role the actor holds, id or label (repeatable) / บทบาท",
    ),
    click.option("--unit", default=None, help="The actor's unit / สังกัด"),
    click.option("--data", "pairs", multiple=True, help="key=value (repeatable) / ข้อมูล"),
    click.option(
        "--data-file",
        "data_file",
        type=click.File("r", encoding="utf-8"),
        default=None,
        help="Data from a file (- for standard input): a JSON object or key=value lines. "
        "Give sensitive values this way, never with --data / ข้อมูลจากไฟล์ (ข้อมูลอ่อนไหวให้ส่งทางนี้)",
    ),
    click.option("--reason", default=None, help="Why, recorded in the audit trail / เหตุผล"),
    click.option(
        "--at", default=None, help="Record at this time instead of now (date or ISO time) / ณ วันที่"
    ),
]


@attrs.frozen
class Acting:
    """Who acts and with what, as the options of :func:`actor_options` give it."""

    actor_id: str
    roles: tuple[str, ...]
    unit: str | None
    pairs: tuple[str, ...]
    data_file: TextIO | None
    reason: str | None
    at: str | None

    def actor(self, definition: FlowDefinition) -> Actor:
        """The actor, their roles read by id or label in ``definition``."""
        return make_actor(self.actor_id, self.roles, self.unit, definition)

    def data(self) -> dict[str, Any]:
        """The data of ``--data`` and ``--data-file``."""
        return gather_data(self.pairs, self.data_file)


def actor_options(func: Callable[..., None]) -> Callable[..., None]:
    """The options naming who acts and with what (with --directory and --trust-actors),
    handed to the command as one :class:`Acting`, its ``acting`` parameter."""

    @functools.wraps(func)
    def command(
        *args: Any,
        actor_id: str,
        roles: tuple[str, ...],
        unit: str | None,
        pairs: tuple[str, ...],
        data_file: TextIO | None,
        reason: str | None,
        at: str | None,
        **kwargs: Any,
    ) -> None:
        acting = Acting(actor_id, roles, unit, pairs, data_file, reason, at)
        func(*args, acting=acting, **kwargs)

    return with_options(*_actor_options, identity_options)(command)


@click.group("case")
def case_group() -> None:
    """Cases / เรื่อง."""


def _print_case(engine: Engine, case: Case) -> None:
    definition = engine.definition_of(case)
    state = definition.label_of_state(case.state)
    echo(f"เรื่อง / case: {case.id}")
    echo(
        f"ขั้นตอนงาน / flow: {definition.title.th} / {definition.title.en} "
        f"({case.flow_id} v{case.flow_version})"
    )
    echo(f"สถานะ / state: {state.th} / {state.en} ({case.state}), version {case.version}")
    for name, value in redact(definition, case.data).items():
        spec = definition.data[name]
        label = spec.label
        if spec.type == "records" and isinstance(value, list):
            echo(f"  {label.th} / {label.en}: {len(value)} รายการ/item(s)")
            for index, item in enumerate(value, start=1):
                shown = (
                    "; ".join(f"{k}={v}" for k, v in item.items())
                    if isinstance(item, dict)
                    else item
                )
                echo(f"    {index}. {shown}")
            continue
        echo(f"  {label.th} / {label.en}: {_field_value(spec, value)}")
    for deadline in case.deadlines:
        trigger = definition.label_of_trigger(deadline.trigger)
        echo(f"กำหนดเวลา / deadline: {trigger.th} / {trigger.en} {thai_datetime(deadline.due)}")


def _field_value(spec: Field, value: object) -> str:
    """A field's value as a person reads it: a choice by its labels (and id), yes or no
    in both languages, a date in the Buddhist Era."""
    if spec.type == "enum" and isinstance(value, str) and value in spec.choice_labels:
        choice = spec.choice_labels[value]
        return f"{choice.th} / {choice.en} ({value})"
    if isinstance(value, bool):
        return "ใช่ / yes" if value else "ไม่ใช่ / no"
    return shown_value(spec.type, value)


@case_group.command("start")
@click.argument("flow_id")
@db_option
@flows_option
@click.option(
    "--case-id",
    "case_id",
    default=None,
    help="The new case's id, e.g. a document number (default: drawn at random) / เลขที่เรื่อง",
)
@actor_options
def start_case(
    flow_id: str,
    db: str,
    flow_dirs: tuple[str, ...],
    case_id: str | None,
    acting: Acting,
) -> None:
    """Start a case of FLOW_ID / เริ่มเรื่อง."""
    with open_engine(db, flow_dirs, acting.at) as engine:
        try:
            case = engine.start(
                flow_id,
                actor=acting.actor(engine.flows.get(flow_id)),
                data=acting.data(),
                reason=acting.reason,
                case_id=case_id,
            )
        except FlowError as exc:
            fail(exc)
        _print_case(engine, case)


@case_group.command("fire")
@click.argument("case_id")
@click.argument("trigger")
@db_option
@flows_option
@actor_options
def fire_case(
    case_id: str,
    trigger: str,
    db: str,
    flow_dirs: tuple[str, ...],
    acting: Acting,
) -> None:
    """Fire TRIGGER (id or label) on CASE_ID / ดำเนินการในเรื่อง."""
    with open_engine(db, flow_dirs, acting.at, must_exist=True) as engine:
        try:
            actor = acting.actor(engine.definition_of(engine.get(case_id)))
            case = engine.fire(
                case_id, trigger, actor=actor, data=acting.data(), reason=acting.reason
            )
        except FlowError as exc:
            fail(exc)
        _print_case(engine, case)


@case_group.command("show")
@click.argument("case_id")
@db_option
@flows_option
def show_case(case_id: str, db: str, flow_dirs: tuple[str, ...]) -> None:
    """Show a case (sensitive fields hidden) / แสดงเรื่อง."""
    with open_engine(db, flow_dirs, read_only=True) as engine:
        try:
            _print_case(engine, engine.get(case_id))
        except FlowError as exc:
            fail(exc)


_LIST_COLUMNS = (
    ("case", Label("เรื่อง", "case")),
    ("flow", Label("ขั้นตอนงาน", "flow")),
    ("flow_version", Label("ฉบับ", "flow version")),
    ("state", Label("สถานะ", "state")),
    ("state_label", Label("ชื่อสถานะ", "state label")),
    ("version", Label("รุ่น", "version")),
    ("updated_at", Label("ปรับปรุงเมื่อ", "updated at")),
)


def _known_filter(engine: Engine, flow_id: str | None, state: str | None) -> None:
    """A usage error for a --flow or --state no loaded flow has: a misspelt filter would
    list no case and read as "there are none"."""
    definitions = list(engine.flows)
    if flow_id is not None and flow_id not in {d.id for d in definitions}:
        en, th = hint(flow_id, {d.id for d in definitions})
        raise click.BadParameter(
            f"unknown flow '{flow_id}'{en} / ไม่รู้จักขั้นตอนงาน '{flow_id}'{th}", param_hint="--flow"
        )
    if state is None:
        return
    states = {name for d in definitions if flow_id in (None, d.id) for name in d.states}
    if state not in states:
        en, th = hint(state, states)
        raise click.BadParameter(
            f"unknown state '{state}'{en} / ไม่รู้จักสถานะ '{state}'{th}", param_hint="--state"
        )


@case_group.command("list")
@db_option
@flows_option
@click.option("--flow", "flow_id", default=None, help="Only cases of this flow / เฉพาะขั้นตอนงาน")
@click.option("--state", default=None, help="Only cases in this state / เฉพาะสถานะ")
@list_format_options
def list_cases(
    db: str,
    flow_dirs: tuple[str, ...],
    flow_id: str | None,
    state: str | None,
    fmt: str,
    output: str | None,
) -> None:
    """List cases / รายการเรื่อง."""
    need_output(fmt, output)
    rows = []
    with open_engine(db, flow_dirs, read_only=True) as engine:
        _known_filter(engine, flow_id, state)
        for case in engine.cases(flow_id, state):
            try:
                label = engine.definition_of(case).label_of_state(case.state)
            except FlowError:  # its version neither loaded nor kept: named by verify
                label = Label(case.state, case.state)
            machine = fmt in ("json", "csv")
            updated = case.updated_at.isoformat() if fmt == "json" else when(case.updated_at)
            rows.append(
                (
                    case.id,
                    case.flow_id,
                    case.flow_version,
                    case.state,
                    f"{label.th} / {label.en}" if not machine else label.th,
                    case.version,
                    updated,
                )
            )
    emit_list(fmt, "cases", _LIST_COLUMNS, rows, output=output, show=shown)


_HISTORY_COLUMNS = (
    ("pos", Label("ลำดับ", "pos")),
    ("at", Label("เมื่อ", "at")),
    ("actor", Label("ผู้ดำเนินการ", "actor")),
    ("trigger", Label("การดำเนินการ", "trigger")),
    ("outcome", Label("ผล", "outcome")),
    ("from_state", Label("จากสถานะ", "from")),
    ("to_state", Label("เป็นสถานะ", "to")),
    ("refusal", Label("เหตุที่ปฏิเสธ", "refusal")),
)


@case_group.command("history")
@click.argument("case_id")
@db_option
@flows_option
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="One JSON object per event (JSON Lines) / แสดงเป็น JSON ทีละเหตุการณ์",
)
@list_format_options
def case_history(
    case_id: str,
    db: str,
    flow_dirs: tuple[str, ...],
    as_json: bool,
    fmt: str,
    output: str | None,
) -> None:
    """The audit events of a case, oldest first / ประวัติของเรื่อง.

    --format json (or --json) prints one JSON object per event (JSON Lines); csv and
    xlsx one row per event.
    """
    fmt = "json" if as_json else fmt
    need_output(fmt, output)
    with open_engine(db, flow_dirs, read_only=True) as engine:
        try:
            events = engine.history(case_id)
        except FlowError as exc:
            fail(exc)
        case = engine.store.load(case_id)
        definition = engine.definition_of(case) if case else None
    if fmt in ("csv", "xlsx"):
        rows = [
            (e.pos, when(e.at), e.actor, e.trigger, e.outcome, e.from_state, e.to_state,
             e.refusal)
            for e in events
        ]  # fmt: skip
        emit_list(fmt, case_id, _HISTORY_COLUMNS, rows, output=output)
        return
    if fmt == "json":
        lines = [json.dumps(e.as_dict(), ensure_ascii=False, sort_keys=True) for e in events]
    else:
        lines = [shown(describe_event(e, definition)) for e in events]
    text = "".join(f"{line}\n" for line in lines)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@case_group.command("reveal")
@click.argument("case_id")
@click.argument("field")
@db_option
@flows_option
@click.option("--actor", "actor_id", required=True, help="Who reads / ผู้เปิดอ่าน")
@click.option("--role", "roles", multiple=True, help="A role the reader holds / บทบาท")
@click.option("--unit", default=None, help="The reader's unit / สังกัด")
@click.option("--reason", required=True, help="Why, recorded in the audit trail / เหตุผล")
@identity_options
def reveal_field(
    case_id: str,
    field: str,
    db: str,
    flow_dirs: tuple[str, ...],
    actor_id: str,
    roles: tuple[str, ...],
    unit: str | None,
    reason: str,
) -> None:
    """Read a sensitive FIELD of CASE_ID in clear; the reading is audited / เปิดอ่านข้อมูลอ่อนไหว."""
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        try:
            definition = engine.definition_of(engine.get(case_id))
            actor = make_actor(actor_id, roles, unit, definition)
            value = engine.reveal(case_id, field, actor=actor, reason=reason)
        except FlowError as exc:
            fail(exc)
        label = definition.data[field].label if field in definition.data else None
    if value is None:
        # The reading is recorded all the same; what it found is nothing, which a script
        # must not mistake for a value ("null", exit 0).
        th, en = (label.th, label.en) if label else (field, field)
        echo(f"ไม่มีค่า: เรื่อง {case_id} ไม่ได้บันทึก {th} (การเปิดอ่านถูกบันทึกไว้แล้ว)", err=True)
        echo(f"no value: case {case_id} holds no {en} (the reading is recorded)", err=True)
        raise SystemExit(1)
    echo(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
