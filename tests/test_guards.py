"""Guards: every built-in guard allows and refuses, all/any/not combine them, and a host's
own guard plugs in through the registry."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from _lending import KANYA, SOMCHAI, SOMYING, T0
from integrity_flows import Actor, Engine, FixedClock, GuardRegistry, GuardSpec
from integrity_flows.case import Case
from integrity_flows.definition.model import FlowDefinition, GuardRef
from integrity_flows.errors import DefinitionError, GuardRejected, NotAuthorized, Reason
from integrity_flows.guards import GuardContext, builtin_registry, decide
from integrity_flows.loading import default_registry, load_library, read_text
from integrity_flows.stored import StoredEvent
from integrity_flows.stores import MemoryStore

FLOW_FILE = Path(__file__).resolve().parents[1] / "flows" / "asset_lending.yaml"
SETTINGS = {"external_approval_role": "executive", "escalate_after_days": 7}


class Lookup:
    """A stand-in for the store's queries (protocols.CaseLookup): holders() as configured,
    and no case or event to load."""

    def __init__(self, found: Sequence[str] = ()) -> None:
        self.found = list(found)
        self.asked: list[tuple[str, str, str, tuple[str, ...]]] = []

    def holders(self, flow_id: str, field: str, value: str, states: Sequence[str]) -> list[str]:
        """Record the question and answer with the configured ids."""
        self.asked.append((flow_id, field, value, tuple(states)))
        return list(self.found)

    def load(self, case_id: str) -> Case | None:
        """No case is stored."""
        return None

    def events(self, case_id: str) -> list[StoredEvent]:
        """No event is stored."""
        return []


@pytest.fixture(scope="module")
def lending() -> FlowDefinition:
    """The asset lending definition."""
    return read_text(FLOW_FILE.read_text(encoding="utf-8"), str(FLOW_FILE), default_registry())


def a_case(**changes: Any) -> Case:
    """A lending case requested by somchai and checked by kanya."""
    values: dict[str, Any] = {
        "id": "L1",
        "flow_id": "asset_lending",
        "flow_version": 1,
        "definition_hash": "",
        "state": "checked",
        "version": 2,
        "data": {"item": "car", "borrower": "somchai"},
        "actors": {"requester": "somchai"},
        "fired_by": {"start": "somchai", "check": "kanya"},
        "deadlines": (),
        "created_at": T0,
        "updated_at": T0,
        "entered_at": T0,
        "head": "",
        "events": 2,
    }
    values.update(changes)
    return Case(**values)


def check(
    definition: FlowDefinition,
    refs: Sequence[GuardRef],
    *,
    actor: Actor = SOMYING,
    data: Mapping[str, Any] | None = None,
    case: Case | None = None,
    now: datetime = T0,
    lookup: Lookup | None = None,
    trigger: str = "approve",
) -> list[Reason]:
    """The reasons the guards give (empty: allowed)."""
    the_case = case if case is not None else a_case()
    ctx = GuardContext(
        definition,
        actor,
        trigger,
        dict(data if data is not None else the_case.data),
        now,
        SETTINGS,
        lookup or Lookup(),
        case=the_case if trigger != "start" else None,
        case_id=the_case.id,
    )
    return [r.reason for r in decide(refs, ctx, builtin_registry())]


def g(name: str, **params: Any) -> GuardRef:
    """A guard reference as a flow file would give it."""
    return GuardRef(name, params)


# --- built-in guards ------------------------------------------------------------------


def test_field_present(lending: FlowDefinition) -> None:
    """field_present allows a given value and refuses a missing or empty one."""
    ref = [g("field_present", field="decision_note")]
    assert check(lending, ref, data={"decision_note": "ok"}) == []
    for data in ({}, {"decision_note": ""}, {"decision_note": None}):
        (reason,) = check(lending, ref, data=data)
        assert reason.code == "field_present"
        assert "decision note" in reason.en
        assert "ความเห็นผู้อนุมัติ" in reason.th


def test_field_equals(lending: FlowDefinition) -> None:
    """field_equals allows the value (or one of the values) and refuses any other."""
    one = [g("field_equals", field="borrower_type", value="internal")]
    many = [g("field_equals", field="borrower_type", values=["internal", "external"])]
    assert check(lending, one, data={"borrower_type": "internal"}) == []
    assert check(lending, many, data={"borrower_type": "external"}) == []
    (reason,) = check(lending, one, data={"borrower_type": "external"})
    assert reason.code == "field_equals"
    assert check(lending, many, data={})[0].code == "field_equals"


def test_field_equals_same_as_another_field(lending: FlowDefinition) -> None:
    """field_equals with same_as allows two fields holding one value, refuses a difference
    or an empty field, and names both fields."""
    same = [g("field_equals", field="condition_in", same_as="condition_out")]
    assert check(lending, same, data={"condition_in": "good", "condition_out": "good"}) == []
    (reason,) = check(lending, same, data={"condition_in": "worn", "condition_out": "good"})
    assert reason.code == "field_equals"
    assert "must be the same as" in reason.en
    assert check(lending, same, data={})[0].code == "field_equals"


def test_min_items(lending: FlowDefinition) -> None:
    """min_items allows a list long enough and refuses a shorter or missing one."""
    ref = [g("min_items", field="members", count=3)]
    assert check(lending, ref, data={"members": ["a", "b", "c"]}) == []
    (reason,) = check(lending, ref, data={"members": ["a"]})
    assert reason.code == "min_items"
    assert "3" in reason.en
    assert "๓" in reason.th
    assert check(lending, ref, data={})[0].code == "min_items"


def test_has_role(lending: FlowDefinition) -> None:
    """has_role allows a holder of the role (or of the role named by a setting) only."""
    assert check(lending, [g("has_role", role="approver")], actor=SOMYING) == []
    (reason,) = check(lending, [g("has_role", role="executive")], actor=SOMYING)
    assert reason.code == "role"
    assert "executive" in reason.en
    assert "ผู้บริหาร" in reason.th
    by_setting = [g("has_role", role_setting="external_approval_role")]
    assert check(lending, by_setting, actor=Actor("b", roles={"executive"})) == []
    assert check(lending, by_setting, actor=SOMYING)[0].code == "role"


def test_role_when(lending: FlowDefinition) -> None:
    """role_when requires the role only when the field has the given value."""
    ref = [
        g(
            "role_when",
            field="borrower_type",
            equals="external",
            role_setting="external_approval_role",
        )
    ]
    assert check(lending, ref, data={"borrower_type": "internal"}, actor=SOMYING) == []
    assert (
        check(
            lending, ref, data={"borrower_type": "external"}, actor=Actor("b", roles={"executive"})
        )
        == []
    )
    (reason,) = check(lending, ref, data={"borrower_type": "external"}, actor=SOMYING)
    assert reason.code == "role"
    assert "executive" in reason.en


def test_distinct_actor(lending: FlowDefinition) -> None:
    """distinct_actor refuses the actor bound to the per-case role (separation of duties)."""
    ref = [g("distinct_actor", role="requester")]
    assert check(lending, ref, actor=SOMYING) == []
    (reason,) = check(lending, ref, actor=Actor("somchai", roles={"approver"}))
    assert reason.code == "separation_of_duties"
    assert "requester" in reason.en
    assert "ผู้ขอ" in reason.th


def test_distinct_actor_at_start(lending: FlowDefinition) -> None:
    """At the start the starter is the one bound to the start's role."""
    ref = [g("distinct_actor", role="requester")]
    assert check(lending, ref, actor=SOMCHAI, trigger="start")[0].code == "separation_of_duties"


