"""Run feature files as tests with one line: the whole of a host's test module is ::

    from integrity_flows.testing.bdd import features; features("../features")

(with ruff, add ``  # noqa: E702, I001  # fmt: skip`` to that line; this repository's
``tests/test_features.py`` is exactly that line)

``features`` puts into the calling module (found through the caller's frame, as
pytest-bdd's own ``scenarios`` does) the step definitions and fixtures of
:mod:`integrity_flows.testing.steps` and one test per scenario of every ``.feature``
file found, recursively, under the paths given (relative to the calling module's
folder). Without paths it uses the nearest ``features`` folder beside the calling
module or in one of its parent folders. New feature files dropped there run without
touching the test module.

Why this is needed with pytest-bdd 9: a step decorator registers its step as a fixture
in the namespace of the module where the decorator runs, so steps defined in a library
are visible to pytest only after they are copied into a test module or a conftest;
and ``scenarios`` puts its tests in the module that calls it, so it cannot be wrapped.

Tags become pytest marks. Tags that are not yet known markers (``@plan-13-5.1``) are
registered as markers first, so that ``--strict-markers`` accepts them. Nothing here
is a pytest plugin; importing :mod:`integrity_flows` does not import this module.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, MutableMapping
from pathlib import Path
from typing import Any

from integrity_flows.testing.extras import missing_bdd

try:
    from pytest_bdd import scenario
    from pytest_bdd.feature import get_feature
    from pytest_bdd.utils import CONFIG_STACK
except ModuleNotFoundError as exc:  # the bdd extra is not installed: say which to install
    raise missing_bdd(exc, "integrity_flows.testing.bdd") from exc

from integrity_flows.testing import steps

_NAME_JUNK = re.compile(r"[^\w\u0E00-\u0E7F]+")


def install(namespace: MutableMapping[str, Any]) -> list[str]:
    """Copy the step definitions and fixtures of the library into ``namespace``.

    Names already present are left alone, so a host may override a fixture by
    defining it before the call. Returns the names copied.
    """
    copied = []
    for name in steps.__all__:
        if name not in namespace:
            namespace[name] = getattr(steps, name)
            copied.append(name)
    return copied


def feature_files(paths: Iterable[str | Path], base: Path) -> list[Path]:
    """Every ``.feature`` file under ``paths`` (files or folders, relative to ``base``)."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        path = path if path.is_absolute() else (base / path)
        path = path.resolve()
        if path.is_dir():
            found.extend(sorted(path.rglob("*.feature")))
        elif path.is_file():
            found.append(path)
        else:
            msg = f"no feature file or folder at {path}"
            raise FileNotFoundError(msg)
    return list(dict.fromkeys(found))


def _nearest_features(base: Path) -> Path:
    for folder in (base, *base.parents):
        candidate = folder / "features"
        if candidate.is_dir():
            return candidate
    msg = f"no 'features' folder in {base} or its parents; name one: features('path')"
    raise FileNotFoundError(msg)


def _register_markers(tags: Iterable[str]) -> None:
    """Declare feature tags as pytest markers so that --strict-markers accepts them."""
    if not CONFIG_STACK:
        return
    config = CONFIG_STACK[-1]
    known = {line.split(":")[0].split("(")[0].strip() for line in config.getini("markers")}
    builtin = {"skip", "skipif", "xfail", "parametrize", "usefixtures", "filterwarnings"}
    for tag in sorted(set(tags) - known - builtin):
        config.addinivalue_line("markers", f"{tag}: tag of a Gherkin feature or scenario")


def scenario_test_name(scenario_name: str, taken: Iterable[str]) -> str:
    """A test function name for a scenario, Thai kept readable, unique among ``taken``."""
    stem = _NAME_JUNK.sub("_", scenario_name).strip("_").lower() or "scenario"
    seen = set(taken)
    name, index = f"test_{stem}", 0
    while name in seen:
        index += 1
        name = f"test_{stem}_{index}"
    return name


def _noop() -> None:
    """Body of a generated scenario test: the steps are the test."""


def bind(
    files: Iterable[Path], namespace: MutableMapping[str, Any], encoding: str = "utf-8"
) -> list[str]:
    """Put one test per scenario of ``files`` into ``namespace``; returns the test names."""
    names = []
    for path in files:
        feature = get_feature(str(path.parent), path.name, encoding=encoding)
        tags = set(feature.tags)
        for template in feature.scenarios.values():
            tags |= template.tags
            if template.rule is not None:
                tags |= template.rule.tags
            for examples in template.examples:
                tags |= examples.tags or set()
        _register_markers(tags)
        for scenario_name in feature.scenarios:
            test = scenario(
                str(path), scenario_name, encoding=encoding, features_base_dir=str(path.parent)
            )(_noop)
            name = scenario_test_name(scenario_name, namespace.keys())
            namespace[name] = test
            names.append(name)
    return names


def features(*paths: str | Path, encoding: str = "utf-8") -> list[str]:
    """Make the calling test module run every scenario under ``paths`` with our steps."""
    namespace = sys._getframe(1).f_globals
    base = Path(str(namespace.get("__file__", "."))).resolve().parent
    install(namespace)
    chosen: Iterable[str | Path] = paths or (_nearest_features(base),)
    files = feature_files(chosen, base)
    if not files:
        msg = f"no .feature files under {', '.join(str(p) for p in chosen)}"
        raise FileNotFoundError(msg)
    return bind(files, namespace, encoding)


__all__ = ["bind", "feature_files", "features", "install"]
