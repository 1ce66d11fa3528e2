"""The public site in a real browser: Debian's chromium, driven by Playwright, on the live server.

The journey home → a direction → its projects → a project runs in Italian and in English, on a
desktop (1280×800) and a phone (390×844) viewport, and saves a screenshot of each step under
artifacts/screenshots/. Elements are found by role and label, as a screen reader finds them.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from ordito.plans.models import Plan, Project
from tests.conftest import VIEWPORTS, csp_refusals
from tests.sample_plan import grow_plan

pytestmark = pytest.mark.browser

WORDS = {
    "it": {
        "prefix": "",
        "plan": "Secondo piano strategico",
        "direction": "MOB Mobilità",
        "direction_title": "Mobilità",
        "projects_of_direction": "Progetti di questa direzione",
        "project": "Metropolitana linea 2",
        "example": "Esempio",
        "status": "In corso",
        "menu": "Mostra o nascondi la navigazione",
        "actors": "Attori",
        "other_language": "English",
        "other_project": "Metro line 2",
    },
    "en": {
        "prefix": "/en",
        "plan": "Second strategic plan",
        "direction": "MOB Mobility",
        "direction_title": "Mobility",
        "projects_of_direction": "Projects of this direction",
        "project": "Metro line 2",
        "example": "Example",
        "status": "In progress",
        "menu": "Show or hide the navigation",
        "actors": "Actors",
        "other_language": "Italiano",
        "other_project": "Metropolitana linea 2",
    },
}


def fits_the_width(page: Page) -> bool:
    """Nothing sticks out sideways: the page never needs a horizontal scroll."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", WORDS)
