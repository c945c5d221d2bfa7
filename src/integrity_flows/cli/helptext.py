"""Short help that keeps its Thai whole.

A command's help is written "English / ไทย." (or an English paragraph, then a Thai one).
Left to itself click makes the short help of a command list by cutting the *start* of
the help at the width of the column, so the Thai half is lost. :func:`thai_first`
gives every command of a tree an explicit short help instead, Thai first and whole,
then as much of the English as the column at 80 characters still holds (click never
cuts an explicit short help; it wraps it, measuring by ``len()``, so the room left for
the English is measured that way too).
"""

from __future__ import annotations

import inspect
import re

import click

THAI = re.compile("[\u0e00-\u0e7f]")
#: The terminal width the short help is made to fit.
WIDTH = 80
_MIN_ENGLISH = 12


def split_help(text: str | None) -> tuple[str, str]:
    """(English, Thai) of a command's help: its first paragraph, ``English / ไทย``, or an
    English paragraph followed by a Thai one."""
    paragraphs = [" ".join(p.split()) for p in inspect.cleandoc(text or "").split("\n\n")]
    paragraphs = [p for p in paragraphs if p and p != "\b"]
    if not paragraphs:
        return "", ""
    first = paragraphs[0]
    if THAI.search(first):
        english, sep, thai = first.rpartition(" / ")
        if sep and THAI.search(thai) and not THAI.search(english):
            return english.strip(), thai.strip().rstrip(".")
        return "", first.rstrip(".")
    thai = next((p for p in paragraphs[1:2] if THAI.search(p)), "")
    return first.rstrip("."), thai.rstrip(".")


def _text_width(group: click.Group) -> int:
    """The width click gives the help column of ``group``'s command list at :data:`WIDTH`."""
    names = [name for name, cmd in group.commands.items() if not cmd.hidden]
    first = min(max((len(n) for n in names), default=0), 30)
    # HelpFormatter: width - 2; the list is indented 2 and its columns spaced 2.
    return WIDTH - 2 - 2 - first - 2


def short_help(command: click.Command, width: int) -> str | None:
    """Thai first and whole, then the English as far as ``width`` holds it."""
    english, thai = split_help(command.help)
    if not thai:
        return None
    # click wraps the column by len(), not by display width: measure as it does.
    room = width - len(thai) - 3
    if not english or room < _MIN_ENGLISH:
        return thai
    return f"{thai} / {_shortened(english, room)}"


def _shortened(text: str, room: int) -> str:
    """``text`` cut at a word to at most ``room`` characters, "..." marking the cut."""
    if len(text) <= room:
        return text
    cut = text[: room - 3].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}..."


def thai_first(group: click.Group) -> None:
    """Give every command under ``group`` (and the groups in it) a Thai-first short help."""
    width = _text_width(group)
    for command in group.commands.values():
        made = short_help(command, width)
        if made is not None and command.short_help is None:
            command.short_help = made
        if isinstance(command, click.Group):
            thai_first(command)


__all__ = ["split_help", "thai_first"]
