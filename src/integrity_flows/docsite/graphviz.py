"""A flow's state diagram laid out by Graphviz's ``dot``, when the host has it.

``dot -Tsvg`` draws the diagram; the SVG is then made one of the page's: no XML prolog,
the site's Thai fonts, and each state's group marked ``data-state`` as the package's own
layout marks it. Boxes are sized here from the labels' widths (Thai vowel and tone marks
take none), so a label always fits its box on one line. Text in the DOT source is
quoted, never interpreted: a label cannot change the graph. When ``dot`` fails or takes
too long, the caller falls back to the package's own layout.
"""

from __future__ import annotations

import html
import re
import subprocess

from integrity_flows.definition.model import FlowDefinition
from integrity_flows.docsite.diagram import FONT_FAMILY, text_width

_TIMEOUT = 30
_NODE = re.compile(r'<g id="node\d+" class="node">\s*<title>(s\d+)</title>')
_EDGE = re.compile(r'<g id="edge\d+" class="edge">\s*<title>[^<]*</title>')
_FONT = re.compile(r'font-family="[^"]*"')


class DotFailed(Exception):
    """``dot`` could not draw the diagram; the message says why."""


def _quote(text: str) -> str:
    """A DOT string: backslashes (Graphviz's escapes) and quotes written literally."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _label(labels: list[str]) -> str:
    """An HTML-like label of fixed width per line: Graphviz would guess a Thai line's width
    from Latin glyphs and let labels overlap; the width is measured here instead."""
    rows = "".join(
        f'<TR><TD FIXEDSIZE="TRUE" WIDTH="{text_width(text, 11) + 6:.0f}" HEIGHT="15">'
        f"{html.escape(text, quote=True)}</TD></TR>"
        for text in dict.fromkeys(labels)
    )
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="0" CELLSPACING="1">{rows}</TABLE>>'


def dot_source(definition: FlowDefinition, lang: str) -> str:
    """The flow as a DOT graph, states named s0, s1, ... in definition order."""
    names = {state: f"s{i}" for i, state in enumerate(definition.states)}
    lines = [
        "digraph flow {",
        '  graph [rankdir=TB, nodesep=0.35, ranksep=0.55, fontname="Loma"];',
        '  node [shape=box, style=rounded, fontname="Loma", fontsize=14, fixedsize=true,'
        " height=0.45];",
        '  edge [fontname="Loma", fontsize=11, color="#6b7280", fontcolor="#5b6475"];',
        '  start [shape=point, width=0.15, label=""];',
    ]
    for state, spec in definition.states.items():
        label = str(getattr(spec.label, lang))
        width = (text_width(label) + 28) / 72  # points to inches
        extra = ", peripheries=2" if spec.terminal else ""
        lines.append(f"  {names[state]} [label={_quote(label)}, width={width:.2f}{extra}];")
    lines.append(f"  start -> {names[definition.initial]};")
    # One arrow per pair of states, its transitions' labels one under the other.
    pairs: dict[tuple[str, str], list[str]] = {}
    for t in definition.transitions:
        for source in t.source:
            pairs.setdefault((source, t.dest), []).append(str(getattr(t.label, lang)))
    for (source, dest), labels in pairs.items():
        lines.append(f"  {names[source]} -> {names[dest]} [label={_label(labels)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def dot_svg(definition: FlowDefinition, *, lang: str, dot: str) -> str:
    """The diagram drawn by the ``dot`` executable at ``dot``; :class:`DotFailed` if not."""
    try:
        done = subprocess.run(  # noqa: S603 - the host's dot, given its graph on stdin
            [dot, "-Tsvg"],
            input=dot_source(definition, lang),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DotFailed(str(exc)) from exc
    if done.returncode != 0 or "<svg" not in done.stdout:
        raise DotFailed(done.stderr.strip() or f"dot exited with status {done.returncode}")
    return _adopt(done.stdout, definition)


def _adopt(svg: str, definition: FlowDefinition) -> str:
    """dot's SVG made one of the page's."""
    states = list(definition.states)
    text = svg[svg.index("<svg") :]
    text = re.sub(r"<!--.*?-->\n?", "", text, flags=re.S)
    text = text.replace("<svg ", '<svg class="flow-diagram graphviz" role="img" ', 1)
    text = _FONT.sub(f'font-family="{FONT_FAMILY}"', text)

    def node(match: re.Match[str]) -> str:
        state = html.escape(states[int(match[1][1:])], quote=True)
        return f'<g class="gv-node state" data-state="{state}"><title>{state}</title>'

    text = _NODE.sub(node, text)
    return _EDGE.sub('<g class="gv-edge transition">', text)


__all__ = ["DotFailed", "dot_source", "dot_svg"]
