"""Registering for a meeting, the waiting list, cancelling and promotion, the window and the
categories, the confirmation e-mail with its .ics, and what a second try or another person's
cancellation does (process/registrations.py, views/registrations.py)."""

import datetime

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ordito.people.models import Notification
from ordito.process import registrations, services
from ordito.process.models import Registration
from ordito.process.registrations import AlreadyRegistered, meeting_register
from tests.process.registering import open_meeting, person

Status = Registration.Status


def statuses(meeting) -> list[tuple[str, str, int | None]]:
    return [
        (str(r.user.person), r.status, r.position)
        for r in Registration.objects.filter(meeting=meeting).order_by("pk")
    ]


def test_register_confirms_until_full_then_waits_in_order(conference):
    anna, bruno, carla, dario = (person(n) for n in ("Anna", "Bruno", "Carla", "Dario"))
    results = [meeting_register(meeting=conference, user=user) for user in (anna, bruno, carla)]
    results.append(meeting_register(meeting=conference, user=dario))
    assert [r.status for r in results] == [Status.CONFIRMED] * 2 + [Status.WAITLISTED] * 2
    assert [registrations.waiting_place(r) for r in results] == [None, None, 1, 2]
    assert registrations.meeting_counts(meeting=conference) == registrations.Counts(2, 2)


def test_a_meeting_without_capacity_confirms_everyone(plan):
    meeting = open_meeting(plan, capacity=None)
    for number in range(5):
        assert meeting_register(meeting=meeting, user=person(f"P{number}")).status == "confirmed"


def test_a_second_registration_is_refused_and_writes_nothing(conference):
    anna = person("Anna")
    first = meeting_register(meeting=conference, user=anna)
    with pytest.raises(AlreadyRegistered) as refused:
        meeting_register(meeting=conference, user=anna)
    assert refused.value.registration == first
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [
        (datetime.timedelta(days=1), datetime.timedelta(days=5), "Registration opens on"),
        (
            -datetime.timedelta(days=5),
            -datetime.timedelta(days=1),
            "Registration for this meeting is closed.",
        ),
    ],
    ids=["before-the-window", "after-the-window"],
)
def test_registration_outside_the_window_is_refused(plan, english, opens, closes, message):
    now = timezone.now()
    meeting = open_meeting(
        plan, registration_opens_at=now + opens, registration_closes_at=now + closes
    )
    with pytest.raises(ValidationError) as refused:
        meeting_register(meeting=meeting, user=person("Anna"))
    assert list(refused.value.message_dict) == ["meeting"]
    assert refused.value.message_dict["meeting"][0].startswith(message)
    assert Registration.objects.count() == 0


def test_registration_for_a_meeting_that_is_over_is_refused(plan, english):
    past = timezone.now() - datetime.timedelta(days=3)
    meeting = open_meeting(
        plan, starts_at=past, registration_opens_at=None, registration_closes_at=None
    )
    with pytest.raises(ValidationError, match=r"This meeting is over\."):
        meeting_register(meeting=meeting, user=person("Anna"))


def test_a_consultation_day_refuses_people_outside_its_categories(plan, schools, english):
    day = open_meeting(plan, kind="consultation_day", capacity=None)
    day.categories.add(schools)
    outsider, teacher = person("Olga"), person("Teresa")
    teacher.person.categories.add(schools)
    with pytest.raises(ValidationError) as refused:
        meeting_register(meeting=day, user=outsider)
    assert refused.value.message_dict == {
        "categories": [
            "This meeting is for: Scuole. Add your category in your profile if you belong to "
            "one of them."
        ]
    }
    assert meeting_register(meeting=day, user=teacher).status == Status.CONFIRMED
    assert Registration.objects.filter(meeting=day).count() == 1


def test_an_internal_meeting_refuses_people_who_may_not_see_it(plan):
    meeting = open_meeting(plan, is_internal=True)
    with pytest.raises(PermissionDenied):
        meeting_register(meeting=meeting, user=person("Olga"))


