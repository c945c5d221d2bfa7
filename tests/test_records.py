"""Records fields: items added, amended and removed, refused with the item and the
sub-field named, audited as the items changed, sensitive sub-fields never in clear."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import structlog
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _records import ORGANIZER, engine, started
from integrity_flows.audit.verify import replay_records
from integrity_flows.engine.computed import compute
from integrity_flows.engine.records import MAX_ITEMS_PER_CHANGE, parse_items
from integrity_flows.errors import DefinitionError, InvalidData
from integrity_flows.loading.discovery import default_registry
from integrity_flows.loading.reader import read_text


def test_start_adds_items_normalized_like_fields() -> None:
    """Items given at start are stored normalized: Thai digits, yes/no, decimals as text."""
    e = engine()
    case = started(e, participants=[{"person": "a", "รอบ": "๑", "มาอบรม": "ใช่", "pre_test": 40}])
    assert case.data["participants"] == [
        {"person": "a", "session": 1, "present": True, "pre_test": "40"}
    ]
    assert case.data["participant_count"] == 1


def test_text_forms_give_items() -> None:
    """``sub=value; ...`` text and JSON text are read as items, sub-fields by label."""
    assert parse_items("person=a; รอบ=2") == [{"person": "a", "รอบ": "2"}]
    assert parse_items('[{"person": "a"}, "person=b"]') == [{"person": "a"}, {"person": "b"}]
    assert parse_items("a") == ["a"]


def test_add_amend_remove_and_the_trail() -> None:
    """Each change is audited as the items added, amended or removed; verify replays them."""
    e = engine()
    case = started(e, participants="person=a; session=1")
    e.fire(case.id, "register", actor=ORGANIZER, data={"participants": "person=b"})
    e.fire(case.id, "correct", actor=ORGANIZER, data={"participants": "person=a; session=2"})
    case = e.get(case.id)
    assert [i["person"] for i in case.data["participants"]] == ["a", "b"]
    assert case.data["participants"][0]["session"] == 2
    amended = e.history(case.id)[-1].data["participants"]
    assert amended == {"key": "person", "amended": [{"person": "a", "session": 2}]}
    assert e.verify().ok


def test_an_amendment_kept_to_some_subfields_refuses_the_others() -> None:
    """``subfields: [present]``: the attendance may be marked, the items given whole (the
    same other values) too; a changed session is refused naming the item and the
    sub-field, nothing written, the refusal audited."""
    e = engine()
    case = started(e, participants="person=a; session=1")
    e.fire(
        case.id, "mark_attendance", actor=ORGANIZER, data={"participants": "person=a; present=yes"}
    )
    e.fire(
        case.id,
        "mark_attendance",
        actor=ORGANIZER,
        data={"participants": "person=a; session=1; present=no"},
    )
    assert e.get(case.id).data["participants"] == [{"person": "a", "session": 1, "present": False}]
    with pytest.raises(InvalidData) as caught:
        e.fire(
            case.id,
            "mark_attendance",
            actor=ORGANIZER,
            data={"participants": "person=a; session=2"},
        )
    (reason,) = caught.value.reasons
    assert (
        "item 'a': 'session' cannot be changed by this action (it changes only 'present')"
        in reason.en
    )
    assert "หัวข้อ 'รอบ' แก้ไขในการดำเนินการนี้ไม่ได้" in reason.th
    assert e.get(case.id).data["participants"][0]["session"] == 1
    assert e.history(case.id)[-1].outcome == "refused"
    assert e.verify().ok


def test_remove_by_key_alone() -> None:
    """A removal may name an item by its key only, and the trail keeps the removed item."""
    e = engine()
    case = started(e, participants=[{"person": "a"}, {"person": "b", "session": 3}])
    case = e.fire(case.id, "withdraw", actor=ORGANIZER, data={"participants": ["b"]})
    assert case.data["participants"] == [{"person": "a"}]
    removed = e.history(case.id)[-1].data["participants"]["removed"]
    assert removed == [{"person": "b", "session": 3}]
    assert case.data["participant_count"] == 1


def test_bad_items_are_refused_naming_item_and_subfield() -> None:
    """A wrong type, an unknown sub-field, a missing required one and a duplicate key are
    each named with the item number, in Thai and English; nothing is written."""
    e = engine()
    case = started(e)
    bad = [{"person": "x", "pre_test": "abc"}, {"nobody": 1, "person": "y"}, {"session": 1}]
    with pytest.raises(InvalidData) as caught:
        e.fire(case.id, "register", actor=ORGANIZER, data={"participants": bad})
    text = " ".join(r.en for r in caught.value.reasons)
    thai = " ".join(r.th for r in caught.value.reasons)
    assert "item 1: 'pre-test' has a bad value" in text
    assert "item 2: has no sub-field 'nobody'" in text
    assert "item 3: 'person' is required" in text
    assert "รายการที่ ๑" in thai
    assert "คะแนนก่อนอบรม" in thai
    assert e.get(case.id).data.get("participants") is None
    assert e.history(case.id)[-1].outcome == "refused"


def test_unknown_key_on_amend_and_remove_is_refused() -> None:
    """Amending or removing an item that is not there names the key."""
    e = engine()
    case = started(e, participants="person=a")
    for trigger in ("correct", "withdraw"):
        with pytest.raises(InvalidData, match="no item has 'person' 'zz'"):
            e.fire(case.id, trigger, actor=ORGANIZER, data={"participants": "person=zz"})


def test_records_only_change_where_declared() -> None:
    """A transition without a records declaration for the field refuses its items."""
    e = engine()
    case = started(e)
    with pytest.raises(InvalidData, match="does not change the items"):
        e.fire(case.id, "assess", actor=ORGANIZER, data={"participants": "person=a"})


def test_sensitive_subfield_never_in_clear() -> None:
    """A sensitive sub-field is sealed at rest and shown as *** in history, export and log."""
    out = io.StringIO()
    logger = structlog.PrintLogger(out)
    e = engine(
        logger=structlog.wrap_logger(logger, processors=[structlog.processors.JSONRenderer()])
    )
    case = started(e, participants=[{"person": "a", "phone": "0812345678"}])
    e.fire(case.id, "correct", actor=ORGANIZER, data={"participants": "person=a; phone=0899999999"})
    case = e.get(case.id)
    assert case.data["participants"][0]["phone"].startswith("sealed:")
    trail = "".join(stored.body for stored in e.store.iter_events_by_seq())
    for secret in ("0812345678", "0899999999"):
        assert secret not in trail
        assert secret not in out.getvalue()
        assert secret not in json.dumps(dict(case.data))
    assert e.history(case.id)[0].data["participants"]["added"][0]["phone"] == "***"
    assert e.verify().ok


def test_sensitive_bad_value_is_not_echoed() -> None:
    """A refused sensitive sub-field's value does not appear in the refusal."""
    e = engine()
    case = started(e)
    with pytest.raises(InvalidData) as caught:
        e.fire(
            case.id,
            "register",
            actor=ORGANIZER,
            data={"participants": [{"person": "a", "phone": {"x": "secret-123"}}]},
        )
    assert "secret-123" not in str(caught.value) + repr(caught.value.reasons)


