"""Salary-step reports (plan projects 16 and 17), computed from the cases.

- :func:`round_report`: one ``salary_step_round`` case: the committees as appointed, each
  evaluation (``salary_step_evaluation`` cases linked to the round) with its screening and
  final outcome, the resolutions it rests on (who voted yes, no or abstained, who was
  recused and why, the quorum), the recusals, and the survey of staff satisfaction with
  the salary-step system entered into the round.
- :func:`salary_step_year`: the rounds of one fiscal year (the April and the October
  round), with the figures features and the command line compare, and project 16's output:
  staff satisfied with the salary-step system, not less than 80% (:data:`SATISFACTION_TARGET`).

A step is final once the salary-step committee has approved it: the step proposed, or the
step amended on its resolution, or, for an appeal upheld, the step the appeal decided.
Percentages are rounded half up to two decimals; the share satisfied in a year is taken
over all respondents of the year's surveys.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

import attrs

from integrity_flows.calendars import parse_decimal, parse_int, thai_digits
from integrity_flows.definition.model import Label
from integrity_flows.reports.base import Figure, ReportError
from integrity_flows.reports.no_gift import percent

if TYPE_CHECKING:
    from integrity_flows.audit.records import AuditEvent
    from integrity_flows.case import Case
    from integrity_flows.engine.runtime import Engine

ROUND_FLOW = "salary_step_round"
EVALUATION_FLOW = "salary_step_evaluation"

#: Project 16's output: staff satisfied with the salary-step system, not less than 80%.
SATISFACTION_TARGET = Decimal(80)

#: The committees of a round, in the order they act.
COMMITTEES: Mapping[str, Label] = {
    "screening": Label("คณะกรรมการกลั่นกรองการประเมินผลการปฏิบัติราชการ", "screening committee"),
    "salary_step": Label("คณะกรรมการพิจารณาเลื่อนขั้นเงินเดือน", "salary-step committee"),
}
#: The steps an evaluation may end with, largest first.
STEPS: tuple[str, ...] = ("one_and_half", "one", "half", "none")
STEP_LABELS: Mapping[str, Label] = {
    "one_and_half": Label("หนึ่งขั้นครึ่ง", "one and a half steps"),
    "one": Label("หนึ่งขั้น", "one step"),
    "half": Label("ครึ่งขั้น", "half a step"),
    "none": Label("ไม่เลื่อนขั้น", "no step"),
}
PERIOD_LABELS: Mapping[str, Label] = {
    "april": Label("ครั้งที่ ๑ (๑ เมษายน)", "first round (1 April)"),
    "october": Label("ครั้งที่ ๒ (๑ ตุลาคม)", "second round (1 October)"),
}
LEVEL_LABELS: Mapping[str, Label] = {
    "excellent": Label("ดีเด่น", "excellent"),
    "very_good": Label("ดีมาก", "very good"),
    "good": Label("ดี", "good"),
    "fair": Label("พอใช้", "fair"),
    "needs_improvement": Label("ต้องปรับปรุง", "needs improvement"),
}
#: Where an evaluation stands with the screening committee.
SCREENING_LABELS: Mapping[str, Label] = {
    "pending": Label("รอการกลั่นกรอง", "awaiting screening"),
    "returned": Label("ส่งกลับให้ผู้บังคับบัญชาทบทวน", "returned to the supervisor"),
    "screened": Label("ผ่านการกลั่นกรอง", "screened"),
}
APPEAL_LABELS: Mapping[str, Label] = {
    "pending": Label("รอวินิจฉัยอุทธรณ์", "appeal pending"),
    "upheld": Label("อุทธรณ์ฟังขึ้น", "appeal upheld"),
    "dismissed": Label("ยกอุทธรณ์", "appeal dismissed"),
}
#: The figures listing each committee's recusals (``member: subject (relation)``).
RECUSAL_LABELS: Mapping[str, Label] = {
    "screening": Label("กรรมการกลั่นกรองผู้งดเว้นการพิจารณา", "recusals (screening committee)"),
    "salary_step": Label(
        "กรรมการพิจารณาเลื่อนขั้นเงินเดือนผู้งดเว้นการพิจารณา", "recusals (salary-step committee)"
    ),
}
_SCREENING_OF_STATE: Mapping[str, str] = {"submitted": "pending", "returned": "returned"}
_APPEAL_OF_STATE: Mapping[str, str] = {
    "appealed": "pending",
    "appeal_upheld": "upheld",
    "appeal_dismissed": "dismissed",
}
_DECIDED_STATES = frozenset({"decided", "appealed", "appeal_dismissed"})
_OWN = Label("เรื่องของตนเอง", "own matter")


# --- the records ---------------------------------------------------------------------


@attrs.frozen
class Recusal:
    """A member who may not take part in the items about ``subject``, and why."""

    committee: str
    member: str
    subject: str
    why: str  # "own" (their own matter) or "declared" (a conflict they declared)
    relation: str | None = None
    detail: str | None = None

    def text(self) -> str:
        """``member: subject (relation)``, as the figures list it."""
        relation = f"{_OWN.th} / {_OWN.en}" if self.why == "own" else (self.relation or "-")
        return f"{self.member}: {self.subject} ({relation})"


@attrs.frozen
class Resolution:
    """A resolution of a committee: who voted how, who was recused, the quorum."""

    committee: str
    meeting: int
    motion: str
    subject: str
    result: str  # "carried" or "rejected"
    yes: tuple[str, ...]
    no: tuple[str, ...]
    abstain: tuple[str, ...]
    recused: tuple[Recusal, ...]
    present: tuple[str, ...]
    eligible: int
    quorum: int
    at: datetime
    by: str
    motion_label: Label

    @property
    def carried(self) -> bool:
        """True when the motion was carried."""
        return self.result == "carried"


@attrs.frozen
class Appointment:
    """A committee as its order appointed it."""

    committee: str
    order: str | None
    chair: str | None
    members: tuple[str, ...]
    secretary: str | None
    appointed_by: str | None


@attrs.frozen
class EvaluationEntry:
    """One employee's evaluation in a round, with its screening and final outcome."""

    case_id: str
    employee: str
    supervisor: str
    score: Decimal | None
    level: str | None
    proposed_step: str | None
    serves_public: bool
    citizen_satisfaction: Decimal | None
    citizen_survey: str | None
    state: str
    screening: str  # "pending", "returned" or "screened"
    times_sent_back: int
    amended: bool
    final_step: str | None  # None until the salary-step committee has approved a step
    appeal: str | None  # None, "pending", "upheld" or "dismissed"
    screening_resolutions: tuple[Resolution, ...]
    salary_resolutions: tuple[Resolution, ...]


