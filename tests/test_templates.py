"""Flow templates: one shape, instantiated by flow files with their own identity and cites."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrity_flows import Actor, Engine
from integrity_flows.errors import DefinitionError, GuardRejected, Problem
from integrity_flows.guards.registry import GuardRegistry
from integrity_flows.loading import bundled_flows, default_registry, load_folder, read_file
from integrity_flows.loading.reader import read_text

TEMPLATE = """\
steps:
  ask: {th: ขอ, en: ask}
  grant: {th: อนุญาต, en: grant}
settings:
  limit: {type: number, default: 10}
roles:
  clerk: {label: {th: เจ้าหน้าที่, en: clerk}}
  chief: {label: {th: หัวหน้า, en: chief}}
data:
  amount: {type: decimal, label: {th: จำนวนเงิน, en: amount}}
states:
  asked: {label: {th: ขอแล้ว, en: asked}, initial: true}
  granted: {label: {th: อนุญาตแล้ว, en: granted}, terminal: true}
start: {roles: [clerk], cites: ask}
transitions:
  - trigger: grant
    label: {th: อนุญาต, en: grant}
    source: asked
    dest: granted
    roles: [chief]
    cites: grant
    also_cites: [ask]
    guards:
      - at_most: {field: amount, limit_setting: limit}
"""

INSTANCE = """\
template: request
id: small_request
version: 1
title: {th: คำขอเล็ก, en: small request}
plan: {project: 2, title: {th: โครงการ, en: project}}
steps:
  ask: "2/5.1"
  grant: ["2/5.2", "2/5.3"]
settings:
  limit: 5
labels:
  transitions:
    grant: {th: อนุมัติคำขอ, en: approve the request}
  states:
    granted: {th: อนุมัติแล้ว, en: approved}
"""


@pytest.fixture(scope="module")
def registry() -> GuardRegistry:
    """The built-in guards."""
    return default_registry(entry_points=False)


def folder_with(tmp_path: Path, instance: str = INSTANCE, template: str = TEMPLATE) -> Path:
    """A flows folder holding one instance and the template ``request``."""
    (tmp_path / "templates").mkdir(parents=True)
    (tmp_path / "templates" / "request.yaml").write_text(template, encoding="utf-8")
    (tmp_path / "small_request.yaml").write_text(instance, encoding="utf-8")
    return tmp_path


def problems(tmp_path: Path, registry: GuardRegistry, **files: str) -> list[Problem]:
    """The problems of loading the folder made of ``files`` (instance, template)."""
    folder = folder_with(tmp_path, **files)
    with pytest.raises(DefinitionError) as caught:
        load_folder(folder, registry)
    found = list(caught.value.problems)
    assert all(p.message_th for p in found), "every problem is explained in Thai too"
    return found


def test_an_instance_takes_the_shape_with_its_own_cites(
    tmp_path: Path, registry: GuardRegistry
) -> None:
    """Cites by step name become the project's steps; the first is cited, the rest also."""
    (definition,) = load_folder(folder_with(tmp_path), registry)
    assert (definition.id, definition.version, definition.plan and definition.plan.project) == (
        "small_request",
        1,
        2,
    )
    assert definition.start.cites == "2/5.1"
    (grant,) = definition.transitions
    assert grant.cites == "2/5.2"
    assert list(grant.also_cites) == ["2/5.3", "2/5.1"]


def test_settings_and_labels_are_the_instances(tmp_path: Path, registry: GuardRegistry) -> None:
    """New defaults and labels replace the template's; the engine enforces them."""
    (definition,) = load_folder(folder_with(tmp_path), registry)
    assert definition.transitions[0].label.th == "อนุมัติคำขอ"
    assert definition.states["granted"].label.en == "approved"
    engine = Engine.open("memory://", flows=[tmp_path], bundled=False)
    case = engine.start("small_request", actor=Actor("c", roles={"clerk"}), data={"amount": "7"})
    with pytest.raises(GuardRejected):  # 7 is above the instance's limit of 5
        engine.fire(case.id, "grant", actor=Actor("h", roles={"chief"}))


