"""The neutral, frozen model of a declared report.

A report file (``reports/*.yaml`` beside the flows) declares reports as data: the sets
of cases a report reads (a flow's cases of the fiscal year, the children of another set,
one case), conditions on a case, values read from a case, and figures computed over the
sets: counts, sums, means, medians, extremes, lists, distinct values, counts by a field
or a classification, one figure per case, rates against a target, the members of a
target group (all of them, those missing from a set, those found in it) and the values
of a set outside the group, a setting, a figure of another report, and named generic
aggregates.

Nothing here runs code from a file: a condition or a value is one of the fixed shapes
below, and an aggregate is a name looked up in a registry of Python callables.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal

import attrs

from integrity_flows.definition.model import Label

Threshold = int | Decimal | str  # a number, or the name of a setting (``setting:name``)

# --- points in time and values read from one case -------------------------------------


@attrs.frozen
class Point:
    """A moment of a case: ``start``, ``entered`` (its current state), ``now``, or a field.

    ``when`` restricts a field to cases matching a condition; a point given as a list of
    alternatives takes the first that applies.
    """

    kind: Literal["start", "entered", "now", "field"]
    field: str | None = None
    when: Condition | None = None


@attrs.frozen
class Span:
    """From one point to the first of ``to`` that the case has.

    ``unit`` is ``days`` (calendar days between the Thai dates) or ``elapsed_days``
    (exact time elapsed, in days with a fraction).
    """

    start: tuple[Point, ...]
    end: tuple[Point, ...]
    unit: Literal["days", "elapsed_days"] = "days"


@attrs.frozen
class Value:
    """What a figure reads from each case: a data field, the case id, or a span of days."""

    kind: Literal["field", "case_id", "span", "state", "version"]
    field: str | None = None
    span: Span | None = None


# --- conditions on one case -----------------------------------------------------------

FieldOp = Literal[
    "equals", "in", "present", "absent", "before_today", "after_today", "at_least", "at_most",
    "less_than",
]  # fmt: skip


@attrs.frozen
class Condition:
    """A test of one case.

    ``kind`` is ``state`` (in one of ``states``), ``fired`` (one of ``triggers`` has
    moved it), ``field`` (``field`` ``op`` ``value``), ``span`` (a span of days at
    most / at least a threshold), or ``all`` / ``any`` / ``not`` of ``children``.

    A ``field`` test with a ``moment`` reads the field as it stood ``before`` (or
    ``after``) the last move of the case by one of ``triggers``, replayed from its audit
    trail, instead of as it stands now (what a committee approved, say, when later
    actions may have carried other values); a case those triggers never moved holds none.
    """

    kind: Literal["state", "fired", "field", "span", "all", "any", "not"]
    states: tuple[str, ...] = ()
    triggers: tuple[str, ...] = ()
    field: str | None = None
    op: FieldOp | None = None
    value: Any = None
    span: Span | None = None
    children: tuple[Condition, ...] = ()
    moment: Literal["before", "after"] | None = None


# --- sets of cases --------------------------------------------------------------------


@attrs.frozen
class YearRule:
    """How a case belongs to a fiscal year: its ``start``, a ``date`` field's fiscal year,
    an integer ``field`` holding the year, the fiscal year of the ``latest`` of several
    date fields (``fields``; a case lacking one belongs to no year), or ``all``: every
    case, whatever its year (what is open now, such as what is overdue)."""

    kind: Literal["start", "date", "field", "latest", "all"]
    field: str | None = None
    fields: tuple[str, ...] = ()


@attrs.frozen
class OrderKey:
    """One key of a set's order: a field (by its choices' order for an enum when
    ``choices``), or the case's start."""

    field: str | None = None
    choices: bool = False


@attrs.frozen
class CaseSet:
    """The cases of ``flow`` a report reads.

    Of the report's fiscal year by ``year`` (unless ``within`` another set, whose cases
    they belong to through the link field ``via``: the flow's parent link unless named),
    or the one case a report of ``scope: case`` is run for (``case``). ``one`` keeps
    only the first by start (the year's case of a yearly programme); ``required`` is the
    message when there is none (the report is then refused).
    """

    name: str
    flow: str
    year: YearRule | None = None
    within: str | None = None
    via: str | None = None
    where: Condition | None = None
    one: bool = False
    case: bool = False
    required: Label | None = None
    order: tuple[OrderKey, ...] = ()
    # Read the cases of the fiscal year this many years before the report's (1: the year
    # before), to compare a year with the one before it.
    years_back: int = 0


