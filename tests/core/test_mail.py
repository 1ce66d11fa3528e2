"""E-mail through the task queue: queued in the sender's transaction, sent by the worker, tried
again later when the server is down (core/mail.py). The worker is the real one (db_worker)."""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ordito.core.mail import MAX_ATTEMPTS

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def queued(settings):
    """Mail through the queue (the test runner otherwise sends it straight to the outbox)."""
    settings.EMAIL_BACKEND = "ordito.core.mail.QueuedEmailBackend"
    settings.ORDITO_MAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    mail.outbox = []


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "default")


def test_mail_waits_for_the_worker_then_goes_out_whole(queued):
    message = EmailMultiAlternatives(
        "Conferma", "Testo", "piano@example.org", ["ana@example.org"], cc=["bea@example.org"]
    )
    message.attach_alternative("<p>Testo</p>", "text/html")
    message.attach("nota.txt", "una nota", "text/plain")
    assert message.send() == 1

    assert mail.outbox == []
    assert DBTaskResult.objects.get().status == "READY"
    run_worker()

    (sent,) = mail.outbox
    assert (sent.subject, sent.body, sent.from_email) == ("Conferma", "Testo", "piano@example.org")
    assert (sent.to, sent.cc) == (["ana@example.org"], ["bea@example.org"])
    assert sent.alternatives == [("<p>Testo</p>", "text/html")]
    assert sent.attachments[0][:2] == ("nota.txt", "una nota")
    assert sent.extra_headers["Message-ID"].endswith("@localhost>")
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_mail_of_a_write_that_rolls_back_is_never_sent(queued):
    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail("Mai", "Mai", "piano@example.org", ["ana@example.org"])
        raise RuntimeError("the write failed")
    assert not DBTaskResult.objects.exists()
    run_worker()
    assert mail.outbox == []


def test_a_failed_send_is_failed_visibly_and_tried_again_later_with_the_same_id(queued, settings):
    settings.ORDITO_MAIL_BACKEND = "tests.core.failing_mail.UnreachableBackend"
    send_mail("Prova", "Prova", "piano@example.org", ["ana@example.org"])
    run_worker()

    failed, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert failed.status == "FAILED"
    assert "ConnectionRefusedError" in failed.traceback
    assert retry.status == "READY" and retry.run_after > timezone.now()
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    first, second = (row.args_kwargs["kwargs"]["message"]["headers"] for row in (failed, retry))
    assert first["Message-ID"] == second["Message-ID"]

    # The server is back: the retry, once due, sends the message.
    settings.ORDITO_MAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    assert [sent.subject for sent in mail.outbox] == ["Prova"]


def test_a_send_failing_every_time_stops_after_the_last_attempt(queued, settings):
    settings.ORDITO_MAIL_BACKEND = "tests.core.failing_mail.UnreachableBackend"
    send_mail("Prova", "Prova", "piano@example.org", ["ana@example.org"])
    for _ in range(MAX_ATTEMPTS):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        run_worker()
    statuses = list(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == ["FAILED"] * MAX_ATTEMPTS
    assert mail.outbox == []