def test_the_hash_is_the_expanded_flows(tmp_path: Path, registry: GuardRegistry) -> None:
    """A change to the template changes the digest of every flow that uses it."""
    folder = folder_with(tmp_path)
    before = read_file(folder / "small_request.yaml", registry).digest
    (folder / "templates" / "request.yaml").write_text(
        TEMPLATE.replace("th: หัวหน้า,", "th: หัวหน้างาน,"), encoding="utf-8"
    )
    assert read_file(folder / "small_request.yaml", registry).digest != before


def test_the_kept_text_is_the_expanded_flow(tmp_path: Path, registry: GuardRegistry) -> None:
    """The text a store or flows/history/ keeps loads alone, with the same hash, after the
    template has changed or is gone: the rules a case ran under stay the ones it had."""
    folder = folder_with(tmp_path)
    first = read_file(folder / "small_request.yaml", registry)
    assert first.text.startswith("# The flow small_request as template request made it.")
    (folder / "templates" / "request.yaml").unlink()
    again = read_text(first.text, "kept", registry)
    assert (again.id, again.version, again.digest) == (first.id, first.version, first.digest)
    assert again.text == first.text


def test_an_unknown_template_is_named_with_a_hint(tmp_path: Path, registry: GuardRegistry) -> None:
    """A misspelt template name is a problem of the instance, with a did-you-mean."""
    (found,) = problems(
        tmp_path, registry, instance=INSTANCE.replace("template: request", "template: reqest")
    )
    assert found.path == "template"
    assert "unknown template 'reqest' (did you mean 'request'?)" in found.message_en


def test_every_step_must_be_mapped_and_known(tmp_path: Path, registry: GuardRegistry) -> None:
    """A step left unmapped and a step the template does not declare are both named."""
    text = INSTANCE.replace('  ask: "2/5.1"\n', '  aks: "2/5.1"\n')
    found = problems(tmp_path, registry, instance=text)
    assert {(p.path, p.message_en) for p in found} == {
        ("steps.aks", "the template declares no step 'aks' (did you mean 'ask'?)"),
        ("steps", "step 'ask' of the template is not mapped to a plan step"),
    }
    assert all(p.source.endswith("small_request.yaml") for p in found)


def test_a_template_cites_only_its_declared_steps(tmp_path: Path, registry: GuardRegistry) -> None:
    """A literal cite or an undeclared name in the template is a problem of the template file."""
    found = problems(
        tmp_path, registry, template=TEMPLATE.replace("cites: grant", 'cites: "2/5.2"')
    )
    (problem,) = found
    assert problem.source.endswith("templates/request.yaml")
    assert problem.path == "transitions[0].cites"
    assert "cites one of its declared steps by name" in problem.message_en


def test_unknown_setting_label_and_key_are_refused(tmp_path: Path, registry: GuardRegistry) -> None:
    """An instance may only give values to what the template declares, and only its own keys."""
    text = INSTANCE.replace("  limit: 5", "  limt: 5").replace(
        "    grant: {th: อนุมัติคำขอ", "    grnt: {th: อนุมัติคำขอ"
    )
    paths = {p.path for p in problems(tmp_path / "a", registry, instance=text)}
    assert paths == {"settings.limt", "labels.transitions.grnt"}
    (extra,) = problems(tmp_path / "b", registry, instance=INSTANCE + "roles: {}\n")
    assert "unknown key(s) beside a template: roles" in extra.message_en


def test_a_template_keeps_identity_to_its_instances(
    tmp_path: Path, registry: GuardRegistry
) -> None:
    """A template that sets an id (or declares no steps) is refused, naming the template."""
    (found,) = problems(tmp_path, registry, template="id: x\n" + TEMPLATE)
    assert found.source.endswith("templates/request.yaml")
    assert found.path == "id"


def test_a_setting_value_is_still_checked_against_its_type(
    tmp_path: Path, registry: GuardRegistry
) -> None:
    """The expanded flow goes through every load-time check: a bad default is named."""
    found = problems(tmp_path, registry, instance=INSTANCE.replace("limit: 5", "limit: many"))
    assert [p.path for p in found] == ["settings.limit.default"]


