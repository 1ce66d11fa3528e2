"""E-mail goes out through the task queue, so that a request never waits for an SMTP server.

`QueuedEmailBackend` is Django's `EMAIL_BACKEND`: whatever sends mail (allauth, notifications,
newsletters) hands its messages to it, and it enqueues one `mail_send` task per message, in the
sender's transaction (a write that rolls back sends nothing). The worker (`ordito worker`) sends
them through `ORDITO_MAIL_BACKEND`, the real backend: SMTP in production, the console in the demo.

A failed send is tried again later, up to `MAX_ATTEMPTS` times, each attempt waiting twice as
long; every failed attempt stays visible to staff as a failed task in the admin. Retrying cannot
make an SMTP send exactly-once (the server may have taken a message before the connection
failed), so each message keeps the Message-ID it was given when queued: a retry is the same
message, which mail clients show once.
"""

import base64
from datetime import timedelta
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import make_msgid
from django.utils import timezone
from django_tasks import task

MAX_ATTEMPTS = 5
FIRST_RETRY_SECONDS = 60


def message_data(message: EmailMessage) -> dict:
    """`message` as JSON-ready data, with a Message-ID fixed now, for the task's arguments."""
    headers = {
        "Message-ID": make_msgid(domain=settings.ORDITO_MAIL_DOMAIN),
        **message.extra_headers,
    }
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            raise ValueError("Queued e-mail takes attachments as (name, content, mimetype).")
        name, content, mimetype = attachment
        raw = content.encode() if isinstance(content, str) else content
        attachments.append([name, base64.b64encode(raw).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": headers,
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def message_from(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for name, content, mimetype in data["attachments"]:
        message.attach(name, base64.b64decode(content), mimetype)
    return message


class QueuedEmailBackend(BaseEmailBackend):
    """Django's e-mail backend that enqueues each message instead of sending it."""

    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            mail_send.enqueue(message=message_data(message), attempt=1)
        return len(email_messages)


@task()
def mail_send(*, message: dict, attempt: int) -> str:
    """Send one queued message through the real backend; on failure, enqueue the next attempt
    (until `MAX_ATTEMPTS`) and fail, so that this attempt shows as failed. Returns the message's
    Message-ID."""
    try:
        get_connection(settings.ORDITO_MAIL_BACKEND).send_messages([message_from(message)])
    except Exception:
        if attempt < MAX_ATTEMPTS:
            wait = timedelta(seconds=FIRST_RETRY_SECONDS * 2 ** (attempt - 1))
            mail_send.using(run_after=timezone.now() + wait).enqueue(
                message=message, attempt=attempt + 1
            )
        raise
    return message["headers"]["Message-ID"]
