"""What the living documentation is built from, loaded without stopping at a bad file.

The flows are loaded as every command loads them (:func:`load_library`). When that
refuses them, each flow file is read again on its own: the flows that load are
documented, and every file with a problem is kept with its problems, to be listed on
its own page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib.resources.abc import Traversable
from pathlib import Path

import attrs

from integrity_flows.definition.model import FlowDefinition
from integrity_flows.errors import DefinitionError, Problem
from integrity_flows.guards.registry import GuardRegistry
from integrity_flows.loading.discovery import (
    default_registry,
    flow_files,
    flow_sources,
    load_library,
)
from integrity_flows.loading.reader import read_text
from integrity_flows.reports.catalogue import REPORTS_FOLDER, load_catalogue
from integrity_flows.reports.declaration import ReportDecl


@attrs.frozen
class BrokenFlow:
    """A flow file that does not load, with every problem found in it."""

    source: str
    name: str  # the file name without its extension
    problems: tuple[Problem, ...]


@attrs.frozen
class Loaded:
    """The flows and reports to document, and what could not be loaded."""

    flows: tuple[FlowDefinition, ...]
    reports: tuple[ReportDecl, ...]
    broken: tuple[BrokenFlow, ...] = ()
    problems: tuple[Problem, ...] = ()  # problems that belong to no one flow file


def load_sources(
    folders: Sequence[str | Path] = (),
    *,
    overrides: Sequence[str | Path] = (),
    override_plugins: Sequence[str] = (),
    bundled: bool = True,
) -> Loaded:
    """The latest version of every flow the commands would load, with their reports
    (``bundled``: the bundled flows among them)."""
    registry = default_registry()
    try:
        library = load_library(
            folders,
            registry=registry,
            overrides=overrides,
            override_plugins=override_plugins,
            bundled=bundled,
        )
    except DefinitionError as exc:
        return _one_by_one(folders, overrides, override_plugins, exc.problems, bundled)
    flows = tuple(d for d in library.latest() if not _builtin(d))
    return Loaded(flows, tuple(library.reports))


def _builtin(definition: FlowDefinition) -> bool:
    """The engine's own record of overdue duties is no procedure of the plan."""
    return Path(definition.source).parent.name == "loading"


def _one_by_one(
    folders: Sequence[str | Path],
    overrides: Sequence[str | Path],
    override_plugins: Sequence[str],
    problems: Sequence[Problem],
    bundled: bool,
) -> Loaded:
    registry = default_registry()
    by_source: dict[str, list[Problem]] = {}
    for problem in problems:
        by_source.setdefault(problem.source, []).append(problem)
    good: dict[str, FlowDefinition] = {}
    broken: list[BrokenFlow] = []
    folder_list: list[Traversable | Path] = []
    try:
        sources = flow_sources(
            folders, overrides=overrides, override_plugins=override_plugins, bundled=bundled
        )
    except DefinitionError as exc:
        return Loaded((), (), (), exc.problems)
    for source in sources:
        if source.folder is None:
            continue
        folder_list.append(source.folder / REPORTS_FOLDER)
        for entry, found in _read_each(source.folder, registry):
            trouble = by_source.pop(str(entry), [])
            if isinstance(found, FlowDefinition) and not trouble:
                good[found.id] = found
            else:
                own = list(found) if not isinstance(found, FlowDefinition) else []
                broken.append(
                    BrokenFlow(str(entry), entry.name.rsplit(".", 1)[0], (*own, *trouble))
                )
    rest = [p for ps in by_source.values() for p in ps]
    reports: tuple[ReportDecl, ...] = ()
    try:
        reports = tuple(load_catalogue(folder_list, list(good.values())))
    except DefinitionError as exc:
        rest.extend(exc.problems)
    return Loaded(tuple(good.values()), reports, tuple(broken), tuple(_unique(rest)))


def _read_each(
    folder: Traversable | Path, registry: GuardRegistry
) -> Iterable[tuple[Traversable, FlowDefinition | tuple[Problem, ...]]]:
    try:
        entries = list(flow_files(folder))
    except DefinitionError as exc:
        yield folder, exc.problems
        return
    for entry in entries:
        try:
            text = entry.read_text(encoding="utf-8")
            yield entry, read_text(text, str(entry), registry)
        except (OSError, UnicodeDecodeError) as exc:
            yield entry, (Problem(str(entry), "", f"cannot read: {exc}", f"อ่านไฟล์ไม่ได้: {exc}"),)
        except DefinitionError as exc:
            yield entry, exc.problems


def _unique(problems: Iterable[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


__all__ = ["BrokenFlow", "Loaded", "load_sources"]
