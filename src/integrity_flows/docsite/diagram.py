"""A flow's state diagram as inline SVG, laid out here: nothing is fetched or run to view it.

States are placed in rows by their distance from the initial state (a breadth-first
walk over the transitions), in definition order within a row. A transition that goes
down the page is drawn straight from the bottom of its source to the top of its
destination; one that goes back up or along a row bends out to the right; a
transition that stays in its state is a loop. Labels are single lines of SVG text, so
a Thai label is never broken inside a word; box widths are measured in spacing
characters (Thai vowel and tone marks above or below a consonant take no width).
"""

from __future__ import annotations

import html
import unicodedata
from collections import deque
from collections.abc import Iterable

import attrs

from integrity_flows.definition.model import FlowDefinition

_FONT = 14
_EDGE_FONT = 12
_CHAR = 0.62  # an average advance of Thai and Latin glyphs, as a share of the font size
_PAD = 14
_BOX_H = 34
_ROW_GAP = 110
_COL_GAP = 36
_MARGIN = 40
FONT_FAMILY = "Loma, Garuda, 'Noto Sans Thai', Tahoma, sans-serif"


def text_width(text: str, size: int = _FONT) -> float:
    """The width ``text`` takes, estimated: combining marks take none."""
    # Thai vowels above and below and the tone marks are nonspacing marks (Mn), though
    # their combining class is 0, so unicodedata.combining() would count them.
    spacing = sum(1 for ch in text if unicodedata.category(ch) not in ("Mn", "Me", "Cf"))
    return spacing * size * _CHAR


@attrs.frozen
class Box:
    """A state's box in the diagram."""

    state: str
    label: str
    x: float
    y: float
    width: float
    initial: bool
    terminal: bool

    @property
    def middle(self) -> float:
        """The horizontal middle of the box."""
        return self.x + self.width / 2


def _rows(definition: FlowDefinition) -> list[list[str]]:
    """The states in rows by their distance from the initial state."""
    depth = {definition.initial: 0}
    queue = deque([definition.initial])
    while queue:
        state = queue.popleft()
        for t in definition.transitions:
            if state in t.source and t.dest not in depth:
                depth[t.dest] = depth[state] + 1
                queue.append(t.dest)
    last = max(depth.values(), default=0)
    rows: list[list[str]] = [[] for _ in range(last + 1)]
    for state in definition.states:
        rows[depth.get(state, last)].append(state)
    return [row for row in rows if row]


def _boxes(definition: FlowDefinition, lang: str) -> dict[str, Box]:
    rows = _rows(definition)
    widths = {
        s: text_width(getattr(definition.states[s].label, lang)) + 2 * _PAD
        for s in definition.states
    }
    row_width = [sum(widths[s] for s in row) + _COL_GAP * (len(row) - 1) for row in rows]
    widest = max(row_width, default=0.0)
    boxes: dict[str, Box] = {}
    for number, row in enumerate(rows):
        x = _MARGIN + (widest - row_width[number]) / 2
        for state in row:
            spec = definition.states[state]
            boxes[state] = Box(
                state,
                getattr(spec.label, lang),
                x,
                _MARGIN + number * (_BOX_H + _ROW_GAP),
                widths[state],
                spec.initial or state == definition.initial,
                spec.terminal,
            )
            x += widths[state] + _COL_GAP
    return boxes


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _edge(src: Box, dest: Box, label: str, bend: int, right: float) -> tuple[str, float]:
    """The path and label of one arrow, and how far right it reaches."""
    if src.state == dest.state:
        x, y = src.x + src.width, src.y + _BOX_H / 2
        d = (
            f"M{x:.0f},{y - 8:.0f} C{x + 40:.0f},{y - 30:.0f} "
            f"{x + 40:.0f},{y + 30:.0f} {x:.0f},{y + 8:.0f}"
        )
        lx, ly, anchor = x + 36, y + 4, "start"
    elif dest.y == src.y:
        # Along a row: dip below it, so the arrow crosses no box between the two.
        x1, x2, y = src.middle + bend * 6, dest.middle + bend * 6, src.y + _BOX_H
        depth = 26 + bend * 12
        d = f"M{x1:.0f},{y:.0f} C{x1:.0f},{y + depth:.0f} {x2:.0f},{y + depth:.0f} {x2:.0f},{y:.0f}"
        lx, ly, anchor = (x1 + x2) / 2, y + depth * 0.75 + 12, "middle"
    elif dest.y > src.y:
        x1, y1 = src.middle + bend * 6, src.y + _BOX_H
        x2, y2 = dest.middle + bend * 6, dest.y
        d = f"M{x1:.0f},{y1:.0f} C{x1:.0f},{y1 + 40:.0f} {x2:.0f},{y2 - 40:.0f} {x2:.0f},{y2:.0f}"
        # Near the destination, where arrows fanning out of one state are furthest apart.
        lx, ly, anchor = x1 * 0.3 + x2 * 0.7, y1 * 0.3 + y2 * 0.7, "middle"
    else:
        out = right + 30 + bend * 14
        y1, y2 = src.y + _BOX_H / 2, dest.y + _BOX_H / 2
        x1, x2 = src.x + src.width, dest.x + dest.width
        d = f"M{x1:.0f},{y1:.0f} C{out:.0f},{y1:.0f} {out:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"
        lx, ly, anchor = out - 4, (y1 + y2) / 2 + 4 + bend * 14, "end"
    text = (
        f'<path class="edge" d="{d}" marker-end="url(#arrow)"/>'
        f'<text class="edge-label" x="{lx:.0f}" y="{ly:.0f}" text-anchor="{anchor}">'
        f"{_esc(label)}</text>"
    )
    reach = lx + (text_width(label, _EDGE_FONT) if anchor == "start" else 0)
    return text, max(reach, lx)


