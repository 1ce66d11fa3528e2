"""The staff run the process on the site: meetings (entered in Rome's local time), minutes,
motions and their results, phases, milestones and commissions. Nobody else can."""

import datetime

import pytest
from django.test import Client

from ordito.process.models import Commission, Meeting, Milestone, Motion, Phase
from tests.sample_plan import HOSTILE, HOSTILE_ESCAPED

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def meeting_form(**overrides) -> dict:
    return {
        "title_it": "Forum sul lavoro",
        "title_en": "Forum on work",
        "kind": "plenary",
        "starts_at": "2027-05-04T18:00",
        "ends_at": "2027-05-04T20:00",
        "address": "Via Roma 1",
        "capacity": "120",
        **overrides,
    }


@pytest.fixture
def staff_client(client, world):
    client.force_login(world.staff)
    return client


def test_meeting_create_takes_rome_local_time_and_stores_utc(staff_client, world):
    slug = world.demo.plan.slug
    response = staff_client.post(
        f"/en/p/{slug}/meetings/new/",
        meeting_form(commissions=[world.commission_a.pk], objectives=[world.demo.objective.pk]),
    )
    meeting = Meeting.objects.get(title_it="Forum sul lavoro")
    assert response.status_code == 302 and response["Location"].endswith(f"/meetings/{meeting.pk}/")
    # 18:00 in Rome on 4 May (summer time, UTC+2) is 16:00 UTC.
    assert meeting.starts_at == datetime.datetime(2027, 5, 4, 16, 0, tzinfo=datetime.UTC)
    assert meeting.capacity == 120 and meeting.plan == world.demo.plan
    assert list(meeting.commissions.all()) == [world.commission_a]
    assert list(meeting.objectives.all()) == [world.demo.objective]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"ends_at": "2027-05-04T17:00"}, "ends_at", "The meeting must end after it starts."),
        ({"ends_at": "2027-05-04T18:00"}, "ends_at", "The meeting must end after it starts."),
        ({"title_it": "x" * 301}, "title_it", "Ensure this value has at most 300 characters"),
        ({"title_it": ""}, "title_it", "This field is required."),
        ({"capacity": "-3"}, "capacity", "Ensure this value is greater than or equal to 0."),
        ({"starts_at": "domani"}, "starts_at", "Enter a valid date/time."),
        (
            {
                "registration_opens_at": "2027-05-01T10:00",
                "registration_closes_at": "2027-04-01T10:00",
            },
            "registration_closes_at",
            "Registration must close after it opens.",
        ),
        ({"kind": "party"}, "kind", "Select a valid choice."),
    ],
    ids=[
        "end-before-start",
        "end-at-start",
        "title-too-long",
        "title-missing",
        "negative",
        "bad-time",
        "window-reversed",
        "bad-kind",
    ],
)
def test_meeting_create_refuses_bad_input_on_its_field(
    staff_client, world, overrides, field, message
):
    before = Meeting.objects.count()
    response = staff_client.post(
        f"/en/p/{world.demo.plan.slug}/meetings/new/", meeting_form(**overrides)
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'id="id_{field}_error"' in page
    assert Meeting.objects.count() == before


def test_meeting_create_refuses_links_to_another_plan(staff_client, world):
    from tests.process.factories import CommissionFactory

    foreign = CommissionFactory(plan=world.other_staff.plan_roles.get().plan)
    response = staff_client.post(
        f"/en/p/{world.demo.plan.slug}/meetings/new/", meeting_form(commissions=[foreign.pk])
    )
    assert response.status_code == 400
    assert not Meeting.objects.filter(title_it="Forum sul lavoro").exists()


def test_meeting_edit_escapes_a_hostile_title(staff_client, world):
    slug = world.demo.plan.slug
    pk = world.public_meeting.pk
    response = staff_client.post(f"/p/{slug}/meetings/{pk}/edit/", meeting_form(title_it=HOSTILE))
    assert response.status_code == 302
    page = staff_client.get(f"/p/{slug}/meetings/{pk}/").content.decode()
    assert HOSTILE_ESCAPED in page and HOSTILE not in page


def test_meeting_edit_of_a_meeting_of_another_plan_is_not_found(client, world):
    from tests.process.factories import MeetingFactory

    other_plan = world.other_staff.plan_roles.get().plan
    foreign = MeetingFactory(plan=other_plan)
    client.force_login(world.staff)
    response = client.get(f"/p/{world.demo.plan.slug}/meetings/{foreign.pk}/edit/")
    assert response.status_code == 404


@pytest.mark.parametrize("who", ["other_staff", "member_a", "outsider"])
def test_meeting_create_by_who_is_not_this_plans_staff_is_refused(client, world, who):
    client.force_login(getattr(world, who))
    before = Meeting.objects.count()
    response = client.post(f"/p/{world.demo.plan.slug}/meetings/new/", meeting_form())
    assert response.status_code == 403
    assert Meeting.objects.count() == before


def test_meeting_create_anonymous_is_sent_to_log_in(client, world):
    response = client.post(f"/p/{world.demo.plan.slug}/meetings/new/", meeting_form())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Meeting.objects.filter(title_it="Forum sul lavoro").exists()


def test_meeting_create_without_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.staff)
    response = client.post(f"/p/{world.demo.plan.slug}/meetings/new/", meeting_form())
    assert response.status_code == 403
    assert not Meeting.objects.filter(title_it="Forum sul lavoro").exists()


