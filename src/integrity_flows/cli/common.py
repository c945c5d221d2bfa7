"""Shared CLI plumbing: opening the engine, reading actors and data, printing."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO, TypedDict, TypeVar

import click
import structlog

from integrity_flows import committees
from integrity_flows.actor import Actor
from integrity_flows.audit.records import AuditEvent
from integrity_flows.calendars import (
    THAI_TZ,
    parse_date,
    parse_datetime,
    parse_int,
    sane_day,
    sane_fiscal_year,
    thai_date,
    thai_datetime,
)
from integrity_flows.cli.keys import cli_key
from integrity_flows.clock import FixedClock
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.directory import open_directory
from integrity_flows.display import DigitStyle, pad, styled_digits
from integrity_flows.engine.migration import MIGRATE
from integrity_flows.engine.runtime import Engine
from integrity_flows.engine.sensitive import READ_TRIGGER
from integrity_flows.errors import BadActorId, FlowError
from integrity_flows.identity import is_reserved, normalize_id, printable

F = TypeVar("F", bound=Callable[..., Any])

DB_ENV = "INTEGRITY_FLOWS_DB"
DIGITS_ENV = "INTEGRITY_FLOWS_DIGITS"


def digit_style(lang: str | None = None) -> DigitStyle:
    """The digits of this run's screens: ``--digits`` (or INTEGRITY_FLOWS_DIGITS), else
    Thai for ``--lang th`` and Arabic otherwise."""
    ctx = click.get_current_context(silent=True)
    given = ctx.find_root().params.get("digits") if ctx else None
    if given in ("thai", "arabic"):
        return "thai" if given == "thai" else "arabic"
    return "thai" if lang == "th" else "arabic"


def cli_logger() -> Any:
    """The engine's logger for a CLI run: JSON lines on stderr, shown only with --verbose.

    The CLI hands this logger to the engine instead of configuring structlog for the
    whole process, so embedding or testing the CLI never changes anyone else's logging.
    """
    ctx = click.get_current_context(silent=True)
    verbose = bool(ctx and ctx.find_root().params.get("verbose"))
    return structlog.wrap_logger(
        structlog.PrintLogger(sys.stderr),
        wrapper_class=structlog.make_filtering_bound_logger(
            logging.DEBUG if verbose else logging.WARNING
        ),
        processors=[
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso"),
            structlog.processors.JSONRenderer(ensure_ascii=False),
        ],
    )


def store_url(db: str, *, must_exist: bool = False) -> str:
    """A store URL from what was given: a URL as is, a bare path as SQLite.

    With ``must_exist`` a bare path must name an existing file: reading or verifying a
    mistyped path must not quietly create an empty database and call it intact.
    """
    if not db.strip():
        # SQLite would open a nameless database, deleted when the command ends: a case
        # started there would be reported started and be gone.
        raise click.BadParameter(
            "no database given (an empty path) / ไม่ได้ระบุฐานข้อมูล", param_hint="--db"
        )
    if "://" in db:
        return db
    if Path(db).is_dir():
        raise click.BadParameter(
            f"{db} is a folder, not a database file / {db} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล",
            param_hint="--db",
        )
    if must_exist and not Path(db).is_file():
        raise click.BadParameter(f"no database at {db} / ไม่พบฐานข้อมูลที่ {db}", param_hint="--db")
    return f"sqlite:///{Path(db).resolve()}" if Path(db).is_absolute() else f"sqlite:///{db}"


def with_options(*options: Callable[[F], F]) -> Callable[[F], F]:
    """A decorator applying click ``options`` in the order written (as stacked decorators
    written top to bottom would)."""

    def apply(func: F) -> F:
        for option in reversed(options):
            func = option(func)
        return func

    return apply


def output_option(func: F) -> F:
    """``--output/-o FILE``: where a command writes what it makes (standard output by default)."""
    return click.option(
        "--output",
        "-o",
        type=click.File("w", encoding="utf-8"),
        default="-",
        help="File to write (standard output by default) / ไฟล์ที่จะเขียน",
    )(func)


def db_option(func: F) -> F:
    """``--db PATH``: the SQLite file (or a store URL); INTEGRITY_FLOWS_DB by default."""
    return click.option(
        "--db",
        required=True,
        envvar=DB_ENV,
        show_envvar=True,
        help="SQLite file or store URL / ไฟล์ฐานข้อมูล",
    )(func)


def flows_option(func: F) -> F:
    """``--flows DIR`` (repeatable): extra folders of flow files."""
    return click.option(
        "--flows",
        "flow_dirs",
        multiple=True,
        type=click.Path(exists=True, file_okay=False),
        help="Extra folder of flow files (repeatable) / โฟลเดอร์ขั้นตอนงานเพิ่มเติม",
    )(func)


class Overrides(TypedDict):
    """The sources a run lets replace flows, and whether it loads the bundled flows
    (keyword arguments of ``load_library``)."""

    overrides: tuple[str, ...]
    override_plugins: tuple[str, ...]
    bundled: bool


def flow_overrides() -> Overrides:
    """The sources this run lets replace flows of the same id, given before the command:
    ``integrity-flows --override-flows DIR --override-plugin NAME ...``; the keyword
    arguments of :func:`~integrity_flows.loading.load_library` and ``Engine.open``."""
    ctx = click.get_current_context(silent=True)
    params = ctx.find_root().params if ctx else {}
    return Overrides(
        overrides=tuple(params.get("override_flows") or ()),
        override_plugins=tuple(params.get("override_plugins") or ()),
        bundled=not params.get("without_bundled_flows"),
    )


def _fiscal_year(_ctx: click.Context, _param: click.Parameter, value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return sane_fiscal_year(parse_int(value))
    except ValueError as exc:
        msg = f"not a fiscal year: {value!r} ({exc}) / ปีงบประมาณไม่ถูกต้อง: {value!r}"
        raise click.BadParameter(msg) from exc


def _year_option(func: F, *, required: bool) -> F:
    return click.option(
        "--fiscal-year",
        "fiscal_year",
        required=required,
        callback=_fiscal_year,
        help="Fiscal year, B.E. (Thai digits accepted) / ปีงบประมาณ พ.ศ.",
    )(func)


def fiscal_year_option(func: F) -> F:
    """``--fiscal-year``: a B.E. year (Thai digits accepted), handed on as a whole number."""
    return _year_option(func, required=True)


def optional_fiscal_year_option(func: F) -> F:
    """``--fiscal-year`` where it may be left out (None): a report about one case."""
    return _year_option(func, required=False)


def typed_date(text: str, param_hint: str) -> date:
    """A date as a person writes it (B.E., Thai digits and month names accepted), or a
    usage error naming the option."""
    try:
        return sane_day(parse_date(text))
    except (ValueError, OverflowError) as exc:
        raise click.BadParameter(
            f"not a date: {text!r} ({exc}) / วันที่ไม่ถูกต้อง: {text!r}", param_hint=param_hint
        ) from None


def typed_moment(text: str, param_hint: str) -> datetime:
    """An instant as a person writes it (a date, or ISO 8601; B.E. accepted), within the
    plausible dates, or a usage error naming the option."""
    try:
        moment = parse_datetime(text)
        sane_day(moment.astimezone(THAI_TZ).date())
    except (ValueError, OverflowError) as exc:
        raise click.BadParameter(
            f"not a date or time: {text!r} ({exc}) / วันเวลาไม่ถูกต้อง: {text!r}",
            param_hint=param_hint,
        ) from None
    return moment


# --- who acts: directory or trust (issue 16) ------------------------------------
#
# ``--directory FILE`` / ``INTEGRITY_FLOWS_DIRECTORY`` and ``--trust-actors`` /
# ``INTEGRITY_FLOWS_TRUST_ACTORS`` are added to every command that acts by
# :func:`identity_options`; they store what they are given in the root context's
# ``meta`` (expose_value=False), so no command's signature changes. ``open_engine``
# hands the directory to the engine; ``make_actor`` refuses a reserved or malformed id,
# and without a directory requires the trust flag and says once what it means.

DIRECTORY_ENV = "INTEGRITY_FLOWS_DIRECTORY"
TRUST_ENV = "INTEGRITY_FLOWS_TRUST_ACTORS"
_DIRECTORY_META = "integrity_flows.directory"
_TRUST_META = "integrity_flows.trust_actors"
_WARNED_META = "integrity_flows.trust_warned"
TRUST_WARNING = (
    "คำเตือน: ไม่ได้ระบุทะเบียนบุคลากร (--directory) ระบบจะบันทึกผู้ดำเนินการและบทบาทตามที่ระบุมา"
    "โดยไม่ตรวจสอบ / warning: no directory (--directory): the identity and roles given are "
    "recorded as told, unchecked"
)


def _keep(name: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    def store(ctx: click.Context, _param: click.Parameter, value: Any) -> None:
        if value:
            ctx.find_root().meta[name] = value

    return store


def identity_options(func: F) -> F:
    """``--directory FILE`` and ``--trust-actors``: who may act on the command line."""
    func = click.option(
        "--trust-actors",
        is_flag=True,
        envvar=TRUST_ENV,
        expose_value=False,
        callback=_keep(_TRUST_META),
        help="Without a directory: record --actor and --role as given, unchecked "
        "/ บันทึกผู้ดำเนินการตามที่ระบุโดยไม่ตรวจสอบ",
    )(func)
    return click.option(
        "--directory",
        envvar=DIRECTORY_ENV,
        show_envvar=True,
        expose_value=False,
        callback=_keep(_DIRECTORY_META),
        help="Directory of people, posts and units (YAML or CSV, or an entry point name): "
        "--actor must be a person in it / ทะเบียนบุคลากร",
    )(func)


def cli_directory() -> Any:
    """The directory this run was given (None: none), read once."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return None
    meta = ctx.find_root().meta
    found = meta.get(_DIRECTORY_META)
    if isinstance(found, str):
        found = meta[_DIRECTORY_META] = open_directory(found)
    return found