def _edges(definition: FlowDefinition, boxes: dict[str, Box], lang: str) -> tuple[list[str], float]:
    """One arrow per pair of states, labelled with its transitions' labels."""
    right = max((b.x + b.width for b in boxes.values()), default=0.0)
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for t in definition.transitions:
        for source in t.source:
            pairs.setdefault((source, t.dest), []).append((t.trigger, getattr(t.label, lang)))
    parts: list[str] = []
    reach = right
    back = 0
    for (source, dest_state), moves in pairs.items():
        src, dest = boxes[source], boxes[dest_state]
        bend = 0
        if dest.y < src.y:
            bend, back = back, back + 1
        label = " / ".join(dict.fromkeys(label for _, label in moves))
        part, far = _edge(src, dest, label, bend, right)
        triggers = " ".join(trigger for trigger, _ in moves)
        parts.append(f'<g class="transition" data-trigger="{_esc(triggers)}">{part}</g>')
        reach = max(reach, far, right + 30 + bend * 14)
    return parts, reach


def _state(box: Box) -> str:
    outer = (
        f'<rect x="{box.x - 3:.0f}" y="{box.y - 3:.0f}" width="{box.width + 6:.0f}" '
        f'height="{_BOX_H + 6}" rx="10" class="terminal-ring"/>'
        if box.terminal
        else ""
    )
    start = (
        f'<circle cx="{box.middle:.0f}" cy="{box.y - 22:.0f}" r="6" class="start"/>'
        f'<path class="edge" d="M{box.middle:.0f},{box.y - 16:.0f} V{box.y:.0f}" '
        'marker-end="url(#arrow)"/>'
        if box.initial
        else ""
    )
    return (
        f'<g class="state" data-state="{_esc(box.state)}">{start}{outer}'
        f'<rect x="{box.x:.0f}" y="{box.y:.0f}" width="{box.width:.0f}" height="{_BOX_H}" rx="8"/>'
        f'<text x="{box.middle:.0f}" y="{box.y + _BOX_H / 2 + 5:.0f}" text-anchor="middle">'
        f"{_esc(box.label)}</text></g>"
    )


def flow_svg(definition: FlowDefinition, *, lang: str = "th") -> str:
    """The state diagram of ``definition`` as an ``<svg>`` element, labelled in ``lang``."""
    boxes = _boxes(definition, lang)
    edges, reach = _edges(definition, boxes, lang)
    width = reach + _MARGIN + 60
    height = max((b.y for b in boxes.values()), default=0.0) + _BOX_H + _MARGIN
    title = getattr(definition.title, lang)
    return "".join(
        _svg_parts(
            title,
            width,
            height,
            edges,
            (_state(box) for box in boxes.values()),
        )
    )


def _svg_parts(
    title: str, width: float, height: float, edges: list[str], states: Iterable[str]
) -> Iterable[str]:
    yield (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="flow-diagram" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'font-family="{_esc(FONT_FAMILY)}" font-size="{_FONT}">'
    )
    yield f"<title>{_esc(title)}</title>"
    yield (
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/>'
        "</marker></defs>"
    )
    yield from edges
    yield from states
    yield "</svg>"


__all__ = ["FONT_FAMILY", "flow_svg", "text_width"]
