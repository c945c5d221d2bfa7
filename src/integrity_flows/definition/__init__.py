"""Flow definitions: the frozen model, its converter and its checks."""

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
