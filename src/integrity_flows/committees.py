"""A committee's record, kept in its case's data and rebuilt from the audit trail.

A committee declared in a flow lives in the data of the case that declares it, under
the committee's name: who was appointed by which order, the conflicts members
declared, the meetings with who was present and the minutes, the votes not yet
decided, and every resolution with its tally. Each act (appoint, declare a conflict,
open a meeting, attend, vote, decide, close the meeting) is one audit event carrying
the act; :func:`apply` is the one function that turns acts into the record, used by
the engine when it writes and by ``verify`` when it replays the trail.

Everything here is plain JSON data, so it is stored, hashed and compared as is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from integrity_flows.identity import same_person

Record = dict[str, Any]

ACTS = ("appoint", "declare_conflict", "open_meeting", "attend", "vote", "decide", "close_meeting")
VOTES = ("yes", "no", "abstain")


def empty() -> Record:
    """The record of a committee not yet appointed."""
    return {
        "order": None,
        "appointed_at": None,
        "appointed_by": None,
        "seats": {"chair": None, "members": [], "secretary": None},
        "conflicts": [],
        "meetings": [],
        "votes": [],
        "resolutions": [],
    }


def apply(record: Mapping[str, Any] | None, act: Mapping[str, Any]) -> Record:
    """The record after ``act`` (a new record; ``record`` is not changed)."""
    new = _copy(record if record else empty())
    kind = act["act"]
    if kind == "appoint":
        new["order"] = act["order"]
        new["appointed_at"] = act["at"]
        new["appointed_by"] = act["by"]
        new["seats"] = {
            "chair": act.get("chair"),
            "members": list(act.get("members", [])),
            "secretary": act.get("secretary"),
        }
    elif kind == "declare_conflict":
        new["conflicts"].append(
            {k: act.get(k) for k in ("member", "subject", "relation", "detail", "at")}
        )
    elif kind == "open_meeting":
        new["meetings"].append(
            {
                "no": act["meeting"],
                "opened_at": act["at"],
                "opened_by": act["by"],
                "present": list(act.get("present", [])),
                "closed_at": None,
                "minutes": None,
            }
        )
    elif kind == "attend":
        new["meetings"][-1]["present"].append(act["member"])
    elif kind == "vote":
        keys = ("meeting", "motion", "subject", "member", "vote", "at")
        new["votes"].append({k: act.get(k) for k in keys})
    elif kind == "decide":
        resolution = dict(act["resolution"])
        new["resolutions"].append(resolution)
        key = (resolution["motion"], resolution["subject"])
        new["votes"] = [v for v in new["votes"] if (v["motion"], v["subject"]) != key]
    elif kind == "close_meeting":
        meeting = new["meetings"][-1]
        meeting["closed_at"] = act["at"]
        meeting["minutes"] = act.get("minutes")
        # Votes not decided lapse with the meeting: a later meeting votes afresh.
        new["votes"] = []
    else:
        msg = f"unknown committee act {kind!r}"
        raise ValueError(msg)
    return new


def _copy(record: Mapping[str, Any]) -> Record:
    return {
        "order": record.get("order"),
        "appointed_at": record.get("appointed_at"),
        "appointed_by": record.get("appointed_by"),
        "seats": dict(record.get("seats") or empty()["seats"]),
        "conflicts": [dict(c) for c in record.get("conflicts", [])],
        "meetings": [
            {**m, "present": list(m.get("present", []))} for m in record.get("meetings", [])
        ],
        "votes": [dict(v) for v in record.get("votes", [])],
        "resolutions": [dict(r) for r in record.get("resolutions", [])],
    }


# --- reading a record -----------------------------------------------------------


def appointed(record: Mapping[str, Any] | None) -> bool:
    """True once an order has appointed the committee."""
    return bool(record and record.get("order"))


def seat_of(record: Mapping[str, Any], person: str) -> str | None:
    """``chair``, ``member`` or ``secretary`` for an appointed person, else None."""
    seats = record.get("seats") or {}
    if same_person(seats.get("chair"), person):
        return "chair"
    if same_person(seats.get("secretary"), person):
        return "secretary"
    if any(same_person(member, person) for member in seats.get("members") or []):
        return "member"
    return None


def voting_members(record: Mapping[str, Any], *, secretary_votes: bool = True) -> list[str]:
    """Everyone who votes: the chair, the members and (unless excluded) the secretary."""
    seats = record.get("seats") or {}
    people = [seats.get("chair"), *(seats.get("members") or [])]
    if secretary_votes:
        people.append(seats.get("secretary"))
    return [p for p in people if p]


def open_meeting(record: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """The meeting in session, if any."""
    meetings = (record or {}).get("meetings") or []
    if meetings and meetings[-1].get("closed_at") is None:
        last: Mapping[str, Any] = meetings[-1]
        return last
    return None


def recusal(record: Mapping[str, Any], member: str, subject: str) -> Mapping[str, Any] | None:
    """Why ``member`` may not take part in the item about ``subject``, or None.

    A member never judges their own matter, nor one of a person they declared a
    conflict with (a relative, say).
    """
    if not subject:
        return None
    if member == subject:
        return {"member": member, "why": "own", "relation": "self"}
    for conflict in record.get("conflicts", []):
        if conflict.get("member") == member and conflict.get("subject") == subject:
            return {
                "member": member,
                "why": "declared",
                "relation": conflict.get("relation"),
                "detail": conflict.get("detail"),
            }
    return None


def quorum_of(rule: int | str, seats: int) -> int:
    """How many members make a quorum of ``seats``: a count, ``"n/d"`` (at least that
    share), or ``"majority"`` (more than half)."""
    if isinstance(rule, int):
        return rule
    if rule == "majority":
        return seats // 2 + 1
    top, _, bottom = rule.partition("/")
    numerator, denominator = int(top), int(bottom)
    return -(-seats * numerator // denominator)  # ceiling


def open_votes(record: Mapping[str, Any], motion: str, subject: str) -> list[Mapping[str, Any]]:
    """The votes cast on (``motion``, ``subject``) and not yet decided."""
    return [v for v in record.get("votes", []) if (v["motion"], v["subject"]) == (motion, subject)]


def tally(
    votes: Iterable[Mapping[str, Any]], chair: str | None
) -> tuple[str, dict[str, list[str]]]:
    """``carried`` or ``rejected``, and who voted how.

    More yes than no carries; more no rejects; on a tie the chair's vote decides (the
    chair's casting vote), and without one the motion is not carried.
    """
    by: dict[str, list[str]] = {vote: [] for vote in VOTES}
    for vote in votes:
        by[vote["vote"]].append(vote["member"])
    yes, no = len(by["yes"]), len(by["no"])
    if yes != no:
        return ("carried" if yes > no else "rejected"), by
    return ("carried" if chair in by["yes"] else "rejected"), by


def latest_resolution(
    record: Mapping[str, Any] | None, motion: str, subject: str
) -> Mapping[str, Any] | None:
    """The last resolution on (``motion``, ``subject``), if any."""
    for resolution in reversed((record or {}).get("resolutions", [])):
        if (resolution["motion"], resolution["subject"]) == (motion, subject):
            found: Mapping[str, Any] = resolution
            return found
    return None


_VOTE_TH = {"yes": "เห็นชอบ", "no": "ไม่เห็นชอบ", "abstain": "งดออกเสียง"}
_RESULT_TH = {"carried": "เห็นชอบ", "rejected": "ไม่เห็นชอบ"}


def _about(act: Mapping[str, Any]) -> tuple[str, str]:
    about = act.get("subject") or ""
    return (f" เรื่องของ {about}", f" about {about}") if about else ("", "")


def _appoint_words(act: Mapping[str, Any]) -> tuple[str, str]:
    people = ", ".join(act.get("members") or [])
    return (
        f"แต่งตั้งตามคำสั่ง {act.get('order')}: ประธาน {act.get('chair')} "
        f"กรรมการ {people} เลขานุการ {act.get('secretary')}",
        f"appointed by order {act.get('order')}: chair {act.get('chair')}, members "
        f"{people}, secretary {act.get('secretary')}",
    )


def _conflict_words(act: Mapping[str, Any]) -> tuple[str, str]:
    th, en = _about(act)
    return (
        f"{act.get('member')} แจ้งส่วนได้เสีย ({act.get('relation')}){th} และงดเว้นการพิจารณา",
        f"{act.get('member')} declared a conflict ({act.get('relation')}){en} and is recused",
    )


def _open_words(act: Mapping[str, Any]) -> tuple[str, str]:
    present = ", ".join(act.get("present") or [])
    return (
        f"เปิดประชุมครั้งที่ {act.get('meeting')} ผู้เข้าประชุม {present}",
        f"opened meeting {act.get('meeting')}, present: {present}",
    )


def _vote_words(act: Mapping[str, Any]) -> tuple[str, str]:
    th, en = _about(act)
    vote = str(act.get("vote"))
    return (
        f"{act.get('member')} ออกเสียง{_VOTE_TH.get(vote, vote)} วาระ {act.get('motion')}{th}",
        f"{act.get('member')} voted {vote} on {act.get('motion')}{en}",
    )


_WORDS: dict[str, Callable[[Mapping[str, Any]], tuple[str, str]]] = {
    "appoint": _appoint_words,
    "declare_conflict": _conflict_words,
    "open_meeting": _open_words,
    "attend": lambda a: (f"{a.get('member')} เข้าประชุม", f"{a.get('member')} attends"),
    "vote": _vote_words,
    "decide": lambda a: describe_resolution(a.get("resolution") or {}),
    "close_meeting": lambda a: (
        f"ปิดประชุมครั้งที่ {a.get('meeting')}",
        f"closed meeting {a.get('meeting')}",
    ),
}


def describe(act: Mapping[str, Any]) -> tuple[str, str]:
    """An act in words, Thai and English, as a history line shows it."""
    words = _WORDS.get(str(act.get("act")))
    return words(act) if words else (str(act.get("act")), str(act.get("act")))


def describe_resolution(resolution: Mapping[str, Any]) -> tuple[str, str]:
    """A resolution in words: the result, the tally, who was recused and why."""
    th_about, en_about = _about(resolution)
    result = str(resolution.get("result"))
    counts = [len(resolution.get(v) or []) for v in VOTES]
    recused = resolution.get("recused") or []
    th_recused = "".join(
        f"; {r['member']} งดเว้น ({'เรื่องของตนเอง' if r['why'] == 'own' else r.get('relation')})"
        for r in recused
    )
    en_recused = "".join(
        f"; {r['member']} recused ({'own matter' if r['why'] == 'own' else r.get('relation')})"
        for r in recused
    )
    return (
        f"มติที่ประชุมครั้งที่ {resolution.get('meeting')} วาระ {resolution.get('motion')}"
        f"{th_about}: {_RESULT_TH.get(result, result)} (เห็นชอบ {counts[0]} ไม่เห็นชอบ "
        f"{counts[1]} งดออกเสียง {counts[2]}; องค์ประชุม {resolution.get('eligible')}/"
        f"{resolution.get('quorum')}){th_recused}",
        f"resolution of meeting {resolution.get('meeting')} on {resolution.get('motion')}"
        f"{en_about}: {result} (yes {counts[0]}, no {counts[1]}, abstain {counts[2]}; "
        f"quorum {resolution.get('eligible')}/{resolution.get('quorum')}){en_recused}",
    )


__all__ = [
    "ACTS",
    "VOTES",
    "Record",
    "apply",
    "appointed",
    "describe",
    "describe_resolution",
    "empty",
    "latest_resolution",
    "open_meeting",
    "open_votes",
    "quorum_of",
    "recusal",
    "seat_of",
    "tally",
    "voting_members",
]
