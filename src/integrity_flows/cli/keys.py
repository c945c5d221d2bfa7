"""``integrity-flows key``: the key that protects sensitive data, and where the CLI finds it.

The command line takes the key, in this order, from ``--key-file PATH`` (before the
command: ``integrity-flows --key-file k.key case show ...``), from the file named by
``INTEGRITY_FLOWS_KEY_FILE``, or from the key text in ``INTEGRITY_FLOWS_KEY``. Without
one, commands run, but nothing sensitive can be written or read in clear.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import click

from integrity_flows.audit.checkpoint import SigningKey
from integrity_flows.errors import InvalidKey
from integrity_flows.protection.keys import FieldKey

KEY_ENV = "INTEGRITY_FLOWS_KEY"
KEY_FILE_ENV = "INTEGRITY_FLOWS_KEY_FILE"


def read_key_file(path: str | Path) -> FieldKey:
    """The key kept in the file at ``path``; a warning on standard error when users other
    than its owner may read or change the file."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidKey(
            f"อ่านไฟล์กุญแจ {path} ไม่ได้ ({exc.strerror})",
            f"cannot read the key file {path} ({exc.strerror})",
        ) from None
    if mode & 0o077:
        click.echo(
            f"คำเตือน: ผู้อื่นอ่านหรือแก้ไขไฟล์กุญแจ {path} ได้ (สิทธิ์ {mode:03o}) "
            f"ควรสั่ง chmod 600 {path}\n"
            f"warning: users other than its owner may read or change the key file {path} "
            f"(mode {mode:03o}); run chmod 600 {path}",
            err=True,
        )
    return FieldKey.from_text(text)


def write_key_file(path: str | Path, key: FieldKey) -> None:
    """Write ``key`` to a new file only its owner may read; an existing file is kept."""
    write_secret_file(path, key.text)


def write_secret_file(path: str | Path, text: str) -> None:
    """Write ``text`` to a new file only its owner may read; an existing file is kept."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise click.BadParameter(
            f"{path} exists; a key file is never overwritten / มีไฟล์ {path} อยู่แล้ว ไม่เขียนทับไฟล์กุญแจ",
            param_hint="--output",
        ) from None
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")


def cli_key_file() -> str | None:
    """The key file this run names: ``--key-file``, else INTEGRITY_FLOWS_KEY_FILE."""
    ctx = click.get_current_context(silent=True)
    given = ctx.find_root().params.get("key_file") if ctx else None
    return str(given) if given else os.environ.get(KEY_FILE_ENV) or None


def cli_key() -> FieldKey | None:
    """The key for this run: ``--key-file``, then INTEGRITY_FLOWS_KEY_FILE, then
    INTEGRITY_FLOWS_KEY; None when none is given."""
    path = cli_key_file()
    if path:
        return read_key_file(path)
    text = os.environ.get(KEY_ENV)
    return FieldKey.from_text(text) if text else None


@click.group("key")
def key_group() -> None:
    """The key protecting sensitive data / กุญแจเข้ารหัสข้อมูลอ่อนไหว."""


@key_group.command("new")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the key to this new file (mode 600) instead of printing it / ไฟล์กุญแจใหม่",
)
@click.option(
    "--for",
    "purpose",
    type=click.Choice(["data", "signing"]),
    default="data",
    show_default=True,
    help="data: protects sensitive data; signing: signs audit checkpoints (Ed25519) "
    "/ กุญแจเข้ารหัสข้อมูลหรือกุญแจลงนาม",
)
@click.option(
    "--name",
    default="integrity-flows",
    show_default=True,
    help="The signing key's name, shown in each signature line (no spaces, no '+') / ชื่อกุญแจลงนาม",
)
def new_key(output: str | None, purpose: str, name: str) -> None:
    """Make a new random key / สร้างกุญแจใหม่.

    Keep it safe and apart from the database: whoever has both reads the sensitive data;
    without it, nobody can, you included. A signing key (--for signing, written to
    --output only) signs the audit trail's checkpoints; its public half is printed, for
    the auditors who check them.
    """
    if purpose == "signing":
        _new_signing_key(output, name)
        return
    key = FieldKey.generate()
    if output is None:
        click.echo(key.text)
        return
    write_key_file(output, key)
    click.echo(
        f"สร้างกุญแจแล้ว / key written: {output} (fingerprint {key.fingerprint}); "
        f"use it with {KEY_FILE_ENV}={output} or --key-file {output}",
        err=True,
    )


def _new_signing_key(output: str | None, name: str) -> None:
    if output is None:
        raise click.UsageError(
            "a signing key is written to a file: give --output FILE / "
            "กุญแจลงนามต้องเขียนลงไฟล์: ระบุ --output FILE"
        )
    signing = SigningKey.generate(name)
    write_secret_file(output, signing.text)
    click.echo(
        f"สร้างกุญแจลงนามแล้ว / signing key written: {output}; keep it outside the database. "
        "The public key for auditors / กุญแจสาธารณะสำหรับผู้ตรวจสอบ:",
        err=True,
    )
    click.echo(signing.verifier.text)


@key_group.command("fingerprint")
def key_fingerprint() -> None:
    """Show which key this run would use (never the key itself) / แสดงรหัสประจำกุญแจ."""
    key = cli_key()
    if key is None:
        click.echo(
            f"ไม่ได้กำหนดกุญแจ / no key given ({KEY_FILE_ENV}, {KEY_ENV} or --key-file)", err=True
        )
        raise SystemExit(1)
    click.echo(key.fingerprint)