def actor_id_of(text: str, param_hint: str = "--actor") -> str:
    """An id given on the command line in canonical form; a usage error when it is
    malformed or reserved for the engine (``system``)."""
    try:
        found = normalize_id(text)
    except BadActorId as exc:
        msg = f"{exc.message_en} / {exc.message_th}"
        raise click.BadParameter(msg, param_hint=param_hint) from exc
    if is_reserved(found):
        raise click.BadParameter(
            f"'{found}' is reserved for the engine and cannot be given on the command line "
            f"/ '{found}' สงวนไว้สำหรับระบบ ระบุทางบรรทัดคำสั่งไม่ได้",
            param_hint=param_hint,
        )
    return found


def _require_trust_or_directory() -> None:
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return
    root = ctx.find_root()
    if root.meta.get(_DIRECTORY_META) is not None:
        return
    if not root.meta.get(_TRUST_META):
        raise click.UsageError(
            "no directory to check who acts: give --directory FILE (or "
            f"{DIRECTORY_ENV}), or --trust-actors ({TRUST_ENV}=1) to record the identity "
            "given unchecked / ไม่มีทะเบียนบุคลากรให้ตรวจสอบผู้ดำเนินการ: ระบุ --directory "
            "หรือ --trust-actors"
        )
    if not root.meta.get(_WARNED_META):
        root.meta[_WARNED_META] = True
        click.echo(TRUST_WARNING, err=True)


