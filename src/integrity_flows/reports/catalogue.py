"""Where declared reports come from, and running them.

Report files are ``*.yaml`` files in a ``reports/`` folder beside the flows: the bundled
``flows/reports/``, ``reports/`` inside every folder of flows a host names, and folders
published by installed packages under the entry point group ``integrity_flows.reports``.
Generic aggregates come from :func:`builtin_aggregates` and the entry point group
``integrity_flows.aggregates``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from integrity_flows.calendars import parse_int, thai_digits
from integrity_flows.duties import occurrences
from integrity_flows.errors import DefinitionError, Problem
from integrity_flows.loading.discovery import (
    add_entry_point_specs,
    entry_point_folders,
    flow_files,
)
from integrity_flows.loading.hints import hint
from integrity_flows.loading.reader import parse_yaml
from integrity_flows.reports.aggregates import (
    AGGREGATE_ENTRY_POINTS,
    AggregateRegistry,
    AggregateSpec,
    builtin_aggregates,
)
from integrity_flows.reports.base import Figure, ReportError
from integrity_flows.reports.checks import check_reports
from integrity_flows.reports.reading import read_reports
from integrity_flows.reports.run import Run

if TYPE_CHECKING:
    from integrity_flows.case import Case
    from integrity_flows.definition.model import FlowDefinition
    from integrity_flows.duties import Occurrence
    from integrity_flows.loading.discovery import FlowLibrary
    from integrity_flows.protocols import Store
    from integrity_flows.reports.declaration import ReportDecl

REPORT_ENTRY_POINTS = "integrity_flows.reports"
REPORTS_FOLDER = "reports"


def read_report_file(entry: Traversable | Path) -> tuple[list[ReportDecl], list[Problem]]:
    """The reports of one file and its problems (reading, YAML and shape)."""
    source = str(entry)
    try:
        text = entry.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(source, "", f"cannot read as UTF-8 text: {exc}", f"อ่านไฟล์ไม่ได้: {exc}")]
    data, problems = parse_yaml(text, source)  # the flows' safe, strict YAML
    if problems:
        return [], problems
    return read_reports(data, source)


class ReportCatalogue:
    """The declared reports, checked against the flows they read."""

    def __init__(
        self, reports: Iterable[ReportDecl] = (), aggregates: AggregateRegistry | None = None
    ) -> None:
        self.aggregates = aggregates if aggregates is not None else builtin_aggregates()
        self._reports: dict[str, ReportDecl] = {}
        for report in reports:
            self._reports.setdefault(report.id, report)

    def __iter__(self) -> Iterator[ReportDecl]:
        return iter(sorted(self._reports.values(), key=lambda r: r.id))

    def __len__(self) -> int:
        return len(self._reports)

    def find(self, name: str) -> ReportDecl | None:
        """The report whose id or Thai/English label is ``name``."""
        wanted = name.strip()
        return next((r for r in self._reports.values() if r.matches(wanted)), None)

    def get(self, name: str) -> ReportDecl:
        """The report named ``name``; :class:`ReportError` listing the known ones if none."""
        found = self.find(name)
        if found is None:
            en, th = hint(name, self._reports)
            if en:  # a likely misspelling: name the one meant, not all of them
                raise ReportError(
                    f"ไม่รู้จักรายงาน '{name}'{th} (integrity-flows report list: รายงานทั้งหมด)",
                    f"unknown report '{name}'{en} (integrity-flows report list: every report)",
                )
            known = ", ".join(r.id for r in self)
            raise ReportError(
                f"ไม่รู้จักรายงาน '{name}' (รายงานที่มี: {known})",
                f"unknown report '{name}' (known: {known})",
            )
        return found


def load_catalogue(
    folders: Iterable[Traversable | Path],
    flows: Sequence[FlowDefinition],
    *,
    entry_points: bool = True,
) -> ReportCatalogue:
    """Every report of ``folders`` (and of installed packages), checked against ``flows``.

    Raises one :class:`DefinitionError` listing every problem of every file.
    """
    aggregates = builtin_aggregates()
    sources = list(folders)
    if entry_points:
        add_entry_point_specs(aggregates, AGGREGATE_ENTRY_POINTS, AggregateSpec)
        sources.extend(entry_point_folders(REPORT_ENTRY_POINTS))
    found: list[tuple[str, ReportDecl]] = []
    problems: list[Problem] = []
    for folder in sources:
        for entry in flow_files(folder):  # report files are found as flow files are
            reports, trouble = read_report_file(entry)
            problems.extend(trouble)
            found.extend((f"reports[{i}]", r) for i, r in enumerate(reports))
    problems.extend(check_reports(found, {d.id: d for d in flows}, aggregates))
    if problems:
        raise DefinitionError(problems)
    return ReportCatalogue((r for _, r in found), aggregates)


class Engine(Protocol):
    """Protocol: what a report reads of an engine (:class:`integrity_flows.Engine` is one)."""

    @property
    def reports(self) -> ReportCatalogue:
        """The declared reports."""
        ...

    @property
    def store(self) -> Store:
        """The store: its ``iter_cases(flow_id)`` streams the cases of one flow."""
        ...

    @property
    def flows(self) -> FlowLibrary:
        """The loaded definitions: ``get(flow_id, version)``."""
        ...

    def clock(self) -> datetime:
        """Now."""
        ...

    def settings(self, flow_id: str) -> dict[str, Any]:
        """A flow's settings with the host's overrides."""
        ...

    def get(self, case_id: str) -> Case:
        """One case."""
        ...

    def definition_of(self, case: Case) -> FlowDefinition:
        """The definition a case runs under."""
        ...

    def history(self, case_id: str) -> list[Any]:
        """One case's audit events."""
        ...


