"""``integrity-flows internal-audit``: aliases of ``report`` for plan projects 29, 30 and 37.

Each command prints a declared report (``flows/reports/internal_audit.yaml``), as
``integrity-flows report ID`` does:

- ``internal-audit coverage`` = ``report internal_audit_coverage``;
- ``internal-audit recommendations [--as-of DAY]`` = ``report audit_recommendations``;
- ``internal-audit control-kpi`` = ``report internal_control_kpi``;
- ``internal-audit inspections`` = ``report provincial_inspections``.
"""

from __future__ import annotations

import click

from integrity_flows.cli.report import report_alias


@click.group("internal-audit")
def internal_audit_group() -> None:
    """Internal audit, internal control and provincial inspection (plan projects 29, 30, 37)
    / การตรวจสอบภายใน การควบคุมภายใน และการรับการตรวจสอบ."""


_ALIASES = (
    ("coverage", "internal_audit_coverage",
     "The auditees audited in a fiscal year / ความครอบคลุมของการตรวจสอบภายใน."),
    ("recommendations", "audit_recommendations",
     "The year's recommendations with their age / การติดตามข้อเสนอแนะ."),
    ("control-kpi", "internal_control_kpi",
     "Control actions fixed against the 80% target / ผลการแก้ไขตามแผนการปรับปรุง."),
    ("inspections", "provincial_inspections",
     "The provincial office's inspections of a year / การรับการตรวจสอบจาก สถ.จ."),
)  # fmt: skip
for _name, _report, _help in _ALIASES:
    internal_audit_group.add_command(report_alias(_name, _report, _help))
