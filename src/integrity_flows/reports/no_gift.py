"""No Gift Policy reports (plan project 15), computed from the cases.

- :func:`declaration_register`: the register of gift declarations of a fiscal year
  (ทะเบียนการแจ้งการรับของขวัญ), with counts by disposition and the values involved.
  A declaration belongs to the fiscal year of the day the gift was received or offered.
- :meth:`DeclarationRegister.public`: the figures the organization may publish: counts and
  totals only, no names, no giver, no description of the gift or occasion, no case ids.
- :func:`pledge_kpi`: output 2 of the plan, "100% of executives, council members and staff
  act under the policy (survey)": the target group recorded on the year's
  ``no_gift_policy`` case, the pledges (``no_gift_pledge`` cases) against it, who has not
  pledged yet, and the survey result recorded on the same case.

Percentages are rounded half up to two decimals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

import attrs

from integrity_flows.audit.records import REDACTED
from integrity_flows.calendars import THAI_TZ, parse_decimal, parse_int, thai_digits
from integrity_flows.calendars import fiscal_year as fiscal_year_of
from integrity_flows.definition.model import Label
from integrity_flows.protection.keys import is_sealed
from integrity_flows.reports.base import Figure, ReportError

if TYPE_CHECKING:
    from integrity_flows.actor import Actor
    from integrity_flows.case import Case
    from integrity_flows.engine.runtime import Engine

DECLARATION_FLOW = "gift_declaration"
POLICY_FLOW = "no_gift_policy"
PLEDGE_FLOW = "no_gift_pledge"

#: The dispositions of a declaration, in report order; ``pending`` is not decided yet.
DISPOSITIONS: tuple[str, ...] = ("refused", "returned", "handed_over", "kept", "pending")
DISPOSITION_LABELS: Mapping[str, Label] = {
    "refused": Label("ปฏิเสธการรับ", "refused"),
    "returned": Label("ส่งคืนผู้ให้", "returned to the giver"),
    "handed_over": Label("ส่งมอบให้หน่วยงาน", "handed over"),
    "kept": Label("รับไว้ได้", "kept"),
    "pending": Label("รอวินิจฉัย", "pending"),
}
#: The disposition each state of ``gift_declaration`` stands for: a return or a hand-over
#: counts from the decision, whether or not it has been carried out yet.
DISPOSITION_OF_STATE: Mapping[str, str] = {
    "declared": "pending",
    "reviewed": "pending",
    "refused": "refused",
    "return_ordered": "returned",
    "returned": "returned",
    "hand_over_ordered": "handed_over",
    "registered": "handed_over",
    "kept": "kept",
}
RELATIONS: tuple[str, ...] = ("relative", "colleague", "stakeholder", "other")
RELATION_LABELS: Mapping[str, Label] = {
    "relative": Label("ผู้ให้เป็นญาติ", "from relatives"),
    "colleague": Label("ผู้ให้เป็นผู้ร่วมงาน", "from colleagues"),
    "stakeholder": Label("ผู้ให้เป็นผู้มีส่วนได้เสีย", "from stakeholders"),
    "other": Label("ผู้ให้เป็นบุคคลอื่น", "from other persons"),
}

_CENT = Decimal("0.01")
_HUNDRED = Decimal(100)
_ZERO = Decimal(0)


def percent(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` in percent, two decimals, rounded half up; None when empty."""
    if whole <= 0:
        return None
    return (Decimal(part) * _HUNDRED / Decimal(whole)).quantize(_CENT, ROUND_HALF_UP)


def _amount(value: Any) -> Decimal:
    """A stored decimal as a number; anything that is not a finite number counts as 0."""
    try:
        number = parse_decimal(str(value)) if value not in (None, "") else _ZERO
    except ValueError:
        return _ZERO
    return number if number.is_finite() else _ZERO


# --- the declaration register -----------------------------------------------------