def test_text_without_a_folder_cannot_name_a_template(registry: GuardRegistry) -> None:
    """Read from text alone, an instance is refused: templates come from a folder."""
    with pytest.raises(DefinitionError) as caught:
        read_text(INSTANCE, "given.yaml", registry)
    (found,) = caught.value.problems
    assert "templates are read from the folder 'templates/'" in found.message_en


def test_the_bundled_templates_are_not_flows(registry: GuardRegistry) -> None:
    """The bundled folder's templates are read only through the flows that name them."""
    ids = {d.id for d in load_folder(bundled_flows(), registry)}
    assert {"ethics_training", "anticorruption_seminar"} <= ids
    assert "training_event" not in ids


def test_the_reference_example_loads_with_the_bundled_template(
    tmp_path: Path, registry: GuardRegistry
) -> None:
    """docs/flow-definitions.md's instance example loads against flows/templates/ and cites
    what the bundled ethics_training cites."""
    page = (Path(__file__).parents[1] / "docs" / "flow-definitions.md").read_text(encoding="utf-8")
    example = page.split("```yaml\ntemplate: training_event\n", 1)[1].split("```", 1)[0]
    bundled = Path(__file__).parents[1] / "flows"
    (tmp_path / "templates").mkdir()
    shape = (bundled / "templates" / "training_event.yaml").read_text(encoding="utf-8")
    (tmp_path / "templates" / "training_event.yaml").write_text(shape, encoding="utf-8")
    (tmp_path / "ethics_training.yaml").write_text(
        "template: training_event\n" + example, encoding="utf-8"
    )
    (documented,) = load_folder(tmp_path, registry)
    shipped = read_file(bundled / "ethics_training.yaml", registry)
    assert [(t.trigger, t.cites, t.also_cites) for t in documented.transitions] == [
        (t.trigger, t.cites, t.also_cites) for t in shipped.transitions
    ]
    assert documented.settings == shipped.settings


PARENT = """\
id: request_batch
version: 1
title: {th: ชุดคำขอ, en: batch of requests}
plan: {project: 2, title: {th: โครงการ, en: project}}
states:
  open: {label: {th: เปิด, en: open}, initial: true}
  closed: {label: {th: ปิด, en: closed}, terminal: true}
start: {roles: [clerk], cites: "2/5.1"}
roles:
  clerk: {label: {th: เจ้าหน้าที่, en: clerk}}
transitions:
  - trigger: close
    label: {th: ปิด, en: close}
    source: open
    dest: closed
    roles: [clerk]
    cites: "2/5.1"
"""


def test_an_instance_may_be_the_child_of_a_parent_flow(
    tmp_path: Path, registry: GuardRegistry
) -> None:
    """``parent`` is the instance's own: one child case per batch, linked through a field
    the template declares; a child naming no open parent case is refused."""
    template = TEMPLATE.replace(
        "data:\n", "data:\n  batch_of: {type: string, label: {th: ชุด, en: batch}, indexed: true}\n"
    )
    instance = INSTANCE + "parent: {flow: request_batch, field: batch_of, states: [open]}\n"
    folder = folder_with(tmp_path, instance=instance, template=template)
    (folder / "request_batch.yaml").write_text(PARENT, encoding="utf-8")
    definitions = {d.id: d for d in load_folder(folder, registry)}
    link = definitions["small_request"].parent
    assert link is not None
    assert (link.flow, link.field) == ("request_batch", "batch_of")
    engine = Engine.open("memory://", flows=[folder], bundled=False)
    clerk = Actor("c", roles={"clerk"})
    batch = engine.start("request_batch", actor=clerk)
    child = engine.start("small_request", actor=clerk, data={"batch_of": batch.id})
    assert child.data["batch_of"] == batch.id
    engine.fire(batch.id, "close", actor=clerk)
    with pytest.raises(GuardRejected):  # the parent case is no longer open
        engine.start("small_request", actor=clerk, data={"batch_of": batch.id})


def test_a_template_cannot_name_a_parent(tmp_path: Path, registry: GuardRegistry) -> None:
    """The parent link is the instance's, as its id is: a template naming one is refused."""
    template = "parent: {flow: x, field: y}\n" + TEMPLATE
    (found,) = problems(tmp_path, registry, template=template)
    assert "leaves template, id, version, title, description, plan and parent" in found.message_en
