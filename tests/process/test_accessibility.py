"""axe-core finds no serious or critical violation on the process's pages, in Italian and
English, on a phone and a desktop, logged in as a member of the commission (who also sees its
workspace); the staff's meeting form is checked with its errors on show. Screenshots go to
artifacts/screenshots (the phone's at 390 px wide)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.conftest import VIEWPORTS
from tests.people.test_accessibility import session_cookie
from tests.web.test_accessibility import AXE_OPTIONS, BLOCKING, report

pytestmark = pytest.mark.browser


def pages(world) -> dict[str, str]:
    slug = world.demo.plan.slug
    a = world.commission_a.pk
    return {
        "process": f"/p/{slug}/process/",
        "commissions": f"/p/{slug}/commissions/",
        "commission": f"/p/{slug}/commissions/{a}/",
        "workspace": f"/p/{slug}/commissions/{a}/workspace/",
        "meetings": f"/p/{slug}/meetings/",
        "conference": f"/p/{slug}/meetings/{world.conference.pk}/",
        "assembly": f"/p/{slug}/meetings/{world.assembly.pk}/",
    }


def check(page, axe, screenshots, name) -> list[dict]:
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    page.screenshot(path=screenshots / f"axe-process-{name}.png", full_page=True)
    return [violation for violation in violations if violation["impact"] in BLOCKING]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["it", "en"])
def test_process_pages_have_no_serious_or_critical_violation(
    chromium, live_server, live_world, screenshots, language, viewport
):
    axe = Axe()
    context = chromium.new_context(viewport=VIEWPORTS[viewport], reduced_motion="reduce")
    context.add_cookies([{**session_cookie(live_world.member_a), "url": live_server.url}])
    page = context.new_page()
    prefix = "/en" if language == "en" else ""
    problems = {}
    for name, address in pages(live_world).items():
        page.goto(f"{live_server.url}{prefix}{address}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        blocking = check(page, axe, screenshots, f"{name}-{language}-{viewport}")
        if blocking:
            problems[name] = report(blocking)
    context.close()
    assert problems == {}, "\n".join(f"{name}:\n{text}" for name, text in problems.items())


def test_meeting_form_with_errors_has_no_serious_or_critical_violation_on_a_phone(
    chromium, live_server, live_world, screenshots
):
    axe = Axe()
    context = chromium.new_context(viewport=VIEWPORTS["phone"], reduced_motion="reduce")
    context.add_cookies([{**session_cookie(live_world.staff), "url": live_server.url}])
    page = context.new_page()
    page.goto(f"{live_server.url}/en/p/{live_world.demo.plan.slug}/meetings/new/")
    page.get_by_label("Title [it]").fill("Forum")
    page.get_by_label("Starts at").fill("2027-05-04T18:00")
    page.get_by_label("Ends at").fill("2027-05-04T17:00")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#id_ends_at_error")).to_contain_text(
        "The meeting must end after it starts."
    )
    blocking = check(page, axe, screenshots, "meeting-form-errors-en-phone")
    context.close()
    assert not blocking, "\n" + report(blocking)
