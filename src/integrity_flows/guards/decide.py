"""Evaluate a transition's guards, combining them with all / any / not."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from integrity_flows.definition.model import GuardRef
from integrity_flows.errors import Reason
from integrity_flows.guards.context import GuardContext
from integrity_flows.guards.registry import GuardKind, GuardRegistry


@attrs.frozen
class Refusal:
    """A guard that said no, with what it decides (authority or condition)."""

    kind: GuardKind
    reason: Reason


def decide(refs: Iterable[GuardRef], ctx: GuardContext, registry: GuardRegistry) -> list[Refusal]:
    """Every refusal among ``refs`` (all of them must allow); empty means allowed."""
    refusals: list[Refusal] = []
    for ref in refs:
        refusals.extend(_one(ref, ctx, registry))
    return refusals


def _one(ref: GuardRef, ctx: GuardContext, registry: GuardRegistry) -> list[Refusal]:
    if ref.name in ("all", "any", "not"):
        return _combine(ref, ctx, registry)
    spec = registry.get(ref.name)
    if spec is None:  # the loader refuses unknown guards; a registry swapped later may not
        return [
            Refusal(
                "condition",
                Reason("unknown_guard", f"ไม่รู้จักเงื่อนไข '{ref.name}'", f"unknown guard '{ref.name}'"),
            )
        ]
    reason = spec.check(ctx, ref.params)
    if reason is None:
        return []
    message = ref.params.get("message")
    if isinstance(message, dict):
        reason = Reason(
            reason.code, str(message.get("th", reason.th)), str(message.get("en", reason.en))
        )
    return [Refusal(spec.kind, reason)]


def _combine(ref: GuardRef, ctx: GuardContext, registry: GuardRegistry) -> list[Refusal]:
    if ref.name == "all":
        return decide(ref.children, ctx, registry)
    found = [_one(child, ctx, registry) for child in ref.children]
    if ref.name == "any":
        return [] if any(not f for f in found) else [r for f in found for r in f]
    if found[0]:  # "not": refused when its one child allows
        return []
    return [
        Refusal(
            "condition",
            Reason(
                "not", "เงื่อนไขไม่เป็นไปตามที่กำหนด", f"condition 'not {ref.children[0].name}' failed"
            ),
        )
    ]
