"""The integrity plan itself: its projects, method steps and risk table, and coverage.

``load_plan()`` reads the catalogue shipped with the package; ``coverage()`` reports
which written steps the flows implement and the scenarios exercise.
"""

from __future__ import annotations

from integrity_flows.plan.catalogue import (
    CATALOGUE,
    CoverageReport,
    Plan,
    PlanProject,
    PlanStep,
    ProjectCoverage,
    RiskCoverage,
    RiskRow,
    ScenarioRef,
    StepCoverage,
    TransitionRef,
    coverage,
    feature_files,
    load_plan,
    parse_plan,
)

__all__ = [
    "CATALOGUE",
    "CoverageReport",
    "Plan",
    "PlanProject",
    "PlanStep",
    "ProjectCoverage",
    "RiskCoverage",
    "RiskRow",
    "ScenarioRef",
    "StepCoverage",
    "TransitionRef",
    "coverage",
    "feature_files",
    "load_plan",
    "parse_plan",
]
