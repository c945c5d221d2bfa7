"""Delegation, assignment and acting orders (plan projects 19 and 23) and authority
resolution: who may exercise a power on a date, under which order."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from _lending import announce_rules
from integrity_flows import Actor, Engine
from integrity_flows.authority import power_table, resolve
from integrity_flows.case import Case
from integrity_flows.cli import main
from integrity_flows.clock import FixedClock
from integrity_flows.errors import DefinitionError, GuardRejected, NotAuthorized, TriggerNotAllowed
from integrity_flows.loading.discovery import default_registry
from integrity_flows.loading.reader import read_text
from integrity_flows.reports import orders_in_force
from integrity_flows.reports.base import FigureValue, Table
from integrity_flows.reports.catalogue import run_report

ROOT = Path(__file__).resolve().parents[1]
# 1 October 2566, 09:00 Thai time.
T0 = datetime(2023, 10, 1, 2, 0, tzinfo=UTC)

NAYOK = Actor("nayok", roles={"chief_executive"})
RONG = Actor("rong", roles={"deputy_chief_executive"})
PALAD = Actor("palad", roles={"palad"})
HEAD = Actor("head", roles={"head_of_unit"})
CHIEF = Actor("chief", roles={"section_chief"})
ACTING = Actor("acting", roles={"deputy_palad"})
PERSONNEL = Actor("personnel", roles={"personnel_officer"})
LEGAL = Actor("legal", roles={"legal_officer"})
SOMCHAI = Actor("somchai", roles={"staff"})
KANYA = Actor("kanya", roles={"custodian"})

POSITIONS = {
    "nayok": "chief_executive",
    "rong": "deputy_chief_executive",
    "palad": "palad",
    "head": "head_of_unit",
    "chief": "section_chief",
    "acting": "deputy_palad",
}
ACTORS = {a.id: a for a in (NAYOK, RONG, PALAD, HEAD, CHIEF, ACTING)}


@pytest.fixture
def clock() -> FixedClock:
    """1 October 2566, 09:00 Thai time."""
    return FixedClock(T0)


@pytest.fixture
def engine(clock: FixedClock) -> Engine:
    """A memory engine with the bundled flows."""
    return announce_rules(Engine.open("memory://", clock=clock, entry_points=False))


def day(clock: FixedClock, engine: Engine, when: date) -> None:
    """Move to 09:00 Thai time on ``when`` and sweep."""
    clock.set(datetime(when.year, when.month, when.day, 2, 0, tzinfo=UTC))
    engine.sweep()


def issue(
    engine: Engine,
    clock: FixedClock,
    delegator: str,
    delegate: str,
    *,
    power: str | None = "approve_property_loan",
    kind: str = "delegation",
    number: str,
    valid_from: str = "2023-10-02",
    valid_until: str | None = None,
    delegable: bool = True,
    extra: dict[str, Any] | None = None,
) -> Case:
    """An order taken from its draft to in force (the clock moved to its first day)."""
    data: dict[str, Any] = {
        "kind": kind,
        "delegator": delegator,
        "delegator_position": POSITIONS[delegator],
        "delegate": delegate,
        "valid_from": valid_from,
        **(extra or {}),
    }
    if power:
        data["power"] = power
    if valid_until:
        data["valid_until"] = valid_until
    if kind == "acting":
        data.setdefault("absence_reason", "official travel")
        precedence(engine, delegator, delegate)
    case = engine.start("delegation_order", actor=PERSONNEL, data=data)
    case = engine.fire(case.id, "review", actor=LEGAL, data={"delegable": delegable})
    case = engine.fire(case.id, "sign", actor=ACTORS[delegator], data={"order_no": number})
    case = engine.fire(
        case.id,
        "circulate",
        actor=PERSONNEL,
        data={"circular_no": f"C-{number}", "circulated_to": ["กองคลัง", "กองพัสดุและทรัพย์สิน"]},
    )
    case = engine.fire(
        case.id, "acknowledge", actor=ACTORS[delegate], data={"acknowledged_by": delegate}
    )
    case = engine.fire(case.id, "announce", actor=PERSONNEL, data={"announcement_no": number})
    first = date.fromisoformat(valid_from)
    if clock().date() < first:
        day(clock, engine, first)
    else:
        engine.sweep()
    return engine.get(case.id)


def precedence(engine: Engine, holder: str, *names: str) -> Case:
    """The holder's order of precedence of acting officers, in force (superseding one
    already in force)."""
    for old in engine.store.holders("acting_precedence", "holder", holder, ["in_force"]):
        engine.fire(old, "supersede", actor=PERSONNEL, data={"superseded_by": "new order"})
    data = {"holder": holder, "post": POSITIONS[holder], "precedence": list(names)}
    case = engine.start("acting_precedence", actor=PERSONNEL, data=data)
    engine.fire(case.id, "sign", actor=ACTORS[holder], data={"order_no": "90/2566"})
    return engine.fire(case.id, "announce", actor=PERSONNEL, data={"announcement_no": "90/2566"})


def chain(engine: Engine, clock: FixedClock) -> list[Case]:
    """The four orders of the plan's chain for approving property loans."""
    return [
        issue(engine, clock, "nayok", "rong", number="1/2566"),
        issue(engine, clock, "nayok", "palad", number="2/2566"),
        issue(engine, clock, "palad", "head", number="3/2566"),
        issue(engine, clock, "head", "chief", number="4/2566"),
    ]


