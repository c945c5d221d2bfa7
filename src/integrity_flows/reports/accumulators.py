"""Figures over a set of cases, computed in one pass: each case is seen once.

An accumulator is fed the cases of its set as they stream from the store and keeps
only what its figure needs (a count, a sum, the values to list or take the median
of), so a report's memory grows with its figures, not with the number of cases.

A sum of whole numbers is a whole number; a sum declared with ``round`` is a decimal
amount rounded to that many places, also when no case holds a value (``0.00`` baht).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from statistics import median
from typing import TYPE_CHECKING, Any, Protocol

from integrity_flows.definition.model import Label
from integrity_flows.guards.where import compile_where
from integrity_flows.reports.base import Cell, Figure, FigureValue, Table
from integrity_flows.reports.reading_cases import Seen, matches, number, read, shown

if TYPE_CHECKING:
    from integrity_flows.reports.declaration import FigureDecl, Value


class Accumulator(Protocol):
    """Protocol: what a figure over a set of cases is fed, then asked for."""

    def add(self, seen: Seen) -> None:
        """See one case of the set (every case, whether or not it matches)."""

    def finish(self, values: Mapping[str, FigureValue]) -> list[Figure]:
        """The figures, given the values of the figures declared before this one."""


SortKey = tuple[Any, ...]
Order = Callable[[Seen], SortKey]


def rounded(value: Decimal, places: int | None) -> Decimal:
    """``value`` rounded half up to ``places`` decimals (unchanged when None)."""
    if places is None:
        return value
    return value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


def _total(found: list[Decimal], whole: bool) -> FigureValue:
    total = sum(found, Decimal(0))
    return int(total) if whole else total


class _Numbers:
    """sum, mean, median, min, max and distinct of a value of the matching cases.

    Only the median keeps every value; the others keep a running total, a count or the
    extreme so far.
    """

    def __init__(self, decl: FigureDecl) -> None:
        self.decl = decl
        self.found: list[Decimal] = []  # the median's values
        self.distinct: set[str] = set()
        self.whole = True
        self.running = Decimal(0)
        self.count = 0
        self.extreme: Decimal | None = None

    def add(self, seen: Seen) -> None:
        if not matches(seen, self.decl.where):
            return
        assert self.decl.value is not None
        held = read(seen, self.decl.value)
        if self.decl.kind == "distinct":
            self.distinct.update(shown(seen, self.decl.value))
            return
        found = number(held)
        if found is None:
            return
        self.whole = self.whole and isinstance(held, int)
        self.count += 1
        self.running += found
        kind = self.decl.kind
        if kind == "median":
            self.found.append(found)
        elif self.extreme is None or (
            found > self.extreme if kind == "max" else found < self.extreme
        ):
            self.extreme = found

    def finish(self, values: Mapping[str, FigureValue]) -> list[Figure]:
        del values
        return [Figure(self.decl.id, self.decl.label, self._value())]

    def _value(self) -> FigureValue:
        kind, places = self.decl.kind, self.decl.round
        if kind == "distinct":
            return len(self.distinct)
        if kind == "sum":  # with ``round`` an amount, even when no case holds one
            whole = self.whole and places is None
            return int(self.running) if whole else rounded(self.running, places)
        if not self.count:
            return None
        if kind == "mean":
            return rounded(self.running / self.count, 2 if places is None else places)
        if kind == "median":
            return rounded(Decimal(median(self.found)), places)
        assert self.extreme is not None
        return int(self.extreme) if self.whole else rounded(self.extreme, places)


class _Count:
    """How many cases of the set match."""

    def __init__(self, decl: FigureDecl) -> None:
        self.decl = decl
        self.n = 0

    def add(self, seen: Seen) -> None:
        if matches(seen, self.decl.where):
            self.n += 1

    def finish(self, values: Mapping[str, FigureValue]) -> list[Figure]:
        del values
        return [Figure(self.decl.id, self.decl.label, self.n)]


class _List:
    """The values of the matching cases, in the set's order, each once."""

    def __init__(self, decl: FigureDecl, order: Order) -> None:
        self.decl = decl
        self.order = order
        self.found: list[tuple[SortKey, str]] = []

    def add(self, seen: Seen) -> None:
        if matches(seen, self.decl.where):
            key = self.order(seen)
            value = self.decl.value
            texts = shown(seen, value) if value is not None else [seen.case.id]
            self.found.extend((key, text) for text in texts)

    def names(self) -> tuple[str, ...]:
        """The values listed, in order, each once."""
        return tuple(dict.fromkeys(text for _, text in sorted(self.found, key=lambda f: f[0])))

    def finish(self, values: Mapping[str, FigureValue]) -> list[Figure]:
        del values
        return [Figure(self.decl.id, self.decl.label, self.names())]