def test_distinct_from_trigger(lending: FlowDefinition) -> None:
    """distinct_from_trigger refuses whoever fired the named trigger on this case."""
    ref = [g("distinct_from_trigger", trigger="check")]
    assert check(lending, ref, actor=SOMYING) == []
    (reason,) = check(lending, ref, actor=Actor("kanya", roles={"approver"}))
    assert reason.code == "separation_of_duties"
    assert "check" in reason.en


def test_distinct_from_field(lending: FlowDefinition) -> None:
    """distinct_from_field refuses the person named in the data field."""
    ref = [g("distinct_from_field", field="borrower")]
    assert check(lending, ref, actor=SOMYING) == []
    (reason,) = check(lending, ref, actor=Actor("somchai", roles={"approver"}))
    assert reason.code == "separation_of_duties"
    assert "borrower" in reason.en


def test_within_days_of_a_date_field(lending: FlowDefinition) -> None:
    """within_days counts from the day after the date in the field, in Thai time."""
    ref = [g("within_days", days=3, field="return_date")]
    data = {"return_date": "2023-10-10"}
    # The limit ends 3 days after 11 Oct 00:00 Thai time = 13 Oct 17:00 UTC.
    end = datetime(2023, 10, 13, 17, 0, tzinfo=UTC)
    assert check(lending, ref, data=data, now=end) == []
    (reason,) = check(lending, ref, data=data, now=end + timedelta(seconds=1))
    assert reason.code == "within_days"
    assert "3-day" in reason.en
    assert "๓" in reason.th
    assert check(lending, ref, data={})[0].code == "field_present"


