"""Reports and the moderators' queue: hiding, restoring, warning, suspending, with the reason
shown to the person; hidden content leaves every list and count; a suspended person is refused."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from ordito.participation.models import ModerationAction, Post, Report, Suspension
from ordito.participation.selectors import REPORTABLE_MODELS
from ordito.participation.services import forum, moderation
from ordito.people import services as people
from ordito.people.models import Notification
from tests.people.factories import PersonFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def moderator(plan):
    user = PersonFactory(display_name="Moderatrice").user
    people.plan_role_grant(plan=plan, user=user, role="moderator", by=None)
    return user


@pytest.fixture
def thread(board, alice):
    return forum.thread_create(board=board, author=alice, title="Discussione", body="apertura")


@pytest.fixture
def rude(thread, bruno):
    return forum.post_create(thread=thread, author=bruno, body="Un messaggio maleducato")


def test_report_create_twice_is_refused_on_reason(rude, alice, english):
    moderation.report_create(content=rude, reporter=alice, reason="Offende")
    with pytest.raises(ValidationError) as error:
        moderation.report_create(content=rude, reporter=alice, reason="Ancora")
    assert error.value.message_dict == {"reason": ["You have already reported this."]}
    assert Report.objects.count() == 1


def test_only_the_plans_moderators_hide(rude, alice, english):
    with pytest.raises(PermissionDenied, match="moderators"):
        moderation.content_hide(content=rude, by=alice, reason="no")
    assert not Post.objects.get(pk=rude.pk).is_hidden


def test_queue_hides_a_reported_post_which_leaves_the_thread_and_its_count(
    client, rude, thread, alice, bruno, moderator
):
    client.force_login(alice)
    response = client.post(
        f"/en/p/torino/report/post/{rude.pk}/", {"reason": f"Offensivo {SCRIPT}", "website": ""}
    )
    assert response.status_code == 302
    client.force_login(moderator)
    queue = client.get("/en/p/torino/moderation/").content.decode()
    assert "Un messaggio maleducato" in queue
    assert SCRIPT not in queue and "Offensivo &lt;script&gt;" in queue
    report = Report.objects.get()
    response = client.post(
        "/en/p/torino/moderation/",
        {"report": report.pk, "action": "hide", "reason": "Linguaggio offensivo"},
    )
    assert response.status_code == 302
    assert "No open reports." in client.get("/en/p/torino/moderation/").content.decode()
    page = client.get(f"/en/p/torino/forum/threads/{thread.pk}/").content.decode()
    assert "Un messaggio maleducato" not in page
    board_page = client.get("/en/p/torino/forum/boards/generale/").content.decode()
    assert "1 post" in board_page and "2 posts" not in board_page
    told = Notification.objects.get(user=bruno, kind="participation.moderation")
    assert "Linguaggio offensivo" in told.message
    client.force_login(bruno)
    mine = client.get("/en/p/torino/moderation/mine/").content.decode()
    assert "Linguaggio offensivo" in mine


def test_restore_shows_the_post_again(rude, thread, moderator):
    moderation.content_hide(content=rude, by=moderator, reason="per errore")
    moderation.content_restore(content=rude, by=moderator, reason="era lecito")
    assert not Post.objects.get(pk=rude.pk).is_hidden
    assert list(ModerationAction.objects.values_list("kind", flat=True)) == ["restore", "hide"]


def test_queue_is_refused_to_a_participant(client, alice, plan):
    client.force_login(alice)
    assert client.get("/en/p/torino/moderation/").status_code == 403


def test_suspended_person_is_refused_with_the_reason_until_it_ends(
    client, rude, thread, bruno, moderator, english
):
    moderation.person_suspend(plan=thread.board.plan, person=bruno, by=moderator,
                              reason="Insulti ripetuti", days=7)  # fmt: skip
    with pytest.raises(PermissionDenied, match="Insulti ripetuti"):
        forum.post_create(thread=thread, author=bruno, body="ancora io")
    client.force_login(bruno)
    response = client.post(f"/en/p/torino/forum/threads/{thread.pk}/", {"body": "dal sito"})
    assert response.status_code == 400
    assert "You are suspended from taking part in this plan" in response.content.decode()
    assert "Insulti ripetuti" in response.content.decode()
    assert not Post.objects.filter(body__in=["ancora io", "dal sito"]).exists()
    Suspension.objects.update(until=Suspension.objects.get().created_at)
    forum.post_create(thread=thread, author=bruno, body="di nuovo benvenuto")


@pytest.mark.parametrize("days", [0, 366, "7", None, True])
def test_person_suspend_refuses_bad_days(thread, bruno, moderator, days, english):
    with pytest.raises(ValidationError) as error:
        moderation.person_suspend(plan=thread.board.plan, person=bruno, by=moderator,
                                  reason="x", days=days)  # fmt: skip
    assert error.value.message_dict == {"days": ["Enter a number of days from 1 to 365."]}
    assert not Suspension.objects.exists()


def test_warn_tells_the_person(thread, bruno, moderator):
    moderation.person_warn(plan=thread.board.plan, person=bruno, by=moderator, reason="Calma")
    assert Notification.objects.get(user=bruno).message.endswith("Calma")


def test_queue_costs_the_same_queries_with_few_and_many_reports(
    client, thread, moderator, django_assert_num_queries
):
    from tests.people.factories import UserFactory

    client.force_login(moderator)
    # Content types are cached for the life of the process: warm, as after a site's first page.
    ContentType.objects.get_for_models(*REPORTABLE_MODELS)
    # session, user, plan, has_perm (role), unread notifications (the header), reports,
    # their posts with authors, the moderation log
    expected = 8
    for size in (3, 30):
        for _ in range(size):
            post = forum.post_create(thread=thread, author=UserFactory(), body="qualcosa")
            moderation.report_create(content=post, reporter=UserFactory(), reason="spam")
        with django_assert_num_queries(expected):
            response = client.get("/en/p/torino/moderation/")
        assert response.content.decode().count("Report by") == Report.objects.count()
