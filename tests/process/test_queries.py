"""The commission and meeting pages cost the same number of SQL queries with a few members,
meetings and linked rows and with many (STYLE.md, section 3).

Each page is rendered at SMALL, then grown to LARGE and rendered again; both must cost the page's
constant below, and the larger page must show the added rows.
"""

import datetime

import pytest

from ordito.people.models import Affiliation, Category
from ordito.process.models import CommissionMembership, Meeting, Registration
from tests.actors.factories import ActorFactory
from tests.people.factories import PersonFactory
from tests.plans.factories import DirectionFactory, ObjectiveFactory, ProjectFactory
from tests.process.factories import CommissionFactory, MeetingFactory, MotionFactory, SessionFactory

pytestmark = pytest.mark.django_db

SMALL, LARGE = 3, 40

QUERIES = {
    # plan; commission with area; the area's directions; their objectives; memberships with
    # people and actors; its public meetings
    "commission": 6,
    # the same, as a member: session, account, the header's unread notifications, the
    # membership asked by the workspace rule, the plan role asked by the staff rule (twice:
    # workspace link, edit link)
    "commission_as_member": 12,
    # session, account, plan, commission with its prefetches (4), plan role and membership
    # (the rule), the header's unread notifications, documents, their versions, meetings
    "workspace": 13,
    # plan; meeting; commissions, objectives, projects, categories, documents, sessions, motions;
    # the registration block's counts (a logged-in person adds their own registration: see
    # test_registrations_pages.py)
    "meeting": 10,
    # plan; the filter form's commissions; count; the page of meetings; their commissions
    "meeting_list": 5,
    # plan; phases; their milestones; milestones outside phases; approved motions
    "process": 5,
}


def grow_commission(world, count: int) -> None:
    """Give commission A `count` more members (with actors), meetings and area objectives."""
    commission = world.commission_a
    direction = DirectionFactory(plan=world.demo.plan, area=commission.area)
    for number in range(count):
        user = PersonFactory(user__password="!").user
        actor = ActorFactory()
        Affiliation.objects.create(user=user, actor=actor, status=Affiliation.Status.CONFIRMED)
        CommissionMembership.objects.create(commission=commission, user=user, actor=actor)
        meeting = MeetingFactory(plan=world.demo.plan, title_it=f"Incontro numero {number}")
        meeting.commissions.add(commission)
        ObjectiveFactory(plan=world.demo.plan, direction=direction)


def grow_meeting(meeting: Meeting, world, count: int) -> None:
    plan = world.demo.plan
    for number in range(count):
        commission = CommissionFactory(plan=plan, area=world.demo.area)
        meeting.commissions.add(commission)
        meeting.objectives.add(ObjectiveFactory(plan=plan, direction=world.demo.direction))
        meeting.projects.add(ProjectFactory(plan=plan, direction=world.demo.direction))
        meeting.categories.add(
            Category.objects.create(
                plan=plan, key=f"cat-{Category.objects.count()}", label_it=f"Categoria {number}"
            )
        )
        start = meeting.starts_at + datetime.timedelta(minutes=number)
        SessionFactory(
            meeting=meeting, starts_at=start, ends_at=start + datetime.timedelta(minutes=30)
        )
        Registration.objects.create(
            meeting=meeting, user=PersonFactory(user__password="!").user, status="confirmed"
        )


def measure(client, url, constant, django_assert_num_queries) -> str:
    with django_assert_num_queries(constant):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_commission_page_costs_the_same_with_few_and_many_members_and_meetings(
    client, world, django_assert_num_queries
):
    url = f"/p/{world.demo.plan.slug}/commissions/{world.commission_a.pk}/"
    grow_commission(world, SMALL)
    small = measure(client, url, QUERIES["commission"], django_assert_num_queries)
    grow_commission(world, LARGE - SMALL)
    large = measure(client, url, QUERIES["commission"], django_assert_num_queries)
    assert small.count("Incontro numero") == SMALL and large.count("Incontro numero") == LARGE


