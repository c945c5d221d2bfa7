"""The plan catalogue and the procedure coverage it is measured against.

The catalogue (``lampang-2566-2570.yaml``, shipped with the package) holds the 37
projects of Part 3 of the plan with their written method steps, and the three rows of
the plan's risk table. Transitions cite a step as ``"13/5.1"`` (project 13, method
section 5, item 1) or a risk row as ``"risk/1"``; scenarios carry the same as tags,
``@plan-13-5.1`` and ``@plan-risk-1``. A tag ``@plan-13`` or ``@plan-13-5`` (a section,
no item) cites project 13 as a whole.

:func:`coverage` reports, for every step and risk row, the transitions that implement
it and the scenarios that exercise it, and as problems every cite or tag that names a
project, step or risk row the catalogue does not have (a likely typo).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
from gherkin.errors import CompositeParserException, ParserError
from gherkin.parser import Parser

from integrity_flows.definition.model import FlowDefinition, Label
from integrity_flows.errors import Problem
from integrity_flows.plan.model import Plan, PlanProject, PlanStep, RiskRow
from integrity_flows.plan.reading import entry_point_plans, read_plan, read_plan_file

CATALOGUE = "lampang-2566-2570.yaml"
PLAN_TAG = "@plan-"

_ID = r"\d+(?:\.\d+)*"
_CITE = re.compile(rf"^(?:risk/(?P<risk>\d+)|(?P<project>\d+)/(?P<step>{_ID}))$")
_TAG = re.compile(rf"^@plan-(?:risk-(?P<risk>\d+)|(?P<project>\d+)(?:-(?P<step>{_ID}))?)$")


# --- the catalogue ------------------------------------------------------------------


def parse_plan(text: str, source: str = "<memory>") -> Plan:
    """A :class:`Plan` from the text of a plan file (:func:`read_plan`)."""
    return read_plan(text, source)


@functools.cache
def load_plan() -> Plan:
    """The plan shipped with the package (read once)."""
    resource = resources.files("integrity_flows.plan") / CATALOGUE
    return read_plan(resource.read_text(encoding="utf-8"), f"integrity_flows/plan/{CATALOGUE}")


def open_plan(where: str | Path | None = None) -> Plan:
    """The plan in the file ``where``, or published under that name by an installed
    package (entry point ``integrity_flows.plans``); the bundled plan when None."""
    if where is None:
        return load_plan()
    published = entry_point_plans()
    if isinstance(where, str) and where in published:
        return read_plan_file(published[where])
    return read_plan_file(where)


# --- references: who cites what -----------------------------------------------------


@attrs.frozen
class TransitionRef:
    """A transition (or a flow's start action, trigger ``start``) citing a plan step."""

    flow_id: str
    version: int
    trigger: str
    label: Label

    def __str__(self) -> str:
        label = f"{self.label.th} / {self.label.en}"
        return f"{self.flow_id} v{self.version} · {self.trigger} ({label})"


@attrs.frozen
class ScenarioRef:
    """A scenario (or scenario outline) tagged with a plan step."""

    file: str
    line: int
    name: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}  {self.name}"


class _Cited:
    """A step or a risk row with what cites it: transitions and scenarios."""

    transitions: tuple[TransitionRef, ...]
    scenarios: tuple[ScenarioRef, ...]

    @property
    def implemented(self) -> bool:
        """True when at least one transition cites it."""
        return bool(self.transitions)

    @property
    def exercised(self) -> bool:
        """True when at least one scenario is tagged with it."""
        return bool(self.scenarios)


@attrs.frozen
class StepCoverage(_Cited):
    """One step: the transitions implementing it and the scenarios exercising it."""

    step: PlanStep
    cite: str
    transitions: tuple[TransitionRef, ...] = ()
    scenarios: tuple[ScenarioRef, ...] = ()


@attrs.frozen
class RiskCoverage(_Cited):
    """One risk row: the transitions and scenarios citing it."""

    row: RiskRow
    transitions: tuple[TransitionRef, ...] = ()
    scenarios: tuple[ScenarioRef, ...] = ()


