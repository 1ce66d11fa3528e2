"""The process's public pages: what they show, to whom, in which time zone."""

import datetime

import pytest

from ordito.process.models import Meeting
from tests.process.factories import MeetingFactory, MilestoneFactory, PhaseFactory

pytestmark = [pytest.mark.django_db]


def test_process_page_tells_the_periods_in_order_with_the_current_one_and_approved_motions(
    client, world
):
    plan = world.demo.plan
    later = PhaseFactory(
        plan=plan,
        order=2,
        title_it="Attuazione",
        starts_on=datetime.date(2006, 9, 1),
        date_precision="month",
        is_current=True,
    )
    earlier = PhaseFactory(
        plan=plan,
        order=1,
        title_it="Bilancio del primo piano",
        starts_on=datetime.date(2004, 1, 1),
        ends_on=datetime.date(2004, 12, 1),
        date_precision="month",
    )
    MilestoneFactory(
        plan=plan,
        phase=earlier,
        title_it="Rapporto sul 1° Piano",
        happens_on=datetime.date(2004, 1, 1),
        date_precision="year",
        is_example=True,
    )
    page = client.get(f"/p/{plan.slug}/process/").content.decode()
    assert page.index("Bilancio del primo piano") < page.index("Attuazione")
    assert "gennaio 2004 – dicembre 2004" in page.lower()
    assert "da settembre 2006" in page.lower()
    current = page[page.index("process-period-current") :]
    assert current.index("Fase in corso") < current.index(later.title_it)
    assert "Rapporto sul 1° Piano" in page
    assert "Approvare la struttura del piano" in page
    assert "80 a favore" in page or "80 for" in page


def test_plan_page_links_the_process_and_shows_approved_motions(client, world):
    page = client.get(f"/en/p/{world.demo.plan.slug}/").content.decode()
    assert f'href="/en/p/{world.demo.plan.slug}/process/"' in page
    assert f'href="/en/p/{world.demo.plan.slug}/commissions/"' in page
    assert f'href="/en/p/{world.demo.plan.slug}/meetings/"' in page
    assert "Approved by the members' assembly" in page
    assert "Approve the plan&#x27;s structure" in page


def test_commission_page_shows_mandate_coordinator_actors_meetings_minutes_and_objectives(
    client, world
):
    response = client.get(f"/en/p/{world.demo.plan.slug}/commissions/{world.commission_a.pk}/")
    page = response.content.decode()
    assert "Explore the metropolitan question." in page
    assert "Carla Coordinatrice" in page
    assert world.demo.actor.name in page
    assert "Plenary forum on mobility" in page
    assert "Minutes of “Plenary forum on mobility”" in page
    assert world.demo.objective.title_en in page
    assert "Reserved internal meeting" not in page  # internal, and nobody logged in
    assert world.coordinator_a.email not in page  # e-mail only in the workspace
    assert "Open the workspace" not in page


def test_commission_of_another_plan_is_not_found(client, world):
    assert client.get(f"/p/altro-piano/commissions/{world.commission_a.pk}/").status_code == 404


@pytest.mark.parametrize("who", [None, "outsider", "member_b", "other_staff"])
def test_internal_meeting_is_not_found_and_not_listed_for_who_is_not_its_member(client, world, who):
    if who:
        client.force_login(getattr(world, who))
    slug = world.demo.plan.slug
    assert client.get(f"/p/{slug}/meetings/{world.internal_meeting.pk}/").status_code == 404
    assert "Riunione interna riservata" not in client.get(f"/p/{slug}/meetings/").content.decode()


@pytest.mark.parametrize("who", ["member_a", "staff"])
def test_internal_meeting_is_shown_to_its_commission_members_and_staff(client, world, who):
    client.force_login(getattr(world, who))
    slug = world.demo.plan.slug
    assert client.get(f"/p/{slug}/meetings/{world.internal_meeting.pk}/").status_code == 200
    assert "Riunione interna riservata" in client.get(f"/p/{slug}/meetings/").content.decode()