def kpi(engine: Engine, year: int) -> dict[str, FigureValue]:
    """The figures of the declared report delegation_orders for ``year``, by id."""
    return {f.key: f.value for f in run_report(engine, "delegation_orders", fiscal_year=year)}


def overdue_rows(engine: Engine) -> list[dict[str, Any]]:
    """The rows of the report's table of overdue monthly reports."""
    table = kpi(engine, 2567)["overdue_reports"]
    assert isinstance(table, Table)
    return table.as_dicts()


def checked_loan(engine: Engine) -> Case:
    """A loan request checked by the custodian, waiting for approval."""
    case = engine.start(
        "asset_lending",
        actor=SOMCHAI,
        data={"item": "รถยนต์ กข-1", "purpose": "ประชุม", "return_date": "2023-10-20"},
    )
    return engine.fire(case.id, "check", actor=KANYA)


def test_the_chain_takes_effect_and_resolves(engine: Engine, clock: FixedClock) -> None:
    """The plan's four-order chain takes effect and resolves to the Chief Executive."""
    orders = chain(engine, clock)
    assert [o.state for o in orders] == ["in_force"] * 4
    on = date(2023, 10, 3)
    direct = resolve(
        engine.store, "approve_property_loan", "nayok", on, positions={"chief_executive"}
    )
    assert direct is not None
    assert not direct.delegated
    grant = resolve(engine.store, "approve_property_loan", "chief", on)
    assert grant is not None
    assert grant.orders == (orders[3].id, orders[2].id, orders[1].id)
    assert grant.order_numbers == ("4/2566", "3/2566", "2/2566")
    assert grant.position == "chief_executive"
    assert resolve(engine.store, "approve_property_loan", "rong", on) is not None
    assert resolve(engine.store, "approve_leave", "chief", on) is None  # another power
    assert resolve(engine.store, "approve_property_loan", "somchai", on) is None
    # Before the orders took effect nobody below the Chief Executive held it.
    assert resolve(engine.store, "approve_property_loan", "chief", date(2023, 10, 1)) is None


def test_a_position_label_counts_as_the_position(engine: Engine) -> None:
    """A position named by its Thai label holds the position's powers."""
    grant = resolve(
        engine.store, "approve_property_loan", "x", T0, positions={"นายกองค์การบริหารส่วนจังหวัด"}
    )
    assert grant is not None
    assert grant.position == "chief_executive"


