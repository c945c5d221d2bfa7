"""The in-memory store: for tests and short-lived work. Nothing survives the process."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime

import attrs

from integrity_flows.audit import merkle
from integrity_flows.case import Case, FrozenDict
from integrity_flows.errors import ConcurrentUpdate
from integrity_flows.stored import StoredDefinition, StoredEvent, UnreadableCase, Write


def _frozen(case: Case) -> Case:
    """A copy the caller cannot change behind the store's back, as a database would keep.

    Case data is JSON data whose only containers are lists of text (``list`` fields),
    so copying those lists is a deep enough copy.
    """
    if type(case.data) is FrozenDict and type(case.fired_by) is FrozenDict:
        return case  # already read-only: a Case makes its mappings so
    data = {k: list(v) if isinstance(v, list) else v for k, v in case.data.items()}
    return attrs.evolve(case, data=data, actors=dict(case.actors), fired_by=dict(case.fired_by))


class MemoryStore:
    """Cases, chains and indexes in dictionaries, behind one lock."""

    #: Nothing survives the process (see :attr:`integrity_flows.protocols.Store.volatile`).
    volatile = True
    #: Every event gets its leaf in its write.
    leaves_wait = False

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._cases: dict[str, Case] = {}
        self._chains: dict[str, list[StoredEvent]] = {}
        # (flow, field, value) -> state -> the ids of the cases in that state holding it:
        # a holder lookup visits only the states it asks for, however long the history.
        self._keys: dict[tuple[str, str, str], dict[str, set[str]]] = {}
        self._case_keys: dict[str, tuple[str, dict[str, str]]] = {}
        self._seq = 0
        self._nodes: dict[merkle.Key, bytes] = {}
        self._size = 0
        self._origin = merkle.new_origin()
        self._key_fingerprint: str | None = None
        self._definitions: dict[tuple[str, int, str], StoredDefinition] = {}

    def key_fingerprint(self) -> str | None:
        """The fingerprint of the key this store's sensitive data is sealed with, if recorded."""
        with self._lock:
            return self._key_fingerprint

    def record_key_fingerprint(self, fingerprint: str) -> str | None:
        """Record ``fingerprint`` unless one is recorded; return the one recorded."""
        with self._lock:
            if self._key_fingerprint is None:
                self._key_fingerprint = fingerprint
            return self._key_fingerprint

    def load(self, case_id: str) -> Case | None:
        with self._lock:
            return self._cases.get(case_id)

    def write(self, write: Write) -> int:
        with self._lock:
            event = write.event
            chain = self._chains.get(event.case_id, [])
            if len(chain) != write.expected_events or event.pos != len(chain) + 1:
                raise ConcurrentUpdate(
                    event.case_id, write.expected_events, len(chain), of="event count"
                )
            self._seq += 1
            stored = StoredEvent(
                event.case_id,
                event.pos,
                event.prev_hash,
                event.hash,
                event.body,
                self._seq,
                self._size,
            )
            self._chains.setdefault(event.case_id, []).append(stored)
            self._append_leaf(merkle.event_leaf(event.body))
            kept = write.definition
            if kept is not None:
                self._definitions.setdefault((kept.flow_id, kept.version, kept.hash), kept)
            if write.case is not None:
                self._cases[write.case.id] = _frozen(write.case)
                self._index(write.case, write.keys)
            return self._seq

    def _append_leaf(self, leaf: bytes) -> None:
        # merkle.appended, on the store's own nodes (under the lock): the leaf, then each
        # full subtree it completes, from its left sibling.
        nodes = self._nodes
        level, index, value = 0, self._size, leaf
        nodes[(0, index)] = leaf
        while index & 1:
            value = merkle.node_hash(nodes[(level, index - 1)], value)
            level, index = level + 1, index >> 1
            nodes[(level, index)] = value
        self._size += 1

    def _index(self, case: Case, keys: Mapping[str, str] | None) -> None:
        """Keep the case's indexed keys (``None``: unchanged) under its present state."""
        old_state, old = self._case_keys.get(case.id, ("", {}))
        if keys is None and old_state == case.state:
            return
        for field, value in old.items():
            self._keys.get((case.flow_id, field, value), {}).get(old_state, set()).discard(case.id)
        new = dict(old if keys is None else keys)
        for field, value in new.items():
            by_state = self._keys.setdefault((case.flow_id, field, value), {})
            by_state.setdefault(case.state, set()).add(case.id)
        self._case_keys[case.id] = (case.state, new)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """All writes inside succeed together, or the store is put back as it was."""
        with self._lock:
            snapshot = (
                dict(self._cases),
                {k: list(v) for k, v in self._chains.items()},
                {k: {s: set(ids) for s, ids in v.items()} for k, v in self._keys.items()},
                dict(self._case_keys),
                self._seq,
                self._size,
                dict(self._definitions),
            )
            try:
                yield
            except BaseException:
                (
                    self._cases,
                    self._chains,
                    self._keys,
                    self._case_keys,
                    self._seq,
                    size,
                    self._definitions,
                ) = snapshot
                # Nodes are only ever added: drop those of the leaves undone.
                self._nodes = {
                    (level, index): value
                    for (level, index), value in self._nodes.items()
                    if (index + 1) << level <= size
                }
                self._size = size
                raise

    def definitions(self, flow_id: str | None = None) -> list[StoredDefinition]:
        with self._lock:
            kept = sorted(self._definitions.items())
        return [d for _, d in kept if flow_id is None or d.flow_id == flow_id]

    def events(self, case_id: str) -> list[StoredEvent]:
        with self._lock:
            return list(self._chains.get(case_id, ()))

    def iter_events(self) -> Iterator[StoredEvent]:
        with self._lock:
            chains = sorted(self._chains.items())
        for _, chain in chains:
            yield from chain

    def iter_events_by_seq(self) -> Iterator[StoredEvent]:
        with self._lock:
            everything = [e for chain in self._chains.values() for e in chain]
        yield from sorted(everything, key=lambda e: e.seq)

    def iter_cases(self, flow_id: str | None = None, state: str | None = None) -> Iterator[Case]:
        with self._lock:
            cases = sorted(self._cases.values(), key=lambda c: c.id)
        for case in cases:
            if (flow_id is None or case.flow_id == flow_id) and (
                state is None or case.state == state
            ):
                yield case

    def scan_cases(self) -> Iterator[Case | UnreadableCase]:
        """Every case by id; a memory store holds no row it cannot read."""
        yield from self.iter_cases()

    def holders(
        self, flow_id: str, field: str, value: str, states: Sequence[str] | None
    ) -> list[str]:
        with self._lock:
            by_state = self._keys.get((flow_id, field, value), {})
            wanted = by_state if states is None else states
            return sorted({i for state in wanted for i in by_state.get(state, ())})

    def due(self, now: datetime) -> list[tuple[str, str, datetime]]:
        with self._lock:
            found = [
                (case.id, d.trigger, d.due)
                for case in self._cases.values()
                for d in case.deadlines
                if d.due <= now
            ]
        return sorted(found, key=lambda item: (item[2], item[0], item[1]))

    @contextmanager
    def claim_deadline(self, case_id: str, trigger: str, due: datetime) -> Iterator[bool]:
        """Hold the store's lock for the block: another sweeper waits, then finds it fired."""
        with self.batch():
            case = self._cases.get(case_id)
            yield case is not None and any(
                d.trigger == trigger and d.due == due for d in case.deadlines
            )

    def log_origin(self) -> str:
        return self._origin

    def tree_size(self) -> int:
        with self._lock:
            return self._size

    def tree_nodes(self, keys: Sequence[merkle.Key]) -> dict[merkle.Key, bytes]:
        with self._lock:
            return {key: self._nodes[key] for key in keys if key in self._nodes}

    def iter_leaves(self) -> Iterator[tuple[int, bytes]]:
        with self._lock:
            size = self._size
            leaves = [(i, self._nodes[(0, i)]) for i in range(size) if (0, i) in self._nodes]
        yield from leaves

    def iter_events_by_leaf(self) -> Iterator[StoredEvent]:
        with self._lock:
            everything = [e for chain in self._chains.values() for e in chain]
        outside = sorted((e for e in everything if e.leaf is None), key=lambda e: e.seq)
        inside = sorted((e for e in everything if e.leaf is not None), key=lambda e: e.leaf or 0)
        yield from outside
        yield from inside

    def iter_index_rows(self) -> Iterator[tuple[str, str, str, str, str]]:
        with self._lock:
            rows = sorted(
                (case_id, flow_id, field, value, state)
                for (flow_id, field, value), by_state in self._keys.items()
                for state, ids in by_state.items()
                for case_id in ids
            )
        yield from rows

    def iter_deadline_rows(self) -> Iterator[tuple[str, str, datetime]]:
        with self._lock:
            rows = sorted(
                (case.id, d.trigger, d.due) for case in self._cases.values() for d in case.deadlines
            )
        yield from rows

    def close(self) -> None:
        """Nothing to release."""
