"""``integrity-flows docs build``: the living documentation for auditors.

A static site of the plan, every procedure (diagram, states, transitions, rules, data,
manual, reports), every feature and scenario with its last result, and a search, in
Thai and English; docs/living-documentation.md.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from integrity_flows.cli.common import feature_folder, flow_overrides, flows_option
from integrity_flows.cli.plan_data import plan_option, read_plan_or_exit
from integrity_flows.docsite import build_site


@click.group("docs")
def docs_group() -> None:
    """Living documentation for auditors / เอกสารขั้นตอนงานสำหรับผู้ตรวจสอบ."""


@docs_group.command("build")
@click.option(
    "--output",
    "-o",
    "output",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder to write the site into (created) / โฟลเดอร์ที่จะเขียนเว็บไซต์",
)
@click.option(
    "--results",
    type=click.Path(dir_okay=False),
    default=None,
    help="A cucumber JSON file of the last test run (pytest --cucumberjson=FILE) / "
    "ไฟล์ผลการทดสอบล่าสุด",
)
@click.option(
    "--lang",
    type=click.Choice(["th", "en"]),
    default="th",
    show_default=True,
    help="The language the site opens in (both are written) / ภาษาของหน้าแรก",
)
@click.option(
    "--features",
    type=click.Path(file_okay=True, dir_okay=True),
    default=None,
    help="Folder of .feature files (default: ./features when present) / โฟลเดอร์ไฟล์เหตุการณ์ทดสอบ",
)
@click.option(
    "--developers",
    default=None,
    help="Link from every page to the developer documentation (relative to a page, e.g. "
    "../../developers/index.html) / ลิงก์ไปยังเอกสารสำหรับนักพัฒนา",
)
@click.option(
    "--graphviz/--no-graphviz",
    "graphviz",
    default=True,
    show_default=True,
    help="Lay the diagrams out with Graphviz's dot when it is installed (else, or with "
    "--no-graphviz, the built-in layout) / จัดวางแผนภาพด้วย Graphviz",
)
@flows_option
@plan_option
def build_command(
    output: str,
    results: str | None,
    lang: str,
    features: str | None,
    developers: str | None,
    graphviz: bool,
    flow_dirs: tuple[str, ...],
    plan_source: str | None,
) -> None:
    """Build the site: plan, procedures, scenarios and results / สร้างเว็บไซต์เอกสาร.

    Flows that do not load, feature files that do not parse and results that match no
    scenario are shown on the site; they do not stop the build.
    """
    plan = read_plan_or_exit(plan_source)
    feature_dir = feature_folder(features)
    if results is not None and not Path(results).is_file():
        raise click.BadParameter(
            f"'{results}' is not a file / ไม่พบไฟล์ '{results}'", param_hint="--results"
        )
    dot = shutil.which("dot") if graphviz else None
    if graphviz and dot is None:
        click.echo(
            "ไม่พบ Graphviz (dot) จึงจัดวางแผนภาพด้วยวิธีของระบบ / Graphviz's dot is not "
            "installed: the diagrams use the built-in layout (apt-get install graphviz)",
            err=True,
        )
    try:
        built = build_site(
            Path(output),
            lang=lang,
            results=Path(results) if results else None,
            features=feature_dir,
            flow_dirs=flow_dirs,
            plan=plan,
            developers=developers,
            dot=dot,
            **flow_overrides(),
        )
    except OSError as exc:
        click.echo(
            f"เขียนเว็บไซต์ที่ {output} ไม่ได้: {exc.strerror or exc} / cannot write the site "
            f"to {output}: {exc.strerror or exc}",
            err=True,
        )
        raise SystemExit(1) from exc
    pages = sum(len(names) for names in built.pages.values())
    click.echo(f"เขียนเว็บไซต์ {pages} หน้า ไว้ที่ {built.root} / wrote {pages} page(s) to {built.root}")
    click.echo(f"เปิด / open: {built.index}")
    if built.broken_flows:
        click.echo(
            f"ขั้นตอนงานที่โหลดไม่ได้ {built.broken_flows} ไฟล์ แสดงไว้ในเว็บไซต์ / "
            f"{built.broken_flows} flow file(s) do not load; listed on the site",
            err=True,
        )
