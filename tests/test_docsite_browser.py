"""The living documentation opened in a real browser: Debian's Chromium, headless.

Every page loads with no console error, Thai renders with a Thai font, navigation and
the result filter work, every diagram is an SVG with its states, the search finds a Thai
word. Screenshots of three pages are saved under the test's output folder
(``tmp_path``/screenshots, or INTEGRITY_FLOWS_SCREENSHOTS when set).

Skipped only when Chromium, its driver or selenium is missing and CI is not set; under
CI=true their absence fails the test (.ci/run installs them).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from _docsite import FEATURES, LENDING, write_results
from integrity_flows.docsite import build_site
from integrity_flows.docsite.features import read_features
from integrity_flows.loading.discovery import bundled_flows, default_registry, load_folder

#: The Thai fonts of Debian's fonts-thai-tlwg, and Noto's.
THAI_FONTS = {
    "Loma", "Garuda", "Kinnari", "Norasi", "Sawasdee", "Umpush", "Waree", "Purisa",
    "Tlwg Typist", "Tlwg Typo", "Tlwg Mono", "Laksaman", "Noto Sans Thai", "Noto Serif Thai",
}  # fmt: skip


def _browser() -> tuple[str, str] | None:
    chromium = next((p for n in ("chromium", "chromium-browser") if (p := shutil.which(n))), None)
    driver = shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"{reason}, and CI is set: .ci/run installs chromium and chromium-driver")
    pytest.skip(f"{reason} (apt-get install chromium chromium-driver fonts-thai-tlwg)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium driven through its driver, keeping the console log."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _skip_or_fail("selenium is not installed")
    found = _browser()
    if found is None:
        _skip_or_fail("Chromium or chromedriver is not installed")
        return
    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1400"):
        options.add_argument(arg)
    options.add_argument("--disable-dev-shm-usage")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=found[1]), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the bundled flows and features with one lending scenario failed."""
    root = tmp_path_factory.mktemp("browser-site")
    feature = next(f for f in read_features(FEATURES) if f.relative == LENDING)
    write_results(root / "cucumber.json", failed=feature.scenarios[1].name)
    dot = shutil.which("dot")
    if dot is None and os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(
            "Graphviz's dot is not installed, and CI is set: scripts/browser.sh installs it"
        )
    build_site(root / "out", results=root / "cucumber.json", features=FEATURES, dot=dot)
    return root / "out"


def open_page(browser: Any, path: Path) -> list[dict[str, Any]]:
    """Open ``path``; return the console's errors."""
    browser.get(path.as_uri())
    return [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]


def test_every_page_loads_without_console_errors(browser: Any, site: Path) -> None:
    """Every page of both languages loads, runs its scripts and logs no error."""
    pages = [site / "index.html"]
    pages += sorted((site / "th").glob("*.html")) + sorted((site / "en").glob("*.html"))
    assert len(pages) > 40
    failures = {}
    for page in pages:
        errors = open_page(browser, page)
        if errors:
            failures[page.name] = errors
        assert browser.execute_script("return typeof window.integrityFlowsSearch") == "function"
    assert failures == {}


def test_thai_renders_with_a_thai_font(browser: Any, site: Path) -> None:
    """The Thai heading and a Thai diagram label are drawn with a Thai font."""
    open_page(browser, site / "th" / "flow-asset_lending.html")
    browser.execute_cdp_cmd("DOM.enable", {})
    browser.execute_cdp_cmd("CSS.enable", {})
    root = browser.execute_cdp_cmd("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    for selector in ("h1", "svg.flow-diagram .state text"):
        node = browser.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})
        fonts = browser.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})
        families = {f["familyName"] for f in fonts["fonts"]}
        assert families & THAI_FONTS, f"{selector} is drawn with {families}"