def test_within_days_of_entering_the_state(lending: FlowDefinition) -> None:
    """Without a field, within_days counts from when the case entered its state."""
    ref = [g("within_days", days_setting="escalate_after_days")]
    case = a_case(entered_at=T0)
    assert check(lending, ref, case=case, now=T0 + timedelta(days=7)) == []
    refused = check(lending, ref, case=case, now=T0 + timedelta(days=7, minutes=1))
    assert [r.code for r in refused] == ["within_days"]


def test_not_held(lending: FlowDefinition) -> None:
    """not_held refuses when another case in the states holds the value, not this one."""
    ref = [g("not_held", field="item", states=["on_loan", "overdue"])]
    lookup = Lookup(["L9"])
    (reason,) = check(lending, ref, data={"item": "car"}, lookup=lookup)
    assert reason.code == "held"
    assert "L9" in reason.en
    assert lookup.asked == [("asset_lending", "item", "car", ("on_loan", "overdue"))]
    assert check(lending, ref, data={"item": "car"}, lookup=Lookup(["L1"])) == []  # itself
    assert check(lending, ref, data={"item": "car"}, lookup=Lookup([])) == []
    assert check(lending, ref, data={}, lookup=Lookup(["L9"])) == []  # nothing to hold


class DatedLookup(Lookup):
    """A Lookup whose holders are cases with the dates given."""

    def __init__(self, dates: Mapping[str, tuple[str, str | None]]) -> None:
        super().__init__(list(dates))
        self.dates = dates

    def load(self, case_id: str) -> Case | None:
        """The holder with its start and return dates."""
        first, last = self.dates[case_id]
        return a_case(id=case_id, data={"item": "car", "start_date": first, "return_date": last})


def test_not_held_over_overlapping_dates(lending: FlowDefinition) -> None:
    """With from/until only a holder whose dates share a day with this case's holds it; an
    open end runs on without end."""
    ref = [g("not_held", field="item", states=["on_loan"], **{"from": "start_date"},
             until="return_date")]  # fmt: skip
    mine = {"item": "car", "start_date": "2023-10-05", "return_date": "2023-10-06"}
    before = DatedLookup({"L9": ("2023-10-02", "2023-10-04")})
    same_day = DatedLookup({"L9": ("2023-10-02", "2023-10-05")})
    open_end = DatedLookup({"L9": ("2023-10-01", None)})
    assert check(lending, ref, data=mine, lookup=before) == []
    assert check(lending, ref, data=mine, lookup=same_day)[0].code == "held"
    assert check(lending, ref, data=mine, lookup=open_end)[0].code == "held"


def test_added_not_in(lending: FlowDefinition) -> None:
    """Only the items this action appends are checked against the other list."""
    ref = [g("added_not_in", field="check_note", list="decision_note")]
    case = a_case(data={"check_note": ["somchai"]})
    data = {"check_note": ["somchai", "kanya"], "decision_note": ["somchai"]}
    assert check(lending, ref, data=data, case=case) == []  # somchai was there before
    data = {"check_note": ["somchai", "somchai"], "decision_note": ["somchai"]}
    (reason,) = check(lending, ref, data=data, case=case)
    assert (reason.code, "somchai" in reason.en) == ("added_not_in", True)


def test_numbered_in_year(lending: FlowDefinition) -> None:
    """A number ends with the B.E. calendar year of today (Thai time), in either digits."""
    ref = [g("numbered_in_year", field="register_no")]
    assert check(lending, ref, data={"register_no": "12/2566"}) == []
    assert check(lending, ref, data={"register_no": "๑๒/๒๕๖๖"}) == []
    (reason,) = check(lending, ref, data={"register_no": "12/2567"})
    assert (reason.code, "/2566" in reason.en) == ("numbered_in_year", True)
    assert check(lending, ref, data={"register_no": "12"})[0].code == "numbered_in_year"
    new_year = datetime(2023, 12, 31, 17, 0, tzinfo=UTC)  # 00:00 on 1 January 2567, Thai time
    assert check(lending, ref, data={"register_no": "1/2567"}, now=new_year) == []


