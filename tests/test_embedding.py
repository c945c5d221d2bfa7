"""Embedding in a web service: what the API returns is plain JSON data (docs/concepts.md)."""

from __future__ import annotations

import copy
import json
import multiprocessing
import pickle
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient

from _lending import KANYA, SOMCHAI, SOMYING, T0, announce_rules, lend, request
from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.errors import CaseNotFound, FlowError, Refused
from integrity_flows.plain import FrozenDict, to_plain
from integrity_flows.reports.catalogue import run_report

ACTORS = {a.id: a for a in (SOMCHAI, KANYA, SOMYING)}


def _app(engine: Engine) -> FastAPI:
    """An e-office's endpoints over one engine, as a host writes them."""
    app = FastAPI()

    @app.exception_handler(FlowError)
    def _refused(_request: Any, exc: FlowError) -> JSONResponse:
        status = 404 if isinstance(exc, CaseNotFound) else 409 if isinstance(exc, Refused) else 400
        return JSONResponse(exc.as_dict(), status_code=status)

    @app.post("/cases/{flow_id}")
    def start(flow_id: str, actor: str, body: dict[str, Any]) -> dict[str, Any]:
        return engine.start(flow_id, actor=ACTORS[actor], data=body).as_dict()

    @app.post("/cases/{case_id}/{trigger}")
    def fire(case_id: str, trigger: str, actor: str) -> Any:
        # The case itself: FastAPI serializes its data as it is.
        case = engine.fire(case_id, trigger, actor=ACTORS[actor])
        return {"id": case.id, "state": case.state, "data": case.data}

    @app.get("/cases/{case_id}")
    def get(case_id: str) -> dict[str, Any]:
        return engine.get(case_id).as_dict()

    @app.get("/cases/{case_id}/history")
    def history(case_id: str) -> list[dict[str, Any]]:
        return [event.as_dict() for event in engine.history(case_id)]

    return app


@pytest.fixture
def engine() -> Iterator[Engine]:
    with Engine.open("memory://", clock=FixedClock(T0)) as opened:
        yield announce_rules(opened)


def test_fastapi_app_starts_fires_and_reads_cases_as_json(engine: Engine) -> None:
    """A FastAPI app (test client, no server) starts, fires and reads cases as JSON."""
    client = TestClient(_app(engine))
    started = client.post("/cases/asset_lending", params={"actor": "somchai"}, json=request())
    assert started.status_code == 200, started.text
    case_id = started.json()["id"]
    assert started.json()["state"] == engine.get(case_id).state
    fired = client.post(f"/cases/{case_id}/check", params={"actor": "kanya"})
    assert fired.status_code == 200, fired.text
    assert fired.json()["data"]["item"] == "รถยนต์ส่วนกลาง กข-1234"
    read = client.get(f"/cases/{case_id}")
    assert read.status_code == 200
    assert read.json() == json.loads(json.dumps(engine.get(case_id).as_dict()))
    assert read.json()["version"] == 2
    history = client.get(f"/cases/{case_id}/history").json()
    assert [e["trigger"] for e in history] == ["start", "check"]


def test_fastapi_app_returns_a_refusal_as_a_4xx_json_body(engine: Engine) -> None:
    """A refused fire is a 409 whose JSON body names the code, reasons and both languages."""
    client = TestClient(_app(engine))
    case_id = client.post(
        "/cases/asset_lending", params={"actor": "somchai"}, json=request()
    ).json()["id"]
    refused = client.post(f"/cases/{case_id}/approve", params={"actor": "somchai"})
    assert refused.status_code == 409
    body = refused.json()
    assert body["case_id"] == case_id
    assert body["trigger"] == "approve"
    assert body["code"]
    assert body["message_th"]
    assert body["message_en"]
    assert engine.history(case_id)[-1].outcome == "refused"
    missing = client.get("/cases/no-such-case")
    assert missing.status_code == 404
    assert missing.json()["code"] == "case_not_found"


def test_case_data_is_a_dict_after_start_fire_and_get(engine: Engine) -> None:
    """case.data, actors and fired_by are dicts (json.dumps, attrs.asdict) after every call."""
    started = engine.start("asset_lending", actor=SOMCHAI, data=request())
    fired = engine.fire(started.id, "check", actor=KANYA)
    for case in (started, fired, engine.get(started.id), engine.cases()[0]):
        for mapping in (case.data, case.actors, case.fired_by):
            assert isinstance(mapping, dict)
        json.dumps(case.data, ensure_ascii=False)
        assert attrs.asdict(case)["data"] == dict(case.data)
        assert json.loads(json.dumps(case.as_dict())) == case.as_dict()


