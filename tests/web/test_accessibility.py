"""WCAG 2.1 AA as axe-core checks it: no "serious" or "critical" violation on the main pages.

axe-core (through axe-playwright-python) runs in Debian's chromium on every public page (home,
area, direction, objective, the project list, a project, the actor list, an actor, search), in
Italian and in English, and on the second page of the paged ones, with their pagination, after
the plan has grown. A failure prints every violation with the elements at fault.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.sample_plan import grow_plan

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}
# The rules of WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices (landmarks, headings).
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


def addresses(demo) -> dict[str, str]:
    slug = demo.plan.slug
    return {
        "home": "/",
        "area": f"/p/{slug}/areas/{demo.area.pk}/",
        "direction": f"/p/{slug}/directions/{demo.direction.pk}/",
        "objective": f"/p/{slug}/objectives/{demo.objective.pk}/",
        "project-list": f"/p/{slug}/projects/?status=bogus",  # with a field error on show
        "project": f"/p/{slug}/projects/{demo.project.pk}/",
        "actor-list": "/actors/",
        "actor": f"/actors/{demo.actor.pk}/",
        "search": f"/p/{slug}/search/?q=progetto",
        # Second pages, once the plan has grown (`PAGED`): the pagination is on show.
        "project-list-page-2": f"/p/{slug}/projects/?page=2",
        "objective-page-2": f"/p/{slug}/objectives/{demo.objective.pk}/?page=2",
        "actor-page-2": f"/actors/{demo.actor.pk}/?page=2",
    }


PAGED = {"project-list-page-2", "objective-page-2", "actor-page-2"}
PAGES_LABEL = {"it": "Pagine", "en": "Pages"}


def report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['impact']}: {violation['id']}: {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '')}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize(
    "page_name",
    [
        "home",
        "area",
        "direction",
        "objective",
        "project-list",
        "project",
        "actor-list",
        "actor",
        "search",
        *sorted(PAGED),
    ],
)
@pytest.mark.parametrize("language", ["it", "en"])
def test_page_has_no_serious_or_critical_violation(
    chromium, live_server, live_demo, axe, screenshots, page_name, language
):
    if page_name in PAGED:
        grow_plan(live_demo, projects=40, actors=3)
    prefix = "/en" if language == "en" else ""
    context = chromium.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(f"{live_server.url}{prefix}{addresses(live_demo)[page_name]}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    if page_name in PAGED:
        expect(page.get_by_role("navigation", name=PAGES_LABEL[language])).to_be_visible()
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    page.screenshot(path=screenshots / f"axe-{page_name}-{language}.png", full_page=True)
    context.close()
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING]
    print(report(violations) or f"{page_name} ({language}): no violations")
    assert not blocking, "\n" + report(blocking)
