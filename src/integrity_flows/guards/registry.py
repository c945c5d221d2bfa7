"""The guard registry: names a definition may use, bound to Python callables.

A guard is any callable ``(context, params) -> Reason | None``: ``None`` allows,
a :class:`~integrity_flows.errors.Reason` refuses and says why. Each guard is
registered with the kinds of its parameters so definitions are checked at load.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Literal

import attrs

from integrity_flows.protocols import Guard

GuardKind = Literal["authority", "condition"]
# What a parameter names, so a definition's use of it can be checked at load.
# ``records`` is a records field; ``subfield`` and ``where`` name sub-fields of the
# records field the guard's ``records`` parameter names; ``when`` is a date field or a
# moment of the case (``{event: now}``); ``number`` any number; ``flag`` true or false.
ParamKind = Literal[
    "field", "fields", "state", "states", "trigger", "role", "setting", "value", "values",
    "int", "message", "records", "subfield", "where", "number", "when", "flag",
]  # fmt: skip

#: A guard's callable: see :class:`integrity_flows.protocols.Guard`.
GuardFunc = Guard


@attrs.frozen
class GuardSpec:
    """A registered guard: its callable, what it decides, and its parameters."""

    name: str
    check: GuardFunc
    kind: GuardKind = "condition"
    params: Mapping[str, ParamKind] = attrs.field(factory=dict)
    optional: Mapping[str, ParamKind] = attrs.field(factory=dict)
    one_of: tuple[tuple[str, ...], ...] = ()

    def all_params(self) -> dict[str, ParamKind]:
        """Every parameter the guard accepts, with its kind; ``message`` is always allowed."""
        return {**self.params, **self.optional, "message": "message"}


class GuardRegistry:
    """Guards by name. Built explicitly and handed to the engine: no global registry."""

    def __init__(self, specs: Iterable[GuardSpec] = ()) -> None:
        self._specs: dict[str, GuardSpec] = {}
        for spec in specs:
            self.add(spec)

    def add(self, spec: GuardSpec) -> None:
        """Register ``spec``; a name may be registered once."""
        if spec.name in self._specs or spec.name in ("all", "any", "not"):
            msg = f"guard '{spec.name}' is already registered"
            raise ValueError(msg)
        self._specs[spec.name] = spec

    def register(
        self,
        name: str,
        *,
        kind: GuardKind = "condition",
        params: Mapping[str, ParamKind] | None = None,
        optional: Mapping[str, ParamKind] | None = None,
    ) -> Callable[[GuardFunc], GuardFunc]:
        """Decorator form of :meth:`add`."""

        def decorate(check: GuardFunc) -> GuardFunc:
            self.add(GuardSpec(name, check, kind, dict(params or {}), dict(optional or {})))
            return check

        return decorate

    def get(self, name: str) -> GuardSpec | None:
        """The guard named ``name``, if registered."""
        return self._specs.get(name)

    def names(self) -> list[str]:
        """Registered names, sorted."""
        return sorted(self._specs)

    def __contains__(self, name: object) -> bool:
        return name in self._specs or name in ("all", "any", "not")

    def copy(self) -> GuardRegistry:
        """A registry with the same guards, to extend without touching this one."""
        return GuardRegistry(self._specs.values())
