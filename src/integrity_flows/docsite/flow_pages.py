"""A procedure's page: its diagram, states, transitions and who may fire them, its rules
in words, its data fields (sensitive ones marked, never a value), its duties, its manual
and its declared reports. A flow file that does not load gets a page of its problems."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from integrity_flows.definition.model import (
    SYSTEM_ROLE,
    Duty,
    FlowDefinition,
    GuardRef,
    Transition,
)
from integrity_flows.docsite.diagram import flow_svg
from integrity_flows.docsite.graphviz import DotFailed, dot_svg
from integrity_flows.docsite.markup import WORDS, Words, esc, page, table
from integrity_flows.docsite.site import Site
from integrity_flows.docsite.sources import BrokenFlow
from integrity_flows.errors import Problem
from integrity_flows.manual.document import Document, Items, Paragraph, Table
from integrity_flows.manual.writer import rules_in_words, write_manual
from integrity_flows.reports.declaration import ReportDecl


def flows_page(site: Site, w: Words) -> str:
    """The list of procedures, and of flow files that do not load."""
    rows = []
    for d in sorted(site.loaded.flows, key=lambda d: (d.plan.project if d.plan else 999, d.id)):
        project = f'<a href="project-{d.plan.project}.html">{d.plan.project}</a>' if d.plan else "-"
        rows.append((f'<a href="flow-{esc(d.id)}.html">{w.say(d.title)}</a>', esc(d.id), project))
    body = table((w("flows"), "id", w("project")), rows)
    if site.loaded.broken:
        body += f"<h2>{w('broken')}</h2><ul>"
        body += "".join(
            f'<li><a class="broken" href="broken-{esc(b.name)}.html">{esc(b.name)}</a> '
            f"({len(b.problems)})</li>"
            for b in site.loaded.broken
        )
        body += "</ul>"
    return page(w, "flows.html", w("flows"), body, developers=site.developers)


def flow_pages(site: Site, w: Words) -> Iterator[tuple[str, str]]:
    """The page of every loaded flow and of every flow file that does not load."""
    for d in site.loaded.flows:
        name = f"flow-{d.id}.html"
        yield (
            name,
            page(w, name, w.say(d.title), _flow_body(site, w, d), developers=site.developers),
        )
    for broken in site.loaded.broken:
        name = f"broken-{broken.name}.html"
        yield (
            name,
            page(w, name, esc(broken.name), _broken_body(w, broken), developers=site.developers),
        )


def problem_list(w: Words, problems: Iterable[Problem]) -> str:
    """Problems as a list, each with its file and path, in the site's language."""
    items = []
    for p in problems:
        where = f"{esc(p.source)}" + (f": <code>{esc(p.path)}</code>" if p.path else "")
        message = p.message_th if w.lang == "th" else p.message_en
        items.append(f"<li>{where}: {esc(message)}</li>")
    return '<ul class="problems">' + "".join(items) + "</ul>"


def _broken_body(w: Words, broken: BrokenFlow) -> str:
    return (
        f'<p class="warning">{w("broken_intro")}</p><p>{w("source")}: <code>{esc(broken.source)}'
        f"</code></p><h2>{w('problems')}</h2>{problem_list(w, broken.problems)}"
    )


def _flow_body(site: Site, w: Words, d: FlowDefinition) -> str:
    intro = [f'<p class="meta">id <code>{esc(d.id)}</code> · {w("version")} {d.version}']
    if d.plan is not None:
        intro.append(
            f' · <a href="project-{d.plan.project}.html">{w("project")} {d.plan.project}</a>'
        )
    else:
        intro.append(f" · {w('outside_plan')}")
    intro.append("</p>")
    if d.description is not None:
        intro.append(f"<p>{w.say(d.description)}</p>")
    parts = [
        "".join(intro),
        f"<h2>{w('diagram')}</h2>{diagram(site, w, d)}",
        _states(w, d),
        _transitions(w, d),
        _roles(w, d),
        _data(w, d),
        _settings(w, d),
        _committees(w, d),
        _duties(w, d),
        _manual(w, d),
        _reports(w, [r for r in site.loaded.reports if _reads(r, d.id)]),
    ]
    return "\n".join(p for p in parts if p)


def diagram(site: Site, w: Words, d: FlowDefinition) -> str:
    """The flow's diagram in a figure: laid out by Graphviz when the site has it, else by
    the package, saying why under the diagram when Graphviz failed."""
    note = ""
    if site.dot is not None:
        try:
            return f'<figure class="diagram">{dot_svg(d, lang=w.lang, dot=site.dot)}</figure>'
        except DotFailed as exc:
            note = f'<figcaption class="note">{w("dot_failed")}: {esc(exc)}</figcaption>'
    return f'<figure class="diagram">{flow_svg(d, lang=w.lang)}{note}</figure>'