@attrs.frozen
class ProjectCoverage:
    """One project: its steps' coverage, the flows written for it, whole-project scenarios."""

    project: PlanProject
    steps: tuple[StepCoverage, ...]
    flows: tuple[str, ...] = ()
    scenarios: tuple[ScenarioRef, ...] = ()

    @property
    def touched(self) -> bool:
        """True when any flow or scenario is about the project."""
        return bool(
            self.flows or self.scenarios or any(s.implemented or s.exercised for s in self.steps)
        )

    @property
    def implemented(self) -> int:
        """How many of its steps a transition cites."""
        return sum(s.implemented for s in self.steps)

    @property
    def exercised(self) -> int:
        """How many of its steps a scenario is tagged with."""
        return sum(s.exercised for s in self.steps)


@attrs.frozen
class CoverageReport:
    """The procedure coverage of the plan by flows and scenarios, with the problems found."""

    plan: Plan
    projects: tuple[ProjectCoverage, ...]
    risks: tuple[RiskCoverage, ...]
    problems: tuple[Problem, ...] = ()
    scenario_count: int = 0

    def project(self, number: int) -> ProjectCoverage | None:
        """The coverage of project ``number``."""
        return next((p for p in self.projects if p.project.number == number), None)

    def step(self, cite: str) -> StepCoverage | None:
        """The coverage of the step cited as ``cite`` ("13/5.1")."""
        return next((s for p in self.projects for s in p.steps if s.cite == cite), None)

    def risk(self, number: int) -> RiskCoverage | None:
        """The coverage of risk row ``number``."""
        return next((r for r in self.risks if r.row.number == number), None)

    @property
    def touched(self) -> tuple[ProjectCoverage, ...]:
        """The projects some flow or scenario is about."""
        return tuple(p for p in self.projects if p.touched)

    @property
    def step_count(self) -> int:
        """How many steps the plan has."""
        return sum(len(p.steps) for p in self.projects)

    @property
    def implemented(self) -> int:
        """How many steps some transition cites."""
        return sum(p.implemented for p in self.projects)

    @property
    def exercised(self) -> int:
        """How many steps some scenario is tagged with."""
        return sum(p.exercised for p in self.projects)


# --- resolving cites and tags -------------------------------------------------------


def _unknown(plan: Plan, match: re.Match[str], written: str) -> tuple[str, str] | None:
    """Why the cite or tag ``written`` names nothing in the plan (English, Thai), or None."""
    if match["risk"]:
        risk = int(match["risk"])
        if plan.risk(risk) is not None:
            return None
        rows = f"rows 1-{len(plan.risks)}" if plan.risks else "no rows"
        return (
            f"'{written}' names risk row {risk}, but the risk table has {rows}",
            f"'{written}' อ้างถึงความเสี่ยงลำดับที่ {risk} ซึ่งไม่มีในตารางความเสี่ยง",
        )
    return _unknown_step(plan, int(match["project"]), match["step"], written)


def _unknown_step(
    plan: Plan, project: int, step: str | None, written: str
) -> tuple[str, str] | None:
    found = plan.project(project)
    if found is None:
        return (
            f"'{written}' names project {project}, but the plan has projects "
            f"1-{len(plan.projects)}",
            f"'{written}' อ้างถึงโครงการที่ {project} ซึ่งไม่มีในแผน",
        )
    if step is None or step in found.sections or found.step(step) is not None:
        return None
    if "." not in step:
        return (
            f"'{written}' names section {step} of project {project}, whose method steps "
            f"are under section {', '.join(sorted(found.sections)) or '-'}",
            f"'{written}' อ้างถึงข้อ {step} ของโครงการที่ {project} ซึ่งไม่ใช่หัวข้อวิธีดำเนินการ",
        )
    known = ", ".join(s.id for s in found.steps) or "-"
    return (
        f"'{written}' names step {step} of project {project}, which the plan does not "
        f"have (its steps: {known})",
        f"'{written}' อ้างถึงขั้นตอน {step} ของโครงการที่ {project} ซึ่งไม่มีในแผน (มีขั้นตอน {known})",
    )


