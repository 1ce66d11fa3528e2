"""The registration block of a meeting's page, its forms, and the staff's list with its exports
and attendance; the page's query count at two numbers of registrations."""

import csv
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from ordito.process.models import Registration
from ordito.process.registrations import meeting_register
from tests.process.registering import open_meeting, person

# The meeting page's queries, whatever the number of registrations (measured at SMALL and LARGE).
# Anonymous: the plan, the meeting and its seven prefetched relations, the registration counts.
# A person on the waiting list adds their session and account, the staff check, the header's
# notification bell, their own registration and their place on the list.
MEETING_PAGE_QUERIES = {"anonymous": 10, "waiting": 17}
SMALL, LARGE = 3, 150


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def page_of(meeting) -> str:
    return meeting.get_absolute_url().replace("/it/", "/")


def test_register_with_one_click_then_see_the_place_and_cancel(conference, english):
    anna = person("Anna")
    client = logged_in(anna)
    url = f"/en/p/{conference.plan.slug}/meetings/{conference.pk}/"
    page = client.get(url)
    assert "0 of 2 places taken." in page.text
    assert f'action="/en/p/torino-2006/meetings/{conference.pk}/register/"' in page.text
    answer = client.post(url + "register/", follow=True)
    assert answer.redirect_chain == [(url + "#registration", 302)]
    assert "You are registered. We have sent you a confirmation." in answer.text
    assert "You are registered." in answer.text and "1 of 2 places taken." in answer.text
    answer = client.post(url + "unregister/", follow=True)
    assert "Your registration is cancelled." in answer.text
    assert Registration.objects.get(user=anna).status == Registration.Status.CANCELLED


def test_when_full_the_button_joins_the_waiting_list_and_the_page_says_the_place(
    conference, english
):
    for name in ("Anna", "Bruno"):
        meeting_register(meeting=conference, user=person(name))
    carla = logged_in(person("Carla"))
    url = f"/en/p/{conference.plan.slug}/meetings/{conference.pk}/"
    assert "Join the waiting list" in carla.get(url).text
    answer = carla.post(url + "register/", follow=True)
    assert "The meeting is full: you are number 1 on the waiting list." in answer.text
    assert "You are number 1 on the waiting list." in answer.text


def test_a_second_click_says_already_registered_and_adds_nothing(conference, english):
    client = logged_in(person("Anna"))
    url = f"/en/p/{conference.plan.slug}/meetings/{conference.pk}/register/"
    client.post(url)
    answer = client.post(url, follow=True)
    assert "You are already registered for this meeting." in answer.text
    assert Registration.objects.count() == 1


def test_a_refusal_is_shown_with_its_reason(plan, schools, english):
    day = open_meeting(plan, kind="consultation_day")
    day.categories.add(schools)
    client = logged_in(person("Olga"))
    answer = client.post(f"/en/p/{plan.slug}/meetings/{day.pk}/register/", follow=True)
    assert "This meeting is for: Scuole." in answer.text
    assert Registration.objects.count() == 0


def test_anonymous_people_are_sent_to_log_in_and_get_is_not_allowed(conference):
    url = f"/en/p/{conference.plan.slug}/meetings/{conference.pk}/register/"
    answer = Client().post(url)
    assert answer.status_code == 302 and "/accounts/login/" in answer["Location"]
    assert logged_in(person("Anna")).get(url).status_code == 405
    assert Registration.objects.count() == 0


def test_an_internal_meeting_is_not_found_by_outsiders(plan):
    meeting = open_meeting(plan, is_internal=True)
    client = logged_in(person("Olga"))
    base = f"/en/p/{plan.slug}/meetings/{meeting.pk}/"
    for path in ("register/", "unregister/"):
        assert client.post(base + path).status_code == 404
    assert client.get(base + "calendar.ics").status_code == 404
    assert Registration.objects.count() == 0


@pytest.fixture
def full_conference(conference):
    people = [person(name) for name in ("Anna", "Bruno", "Carla")]
    for user in people:
        meeting_register(meeting=conference, user=user)
    return conference, people