def test_message_replaces_the_reason_text(lending: FlowDefinition) -> None:
    """A guard's message parameter gives the refusal's words; the code stays."""
    message = {"th": "ทรัพย์สินนี้ถูกยืมอยู่แล้ว", "en": "the item is already lent"}
    ref = [g("not_held", field="item", states=["on_loan"], message=message)]
    (reason,) = check(lending, ref, data={"item": "car"}, lookup=Lookup(["L9"]))
    assert (reason.code, reason.th, reason.en) == ("held", message["th"], message["en"])


def test_guard_kinds() -> None:
    """Role and separation-of-duties guards decide authority; the others decide conditions."""
    registry = builtin_registry()
    authority = {
        "has_role",
        "lacks_role",
        "role_when",
        "distinct_actor",
        "distinct_from_trigger",
        "distinct_from_field",
        "distinct_from_sibling",
        "actor_named_in",
        "holds_power",
        "holds_post",
        "distinct_unit_from_field",
        "same_unit_as_field",
        "not_listed_in",
        "records_apart",
    }
    for name in registry.names():
        spec = registry.get(name)
        assert spec is not None
        assert spec.kind == ("authority" if name in authority else "condition"), name


# --- all / any / not ------------------------------------------------------------------------

ALLOW = g("field_present", field="item")
REFUSE = g("field_present", field="decision_note")
REFUSE_TOO = g("has_role", role="executive")


def test_all_needs_every_child(lending: FlowDefinition) -> None:
    """all allows only when every child allows, and gives every refusal."""
    assert check(lending, [GuardRef("all", children=(ALLOW, ALLOW))]) == []
    codes = [
        r.code for r in check(lending, [GuardRef("all", children=(ALLOW, REFUSE, REFUSE_TOO))])
    ]
    assert codes == ["field_present", "role"]


def test_any_needs_one_child(lending: FlowDefinition) -> None:
    """any allows when one child allows; when none does, it gives every refusal."""
    assert check(lending, [GuardRef("any", children=(REFUSE, ALLOW))]) == []
    codes = [r.code for r in check(lending, [GuardRef("any", children=(REFUSE, REFUSE_TOO))])]
    assert codes == ["field_present", "role"]


def test_not_inverts(lending: FlowDefinition) -> None:
    """not allows when its child refuses, and refuses when its child allows."""
    assert check(lending, [GuardRef("not", children=(REFUSE,))]) == []
    (reason,) = check(lending, [GuardRef("not", children=(ALLOW,))])
    assert reason.code == "not"
    assert "field_present" in reason.en


def test_combinators_nest(lending: FlowDefinition) -> None:
    """all/any/not nest: all(any(refuse, not(refuse)), allow) allows."""
    nested = GuardRef(
        "all",
        children=(
            GuardRef("any", children=(REFUSE, GuardRef("not", children=(REFUSE_TOO,)))),
            ALLOW,
        ),
    )
    assert check(lending, [nested]) == []
    assert check(lending, [GuardRef("not", children=(nested,))])[0].code == "not"


def test_top_level_guards_all_apply(lending: FlowDefinition) -> None:
    """A transition's list of guards behaves as all: every refusal is reported."""
    assert [r.code for r in check(lending, [REFUSE, ALLOW, REFUSE_TOO])] == [
        "field_present",
        "role",
    ]


def test_unknown_guard_at_run_time_refuses(lending: FlowDefinition) -> None:
    """A guard missing from the registry at run time refuses rather than allowing."""
    (reason,) = check(lending, [g("no_such_guard")])
    assert reason.code == "unknown_guard"


def test_combinators_from_a_flow_file() -> None:
    """all/any/not written in a flow file are read into nested guard references."""
    text = FLOW_FILE.read_text(encoding="utf-8").replace(
        "      - distinct_from_field: {field: borrower}\n",
        "      - any:\n          - distinct_from_field: {field: borrower}\n"
        "          - not: {field_present: {field: decision_note}}\n",
        1,
    )
    definition = read_text(text, "x.yaml", default_registry())
    approve = definition.transition("approve", "checked")
    assert approve is not None
    combined = approve.guards[1]
    assert combined.name == "any"
    assert [c.name for c in combined.children] == ["distinct_from_field", "not"]
    assert combined.children[1].children[0] == g("field_present", field="decision_note")


