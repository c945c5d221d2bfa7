"""The trail as one log: its Merkle tree against signed checkpoints, and proofs of events.

:func:`verify_log` reads every event once, in leaf order, next to the leaves the store
recorded when each event was written, in ``O(log n)`` memory: it recomputes the tree
of the trail as it is today and checks that it extends each checkpoint. It locates the
first event that differs from what the store's own tree recorded (an event missing from
its place, or one whose content or place changed); when the store's tree was rewritten
too, the checkpoint alone still shows that the history before it changed.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs

from integrity_flows.audit import merkle
from integrity_flows.audit.checkpoint import Checkpoint, SigningKey
from integrity_flows.audit.verify import VerifyProblem
from integrity_flows.protocols import Store
from integrity_flows.stored import StoredEvent, event_body

LOG = "log"
"""The ``case_id`` of a problem of the log as a whole."""


def checkpoint_of(store: Store) -> Checkpoint:
    """The store's tree as it is now: origin, size and root (``O(log n)`` reads)."""
    size = store.tree_size()
    return Checkpoint(store.log_origin(), size, merkle.root(size, store.tree_nodes))


_NAMED = re.compile(r"checkpoint-(\d{8}T\d{6}Z)-(\d+)\.txt")


def scheduled_checkpoint(
    store: Store, key: SigningKey, folder: str | Path, every: timedelta, now: datetime
) -> Path | None:
    """Write a signed checkpoint into ``folder`` when it is due; return its path.

    It is due when the folder holds none yet, or when the newest is at least ``every`` old
    and the log has grown since. Files are named ``checkpoint-<UTC time>-<size>.txt`` and
    never overwritten.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    kept = sorted(
        (datetime.strptime(m[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC), int(m[2]))
        for m in (_NAMED.fullmatch(p.name) for p in folder.iterdir())
        if m is not None
    )
    checkpoint = checkpoint_of(store)
    if kept:
        at, size = kept[-1]
        if now - at < every or checkpoint.size <= size:
            return None
    path = folder / f"checkpoint-{now.astimezone(UTC):%Y%m%dT%H%M%SZ}-{checkpoint.size}.txt"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(checkpoint.signed(key))
    return path


@attrs.define
class _Difference:
    """The first place where the trail differs from the leaves the store recorded."""

    index: int
    problem: VerifyProblem


def verify_log(
    store: Store, checkpoints: Sequence[tuple[str, Checkpoint]]
) -> tuple[list[VerifyProblem], int]:
    """Check the trail against ``checkpoints`` (each with the name it is shown by).

    Returns the problems found and the number of events read. Writes nothing.
    """
    problems: list[VerifyProblem] = []
    size = store.tree_size()
    wanted = {cp.size for _, cp in checkpoints if cp.size <= size}
    running = merkle.RunningRoot()
    roots: dict[int, bytes] = {0: merkle.EMPTY_ROOT} if 0 in wanted else {}
    first: _Difference | None = None
    leaves = _Leaves(store.iter_leaves())
    # Events without a leaf come first: each a problem, unless the store lets an event
    # wait for its place (committed while another writer held the log).
    outside: tuple[StoredEvent | None, int] = (None, 0)  # the first, how many (memory stays flat)
    for event in store.iter_events_by_leaf():
        if event.leaf is None:
            outside = (outside[0] or event, outside[1] + 1)
            continue
        index = running.size
        leaf = merkle.event_leaf(event.body)
        if first is None:
            first = _compare(index, event, leaf, leaves)
        running.add(leaf)
        if running.size in wanted:
            roots[running.size] = running.root()
    if not store.leaves_wait:
        problems.extend(_outside(*outside))
    if first is None and running.size < size:
        first = _Difference(running.size, _missing(running.size, None))
    if first is not None:
        problems.append(first.problem)
    for name, cp in checkpoints:
        problems.extend(_against(store, name, cp, size, running, roots, first))
    return problems, running.size + outside[1]


class _Leaves:
    """The stored leaves, read forward as the events ask for them."""

    def __init__(self, stored: Iterator[tuple[int, bytes]]) -> None:
        self._stored = stored
        self._next: tuple[int, bytes] | None = next(stored, None)

    def at(self, index: int) -> bytes | None:
        while self._next is not None and self._next[0] < index:
            self._next = next(self._stored, None)
        if self._next is not None and self._next[0] == index:
            return self._next[1]
        return None


def _compare(index: int, event: StoredEvent, leaf: bytes, leaves: _Leaves) -> _Difference | None:
    if event.leaf != index:
        return _Difference(index, _missing(index, event))
    recorded = leaves.at(index)
    if recorded == leaf:
        return None
    return _Difference(
        index,
        VerifyProblem(
            event.case_id,
            event.pos,
            "log_differs",
            f"the event at place {index} of the log differs from the one the log "
            "recorded there when it was written (edited, replaced or reordered)",
            f"เหตุการณ์ลำดับที่ {index} ของบันทึกรวมไม่ใช่เหตุการณ์ที่บันทึกไว้ ณ ตำแหน่งนั้นเมื่อเขียน "
            "(ถูกแก้ไข แทนที่ หรือสลับลำดับ)",
        ),
    )


def _missing(index: int, following: StoredEvent | None) -> VerifyProblem:
    after = (
        f"; the next event left is {following.case_id} #{following.pos}"
        if following is not None
        else "; no event follows (the log was cut at its end)"
    )
    after_th = (
        f" เหตุการณ์ถัดไปที่เหลือคือ {following.case_id} ลำดับที่ {following.pos}"
        if following is not None
        else " ไม่มีเหตุการณ์ต่อจากนั้น (บันทึกถูกตัดท้าย)"
    )
    return VerifyProblem(
        LOG,
        None,
        "log_missing",
        f"the event at place {index} of the log is missing (deleted){after}",
        f"เหตุการณ์ลำดับที่ {index} ของบันทึกรวมหายไป (ถูกลบ){after_th}",
    )


def _outside(first: StoredEvent | None, count: int) -> list[VerifyProblem]:
    """The first event not in the log's tree, and how many are not, when more are."""
    if first is None:
        return []
    found = [
        VerifyProblem(
            first.case_id,
            first.pos,
            "outside_tree",
            "the event is not in the log's tree (written outside the engine)",
            "เหตุการณ์นี้ไม่อยู่ในต้นไม้แฮชของบันทึก (ถูกเขียนโดยไม่ผ่านระบบ)",
        )
    ]
    if count > 1:
        found.append(
            VerifyProblem(
                LOG,
                None,
                "outside_tree",
                f"{count} events in all are not in the log's tree",
                f"มีเหตุการณ์ที่ไม่อยู่ในต้นไม้แฮชของบันทึกทั้งหมด {count} รายการ",
            )
        )
    return found


