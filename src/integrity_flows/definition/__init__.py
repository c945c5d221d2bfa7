"""Flow definitions: the frozen model and its converter (checks run when loading)."""

from integrity_flows.definition.model import (
    SYSTEM_ROLE,
    Deadline,
    Field,
    FlowDefinition,
    GuardRef,
    Label,
    Plan,
    Role,
    Start,
    State,
    Transition,
)

__all__ = [
    "SYSTEM_ROLE",
    "Deadline",
    "Field",
    "FlowDefinition",
    "GuardRef",
    "Label",
    "Plan",
    "Role",
    "Start",
    "State",
    "Transition",
]