@pytest.mark.parametrize(
    "value",
    [
        "[" * 100_000 + "]" * 100_000,
        [{"person": "a", "session": {"nested": [1, 2]}}],
        [{"person": ["a"]}],
        [[["deep"]]],
        "{not json",
        [None],
        [{"person": "a", "pre_test": float("nan")}],
    ],
)
def test_hostile_items_are_refused(value: Any) -> None:
    """Deeply nested, wrongly typed and unreadable items are refused as invalid data."""
    e = engine()
    case = started(e)
    with pytest.raises(InvalidData):
        e.fire(case.id, "register", actor=ORGANIZER, data={"participants": value})
    assert e.verify().ok


def test_too_many_items_at_once_are_refused() -> None:
    """More items than the limit in one action are refused before any is read."""
    e = engine()
    case = started(e)
    many = [{"person": f"p{i}"} for i in range(MAX_ITEMS_PER_CHANGE + 1)]
    with pytest.raises(InvalidData, match="more than"):
        e.fire(case.id, "register", actor=ORGANIZER, data={"participants": many})


def test_injection_looking_text_is_kept_as_text() -> None:
    """Text that looks like code, SQL or a template is stored as it was written."""
    e = engine()
    odd = "'); DROP TABLE cases; -- {{7*7}} __import__('os')"
    case = started(e, risks=[{"event": odd, "likelihood": "low", "impact": "low"}])
    assert case.data["risks"][0]["event"] == odd
    assert case.data["risks"][0]["level"] == "minor"


