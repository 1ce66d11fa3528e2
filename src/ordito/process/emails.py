"""The e-mail that confirms a registration: in the person's language, as plain text and HTML,
saying why it was sent; with the meeting as an `.ics` attachment when the place is confirmed."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from ordito.people.emails import site_url
from ordito.people.models import Person
from ordito.process.calendars import calendar_build
from ordito.process.models import Registration

ICS_NAME = "meeting.ics"
ICS_MEDIA_TYPE = "text/calendar"


def registration_email(*, registration: Registration, person: Person) -> EmailMultiAlternatives:
    from ordito.process.registrations import waiting_place

    meeting = registration.meeting
    with translation.override(person.language):
        confirmed = registration.status == Registration.Status.CONFIRMED
        context = {
            "language": person.language,
            "name": str(person),
            "meeting": meeting,
            "confirmed": confirmed,
            "place": waiting_place(registration),
            "meeting_url": site_url(meeting.get_absolute_url()),
            "my_area_url": site_url(reverse("people:my_area")),
        }
        if confirmed:
            subject = _("Ordito: you are registered for “%(meeting)s”")
        else:
            subject = _("Ordito: you are on the waiting list for “%(meeting)s”")
        context["subject"] = subject = subject % {"meeting": meeting.title[:120]}
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("process/registrations/email/registered.txt", context),
            to=[registration.user.email],
        )
        message.attach_alternative(
            render_to_string("process/registrations/email/registered.html", context), "text/html"
        )
        if confirmed:
            message.attach(
                ICS_NAME,
                calendar_build([meeting], name=meeting.title, language=person.language),
                ICS_MEDIA_TYPE,
            )
    return message