def _against(
    store: Store,
    name: str,
    cp: Checkpoint,
    size: int,
    running: merkle.RunningRoot,
    roots: dict[int, bytes],
    first: _Difference | None,
) -> list[VerifyProblem]:
    def problem(kind: str, en: str, th: str) -> VerifyProblem:
        return VerifyProblem(
            LOG, None, kind, f"checkpoint {name}: {en}", f"checkpoint {name}: {th}"
        )

    if cp.size <= running.size and roots.get(cp.size) == cp.root:
        return []
    stored_root = merkle.root(size, store.tree_nodes)
    proof = merkle.consistency_proof(min(cp.size, size), size, store.tree_nodes)
    tree_kept = cp.size <= size and merkle.verify_consistency(
        cp.size, size, cp.root, stored_root, proof
    )
    if first is not None and first.index < cp.size:
        where = f"the first difference is at place {first.index}"
        if first.problem.case_id != LOG:
            where += f", {first.problem.case_id} event #{first.problem.pos}"
        where_th = f"จุดแรกที่ต่างคือลำดับที่ {first.index}"
    elif tree_kept:
        where, where_th = "the difference was not located", "ไม่พบตำแหน่งที่ต่าง"
    else:
        where = "the log's own tree was rewritten as well, so the place cannot be told"
        where_th = "ต้นไม้แฮชในฐานข้อมูลถูกเขียนใหม่ด้วย จึงระบุตำแหน่งไม่ได้"
    left, left_th = "", ""
    if running.size < cp.size:
        left = f", only {running.size} events are left"
        left_th = f" เหลือเพียง {running.size} เหตุการณ์"
    return [
        problem(
            "log_rewritten",
            f"the first {cp.size} events of the log are not those it signed{left} "
            f"(history deleted, rewritten or reordered); {where}",
            f"เหตุการณ์ {cp.size} ลำดับแรกของบันทึกไม่ใช่ชุดที่ลงนามไว้{left_th} "
            f"(ประวัติถูกลบ เขียนใหม่ หรือสลับลำดับ) {where_th}",
        )
    ]


class AwaitingLeaf(LookupError):
    """The event is committed but awaits its place in the tree (see
    :attr:`integrity_flows.protocols.Store.leaves_wait`)."""


def inclusion(store: Store, case_id: str, pos: int, size: int | None = None) -> dict[str, Any]:
    """The proof that event ``pos`` of ``case_id`` is in the tree of ``size`` events (the
    whole tree by default), as the JSON ``audit prove`` prints.

    Raises ``LookupError`` for an event that is not there (:class:`AwaitingLeaf` for one
    still waiting for its place), ``ValueError`` for a tree too small to hold it.
    """
    chain = store.events(case_id)
    if not 1 <= pos <= len(chain):
        raise LookupError(case_id, pos)
    event = chain[pos - 1]
    if event.leaf is None:
        raise (AwaitingLeaf if store.leaves_wait else LookupError)(case_id, pos)
    size = store.tree_size() if size is None else size
    if not event.leaf < size <= store.tree_size():
        raise ValueError(event.leaf, size)
    proof = merkle.inclusion_proof(event.leaf, size, store.tree_nodes)
    return {
        "origin": store.log_origin(),
        "tree_size": size,
        "root": _b64(merkle.root(size, store.tree_nodes)),
        "leaf_index": event.leaf,
        "event": {**event_body(event), "hash": event.hash},
        "proof": [_b64(node) for node in proof],
    }


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
