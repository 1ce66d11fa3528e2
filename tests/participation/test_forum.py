"""The forum through its services and pages: threads, replies, links to codes, following,
editing within the time limit, closed boards, hidden threads, escaping, CSRF."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone, translation

from ordito.participation.models import Follow, Post, Report, Thread
from ordito.participation.services import forum
from ordito.people.models import Notification

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'


def test_thread_create_opens_a_thread_with_its_post_followed_by_its_author(board, alice, objective):
    thread = forum.thread_create(
        board=board, author=alice, title="  Tram   in  periferia ", body="Serve MOB2."
    )
    assert thread.title == "Tram in periferia"
    post = thread.posts.get()
    assert f'<a href="/p/torino/objectives/{objective.pk}/"' in post.body_html


def test_codes_link_to_objectives_coded_with_a_space(board, alice, plan):
    from tests.plans.factories import ObjectiveFactory, ProjectFactory

    spaced = ObjectiveFactory(direction__area__plan=plan, code="TRU 3")
    project = ProjectFactory(direction=spaced.direction, code="P001")
    thread = forum.thread_create(board=board, author=alice, title="T", body="TRU3, P001, XX9")
    html = thread.posts.get().body_html
    assert f'href="/p/torino/objectives/{spaced.pk}/"' in html
    assert f'href="/p/torino/projects/{project.pk}/"' in html
    assert html.count("<a ") == 2


def test_code_links_lead_to_the_default_languages_address_whoever_writes(board, alice, objective):
    with translation.override("en"):
        thread = forum.thread_create(board=board, author=alice, title="T", body="MOB2")
    assert f'href="/p/torino/objectives/{objective.pk}/"' in thread.posts.get().body_html
    assert Follow.objects.filter(thread=thread, user=alice).exists()
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    ("title", "body", "field", "message"),
    [
        ("", "testo", "title", "This field cannot be empty."),
        ("titolo", "   ", "body", "This field cannot be empty."),
        ("t" * 201, "testo", "title", "Use at most 200 characters."),
        ("titolo", "b" * 10_001, "body", "Use at most 10000 characters."),
        ("tito\x00lo", "testo", "title", "Remove the control characters."),
        (None, "testo", "title", "Enter text."),
    ],
)
def test_thread_create_bad_input_names_the_field_and_writes_nothing(
    board, alice, english, title, body, field, message
):
    with pytest.raises(ValidationError) as error:
        forum.thread_create(board=board, author=alice, title=title, body=body)
    assert error.value.message_dict == {field: [message]}
    assert Thread.objects.count() == Post.objects.count() == 0


def test_post_create_in_a_closed_board_or_hidden_thread_is_refused(board, alice, english):
    thread = forum.thread_create(board=board, author=alice, title="Aperta", body="ciao")
    Thread.objects.filter(pk=thread.pk).update(is_hidden=True)
    thread.refresh_from_db()
    with pytest.raises(PermissionDenied, match="hidden by a moderator"):
        forum.post_create(thread=thread, author=alice, body="ancora")
    board.is_open = False
    board.save()
    with pytest.raises(PermissionDenied, match="closed"):
        forum.thread_create(board=board, author=alice, title="Nuova", body="ciao")
    assert Post.objects.count() == 1


def test_reply_to_a_reply_joins_the_top_level_discussion(board, alice, bruno):
    thread = forum.thread_create(board=board, author=alice, title="T", body="primo")
    first = thread.posts.get()
    reply = forum.post_create(thread=thread, author=bruno, body="due", parent=first)
    again = forum.post_create(thread=thread, author=alice, body="tre", parent=reply)
    assert reply.parent == first and again.parent == first


def test_post_create_tells_followers_but_not_the_author(board, alice, bruno):
    thread = forum.thread_create(board=board, author=alice, title="Piste ciclabili", body="primo")
    forum.thread_follow(thread=thread, user=bruno)
    post = forum.post_create(thread=thread, author=bruno, body="risposta")
    told = Notification.objects.get()
    assert told.user == alice
    assert told.kind == "participation.thread_replies"
    assert told.link == f"/p/torino/forum/threads/{thread.pk}/#post-{post.pk}"
    assert "Piste ciclabili" in told.message


def test_post_edit_within_the_limit_shows_the_edit_and_after_it_is_refused(
    board, alice, bruno, english
):
    thread = forum.thread_create(board=board, author=alice, title="T", body="prima")
    post = thread.posts.get()
    with pytest.raises(PermissionDenied, match="Only the author"):
        forum.post_edit(post=post, by=bruno, body="altro")
    forum.post_edit(post=post, by=alice, body="**dopo**")
    post.refresh_from_db()
    assert post.body_html == "<p><strong>dopo</strong></p>\n" and post.edited_at is not None
    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - timedelta(hours=1))
    post.refresh_from_db()
    with pytest.raises(PermissionDenied, match="30 minutes"):
        forum.post_edit(post=post, by=alice, body="troppo tardi")


def test_posting_too_fast_is_refused_on_the_body(board, alice, english):
    thread = forum.thread_create(board=board, author=alice, title="T", body="primo")
    for number in range(forum.POST_RATE.count - 1):  # the opening post counts too
        forum.post_create(thread=thread, author=alice, body=f"messaggio {number}")
    with pytest.raises(ValidationError) as error:
        forum.post_create(thread=thread, author=alice, body="uno di troppo")
    assert "wait a few minutes" in error.value.message_dict["body"][0]
    assert Post.objects.count() == forum.POST_RATE.count


# Pages


def test_thread_page_shows_posts_replies_edits_and_escapes_hostile_titles(
    client, board, alice, bruno
):
    thread = forum.thread_create(board=board, author=alice, title=SCRIPT, body=f"testo {SCRIPT}")
    forum.post_create(
        thread=thread, author=bruno, body="risposta di Bruno", parent=thread.posts.get()
    )
    html = client.get(f"/en/p/torino/forum/threads/{thread.pk}/").content.decode()
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html  # the title, escaped
    assert '<p>testo &lt;script&gt;alert("x")&lt;/script&gt;</p>' in html  # the body, as text
    assert "Alice Rossi" in html and "risposta di Bruno" in html and "Bruno Bianchi" in html


def test_board_page_opens_a_thread_and_refuses_a_filled_honeypot(client, board, alice):
    client.force_login(alice)
    response = client.post(
        "/en/p/torino/forum/boards/generale/",
        {"title": "Bot", "body": "spam", "website": "http://spam.example"},
    )
    assert response.status_code == 400
    assert "filled in automatically" in response.content.decode()
    assert not Thread.objects.exists()
    response = client.post(
        "/en/p/torino/forum/boards/generale/", {"title": "Umano", "body": "ciao", "website": ""}
    )
    thread = Thread.objects.get()
    assert response["Location"] == f"/en/p/torino/forum/threads/{thread.pk}/"


def test_forum_forms_need_the_csrf_token(board, alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post("/en/p/torino/forum/boards/generale/", {"title": "T", "body": "b"})
    assert response.status_code == 403
    assert not Thread.objects.exists()


def test_search_query_is_escaped_when_shown(client, board):
    html = client.get("/en/p/torino/forum/search/", {"q": SCRIPT}).content.decode()
    assert SCRIPT not in html
    assert "&lt;script&gt;" in html


def test_anonymous_visitor_reads_but_cannot_post(client, board, alice):
    thread = forum.thread_create(board=board, author=alice, title="T", body="primo")
    html = client.get(f"/en/p/torino/forum/threads/{thread.pk}/").content.decode()
    assert "Log in to take part." in html
    response = client.post(f"/en/p/torino/forum/threads/{thread.pk}/", {"body": "anonimo"})
    assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/")
    assert Post.objects.count() == 1


def test_hidden_thread_is_gone_from_board_counts_and_its_page(client, board, alice):
    kept = forum.thread_create(board=board, author=alice, title="Visibile", body="a")
    gone = forum.thread_create(board=board, author=alice, title="Nascosta", body="b")
    Thread.objects.filter(pk=gone.pk).update(is_hidden=True)
    board_html = client.get("/en/p/torino/forum/boards/generale/").content.decode()
    assert "Visibile" in board_html and "Nascosta" not in board_html
    assert "1 thread" in client.get("/en/p/torino/forum/").content.decode()
    assert client.get(f"/en/p/torino/forum/threads/{gone.pk}/").status_code == 404
    assert client.get(f"/en/p/torino/forum/threads/{kept.pk}/").status_code == 200


def test_thread_pages_by_keyset_with_the_same_queries_at_two_sizes(
    client, board, alice, django_assert_num_queries
):
    from tests.participation.factories import PostFactory

    thread = forum.thread_create(board=board, author=alice, title="Lunga", body="primo")
    # plan, thread with its board, the page of posts, their replies (anonymous: no follow)
    expected = 4
    for size in (100, 400):
        PostFactory.create_batch(size, thread=thread, author=alice)
        last = Post.objects.filter(thread=thread).order_by("-pk").values_list("pk", flat=True)[60]
        with django_assert_num_queries(expected):
            response = client.get(f"/en/p/torino/forum/threads/{thread.pk}/", {"after": last})
        html = response.content.decode()
        assert html.count('<article class="post') == 50
        assert html.count(f'id="post-{last + 1}"') == 1  # the page starts right after `last`
        assert 'rel="next" href="?after=' in html


def test_hostile_display_name_is_escaped_on_thread_and_board(client, board):
    from tests.people.factories import PersonFactory

    villain = PersonFactory(display_name=SCRIPT).user
    thread = forum.thread_create(board=board, author=villain, title="Ciao", body="testo")
    for address in (
        f"/en/p/torino/forum/threads/{thread.pk}/",
        "/en/p/torino/forum/boards/generale/",
    ):
        html = client.get(address).content.decode()
        assert SCRIPT not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_former_participants_posts_stay_under_that_name(client, board, alice, english):
    from ordito.people.services import account_delete

    thread = forum.thread_create(board=board, author=alice, title="Eredità", body="resta")
    account_delete(user=alice)
    html = client.get(f"/en/p/torino/forum/threads/{thread.pk}/").content.decode()
    assert "Former participant" in html and "resta" in html
    html = client.get(f"/p/torino/forum/threads/{thread.pk}/").content.decode()
    assert "Ex partecipante" in html


@pytest.mark.parametrize("address", ["thread", "follow", "edit", "report", "queue"])
def test_every_forum_form_refuses_a_post_without_csrf(board, alice, address):
    from ordito.people.services import plan_role_grant

    thread = forum.thread_create(board=board, author=alice, title="T", body="primo")
    post = thread.posts.get()
    plan_role_grant(plan=board.plan, user=alice, role="moderator", by=None)
    addresses = {
        "thread": f"/en/p/torino/forum/threads/{thread.pk}/",
        "follow": f"/en/p/torino/forum/threads/{thread.pk}/follow/",
        "edit": f"/en/p/torino/forum/posts/{post.pk}/edit/",
        "report": f"/en/p/torino/report/post/{post.pk}/",
        "queue": "/en/p/torino/moderation/",
    }
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post(addresses[address], {"body": "nuovo", "reason": "x", "follow": "0"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.body == "primo" and Post.objects.count() == 1
    assert Follow.objects.filter(thread=thread, user=alice).exists()
    assert not Report.objects.exists()
