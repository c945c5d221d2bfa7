"""Expanding declared duties into occurrences and giving each its status.

A flow declares duties (``duties:``, docs/duties.md). For a fiscal year, each duty becomes
occurrences: one per month, fiscal quarter, half year or year, one per case of another flow
(``each``), or, for a duty owed by each case of the declaring flow (``within``), one per
period that case was in force. Each occurrence is matched against what fulfils it (a case
reaching a state, a dated record item, a move of the owing case) and gets a status:

- ``done_on_time``: fulfilled on or before its due date (Thai calendar day);
- ``done_late``: fulfilled after its due date (it stays late, whatever came after);
- ``due``: not fulfilled, and its due date has not passed (or is not known yet: it is
  counted from an event that has not happened);
- ``overdue``: not fulfilled, its due date has passed, and the next occurrence of the same
  duty (and owing case) is not yet past due: it is one behind, and may still be made up;
- ``missing``: not fulfilled, and the next occurrence is past due too (or, when there is no
  next one, as for the last period of an order that ended, the fiscal year in which it
  fell due has ended): the work was skipped.

Dates are compared as Thai calendar days (UTC+7): a duty due on 30 September is still
``due`` at 20:00 Thai time on 30 September. Everything is read through the store protocol;
nothing here writes (the sweep records overdue occurrences, ``Engine.sweep``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

import attrs

from integrity_flows.calendars import (
    english_date,
    fiscal_periods,
    fiscal_year,
    fiscal_year_bounds,
    parse_date,
    period_labels,
    thai_date,
    thai_day,
)
from integrity_flows.case import Case
from integrity_flows.definition.model import Duty, FlowDefinition, Label
from integrity_flows.plain import to_plain
from integrity_flows.protocols import CaseLookup, Store
from integrity_flows.stored import StoredEvent, event_body, event_time

#: The generic built-in flow whose cases record occurrences the sweep found overdue.
DUTY_RECORD_FLOW = "duty_record"

STATUSES: tuple[str, ...] = ("done_on_time", "done_late", "due", "overdue", "missing")
#: The statuses of an occurrence past its due date and not fulfilled: what the sweep records.
PAST_DUE: tuple[str, ...] = ("overdue", "missing")
STATUS_LABELS: Mapping[str, Label] = {
    "done_on_time": Label("ดำเนินการแล้วตามกำหนด", "done on time"),
    "done_late": Label("ดำเนินการแล้วล่าช้า", "done late"),
    "due": Label("ยังไม่ถึงกำหนด", "due"),
    "overdue": Label("ค้างดำเนินการ", "overdue"),
    "missing": Label("ไม่มีการดำเนินการ", "missing"),
}


@attrs.frozen
class Occurrence:
    """One occurrence of a duty, with what fulfilled it and its status on a day."""

    flow_id: str
    duty_id: str
    label: Label
    fiscal_year: int
    # The period's key: its first day (ISO), or the id of the case it is owed for (each).
    period: str
    period_label: Label
    period_short: Label
    first: date
    last: date
    due_on: date | None
    status: str
    owing_case: str | None = None
    owner_role: str | None = None
    owner_unit: str | None = None
    owner_person: str | None = None
    fulfilled_by: str | None = None
    fulfilled_on: date | None = None
    # The record case of the sweep, when it recorded this occurrence overdue.
    recorded: str | None = None
    cites: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The occurrence as JSON data: labels as ``{"th", "en"}``, dates ISO, and its
        ``status_label`` and ``record_id``."""
        plain: dict[str, Any] = to_plain(self)
        plain["status_label"] = to_plain(self.status_label)
        plain["record_id"] = self.record_id
        return plain

    @property
    def record_id(self) -> str:
        """The id of the case the sweep records this occurrence in (one per occurrence)."""
        return record_id(self.flow_id, self.duty_id, self.period, self.owing_case)

    @property
    def status_label(self) -> Label:
        return STATUS_LABELS[self.status]

    @property
    def unfulfilled_past_due(self) -> bool:
        return self.status in PAST_DUE

    def names_period(self, name: str) -> bool:
        """True when ``name`` is this occurrence's period: its key, or its Thai or English
        name, long or short (Thai digits allowed, English in any case)."""
        from integrity_flows.calendars import arabic_digits  # noqa: PLC0415 - tiny helper

        def norm(text: str) -> str:
            words = arabic_digits(text).casefold().replace("พ.ศ.", " ").split()
            return " ".join(w for w in words if w not in ("b.e.", "be"))

        wanted = norm(name)
        names = (
            self.period,
            self.period_label.th,
            self.period_label.en,
            self.period_short.th,
            self.period_short.en,
        )
        return any(n and norm(n) == wanted for n in names)


