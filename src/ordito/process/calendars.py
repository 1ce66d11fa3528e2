"""iCalendar (RFC 5545) for the process's meetings: the plan's feed, a commission's, a person's
own registrations, and the `.ics` attached to a registration's confirmation.

Times are written in the site's zone with `TZID=Europe/Rome` and one VTIMEZONE that says the
European rule (summer time from the last Sunday of March, 02:00, to the last Sunday of October,
03:00; the EU's Directive 2000/84/EC), so that calendar apps show the meeting at the hour the
plan announced, and move it right if they display another zone. UIDs depend only on the meeting
and the site, and DTSTAMP on the meeting's last change, so that the same meeting fetched twice is
the same event, updated in place by calendar apps.
"""

import datetime
import zoneinfo
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import translation
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from ordito.process.models import Meeting

ZONE = "Europe/Rome"
MEDIA_TYPE = "text/calendar; charset=utf-8"
PRODID = "-//Ordito//Participatory strategic planning//IT"


def _site_url(path: str) -> str:
    return settings.ORDITO_SITE_URL.rstrip("/") + path


def meeting_uid(meeting: Meeting) -> str:
    host = urlsplit(settings.ORDITO_SITE_URL).hostname or "ordito.invalid"
    return f"meeting-{meeting.pk}@{host}"


def _rome_timezone() -> Timezone:
    zone = Timezone()
    zone.add("tzid", ZONE)
    zone.add("x-lic-location", ZONE)
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", datetime.timedelta(hours=1))
    summer.add("tzoffsetto", datetime.timedelta(hours=2))
    summer.add("dtstart", datetime.datetime(1996, 3, 31, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", datetime.timedelta(hours=2))
    winter.add("tzoffsetto", datetime.timedelta(hours=1))
    winter.add("dtstart", datetime.datetime(1996, 10, 27, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def _where(meeting: Meeting) -> str:
    parts = [meeting.address]
    if meeting.municipality_id:
        parts.append(meeting.municipality.name)
    return ", ".join(part for part in parts if part) or meeting.online_url


def meeting_event(meeting: Meeting, *, status: str = "CONFIRMED") -> Event:
    """One VEVENT for `meeting` (its `municipality` and `plan` fetched with it)."""
    rome = zoneinfo.ZoneInfo(ZONE)
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", meeting.updated_at.astimezone(datetime.UTC))
    event.add("last-modified", meeting.updated_at.astimezone(datetime.UTC))
    event.add("dtstart", meeting.starts_at.astimezone(rome))
    event.add("dtend", meeting.ends_at.astimezone(rome))
    event.add("summary", meeting.title)
    description = "\n\n".join(text for text in (meeting.description, meeting.agenda) if text)
    if description:
        event.add("description", description)
    where = _where(meeting)
    if where:
        event.add("location", where)
    event.add("categories", [str(meeting.get_kind_display())])
    event.add("url", _site_url(meeting.get_absolute_url()))
    event.add("status", status)
    return event


def calendar_build(meetings: Iterable[Meeting], *, name: str, language: str | None = None) -> bytes:
    """A calendar of `meetings` named `name`, as the bytes of an .ics file.

    Titles are read in `language` (the one active by default): the translated fields follow it.
    """
    with translation.override(language or translation.get_language()):
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", ZONE)
        calendar.add_component(_rome_timezone())
        for meeting in meetings:
            calendar.add_component(meeting_event(meeting))
        return calendar.to_ical()
