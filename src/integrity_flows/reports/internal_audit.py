"""Internal audit reports (plan projects 29, 30 and 37), computed from the cases.

- :func:`audit_coverage`: which of the auditees of project 29 (the choices of the
  ``auditee`` field of ``audit_engagement``: nine units and one school) the fiscal year's
  ``internal_audit_cycle`` has audited (findings confirmed by the auditee), which are in
  progress and which are not in the year's plan at all.
- :func:`recommendation_status`: the year's ``audit_recommendation`` cases, open and
  closed, each with its age in days: from the day it was recorded to the day it was
  closed or withdrawn, or to today while it is open.
- :func:`control_kpi`: output 2 of project 30, "80% of the internal control activities
  fixed": the ``control_action`` cases of the year's ``internal_control_evaluation``,
  fixed against all of them (an action not yet recorded counts as not fixed).
- :func:`inspection_summary`: the inspections of project 37 (``provincial_inspection``)
  whose inspection date falls in the fiscal year; the regulation asks for at least one.

Percentages are rounded half up to two decimals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from integrity_flows.calendars import THAI_TZ, parse_int, thai_digits
from integrity_flows.calendars import fiscal_year as fiscal_year_of
from integrity_flows.definition.model import Label
from integrity_flows.reports.base import Figure, ReportError
from integrity_flows.reports.no_gift import percent

if TYPE_CHECKING:
    from integrity_flows.case import Case
    from integrity_flows.engine.runtime import Engine

CYCLE_FLOW = "internal_audit_cycle"
ENGAGEMENT_FLOW = "audit_engagement"
RECOMMENDATION_FLOW = "audit_recommendation"
EVALUATION_FLOW = "internal_control_evaluation"
DOCUMENT_FLOW = "internal_control_report"
ACTION_FLOW = "control_action"
INSPECTION_FLOW = "provincial_inspection"

#: Engagement states in which the auditee has confirmed the findings (the unit is audited).
AUDITED_STATES = frozenset({"confirmed", "completed"})
#: Recommendation states that end its follow-up.
CLOSED_STATES = frozenset({"closed"})
WITHDRAWN_STATES = frozenset({"withdrawn"})
#: Output 2 of project 30: the share of control actions fixed, in percent.
CONTROL_TARGET = Decimal(80)


def _year(fiscal_year: int | str) -> int:
    return parse_int(fiscal_year)


def _day(case: Case) -> date:
    """The Thai calendar day a case was started."""
    return case.created_at.astimezone(THAI_TZ).date()


def _today(engine: Engine, as_of: date | None) -> date:
    return as_of if as_of is not None else engine.clock().astimezone(THAI_TZ).date()


def _year_case(engine: Engine, flow_id: str, year: int, what: Label) -> Case:
    """The case of ``flow_id`` for fiscal year ``year`` (the first, if several)."""
    found = [c for c in engine.cases(flow_id) if c.data.get("fiscal_year") == year]
    if not found:
        raise ReportError(
            f"ปีงบประมาณ {thai_digits(str(year))} ยังไม่มี{what.th} (เรื่อง {flow_id})",
            f"fiscal year {year} has no {what.en} ({flow_id} case)",
        )
    return min(found, key=lambda c: (c.created_at, c.id))


def _children(engine: Engine, flow_id: str, field: str, parents: Iterable[str]) -> list[Case]:
    wanted = set(parents)
    return [c for c in engine.cases(flow_id) if c.data.get(field) in wanted]


# --- audit coverage (project 29) ----------------------------------------------------


@attrs.frozen
class EngagementEntry:
    """One auditee's engagement in the year."""

    case_id: str
    auditee: str
    auditor: str
    state: str
    audit_date: str | None
    confirmed_on: str | None

    @property
    def audited(self) -> bool:
        """The auditee has confirmed the findings (or the head maintained them)."""
        return self.state in AUDITED_STATES


