"""The main pages load in a real browser without a Content-Security-Policy refusal, a console
error or a script error, in Italian and English (issue #8, item 4).

Bootstrap Italia's stylesheet loads a font from a data: URI; before font-src allowed data: fonts,
every page logged a refusal.
"""

import pytest

from tests.conftest import csp_refusals

pytestmark = pytest.mark.browser


def main_pages(demo) -> list[str]:
    slug = demo.plan.slug
    return [
        "/",
        f"/p/{slug}/",
        f"/p/{slug}/areas/{demo.area.pk}/",
        f"/p/{slug}/directions/{demo.direction.pk}/",
        f"/p/{slug}/objectives/{demo.objective.pk}/",
        f"/p/{slug}/projects/",
        f"/p/{slug}/projects/{demo.project.pk}/",
        f"/p/{slug}/search/?q=linea",
        "/actors/",
        f"/actors/{demo.actor.pk}/",
        "/no-such-page/",
    ]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_main_pages_log_no_policy_refusal_nor_error(live_server, live_demo, new_page, prefix):
    page = new_page("desktop")
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            errors.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(f"script: {error}"))
    problems = {}
    for address in main_pages(live_demo):
        errors.clear()
        response = page.goto(f"{live_server.url}{prefix}{address}", wait_until="load")
        expected_status = 404 if address == "/no-such-page/" else 200
        assert response is not None and response.status == expected_status, address
        # A 404 page logs its own status as a console error in chromium; nothing else may.
        found = [e for e in errors if not (expected_status == 404 and "404" in e)]
        found += [f"policy: {refusal}" for refusal in csp_refusals(page)]
        if found:
            problems[address] = found
    assert problems == {}
