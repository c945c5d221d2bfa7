"""Verifying each event and each case against the definition it ran under.

The verifier (``audit.verify``) knows chains, not flows; these checks are handed to it by
the engine, which finds each flow version loaded or as the store keeps it
(:mod:`integrity_flows.engine.versions`). An event that moved a case must be a move its
own version allows (its start enters that version's initial state, a transition goes
where that version sends it, a migration enters a state of the version it moved to), a
case must run under a definition the engine can find, and every text the store keeps
must still be the text it was stored as.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from typing import Any

from integrity_flows.audit.verify import MIGRATED, Against, VerifyProblem
from integrity_flows.case import Case
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.engine.versions import Definitions, stored_source
from integrity_flows.errors import DefinitionError, FlowError
from integrity_flows.loading.reader import digest
from integrity_flows.safe_yaml import parse_yaml
from integrity_flows.stored import StoredDefinition, StoredEvent


def against(versions: Definitions) -> Against:
    """The checks of one verify run (definitions looked up once per version, each move
    judged once per version)."""
    known: dict[tuple[str, int], list[FlowDefinition]] = {}
    judged: dict[tuple[Any, ...], bool] = {}

    def event(stored: StoredEvent, body: Mapping[str, Any]) -> Iterable[VerifyProblem]:
        outcome = body.get("outcome")
        if outcome not in ("moved", MIGRATED):
            return ()
        flow_id, version = body.get("flow_id"), body.get("flow_version")
        if not isinstance(flow_id, str) or not isinstance(version, int):
            return ()
        move = (
            outcome,
            flow_id,
            version,
            body.get("trigger"),
            body.get("from_state"),
            body.get("to_state"),
        )
        try:
            allowed = judged[move]
        except (KeyError, TypeError):  # a move not judged yet, or a part not hashable
            found = known.get((flow_id, version))
            if found is None:
                found = known[(flow_id, version)] = versions.candidates(flow_id, version)
            # A definition that cannot be found is the case's problem (below).
            allowed = not found or any(_allows(d, body) for d in found)
            with contextlib.suppress(TypeError):
                judged[move] = allowed
        return () if allowed else (_not_allowed(stored, body, flow_id, version),)

    def case(found: Case) -> Iterable[VerifyProblem]:
        try:
            versions.find(found.flow_id, found.flow_version, found.definition_hash)
        except FlowError:
            return (_missing(found),)
        return ()

    def extra() -> Iterable[VerifyProblem]:
        return [p for row in versions.stored() if (p := _kept_problem(versions, row))]

    return Against(event, case, extra)


def _allows(definition: FlowDefinition, body: Mapping[str, Any]) -> bool:
    trigger, source, dest = body.get("trigger"), body.get("from_state"), body.get("to_state")
    if body.get("outcome") == MIGRATED:
        return isinstance(dest, str) and dest in definition.states
    if trigger == "start" and source is None:
        return dest == definition.initial
    if not isinstance(trigger, str) or not isinstance(source, str):
        return False
    transition = definition.transition(trigger, source)
    return transition is not None and transition.dest == dest


def _not_allowed(
    stored: StoredEvent, body: Mapping[str, Any], flow_id: str, version: int
) -> VerifyProblem:
    move = f"'{body.get('from_state')}' → '{body.get('to_state')}' by '{body.get('trigger')}'"
    return VerifyProblem(
        stored.case_id,
        stored.pos,
        "definition",
        f"the event records {move}, which flow '{flow_id}' version {version} (the version "
        "it ran under) does not allow",
        f"เหตุการณ์บันทึกการเปลี่ยน {move} ซึ่งขั้นตอนงาน '{flow_id}' ฉบับ {version} (ฉบับที่ใช้ในขณะนั้น) ไม่อนุญาต",
    )


def _missing(case: Case) -> VerifyProblem:
    return VerifyProblem(
        case.id,
        None,
        "definition_missing",
        f"the case runs under flow '{case.flow_id}' version {case.flow_version} (hash "
        f"{case.definition_hash[:12]}…), which is neither loaded nor kept by the store: "
        "its trail cannot be checked against its rules",
        f"เรื่องนี้ใช้ขั้นตอนงาน '{case.flow_id}' ฉบับ {case.flow_version} (แฮช "
        f"{case.definition_hash[:12]}…) ซึ่งไม่ได้โหลดไว้และไม่มีต้นฉบับในที่เก็บข้อมูล "
        "จึงตรวจบันทึกกับกฎของเรื่องไม่ได้",
    )


def _kept_problem(versions: Definitions, row: StoredDefinition) -> VerifyProblem | None:
    loaded = versions.loaded(row.flow_id, row.version)
    if loaded is not None and (loaded.text, loaded.digest) == (row.text, row.hash):
        return None  # the very text loaded, whose hash the loader computed
    where = stored_source(row.flow_id, row.version)
    raw, problems = parse_yaml(row.text, where)
    if problems or digest(raw) != row.hash:
        return VerifyProblem(
            where,
            None,
            "definition_edited",
            f"the text the store keeps for flow '{row.flow_id}' version {row.version} does "
            "not match the hash it was stored with (edited in the store)",
            f"ต้นฉบับขั้นตอนงาน '{row.flow_id}' ฉบับ {row.version} ที่เก็บไว้ไม่ตรงกับค่าแฮชที่บันทึกไว้ "
            "(ถูกแก้ไขในที่เก็บข้อมูล)",
        )
    try:
        versions.read(row)
    except DefinitionError as exc:
        first = exc.problems[0] if exc.problems else None
        said_en = first.message_en if first else "it does not load"
        said_th = first.message_th if first else "โหลดไม่ได้"
        return VerifyProblem(
            where,
            None,
            "definition_unloadable",
            f"the kept text of flow '{row.flow_id}' version {row.version} does not load "
            f"with this engine ({said_en}): install the guards and plug-ins it names",
            f"ต้นฉบับขั้นตอนงาน '{row.flow_id}' ฉบับ {row.version} ที่เก็บไว้โหลดกับโปรแกรมนี้ไม่ได้ "
            f"({said_th}) ต้องติดตั้งเงื่อนไขและส่วนเสริมที่ต้นฉบับใช้",
        )
    return None
