"""A participant, in a real browser on a phone, opens a thread from the forum, replies in
Markdown with a code, and sees the reply rendered with the code linked."""

import pytest
from playwright.sync_api import expect

from ordito.participation.services import forum
from tests.people.factories import PersonFactory
from tests.people.test_accessibility import session_cookie
from tests.plans.factories import ObjectiveFactory

pytestmark = pytest.mark.browser


def test_participant_replies_on_a_phone_and_sees_the_code_linked(
    new_page, live_server, live_demo, screenshots
):
    plan = live_demo.plan
    ObjectiveFactory(direction__area__plan=plan, code="TRA 7")
    author = PersonFactory(display_name="Marta Verdi").user
    board, _ = forum.board_save(
        by=None, plan=plan, slug="generale", values={"title_it": "Generale"}
    )
    forum.thread_create(
        board=board, author=author, title="Nuove linee di tram", body="Che ne dite?"
    )
    page = new_page("phone")
    page.context.add_cookies([{**session_cookie(author), "url": live_server.url}])
    page.goto(f"{live_server.url}/p/{plan.slug}/forum/")
    page.get_by_role("link", name="Generale").click()
    page.get_by_role("link", name="Nuove linee di tram").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nuove linee di tram")
    page.get_by_label("La tua risposta").fill("Sì, **subito**: serve a TRA7.")
    page.get_by_role("button", name="Pubblica").click()
    reply = page.locator("article.post").nth(1)
    expect(reply.locator(".post-body strong")).to_have_text("subito")
    expect(reply.get_by_role("link", name="TRA7")).to_have_attribute(
        "href", f"/p/{plan.slug}/objectives/{plan.objectives.get(code='TRA 7').pk}/"
    )
    page.screenshot(path=screenshots / "forum-reply-phone.png", full_page=True)
