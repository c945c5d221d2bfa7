"""The guards that read another flow's case: ``case_in`` (a case found by an indexed field
is in given states) and ``next_in_line`` (a person is next in another case's ordered list)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from _lending import SOMYING, T0
from integrity_flows.case import Case
from integrity_flows.definition.model import GuardRef
from integrity_flows.guards import GuardContext, builtin_registry, decide
from integrity_flows.loading import default_registry, load_library
from integrity_flows.stored import StoredEvent

LIBRARY = load_library(registry=default_registry(), entry_points=False)
LENDING = LIBRARY.get("asset_lending")
ORDERS = LIBRARY.get("delegation_order")


def stored(case_id: str, flow: str, state: str, **data: Any) -> Case:
    """A stored case of ``flow`` in ``state`` with ``data``."""
    return Case(
        id=case_id,
        flow_id=flow,
        flow_version=1,
        definition_hash="",
        state=state,
        version=1,
        data=data,
        actors={},
        fired_by={},
        deadlines=(),
        created_at=T0,
        updated_at=T0,
        entered_at=T0,
        head="",
        events=1,
    )


class Store:
    """A stand-in for the store's indexed queries over a few cases."""

    def __init__(self, *cases: Case) -> None:
        self.cases = {c.id: c for c in cases}

    def holders(
        self, flow_id: str, field: str, value: str, states: Sequence[str] | None
    ) -> list[str]:
        """Cases of ``flow_id`` whose ``field`` is ``value``, in ``states`` when given."""
        return [
            c.id
            for c in self.cases.values()
            if c.flow_id == flow_id
            and str(c.data.get(field)) == value
            and (states is None or c.state in states)
        ]

    def load(self, case_id: str) -> Case | None:
        """The case, if held."""
        return self.cases.get(case_id)

    def events(self, case_id: str) -> list[StoredEvent]:
        """No events."""
        return []


def reasons(
    definition: Any, ref: GuardRef, data: dict[str, Any], store: Store, now: datetime
) -> list[str]:
    ctx = GuardContext(definition, SOMYING, "approve", data, now, {}, store, flow_of=LIBRARY.get)
    return [
        f"{r.reason.code}: {r.reason.en} / {r.reason.th}"
        for r in decide([ref], ctx, builtin_registry())
    ]


RULES = GuardRef(
    "case_in",
    {
        "flow": "asset_rules",
        "field": "fiscal_year",
        "this_fiscal_year": True,
        "states": ["announced", "monitoring"],
    },
)
OCT_2023 = datetime(2023, 10, 3, 3, tzinfo=UTC)  # fiscal year 2567


def test_case_in_allows_when_the_years_case_is_in_a_wanted_state() -> None:
    store = Store(stored("R67", "asset_rules", "announced", fiscal_year=2567))
    assert reasons(LENDING, RULES, {}, store, OCT_2023) == []


def test_case_in_refuses_naming_the_field_and_the_state_found() -> None:
    store = Store(stored("R67", "asset_rules", "drafting", fiscal_year=2567))
    (reason,) = reasons(LENDING, RULES, {}, store, OCT_2023)
    assert reason.startswith("case_in: ")
    assert "whose fiscal year is 2567 must be in" in reason
    assert "(now: '" in reason
    assert "'ปีงบประมาณ' เป็น ๒๕๖๗" in reason


def test_case_in_refuses_when_there_is_no_case_for_the_year() -> None:
    store = Store(stored("R66", "asset_rules", "announced", fiscal_year=2566))
    (reason,) = reasons(LENDING, RULES, {}, store, OCT_2023)
    assert "there is no" in reason
    assert "fiscal year is 2567" in reason
    assert "ยังไม่มีเรื่อง" in reason


def test_case_in_with_same_as_reads_this_cases_field() -> None:
    ref = GuardRef(
        "case_in",
        {"flow": "asset_rules", "field": "fiscal_year", "same_as": "item", "states": ["announced"]},
    )
    store = Store(stored("R67", "asset_rules", "announced", fiscal_year=2567))
    assert reasons(LENDING, ref, {"item": "2567"}, store, OCT_2023) == []
    (empty,) = reasons(LENDING, ref, {}, store, OCT_2023)
    assert "has not been given" in empty


LINE = GuardRef(
    "next_in_line",
    {
        "field": "delegate",
        "flow": "acting_precedence",
        "key": "holder",
        "same_as": "delegator",
        "list": "precedence",
        "states": ["in_force"],
        "skip": "unavailable",
    },
)
PRECEDENCE = stored(
    "P1", "acting_precedence", "in_force", holder="chaiwat", precedence=["surachai", "prayut"]
)


def test_next_in_line_allows_the_first_of_the_order() -> None:
    data = {"delegate": "surachai", "delegator": "chaiwat"}
    assert reasons(ORDERS, LINE, data, Store(PRECEDENCE), OCT_2023) == []


def test_next_in_line_allows_the_second_when_the_first_is_away() -> None:
    data = {"delegate": "prayut", "delegator": "chaiwat", "unavailable": ["surachai"]}
    assert reasons(ORDERS, LINE, data, Store(PRECEDENCE), OCT_2023) == []


def test_next_in_line_refuses_someone_after_a_person_present() -> None:
    data = {"delegate": "prayut", "delegator": "chaiwat"}
    (reason,) = reasons(ORDERS, LINE, data, Store(PRECEDENCE), OCT_2023)
    assert "is not next in the order of precedence: surachai" in reason


def test_next_in_line_refuses_someone_not_in_the_order() -> None:
    data = {"delegate": "wilai", "delegator": "chaiwat"}
    (reason,) = reasons(ORDERS, LINE, data, Store(PRECEDENCE), OCT_2023)
    assert "is not in the order of precedence" in reason


def test_next_in_line_refuses_a_delegate_named_as_away() -> None:
    data = {"delegate": "surachai", "delegator": "chaiwat", "unavailable": ["surachai"]}
    (reason,) = reasons(ORDERS, LINE, data, Store(PRECEDENCE), OCT_2023)
    assert "is named among" in reason


def test_next_in_line_refuses_without_an_order_in_force() -> None:
    drafted = stored("P2", "acting_precedence", "drafted", holder="prayut", precedence=["wilai"])
    data = {"delegate": "wilai", "delegator": "prayut"}
    (reason,) = reasons(ORDERS, LINE, data, Store(drafted), OCT_2023)
    assert "must be in 'in force' (now: 'drafted')" in reason


def test_the_guards_are_checked_at_load() -> None:
    registry = builtin_registry()
    case_in, line = registry.get("case_in"), registry.get("next_in_line")
    assert case_in is not None
    assert case_in.one_of == (("same_as", "this_fiscal_year"),)
    assert line is not None
    assert line.optional == {"skip": "field"}


def test_case_in_without_states_says_only_that_no_case_holds_the_value() -> None:
    """With no states asked, a missing case is named without an empty list of states."""
    ref = GuardRef(
        "case_in", {"flow": "asset_rules", "field": "fiscal_year", "this_fiscal_year": True}
    )
    store = Store(stored("R66", "asset_rules", "announced", fiscal_year=2566))
    (reason,) = reasons(LENDING, ref, {}, store, OCT_2023)
    assert "whose fiscal year is 2567" in reason
    assert "must be in" not in reason
    assert "ต้องอยู่ในสถานะ" not in reason
    assert (
        reasons(
            LENDING,
            ref,
            {},
            Store(stored("R67", "asset_rules", "drafting", fiscal_year=2567)),
            OCT_2023,
        )
        == []
    )
