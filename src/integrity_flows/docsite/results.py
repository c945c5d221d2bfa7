"""The last results of the scenarios, read from a cucumber JSON file.

pytest-bdd writes one with ``--cucumberjson=FILE``; cucumber-js, behave and others write
the same shape: a list of features (``uri``, ``elements``), each element a scenario run
(``name``, ``line``, ``steps`` with a ``result.status``). A scenario is matched by its
feature file (the ``uri`` ends with the file's path under the features folder) and its
name. Whatever does not match is never an error: a scenario without a run is "not run",
every scenario is "unknown" when no file is given, and runs that match no scenario (a
renamed scenario, another project's file) are kept to be listed as such.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs

from integrity_flows.docsite.features import Feature, Scenario
from integrity_flows.errors import Problem

PASSED = "passed"
FAILED = "failed"
SKIPPED = "skipped"
NOT_RUN = "not-run"
UNKNOWN = "unknown"
STATUSES = (PASSED, FAILED, SKIPPED, NOT_RUN, UNKNOWN)


@attrs.frozen
class Run:
    """One scenario run in the results file."""

    uri: str
    name: str
    line: int
    status: str


@attrs.frozen
class Results:
    """The runs of a results file and when it was written (UTC); empty without a file."""

    runs: tuple[Run, ...] = ()
    when: datetime | None = None
    source: str | None = None
    problem: Problem | None = None

    @property
    def given(self) -> bool:
        """True when a results file was given and read."""
        return self.source is not None and self.problem is None

    def status_of(self, feature: Feature, scenario: Scenario) -> str:
        """The last result of ``scenario``: one of :data:`STATUSES`."""
        if not self.given:
            return UNKNOWN
        found = [run.status for run in self.runs if _matches(run, feature, scenario)]
        return combine(found) if found else NOT_RUN

    def unmatched(self, features: Iterable[Feature]) -> list[Run]:
        """The runs that match no scenario of ``features``."""
        pairs = [(f, s) for f in features for s in f.scenarios]
        return [run for run in self.runs if not any(_matches(run, f, s) for f, s in pairs)]


def _matches(run: Run, feature: Feature, scenario: Scenario) -> bool:
    uri = run.uri.replace("\\", "/")
    return run.name == scenario.name and (
        uri == feature.relative or uri.endswith("/" + feature.relative)
    )


def combine(statuses: Iterable[str]) -> str:
    """The result of a scenario run several times (an outline's examples): failed if one
    failed, passed if all passed, else skipped."""
    found = set(statuses)
    if FAILED in found:
        return FAILED
    return PASSED if found == {PASSED} else SKIPPED


def read_results(path: Path | None) -> Results:
    """The results in the cucumber JSON file ``path``; a file that cannot be read or is
    not of that shape gives no runs and a problem naming it, never an exception."""
    if path is None:
        return Results()
    shown = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        runs = tuple(_runs(data))
        stat = path.stat()
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        problem = Problem(
            shown,
            "",
            f"not a cucumber JSON results file: {exc}",
            f"ไม่ใช่ไฟล์ผลการทดสอบแบบ cucumber JSON: {exc}",
        )
        return Results(source=shown, problem=problem)
    stamps = [_stamp(e) for f in data for e in f.get("elements", ())]
    known = [s for s in stamps if s is not None]
    when = max(known) if known else datetime.fromtimestamp(stat.st_mtime, UTC)
    return Results(runs, when, shown)


def _runs(data: Any) -> Iterable[Run]:
    if not isinstance(data, list):
        msg = "the file holds no list of features"
        raise ValueError(msg)
    for number, feature in enumerate(data):
        if not isinstance(feature, Mapping) or not isinstance(feature.get("elements", []), list):
            msg = f"feature {number} is not an object with a list of elements"
            raise ValueError(msg)
        for element in feature.get("elements", ()):
            if not isinstance(element, Mapping) or element.get("type", "scenario") == "background":
                continue
            yield Run(
                str(feature.get("uri", "")),
                str(element.get("name", "")),
                _int(element.get("line")),
                _status(element.get("steps", ())),
            )


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def _status(steps: object) -> str:
    if not isinstance(steps, list):
        return SKIPPED
    found = []
    for step in steps:
        result = step.get("result", {}) if isinstance(step, Mapping) else {}
        status = result.get("status") if isinstance(result, Mapping) else None
        found.append(status if status in (PASSED, FAILED) else SKIPPED)
    return combine(found) if found else SKIPPED


def _stamp(element: object) -> datetime | None:
    """When a run started, where the writer records it (cucumber-js ``start_timestamp``)."""
    if not isinstance(element, Mapping) or not isinstance(element.get("start_timestamp"), str):
        return None
    try:
        moment = datetime.fromisoformat(element["start_timestamp"].replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


__all__ = ["STATUSES", "Results", "Run", "combine", "read_results"]
