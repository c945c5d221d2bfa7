"""The plan's monitoring reports (``integrity-flows plan monitor``): the six-month
monitoring report and the yearly results report an organisation publishes for the ITA.

For every project of the plan version in force at the end of the period:

- whether it ran: a case of a flow for the project, or an action citing one of its steps,
  moved in the period;
- the written steps done: the plan steps the actions that moved in the period cite
  (``cites`` and ``also_cites`` of their transitions);
- each indicator against its target: the figure of a declared report that says it
  ``measures`` the indicator (``2/output.1``), computed for the fiscal year, or "not
  measured" when no loaded report measures it;
- the money: the planned budget of the fiscal year (the Part 2 row, else Part 3), and what
  was approved, committed and disbursed (report figures measuring ``2/budget.approved``,
  ``.committed``, ``.disbursed``);
- the evidence: the ids of the cases that moved.

Nothing is guessed: an unreadable budget cell stays unreadable, an indicator nobody
measures says so.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from integrity_flows.calendars import english_date, fiscal_year_bounds, start_of_day_utc, thai_date
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.errors import FlowError
from integrity_flows.plan.model import BudgetCell, Indicator, Plan, PlanProject
from integrity_flows.reports.base import Figure, FigureValue
from integrity_flows.reports.catalogue import run_report

if TYPE_CHECKING:
    from integrity_flows.engine.runtime import Engine

Half = Literal["first", "year"]
MONEY = ("approved", "committed", "disbursed")


@attrs.frozen
class IndicatorResult:
    """An indicator and what the reports measured for it (None: not measured)."""

    indicator: Indicator
    value: FigureValue = None
    measured_by: str | None = None  # "report_id.figure_id"

    @property
    def measured(self) -> bool:
        """True when a loaded report measures the indicator."""
        return self.measured_by is not None

    @property
    def met(self) -> bool | None:
        """Whether the value meets the target; None when not measured or no target."""
        if not self.measured:
            return None
        if isinstance(self.value, bool):
            return self.value
        target = self.indicator.target
        if target is None or not isinstance(self.value, int | Decimal):
            return None
        return target.met(float(self.value))


@attrs.frozen
class Money:
    """A project's money in the fiscal year: planned, approved, committed, disbursed."""

    planned: int | Decimal | None
    planned_cell: BudgetCell | None
    approved: FigureValue = None
    committed: FigureValue = None
    disbursed: FigureValue = None


@attrs.frozen
class ProjectResult:
    """One project of the monitoring report."""

    project: PlanProject
    ran: bool
    flows: tuple[str, ...]
    steps_done: tuple[str, ...]
    indicators: tuple[IndicatorResult, ...]
    money: Money
    evidence: tuple[str, ...]
    # The flow and version(s) each evidence case ran under in the period, by case id:
    # ``"asset_lending v2"``, or ``"asset_lending v1 → v2"`` for a case migrated in it.
    pinned: Mapping[str, str] = attrs.field(factory=dict)

    def evidence_words(self) -> list[str]:
        """Each evidence case with the version it ran under: ``L1 (asset_lending v2)``."""
        return [f"{c} ({self.pinned[c]})" if c in self.pinned else c for c in self.evidence]


@attrs.frozen
class Monitoring:
    """The monitoring report of a plan for a period of a fiscal year."""

    plan: Plan
    version: int
    fiscal_year: int
    half: Half
    first_day: date
    last_day: date
    projects: tuple[ProjectResult, ...]

    @property
    def ran(self) -> int:
        """How many projects ran in the period."""
        return sum(p.ran for p in self.projects)


def _period(fiscal_year: int, half: Half) -> tuple[date, date]:
    first, last = fiscal_year_bounds(fiscal_year)
    if half == "first":
        last = date(first.year + 1, 3, 31)
    return first, last


def _planned(
    plan: Plan, project: PlanProject, fiscal_year: int
) -> tuple[int | Decimal | None, BudgetCell | None]:
    for row in plan.rows_of(project.number):
        cell = row.budget.get(fiscal_year)
        if cell is not None:
            return (
                cell.amount if cell.kind == "number" else 0 if cell.kind == "dash" else None
            ), cell
    return project.budget, None