def test_a_delegate_approves_and_the_event_names_the_orders(
    engine: Engine, clock: FixedClock
) -> None:
    """A delegate approves a loan; the audit event names the orders of the chain."""
    orders = chain(engine, clock)
    loan = checked_loan(engine)
    loan = engine.fire(loan.id, "approve", actor=CHIEF)
    assert loan.state == "approved"
    event = engine.history(loan.id)[-1]
    grant = event.authority["grants"]["approve_property_loan"]
    assert grant["orders"] == [orders[3].id, orders[2].id, orders[1].id]
    assert event.authority["roles"] == ["approver"]
    assert engine.verify().ok


def test_the_approving_role_still_approves_without_any_order(engine: Engine) -> None:
    """The approver role approves without any order; no grant is recorded."""
    loan = checked_loan(engine)
    loan = engine.fire(loan.id, "approve", actor=Actor("somying", roles={"approver"}))
    assert loan.state == "approved"
    assert "grants" not in engine.history(loan.id)[-1].authority


def test_revocation_breaks_the_chain_below(engine: Engine, clock: FixedClock) -> None:
    """Revoking an order ends the power of every delegate below it from that day."""
    orders = chain(engine, clock)
    day(clock, engine, date(2023, 10, 5))
    engine.fire(orders[2].id, "revoke", actor=PALAD, data={"end_note": "ปรับโครงสร้าง"})
    loan = checked_loan(engine)
    with pytest.raises(NotAuthorized):
        engine.fire(loan.id, "approve", actor=CHIEF)
    with pytest.raises(NotAuthorized):
        engine.fire(loan.id, "approve", actor=HEAD)
    # Still held on a day before the revocation, and by the palad on the day.
    assert resolve(engine.store, "approve_property_loan", "chief", date(2023, 10, 4)) is not None
    assert resolve(engine.store, "approve_property_loan", "palad", date(2023, 10, 5)) is not None
    assert engine.fire(loan.id, "approve", actor=PALAD).state == "approved"


def test_an_acting_officer_holds_the_holders_powers(engine: Engine, clock: FixedClock) -> None:
    """An acting officer holds the holder's powers until the order expires."""
    orders = chain(engine, clock)
    acting = issue(
        engine,
        clock,
        "palad",
        "acting",
        kind="acting",
        power=None,
        number="5/2566",
        valid_from="2023-10-10",
        valid_until="2023-10-12",
    )
    assert acting.state == "in_force"
    loan = checked_loan(engine)
    event_case = engine.fire(loan.id, "approve", actor=ACTING)
    grant = engine.history(event_case.id)[-1].authority["grants"]["approve_property_loan"]
    assert grant["orders"] == [acting.id, orders[1].id]
    assert grant["via"] == ["acting", "delegation"]
    # The order expires after its last day: the sweep ends it.
    day(clock, engine, date(2023, 10, 13))
    assert engine.get(acting.id).state == "expired"
    assert resolve(engine.store, "approve_property_loan", "acting", date(2023, 10, 13)) is None
    assert resolve(engine.store, "approve_property_loan", "acting", date(2023, 10, 11)) is not None


def test_a_non_delegable_power_is_refused_at_signing(engine: Engine) -> None:
    """An order delegating a non-delegable power is refused when signed."""
    case = engine.start(
        "delegation_order",
        actor=PERSONNEL,
        data={
            "kind": "delegation",
            "power": "issue_provincial_ordinance",
            "delegator": "nayok",
            "delegator_position": "chief_executive",
            "delegate": "rong",
            "valid_from": "2023-10-02",
        },
    )
    engine.fire(case.id, "review", actor=LEGAL, data={"delegable": False})
    with pytest.raises(GuardRejected) as caught:
        engine.fire(case.id, "sign", actor=NAYOK, data={"order_no": "9/2566"})
    assert "5.6" in caught.value.message_en