def _states(w: Words, d: FlowDefinition) -> str:
    rows = []
    for name, state in d.states.items():
        flags = [w("initial")] if name == d.initial else []
        flags += [w("terminal")] if state.terminal else []
        deadlines = [
            w(
                "days_after",
                action=getattr(d.label_of_trigger(dl.trigger), w.lang),
                days=dl.days if dl.days is not None else d.settings.get(dl.days_setting or "", "?"),
            )
            for dl in state.deadlines
        ]
        rows.append(
            (
                f'<span id="state-{esc(name)}">{w.say(state.label)}</span> '
                f"<code>{esc(name)}</code>",
                ", ".join(flags),
                "<br>".join(deadlines),
            )
        )
    return f"<h2>{w('states')}</h2>" + table((w("states"), "", w("deadlines")), rows)


def _who(w: Words, d: FlowDefinition, roles: Iterable[str]) -> str:
    return ", ".join(
        esc(getattr(d.label_of_role(r), w.lang)) if r != SYSTEM_ROLE else esc(r) for r in roles
    )


def _cite(cite: str | None, also: tuple[str, ...]) -> str:
    links = []
    for c in (cite, *also):
        if c and "/" in c and not c.startswith("risk/"):
            project, step = c.split("/", 1)
            links.append(f'<a href="project-{esc(project)}.html#step-{esc(step)}">{esc(c)}</a>')
        elif c:
            links.append(esc(c))
    return ", ".join(links) or "-"


def _transitions(w: Words, d: FlowDefinition) -> str:
    start = d.start
    rows = [
        (
            f'<span id="t-start">{w.say(start.label)}</span>',
            "-",
            esc(getattr(d.label_of_state(d.initial), w.lang)),
            _who(w, d, start.roles),
            _cite(start.cites, start.also_cites),
            _rules(w, d, start.guards),
        )
    ]
    seen: set[str] = set()
    for t in d.transitions:
        anchor = "" if t.trigger in seen else f' id="t-{esc(t.trigger)}"'
        seen.add(t.trigger)
        rows.append(_transition_row(w, d, t, anchor))
    header = ("", w("from"), w("to"), w("who"), w("cites"), w("rules"))
    return f"<h2>{w('transitions')}</h2>" + table(header, rows, "transitions")


def _transition_row(
    w: Words, d: FlowDefinition, t: Transition, anchor: str
) -> tuple[str, str, str, str, str, str]:
    rules = _rules(w, d, t.guards)
    if t.requires:
        needs = ", ".join(_field_label(w, d, f) for f in t.requires)
        rules = f"{w('needs')}: {needs}" + (f"<br>{rules}" if rules else "")
    about = f"<br><small>{w.say(t.description)}</small>" if t.description else ""
    return (
        f"<span{anchor}>{w.say(t.label)}</span> <code>{esc(t.trigger)}</code>{about}",
        ", ".join(esc(getattr(d.label_of_state(s), w.lang)) for s in t.source),
        esc(getattr(d.label_of_state(t.dest), w.lang)),
        _who(w, d, t.roles) or "-",
        _cite(t.cites, t.also_cites),
        rules,
    )


def _rules(w: Words, d: FlowDefinition, guards: tuple[GuardRef, ...]) -> str:
    """The guards' rules in words a clerk reads, then the guards by name."""
    if not guards:
        return ""
    said = "".join(f"<li>{esc(rule)}</li>" for rule in rules_in_words(d, guards, lang=w.lang))
    listed = f'<ul class="rules">{said}</ul>' if said else ""
    return f'{listed}<small class="guards">{_guards(guards)}</small>'


def _guards(guards: tuple[GuardRef, ...]) -> str:
    """The guards by name (the rules in words follow in the manual section)."""

    def one(ref: GuardRef) -> str:
        if ref.children:
            return f"{esc(ref.name)}({', '.join(one(c) for c in ref.children)})"
        return f"<code>{esc(ref.name)}</code>"

    return ", ".join(one(g) for g in guards)


def _field_label(w: Words, d: FlowDefinition, name: str) -> str:
    spec = d.data.get(name)
    return w.say(spec.label) if spec is not None else esc(name)


def _roles(w: Words, d: FlowDefinition) -> str:
    rows = [
        (
            f"{w.say(role.label)} <code>{esc(name)}</code>",
            w("per_case") if role.per_case else "",
            w.say(role.description),
        )
        for name, role in d.roles.items()
    ]
    return f"<h2>{w('roles')}</h2>" + table((w("roles"), "", ""), rows)