# --- a reference model: any sequence of changes ------------------------------------

_PEOPLE = st.sampled_from(["a", "b", "c", "d"])
_OPS = st.lists(
    st.tuples(st.sampled_from(["add", "amend", "remove"]), _PEOPLE, st.integers(1, 3)),
    max_size=12,
)
_TRIGGERS = {"add": "register", "amend": "correct", "remove": "withdraw"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_OPS)
def test_records_follow_a_reference_model(ops: list[tuple[str, str, int]]) -> None:
    """After any sequence of add/amend/remove, the items equal a plain dict model's,
    replaying the trail gives them too, and every computed figure equals its rule."""
    e = engine()
    case = started(e)
    model: dict[str, int] = {}
    for op, person, session in ops:
        data = {"participants": f"person={person}; session={session}"}
        allowed = (op == "add") != (person in model)
        try:
            e.fire(case.id, _TRIGGERS[op], actor=ORGANIZER, data=data)
        except InvalidData:
            assert not allowed
            continue
        assert allowed
        if op == "remove":
            del model[person]
        else:
            model[person] = session
    case = e.get(case.id)
    definition = e.definition_of(case)
    assert compute(definition, case.data, e.settings("training_course")) == {}, "stale figure"
    items = case.data.get("participants") or []
    assert {i["person"]: i["session"] for i in items} == model
    assert e.get(case.id).data.get("participant_count", 0) == len(model)
    replayed: list[Any] = []
    for event in e.history(case.id):
        delta = event.data.get("participants") if event.outcome == "moved" else None
        if delta:
            replayed = replay_records(replayed, delta)
    assert replayed == items
    assert e.verify().ok


def test_subfields_are_checked_when_the_flow_loads() -> None:
    """``subfields`` on an add, an unknown sub-field (with a suggestion), the key and a
    computed sub-field are each a problem naming the path."""
    raw = yaml.safe_load((Path(__file__).parent / "records_flows" / "training.yaml").read_text())
    index = next(i for i, t in enumerate(raw["transitions"]) if t["trigger"] == "mark_attendance")
    change = raw["transitions"][index]["records"]
    change["subfields"] = ["presnt", "person", "gain"]
    register = next(i for i, t in enumerate(raw["transitions"]) if t["trigger"] == "register")
    raw["transitions"][register]["records"]["subfields"] = ["present"]
    with pytest.raises(DefinitionError) as raised:
        read_text(yaml.safe_dump(raw, allow_unicode=True), "x.yaml", default_registry())
    problems = [f"{p.path}: {p.message_en}" for p in raised.value.problems]
    at = f"transitions[{index}].records[0].subfields"
    assert (
        f"{at}[0]: 'presnt' is not a sub-field of 'participants' an amendment can change "
        "(did you mean 'present'?)" in problems
    )
    assert any(p.startswith(f"{at}[1]: 'person'") for p in problems)
    assert any(p.startswith(f"{at}[2]: 'gain'") for p in problems)
    assert (
        f"transitions[{register}].records[0].subfields: subfields keeps an amendment to some "
        "sub-fields: it needs op: amend" in problems
    )
