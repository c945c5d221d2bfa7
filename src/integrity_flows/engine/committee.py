"""Deciding committee acts and collective transitions.

A committee act (appoint, declare a conflict, open a meeting, attend, vote, decide,
close the meeting) is a transition of the committee's case whose data names the
act's parameters (by id or by Thai or English label, like fields). Deciding it
checks who acts (the appointing role, a member, the chair), the meeting, recusal and
quorum, and yields the act the audit event records and the record applies.

A collective transition (``decided_by``) fires only when the committee's last
resolution on its motion, about the case's subject, has the required result and was
taken since the case entered its state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import attrs

from integrity_flows import committees as rec
from integrity_flows.actor import Actor
from integrity_flows.audit.records import iso
from integrity_flows.case import Case
from integrity_flows.definition.model import Committee, FlowDefinition, Label, Transition
from integrity_flows.errors import Reason

#: The parameters of committee acts, with the labels people may use for them.
PARAMS: dict[str, Label] = {
    "order": Label("เลขที่คำสั่ง", "order"),
    "chair": Label("ประธาน", "chair"),
    "members": Label("กรรมการ", "members"),
    "secretary": Label("เลขานุการ", "secretary"),
    "subject": Label("ผู้เกี่ยวข้อง", "subject"),
    "relation": Label("ความเกี่ยวข้อง", "relation"),
    "detail": Label("รายละเอียด", "detail"),
    "present": Label("ผู้เข้าประชุม", "present"),
    "motion": Label("วาระ", "motion"),
    "vote": Label("ออกเสียง", "vote"),
    "minutes": Label("รายงานการประชุม", "minutes"),
}
ACT_PARAMS: dict[str, tuple[str, ...]] = {
    "appoint": ("order", "chair", "members", "secretary"),
    "declare_conflict": ("subject", "relation", "detail"),
    "open_meeting": ("present",),
    "attend": (),
    "vote": ("motion", "subject", "vote"),
    "decide": ("motion", "subject"),
    "close_meeting": ("minutes",),
}
_VOTE_WORDS = {
    "yes": ("yes", "y", "aye", "approve", "เห็นชอบ", "เห็นด้วย", "อนุมัติ", "ใช่"),
    "no": ("no", "n", "nay", "reject", "ไม่เห็นชอบ", "ไม่เห็นด้วย", "ไม่อนุมัติ", "ไม่ใช่"),
    "abstain": ("abstain", "งดออกเสียง"),
}
_SEAT_LABELS = {
    "chair": Label("ประธานกรรมการ", "chair"),
    "member": Label("กรรมการ", "member"),
    "secretary": Label("เลขานุการ", "secretary"),
}
_SPLIT = re.compile(r"\s*(?:,|、|\sและ\s|\sand\s)\s*")


@attrs.frozen
class ActDecision:
    """What deciding a committee act found: the act, or the reasons it is refused."""

    act: Mapping[str, Any] | None = None
    authority: tuple[Reason, ...] = ()
    conditions: tuple[Reason, ...] = ()
    data: tuple[Reason, ...] = ()


def split_params(
    committee: Committee, act: str, given: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """``given`` split into the act's parameters (by id or label) and case data."""
    wanted = ACT_PARAMS[act]
    params: dict[str, Any] = {}
    rest: dict[str, Any] = {}
    for key, value in given.items():
        name = _param_name(committee, key, wanted)
        if name is None:
            rest[key] = value
        else:
            params[name] = value
    return params, rest


def _param_name(committee: Committee, key: str, wanted: tuple[str, ...]) -> str | None:
    for name in wanted:
        if key == name or PARAMS[name].matches(key):
            return name
        if name == "subject" and committee.subject.matches(key):
            return name
    return None


def _people(value: Any) -> list[str]:
    items = value if isinstance(value, list | tuple) else _SPLIT.split(str(value or ""))
    return [str(item).strip() for item in items if str(item).strip()]


def _missing(committee: Committee, name: str) -> Reason:
    label = committee.subject if name == "subject" else PARAMS[name]
    return Reason("missing_field", f"ต้องระบุ '{label.th}'", f"'{label.en}' is required")


def _motion_id(committee: Committee, value: Any) -> str | None:
    text = str(value or "")
    if text in committee.motions:
        return text
    return next((m for m, label in committee.motions.items() if label.matches(text)), None)


