"""``integrity-flows features check``: the feature lint."""

from __future__ import annotations

from pathlib import Path

import click


@click.group("features")
def features_group() -> None:
    """Gherkin features / ไฟล์ฟีเจอร์."""


@features_group.command("check")
@click.argument("folder", default="features", type=click.Path(exists=True))
def check_features_command(folder: str) -> None:
    """Reject empty scenarios (the Thai keyword trap) and scenarios citing no plan step.

    ตรวจไฟล์ฟีเจอร์: เหตุการณ์ที่ไม่มีขั้นตอน และเหตุการณ์ที่ไม่อ้างขั้นตอนของแผน
    """
    from integrity_flows.testing.lint import check_features  # noqa: PLC0415 - parser on demand

    problems = check_features(Path(folder))
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        click.echo(f"พบปัญหา {len(problems)} จุด / {len(problems)} problem(s) found", err=True)
        raise SystemExit(1)
    click.echo("ไฟล์ฟีเจอร์ถูกต้อง / features OK")