@attrs.frozen
class RoundReport:
    """One salary-step round as its cases record it."""

    case_id: str
    fiscal_year: int
    period: str
    state: str
    appointments: tuple[Appointment, ...]
    evaluations: tuple[EvaluationEntry, ...]
    resolutions: tuple[Resolution, ...]
    recusals: tuple[Recusal, ...]
    survey_respondents: int | None
    survey_satisfied: int | None

    @property
    def satisfaction_rate(self) -> Decimal | None:
        """Percent of the survey's respondents satisfied with the salary-step system."""
        return _rate(self.survey_satisfied, self.survey_respondents)

    @property
    def target_met(self) -> bool:
        """The survey found at least :data:`SATISFACTION_TARGET` percent satisfied."""
        return _met(self.satisfaction_rate)

    def figures(self) -> list[Figure]:
        """The round's figures: those of a year made of this round alone."""
        return [
            Figure("round", Label("รอบการประเมิน", "round"), self.case_id),
            Figure(
                "period",
                Label("ครั้งที่เลื่อนขั้น", "round of the year"),
                PERIOD_LABELS.get(self.period, Label(self.period, self.period)).th,
            ),
            *_figures(SalaryStepYear(self.fiscal_year, (self,))),
        ]


@attrs.frozen
class SalaryStepYear:
    """The salary-step rounds of one fiscal year."""

    fiscal_year: int
    rounds: tuple[RoundReport, ...]

    @property
    def survey_respondents(self) -> int | None:
        """Respondents of every survey of the year (None when no round has one)."""
        return _sum(r.survey_respondents for r in self.rounds)

    @property
    def survey_satisfied(self) -> int | None:
        """Respondents satisfied with the system, over every survey of the year."""
        return _sum(r.survey_satisfied for r in self.rounds if r.survey_respondents is not None)

    @property
    def satisfaction_rate(self) -> Decimal | None:
        """Percent satisfied over all respondents of the year's surveys."""
        return _rate(self.survey_satisfied, self.survey_respondents)

    @property
    def target_met(self) -> bool:
        """The year's surveys found at least :data:`SATISFACTION_TARGET` percent satisfied."""
        return _met(self.satisfaction_rate)

    def figures(self) -> list[Figure]:
        """The year's figures, in report order."""
        return _figures(self)


