"""Who may act: an actor checked against the host's directory on the day of the action.

With a :class:`~integrity_flows.protocols.Directory`, the actor the engine decides on is
the directory's: the roles, unit and posts it gives the person that day. An actor the
directory does not know, or who claims a role or a unit it does not give them that day,
is refused (:class:`~integrity_flows.errors.NotAuthorized`); the engine records the
refusal and nothing else. Claimed roles narrow what the person acts as (a person with
two roles may act in one); no roles claimed means every role the directory gives.
Without a directory the host vouches for its actors, as before.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from integrity_flows.actor import SYSTEM, Actor
from integrity_flows.calendars import english_date, thai_date, thai_day
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.errors import NotAuthorized, Reason
from integrity_flows.protocols import Directory


def with_role_ids(definition: FlowDefinition, actor: Actor) -> Actor:
    """``actor`` with each role written as a Thai or English label of one of
    ``definition``'s roles replaced by that role's id (as the command line and the
    Gherkin steps resolve them). A name that is neither an id nor a label of this flow is
    kept as given: it may be a role of another flow, and grants nothing here."""
    resolved = frozenset(definition.role_id(role) or role for role in actor.roles)
    return actor if resolved == actor.roles else attrs.evolve(actor, roles=resolved)


def vouched(
    directory: object,
    actor: Actor,
    now: datetime,
    *,
    case_id: str | None,
    trigger: str | None,
    state: str | None,
) -> tuple[Actor, NotAuthorized | None]:
    """The actor to decide on, or the refusal: unknown person, role or unit not given."""
    if directory is None or actor == SYSTEM or not isinstance(directory, Directory):
        return actor, None
    day = thai_day(now)
    known = directory.actor_on(actor.id, day)
    reasons: list[Reason] = []
    if known is None:
        reasons.append(
            Reason(
                "directory",
                f"ไม่พบ '{actor.id}' ในทะเบียนบุคลากร",
                f"'{actor.id}' is not in the directory",
            )
        )
    else:
        claimed = sorted(actor.roles - known.roles)
        if claimed:
            reasons.append(
                Reason(
                    "directory",
                    f"ทะเบียนบุคลากรไม่ได้ให้บทบาท {', '.join(claimed)} แก่ '{actor.id}' "
                    f"ณ วันที่ {thai_date(day, digits=False)}",
                    f"the directory does not give '{actor.id}' the role(s) "
                    f"{', '.join(claimed)} on {english_date(day)}",
                )
            )
        if actor.unit is not None and actor.unit != known.unit:
            reasons.append(
                Reason(
                    "directory",
                    f"ทะเบียนบุคลากรระบุสังกัดของ '{actor.id}' เป็น '{known.unit or '-'}' "
                    f"ไม่ใช่ '{actor.unit}'",
                    f"the directory puts '{actor.id}' in unit '{known.unit or '-'}', "
                    f"not '{actor.unit}'",
                )
            )
    if reasons or known is None:
        why_th = "; ".join(r.th for r in reasons)
        why_en = "; ".join(r.en for r in reasons)
        return actor, NotAuthorized(
            f"ดำเนินการไม่ได้ เพราะไม่มีสิทธิ์: {why_th}",
            f"cannot act, not authorized: {why_en}",
            case_id=case_id,
            trigger=trigger,
            state=state,
            reasons=reasons,
        )
    roles = actor.roles or known.roles
    return Actor(known.id, roles=roles, unit=known.unit, name=known.name, posts=known.posts), None


__all__ = ["vouched"]