def _vote(value: Any) -> str | None:
    folded = str(value or "").strip().casefold()
    return next((v for v, words in _VOTE_WORDS.items() if folded in words), None)


def decide_act(
    definition: FlowDefinition,
    case: Case,
    transition: Transition,
    actor: Actor,
    params: Mapping[str, Any],
    now: datetime,
    *,
    check_params: bool = True,
    person: Callable[[str], Actor | None] | None = None,
) -> ActDecision:
    """May ``actor`` perform the committee act of ``transition`` with ``params``?

    With ``check_params`` off (listing what an actor may do) only who acts and the
    meeting are checked.
    """
    assert transition.committee is not None
    name, kind = transition.committee.name, transition.committee.act
    committee = definition.committees[name]
    record = case.data.get(name)
    act: dict[str, Any] = {"name": name, "act": kind, "at": iso(now), "by": actor.id}
    check = _Check(committee, record, actor, check_params, definition.label_of_role)
    if kind == "appoint":
        check.appoint(act, params)
        check.seats_held(definition, act, person)
    elif not rec.appointed(record):
        check.condition("committee", "ยังไม่ได้แต่งตั้งคณะกรรมการ", "the committee is not appointed yet")
    else:
        getattr(check, kind)(act, params)
    if check.authority or check.conditions or check.data or not check_params:
        return ActDecision(None, tuple(check.authority), tuple(check.conditions), tuple(check.data))
    return ActDecision(act)


