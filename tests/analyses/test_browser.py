"""The MICMAC page in a real browser: charts drawn, nothing refused by the CSP, accessible,
usable on a phone, and its charts downloadable as PNG and SVG."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.analyses.conftest import analysis_plan_build
from tests.conftest import csp_refusals
from tests.web.test_accessibility import AXE_OPTIONS, BLOCKING, report

pytestmark = pytest.mark.browser

HEADINGS = {
    "micmac": {"it": "Analisi strutturale (MICMAC)", "en": "Structural analysis (MICMAC)"},
    "coherence": {
        "it": "Coerenza tra progetti e obiettivi",
        "en": "Coherence of projects and objectives",
    },
}
# The charts each page draws: MICMAC's two planes, rank shifts and heat map; coherence's
# conflicts (the test plan has some) and heat map.
CHARTS = {"micmac": 4, "coherence": 2}


@pytest.fixture
def live_plan(transactional_db, live_server):
    return analysis_plan_build(size=3)


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("language", ["it", "en"])
@pytest.mark.parametrize("analysis", ["micmac", "coherence"])
def test_analysis_page_draws_its_charts_and_is_accessible(
    live_server, live_plan, new_page, screenshots, analysis, viewport, language
):
    page = new_page(viewport)
    prefix = "/en" if language == "en" else ""
    page.goto(f"{live_server.url}{prefix}/p/analisi/analyses/{analysis}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADINGS[analysis][language])
    # Every chart is a canvas ECharts drew, with its download buttons shown.
    expect(page.locator("[data-chart]:has(canvas)")).to_have_count(CHARTS[analysis])
    expect(page.locator("[data-chart-downloads]:visible")).to_have_count(CHARTS[analysis])
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # The hostile title stays text: no element came out of it.
    markup = "main b, main script:not([type='application/json'])"
    assert page.evaluate(f'document.querySelectorAll("{markup}").length') == 0
    page.screenshot(
        path=screenshots / f"analyses-{analysis}-{language}-{viewport}.png", full_page=True
    )
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING]
    assert not blocking, "\n" + report(blocking)
    assert csp_refusals(page) == []


def test_micmac_charts_download_as_png_and_svg(live_server, live_plan, new_page):
    page = new_page("desktop")
    page.goto(f"{live_server.url}/en/p/analisi/analyses/micmac/")
    buttons = page.locator("[data-chart-downloads]").first
    expect(buttons).to_be_visible()
    with page.expect_download() as png:
        buttons.get_by_role("button", name="PNG").click()
    assert png.value.suggested_filename == "micmac-direct.png"
    with open(png.value.path(), "rb") as file:
        assert file.read(8) == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as svg:
        buttons.get_by_role("button", name="SVG").click()
    assert svg.value.suggested_filename == "micmac-direct.svg"
    with open(svg.value.path(), encoding="utf-8") as file:
        drawing = file.read()
    assert drawing.startswith("<svg") and "OB000" in drawing
    assert "<script" not in drawing
    assert csp_refusals(page) == []


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_analyses_index_is_accessible_and_leads_to_micmac(
    live_server, live_plan, new_page, screenshots, viewport
):
    page = new_page(viewport)
    page.goto(f"{live_server.url}/p/analisi/")
    page.get_by_role("main").get_by_role("link", name="Tutte le analisi", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Analisi")
    page.screenshot(path=screenshots / f"analyses-index-it-{viewport}.png", full_page=True)
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING]
    assert not blocking, "\n" + report(blocking)
    page.get_by_role("link", name=HEADINGS["micmac"]["it"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADINGS["micmac"]["it"])
    assert csp_refusals(page) == []