def test_sub_delegating_a_power_not_held_is_refused(engine: Engine) -> None:
    """Nobody may delegate a power they do not hold."""
    case = engine.start(
        "delegation_order",
        actor=PERSONNEL,
        data={
            "kind": "delegation",
            "power": "approve_property_loan",
            "delegator": "head",
            "delegator_position": "head_of_unit",
            "delegate": "chief",
            "valid_from": "2023-10-02",
        },
    )
    engine.fire(case.id, "review", actor=LEGAL, data={"delegable": True})
    with pytest.raises(NotAuthorized):
        engine.fire(case.id, "sign", actor=HEAD, data={"order_no": "9/2566"})


def test_an_order_not_yet_announced_gives_nothing(engine: Engine, clock: FixedClock) -> None:
    """An order gives its power only from the day it is announced."""
    case = engine.start(
        "delegation_order",
        actor=PERSONNEL,
        data={
            "kind": "assignment",
            "power": "approve_property_loan",
            "delegator": "nayok",
            "delegator_position": "chief_executive",
            "delegate": "rong",
            "valid_from": "2023-10-01",
        },
    )
    engine.fire(case.id, "review", actor=LEGAL, data={"delegable": True})
    engine.fire(case.id, "sign", actor=NAYOK, data={"order_no": "1/2566"})
    engine.fire(
        case.id, "circulate", actor=PERSONNEL, data={"circular_no": "C1", "circulated_to": "กองคลัง"}
    )
    engine.fire(case.id, "acknowledge", actor=RONG, data={"acknowledged_by": "rong"})
    day(clock, engine, date(2023, 10, 4))
    assert engine.get(case.id).state == "circulated"
    assert resolve(engine.store, "approve_property_loan", "rong", date(2023, 10, 4)) is None
    engine.fire(case.id, "announce", actor=PERSONNEL, data={"announcement_no": "1/2566"})
    engine.sweep()
    assert engine.get(case.id).state == "in_force"
    # In force from the day it was announced, not from its earlier valid_from.
    assert resolve(engine.store, "approve_property_loan", "rong", date(2023, 10, 3)) is None
    assert resolve(engine.store, "approve_property_loan", "rong", date(2023, 10, 4)) is not None


def test_monthly_reports_and_the_overdue_record(engine: Engine, clock: FixedClock) -> None:
    """The delegate reports monthly (the order's duty monthly_report, docs/duties.md); a
    month past due without a report is recorded overdue by the sweep, once, and stays
    late when the report comes."""
    order = issue(engine, clock, "nayok", "rong", number="1/2566")
    day(clock, engine, date(2023, 10, 30))
    order = engine.fire(
        order.id,
        "submit_report",
        actor=RONG,
        data={"report_month": "ตุลาคม 2566", "report_summary": "อนุมัติ 3 เรื่อง"},
    )
    assert order.state == "in_force"
    with pytest.raises(NotAuthorized):
        engine.fire(
            order.id,
            "submit_report",
            actor=PALAD,
            data={"report_month": "x", "report_summary": "y"},
        )
    day(clock, engine, date(2023, 11, 30))
    months = engine.duties(2567, flow_id="delegation_order")
    assert [(o.period, o.status) for o in months[:2]] == [
        ("2023-10-01", "done_on_time"),
        ("2023-11-01", "due"),
    ]
    assert months[0].owner_person == "rong"
    day(clock, engine, date(2023, 12, 1))
    assert engine.get(order.id).state == "in_force"
    november = engine.duties(2567, flow_id="delegation_order")[1]
    assert (november.status, november.owing_case) == ("overdue", order.id)
    (record,) = [r for r in engine.cases("duty_record") if r.data["flow"] == "delegation_order"]
    assert record.id == november.recorded
    assert record.data["owing_case"] == order.id
    assert engine.history(record.id)[0].actor == "system"
    # Still in force while the report is late.
    assert resolve(engine.store, "approve_property_loan", "rong", date(2023, 12, 1)) is not None
    order = engine.fire(
        order.id,
        "submit_report",
        actor=RONG,
        data={"report_month": "พฤศจิกายน 2566", "report_summary": "-"},
    )
    assert order.state == "in_force"
    november = engine.duties(2567, flow_id="delegation_order")[1]
    assert (november.status, november.recorded) == ("done_late", record.id)
    assert engine.record_duties() == []


