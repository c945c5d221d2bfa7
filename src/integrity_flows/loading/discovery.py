"""Where flows and guards come from: the bundled folder, host folders, entry points."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from integrity_flows.definition.model import FlowDefinition
from integrity_flows.errors import DefinitionError, Problem, UnknownFlow
from integrity_flows.guards.builtin import builtin_registry
from integrity_flows.guards.registry import GuardRegistry, GuardSpec
from integrity_flows.loading.duty_checks import duty_problems
from integrity_flows.loading.links import check_links
from integrity_flows.loading.lock import kept_files, read_kept
from integrity_flows.loading.reader import read_text
from integrity_flows.loading.templates import FOLDER

if TYPE_CHECKING:
    from integrity_flows.plan.model import Plan
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
    try:
        entries = sorted(folder.iterdir(), key=lambda e: e.name)
    except OSError as exc:
        raise DefinitionError(
            [
                Problem(
                    str(folder),
                    "",
                    f"cannot read the folder: {exc.strerror or exc}",
                    f"อ่านโฟลเดอร์ไม่ได้: {exc.strerror or exc}",
                )
            ]
        ) from None
    for entry in entries:
        if entry.is_file() and entry.name.endswith((".yaml", ".yml")):
            yield entry


@attrs.frozen
class FlowSource:
    """Where flows come from: the bundled folder, a folder the host names, or a plug-in.

    A source that is an ``override`` may define a flow id an earlier source already
    defines (in a new version); any other source may not.
    """

    kind: Literal["bundled", "folder", "plug-in", "given"]
    name: str
    folder: Traversable | Path | None = attrs.field(default=None, eq=False)
    override: bool = False

    def __str__(self) -> str:
        if self.kind in ("bundled", "given"):
            return self.kind
        return f"{self.kind} {self.name}" + (" (override)" if self.override else "")

    @property
    def thai(self) -> str:
        """The source as a Thai reader reads it."""
        said = {"bundled": "ที่มากับระบบ", "folder": "โฟลเดอร์", "plug-in": "ส่วนเสริม"}
        if self.kind == "given":
            return "กำหนดโดยโปรแกรม"
        name = "" if self.kind == "bundled" else f" {self.name}"
        return said[self.kind] + name + (" (แทนที่)" if self.override else "")


#: Definitions added without naming a source (``FlowLibrary([...])`` in a program).
GIVEN = FlowSource("given", "given")


class FlowLibrary:
    """The loaded definitions, by id and version, and the source each flow id comes from.

    The texts of older versions kept in a folder's ``history/`` are read when first asked
    for (:meth:`get` of that version, iterating, :meth:`read_kept`), not when the library
    is loaded: most engines never run a case of an old version.
    """

    def __init__(
        self, definitions: Iterable[FlowDefinition] = (), reports: ReportCatalogue | None = None
    ) -> None:
        self._by_key: dict[tuple[str, int], FlowDefinition] = {}
        # The latest version of each id, kept as definitions are added (read on every fire).
        self._latest: dict[str, FlowDefinition] = {}
        self._origins: dict[tuple[str, int], FlowSource] = {}
        self._first: dict[str, FlowSource] = {}
        # Kept texts not read yet: (id, version) -> (file, its source, the guards to check).
        self._unread: dict[tuple[str, int], tuple[Traversable | Path, FlowSource, GuardRegistry]]
        self._unread = {}
        self._reading = threading.Lock()
        # The declared reports over these flows (``reports/`` beside them).
        self.reports = reports if reports is not None else _reports().ReportCatalogue()
        for definition in definitions:
            self.add(definition)

    def origin(self, definition: FlowDefinition) -> FlowSource:
        """The source ``definition`` was loaded from."""
        return self._origins.get(definition.key, GIVEN)

    def add(self, definition: FlowDefinition, source: FlowSource = GIVEN) -> None:
        """Add ``definition`` from ``source``; the same id and version twice must be the same
        definition, and a flow id an earlier source defines is refused from another source
        unless that one is an override."""
        first = self._first.get(definition.id)
        if first is not None and first != source and not source.override:
            raise DefinitionError([_taken(definition, source, first, self.get(definition.id))])
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
        latest = self._latest.get(definition.id)
        if latest is None or definition.version >= latest.version:
            self._latest[definition.id] = definition
        self._origins[definition.key] = source
        self._first.setdefault(definition.id, source)

    def keep(
        self,
        flow_id: str,
        version: int,
        entry: Traversable | Path,
        source: FlowSource,
        registry: GuardRegistry,
    ) -> None:
        """Add the kept text in ``entry`` of an older version of a flow this library has,
        to be read and checked when first asked for. A text that may declare ``grants:``
        is added, not kept: an engine reads every version's grants when it opens."""
        self._unread[(flow_id, version)] = (entry, source, registry)

    def read_kept(self) -> None:
        """Read every kept text not read yet; raises :class:`DefinitionError` naming every
        one that does not load (``flows check`` reads them all)."""
        problems: list[Problem] = []
        for key in sorted(self._unread):
            try:
                self._read(key)
            except DefinitionError as exc:
                problems.extend(exc.problems)
        if problems:
            raise DefinitionError(problems)

    def _read(self, key: tuple[str, int]) -> FlowDefinition | None:
        """The kept text of ``key`` read now (None when there is none); one that does not
        load stays unread and raises :class:`DefinitionError` each time it is asked for."""
        with self._reading:
            found = self._by_key.get(key)
            if found is not None or key not in self._unread:
                return found
            entry, source, registry = self._unread[key]
            definition = read_kept(*key, entry, registry)
            self.add(definition, source)
            del self._unread[key]
            return definition

    def get(self, flow_id: str, version: int | None = None) -> FlowDefinition:
        """The definition ``flow_id`` at ``version`` (the latest when not given)."""
        if version is not None:
            found = self._by_key.get((flow_id, version)) or self._read((flow_id, version))
            if found is None:
                raise UnknownFlow(flow_id, version)
            return found
        latest = self._latest.get(flow_id)
        if latest is None:
            raise UnknownFlow(flow_id)
        return latest

    def __iter__(self) -> Iterator[FlowDefinition]:
        """Every version, the kept texts too (read now when they were not)."""
        self.read_kept()
        return iter(sorted(self._by_key.values(), key=lambda d: d.key))

    def loaded(self) -> list[FlowDefinition]:
        """The versions read so far, without reading the kept texts that were not: every
        version of a flow that declares ``grants:`` is among them."""
        return sorted(self._by_key.values(), key=lambda d: d.key)

    def __len__(self) -> int:
        return len(self._by_key) + len(self._unread)

    def latest(self) -> list[FlowDefinition]:
        """The latest version of each flow, sorted by id."""
        return [self._latest[flow_id] for flow_id in sorted(self._latest)]


