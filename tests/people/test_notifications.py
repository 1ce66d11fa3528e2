"""Notifications: on the site, and by e-mail at once or in a daily digest, as each person chooses;
every e-mail in the person's language, as text and HTML, saying why it came and how to stop it."""

import pytest

from ordito.people import services
from ordito.people.models import Notification
from ordito.people.notifications import ROLES, Delivery
from tests.people.factories import PersonFactory
from tests.plans.factories import PlanFactory

pytestmark = pytest.mark.django_db


def test_a_granted_role_is_notified_at_once_in_the_persons_language(mailoutbox):
    english = PersonFactory(language="en", user__email="ana@example.org")
    plan = PlanFactory(title_it="Secondo piano", title_en="Second plan", slug="torino-2006")
    services.plan_role_grant(plan=plan, user=english.user, role="analyst", by=None)

    notification = Notification.objects.get(user=english.user)
    assert notification.message == "You now hold the role “Analyst” in the plan “Second plan”."
    assert notification.link == "/en/p/torino-2006/"
    assert notification.about == plan
    (mail,) = mailoutbox
    assert mail.to == ["ana@example.org"]
    assert mail.subject == "Ordito: You now hold the role “Analyst” in the plan “Second plan”."
    assert "http://127.0.0.1:8000/en/p/torino-2006/" in mail.body
    assert "because you were given, or lost, a role in a plan." in mail.body
    assert "http://127.0.0.1:8000/en/me/notifications/settings/" in mail.body
    ((html, mimetype),) = mail.alternatives
    assert mimetype == "text/html" and '<html lang="en">' in html
    assert 'href="http://127.0.0.1:8000/en/me/notifications/settings/"' in html


def test_an_italian_person_reads_italian(mailoutbox):
    italian = PersonFactory(language="it")
    plan = PlanFactory(title_it="Secondo piano", title_en="Second plan", slug="torino-2006")
    services.plan_role_grant(plan=plan, user=italian.user, role="staff", by=None)
    notification = Notification.objects.get(user=italian.user)
    assert notification.message == "Ora hai il ruolo «Staff» nel piano «Secondo piano»."
    assert notification.link == "/p/torino-2006/"
    assert "perché hai ricevuto o perso un ruolo in un piano." in mailoutbox[0].body


def test_digest_gathers_the_days_notifications_in_one_email_once(mailoutbox):
    person = PersonFactory(language="en", user__email="bea@example.org")
    services.notification_setting_set(user=person.user, kind=ROLES, delivery=Delivery.DIGEST)
    first, second = PlanFactory(title_en="First"), PlanFactory(title_en="Second")
    services.plan_role_grant(plan=first, user=person.user, role="staff", by=None)
    services.plan_role_grant(plan=second, user=person.user, role="staff", by=None)
    assert mailoutbox == []

    assert services.notifications_digest_send.call() == 1
    (mail,) = mailoutbox
    assert mail.subject == "Ordito: 2 news since your last digest"
    assert "“First”" in mail.body and "“Second”" in mail.body
    assert services.notifications_digest_send.call() == 0
    assert len(mailoutbox) == 1


def test_site_only_sends_no_email_and_read_ones_skip_the_digest(mailoutbox):
    quiet = PersonFactory()
    services.notification_setting_set(user=quiet.user, kind=ROLES, delivery=Delivery.SITE)
    services.plan_role_grant(plan=PlanFactory(), user=quiet.user, role="staff", by=None)
    reader = PersonFactory()
    services.notification_setting_set(user=reader.user, kind=ROLES, delivery=Delivery.DIGEST)
    services.plan_role_grant(plan=PlanFactory(), user=reader.user, role="staff", by=None)
    services.notifications_mark_read(user=reader.user)
    assert services.notifications_digest_send.call() == 0
    assert mailoutbox == []
    assert Notification.objects.count() == 2


@pytest.mark.parametrize(
    "link", ["https://evil.example/", "//evil.example/", "javascript:x", "/" + "a" * 500]
)
def test_notify_refuses_a_link_off_the_site(link):
    person = PersonFactory()
    with pytest.raises(ValueError, match="path of this site"):
        services.notify(user=person.user, kind=ROLES, message=lambda: "x", link=lambda: link)
    assert not Notification.objects.exists()


def test_notify_refuses_an_unregistered_kind():
    with pytest.raises(ValueError, match="Register the notification kind"):
        services.notify(user=PersonFactory().user, kind="gossip", message=lambda: "x")


@pytest.mark.parametrize(
    ("kind", "delivery", "field"), [("gossip", "digest", "kind"), (ROLES, "pigeon", "delivery")]
)
def test_notification_setting_refuses_unknown_values(kind, delivery, field):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        services.notification_setting_set(user=PersonFactory().user, kind=kind, delivery=delivery)
    assert set(caught.value.message_dict) == {field}


def test_the_digest_goes_out_at_seven_in_the_sites_time_zone():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    rome = ZoneInfo("Europe/Rome")
    early = datetime(2026, 12, 5, 6, 30, tzinfo=rome)
    late = datetime(2026, 12, 5, 7, 0, tzinfo=rome)
    assert services.digest_next_run(early) == datetime(2026, 12, 5, 7, 0, tzinfo=rome)
    assert services.digest_next_run(late) == datetime(2026, 12, 6, 7, 0, tzinfo=rome)


def test_each_digest_queues_the_next_and_the_worker_queues_the_first_once():
    from django_tasks_db.models import DBTaskResult

    from ordito.cli.worker import digest_ensure_scheduled

    path = services.notifications_digest_send.module_path
    digest_ensure_scheduled()
    digest_ensure_scheduled()
    waiting = DBTaskResult.objects.filter(task_path=path, status="READY")
    assert waiting.count() == 1
    assert waiting.get().run_after == services.digest_next_run()
    services.notifications_digest_send.call()
    assert DBTaskResult.objects.filter(task_path=path, status="READY").count() == 2
