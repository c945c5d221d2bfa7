"""Person ids: what an actor id may hold, its one canonical form, and safe display.

An id is compared in one form only: Unicode NFKC (Thai SARA AM kept whole), then
case-folded, runs of inner spaces made one. ``Somchai``, ``SOMCHAI`` and the full-width
``ｓｏｍｃｈａｉ`` are the same person, so separation of duties cannot be slipped by
changing case or width.

The character set (docs/concepts.md, "Who is who"): letters and combining marks of any
script (Thai included), digits, and ``. _ - @ + '`` and inner single spaces; at most
:data:`MAX_ID` characters. Control, format (zero-width, direction) and other characters
are refused with :class:`~integrity_flows.errors.BadActorId`.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from integrity_flows.errors import BadActorId

#: The longest id accepted, in characters after normalization.
MAX_ID = 120
#: Punctuation an id may hold besides letters, marks and digits.
ID_PUNCTUATION = frozenset("._-@+' ")
#: Ids only the engine itself may act as; never given on the command line.
RESERVED_IDS = frozenset({"system", "ระบบ", "root", "admin", "anonymous", "engine"})

_SPACES = re.compile(r"\s+")


def _problem(text: str) -> tuple[str, str] | None:
    if not text:
        return "ว่างเปล่า", "it is empty"
    if len(text) > MAX_ID:
        return f"ยาวเกิน {MAX_ID} ตัวอักษร", f"it is longer than {MAX_ID} characters"
    for char in text:
        kind = unicodedata.category(char)
        if kind[0] in "LMN" or char in ID_PUNCTUATION:
            continue
        code = f"U+{ord(char):04X}"
        if kind[0] == "C" or kind in ("Zl", "Zp"):
            return (
                f"มีอักขระควบคุมหรือกำหนดทิศทาง ({code})",
                f"it holds a control or direction character ({code})",
            )
        return (
            f"มีอักขระที่ใช้ไม่ได้ ({code}); ใช้ได้เฉพาะตัวอักษร ตัวเลข และ . _ - @ + ' ช่องว่าง",
            f"it holds a character not allowed ({code}); only letters, digits and "
            ". _ - @ + ' and spaces are",
        )
    return None


# NFKC splits Thai SARA AM (ำ) into NIKHAHIT and SARA AA (ํา), and Lao AM likewise: they
# look alike and are typed as one character, so the canonical form keeps the one.
_AM = (("\u0e4d\u0e32", "\u0e33"), ("\u0ecd\u0eb2", "\u0eb3"))


def _recompose(text: str) -> str:
    for split, whole in _AM:
        text = text.replace(split, whole)
    return text


def normalize_id(value: object) -> str:
    """The canonical form of a person id, or :class:`BadActorId` saying why it is not one."""
    if not isinstance(value, str):
        raise BadActorId(repr(value), "ไม่ใช่ข้อความ", "it is not text")
    return _canonical(value)


@functools.lru_cache(maxsize=4096)
def _canonical(value: str) -> str:
    # Read on every decision (roles per case, separation of duties) for the same few
    # people: the form of each is worked out once (a refusal is raised, not kept).
    # Controls are judged before whitespace is folded: a newline is refused, not joined.
    raw = unicodedata.normalize("NFKC", value)
    for char in raw:
        if unicodedata.category(char)[0] == "C" or unicodedata.category(char) in ("Zl", "Zp"):
            code = f"U+{ord(char):04X}"
            raise BadActorId(
                value,
                f"มีอักขระควบคุมหรือกำหนดทิศทาง ({code})",
                f"it holds a control or direction character ({code})",
            )
    text = _SPACES.sub(" ", raw).strip().casefold()
    text = _recompose(unicodedata.normalize("NFKC", text))
    problem = _problem(text)
    if problem is not None:
        raise BadActorId(value, *problem)
    return text


def same_person(first: object, second: object) -> bool:
    """True when both name the same person (compared in canonical form); False when
    either is not a valid id."""
    if first is None or second is None:
        return False
    try:
        return normalize_id(first) == normalize_id(second)
    except BadActorId:
        return first == second


def is_reserved(person_id: str) -> bool:
    """True for an id only the engine may act as (``system`` and the like)."""
    try:
        return normalize_id(person_id) in RESERVED_IDS
    except BadActorId:
        return False


def printable(text: object) -> str:
    """``text`` safe to print on one line: control, format and line-separating characters
    shown as ``\\uXXXX`` escapes, so stored text cannot forge a line or move the cursor."""
    out = []
    for char in str(text):
        kind = unicodedata.category(char)
        if kind[0] == "C" or kind in ("Zl", "Zp"):
            out.append(f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}")
        else:
            out.append(char)
    return "".join(out)


__all__ = [
    "ID_PUNCTUATION",
    "MAX_ID",
    "RESERVED_IDS",
    "is_reserved",
    "normalize_id",
    "printable",
    "same_person",
]
