"""Guards: named checks with parameters, built in or plugged in through a registry."""

from integrity_flows.guards.builtin import BUILTIN_GUARDS, builtin_registry
from integrity_flows.guards.context import CaseLookup, GuardContext
from integrity_flows.guards.decide import Refusal, decide
from integrity_flows.guards.registry import GuardFunc, GuardKind, GuardRegistry, GuardSpec

__all__ = [
    "BUILTIN_GUARDS",
    "CaseLookup",
    "GuardContext",
    "GuardFunc",
    "GuardKind",
    "GuardRegistry",
    "GuardSpec",
    "Refusal",
    "builtin_registry",
    "decide",
]
