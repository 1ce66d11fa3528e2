"""The process's API: phases, commissions, meetings with their counts, new meetings for the
staff, and registering and cancelling; who may call what (401, 403, 404, 409, 422, CSRF)."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from ordito.process.models import Meeting, Registration
from ordito.process.registrations import meeting_register
from tests.process.factories import CommissionFactory, MembershipFactory, PhaseFactory
from tests.process.registering import bearer, csrf_client, open_meeting, person, token_for

pytestmark = pytest.mark.django_db


def test_phases_in_order_with_the_current_one(client, plan):
    PhaseFactory(plan=plan, code="F2", order=2, title_it="Apertura", is_current=True)
    PhaseFactory(plan=plan, code="F1", order=1, title_it="Mandato")
    answer = client.get(f"/api/v1/plans/{plan.slug}/phases")
    assert answer.status_code == 200
    assert [(p["code"], p["title"], p["is_current"]) for p in answer.json()] == [
        ("F1", "Mandato", False),
        ("F2", "Apertura", True),
    ]
    assert client.get("/api/v1/plans/nessuno/phases").status_code == 404


def test_commissions_show_public_parts_only(client, plan):
    commission = CommissionFactory(plan=plan, code="TER", title_it="Territorio")
    member = person("Mario Membro")
    MembershipFactory(commission=commission, user=member, role="commission_coordinator")
    listed = client.get(f"/api/v1/plans/{plan.slug}/commissions").json()
    assert [(c["id"], c["code"], c["kind"]) for c in listed] == [(commission.pk, "TER", "thematic")]
    answer = client.get(f"/api/v1/commissions/{commission.pk}")
    assert answer.status_code == 200
    body = answer.json()
    assert body["coordinators"] == [{"name": "Mario Membro", "actor": None}]
    assert body["member_count"] == 1
    assert member.email not in answer.text  # contacts stay in the members' workspace
    assert client.get("/api/v1/commissions/999999").status_code == 404
    assert client.get("/api/v1/commissions/0").status_code == 422


@pytest.fixture
def listed(plan):
    commission = CommissionFactory(plan=plan)
    now = timezone.now()
    early = open_meeting(
        plan, kind="plenary", title_it="Primo", starts_at=now + datetime.timedelta(days=10)
    )
    early.commissions.add(commission)
    late = open_meeting(
        plan, kind="workshop", title_it="Secondo", starts_at=now + datetime.timedelta(days=40)
    )
    internal = open_meeting(plan, title_it="Interno", is_internal=True)
    internal.commissions.add(commission)
    return commission, early, late, internal


def titles(answer) -> list[str]:
    assert answer.status_code == 200, answer.content
    return [meeting["title"] for meeting in answer.json()["items"]]


def test_meetings_list_filters_and_pages(client, plan, listed):
    commission, early, _late, _internal = listed
    url = f"/api/v1/plans/{plan.slug}/meetings"
    assert titles(client.get(url)) == ["Primo", "Secondo"]  # never the internal one
    assert client.get(url).json()["count"] == 2
    assert titles(client.get(url, {"kind": "workshop"})) == ["Secondo"]
    assert titles(client.get(url, {"commission": commission.pk})) == ["Primo"]
    middle = (early.starts_at + datetime.timedelta(days=1)).isoformat()
    assert titles(client.get(url, {"starts_after": middle})) == ["Secondo"]
    assert titles(client.get(url, {"starts_before": middle})) == ["Primo"]
    assert titles(client.get(url, {"limit": 1, "offset": 1})) == ["Secondo"]
    for bad in ({"kind": "party"}, {"starts_after": "tomorrow"}, {"commission": "x"}):
        answer = client.get(url, bad)
        assert answer.status_code == 422
        assert answer.json()["detail"][0]["loc"] == ["query", next(iter(bad))]


def test_members_see_their_internal_meetings_with_a_token(client, plan, listed):
    commission, _early, _late, internal = listed
    member = person("Mario")
    MembershipFactory(commission=commission, user=member)
    headers = bearer(token_for(member))
    url = f"/api/v1/plans/{plan.slug}/meetings"
    assert titles(client.get(url, **headers)) == ["Primo", "Interno", "Secondo"]
    assert client.get(f"/api/v1/meetings/{internal.pk}", **headers).status_code == 200
    assert client.get(f"/api/v1/meetings/{internal.pk}").status_code == 404


def test_a_meeting_has_its_capacity_and_counts(client, conference):
    for name in ("Anna", "Bruno", "Carla"):
        meeting_register(meeting=conference, user=person(name))
    body = client.get(f"/api/v1/meetings/{conference.pk}").json()
    assert (body["capacity"], body["confirmed"], body["waitlisted"]) == (2, 2, 1)
    assert body["kind"] == "conference"
    assert body["starts_at"].endswith(("+01:00", "+02:00"))  # Italian time, with its offset


NEW_MEETING = {
    "title": "Conferenza al Politecnico",
    "kind": "conference",
    "starts_at": "2027-05-12T09:00:00+02:00",
    "ends_at": "2027-05-12T18:00:00+02:00",
    "capacity": 400,
    "registration_opens_at": "2027-04-01T09:00:00+02:00",
    "registration_closes_at": "2027-05-10T23:59:00+02:00",
}


def test_staff_create_a_meeting_with_a_token(client, plan, staff):
    answer = client.post(
        f"/api/v1/plans/{plan.slug}/meetings",
        NEW_MEETING,
        content_type="application/json",
        **bearer(token_for(staff)),
    )
    assert answer.status_code == 201, answer.content
    body = answer.json()
    meeting = Meeting.objects.get(pk=body["id"])
    assert (meeting.title_it, meeting.capacity, meeting.kind) == (
        "Conferenza al Politecnico",
        400,
        "conference",
    )
    assert meeting.starts_at == datetime.datetime(2027, 5, 12, 7, 0, tzinfo=datetime.UTC)
    assert (body["confirmed"], body["waitlisted"], body["capacity"]) == (0, 0, 400)
    assert meeting.history.get().history_user == staff


def test_staff_create_a_meeting_with_a_session_and_csrf_only(plan, staff):
    client, csrf = csrf_client(staff)
    url = f"/api/v1/plans/{plan.slug}/meetings"
    refused = client.post(url, NEW_MEETING, content_type="application/json")
    assert refused.status_code == 403
    assert Meeting.objects.count() == 0
    answer = client.post(url, NEW_MEETING, content_type="application/json", HTTP_X_CSRFTOKEN=csrf)
    assert answer.status_code == 201


def test_only_the_plans_staff_create_meetings(client, plan):
    url = f"/api/v1/plans/{plan.slug}/meetings"
    assert client.post(url, NEW_MEETING, content_type="application/json").status_code == 401
    someone = bearer(token_for(person("Anna")))
    answer = client.post(url, NEW_MEETING, content_type="application/json", **someone)
    assert answer.status_code == 403
    assert answer.json() == {"detail": "Solo lo staff del piano crea gli incontri."}
    english = client.post(f"{url}?lang=en", NEW_MEETING, content_type="application/json", **someone)
    assert english.json() == {"detail": "Only the plan's staff create meetings."}
    assert Meeting.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"ends_at": "2027-05-12T08:00:00+02:00"}, "ends_at"),  # ends before it starts
        ({"kind": "party"}, "kind"),
        ({"starts_at": "2027-05-12T09:00:00"}, "starts_at"),  # no offset
        ({"capacity": -1}, "capacity"),
        ({"capacity": 10**9}, "capacity"),
        ({"title": ""}, "title"),
        ({"title": "x" * 301}, "title"),
        ({"registration_closes_at": "2027-03-01T09:00:00+02:00"}, "registration_closes_at"),
    ],
    ids=["ends-first", "kind", "naive", "negative", "huge", "empty-title", "long-title", "window"],
)
def test_a_bad_meeting_is_422_naming_the_field(client, plan, staff, change, field):
    answer = client.post(
        f"/api/v1/plans/{plan.slug}/meetings",
        {**NEW_MEETING, **change},
        content_type="application/json",
        **bearer(token_for(staff)),
    )
    assert answer.status_code == 422, answer.content
    assert [item["loc"][-1] for item in answer.json()["detail"]] == [field]
    assert answer.json()["detail"][0]["loc"][0] == "body"
    assert Meeting.objects.count() == 0


def register(client, meeting, user, **headers):
    """POST a registration as `user` (with a new token), or with the given headers alone."""
    if user is not None:
        headers.update(bearer(token_for(user)))
    return client.post(f"/api/v1/meetings/{meeting.pk}/registrations", **headers)


def test_register_confirmed_then_waitlisted_with_the_place(client, conference):
    answers = [register(client, conference, person(name)) for name in ("A", "B", "C", "D")]
    assert [a.status_code for a in answers] == [201] * 4
    assert [a.json() for a in answers] == [
        {"status": "confirmed", "position": None},
        {"status": "confirmed", "position": None},
        {"status": "waitlisted", "position": 1},
        {"status": "waitlisted", "position": 2},
    ]


def test_a_second_registration_is_409(client, conference):
    headers = {**bearer(token_for(person("Anna"))), "HTTP_ACCEPT_LANGUAGE": "en"}
    assert register(client, conference, None, **headers).status_code == 201
    answer = register(client, conference, None, **headers)
    assert answer.status_code == 409
    assert answer.json() == {"detail": "You are already registered for this meeting."}
    assert Registration.objects.count() == 1


def test_registration_outside_the_window_is_422(client, plan):
    now = timezone.now()
    soon = open_meeting(plan, registration_opens_at=now + datetime.timedelta(days=1))
    closed = open_meeting(
        plan,
        registration_opens_at=now - datetime.timedelta(days=5),
        registration_closes_at=now - datetime.timedelta(days=1),
    )
    for meeting in (soon, closed):
        answer = register(client, meeting, person("Anna"), HTTP_ACCEPT_LANGUAGE="en")
        assert answer.status_code == 422
        (item,) = answer.json()["detail"]
        assert (item["type"], item["loc"]) == ("invalid", ["body", "meeting"])
    assert Registration.objects.count() == 0


def test_registration_outside_the_categories_is_422(client, plan, schools):
    day = open_meeting(plan, kind="consultation_day")
    day.categories.add(schools)
    answer = register(client, day, person("Olga"))
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "categories"]


def test_registering_needs_credentials_and_csrf_with_a_session(conference):
    anonymous = Client().post(f"/api/v1/meetings/{conference.pk}/registrations")
    assert anonymous.status_code == 401
    client, csrf = csrf_client(person("Anna"))
    url = f"/api/v1/meetings/{conference.pk}/registrations"
    assert client.post(url).status_code == 403
    assert Registration.objects.count() == 0
    assert client.post(url, HTTP_X_CSRFTOKEN=csrf).status_code == 201


def test_registering_for_an_internal_or_missing_meeting_is_404(client, plan):
    internal = open_meeting(plan, is_internal=True)
    headers = bearer(token_for(person("Olga")))
    assert (
        client.post(f"/api/v1/meetings/{internal.pk}/registrations", **headers).status_code == 404
    )
    assert client.post("/api/v1/meetings/999999/registrations", **headers).status_code == 404
    assert client.post("/api/v1/meetings/-1/registrations", **headers).status_code == 422
    assert Registration.objects.count() == 0


def test_cancelling_is_204_and_promotes_the_first_waiting(client, conference):
    tokens = {name: token_for(person(name)) for name in ("Anna", "Bruno", "Carla")}
    for text in tokens.values():
        register(client, conference, None, **bearer(text))
    url = f"/api/v1/meetings/{conference.pk}/registrations/me"
    assert client.delete(url, **bearer(tokens["Anna"])).status_code == 204
    statuses = dict(Registration.objects.values_list("user__person__display_name", "status"))
    assert statuses == {"Anna": "cancelled", "Bruno": "confirmed", "Carla": "confirmed"}
    assert client.get(f"/api/v1/meetings/{conference.pk}").json()["confirmed"] == 2


def test_nobody_cancels_someone_elses_registration_through_the_api(client, conference):
    register(client, conference, person("Anna"))
    olga = bearer(token_for(person("Olga")))
    answer = client.delete(f"/api/v1/meetings/{conference.pk}/registrations/me", **olga)
    assert answer.status_code == 404  # Olga holds none; Anna's is not hers to cancel
    assert Registration.objects.get().status == "confirmed"
    anonymous = client.delete(f"/api/v1/meetings/{conference.pk}/registrations/me")
    assert anonymous.status_code == 401


def test_cancelling_with_a_session_needs_csrf(conference):
    anna = person("Anna")
    meeting_register(meeting=conference, user=anna)
    client, csrf = csrf_client(anna)
    url = f"/api/v1/meetings/{conference.pk}/registrations/me"
    assert client.delete(url).status_code == 403
    assert Registration.objects.get().status == "confirmed"
    assert client.delete(url, HTTP_X_CSRFTOKEN=csrf).status_code == 204


# A registration through the API, whatever the number already registered: the token, the
# meeting, then inside the transaction (a savepoint in tests) the locked meeting, the person's
# own registration, the meeting's categories, the counts, the insert; a waiting place adds the
# count of its place on the list.
REGISTER_QUERIES = {"confirmed": 9, "waitlisted": 10}


@pytest.mark.parametrize("size", [3, 120])
def test_registering_costs_the_same_queries_at_any_size(client, plan, size):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    meeting = open_meeting(plan, capacity=size + 1)
    users = get_user_model().objects.bulk_create(
        [get_user_model()(username=f"bulk{size}-{n}") for n in range(size)]
    )
    Registration.objects.bulk_create(
        [Registration(meeting=meeting, user=user, status="confirmed") for user in users]
    )
    for expected in ("confirmed", "waitlisted"):
        headers = bearer(token_for(person(f"{expected} {size}")))
        with CaptureQueriesContext(connection) as queries:
            answer = register(client, meeting, None, **headers)
        assert answer.json()["status"] == expected
        assert len(queries) == REGISTER_QUERIES[expected], [q["sql"] for q in queries]
