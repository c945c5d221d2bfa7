"""HTML for the living documentation: escaping, the page shell, and the site's words.

Every text from a flow, plan or feature file is escaped here: a label cannot inject
markup into a page. Pages link to one another by relative paths, so the site works from
a file share or a folder opened in a browser.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

import attrs

from integrity_flows.definition.model import Label

LANGS = ("th", "en")

WORDS: Mapping[str, Label] = {
    "site": Label("เอกสารขั้นตอนงานสำหรับผู้ตรวจสอบ", "Living documentation for auditors"),
    "home": Label("หน้าแรก", "Home"),
    "plan": Label("แผนปฏิบัติการ", "The plan"),
    "flows": Label("ขั้นตอนงาน", "Procedures"),
    "features": Label("เหตุการณ์ทดสอบ", "Features"),
    "scenarios": Label("ผลการทดสอบ", "Scenarios and results"),
    "search": Label("ค้นหา", "Search"),
    "search_hint": Label("ค้นหาคำ เช่น ทรัพย์สิน", "Search, e.g. asset"),
    "no_hits": Label("ไม่พบ", "Nothing found"),
    "other_lang": Label("English", "ภาษาไทย"),
    "project": Label("โครงการที่", "Project"),
    "dimension": Label("มิติที่", "Dimension"),
    "mission": Label("ภารกิจ", "Mission"),
    "unit": Label("ผู้รับผิดชอบ", "Responsible"),
    "steps": Label("ขั้นตอนการดำเนินการตามแผน", "Written steps of the plan"),
    "step": Label("ข้อ", "Step"),
    "implemented_by": Label("ดำเนินการโดย", "Implemented by"),
    "steps_implemented": Label("ขั้นตอนที่มีการดำเนินการรองรับ", "Steps implemented"),
    "steps_exercised": Label("ขั้นตอนที่มีเหตุการณ์ทดสอบ", "Steps exercised"),
    "exercised_by": Label("ทดสอบโดยเหตุการณ์", "Exercised by"),
    "not_implemented": Label("ยังไม่มีขั้นตอนงานใดดำเนินการ", "no transition implements it"),
    "risk_not_implemented": Label(
        "ไม่มีขั้นตอนงานใดดำเนินการตามมาตรการควบคุมของความเสี่ยงนี้",
        "no flow carries out this row's controls",
    ),
    "not_exercised": Label("ยังไม่มีเหตุการณ์ทดสอบ", "no scenario exercises it"),
    "indicators": Label("ตัวชี้วัดและเป้าหมาย", "Indicators and targets"),
    "outputs": Label("ตัวชี้วัดผลผลิต", "Output indicators"),
    "outcomes": Label("ตัวชี้วัดผลลัพธ์", "Outcome indicators"),
    "target": Label("เป้าหมาย", "Target"),
    "objectives": Label("วัตถุประสงค์", "Objectives"),
    "target_group": Label("กลุ่มเป้าหมาย", "Target group"),
    "duration": Label("ระยะเวลาดำเนินการ", "Duration"),
    "budget": Label("งบประมาณ", "Budget"),
    "whole_project": Label("เหตุการณ์ที่ทดสอบทั้งโครงการ", "Scenarios tagged with the whole project"),
    "diagram": Label("แผนภาพสถานะ", "State diagram"),
    "states": Label("สถานะ", "States"),
    "dot_failed": Label(
        "จัดวางแผนภาพด้วยวิธีของระบบ เพราะ Graphviz ทำงานไม่สำเร็จ",
        "laid out by the package, as Graphviz failed",
    ),
    "transitions": Label("การดำเนินการและผู้มีสิทธิ์", "Transitions and who may fire them"),
    "from": Label("จากสถานะ", "From"),
    "to": Label("เป็นสถานะ", "To"),
    "who": Label("ผู้มีสิทธิ์ดำเนินการ", "Who may fire it"),
    "cites": Label("ตามแผน", "Plan step"),
    "rules": Label("เงื่อนไข", "Rules"),
    "needs": Label("ต้องระบุ", "Needs"),
    "deadlines": Label("กำหนดเวลา", "Deadlines"),
    "days_after": Label("{action} เมื่อพ้น {days} วัน", "{action} after {days} day(s)"),
    "initial": Label("สถานะเริ่มต้น", "initial"),
    "terminal": Label("สถานะสิ้นสุด", "terminal"),
    "roles": Label("บทบาท", "Roles"),
    "per_case": Label("ประจำเรื่อง", "per case"),
    "data": Label("ข้อมูลของเรื่อง", "Data fields"),
    "field": Label("ข้อมูล", "Field"),
    "type": Label("ชนิด", "Type"),
    "required": Label("จำเป็น", "required"),
    "sensitive": Label("ข้อมูลอ่อนไหว (ไม่แสดงค่า)", "sensitive (never shown)"),
    "readers": Label("ผู้เปิดอ่านได้", "readable by"),
    "settings": Label("ค่าตั้ง", "Settings"),
    "default": Label("ค่าเริ่มต้น", "default"),
    "duties": Label("หน้าที่ที่ต้องทำตามรอบ", "Recurring duties"),
    "period": Label("รอบ", "Period"),
    "owner": Label("ผู้มีหน้าที่", "Owed by"),
    "monthly": Label("ทุกเดือน", "every month"),
    "quarterly": Label("ทุกไตรมาส", "every fiscal quarter"),
    "half_yearly": Label("ทุกครึ่งปีงบประมาณ", "every half fiscal year"),
    "yearly": Label("ทุกปีงบประมาณ", "every fiscal year"),
    "each": Label("ทุกครั้งที่มีเรื่อง {flow}", "for each case of {flow}"),
    "in_force": Label("ทุกรอบระหว่างที่เรื่องมีผล", "each period a case is in force"),
    "risks": Label("ความเสี่ยงการทุจริตตามแผน", "The plan's corruption risks"),
    "risk_controls": Label("มาตรการควบคุม", "Controls"),
    "measured_by": Label("วัดโดยรายงาน", "Measured by"),
    "committees": Label("คณะกรรมการ", "Committees"),
    "quorum": Label("องค์ประชุม", "quorum"),
    "manual": Label("คู่มือการปฏิบัติงาน", "Handling manual"),
    "in_words": Label("ขั้นตอนงานในถ้อยคำ", "The procedure in words"),
    "reports": Label("รายงานที่กำหนดไว้", "Declared reports"),
    "public": Label("เปิดเผยต่อสาธารณะ", "public"),
    "figures": Label("รายการในรายงาน", "Figures"),
    "outside_plan": Label("นอกแผน", "outside the plan"),
    "version": Label("ฉบับที่", "version"),
    "source": Label("ไฟล์", "file"),
    "broken": Label("ขั้นตอนงานที่โหลดไม่ได้", "Flows that do not load"),
    "broken_intro": Label(
        "ไฟล์นี้มีปัญหา ระบบจึงไม่ใช้ขั้นตอนงานนี้จนกว่าจะแก้ไข",
        "This file has problems; the engine refuses it until they are fixed.",
    ),
    "problems": Label("ปัญหาที่พบ", "Problems found"),
    "result": Label("ผลล่าสุด", "Last result"),
    "run_on": Label("ผลการทดสอบเมื่อ", "Results of the run on"),
    "no_results": Label(
        "ไม่ได้ระบุไฟล์ผลการทดสอบ ผลของทุกเหตุการณ์จึงไม่ทราบ",
        "No results file was given: every result is unknown.",
    ),
    "unmatched": Label(
        "ผลการทดสอบที่ไม่ตรงกับเหตุการณ์ใด (เปลี่ยนชื่อหรือเป็นของโครงการอื่น)",
        "Results that match no scenario (renamed, or of another project)",
    ),
    "passed": Label("ผ่าน", "passed"),
    "failed": Label("ไม่ผ่าน", "failed"),
    "skipped": Label("ข้าม", "skipped"),
    "not-run": Label("ไม่ได้ทดสอบ", "not run"),
    "unknown": Label("ไม่ทราบผล", "unknown"),
    "all": Label("ทั้งหมด", "all"),
    "filter_project": Label("โครงการ", "Project"),
    "filter_tag": Label("ข้อตามแผน", "Plan step"),
    "filter_result": Label("ผล", "Result"),
    "feature": Label("ไฟล์เหตุการณ์", "Feature"),
    "scenario": Label("เหตุการณ์", "Scenario"),
    "background": Label("พื้นหลัง", "Background"),
    "examples": Label("ตัวอย่าง", "Examples"),
    "tags": Label("ป้ายกำกับ", "Tags"),
    "shown": Label("แสดง", "shown"),
    "developers": Label("เอกสารสำหรับนักพัฒนา", "Developer documentation"),
    "feature_problem": Label("ไฟล์เหตุการณ์ที่อ่านไม่ได้", "Feature files that do not parse"),
    "other_problems": Label("ปัญหาอื่นที่พบ", "Other problems"),
}


def esc(text: object) -> str:
    """``text`` escaped for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


