"""Plain data: a read-only mapping that is still a ``dict``, and records as JSON data.

What the API hands a host (a case, its history, duties, report figures) must go straight
into ``json.dumps``, a pydantic model or a FastAPI response. ``types.MappingProxyType``
kept a case's data read-only but is not a ``dict``, so none of them can serialize it;
:class:`FrozenDict` is a ``dict`` (every serializer takes it) that refuses to be changed.

:func:`to_plain` turns any record of the API into JSON data: attrs records into objects of
their fields, mappings into objects, tuples, lists and sets into arrays, dates and times
into ISO 8601 text (instants in UTC with ``Z``, as the audit trail writes them) and
decimals into exact text (as the report exports write them).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, NoReturn, TypeVar

import attrs

_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenDict(dict[_K, _V]):
    """A ``dict`` that cannot be changed: ``json.dumps``, pydantic and ``attrs.asdict``
    read it as the ``dict`` it is; every method that would change it raises ``TypeError``.

    Its copies (``dict(d)``, ``{**d}``, ``d | other``) are ordinary dicts to change.
    """

    __slots__ = ()

    def _refuse(self, *_: object, **__: object) -> NoReturn:
        msg = "this mapping is read-only; make a copy with dict(...) to change it"
        raise TypeError(msg)

    __setitem__ = _refuse
    __delitem__ = _refuse
    __ior__ = _refuse
    clear = _refuse
    pop = _refuse
    popitem = _refuse
    setdefault = _refuse
    update = _refuse

    def __reduce__(self) -> tuple[type[FrozenDict[_K, _V]], tuple[dict[_K, _V]]]:
        # pickle and copy would rebuild a dict subclass item by item through __setitem__.
        return (type(self), (dict(self),))

    def __copy__(self) -> FrozenDict[_K, _V]:
        return self

    def __repr__(self) -> str:
        return f"FrozenDict({dict.__repr__(self)})"


def frozen(mapping: Mapping[_K, _V]) -> FrozenDict[_K, _V]:
    """``mapping`` as a :class:`FrozenDict` (itself when it is one already)."""
    if type(mapping) is FrozenDict:
        return mapping
    return FrozenDict(mapping)


def to_plain(value: Any) -> Any:
    """``value`` as JSON data (see the module's docstring); raises ``TypeError`` for a
    value that has no JSON form."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, Mapping):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if isinstance(value, set | frozenset):
        return [to_plain(v) for v in sorted(value, key=str)]
    if attrs.has(type(value)):
        return {f.name: to_plain(getattr(value, f.name)) for f in attrs.fields(type(value))}
    return _scalar(value)


def _scalar(value: object) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.isoformat()
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"
    if isinstance(value, date | Decimal):
        return value.isoformat() if isinstance(value, date) else str(value)
    msg = f"{type(value).__name__} has no JSON form"
    raise TypeError(msg)


__all__ = ["FrozenDict", "frozen", "to_plain"]