def record_id(flow_id: str, duty_id: str, period: str, owing_case: str | None = None) -> str:
    """The deterministic id of an occurrence's record: two sweeps write it once."""
    owed = f"-{owing_case}" if owing_case else ""
    return f"duty-{flow_id}-{duty_id}{owed}-{period}"


@attrs.frozen
class _Slot:
    first: date
    last: date
    key: str
    label: Label
    short: Label
    owing: Case | None = None
    # The fiscal year of ``first``.
    year: int = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "year", fiscal_year(self.first))


@attrs.frozen
class _Done:
    period_day: date | None
    on: date
    ref: str


def occurrences(
    flows: Iterable[FlowDefinition],
    store: Store,
    fiscal_year_be: int | Iterable[int],
    now: datetime,
    *,
    flow_id: str | None = None,
    duty_id: str | None = None,
    settings: Callable[[str], Mapping[str, Any]] | None = None,
    statuses: Collection[str] | None = None,
) -> list[Occurrence]:
    """Every occurrence of fiscal year B.E. ``fiscal_year_be`` (or of several years) of the
    duties of ``flows`` (optionally of one flow, one duty), with its status on ``now`` (Thai
    calendar day); with ``statuses``, only the occurrences of those statuses (the sweep
    asks for ``overdue`` and ``missing``). ``settings`` gives a flow's settings with the
    host's overrides (for ``since``). The cases of each flow are read from the store once
    per call, whatever the number of duties and years.

    What happened after ``now`` (a later fulfilment) is not counted, so a past day gives
    the statuses as they stood then.
    """
    years = [fiscal_year_be] if isinstance(fiscal_year_be, int) else list(fiscal_year_be)
    if settings is not None:
        settings = lru_cache(maxsize=None)(settings)  # a flow's settings, once per call
    by_id = {d.id: d for d in flows}
    cases = _Cases(store)
    recorded = {c.id for c in store.iter_cases(DUTY_RECORD_FLOW)} if by_id else set()
    today = thai_day(now)
    found: list[Occurrence] = []
    for definition in by_id.values():
        if flow_id is not None and definition.id != flow_id:
            continue
        for duty in definition.duties:
            if duty_id is not None and duty.id != duty_id:
                continue
            since = _since(definition, duty, settings)
            owed = [y for y in years if y >= since]
            if not owed:
                continue
            reader = _DutyReader(definition, duty, by_id, cases, today, statuses)
            for year in owed:
                found.extend(reader.occurrences(year, recorded))
    return found


@lru_cache(maxsize=256)
def _calendar_slots(kind: str, year: int) -> tuple[_Slot, ...]:
    """The slots of the periods of ``kind`` in fiscal year B.E. ``year``, with their labels:
    the same for every duty of that period, so made once (a sweep asks for them for every
    duty, every day a test world or a host sweeps)."""
    slots = []
    for first, last in fiscal_periods(kind, year):
        th, en, short_th, short_en = period_labels(kind, first)
        slots.append(
            _Slot(first, last, first.isoformat(), Label(th, en), Label(short_th, short_en))
        )
    return tuple(slots)


