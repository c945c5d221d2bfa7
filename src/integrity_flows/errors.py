"""Errors: one root, a branch per phase, data kept on the instance.

Every error carries a Thai and an English message written for a clerk, and the
data behind it (``case_id``, ``trigger``, ``state``, ``reasons`` ...) so a host
can render its own text. ``str(error)`` gives both languages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs


@attrs.frozen
class Reason:
    """One rule that refused an action, with its code and bilingual text."""

    code: str
    th: str
    en: str

    def as_dict(self) -> dict[str, str]:
        """The reason as plain data, as recorded in the audit trail."""
        return {"code": self.code, "th": self.th, "en": self.en}

    def mentions(self, word: str) -> bool:
        """True when ``word`` appears in the code or either message."""
        folded = word.casefold()
        return any(folded in text.casefold() for text in (self.code, self.th, self.en))


class FlowError(Exception):
    """Root of every error raised by integrity-flows."""

    code = "flow_error"

    def __init__(self, message_th: str, message_en: str) -> None:
        super().__init__(f"{message_en} / {message_th}")
        self.message_th = message_th
        self.message_en = message_en

    def as_dict(self) -> dict[str, Any]:
        """The error as JSON data (a web service's error body): ``code`` and the two
        messages, and the data a branch keeps (a refusal's case, trigger, state and
        reasons; a definition error's problems)."""
        return {"code": self.code, "message_th": self.message_th, "message_en": self.message_en}


# --- definition phase -------------------------------------------------------


@attrs.frozen
class Problem:
    """One problem in a flow definition: where it is and what is wrong."""

    source: str
    path: str
    message_en: str
    message_th: str

    def __str__(self) -> str:
        where = f"{self.source}: {self.path}" if self.path else self.source
        return f"{where}: {self.message_en} / {self.message_th}"

    def as_dict(self) -> dict[str, str]:
        """The problem as JSON data."""
        return {
            "source": self.source,
            "path": self.path,
            "message_en": self.message_en,
            "message_th": self.message_th,
        }


class DefinitionError(FlowError):
    """A flow definition is malformed; ``problems`` lists every problem found."""

    code = "definition_error"

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        listing = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(
            f"นิยามขั้นตอนงานไม่ถูกต้อง {len(self.problems)} จุด",
            f"invalid flow definition, {len(self.problems)} problem(s):\n{listing}",
        )

    def as_dict(self) -> dict[str, Any]:
        """The error as JSON data, every problem included."""
        return {**super().as_dict(), "problems": [p.as_dict() for p in self.problems]}


# --- after a commit ---------------------------------------------------------


class PublishFailed(FlowError):
    """The action was committed with its audit event, but the logger or an audit sink
    raised when told of it afterwards.

    Every sink is still called; then this is raised from the first failure. Nothing is
    undone and nothing is to be retried: ``committed`` is what the call committed (the
    :class:`~integrity_flows.case.Case` of a start or fire, the :class:`Refused` error of
    a refusal, the list of :class:`~integrity_flows.engine.sweeping.SweepResult` of a
    sweep or of ``record_duties``, ``None`` for a batch), and
    ``failures`` names each logger or sink that failed with its exception.
    """

    code = "publish_failed"

    def __init__(self, failures: Sequence[tuple[str, BaseException]]) -> None:
        self.failures = tuple(failures)
        self.committed: object = None
        names = ", ".join(f"{who}: {type(exc).__name__}: {exc}" for who, exc in self.failures)
        super().__init__(
            f"บันทึกการดำเนินการและบันทึกการตรวจสอบแล้ว แต่แจ้งผู้รับเหตุการณ์ไม่สำเร็จ "
            f"{len(self.failures)} ครั้ง ({names}) ไม่ต้องทำซ้ำ",
            f"the action and its audit event are committed, but {len(self.failures)} "
            f"log or sink call(s) failed ({names}); do not retry",
        )

    def as_dict(self) -> dict[str, Any]:
        """The error as JSON data, each failure as ``{"to", "error"}``."""
        failures = [{"to": who, "error": f"{type(e).__name__}: {e}"} for who, e in self.failures]
        return {**super().as_dict(), "failures": failures}


# --- run-time refusals ------------------------------------------------------


class Refused(FlowError):
    """An action the engine refused.

    The refusal is in the audit trail when there is a chain to record it in: every
    refusal on an existing case, and every refused start. :class:`CaseNotFound` has
    no case to record it against and is not audited.
    """

    code = "refused"

    def __init__(
        self,
        message_th: str,
        message_en: str,
        *,
        case_id: str | None = None,
        trigger: str | None = None,
        state: str | None = None,
        reasons: Sequence[Reason] = (),
    ) -> None:
        super().__init__(message_th, message_en)
        self.case_id = case_id
        self.trigger = trigger
        self.state = state
        self.reasons = tuple(reasons)

    def as_dict(self) -> dict[str, Any]:
        """The refusal as JSON data: its case, trigger, state and every reason."""
        return {
            **super().as_dict(),
            "case_id": self.case_id,
            "trigger": self.trigger,
            "state": self.state,
            "reasons": [r.as_dict() for r in self.reasons],
        }

    def mentions(self, word: str) -> bool:
        """True when ``word`` names this refusal or one of its reasons."""
        folded = word.casefold()
        texts = (self.code, self.message_th, self.message_en)
        return any(folded in t.casefold() for t in texts) or any(
            r.mentions(word) for r in self.reasons
        )


class UnknownFlow(Refused):
    """No flow with this id (and version) is loaded."""

    code = "unknown_flow"

    def __init__(self, flow_id: str, version: int | None = None) -> None:
        which = flow_id if version is None else f"{flow_id} v{version}"
        super().__init__(
            f"ไม่พบขั้นตอนงาน '{which}'",
            f"unknown flow '{which}'",
            reasons=[Reason("unknown_flow", f"ไม่พบขั้นตอนงาน '{which}'", f"no flow '{which}'")],
        )
        self.flow_id = flow_id
        self.version = version


class CaseNotFound(Refused):
    """No case with this id exists in the store."""

    code = "case_not_found"

    def __init__(self, case_id: str) -> None:
        super().__init__(
            f"ไม่พบเรื่อง '{case_id}'",
            f"no case '{case_id}'",
            case_id=case_id,
        )


class BadCaseId(FlowError):
    """A case id the host chose is not usable: taken already, empty, too long, or holding
    control or direction characters. Nothing is written."""

    code = "bad_case_id"

    def __init__(self, case_id: str, why_th: str, why_en: str) -> None:
        shown = repr(case_id)[:60]
        super().__init__(
            f"ใช้เลขที่เรื่อง {shown} ไม่ได้: {why_th} ไม่มีการบันทึกใด ๆ",
            f"cannot use the case id {shown}: {why_en}; nothing was written",
        )
        self.case_id = case_id


class BadActorId(FlowError, ValueError):
    """A person id that is not one: empty, too long, or holding control, direction or
    other characters outside the documented set (:mod:`integrity_flows.identity`)."""

    code = "bad_actor_id"

    def __init__(self, person_id: str, why_th: str, why_en: str) -> None:
        shown = ascii(person_id)[:60]
        super().__init__(
            f"ใช้รหัสผู้ดำเนินการ {shown} ไม่ได้: {why_th}",
            f"cannot use the person id {shown}: {why_en}",
        )
        self.person_id = person_id


class DirectoryError(FlowError):
    """A directory file (people, posts, units) is malformed; ``problems`` lists every
    problem found, each with the file, the row and the field."""

    code = "directory_error"

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        listing = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(
            f"ทะเบียนบุคลากรไม่ถูกต้อง {len(self.problems)} จุด:\n{listing}",
            f"invalid directory, {len(self.problems)} problem(s):\n{listing}",
        )


class UnknownTrigger(Refused):
    """The flow has no trigger of that id or label."""

    code = "unknown_trigger"

    def __init__(self, trigger: str, *, flow_id: str, case_id: str | None = None) -> None:
        super().__init__(
            f"ขั้นตอนงาน '{flow_id}' ไม่มีการดำเนินการ '{trigger}'",
            f"flow '{flow_id}' has no trigger '{trigger}'",
            case_id=case_id,
            trigger=trigger,
            reasons=[
                Reason(
                    "unknown_trigger",
                    f"ไม่มีการดำเนินการ '{trigger}'",
                    f"no trigger '{trigger}'",
                )
            ],
        )
        self.flow_id = flow_id


class TriggerNotAllowed(Refused):
    """The trigger exists but cannot be fired from the case's current state."""

    code = "trigger_not_allowed"


class NotAuthorized(Refused):
    """The actor may not fire this trigger (role, separation of duties, conflict, authority)."""

    code = "not_authorized"


class GuardRejected(Refused):
    """A guard of the transition said no."""

    code = "guard_rejected"


class InvalidData(Refused):
    """Data given with an action does not fit the flow's schema."""

    code = "invalid_data"


# --- definition versions and migration ------------------------------------


class BadMigration(FlowError):
    """A migration asked wrongly (backwards, to an unknown version, a map to an unknown
    state, a ``set`` of an unknown field or a wrong value): ``reasons`` says every
    problem; nothing is written."""

    code = "bad_migration"

    def __init__(self, flow_id: str, reasons: Sequence[Reason]) -> None:
        self.flow_id = flow_id
        self.reasons = tuple(reasons)
        super().__init__(
            f"ย้ายเรื่องของขั้นตอนงาน '{flow_id}' ไม่ได้: " + "; ".join(r.th for r in self.reasons),
            f"cannot migrate cases of flow '{flow_id}': " + "; ".join(r.en for r in self.reasons),
        )


class MigrationRefused(FlowError):
    """Cases that cannot move to the new version, each with its reasons: ``blocked`` maps
    a case id to them. No case was moved; each refusal is in its case's chain."""

    code = "migration_refused"

    def __init__(
        self, flow_id: str, to_version: int, blocked: Sequence[tuple[str, Sequence[Reason]]]
    ) -> None:
        self.flow_id = flow_id
        self.to_version = to_version
        self.blocked = {case_id: tuple(reasons) for case_id, reasons in blocked}
        th = "; ".join(
            f"{case_id}: {', '.join(r.th for r in rs)}" for case_id, rs in self.blocked.items()
        )
        en = "; ".join(
            f"{case_id}: {', '.join(r.en for r in rs)}" for case_id, rs in self.blocked.items()
        )
        super().__init__(
            f"ย้ายเรื่อง {len(self.blocked)} เรื่องไปขั้นตอนงาน '{flow_id}' ฉบับ {to_version} ไม่ได้ "
            f"และไม่ได้ย้ายเรื่องใดเลย: {th}",
            f"{len(self.blocked)} case(s) cannot move to flow '{flow_id}' version {to_version}, "
            f"so no case was moved: {en}",
        )


# --- sensitive data ---------------------------------------------------------


class KeyRequired(Refused):
    """Sensitive data cannot be written or read: the engine was given no key."""

    code = "key_required"


class WrongKey(Refused):
    """A sensitive value cannot be read with the engine's key (another key, or altered)."""

    code = "wrong_key"


class NotSealed(WrongKey):
    """A sensitive value is stored in clear: written before encryption existed, or a
    sealed value replaced by clear text in the store. It is refused, never shown."""

    code = "not_sealed"


class InvalidKey(FlowError):
    """A key given to the engine or the command line is not a key (never shows the text)."""

    code = "invalid_key"


class InvalidCheckpoint(FlowError):
    """A signed checkpoint, or a key for signing or checking one, that cannot be used:
    malformed, of another log, signed by another key, or with a bad signature."""

    code = "invalid_checkpoint"


# --- store ------------------------------------------------------------------


class StoreError(FlowError):
    """The store failed or was given something it cannot keep."""

    code = "store_error"


class ConcurrentUpdate(StoreError):
    """The case changed since it was read; nothing was written."""

    code = "concurrent_update"

    def __init__(
        self, case_id: str, expected: int, actual: int | None = None, *, of: str = "version"
    ) -> None:
        if of == "version":
            th_expected = f"เป็นฉบับที่ {expected}"
            th_found = "ฉบับอื่น" if actual is None else f"ฉบับที่ {actual}"
        else:  # the number of events in the case's chain
            th_expected = f"มีเหตุการณ์ {expected} รายการ"
            th_found = "จำนวนอื่น" if actual is None else f"{actual} รายการ"
        en_found = "a different one" if actual is None else str(actual)
        super().__init__(
            f"เรื่อง '{case_id}' ถูกแก้ไขโดยผู้อื่นระหว่างดำเนินการ"
            f" (คาดว่า{th_expected} แต่พบ {th_found}) ไม่มีการบันทึกใด ๆ",
            f"case '{case_id}' was changed by someone else"
            f" (expected {of} {expected}, found {en_found}); nothing was written",
        )
        self.case_id = case_id
        self.expected = expected
        self.actual = actual
        self.of = of


class CaseUnreadable(StoreError):
    """A case row in the store cannot be read back as a case (edited or corrupted)."""

    code = "case_unreadable"

    def __init__(self, case_id: str, column: str, detail: str) -> None:
        super().__init__(
            f"อ่านเรื่อง '{case_id}' จากที่เก็บข้อมูลไม่ได้: ช่อง '{column}' "
            "ไม่ใช่ข้อมูลที่ระบบบันทึก (ถูกแก้ไขหรือเสียหาย)",
            f"case '{case_id}' cannot be read from the store: its '{column}' is not valid "
            f"({detail})",
        )
        self.case_id = case_id
        self.column = column
        self.detail = detail


class EventUnreadable(CaseUnreadable):
    """An event of a case's trail cannot be read back as an event (its stored text was
    edited or corrupted): whatever read the trail stops at it; ``audit verify`` names it."""

    code = "event_unreadable"

    def __init__(self, case_id: str, pos: int, detail: str) -> None:
        StoreError.__init__(
            self,
            f"อ่านเหตุการณ์ลำดับที่ {pos} ของเรื่อง '{case_id}' จากที่เก็บข้อมูลไม่ได้ "
            "ไม่ใช่เหตุการณ์ที่ระบบบันทึก (ถูกแก้ไขหรือเสียหาย) ตรวจด้วยคำสั่ง audit verify",
            f"event #{pos} of case '{case_id}' cannot be read from the store: it is not an "
            f"event the engine writes ({detail}); run audit verify",
        )
        self.case_id = case_id
        self.pos = pos
        self.column = f"event #{pos}"
        self.detail = detail


class ForeignStore(StoreError):
    """The database is not one of ours (or not at a schema this version reads); nothing
    was read from it or written to it."""

    code = "foreign_store"


class UnsupportedStore(StoreError):
    """The store URL names a scheme this installation cannot open."""

    code = "unsupported_store"

    def __init__(self, url: str) -> None:
        # Only the scheme is repeated: the rest may hold a password (user:secret@host,
        # ?password=...).
        scheme, sep, _ = url.partition("://")
        shown = f"{scheme}{sep}..." if sep else "..."
        super().__init__(
            f"ไม่รู้จักที่เก็บข้อมูล '{shown}' (ใช้ memory://, sqlite:///PATH หรือ postgresql://...)",
            f"cannot open store '{shown}' (use memory://, sqlite:///PATH or postgresql://...)",
        )
        self.url = shown


__all__ = [
    "BadActorId",
    "BadMigration",
    "CaseNotFound",
    "CaseUnreadable",
    "ConcurrentUpdate",
    "DefinitionError",
    "DirectoryError",
    "FlowError",
    "ForeignStore",
    "GuardRejected",
    "InvalidCheckpoint",
    "InvalidData",
    "InvalidKey",
    "KeyRequired",
    "MigrationRefused",
    "NotAuthorized",
    "NotSealed",
    "Problem",
    "PublishFailed",
    "Reason",
    "Refused",
    "StoreError",
    "TriggerNotAllowed",
    "UnknownFlow",
    "UnknownTrigger",
    "UnsupportedStore",
    "WrongKey",
]
