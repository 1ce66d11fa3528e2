"""A process on the sample plan: two commissions, their people, meetings of every visibility."""

import datetime
from dataclasses import dataclass

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import SimpleUploadedFile

from ordito.people.models import Affiliation, PlanRole
from ordito.people.roles import STAFF
from ordito.process import services
from ordito.process.models import (
    Commission,
    CommissionDocument,
    CommissionMembership,
    Meeting,
    Motion,
)
from tests.people.factories import PersonFactory
from tests.plans.factories import PlanFactory
from tests.process.factories import (
    CommissionFactory,
    MeetingFactory,
    MembershipFactory,
    MotionFactory,
    SessionFactory,
)
from tests.sample_plan import Demo

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name: str = "bozza.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@dataclass
class World:
    demo: Demo
    commission_a: Commission
    commission_b: Commission
    coordinator_a: AbstractBaseUser
    member_a: AbstractBaseUser
    member_b: AbstractBaseUser
    staff: AbstractBaseUser
    other_staff: AbstractBaseUser
    outsider: AbstractBaseUser
    public_meeting: Meeting
    internal_meeting: Meeting
    assembly: Meeting
    motion: Motion
    conference: Meeting
    document_a: CommissionDocument
    document_b: CommissionDocument


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def person(name: str) -> AbstractBaseUser:
    # An unusable password: tests log in with force_login, and hashing one costs a third of a
    # second per person.
    return PersonFactory(display_name=name, user__password="!").user


@pytest.fixture
def world(demo, media) -> World:
    return build_world(demo)


@pytest.fixture
def live_world(live_demo, media) -> World:
    """The same, committed so that the live server's thread sees it (browser tests)."""
    return build_world(live_demo)


def build_world(demo: Demo) -> World:
    plan = demo.plan
    commission_a = CommissionFactory(
        plan=plan,
        area=demo.area,
        code="TER",
        title_it="Commissione Territorio metropolitano",
        title_en="Metropolitan Territory commission",
        mandate_it="Esplorare la questione metropolitana.",
        mandate_en="Explore the metropolitan question.",
    )
    commission_b = CommissionFactory(
        plan=plan,
        area=demo.transversal,
        kind=Commission.Kind.TRANSVERSAL,
        code="CON",
        title_it="Gruppo trasversale Conoscenza",
        title_en="Transversal group on knowledge",
    )
    coordinator_a = person("Carla Coordinatrice")
    Affiliation.objects.create(
        user=coordinator_a, actor=demo.actor, status=Affiliation.Status.CONFIRMED
    )
    services.commission_member_set(
        by=None,
        commission=commission_a,
        user=coordinator_a,
        role=CommissionMembership.Role.COORDINATOR,
        actor=demo.actor,
    )
    member_a = person("Mario Membro")
    MembershipFactory(commission=commission_a, user=member_a)
    member_b = person("Bruna Trasversale")
    MembershipFactory(commission=commission_b, user=member_b)
    staff = person("Sara Staff")
    PlanRole.objects.create(user=staff, plan=plan, role=STAFF)
    TOTP.activate(staff, generate_totp_secret())  # staff pages ask for a second factor
    other_staff = person("Otto Altropiano")
    PlanRole.objects.create(user=other_staff, plan=PlanFactory(slug="altro-piano"), role=STAFF)
    TOTP.activate(other_staff, generate_totp_secret())
    outsider = person("Olga Esterna")
    public_meeting = MeetingFactory(
        plan=plan,
        title_it="Forum plenario sulla mobilità",
        title_en="Plenary forum on mobility",
        starts_at=datetime.datetime(2027, 3, 10, 9, 30, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2027, 3, 10, 12, 0, tzinfo=datetime.UTC),
        minutes="Si è discusso della metropolitana.",
        minutes_published_at=datetime.datetime(2027, 3, 12, tzinfo=datetime.UTC),
    )
    public_meeting.commissions.add(commission_a)
    public_meeting.objectives.add(demo.objective)
    public_meeting.projects.add(demo.project)
    internal_meeting = MeetingFactory(
        plan=plan,
        kind=Meeting.Kind.WORKSHOP,
        title_it="Riunione interna riservata",
        title_en="Reserved internal meeting",
        is_internal=True,
    )
    internal_meeting.commissions.add(commission_a)
    assembly = MeetingFactory(
        plan=plan,
        kind=Meeting.Kind.ASSEMBLY,
        title_it="Assemblea dei soci",
        title_en="Members' assembly",
        starts_at=datetime.datetime(2006, 2, 1, 15, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2006, 2, 1, 18, 0, tzinfo=datetime.UTC),
    )
    motion = MotionFactory(
        meeting=assembly,
        title_it="Approvare la struttura del piano",
        title_en="Approve the plan's structure",
    )
    services.motion_result_record(
        by=staff,
        motion=motion,
        votes_for=80,
        votes_against=3,
        abstentions=5,
        quorum_reached=True,
        decision=Motion.Decision.APPROVED,
    )
    conference = MeetingFactory(
        plan=plan,
        kind=Meeting.Kind.CONFERENCE,
        title_it="Una trasformazione in atto",
        title_en="A transformation under way",
    )
    SessionFactory(
        meeting=conference, room="Aula Magna", speakers="Prima Relatrice\nSecondo Relatore"
    )
    document_a = services.document_create(
        by=coordinator_a,
        commission=commission_a,
        title="Bozza del documento A",
        upload=pdf_upload(),
    )
    document_b = services.document_create(
        by=member_b, commission=commission_b, title="Bozza del documento B", upload=pdf_upload()
    )
    return World(
        demo=demo,
        commission_a=commission_a,
        commission_b=commission_b,
        coordinator_a=coordinator_a,
        member_a=member_a,
        member_b=member_b,
        staff=staff,
        other_staff=other_staff,
        outsider=outsider,
        public_meeting=public_meeting,
        internal_meeting=internal_meeting,
        assembly=assembly,
        motion=motion,
        conference=conference,
        document_a=document_a,
        document_b=document_b,
    )
