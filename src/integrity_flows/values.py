"""Values of declared types: how what people write becomes case data.

Shared by the fields of a case and the sub-fields of a record: text as text, whole
numbers (Thai digits allowed), decimals as text, yes/no, dates as ISO text (Buddhist
Era accepted), enum choices named by id or by Thai or English label.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from integrity_flows.calendars import parse_date, parse_decimal, parse_int

_TRUE = {"true", "yes", "y", "1", "ใช่", "จริง"}
_FALSE = {"false", "no", "n", "0", "ไม่ใช่", "ไม่", "เท็จ"}
# A value people give is one of these; anything else (a mapping, a list) is refused
# before a parser sees it.
_SCALARS = (str, int, float, Decimal)


class Choices(Protocol):
    """Protocol: what normalizing a value needs of its declaration (a field, a sub-field)."""

    @property
    def choices(self) -> tuple[str, ...]: ...

    @property
    def choice_labels(self) -> Mapping[str, Any]: ...


def text(value: Any, _: Choices) -> str:
    """Text (a whole number is taken as its digits)."""
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value)
    msg = "expected text"
    raise ValueError(msg)


def boolean(value: Any, _: Choices) -> bool:
    """Yes or no, in Thai or English."""
    if isinstance(value, bool):
        return value
    folded = str(value).strip().casefold() if isinstance(value, _SCALARS) else None
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    msg = "expected yes or no"
    raise ValueError(msg)


def enum(value: Any, spec: Choices) -> str:
    """One of the choices, named by id or by its Thai or English label."""
    given = str(value) if isinstance(value, _SCALARS) and not isinstance(value, bool) else None
    if given is not None and given in spec.choices:
        return given
    for choice, label in spec.choice_labels.items():
        if given is not None and label.matches(given):
            return str(choice)
    msg = f"expected one of {', '.join(spec.choices)}"
    raise ValueError(msg)


def integer(value: Any, _: Choices) -> int:
    """A whole number (Thai digits and thousands separators allowed)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        msg = "expected a whole number"
        raise ValueError(msg)
    return parse_int(value)


def decimal(value: Any, _: Choices) -> str:
    """A number, kept as text so that no digit is lost."""
    if isinstance(value, bool) or not isinstance(value, _SCALARS):
        msg = "expected a number"
        raise ValueError(msg)
    return str(parse_decimal(value))


def day(value: Any, _: Choices) -> str:
    """A calendar date as ISO text (C.E.)."""
    if not isinstance(value, str | date):
        msg = "expected a date"
        raise ValueError(msg)
    return parse_date(value).isoformat()


NORMALIZERS: dict[str, Callable[[Any, Choices], Any]] = {
    "string": text,
    "text": text,
    "actor": text,
    "integer": integer,
    "decimal": decimal,
    "boolean": boolean,
    "date": day,
    "enum": enum,
}


def number(value: Any) -> Decimal | None:
    """``value`` as a finite number, or None when it is not one (text with Thai digits,
    a whole number or a decimal)."""
    if type(value) is int:  # the common case on the hot path: no text to clean
        return Decimal(value)
    if isinstance(value, bool) or not isinstance(value, _SCALARS):
        return None
    if isinstance(value, str):
        try:  # stored decimals are plain text Decimal reads; people's text is cleaned below
            found = Decimal(value)
        except InvalidOperation:
            pass
        else:
            return found if found.is_finite() else None
    try:
        return parse_decimal(value)
    except ValueError:
        return None


__all__ = ["NORMALIZERS", "Choices", "number"]
