"""Powers granted by a flow's ``grants:`` declaration, not named in the engine: the
bundled delegation orders declare it, a host's flow may too, and a wrong declaration is
refused at load with the file and the path."""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import integrity_flows.authority
from _lending import announce_rules
from integrity_flows import Actor, Engine, FixedClock
from integrity_flows.authority import GrantingFlows, bundled_granting_flows, in_force_on, resolve
from integrity_flows.definition.model import EveryPower, Grants
from integrity_flows.errors import DefinitionError
from integrity_flows.loading import bundled_flows, default_registry, load_folder, read_text

ROOT = Path(__file__).resolve().parents[1]
ORDERS = ROOT / "flows" / "delegation_order.yaml"
SOURCE = "flows/delegation_order.yaml"
TEXT = ORDERS.read_text(encoding="utf-8")
#: The bundled delegation flow's version, as its file says (each change takes the next one).
DELEGATION_VERSION = int(next(
    line.split(":", 1)[1] for line in TEXT.splitlines() if line.startswith("version:")
))  # fmt: skip
HOST = Path(__file__).resolve().parent / "granting_flows"
# 2 October 2566, 09:00 Thai time.
T0 = datetime(2023, 10, 2, 2, 0, tzinfo=UTC)
CLERK = Actor("clerk", roles={"clerk"})


def _refused(old: str, new: str) -> DefinitionError:
    """The error raised when the delegation order flow is loaded with ``old`` → ``new``."""
    assert old in TEXT, f"the flow no longer contains {old!r}"
    with pytest.raises(DefinitionError) as caught:
        read_text(TEXT.replace(old, new, 1), SOURCE, default_registry())
    return caught.value


def _at(error: DefinitionError, path: str, words: str) -> None:
    """A problem at ``path`` mentions ``words`` and names the file."""
    found = [p for p in error.problems if p.path == path and words in p.message_en]
    assert found, f"no problem at {path!r} about {words!r} in:\n{error}"
    assert found[0].source == SOURCE
    assert f"{SOURCE}: {path}: " in str(error)


def test_delegation_orders_declare_what_they_grant() -> None:
    """The bundled delegation order flow carries every rule the resolution applies."""
    rule = bundled_granting_flows().rules[("delegation_order", DELEGATION_VERSION)]
    assert rule == Grants(
        delegate="delegate",
        delegator="delegator",
        delegator_position="delegator_position",
        valid_from=("valid_from", "announced_on"),
        in_force=("in_force",),
        power="power",
        every_power=EveryPower("kind", "acting"),
        valid_until="valid_until",
        ended=("revoked", "superseded", "expired"),
        ended_on="ended_on",
        number="order_no",
        kind="kind",
    )


def test_only_flows_that_declare_grants_are_read() -> None:
    """Of the bundled flows, only the delegation orders grant powers."""
    flows = load_folder(bundled_flows(), default_registry(entry_points=False))
    assert [key for key in GrantingFlows.of(flows).rules] == [
        ("delegation_order", DELEGATION_VERSION)
    ]


