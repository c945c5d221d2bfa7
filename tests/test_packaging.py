"""Packaging and documentation hold together: licence, metadata, links, install lines."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_the_declared_licence_is_the_licence_file() -> None:
    """pyproject says MIT and ships LICENSE, which is the MIT licence."""
    assert PYPROJECT["license"] == "MIT"
    assert PYPROJECT["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Permission is hereby granted, free of charge" in text


def test_python_classifiers_follow_requires_python() -> None:
    """Every Python 3 minor from the minimum required up to 3.13 has its classifier."""
    minimum = int(re.fullmatch(r">=3\.(\d+)", PYPROJECT["requires-python"])[1])  # type: ignore[index]
    versions = {
        int(c.rsplit(".", 1)[1])
        for c in PYPROJECT["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    }
    assert versions == set(range(minimum, 14))


def test_relative_links_of_the_docs_lead_to_files() -> None:
    """Every relative link in README.md and docs/*.md names a file of the repository."""
    broken = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in _LINK.findall(page.read_text(encoding="utf-8")):
            if "://" in target or target.startswith("mailto:"):
                continue
            if not (page.parent / target).exists():
                broken.append(f"{page.relative_to(ROOT)}: {target}")
    assert broken == []


def test_a_bare_pip_install_of_an_extra_is_never_the_only_way_given() -> None:
    """A page that says pip install "integrity-flows[...]" also says how from a clone or wheel."""
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        if 'pip install "integrity-flows[' in text:
            assert 'pip install -e ".[' in text, page.name
            assert ".whl[" in text, page.name
