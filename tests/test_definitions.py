"""Flow definitions: the bundled flows load, and every kind of mistake is refused with
the file and the path inside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrity_flows import Engine
from integrity_flows.definition.model import FlowDefinition
from integrity_flows.errors import DefinitionError, Problem
from integrity_flows.guards.registry import GuardRegistry
from integrity_flows.loading import (
    FlowLibrary,
    bundled_flows,
    default_registry,
    load_folder,
    read_file,
    read_text,
)

FLOW_FILE = Path(__file__).resolve().parents[1] / "flows" / "asset_lending.yaml"
SOURCE = "flows/asset_lending.yaml"
TEXT = FLOW_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def registry() -> GuardRegistry:
    """The built-in guards (and any installed by plug-ins)."""
    return default_registry()


@pytest.fixture(scope="module")
def lending(registry: GuardRegistry) -> FlowDefinition:
    """The asset lending flow as shipped."""
    return read_text(TEXT, SOURCE, registry)


def edited(old: str, new: str, *, count: int = 1) -> str:
    """The asset lending flow with ``old`` replaced by ``new`` (``old`` must be there)."""
    assert old in TEXT, f"the flow no longer contains {old!r}"
    return TEXT.replace(old, new, count)


def problems_of(text: str, registry: GuardRegistry) -> DefinitionError:
    """The error raised when loading ``text`` as the asset lending file."""
    with pytest.raises(DefinitionError) as caught:
        read_text(text, SOURCE, registry)
    error = caught.value
    assert error.problems, "a DefinitionError lists its problems"
    return error


def find(error: DefinitionError, path: str, words: str) -> Problem:
    """The problem at ``path`` whose English message mentions ``words``; check its wording."""
    found = [p for p in error.problems if p.path == path and words in p.message_en]
    assert found, f"no problem at {path!r} about {words!r} in:\n{error}"
    problem = found[0]
    assert problem.source == SOURCE
    assert problem.message_th, "every problem is explained in Thai too"
    assert f"{SOURCE}: {path}" in str(error)
    return problem


# --- what loads ---------------------------------------------------------------


def test_bundled_flows_load(registry: GuardRegistry) -> None:
    """Every flow shipped in flows/ loads and checks, asset_lending among them."""
    definitions = load_folder(bundled_flows(), registry)
    by_id = {d.id: d for d in definitions}
    assert "asset_lending" in by_id
    for definition in definitions:
        assert definition.digest, definition.id
        assert definition.source.endswith((".yaml", ".yml"))
        assert all(t.cites for t in definition.transitions)


def test_engine_opens_with_bundled_flows() -> None:
    """Engine.open() loads the bundled flows; the latest asset_lending is version 1 or more."""
    with Engine.open("memory://") as engine:
        assert engine.flows.get("asset_lending").version >= 1


def test_asset_lending_shape(lending: FlowDefinition) -> None:
    """The lending flow has its initial state, labels in both languages and a sensitive phone."""
    assert lending.initial == "requested"
    assert lending.trigger_id("อนุมัติ") == "approve"
    assert lending.trigger_id("Hand Over") == "hand_over"
    assert lending.state_id("อนุมัติแล้ว") == "approved"
    assert lending.role_id("ผู้ขอ") == "requester"
    assert lending.data["borrower_phone"].sensitive
    assert lending.settings["escalate_after_days"] == 7


def test_same_text_same_digest(registry: GuardRegistry) -> None:
    """The definition hash depends on the content, not on formatting or file name."""
    one = read_text(TEXT, "a.yaml", registry)
    two = read_text("# a comment\n" + TEXT, "b.yaml", registry)
    three = read_text(
        edited(
            "escalate_after_days: {type: days, default: 7}",
            "escalate_after_days: {type: days, default: 8}",
        ),
        "c",
        registry,
    )
    assert one.digest == two.digest != three.digest


def test_read_file_names_the_file(tmp_path: Path, registry: GuardRegistry) -> None:
    """read_file records the file as the source, and says so when it cannot be read."""
    path = tmp_path / "lending.yaml"
    path.write_text(TEXT, encoding="utf-8")
    assert read_file(path, registry).source == str(path)
    with pytest.raises(DefinitionError, match="cannot read"):
        read_file(tmp_path / "missing.yaml", registry)


# --- every problem class ----------------------------------------------------------


def test_unknown_state(registry: GuardRegistry) -> None:
    """A transition to an undeclared state is refused at transitions[N].dest."""
    error = problems_of(edited("dest: checked", "dest: chekked"), registry)
    find(error, "transitions[0].dest", "unknown state 'chekked'")


def test_unknown_source_state(registry: GuardRegistry) -> None:
    """A transition from an undeclared state is refused at transitions[N].source[M]."""
    error = problems_of(
        edited("source: [requested, checked]\n", "source: [requested, chekd]\n"), registry
    )
    find(error, "transitions[2].source[1]", "unknown state 'chekd'")


def test_unknown_role(registry: GuardRegistry) -> None:
    """A transition naming an undeclared role is refused at transitions[N].roles[M]."""
    error = problems_of(edited("roles: [approver, executive]", "roles: [approver, exec]"), registry)
    find(error, "transitions[1].roles[1]", "unknown role 'exec'")


def test_unknown_start_role(registry: GuardRegistry) -> None:
    """The start naming an undeclared role is refused at start.roles[M]."""
    error = problems_of(
        edited("roles: [staff, public, custodian]", "roles: [staff, citizen]"), registry
    )
    find(error, "start.roles[1]", "unknown role 'citizen'")


def test_unknown_guard(registry: GuardRegistry) -> None:
    """A guard that is not registered is refused at transitions[N].guards[M]."""
    old = "    guards:\n      - distinct_actor: {role: requester}\n      - distinct_from_field"
    new = "    guards:\n      - quorom: {role: requester}\n      - distinct_from_field"
    error = problems_of(edited(old, new), registry)
    find(error, "transitions[1].guards[0]", "unknown guard 'quorom'")


def test_unknown_guard_inside_a_combinator(registry: GuardRegistry) -> None:
    """A bad guard nested in any/not is refused with the nested path."""
    old = "      - distinct_from_field: {field: borrower}\n"
    new = (
        "      - any:\n          - distinct_from_field: {field: borrower}\n"
        "          - not: {quorom: {}}\n"
    )
    error = problems_of(edited(old, new), registry)
    find(error, "transitions[1].guards[1].any[1].not[0]", "unknown guard 'quorom'")


def test_guard_parameters_are_checked(registry: GuardRegistry) -> None:
    """A guard with a missing, unknown or ill-typed parameter is refused."""
    text = edited("distinct_from_field: {field: borrower}", "distinct_from_field: {feld: x}")
    error = problems_of(text, registry)
    find(error, "transitions[1].guards[1]", "needs parameter 'field'")
    find(error, "transitions[1].guards[1].feld", "has no parameter 'feld'")
    text = edited("distinct_actor: {role: requester}", "distinct_actor: {role: somebody}")
    find(problems_of(text, registry), "transitions[0].guards[0].role", "unknown role 'somebody'")


def test_not_held_needs_an_indexed_field(registry: GuardRegistry) -> None:
    """not_held on a field that is not indexed is refused."""
    error = problems_of(edited("field: register_no\n", "field: condition_out\n"), registry)
    find(error, "transitions[4].guards[1].field", "indexed")


def test_unreachable_state(registry: GuardRegistry) -> None:
    """A state no transition leads to is refused at states.<name>."""
    extra = "  archived:\n    label: {th: เก็บเข้าแฟ้ม, en: archived}\n    terminal: true\n\nstart:"
    error = problems_of(edited("\nstart:", "\n" + extra), registry)
    find(error, "states.archived", "cannot be reached")


def test_non_terminal_dead_end(registry: GuardRegistry) -> None:
    """A state that is not terminal but has no way out is refused at states.<name>."""
    old = "    label: {th: ส่งคืนเรียบร้อย, en: returned}\n    terminal: true\n"
    error = problems_of(edited(old, "    label: {th: ส่งคืนเรียบร้อย, en: returned}\n"), registry)
    find(error, "states.returned", "no way out")


def test_terminal_state_with_a_way_out(registry: GuardRegistry) -> None:
    """A terminal state that transitions leave is refused."""
    error = problems_of(
        edited(
            "source: [requested, checked, approved]",
            "source: [requested, checked, approved, rejected]",
        ),
        registry,
    )
    find(error, "states.rejected", "terminal state 'rejected' has transitions out")


def test_duplicate_trigger_from_one_state(registry: GuardRegistry, lending: FlowDefinition) -> None:
    """The same trigger leaving one state twice (ambiguous) is refused at the second one."""
    duplicate = (
        "\n  - trigger: check\n    label: {th: ตรวจสอบคำขอ, en: check}\n    source: requested\n"
        '    dest: rejected\n    roles: [custodian]\n    cites: "13/5.4"\n'
    )
    error = problems_of(TEXT + duplicate, registry)
    index = len(lending.transitions)
    problem = find(error, f"transitions[{index}].trigger", "trigger 'check' leaves state")
    assert "requested" in problem.message_en


def test_bad_type(registry: GuardRegistry) -> None:
    """A value of the wrong type (version: "x") is refused at its path."""
    error = problems_of(edited("version: 3", 'version: "x"'), registry)
    find(error, "version", "expected a whole number")


@pytest.mark.parametrize(
    ("old", "new", "path", "words"),
    [
        ("version: 3", "version: 1.5", "version", "expected a whole number"),
        ("version: 3", 'version: "2"', "version", "expected a whole number"),
        ("risk_rows: [1]", "risk_rows: [1, x]", "plan.risk_rows[1]", "expected a whole number"),
        (
            "field: return_date, days: 1}",
            "field: return_date, days: true}",
            "states.on_loan.deadlines[0].days",
            "expected a whole number",
        ),
        (
            "    initial: true",
            "    initial: [yes]",
            "states.requested.initial",
            "expected true or false",
        ),
        (
            "    terminal: true",
            '    terminal: "false"',
            "states.rejected.terminal",
            "expected true or false",
        ),
        (
            "    per_case: true",
            "    per_case: 1",
            "roles.requester.per_case",
            "expected true or false",
        ),
    ],
)
def test_bad_type_is_never_coerced(
    registry: GuardRegistry, old: str, new: str, path: str, words: str
) -> None:
    """Numbers and yes/no values must be written as such; nothing is silently converted."""
    find(problems_of(edited(old, new), registry), path, words)


def test_unknown_field_type(registry: GuardRegistry) -> None:
    """A data field of an unknown type is refused at data.<name>.type."""
    error = problems_of(edited("type: text", "type: txt"), registry)
    find(error, "data.purpose.type", "unknown field type 'txt'")


def test_unknown_key(registry: GuardRegistry) -> None:
    """An unknown key inside a transition is refused at that transition."""
    error = problems_of(edited("dest: checked", "dest: checked\n    colour: red"), registry)
    find(error, "transitions[0]", "unknown key(s): colour")


def test_unknown_top_level_key(registry: GuardRegistry) -> None:
    """An unknown top-level key is refused, naming the file and the key."""
    error = problems_of(edited("version: 3", "version: 3\ncolour: red"), registry)
    assert any(p.source == SOURCE and "colour" in p.message_en for p in error.problems)
    assert f"{SOURCE}: unknown key(s): colour" in str(error)


def test_missing_key(registry: GuardRegistry) -> None:
    """A required key that is missing is refused at its path."""
    error = problems_of(edited("    dest: checked\n", "\n"), registry)
    find(error, "transitions[0].dest", "required key missing")


def test_duplicate_yaml_key(registry: GuardRegistry) -> None:
    """A key written twice in one mapping is refused with the line of the second one."""
    lines = TEXT.splitlines()
    line = lines.index("version: 3") + 2  # 1-based number of the inserted line
    error = problems_of(edited("version: 3", "version: 3\nversion: 4"), registry)
    find(error, f"line {line}", "key 'version' is written twice")


def test_invalid_yaml(registry: GuardRegistry) -> None:
    """Text that is not YAML is refused with the line where it breaks."""
    error = problems_of("id: x\nroles: [a, b\n", registry)
    (problem,) = error.problems
    assert problem.path.startswith("line ")
    assert "not valid YAML" in problem.message_en


def test_not_a_mapping(registry: GuardRegistry) -> None:
    """A flow file must hold a mapping."""
    error = problems_of("- just\n- a list\n", registry)
    assert "must hold a mapping" in error.problems[0].message_en


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ('cites: "13/5.1"', 'cites: "plan 13"', "start.cites"),
        ('cites: "13/5.4"', 'cites: "13-5.4"', "transitions[0].cites"),
        ('cites: "13/5.4"', 'cites: "risk/one"', "transitions[0].cites"),
    ],
)
def test_bad_cites(registry: GuardRegistry, old: str, new: str, path: str) -> None:
    """A citation that is not a plan step like '13/5.1' or 'risk/1' is refused."""
    find(problems_of(edited(old, new), registry), path, "is not a plan step")


def test_deadline_trigger_must_allow_system(registry: GuardRegistry) -> None:
    """A deadline whose trigger the system role may not fire is refused."""
    error = problems_of(edited("roles: [system]\n", "roles: [custodian]\n"), registry)
    find(error, "states.on_loan.deadlines[0].trigger", "must allow the role 'system'")


def test_deadline_trigger_must_leave_the_state(registry: GuardRegistry) -> None:
    """A deadline naming a trigger that does not leave its state is refused."""
    error = problems_of(
        edited(
            "{trigger: mark_overdue, field: return_date, days: 1}",
            "{trigger: escalate, field: return_date, days: 1}",
        ),
        registry,
    )
    find(error, "states.on_loan.deadlines[0].trigger", "no transition 'escalate' leaves")


def test_deadline_setting_must_exist(registry: GuardRegistry) -> None:
    """A deadline counting days from an undeclared setting is refused."""
    error = problems_of(
        edited("days_setting: escalate_after_days}", "days_setting: nope}"), registry
    )
    find(error, "states.overdue.deadlines[0].days_setting", "unknown setting 'nope'")


def test_binds_must_be_a_per_case_role(registry: GuardRegistry) -> None:
    """Only a per-case role can be bound to the starting actor."""
    error = problems_of(edited("binds: requester", "binds: staff"), registry)
    find(error, "start.binds", "not a per-case role")


def test_exactly_one_initial_state(registry: GuardRegistry) -> None:
    """Two initial states are refused."""
    old = "    label: {th: ตรวจสอบแล้ว, en: checked}\n"
    error = problems_of(edited(old, old + "    initial: true\n"), registry)
    find(error, "states", "exactly one initial state")


def test_system_role_may_not_be_declared(registry: GuardRegistry) -> None:
    """'system' is built in; declaring it is refused."""
    declared = "roles:\n  system:\n    label: {th: ระบบ, en: sys}\n  staff:\n"
    error = problems_of(edited("roles:\n  staff:\n", declared), registry)
    find(error, "roles.system", "built in")


def test_duplicate_labels(registry: GuardRegistry) -> None:
    """Two states with the same label would make names ambiguous; refused."""
    error = problems_of(
        edited("label: {th: ตรวจสอบแล้ว, en: checked}", "label: {th: อนุมัติแล้ว, en: checked twice}"),
        registry,
    )
    find(error, "states.approved", "is also used by 'checked'")


def test_every_problem_is_reported_at_once(registry: GuardRegistry) -> None:
    """Several mistakes in one file are all listed in one error."""
    text = edited("dest: checked", "dest: chekked")
    text = text.replace("roles: [approver, executive]", "roles: [approver, exec]", 1)
    text = text.replace('cites: "13/5.4"', 'cites: "x"', 1)
    error = problems_of(text, registry)
    paths = {p.path for p in error.problems}
    assert {"transitions[0].dest", "transitions[1].roles[1]", "transitions[0].cites"} <= paths


# --- folders and libraries ------------------------------------------------------------


def write_flow(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` as ``folder/name``."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_folder_names_each_broken_file(tmp_path: Path, registry: GuardRegistry) -> None:
    """load_folder reports the problems of every broken file, each with its own file name."""
    one = write_flow(tmp_path, "one.yaml", edited("dest: checked", "dest: chekked"))
    two = write_flow(
        tmp_path,
        "two.yml",
        edited("id: asset_lending", "id: other").replace("version: 3", "version: x"),
    )
    write_flow(tmp_path, "notes.txt", "not a flow")
    with pytest.raises(DefinitionError) as caught:
        load_folder(tmp_path, registry)
    sources = {p.source for p in caught.value.problems}
    assert sources == {str(one), str(two)}
    assert f"{one}: transitions[0].dest: unknown state 'chekked'" in str(caught.value)


def test_load_folder_refuses_a_missing_folder(tmp_path: Path, registry: GuardRegistry) -> None:
    """Naming a folder that does not exist is a definition error naming it."""
    with pytest.raises(DefinitionError, match="not a folder"):
        load_folder(tmp_path / "nowhere", registry)


def test_engine_open_refuses_a_broken_host_flow(tmp_path: Path) -> None:
    """Engine.open(flows=[folder]) refuses to start with a broken flow in the folder."""
    path = write_flow(
        tmp_path,
        "mine.yaml",
        edited("id: asset_lending", "id: mine").replace("dest: checked", "dest: nowhere"),
    )
    with pytest.raises(DefinitionError) as caught:
        Engine.open("memory://", flows=[tmp_path])
    assert f"{path}: transitions[0].dest" in str(caught.value)


def test_same_version_with_other_content_is_refused(registry: GuardRegistry) -> None:
    """Two different definitions with the same id and version cannot both be loaded."""
    library = FlowLibrary([read_text(TEXT, "a.yaml", registry)])
    library.add(read_text(TEXT, "copy.yaml", registry))  # identical: fine
    changed = read_text(
        edited(
            "escalate_after_days: {type: days, default: 7}",
            "escalate_after_days: {type: days, default: 9}",
        ),
        "b.yaml",
        registry,
    )
    with pytest.raises(DefinitionError, match="new version"):
        library.add(changed)


def test_new_version_loads_beside_the_old(registry: GuardRegistry) -> None:
    """A new version of a flow loads beside the old one; get() without version gives the latest."""
    old = read_text(TEXT, "v2.yaml", registry)
    new = read_text(edited("version: 3", "version: 4"), "v3.yaml", registry)
    library = FlowLibrary([old, new])
    assert library.get("asset_lending").version == 4
    assert library.get("asset_lending", 3) is old