class EngineSource:
    """What a report reads, taken from an engine (its store, flows, settings, clock)."""

    def __init__(self, engine: Engine, now: datetime | None = None) -> None:
        self.engine = engine
        self._now = now

    def clock(self) -> datetime:
        """The report's moment: ``now`` if given, else the engine's clock."""
        return self._now if self._now is not None else self.engine.clock()

    def settings(self, flow_id: str) -> Mapping[str, Any]:
        """The flow's settings, the host's overrides applied."""
        return self.engine.settings(flow_id)

    def definition_for(self, flow_id: str, version: int | None = None) -> FlowDefinition:
        """A loaded definition."""
        return self.engine.flows.get(flow_id, version)

    def definition_of(self, case: Case) -> FlowDefinition:
        """The definition ``case`` runs under (a version gone from the flows folders as
        the store keeps it)."""
        return self.engine.definition_of(case)

    def iter_cases(self, flow_id: str) -> Iterator[Case]:
        """The flow's cases, streamed."""
        return self.engine.store.iter_cases(flow_id)

    def case(self, case_id: str) -> Case:
        """One case."""
        return self.engine.get(case_id)

    def duties(self, fiscal_year: int, flow_id: str, duty_id: str | None) -> list[Occurrence]:
        """The occurrences of a flow's duties in a fiscal year, as of the report's moment."""
        return occurrences(
            self.engine.flows.latest(),
            self.engine.store,
            fiscal_year,
            self.clock(),
            flow_id=flow_id,
            duty_id=duty_id,
            settings=self.engine.settings,
        )

    def history(self, case_id: str) -> list[Any]:
        """One case's audit events."""
        return list(self.engine.history(case_id))


def run_report(
    engine: Engine,
    name: str,
    *,
    fiscal_year: int | str | None = None,
    case_id: str | None = None,
    now: datetime | None = None,
) -> list[Figure]:
    """The figures of the report ``name`` (id or label) for a fiscal year or one case.

    A yearly report needs ``fiscal_year`` (B.E., Thai digits allowed); a report of
    ``scope: case`` needs ``case_id``. Raises :class:`ReportError` when it cannot be
    computed (an unknown report, a year without the case it reads, a wrong case).
    """
    catalogue: ReportCatalogue = engine.reports
    report = catalogue.get(name)
    year = _year(fiscal_year)
    _needs(report, year, case_id)
    source = EngineSource(engine, now)
    done: dict[str, list[Figure]] = {}

    def other(report_id: str) -> list[Figure]:
        if report_id not in done:
            decl = catalogue.get(report_id)
            done[report_id] = Run(
                decl, source, catalogue.aggregates, fiscal_year=year, case_id=None, other=other
            ).figures()
        return done[report_id]

    run = Run(report, source, catalogue.aggregates, fiscal_year=year, case_id=case_id, other=other)
    return run.figures()


def _year(given: int | str | None) -> int | None:
    if given is None or given == "":
        return None
    try:
        return parse_int(given)
    except ValueError as exc:
        raise ReportError(
            f"ปีงบประมาณ '{given}' ไม่ใช่ตัวเลข", f"fiscal year '{given}' is not a number"
        ) from exc


def _needs(report: ReportDecl, year: int | None, case_id: str | None) -> None:
    if report.scope == "case" and not case_id:
        raise ReportError(
            f"รายงาน '{report.label.th}' เป็นรายงานของเรื่องเดียว ต้องระบุเรื่อง (--case)",
            f"the report '{report.label.en}' is about one case: name it (--case)",
        )
    if report.scope == "year" and year is None:
        raise ReportError(
            f"รายงาน '{report.label.th}' เป็นรายงานประจำปีงบประมาณ ต้องระบุปีงบประมาณ",
            f"the report '{report.label.en}' is for a fiscal year: name it (--fiscal-year)",
        )
    if year is not None and not 2400 <= year <= 2700:
        raise ReportError(
            f"ปีงบประมาณ {thai_digits(str(year))} ต้องเป็นปีพุทธศักราช เช่น ๒๕๖๗",
            f"fiscal year {year} must be a Buddhist Era year such as 2567",
        )


__all__ = [
    "REPORT_ENTRY_POINTS",
    "EngineSource",
    "ReportCatalogue",
    "load_catalogue",
    "read_report_file",
    "run_report",
]
