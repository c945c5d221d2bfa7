"""The plan's pages: Part 2 (dimensions, missions, projects) and one page per project.

A project's page gives each written step as printed, with the transitions that
implement it and the scenarios that exercise it, each with its last result: from the
plan step to the scenario is one click.
"""

from __future__ import annotations

from collections.abc import Iterator

from integrity_flows.calendars import thai_digits
from integrity_flows.docsite.markup import Words, esc, page, table
from integrity_flows.docsite.site import Site
from integrity_flows.plan.catalogue import ProjectCoverage, StepCoverage, TransitionRef
from integrity_flows.plan.model import Dimension, Indicator, Mission, Part2Row, PlanProject


def plan_page(site: Site, w: Words) -> str:
    """Part 2 of the plan: dimensions, missions, and the projects under them."""
    plan = site.plan
    parts = [f"<p>{esc(plan.title_th)}</p>"]
    if w.lang == "en":
        parts.append(f"<p>{esc(plan.title_en)}</p>")
    listed: set[int] = set()
    for dimension in plan.dimensions:
        parts.append(_dimension(site, w, dimension, listed))
    parts.append(_risks(site, w))
    rest = [p for p in plan.projects if p.number not in listed]
    if rest or not plan.dimensions:
        parts.append(f"<h2>{w('project')}</h2><ul>")
        parts += [f"<li>{_project_link(w, p)}</li>" for p in rest]
        parts.append("</ul>")
    return page(w, "plan.html", w("plan"), "\n".join(parts), developers=site.developers)


def _dimension(site: Site, w: Words, dimension: Dimension, listed: set[int]) -> str:
    name = esc(dimension.name_th)
    if w.lang == "en" and dimension.name_en:
        name += f" / {esc(dimension.name_en)}"
    out = [f'<section class="dimension"><h2>{w("dimension")} {dimension.number} {name}</h2>']
    for mission in dimension.missions:
        rows = [r for r in site.plan.rows if r.dimension == dimension.number and _under(r, mission)]
        out.append(f"<h3>{w('mission')} {esc(mission.id)} {_mission_name(w, mission)}</h3><ul>")
        for row in rows:
            project = site.plan.project(row.project) if row.project is not None else None
            if project is not None:
                listed.add(project.number)
                out.append(f"<li>{esc(row.label)} {_project_link(w, project)}</li>")
            else:
                out.append(f"<li>{esc(row.label)} {esc(row.name_th)}</li>")
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def _risks(site: Site, w: Words) -> str:
    """The plan's risk table: each row's controls, the transitions citing it and the
    scenarios tagged with it."""
    rows = []
    for rc in site.coverage.risks:
        moves = ", ".join(_transition_link(w, t) for t in rc.transitions)
        moves = moves or f'<span class="none">{w("risk_not_implemented")}</span>'
        links = [link for ref in rc.scenarios if (link := site.scenario_link(w, ref))]
        rows.append(
            (
                f'<span id="risk-{rc.row.number}">{rc.row.number}</span>',
                esc(rc.row.step_th),
                esc(rc.row.issue_th),
                esc(rc.row.level_th),
                esc(rc.row.controls_th),
                moves,
                "<br>".join(links) or "-",
            )
        )
    if not rows:
        return ""
    header = (
        "",
        w("step"),
        w("risks"),
        "",
        w("risk_controls"),
        w("implemented_by"),
        w("exercised_by"),
    )
    return f'<h2 id="risks">{w("risks")}</h2>' + table(header, rows)


def _under(row: Part2Row, mission: Mission) -> bool:
    return row.mission == mission.id or row.mission.startswith(mission.id + ".")


def _mission_name(w: Words, mission: Mission) -> str:
    if w.lang == "en" and mission.name_en:
        return esc(mission.name_en)
    return esc(mission.name_th)


def _project_link(w: Words, project: PlanProject) -> str:
    name = esc(project.name_th if w.lang == "th" else project.name_en)
    return f'<a href="project-{project.number}.html">{w("project")} {project.number} {name}</a>'


def project_pages(site: Site, w: Words) -> Iterator[tuple[str, str]]:
    """The page of every project of the plan: (file name, HTML)."""
    for pc in site.coverage.projects:
        name = f"project-{pc.project.number}.html"
        yield name, _project_page(site, w, pc, name)


