"""Scenario support for complaints and sensitive data: tracking codes, following a
complaint as the complainant, reading sensitive data, and searching everywhere for a name.

Plain functions over a :class:`~integrity_flows.testing.world.World`, called by the step
definitions of :mod:`integrity_flows.testing.steps`. A case of a flow that declares
``tracking:`` is filed through the :class:`~integrity_flows.complaints.TrackingDesk`,
and its tracking code is kept in ``world.codes`` (by case id) as the complainant would keep it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from integrity_flows.complaints.desk import TrackingDesk, TrackingNotFound
from integrity_flows.complaints.progress import Progress
from integrity_flows.complaints.tracking import Throttle
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.errors import FlowError, Refused
from integrity_flows.stores import SQLiteStore

if TYPE_CHECKING:
    from integrity_flows.actor import Actor
    from integrity_flows.case import Case
    from integrity_flows.testing.world import World


def _fail(message: str) -> AssertionError:
    # Imported here: the world module imports this one.
    from integrity_flows.testing.world import StepFailed  # noqa: PLC0415

    return StepFailed(message)


def tracked(definition: FlowDefinition | None) -> bool:
    """True for a flow whose cases carry a tracking code (``tracking:``)."""
    return definition is not None and definition.tracking is not None


def desk(world: World, flow_id: str) -> TrackingDesk:
    """The scenario's tracking desk for ``flow_id`` (no waiting: the throttle never sleeps)."""
    return TrackingDesk(world.engine, flow_id=flow_id, throttle=Throttle(sleep=lambda _: None))


def open_case(world: World, flow_id: str, who: Actor, data: Mapping[str, Any]) -> Case:
    """Start a case; a tracked one through the desk, keeping its code for the complainant."""
    if not tracked(world._flow(flow_id)):
        return world.engine.start(flow_id, actor=who, data=data)
    filed = desk(world, flow_id).file(actor=who, data=data)
    world.codes[filed.case.id] = filed.tracking_code
    return filed.case


def follow(world: World, case: str | None = None) -> Progress:
    """The complainant of the case follows it with their tracking code."""
    case_id = world.case_id(case)
    code = world.codes.get(case_id)
    if code is None:
        msg = (
            f"{world._case_name(case_id)} has no tracking code in this scenario / "
            "เรื่องนี้ไม่มีรหัสติดตามเรื่อง"
        )
        raise _fail(msg)
    flow_id = world.engine.get(case_id).flow_id
    try:
        world.followed = desk(world, flow_id).follow(code, source="scenario")
    except FlowError as exc:
        msg = f"following with the tracking code failed / ติดตามเรื่องไม่ได้: {exc}"
        raise _fail(msg) from exc
    return world.followed


def _progress(world: World) -> Progress:
    if world.followed is None:
        msg = "the complainant has not followed a case yet / ผู้ร้องเรียนยังไม่ได้ติดตามเรื่อง"
        raise _fail(msg)
    return world.followed


def expect_stage(world: World, stage: str) -> None:
    """What the complainant saw last shows ``stage`` (a state's id or label)."""
    progress = _progress(world)
    definition = world.definition()
    state = definition.state_id(stage)
    wanted = definition.label_of_state(state) if state else None
    if wanted is None or progress.stage != wanted:
        msg = (
            f'the complainant sees the stage "{progress.stage.th}" ({progress.stage.en}), '
            f'expected "{stage}" / ผู้ร้องเรียนเห็นสถานะ "{progress.stage.th}" ไม่ใช่ "{stage}"'
        )
        raise _fail(msg)


def expect_message(world: World, text: str) -> None:
    """A message the complainant saw contains ``text``."""
    progress = _progress(world)
    if not any(text in m.text for m in progress.messages):
        shown = "; ".join(m.text for m in progress.messages) or "none"
        msg = (
            f'no message to the complainant contains "{text}" (messages: {shown}) / '
            f'ไม่มีข้อความถึงผู้ร้องเรียนที่มี "{text}"'
        )
        raise _fail(msg)


def expect_unseen(world: World, word: str) -> None:
    """Nothing the complainant saw (in either language) contains ``word``."""
    shown = json.dumps(_progress(world).as_dict(), ensure_ascii=False)
    if word.casefold() in shown.casefold():
        msg = f'the complainant sees "{word}" / ผู้ร้องเรียนเห็น "{word}": {shown}'
        raise _fail(msg)