class _Collector:
    """Gathers who cites what, keyed by ``"13/5.1"``, ``"risk/1"`` or ``"13"``."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.transitions: dict[str, list[TransitionRef]] = {}
        self.scenarios: dict[str, list[ScenarioRef]] = {}
        self.flows: dict[int, set[str]] = {}
        self.problems: list[Problem] = []
        self.scenario_count = 0

    # flows

    def flow(self, definition: FlowDefinition) -> None:
        d = definition
        if d.plan is None:
            return  # a host's own flow, outside the plan: it implements no plan step
        if self.plan.project(d.plan.project) is not None:
            self.flows.setdefault(d.plan.project, set()).add(d.id)
        else:
            self._flow_problem(
                d,
                "plan.project",
                f"the flow names project {d.plan.project}, which the plan does not have",
                f"ขั้นตอนงานระบุโครงการที่ {d.plan.project} ซึ่งไม่มีในแผน",
            )
        for row in d.plan.risk_rows:
            if self.plan.risk(row) is None:
                self._flow_problem(
                    d,
                    "plan.risk_rows",
                    f"the flow names risk row {row}, which the risk table does not have",
                    f"ขั้นตอนงานระบุความเสี่ยงลำดับที่ {row} ซึ่งไม่มีในตารางความเสี่ยง",
                )
        start = TransitionRef(d.id, d.version, "start", d.start.label)
        for path, cite in _cites("start", d.start.cites, d.start.also_cites):
            self._cite(d, path, cite, start)
        for index, t in enumerate(d.transitions):
            ref = TransitionRef(d.id, d.version, t.trigger, t.label)
            for path, cite in _cites(f"transitions[{index}] ({t.trigger})", t.cites, t.also_cites):
                self._cite(d, path, cite, ref)

    def _cite(self, d: FlowDefinition, path: str, cites: str, ref: TransitionRef) -> None:
        match = _CITE.match(cites.strip())
        if match is None:
            self._flow_problem(
                d,
                path,
                f"'{cites}' is not a plan cite: write '13/5.1' (project/step) or 'risk/1'",
                f"'{cites}' ไม่ใช่การอ้างอิงแผน ให้เขียน '13/5.1' (โครงการ/ขั้นตอน) หรือ 'risk/1'",
            )
            return
        risk, project = match["risk"], match["project"]
        why = _unknown(self.plan, match, cites)
        if why is None and project and "." not in match["step"]:
            why = (
                f"'{cites}' names a section, not a step: cite the step, e.g. "
                f"'{project}/{match['step']}.1'",
                f"'{cites}' ระบุหัวข้อ ไม่ใช่ขั้นตอน ให้ระบุขั้นตอน เช่น '{project}/{match['step']}.1'",
            )
        if why is not None:
            self._flow_problem(d, path, *why)
            return
        key = f"risk/{int(risk)}" if risk else f"{int(project)}/{match['step']}"
        refs = self.transitions.setdefault(key, [])
        if ref not in refs:  # a trigger repeated for several states is one implementation
            refs.append(ref)
        if project:
            self.flows.setdefault(int(project), set()).add(d.id)

    def cited(self, source: str, where: str, cites: tuple[str, ...]) -> None:
        """Check the cites of a declaration that implements no step (a report)."""
        for index, written in enumerate(cites):
            path = f"{where}.cites[{index}]"
            match = _CITE.match(written.strip())
            if match is None:
                self.problems.append(
                    Problem(
                        source,
                        path,
                        f"'{written}' is not a plan cite: write '13/5.1' (project/step) "
                        "or 'risk/1'",
                        f"'{written}' ไม่ใช่การอ้างอิงแผน ให้เขียน '13/5.1' (โครงการ/ขั้นตอน) หรือ 'risk/1'",
                    )
                )
                continue
            why = _unknown(self.plan, match, written)
            if why is not None:
                self.problems.append(Problem(source, path, *why))

    def measured(self, source: str, where: str, measures: tuple[str, ...]) -> None:
        """Check that what a report figure measures is an indicator or project of the plan."""
        for index, written in enumerate(measures):
            number, _, what = written.partition("/")
            project = self.plan.project(int(number)) if number.isdigit() else None
            path = f"{where}.measures[{index}]"
            if project is None:
                self.problems.append(
                    Problem(
                        source,
                        path,
                        f"'{written}' names project {number}, which the plan does not have",
                        f"'{written}' อ้างถึงโครงการที่ {number} ซึ่งไม่มีในแผน",
                    )
                )
            elif not what.startswith("budget.") and project.indicator(what) is None:
                known = ", ".join(i.id for i in project.indicators) or "-"
                self.problems.append(
                    Problem(
                        source,
                        path,
                        f"'{written}': project {number} has no indicator {what} (it has: {known})",
                        f"'{written}': โครงการที่ {number} ไม่มีตัวชี้วัด {what} (มี: {known})",
                    )
                )

    def _flow_problem(self, d: FlowDefinition, path: str, en: str, th: str) -> None:
        self.problems.append(Problem(d.source, f"{d.id} v{d.version}: {path}", en, th))

    # scenarios

    def feature_file(self, path: Path, shown: str) -> None:
        try:
            text = path.read_text(encoding="utf-8")
            document = Parser().parse(text)
        except (OSError, UnicodeDecodeError) as exc:
            self.problems.append(
                Problem(shown, "", f"cannot read the file: {exc}", f"อ่านไฟล์ไม่ได้: {exc}")
            )
            return
        except (CompositeParserException, ParserError) as exc:
            self.problems.append(
                Problem(
                    shown, "", f"the file does not parse: {exc}", f"ไฟล์อ่านเป็น Gherkin ไม่ได้: {exc}"
                )
            )
            return
        feature: Mapping[str, Any] | None = document.get("feature")
        if feature:
            self._node_tags(feature, shown)
            for child in feature.get("children", ()):
                if "rule" in child:
                    self._node_tags(child["rule"], shown)
            for scenario, tags in _scenarios(feature.get("children", ()), _tag_names(feature)):
                self._scenario(scenario, tags, shown)

    def _scenario(self, scenario: Mapping[str, Any], tags: set[str], shown: str) -> None:
        self.scenario_count += 1
        self._node_tags(scenario, shown)
        for examples in scenario.get("examples", ()):
            self._node_tags(examples, shown)
            tags = tags | _tag_names(examples)
        ref = ScenarioRef(shown, int(scenario["location"]["line"]), str(scenario.get("name", "")))
        for key in sorted({k for k in map(self._tag_key, tags) if k is not None}):
            self.scenarios.setdefault(key, []).append(ref)

    def _tag_key(self, tag: str) -> str | None:
        match = _TAG.match(tag)
        if match is None:
            return None
        if match["risk"]:
            return f"risk/{int(match['risk'])}"
        step = match["step"]
        if step and "." in step:
            return f"{int(match['project'])}/{step}"
        return str(int(match["project"]))

    def _node_tags(self, node: Mapping[str, Any], shown: str) -> None:
        """Report the plan tags written on ``node`` that name nothing in the plan."""
        for tag in node.get("tags", ()):
            name = str(tag["name"])
            if not name.startswith(PLAN_TAG):
                continue
            where = f"line {tag['location']['line']}"
            match = _TAG.match(name)
            if match is None:
                self.problems.append(
                    Problem(
                        shown,
                        where,
                        f"'{name}' is not a plan tag: write @plan-13-5.1 (project 13, step 5.1), "
                        "@plan-13 (the whole project) or @plan-risk-1",
                        f"'{name}' ไม่ใช่ป้ายกำกับแผน ให้เขียน @plan-13-5.1 (โครงการที่ ๑๓ ขั้นตอน ๕.๑) "
                        "@plan-13 (ทั้งโครงการ) หรือ @plan-risk-1",
                    )
                )
                continue
            why = _unknown(self.plan, match, name)
            if why is not None:
                self.problems.append(Problem(shown, where, *why))


def _tag_names(node: Mapping[str, Any]) -> set[str]:
    return {str(tag["name"]) for tag in node.get("tags", ())}


def _scenarios(
    children: Iterable[Mapping[str, Any]], inherited: set[str]
) -> Iterator[tuple[Mapping[str, Any], set[str]]]:
    """Every scenario under ``children`` with the tags it inherits (feature, rule)."""
    for child in children:
        if "rule" in child:
            rule = child["rule"]
            yield from _scenarios(rule.get("children", ()), inherited | _tag_names(rule))
        elif "scenario" in child:
            scenario = child["scenario"]
            yield scenario, inherited | _tag_names(scenario)


def feature_files(feature_dir: str | Path | None) -> list[Path]:
    """The ``.feature`` files under ``feature_dir`` (or the file itself), sorted."""
    if feature_dir is None:
        return []
    root = Path(feature_dir)
    if root.is_dir():
        return sorted(root.rglob("*.feature"))
    return [root] if root.is_file() else []


# --- the report -----------------------------------------------------------------


def coverage(
    plan: Plan,
    definitions: Iterable[FlowDefinition],
    feature_dir: str | Path | None = None,
    cited: Iterable[tuple[str, str, Iterable[str]]] = (),
    measured: Iterable[tuple[str, str, Iterable[str]]] = (),
) -> CoverageReport:
    """Which steps of ``plan`` the ``definitions`` implement and the scenarios exercise.

    Every ``.feature`` file under ``feature_dir`` is read (none when it is None or
    missing). ``cited`` are other declarations that cite plan steps without implementing
    them (a report), each as (source file, what it is, its cites); ``measured``, report
    figures with what of the plan they measure (``2/output.1``). Cites and tags naming a
    project, step or risk row that the plan does not have are returned as
    :attr:`CoverageReport.problems`.
    """
    collector = _Collector(plan)
    for definition in sorted(definitions, key=lambda d: d.key):
        collector.flow(definition)
    for source, where, cites in cited:
        collector.cited(source, where, tuple(cites))
    for source, where, measures in measured:
        collector.measured(source, where, tuple(measures))
    for path in feature_files(feature_dir):
        collector.feature_file(path, str(path))
    return _report(plan, collector)


def _report(plan: Plan, c: _Collector) -> CoverageReport:
    projects = []
    for project in plan.projects:
        steps = tuple(
            StepCoverage(
                step,
                project.cite(step),
                tuple(c.transitions.get(project.cite(step), ())),
                tuple(c.scenarios.get(project.cite(step), ())),
            )
            for step in project.steps
        )
        projects.append(
            ProjectCoverage(
                project,
                steps,
                tuple(sorted(c.flows.get(project.number, ()))),
                tuple(c.scenarios.get(str(project.number), ())),
            )
        )
    risks = tuple(
        RiskCoverage(row, tuple(c.transitions.get(row.id, ())), tuple(c.scenarios.get(row.id, ())))
        for row in plan.risks
    )
    return CoverageReport(plan, tuple(projects), risks, tuple(c.problems), c.scenario_count)


__all__ = [
    "CATALOGUE",
    "CoverageReport",
    "Plan",
    "PlanProject",
    "PlanStep",
    "ProjectCoverage",
    "RiskCoverage",
    "RiskRow",
    "ScenarioRef",
    "StepCoverage",
    "TransitionRef",
    "coverage",
    "feature_files",
    "load_plan",
    "open_plan",
    "parse_plan",
]


def _cites(where: str, cites: str | None, also: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each plan step an action cites, with the path naming it in a problem."""
    first = [(f"{where}.cites", cites)] if cites is not None else []
    return first + [(f"{where}.also_cites[{j}]", cite) for j, cite in enumerate(also)]
