"""The canonical form: the fast path writes exactly the bytes the standard library defines."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from integrity_flows.audit.records import canonical, canonical_bytes

_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.text(st.characters(blacklist_categories=("Cs",))),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(st.characters(blacklist_categories=("Cs",))), inner, max_size=4)
    ),
    max_leaves=20,
)


def _reference(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


@given(st.dictionaries(st.text(), _json_values, max_size=6))
def test_fast_canonical_equals_the_definition(body: dict[str, object]) -> None:
    """For any JSON data an event can hold, the canonical bytes equal json.dumps' bytes."""
    assert canonical_bytes(body) == _reference(body)


def test_large_integers_fall_back_to_the_definition() -> None:
    """An integer beyond 64 bits still gets the canonical form, through the fallback."""
    body = {"n": 10**30, "ไทย": "ลำปาง"}
    assert canonical(body) == '{"n":1000000000000000000000000000000,"ไทย":"ลำปาง"}'


def test_engine_events_hash_the_record_they_become() -> None:
    """An event built on the hot path has the fields of AuditEvent.body() and its hash."""
    from datetime import UTC, datetime

    from integrity_flows import Actor
    from integrity_flows.audit.records import digest
    from integrity_flows.engine.events import sealed_event

    sealed = sealed_event(
        case_id="L1",
        pos=1,
        now=datetime(2023, 10, 1, 2, tzinfo=UTC),
        flow=("asset_lending", 1),
        actor=Actor("somchai", roles={"staff"}, unit="กองคลัง"),
        trigger="start",
        outcome="moved",
        from_state=None,
        to_state="requested",
        case_version=1,
        data={"item": "รถยนต์"},
        authority={"roles": ["staff"], "binds": "requester"},
        cites="13/5.1",
    )
    record = sealed.event
    assert record.body() == {k: v for k, v in sealed.body.items() if k != "hash"}
    assert record.hash == sealed.hash == digest(record.canonical())
    assert sealed.text == record.canonical()
