"""Actors: who does something, with the roles they hold and the unit they belong to."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from integrity_flows.definition.model import SYSTEM_ROLE
from integrity_flows.identity import normalize_id


def _roles(value: Iterable[str] | str) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset({value})
    return frozenset(value)


@attrs.frozen
class Actor:
    """A person (or the system) acting on a case.

    ``roles`` are the organization roles the actor holds (e.g. ``"custodian"``);
    roles bound per case (e.g. the requester) are kept on the case itself.

    ``id`` is kept in its canonical form (:func:`integrity_flows.identity.normalize_id`:
    NFKC, case-folded); an id that is not one raises
    :class:`~integrity_flows.errors.BadActorId`. ``posts`` are the posts (ตำแหน่ง) the
    person holds, as a directory gives them.
    """

    id: str = attrs.field(converter=normalize_id)
    roles: frozenset[str] = attrs.field(factory=frozenset, converter=_roles)
    unit: str | None = None
    name: str | None = None
    posts: frozenset[str] = attrs.field(factory=frozenset, converter=_roles)

    def holds(self, role: str) -> bool:
        """True when the actor holds ``role`` in the organization."""
        return role in self.roles

    def as_dict(self) -> dict[str, Any]:
        """The actor as JSON data (roles and posts as sorted lists)."""
        return {
            "id": self.id,
            "roles": sorted(self.roles),
            "unit": self.unit,
            "name": self.name,
            "posts": sorted(self.posts),
        }


SYSTEM = Actor("system", roles=frozenset({SYSTEM_ROLE}), name="ระบบ / system")

__all__ = ["SYSTEM", "Actor"]
