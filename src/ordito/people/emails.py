"""The e-mails that carry notifications: one at once, or a daily digest of several.

Each is written in the person's language, as plain text and HTML, and says why it was sent and how
to stop it (Ordito's rule for every e-mail it sends).
"""

from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from ordito.people.models import Notification, Person
from ordito.people.notifications import notification_kind_get


def site_url(path: str) -> str:
    return settings.ORDITO_SITE_URL.rstrip("/") + path if path else ""


def notification_email(
    *, person: Person, notifications: Sequence[Notification], digest: bool
) -> EmailMultiAlternatives:
    with translation.override(person.language):
        kinds = {notification.kind for notification in notifications}
        context = {
            "language": person.language,
            "name": str(person),
            "digest": digest,
            "items": [
                {"message": notification.message, "url": site_url(notification.link)}
                for notification in notifications
            ],
            "reasons": sorted(
                str(kind.reason)
                for kind in (notification_kind_get(name) for name in kinds)
                if kind is not None
            ),
            "settings_url": site_url(reverse("people:notification_settings")),
        }
        if digest:
            subject = _("Ordito: %(count)d news since your last digest") % {
                "count": len(notifications)
            }
        else:
            subject = _("Ordito: %(message)s") % {"message": notifications[0].message[:80]}
        context["subject"] = subject
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("people/email/notifications.txt", context),
            to=[person.user.email],
        )
        message.attach_alternative(
            render_to_string("people/email/notifications.html", context), "text/html"
        )
    return message