def test_case_data_stays_read_only(engine: Engine) -> None:
    """Every way of changing a case's data raises TypeError; a copy may be changed."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    data = case.data
    assert isinstance(data, FrozenDict)
    changes = (
        lambda: data.__setitem__("item", "x"),
        lambda: data.__delitem__("item"),
        lambda: data.update(item="x"),
        lambda: data.pop("item"),
        data.popitem,
        lambda: data.setdefault("x", 1),
        data.clear,
    )
    for change in changes:
        with pytest.raises(TypeError, match="read-only"):
            change()
    with pytest.raises(TypeError):
        data |= {"item": "x"}  # type: ignore[misc]
    mine = dict(case.data)
    mine["item"] = "x"
    assert case.data["item"] != "x"
    assert pickle.loads(pickle.dumps(case)) == case
    assert copy.deepcopy(case) == case


def test_as_dict_of_every_record_is_json(engine: Engine) -> None:
    """Cases, events, actors, verify reports, sweep results, duties and figures are JSON."""
    case = lend(engine)
    records: list[Any] = [
        case.as_dict(),
        SOMCHAI.as_dict(),
        engine.verify().as_dict(),
        *(e.as_dict() for e in engine.history(case.id)),
        *(r.as_dict() for r in engine.sweep(T0.replace(year=2024))),
        *(o.as_dict() for o in engine.duties(2567, now=T0)),
        *(f.as_dict() for f in run_report(engine, "lending_register", fiscal_year=2567)),
    ]
    for record in records:
        assert json.loads(json.dumps(record, ensure_ascii=False)) == record
    assert engine.verify().as_dict()["ok"] is True
    assert case.as_dict()["created_at"] == "2023-10-01T03:00:00.000000Z"
    assert Actor("a", roles={"b", "a"}).as_dict()["roles"] == ["a", "b"]


def test_to_plain_refuses_what_has_no_json_form() -> None:
    """An object without a JSON form is a TypeError naming its type, not a silent repr."""
    with pytest.raises(TypeError, match="object has no JSON form"):
        to_plain(object())


def test_actor_roles_may_be_thai_or_english_labels(engine: Engine) -> None:
    """Actor(roles=...) takes a role's Thai or English label, as the CLI and Gherkin do."""
    clerk = Actor("somchai", roles={"เจ้าหน้าที่"})
    case = engine.start("asset_lending", actor=clerk, data=request())
    assert engine.history(case.id)[0].actor_roles == ("staff",)
    custodian = Actor("kanya", roles={"Custodian"})
    assert "check" in engine.available(case.id, actor=custodian)
    case = engine.fire(case.id, "check", actor=custodian)
    case = engine.fire(case.id, "approve", actor=Actor("somying", roles={"ผู้มีอำนาจอนุมัติ"}))
    assert case.state == "approved"


def test_a_role_no_flow_names_grants_nothing_and_the_refusal_says_what_is_needed(
    engine: Engine,
) -> None:
    """A misspelt role label is kept as given: refused, the reason naming the role needed."""
    case = engine.start("asset_lending", actor=SOMCHAI, data=request())
    with pytest.raises(Refused) as refused:
        engine.fire(case.id, "check", actor=Actor("kanya", roles={"เจ้าหน้าที่พัสดุ์"}))
    assert refused.value.mentions("custodian") or refused.value.mentions("เจ้าหน้าที่พัสดุ")


def _forked_worker(url: str, worker: int, queue: Any) -> None:
    """A pre-forked worker: opens its own engine after the fork, starts and fires cases."""
    with Engine.open(url, clock=FixedClock(T0)) as mine:
        for n in range(5):
            case = mine.start("asset_lending", actor=SOMCHAI, data=request(f"item {worker}-{n}"))
            mine.fire(case.id, "check", actor=KANYA)
    queue.put(worker)


def test_engines_opened_after_a_fork_lose_no_write(tmp_path: Any) -> None:
    """Workers made with fork, each opening its engine after it, share one SQLite file."""
    url = f"sqlite:///{tmp_path}/forked.db"
    with Engine.open(url, clock=FixedClock(T0)):
        pass  # the schema exists before the workers start; the parent's engine is closed
    fork = multiprocessing.get_context("fork")
    queue = fork.Queue()
    workers = [fork.Process(target=_forked_worker, args=(url, w, queue)) for w in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [w.exitcode for w in workers] == [0, 0, 0]
    assert sorted(queue.get(timeout=5) for _ in workers) == [0, 1, 2]
    with Engine.open(url, clock=FixedClock(T0)) as after:
        cases = after.cases()
        assert len(cases) == 15
        assert {c.state for c in cases} == {"checked"}
        assert after.verify().ok