def _measured(engine: Engine, fiscal_year: int) -> dict[str, tuple[str, FigureValue]]:
    """What the loaded yearly reports measure: ``"2/output.1"`` → (where, value)."""
    found: dict[str, tuple[str, FigureValue]] = {}
    for report in engine.reports:
        wanted = {f.id: f.measures for f in report.figures if f.measures}
        if not wanted or report.scope != "year":
            continue
        try:
            figures: list[Figure] = run_report(engine, report.id, fiscal_year=fiscal_year)
        except FlowError:  # a year the report cannot be made for measures nothing
            continue
        values = {f.key: f.value for f in figures}
        for figure_id, measures in wanted.items():
            for measured in measures if figure_id in values else ():
                found.setdefault(measured, (f"{report.id}.{figure_id}", values[figure_id]))
    return found


def monitor(
    engine: Engine,
    plan: Plan,
    fiscal_year: int,
    half: Half = "year",
    *,
    now: datetime | None = None,
) -> Monitoring:
    """The monitoring report of ``plan`` for ``half`` of ``fiscal_year`` (B.E.)."""
    first, last = _period(fiscal_year, half)
    start = start_of_day_utc(first)
    end = start_of_day_utc(last + timedelta(days=1))
    if now is not None:
        end = min(end, now)
    version = plan.version_on(last)
    flows_of: dict[int, set[str]] = defaultdict(set)
    for d in engine.flows.latest():
        if d.plan is not None:
            flows_of[d.plan.project].add(d.id)
    done, evidence, ran_under = _evidence(engine, start, end)
    measured = _measured(engine, fiscal_year)
    results = []
    for project in plan.projects_in(version):
        n = project.number
        indicators = tuple(
            IndicatorResult(i, measured[f"{n}/{i.id}"][1], measured[f"{n}/{i.id}"][0])
            if f"{n}/{i.id}" in measured
            else IndicatorResult(i)
            for i in project.indicators
        )
        planned, cell = _planned(plan, project, fiscal_year)
        money = Money(
            planned,
            cell,
            **{k: measured[f"{n}/budget.{k}"][1] for k in MONEY if f"{n}/budget.{k}" in measured},
        )
        steps = tuple(s.id for s in project.steps if s.id in done[n])
        results.append(
            ProjectResult(
                project,
                bool(evidence[n]),
                tuple(sorted(flows_of[n])),
                steps,
                indicators,
                money,
                tuple(sorted(evidence[n])),
                {c: _pinned(ran_under[c]) for c in sorted(evidence[n])},
            )
        )
    return Monitoring(plan, version, fiscal_year, half, first, last, tuple(results))


def _evidence(
    engine: Engine, start: datetime, end: datetime
) -> tuple[dict[int, set[str]], dict[int, set[str]], dict[str, dict[str, list[int]]]]:
    """From the moves of the period: the steps done and the cases moved for each project,
    and the flow versions each case moved under."""
    done: dict[int, set[str]] = defaultdict(set)
    evidence: dict[int, set[str]] = defaultdict(set)
    ran_under: dict[str, dict[str, list[int]]] = defaultdict(dict)
    definitions = {d.key: d for d in engine.flows}
    for event in engine.events():
        if not event.moved or not (start <= event.when < end):
            continue
        versions = ran_under[event.case_id].setdefault(event.flow_id, [])
        if event.flow_version not in versions:
            versions.append(event.flow_version)
        definition = definitions.get((event.flow_id, event.flow_version)) or _kept(
            engine, event.flow_id, event.flow_version
        )
        cites = _cites_of(event.cites, definition, event.trigger, event.from_state)
        for cite in cites:
            number, _, step = cite.partition("/")
            if number.isdigit():
                done[int(number)].add(step)
                evidence[int(number)].add(event.case_id)
        if definition is not None and definition.plan is not None:
            evidence[definition.plan.project].add(event.case_id)
    return done, evidence, ran_under


def _kept(engine: Engine, flow_id: str, version: int) -> FlowDefinition | None:
    """A version gone from the flows folders, as the store keeps it."""
    found = engine.versions.candidates(flow_id, version)
    return found[0] if found else None