def expect_not_found(world: World, code: str) -> None:
    """Following with ``code`` finds nothing, with the one plain message for any wrong code."""
    flows = [d.id for d in world.engine.flows.latest() if tracked(d)]
    for flow_id in flows:
        try:
            found = desk(world, flow_id).follow(code, source="scenario")
        except TrackingNotFound as exc:
            if exc.message_en != TrackingNotFound().message_en:
                raise _fail(f"an unexpected message: {exc}") from exc
            continue
        msg = f'the code "{code}" found a complaint ({found.stage.en}) / รหัส "{code}" พบเรื่อง'
        raise _fail(msg)


def expect_code_issued(world: World, case: str | None = None) -> None:
    """The complainant holds a tracking code, and it is stored nowhere."""
    case_id = world.case_id(case)
    code = world.codes.get(case_id)
    if code is None:
        msg = f"{world._case_name(case_id)} issued no tracking code / ไม่มีการออกรหัสติดตามเรื่อง"
        raise _fail(msg)
    digits = code.replace("-", "")
    for form in (code, digits):
        where = places(world, form)
        if where:
            msg = f"the tracking code is stored in clear: {', '.join(where)} / พบรหัสติดตามเรื่อง"
            raise _fail(msg)


def places(world: World, word: str) -> list[str]:
    """Where ``word`` appears in clear: the audit trail, the cases, the database file."""
    found = []
    events = json.dumps([e.as_dict() for e in world.engine.events()], ensure_ascii=False)
    if word in events:
        found.append("the audit trail / บันทึกการตรวจสอบ")
    cases = json.dumps(
        [
            {"id": c.id, "data": dict(c.data), "actors": dict(c.actors)}
            for c in world.engine.cases()
        ],
        ensure_ascii=False,
        default=str,
    )
    if word in cases:
        found.append("the cases / ข้อมูลเรื่อง")
    store = world.engine.store
    if isinstance(store, SQLiteStore) and not store.volatile:
        for file in (Path(store.path), Path(f"{store.path}-wal")):
            if file.exists() and word.encode() in file.read_bytes():
                found.append(f"the database file {file.name} / แฟ้มฐานข้อมูล")
    return found


def expect_nowhere(world: World, word: str) -> None:
    """``word`` (a name, a telephone number) appears in clear nowhere the system keeps."""
    where = places(world, word)
    if where:
        msg = f'"{word}" appears in clear in {", ".join(where)} / พบ "{word}"'
        raise _fail(msg)


REVEAL_REASON = "ขอเปิดอ่านตามหน้าที่ / requested for duty"


def reveal(
    world: World, actor: str, field: str, reason: str, case: str | None, value: str | None
) -> Any:
    """``actor`` reads a sensitive field in clear, for ``reason``; it must be allowed (and
    read ``value`` when one is given)."""
    case_id = world.case_id(case)
    who = world.actor(actor, world.definition(case))
    try:
        found = world.engine.reveal(case_id, field, actor=who, reason=reason)
    except Refused as exc:
        msg = f'"{actor}" could not read "{field}" / "{actor}" เปิดอ่าน "{field}" ไม่ได้: {exc}'
        raise _fail(msg) from exc
    if value is not None and str(found) != value:
        msg = f'"{field}" reads "{found}", expected "{value}" / ค่าที่อ่านได้ไม่ตรง'
        raise _fail(msg)
    return found


def cannot_reveal(
    world: World, actor: str, field: str, because: str | None, case: str | None
) -> Refused:
    """``actor`` tries to read a sensitive field and is refused; the attempt is recorded."""
    case_id = world.case_id(case)
    definition = world.definition(case)
    who = world.actor(actor, definition)
    before = len(world.engine.history(case_id))
    try:
        world.engine.reveal(case_id, field, actor=who, reason=REVEAL_REASON)
    except Refused as exc:
        if because is not None and not exc.mentions(because):
            msg = (
                f'refused, but not because of "{because}" / ถูกปฏิเสธ แต่ไม่ใช่เพราะ "{because}": {exc}'
            )
            raise _fail(msg) from exc
        history = world.engine.history(case_id)
        if len(history) != before + 1 or history[-1].outcome != "refused":
            msg = "the refused reading is not recorded / การปฏิเสธการเปิดอ่านไม่ได้ถูกบันทึก"
            raise _fail(msg) from exc
        return exc
    msg = f'"{actor}" read "{field}" but should have been refused / "{actor}" เปิดอ่านได้ทั้งที่ควรถูกปฏิเสธ'
    raise _fail(msg)


__all__ = [
    "REVEAL_REASON",
    "cannot_reveal",
    "desk",
    "expect_code_issued",
    "expect_message",
    "expect_not_found",
    "expect_nowhere",
    "expect_stage",
    "expect_unseen",
    "follow",
    "open_case",
    "places",
    "reveal",
    "tracked",
]
