"""Values of declared types: how what people write becomes case data.

Shared by the fields of a case and the sub-fields of a record: text as text, whole
numbers (Thai digits allowed), decimals as text, yes/no, dates as ISO text (Buddhist
Era accepted), enum choices named by id or by Thai or English label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from integrity_flows.calendars import parse_date, parse_decimal, parse_int, sane_day

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


#: The most digits a number may have before its point, and after it: what a form would
#: take (an amount in baht, a count, a score), and exact in every store.
MAX_DIGITS = 15
MAX_PLACES = 6

# Characters no form holds: control characters (NUL, ESC, ...) but tab and line breaks,
# and the bidirectional embeddings, overrides and isolates that make text read otherwise
# than it is stored (U+202A-U+202E, U+2066-U+2069).
_HIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


#: The longest value a ``string`` field (a name, an item, a number: one box of a form)
#: and a ``text`` field (a letter, a report's findings) take, in characters.
MAX_STRING = 1_000
MAX_TEXT = 100_000


def text(value: Any, _: Choices) -> str:
    """Text of at most :data:`MAX_TEXT` characters (a whole number is taken as its
    digits), without control characters or bidirectional overrides."""
    return _text(value, MAX_TEXT)


def string(value: Any, _: Choices) -> str:
    """Text of at most :data:`MAX_STRING` characters, as :func:`text` otherwise."""
    return _text(value, MAX_STRING)


def _text(value: Any, limit: int) -> str:
    if isinstance(value, str | int) and not isinstance(value, bool):
        found = str(value)
        if len(found) > limit:
            msg = f"text of {len(found):,} characters: at most {limit:,} are taken"
            raise ValueError(msg)
        hidden = _HIDDEN.search(found)
        if hidden is not None:
            msg = (
                f"text may not hold the control character U+{ord(hidden[0]):04X}"
                f" (at position {hidden.start()})"
            )
            raise ValueError(msg)
        return found
    msg = "expected text"
    raise ValueError(msg)


def _in_bounds(number: Decimal) -> Decimal:
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)  # a finite number
    places = max(0, -exponent)
    before = max(0, len(digits) + exponent) if number else 0
    if before > MAX_DIGITS or places > MAX_PLACES:
        msg = f"a number has at most {MAX_DIGITS} digits before the point and {MAX_PLACES} after it"
        raise ValueError(msg)
    return number


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
    return int(_in_bounds(Decimal(parse_int(value))))


def decimal(value: Any, _: Choices) -> str:
    """A number, kept as text so that no digit is lost."""
    if isinstance(value, bool) or not isinstance(value, _SCALARS):
        msg = "expected a number"
        raise ValueError(msg)
    return str(_in_bounds(parse_decimal(value)))


def day(value: Any, _: Choices) -> str:
    """A calendar date as ISO text (C.E.), within the plausible dates
    (:func:`~integrity_flows.calendars.sane_day`)."""
    if not isinstance(value, str | date):
        msg = "expected a date"
        raise ValueError(msg)
    return sane_day(parse_date(value)).isoformat()


NORMALIZERS: dict[str, Callable[[Any, Choices], Any]] = {
    "string": string,
    "text": text,
    "actor": string,
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
