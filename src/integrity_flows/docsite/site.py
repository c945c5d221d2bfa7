"""Everything one build of the site knows, gathered once and shared by its pages."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from integrity_flows.definition.model import FlowDefinition
from integrity_flows.docsite.features import Feature, Scenario
from integrity_flows.docsite.markup import Words, badge, esc
from integrity_flows.docsite.results import Results
from integrity_flows.docsite.sources import Loaded
from integrity_flows.plan.catalogue import CoverageReport, ScenarioRef
from integrity_flows.plan.model import Plan

_TAG = re.compile(r"^@plan-(?P<project>\d+)(?:-(?P<step>\d+(?:\.\d+)*))?$")


@attrs.frozen
class Site:
    """The sources of the site and the coverage of the plan computed over them."""

    plan: Plan
    loaded: Loaded
    features: tuple[Feature, ...]
    results: Results
    coverage: CoverageReport
    developers: str | None = None
    dot: str | None = None  # Graphviz's dot, to lay the diagrams out; else the built-in layout

    def flow(self, flow_id: str) -> FlowDefinition | None:
        """The documented flow ``flow_id``, if it loaded."""
        return next((d for d in self.loaded.flows if d.id == flow_id), None)

    def scenarios(self, lang: str) -> Iterator[tuple[Feature, Scenario]]:
        """Every scenario of the features written in ``lang`` (or in neither site language)."""
        for feature in self.features:
            if _shown_in(feature, lang):
                for scenario in feature.scenarios:
                    yield feature, scenario

    def feature_of(self, ref: ScenarioRef) -> tuple[Feature, Scenario] | None:
        """The feature and scenario a coverage reference names."""
        for feature in self.features:
            if feature.file == ref.file:
                for scenario in feature.scenarios:
                    if scenario.line == ref.line:
                        return feature, scenario
        return None

    def status(self, feature: Feature, scenario: Scenario) -> str:
        """The last result of ``scenario``."""
        return self.results.status_of(feature, scenario)

    def scenario_link(self, w: Words, ref: ScenarioRef) -> str | None:
        """A link to the scenario ``ref`` names with its last result, when the scenario is
        written in ``w``'s language."""
        found = self.feature_of(ref)
        if found is None or not _shown_in(found[0], w.lang):
            return None
        feature, scenario = found
        return (
            f'<a href="feature-{feature.slug}.html#{scenario.anchor}">{esc(scenario.name)}</a> '
            + badge(w, self.status(feature, scenario))
        )


def _shown_in(feature: Feature, lang: str) -> bool:
    return feature.language == lang or feature.language not in ("th", "en")


def plan_projects(tags: tuple[str, ...]) -> list[int]:
    """The plan projects the tags name."""
    found = []
    for tag in tags:
        match = _TAG.match(tag)
        if match:
            found.append(int(match["project"]))
    return sorted(set(found))


__all__ = ["Site", "plan_projects"]