@attrs.frozen
class AuditCoverage:
    """The auditees of project 29 against the engagements of one fiscal year (in the
    order the plan lists the auditees)."""

    fiscal_year: int
    cycle_case_id: str
    cycle_state: str
    auditees: tuple[str, ...]
    engagements: tuple[EngagementEntry, ...]

    def _with(self, test: Mapping[str, bool]) -> tuple[str, ...]:
        return tuple(name for name in self.auditees if test.get(name, False))

    @property
    def audited(self) -> tuple[str, ...]:
        """Auditees whose findings are confirmed, in the plan's order."""
        return self._with({e.auditee: e.audited for e in self.engagements})

    @property
    def in_progress(self) -> tuple[str, ...]:
        """Auditees scheduled in the year but not audited yet."""
        return self._with({e.auditee: not e.audited for e in self.engagements})

    @property
    def not_scheduled(self) -> tuple[str, ...]:
        """Auditees the year's plan has no engagement for."""
        scheduled = {e.auditee for e in self.engagements}
        return tuple(name for name in self.auditees if name not in scheduled)

    @property
    def not_audited(self) -> tuple[str, ...]:
        """Every auditee not audited: in progress or not scheduled, in the plan's order."""
        done = set(self.audited)
        return tuple(name for name in self.auditees if name not in done)

    @property
    def coverage_rate(self) -> Decimal | None:
        """Percent of the auditees audited."""
        return percent(len(self.audited), len(self.auditees))

    def figures(self) -> list[Figure]:
        """The figures, in report order."""
        return [
            Figure("fiscal_year", Label("ปีงบประมาณ", "fiscal year"), self.fiscal_year),
            Figure("auditees", Label("จำนวนหน่วยรับตรวจ", "auditees"), len(self.auditees)),
            Figure(
                "audited_count",
                Label("จำนวนหน่วยรับตรวจที่ตรวจสอบแล้ว", "number audited"),
                len(self.audited),
            ),
            Figure("audited", Label("หน่วยรับตรวจที่ตรวจสอบแล้ว", "audited"), self.audited),
            Figure(
                "not_audited_count",
                Label("จำนวนหน่วยรับตรวจที่ยังไม่ได้ตรวจสอบ", "number not audited"),
                len(self.not_audited),
            ),
            Figure(
                "not_audited",
                Label("หน่วยรับตรวจที่ยังไม่ได้ตรวจสอบ", "not audited"),
                self.not_audited,
            ),
            Figure(
                "in_progress",
                Label("หน่วยรับตรวจที่อยู่ระหว่างตรวจสอบ", "in progress"),
                self.in_progress,
            ),
            Figure(
                "not_scheduled",
                Label("หน่วยรับตรวจที่ไม่อยู่ในแผน", "not in the plan"),
                self.not_scheduled,
            ),
            Figure(
                "coverage_rate",
                Label("ร้อยละของหน่วยรับตรวจที่ตรวจสอบแล้ว", "coverage (%)"),
                self.coverage_rate,
            ),
            Figure(
                "all_audited",
                Label("ตรวจสอบครบทุกหน่วยรับตรวจ", "all auditees audited"),
                bool(self.auditees) and not self.not_audited,
            ),
        ]


def auditees(engine: Engine, flow_id: str = ENGAGEMENT_FLOW) -> tuple[str, ...]:
    """The auditees of project 29: the choices of the engagement flow's ``auditee`` field."""
    field = engine.flows.get(flow_id).data.get("auditee")
    return tuple(field.choices) if field is not None else ()


def _engagement(case: Case) -> EngagementEntry:
    data = case.data
    return EngagementEntry(
        case_id=case.id,
        auditee=str(data.get("auditee", "")),
        auditor=str(data.get("auditor", "")),
        state=case.state,
        audit_date=data.get("audit_date"),
        confirmed_on=data.get("confirmed_on"),
    )


