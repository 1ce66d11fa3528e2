"""axe-core finds no serious or critical violation on the pages this part adds or changes: a
meeting's page with its registration block (for a person on the waiting list), the staff's list
of registrations with its attendance form, and my area with the private calendar address; in
Italian and English, on a phone and a desktop."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from ordito.people.models import PlanRole
from ordito.people.roles import STAFF
from ordito.process import services
from ordito.process.registrations import meeting_register
from tests.people.test_accessibility import session_cookie
from tests.plans.factories import PlanFactory
from tests.process.registering import open_meeting, person
from tests.web.test_accessibility import AXE_OPTIONS, BLOCKING, report

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("language", ["it", "en"])
def test_registration_pages_have_no_serious_or_critical_violation(
    transactional_db, live_server, new_page, language, viewport
):
    plan = PlanFactory(slug="torino-2006")
    conference = open_meeting(plan, capacity=1)
    anna, bea = person("Anna Prima"), person("Bea Seconda")
    staff = person("Sara Staff")
    PlanRole.objects.create(user=staff, plan=plan, role=STAFF)
    TOTP.activate(staff, generate_totp_secret())
    for user in (anna, bea):
        meeting_register(meeting=conference, user=user)
    services.calendar_secret_reset(user=bea)
    prefix = "/en" if language == "en" else ""
    meeting = f"{prefix}/p/{plan.slug}/meetings/{conference.pk}/"
    pages = {bea: [meeting, f"{prefix}/me/"], staff: [meeting + "registrations/"]}
    axe = Axe()
    problems = {}
    for user, addresses in pages.items():
        page = new_page(viewport)
        page.context.add_cookies([{**session_cookie(user), "url": live_server.url}])
        for address in addresses:
            page.goto(live_server.url + address)
            expect(page.locator("html")).to_have_attribute("lang", language)
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
            blocking = [v for v in violations if v["impact"] in BLOCKING]
            if blocking:
                problems[address] = report(blocking)
    assert not problems, "\n".join(f"{a}:\n{p}" for a, p in problems.items())
