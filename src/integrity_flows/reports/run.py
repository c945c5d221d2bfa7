"""Run a declared report: stream each set of cases once, then compute its figures.

Sets are read in dependency order (a set ``within`` another after it); each case of a
set is checked against the set's year, link and condition, and fed to the figures over
that set. Figures that read other figures (rates, targets met, missing members) are
computed afterwards, in the order declared: a figure names only figures above it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from integrity_flows.calendars import fiscal_year, fiscal_year_span_utc, thai_digits
from integrity_flows.definition.model import Label
from integrity_flows.reports.accumulators import (
    Accumulator,
    Order,
    SortKey,
    _By,
    _Count,
    _Each,
    _Events,
    _List,
    _Numbers,
    _Read,
    _RecordsTable,
    _Table,
)
from integrity_flows.reports.base import Figure, FigureValue, ReportError
from integrity_flows.reports.derived import derived_figures
from integrity_flows.reports.reading_cases import Seen, matches, stored_moment, thai_day

if TYPE_CHECKING:
    from integrity_flows.case import Case
    from integrity_flows.definition.model import FlowDefinition
    from integrity_flows.duties import Occurrence
    from integrity_flows.reports.aggregates import AggregateRegistry
    from integrity_flows.reports.declaration import CaseSet, FigureDecl, ReportDecl


class ReportSource(Protocol):
    """Protocol: what a report reads (an :class:`~integrity_flows.Engine` is one)."""

    def clock(self) -> datetime:
        """Now."""
        ...

    def settings(self, flow_id: str) -> Mapping[str, Any]:
        """The settings of ``flow_id``, host overrides applied."""
        ...

    def definition_of(self, case: Case) -> FlowDefinition:
        """The definition ``case`` runs under."""
        ...

    def definition_for(self, flow_id: str, version: int | None = None) -> FlowDefinition:
        """The definition ``flow_id`` (the latest version when not given)."""
        ...

    def iter_cases(self, flow_id: str) -> Iterator[Case]:
        """The cases of ``flow_id``, streamed from the store."""
        ...

    def case(self, case_id: str) -> Case:
        """One case (raises when there is none)."""
        ...

    def duties(self, fiscal_year: int, flow_id: str, duty_id: str | None) -> list[Occurrence]:
        """The occurrences of ``flow_id``'s duties (or of one) in a fiscal year, with their
        status at the report's moment (docs/duties.md)."""
        ...

    def history(self, case_id: str) -> list[Any]:
        """The audit events of one case, oldest first."""
        ...