def _project_page(site: Site, w: Words, pc: ProjectCoverage, name: str) -> str:
    p = pc.project
    title = f"{w('project')} {p.number} {esc(p.name_th)}"
    parts = [f'<p class="en-name">{esc(p.name_en)}</p>'] if w.lang == "en" else []
    facts = [(w("unit"), esc(p.unit_th))]
    if p.objectives_th:
        facts.append((w("objectives"), "<br>".join(esc(o) for o in p.objectives_th)))
    if p.target_group_th:
        facts.append((w("target_group"), esc(p.target_group_th)))
    if p.duration_th:
        facts.append((w("duration"), esc(p.duration_th)))
    if p.budget_th:
        facts.append((w("budget"), esc(p.budget_th)))
    if pc.flows:
        facts.append((w("flows"), ", ".join(_flow_link(site, w, f) for f in pc.flows)))
    parts.append("<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")
    parts.append(f"<h2>{w('steps')}</h2>")
    parts.append('<ol class="plan-steps">')
    parts += [_step(site, w, s) for s in pc.steps]
    parts.append("</ol>")
    whole = [link for ref in pc.scenarios if (link := site.scenario_link(w, ref))]
    if whole:
        parts.append(f"<h2>{w('whole_project')}</h2><ul>")
        parts += [f"<li>{link}</li>" for link in whole]
        parts.append("</ul>")
    parts.append(_indicators(site, w, p))
    return page(w, name, title, "\n".join(parts), developers=site.developers)


def _flow_link(site: Site, w: Words, flow_id: str) -> str:
    d = site.flow(flow_id)
    label = w.say(d.title) if d is not None else esc(flow_id)
    return f'<a href="flow-{esc(flow_id)}.html">{label}</a>'


def _step(site: Site, w: Words, s: StepCoverage) -> str:
    step_no = thai_digits(s.step.id) if w.lang == "th" else s.step.id
    printed = f' <span class="printed">({esc(s.step.printed)})</span>' if s.step.printed else ""
    out = [
        f'<li id="step-{esc(s.step.id)}" class="plan-step" data-cite="{esc(s.cite)}">',
        f'<p><b>{w("step")} {esc(step_no)}</b>{printed} <span class="plan-text">'
        f"{esc(s.step.text_th)}</span></p>",
    ]
    moves = [_transition_link(w, t) for t in s.transitions]
    out.append(
        f'<p class="implemented">{w("implemented_by")}: '
        + (", ".join(moves) if moves else f'<span class="none">{w("not_implemented")}</span>')
        + "</p>"
    )
    links = [link for ref in s.scenarios if (link := site.scenario_link(w, ref))]
    if links:
        out.append(f'<p class="exercised">{w("exercised_by")}:</p><ul class="scenario-links">')
        out += [f"<li>{link}</li>" for link in links]
        out.append("</ul>")
    else:
        out.append(f'<p class="exercised none">{w("not_exercised")}</p>')
    out.append("</li>")
    return "\n".join(out)


def _transition_link(w: Words, t: TransitionRef) -> str:
    return (
        f'<a href="flow-{esc(t.flow_id)}.html#t-{esc(t.trigger)}">'
        f"{w.say(t.label)}</a> <small>({esc(t.flow_id)})</small>"
    )


def _indicators(site: Site, w: Words, p: PlanProject) -> str:
    groups = [("outputs", p.outputs), ("outcomes", p.outcomes)]
    if not any(items for _, items in groups):
        return ""
    out = [f"<h2>{w('indicators')}</h2>"]
    for key, items in groups:
        if items:
            out.append(f"<h3>{w(key)}</h3>")
            rows = (_indicator(site, w, p, i) for i in items)
            out.append(table((w("indicators"), w("target"), w("measured_by")), rows))
    return "\n".join(out)


def _indicator(site: Site, w: Words, p: PlanProject, indicator: Indicator) -> tuple[str, str, str]:
    target = esc(indicator.target.words(w.lang)) if indicator.target else "-"
    cite = f"{p.number}/{indicator.id}"
    measured = [
        f"{w.say(r.label)}: {w.say(f.label)} <code>{esc(r.id)}.{esc(f.id)}</code>"
        for r in site.loaded.reports
        for f in r.figures
        if cite in f.measures
    ]
    return esc(indicator.text_th), target, "<br>".join(measured) or "-"


__all__ = ["plan_page", "project_pages"]