@attrs.frozen
class Declaration:
    """One line of the register. ``giver`` is sensitive: never part of published figures."""

    case_id: str
    received_on: date
    declared_at: datetime
    kind: str
    recipient: str
    giver: str
    relation: str
    occasion: str
    gift: str
    estimated_value: Decimal
    action_at_time: str
    disposition: str
    completed: bool
    state: str
    gift_register_no: str | None


@attrs.frozen
class PublicGiftFigures:
    """What the organization may publish about a year's declarations: counts and totals."""

    fiscal_year: int
    declarations: int
    declared_by_recipients: int
    findings: int
    by_disposition: Mapping[str, int]
    value_by_disposition: Mapping[str, Decimal]
    total_value: Decimal
    by_relation: Mapping[str, int]
    registered: int

    def figures(self) -> list[Figure]:
        """The figures, in report order."""
        found = [
            Figure("fiscal_year", Label("ปีงบประมาณ", "fiscal year"), self.fiscal_year),
            Figure("declarations", Label("จำนวนเรื่องทั้งหมด", "declarations"), self.declarations),
            Figure(
                "declared_by_recipients",
                Label("แจ้งโดยผู้รับ", "declared by recipients"),
                self.declared_by_recipients,
            ),
            Figure("findings", Label("ตรวจพบภายหลัง", "found later"), self.findings),
        ]
        for key in DISPOSITIONS:
            found.append(Figure(key, DISPOSITION_LABELS[key], self.by_disposition[key]))
        found.append(
            Figure("total_value", Label("มูลค่ารวม (บาท)", "total value (baht)"), self.total_value)
        )
        for key in DISPOSITIONS:
            label = DISPOSITION_LABELS[key]
            found.append(
                Figure(
                    f"value_{key}",
                    Label(f"มูลค่า{label.th} (บาท)", f"value {label.en} (baht)"),
                    self.value_by_disposition[key],
                )
            )
        found.append(
            Figure("registered", Label("ลงทะเบียนของขวัญแล้ว", "registered"), self.registered)
        )
        for key in RELATIONS:
            found.append(Figure(f"relation_{key}", RELATION_LABELS[key], self.by_relation[key]))
        return found

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON data: amounts as text with two decimals."""
        return {
            "fiscal_year": self.fiscal_year,
            "declarations": self.declarations,
            "declared_by_recipients": self.declared_by_recipients,
            "findings": self.findings,
            "by_disposition": dict(self.by_disposition),
            "value_by_disposition": {k: f"{v:.2f}" for k, v in self.value_by_disposition.items()},
            "total_value": f"{self.total_value:.2f}",
            "by_relation": dict(self.by_relation),
            "registered": self.registered,
        }


@attrs.frozen
class DeclarationRegister:
    """The declarations of one fiscal year, in the order the gifts were received."""

    fiscal_year: int
    entries: tuple[Declaration, ...]

    def count(self, disposition: str) -> int:
        """How many declarations have ``disposition``."""
        return sum(1 for e in self.entries if e.disposition == disposition)

    def value(self, disposition: str | None = None) -> Decimal:
        """The estimated value of the declarations (of one ``disposition``), in baht."""
        return sum(
            (e.estimated_value for e in self.entries if disposition in (None, e.disposition)),
            _ZERO,
        )

    def public(self) -> PublicGiftFigures:
        """The figures that may be published: no names, no giver, no descriptions."""
        return PublicGiftFigures(
            fiscal_year=self.fiscal_year,
            declarations=len(self.entries),
            declared_by_recipients=sum(1 for e in self.entries if e.kind == "declaration"),
            findings=sum(1 for e in self.entries if e.kind == "finding"),
            by_disposition={key: self.count(key) for key in DISPOSITIONS},
            value_by_disposition={key: self.value(key) for key in DISPOSITIONS},
            total_value=self.value(),
            by_relation={
                key: sum(1 for e in self.entries if e.relation == key) for key in RELATIONS
            },
            registered=sum(1 for e in self.entries if e.state == "registered"),
        )

    def figures(self) -> list[Figure]:
        """The public figures, with the recipients and the register numbers of the year."""
        recipients = tuple(dict.fromkeys(e.recipient for e in self.entries))
        numbers = tuple(e.gift_register_no for e in self.entries if e.gift_register_no)
        return [
            *self.public().figures(),
            Figure("recipients", Label("ผู้รับ", "recipients"), recipients),
            Figure(
                "register_numbers",
                Label("เลขทะเบียนของขวัญ", "gift register numbers"),
                numbers,
            ),
        ]


def _declaration(case: Case) -> Declaration:
    data = case.data
    received = data.get("received_on")
    return Declaration(
        case_id=case.id,
        received_on=(
            date.fromisoformat(received) if received else case.created_at.astimezone(THAI_TZ).date()
        ),
        declared_at=case.created_at,
        kind=str(data.get("kind", "declaration")),
        recipient=str(data.get("recipient", "")),
        giver=_shown(data.get("giver")),
        relation=str(data.get("relation", "")),
        occasion=str(data.get("occasion", "")),
        gift=str(data.get("gift", "")),
        estimated_value=_amount(data.get("estimated_value")),
        action_at_time=str(data.get("action_at_time", "")),
        disposition=DISPOSITION_OF_STATE.get(case.state, "pending"),
        completed=case.state in ("refused", "returned", "registered", "kept"),
        state=case.state,
        gift_register_no=data.get("gift_register_no"),
    )


def _shown(value: Any) -> str:
    """A stored giver as the register shows it: ``***`` while it is sealed."""
    return REDACTED if is_sealed(value) else str(value or "")


def declaration_register(
    engine: Engine,
    fiscal_year: int | str,
    flow_id: str = DECLARATION_FLOW,
    *,
    reader: Actor | None = None,
    reason: str | None = None,
) -> DeclarationRegister:
    """The declarations of gifts received or offered in fiscal year B.E. ``fiscal_year``.

    The giver is sensitive and shows as ``***``; with a ``reader`` (one of the field's
    ``readers``) and a ``reason``, each giver of the year is read in clear through
    ``Engine.reveal``, and each reading is recorded in that declaration's audit trail.
    """
    year = parse_int(fiscal_year)
    entries = []
    for case in engine.cases(flow_id):
        entry = _declaration(case)
        if fiscal_year_of(entry.received_on) != year:
            continue
        if reader is not None:
            giver = engine.reveal(case.id, "giver", actor=reader, reason=reason or "")
            entry = attrs.evolve(entry, giver=str(giver or ""))
        entries.append(entry)
    entries.sort(key=lambda e: (e.received_on, e.declared_at, e.case_id))
    return DeclarationRegister(year, tuple(entries))


def public_figures(engine: Engine, fiscal_year: int | str) -> PublicGiftFigures:
    """The publishable figures of fiscal year B.E. ``fiscal_year``."""
    return declaration_register(engine, fiscal_year).public()


# --- the pledge KPI -----------------------------------------------------------------

_SEPARATORS = re.compile(r"[,\n]")


def names(items: Iterable[Any]) -> list[str]:
    """People named in list items, in order, each once; an item may name several,
    separated by commas or line breaks."""
    found: dict[str, None] = {}
    for item in items:
        for name in _SEPARATORS.split(str(item)):
            if name.strip():
                found.setdefault(name.strip(), None)
    return list(found)


@attrs.frozen
class PledgeKpi:
    """Output 2 of project 15 for one fiscal year, from the pledges and the survey."""

    fiscal_year: int
    measure_case_id: str
    measure_state: str
    target_group: tuple[str, ...]
    pledged: tuple[str, ...]
    missing: tuple[str, ...]
    outside_target: tuple[str, ...]
    survey_respondents: int | None
    survey_compliant: int | None

    @property
    def pledge_rate(self) -> Decimal | None:
        """Percent of the target group who have pledged."""
        return percent(len(self.pledged), len(self.target_group))

    @property
    def survey_rate(self) -> Decimal | None:
        """Percent of the survey's respondents acting under the policy."""
        if self.survey_respondents is None or self.survey_compliant is None:
            return None
        return percent(self.survey_compliant, self.survey_respondents)

    @property
    def target_met(self) -> bool:
        """Everyone in the target group has pledged and the survey found 100%."""
        return (
            bool(self.target_group)
            and not self.missing
            and self.survey_rate is not None
            and self.survey_rate == _HUNDRED
        )

    def figures(self) -> list[Figure]:
        """The figures, in report order."""
        return [
            Figure("fiscal_year", Label("ปีงบประมาณ", "fiscal year"), self.fiscal_year),
            Figure(
                "target_group", Label("จำนวนกลุ่มเป้าหมาย", "target group"), len(self.target_group)
            ),
            Figure("pledged", Label("รับทราบและถือปฏิบัติแล้ว", "pledged"), len(self.pledged)),
            Figure(
                "missing_count",
                Label("จำนวนผู้ที่ยังไม่รับทราบ", "number not pledged yet"),
                len(self.missing),
            ),
            Figure("missing", Label("ผู้ที่ยังไม่รับทราบ", "not pledged yet"), self.missing),
            Figure("pledge_rate", Label("ร้อยละที่รับทราบ", "pledge rate (%)"), self.pledge_rate),
            Figure(
                "outside_target",
                Label("ผู้รับทราบนอกกลุ่มเป้าหมาย", "pledged outside the target group"),
                self.outside_target,
            ),
            Figure(
                "survey_respondents",
                Label("จำนวนผู้ตอบแบบสำรวจ", "survey respondents"),
                self.survey_respondents,
            ),
            Figure(
                "survey_compliant",
                Label("จำนวนผู้ปฏิบัติตามมาตรการ", "acting under the policy"),
                self.survey_compliant,
            ),
            Figure(
                "survey_rate",
                Label("ร้อยละที่ปฏิบัติตามมาตรการ", "survey rate (%)"),
                self.survey_rate,
            ),
            Figure(
                "target_met",
                Label("บรรลุเป้าหมายร้อยละ ๑๐๐", "100% target met"),
                self.target_met,
            ),
        ]