def test_meeting_page_shows_times_in_rome_place_links_minutes(client, world):
    # 09:30 UTC on 10 March 2027 is 10:30 in Rome (winter time, UTC+1).
    page = client.get(f"/p/{world.demo.plan.slug}/meetings/{world.public_meeting.pk}/").content
    page = page.decode()
    assert '10 Marzo 2027, 10:30</time>–<time datetime="2027-03-10T13:00:00+01:00">13:00' in page
    assert "Via Garibaldi 1" in page
    assert world.demo.objective.title_it in page and world.demo.project.title_it in page
    assert "Si è discusso della metropolitana." in page
    assert 'id="minutes-heading"' in page


def test_meeting_page_in_summer_time_shows_rome_offset_two_hours(client, world):
    meeting = MeetingFactory(
        plan=world.demo.plan,
        title_it="Forum estivo",
        starts_at=datetime.datetime(2027, 7, 1, 16, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2027, 7, 1, 18, 0, tzinfo=datetime.UTC),
    )
    page = client.get(f"/p/{world.demo.plan.slug}/meetings/{meeting.pk}/").content.decode()
    assert '1 Luglio 2027, 18:00</time>–<time datetime="2027-07-01T20:00:00+02:00">20:00' in page


def test_meeting_page_hides_unpublished_minutes(client, world):
    Meeting.objects.filter(pk=world.public_meeting.pk).update(minutes_published_at=None)
    page = client.get(f"/p/{world.demo.plan.slug}/meetings/{world.public_meeting.pk}/").content
    assert "Si è discusso della metropolitana." not in page.decode()


def test_conference_page_shows_its_programme_and_assembly_page_its_results(client, world):
    slug = world.demo.plan.slug
    conference = client.get(f"/en/p/{slug}/meetings/{world.conference.pk}/").content.decode()
    assert "Programme" in conference and "Aula Magna" in conference
    assert "Prima Relatrice, Secondo Relatore" in conference
    assembly = client.get(f"/en/p/{slug}/meetings/{world.assembly.pk}/").content.decode()
    assert "Approve the plan&#x27;s structure" in assembly
    assert "80 for, 3 against, 5 abstentions" in assembly
    assert "quorum reached" in assembly


def test_meeting_list_filters_by_kind_commission_and_time(client, world):
    slug = world.demo.plan.slug
    assembly = f'href="/p/{slug}/meetings/{world.assembly.pk}/"'
    forum = f'href="/p/{slug}/meetings/{world.public_meeting.pk}/"'
    by_kind = client.get(f"/p/{slug}/meetings/?kind=assembly").content.decode()
    assert assembly in by_kind and forum not in by_kind
    by_commission = client.get(f"/p/{slug}/meetings/?commission={world.commission_a.pk}")
    assert forum in by_commission.content.decode()
    assert assembly not in by_commission.content.decode()
    past = client.get(f"/p/{slug}/meetings/?when=past").content.decode()
    upcoming = client.get(f"/p/{slug}/meetings/?when=upcoming").content.decode()
    assert assembly in past and assembly not in upcoming
    assert forum in upcoming and forum not in past


@pytest.mark.parametrize(
    "query", ["kind=zzz", "commission=abc", "commission=999999", "when=ieri", "page=9999", "page=x"]
)
def test_meeting_list_ignores_bad_filters(client, world, query):
    response = client.get(f"/p/{world.demo.plan.slug}/meetings/?{query}")
    assert response.status_code == 200
    assert "Forum plenario sulla mobilità" in response.content.decode() or "page=" in query


def test_meeting_list_pages_twenty_at_a_time(client, world):
    for number in range(25):
        MeetingFactory(plan=world.demo.plan, title_it=f"Workshop numerato {number:02d}")
    first = client.get(f"/p/{world.demo.plan.slug}/meetings/").content.decode()
    second = client.get(f"/p/{world.demo.plan.slug}/meetings/?page=2").content.decode()
    assert first.count("Workshop numerato") + second.count("Workshop numerato") == 25
    assert first.count("<tr>") - 1 == 20  # the header row, then a page of rows