def test_the_power_table_matches_the_flow(engine: Engine) -> None:
    """The powers of powers.yaml are the choices of the order's power field."""
    field = engine.flows.get("delegation_order").data["power"]
    assert set(field.choices) == set(power_table().powers)


def test_special_law_powers_need_the_summary_list(engine: Engine) -> None:
    """A power under a special law needs the summary list before signing."""
    case = engine.start(
        "delegation_order",
        actor=PERSONNEL,
        data={
            "kind": "delegation",
            "power": "permit_under_special_law",
            "special_law": True,
            "delegator": "nayok",
            "delegator_position": "chief_executive",
            "delegate": "rong",
            "valid_from": "2023-10-02",
        },
    )
    engine.fire(case.id, "review", actor=LEGAL, data={"delegable": True})
    with pytest.raises(GuardRejected):
        engine.fire(case.id, "sign", actor=NAYOK, data={"order_no": "7/2566"})
    signed = engine.fire(
        case.id,
        "sign",
        actor=NAYOK,
        data={"order_no": "7/2566", "special_law_summary": ["อนุญาตก่อสร้างอาคาร (พ.ร.บ.ควบคุมอาคาร)"]},
    )
    assert signed.state == "signed"


def test_a_shorter_chain_resolves(engine: Engine, clock: FixedClock) -> None:
    """A chain of two orders resolves too."""
    issue(engine, clock, "nayok", "palad", number="2/2566")
    issue(engine, clock, "palad", "head", number="3/2566")
    assert resolve(engine.store, "approve_property_loan", "head", clock() + timedelta(days=1))


# --- reports and the command line ------------------------------------------------------


def test_reports_in_force_kpi_and_overdue(engine: Engine, clock: FixedClock) -> None:
    """Orders in force with their chains; the yearly KPI and the overdue reports by hand."""
    orders = chain(engine, clock)
    entries = orders_in_force(engine, date(2023, 10, 3), "approve_property_loan")
    assert [e.order_no for e in entries] == ["1/2566", "2/2566", "3/2566", "4/2566"]
    last = entries[-1]
    assert last.chain == ("4/2566", "3/2566", "2/2566")
    assert last.root == "chief_executive"
    assert orders_in_force(engine, date(2023, 10, 1)) == []
    figures = kpi(engine, 2567)
    assert figures["orders"] == 4
    assert (figures["delegation"], figures["assignment"], figures["acting"]) == (4, 0, 0)
    assert figures["order_numbers"] == ("1/2566", "2/2566", "3/2566", "4/2566")
    assert figures["target_met"] is True
    assert kpi(engine, 2568)["orders"] == 0
    assert kpi(engine, 2568)["target_met"] is False
    day(clock, engine, date(2023, 11, 3))
    assert {r["owner"] for r in overdue_rows(engine)} == {"rong", "palad", "head", "chief"}
    engine.fire(
        orders[0].id,
        "submit_report",
        actor=RONG,
        data={"report_month": "ตุลาคม 2566", "report_summary": "-"},
    )
    assert kpi(engine, 2567)["overdue_delegates"] == ("chief", "head", "palad")
    # The months of fiscal year 2568 are not due yet.
    assert kpi(engine, 2568)["overdue_delegates"] == ()
    owing = {r["owing_case"] for r in overdue_rows(engine)}
    assert {engine.get(c).data["order_no"] for c in owing} == {"4/2566", "3/2566", "2/2566"}