@attrs.frozen
class Words:
    """The site's words in one language."""

    lang: str

    def __call__(self, key: str, **values: object) -> str:
        """The word ``key`` in this language, with ``values`` filled in, escaped."""
        text = getattr(WORDS[key], self.lang)
        return esc(text.format(**values) if values else text)

    def say(self, label: Label | None) -> str:
        """A label of a flow or plan in this language, escaped."""
        return esc(getattr(label, self.lang)) if label is not None else ""

    @property
    def other(self) -> str:
        """The other language of the site."""
        return "en" if self.lang == "th" else "th"


def badge(w: Words, status: str) -> str:
    """A result as a coloured badge."""
    return (
        f'<span class="result result-{esc(status)}" data-result="{esc(status)}">{w(status)}</span>'
    )


def table(header: Iterable[str], rows: Iterable[Iterable[str]], cls: str = "") -> str:
    """A table of cells already escaped."""
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    klass = f' class="{cls}"' if cls else ""
    return f"<table{klass}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def page(
    w: Words,
    name: str,
    title: str,
    body: str,
    *,
    developers: str | None = None,
    other: str | None = None,
) -> str:
    """A whole page: the header with navigation, search and the language switch (to
    ``other``, the same page in the other language, or ``name``), then ``body``."""
    current = ' aria-current="page"'
    nav = "".join(
        f'<a href="{href}"{current if href == name else ""}>{w(key)}</a>'
        for key, href in (
            ("home", "index.html"),
            ("plan", "plan.html"),
            ("flows", "flows.html"),
            ("features", "features.html"),
            ("scenarios", "scenarios.html"),
        )
    )
    dev = f'<a href="{esc(developers)}">{w("developers")}</a>' if developers else ""
    return f"""<!DOCTYPE html>
<html lang="{w.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · {w("site")}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="../assets/site.css">
</head>
<body data-page="{esc(name)}">
<header>
<div class="brand">{w("site")}</div>
<nav>{nav}{dev}<a class="lang" hreflang="{w.other}"
 href="../{w.other}/{esc(other or name)}">{w("other_lang")}</a></nav>
<form class="search" role="search" onsubmit="return false">
<input type="search" id="search" placeholder="{w("search_hint")}"
 aria-label="{w("search")}" autocomplete="off">
<ol id="hits" hidden></ol>
<p id="no-hits" hidden>{w("no_hits")}</p>
</form>
</header>
<main>
<h1>{title}</h1>
{body}
</main>
<script src="search-index.js"></script>
<script src="../assets/site.js"></script>
</body>
</html>
"""


__all__ = ["LANGS", "WORDS", "Words", "badge", "esc", "page", "table"]
