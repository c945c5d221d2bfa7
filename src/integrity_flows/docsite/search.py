"""The site's search index: character bigrams over every text, so Thai is found without
word breaks (Thai writes no spaces between words).

The index is written as a script (``search-index.js``) that the pages load with a
``<script>`` tag, because a browser refuses to fetch a file from a page opened from
disk. The vendored ``site.js`` looks a query's bigrams up, intersects their documents,
then keeps those whose text holds the whole query.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator

import attrs

from integrity_flows.docsite.site import Site

_SPACE = re.compile(r"\s+")


@attrs.frozen
class Doc:
    """One searchable place of the site: its link, its title and its text."""

    url: str
    title: str
    text: str


def normalize(text: str) -> str:
    """Text as it is indexed and searched: NFC, lower case, single spaces."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).lower()).strip()


def bigrams(text: str) -> set[str]:
    """The pairs of neighbouring characters of ``text`` (normalized)."""
    return {text[i : i + 2] for i in range(len(text) - 1)}


def index_script(docs: Iterable[Doc]) -> str:
    """The search index as a script defining ``window.SEARCH_INDEX``."""
    rows = []
    grams: dict[str, list[int]] = {}
    for number, doc in enumerate(docs):
        text = normalize(f"{doc.title} {doc.text}")
        rows.append([doc.url, doc.title, text])
        for gram in sorted(bigrams(text)):
            grams.setdefault(gram, []).append(number)
    data = json.dumps({"docs": rows, "grams": grams}, ensure_ascii=False, separators=(",", ":"))
    # "</" cannot end the script early, whatever a label holds.
    return "window.SEARCH_INDEX=" + data.replace("</", "<\\/") + ";\n"


def site_docs(site: Site, lang: str) -> Iterator[Doc]:
    """Every searchable place of the site in ``lang``."""
    yield from _plan_docs(site, lang)
    for d in site.loaded.flows:
        words = [getattr(d.title, lang)]
        words += [getattr(s.label, lang) for s in d.states.values()]
        words += [getattr(t.label, lang) for t in d.transitions]
        words += [getattr(r.label, lang) for r in d.roles.values()]
        words += [getattr(f.label, lang) for f in d.data.values()]
        if d.description is not None:
            words.append(getattr(d.description, lang))
        yield Doc(f"flow-{d.id}.html", getattr(d.title, lang), f"{d.id} " + " ".join(words))
    for feature, scenario in site.scenarios(lang):
        steps = " ".join(f"{s.keyword} {s.text} " + _cells(s.table) for s in scenario.steps)
        yield Doc(
            f"feature-{feature.slug}.html#{scenario.anchor}",
            scenario.name,
            f"{feature.name} {' '.join(scenario.tags)} {scenario.description} {steps}",
        )


def _plan_docs(site: Site, lang: str) -> Iterator[Doc]:
    for pc in site.coverage.projects:
        p = pc.project
        name = p.name_th if lang == "th" else p.name_en
        url = f"project-{p.number}.html"
        yield Doc(url, name, f"{p.name_th} {p.name_en} {p.unit_th}")
        for step in p.steps:
            yield Doc(f"{url}#step-{step.id}", f"{name} {step.id}", step.text_th)


def _cells(rows: tuple[tuple[str, ...], ...]) -> str:
    return " ".join(cell for row in rows for cell in row)


__all__ = ["Doc", "bigrams", "index_script", "normalize", "site_docs"]