# --- figures --------------------------------------------------------------------------

SetKind = Literal["count", "sum", "mean", "median", "min", "max", "list", "distinct", "events"]
FigureKind = Literal[
    "count", "sum", "mean", "median", "min", "max", "list", "distinct", "events",
    "rate", "met", "constant", "setting", "report", "fiscal_year",
    "choices", "missing", "read", "by", "each", "aggregate", "table", "group", "found", "outside",
    "duties",
]  # fmt: skip
SET_KINDS: tuple[str, ...] = (
    "count", "sum", "mean", "median", "min", "max", "list", "distinct", "events",
)  # fmt: skip
FIGURE_KINDS: tuple[str, ...] = (
    *SET_KINDS, "rate", "met", "constant", "setting", "report", "fiscal_year",
    "choices", "missing", "read", "by", "each", "aggregate", "table", "group", "found", "outside",
    "duties",
)  # fmt: skip


@attrs.frozen
class Test:
    """One test of ``met``: the figure ``figure`` at least / at most / equal to ``than``."""

    figure: str
    op: Literal["at_least", "at_most", "equals", "below"]
    than: Any


@attrs.frozen
class Group:
    """A target group: the choices of an enum ``field`` of ``flow``, or the items of a
    list ``field`` of the one case of ``set``.

    For a list, ``split`` reads each item as names separated by commas or line breaks
    (each name once), and ``without`` names another list field of the same case whose
    members have left the group.
    """

    kind: Literal["choices", "list"]
    flow: str | None = None
    set: str | None = None
    field: str | None = None
    split: bool = False
    without: str | None = None


@attrs.frozen
class Class:
    """One class of a classification (``by: classes``): the first class a case matches."""

    id: str
    label: Label
    where: Condition | None = None


@attrs.frozen
class Column:
    """One column of a ``table`` figure (a register): its id, labels and value."""

    id: str
    label: Label
    value: Value


@attrs.frozen
class FigureDecl:
    """One declared figure (or, for ``by`` and ``each``, a family of figures).

    Which attributes apply depends on ``kind``; the loader checks every reference
    and says which attribute of which figure is wrong.
    """

    id: str
    label: Label
    kind: FigureKind
    public: bool = False
    # Shown without thousands separators (a year); a fiscal_year figure always is.
    plain: bool = False
    set: str | None = None
    where: Condition | None = None
    value: Value | None = None
    trigger: tuple[str, ...] = ()
    round: int | None = None
    # rate: of / over (figures), and what to show when ``over`` is zero
    of: str | None = None
    over: str | None = None
    when_zero: Any = None
    when_zero_declared: bool = False
    tests: tuple[Test, ...] = ()
    constant: Any = None
    flow: str | None = None
    setting: str | None = None
    report: str | None = None
    figure: str | None = None
    group: Group | None = None
    number: bool = False
    present: bool = False
    classes: tuple[Class, ...] = ()
    field: str | None = None
    key: Value | None = None
    aggregate: str | None = None
    columns: tuple[Column, ...] = ()
    # table over the items of a records field: one row per item (of ``items_where``)
    records: str | None = None
    items_where: Any = None
    params: Mapping[str, Any] = attrs.field(factory=dict)
    # What of the plan the figure measures: an indicator ("2/output.1", "2/outcome.1") or a
    # project's money ("2/budget.approved", ".committed", ".disbursed"), one or several;
    # read by the plan's monitoring report.
    measures: tuple[str, ...] = ()
    # duties: the duty (of ``flow``; None: every duty of the flow) and the statuses kept.
    duty: str | None = None
    statuses: tuple[str, ...] = ()


@attrs.frozen
class ReportDecl:
    """A declared report: its id, labels, the sets it reads and its figures."""

    id: str
    label: Label
    sets: Mapping[str, CaseSet]
    figures: tuple[FigureDecl, ...]
    scope: Literal["year", "case"] = "year"
    public: bool = False
    description: Label | None = None
    cites: tuple[str, ...] = ()
    source: str = attrs.field(default="<memory>", eq=False)

    def matches(self, name: str) -> bool:
        """True when ``name`` is this report's id or either of its labels."""
        return name == self.id or self.label.matches(name)

    @property
    def case_flow(self) -> str | None:
        """The flow of the case a ``scope: case`` report is run for."""
        return next((s.flow for s in self.sets.values() if s.case), None)
