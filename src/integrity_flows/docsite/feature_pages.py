"""The features as an auditor reads them: each scenario's steps and tables with its last
result, and one page of every scenario, filterable by project, plan step and result."""

from __future__ import annotations

from collections.abc import Iterator

from integrity_flows.calendars import english_date, thai_datetime
from integrity_flows.docsite.features import Feature, Scenario, Step, slug_of
from integrity_flows.docsite.markup import Words, badge, esc, page, table
from integrity_flows.docsite.results import STATUSES
from integrity_flows.docsite.site import Site, plan_projects


def run_line(site: Site, w: Words) -> str:
    """When the results shown were produced, or that there are none."""
    results = site.results
    if results.problem is not None:
        message = results.problem.message_th if w.lang == "th" else results.problem.message_en
        return f'<p class="warning">{esc(results.problem.source)}: {esc(message)}</p>'
    if not results.given or results.when is None:
        return f'<p class="run">{w("no_results")}</p>'
    when = thai_datetime(results.when) if w.lang == "th" else english_date(results.when)
    stamp = results.when.isoformat()
    return f'<p class="run">{w("run_on")} <time datetime="{stamp}">{esc(when)}</time></p>'


def features_page(site: Site, w: Words) -> str:
    """The feature files of the site's language, by folder."""
    rows = []
    for feature in site.features:
        if feature.problem is not None or not _in_lang(site, w, feature):
            continue
        counts = [site.status(feature, s) for s in feature.scenarios]
        summary = " ".join(
            f"{badge(w, st)} {counts.count(st)}" for st in STATUSES if counts.count(st)
        )
        rows.append(
            (
                f'<a href="feature-{feature.slug}.html">{esc(feature.name)}</a>',
                f"<code>{esc(feature.relative)}</code>",
                summary,
            )
        )
    body = run_line(site, w) + table((w("feature"), w("source"), w("result")), rows)
    broken = [f for f in site.features if f.problem is not None]
    if broken:
        body += f"<h2>{w('feature_problem')}</h2><ul class='problems'>"
        body += "".join(
            f"<li><code>{esc(f.relative)}</code>: "
            f"{esc(f.problem.message_th if w.lang == 'th' else f.problem.message_en)}</li>"
            for f in broken
            if f.problem is not None
        )
        body += "</ul>"
    return page(w, "features.html", w("features"), body, developers=site.developers)


def _in_lang(site: Site, w: Words, feature: Feature) -> bool:
    return any(f is feature for f, _ in site.scenarios(w.lang)) or (
        not feature.scenarios and feature.language in (w.lang, "")
    )


def feature_pages(site: Site, w: Words) -> Iterator[tuple[str, str]]:
    """The page of every feature file written in the site's language."""
    for feature in site.features:
        if feature.problem is None and _in_lang(site, w, feature):
            name = f"feature-{feature.slug}.html"
            body = _feature_body(site, w, feature)
            other = _twin(site, w, feature)
            yield (
                name,
                page(w, name, esc(feature.name), body, developers=site.developers, other=other),
            )


def _twin(site: Site, w: Words, feature: Feature) -> str:
    """The page of the feature's twin in the other language, or the list of features."""
    mine, theirs = f".{w.lang}.feature", f".{w.other}.feature"
    if feature.relative.endswith(mine):
        twin = feature.relative.removesuffix(mine) + theirs
        if any(f.relative == twin and f.problem is None for f in site.features):
            return f"feature-{slug_of(twin)}.html"
    return "features.html"


def _feature_body(site: Site, w: Words, feature: Feature) -> str:
    parts = [
        f"<p><code>{esc(feature.relative)}</code></p>",
        _tags(feature.tags),
        f'<div class="description">{_lines(feature.description)}</div>'
        if feature.description
        else "",
        run_line(site, w),
    ]
    if feature.background:
        parts.append(
            f'<section class="background"><h2>{w("background")}</h2>'
            f"{_steps(feature.background)}</section>"
        )
    parts += [_scenario(site, w, feature, s) for s in feature.scenarios]
    return "\n".join(p for p in parts if p)


def _lines(text: str) -> str:
    return "<br>".join(esc(line) for line in text.splitlines())


def _tags(tags: tuple[str, ...]) -> str:
    if not tags:
        return ""
    links = []
    for tag in tags:
        projects = plan_projects((tag,))
        if projects:
            step = tag.split("-", 2)[2] if tag.count("-") >= 2 else ""
            anchor = f"#step-{esc(step)}" if step and not step.startswith("risk") else ""
            links.append(f'<a class="tag" href="project-{projects[0]}.html{anchor}">{esc(tag)}</a>')
        else:
            links.append(f'<span class="tag">{esc(tag)}</span>')
    return '<p class="tags">' + " ".join(links) + "</p>"