def _taken(
    definition: FlowDefinition, source: FlowSource, first: FlowSource, known: FlowDefinition
) -> Problem:
    return Problem(
        definition.source,
        "id",
        f"flow '{definition.id}' is already defined by {first} ({known.source}); {source} "
        "may not define it again unless the host names it as an override "
        "(Engine.open(overrides=...), --override-flows, --override-plugin)",
        f"ขั้นตอนงาน '{definition.id}' มีอยู่แล้วจาก{first.thai} ({known.source}) "
        f"{source.thai} จะกำหนดซ้ำไม่ได้ เว้นแต่ผู้ใช้ระบุให้แทนที่ (override) โดยชัดแจ้ง",
    )


def _reports() -> Any:
    """The report catalogue module. It reads report files with this module's helpers, so
    it is imported when reports are first loaded, not when this module is."""
    from integrity_flows.reports import catalogue  # noqa: PLC0415 - see the docstring

    return catalogue


def _add_source(
    library: FlowLibrary,
    source: FlowSource,
    definitions: list[FlowDefinition],
    registry: GuardRegistry,
) -> list[Problem]:
    """Add the flows ``source`` loaded and its kept texts to ``library``; the problems."""
    assert source.folder is not None
    problems: list[Problem] = []
    for definition in definitions:
        try:
            library.add(definition, source)
        except DefinitionError as exc:
            problems.extend(exc.problems)
    # The texts of earlier versions kept beside the folder's flows (history/): read when
    # first asked for, unless one is the newest version of its id in the folder (the
    # library's latest must be known now, and its id checked against the other sources)
    # or may declare grants (an engine must know every version's powers when it opens).
    newest = {d.id: d.version for d in definitions}
    for flow_id, version, entry in kept_files(source.folder, [d.key for d in definitions]):
        if version < newest.get(flow_id, 0) and not _may_grant(entry):
            library.keep(flow_id, version, entry, source, registry)
            continue
        try:
            library.add(read_kept(flow_id, version, entry, registry), source)
        except DefinitionError as exc:
            problems.extend(exc.problems)
    return problems


def _may_grant(entry: Traversable | Path) -> bool:
    """Whether the flow text in ``entry`` may declare ``grants:`` (a text that never says
    the word cannot; one that does is read, whatever the word is doing there)."""
    try:
        return "grants" in entry.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return True  # read it now: reading names what is wrong with it


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
            definitions.append(read_text(text, str(entry), registry, folder / FOLDER))
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


