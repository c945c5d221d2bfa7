"""The Merkle tree over every audit event, as RFC 6962 and RFC 9162 define it.

Leaves are the events in the store's global order (their ``leaf`` index); a leaf's hash
is ``SHA-256(0x00 || body)`` over the event's canonical body (UTF-8), and an inner node's
``SHA-256(0x01 || left || right)``. A tree of ``n`` leaves splits at the largest power of
two smaller than ``n``.

A store keeps every *full* subtree: node ``(level, index)`` is the hash of the leaves
``index * 2**level`` to ``(index + 1) * 2**level - 1``; level 0 holds the leaf hashes.
Appending a leaf adds it and the full subtrees it completes (one on average, at most
``log2 n``), whose left halves are the only nodes read. Every subtree a proof needs is
then either a stored node or a fold of ``O(log n)`` of them.

Nothing here touches a store: the functions take the nodes they need through a
:data:`Nodes` function, which the store answers in one query.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable, Sequence

Key = tuple[int, int]
"""A stored full subtree: (level, index at that level)."""

Nodes = Callable[[Sequence[Key]], dict[Key, bytes]]
"""Gives the stored hashes of the full subtrees asked for."""

EMPTY_ROOT = hashlib.sha256(b"").digest()
"""The root of the empty tree (RFC 9162 section 2.1.1)."""


def new_origin() -> str:
    """A new log's origin (the first line of its checkpoints), unique to one store."""
    return f"integrity-flows/log/{secrets.token_hex(8)}"


class MissingNode(LookupError):
    """A node the tree should hold is not stored (the tree is damaged or shorter)."""


def leaf_hash(data: bytes) -> bytes:
    """The hash of a leaf holding ``data``."""
    return hashlib.sha256(b"\x00" + data).digest()


