"""axe-core finds no serious or critical violation on the forum's and moderation's pages, in
Italian and English, on a phone and a desktop, logged in as a moderator; the new-thread form is
shown with its errors too. Screenshots of each page are saved."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from ordito.participation.services import forum, moderation
from ordito.people import services as people
from tests.conftest import VIEWPORTS
from tests.people.factories import PersonFactory
from tests.people.test_accessibility import session_cookie
from tests.web.test_accessibility import AXE_OPTIONS, BLOCKING, report

pytestmark = pytest.mark.browser


@pytest.fixture
def forum_pages(live_demo):
    plan = live_demo.plan
    moderator = PersonFactory(display_name="Paola Moderatrice", language="it").user
    people.plan_role_grant(plan=plan, user=moderator, role="moderator", by=None)
    author = PersonFactory(display_name="Marco Autore").user
    board, _ = forum.board_save(
        by=None, plan=plan, slug="generale",
        values={"title_it": "Generale", "title_en": "General", "description_it": "Di tutto"},
    )  # fmt: skip
    thread = forum.thread_create(
        board=board, author=author, title="Tram e bus", body="Più **tram** e bus.\n\n- uno\n- due"
    )
    reply = forum.post_create(
        thread=thread, author=moderator, body="Risposta", parent=thread.posts.get()
    )
    moderation.report_create(content=reply, reporter=author, reason="Fuori tema")
    slug = plan.slug
    return moderator, {
        "forum": f"/p/{slug}/forum/",
        "board": f"/p/{slug}/forum/boards/generale/",
        "thread": f"/p/{slug}/forum/threads/{thread.pk}/",
        "search": f"/p/{slug}/forum/search/?q=tram",
        "edit": f"/p/{slug}/forum/posts/{reply.pk}/edit/",
        "report": f"/p/{slug}/report/post/{thread.posts.order_by('pk').first().pk}/",
        "queue": f"/p/{slug}/moderation/",
        "mine": f"/p/{slug}/moderation/mine/",
    }


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["it", "en"])
def test_forum_pages_have_no_serious_or_critical_violation(
    chromium, live_server, forum_pages, screenshots, language, viewport
):
    moderator, pages = forum_pages
    axe = Axe()
    context = chromium.new_context(viewport=VIEWPORTS[viewport], reduced_motion="reduce")
    context.add_cookies([{**session_cookie(moderator), "url": live_server.url}])
    page = context.new_page()
    prefix = "/en" if language == "en" else ""
    problems = {}
    for name, address in pages.items():
        page.goto(f"{live_server.url}{prefix}{address}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        if name == "board":  # the new-thread form with its errors on show
            page.get_by_role("button", name="Pubblica" if language == "it" else "Publish").click()
            expect(page.locator("#id_title_error")).to_be_visible()
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        page.screenshot(
            path=screenshots / f"axe-forum-{name}-{language}-{viewport}.png", full_page=True
        )
        blocking = [v for v in violations if v["impact"] in BLOCKING]
        if blocking:
            problems[name] = report(blocking)
    context.close()
    assert problems == {}, "\n".join(f"{name}:\n{text}" for name, text in problems.items())
