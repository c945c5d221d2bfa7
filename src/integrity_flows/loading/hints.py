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


__all__ = ["hint"]