# --- end of who acts ---------------------------------------------------------------


def open_engine(
    db: str,
    flow_dirs: Iterable[str] = (),
    at: str | None = None,
    *,
    must_exist: bool = False,
    settings: Mapping[str, Mapping[str, Any]] | None = None,
    read_only: bool = False,
) -> Engine:
    """The engine on ``db``, with a fixed clock when ``at`` is given, the key of this run
    (see :mod:`integrity_flows.cli.keys`) and any setting overrides. ``read_only`` (the
    commands that only read) opens an existing database without migrating it and refuses
    one that is not ours."""
    clock = FixedClock(typed_moment(at, "--at")) if at else None
    url = store_url(db, must_exist=must_exist or read_only)
    return Engine.open(
        url,
        flows=list(flow_dirs),
        **flow_overrides(),
        clock=clock,
        logger=cli_logger(),
        key=cli_key(),
        settings=settings,
        directory=cli_directory(),
        read_only=read_only,
    )


def make_actor(
    actor_id: str, roles: Iterable[str], unit: str | None, definition: FlowDefinition | None
) -> Actor:
    """An actor whose roles may be written by id or by Thai/English label.

    The id is checked (:func:`actor_id_of`); without a directory, only under
    ``--trust-actors``. With one, the engine takes the person's roles and unit from it.
    """
    actor_id = actor_id_of(actor_id)
    _require_trust_or_directory()
    resolved = []
    for role in roles:
        found = definition.role_id(role) if definition else None
        resolved.append(found or role)
    return Actor(actor_id, roles=frozenset(resolved), unit=unit)


