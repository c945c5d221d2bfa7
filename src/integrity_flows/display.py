"""Text laid out for a terminal by display width, not by ``len()``.

A Thai vowel above or below the line and a tone mark are characters of their own that
take no column, so ``f"{text:<20}"`` pads a Thai word too little and the rows of a
table drift apart. :func:`display_width` counts columns as a terminal draws them
(wcwidth: combining marks 0, wide East Asian characters 2), and :func:`pad` and
:func:`aligned` lay columns out by it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from wcwidth import wcswidth, wcwidth

from integrity_flows.calendars import arabic_digits, thai_digits

Align = Literal["left", "right"]
#: How the digits of a screen are written: ๐-๙ or 0-9, one style for the whole screen.
DigitStyle = Literal["thai", "arabic"]
DIGIT_STYLES: tuple[DigitStyle, ...] = ("thai", "arabic")
# A run of letters, digits and "_-./+=": with an ASCII letter in it, it is an id (a case
# id, a file name, a version, a base64 hash) and keeps its digits; otherwise it is a
# number, an amount or a date ("1/2567", "84.50").
_RUN = re.compile(r"[A-Za-z0-9_\-./+=]+")
_LETTER = re.compile(r"[A-Za-z_]")


def display_width(text: str) -> int:
    """The columns ``text`` takes on a terminal (a character it cannot draw counts as 1)."""
    width = wcswidth(text)
    if width >= 0:
        return width
    return sum(max(wcwidth(ch), 0) if wcwidth(ch) >= 0 else 1 for ch in text)


def pad(text: str, width: int, align: Align = "left") -> str:
    """``text`` padded with spaces to ``width`` display columns (never cut)."""
    fill = " " * max(width - display_width(text), 0)
    return text + fill if align == "left" else fill + text


def aligned(
    rows: Sequence[Sequence[str]], *, sep: str = "  ", right: Sequence[int] = ()
) -> list[str]:
    """``rows`` as lines whose columns line up on a terminal (columns in ``right``
    aligned right); the last column is not padded."""
    if not rows:
        return []
    count = max(len(row) for row in rows)
    widths = [
        max((display_width(row[i]) for row in rows if i < len(row)), default=0)
        for i in range(count)
    ]
    lines = []
    for row in rows:
        cells = [
            cell if i == len(row) - 1 and i not in right
            else pad(cell, widths[i], "right" if i in right else "left")
            for i, cell in enumerate(row)
        ]  # fmt: skip
        lines.append(sep.join(cells).rstrip())
    return lines


def styled_digits(text: str, style: DigitStyle) -> str:
    """``text`` with every number and date written in ``style``: Arabic turns every Thai
    digit Arabic; Thai turns Arabic digits Thai except inside an id (a run holding an
    ASCII letter: ``asset_lending-01c3``, ``v2``, ``cp-2567.txt`` stay as stored)."""
    if style == "arabic":
        return arabic_digits(text)

    def number(match: re.Match[str]) -> str:
        run = match.group(0)
        return run if _LETTER.search(run) else thai_digits(run)

    return _RUN.sub(number, text)


__all__ = ["DIGIT_STYLES", "DigitStyle", "aligned", "display_width", "pad", "styled_digits"]