# --- registry and plugged-in guards --------------------------------------------------------

PETTY_CASH = """
id: petty_cash
version: 1
title: {th: เบิกเงินสดย่อย, en: petty cash}
plan:
  project: 7
  title: {th: โครงการทดสอบ, en: test project}
roles:
  staff: {label: {th: เจ้าหน้าที่, en: staff}}
  finance: {label: {th: การเงิน, en: finance}}
  requester: {label: {th: ผู้ขอ, en: requester}, per_case: true}
data:
  amount: {type: integer, label: {th: จำนวนเงิน, en: amount}, required: true}
states:
  requested: {label: {th: ยื่นคำขอแล้ว, en: requested}, initial: true}
  paid: {label: {th: จ่ายแล้ว, en: paid}, terminal: true}
start:
  roles: [staff]
  binds: requester
  cites: "7/5.1"
transitions:
  - trigger: pay
    label: {th: จ่ายเงิน, en: pay}
    source: requested
    dest: paid
    roles: [finance]
    cites: "7/5.2"
    guards:
      - amount_at_most: {field: amount, limit: 5000}
"""


def amount_at_most(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
    """The amount in ``field`` is at most ``limit`` baht."""
    if int(ctx.data.get(params["field"], 0)) <= params["limit"]:
        return None
    return Reason(
        "over_limit", f"เกินวงเงิน {params['limit']} บาท", f"over the limit of {params['limit']} baht"
    )


AMOUNT_AT_MOST = GuardSpec(
    "amount_at_most", amount_at_most, params={"field": "field", "limit": "int"}
)


@pytest.fixture
def petty_folder(tmp_path: Path) -> Path:
    """A host folder holding the petty cash flow."""
    (tmp_path / "petty_cash.yaml").write_text(PETTY_CASH, encoding="utf-8")
    return tmp_path


def test_custom_guard_through_engine_open(petty_folder: Path) -> None:
    """A host guard given to Engine.open(guards=...) is used by a host flow from a folder."""
    finance = Actor("fin", roles={"finance"})
    with Engine.open(
        "memory://", flows=[petty_folder], guards=[AMOUNT_AT_MOST], clock=FixedClock(T0)
    ) as engine:
        small = engine.start("petty_cash", actor=SOMCHAI, data={"amount": "๑,๒๐๐"})
        assert engine.fire(small.id, "pay", actor=finance).state == "paid"
        big = engine.start("petty_cash", actor=SOMCHAI, data={"amount": 9000})
        with pytest.raises(GuardRejected) as caught:
            engine.fire(big.id, "pay", actor=finance)
        assert [r.code for r in caught.value.reasons] == ["over_limit"]
        assert caught.value.mentions("limit of 5000")
        assert engine.history(big.id)[-1].refusal == "guard_rejected"
        assert engine.available(big.id, actor=finance) == []
        assert engine.verify().ok


def test_custom_guard_registered_with_the_decorator(petty_folder: Path) -> None:
    """A guard registered on a GuardRegistry by decorator drives an Engine built on it."""
    registry = default_registry(entry_points=False)

    @registry.register(
        "amount_at_most", params={"field": "field", "limit": "int"}, kind="authority"
    )
    def _limit(ctx: GuardContext, params: Mapping[str, Any]) -> Reason | None:
        return amount_at_most(ctx, params)

    library = load_library([petty_folder], registry=registry, bundled=False, entry_points=False)
    engine = Engine(MemoryStore(), library, registry=registry, clock=FixedClock(T0))
    case = engine.start("petty_cash", actor=SOMCHAI, data={"amount": 6000})
    with pytest.raises(NotAuthorized):  # registered as an authority guard
        engine.fire(case.id, "pay", actor=Actor("fin", roles={"finance"}))


def test_flow_with_unregistered_guard_is_refused(petty_folder: Path) -> None:
    """Without the host guard registered, the host flow is refused at load, naming the guard."""
    with pytest.raises(DefinitionError) as caught:
        Engine.open("memory://", flows=[petty_folder])
    assert "transitions[0].guards[0]: unknown guard 'amount_at_most'" in str(caught.value)


def test_custom_guard_parameters_are_checked(tmp_path: Path) -> None:
    """A host guard's declared parameters are checked in flow files like built-in ones."""
    (tmp_path / "petty_cash.yaml").write_text(
        PETTY_CASH.replace("limit: 5000", "limit: lots"), encoding="utf-8"
    )
    with pytest.raises(DefinitionError, match=r"guards\[0\]\.limit: expected a whole number"):
        Engine.open("memory://", flows=[tmp_path], guards=[AMOUNT_AT_MOST])


def test_registry_refuses_duplicate_and_reserved_names() -> None:
    """A name is registered once, and all/any/not are reserved."""
    registry = GuardRegistry([AMOUNT_AT_MOST])
    with pytest.raises(ValueError, match="already registered"):
        registry.add(AMOUNT_AT_MOST)
    with pytest.raises(ValueError, match="already registered"):
        registry.add(GuardSpec("any", amount_at_most))
    copy = registry.copy()
    copy.add(GuardSpec("other", amount_at_most))
    assert "other" not in registry.names()
    assert "other" in copy
    assert "not" in copy


def test_engine_refuses_the_starter_approving_in_a_real_flow() -> None:
    """End to end: the lending flow's guards keep the requester from approving."""
    with Engine.open("memory://", clock=FixedClock(T0)) as engine:
        boss = Actor("somchai2", roles={"staff", "executive"})
        case = engine.start(
            "asset_lending",
            actor=boss,
            data={"item": "โปรเจกเตอร์", "purpose": "อบรม", "return_date": "2023-10-05"},
        )
        engine.fire(case.id, "check", actor=KANYA)
        with pytest.raises(NotAuthorized) as caught:
            engine.fire(case.id, "approve", actor=boss)
        assert caught.value.mentions("requester")


def test_distinct_unit_from_field_for_a_person_the_directory_knows(
    lending: FlowDefinition,
) -> None:
    """With ``person``, the unit of the person named in data is checked, as the host's
    directory knows it; someone it does not know is left to the step they take."""
    people = {"somsak": Actor("somsak", unit="กองช่าง"), "pranee": Actor("pranee", unit="กองคลัง")}
    ref = [g("distinct_unit_from_field", field="item", person="borrower")]

    def reasons(borrower: str, directory: bool = True) -> list[Reason]:
        ctx = GuardContext(
            lending,
            SOMYING,
            "approve",
            {"item": "กองช่าง", "borrower": borrower},
            T0,
            SETTINGS,
            Lookup(),
            case=a_case(),
            case_id="L1",
            person=people.get if directory else None,
        )
        return [r.reason for r in decide(ref, ctx, builtin_registry())]

    (refused,) = reasons("somsak")
    assert (refused.code, refused.en) == (
        "conflict_of_interest",
        "'somsak' belongs to กองช่าง, the item (conflict of interest)",
    )
    assert reasons("pranee") == []
    assert reasons("nobody") == []
    assert reasons("somsak", directory=False) == []


def test_same_unit_as_field_lets_only_the_units_own_people_act(lending: FlowDefinition) -> None:
    """same_unit_as_field allows the actor of the unit in the field, and refuses another
    unit's, an actor of no known unit and an empty field, naming the field."""
    ref = [g("same_unit_as_field", field="item")]

    def reasons(actor: Actor, item: str | None = "กองช่าง") -> list[Reason]:
        data = {"item": item} if item is not None else {}
        ctx = GuardContext(
            lending, actor, "approve", data, T0, SETTINGS, Lookup(), case=a_case(), case_id="L1"
        )
        return [r.reason for r in decide(ref, ctx, builtin_registry())]

    assert reasons(Actor("somsak", unit=" กองช่าง ")) == []
    (other,) = reasons(Actor("pranee", unit="กองคลัง"))
    assert (other.code, other.en) == ("unit", "the actor belongs to กองคลัง, not the item 'กองช่าง'")
    assert "ทรัพย์สิน" in other.th
    (unknown,) = reasons(Actor("nobody"))
    assert unknown.en == "the actor is of no known unit, not the item 'กองช่าง'"
    (empty,) = reasons(Actor("somsak", unit="กองช่าง"), item=None)
    assert empty.en == "'item' has not been given"