class _Check:
    """Collects the reasons one act is refused, filling in the act as it goes."""

    def __init__(
        self,
        committee: Committee,
        record: Any,
        actor: Actor,
        check_params: bool,
        role_label: Callable[[str], Label] | None = None,
    ) -> None:
        self.committee = committee
        self.role_label = role_label
        self.record: Mapping[str, Any] = record or rec.empty()
        self.actor = actor
        self.check_params = check_params
        self.authority: list[Reason] = []
        self.conditions: list[Reason] = []
        self.data: list[Reason] = []
        self.voting = rec.voting_members(self.record, secretary_votes=committee.secretary_votes)

    def condition(self, code: str, th: str, en: str) -> None:
        self.conditions.append(Reason(code, th, en))

    def refuse(self, code: str, th: str, en: str) -> None:
        self.authority.append(Reason(code, th, en))

    def need(self, params: Mapping[str, Any], name: str) -> Any:
        value = params.get(name)
        if self.check_params and value in (None, "", []):
            self.data.append(_missing(self.committee, name))
        return value

    # --- who acts ---------------------------------------------------------------

    def _roles_of(self, seat: str) -> tuple[str, ...]:
        """The roles whoever sits in ``seat`` (chair, member, secretary) must hold one of
        (none: any one may sit)."""
        spec = {"chair": self.committee.chair, "secretary": self.committee.secretary}.get(
            seat, self.committee.members
        )
        role = getattr(spec, "role", None)
        return (role,) if role is not None else tuple(getattr(spec, "roles", ()))

    def _seat_role(self, seat: str) -> None:
        roles = self._roles_of(seat)
        if roles and not any(self.actor.holds(role) for role in roles):
            label = _SEAT_LABELS[seat]
            th_roles, en_roles = "' หรือ '".join(roles), "' or '".join(roles)
            if self.role_label is not None:
                labels = [self.role_label(role) for role in roles]
                th_roles += "' (" + " หรือ ".join(x.th for x in labels) + ")"
                en_roles += "' (" + " or ".join(x.en for x in labels) + ")"
            else:
                th_roles, en_roles = th_roles + "'", en_roles + "'"
            self.refuse(
                "seat_role",
                f"ผู้ดำรงตำแหน่ง{label.th}ต้องมีบทบาท '{th_roles}",
                f"the {label.en} must hold the role '{en_roles}",
            )

    def member(self) -> str | None:
        seat = rec.seat_of(self.record, self.actor.id)
        if seat is None:
            self.refuse(
                "member",
                f"'{self.actor.id}' ไม่ใช่กรรมการใน{self.committee.label.th}",
                f"'{self.actor.id}' is not a member of the {self.committee.label.en}",
            )
            return None
        self._seat_role(seat)
        return seat

    def runner(self) -> None:
        seat = rec.seat_of(self.record, self.actor.id)
        if seat not in self.committee.run_by:
            who_th = " หรือ ".join(_SEAT_LABELS[s].th for s in self.committee.run_by)
            who_en = " or ".join(_SEAT_LABELS[s].en for s in self.committee.run_by)
            self.refuse(
                "chair",
                f"ต้องเป็น{who_th}ของ{self.committee.label.th}",
                f"only the {who_en} of the {self.committee.label.en} may do this",
            )
        else:
            self._seat_role(seat)

    def meeting(self) -> Mapping[str, Any] | None:
        meeting = rec.open_meeting(self.record)
        if meeting is None:
            self.condition("meeting", "ยังไม่ได้เปิดประชุม", "no meeting is in session")
        return meeting

    def subject_and_motion(self, act: dict[str, Any], params: Mapping[str, Any]) -> None:
        if params.get("motion") in (None, "") and len(self.committee.motions) == 1:
            # A committee with one motion need not have it named.
            params = {**params, "motion": next(iter(self.committee.motions))}
        motion = self.need(params, "motion")
        if motion not in (None, ""):
            found = _motion_id(self.committee, motion)
            if found is None:
                choices = ", ".join(self.committee.motions)
                self.data.append(
                    Reason(
                        "bad_value",
                        f"ไม่มีวาระ '{motion}' ในคณะกรรมการนี้",
                        f"no motion '{motion}' (one of: {choices})",
                    )
                )
            act["motion"] = found
        act["subject"] = str(params.get("subject") or "")

    def recused(self, subject: str) -> None:
        why = rec.recusal(self.record, self.actor.id, subject)
        if why is not None:
            own = why["why"] == "own"
            self.refuse(
                "recused",
                "ต้องงดเว้นการพิจารณา (มีส่วนได้เสีย"
                + (": เป็นเรื่องของตนเอง)" if own else f": {why.get('relation')})"),
                "recused (conflict of interest"
                + (": their own matter)" if own else f": {why.get('relation')})"),
            )

    # --- the acts ---------------------------------------------------------------

    def appoint(self, act: dict[str, Any], params: Mapping[str, Any]) -> None:
        if rec.open_meeting(self.record) is not None:
            self.condition(
                "meeting", "แต่งตั้งใหม่ระหว่างการประชุมไม่ได้", "cannot reappoint during a meeting"
            )
        act["order"] = str(self.need(params, "order") or "")
        chair = _people(params.get("chair"))
        members = _people(params.get("members"))
        secretary = _people(params.get("secretary"))
        for seat, spec, found in (
            ("chair", self.committee.chair, chair),
            ("secretary", self.committee.secretary, secretary),
        ):
            if spec is not None and not found:
                self.need(params, seat)
            if len(found) > 1 or (spec is None and found):
                label = PARAMS[seat]
                self.data.append(
                    Reason(
                        "composition",
                        f"'{label.th}' มีได้ไม่เกิน {1 if spec else 0} คน",
                        f"at most {1 if spec else 0} {label.en} may be appointed",
                    )
                )
        rule = self.committee.members
        if self.check_params and (
            len(members) < rule.min or (rule.max is not None and len(members) > rule.max)
        ):
            th = f"อย่างน้อย {rule.min}" if rule.max is None else f"{rule.min}-{rule.max}"
            en = f"at least {rule.min}" if rule.max is None else f"{rule.min}-{rule.max}"
            self.data.append(
                Reason(
                    "composition",
                    f"ต้องแต่งตั้งกรรมการ{th} คน (ระบุ {len(members)} คน)",
                    f"{en} members must be appointed ({len(members)} named)",
                )
            )
        everyone = [*chair, *members, *secretary]
        doubled = sorted({p for p in everyone if everyone.count(p) > 1})
        if doubled:
            self.data.append(
                Reason(
                    "composition",
                    f"แต่งตั้งบุคคลเดียวกันซ้ำ: {', '.join(doubled)}",
                    f"appointed more than once: {', '.join(doubled)}",
                )
            )
        act.update(
            chair=chair[0] if chair else None,
            members=members,
            secretary=secretary[0] if secretary else None,
        )

    def seats_held(
        self,
        definition: FlowDefinition,
        act: Mapping[str, Any],
        person: Callable[[str], Actor | None] | None,
    ) -> None:
        """Each appointee the host's directory knows holds the role of their seat."""
        if person is None:
            return
        seats = (
            ("chair", [act.get("chair")]),
            ("secretary", [act.get("secretary")]),
            ("member", act.get("members") or []),
        )
        for seat, people in seats:
            roles = self._roles_of(seat)
            if not roles:
                continue
            for name in people:
                known = person(name) if name else None
                held_ids = {definition.role_id(r) or r for r in known.roles} if known else set()
                if known is None or not held_ids.isdisjoint(roles):
                    continue
                label = _SEAT_LABELS[seat]
                labels = [definition.label_of_role(role) for role in roles]
                held = Label(" หรือ ".join(x.th for x in labels), " or ".join(x.en for x in labels))
                self.data.append(
                    Reason(
                        "composition",
                        f"'{name}' ไม่ได้ดำรงตำแหน่ง{held.th} จึงเป็น{label.th}ไม่ได้",
                        f"'{name}' does not hold the post {held.en} of the {label.en}'s seat",
                    )
                )

    def declare_conflict(self, act: dict[str, Any], params: Mapping[str, Any]) -> None:
        self.member()
        subject = str(self.need(params, "subject") or "")
        relation = str(self.need(params, "relation") or "")
        if subject and rec.recusal(self.record, self.actor.id, subject) is not None:
            self.condition(
                "declared",
                f"แจ้งส่วนได้เสียเกี่ยวกับ '{subject}' ไว้แล้ว",
                f"a conflict with '{subject}' is already declared",
            )
        act.update(
            member=self.actor.id,
            subject=subject,
            relation=relation,
            detail=str(params.get("detail") or "") or None,
        )

    def open_meeting(self, act: dict[str, Any], params: Mapping[str, Any]) -> None:
        self.runner()
        if rec.open_meeting(self.record) is not None:
            self.condition("meeting", "มีการประชุมที่ยังไม่ปิด", "a meeting is already in session")
        present = [self.actor.id, *_people(params.get("present"))]
        present = list(dict.fromkeys(present))
        strangers = [p for p in present if rec.seat_of(self.record, p) is None]
        if strangers:
            self.data.append(
                Reason(
                    "not_member",
                    f"ไม่ใช่กรรมการ: {', '.join(strangers)}",
                    f"not members of the committee: {', '.join(strangers)}",
                )
            )
        act.update(meeting=len(self.record.get("meetings", [])) + 1, present=present)

    def attend(self, act: dict[str, Any], _: Mapping[str, Any]) -> None:
        self.member()
        meeting = self.meeting()
        if meeting is not None and self.actor.id in meeting["present"]:
            self.condition("present", "ลงชื่อเข้าประชุมแล้ว", "already present")
        act.update(member=self.actor.id, meeting=meeting["no"] if meeting else None)

    def vote(self, act: dict[str, Any], params: Mapping[str, Any]) -> None:
        seat = self.member()
        if seat is not None and self.actor.id not in self.voting:
            self.refuse("member", "เลขานุการไม่มีสิทธิ์ออกเสียง", "the secretary does not vote")
        meeting = self.meeting()
        if meeting is not None and self.actor.id not in meeting["present"]:
            self.condition(
                "present", "ต้องเข้าประชุมก่อนออกเสียง", "must be present at the meeting to vote"
            )
        self.subject_and_motion(act, params)
        self.recused(act["subject"])
        given = self.need(params, "vote")
        vote = _vote(given)
        if given not in (None, "") and vote is None:
            self.data.append(
                Reason(
                    "bad_value",
                    f"การออกเสียง '{given}' ต้องเป็น เห็นชอบ ไม่เห็นชอบ หรือ งดออกเสียง",
                    f"vote '{given}' must be yes, no or abstain",
                )
            )
        if act.get("motion") and any(
            v["member"] == self.actor.id
            for v in rec.open_votes(self.record, act["motion"], act["subject"])
        ):
            self.condition("voted", "ออกเสียงในวาระนี้แล้ว", "has already voted on this motion")
        act.update(member=self.actor.id, meeting=meeting["no"] if meeting else None, vote=vote)

    def decide(self, act: dict[str, Any], params: Mapping[str, Any]) -> None:
        self.runner()
        meeting = self.meeting()
        self.subject_and_motion(act, params)
        if meeting is None or not act.get("motion"):
            return
        subject = act["subject"]
        votes = rec.open_votes(self.record, act["motion"], subject)
        recused = [
            why for p in self.voting if (why := rec.recusal(self.record, p, subject)) is not None
        ]
        out = {r["member"] for r in recused}
        eligible = [p for p in meeting["present"] if p in self.voting and p not in out]
        quorum = rec.quorum_of(self.committee.quorum, len(self.voting))
        if len(eligible) < quorum:
            self.condition(
                "quorum",
                f"ไม่ครบองค์ประชุม: กรรมการผู้มีสิทธิ์ออกเสียงอยู่ในที่ประชุม {len(eligible)} คน "
                f"ต้องมีอย่างน้อย {quorum} คน จาก {len(self.voting)} คน",
                f"no quorum: {len(eligible)} eligible members present, {quorum} of "
                f"{len(self.voting)} needed",
            )
        if not votes:
            self.condition("votes", "ยังไม่มีการออกเสียงในวาระนี้", "no votes on this motion yet")
        result, by = rec.tally(votes, (self.record.get("seats") or {}).get("chair"))
        act["resolution"] = {
            "number": len(self.record.get("resolutions", [])) + 1,
            "meeting": meeting["no"],
            "motion": act["motion"],
            "subject": subject,
            "result": result,
            **by,
            "recused": recused,
            "present": list(meeting["present"]),
            "eligible": len(eligible),
            "quorum": quorum,
            "at": act["at"],
            "by": self.actor.id,
        }

    def close_meeting(self, act: dict[str, Any], params: Mapping[str, Any]) -> None:
        self.runner()
        meeting = self.meeting()
        act.update(
            meeting=meeting["no"] if meeting else None,
            minutes=str(self.need(params, "minutes") or ""),
        )


