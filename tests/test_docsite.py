"""The living documentation (integrity_flows.docsite, ``docs build``): what the site says."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import attrs
import pytest

from _docsite import FEATURES, LENDING, REPO, write_results
from integrity_flows.cli import main
from integrity_flows.definition.model import FlowDefinition, Label
from integrity_flows.docsite import build_site
from integrity_flows.docsite.diagram import flow_svg, text_width
from integrity_flows.docsite.features import read_features
from integrity_flows.docsite.graphviz import dot_source, dot_svg
from integrity_flows.docsite.results import FAILED, NOT_RUN, PASSED, UNKNOWN, read_results
from integrity_flows.docsite.search import bigrams, normalize
from integrity_flows.loading.discovery import bundled_flows, default_registry, load_folder


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the bundled flows and features, with results of one lending feature."""
    root = tmp_path_factory.mktemp("site")
    feature = next(f for f in read_features(FEATURES) if f.relative == LENDING)
    write_results(root / "cucumber.json", failed=feature.scenarios[1].name)
    build_site(root / "out", results=root / "cucumber.json", features=FEATURES)
    return root / "out"


def read(site: Path, lang: str, page: str) -> str:
    """One page of the site."""
    return (site / lang / page).read_text(encoding="utf-8")


def test_every_bundled_flow_has_a_page_with_its_diagram(site: Path) -> None:
    """Each loaded flow has a page in both languages holding an SVG with every state."""
    for definition in load_folder(bundled_flows(), default_registry()):
        for lang in ("th", "en"):
            text = read(site, lang, f"flow-{definition.id}.html")
            svg = text[text.index("<svg") : text.index("</svg>")]
            for name, state in definition.states.items():
                assert f'data-state="{name}"' in svg
                assert getattr(state.label, lang).replace("&", "&amp;") in text


def test_project_page_links_each_step_to_its_scenarios_and_results(site: Path) -> None:
    """Project 13's step 5.1 names the transitions citing it and the scenarios replaying it,
    each linked to its place in the feature page with its last result."""
    text = read(site, "th", "project-13.html")
    step = text[text.index('id="step-5.1"') : text.index('id="step-5.2"')]
    assert 'href="flow-asset_lending.html#t-' in step
    links = re.findall(r'href="(feature-[^"#]+\.html)#(s\d+)"', step)
    assert links
    page, anchor = links[0]
    assert f'id="{anchor}"' in read(site, "th", page)
    assert "ผ่าน" in step or "ไม่ผ่าน" in step


def test_results_are_passed_failed_and_not_run(site: Path) -> None:
    """The lending feature's scenarios carry the results of the file, one failed; the
    scenarios of the other features are "not run"; the unmatched runs are listed."""
    text = read(site, "en", "scenarios.html")
    rows = re.findall(r'<tr class="scenario-row"[^>]*data-result="([a-z-]+)"', text)
    assert rows.count(FAILED) == 0  # the English site shows the English twins: not in the file
    assert set(rows) == {NOT_RUN}
    thai = read(site, "th", "scenarios.html")
    statuses = re.findall(r'<tr class="scenario-row"[^>]*data-result="([a-z-]+)"', thai)
    assert statuses.count(FAILED) == 1
    assert statuses.count(PASSED) >= 3
    assert NOT_RUN in statuses
    assert "a scenario renamed since" in thai
    assert "../elsewhere/other.feature" in thai


def test_without_results_every_scenario_is_unknown(tmp_path: Path) -> None:
    """With no results file every scenario is "unknown" and the pages say why."""
    build_site(tmp_path, features=FEATURES)
    text = read(tmp_path, "th", "scenarios.html")
    assert set(re.findall(r'scenario-row"[^>]*data-result="([a-z-]+)"', text)) == {UNKNOWN}
    assert "ไม่ได้ระบุไฟล์ผลการทดสอบ" in text