def test_every_diagram_is_an_svg_with_its_states(browser: Any, site: Path) -> None:
    """Each flow page shows one rendered SVG holding a visible box for every state."""
    for definition in load_folder(bundled_flows(), default_registry()):
        open_page(browser, site / "th" / f"flow-{definition.id}.html")
        found = browser.execute_script(
            "const svg = document.querySelector('figure.diagram > svg');"
            "if (!svg || svg.getBoundingClientRect().width === 0) return null;"
            "return [...svg.querySelectorAll('g.state')]"
            ".filter(g => g.getBBox().width > 0).map(g => g.dataset.state);"
        )
        assert found is not None, definition.id
        assert set(found) == set(definition.states), definition.id


def test_from_a_plan_step_to_a_scenario_and_its_result(browser: Any, site: Path) -> None:
    """Plan → project 13 → the scenario of step 5.1: its page shows the scenario and result."""
    from selenium.webdriver.common.by import By

    open_page(browser, site / "index.html")
    browser.find_element(By.LINK_TEXT, "แผนปฏิบัติการ").click()
    assert browser.current_url.endswith("/th/plan.html")
    browser.find_element(By.CSS_SELECTOR, 'a[href="project-13.html"]').click()
    assert browser.current_url.endswith("/th/project-13.html")
    link = browser.find_element(By.CSS_SELECTOR, '[id="step-5.1"] .scenario-links a')
    name = link.text
    link.click()
    anchor = browser.current_url.rsplit("#", 1)[1]
    section = browser.find_element(By.ID, anchor)
    assert name in section.text
    assert section.find_element(By.CSS_SELECTOR, ".result").text in ("ผ่าน", "ไม่ผ่าน")
    browser.find_element(By.CSS_SELECTOR, "a.lang").click()
    assert "/en/" in browser.current_url
    assert open_page(browser, Path(browser.current_url.removeprefix("file://"))) == []


def test_result_filter(browser: Any, site: Path) -> None:
    """Choosing a result, a project or a plan step shows only the matching scenarios."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    open_page(browser, site / "th" / "scenarios.html")

    def visible() -> list[Any]:
        rows = browser.find_elements(By.CSS_SELECTOR, "#scenario-table .scenario-row")
        return [r for r in rows if r.is_displayed()]

    total = len(visible())
    Select(browser.find_element(By.ID, "filter-result")).select_by_value("failed")
    assert len(visible()) == 1
    assert browser.find_element(By.ID, "shown-count").text == "1"
    Select(browser.find_element(By.ID, "filter-result")).select_by_value("")
    Select(browser.find_element(By.ID, "filter-project")).select_by_value("13")
    rows = visible()
    assert 0 < len(rows) < total
    assert all("13" in r.get_attribute("data-projects").split() for r in rows)
    Select(browser.find_element(By.ID, "filter-tag")).select_by_value("@plan-13-5.4")
    assert all("@plan-13-5.4" in r.get_attribute("data-tags").split() for r in visible())
    open_page(browser, site / "th" / "scenarios.html?result=passed")
    assert all(r.get_attribute("data-result") == "passed" for r in visible())


def test_search_finds_a_thai_word(browser: Any, site: Path) -> None:
    """Typing a Thai word lists the places that hold it; a hit leads to its page."""
    from selenium.webdriver.common.by import By

    open_page(browser, site / "th" / "index.html")
    box = browser.find_element(By.ID, "search")
    box.send_keys("ทรัพย์สิน")
    hits = browser.find_elements(By.CSS_SELECTOR, "#hits li a")
    assert hits
    assert all("ทรัพย์สิน" in h.find_element(By.XPATH, "..").text for h in hits[:5])
    target = hits[0].get_attribute("href")
    hits[0].click()
    assert browser.current_url == target
    box = browser.find_element(By.ID, "search")
    box.send_keys("ไม่มีคำนี้ในเอกสารแน่นอน")
    assert browser.find_element(By.ID, "no-hits").is_displayed()


def test_screenshots_of_three_pages(browser: Any, site: Path, tmp_path: Path) -> None:
    """The plan, a procedure and the scenarios, as an auditor sees them, saved as PNG."""
    folder = Path(os.environ.get("INTEGRITY_FLOWS_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    for page in ("project-13.html", "flow-asset_lending.html", "scenarios.html"):
        open_page(browser, site / "th" / page)
        shot = folder / page.replace(".html", ".png")
        assert browser.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
