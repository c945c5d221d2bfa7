"""Every problem of a file at once: check the rest of a file whose shape is wrong somewhere.

A shape problem (a value of the wrong type, an unknown key) stops the converter, so the
load-time checks have no model to run on. To report the file's other problems too, the
values the shape problems name are set aside: removed from a copy of the file's data
(the whole list when the problem is one of its items, so no other item changes its
index), and the copy is structured again, a few rounds at most. When that succeeds, the
checks run on it; their problems inside what was set aside, or naming a mapping entry
that was removed, are left out, since they follow from the shape problems already told.
When it does not (a required key is what is wrong), only the shape problems are told.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, MutableMapping, Sequence
from typing import Any

from integrity_flows.definition.converter import structure
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.errors import Problem

_ROUNDS = 8
_PART = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def _parts(path: str) -> list[str | int]:
    return [int(index) if index else str(key) for key, index in _PART.findall(path)]


def _set_aside(data: Any, path: str) -> str | None:
    """Remove the value ``path`` names from ``data`` (the list it is an item of, when it
    is one); return the path removed, or None when it cannot be removed."""
    parts = _parts(path)
    while parts and isinstance(parts[-1], int):
        parts.pop()  # an item of a list: the whole list goes, keeping other indices
    if not parts:
        return None
    holder = data
    for part in parts[:-1]:
        try:
            holder = holder[part]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(holder, MutableMapping) or parts[-1] not in holder:
        return None
    del holder[parts[-1]]
    shown = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)
    return shown.removeprefix(".")


def rest_of_file(
    raw: Any, source: str, problems: Sequence[Problem]
) -> tuple[FlowDefinition | None, list[str]]:
    """The definition of ``raw`` with the values of ``problems`` set aside, and the paths
    set aside; ``None`` when no such definition can be made."""
    data = copy.deepcopy(raw)
    removed: list[str] = []
    for _ in range(_ROUNDS):
        for problem in problems:
            if problem.message_en.startswith("required key missing"):
                return None, removed
            path = _set_aside(data, problem.path)
            if path is None:
                return None, removed
            removed.append(path)
        definition, problems = structure(data, source)
        if definition is not None:
            return definition, removed
    return None, removed


def follows_from(removed: Sequence[str]) -> Callable[[Problem], bool]:
    """Whether a check's problem follows from what was set aside: it is inside a removed
    value, or names the key of a removed mapping entry (``unknown setting 'x'``)."""
    names = {f"'{path.rsplit('.', 1)[-1]}'" for path in removed}

    def inside(problem: Problem) -> bool:
        path = problem.path
        for gone in removed:
            if path == gone or path.startswith((f"{gone}.", f"{gone}[")):
                return True
        return any(name in problem.message_en for name in names)

    return inside


__all__ = ["follows_from", "rest_of_file"]
