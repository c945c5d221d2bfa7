"""A flow as a Mermaid state diagram, written from the definition alone.

What the diagram guarantees (``tests/test_diagram.py``):

- the flow's title is kept, in the front matter's ``title:`` (quoted, so any text is YAML);
- the start is drawn as Mermaid's start pseudo-state (``[*] --> initial``) and each terminal
  state leads to its end (``state --> [*]``); no state is styled as the one a case is in;
- every label (states, transitions, the title) is written so that no character of it ends
  or breaks the diagram: ``"`` and ``#`` become Mermaid entity codes (``#quot;``,
  ``#35;``), ``;`` ``:`` ``<`` ``>`` too where they would end a statement, and line breaks
  become spaces.
"""

from __future__ import annotations

import json

from integrity_flows.definition.model import FlowDefinition, Label

_ENTITIES = {"#": "#35;", '"': "#quot;", ";": "#59;", ":": "#58;", "<": "#lt;", ">": "#gt;"}


def mermaid_text(text: str) -> str:
    """``text`` as it may stand in a Mermaid label: one line, no character that ends it."""
    flat = " ".join(text.split())
    return "".join(_ENTITIES.get(ch, ch) for ch in flat)


def mermaid(definition: FlowDefinition, *, language: str = "en") -> str:
    """The state diagram of ``definition``, labelled in ``language`` (``th`` or ``en``)."""

    def tr(label: Label) -> str:
        return mermaid_text(label.th if language == "th" else label.en)

    title = definition.title.th if language == "th" else definition.title.en
    lines = [
        "---",
        f"title: {json.dumps(' '.join(title.split()), ensure_ascii=False)}",
        "---",
        "stateDiagram-v2",
        "  direction LR",
    ]
    lines += [f'  state "{tr(state.label)}" as {sid}' for sid, state in definition.states.items()]
    lines.append(f"  [*] --> {definition.initial}")
    for transition in definition.transitions:
        for source in transition.source:
            lines.append(f"  {source} --> {transition.dest}: {tr(transition.label)}")
    lines += [f"  {sid} --> [*]" for sid, state in definition.states.items() if state.terminal]
    return "\n".join(lines) + "\n"


__all__ = ["mermaid", "mermaid_text"]
