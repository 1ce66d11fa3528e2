"""The journey of an affiliation in a real browser (Debian's chromium on the live server), on a
phone: a person finds an actor by searching, asks to represent it, the plan's staff member
confirms, and the person sees it confirmed; the staff member then names the categories and a
citizen chooses one. No script is needed (the pages work without JavaScript), and the
Content-Security-Policy refuses nothing. Screenshots go to artifacts/screenshots/."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from ordito.people import services
from ordito.people.models import Affiliation
from tests.conftest import csp_refusals
from tests.people.factories import PersonFactory
from tests.people.test_accessibility import session_cookie

pytestmark = pytest.mark.browser


def test_ask_confirm_and_see_it(live_server, live_demo, new_page, screenshots):
    citizen = PersonFactory(display_name="Bruno Neri", language="en")
    staff = PersonFactory(display_name="Ufficio di piano", language="en")
    services.plan_role_grant(plan=live_demo.plan, user=staff.user, role="staff", by=None)
    TOTP.activate(staff.user, generate_totp_secret())
    base = live_server.url

    page = new_page("phone")
    page.context.add_cookies([{**session_cookie(citizen.user), "url": base}])
    page.goto(f"{base}/en/me/")
    page.get_by_role("link", name="Ask to represent an actor, or withdraw a request").click()
    page.get_by_role("searchbox", name="Find the actor by name or sector").fill("Città")
    page.get_by_role("button", name="Search").click()
    # Bootstrap Italia draws the radio button and the check box on their labels, which take the
    # pointer: `force` clicks the input all the same (its role and name were found above).
    page.get_by_role("radio", name=live_demo.actor.name).check(force=True)
    page.get_by_label("Your position").fill("Assessore all'urbanistica")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_role("status").or_(page.get_by_role("alert")).first).to_be_visible()
    expect(page.get_by_text("Waiting for a decision").first).to_be_visible()
    page.screenshot(path=screenshots / "affiliation-asked-phone.png", full_page=True)
    assert csp_refusals(page) == []

    desk = new_page("phone")
    desk.context.add_cookies([{**session_cookie(staff.user), "url": base}])
    desk.goto(f"{base}/en/p/{live_demo.plan.slug}/affiliations/")
    expect(desk.get_by_text("Bruno Neri asks to represent")).to_be_visible()
    desk.get_by_role("button", name=f"Confirm for “{live_demo.actor.name}”").click()
    expect(desk.get_by_text("No request is waiting.")).to_be_visible()
    expect(desk.get_by_role("cell", name="Bruno Neri")).to_be_visible()
    desk.screenshot(path=screenshots / "affiliation-confirmed-staff-phone.png", full_page=True)
    assert csp_refusals(desk) == []
    assert Affiliation.objects.get().status == "confirmed"

    page.goto(f"{base}/en/me/")
    expect(page.get_by_text(f"{live_demo.actor.name} (Assessore all'urbanistica):")).to_be_visible()
    expect(page.locator("#affiliations-heading ~ ul").get_by_text("Confirmed")).to_be_visible()

    # The staff member renames a category; the citizen chooses it on the profile.
    desk.goto(f"{base}/en/p/{live_demo.plan.slug}/categories/")
    desk.get_by_label("Name (English)").first.fill("Residents of the area")
    desk.get_by_role("button", name="Save the name of “Resident”").click()
    expect(desk.get_by_text("The category is renamed.")).to_be_visible()
    page.goto(f"{base}/en/me/")
    group = page.get_by_role("group", name=live_demo.plan.title_en)
    group.get_by_label("Residents of the area").check(force=True)
    page.get_by_role("button", name="Save the profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    expect(
        page.get_by_role("group", name=live_demo.plan.title_en).get_by_label(
            "Residents of the area"
        )
    ).to_be_checked()
    page.screenshot(path=screenshots / "categories-chosen-phone.png", full_page=True)
    assert [c.key for c in citizen.categories.all()] == ["resident"]