class Run:
    """One run of one report: for a fiscal year, or for one case."""

    def __init__(
        self,
        report: ReportDecl,
        source: ReportSource,
        aggregates: AggregateRegistry,
        *,
        fiscal_year: int | None,
        case_id: str | None,
        other: Any,
    ) -> None:
        self.report = report
        self.source = source
        self.aggregates = aggregates
        self.year = fiscal_year
        self.case_id = case_id
        self.other = other  # runs another report of the same year (``report:`` figures)
        self.now = source.clock()
        # The instants the fiscal year begins and ends (a case's start is compared, not
        # converted to Thai time, for every case read).
        self._span = (
            fiscal_year_span_utc(fiscal_year) if fiscal_year is not None else (self.now, self.now)
        )
        # Ids are kept only for the sets other sets are within: the rest stream through.
        self._parents = {s.within for s in report.sets.values() if s.within is not None}
        self.ids: dict[str, set[str]] = {}
        self.first: dict[str, Case] = {}
        self._definitions: dict[tuple[str, int, str], FlowDefinition] = {}
        self._settings: dict[str, Mapping[str, Any]] = {}
        self._orders: dict[str, Order] = {}

    # --- reading cases ------------------------------------------------------

    def _seen(self, case: Case) -> Seen:
        key = (case.flow_id, case.flow_version, case.definition_hash)
        definition = self._definitions.get(key)
        if definition is None:
            definition = self.source.definition_of(case)
            self._definitions[key] = definition
        if case.flow_id not in self._settings:
            self._settings[case.flow_id] = self.source.settings(case.flow_id)
        return Seen(
            case, definition, self.now, self._settings[case.flow_id], trail=self._trail(case.id)
        )

    def _trail(self, case_id: str) -> Callable[[], list[Any]]:
        """Loads one case's audit events the first time a condition reads them."""
        loaded: list[list[Any]] = []

        def load() -> list[Any]:
            if not loaded:
                loaded.append(self.source.history(case_id))
            return loaded[0]

        return load

    def _in_year(self, spec: CaseSet, seen: Seen) -> bool:
        rule = spec.year
        year = self.year - spec.years_back if self.year is not None else None
        if rule is None or rule.kind == "start":
            start, end = (
                fiscal_year_span_utc(year) if spec.years_back and year is not None else self._span
            )
            return start <= seen.case.created_at < end
        if rule.kind == "all":
            return True
        if rule.kind == "latest":
            days = [_thai_day(seen.case.data.get(name)) for name in rule.fields]
            found = [d for d in days if d is not None]
            return len(found) == len(days) and fiscal_year(max(found)) == year
        held = seen.case.data.get(rule.field or "")
        if rule.kind == "field":
            return held == year or (held is not None and str(held) == str(year))
        day = _thai_day(held)
        return day is not None and fiscal_year(day) == year

    def _belongs(self, spec: CaseSet, seen: Seen) -> bool:
        """The case is one of the set's: of its year, or linked to a case of the set it is
        within (its condition aside)."""
        if spec.within is not None:
            link = spec.via or (seen.definition.parent.field if seen.definition.parent else "")
            return str(seen.case.data.get(link)) in self.ids.get(spec.within, set())
        return self._in_year(spec, seen)

    def _cases(self, spec: CaseSet) -> Iterator[Seen]:
        if spec.case:
            case = self.source.case(self.case_id or "")
            found = [self._seen(case)] if case.flow_id == spec.flow else []
            if not found:
                raise _not_of_flow(self.case_id or "", case.flow_id, spec.flow)
            yield from found
            return
        for case in self.source.iter_cases(spec.flow):
            seen = self._seen(case)
            if self._belongs(spec, seen) and matches(seen, spec.where):
                yield seen

    def _stream(self, spec: CaseSet, feeds: Sequence[Accumulator]) -> None:
        ids: set[str] = set()
        if spec.one:
            # The first case started; of cases started at the same instant (the demo's replay
            # of several scenarios of one year, each from the Background's day), the one with
            # the longest history, then by its data: the same choice in every store holding
            # the same cases, never by the random case id alone.
            first = min(self._cases(spec), key=_first_key, default=None)
            chosen = [first] if first is not None else []
        else:
            chosen = self._cases(spec)  # type: ignore[assignment]
        keep, any_seen = spec.name in self._parents, False
        for seen in chosen:
            any_seen = True
            if keep:
                ids.add(seen.case.id)
            self.first.setdefault(spec.name, seen.case)
            for feed in feeds:
                feed.add(seen)
        if not any_seen and spec.required is not None:
            raise self._missing(spec)
        self.ids[spec.name] = ids

    def _missing(self, spec: CaseSet) -> ReportError:
        assert spec.required is not None  # asked for only by a set that says what it needs
        year = "" if self.year is None else str(self.year)
        return ReportError(
            f"ปีงบประมาณ {thai_digits(year)} ยังไม่มี{spec.required.th} (เรื่อง {spec.flow})",
            f"fiscal year {year} has no {spec.required.en} ({spec.flow} case)",
        )

    # --- figures ------------------------------------------------------------

    def _order(self, spec: CaseSet) -> Order:
        """The order of ``spec``'s cases, one for every figure over the set: each case's
        key is worked out once, however many figures list or tabulate it."""
        found = self._orders.get(spec.name)
        if found is None:
            found = self._orders[spec.name] = self._order_of(spec)
        return found

    def _order_of(self, spec: CaseSet) -> Order:
        definition = self.source.definition_for(spec.flow)
        last: list[Any] = [None, ()]  # the case last seen (the set's figures see it in turn)

        def key(seen: Seen) -> SortKey:
            if last[0] is seen:
                return last[1]  # type: ignore[no-any-return]
            parts: list[Any] = []
            for k in spec.order:
                held = seen.case.data.get(k.field) if k.field else None
                if k.field is None:
                    parts.append(seen.case.created_at.isoformat())
                elif k.choices:
                    choices = definition.data[k.field].choices if k.field in definition.data else ()
                    parts.append(choices.index(held) if held in choices else len(choices))
                else:
                    parts.append("" if held is None else str(held))
            last[:] = [seen, (*parts, seen.case.created_at.isoformat(), seen.case.id)]
            return last[1]  # type: ignore[no-any-return]

        return key

    def _accumulator(self, decl: FigureDecl, spec: CaseSet) -> Accumulator:
        order = self._order(spec)
        makers: dict[str, Callable[[], Accumulator]] = {
            "count": lambda: _Count(decl),
            "list": lambda: _List(decl, order),
            "missing": lambda: _List(decl, order),
            "found": lambda: _List(decl, order),
            "outside": lambda: _List(decl, order),
            "events": lambda: _Events(decl),
            "by": lambda: _By(decl, self._classes(decl, spec), order),
            "each": lambda: _Each(decl, order),
            "read": lambda: _Read(decl),
            "aggregate": lambda: self.aggregates.start(decl, self.source),
            "table": lambda: (
                _RecordsTable(decl, order, self._kinds(decl, spec))
                if decl.records is not None
                else _Table(decl, order, self._kinds(decl, spec))
            ),
        }
        make = makers.get(decl.kind)
        return make() if make is not None else _Numbers(decl)

    def _kinds(self, decl: FigureDecl, spec: CaseSet) -> tuple[str, ...]:
        """What each column holds: ``date``, ``datetime``, ``integer``, ``decimal``,
        ``case`` (the case's id) or ``text``."""
        data = self.source.definition_for(spec.flow).data
        records = data.get(decl.records or "")
        items = records.fields if records is not None else {}
        kinds = []
        for column in decl.columns:
            name = column.value.field or ""
            field = (items.get(name) or data.get(name)) if column.value.kind == "field" else None
            kind: str = field.type if field is not None else "text"
            if column.value.kind in ("span", "version"):
                kind = "integer"
            if column.value.kind == "case_id":
                kind = "case"
            if kind == "integer" and (column.value.field or "").endswith("year"):
                kind = "year"  # a year names, it does not count: never "2,567"
            kinds.append(kind if kind in _COLUMN_KINDS else "text")
        return tuple(kinds)

    def _classes(self, decl: FigureDecl, spec: CaseSet) -> list[tuple[str, Label]]:
        if decl.field is None:
            return [(c.id, c.label) for c in decl.classes]
        field = self.source.definition_for(spec.flow).data[decl.field]
        return [(c, field.choice_labels.get(c, _label(c))) for c in field.choices]

    def figures(self) -> list[Figure]:
        """Every figure of the report, in the order declared."""
        feeds: dict[str, list[Accumulator]] = {name: [] for name in self.report.sets}
        made: dict[int, Accumulator] = {}
        for index, decl in enumerate(self.report.figures):
            if decl.set is not None and decl.kind != "choices":
                made[index] = self._accumulator(decl, self.report.sets[decl.set])
                feeds[decl.set].append(made[index])
        for spec in _in_dependency_order(self.report.sets):
            self._stream(spec, feeds[spec.name])
        values: dict[str, FigureValue] = {}
        found: list[Figure] = []
        for index, decl in enumerate(self.report.figures):
            acc = made.get(index)
            out = (
                derived_figures(decl, self, values, acc)
                if decl.kind in _DERIVED
                else acc.finish(values)
                if acc is not None
                else []
            )
            if decl.plain:
                out = [attrs.evolve(f, plain=True) for f in out]
            for figure in out:
                values.setdefault(figure.key, figure.value)
            found.extend(out)
        return found


