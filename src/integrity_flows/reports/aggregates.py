"""Named aggregates: figures a report file cannot declare with the built-in shapes.

An aggregate is generic (usable by any flow), registered by name with the kinds of its
parameters, and fed the cases of a set like every other figure. The built-in ones read
what the engine itself records on a case, the same for every flow:

- ``committee_resolutions``: how many resolutions the committee ``committee`` recorded
  on the cases of the set (no ``committee``: every committee of the case's flow);
- ``committee_recusals``: who was recused from which matter and why (a conflict they
  declared, or their own matter), ``member: subject (relation)``, each once.

A plug-in adds its own through the entry point group ``integrity_flows.aggregates``
(an :class:`AggregateSpec`, a list of them, or a callable receiving the registry).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import attrs

from integrity_flows.reports.base import Figure, FigureValue
from integrity_flows.reports.reading_cases import matches

if TYPE_CHECKING:
    from integrity_flows.reports.accumulators import Accumulator
    from integrity_flows.reports.declaration import FigureDecl
    from integrity_flows.reports.reading_cases import Seen

AGGREGATE_ENTRY_POINTS = "integrity_flows.aggregates"
#: What a parameter of an aggregate names, so a report file's use of it is checked.
AggregateParam = Literal["committee", "text", "int"]
AggregateStart = Callable[["FigureDecl", Any], "Accumulator"]


@attrs.frozen
class AggregateSpec:
    """A named aggregate: how to start one, and its parameters with their kinds."""

    name: str
    start: AggregateStart
    params: Mapping[str, AggregateParam] = attrs.field(factory=dict)
    optional: Mapping[str, AggregateParam] = attrs.field(factory=dict)


class AggregateRegistry:
    """Aggregates by name; built explicitly and handed to the report runner."""

    def __init__(self, specs: Iterable[AggregateSpec] = ()) -> None:
        self._specs: dict[str, AggregateSpec] = {}
        for spec in specs:
            self.add(spec)

    def add(self, spec: AggregateSpec) -> None:
        """Register ``spec``; a name may be registered once."""
        if spec.name in self._specs:
            msg = f"aggregate '{spec.name}' is already registered"
            raise ValueError(msg)
        self._specs[spec.name] = spec

    def get(self, name: str) -> AggregateSpec | None:
        """The aggregate named ``name``, if registered."""
        return self._specs.get(name)

    def names(self) -> list[str]:
        """Registered names, sorted."""
        return sorted(self._specs)

    def start(self, decl: FigureDecl, source: Any) -> Accumulator:
        """A fresh accumulator for the figure ``decl``."""
        spec = self._specs[decl.aggregate or ""]
        return spec.start(decl, source)


# --- the built-in aggregates -----------------------------------------------------------


class _Resolutions:
    def __init__(self, decl: FigureDecl, _: Any) -> None:
        self.decl = decl
        self.n = 0

    def add(self, seen: Seen) -> None:
        if not matches(seen, self.decl.where):
            return
        given = self.decl.params.get("committee")
        names = [str(given)] if given is not None else list(seen.definition.committees)
        for name in names:
            record = seen.case.data.get(name) or {}
            self.n += len(record.get("resolutions", ()))

    def finish(self, values: Mapping[str, FigureValue]) -> list[Figure]:
        del values
        return [Figure(self.decl.id, self.decl.label, self.n)]


_OWN = "เรื่องของตนเอง / own matter"


def _recusal_text(found: Mapping[str, Any], subject: str, why: str) -> str:
    relation = _OWN if why == "own" else (found.get("relation") or "-")
    return f"{found.get('member', '')}: {subject} ({relation})"


class _Recusals:
    """Conflicts declared, then members recused from their own matter, each once."""

    def __init__(self, decl: FigureDecl, _: Any) -> None:
        self.decl = decl
        self.found: dict[tuple[str, str], str] = {}

    def add(self, seen: Seen) -> None:
        if not matches(seen, self.decl.where):
            return
        record = seen.case.data.get(str(self.decl.params["committee"])) or {}
        for conflict in record.get("conflicts", ()):
            subject = str(conflict.get("subject") or "")
            key = (str(conflict.get("member")), subject)
            self.found.setdefault(key, _recusal_text(conflict, subject, "declared"))
        for resolution in record.get("resolutions", ()):
            subject = str(resolution.get("subject") or "")
            for recused in resolution.get("recused", ()):
                key = (str(recused.get("member")), subject)
                why = str(recused.get("why", "declared"))
                self.found.setdefault(key, _recusal_text(recused, subject, why))

    def finish(self, values: Mapping[str, FigureValue]) -> list[Figure]:
        del values
        return [Figure(self.decl.id, self.decl.label, tuple(self.found.values()))]


def builtin_aggregates() -> AggregateRegistry:
    """A registry holding the built-in aggregates."""
    return AggregateRegistry(
        [
            AggregateSpec(
                "committee_resolutions", _Resolutions, optional={"committee": "committee"}
            ),
            AggregateSpec("committee_recusals", _Recusals, {"committee": "committee"}),
        ]
    )


__all__ = [
    "AGGREGATE_ENTRY_POINTS",
    "AggregateRegistry",
    "AggregateSpec",
    "builtin_aggregates",
]
