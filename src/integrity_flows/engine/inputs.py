"""What a caller hands the engine beside the data: checked before anything is decided.

Every text that reaches the audit trail must be text that can be written as UTF-8: a
lone surrogate (what Python makes of bytes that are not UTF-8 in a command-line
argument) cannot be hashed or stored. Such an input is refused as
:class:`~integrity_flows.errors.InvalidData` naming where it was, and the refusal is
recorded with the offending characters written as escapes (``\\udcff``), so the record
can be written and says what was given.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from integrity_flows.actor import Actor
from integrity_flows.errors import InvalidData, Reason
from integrity_flows.values import MAX_STRING, MAX_TEXT

#: How deep a value given as data may nest before it is refused.
MAX_DEPTH = 32
#: The most roles one actor may name in one call.
MAX_ROLES = 100


def writable(text: str) -> bool:
    """True when ``text`` can be written as UTF-8 (no lone surrogate)."""
    if text.isascii():  # most ids, triggers and roles: nothing to encode to know
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown(text: Any) -> str:
    """``text`` as it may be written to the trail: what cannot be UTF-8 escaped."""
    value = text if isinstance(text, str) else repr(text)
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


#: How many characters of a refused value a reason quotes.
QUOTED = 80


def quoted(value: Any) -> str:
    """``value`` quoted in a reason (its repr), cut to :data:`QUOTED` characters with its
    length after it: a refused megabyte is not copied into the trail and the message."""
    found = shown(repr(value))
    if len(found) <= QUOTED:
        return found
    size = f" ({len(value):,} characters)" if isinstance(value, str) else ""
    return f"{found[:QUOTED]}…{size}"


def bad_text(value: Any, depth: int = 0) -> bool:
    """True when ``value`` (JSON-like data) holds text that cannot be written, a key that
    is not writable text, or nests deeper than :data:`MAX_DEPTH`."""
    if isinstance(value, str):
        return not writable(value)
    if depth > MAX_DEPTH:
        return True
    if isinstance(value, Mapping):
        return any(
            not isinstance(k, str) or not writable(k) or bad_text(v, depth + 1)
            for k, v in value.items()
        )
    if isinstance(value, list | tuple):
        return any(bad_text(item, depth + 1) for item in value)
    return False


def unwritable(where_th: str, where_en: str) -> Reason:
    """The reason for text that cannot be written, naming where it was."""
    return Reason(
        "bad_text",
        f"{where_th} มีอักขระที่ไม่ใช่ข้อความที่ถูกต้อง (เช่น ข้อมูลที่ไม่ใช่ UTF-8)",
        f"{where_en} holds characters that are not valid text (e.g. bytes that are not UTF-8)",
    )


def call_problems(actor: Any, trigger: Any, reason: Any, data: Any) -> list[Reason]:
    """Every problem with what the caller gave beside the data's values: the actor, the
    trigger, the reason, and the data's shape."""
    found = _actor_problems(actor)
    if not isinstance(trigger, str):
        found.append(Reason("bad_trigger", "การดำเนินการต้องเป็นข้อความ", "the trigger must be text"))
    elif not writable(trigger):
        found.append(unwritable("ชื่อการดำเนินการ", "the trigger"))
    found += _reason_problems(reason)
    if not isinstance(data, Mapping):
        found.append(
            Reason(
                "bad_data",
                "ข้อมูลต้องเป็นชุดของชื่อข้อมูลและค่า",
                f"the data must map field names to values, not {type(data).__name__}",
            )
        )
    return found


def _actor_problems(actor: Any) -> list[Reason]:
    if not isinstance(actor, Actor) or not isinstance(actor.id, str) or not actor.id:
        return [Reason("bad_actor", "ไม่ได้ระบุผู้ดำเนินการ", "no actor was given")]
    found: list[Reason] = []
    if not writable(actor.id):
        found.append(unwritable("รหัสผู้ดำเนินการ", "the actor's id"))
    if any(not isinstance(r, str) or not writable(r) for r in actor.roles):
        found.append(unwritable("บทบาทของผู้ดำเนินการ", "the actor's roles"))
    elif any(len(r) > MAX_STRING for r in actor.roles) or len(actor.roles) > MAX_ROLES:
        found.append(
            Reason(
                "bad_actor",
                f"บทบาทของผู้ดำเนินการมากกว่า {MAX_ROLES} บทบาท หรือยาวเกิน {MAX_STRING:,} ตัวอักษร",
                f"the actor has more than {MAX_ROLES} roles, or one longer than "
                f"{MAX_STRING:,} characters",
            )
        )
    if actor.unit is not None and (not isinstance(actor.unit, str) or not writable(actor.unit)):
        found.append(unwritable("หน่วยงานของผู้ดำเนินการ", "the actor's unit"))
    elif actor.unit is not None and len(actor.unit) > MAX_STRING:
        found.append(
            Reason(
                "bad_actor",
                f"ชื่อหน่วยงานของผู้ดำเนินการยาวเกิน {MAX_STRING:,} ตัวอักษร",
                f"the actor's unit is longer than {MAX_STRING:,} characters",
            )
        )
    return found


def _reason_problems(reason: Any) -> list[Reason]:
    if reason is None:
        return []
    if not isinstance(reason, str):
        return [Reason("bad_reason", "เหตุผลต้องเป็นข้อความ", "the reason must be text")]
    if not writable(reason):
        return [unwritable("เหตุผล", "the reason")]
    if len(reason) > MAX_TEXT:
        return [
            Reason(
                "bad_reason",
                f"เหตุผลยาว {len(reason):,} ตัวอักษร เกิน {MAX_TEXT:,} ตัวอักษร",
                f"the reason is {len(reason):,} characters long: at most {MAX_TEXT:,} are taken",
            )
        ]
    return []


def refusal(
    reasons: list[Reason], case_id: str | None, trigger: str, state: str | None
) -> InvalidData:
    """The refusal of a call whose inputs cannot be taken, every reason in both languages."""
    return InvalidData(
        "ดำเนินการไม่ได้ เพราะข้อมูลที่ส่งมาไม่ถูกต้อง: " + "; ".join(r.th for r in reasons),
        "cannot act, what was given is not valid: " + "; ".join(r.en for r in reasons),
        case_id=case_id,
        trigger=trigger,
        state=state,
        reasons=reasons,
    )


def recordable_actor(actor: Any) -> Actor:
    """``actor`` as it may be written to the trail (unwritable characters escaped)."""
    if not isinstance(actor, Actor) or not isinstance(actor.id, str) or not actor.id:
        return Actor(shown(getattr(actor, "id", None) or "?"))
    unit = actor.unit if actor.unit is None else shown(actor.unit)
    return Actor(shown(actor.id), roles=frozenset(shown(r) for r in actor.roles), unit=unit)


def recordable(text: Any) -> str | None:
    """A trigger or reason as it may be written to the trail (None stays None)."""
    return None if text is None else shown(text)


__all__ = [
    "MAX_DEPTH",
    "bad_text",
    "call_problems",
    "recordable",
    "recordable_actor",
    "refusal",
    "shown",
    "unwritable",
    "writable",
]