def test_cancelling_a_confirmed_place_promotes_the_first_waiting_and_tells_them(
    conference, django_capture_on_commit_callbacks
):
    anna, bruno, carla, dario = (person(n) for n in ("Anna", "Bruno", "Carla", "Dario"))
    for user in (anna, bruno, carla, dario):
        meeting_register(meeting=conference, user=user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = registrations.registration_cancel(meeting=conference, user=anna, by=anna)
    assert promoted.user == carla
    assert statuses(conference) == [
        ("Anna", "cancelled", None),
        ("Bruno", "confirmed", None),
        ("Carla", "confirmed", None),
        ("Dario", "waitlisted", 2),
    ]
    assert registrations.waiting_place(Registration.objects.get(user=dario)) == 1
    notice = Notification.objects.get(user=carla)
    assert notice.kind == registrations.REGISTRATIONS
    assert "Una trasformazione in atto" in notice.message
    assert notice.link == conference.get_absolute_url()
    # Notified at once by e-mail (the kind's default), and nobody else was.
    assert [message.to for message in mail.outbox] == [[carla.email]]
    assert "Una trasformazione in atto" in mail.outbox[0].subject


def test_cancelling_a_waiting_place_promotes_nobody(conference):
    users = [person(n) for n in ("Anna", "Bruno", "Carla", "Dario")]
    for user in users:
        meeting_register(meeting=conference, user=user)
    assert registrations.registration_cancel(meeting=conference, user=users[2]) is None
    assert registrations.meeting_counts(meeting=conference) == registrations.Counts(2, 1)
    assert Notification.objects.count() == 0


def test_who_cancels_and_registers_again_goes_to_the_end_of_the_queue(conference):
    anna, bruno, carla, dario = (person(n) for n in ("Anna", "Bruno", "Carla", "Dario"))
    for user in (anna, bruno, carla, dario):
        meeting_register(meeting=conference, user=user)
    registrations.registration_cancel(meeting=conference, user=carla)
    again = meeting_register(meeting=conference, user=carla)
    assert (again.status, registrations.waiting_place(again)) == (Status.WAITLISTED, 2)


def test_nobody_cancels_someone_elses_registration(conference):
    anna, olga = person("Anna"), person("Olga")
    meeting_register(meeting=conference, user=anna)
    with pytest.raises(PermissionDenied):
        registrations.registration_cancel(meeting=conference, user=anna, by=olga)
    assert Registration.objects.get(user=anna).status == Status.CONFIRMED


def test_the_plans_staff_may_cancel_for_someone(conference, staff):
    anna = person("Anna")
    meeting_register(meeting=conference, user=anna)
    registrations.registration_cancel(meeting=conference, user=anna, by=staff)
    assert Registration.objects.get(user=anna).status == Status.CANCELLED


def test_a_capacity_below_the_confirmed_count_is_refused(conference, staff, english):
    for name in ("Anna", "Bruno"):
        meeting_register(meeting=conference, user=person(name))
    with pytest.raises(ValidationError) as refused:
        services.meeting_save(
            by=staff, plan=conference.plan, meeting=conference, values={"capacity": 1}
        )
    assert refused.value.message_dict == {
        "capacity": ["2 people are already confirmed: the capacity cannot be lower."]
    }
    conference.refresh_from_db()
    assert conference.capacity == 2


def test_raising_the_capacity_fills_the_new_places_from_the_waiting_list(conference, staff):
    users = [person(n) for n in ("Anna", "Bruno", "Carla", "Dario", "Elena")]
    for user in users:
        meeting_register(meeting=conference, user=user)
    services.meeting_save(
        by=staff, plan=conference.plan, meeting=conference, values={"capacity": 4}
    )
    assert registrations.meeting_counts(meeting=conference) == registrations.Counts(4, 1)
    confirmed = Registration.objects.filter(status=Status.CONFIRMED).values_list("user", flat=True)
    assert set(confirmed) == {user.pk for user in users[:4]}
    assert set(Notification.objects.values_list("user", flat=True)) == {users[2].pk, users[3].pk}
    assert registrations.waiting_list_promote(meeting=conference) == []


def test_the_confirmation_e_mail_carries_the_meeting_as_ics_in_the_persons_language(
    conference, django_capture_on_commit_callbacks
):
    anna = person("Anna", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        meeting_register(meeting=conference, user=anna)
    (message,) = mail.outbox
    assert message.to == [anna.email]
    assert message.subject == "Ordito: you are registered for “A transformation under way”"
    assert "You receive this e-mail because you registered for this meeting" in message.body
    html, media_type = message.alternatives[0]
    assert media_type == "text/html" and '<html lang="en">' in html
    (name, content, attachment_type) = message.attachments[0]
    assert (name, attachment_type) == ("meeting.ics", "text/calendar")
    event = icalendar.Calendar.from_ical(content).events[0]
    assert str(event["SUMMARY"]) == "A transformation under way"
    assert event.start == conference.starts_at
    assert event["DTSTART"].params["TZID"] == "Europe/Rome"


def test_a_waiting_person_is_told_their_place_without_an_ics(
    conference, django_capture_on_commit_callbacks
):
    for name in ("Anna", "Bruno"):
        meeting_register(meeting=conference, user=person(name))
    carla = person("Carla")
    with django_capture_on_commit_callbacks(execute=True):
        meeting_register(meeting=conference, user=carla)
    (message,) = mail.outbox
    assert message.subject == "Ordito: sei in lista d'attesa per «Una trasformazione in atto»"
    assert "numero 1" in message.body
    assert message.attachments == []


def test_attendance_is_recorded_for_confirmed_people_only(conference, staff):
    anna, bruno, carla = (person(n) for n in ("Anna", "Bruno", "Carla"))
    for user in (anna, bruno, carla):
        meeting_register(meeting=conference, user=user)
    registrations.attendance_record(meeting=conference, attended_user_ids={anna.pk}, by=staff)
    attended = dict(Registration.objects.values_list("user_id", "attended"))
    assert attended == {anna.pk: True, bruno.pk: False, carla.pk: False}
    with pytest.raises(ValidationError):  # Carla waits: she cannot have attended
        registrations.attendance_record(meeting=conference, attended_user_ids={carla.pk}, by=staff)
    with pytest.raises(PermissionDenied):
        registrations.attendance_record(meeting=conference, attended_user_ids=set(), by=anna)
    assert Registration.objects.get(user=anna).attended is True


def test_deleting_an_account_gives_its_place_to_the_first_waiting(conference):
    from ordito.people.services import account_delete, personal_data_export

    anna, bruno, carla = (person(n) for n in ("Anna", "Bruno", "Carla"))
    for user in (anna, bruno, carla):
        meeting_register(meeting=conference, user=user)
    exported = personal_data_export(user=anna)["meeting_registrations"]
    assert [(row["meeting"], row["status"]) for row in exported] == [
        ("Una trasformazione in atto", "confirmed")
    ]
    account_delete(user=anna)
    assert dict(Registration.objects.values_list("user_id", "status")) == {
        bruno.pk: "confirmed",
        carla.pk: "confirmed",
    }
