"""The one module that touches ``transitions``: a Machine per flow version."""

from __future__ import annotations

import threading

from transitions import Machine, MachineError

from integrity_flows.definition.diagram import mermaid
from integrity_flows.definition.model import FlowDefinition


class _Model:
    """The model bound to a shared Machine; holds one case's state during one fire."""

    state: str


class CompiledFlow:
    """A definition compiled once into a ``transitions`` Machine shared by all its cases.

    The engine decides authority, guards and data itself; the Machine then moves
    the case's state. The case's state is bound to the one model under a lock for
    the duration of a move, so no model or Machine is kept per case.
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
        self._lock = threading.Lock()

    def triggers(self, state: str) -> list[str]:
        """Triggers that leave ``state``, in definition order."""
        return list(self._machine.get_triggers(state))

    def move(self, state: str, trigger: str) -> str:
        """The state reached by firing ``trigger`` from ``state``."""
        with self._lock:
            self._machine.set_state(state, model=self._model)
            try:
                self._model.trigger(trigger)  # type: ignore[attr-defined]
            except MachineError as exc:
                msg = f"'{trigger}' cannot fire from '{state}'"
                raise ValueError(msg) from exc
            return self._model.state

    def mermaid(self, *, language: str = "en") -> str:
        """A Mermaid state diagram of the flow, labelled in ``language`` (``th`` or ``en``);
        see :mod:`integrity_flows.definition.diagram`."""
        return mermaid(self.definition, language=language)