_DERIVED = frozenset(
    {
        "rate", "met", "constant", "setting", "report", "fiscal_year", "choices", "missing",
        "group", "found", "outside", "duties",
    }
)  # fmt: skip


def _thai_day(held: Any) -> date | None:
    """A stored date (or instant: its Thai calendar day); None when it holds none."""
    moment = stored_moment(held)
    return thai_day(moment) if moment is not None else None


_COLUMN_KINDS = ("date", "datetime", "integer", "decimal", "case", "year")


def _label(text: str) -> Label:
    return Label(text, text)


def _in_dependency_order(sets: Mapping[str, CaseSet]) -> list[CaseSet]:
    done: dict[str, CaseSet] = {}
    pending = dict(sets)
    while pending:  # the loader refuses a cycle, so each round places at least one set
        for name, spec in list(pending.items()):
            if spec.within is None or spec.within in done:
                done[name] = spec
                del pending[name]
    return list(done.values())


def _not_of_flow(case_id: str, flow_id: str, wanted: str) -> ReportError:
    return ReportError(
        f"เรื่อง '{case_id}' เป็นเรื่อง '{flow_id}' ไม่ใช่เรื่อง '{wanted}' ที่รายงานนี้ใช้",
        f"case '{case_id}' is a '{flow_id}' case, not a '{wanted}' case as this report needs",
    )


def _first_key(seen: Seen) -> tuple[Any, ...]:
    """Orders cases for a set that reads one: earliest start, then most events, then data."""
    case = seen.case
    data = json.dumps(case.data, sort_keys=True, default=str, ensure_ascii=False)
    return (case.created_at, -case.events, data, case.id)


__all__ = ["ReportSource", "Run"]
