"""Feature files read for the living documentation: scenarios with their steps and tables.

Features are parsed with ``gherkin-official``, the parser the test runner and the lint
use, so a scenario shown is a scenario run. A file that does not parse is kept with its
problem, to be listed on the site, never to stop the build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
from gherkin.errors import CompositeParserException, ParserError
from gherkin.parser import Parser

from integrity_flows.errors import Problem
from integrity_flows.plan.catalogue import feature_files


@attrs.frozen
class Step:
    """One step as written: its keyword, its text, and its table or doc string if any."""

    keyword: str
    text: str
    table: tuple[tuple[str, ...], ...] = ()
    doc_string: str | None = None


@attrs.frozen
class Examples:
    """The examples table of a scenario outline."""

    name: str
    table: tuple[tuple[str, ...], ...]


@attrs.frozen
class Scenario:
    """A scenario (or outline) with the tags it carries and inherits."""

    feature: str  # the slug of its feature
    file: str  # the path as the coverage names it
    line: int
    keyword: str
    name: str
    description: str
    tags: tuple[str, ...]
    steps: tuple[Step, ...]
    examples: tuple[Examples, ...] = ()

    @property
    def anchor(self) -> str:
        """The id of the scenario in its feature's page."""
        return f"s{self.line}"

    @property
    def plan_tags(self) -> tuple[str, ...]:
        """The plan tags (``@plan-13-5.1``), in order."""
        return tuple(t for t in self.tags if t.startswith("@plan-"))


@attrs.frozen
class Feature:
    """A feature file: its text in the language it is written in, or its problem."""

    path: Path
    file: str  # as the coverage names it
    relative: str  # under the features folder, with forward slashes
    slug: str
    language: str
    name: str = ""
    keyword: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    background: tuple[Step, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    problem: Problem | None = None


_SLUG = re.compile(r"[^a-z0-9]+")


def slug_of(relative: str) -> str:
    """A file name for a feature's page from its path under the features folder."""
    return _SLUG.sub("-", relative.lower().removesuffix(".feature")).strip("-") or "feature"


def read_features(feature_dir: Path | None) -> list[Feature]:
    """Every feature under ``feature_dir``, sorted by path; none when it is None."""
    if feature_dir is None:
        return []
    root = feature_dir if feature_dir.is_dir() else feature_dir.parent
    return [_read(path, root) for path in feature_files(feature_dir)]


def _read(path: Path, root: Path) -> Feature:
    relative = path.relative_to(root).as_posix()
    shown = str(path)
    slug = slug_of(relative)
    try:
        text = path.read_text(encoding="utf-8")
        document = Parser().parse(text)
    except (OSError, UnicodeDecodeError, CompositeParserException, ParserError) as exc:
        problem = Problem(
            shown, "", f"the file does not parse: {exc}", f"ไฟล์อ่านเป็น Gherkin ไม่ได้: {exc}"
        )
        return Feature(path, shown, relative, slug, "", problem=problem)
    node: Mapping[str, Any] | None = document.get("feature")
    if not node:
        return Feature(path, shown, relative, slug, "")
    inherited = _tags(node)
    background: tuple[Step, ...] = ()
    for child in node.get("children", ()):
        if "background" in child:
            background = _steps(child["background"])
    scenarios = tuple(
        _scenario(s, tags, slug, shown) for s, tags in _walk(node.get("children", ()), inherited)
    )
    return Feature(
        path,
        shown,
        relative,
        slug,
        str(node.get("language", "en")),
        name=str(node.get("name", "")),
        keyword=str(node.get("keyword", "")),
        description=_dedent(str(node.get("description", ""))),
        tags=inherited,
        background=background,
        scenarios=scenarios,
    )


def _tags(node: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(str(tag["name"]) for tag in node.get("tags", ()))


def _walk(
    children: Iterable[Mapping[str, Any]], inherited: tuple[str, ...]
) -> Iterator[tuple[Mapping[str, Any], tuple[str, ...]]]:
    for child in children:
        if "rule" in child:
            rule = child["rule"]
            yield from _walk(rule.get("children", ()), inherited + _tags(rule))
        elif "scenario" in child:
            yield child["scenario"], inherited + _tags(child["scenario"])


def _scenario(node: Mapping[str, Any], tags: tuple[str, ...], slug: str, shown: str) -> Scenario:
    examples = []
    for ex in node.get("examples", ()):
        tags += _tags(ex)
        header = ex.get("tableHeader")
        rows = [header, *ex.get("tableBody", ())] if header else list(ex.get("tableBody", ()))
        examples.append(Examples(str(ex.get("name", "")), _table(rows)))
    return Scenario(
        slug,
        shown,
        int(node["location"]["line"]),
        str(node.get("keyword", "")),
        str(node.get("name", "")),
        _dedent(str(node.get("description", ""))),
        tuple(dict.fromkeys(tags)),
        _steps(node),
        tuple(examples),
    )


def _steps(node: Mapping[str, Any]) -> tuple[Step, ...]:
    steps = []
    for step in node.get("steps", ()):
        table = step.get("dataTable")
        doc = step.get("docString")
        steps.append(
            Step(
                str(step["keyword"]).strip(),
                str(step["text"]),
                _table(table["rows"]) if table else (),
                str(doc["content"]) if doc else None,
            )
        )
    return tuple(steps)


def _table(rows: Iterable[Mapping[str, Any]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(cell["value"]) for cell in row["cells"]) for row in rows)


def _dedent(text: str) -> str:
    return "\n".join(line.strip() for line in text.strip("\n").splitlines())


__all__ = ["Examples", "Feature", "Scenario", "Step", "read_features", "slug_of"]