def test_a_results_file_that_is_not_cucumber_json_is_reported(tmp_path: Path) -> None:
    """A results file of another shape is named on the pages; the build does not fail."""
    bad = tmp_path / "results.json"
    bad.write_text('{"not": "a list"}', encoding="utf-8")
    results = read_results(bad)
    assert results.problem is not None
    assert not results.given
    build_site(tmp_path / "out", results=bad)
    assert "not a cucumber JSON results file" in read(tmp_path / "out", "en", "scenarios.html")


def test_run_date_is_shown_in_the_buddhist_era(tmp_path: Path) -> None:
    """The run's date comes from the runs' start time when the file records one."""
    path = tmp_path / "c.json"
    element = {"name": "x", "line": 1, "start_timestamp": "2024-03-04T03:00:00Z", "steps": []}
    path.write_text(json.dumps([{"uri": "a.feature", "elements": [element]}]), encoding="utf-8")
    results = read_results(path)
    assert results.when is not None
    assert results.when.year == 2024
    build_site(tmp_path / "out", results=path)
    assert "4 มี.ค. 2567 10:00" in read(tmp_path / "out", "th", "index.html")
    assert "4 March B.E. 2567" in read(tmp_path / "out", "en", "index.html")


def test_a_flow_that_does_not_load_is_listed_with_its_problems(tmp_path: Path) -> None:
    """A host folder with a broken flow: the other flows are documented, the broken one has
    a page naming its file and problem, and the build goes on."""
    folder = tmp_path / "flows"
    folder.mkdir()
    shutil.copy(REPO / "tests" / "host_flows" / "leave_request.yaml", folder)
    (folder / "broken.yaml").write_text(
        "id: broken\nversion: 1\ntitle: {th: เสีย, en: broken}\nroles: {}\nstates: {}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["docs", "build", "-o", str(out), "--flows", str(folder), "--no-graphviz"]) == 0
    page = read(out, "en", "broken-broken.html")
    assert "broken.yaml" in page
    assert 'class="problems"' in page
    assert (out / "th" / "flow-leave_request.html").is_file()
    assert (out / "th" / "flow-asset_lending.html").is_file()
    assert "broken-broken.html" in read(out, "th", "flows.html")


def test_labels_are_escaped(tmp_path: Path) -> None:
    """A label holding markup is shown as text, in the page and in the diagram."""
    folder = tmp_path / "flows"
    folder.mkdir()
    text = (REPO / "tests" / "host_flows" / "leave_request.yaml").read_text(encoding="utf-8")
    (folder / "leave_request.yaml").write_text(
        text.replace("en: Leave request", "en: '<script>alert(1)</script>'"), encoding="utf-8"
    )
    out = tmp_path / "out"
    build_site(out, flow_dirs=[folder])
    page = read(out, "en", "flow-leave_request.html")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_search_index_finds_a_thai_word_inside_a_sentence(site: Path) -> None:
    """The index maps every bigram of a Thai word to a document whose text holds the word,
    although the word is written with no space around it."""
    script = read(site, "th", "search-index.js")
    index = json.loads(script.removeprefix("window.SEARCH_INDEX=").rstrip(";\n"))
    word = normalize("ทรัพย์สิน")
    docs = [set(index["grams"][g]) for g in bigrams(word)]
    found = set.intersection(*docs)
    assert any(word in index["docs"][d][2] for d in found)
    assert any(index["docs"][d][0].startswith("project-13.html") for d in found)


def test_thai_width_ignores_marks_above_and_below() -> None:
    """A Thai label's width counts its spacing characters only: the box fits it unbroken."""
    assert text_width("ที่") == text_width("ท")
    assert text_width("ยืม") == text_width("ยม")


def test_diagram_labels_are_single_unbroken_lines() -> None:
    """Each state label is one SVG text element holding the whole label."""
    definition = next(
        d for d in load_folder(bundled_flows(), default_registry()) if d.id == "asset_lending"
    )
    svg = flow_svg(definition, lang="th")
    for state in definition.states.values():
        assert f">{state.label.th}</text>" in svg


def test_language_switch_and_feature_twins(site: Path) -> None:
    """A Thai feature's page switches to its English twin's page, which exists."""
    text = read(site, "th", "feature-asset-lending-asset-lending-th.html")
    assert 'href="../en/feature-asset-lending-asset-lending-en.html"' in text
    assert (site / "en" / "feature-asset-lending-asset-lending-en.html").is_file()
    front = (site / "index.html").read_text(encoding="utf-8")
    assert '<base href="th/">' in front
    assert front.replace('<base href="th/">\n', "") == read(site, "th", "index.html")


def test_nothing_is_fetched_from_elsewhere(site: Path) -> None:
    """No page names an address outside the site: it works offline and from a file share."""
    for page in (site / "th").glob("*.html"):
        assert not re.search(r'(src|href)="(https?:)?//', page.read_text(encoding="utf-8"))


def test_cli_docs_build_refuses_a_missing_results_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--results naming no file is a usage error naming the option, not a traceback."""
    code = main(["docs", "build", "-o", str(tmp_path), "--results", str(tmp_path / "no.json")])
    assert code == 2
    assert "--results" in capsys.readouterr().err


def test_cli_docs_build_writes_the_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``docs build -o DIR --lang en`` writes both languages and opens in English."""
    assert main(["docs", "build", "-o", str(tmp_path), "--lang", "en", "--no-graphviz"]) == 0
    assert "wrote" in capsys.readouterr().out
    front = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<base href="en/">' in front
    assert "Living documentation for auditors" in front
    assert (tmp_path / "th" / "plan.html").is_file()
    assert (tmp_path / "assets" / "site.js").is_file()


def test_living_documentation_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Python example of docs/living-documentation.md runs as written, from the repository."""
    page = (REPO / "docs" / "living-documentation.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, re.S)
    assert blocks
    monkeypatch.chdir(REPO)
    for index, block in enumerate(blocks):
        exec(compile(block, f"living-documentation.md[{index}]", "exec"), {})  # our own docs


def _lending() -> FlowDefinition:
    return next(
        d for d in load_folder(bundled_flows(), default_registry()) if d.id == "asset_lending"
    )


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_graphviz_diagram_marks_every_state_and_uses_the_site_fonts() -> None:
    """Laid out by dot, the diagram is inline SVG (no prolog) with a group per state."""
    definition = _lending()
    svg = dot_svg(definition, lang="th", dot=str(shutil.which("dot")))
    assert svg.startswith("<svg")
    assert "<?xml" not in svg
    for name, state in definition.states.items():
        assert f'data-state="{name}"' in svg
        assert state.label.th in svg
    assert 'font-family="Loma' in svg


def test_dot_source_quotes_labels() -> None:
    """A label with quotes, backslashes and markup cannot change the DOT graph."""
    definition = _lending()
    states = dict(definition.states)
    first = next(iter(states))
    states[first] = attrs.evolve(states[first], label=Label('a"] b -> c [x="\\N', "<b>&"))
    source = dot_source(attrs.evolve(definition, states=states), "th")
    assert 'label="a\\"] b -> c [x=\\"\\\\N"' in source
    english = dot_source(attrs.evolve(definition, states=states), "en")
    assert '"<b>&"' in english


def test_a_failing_dot_falls_back_to_the_built_in_layout(tmp_path: Path) -> None:
    """A dot that cannot run leaves every diagram to the package's layout, with a note."""
    out = tmp_path / "out"
    build_site(out, dot=str(tmp_path / "no-such-dot"))
    page = read(out, "en", "flow-asset_lending.html")
    assert 'class="flow-diagram"' in page
    assert "laid out by the package, as Graphviz failed" in page


def test_rules_and_sensitive_fields_in_words(site: Path) -> None:
    """The lending page says separation of duties in words beside the transition, and the
    complaint page marks its sensitive fields and who may read them."""
    lending = read(site, "th", "flow-asset_lending.html")
    approve = lending[lending.index('id="t-approve"') :]
    approve = approve[: approve.index("</tr>")]
    assert "ผู้ดำเนินการต้องไม่ใช่ผู้ขอของเรื่อง" in approve
    complaint = read(site, "en", "flow-corruption_complaint.html")
    fields = complaint[complaint.index('class="fields"') :]
    fields = fields[: fields.index("</table>")]
    assert "sensitive (never shown)" in fields
    assert "readable by" in fields


def test_plan_page_lists_risks_and_indicators_name_their_measures(site: Path) -> None:
    """The plan page has the risk table with the transitions citing each row; a project's
    indicator names the report figure that measures it."""
    plan = read(site, "th", "plan.html")
    assert 'id="risk-1"' in plan
    risks = plan[plan.index('id="risks"') :]
    assert "flow-asset_rules.html#t-" in risks
    # Row 3 (construction supervision) has no flow carrying out its controls, said in words.
    row3 = risks[risks.index('id="risk-3"') :]
    assert "ไม่มีขั้นตอนงานใดดำเนินการตามมาตรการควบคุมของความเสี่ยงนี้" in row3
    project = read(site, "en", "project-33.html")
    assert "<code>complaint_statistics.from_public</code>" in project


def test_duty_periods_in_words(site: Path) -> None:
    """A recurring duty's period is said in words, not as its key."""
    page = read(site, "en", "flow-budget_report.html")
    duties = page[page.index("Recurring duties") :]
    assert "every month" in duties
    assert "every fiscal quarter" in duties


def test_a_rebuild_replaces_the_site_and_leaves_other_files(tmp_path: Path) -> None:
    """Pages of an earlier build that are gone are removed; other files stay; no staging
    folder is left beside the site."""
    (tmp_path / "site" / "th").mkdir(parents=True)
    (tmp_path / "site" / "th" / "flow-gone.html").write_text("old", encoding="utf-8")
    (tmp_path / "site" / "keep.txt").write_text("mine", encoding="utf-8")
    build_site(tmp_path / "site")
    assert not (tmp_path / "site" / "th" / "flow-gone.html").exists()
    assert (tmp_path / "site" / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_cli_refuses_an_output_that_is_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o naming a file is a usage error naming the option, not a traceback."""
    target = tmp_path / "file"
    target.write_text("", encoding="utf-8")
    assert main(["docs", "build", "-o", str(target), "--no-graphviz"]) == 2
    assert "--output" in capsys.readouterr().err


def test_deeply_nested_results_are_a_problem_not_a_crash(tmp_path: Path) -> None:
    """A results file nested deeper than the reader goes is named as a problem."""
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert read_results(path).problem is not None


def test_a_feature_that_does_not_parse_is_listed(tmp_path: Path) -> None:
    """A feature file that is not Gherkin is listed with its problem; the others are shown."""
    features = tmp_path / "features"
    shutil.copytree(FEATURES / "asset_lending", features / "asset_lending")
    (features / "broken.th.feature").write_text(
        "# language: th\nนี่ไม่ใช่ Gherkin\nโครงหลัก: x\n",
        encoding="utf-8",
    )
    build_site(tmp_path / "out", features=features)
    page = read(tmp_path / "out", "th", "features.html")
    listed = page[page.index("ไฟล์เหตุการณ์ที่อ่านไม่ได้") :]
    assert "broken.th.feature" in listed
    assert "feature-asset-lending-asset-lending-th.html" in page


def test_results_of_another_shape_leave_every_scenario_unknown(tmp_path: Path) -> None:
    """With a results file that is not cucumber JSON every scenario is "unknown"."""
    bad = tmp_path / "results.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    build_site(tmp_path / "out", results=bad, features=FEATURES)
    text = read(tmp_path / "out", "th", "scenarios.html")
    assert set(re.findall(r'scenario-row"[^>]*data-result="([a-z-]+)"', text)) == {UNKNOWN}
