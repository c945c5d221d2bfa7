"""The Merkle tree of the audit trail: RFC 9162 hashing, proofs, and their verification."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from integrity_flows.audit import merkle
from integrity_flows.audit.merkle import Key


def reference_root(leaves: Sequence[bytes]) -> bytes:
    """RFC 9162 MTH, written out as the RFC defines it."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return merkle.node_hash(reference_root(leaves[:k]), reference_root(leaves[k:]))


class Tree:
    """Full subtrees in a dictionary, appended as a store appends them."""

    def __init__(self) -> None:
        self.nodes: dict[Key, bytes] = {}
        self.size = 0

    def add(self, data: bytes) -> bytes:
        leaf = merkle.leaf_hash(data)
        wanted = merkle.siblings_to_read(self.size)
        for level, index, value in merkle.appended(self.size, leaf, self.read(wanted)):
            self.nodes[(level, index)] = value
        self.size += 1
        return leaf

    def read(self, keys: Sequence[Key]) -> dict[Key, bytes]:
        return {key: self.nodes[key] for key in keys if key in self.nodes}


def build(n: int) -> tuple[Tree, list[bytes]]:
    tree = Tree()
    return tree, [tree.add(f"event {i}".encode()) for i in range(n)]


def test_known_hashes() -> None:
    """The empty root and a one-leaf tree, as RFC 6962's test vectors give them."""
    assert merkle.EMPTY_ROOT.hex() == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )
    assert merkle.leaf_hash(b"").hex() == (
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"
    )


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=300))
def test_stored_nodes_give_the_reference_root(n: int) -> None:
    """The root folded from the stored full subtrees equals the RFC definition, at every
    size, and so does the running root."""
    tree, leaves = build(n)
    for size in range(n + 1):
        assert merkle.root(size, tree.read) == reference_root(leaves[:size])
    assert merkle.tree_root(leaves) == reference_root(leaves)


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_inclusion_proofs_verify_and_fail_when_tampered(data: st.DataObject) -> None:
    """Every leaf's audit path verifies; a flipped bit, another leaf, another index or a
    wrong root does not."""
    n = data.draw(st.integers(min_value=1, max_value=200))
    tree, leaves = build(n)
    size = data.draw(st.integers(min_value=1, max_value=n))
    index = data.draw(st.integers(min_value=0, max_value=size - 1))
    top = merkle.root(size, tree.read)
    proof = merkle.inclusion_proof(index, size, tree.read)
    assert merkle.verify_inclusion(index, size, leaves[index], proof, top)
    assert not merkle.verify_inclusion(index, size, merkle.leaf_hash(b"forged"), proof, top)
    assert not merkle.verify_inclusion(index, size, leaves[index], proof, merkle.EMPTY_ROOT)
    assert not merkle.verify_inclusion(size, size, leaves[index], proof, top)
    if size > 1:
        other = (index + 1) % size
        assert not merkle.verify_inclusion(other, size, leaves[index], proof, top)
        at = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
        bad = list(proof)
        bad[at] = bytes([bad[at][0] ^ 1]) + bad[at][1:]
        assert not merkle.verify_inclusion(index, size, leaves[index], bad, top)
        assert not merkle.verify_inclusion(index, size, leaves[index], proof[:-1], top)


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_consistency_proofs_verify_and_fail_when_tampered(data: st.DataObject) -> None:
    """A proof between any two sizes verifies; a changed old leaf, a flipped proof bit, a
    dropped step or swapped sizes do not."""
    n = data.draw(st.integers(min_value=1, max_value=200))
    tree, leaves = build(n)
    old = data.draw(st.integers(min_value=1, max_value=n))
    new = data.draw(st.integers(min_value=old, max_value=n))
    old_root, new_root = merkle.root(old, tree.read), merkle.root(new, tree.read)
    proof = merkle.consistency_proof(old, new, tree.read)
    assert merkle.verify_consistency(old, new, old_root, new_root, proof)
    changed = list(leaves[:old])
    changed[data.draw(st.integers(min_value=0, max_value=old - 1))] = merkle.leaf_hash(b"x")
    assert not merkle.verify_consistency(old, new, reference_root(changed), new_root, proof)
    if proof:
        at = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
        bad = list(proof)
        bad[at] = bytes([bad[at][0] ^ 1]) + bad[at][1:]
        assert not merkle.verify_consistency(old, new, old_root, new_root, bad)
        assert not merkle.verify_consistency(old, new, old_root, new_root, proof[1:])
    if old < new:
        assert not merkle.verify_consistency(new, old, new_root, old_root, proof)
        assert not merkle.verify_consistency(old, new, old_root, merkle.EMPTY_ROOT, proof)


def test_appending_reads_only_the_left_edge() -> None:
    """An append reads one node per trailing 1 bit of the size, at most log2 n."""
    assert merkle.siblings_to_read(0) == []
    assert merkle.siblings_to_read(6) == []
    assert merkle.siblings_to_read(7) == [(0, 6), (1, 2), (2, 0)]


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=150), st.integers(min_value=0, max_value=150))
def test_appender_resumed_from_a_stored_edge_stores_the_same_nodes(start: int, more: int) -> None:
    """The appender a store resumes from its tree's right edge writes exactly the nodes
    that appending one leaf at a time from the stored siblings writes."""
    tree, _ = build(start + more)
    resumed = merkle.Appender(start, tree.read(merkle.Appender.edge(start)))
    written: dict[Key, bytes] = {}
    for i in range(start, start + more):
        for level, index, value in resumed.add(merkle.leaf_hash(f"event {i}".encode())):
            written[(level, index)] = value
    assert written == {k: v for k, v in tree.nodes.items() if (k[1] + 1) << k[0] > start}
