"""The definitions cases run under: the loaded flows first, then the texts the store keeps.

Every case is pinned to the flow version and the definition hash it started under
(``Case.flow_version``, ``Case.definition_hash``). The store keeps the exact text of each
version it has run (written with the first start of a case of it, in the same
transaction), so a case whose version is gone from every flows folder and plug-in is
still loaded, replayed and verified under its own rules (docs/versions.md).
"""

from __future__ import annotations

import threading
from datetime import datetime

from integrity_flows.audit.records import iso
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.errors import DefinitionError, Problem, UnknownFlow
from integrity_flows.guards.registry import GuardRegistry
from integrity_flows.loading.discovery import FlowLibrary
from integrity_flows.loading.reader import read_text
from integrity_flows.protocols import Store
from integrity_flows.stored import StoredDefinition

#: Where a definition read back from the store says it comes from.
STORE_SOURCE = "store"


def stored_source(flow_id: str, version: int) -> str:
    """The ``source`` of a definition read from the store's text (named in its problems)."""
    return f"<{STORE_SOURCE}: {flow_id} v{version}>"


class Definitions:
    """Finds the definition of a flow version with a given hash, and says when a start
    must keep its definition's text in the store.

    Thread-safe: the caches are filled under a lock; a definition read from the store
    once is shared by every later case of it.
    """

    def __init__(self, flows: FlowLibrary, store: Store, registry: GuardRegistry) -> None:
        self._flows = flows
        self._store = store
        self._registry = registry
        self._lock = threading.Lock()
        # (flow id, version, hash) of every text known to be in the store.
        self._kept: set[tuple[str, int, str]] = set()
        # Texts read back from the store, by (flow id, version, hash).
        self._read: dict[tuple[str, int, str], FlowDefinition] = {}
        # The store's rows, by flow id (read once per flow, again on a miss).
        self._rows: dict[str, list[StoredDefinition]] = {}

    # --- finding ----------------------------------------------------------------

    def find(self, flow_id: str, version: int, digest: str) -> FlowDefinition:
        """The definition ``flow_id`` ``version`` whose hash is ``digest``: the loaded one
        when its content is the same, else the text the store keeps. Raises
        :class:`UnknownFlow` when neither has the version, and :class:`DefinitionError`
        when only another content of it is loaded (a flow changed in place)."""
        loaded = self.loaded(flow_id, version)
        if loaded is not None and loaded.digest == digest:
            return loaded
        kept = self._kept_text(flow_id, version, digest)
        if kept is not None:
            return self._read_kept(kept)
        if loaded is not None:
            raise DefinitionError([_changed(loaded)])
        raise UnknownFlow(flow_id, version)

    def candidates(self, flow_id: str, version: int) -> list[FlowDefinition]:
        """Every definition known for ``flow_id`` ``version``: the loaded one and each text
        the store keeps (one, unless the version was changed in place before versions
        were kept). A stored text that cannot be read is left out."""
        found: dict[str, FlowDefinition] = {}
        loaded = self.loaded(flow_id, version)
        if loaded is not None:
            found[loaded.digest] = loaded
        for row in self.stored(flow_id):
            if row.version == version and row.hash not in found:
                try:
                    found[row.hash] = self._read_kept(row)
                except DefinitionError:
                    continue
        return list(found.values())

    def stored(self, flow_id: str | None = None, *, fresh: bool = False) -> list[StoredDefinition]:
        """The texts the store keeps (of ``flow_id``)."""
        if flow_id is None:
            return self._store.definitions()
        with self._lock:
            rows = None if fresh else self._rows.get(flow_id)
        if rows is None:
            rows = self._store.definitions(flow_id)
            with self._lock:
                self._rows[flow_id] = rows
                self._kept.update((r.flow_id, r.version, r.hash) for r in rows)
        return rows

    def read(self, row: StoredDefinition) -> FlowDefinition:
        """The definition in a stored text, checked against the hash it was stored with."""
        return self._read_kept(row)

    def loaded(self, flow_id: str, version: int) -> FlowDefinition | None:
        """``flow_id`` ``version`` as loaded from the flows folders and plug-ins, if it is."""
        try:
            return self._flows.get(flow_id, version)
        except UnknownFlow:
            return None

    def _kept_text(self, flow_id: str, version: int, digest: str) -> StoredDefinition | None:
        for fresh in (False, True):  # a miss reads the store again: another process may
            for row in self.stored(flow_id, fresh=fresh):  # have started the version since
                if (row.version, row.hash) == (version, digest):
                    return row
        return None

    def _read_kept(self, row: StoredDefinition) -> FlowDefinition:
        key = (row.flow_id, row.version, row.hash)
        with self._lock:
            found = self._read.get(key)
        if found is not None:
            return found
        definition = read_text(row.text, stored_source(row.flow_id, row.version), self._registry)
        if definition.key != (row.flow_id, row.version) or definition.digest != row.hash:
            raise DefinitionError([_edited(row)])
        with self._lock:
            self._read[key] = definition
        return definition

    # --- keeping ----------------------------------------------------------------

    def to_keep(
        self, definition: FlowDefinition, case_id: str, now: datetime
    ) -> StoredDefinition | None:
        """The text to write with the start of ``case_id`` (None when the store keeps it
        already, or the definition was built in a program and has no text). Raises
        :class:`DefinitionError` when the store keeps another text under the same id and
        version: a changed flow needs a new version number."""
        key = definition.identity
        with self._lock:
            if key in self._kept:
                return None
        rows = [
            r for r in self.stored(definition.id, fresh=True) if r.version == definition.version
        ]
        if any(r.hash == definition.digest for r in rows):
            return None
        if rows:
            raise DefinitionError([_differs(definition)])
        if not definition.text:
            # Built in a program: nothing to keep, and the store holds no other text of
            # it now; not asked again by this engine.
            with self._lock:
                self._kept.add(key)
            return None
        return StoredDefinition(
            definition.id, definition.version, definition.digest, definition.text, case_id, iso(now)
        )

    def kept(self, row: StoredDefinition) -> None:
        """Note that ``row`` is committed to the store."""
        with self._lock:
            self._kept.add((row.flow_id, row.version, row.hash))
            self._rows.pop(row.flow_id, None)


