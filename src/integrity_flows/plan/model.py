"""The plan as data: the national template's Part 1 risk table, Part 2 budget table and
Part 3 project pages, and the plan's amendments (docs/plan-format.md).

Every Thai text is kept exactly as printed. A Part 2 budget cell keeps its printed form
and says what it is (:class:`BudgetCell`): a number, a dash, a blank or an unreadable
``#####``, never a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Literal

import attrs

from integrity_flows.definition.model import Label

CellKind = Literal["number", "dash", "blank", "unreadable"]
Kind = Literal["project", "activity", "measure"]
Comparison = Literal["at_least", "at_most", "equals"]

KINDS: tuple[Kind, ...] = ("project", "activity", "measure")
KIND_LABELS: Mapping[str, Label] = {
    "project": Label("โครงการ", "project"),
    "activity": Label("กิจกรรม", "activity"),
    "measure": Label("มาตรการ", "measure"),
}
UNITS: Mapping[str, Label] = {
    "percent": Label("ร้อยละ", "percent"),
    "times": Label("ครั้ง", "times"),
    "people": Label("คน", "people"),
    "channels": Label("ช่องทาง", "channels"),
    "items": Label("รายการ", "items"),
    "documents": Label("ฉบับ", "documents"),
    "reports": Label("รายงาน", "reports"),
    "meetings": Label("ครั้งการประชุม", "meetings"),
    "orders": Label("คำสั่ง", "orders"),
    "units": Label("หน่วยงาน", "units"),
    "days": Label("วัน", "days"),
    "score": Label("คะแนน", "score"),
    "baht": Label("บาท", "baht"),
}


@attrs.frozen
class PlanStep:
    """One written method step of a project: its id as cited ("5.1") and its Thai text.

    ``printed`` is the number as the plan prints it, where that differs from the id.
    """

    id: str
    text_th: str
    printed: str | None = None

    @property
    def section(self) -> str:
        """The method section the step is under ("5" for "5.1")."""
        return self.id.split(".", 1)[0]


@attrs.frozen
class Target:
    """A measurable target of an indicator: ``at_least 80 percent``."""

    comparison: Comparison
    value: float
    unit: str

    def met(self, measured: float) -> bool:
        """Whether ``measured`` meets the target. A number the plan gives alone (``equals``:
        ร้อยละ ๘๐ of the activities corrected, ลดลงร้อยละ ๕) is what is to be reached, so
        reaching more meets it too: 90 percent meets ร้อยละ ๘๐, a fall of 10 percent meets
        ลดลงร้อยละ ๕."""
        if self.comparison == "at_most":
            return measured <= self.value
        return measured >= self.value

    def words(self, lang: str = "th") -> str:
        """The target in words: ``ไม่น้อยกว่าร้อยละ 80`` / ``at least 80 percent``."""
        unit = UNITS[self.unit]
        number = f"{self.value:g}"
        if lang == "th":
            says = {"at_least": "ไม่น้อยกว่า", "at_most": "ไม่เกิน", "equals": ""}[self.comparison]
            if self.unit == "percent":
                return f"{says}{unit.th} {number}"
            return f"{says} {number} {unit.th}".strip()
        says = {"at_least": "at least ", "at_most": "at most ", "equals": ""}[self.comparison]
        return f"{says}{number} {unit.en}"


@attrs.frozen
class Indicator:
    """An output (ผลผลิต) or outcome (ผลลัพธ์) indicator of a project, as printed."""

    id: str  # "output.1", "outcome.2": how a report figure names what it measures
    text_th: str
    target: Target | None = None


@attrs.frozen
class PlanProject:
    """A project (โครงการ/กิจกรรม/มาตรการ) of Part 3 of the plan."""

    number: int
    name_th: str
    name_en: str
    unit_th: str
    steps: tuple[PlanStep, ...]
    kind: Kind | None = None
    objectives_th: tuple[str, ...] = ()
    target_group_th: str | None = None
    target_count: int | None = None
    duration_th: str | None = None
    budget_th: str | None = None
    # Baht a year as read from budget_th; None when the project uses no budget.
    budget: int | None = None
    budget_total: int | None = None
    outputs: tuple[Indicator, ...] = ()
    outcomes: tuple[Indicator, ...] = ()
    added_in: int | None = None

    @property
    def name(self) -> Label:
        """The name in Thai and English."""
        return Label(self.name_th, self.name_en)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Outputs, then outcomes."""
        return self.outputs + self.outcomes

    def indicator(self, indicator_id: str) -> Indicator | None:
        """The indicator ``output.1`` / ``outcome.1``, if the project has it."""
        return next((i for i in self.indicators if i.id == indicator_id), None)

    @property
    def sections(self) -> frozenset[str]:
        """The method section numbers its steps are under (usually just "5")."""
        return frozenset(step.section for step in self.steps)

    def step(self, step_id: str) -> PlanStep | None:
        """The step ``step_id`` ("5.1"), if the project has it."""
        return next((s for s in self.steps if s.id == step_id), None)

    def cite(self, step: PlanStep) -> str:
        """How a transition cites ``step``: ``"13/5.1"``."""
        return f"{self.number}/{step.id}"