def test_the_delegation_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: FixedClock
) -> None:
    """in-force and who resolve authority; kpi is an alias of report delegation_orders."""
    path = tmp_path / "cases.db"
    with Engine.open(f"sqlite:///{path}", clock=clock, entry_points=False) as engine:
        chain(engine, clock)
    db = str(path)
    assert main(["delegation", "in-force", "--db", db, "--on", "3 ตุลาคม 2566"]) == 0
    out = capsys.readouterr().out
    assert "4/2566" in out
    assert "4/2566 ← 3/2566 ← 2/2566" in out
    # The monthly reports are duties counted on the day asked (docs/duties.md): on
    # 3 October 2566 none is due yet; by the end of the year every month is missing.
    as_of = ["--as-of", "3 ตุลาคม 2566"]
    assert main(["delegation", "kpi", "--db", db, "--fiscal-year", "๒๕๖๗", *as_of]) == 0
    out = capsys.readouterr().out
    assert "บรรลุเป้าหมาย / target met: yes" in out
    assert "รายงานประจำเดือนที่ค้างส่ง / overdue monthly reports: 0" in out
    assert main(["report", "delegation_orders", "--db", db, "--fiscal-year", "2567", *as_of]) == 0
    assert capsys.readouterr().out == out
    as_of = ["--as-of", "1 ตุลาคม 2567"]
    assert main(["delegation", "kpi", "--db", db, "--fiscal-year", "2567", *as_of]) == 0
    assert "overdue monthly reports: 48" in capsys.readouterr().out
    argv = ["delegation", "who", "--db", db, "--power", "approve_property_loan", "--actor"]
    assert main([*argv, "chief", "--on", "2023-10-03"]) == 0
    assert "4/2566 ← 3/2566 ← 2/2566" in capsys.readouterr().out
    assert main([*argv, "chief", "--on", "2023-10-01"]) == 1
    assert "does not hold" in capsys.readouterr().out


def test_signing_records_the_chain_the_delegator_relied_on(
    engine: Engine, clock: FixedClock
) -> None:
    """Signing records the chain the delegator's own power came from."""
    orders = chain(engine, clock)
    sign = next(e for e in engine.history(orders[2].id) if e.trigger == "sign")
    assert sign.authority["grants"]["approve_property_loan"]["orders"] == [orders[1].id]


def test_an_acting_officer_holds_even_a_non_delegable_power(
    engine: Engine, clock: FixedClock
) -> None:
    """An acting officer holds even a power that may not be delegated."""
    issue(engine, clock, "nayok", "acting", kind="acting", power=None, number="5/2566")
    issue(engine, clock, "nayok", "rong", number="1/2566")
    on = date(2023, 10, 2)
    assert resolve(engine.store, "issue_provincial_ordinance", "acting", on) is not None
    assert resolve(engine.store, "issue_provincial_ordinance", "rong", on) is None
    assert resolve(engine.store, "approve_leave", "rong", on) is None


def test_a_superseded_order_gives_nothing_from_that_day(engine: Engine, clock: FixedClock) -> None:
    """A superseded order gives nothing from the day it is superseded."""
    old = issue(engine, clock, "nayok", "rong", number="1/2566")
    day(clock, engine, date(2023, 10, 10))
    engine.fire(old.id, "supersede", actor=NAYOK, data={"superseded_by": "11/2566"})
    assert engine.get(old.id).state == "superseded"
    assert resolve(engine.store, "approve_property_loan", "rong", date(2023, 10, 9)) is not None
    assert resolve(engine.store, "approve_property_loan", "rong", date(2023, 10, 10)) is None
    with pytest.raises(TriggerNotAllowed):
        engine.fire(old.id, "submit_report", actor=RONG, data={"report_month": "x"})


def test_a_role_naming_an_unknown_power_is_refused_at_load() -> None:
    """A flow role naming an unknown power is refused at load, with a hint."""
    text = (ROOT / "flows" / "asset_lending.yaml").read_text(encoding="utf-8")
    text = text.replace("power: approve_property_loan", "power: approve_property_lone")
    with pytest.raises(DefinitionError) as caught:
        read_text(text, "flows/asset_lending.yaml", default_registry(entry_points=False))
    (problem,) = caught.value.problems
    assert problem.path == "roles.approver.power"
    assert "unknown power 'approve_property_lone'" in problem.message_en
    assert "approve_property_loan" in problem.message_en  # the hint
