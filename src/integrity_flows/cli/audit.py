"""``integrity-flows audit``: verify, export and prove the audit trail; sign checkpoints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

import click

from integrity_flows.audit.checkpoint import SignedCheckpoint, SigningKey, VerifierKey, parse
from integrity_flows.audit.log import LOG, AwaitingLeaf, checkpoint_of, inclusion, verify_log
from integrity_flows.audit.verify import Cached, VerifyProblem, verify
from integrity_flows.cli.common import db_option, error_lines, flows_option, store_url
from integrity_flows.cli.progress import counted
from integrity_flows.engine.runtime import Engine
from integrity_flows.errors import EventUnreadable, InvalidCheckpoint, StoreError
from integrity_flows.loading.discovery import default_registry, load_library
from integrity_flows.protocols import MigratingStore, Store
from integrity_flows.stored import event_body
from integrity_flows.stores import open_store
from integrity_flows.stores.migrations import LATEST


@click.group("audit")
def audit_group() -> None:
    """The audit trail / บันทึกการตรวจสอบ."""


def open_for_reading(db: str) -> Store:
    """The store at ``db``, opened without migrating it: reading it writes nothing. A store
    whose schema is behind is refused, naming the command that brings it up to date."""
    store = open_store(store_url(db, must_exist=True), migrate=False, read_only=True)
    if isinstance(store, MigratingStore):
        try:
            version = store.schema_version()
        except StoreError:
            version = 0
        if version < LATEST:
            store.close()
            raise StoreError(
                f"ฐานข้อมูลเป็นโครงสร้างรุ่นที่ {version} ต้องเป็นรุ่นที่ {LATEST}: "
                f"สั่ง integrity-flows db migrate --db {db} ก่อน",
                f"the database's schema is at version {version}, not {LATEST}: "
                f"run integrity-flows db migrate --db {db} first",
            )
    return store


def _read_text(path: str, what_th: str, what_en: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise InvalidCheckpoint(
            f"อ่าน{what_th} {path} ไม่ได้ ({reason})", f"cannot read the {what_en} {path} ({reason})"
        ) from None


def read_checkpoint(path: str) -> SignedCheckpoint:
    """The signed checkpoint in the file at ``path``."""
    return parse(_read_text(path, "ไฟล์ checkpoint", "checkpoint file"), source=path)


def read_public_key(path: str) -> VerifierKey:
    """The public key (``<name>+<hash>+<base64>``) in the file at ``path``."""
    return VerifierKey.from_text(_read_text(path, "ไฟล์กุญแจสาธารณะ", "public key file"))


def read_signing_key(path: str) -> SigningKey:
    """The signing key (``PRIVATE+KEY+...``) in the file at ``path``."""
    return SigningKey.from_text(_read_text(path, "ไฟล์กุญแจลงนาม", "signing key file"))


def _checked(
    store: Store, paths: tuple[str, ...], public_key: str | None
) -> list[SignedCheckpoint]:
    key = read_public_key(public_key) if public_key else None
    origin = store.log_origin()
    size = store.tree_size()
    found = []
    for path in paths:
        signed = read_checkpoint(path)
        if key is not None:
            signed.check(key)
        if signed.checkpoint.origin != origin:
            raise InvalidCheckpoint(
                f"{path} บรรทัดที่ 1: checkpoint นี้เป็นของบันทึกอื่น "
                f"({signed.checkpoint.origin!r} ไม่ใช่ {origin!r})",
                f"{path} line 1: the checkpoint is of another log "
                f"({signed.checkpoint.origin!r}, not {origin!r})",
            )
        if signed.checkpoint.size > size:
            raise InvalidCheckpoint(
                f"{path} บรรทัดที่ 2: checkpoint ลงนามไว้ {signed.checkpoint.size} เหตุการณ์ "
                f"มากกว่าที่บันทึกมี ({size}): บันทึกถูกตัดทอน หรือ checkpoint ไม่ใช่ของฐานข้อมูลนี้",
                f"{path} line 2: the checkpoint's tree size {signed.checkpoint.size} is larger "
                f"than the log ({size} events): the log was truncated, or the checkpoint is "
                "not of this database",
            )
        found.append(signed)
    return found


@audit_group.command("verify")
@db_option
@click.option(
    "--checkpoint",
    "checkpoints",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="A signed checkpoint the log must extend (repeatable) / checkpoint ที่ลงนามไว้",
)
@click.option(
    "--public-key",
    type=click.Path(dir_okay=False),
    default=None,
    help="The public key checkpoints are signed with / กุญแจสาธารณะของผู้ลงนาม",
)
@flows_option
def verify_trail(
    db: str, checkpoints: tuple[str, ...], public_key: str | None, flow_dirs: tuple[str, ...]
) -> None:
    """Recompute every chain; exit 1 naming each problem / ตรวจสอบความถูกต้องของบันทึก.

    Every case is compared with its trail, and the index and deadline rows with what its
    flow derives from it (flows as loaded with --flows, with their own settings). With
    --checkpoint: check each checkpoint's signature (with --public-key), then that
    today's log extends it. Writes nothing.
    """
    store = open_for_reading(db)
    try:
        signed = _checked(store, checkpoints, public_key)
        registry = default_registry()
        engine = Engine(store, load_library(flow_dirs, registry=registry), registry=registry)
        # Engine.verify, with a bar over the events on a terminal.
        cached = Cached(store.iter_index_rows(), store.iter_deadline_rows(), engine.derived)
        events = counted(store.iter_events(), store.tree_size(), "ตรวจสอบ / verifying")
        report = verify(events, store.scan_cases(), cached)
        problems: list[VerifyProblem] = list(report.problems)
        if signed:
            found, _ = verify_log(store, [(s.source, s.checkpoint) for s in signed])
            problems.extend(found)
    finally:
        store.close()
    for problem in problems:
        click.echo(str(problem) if problem.case_id != LOG else _log_line(problem))
    summary = f"{report.cases} case(s), {report.events} event(s), digest {report.digest}"
    if signed:
        sizes = ", ".join(str(s.checkpoint.size) for s in signed)
        summary += f"; checkpoint(s) of {sizes} event(s)"
        if public_key is None:
            click.echo(
                "คำเตือน: ไม่ได้ตรวจลายมือชื่อ (ไม่ได้ระบุ --public-key) / "
                "warning: signatures not checked (no --public-key given)"
            )
    if not problems:
        click.echo(f"บันทึกการตรวจสอบถูกต้องครบถ้วน / audit trail intact: {summary}")
        return
    click.echo(
        f"บันทึกการตรวจสอบไม่ถูกต้อง {len(problems)} จุด / "
        f"audit trail NOT intact, {len(problems)} problem(s): {summary}"
    )
    raise SystemExit(1)


def _log_line(problem: VerifyProblem) -> str:
    return f"{problem.message_en} / {problem.message_th}"


@audit_group.command("checkpoint")
@db_option
@click.option(
    "--signing-key",
    required=True,
    type=click.Path(dir_okay=False),
    help="The signing key file (from key new --for signing) / ไฟล์กุญแจลงนาม",
)
@click.option(
    "--output",
    "-o",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="File to write (standard output by default) / ไฟล์ที่จะเขียน",
)
def checkpoint_command(db: str, signing_key: str, output: TextIO) -> None:
    """Sign the log's size and root hash / ลงนามขนาดและค่าแฮชรากของบันทึก.

    The checkpoint is a signed note in the transparency-log format; keep it where the
    database's writers cannot change it.
    """
    key = read_signing_key(signing_key)
    store = open_for_reading(db)
    try:
        checkpoint = checkpoint_of(store)
    finally:
        store.close()
    output.write(checkpoint.signed(key))


@audit_group.command("prove")
@click.argument("case_id")
@click.argument("pos", type=click.IntRange(min=1))
@db_option
@click.option(
    "--checkpoint",
    type=click.Path(dir_okay=False),
    default=None,
    help="Prove against this checkpoint's tree (the whole log by default) / checkpoint ที่ใช้พิสูจน์",
)
@click.option(
    "--public-key",
    type=click.Path(dir_okay=False),
    default=None,
    help="Check the checkpoint's signature with this public key / กุญแจสาธารณะของผู้ลงนาม",
)
def prove_command(
    case_id: str, pos: int, db: str, checkpoint: str | None, public_key: str | None
) -> None:
    """Print the inclusion proof of one event as JSON / พิสูจน์ว่าเหตุการณ์อยู่ในบันทึก."""
    store = open_for_reading(db)
    try:
        signed = _checked(store, (checkpoint,) if checkpoint else (), public_key)
        size = signed[0].checkpoint.size if signed else None
        try:
            proof = inclusion(store, case_id, pos, size)
        except AwaitingLeaf:
            raise click.BadParameter(
                f"event #{pos} of case {case_id} awaits its place in the log: it was written "
                "while another writer held the log, and the next write places it / "
                f"เหตุการณ์ลำดับที่ {pos} ของเรื่อง {case_id} ยังรอลำดับในบันทึกรวม "
                "(บันทึกขณะที่อีกผู้เขียนหนึ่งถือบันทึกอยู่) การเขียนครั้งถัดไปจะจัดลำดับให้",
                param_hint="POS",
            ) from None
        except LookupError:
            raise click.BadParameter(
                f"no event #{pos} of case {case_id} in the log / "
                f"ไม่พบเหตุการณ์ลำดับที่ {pos} ของเรื่อง {case_id} ในบันทึก",
                param_hint="POS",
            ) from None
        except ValueError:
            raise InvalidCheckpoint(
                f"{checkpoint}: เหตุการณ์ {case_id} ลำดับที่ {pos} ถูกบันทึกหลัง checkpoint นี้",
                f"{checkpoint}: event #{pos} of {case_id} was written after this checkpoint",
            ) from None
    finally:
        store.close()
    click.echo(json.dumps(proof, ensure_ascii=False, indent=2, sort_keys=True))


@audit_group.command("export")
@db_option
@click.option(
    "--output",
    "-o",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="File to write (standard output by default) / ไฟล์ที่จะเขียน",
)
def export_trail(db: str, output: TextIO) -> None:
    """Every event as JSON Lines, in the order written / ส่งออกบันทึก.

    An event whose stored text is not a JSON object (edited in the store) is written
    too, as its case, position, hash, seq and that text (``unreadable_body``), and
    named on standard error; the command then exits 1.
    """
    store = open_store(store_url(db, must_exist=True), read_only=True)
    unreadable = 0
    try:
        events = counted(store.iter_events_by_seq(), store.tree_size(), "ส่งออก / exporting")
        for event in events:
            try:
                body = event_body(event)
            except EventUnreadable as exc:
                unreadable += 1
                for line in error_lines(exc, "อ่านไม่ได้", "unreadable"):
                    click.echo(line, err=True)
                body = {"case_id": event.case_id, "pos": event.pos, "unreadable_body": event.body}
            record = {**body, "hash": event.hash, "seq": event.seq}
            output.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    finally:
        store.close()
    if unreadable:
        raise StoreError(
            f"อ่านเหตุการณ์ไม่ได้ {unreadable} รายการ ส่งออกตามที่เก็บไว้ (unreadable_body) "
            "ตรวจด้วยคำสั่ง audit verify",
            f"{unreadable} event(s) could not be read and were written as stored "
            "(unreadable_body); run audit verify",
        )