def _scenario(site: Site, w: Words, feature: Feature, s: Scenario) -> str:
    status = site.status(feature, s)
    out = [
        f'<section class="scenario" id="{s.anchor}" data-result="{status}">',
        f"<h2>{esc(s.keyword)}: {esc(s.name)} {badge(w, status)}</h2>",
        _tags(s.tags),
        f'<div class="description">{_lines(s.description)}</div>' if s.description else "",
        _steps(s.steps),
    ]
    for ex in s.examples:
        out.append(f"<h3>{w('examples')} {esc(ex.name)}</h3>")
        if ex.table:
            out.append(
                table((esc(c) for c in ex.table[0]), ((esc(c) for c in r) for r in ex.table[1:]))
            )
    out.append("</section>")
    return "\n".join(x for x in out if x)


def _steps(steps: tuple[Step, ...]) -> str:
    items = []
    for step in steps:
        extra = ""
        if step.table:
            extra = table(
                (esc(c) for c in step.table[0]),
                ((esc(c) for c in r) for r in step.table[1:]),
                "data",
            )
        if step.doc_string is not None:
            extra += f"<pre>{esc(step.doc_string)}</pre>"
        items.append(
            f'<li><span class="keyword">{esc(step.keyword)}</span> {esc(step.text)}{extra}</li>'
        )
    return '<ol class="steps">' + "".join(items) + "</ol>"


def scenarios_page(site: Site, w: Words) -> str:
    """Every scenario with its last result, filterable by project, plan step and result."""
    rows = []
    projects: set[int] = set()
    tags: set[str] = set()
    for feature, s in site.scenarios(w.lang):
        status = site.status(feature, s)
        mine = plan_projects(s.plan_tags)
        projects.update(mine)
        tags.update(s.plan_tags)
        rows.append(
            f'<tr class="scenario-row" data-projects="{" ".join(map(str, mine))}" '
            f'data-tags="{esc(" ".join(s.plan_tags))}" data-result="{status}">'
            f'<td><a href="feature-{feature.slug}.html#{s.anchor}">{esc(s.name)}</a></td>'
            f"<td>{esc(feature.name)}</td><td>{' '.join(esc(t) for t in s.plan_tags)}</td>"
            f"<td>{badge(w, status)}</td></tr>"
        )
    body = [run_line(site, w), _filters(w, sorted(projects), sorted(tags, key=_tag_order))]
    body.append(
        f'<p class="count"><span id="shown-count">{len(rows)}</span> / {len(rows)} {w("shown")}</p>'
    )
    body.append(
        f'<table id="scenario-table"><thead><tr><th>{w("scenario")}</th><th>{w("feature")}</th>'
        f"<th>{w('tags')}</th><th>{w('result')}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    unmatched = site.results.unmatched(site.features)
    if unmatched:
        body.append(f"<h2>{w('unmatched')}</h2><ul class='unmatched'>")
        body += [
            f"<li><code>{esc(r.uri)}</code>: {esc(r.name)} {badge(w, 'unknown')}</li>"
            for r in unmatched
        ]
        body.append("</ul>")
    return page(w, "scenarios.html", w("scenarios"), "\n".join(body), developers=site.developers)


def _tag_order(tag: str) -> tuple[int, ...]:
    numbers = [
        int(n) for n in tag.replace("@plan-", "").replace("-", ".").split(".") if n.isdigit()
    ]
    return tuple(numbers)


def _filters(w: Words, projects: list[int], tags: list[str]) -> str:
    def select(ident: str, label: str, options: list[tuple[str, str]]) -> str:
        opts = "".join(f'<option value="{esc(v)}">{t}</option>' for v, t in options)
        every = f'<option value="">{w("all")}</option>'
        return f'<label>{label} <select id="{ident}">{every}{opts}</select></label>'

    return (
        '<div class="filters">'
        + select("filter-project", w("filter_project"), [(str(p), str(p)) for p in projects])
        + select("filter-tag", w("filter_tag"), [(t, esc(t)) for t in tags])
        + select("filter-result", w("filter_result"), [(s, w(s)) for s in STATUSES])
        + "</div>"
    )


__all__ = ["feature_pages", "features_page", "run_line", "scenarios_page"]