def test_staff_see_the_list_in_order(full_conference, staff, english):
    conference, (anna, bruno, carla) = full_conference
    page = logged_in(staff).get(
        f"/en/p/{conference.plan.slug}/meetings/{conference.pk}/registrations/"
    )
    assert page.status_code == 200
    assert "2 confirmed, 1 on the waiting list." in page.text
    text = page.text
    assert text.index(anna.email) < text.index(bruno.email) < text.index("Waiting list")
    assert text.index("Waiting list") < text.index(carla.email)


def test_only_the_plans_staff_see_the_list_and_its_exports(full_conference):
    conference, (anna, _bruno, _carla) = full_conference
    base = f"/en/p/{conference.plan.slug}/meetings/{conference.pk}/registrations"
    client = logged_in(anna)
    for path in ("/", ".csv", ".xlsx"):
        assert client.get(base + path).status_code == 403
    assert Client().get(base + "/").status_code == 302  # to the login page


def test_the_list_exports_as_csv_and_xlsx(full_conference, staff, english):
    conference, (anna, bruno, carla) = full_conference
    client = logged_in(staff)
    base = f"/en/p/{conference.plan.slug}/meetings/{conference.pk}/registrations"
    answer = client.get(base + ".csv")
    assert answer["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Status",
        "Place on the waiting list",
        "Name",
        "E-mail",
        "Registered at",
        "Attended",
    ]
    assert [(row[0], row[1], row[2], row[3]) for row in rows[1:]] == [
        ("Confirmed", "", "Anna", anna.email),
        ("Confirmed", "", "Bruno", bruno.email),
        ("On the waiting list", "1", "Carla", carla.email),
    ]
    answer = client.get(base + ".xlsx")
    sheet = load_workbook(io.BytesIO(answer.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "Status" and len(values) == 4
    assert values[3][:4] == ("On the waiting list", 1, "Carla", carla.email)
    assert client.get(base + ".pdf").status_code == 404


def test_staff_record_who_attended(full_conference, staff, english):
    conference, (anna, bruno, carla) = full_conference
    client = logged_in(staff)
    url = f"/en/p/{conference.plan.slug}/meetings/{conference.pk}/registrations/"
    answer = client.post(url, {"attended": [str(anna.pk)]}, follow=True)
    assert "Attendance is recorded." in answer.text
    assert dict(Registration.objects.values_list("user_id", "attended")) == {
        anna.pk: True,
        bruno.pk: False,
        carla.pk: False,
    }
    for hostile in ([str(carla.pk)], ["x"], ["999999999999999999999"]):
        answer = client.post(url, {"attended": hostile}, follow=True)
        assert "Choose people with a confirmed registration." in answer.text
    assert Registration.objects.filter(attended=True).get().user == anna


@pytest.mark.parametrize("viewer", ["anonymous", "waiting"])
def test_the_meeting_page_costs_the_same_queries_at_two_sizes(plan, viewer):
    """Counted at SMALL and LARGE registrations: the same number both times."""
    counts = []
    for size in (SMALL, LARGE):
        meeting = open_meeting(plan, capacity=size - 1)
        users = [person(f"P{size}-{n}") for n in range(size)]
        Registration.objects.bulk_create(
            [
                Registration(
                    meeting=meeting,
                    user=user,
                    status="confirmed" if n < size - 1 else "waitlisted",
                    position=None if n < size - 1 else 1,
                )
                for n, user in enumerate(users)
            ]
        )
        client = Client() if viewer == "anonymous" else logged_in(users[-1])
        url = f"/en/p/{plan.slug}/meetings/{meeting.pk}/"
        client.get(url)  # warm the session and caches the header reads
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url)
        assert page.status_code == 200
        assert ("You are number 1" in page.text) == (viewer == "waiting")
        counts.append(len(queries))
    assert counts[0] == counts[1] == MEETING_PAGE_QUERIES[viewer], counts
