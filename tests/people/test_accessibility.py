"""axe-core finds no serious or critical violation on the pages of my area and the plan's roles,
in Italian and English, on a phone and a desktop, logged in as a plan's staff member (with the
second factor staff must have); forms are shown with their errors too. No page, the header with
the bell's unread count included, is wider than the screen."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import expect

from ordito.people import services
from tests.conftest import VIEWPORTS
from tests.people.factories import PersonFactory
from tests.web.test_accessibility import AXE_OPTIONS, BLOCKING, report

pytestmark = pytest.mark.browser

PAGES = {
    "my-area": "/me/",
    "notifications": "/me/notifications/",
    "notification-settings": "/me/notifications/settings/",
    "account-delete": "/me/delete/",
    "plan-roles": "/p/{slug}/roles/",
    "plan-categories": "/p/{slug}/categories/",
    "plan-affiliations": "/p/{slug}/affiliations/",
    "my-affiliations": "/me/affiliations/",
    "privacy": "/privacy/",
}


def session_cookie(user) -> dict:
    """A logged-in session for `user`, stored where the live server reads it."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key}


@pytest.fixture
def staff(live_demo):
    person = PersonFactory(display_name="Ana Ferraris", language="it")
    services.plan_role_grant(plan=live_demo.plan, user=person.user, role="staff", by=None)
    services.api_token_create(user=person.user, name="report notturno")
    TOTP.activate(person.user, generate_totp_secret())
    # A request waiting on the plan's page, and one of the staff member's own on theirs.
    citizen = PersonFactory(display_name="Bruno Neri")
    services.affiliation_request(user=citizen.user, actor=live_demo.actor, position="Assessore")
    services.affiliation_request(
        user=person.user, actor=live_demo.example_actor, position="Consulente"
    )
    return person.user


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["it", "en"])
def test_my_pages_have_no_serious_or_critical_violation(
    chromium, live_server, live_demo, staff, screenshots, language, viewport
):
    axe = Axe()
    context = chromium.new_context(viewport=VIEWPORTS[viewport], reduced_motion="reduce")
    context.add_cookies([{**session_cookie(staff), "url": live_server.url}])
    page = context.new_page()
    prefix = "/en" if language == "en" else ""
    problems = {}
    for name, address in PAGES.items():
        page.goto(f"{live_server.url}{prefix}{address.format(slug=live_demo.plan.slug)}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        if not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"):
            problems[f"{name} (width)"] = "wider than the screen"
        if name == "my-area":  # the profile with an error on show
            page.get_by_label("Nome visibile" if language == "it" else "Display name").fill("")
            page.get_by_role(
                "button", name="Salva il profilo" if language == "it" else "Save the profile"
            ).click()
            expect(page.locator("#id_display_name_error")).to_be_visible()
        if name == "plan-affiliations":  # declining without a reason shows the error
            page.get_by_role(
                "button", name="Rifiuta per" if language == "it" else "Decline for"
            ).first.click()
            expect(page.locator(".field-error").first).to_be_visible()
        if name == "my-affiliations":  # a search, then a request without an actor
            page.get_by_role("searchbox").fill("comune")
            page.get_by_role("button", name="Cerca" if language == "it" else "Search").click()
            page.get_by_role(
                "button", name="Invia la richiesta" if language == "it" else "Send the request"
            ).click()
            expect(page.locator("#id_actor_error")).to_be_visible()
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        page.screenshot(
            path=screenshots / f"axe-people-{name}-{language}-{viewport}.png", full_page=True
        )
        blocking = [v for v in violations if v["impact"] in BLOCKING]
        if blocking:
            problems[name] = report(blocking)
    context.close()
    assert problems == {}, "\n".join(f"{name}:\n{text}" for name, text in problems.items())