def audit_coverage(engine: Engine, fiscal_year: int | str) -> AuditCoverage:
    """The audit coverage of fiscal year B.E. ``fiscal_year``.

    Raises :class:`ReportError` when the year has no ``internal_audit_cycle`` case.
    """
    year = _year(fiscal_year)
    cycle = _year_case(engine, CYCLE_FLOW, year, Label("แผนการตรวจสอบภายใน", "internal audit plan"))
    names = auditees(engine)
    order = {name: index for index, name in enumerate(names)}
    entries = [_engagement(c) for c in _children(engine, ENGAGEMENT_FLOW, "cycle", [cycle.id])]
    entries.sort(key=lambda e: (order.get(e.auditee, len(order)), e.audit_date or "", e.case_id))
    return AuditCoverage(year, cycle.id, cycle.state, names, tuple(entries))


# --- recommendations (project 29) --------------------------------------------------


@attrs.frozen
class RecommendationEntry:
    """One recommendation of the year, with its age in days."""

    case_id: str
    reference: str
    auditee: str
    state: str
    opened_on: date
    ended_on: date | None
    due_date: str | None
    responsible: str | None
    last_follow_up_on: str | None
    age_days: int

    @property
    def is_open(self) -> bool:
        """Neither closed nor withdrawn."""
        return self.state not in CLOSED_STATES | WITHDRAWN_STATES


@attrs.frozen
class RecommendationStatus:
    """The recommendations of one fiscal year's audits, as of a day."""

    fiscal_year: int
    as_of: date
    entries: tuple[RecommendationEntry, ...]

    def _refs(
        self, states: frozenset[str] | None = None, *, open_only: bool = False
    ) -> tuple[str, ...]:
        return tuple(
            e.reference
            for e in self.entries
            if (states is None or e.state in states) and (e.is_open or not open_only)
        )

    @property
    def open(self) -> tuple[str, ...]:
        """References of the recommendations still open."""
        return self._refs(open_only=True)

    @property
    def closed(self) -> tuple[str, ...]:
        """References of the recommendations closed after verification."""
        return self._refs(CLOSED_STATES)

    @property
    def withdrawn(self) -> tuple[str, ...]:
        """References of the recommendations withdrawn."""
        return self._refs(WITHDRAWN_STATES)

    @property
    def overdue(self) -> tuple[str, ...]:
        """References of the open recommendations past their due date."""
        today = self.as_of.isoformat()
        return tuple(
            e.reference
            for e in self.entries
            if e.is_open and e.due_date is not None and e.due_date < today
        )

    @property
    def oldest_open_days(self) -> int | None:
        """The age in days of the oldest open recommendation."""
        ages = [e.age_days for e in self.entries if e.is_open]
        return max(ages) if ages else None

    def figures(self) -> list[Figure]:
        """The figures, then the age of each recommendation (``age:<reference>``)."""
        found = [
            Figure("fiscal_year", Label("ปีงบประมาณ", "fiscal year"), self.fiscal_year),
            Figure(
                "recommendations", Label("จำนวนข้อเสนอแนะ", "recommendations"), len(self.entries)
            ),
            Figure("open_count", Label("จำนวนข้อเสนอแนะที่ยังไม่ปิด", "number open"), len(self.open)),
            Figure("open", Label("ข้อเสนอแนะที่ยังไม่ปิด", "open"), self.open),
            Figure(
                "closed_count", Label("จำนวนข้อเสนอแนะที่ปิดแล้ว", "number closed"), len(self.closed)
            ),
            Figure("closed", Label("ข้อเสนอแนะที่ปิดแล้ว", "closed"), self.closed),
            Figure(
                "withdrawn_count",
                Label("จำนวนข้อเสนอแนะที่ถอนแล้ว", "number withdrawn"),
                len(self.withdrawn),
            ),
            Figure("overdue", Label("ข้อเสนอแนะที่เกินกำหนดแล้วเสร็จ", "overdue"), self.overdue),
            Figure(
                "oldest_open_days",
                Label("อายุข้อเสนอแนะที่ค้างนานที่สุด (วัน)", "oldest open (days)"),
                self.oldest_open_days,
            ),
        ]
        for e in self.entries:
            found.append(
                Figure(
                    f"age:{e.reference}",
                    Label(f"อายุข้อเสนอแนะ {e.reference} (วัน)", f"age of {e.reference} (days)"),
                    e.age_days,
                )
            )
        return found


