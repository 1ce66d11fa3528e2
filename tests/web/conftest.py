"""Fixtures for the public site's tests: an empty cache, browsers, page text. The sample plan is
the `demo` fixture (tests/conftest.py)."""

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import translation
from playwright.sync_api import Page

from tests.sample_plan import Demo, build_demo


@pytest.fixture(autouse=True)
def _cache_emptied():
    """Start every test with an empty cache: pages cache parts of themselves, and a plan of an
    earlier test can come back under the same id (SQLite reuses the ids of rolled-back rows)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _language_reset():
    """Leave no language active: a request to an `/en/` page activates English in this thread,
    and later tests would otherwise build English addresses and messages."""
    yield
    translation.deactivate()


class _VisibleText(HTMLParser):
    """The text a reader of the page sees: no tags, no scripts, whitespace collapsed."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in {"script", "style", "template"}:
            self._skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "template"} and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def markup_without_csrf_token(response) -> str:
    """The response's HTML with the CSRF token's value blanked: Django masks it anew each time."""
    return re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]*"', r'\1"', response.content.decode())


def page_text(response) -> str:
    """The response's visible text, with runs of whitespace made single spaces."""
    parser = _VisibleText()
    parser.feed(response.content.decode())
    return " ".join(" ".join(parser.parts).split())


# Browser tests: one chromium for the whole session, driven through Playwright's sync API.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


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
def live_demo(transactional_db, live_server) -> Demo:
    """The small plan, committed so that the live server's thread sees it."""
    return build_demo()


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
