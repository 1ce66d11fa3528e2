"""Fixtures for the public site's tests: an empty cache, browsers, page text. The sample plan is
the `demo` fixture (tests/conftest.py)."""

import re
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.utils import translation


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
