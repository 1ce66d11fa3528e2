"""The calendar feeds: the plan's, a commission's, one meeting's, and a person's own at a secret
address they can reset. Each is parsed with the `icalendar` library, as calendar apps would."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.test import Client

from ordito.process import services
from ordito.process.models import CalendarSecret
from ordito.process.registrations import meeting_register, registration_cancel
from tests.process.factories import CommissionFactory
from tests.process.registering import open_meeting, person

pytestmark = pytest.mark.django_db

ROME = zoneinfo.ZoneInfo("Europe/Rome")


def parsed(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events_by_title(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(event["SUMMARY"]): event for event in calendar.events}


@pytest.fixture
def meetings(plan):
    commission = CommissionFactory(plan=plan, title_it="Commissione Territorio")
    # 10 March 2027, 10:30 in Rome (winter time, UTC+1); 20 June 2027, 18:00 (summer, UTC+2).
    winter = open_meeting(
        plan,
        title_it="Forum di marzo",
        starts_at=datetime.datetime(2027, 3, 10, 10, 30, tzinfo=ROME),
        ends_at=datetime.datetime(2027, 3, 10, 13, 0, tzinfo=ROME),
        registration_closes_at=None,
    )
    winter.commissions.add(commission)
    summer = open_meeting(
        plan,
        title_it="Conferenza di giugno",
        starts_at=datetime.datetime(2027, 6, 20, 18, 0, tzinfo=ROME),
        ends_at=datetime.datetime(2027, 6, 20, 20, 0, tzinfo=ROME),
        registration_closes_at=None,
    )
    internal = open_meeting(plan, title_it="Riunione interna", is_internal=True)
    internal.commissions.add(commission)
    return commission, winter, summer, internal


def test_the_plans_feed_has_its_public_meetings_in_rome_time(client, plan, meetings):
    _commission, winter, summer, _internal = meetings
    calendar = parsed(client.get(f"/p/{plan.slug}/calendar.ics"))
    assert str(calendar["VERSION"]) == "2.0"
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Rome"
    events = events_by_title(calendar)
    assert set(events) == {"Forum di marzo", "Conferenza di giugno"}  # not the internal one
    march, june = events["Forum di marzo"], events["Conferenza di giugno"]
    assert march["DTSTART"].params["TZID"] == "Europe/Rome"
    assert march["DTSTART"].to_ical() == b"20270310T103000"
    assert june["DTSTART"].to_ical() == b"20270620T180000"
    assert (march.start, march.end) == (winter.starts_at, winter.ends_at)
    assert june.start.astimezone(datetime.UTC) == datetime.datetime(
        2027, 6, 20, 16, 0, tzinfo=datetime.UTC
    )
    assert str(june["URL"]).endswith(f"/p/{plan.slug}/meetings/{summer.pk}/")


def test_the_vtimezone_gives_the_offsets_of_winter_and_summer(client, plan, meetings):
    calendar = parsed(client.get(f"/p/{plan.slug}/calendar.ics"))
    (zone,) = calendar.walk("VTIMEZONE")
    offsets = {str(part["TZNAME"]): part["TZOFFSETTO"].td for part in zone.subcomponents}
    assert offsets == {"CEST": datetime.timedelta(hours=2), "CET": datetime.timedelta(hours=1)}
    # icalendar turns the VTIMEZONE into a zone: it agrees with the system's tz database.
    rome = zone.to_tz()
    for moment in (datetime.datetime(2027, 3, 10, 10, 30), datetime.datetime(2027, 6, 20, 18)):
        assert moment.replace(tzinfo=rome).utcoffset() == moment.replace(tzinfo=ROME).utcoffset()


def test_uids_are_stable_across_requests_and_feeds(client, plan, meetings):
    _commission, winter, _summer, _internal = meetings
    first = parsed(client.get(f"/p/{plan.slug}/calendar.ics"))
    second = parsed(client.get(f"/en/p/{plan.slug}/calendar.ics"))
    uids = sorted(str(event["UID"]) for event in first.events)
    assert uids == sorted(str(event["UID"]) for event in second.events)
    assert len(set(uids)) == 2
    one = parsed(client.get(f"/p/{plan.slug}/meetings/{winter.pk}/calendar.ics"))
    assert str(one.events[0]["UID"]) == str(events_by_title(first)["Forum di marzo"]["UID"])
    # English titles on the English address, same events.
    assert {str(e["DTSTAMP"].dt) for e in first.events} == {
        str(e["DTSTAMP"].dt) for e in second.events
    }


def test_a_commissions_feed_has_only_its_public_meetings(client, plan, meetings):
    commission, _winter, _summer, _internal = meetings
    calendar = parsed(client.get(f"/p/{plan.slug}/commissions/{commission.pk}/calendar.ics"))
    assert set(events_by_title(calendar)) == {"Forum di marzo"}


def test_feeds_of_unknown_plans_and_commissions_are_not_found(client, plan, meetings):
    assert client.get("/p/nessun-piano/calendar.ics").status_code == 404
    assert client.get(f"/p/{plan.slug}/commissions/999999/calendar.ics").status_code == 404


@pytest.fixture
def anna_with_meetings(meetings):
    _commission, winter, summer, _internal = meetings
    anna = person("Anna")
    meeting_register(meeting=winter, user=anna)
    meeting_register(meeting=summer, user=anna)
    return anna


def my_calendar_address(client: Client) -> str:
    page = client.get("/en/me/")
    assert page.status_code == 200
    marker = 'id="private-calendar-url" value="'
    start = page.text.index(marker) + len(marker)
    return page.text[start : page.text.index('"', start)]


def test_my_private_calendar_is_made_and_reset_from_my_area(anna_with_meetings, meetings, english):
    anna = anna_with_meetings
    _commission, winter, _summer, _internal = meetings
    client = Client()
    client.force_login(anna)
    assert "Create the address" in client.get("/en/me/").text
    answer = client.post("/en/me/calendar/reset/", follow=True)
    assert "Your private calendar has a new address" in answer.text
    address = my_calendar_address(client)
    path = address.removeprefix("http://127.0.0.1:8000")
    feed = parsed(Client().get(path))  # anyone with the address, no login
    assert set(events_by_title(feed)) == {"Forum di marzo", "Conferenza di giugno"}
    registration_cancel(meeting=winter, user=anna)
    assert set(events_by_title(parsed(Client().get(path)))) == {"Conferenza di giugno"}

    client.post("/en/me/calendar/reset/")
    new_path = my_calendar_address(client).removeprefix("http://127.0.0.1:8000")
    assert new_path != path
    assert Client().get(path).status_code == 404  # the old address no longer works
    assert Client().get(new_path).status_code == 200


@pytest.mark.parametrize(
    "token",
    ["forged-token", "x" * 43, "x" * 300, "%00", "../../etc/passwd"],
    ids=["short", "right-length", "oversized", "nul", "path"],
)
def test_a_forged_calendar_address_is_not_found(anna_with_meetings, token):
    services.calendar_secret_reset(user=anna_with_meetings)
    assert Client().get(f"/me/calendar/{token}.ics").status_code == 404


def test_a_disabled_accounts_calendar_is_not_found(anna_with_meetings):
    secret = services.calendar_secret_reset(user=anna_with_meetings)
    anna_with_meetings.is_active = False
    anna_with_meetings.save()
    assert Client().get(f"/me/calendar/{secret.token}.ics").status_code == 404
    assert CalendarSecret.objects.count() == 1


def test_the_reset_needs_a_login_and_a_post(client, english):
    assert client.post("/en/me/calendar/reset/").status_code == 302
    anna = person("Anna")
    client.force_login(anna)
    assert client.get("/en/me/calendar/reset/").status_code == 405
    assert CalendarSecret.objects.count() == 0
