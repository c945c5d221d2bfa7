"""The layers of the package and the one direction of its imports (docs/architecture.md)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import integrity_flows

SRC = Path(integrity_flows.__file__).resolve().parent

# Lowest first. A module may import modules of its own layer and of the layers below it,
# never above. An import made only for type checking counts like any other.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "foundation",
        ("errors", "calendars", "clock", "values", "identity", "safe_yaml", "plain", "display"),
    ),
    ("definition", ("definition",)),
    # audit.merkle: the trail's Merkle hashing, plain functions as the canonical form is.
    ("values", ("actor", "case", "committees", "stored", "audit.records", "audit.merkle")),
    ("contracts", ("protocols", "guards.context")),
    (
        "capabilities",
        ("audit", "powers", "protection", "plan", "manual", "stores", "directory", "logs"),
    ),
    ("guards", ("guards",)),
    # Declared reports are read and checked with the flows they read, and run over any
    # engine through the protocols of reports.run and reports.catalogue.
    (
        "loading",
        (
            "loading",
            "duties",
            "reports.base",
            "reports.declaration",
            "reports.reading",
            "reports.conditions_reading",
            "reports.checks",
            "reports.catalogue",
            "reports.aggregates",
            "reports.run",
            "reports.accumulators",
            "reports.derived",
            "reports.reading_cases",
            "reports.render",
            "reports.duty_table",
        ),
    ),
    # Reads the loaded flows that declare grants (the bundled ones by default).
    ("authority", ("authority",)),
    ("engine", ("engine",)),
    ("procedures", ("reports", "complaints", "monitoring", "docsite")),
    ("testing", ("testing",)),
    ("interfaces", ("cli", "__main__", "__init__")),
)

# Narrower than their layer: what these may know at all (besides themselves).
ONLY: dict[str, tuple[str, ...]] = {
    # A backend knows cases, what a store keeps and the contract, never the verifier,
    # the definitions or the engine.
    # It keeps the Merkle tree of its events with audit.merkle's hashing.
    "stores": (
        "errors",
        "case",
        "plain",
        "logs",
        "stored",
        "audit.records",
        "audit.merkle",
        "protocols",
    ),
    # The verifier reads stored events and cases, and replays committee acts; it reads the
    # log (audit.log) through the store contract.
    "audit": (
        "errors",
        "case",
        "committees",
        "stored",
        "audit.records",
        "audit.merkle",
        "protocols",
    ),
    # The contracts name the values they pass, nothing that acts.
    "protocols": ("actor", "case", "errors", "stored", "audit.records", "guards.context"),
}


def _module(path: Path) -> str:
    """``audit.records`` for ``audit/records.py``; ``audit`` for ``audit/__init__.py``."""
    parts = path.relative_to(SRC).with_suffix("").parts
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each module of the package that ``path`` imports, with the names it takes."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "integrity_flows":
            for alias in node.names:
                shipped = (SRC / alias.name).is_dir() or (SRC / f"{alias.name}.py").is_file()
                yield (alias.name, ()) if shipped else ("__init__", (alias.name,))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "integrity_flows."
        ):
            package = node.module.removeprefix("integrity_flows.")  # type: ignore[union-attr]
            yield from _from_package(package, tuple(a.name for a in node.names))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("integrity_flows."):
                    yield alias.name.removeprefix("integrity_flows."), ()


def _from_package(package: str, names: tuple[str, ...]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """``from integrity_flows.pkg import sub``: the submodule ``pkg.sub`` when ``sub`` is
    one, else ``pkg`` with the names taken from it."""
    folder = SRC.joinpath(*package.split("."))
    subs = [n for n in names if (folder / f"{n}.py").is_file() or (folder / n).is_dir()]
    for name in subs:
        yield f"{package}.{name}", ()
    if len(subs) < len(names):
        yield package, tuple(n for n in names if n not in subs)


def _owner(module: str, units: tuple[str, ...]) -> str | None:
    """The most specific of ``units`` that ``module`` belongs to."""
    found = [u for u in units if module == u or module.startswith(f"{u}.")]
    return max(found, key=len) if found else None


_UNITS = tuple(unit for _, units in LAYERS for unit in units)
_RANK = {unit: rank for rank, (_, units) in enumerate(LAYERS) for unit in units}


def _rank(module: str) -> int:
    owner = _owner(module, _UNITS)
    assert owner is not None, f"{module} belongs to no layer: place it in LAYERS"
    return _RANK[owner]


def _sources() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    """Each module of the package is placed in one layer (a new module must be placed)."""
    for path in _sources():
        _rank(_module(path))


@pytest.mark.parametrize("layer", [name for name, _ in LAYERS])
def test_imports_go_one_way(layer: str) -> None:
    """A module imports only from its own layer and the layers below it."""
    for path in _sources():
        module = _module(path)
        if LAYERS[_rank(module)][0] != layer:
            continue
        above = [t for t, _ in _imports(path) if _rank(t) > _rank(module)]
        assert not above, f"{module} (layer {layer}) imports higher layers: {above}"


@pytest.mark.parametrize("unit", sorted(ONLY))
def test_narrow_units_import_only_what_they_may(unit: str) -> None:
    """Stores, the verifier and the protocols know only the modules listed for them."""
    allowed = (*ONLY[unit], unit)
    for path in _sources():
        module = _module(path)
        if _owner(module, _UNITS) != unit:
            continue
        extra = [t for t, _ in _imports(path) if _owner(t, (*allowed, *_UNITS)) not in allowed]
        assert not extra, f"{module} imports {extra}; {unit} may import only {allowed}"


def test_the_engine_knows_no_store_backend() -> None:
    """The engine reaches stores only through ``stores.open_store`` in ``Engine.open``."""
    for path in sorted((SRC / "engine").rglob("*.py")):
        for target, names in _imports(path):
            if _owner(target, ("stores",)) is None:
                continue
            assert (_module(path), target, names) == ("engine.runtime", "stores", ("open_store",))


def test_the_layer_map_names_only_real_modules() -> None:
    """Every unit in LAYERS and ONLY is a module or package of the source tree."""
    modules = {_module(p) for p in _sources()}
    for unit in (*_UNITS, *(u for units in ONLY.values() for u in units)):
        assert any(m == unit or m.startswith(f"{unit}.") for m in modules), unit