def _pinned(flows: Mapping[str, list[int]]) -> str:
    return "; ".join(
        f"{flow_id} " + " → ".join(f"v{v}" for v in versions) for flow_id, versions in flows.items()
    )


def _cites_of(
    cites: str | None, definition: FlowDefinition | None, trigger: str, source: str | None
) -> Iterable[str]:
    found = [cites] if cites else []
    transition = (
        definition.transition(trigger, source)
        if definition is not None and source is not None
        else None
    )
    if transition is not None:
        found += list(transition.also_cites)
    return found


def as_dict(m: Monitoring) -> Mapping[str, object]:
    """Plain JSON data (dates ISO, amounts as numbers or text for decimals)."""

    def value(v: FigureValue) -> object:
        return str(v) if isinstance(v, Decimal) else v if not isinstance(v, tuple) else list(v)

    return {
        "plan": {"title_th": m.plan.title_th, "title_en": m.plan.title_en, "version": m.version},
        "fiscal_year": m.fiscal_year,
        "period": {"half": m.half, "from": m.first_day.isoformat(), "to": m.last_day.isoformat()},
        "projects_ran": m.ran,
        "projects": [
            {
                "number": p.project.number,
                "name_th": p.project.name_th,
                "name_en": p.project.name_en,
                "ran": p.ran,
                "flows": list(p.flows),
                "steps_done": list(p.steps_done),
                "steps": [s.id for s in p.project.steps],
                "indicators": [
                    {
                        "id": r.indicator.id,
                        "text_th": r.indicator.text_th,
                        "target": r.indicator.target.words("en") if r.indicator.target else None,
                        "measured": r.measured,
                        "measured_by": r.measured_by,
                        "value": value(r.value),
                        "met": r.met,
                    }
                    for r in p.indicators
                ],
                "money": {
                    "planned": p.money.planned,
                    "planned_as_printed": p.money.planned_cell.printed
                    if p.money.planned_cell
                    else None,
                    "approved": value(p.money.approved),
                    "committed": value(p.money.committed),
                    "disbursed": value(p.money.disbursed),
                },
                "evidence": list(p.evidence),
                "evidence_versions": dict(p.pinned),
            }
            for p in m.projects
        ],
    }


_WORDS = {
    "report_first": (
        "รายงานการติดตามผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต รอบ ๖ เดือน",
        "Six-month monitoring report of the anti-corruption action plan",
    ),
    "report_year": (
        "รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ประจำปี",
        "Yearly results report of the anti-corruption action plan",
    ),
    "fiscal_year": ("ปีงบประมาณ พ.ศ.", "fiscal year B.E."),
    "period": ("ช่วงเวลา", "period"),
    "version": ("แผนฉบับที่", "plan version"),
    "ran": ("โครงการที่ดำเนินการในช่วงเวลานี้", "projects that ran in the period"),
    "project": ("โครงการ/กิจกรรม/มาตรการ", "project / activity / measure"),
    "done": ("ดำเนินการ", "ran"),
    "not_done": ("ยังไม่ดำเนินการ", "not run"),
    "steps": ("ขั้นตอนที่ดำเนินการ", "steps done"),
    "indicator": ("ตัวชี้วัด", "indicator"),
    "target": ("ค่าเป้าหมาย", "target"),
    "result": ("ผล", "result"),
    "met": ("บรรลุ", "met"),
    "not_met": ("ไม่บรรลุ", "not met"),
    "not_measured": ("ยังไม่มีการวัด", "not measured"),
    "no_data": ("ยังไม่มีข้อมูล", "no data yet"),
    "no_target": ("ไม่มีค่าเป้าหมาย", "no target"),
    "budget": ("งบประมาณ (บาท)", "budget (baht)"),
    "planned": ("ตามแผน", "planned"),
    "approved": ("อนุมัติ", "approved"),
    "committed": ("ก่อหนี้ผูกพัน", "committed"),
    "disbursed": ("เบิกจ่าย", "disbursed"),
    "evidence": ("หลักฐาน (เลขที่เรื่อง)", "evidence (case ids)"),
    "unreadable": ("อ่านไม่ได้", "unreadable"),
}