def _recommendation(case: Case, auditee: str, today: date) -> RecommendationEntry:
    data = case.data
    ended = data.get("closed_on") if case.state in CLOSED_STATES else None
    if case.state in WITHDRAWN_STATES:
        ended = data.get("withdrawn_on")
    opened = _day(case)
    ended_on = date.fromisoformat(ended) if ended else None
    return RecommendationEntry(
        case_id=case.id,
        reference=str(data.get("reference", case.id)),
        auditee=auditee,
        state=case.state,
        opened_on=opened,
        ended_on=ended_on,
        due_date=data.get("due_date"),
        responsible=data.get("responsible"),
        last_follow_up_on=data.get("last_follow_up_on"),
        age_days=((ended_on or today) - opened).days,
    )


def recommendation_status(
    engine: Engine, fiscal_year: int | str, *, as_of: date | None = None
) -> RecommendationStatus:
    """The recommendations of fiscal year B.E. ``fiscal_year``'s audits, aged as of
    ``as_of`` (today by the engine's clock, Thai time, when not given).

    Raises :class:`ReportError` when the year has no ``internal_audit_cycle`` case.
    """
    coverage = audit_coverage(engine, fiscal_year)
    today = _today(engine, as_of)
    auditee_of = {e.case_id: e.auditee for e in coverage.engagements}
    entries = [
        _recommendation(c, auditee_of[str(c.data["engagement"])], today)
        for c in _children(engine, RECOMMENDATION_FLOW, "engagement", auditee_of)
    ]
    entries.sort(key=lambda e: (e.opened_on, e.reference))
    return RecommendationStatus(coverage.fiscal_year, today, tuple(entries))


# --- the internal control KPI (project 30) -------------------------------------------


@attrs.frozen
class ControlKpi:
    """Output 2 of project 30 for one fiscal year: control actions fixed against all."""

    fiscal_year: int
    evaluation_case_id: str
    evaluation_state: str
    fixed: tuple[str, ...]
    not_fixed: tuple[str, ...]
    pending: tuple[str, ...]
    documents_approved: tuple[str, ...]
    published: bool

    @property
    def total(self) -> int:
        """Every action of the improvement plan."""
        return len(self.fixed) + len(self.not_fixed) + len(self.pending)

    @property
    def fixed_rate(self) -> Decimal | None:
        """Percent of the actions fixed."""
        return percent(len(self.fixed), self.total)

    @property
    def target_met(self) -> bool:
        """At least 80% of the actions are fixed."""
        return self.fixed_rate is not None and self.fixed_rate >= CONTROL_TARGET

    def figures(self) -> list[Figure]:
        """The figures, in report order."""
        return [
            Figure("fiscal_year", Label("ปีงบประมาณ", "fiscal year"), self.fiscal_year),
            Figure(
                "documents_approved",
                Label("รายงานที่อนุมัติแล้ว", "documents approved"),
                self.documents_approved,
            ),
            Figure("published", Label("เผยแพร่รายงานแล้ว", "published"), self.published),
            Figure("actions", Label("จำนวนกิจกรรมการควบคุม", "control actions"), self.total),
            Figure("fixed", Label("แก้ไขแล้ว", "fixed"), len(self.fixed)),
            Figure("not_fixed", Label("ยังไม่ได้แก้ไข", "not fixed"), len(self.not_fixed)),
            Figure("pending", Label("ยังไม่ได้บันทึกผล", "not recorded yet"), len(self.pending)),
            Figure("fixed_rate", Label("ร้อยละที่แก้ไขแล้ว", "fixed (%)"), self.fixed_rate),
            Figure("target_rate", Label("เป้าหมาย (ร้อยละ)", "target (%)"), CONTROL_TARGET),
            Figure(
                "target_met",
                Label("บรรลุเป้าหมายร้อยละ ๘๐", "80% target met"),
                self.target_met,
            ),
        ]