def check_decided(
    definition: FlowDefinition,
    case: Case,
    transition: Transition,
    parent: Case | None,
    parent_definition: FlowDefinition | None,
    used: Callable[[str, str, str, str], int] = lambda *_: 0,
) -> tuple[Reason | None, Mapping[str, Any] | None]:
    """Why the collective ``transition`` may not fire yet, or the resolution it rests on.

    A resolution counts once per case: ``used(home case, committee, motion, subject)``
    is the number of the last one this case's moves already rested on, and only a later
    one counts (a rejection that sent an item back does not send it back again).
    """
    decided = transition.decided_by
    assert decided is not None
    home, home_definition = (
        (case, definition) if decided.of == "self" else (parent, parent_definition)
    )
    committee = home_definition.committees.get(decided.committee) if home_definition else None
    if home is None or committee is None:
        return Reason(
            "committee",
            f"ไม่พบคณะกรรมการ '{decided.committee}' ของเรื่องหลัก",
            f"the parent case's committee '{decided.committee}' was not found",
        ), None
    subject = str(case.data.get(decided.subject) or "") if decided.subject else ""
    motion = committee.motions[decided.motion]
    resolution = rec.latest_resolution(home.data.get(decided.committee), decided.motion, subject)
    about_th = f" เรื่องของ '{subject}'" if subject else ""
    about_en = f" about '{subject}'" if subject else ""
    if (
        resolution is None
        or resolution["at"] < iso(case.entered_at)
        # read from the case's trail only when a resolution could still count
        or int(resolution.get("number") or 0)
        <= used(home.id, decided.committee, decided.motion, subject)
    ):
        return Reason(
            "committee",
            f"ยังไม่มีมติ{committee.label.th}ในวาระ '{motion.th}'{about_th}",
            f"no resolution of the {committee.label.en} on '{motion.en}'{about_en} yet",
        ), None
    if resolution["result"] != decided.result:
        return Reason(
            "committee",
            f"มติ{committee.label.th}ในวาระ '{motion.th}'{about_th} คือ "
            f"{'เห็นชอบ' if resolution['result'] == 'carried' else 'ไม่เห็นชอบ'}",
            f"the {committee.label.en} resolved '{motion.en}'{about_en}: {resolution['result']}",
        ), None
    return None, {"committee": decided.committee, "case": home.id, **resolution}
