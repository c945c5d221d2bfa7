"""``integrity-flows flows lock|diff|migrate``: definition versions (docs/versions.md)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from integrity_flows.cli.common import (
    db_option,
    echo,
    fail,
    flows_option,
    identity_options,
    make_actor,
    open_engine,
    parse_pairs,
)
from integrity_flows.cli.progress import stepped
from integrity_flows.definition.diff import diff
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.engine.migrating import summary
from integrity_flows.engine.runtime import Engine
from integrity_flows.errors import DefinitionError, FlowError, MigrationRefused, UnknownFlow
from integrity_flows.loading.discovery import bundled_flows, default_registry
from integrity_flows.loading.lock import LOCK_FILE, update_lock


@click.command("lock")
@click.argument("folder", required=False, type=click.Path(exists=True, file_okay=False))
@click.option(
    "--bump",
    is_flag=True,
    help="Give each flow changed under a locked version the next version number "
    "/ เพิ่มเลขฉบับของขั้นตอนงานที่แก้ไขแล้ว",
)
def lock_command(folder: str | None, bump: bool) -> None:
    """Lock each flow's version and hash in FOLDER/versions.lock (the bundled flows/ by
    default) and keep its text in history/ID/VERSION.yaml; refuse a flow changed without
    a new version unless --bump / ล็อกฉบับและค่าแฮชของขั้นตอนงาน."""
    target = Path(folder) if folder is not None else bundled_flows()
    if not isinstance(target, Path):
        raise click.UsageError("the bundled flows are installed read-only: name a folder")
    try:
        done = update_lock(target, default_registry(), bump=bump)
    except DefinitionError as exc:
        for problem in exc.problems:
            echo(str(problem), err=True)
        echo(f"ไม่ได้เขียน {LOCK_FILE} / {LOCK_FILE} not written", err=True)
        raise SystemExit(1) from exc
    for flow_id, old, new in done.bumped:
        echo(f"เพิ่มเลขฉบับ / bumped: {flow_id} v{old} → v{new}")
    for flow_id, version in done.added:
        echo(f"ล็อก / locked: {flow_id} v{version}")
    echo(f"{LOCK_FILE}: {done.locked} ฉบับ / version(s) locked")


@click.command("diff")
@click.argument("flow_id")
@click.argument("old_version", type=int)
@click.argument("new_version", type=int)
@flows_option
@click.option(
    "--db",
    default=None,
    help="Also find versions kept in this store / ค้นฉบับที่เก็บในฐานข้อมูลนี้ด้วย",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per change / แสดงเป็น JSON")
def diff_command(
    flow_id: str,
    old_version: int,
    new_version: int,
    flow_dirs: tuple[str, ...],
    db: str | None,
    as_json: bool,
) -> None:
    """What changed in FLOW_ID from OLD_VERSION to NEW_VERSION: states, transitions, roles,
    guards, fields, settings and duties / ความแตกต่างระหว่างฉบับ."""
    with open_engine(db or "memory://", flow_dirs, read_only=db is not None) as engine:
        try:
            old = _version(engine, flow_id, old_version)
            new = _version(engine, flow_id, new_version)
        except FlowError as exc:
            fail(exc)
    changes = diff(old, new)
    if as_json:
        for change in changes:
            click.echo(json.dumps(change.as_dict(), ensure_ascii=False, sort_keys=True))
        return
    echo(f"{flow_id} v{old_version} → v{new_version}: {new.title.th} / {new.title.en}")
    for change in changes:
        echo(change.line())
    echo(f"{len(changes)} รายการที่แตกต่าง / {len(changes)} difference(s)")


def _version(engine: Engine, flow_id: str, version: int) -> FlowDefinition:
    found = engine.versions.candidates(flow_id, version)
    if not found:
        raise UnknownFlow(flow_id, version)
    return found[0]


@click.command("migrate")
@click.argument("flow_id")
@click.option(
    "--from",
    "from_version",
    type=int,
    required=True,
    help="Version the cases run now / ฉบับปัจจุบันของเรื่อง",
)
@click.option(
    "--to", "to_version", type=int, required=True, help="Version they move to / ฉบับที่จะย้ายไป"
)
@db_option
@flows_option
@click.option(
    "--map", "maps", multiple=True, help="OLD_STATE=NEW_STATE (repeatable) / สถานะเดิม=สถานะใหม่"
)
@click.option(
    "--set",
    "sets",
    multiple=True,
    help="FIELD=VALUE set on every case moved / ข้อมูลที่กำหนดให้ทุกเรื่องที่ย้าย",
)
@click.option(
    "--rename", "renames", multiple=True, help="OLD_FIELD=NEW_FIELD (repeatable) / ชื่อข้อมูลเดิม=ชื่อใหม่"
)
@click.option("--case", "case_ids", multiple=True, help="Only this case (repeatable) / เฉพาะเรื่องนี้")
@click.option(
    "--dry-run",
    is_flag=True,
    help="Write nothing; list every case that cannot move / ทดลองโดยไม่บันทึก",
)
@click.option(
    "--each",
    is_flag=True,
    help="Move the cases that can move, leave the others / ย้ายเฉพาะเรื่องที่ย้ายได้",
)
@click.option("--actor", "actor_id", required=True, help="Who migrates / ผู้ย้ายฉบับ")
@click.option("--role", "roles", multiple=True, help="A role the actor holds / บทบาท")
@click.option("--unit", default=None, help="The actor's unit / สังกัด")
@click.option("--reason", required=True, help="Why, recorded in each case's trail / เหตุผล")
@click.option("--at", default=None, help="The time of the migration (default: now) / วันเวลาที่ย้าย")
@identity_options
def migrate_command(
    flow_id: str,
    from_version: int,
    to_version: int,
    db: str,
    flow_dirs: tuple[str, ...],
    maps: tuple[str, ...],
    sets: tuple[str, ...],
    renames: tuple[str, ...],
    case_ids: tuple[str, ...],
    dry_run: bool,
    each: bool,
    actor_id: str,
    roles: tuple[str, ...],
    unit: str | None,
    reason: str,
    at: str | None,
) -> None:
    """Move cases of FLOW_ID from one version forward to another, each move audited in the
    case's own trail; all or none unless --each / ย้ายเรื่องไปขั้นตอนงานฉบับใหม่."""
    states = parse_pairs(maps, "--map")
    values = parse_pairs(sets, "--set")
    rename = parse_pairs(renames, "--rename")
    with open_engine(db, flow_dirs, at, must_exist=True) as engine:
        try:
            actor = make_actor(actor_id, roles, unit, None)
            at_from = len(case_ids) or sum(
                1 for c in engine.store.iter_cases(flow_id) if c.flow_version == from_version
            )
            with stepped(0 if dry_run else at_from, "ย้ายเรื่อง / cases moved") as step:
                result = engine.migrate(
                    flow_id,
                    from_version=from_version,
                    to_version=to_version,
                    actor=actor,
                    reason=reason,
                    states=states,
                    rename=rename,
                    values=values,
                    case_ids=case_ids,
                    dry_run=dry_run,
                    each=each,
                    on_each=step,
                )
        except MigrationRefused as exc:
            for case_id, reasons in exc.blocked.items():
                for said in reasons:
                    echo(f"ย้ายไม่ได้ / cannot move: {case_id}: {said.th} / {said.en}", err=True)
            echo("ไม่ได้ย้ายเรื่องใดเลย / no case was moved", err=True)
            raise SystemExit(1) from exc
        except FlowError as exc:
            fail(exc)
    for line in summary(result):
        echo(line)
    if dry_run and result.blocked:
        raise SystemExit(1)