def parse_pairs(pairs: Iterable[str], param_hint: str = "--data") -> dict[str, str]:
    """``key=value`` pairs (keys may be labels; values may use Thai digits)."""
    data: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(
                f"expected key=value, got {pair!r} / ต้องเขียนเป็น ชื่อ=ค่า", param_hint=param_hint
            )
        data[key.strip()] = value
    return data


def read_data_file(handle: TextIO | None) -> dict[str, Any]:
    """The data in a ``--data-file``: a JSON object, or ``key=value`` lines (blank lines
    and lines starting with ``#`` skipped). ``-`` is standard input. This is how sensitive
    values are given: unlike ``--data``, they never appear in the process table or in the
    shell's history."""
    if handle is None:
        return {}
    name = getattr(handle, "name", "-")
    try:
        text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise click.BadParameter(
            f"cannot read {name} as UTF-8 text ({exc}) / อ่านไฟล์ {name} เป็นข้อความ UTF-8 ไม่ได้",
            param_hint="--data-file",
        ) from None
    if text.lstrip().startswith("{"):
        try:
            found = json.loads(text)
        except (ValueError, RecursionError) as exc:  # RecursionError: nested too deep
            raise click.BadParameter(
                f"{name} is not a JSON object ({exc}) / ไฟล์ {name} ไม่ใช่ JSON ที่ถูกต้อง",
                param_hint="--data-file",
            ) from None
        if not isinstance(found, dict):
            raise click.BadParameter(
                f"{name} must hold one JSON object / ไฟล์ {name} ต้องเป็น JSON object",
                param_hint="--data-file",
            )
        return found
    lines = [
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    return parse_pairs(lines, param_hint="--data-file")


def gather_data(pairs: Iterable[str], data_file: TextIO | None) -> dict[str, Any]:
    """The data of ``--data`` pairs and a ``--data-file``; a field given in both is refused."""
    given = parse_pairs(pairs)
    from_file = read_data_file(data_file)
    twice = sorted(set(given) & set(from_file))
    if twice:
        names = ", ".join(twice)
        raise click.BadParameter(
            f"{names} given both in --data and in --data-file / ระบุ {names} ซ้ำทั้งสองทาง",
            param_hint="--data-file",
        )
    return {**from_file, **given}


def error_lines(error: FlowError, th: str = "ไม่สำเร็จ", en: str = "refused") -> list[str]:
    """The lines that say ``error`` in Thai then English; an error listing problems (each
    already in both languages) lists them once, after both."""
    problems = getattr(error, "problems", ())
    if not problems:
        text = f"{th}: {error.message_th}\n{en}: {error.message_en}"
        return [printable(line) for line in text.splitlines()]
    heads = [f"{th}: {error.message_th.splitlines()[0].rstrip(':')}"]
    heads.append(f"{en}: {error.message_en.splitlines()[0].rstrip(':')}")
    return [printable(line) for line in heads] + [printable(f"  {p}") for p in problems]


def fail(error: FlowError) -> None:
    """Print a refusal or error in both languages and exit with status 1."""
    for line in error_lines(error):
        click.echo(line, err=True)
    raise SystemExit(1)


def shown(text: object) -> str:
    """A line as a person reads it: stored text's control characters escaped, every
    number and date in this run's digit style (:func:`digit_style`)."""
    return styled_digits(printable(text), digit_style())


def echo(text: object, *, err: bool = False) -> None:
    """Print a line a person reads: stored text's control characters escaped, every
    number and date in this run's digit style (:func:`digit_style`)."""
    click.echo(shown(text), err=err)


def when(at: str | datetime) -> str:
    """An instant as people read it here: Thai time, Buddhist Era."""
    moment = datetime.fromisoformat(at.replace("Z", "+00:00")) if isinstance(at, str) else at
    return thai_datetime(moment)


def shown_value(kind: str, value: Any) -> str:
    """A data value as a person reads it: a date in the Buddhist Era (``5 ต.ค. 2566``), an
    instant in Thai time, anything else as stored."""
    try:
        if kind == "date" and isinstance(value, str):
            return thai_date(date.fromisoformat(value[:10]), digits=False)
        if kind == "datetime" and isinstance(value, str):
            return when(value)
    except ValueError:
        return str(value)  # not what its type says (an older version): shown as stored
    if isinstance(value, date | datetime):
        return when(value) if isinstance(value, datetime) else thai_date(value, digits=False)
    return str(value)


def describe_event(event: AuditEvent, definition: FlowDefinition | None) -> str:
    """One line of a case history, stored text escaped (a newline cannot forge a line)."""
    return printable(_describe_event(event, definition))


def _describe_event(event: AuditEvent, definition: FlowDefinition | None) -> str:

    def label(kind: str, name: str | None) -> str:
        if name is None:
            return "-"
        if kind == "trigger" and name == READ_TRIGGER:
            return "เปิดอ่านข้อมูลอ่อนไหว (read sensitive data)"
        if kind == "trigger" and name == MIGRATE:
            return "ย้ายไปขั้นตอนงานฉบับใหม่ (migrate)"
        if definition is None:
            return name
        found = (
            definition.label_of_state(name)
            if kind == "state"
            else definition.label_of_trigger(name)
        )
        return f"{found.th} ({found.en})"

    move = f"{label('state', event.from_state)} → {label('state', event.to_state)}"
    line = (
        f"#{event.pos:<3} {pad(when(event.at), 18)}  {pad(event.actor, 12)} "
        f"{label('trigger', event.trigger)}"
    )
    if event.moved:
        if event.committee:
            th, en = committees.describe(event.committee)
            return f"{line}: {th} / {en}"
        resolution = event.authority.get("resolution")
        if resolution:
            th, en = committees.describe_resolution(resolution)
            return f"{line}: {move} — {th} / {en}"
        return f"{line}: {move}"
    return f"{line}: {_outcome(event, definition, move)}"


def _outcome(event: AuditEvent, definition: FlowDefinition | None, move: str) -> str:
    """What an event that is not a plain move did (after its actor and trigger)."""
    if event.outcome == "migrated":
        moved = event.authority.get("migration") or {}
        versions = f"v{moved.get('from_version')} → v{moved.get('to_version')}"
        return f"ฉบับ / version {versions}: {move} — {event.reason or '-'}"
    if event.outcome == "read":
        return f"{_read(event, definition)}"
    if event.outcome == "sealed":
        names = ", ".join(event.data)
        return f"เข้ารหัสข้อมูลที่บันทึกไว้ก่อนมีการเข้ารหัส / sealed values written in clear: {names}"
    reasons = "; ".join(r["th"] for r in event.reasons)
    return f"ปฏิเสธ / refused [{event.refusal}] {reasons}"


def _read(event: AuditEvent, definition: FlowDefinition | None) -> str:
    """A reading of sensitive data: which field (never its value) and why."""
    names = []
    for name in event.data:
        field = definition.data.get(name) if definition else None
        names.append(f"{field.label.th} ({field.label.en})" if field else name)
    return f"{', '.join(names)}: {event.reason or '-'}"


def feature_folder(features: str | None) -> Path | None:
    """The folder of ``.feature`` files a command reads: the one given (which must exist),
    else ``features`` in the current folder when there is one, else none."""
    if features is not None:
        path = Path(features)
        if not path.exists():
            raise click.BadParameter(
                f"'{features}' does not exist / ไม่พบ '{features}'", param_hint="--features"
            )
        return path
    default = Path("features")
    return default if default.is_dir() else None