def _sum(values: Iterable[int | None]) -> int | None:
    found = [v for v in values if v is not None]
    return sum(found) if found else None


def _rate(part: int | None, whole: int | None) -> Decimal | None:
    if part is None or whole is None:
        return None
    return percent(part, whole)


def _met(rate: Decimal | None) -> bool:
    return rate is not None and rate >= SATISFACTION_TARGET


# --- figures -------------------------------------------------------------------------


def _figures(year: SalaryStepYear) -> list[Figure]:
    rounds = year.rounds
    evaluations = [e for r in rounds for e in r.evaluations]

    def named(keep: Iterable[EvaluationEntry]) -> tuple[str, ...]:
        return tuple(e.employee for e in keep)

    def appeals(kind: str) -> int:
        return sum(1 for e in evaluations if e.appeal == kind)

    found = [
        Figure("fiscal_year", Label("ปีงบประมาณ", "fiscal year"), year.fiscal_year),
        Figure("rounds", Label("จำนวนรอบการพิจารณา", "rounds"), len(rounds)),
        Figure("evaluations", Label("จำนวนผู้รับการประเมิน", "evaluations"), len(evaluations)),
        Figure(
            "screened",
            Label("ผ่านการกลั่นกรองแล้ว", "screened"),
            sum(1 for e in evaluations if e.screening == "screened"),
        ),
        Figure(
            "awaiting_screening",
            Label("ยังไม่ผ่านการกลั่นกรอง", "not screened yet"),
            named(e for e in evaluations if e.screening != "screened"),
        ),
        Figure(
            "sent_back",
            Label("จำนวนครั้งที่ส่งกลับให้ผู้บังคับบัญชาทบทวน", "times sent back"),
            sum(e.times_sent_back for e in evaluations),
        ),
        Figure(
            "amended",
            Label("แก้ไขผลการเลื่อนขั้นตามมติ", "steps amended"),
            named(e for e in evaluations if e.amended),
        ),
    ]
    for step in STEPS:
        label = STEP_LABELS[step]
        title = Label(f"ได้{label.th}", f"granted {label.en}") if step != "none" else label
        found.append(
            Figure(f"step_{step}", title, named(e for e in evaluations if e.final_step == step))
        )
    found += [
        Figure(
            "undecided",
            Label("ยังไม่มีมติเลื่อนขั้น", "step not decided yet"),
            named(e for e in evaluations if e.final_step is None),
        ),
        Figure(
            "appeals",
            Label("จำนวนอุทธรณ์", "appeals"),
            sum(1 for e in evaluations if e.appeal is not None),
        ),
        Figure("appeals_upheld", APPEAL_LABELS["upheld"], appeals("upheld")),
        Figure("appeals_dismissed", APPEAL_LABELS["dismissed"], appeals("dismissed")),
        Figure("appeals_pending", APPEAL_LABELS["pending"], appeals("pending")),
        Figure(
            "resolutions",
            Label("จำนวนมติคณะกรรมการ", "committee resolutions"),
            sum(len(r.resolutions) for r in rounds),
        ),
        *(
            Figure(
                f"recusals_{committee}",
                label,
                tuple(x.text() for r in rounds for x in r.recusals if x.committee == committee),
            )
            for committee, label in RECUSAL_LABELS.items()
        ),
        Figure(
            "survey_respondents",
            Label("จำนวนผู้ตอบแบบประเมินความพึงพอใจ", "survey respondents"),
            year.survey_respondents,
        ),
        Figure(
            "survey_satisfied",
            Label("จำนวนผู้พึงพอใจต่อระบบการเลื่อนขั้นเงินเดือน", "satisfied with the system"),
            year.survey_satisfied,
        ),
        Figure(
            "satisfaction_rate",
            Label("ร้อยละความพึงพอใจต่อระบบการเลื่อนขั้นเงินเดือน", "satisfaction rate (%)"),
            year.satisfaction_rate,
        ),
        Figure(
            "satisfaction_target",
            Label("ค่าเป้าหมาย (ร้อยละ)", "target (%)"),
            SATISFACTION_TARGET,
        ),
        Figure(
            "target_met",
            Label("บรรลุเป้าหมายไม่ต่ำกว่าร้อยละ ๘๐", "80% target met"),
            year.target_met,
        ),
        *_citizen_figures(evaluations),
    ]
    return found