def event_leaf(body: str) -> bytes:
    """The leaf hash of an event whose canonical body is ``body``."""
    digest = hashlib.sha256(b"\x00")
    digest.update(body.encode("utf-8"))
    return digest.digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """The hash of an inner node."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def siblings_to_read(size: int) -> list[Key]:
    """The stored nodes an append to a tree of ``size`` leaves combines with."""
    wanted = []
    level = 0
    while (size >> level) & 1:
        wanted.append((level, (size >> level) - 1))
        level += 1
    return wanted


def appended(size: int, leaf: bytes, siblings: dict[Key, bytes]) -> list[tuple[int, int, bytes]]:
    """The nodes to store when ``leaf`` becomes leaf number ``size``: the leaf, then each
    full subtree it completes. ``siblings`` holds the nodes :func:`siblings_to_read` names."""
    nodes = [(0, size, leaf)]
    level, index, value = 0, size, leaf
    while index & 1:
        value = node_hash(siblings[(level, index - 1)], value)
        level, index = level + 1, index >> 1
        nodes.append((level, index, value))
    return nodes


def _split(n: int) -> int:
    """The largest power of two smaller than ``n`` (``n`` > 1)."""
    return 1 << ((n - 1).bit_length() - 1)


def _cover(start: int, end: int) -> list[Key]:
    """The full subtrees that make up leaves ``start`` to ``end - 1``, left to right.

    ``start`` is a multiple of a power of two at least ``end - start``, as every subtree of
    an RFC 9162 tree is, so the range folds from the right into its hash."""
    keys = []
    while start < end:
        level = (end - start).bit_length() - 1
        while start % (1 << level):
            level -= 1
        keys.append((level, start >> level))
        start += 1 << level
    return keys


def _fold(keys: Sequence[Key], known: dict[Key, bytes]) -> bytes:
    try:
        value = known[keys[-1]]
        for key in reversed(keys[:-1]):
            value = node_hash(known[key], value)
    except KeyError as exc:
        raise MissingNode(exc.args[0]) from None
    return value


def _hashes(ranges: Sequence[tuple[int, int]], nodes: Nodes) -> list[bytes]:
    covers = [_cover(start, end) for start, end in ranges]
    known = nodes(sorted({key for cover in covers for key in cover}))
    return [_fold(cover, known) for cover in covers]


def root(size: int, nodes: Nodes) -> bytes:
    """The root hash of the first ``size`` leaves."""
    if size == 0:
        return EMPTY_ROOT
    return _hashes([(0, size)], nodes)[0]


def _path(index: int, start: int, end: int) -> list[tuple[int, int]]:
    """RFC 9162 PATH(m, D[start:end]) as leaf ranges, bottom up."""
    if end - start == 1:
        return []
    k = _split(end - start)
    if index < start + k:
        return [*_path(index, start, start + k), (start + k, end)]
    return [*_path(index, start + k, end), (start, start + k)]


def inclusion_proof(index: int, size: int, nodes: Nodes) -> list[bytes]:
    """The audit path of leaf ``index`` in the tree of ``size`` leaves."""
    if not 0 <= index < size:
        raise ValueError(f"leaf {index} is not in a tree of {size}")
    return _hashes(_path(index, 0, size), nodes)


def _subproof(m: int, start: int, end: int, whole: bool) -> list[tuple[int, int]]:
    """RFC 9162 SUBPROOF(m, D[start:end], b) as leaf ranges."""
    if m == end - start:
        return [] if whole else [(start, end)]
    k = _split(end - start)
    if m <= k:
        return [*_subproof(m, start, start + k, whole), (start + k, end)]
    return [*_subproof(m - k, start + k, end, False), (start, start + k)]


def consistency_proof(old: int, new: int, nodes: Nodes) -> list[bytes]:
    """The proof that the tree of ``new`` leaves extends the tree of ``old`` leaves."""
    if not 0 <= old <= new:
        raise ValueError(f"a tree of {new} cannot extend one of {old}")
    if old in (0, new):
        return []
    return _hashes(_subproof(old, 0, new, True), nodes)


def verify_inclusion(
    index: int, size: int, leaf: bytes, proof: Sequence[bytes], expected_root: bytes
) -> bool:
    """RFC 9162 section 2.1.3.2: does ``proof`` lead from ``leaf`` to ``expected_root``?"""
    if not 0 <= index < size:
        return False
    fn, sn, value = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            value = node_hash(p, value)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            value = node_hash(value, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and value == expected_root


def verify_consistency(
    old: int, new: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    """RFC 9162 section 2.1.4.2: does ``proof`` show the tree ``new_root`` extends ``old_root``?"""
    if not 0 <= old <= new:
        return False
    if old in (new, 0):
        trivial = old_root == (new_root if old == new else EMPTY_ROOT)
        return not proof and trivial
    if not proof:
        return False
    path = list(proof)
    if old & (old - 1) == 0:
        path.insert(0, old_root)
    fn, sn = old - 1, new - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and fr == old_root and sr == new_root


class Appender:
    """Appends leaves to a tree whose right edge it keeps, for building a whole tree at
    once (a migration, a benchmark) without reading back what it wrote."""

    def __init__(self, size: int = 0, edge: dict[Key, bytes] | None = None) -> None:
        self.size = size
        # The newest node of each level: what later appends combine with.
        self._last = {level: value for (level, _), value in (edge or {}).items()}

    @staticmethod
    def edge(size: int) -> list[Key]:
        """The nodes to read to go on appending to a stored tree of ``size`` leaves."""
        return [(level, (size >> level) - 1) for level in range(size.bit_length())]

    def copy(self) -> Appender:
        """An appender at the same place that goes on without changing this one."""
        other = Appender(self.size)
        other._last = dict(self._last)
        return other

    def add(self, leaf: bytes) -> list[tuple[int, int, bytes]]:
        """The nodes to store for the next leaf (as :func:`appended` gives them)."""
        last = self._last
        nodes = [(0, self.size, leaf)]
        level, index, value = 0, self.size, leaf
        while index & 1:
            # The newest node of this level is the left sibling: (level, index - 1).
            left = last[level]
            last[level] = value
            value = hashlib.sha256(b"\x01" + left + value).digest()
            level, index = level + 1, index >> 1
            nodes.append((level, index, value))
        last[level] = value
        self.size += 1
        return nodes


class RunningRoot:
    """The root of a growing tree, fed one leaf at a time in ``O(log n)`` memory (the
    tree's right edge: one full subtree per bit of the size)."""

    def __init__(self) -> None:
        self.size = 0
        self._edge: list[bytes] = []  # full subtrees, largest first

    def add(self, leaf: bytes) -> None:
        """Append the next leaf."""
        value, size = leaf, self.size
        while size & 1:
            value = node_hash(self._edge.pop(), value)
            size >>= 1
        self._edge.append(value)
        self.size += 1

    def root(self) -> bytes:
        """The root of the leaves added so far."""
        if not self._edge:
            return EMPTY_ROOT
        value = self._edge[-1]
        for left in reversed(self._edge[:-1]):
            value = node_hash(left, value)
        return value


def tree_root(leaves: Iterable[bytes]) -> bytes:
    """The root over ``leaves`` (leaf hashes)."""
    running = RunningRoot()
    for leaf in leaves:
        running.add(leaf)
    return running.root()