def say(key: str, lang: str) -> str:
    """A fixed word of the monitoring report in ``lang`` (``th`` or ``en``)."""
    th, en = _WORDS[key]
    return th if lang == "th" else en


def result_words(r: IndicatorResult, lang: str) -> str:
    """An indicator's result in words: the value and met / not met / not measured."""
    if not r.measured:
        return say("not_measured", lang)
    if r.value is None:
        return say("no_data", lang)
    shown = (
        str(r.value)
        if not isinstance(r.value, bool)
        else say("met" if r.value else "not_met", lang)
    )
    if r.met is None or isinstance(r.value, bool):
        return shown
    return f"{shown} ({say('met' if r.met else 'not_met', lang)})"


def target_words(r: IndicatorResult, lang: str) -> str:
    """An indicator's target in words, or "no target"."""
    target = r.indicator.target
    return target.words(lang) if target is not None else say("no_target", lang)


def money_words(value: object, cell: BudgetCell | None, lang: str) -> str:
    """An amount as shown: a number, a dash, or what an unreadable cell printed."""
    if cell is not None and cell.kind == "unreadable":
        return f"{cell.printed} ({say('unreadable', lang)})"
    if value is None:
        return "-"
    return f"{value:,}" if isinstance(value, int | Decimal) else str(value)


def page(m: Monitoring, lang: str = "th") -> str:
    """One self-contained HTML page of the report, fit to publish (every text escaped)."""
    e = html.escape
    title = say("report_first" if m.half == "first" else "report_year", lang)
    plan_title = m.plan.title_th if lang == "th" else m.plan.title_en
    day = thai_date if lang == "th" else english_date
    rows = []
    for p in m.projects:
        name = p.project.name_th if lang == "th" else p.project.name_en
        indicators = "".join(
            f"<li>{e(r.indicator.text_th)} — {e(say('target', lang))}: {e(target_words(r, lang))}"
            f" — {e(say('result', lang))}: {e(result_words(r, lang))}</li>"
            for r in p.indicators
        )
        cell = p.money.planned_cell
        money = " · ".join(
            f"{e(say(k, lang))} {e(money_words(v, cell if k == 'planned' else None, lang))}"
            for k, v in (
                ("planned", p.money.planned),
                ("approved", p.money.approved),
                ("committed", p.money.committed),
                ("disbursed", p.money.disbursed),
            )
        )
        steps = f"{len(p.steps_done)}/{len(p.project.steps)}"
        if p.steps_done:
            steps += " (" + ", ".join(p.steps_done) + ")"
        rows.append(
            "<tr>"
            f"<td>{p.project.number}</td><td>{e(name)}</td>"
            f"<td>{e(say('done' if p.ran else 'not_done', lang))}</td>"
            f"<td>{e(steps)}</td><td><ul>{indicators}</ul></td><td>{money}</td>"
            f"<td>{e(', '.join(p.evidence_words())) or '-'}</td>"
            "</tr>"
        )
    head = "".join(
        f"<th>{e(h)}</th>"
        for h in (
            "#",
            say("project", lang),
            say("ran", lang),
            say("steps", lang),
            say("indicator", lang),
            say("budget", lang),
            say("evidence", lang),
        )
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
        f"<title>{e(title)}</title><style>"
        "body{font-family:sans-serif;margin:2em;line-height:1.5}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3em;"
        "vertical-align:top;text-align:left}ul{margin:0;padding-left:1.2em}"
        "</style></head>\n<body>\n"
        f"<h1>{e(title)}</h1>\n<p>{e(plan_title)}</p>\n"
        f"<p>{e(say('fiscal_year', lang))} {m.fiscal_year} · {e(say('period', lang))} "
        f"{e(day(m.first_day))} – {e(day(m.last_day))} · "
        f"{e(say('version', lang))} {m.version}</p>\n"
        f"<p>{e(say('ran', lang))}: {m.ran}/{len(m.projects)}</p>\n"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>\n"
        "</body>\n</html>\n"
    )


__all__ = ["IndicatorResult", "Money", "Monitoring", "ProjectResult", "as_dict", "monitor"]