def _measure_case(engine: Engine, year: int, flow_id: str) -> Case:
    found = [c for c in engine.cases(flow_id) if c.data.get("fiscal_year") == year]
    if not found:
        raise ReportError(
            f"ยังไม่มีการดำเนินการตามมาตรการ NO Gift Policy ของปีงบประมาณ {thai_digits(str(year))} "
            f"(เรื่อง {flow_id}) จึงไม่มีกลุ่มเป้าหมาย",
            f"fiscal year {year} has no No Gift Policy case ({flow_id}), so no target group",
        )
    return min(found, key=lambda c: (c.created_at, c.id))


def pledge_kpi(
    engine: Engine,
    fiscal_year: int | str,
    *,
    policy_flow: str = POLICY_FLOW,
    pledge_flow: str = PLEDGE_FLOW,
) -> PledgeKpi:
    """The pledge KPI of fiscal year B.E. ``fiscal_year``.

    The target group is what the year's ``no_gift_policy`` case records in
    ``target_group`` less ``left_target_group``; a pledge counts while its case is in
    state ``pledged``. Raises :class:`ReportError` when the year has no such case.
    """
    year = parse_int(fiscal_year)
    measure = _measure_case(engine, year, policy_flow)
    left = set(names(measure.data.get("left_target_group", ())))
    target = [name for name in names(measure.data.get("target_group", ())) if name not in left]
    pledgers = names(
        c.data.get("pledger", "")
        for c in engine.cases(pledge_flow, state="pledged")
        if c.data.get("fiscal_year") == year
    )
    pledged = set(pledgers)
    respondents = measure.data.get("survey_respondents")
    compliant = measure.data.get("survey_compliant")
    return PledgeKpi(
        fiscal_year=year,
        measure_case_id=measure.id,
        measure_state=measure.state,
        target_group=tuple(target),
        pledged=tuple(n for n in target if n in pledged),
        missing=tuple(n for n in target if n not in pledged),
        outside_target=tuple(n for n in pledgers if n not in set(target)),
        survey_respondents=int(respondents) if respondents is not None else None,
        survey_compliant=int(compliant) if compliant is not None else None,
    )
