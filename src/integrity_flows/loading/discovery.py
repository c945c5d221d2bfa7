"""Where flows and guards come from: the bundled folder, host folders, entry points."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from integrity_flows.definition.model import FlowDefinition
from integrity_flows.errors import DefinitionError, Problem, UnknownFlow
from integrity_flows.guards.builtin import builtin_registry
from integrity_flows.guards.registry import GuardRegistry, GuardSpec
from integrity_flows.loading.duty_checks import duty_problems
from integrity_flows.loading.links import check_links
from integrity_flows.loading.reader import read_text
from integrity_flows.plan.catalogue import coverage
from integrity_flows.plan.model import Plan

if TYPE_CHECKING:
    from integrity_flows.reports.catalogue import ReportCatalogue

FLOW_ENTRY_POINTS = "integrity_flows.flows"
GUARD_ENTRY_POINTS = "integrity_flows.guards"


def bundled_flows() -> Traversable:
    """The flows shipped with the package (the repository's ``flows/`` in a checkout)."""
    packaged = resources.files("integrity_flows") / "_bundled_flows"
    if packaged.is_dir():
        return packaged
    # An editable install or a plain checkout: the top-level flows/ folder.
    return Path(__file__).resolve().parents[3] / "flows"


def flow_files(folder: Traversable) -> Iterator[Traversable]:
    """YAML files in ``folder`` (``*.yaml``, ``*.yml``: flows, or reports in ``reports/``),
    sorted by name, not recursive."""
    if not folder.is_dir():
        return
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith((".yaml", ".yml")):
            yield entry


class FlowLibrary:
    """The loaded definitions, by id and version."""

    def __init__(
        self, definitions: Iterable[FlowDefinition] = (), reports: ReportCatalogue | None = None
    ) -> None:
        self._by_key: dict[tuple[str, int], FlowDefinition] = {}
        # The declared reports over these flows (``reports/`` beside them).
        self.reports = reports if reports is not None else _reports().ReportCatalogue()
        for definition in definitions:
            self.add(definition)

    def add(self, definition: FlowDefinition) -> None:
        """Add ``definition``; the same id and version twice must be the same definition."""
        known = self._by_key.get(definition.key)
        if known is not None and known.digest != definition.digest:
            raise DefinitionError(
                [
                    Problem(
                        definition.source,
                        "version",
                        f"flow '{definition.id}' version {definition.version} is already "
                        f"loaded from {known.source} with different content; "
                        "give the new one a new version",
                        f"ขั้นตอนงาน '{definition.id}' ฉบับ {definition.version} มีอยู่แล้ว"
                        f"จาก {known.source} แต่เนื้อหาต่างกัน ต้องเพิ่มเลขฉบับ",
                    )
                ]
            )
        self._by_key[definition.key] = definition

    def get(self, flow_id: str, version: int | None = None) -> FlowDefinition:
        """The definition ``flow_id`` at ``version`` (the latest when not given)."""
        if version is not None:
            found = self._by_key.get((flow_id, version))
            if found is None:
                raise UnknownFlow(flow_id, version)
            return found
        versions = [d for (fid, _), d in self._by_key.items() if fid == flow_id]
        if not versions:
            raise UnknownFlow(flow_id)
        return max(versions, key=lambda d: d.version)

    def __iter__(self) -> Iterator[FlowDefinition]:
        return iter(sorted(self._by_key.values(), key=lambda d: d.key))

    def __len__(self) -> int:
        return len(self._by_key)

    def latest(self) -> list[FlowDefinition]:
        """The latest version of each flow, sorted by id."""
        return [self.get(flow_id) for flow_id in sorted({d.id for d in self})]


def _reports() -> Any:
    """The report catalogue module. It reads report files with this module's helpers, so
    it is imported when reports are first loaded, not when this module is."""
    from integrity_flows.reports import catalogue  # noqa: PLC0415 - see the docstring

    return catalogue


def load_folder(folder: Traversable | Path, registry: GuardRegistry) -> list[FlowDefinition]:
    """Every flow in ``folder``; raise one :class:`DefinitionError` with all problems."""
    definitions: list[FlowDefinition] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        raise DefinitionError([Problem(str(folder), "", "not a folder", "ไม่ใช่โฟลเดอร์")])
    for entry in flow_files(folder):
        try:
            text = entry.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(
                Problem(
                    str(entry),
                    "",
                    f"cannot read as UTF-8 text: {exc}",
                    f"อ่านไฟล์เป็นข้อความ UTF-8 ไม่ได้: {exc}",
                )
            )
            continue
        try:
            definitions.append(read_text(text, str(entry), registry))
        except DefinitionError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DefinitionError(problems)
    return definitions


def _entry_point_objects(group: str) -> Iterator[tuple[str, Any]]:
    for entry in metadata.entry_points(group=group):
        yield entry.name, entry.load()


def add_entry_point_specs(registry: Any, group: str, spec_type: type) -> None:
    """Add to ``registry`` what installed packages publish under ``group``.

    An entry point names a ``spec_type`` (a :class:`GuardSpec`, say), a list of them, or a
    callable that receives the registry and adds its own.
    """
    for _, obj in _entry_point_objects(group):
        if isinstance(obj, spec_type):
            registry.add(obj)
        elif isinstance(obj, list | tuple):
            for spec in obj:
                registry.add(spec)
        elif callable(obj):
            obj(registry)


def add_entry_point_guards(registry: GuardRegistry) -> None:
    """Add guards published by installed packages under ``integrity_flows.guards``."""
    add_entry_point_specs(registry, GUARD_ENTRY_POINTS, GuardSpec)


def entry_point_folders(group: str = FLOW_ENTRY_POINTS) -> Iterator[Traversable | Path]:
    """Folders published by installed packages under ``group`` (the flows' by default).

    An entry point names a folder (a path or an ``importlib.resources`` traversable)
    or a callable returning one.
    """
    for _, obj in _entry_point_objects(group):
        found = obj() if callable(obj) and not isinstance(obj, Path | Traversable) else obj
        yield Path(found) if isinstance(found, str) else found


def default_registry(*, entry_points: bool = True) -> GuardRegistry:
    """Built-in guards, plus those of installed packages."""
    registry = builtin_registry()
    if entry_points:
        add_entry_point_guards(registry)
    return registry


def plan_problems(plan: Plan, definitions: Iterable[FlowDefinition]) -> list[Problem]:
    """Every project a flow names and step it cites that ``plan``'s latest version lacks."""
    in_force = attrs.evolve(plan, projects=plan.projects_in())
    return list(coverage(in_force, definitions).problems)


def load_library(
    folders: Iterable[Path | str | Traversable] = (),
    *,
    registry: GuardRegistry,
    bundled: bool = True,
    entry_points: bool = True,
    plan: Plan | None = None,
) -> FlowLibrary:
    """Load the bundled flows, those of ``folders`` and those of installed packages; with
    ``plan``, refuse a flow naming a project or citing a step the plan does not have."""
    sources: list[Traversable | Path] = []
    if bundled:
        sources.append(bundled_flows())
    sources.extend(Path(f) if isinstance(f, str) else f for f in folders)
    if entry_points:
        sources.extend(entry_point_folders())
    library = FlowLibrary()
    problems: list[Problem] = []
    for folder in sources:
        try:
            for definition in load_folder(folder, registry):
                library.add(definition)
        except DefinitionError as exc:
            problems.extend(exc.problems)
    if not problems and any(d.duties for d in library.latest()):
        # The generic record of overdue occurrences, written by the sweep (docs/duties.md).
        record = resources.files("integrity_flows") / "loading" / "duty_record.yaml"
        library.add(read_text(record.read_text(encoding="utf-8"), str(record), registry))
    problems.extend(check_links(library.latest()))
    problems.extend(duty_problems(library.latest()))
    if plan is not None:
        problems.extend(plan_problems(plan, library.latest()))
    if problems:
        raise DefinitionError(problems)
    reports = _reports()
    library.reports = reports.load_catalogue(
        [folder / reports.REPORTS_FOLDER for folder in sources],
        library.latest(),
        entry_points=entry_points,
    )
    return library