_FORM_ORDER = ("certificate", "pk4", "pk5", "pk6")


def _approved_forms(engine: Engine, evaluation: str) -> tuple[str, ...]:
    field = engine.flows.get(DOCUMENT_FLOW).data["form"]
    approved = {
        str(c.data.get("form"))
        for c in _children(engine, DOCUMENT_FLOW, "evaluation", [evaluation])
        if c.state == "approved"
    }
    order = [f for f in _FORM_ORDER if f in approved] + sorted(approved - set(_FORM_ORDER))
    return tuple(field.choice_labels[f].th if f in field.choice_labels else f for f in order)


def control_kpi(engine: Engine, fiscal_year: int | str) -> ControlKpi:
    """The internal control KPI of fiscal year B.E. ``fiscal_year``.

    Raises :class:`ReportError` when the year has no ``internal_control_evaluation`` case.
    """
    year = _year(fiscal_year)
    what = Label("การประเมินผลการควบคุมภายใน", "internal control evaluation")
    evaluation = _year_case(engine, EVALUATION_FLOW, year, what)
    actions = _children(engine, ACTION_FLOW, "evaluation", [evaluation.id])
    actions.sort(key=lambda c: (c.created_at, c.id))

    def named(state: str) -> tuple[str, ...]:
        return tuple(str(c.data.get("control", c.id)) for c in actions if c.state == state)

    return ControlKpi(
        fiscal_year=year,
        evaluation_case_id=evaluation.id,
        evaluation_state=evaluation.state,
        fixed=named("fixed"),
        not_fixed=named("not_fixed"),
        pending=named("planned"),
        documents_approved=_approved_forms(engine, evaluation.id),
        published=bool(evaluation.data.get("published_on")),
    )


# --- provincial inspections (project 37) ---------------------------------------------


@attrs.frozen
class InspectionSummary:
    """The inspections by the provincial office whose inspection date is in one fiscal year."""

    fiscal_year: int
    letters: tuple[str, ...]
    reported: tuple[str, ...]

    def figures(self) -> list[Figure]:
        """The figures, in report order."""
        return [
            Figure("fiscal_year", Label("ปีงบประมาณ", "fiscal year"), self.fiscal_year),
            Figure("inspections", Label("จำนวนครั้งที่รับการตรวจสอบ", "inspections"), len(self.letters)),
            Figure("letters", Label("หนังสือแจ้งเข้าตรวจสอบ", "letters"), self.letters),
            Figure(
                "reported",
                Label("รายงานผลให้ผู้บริหารทราบแล้ว", "reported to the executive"),
                self.reported,
            ),
            Figure(
                "at_least_once",
                Label("รับการตรวจสอบอย่างน้อยปีละหนึ่งครั้ง", "inspected at least once"),
                bool(self.letters),
            ),
        ]


def inspection_summary(engine: Engine, fiscal_year: int | str) -> InspectionSummary:
    """The provincial inspections of fiscal year B.E. ``fiscal_year`` (by inspection date)."""
    year = _year(fiscal_year)
    found = [
        c
        for c in engine.cases(INSPECTION_FLOW)
        if c.data.get("inspection_date")
        and fiscal_year_of(date.fromisoformat(str(c.data["inspection_date"]))) == year
    ]
    found.sort(key=lambda c: (str(c.data["inspection_date"]), c.id))
    return InspectionSummary(
        year,
        tuple(str(c.data.get("letter_no", c.id)) for c in found),
        tuple(str(c.data.get("letter_no", c.id)) for c in found if c.state == "reported"),
    )