def _citizen_figures(evaluations: Sequence[EvaluationEntry]) -> list[Figure]:
    """Project 17's output: citizens served are satisfied with the quality of service,
    at least 80%, read from the results attached to the evaluations of those who serve
    the public (their mean)."""
    results = [e.citizen_satisfaction for e in evaluations if e.citizen_satisfaction is not None]
    mean = None
    if results:
        mean = (sum(results, Decimal(0)) / len(results)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return [
        Figure(
            "citizen_results",
            Label("จำนวนผลการประเมินความพึงพอใจของประชาชนที่นำมาใช้", "citizen results used"),
            len(results),
        ),
        Figure(
            "citizen_satisfaction",
            Label(
                "ความพึงพอใจของประชาชนต่อคุณภาพการให้บริการ (ร้อยละ เฉลี่ย)",
                "citizens' satisfaction with the service (mean %)",
            ),
            mean,
        ),
        Figure(
            "citizen_target_met",
            Label(
                "ความพึงพอใจของประชาชนไม่น้อยกว่าร้อยละ ๘๐",
                "citizens' satisfaction at least 80%",
            ),
            _met(mean),
        ),
    ]


# --- reading the cases ---------------------------------------------------------------


def _number(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = parse_decimal(str(value))
    except ValueError:
        return None
    return number if number.is_finite() else None


def _count(value: Any) -> int | None:
    return int(value) if isinstance(value, int) and not isinstance(value, bool) else None


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _recusal(committee: str, subject: str, found: Mapping[str, Any]) -> Recusal:
    return Recusal(
        committee=committee,
        member=str(found.get("member", "")),
        subject=subject,
        why=str(found.get("why", "declared")),
        relation=found.get("relation"),
        detail=found.get("detail"),
    )


def _resolution(
    committee: str, found: Mapping[str, Any], motions: Mapping[str, Label]
) -> Resolution:
    subject = str(found.get("subject") or "")
    motion = str(found.get("motion", ""))
    return Resolution(
        committee=committee,
        meeting=int(found.get("meeting") or 0),
        motion=motion,
        subject=subject,
        result=str(found.get("result", "")),
        yes=tuple(found.get("yes", ())),
        no=tuple(found.get("no", ())),
        abstain=tuple(found.get("abstain", ())),
        recused=tuple(_recusal(committee, subject, r) for r in found.get("recused", ())),
        present=tuple(found.get("present", ())),
        eligible=int(found.get("eligible") or 0),
        quorum=int(found.get("quorum") or 0),
        at=_instant(str(found["at"])),
        by=str(found.get("by", "")),
        motion_label=motions.get(motion, Label(motion, motion)),
    )


def _appointment(committee: str, record: Mapping[str, Any]) -> Appointment:
    seats = record.get("seats") or {}
    return Appointment(
        committee=committee,
        order=record.get("order"),
        chair=seats.get("chair"),
        members=tuple(seats.get("members") or ()),
        secretary=seats.get("secretary"),
        appointed_by=record.get("appointed_by"),
    )


def _recusals(records: Mapping[str, Mapping[str, Any]]) -> tuple[Recusal, ...]:
    """Conflicts declared, then members recused from their own matter, each once."""
    found: dict[tuple[str, str, str], Recusal] = {}
    for committee, record in records.items():
        for conflict in record.get("conflicts", ()):
            subject = str(conflict.get("subject") or "")
            key = (committee, str(conflict.get("member")), subject)
            found.setdefault(key, _recusal(committee, subject, {**conflict, "why": "declared"}))
        for resolution in record.get("resolutions", ()):
            subject = str(resolution.get("subject") or "")
            for recused in resolution.get("recused", ()):
                key = (committee, str(recused.get("member")), subject)
                found.setdefault(key, _recusal(committee, subject, recused))
    return tuple(found.values())


@attrs.frozen
class _Outcome:
    final_step: str | None = None
    amended: bool = False
    times_sent_back: int = 0


def _outcome(events: Iterable[AuditEvent]) -> _Outcome:
    """The step as it stood when it was decided, replayed from the audit trail.

    The case's data as it is now is not enough: a later action may carry other values for
    the step fields. The step decided is the one the committee approved: the data as it
    stood before the ``decide_step`` move; an upheld appeal's step is the one it gave.
    """
    held: dict[str, Any] = {}
    found = _Outcome()
    for event in events:
        if not event.moved:
            continue
        if event.trigger == "decide_step":
            step = held.get("amended_step") if found.amended else held.get("proposed_step")
            found = attrs.evolve(found, final_step=step)
        held.update(event.data)
        if event.trigger == "send_back":
            found = attrs.evolve(found, times_sent_back=found.times_sent_back + 1)
        elif event.trigger == "amend_step":
            found = attrs.evolve(found, amended=True)
        elif event.trigger == "uphold_appeal":
            found = attrs.evolve(found, final_step=held.get("step_on_appeal"))
    return found


def _evaluation(engine: Engine, case: Case, resolutions: Sequence[Resolution]) -> EvaluationEntry:
    data = case.data
    outcome = _outcome(engine.history(case.id))
    decided = case.state in _DECIDED_STATES or case.state == "appeal_upheld"
    employee = str(data.get("employee", ""))
    about = [r for r in resolutions if r.subject == employee]
    return EvaluationEntry(
        case_id=case.id,
        employee=employee,
        supervisor=str(data.get("supervisor", "")),
        score=_number(data.get("score")),
        level=data.get("level"),
        proposed_step=data.get("proposed_step"),
        serves_public=data.get("serves_public") is True,
        citizen_satisfaction=_number(data.get("citizen_satisfaction")),
        citizen_survey=data.get("citizen_survey"),
        state=case.state,
        screening=_SCREENING_OF_STATE.get(case.state, "screened"),
        times_sent_back=outcome.times_sent_back,
        amended=outcome.amended,
        final_step=outcome.final_step if decided else None,
        appeal=_APPEAL_OF_STATE.get(case.state),
        screening_resolutions=tuple(r for r in about if r.committee == "screening"),
        salary_resolutions=tuple(r for r in about if r.committee == "salary_step"),
    )


def _report(engine: Engine, case: Case) -> RoundReport:
    records = {name: case.data.get(name) or {} for name in COMMITTEES}
    declared = engine.definition_of(case).committees
    resolutions = sorted(
        (
            _resolution(name, found, declared[name].motions if name in declared else {})
            for name, record in records.items()
            for found in record.get("resolutions", ())
        ),
        key=lambda r: r.at,
    )
    children = sorted(
        (c for c in engine.cases(EVALUATION_FLOW) if c.data.get("round") == case.id),
        key=lambda c: (c.created_at, str(c.data.get("employee", "")), c.id),
    )
    return RoundReport(
        case_id=case.id,
        fiscal_year=int(case.data.get("fiscal_year") or 0),
        period=str(case.data.get("period", "")),
        state=case.state,
        appointments=tuple(
            _appointment(name, record) for name, record in records.items() if record.get("order")
        ),
        evaluations=tuple(_evaluation(engine, c, resolutions) for c in children),
        resolutions=tuple(resolutions),
        recusals=_recusals(records),
        survey_respondents=_count(case.data.get("survey_respondents")),
        survey_satisfied=_count(case.data.get("survey_satisfied")),
    )


def round_report(engine: Engine, case_id: str) -> RoundReport:
    """The report of the ``salary_step_round`` case ``case_id``.

    Raises :class:`ReportError` when the case is not a salary-step round
    (``CaseNotFound`` when there is no such case).
    """
    case = engine.get(case_id)
    if case.flow_id != ROUND_FLOW:
        raise ReportError(
            f"เรื่อง '{case_id}' ไม่ใช่รอบการพิจารณาเลื่อนขั้นเงินเดือน ({ROUND_FLOW}) แต่เป็น '{case.flow_id}'",
            f"case '{case_id}' is a '{case.flow_id}' case, not a salary-step round ({ROUND_FLOW})",
        )
    return _report(engine, case)


def salary_step_year(engine: Engine, fiscal_year: int | str) -> SalaryStepYear:
    """The salary-step rounds of fiscal year B.E. ``fiscal_year``, April's first.

    Raises :class:`ReportError` when the year has no round.
    """
    year = parse_int(fiscal_year)
    found = [c for c in engine.cases(ROUND_FLOW) if c.data.get("fiscal_year") == year]
    if not found:
        raise ReportError(
            f"ปีงบประมาณ {thai_digits(str(year))} ยังไม่มีรอบการพิจารณาเลื่อนขั้นเงินเดือน ({ROUND_FLOW})",
            f"fiscal year {year} has no salary-step round ({ROUND_FLOW})",
        )
    order = {period: index for index, period in enumerate(PERIOD_LABELS)}
    found.sort(key=lambda c: (order.get(str(c.data.get("period")), len(order)), c.created_at, c.id))
    return SalaryStepYear(year, tuple(_report(engine, c) for c in found))
