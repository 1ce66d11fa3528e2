"""Fixtures shared by every test package."""

import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from hypothesis import settings as hypothesis_settings
from playwright.sync_api import Page

from tests.sample_plan import Demo, build_demo

# Fixtures of the registration, calendar and API tests of the process (a plan, its staff, an open
# conference); registered here because pytest takes plugins from the root conftest only.
pytest_plugins = ["tests.process.registering"]

# Speed is measured in benchmarks/, not asserted by tests: hypothesis's per-example deadline
# (200 ms) failed a correct test when a loaded CI machine ran one example slowly.
hypothesis_settings.register_profile("ordito", deadline=None)
hypothesis_settings.load_profile("ordito")


@pytest.fixture
def english():
    """Run the test in English, for assertions on messages (the site's default is Italian)."""
    with translation.override("en"):
        yield


@pytest.fixture
def demo(db) -> Demo:
    """The sample plan of tests/sample_plan.py, which every suite's expected values come from."""
    return build_demo()


@pytest.fixture
def live_demo(transactional_db, live_server) -> Demo:
    """The small plan, committed so that the live server's thread sees it."""
    return build_demo()


@pytest.fixture
def staff_client(client, db):
    """A client logged in as a superuser who has set up a second factor, as staff must before
    the admin answers them (ordito/accounts/middleware.py)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = get_user_model().objects.create_superuser("staff", "staff@example.org", "x-password")
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)
    return client


# Browser tests: one chromium for the whole session, driven through Playwright's sync API.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium, launched once; `playwright install` cannot run on these machines."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread, and Django refuses database
    # calls from a thread with a running loop unless told that this is deliberate.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def new_page(chromium):
    """A fresh browser tab at a given viewport that records Content-Security-Policy refusals."""
    contexts = []

    def open_page(viewport: str) -> Page:
        context = chromium.new_context(viewport=VIEWPORTS[viewport], reduced_motion="reduce")
        contexts.append(context)
        page = context.new_page()
        page.add_init_script(
            "window.cspViolations = [];"
            "document.addEventListener('securitypolicyviolation', (event) =>"
            " window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));"
        )
        return page

    yield open_page
    for context in contexts:
        context.close()


def csp_refusals(page: Page) -> list[str]:
    """What the Content-Security-Policy refused on the page, as "directive URI"."""
    return page.evaluate("window.cspViolations")