def test_journey_home_direction_project(
    live_server, live_demo, new_page, screenshots, language, viewport
):
    words = WORDS[language]
    page = new_page(viewport)
    heading = page.get_by_role("heading", level=1)

    page.goto(f"{live_server.url}{words['prefix']}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(heading).to_have_text(words["plan"])
    assert fits_the_width(page)
    page.screenshot(path=screenshots / f"home-{language}-{viewport}.png", full_page=True)

    page.get_by_role("link", name=words["direction"]).click()
    expect(heading).to_have_text(words["direction_title"])
    assert fits_the_width(page)
    page.screenshot(path=screenshots / f"direction-{language}-{viewport}.png", full_page=True)

    page.get_by_role("link", name=words["projects_of_direction"]).click()
    expect(page.get_by_role("link", name=words["project"])).to_be_visible()
    assert fits_the_width(page)
    page.get_by_role("link", name=words["project"]).click()
    expect(heading).to_have_text(words["project"])
    main = page.get_by_role("main")
    expect(main.get_by_text(words["example"], exact=True).first).to_be_visible()
    expect(main.get_by_text(words["status"], exact=True).first).to_be_visible()
    assert fits_the_width(page)
    page.screenshot(path=screenshots / f"project-{language}-{viewport}.png", full_page=True)
    assert csp_refusals(page) == []

    # The language switch keeps the reader on the same project.
    page.get_by_role("button", name=words["other_language"]).click()
    expect(heading).to_have_text(words["other_project"])


LONG_TITLE = (
    "2° Piano Strategico dell'area metropolitana di Torino – per una società della conoscenza"
)


def test_long_plan_title_stays_inside_the_phone_header(live_server, live_demo, new_page):
    # The demo plan's real title takes five lines at a phone's width: the header cuts it at two.
    Plan.objects.filter(pk=live_demo.plan.pk).update(title_it=LONG_TITLE)
    page = new_page("phone")
    page.goto(f"{live_server.url}/p/{live_demo.plan.slug}/")
    title = page.locator(".it-header-center-wrapper .it-brand-title")
    expect(title).to_have_text(LONG_TITLE)  # cut on screen only: a screen reader hears it all
    box = title.bounding_box()
    band = page.locator(".it-header-center-wrapper").bounding_box()
    switch = page.locator("#language-switch").bounding_box()
    assert box is not None and band is not None and switch is not None
    assert band["y"] <= box["y"] and box["y"] + box["height"] <= band["y"] + band["height"]
    assert box["y"] >= switch["y"] + switch["height"]


def test_example_badge_flows_after_a_long_title_in_the_phone_list(live_server, live_demo, new_page):
    # On a phone the list stacks each row; a title over several lines must not stretch its
    # "Example" badge into a tall box beside it.
    long_title = "Metropolitana linea 2: tratta nord dal Politecnico a Rebaudengo, con il deposito"
    Project.objects.filter(pk=live_demo.project.pk).update(title_it=long_title)
    page = new_page("phone")
    page.goto(f"{live_server.url}/p/{live_demo.plan.slug}/projects/")
    cell = page.locator("tbody td", has=page.get_by_role("link", name=long_title))
    title = cell.get_by_role("link").bounding_box()
    badge = cell.locator(".example-badge").bounding_box()
    assert title is not None and badge is not None
    assert title["height"] > 40  # the title does take several lines
    assert badge["height"] < 30, badge


def test_phone_menu_opens_from_its_button(live_server, live_demo, new_page):
    page = new_page("phone")
    page.goto(f"{live_server.url}/")
    actors = page.get_by_role("navigation", name="Navigazione principale").get_by_role(
        "link", name="Attori"
    )
    expect(actors).to_be_hidden()
    page.get_by_role("button", name=WORDS["it"]["menu"]).click()
    expect(actors).to_be_visible()
    actors.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Attori")


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(live_server, live_demo, new_page):
    page = new_page("desktop")
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Vai al contenuto principale")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()


def test_project_filters_update_the_rows_in_place(live_server, live_demo, new_page, screenshots):
    grow_plan(live_demo, projects=40, actors=3)
    page = new_page("desktop")
    page.goto(f"{live_server.url}/p/{live_demo.plan.slug}/projects/")
    page.evaluate("window.notReloaded = true")
    status = page.get_by_role("status")

    page.get_by_label("Stato").select_option("completed")
    expect(status).to_have_text("7 progetti trovati")
    expect(page).to_have_url(re.compile(r"status=completed"))
    rows = page.get_by_role("table").get_by_role("row")
    expect(rows).to_have_count(1 + 7)
    assert page.evaluate("window.notReloaded") is True

    page.get_by_label("Stato").select_option("")
    expect(status).to_have_text("43 progetti trovati, pagina 1 di 2")
    page.get_by_role("link", name="Pagina 2").click()
    expect(status).to_have_text("43 progetti trovati, pagina 2 di 2")
    expect(page.locator("[data-result-summary]")).to_be_focused()
    expect(page).to_have_url(re.compile(r"page=2"))
    assert page.evaluate("window.notReloaded") is True
    page.screenshot(path=screenshots / "project-list-it-desktop.png", full_page=True)

    # The language switch follows the address the filters gave the list in place.
    page.get_by_label("Stato").select_option("completed")
    expect(status).to_have_text("7 progetti trovati")
    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/p/[^/]+/projects/\?.*status=completed"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_label("Status")).to_have_value("completed")
    expect(page.locator("[data-result-summary]")).to_have_text("7 projects found")
    expect(page.get_by_role("table").get_by_role("row")).to_have_count(1 + 7)
    page.screenshot(path=screenshots / "project-list-en-after-switch.png", full_page=True)
    assert csp_refusals(page) == []


def test_project_filters_work_without_javascript(chromium, live_server, live_demo):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/p/{live_demo.plan.slug}/projects/")
    page.get_by_label("Stato").select_option("completed")
    page.get_by_role("button", name="Applica").click()
    expect(page).to_have_url(re.compile(r"status=completed"))
    expect(page.locator("[data-result-summary]")).to_have_text("1 progetto trovato")
    context.close()