class _Cases:
    """The cases of each flow, read from the store once and kept for one computation."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._by_flow: dict[str, list[Case]] = {}
        # What the cases of a flow fulfil, per fulfilment spec: duties that share one (a
        # monthly and a quarterly report of the same cases) read the cases once.
        self.done: dict[Any, tuple[list[_Done], list[tuple[Case, date]]]] = {}

    def of(self, flow_id: str) -> list[Case]:
        found = self._by_flow.get(flow_id)
        if found is None:
            found = self._by_flow[flow_id] = list(self.store.iter_cases(flow_id))
        return found


def _since(
    d: FlowDefinition, duty: Duty, settings: Callable[[str], Mapping[str, Any]] | None
) -> int:
    """The first fiscal year the duty is owed (0: always)."""
    if duty.since is None:
        return 0
    if duty.since.fiscal_year is not None:
        return duty.since.fiscal_year
    values = settings(d.id) if settings is not None else d.settings
    value = values.get(duty.since.setting or "")
    return int(value) if isinstance(value, int) else 0


class _DutyReader:
    """One duty's slots, fulfilments, due dates and statuses."""

    def __init__(
        self,
        definition: FlowDefinition,
        duty: Duty,
        flows: Mapping[str, FlowDefinition],
        cases: _Cases,
        today: date,
        statuses: Collection[str] | None = None,
    ) -> None:
        self.d = definition
        self.statuses = statuses
        self.duty = duty
        self.flows = flows
        self.cases = cases
        self.store = cases.store
        self.today = today
        # What fulfilled the duty, per owing case (None: the flow's cases), worked out once.
        self._done: dict[str | None, tuple[list[_Done], list[tuple[Case, date]]]] = {}
        spec = duty.fulfilled_by
        self.target = flows.get(spec.flow or definition.id, definition)

    # --- the periods ------------------------------------------------------------

    def occurrences(self, year: int, recorded: set[str]) -> Iterator[Occurrence]:
        if self.duty.within is not None:
            for case in self._owing_cases():
                yield from self._group(self._case_slots(case, year), year, recorded, case)
        else:
            yield from self._group(self._slots(year), year, recorded, None)

    def _slots(self, year: int) -> list[_Slot]:
        """This year's slots and, last, the first of the next (to tell overdue from missing)."""
        period = self.duty.period
        if period.kind != "each":
            return [
                *self._calendar(year),
                *self._calendar(year + 1)[:1],
            ]
        assert period.each is not None
        each = period.each
        dated: list[tuple[date, Case]] = []
        for case in self.cases.of(each.flow):
            if each.states and case.state not in each.states:
                continue
            day = _date_of(case.data.get(each.date))
            if day is not None:
                dated.append((day, case))
        dated.sort(key=lambda pair: (pair[0], pair[1].id))
        slots = []
        for day, case in dated:
            if fiscal_year(day) < year:
                continue
            label = Label(
                f"{case.id} ({thai_date(day, digits=False)})", f"{case.id} ({english_date(day)})"
            )
            slots.append(_Slot(day, day, case.id, label, Label(case.id, case.id)))
            if fiscal_year(day) > year:
                break
        return slots

    def _calendar(self, year: int) -> tuple[_Slot, ...]:
        return _calendar_slots(self.duty.period.kind, year)

    def _owing_cases(self) -> Iterator[Case]:
        within = self.duty.within
        assert within is not None
        for case in self.cases.of(self.d.id):
            if not within.states or case.state in within.states:
                yield case

    def _case_slots(self, case: Case, year: int) -> list[_Slot]:
        within = self.duty.within
        assert within is not None
        starts = [_date_of(case.data.get(name)) for name in within.from_]
        if not starts or any(day is None for day in starts):
            return []
        begin = max(day for day in starts if day is not None)
        ends = [day for name in within.until if (day := _date_of(case.data.get(name)))]
        end = min(ends) if ends else None
        slots = []
        for slot in (*self._calendar(year), *self._calendar(year + 1)):
            if slot.last < begin or (end is not None and slot.first > end):
                continue
            slots.append(attrs.evolve(slot, owing=case))
        # Keep this year's slots and the first after them.
        inside = [s for s in slots if s.year == year]
        after = [s for s in slots if s.year > year][:1]
        return [*inside, *after]

    # --- what fulfils them --------------------------------------------------------

    def _fulfilments(self, owing: Case | None) -> tuple[list[_Done], list[tuple[Case, date]]]:
        """What fulfilled the duty (as of today), and the candidate cases with their
        period day (for a due date counted from an event of the fulfilling case)."""
        if self.duty.fulfilled_by.trigger is not None:
            assert owing is not None
            done = list(self._moves(owing))
            candidates: list[tuple[Case, date]] = []
        else:
            cases = [owing] if owing is not None else self.cases.of(self.target.id)
            done, candidates = self._from_cases(cases)
        return [f for f in done if f.on <= self.today], candidates

    def _moves(self, owing: Case) -> Iterator[_Done]:
        spec = self.duty.fulfilled_by
        for stored, event in self._trail(owing.id):
            if event.get("trigger") != spec.trigger or event.get("outcome") != "moved":
                continue
            data = event.get("data")
            data = data if isinstance(data, Mapping) else {}
            day = _date_of(data.get(spec.date)) if spec.date else None
            on = thai_day(event_time(stored, event))
            yield _Done(day, on, f"{owing.id}#{stored.pos}")

    def _from_cases(self, cases: Iterable[Case]) -> tuple[list[_Done], list[tuple[Case, date]]]:
        spec = self.duty.fulfilled_by
        done: list[_Done] = []
        candidates: list[tuple[Case, date]] = []
        for case in cases:
            if not all(case.data.get(w.field) == w.equals for w in spec.where):
                continue
            if spec.records is not None:
                if not spec.states or case.state in spec.states:
                    done.extend(self._items(case, spec.records))
                continue
            day = _date_of(case.data.get(spec.period_date)) if spec.period_date else None
            if day is not None:
                candidates.append((case, day))
            on = self._reached(case) if case.state in spec.states else None
            if on is not None:
                done.append(_Done(day, on, case.id))
        return done, candidates

    def _items(self, case: Case, records: str) -> Iterator[_Done]:
        spec = self.duty.fulfilled_by
        for index, item in enumerate(case.data.get(records) or [], start=1):
            day = _date_of(item.get(spec.date)) if isinstance(item, Mapping) else None
            if day is not None:
                yield _Done(day, day, f"{case.id}#{index}")

    def _reached(self, case: Case) -> date | None:
        """The day ``case`` reached one of the fulfilling states: the ``date`` field when
        the duty names one, else the first move into one of them in its trail."""
        spec = self.duty.fulfilled_by
        if spec.date is not None:
            return _date_of(case.data.get(spec.date))
        for stored, event in self._trail(case.id):
            if event.get("outcome") == "moved" and event.get("to_state") in spec.states:
                return thai_day(event_time(stored, event))
        return thai_day(case.entered_at)

    def _trail(self, case_id: str) -> Iterator[tuple[StoredEvent, Mapping[str, Any]]]:
        """Each event of the case's trail and its body (:class:`EventUnreadable` for one
        whose text the engine did not write; ``event_time`` reads its time, likewise)."""
        lookup: CaseLookup = self.store
        for stored in lookup.events(case_id):
            yield stored, event_body(stored)

    # --- one sequence of slots ------------------------------------------------------

    def _group(
        self, slots: list[_Slot], year: int, recorded: set[str], owing: Case | None
    ) -> Iterator[Occurrence]:
        if not slots:
            return
        if owing is None:
            key = (self.target.id, self.duty.fulfilled_by, self.today)
            if key not in self.cases.done:
                self.cases.done[key] = self._fulfilments(None)
            done, candidates = self.cases.done[key]
        else:
            if owing.id not in self._done:
                self._done[owing.id] = self._fulfilments(owing)
            done, candidates = self._done[owing.id]
        matched = _match(slots, done)
        dues = [self._due(slot, candidates) for slot in slots]
        owner = self.duty.owner
        person = None
        if owner.field is not None and owing is not None:
            value = owing.data.get(owner.field)
            person = str(value) if value is not None else None
        for index, slot in enumerate(slots):
            if slot.year != year:
                continue
            following = dues[index + 1] if index + 1 < len(slots) else None
            fulfilment = matched.get(index)
            status = self._status(dues[index], following, fulfilment)
            if self.statuses is not None and status not in self.statuses:
                continue
            owing_id = owing.id if owing is not None else None
            rid = record_id(self.d.id, self.duty.id, slot.key, owing_id)
            yield Occurrence(
                flow_id=self.d.id,
                duty_id=self.duty.id,
                label=self.duty.label,
                fiscal_year=year,
                period=slot.key,
                period_label=slot.label,
                period_short=slot.short,
                first=slot.first,
                last=slot.last,
                due_on=dues[index],
                status=status,
                owing_case=owing_id,
                owner_role=owner.role,
                owner_unit=owner.unit,
                owner_person=person,
                fulfilled_by=fulfilment.ref if fulfilment else None,
                fulfilled_on=fulfilment.on if fulfilment else None,
                recorded=rid if rid in recorded else None,
                cites=self.duty.cites,
            )

    def _due(self, slot: _Slot, candidates: list[tuple[Case, date]]) -> date | None:
        due = self.duty.due
        if due.after_period_end is not None:
            return slot.last + timedelta(days=due.after_period_end.days)
        if due.by is not None:
            on = _month_day(slot.first.year, due.by.month, due.by.day)
            if on < slot.first:
                on = _month_day(slot.first.year + 1, due.by.month, due.by.day)
            return on
        after = due.after
        assert after is not None
        starts = []
        for case, day in candidates:
            if not slot.first <= day <= slot.last:
                continue
            start: date | None
            if after.field is not None:
                start = _date_of(case.data.get(after.field))
            else:
                start = self._entered(case, after.state)
            if start is not None and start <= self.today:
                starts.append(start)
        return min(starts) + timedelta(days=after.days) if starts else None

    def _entered(self, case: Case, state: str | None) -> date | None:
        for stored, event in self._trail(case.id):
            if event.get("outcome") == "moved" and event.get("to_state") == state:
                return thai_day(event_time(stored, event))
        return None

    def _status(self, due: date | None, following: date | None, done: _Done | None) -> str:
        if done is not None:
            return "done_on_time" if due is None or done.on <= due else "done_late"
        if due is None or self.today <= due:
            return "due"
        if following is not None:
            return "missing" if self.today > following else "overdue"
        year_end = fiscal_year_bounds(fiscal_year(due))[1]
        return "missing" if self.today > year_end else "overdue"


