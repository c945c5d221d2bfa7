"""Version discipline for a flows folder: the lock of each version's hash, and its history.

A flows folder may hold ``versions.lock``: one line per flow version ever released from
it, ``ID VERSION SHA256`` (the definition hash). The text of every locked version is
kept in ``history/ID/VERSION.yaml``: a flow library reads each as an old version when it
is first asked for (:func:`kept_files`, :func:`read_kept`), so a store's cases of it still
run. :func:`lock_problems` says where the folder breaks the lock (a flow changed without a
new version, a version not locked, a kept text changed or missing); :func:`update_lock`
(``integrity-flows flows lock``) writes the lock and the history, and with ``bump`` gives
each flow changed under a locked version the next version number itself. The bundled
folder is held to its lock by a test and by ``integrity-flows flows check``
(docs/versions.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from importlib.resources.abc import Traversable
from pathlib import Path

import attrs

from integrity_flows.definition.model import FlowDefinition
from integrity_flows.errors import DefinitionError, Problem
from integrity_flows.guards.registry import GuardRegistry
from integrity_flows.loading.reader import read_text

LOCK_FILE = "versions.lock"
HISTORY = "history"

_HEADER = (
    "# Flow versions released from this folder: id, version, SHA-256 of the definition.\n"
    "# Written by `integrity-flows flows lock`; the text of each is in history/ID/VERSION.yaml.\n"
    "# A flow whose content changes needs a new version (docs/versions.md).\n"
)
_LINE = re.compile(r"([a-z][a-z0-9_]*) ([1-9][0-9]*) ([0-9a-f]{64})")
_VERSION_LINE = re.compile(r"^version:[ \t]*[0-9]+[ \t]*(#.*)?$", re.MULTILINE)

Lock = dict[tuple[str, int], str]


@attrs.frozen
class LockUpdate:
    """What :func:`update_lock` wrote: the versions added to the lock, and the flows it
    gave a new version number (id, old version, new version)."""

    added: tuple[tuple[str, int], ...]
    bumped: tuple[tuple[str, int, int], ...]
    locked: int


def read_lock(folder: Traversable | Path) -> tuple[Lock, list[Problem]]:
    """The lock of ``folder`` (empty when it has none) and every line that is not one."""
    entry = folder / LOCK_FILE
    if not entry.is_file():
        return {}, []
    where = str(entry)
    lock: Lock = {}
    problems = []
    for number, line in enumerate(entry.read_text(encoding="utf-8").splitlines(), 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        found = _LINE.fullmatch(text)
        if found is None:
            problems.append(_at(where, number, "not 'ID VERSION SHA256'", "ไม่ใช่ 'รหัส ฉบับ แฮช'"))
            continue
        key = (found[1], int(found[2]))
        if key in lock:
            problems.append(_at(where, number, "a version locked twice", "ล็อกฉบับนี้ซ้ำ"))
        lock[key] = found[3]
    return lock, problems


def history_files(folder: Traversable | Path) -> Iterator[tuple[str, int, Traversable | Path]]:
    """(flow id, version, file) of each kept text, ``history/ID/VERSION.yaml``."""
    root = folder / HISTORY
    if not root.is_dir():
        return
    for flow in sorted(root.iterdir(), key=lambda e: e.name):
        if not flow.is_dir():
            continue
        for entry in sorted(flow.iterdir(), key=lambda e: e.name):
            stem, _, ext = entry.name.partition(".")
            if entry.is_file() and ext == "yaml" and stem.isdigit():
                yield flow.name, int(stem), entry


def kept_files(
    folder: Traversable | Path, loaded: Iterable[tuple[str, int]]
) -> list[tuple[str, int, Traversable | Path]]:
    """(flow id, version, file) of each kept text of ``folder`` whose version is not
    among ``loaded`` (the current files'), to read with :func:`read_kept`."""
    skip = set(loaded)
    return [kept for kept in history_files(folder) if kept[:2] not in skip]


def read_kept(
    flow_id: str, version: int, entry: Traversable | Path, registry: GuardRegistry
) -> FlowDefinition:
    """The kept text in ``entry``, checked to be the id and version its name says."""
    definition = read_text(entry.read_text(encoding="utf-8"), str(entry), registry)
    if definition.key != (flow_id, version):
        raise DefinitionError([_misnamed(str(entry), definition)])
    return definition


def lock_problems(
    folder: Traversable | Path, current: Iterable[FlowDefinition], registry: GuardRegistry
) -> list[Problem]:
    """Where ``folder`` (its ``current`` flows) breaks its lock; none without a lock."""
    lock, problems = read_lock(folder)
    if not lock and not problems:
        return []
    where = str(folder / LOCK_FILE)
    now = {d.key: d for d in current}
    for definition in now.values():
        problems.extend(_current_problems(where, lock, definition))
    kept = {(flow_id, version): entry for flow_id, version, entry in history_files(folder)}
    for (flow_id, version), digest in sorted(lock.items()):
        entry = kept.get((flow_id, version))
        if entry is None:
            # The current version's text too: the next change must not lose it.
            problems.append(_no_history(where, flow_id, version))
            continue
        same = now.get((flow_id, version))
        problems.extend(_kept_problems(entry, digest, registry, same.text if same else None))
    return problems


def _kept_problems(
    entry: Traversable | Path,
    digest: str,
    registry: GuardRegistry,
    current: str | None = None,
) -> list[Problem]:
    """Why the text kept in ``entry`` is not the one locked as ``digest`` (none when it is
    the ``current`` text as it stands)."""
    text = entry.read_text(encoding="utf-8")
    if text == current:
        return []
    try:
        kept = read_text(text, str(entry), registry)
    except DefinitionError as exc:
        return list(exc.problems)
    if kept.digest != digest:
        return [_changed(str(entry), kept, "the kept text", "ต้นฉบับที่เก็บไว้")]
    return []


def _current_problems(
    where: str, lock: Lock, definition: FlowDefinition, *, new_ok: bool = False
) -> list[Problem]:
    """Why ``definition`` breaks ``lock`` (a version not locked is fine with ``new_ok``)."""
    locked = lock.get(definition.key)
    if locked == definition.digest:
        return []
    if locked is not None:
        return [_changed(definition.source, definition, "the flow", "ขั้นตอนงาน")]
    later = [v for (fid, v) in lock if fid == definition.id and v > definition.version]
    if later:
        return [
            Problem(
                definition.source,
                "version",
                f"version {definition.version} is older than version {max(later)} locked in "
                f"{where}: a flow's version only goes up",
                f"ฉบับ {definition.version} เก่ากว่าฉบับ {max(later)} ที่ล็อกไว้ใน {where} "
                "เลขฉบับต้องเพิ่มขึ้นเท่านั้น",
            )
        ]
    if new_ok:
        return []
    return [
        Problem(
            definition.source,
            "version",
            f"flow '{definition.id}' version {definition.version} is not in {where}: run "
            "integrity-flows flows lock",
            f"ขั้นตอนงาน '{definition.id}' ฉบับ {definition.version} ยังไม่อยู่ใน {where} "
            "ต้องสั่ง integrity-flows flows lock",
        )
    ]


def update_lock(folder: Path, registry: GuardRegistry, *, bump: bool = False) -> LockUpdate:
    """Lock every flow of ``folder`` and keep its text in the history; all or nothing.

    A flow whose content differs from its locked version is refused (a changed flow needs
    a new version), unless ``bump``: then its file gets the next version number and is
    locked under it. The texts of the versions locked before stay in the history.
    """
    from integrity_flows.loading.discovery import load_folder  # noqa: PLC0415 - a cycle

    lock, problems = read_lock(folder)
    if problems:
        raise DefinitionError(problems)
    current = load_folder(folder, registry)
    bumped: list[tuple[str, int, int]] = []
    texts: dict[tuple[str, int], tuple[Path, str, str]] = {}
    where = str(folder / LOCK_FILE)
    for loaded in current:
        definition = loaded
        found = _current_problems(where, lock, definition, new_ok=True)
        if found and bump and definition.key in lock:
            definition, found = _bumped(loaded, lock, registry)
            bumped.append((definition.id, loaded.version, definition.version))
        problems.extend(found)
        texts[definition.key] = (Path(definition.source), definition.text, definition.digest)
    problems.extend(_history_problems(folder, registry, lock, texts))
    # A text kept by hand (an earlier version restored from the repository's history)
    # is locked as it is.
    earlier = []
    for flow_id, version, entry in kept_files(folder, [*lock, *texts]):
        try:
            earlier.append(read_kept(flow_id, version, entry, registry))
        except DefinitionError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DefinitionError(problems)
    added = tuple(sorted({*texts, *(d.key for d in earlier)} - set(lock)))
    lock.update({d.key: d.digest for d in earlier})
    for (flow_id, version), (source, text, digest) in texts.items():
        lock[(flow_id, version)] = digest
        kept = folder / HISTORY / flow_id / f"{version}.yaml"
        if not kept.is_file():
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_text(text, encoding="utf-8")
        if (flow_id, version) in {(b[0], b[2]) for b in bumped}:
            source.write_text(text, encoding="utf-8")
    lines = [f"{fid} {v} {h}\n" for (fid, v), h in sorted(lock.items())]
    (folder / LOCK_FILE).write_text(_HEADER + "".join(lines), encoding="utf-8")
    return LockUpdate(added, tuple(bumped), len(lock))


def _bumped(
    definition: FlowDefinition, lock: Lock, registry: GuardRegistry
) -> tuple[FlowDefinition, list[Problem]]:
    """``definition`` with the next version after the highest locked (its file's
    ``version:`` line rewritten; the file itself is written only if all goes well)."""
    version = _locked_max(lock, definition.id) + 1
    text, count = _VERSION_LINE.subn(f"version: {version}", definition.text, count=1)
    if count != 1:
        return definition, [
            Problem(
                definition.source,
                "version",
                "no top-level 'version: N' line to give the next version number",
                "ไม่พบบรรทัด 'version: N' ระดับบนสุดสำหรับเพิ่มเลขฉบับ",
            )
        ]
    return read_text(text, definition.source, registry), []


def _locked_max(lock: Lock, flow_id: str) -> int:
    return max((v for (fid, v) in lock if fid == flow_id), default=0)


def _history_problems(
    folder: Path,
    registry: GuardRegistry,
    lock: Lock,
    texts: dict[tuple[str, int], tuple[Path, str, str]],
) -> list[Problem]:
    """A kept text that differs from what is locked now or about to be."""
    problems: list[Problem] = []
    for flow_id, version, entry in history_files(folder):
        expected = lock.get((flow_id, version)) or texts.get((flow_id, version), ("", "", ""))[2]
        if expected:
            problems.extend(_kept_problems(entry, expected, registry))
    return problems


def _at(where: str, number: int, en: str, th: str) -> Problem:
    return Problem(where, f"line {number}", en, th)


def _changed(source: str, definition: FlowDefinition, what: str, thai: str) -> Problem:
    return Problem(
        source,
        "version",
        f"{what} '{definition.id}' version {definition.version} differs from the content "
        "locked for that version: a changed flow needs a new version number (run "
        "integrity-flows flows lock --bump)",
        f"{thai} '{definition.id}' ฉบับ {definition.version} ต่างจากเนื้อหาที่ล็อกไว้ของฉบับนั้น "
        "ต้องเพิ่มเลขฉบับเมื่อแก้ไขขั้นตอนงาน (สั่ง integrity-flows flows lock --bump)",
    )


def _no_history(where: str, flow_id: str, version: int) -> Problem:
    return Problem(
        where,
        f"{flow_id} {version}",
        f"version {version} of '{flow_id}' is locked but its text is not kept in "
        f"{HISTORY}/{flow_id}/{version}.yaml",
        f"ฉบับ {version} ของ '{flow_id}' ล็อกไว้แต่ไม่มีต้นฉบับใน {HISTORY}/{flow_id}/{version}.yaml",
    )


def _misnamed(where: str, definition: FlowDefinition) -> Problem:
    return Problem(
        where,
        "version",
        f"the file holds '{definition.id}' version {definition.version}, not the flow "
        "and version its name says (history/ID/VERSION.yaml)",
        f"ไฟล์นี้เป็น '{definition.id}' ฉบับ {definition.version} ไม่ตรงกับชื่อไฟล์ (history/รหัส/ฉบับ.yaml)",
    )
