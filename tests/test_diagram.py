"""Mermaid state diagrams of flows (integrity_flows.definition.diagram)."""

from __future__ import annotations

import re

import attrs
import pytest
import yaml

from integrity_flows import Engine
from integrity_flows.definition.diagram import mermaid, mermaid_text
from integrity_flows.definition.model import FlowDefinition, Label

_STATEMENT = re.compile(
    r'  state "[^"\n]*" as \w+'
    r"|  (\[\*\]|\w+) --> (\w+|\[\*\])(: [^\n]*)?"
    r"|  direction LR"
)


@pytest.fixture(scope="module")
def flows() -> list[FlowDefinition]:
    with Engine.open("memory://") as engine:
        return list(engine.flows.latest())


def _front_matter(text: str) -> dict[str, str]:
    head, _, _ = text.removeprefix("---\n").partition("\n---\n")
    loaded: dict[str, str] = yaml.safe_load(head)
    return loaded


def _well_formed(text: str) -> None:
    """Front matter, the diagram keyword, then only statements Mermaid knows."""
    _, _, body = text.removeprefix("---\n").partition("\n---\n")
    first, *statements = body.rstrip("\n").split("\n")
    assert first == "stateDiagram-v2"
    for line in statements:
        assert _STATEMENT.fullmatch(line), line


@pytest.mark.parametrize("language", ["th", "en"])
def test_every_bundled_flow_keeps_its_title_and_is_well_formed(
    flows: list[FlowDefinition], language: str
) -> None:
    """Each diagram's front matter has title: the flow's title, and every line parses."""
    for definition in flows:
        text = mermaid(definition, language=language)
        title = getattr(definition.title, language)
        assert _front_matter(text) == {"title": " ".join(title.split())}
        _well_formed(text)


def test_the_initial_state_is_the_start_not_styled_active(flows: list[FlowDefinition]) -> None:
    """The start is [*] --> initial; no state is given a class as the one a case is in."""
    for definition in flows:
        text = mermaid(definition)
        assert f"  [*] --> {definition.initial}\n" in text
        assert "active" not in text
        assert "Class " not in text
        for sid, state in definition.states.items():
            assert (f"  {sid} --> [*]\n" in text) == state.terminal


def test_a_quote_in_a_label_does_not_break_the_diagram(flows: list[FlowDefinition]) -> None:
    """Quotes, #, colons, semicolons, angle brackets and newlines in labels are escaped."""
    definition = flows[0]
    hostile = Label('ขอ "ยืม" #1; <ด่วน>: ทันที\nบรรทัดสอง', 'say "hi" #1; <now>: go\nnext')
    state_id = definition.initial
    states = dict(definition.states)
    states[state_id] = attrs.evolve(states[state_id], label=hostile)
    transitions = list(definition.transitions)
    transitions[0] = attrs.evolve(transitions[0], label=hostile)
    changed = attrs.evolve(definition, states=states, transitions=tuple(transitions), title=hostile)
    for language in ("th", "en"):
        text = mermaid(changed, language=language)
        _well_formed(text)
        assert _front_matter(text)["title"] == " ".join(getattr(hostile, language).split())
    text = mermaid(changed, language="en")
    assert f'state "say #quot;hi#quot; #35;1#59; #lt;now#gt;#58; go next" as {state_id}' in text


def test_mermaid_text_leaves_ordinary_thai_alone() -> None:
    """Thai text, spaces and digits are written as they are."""
    assert mermaid_text("อนุมัติ ๑ ครั้ง (2567)") == "อนุมัติ ๑ ครั้ง (2567)"