def _match(slots: list[_Slot], done: list[_Done]) -> dict[int, _Done]:
    """Which fulfilment fulfils which slot: by its period day when it has one (the earliest
    of several), else in order (each the earliest unfulfilled slot begun by then)."""
    matched: dict[int, _Done] = {}
    in_order: list[_Done] = []
    firsts = [slot.first for slot in slots]
    for item in done:
        if item.period_day is None:
            in_order.append(item)
            continue
        index = _slot_of(slots, firsts, item.period_day)
        if index is not None and (index not in matched or item.on < matched[index].on):
            matched[index] = item
    for item in sorted(in_order, key=lambda f: (f.on, f.ref)):
        for index, slot in enumerate(slots):
            if index not in matched and slot.first <= item.on:
                matched[index] = item
                break
    return matched


def _slot_of(slots: list[_Slot], firsts: list[date], day: date) -> int | None:
    """The slot holding ``day`` (slots are in order and do not overlap)."""
    index = bisect_right(firsts, day) - 1
    if index >= 0 and day <= slots[index].last:
        return index
    return None


def _month_day(year: int, month: int, day: int) -> date:
    # 29 February in a year without it is the 28th.
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, day - 1)


def _date_of(value: Any) -> date | None:
    """A stored date (ISO text), an instant (read in Thai time), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return thai_day(value)
    if isinstance(value, date):
        return value
    return _date_text(str(value))


@lru_cache(maxsize=4096)
def _date_text(text: str) -> date | None:
    # Cases share few distinct dates: each is read once.
    try:
        if "T" in text:
            return thai_day(datetime.fromisoformat(text))
        return parse_date(text)
    except ValueError:
        return None


__all__ = [
    "DUTY_RECORD_FLOW",
    "STATUSES",
    "STATUS_LABELS",
    "Occurrence",
    "occurrences",
    "record_id",
]