def test_commission_page_as_a_member_costs_the_same(client, world, django_assert_num_queries):
    client.force_login(world.member_a)
    url = f"/p/{world.demo.plan.slug}/commissions/{world.commission_a.pk}/"
    grow_commission(world, SMALL)
    measure(client, url, QUERIES["commission_as_member"], django_assert_num_queries)
    grow_commission(world, LARGE - SMALL)
    large = measure(client, url, QUERIES["commission_as_member"], django_assert_num_queries)
    assert large.count("Incontro numero") == LARGE


def test_workspace_costs_the_same_with_few_and_many_members_and_drafts(
    client, world, django_assert_num_queries
):
    from ordito.process import services
    from tests.process.conftest import pdf_upload

    client.force_login(world.member_a)
    url = f"/p/{world.demo.plan.slug}/commissions/{world.commission_a.pk}/workspace/"
    grow_commission(world, SMALL)
    measure(client, url, QUERIES["workspace"], django_assert_num_queries)
    grow_commission(world, LARGE - SMALL)
    for number in range(5):
        document = services.document_create(
            by=world.member_a,
            commission=world.commission_a,
            title=f"Bozza {number}",
            upload=pdf_upload(),
        )
        services.document_version_add(by=world.member_a, document=document, upload=pdf_upload())
    large = measure(client, url, QUERIES["workspace"], django_assert_num_queries)
    assert large.count("mailto:") == LARGE + 2  # the grown members, the coordinator, member_a


def test_meeting_page_costs_the_same_with_few_and_many_links_and_registrations(
    client, world, django_assert_num_queries
):
    meeting = world.conference
    url = f"/p/{world.demo.plan.slug}/meetings/{meeting.pk}/"
    grow_meeting(meeting, world, SMALL)
    small = measure(client, url, QUERIES["meeting"], django_assert_num_queries)
    grow_meeting(meeting, world, LARGE - SMALL)
    large = measure(client, url, QUERIES["meeting"], django_assert_num_queries)
    assert small.count("Categoria ") == SMALL and large.count("Categoria ") == LARGE


def test_assembly_page_costs_the_same_with_few_and_many_motions(
    client, world, django_assert_num_queries
):
    url = f"/p/{world.demo.plan.slug}/meetings/{world.assembly.pk}/"
    measure(client, url, QUERIES["meeting"], django_assert_num_queries)
    for number in range(LARGE):
        MotionFactory(meeting=world.assembly, order=number + 2)
    large = measure(client, url, QUERIES["meeting"], django_assert_num_queries)
    assert large.count("Mozione ") >= LARGE


def test_meeting_list_costs_the_same_with_few_and_many_meetings(
    client, world, django_assert_num_queries
):
    url = f"/p/{world.demo.plan.slug}/meetings/"
    grow_commission(world, SMALL)
    measure(client, url, QUERIES["meeting_list"], django_assert_num_queries)
    grow_commission(world, LARGE - SMALL)
    large = measure(client, url, QUERIES["meeting_list"], django_assert_num_queries)
    # One page of rows; the world's three public meetings and the grown ones are counted.
    assert large.count("<tr>") - 1 == 20
    assert f"{LARGE + 3} incontri trovati" in large or f"{LARGE + 3} meetings found" in large


def test_process_page_costs_the_same_with_few_and_many_milestones(
    client, world, django_assert_num_queries
):
    from tests.process.factories import MilestoneFactory, PhaseFactory

    url = f"/p/{world.demo.plan.slug}/process/"
    phase = PhaseFactory(plan=world.demo.plan)
    MilestoneFactory(plan=world.demo.plan, phase=phase)
    measure(client, url, QUERIES["process"], django_assert_num_queries)
    for _number in range(LARGE):
        MilestoneFactory(plan=world.demo.plan, phase=PhaseFactory(plan=world.demo.plan))
        MilestoneFactory(plan=world.demo.plan, meeting=world.public_meeting)
    large = measure(client, url, QUERIES["process"], django_assert_num_queries)
    assert large.count('class="process-milestone"') == 2 * LARGE + 1