def _data(w: Words, d: FlowDefinition) -> str:
    if not d.data:
        return ""
    rows = []
    for name, spec in d.data.items():
        marks = [w("required")] if spec.required else []
        if spec.sensitive:
            readers = ", ".join(esc(getattr(d.label_of_role(r), w.lang)) for r in spec.readers)
            marks.append(
                f'<span class="sensitive">🔒 {w("sensitive")}</span>'
                + (f" {w('readers')}: {readers}" if readers else "")
            )
        rows.append(
            (f"{w.say(spec.label)} <code>{esc(name)}</code>", esc(spec.type), " · ".join(marks))
        )
    return f"<h2>{w('data')}</h2>" + table((w("field"), w("type"), ""), rows, "fields")


def _settings(w: Words, d: FlowDefinition) -> str:
    if not d.settings:
        return ""
    rows = [
        (f"<code>{esc(k)}</code>", esc(d.setting_types.get(k, "")), esc(v))
        for k, v in d.settings.items()
    ]
    return f"<h2>{w('settings')}</h2>" + table((w("settings"), w("type"), w("default")), rows)


def _committees(w: Words, d: FlowDefinition) -> str:
    if not d.committees:
        return ""
    items = "".join(
        f"<li>{w.say(c.label)} <code>{esc(k)}</code> · {w('quorum')} {esc(c.quorum)}</li>"
        for k, c in d.committees.items()
    )
    return f"<h2>{w('committees')}</h2><ul>{items}</ul>"


def _duties(w: Words, d: FlowDefinition) -> str:
    if not d.duties:
        return ""
    rows = [_duty(w, d, duty) for duty in d.duties]
    header = (w("duties"), w("period"), w("owner"), w("cites"))
    return f"<h2>{w('duties')}</h2>" + table(header, rows)


def _duty(w: Words, d: FlowDefinition, duty: Duty) -> tuple[str, str, str, str]:
    owner = duty.owner.role or duty.owner.unit or duty.owner.field or ""
    who = _who(w, d, [owner]) if duty.owner.role else esc(owner)
    text = w.say(duty.label) + (
        f"<br><small>{w.say(duty.description)}</small>" if duty.description else ""
    )
    return text, _period(w, duty), who, _cite(duty.cites, duty.also_cites)


def _period(w: Words, duty: Duty) -> str:
    kind = duty.period.kind
    if duty.period.each is not None:
        flow = duty.period.each.flow
        return w("each", flow=flow).replace(
            esc(flow), f'<a href="flow-{esc(flow)}.html">{esc(flow)}</a>'
        )
    return w(kind) if kind in WORDS else esc(kind)


def _manual(w: Words, d: FlowDefinition) -> str:
    document = write_manual(d, lang=w.lang)
    heading = w("manual") if d.manual is not None else w("in_words")
    return f'<h2 id="manual">{heading}</h2><div class="manual">{_document(document)}</div>'


def _document(document: Document) -> str:
    out = [_block(b) for b in document.intro]
    for section in document.sections:
        out.append(f"<h3>{esc(section.heading)}</h3>")
        out += [_block(b) for b in section.blocks]
    return "\n".join(out)


def _block(block: Paragraph | Items | Table) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{esc(block.text)}</p>"
    if isinstance(block, Items):
        tag = "ol" if block.numbered else "ul"
        items = "".join(
            f"<li>{esc(i.text)}"
            + (
                "<ul>" + "".join(f"<li>{esc(c)}</li>" for c in i.children) + "</ul>"
                if i.children
                else ""
            )
            + "</li>"
            for i in block.items
        )
        return f"<{tag}>{items}</{tag}>"
    return table((esc(h) for h in block.header), ((esc(c) for c in row) for row in block.rows))


def _reads(report: ReportDecl, flow_id: str) -> bool:
    return any(s.flow == flow_id for s in report.sets.values())


def _reports(w: Words, reports: list[ReportDecl]) -> str:
    if not reports:
        return ""
    out = [f"<h2>{w('reports')}</h2>"]
    for r in reports:
        public = f' <span class="public">{w("public")}</span>' if r.public else ""
        out.append(
            f'<h3 id="report-{esc(r.id)}">{w.say(r.label)} <code>{esc(r.id)}</code>{public}</h3>'
        )
        if r.description is not None:
            out.append(f"<p>{w.say(r.description)}</p>")
        figures = ", ".join(w.say(f.label) for f in r.figures)
        out.append(f"<p>{w('figures')}: {figures}</p>")
    return "\n".join(out)


__all__ = ["flow_pages", "flows_page", "problem_list"]