def _changed(loaded: FlowDefinition) -> Problem:
    return Problem(
        loaded.source,
        "version",
        f"flow '{loaded.id}' version {loaded.version} changed after cases of it started, "
        "and the store keeps no text of the version they run under; a changed flow needs "
        "a new version number",
        f"ขั้นตอนงาน '{loaded.id}' ฉบับ {loaded.version} ถูกแก้ไขหลังเริ่มเรื่องแล้ว "
        "และที่เก็บข้อมูลไม่มีต้นฉบับที่เรื่องใช้อยู่ ต้องเพิ่มเลขฉบับเมื่อแก้ไขขั้นตอนงาน",
    )


def _differs(definition: FlowDefinition) -> Problem:
    return Problem(
        definition.source,
        "version",
        f"flow '{definition.id}' version {definition.version} differs from the text of that "
        "version the store keeps (cases ran under it); give the changed flow a new version",
        f"ขั้นตอนงาน '{definition.id}' ฉบับ {definition.version} ต่างจากต้นฉบับฉบับเดียวกันที่เก็บไว้ "
        "(มีเรื่องที่ใช้ฉบับนั้นแล้ว) ต้องเพิ่มเลขฉบับเมื่อแก้ไขขั้นตอนงาน",
    )


def _edited(row: StoredDefinition) -> Problem:
    return Problem(
        stored_source(row.flow_id, row.version),
        "hash",
        f"the text the store keeps for flow '{row.flow_id}' version {row.version} does not "
        "match the id, version or hash it was stored with (edited in the store)",
        f"ต้นฉบับขั้นตอนงาน '{row.flow_id}' ฉบับ {row.version} ที่เก็บไว้ไม่ตรงกับรหัส ฉบับ "
        "หรือค่าแฮชที่บันทึกไว้ (ถูกแก้ไขในที่เก็บข้อมูล)",
    )