def test_minutes_published_by_staff_appear_on_the_meeting_page(staff_client, world):
    slug = world.demo.plan.slug
    pk = world.conference.pk
    url = f"/en/p/{slug}/meetings/{pk}/minutes/"
    staff_client.post(url, {"minutes": "Verbale: 500 presenti.", "publish": ""})
    assert (
        "Verbale: 500 presenti."
        not in staff_client.get(f"/p/{slug}/meetings/{pk}/").content.decode()
    )
    staff_client.post(url, {"minutes": "Verbale: 500 presenti.", "publish": "on"})
    assert "Verbale: 500 presenti." in Client().get(f"/p/{slug}/meetings/{pk}/").content.decode()
    empty = staff_client.post(url, {"minutes": "  ", "publish": "on"})
    assert empty.status_code == 400
    assert "Write the minutes before publishing them." in empty.content.decode()


def test_motion_result_recorded_by_staff_with_who_and_when(staff_client, world):
    slug = world.demo.plan.slug
    motion = Motion.objects.create(meeting=world.assembly, order=2, title_it="Seconda mozione")
    url = f"/p/{slug}/meetings/{world.assembly.pk}/motions/{motion.pk}/result/"
    response = staff_client.post(
        url,
        {
            "votes_for": "10",
            "votes_against": "20",
            "abstentions": "0",
            "quorum_reached": "true",
            "decision": "rejected",
        },
    )
    assert response.status_code == 302
    motion.refresh_from_db()
    assert (motion.votes_for, motion.votes_against, motion.decision) == (10, 20, "rejected")
    assert motion.recorded_by == world.staff and motion.recorded_at is not None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"quorum_reached": "false", "decision": "approved"},
            "cannot be approved without a quorum",
        ),
        (
            {
                "votes_for": "1",
                "votes_against": "9",
                "quorum_reached": "true",
                "decision": "approved",
            },
            "more votes for than against",
        ),
        ({"votes_for": "-1", "decision": "approved"}, "greater than or equal to 0"),
    ],
    ids=["no-quorum", "contradicting-votes", "negative"],
)
def test_motion_result_refuses_contradictions(staff_client, world, data, message):
    slug = world.demo.plan.slug
    url = f"/en/p/{slug}/meetings/{world.assembly.pk}/motions/{world.motion.pk}/result/"
    response = staff_client.post(url, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    world.motion.refresh_from_db()
    assert (world.motion.votes_for, world.motion.decision) == (80, "approved")


def test_motion_on_a_meeting_that_is_not_an_assembly_is_refused(staff_client, world):
    url = f"/en/p/{world.demo.plan.slug}/meetings/{world.conference.pk}/motions/new/"
    response = staff_client.post(url, {"title_it": "Mozione fuori luogo", "order": "1"})
    assert response.status_code == 400
    assert "Motions are put to a members" in response.content.decode()
    assert not Motion.objects.filter(title_it="Mozione fuori luogo").exists()


def test_motion_result_by_staff_of_another_plan_is_refused(client, world):
    client.force_login(world.other_staff)
    url = (
        f"/p/{world.demo.plan.slug}/meetings/{world.assembly.pk}/motions/{world.motion.pk}/result/"
    )
    response = client.post(url, {"decision": "rejected"})
    assert response.status_code == 403
    world.motion.refresh_from_db()
    assert world.motion.decision == "approved"


def test_phase_made_current_takes_the_mark_from_the_other(staff_client, world):
    slug = world.demo.plan.slug
    for code, current in [("F1", "on"), ("F2", "on")]:
        response = staff_client.post(
            f"/p/{slug}/process/phases/new/",
            {
                "code": code,
                "title_it": f"Fase {code}",
                "order": "1",
                "starts_on": "2005-01-01",
                "date_precision": "month",
                "is_current": current,
            },
        )
        assert response.status_code == 302
    phases = Phase.objects.filter(plan=world.demo.plan)
    assert list(phases.filter(is_current=True).values_list("code", flat=True)) == ["F2"]
    duplicate = staff_client.post(
        f"/en/p/{slug}/process/phases/new/",
        {
            "code": "F1",
            "title_it": "Doppia",
            "order": "1",
            "starts_on": "2005-01-01",
            "date_precision": "month",
        },
    )
    assert (
        duplicate.status_code == 400
        and "already has one with this code" in duplicate.content.decode()
    )


def test_milestone_and_commission_created_by_staff(staff_client, world):
    slug = world.demo.plan.slug
    response = staff_client.post(
        f"/en/p/{slug}/process/milestones/new/",
        {
            "code": "M1",
            "title_it": "Assemblea",
            "kind": "assembly",
            "happens_on": "2006-02-01",
            "ends_on": "2006-01-01",
            "date_precision": "day",
        },
    )
    assert "The end cannot come before the start." in response.content.decode()
    assert response.status_code == 400 and not Milestone.objects.filter(code="M1").exists()
    response = staff_client.post(
        f"/p/{slug}/process/milestones/new/",
        {
            "code": "M1",
            "title_it": "Assemblea",
            "kind": "assembly",
            "happens_on": "2006-02-01",
            "date_precision": "day",
            "meeting": world.assembly.pk,
        },
    )
    assert response.status_code == 302
    assert Milestone.objects.get(code="M1").meeting == world.assembly
    response = staff_client.post(
        f"/en/p/{slug}/commissions/new/",
        {"code": "NEW", "title_it": "Nuova commissione", "kind": "thematic", "order": "9"},
    )
    assert response.status_code == 400
    assert "A thematic commission works on a thematic area." in response.content.decode()
    response = staff_client.post(
        f"/p/{slug}/commissions/new/",
        {"code": "NEW", "title_it": "Nuova commissione", "kind": "transversal", "order": "9"},
    )
    assert response.status_code == 302
    assert Commission.objects.get(plan=world.demo.plan, code="NEW").kind == "transversal"