def _literals(path: Path) -> set[str]:
    """The string constants of a module, docstrings and the keys of the records it writes
    (``AuthorityGrant.as_dict``) left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    skipped |= {id(k) for node in ast.walk(tree) if isinstance(node, ast.Dict) for k in node.keys}
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
    }


def test_authority_names_no_flow_state_or_field() -> None:
    """authority.py holds no id, state or data field name of any bundled flow."""
    names: set[str] = set()
    for d in load_folder(bundled_flows(), default_registry(entry_points=False)):
        names |= {d.id, *d.states, *d.data}
    assert not _literals(Path(integrity_flows.authority.__file__)) & names


def _host_engine() -> Engine:
    engine = Engine.open("memory://", flows=[HOST], clock=FixedClock(T0), entry_points=False)
    return announce_rules(engine)


def _standing(engine: Engine, to: str, power: str = "approve_property_loan") -> str:
    case = engine.start(
        "standing_order",
        actor=CLERK,
        data={
            "lends": power,
            "from_person": "nayok",
            "from_position": "chief_executive",
            "to_person": to,
            "starts": "2023-10-02",
        },
    )
    return case.id


def test_a_host_flow_grants_powers_through_its_own_names() -> None:
    """A flow with its own fields and states grants a power; the engine reads it."""
    engine = _host_engine()
    # Every loaded version of the bundled delegation order (the kept earlier ones too).
    kept = {(d.id, d.version) for d in engine.flows if d.id == "delegation_order"}
    assert set(engine.granting.rules) == {*kept, ("standing_order", 1)}
    assert ("delegation_order", DELEGATION_VERSION) in kept
    order = _standing(engine, "somying")
    grant = resolve(engine.store, "approve_property_loan", "somying", T0, flows=engine.granting)
    assert grant is not None
    assert (grant.orders, grant.order_numbers, grant.via) == (
        (order,),
        (order,),
        ("standing_order",),
    )
    assert grant.position == "chief_executive"
    assert resolve(engine.store, "approve_leave", "somying", T0, flows=engine.granting) is None


def test_a_power_granted_by_a_host_flow_lets_its_delegate_act() -> None:
    """The approver role is held through the power the standing order grants, until it ends."""
    engine = _host_engine()
    order = _standing(engine, "somying")
    somying = Actor("somying", roles={"staff"})
    loan = engine.start(
        "asset_lending",
        actor=Actor("somchai", roles={"staff"}),
        data={"item": "รถยนต์ กข-1", "purpose": "ประชุม", "return_date": "2023-10-20"},
    )
    loan = engine.fire(loan.id, "check", actor=Actor("kanya", roles={"custodian"}))
    assert "approve" in engine.available(loan.id, actor=somying)
    engine.fire(order, "cancel", actor=CLERK)
    assert "approve" not in engine.available(loan.id, actor=somying)
    case = engine.get(order)
    rule = engine.granting.rule(case)
    assert rule is not None
    assert in_force_on(case, date(2023, 10, 1), rule) is False  # before it started
    assert engine.verify().ok


@pytest.mark.parametrize(
    ("old", "new", "path", "words"),
    [
        (
            "  delegate: delegate\n",
            "  delegate: delegat\n",
            "grants.delegate",
            "unknown data field 'delegat' (did you mean 'delegate'?)",
        ),
        (
            "  valid_from: [valid_from, announced_on]\n",
            "  valid_from: [valid_from, announced]\n",
            "grants.valid_from[1]",
            "unknown data field 'announced'",
        ),
        (
            "  valid_from: [valid_from, announced_on]\n",
            "  valid_from: [valid_from, order_no]\n",
            "grants.valid_from[1]",
            "must be a date field",
        ),
        (
            "  valid_from: [valid_from, announced_on]\n",
            "  valid_from: []\n",
            "grants.valid_from",
            "at least one date field",
        ),
        (
            "  in_force: [in_force]\n",
            "  in_force: [in_forse]\n",
            "grants.in_force[0]",
            "unknown state 'in_forse'",
        ),
        (
            "  in_force: [in_force]\n",
            "  in_force: []\n",
            "grants.in_force",
            "at least one state",
        ),
        (
            "  ended: [revoked, superseded, expired]\n",
            "  ended: [revoked, in_force]\n",
            "grants.ended[1]",
            "both in force and ended",
        ),
        ("  ended_on: ended_on\n", "", "grants.ended_on", "ended states need 'ended_on'"),
        (
            "  every_power: {field: kind, value: acting}\n",
            "  every_power: {field: kind, value: actng}\n",
            "grants.every_power.value",
            "'actng' is not a choice of 'kind'",
        ),
        (
            "      - issue_provincial_ordinance\n",
            "      - issue_provincial_ordinanse\n",
            "data.power.choices[5]",
            "unknown power 'issue_provincial_ordinanse'",
        ),
    ],
)
def test_a_wrong_grants_declaration_is_refused(old: str, new: str, path: str, words: str) -> None:
    """Each mistake in ``grants:`` is refused at load, with the file and the path."""
    _at(_refused(old, new), path, words)


def test_a_grant_needs_a_power_or_every_power() -> None:
    """A declaration naming neither the power nor when every power is granted is refused."""
    error = _refused("  power: power\n  every_power: {field: kind, value: acting}\n", "")
    _at(error, "grants", "say which power a case grants")


def test_the_delegate_field_must_be_indexed() -> None:
    """Grants are found through the index on the delegate, so the field must be indexed."""
    old = "    label: {th: ผู้รับมอบอำนาจ, en: delegate}\n    required: true\n    indexed: true\n"
    error = _refused(old, "    label: {th: ผู้รับมอบอำนาจ, en: delegate}\n    required: true\n")
    _at(error, "grants.delegate", "must be indexed")


def test_an_unknown_key_in_grants_is_refused() -> None:
    """``grants:`` accepts only the keys it documents."""
    error = _refused("  kind: kind\n\nroles:", "  kind: kind\n  colour: red\n\nroles:")
    assert any(p.path.startswith("grants") and "colour" in p.message_en for p in error.problems)
