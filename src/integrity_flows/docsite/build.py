"""Build the living documentation: a static site of the plan, the procedures, the
features and their last results, in Thai and in English, that works offline.

Nothing in a page is fetched at view time: the stylesheet, the script and the search
index are files of the site (the first two copied from this package), the diagrams are
SVG inside the pages. Bad input never stops the build: a flow file that does not load,
a feature that does not parse, a results file that does not match are each shown where
an auditor looks for them.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

import attrs

from integrity_flows.docsite.feature_pages import (
    feature_pages,
    features_page,
    run_line,
    scenarios_page,
)
from integrity_flows.docsite.features import read_features
from integrity_flows.docsite.flow_pages import flow_pages, flows_page, problem_list
from integrity_flows.docsite.markup import LANGS, Words, esc, page, table
from integrity_flows.docsite.plan_pages import plan_page, project_pages
from integrity_flows.docsite.results import STATUSES, read_results
from integrity_flows.docsite.search import index_script, site_docs
from integrity_flows.docsite.site import Site
from integrity_flows.docsite.sources import load_sources
from integrity_flows.plan.catalogue import coverage, open_plan
from integrity_flows.plan.model import Plan

ASSETS = ("site.css", "site.js")


@attrs.frozen
class BuiltSite:
    """What a build wrote: the folder, its pages per language, and what it noticed."""

    root: Path
    pages: dict[str, tuple[str, ...]]
    scenarios: int
    broken_flows: int
    problems: int

    @property
    def index(self) -> Path:
        """The site's front page."""
        return self.root / "index.html"


def build_site(
    out: Path,
    *,
    lang: str = "th",
    results: Path | None = None,
    features: Path | None = None,
    flow_dirs: Sequence[str | Path] = (),
    overrides: Sequence[str | Path] = (),
    override_plugins: Sequence[str] = (),
    bundled: bool = True,
    plan: Plan | str | Path | None = None,
    developers: str | None = None,
    dot: str | None = None,
) -> BuiltSite:
    """Write the site into ``out`` (created): its ``assets/``, ``th/``, ``en/`` and
    ``index.html`` replace those of an earlier build, anything else there is left alone.

    ``lang`` is the language the front page opens in; both are written, under ``th/``
    and ``en/``. ``results`` is a cucumber JSON file of the last test run, ``features``
    the folder of ``.feature`` files, ``flow_dirs`` and the overrides the flows as the
    commands load them, ``plan`` the plan (the bundled one when None), ``developers``
    a link (relative to a page) to the developer documentation, ``dot`` the path of
    Graphviz's ``dot`` to lay the diagrams out (the package's own layout when None).
    """
    if lang not in LANGS:
        msg = f"lang must be one of {', '.join(LANGS)}, not {lang!r}"
        raise ValueError(msg)
    the_plan = plan if isinstance(plan, Plan) else open_plan(plan)
    loaded = load_sources(
        flow_dirs, overrides=overrides, override_plugins=override_plugins, bundled=bundled
    )
    cited = [(r.source, f"report {r.id}", r.cites) for r in loaded.reports]
    report = coverage(the_plan, loaded.flows, features, cited)
    site = Site(
        the_plan,
        loaded,
        tuple(read_features(features)),
        read_results(results),
        report,
        developers,
        dot,
    )
    out.mkdir(parents=True, exist_ok=True)
    # Written beside the site first, then moved in part by part: a build that fails
    # leaves the last site as it was, and pages of flows gone since are not left behind.
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        written = _write(site, stage, lang)
        for part in _PARTS:
            _replace(stage / part, out / part)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return BuiltSite(
        out,
        written,
        sum(len(f.scenarios) for f in site.features),
        len(loaded.broken),
        len(loaded.problems) + len(report.problems),
    )


_PARTS = ("assets", *LANGS, "index.html")


def _write(site: Site, stage: Path, lang: str) -> dict[str, tuple[str, ...]]:
    _copy_assets(stage / "assets")
    written: dict[str, tuple[str, ...]] = {}
    for language in LANGS:
        folder = stage / language
        folder.mkdir()
        names = []
        for name, text in _pages(site, Words(language)):
            (folder / name).write_text(text, encoding="utf-8")
            names.append(name)
        (folder / "search-index.js").write_text(
            index_script(site_docs(site, language)), encoding="utf-8"
        )
        written[language] = tuple(names)
    home = (stage / lang / "index.html").read_text(encoding="utf-8")
    (stage / "index.html").write_text(_front(home, lang), encoding="utf-8")
    return written


def _replace(new: Path, old: Path) -> None:
    if old.is_dir() and not old.is_symlink():
        shutil.rmtree(old)
    elif old.exists() or old.is_symlink():
        old.unlink()
    new.replace(old)


def _copy_assets(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    source = resources.files("integrity_flows.docsite") / "assets"
    for name in ASSETS:
        with resources.as_file(source / name) as path:
            shutil.copyfile(path, folder / name)


def _pages(site: Site, w: Words) -> Iterator[tuple[str, str]]:
    yield "index.html", _home(site, w)
    yield "plan.html", plan_page(site, w)
    yield from project_pages(site, w)
    yield "flows.html", flows_page(site, w)
    yield from flow_pages(site, w)
    yield "features.html", features_page(site, w)
    yield from feature_pages(site, w)
    yield "scenarios.html", scenarios_page(site, w)


def _home(site: Site, w: Words) -> str:
    statuses = [site.status(f, s) for f, s in site.scenarios(w.lang)]
    counts = "".join(
        f'<li><a href="scenarios.html?result={st}">{w(st)}</a>: <b>{statuses.count(st)}</b></li>'
        for st in STATUSES
        if statuses.count(st)
    )
    touched = site.coverage.touched
    body = [
        f"<p>{esc(site.plan.title_th if w.lang == 'th' else site.plan.title_en)}</p>",
        run_line(site, w),
        f'<ul class="summary">{counts}</ul>',
        f"<h2>{w('plan')}</h2>",
    ]
    rows = [
        (
            f'<a href="project-{pc.project.number}.html">{w("project")} {pc.project.number} '
            f"{esc(pc.project.name_th if w.lang == 'th' else pc.project.name_en)}</a>",
            f"{pc.implemented} / {len(pc.steps)}",
            f"{pc.exercised} / {len(pc.steps)}",
        )
        for pc in touched
    ]
    header = (w("project"), w("steps_implemented"), w("steps_exercised"))
    body.append(table(header, rows, "coverage"))
    body.append(f'<p><a href="plan.html">{w("plan")} →</a></p>')
    if site.loaded.broken:
        body.append(f"<h2>{w('broken')}</h2><ul>")
        body += [
            f'<li><a class="broken" href="broken-{esc(b.name)}.html">{esc(b.name)}</a></li>'
            for b in site.loaded.broken
        ]
        body.append("</ul>")
    others = [*site.loaded.problems, *site.coverage.problems]
    if others:
        body.append(f"<h2>{w('other_problems')}</h2>{problem_list(w, others)}")
    return page(w, "index.html", w("site"), "\n".join(body), developers=site.developers)


def _front(home: str, lang: str) -> str:
    """The front page: the home page of ``lang``, its links resolved from that folder."""
    return home.replace("<head>\n", f'<head>\n<base href="{lang}/">\n', 1)


__all__ = ["BuiltSite", "build_site"]