@attrs.frozen
class RiskRow:
    """A row of the plan's risk table (การประเมินความเสี่ยงในองค์กร), cited as ``risk/N``."""

    id: str
    step_th: str
    issue_th: str
    level_th: str
    controls_th: str

    @property
    def number(self) -> int:
        """The row number (1 for ``risk/1``)."""
        return int(self.id.removeprefix("risk/"))


@attrs.frozen
class BudgetCell:
    """A budget cell of Part 2 as printed, and what it is."""

    printed: str
    kind: CellKind
    amount: int | Decimal | None = None  # baht, for a number (Decimal when satang are printed)

    @property
    def value(self) -> int | Decimal:
        """The amount in baht: a dash or a blank is none; an unreadable cell counts none."""
        return self.amount or 0


@attrs.frozen
class PrintedTotal:
    """A total row of Part 2 as printed: the project count and the yearly budgets."""

    projects_th: str | None
    projects: int | None
    budget: Mapping[int, BudgetCell]


@attrs.frozen
class Mission:
    """A mission (ภารกิจตามมิติ) of a dimension: ``1.1`` or ``1.1.1``."""

    id: str
    name_th: str
    name_en: str | None = None


@attrs.frozen
class Dimension:
    """One of the four dimensions (มิติ) of Part 2, with its missions."""

    number: int
    name_th: str
    name_en: str | None
    missions: tuple[Mission, ...]
    printed_total: PrintedTotal | None = None

    @property
    def name(self) -> Label:
        """The name in Thai and English (Thai when no English is given)."""
        return Label(self.name_th, self.name_en or self.name_th)

    def mission(self, mission_id: str) -> Mission | None:
        """The mission ``mission_id``, if the dimension has it."""
        return next((m for m in self.missions if m.id == mission_id), None)


@attrs.frozen
class Part2Row:
    """A project row of the Part 2 table, as printed."""

    index: int
    dimension: int
    mission: str
    label: str
    name_th: str
    budget: Mapping[int, BudgetCell]
    project: int | None = None
    match: Literal["exact", "probable"] = "exact"
    remark_th: str | None = None
    note_en: str | None = None


@attrs.frozen
class Gap:
    """Where the text of the Part 2 table lacks pages."""

    after_row: int
    what_en: str


@attrs.frozen
class Amendment:
    """An amendment: the next version of the plan, approved on a date by someone."""

    version: int
    date: date
    approved_by_th: str
    changes_th: str
    reference_th: str | None = None
    adds: tuple[int, ...] = ()
    removes: tuple[int, ...] = ()


@attrs.frozen
class Plan:
    """A whole plan: Part 1's risks, Part 2's table, Part 3's projects, its amendments."""

    title_th: str
    title_en: str
    projects: tuple[PlanProject, ...]
    risks: tuple[RiskRow, ...]
    organisation_th: str | None = None
    organisation_en: str | None = None
    years: tuple[int, ...] = ()
    dimensions: tuple[Dimension, ...] = ()
    rows: tuple[Part2Row, ...] = ()
    gaps: tuple[Gap, ...] = ()
    grand_total: PrintedTotal | None = None
    printed_pages: int | None = None
    amendments: tuple[Amendment, ...] = ()
    source: str = attrs.field(default="<memory>", eq=False)

    @property
    def title(self) -> Label:
        """The plan's title in Thai and English."""
        return Label(self.title_th, self.title_en)

    @property
    def version(self) -> int:
        """The latest version: 1, or the last amendment's."""
        return max((a.version for a in self.amendments), default=1)

    def amendment(self, version: int) -> Amendment | None:
        """The amendment that made ``version``, if any."""
        return next((a for a in self.amendments if a.version == version), None)

    def version_on(self, day: date) -> int:
        """The version in force on ``day``: the latest approved by then."""
        return max((a.version for a in self.amendments if a.date <= day), default=1)

    def projects_in(self, version: int | None = None) -> tuple[PlanProject, ...]:
        """The projects of ``version`` (the latest when not given)."""
        wanted = self.version if version is None else version
        removed = {n for a in self.amendments if a.version <= wanted for n in a.removes}
        return tuple(
            p for p in self.projects if (p.added_in or 1) <= wanted and p.number not in removed
        )

    def project(self, number: int) -> PlanProject | None:
        """Project ``number``, if the plan has it."""
        return next((p for p in self.projects if p.number == number), None)

    def risk(self, number: int) -> RiskRow | None:
        """Risk row ``number`` (1-based), if the table has it."""
        return next((r for r in self.risks if r.number == number), None)

    def dimension(self, number: int) -> Dimension | None:
        """Dimension ``number``, if the plan has it."""
        return next((d for d in self.dimensions if d.number == number), None)

    def rows_of(self, project: int) -> tuple[Part2Row, ...]:
        """The Part 2 rows that are ``project``."""
        return tuple(r for r in self.rows if r.project == project)

    @property
    def step_count(self) -> int:
        """How many method steps the projects have in all."""
        return sum(len(p.steps) for p in self.projects)


__all__ = [
    "KINDS",
    "KIND_LABELS",
    "UNITS",
    "Amendment",
    "BudgetCell",
    "Dimension",
    "Gap",
    "Indicator",
    "Mission",
    "Part2Row",
    "Plan",
    "PlanProject",
    "PlanStep",
    "PrintedTotal",
    "RiskRow",
    "Target",
]
