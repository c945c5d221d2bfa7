"""The "did you mean" hint every load-time check gives for a misspelt name."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def hint(name: object, candidates: Iterable[str]) -> tuple[str, str]:
    """(English, Thai) suggestions when a known name is close to ``name``; empty when none is."""
    close = difflib.get_close_matches(str(name), list(candidates), n=1)
    if not close:
        return "", ""
    return f" (did you mean '{close[0]}'?)", f" (หมายถึง '{close[0]}' หรือไม่)"


def yaml_bool(name: object) -> tuple[str, str]:
    """(English, Thai) words for a name YAML read as true or false: a bare ``no``, ``off``,
    ``yes`` or ``on`` written as an id or key is a boolean unless quoted."""
    if isinstance(name, bool) or str(name) in ("True", "False"):
        return (
            " (YAML reads a bare yes, no, on, off, true or false as true or false: write"
            " the name in quotes, e.g. 'no')",
            " (YAML อ่าน yes, no, on, off, true, false ที่ไม่มีเครื่องหมายคำพูดเป็นค่าจริง/เท็จ"
            " ให้ใส่เครื่องหมายคำพูด เช่น 'no')",
        )
    return "", ""


__all__ = ["hint", "yaml_bool"]