class _Events:
    """How many times one of ``trigger`` moved a matching case (read from its trail, which
    the case's other figures share: it is read at most once)."""

    def __init__(self, decl: FigureDecl) -> None:
        self.decl = decl
        self.n = 0

    def add(self, seen: Seen) -> None:
        if not matches(seen, self.decl.where):
            return
        if not any(t in seen.case.fired_by for t in self.decl.trigger):
            return  # never fired: no need to read the trail
        assert seen.trail is not None  # a run always gives its cases their trail
        self.n += sum(1 for e in seen.trail() if e.moved and e.trigger in self.decl.trigger)

    def finish(self, values: Mapping[str, FigureValue]) -> list[Figure]:
        del values
        return [Figure(self.decl.id, self.decl.label, self.n)]


def _template(label: Label, placeholder: str, th: str, en: str) -> Label:
    """``label`` with ``{placeholder}`` replaced (plain replacement, never formatting)."""
    mark = "{" + placeholder + "}"
    return Label(label.th.replace(mark, th), label.en.replace(mark, en))


class _By:
    """One figure per class: the cases of each choice of a field, or of each declared
    class (the first a case matches); a count, or the list of a value."""

    def __init__(self, decl: FigureDecl, classes: list[tuple[str, Label]], order: Order) -> None:
        self.decl = decl
        self.classes = classes
        self.order = order
        self.counts: dict[str, int] = {key: 0 for key, _ in classes}
        self.lists: dict[str, list[tuple[SortKey, str]]] = {key: [] for key, _ in classes}

    def _class_of(self, seen: Seen) -> str | None:
        if self.decl.field is not None:
            held = seen.case.data.get(self.decl.field)
            return str(held) if str(held) in self.counts else None
        return next((c.id for c in self.decl.classes if matches(seen, c.where)), None)

    def add(self, seen: Seen) -> None:
        if not matches(seen, self.decl.where):
            return
        key = self._class_of(seen)
        if key is None:
            return
        self.counts[key] += 1
        if self.decl.value is not None:
            order = self.order(seen)
            self.lists[key].extend((order, t) for t in shown(seen, self.decl.value))

    def finish(self, values: Mapping[str, FigureValue]) -> list[Figure]:
        del values
        found = []
        for key, label in self.classes:
            value: FigureValue = self.counts[key]
            if self.decl.value is not None:
                ordered = sorted(self.lists[key], key=lambda f: f[0])
                value = tuple(dict.fromkeys(t for _, t in ordered))
            title = _template(self.decl.label, "choice", label.th, label.en)
            found.append(Figure(f"{self.decl.id}_{key}", title, value))
        return found


class _Each:
    """One figure per matching case: ``key`` names it, ``value`` is its value."""

    def __init__(self, decl: FigureDecl, order: Order) -> None:
        self.decl = decl
        self.order = order
        self.found: list[tuple[SortKey, str, FigureValue]] = []

    def add(self, seen: Seen) -> None:
        if not matches(seen, self.decl.where):
            return
        assert self.decl.key is not None
        assert self.decl.value is not None
        names = shown(seen, self.decl.key) or [seen.case.id]
        held = read(seen, self.decl.value)
        value: FigureValue = held if isinstance(held, int | Decimal | bool | str) else None
        self.found.append((self.order(seen), names[0], value))

    def finish(self, values: Mapping[str, FigureValue]) -> list[Figure]:
        del values
        return [
            Figure(f"{self.decl.id}:{key}", _template(self.decl.label, "key", key, key), value)
            for _, key, value in sorted(self.found, key=lambda f: f[0])
        ]