def entry_point_sources(
    group: str = FLOW_ENTRY_POINTS,
) -> Iterator[tuple[str, Traversable | Path]]:
    """The name and folder of each entry point installed packages publish under ``group``.

    An entry point names a folder (a path or an ``importlib.resources`` traversable)
    or a callable returning one.
    """
    for name, obj in _entry_point_objects(group):
        found = obj() if callable(obj) and not isinstance(obj, Path | Traversable) else obj
        yield name, Path(found) if isinstance(found, str) else found


def entry_point_folders(group: str = FLOW_ENTRY_POINTS) -> Iterator[Traversable | Path]:
    """Folders published by installed packages under ``group`` (the flows' by default)."""
    for _, folder in entry_point_sources(group):
        yield folder


def default_registry(*, entry_points: bool = True) -> GuardRegistry:
    """Built-in guards, plus those of installed packages."""
    registry = builtin_registry()
    if entry_points:
        add_entry_point_guards(registry)
    return registry


def plan_problems(plan: Plan, definitions: Iterable[FlowDefinition]) -> list[Problem]:
    """Every project a flow names and step it cites that ``plan``'s latest version lacks."""
    # Read here, not when this module is: the plan's reader (and Gherkin's parser, for the
    # features it covers) is needed only by a host that names a plan.
    from integrity_flows.plan.catalogue import coverage  # noqa: PLC0415 - see above

    in_force = attrs.evolve(plan, projects=plan.projects_in())
    return list(coverage(in_force, definitions).problems)


def flow_sources(
    folders: Iterable[Path | str | Traversable] = (),
    *,
    bundled: bool = True,
    entry_points: bool = True,
    overrides: Iterable[Path | str | Traversable] = (),
    override_plugins: Iterable[str] = (),
) -> list[FlowSource]:
    """The sources of flows in the order they are loaded: the bundled folder, ``folders``,
    the plug-ins (those named in ``override_plugins`` as overrides), then the ``overrides``
    folders. A folder given twice (or the bundled one given again) is read once."""
    sources: list[FlowSource] = []
    if bundled:
        sources.append(FlowSource("bundled", "bundled", bundled_flows()))
    for folder in folders:
        sources.append(_folder_source(folder, override=False))
    named = set(override_plugins)
    if entry_points:
        for name, folder in entry_point_sources():
            sources.append(FlowSource("plug-in", name, folder, override=name in named))
            named.discard(name)
    if named:
        names = ", ".join(sorted(named))
        raise DefinitionError(
            [
                Problem(
                    "<overrides>",
                    names,
                    f"no installed plug-in publishes flows under the name(s) {names}",
                    f"ไม่พบส่วนเสริมที่ติดตั้งชื่อ {names}",
                )
            ]
        )
    sources.extend(_folder_source(folder, override=True) for folder in overrides)
    seen: set[str] = set()
    unique = []
    for source in sources:
        where = _where(source.folder)
        if where not in seen:
            seen.add(where)
            unique.append(source)
    return unique


def _folder_source(folder: Path | str | Traversable, *, override: bool) -> FlowSource:
    found = Path(folder) if isinstance(folder, str) else folder
    return FlowSource("folder", str(found), found, override=override)


def _where(folder: Traversable | Path | None) -> str:
    return str(folder.resolve()) if isinstance(folder, Path) else str(folder)


def load_library(
    folders: Iterable[Path | str | Traversable] = (),
    *,
    registry: GuardRegistry,
    bundled: bool = True,
    entry_points: bool = True,
    overrides: Iterable[Path | str | Traversable] = (),
    override_plugins: Iterable[str] = (),
    plan: Plan | None = None,
) -> FlowLibrary:
    """Load the bundled flows, those of ``folders`` and those of installed packages, then
    the ``overrides`` folders. A flow id one source defines may not be defined by a later
    one, unless that one is an ``overrides`` folder or a plug-in named in
    ``override_plugins`` (docs/flow-definitions.md#where-flows-come-from). With ``plan``,
    refuse a flow naming a project or citing a step the plan does not have."""
    sources = flow_sources(
        folders,
        bundled=bundled,
        entry_points=entry_points,
        overrides=overrides,
        override_plugins=override_plugins,
    )
    library = FlowLibrary()
    problems: list[Problem] = []
    for source in sources:
        assert source.folder is not None
        try:
            definitions = load_folder(source.folder, registry)
        except DefinitionError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(_add_source(library, source, definitions, registry))
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
        [source.folder / reports.REPORTS_FOLDER for source in sources if source.folder],
        library.latest(),
        entry_points=entry_points,
    )
    return library
