"""The one module that touches ``transitions``: a Machine per flow version."""

from __future__ import annotations

from transitions import Machine

from integrity_flows.definition.diagram import mermaid
from integrity_flows.definition.model import FlowDefinition


class _Model:
    """The model bound to a shared Machine; holds one case's state during one fire."""

    state: str


class CompiledFlow:
    """A definition compiled once into a ``transitions`` Machine shared by all its cases.

    The engine decides authority, guards and data itself. The Machine is the state
    machine of record: it is built (and so validated) from the definition, and the
    moves it allows are read from it once, into a table of (state, trigger) to
    destination. A move looks its trigger up in that table: no case is bound to the
    model, no lock is held, and moves of many threads run side by side.
    """

    def __init__(self, definition: FlowDefinition) -> None:
        self.definition = definition
        self._model = _Model()
        self._machine = Machine(
            model=self._model,
            states=list(definition.states),
            transitions=[
                {"trigger": t.trigger, "source": list(t.source), "dest": t.dest}
                for t in definition.transitions
            ],
            initial=definition.initial,
            # to_<state>() methods would bypass every guard and rule.
            auto_transitions=False,
            ignore_invalid_triggers=False,
        )
        # What the Machine would do, read from it: the first transition of each trigger
        # out of each state (the engine gives it no conditions, so the first is taken).
        self._moves: dict[tuple[str, str], str] = {
            (source, trigger): str(found[0].dest)
            for trigger, event in self._machine.events.items()
            for source, found in event.transitions.items()
            if found and found[0].dest is not None
        }

    def triggers(self, state: str) -> list[str]:
        """Triggers that leave ``state``, in definition order."""
        return list(self._machine.get_triggers(state))

    def move(self, state: str, trigger: str) -> str:
        """The state reached by firing ``trigger`` from ``state`` (``ValueError`` when the
        Machine has no such move)."""
        dest = self._moves.get((state, trigger))
        if dest is None:
            msg = f"'{trigger}' cannot fire from '{state}'"
            raise ValueError(msg)
        return dest

    def mermaid(self, *, language: str = "en") -> str:
        """A Mermaid state diagram of the flow, labelled in ``language`` (``th`` or ``en``);
        see :mod:`integrity_flows.definition.diagram`."""
        return mermaid(self.definition, language=language)