class _Read:
    """A value of the one case of a set (``present``: whether it holds one)."""

    def __init__(self, decl: FigureDecl) -> None:
        self.decl = decl
        self.value: FigureValue = None
        self.seen = False

    def add(self, seen: Seen) -> None:
        if self.seen:
            return
        self.seen = True
        assert self.decl.value is not None
        held = read(seen, self.decl.value)
        if self.decl.present:
            self.value = held is not None
            return
        texts = shown(seen, self.decl.value)
        if isinstance(held, list):
            self.value = tuple(texts)
        elif isinstance(held, int | bool):
            self.value = held
        elif _field_type(seen, self.decl.value) == "decimal":
            self.value = number(held)  # kept as text in the data
        else:
            self.value = texts[0] if texts else None

    def finish(self, values: Mapping[str, FigureValue]) -> list[Figure]:
        del values
        if not self.seen and self.decl.present:
            self.value = False
        return [Figure(self.decl.id, self.decl.label, self.value)]


class _Table:
    """A register: one row per matching case, in the set's order."""

    def __init__(self, decl: FigureDecl, order: Order, kinds: tuple[str, ...]) -> None:
        self.decl = decl
        self.order = order
        self.kinds = kinds
        self.rows: list[tuple[SortKey, tuple[Cell, ...]]] = []

    def _cell(self, seen: Seen, value: Value) -> Cell:
        held = read(seen, value)
        if isinstance(held, list) or _field_type(seen, value) == "enum":
            return ", ".join(shown(seen, value)) or None
        if value.kind == "state":
            return shown(seen, value)[0]
        return held if isinstance(held, str | int | bool | Decimal) else None

    def add(self, seen: Seen) -> None:
        if matches(seen, self.decl.where):
            cells = tuple(self._cell(seen, c.value) for c in self.decl.columns)
            self.rows.append((self.order(seen), cells))

    def finish(self, values: Mapping[str, FigureValue]) -> list[Figure]:
        del values
        table = Table(
            keys=tuple(c.id for c in self.decl.columns),
            columns=tuple(c.label for c in self.decl.columns),
            kinds=self.kinds,
            rows=tuple(row for _, row in sorted(self.rows, key=lambda r: r[0])),
        )
        return [Figure(self.decl.id, self.decl.label, table)]


class _RecordsTable:
    """A register of the items of a records field: one row per item (matching
    ``items_where``) of each matching case, cases in the set's order, items in theirs.

    A column reads a sub-field of the item (an enum by its Thai label) or, when the name is
    not a sub-field, the case's own field, id or state, as a case register does.
    """

    def __init__(self, decl: FigureDecl, order: Order, kinds: tuple[str, ...]) -> None:
        self.decl = decl
        self.order = order
        self.kinds = kinds
        self.rows: list[tuple[SortKey, int, tuple[Cell, ...]]] = []
        self.cases = _Table(decl, order, kinds)

    def _cell(self, seen: Seen, item: Mapping[str, Any], value: Value) -> Cell:
        field = seen.definition.data[self.decl.records or ""]
        sub = field.fields.get(value.field or "") if value.kind == "field" else None
        if sub is None:
            return self.cases._cell(seen, value)
        held = item.get(value.field or "")
        if held in (None, "", [], {}):
            return None
        if sub.type == "enum":
            label = sub.choice_labels.get(str(held))
            return label.th if label is not None else str(held)
        return held if isinstance(held, str | int | bool | Decimal) else str(held)

    def add(self, seen: Seen) -> None:
        if not matches(seen, self.decl.where):
            return
        field = seen.definition.data.get(self.decl.records or "")
        if field is None:
            return
        test = compile_where(field, self.decl.items_where)
        items = seen.case.data.get(self.decl.records or "") or []
        key = self.order(seen)
        for position, item in enumerate(items):
            if isinstance(item, Mapping) and test(item):
                cells = tuple(self._cell(seen, item, c.value) for c in self.decl.columns)
                self.rows.append((key, position, cells))

    def finish(self, values: Mapping[str, FigureValue]) -> list[Figure]:
        del values
        table = Table(
            keys=tuple(c.id for c in self.decl.columns),
            columns=tuple(c.label for c in self.decl.columns),
            kinds=self.kinds,
            rows=tuple(row for *_, row in sorted(self.rows, key=lambda r: (r[0], r[1]))),
        )
        return [Figure(self.decl.id, self.decl.label, table)]


def _field_type(seen: Seen, value: Value) -> str | None:
    """The type of the data field ``value`` reads (None for the case id, state or a span)."""
    spec = seen.definition.data.get(value.field or "") if value.kind == "field" else None
    return spec.type if spec is not None else None


__all__ = ["Accumulator", "Order", "SortKey", "rounded"]
