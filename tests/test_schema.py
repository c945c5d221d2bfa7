"""The JSON Schema of flow files: generated from the model, published, and true to the loader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from integrity_flows.cli import cli
from integrity_flows.definition.schema import flow_schema, schema_text
from integrity_flows.loading import default_registry, read_file

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "docs" / "flow.schema.json"
FLOW_FILES = sorted(
    p
    for p in [*ROOT.glob("flows/*.yaml"), *ROOT.glob("tests/*_flows/*.yaml")]
    if isinstance(yaml.safe_load(p.read_text(encoding="utf-8")), dict)
)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = flow_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_published_schema_is_the_generated_one() -> None:
    """docs/flow.schema.json equals what the model generates (run `flows schema -o` to update)."""
    assert PUBLISHED.read_text(encoding="utf-8") == schema_text(), (
        "docs/flow.schema.json is stale: integrity-flows flows schema -o docs/flow.schema.json"
    )


def test_the_command_prints_and_writes_the_schema(tmp_path: Path) -> None:
    """`integrity-flows flows schema` prints the schema, or writes it with -o."""
    runner = CliRunner()
    printed = runner.invoke(cli, ["flows", "schema"])
    assert printed.exit_code == 0
    assert json.loads(printed.output) == flow_schema()
    target = tmp_path / "flow.schema.json"
    written = runner.invoke(cli, ["flows", "schema", "-o", str(target)])
    assert written.exit_code == 0
    assert target.read_text(encoding="utf-8") == schema_text()


@pytest.mark.parametrize("path", FLOW_FILES, ids=lambda p: p.name)
def test_every_flow_file_of_the_repository_fits_the_schema(
    validator: jsonschema.Draft202012Validator, path: Path
) -> None:
    """Each bundled and test flow file is valid against the schema; a file that names a
    template, as the flow the template makes of it (the schema describes flows, not the
    shorter text that instantiates a template)."""
    text = path.read_text("utf-8")
    data = yaml.safe_load(text)
    if isinstance(data, dict) and "template" in data:
        data = yaml.safe_load(read_file(path, default_registry()).text)
    errors = [e.message for e in validator.iter_errors(data)]
    assert errors == []


def _flow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(
        (ROOT / "flows" / "asset_lending.yaml").read_text("utf-8")
    )
    return loaded


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda f: f.update(titel=f["title"]), "titel"),
        (lambda f: f.pop("states"), "states"),
        (lambda f: f["transitions"][0].update(guards=[{"a": {}, "b": {}}]), "guards"),
        (lambda f: f["settings"].update(x={"type": "days"}), "default"),
        (lambda f: f["roles"]["staff"].update(per_case="yes"), "yes"),
        (lambda f: f["data"]["item"].update(type="colour"), "colour"),
    ],
    ids=[
        "unknown key",
        "missing key",
        "two-key guard",
        "setting without default",
        "text for a boolean",
        "unknown field type",
    ],
)
def test_the_schema_refuses_what_the_loader_refuses(
    validator: jsonschema.Draft202012Validator, change: Any, where: str
) -> None:
    """A wrong key, a missing one, a bad guard, setting, boolean or type is invalid."""
    flow = _flow()
    change(flow)
    errors = list(validator.iter_errors(flow))
    assert errors
    assert any(where in e.message or where in str(list(e.absolute_path)) for e in errors)
