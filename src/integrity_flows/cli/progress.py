"""A progress bar on long work, for a person watching a terminal only.

:func:`counted` passes the items of an iterable through unchanged and, when standard
error is a terminal, draws a ``click.progressbar`` there as they go. When it is not (a
script, a pipe, a log file, CI) it draws nothing at all: no bar, no carriage returns in
someone's log. Standard output is never touched, so ``audit export > trail.jsonl``
stays exactly the export.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import click

T = TypeVar("T")


def on_terminal() -> bool:
    """True when a person is watching: standard error is a terminal."""
    stream = sys.stderr
    return bool(getattr(stream, "isatty", None) and stream.isatty())


def counted(items: Iterable[T], length: int, label: str) -> Iterator[T]:
    """``items`` as they are, with a bar of ``length`` steps labelled ``label`` on a
    terminal (nothing otherwise)."""
    if not on_terminal() or length <= 0:
        yield from items
        return
    with click.progressbar(length=length, label=label, file=sys.stderr) as bar:
        for item in items:
            yield item
            bar.update(1)


@contextmanager
def stepped(length: int, label: str) -> Iterator[Callable[[], None]]:
    """A function to call once per step of work that cannot hand its items over (a
    sweep, a migration): it moves a bar of ``length`` steps on a terminal, and does
    nothing otherwise."""
    if not on_terminal() or length <= 0:
        yield lambda: None
        return
    with click.progressbar(length=length, label=label, file=sys.stderr) as bar:
        yield lambda: bar.update(1)


__all__ = ["counted", "on_terminal", "stepped"]
