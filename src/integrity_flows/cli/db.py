"""``integrity-flows db``: the database's schema."""

from __future__ import annotations

import click

from integrity_flows.cli.common import db_option, flows_option, open_engine, store_url
from integrity_flows.protocols import MigratingStore
from integrity_flows.stores import open_store
from integrity_flows.stores.migrations import BUILD_TREE, MIGRATIONS


@click.group("db")
def db_group() -> None:
    """The database and its schema / ฐานข้อมูลและโครงสร้าง."""


@db_group.command("migrate")
@db_option
def migrate_command(db: str) -> None:
    """Create the tables or apply pending migrations / สร้างหรือปรับโครงสร้างฐานข้อมูล.

    Safe to run again, and from several machines at once: each migration is applied once,
    in one transaction, and recorded in the table schema_migrations.
    """
    store = open_store(store_url(db), migrate=False)
    try:
        if not isinstance(store, MigratingStore):
            click.echo("ที่เก็บข้อมูลนี้ไม่มีโครงสร้างให้ปรับ / this store has no schema to migrate")
            return
        applied = store.migrate()
        version = store.schema_version()
        built = any(n in applied and BUILD_TREE in sql for n, _, sql in MIGRATIONS)
        tree = store.tree_size() if built else 0
    finally:
        store.close()
    if applied:
        numbers = ", ".join(str(n) for n in applied)
        click.echo(
            f"ปรับโครงสร้างแล้ว ({numbers}) ขณะนี้เป็นรุ่นที่ {version} / "
            f"applied migration(s) {numbers}; schema at version {version}"
        )
        if built:
            click.echo(
                f"สร้างต้นไม้แฮชของบันทึกการตรวจสอบแล้ว {tree} เหตุการณ์ / "
                f"built the Merkle tree over {tree} event(s) of the audit trail"
            )
    else:
        click.echo(f"โครงสร้างเป็นปัจจุบันแล้ว รุ่นที่ {version} / schema up to date at version {version}")


@db_group.command("seal")
@db_option
@flows_option
@click.option(
    "--reason",
    default="sealing values written before encryption",
    show_default=True,
    help="Recorded with each case's event / เหตุผลที่บันทึกในแต่ละเรื่อง",
)
def seal_command(db: str, flow_dirs: tuple[str, ...], reason: str) -> None:
    """Seal sensitive values written in clear, once / เข้ารหัสข้อมูลอ่อนไหวที่บันทึกไว้ก่อนมีการเข้ารหัส.

    For a database whose sensitive fields hold values written before encryption existed:
    each such value is sealed with the key of this run (the store's key), and each case
    changed gets one audit event by the system (trigger seal, outcome sealed). Until then
    those values are refused on reading and audit verify reports them. Safe to run again.
    """
    with open_engine(db, flow_dirs, must_exist=True) as engine:
        sealed = engine.seal_clear_values(reason=reason)
    for found in sealed:
        click.echo(f"{found.case_id}: {', '.join(found.fields)}")
    click.echo(
        f"เข้ารหัสข้อมูลเดิมแล้ว {len(sealed)} เรื่อง / sealed values written in clear in "
        f"{len(sealed)} case(s)"
    )
