"""Factories that build valid process content; every link stays inside one plan."""

import datetime

import factory
from django.utils import timezone

from ordito.process.models import (
    Commission,
    CommissionMembership,
    ConferenceSession,
    Meeting,
    Milestone,
    Motion,
    Phase,
    Registration,
)
from tests.people.factories import UserFactory
from tests.plans.factories import AreaFactory, PlanFactory

ROME = datetime.timezone(datetime.timedelta(hours=1))  # winter time in Rome, for fixed instants


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    plan = factory.SubFactory(PlanFactory)
    code = factory.Sequence(lambda n: f"F{n}")
    order = factory.Sequence(lambda n: n)
    title_it = factory.Sequence(lambda n: f"Fase {n}")
    title_en = factory.Sequence(lambda n: f"Phase {n}")
    starts_on = datetime.date(2004, 1, 1)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    plan = factory.SubFactory(PlanFactory)
    code = factory.Sequence(lambda n: f"T{n}")
    title_it = factory.Sequence(lambda n: f"Tappa {n}")
    title_en = factory.Sequence(lambda n: f"Milestone {n}")
    happens_on = datetime.date(2006, 2, 1)


class CommissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commission

    plan = factory.SubFactory(PlanFactory)
    area = factory.SubFactory(AreaFactory, plan=factory.SelfAttribute("..plan"))
    code = factory.Sequence(lambda n: f"C{n}")
    title_it = factory.Sequence(lambda n: f"Commissione {n}")
    title_en = factory.Sequence(lambda n: f"Commission {n}")
    mandate_it = "Esplorare gli scenari del tema con gli attori."
    mandate_en = "Explore the theme's scenarios with the actors."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommissionMembership

    commission = factory.SubFactory(CommissionFactory)
    user = factory.SubFactory(UserFactory)
    role = CommissionMembership.Role.MEMBER


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    plan = factory.SubFactory(PlanFactory)
    kind = Meeting.Kind.PLENARY
    title_it = factory.Sequence(lambda n: f"Forum {n}")
    title_en = factory.Sequence(lambda n: f"Forum {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda meeting: meeting.starts_at + datetime.timedelta(hours=3))
    address = "Via Garibaldi 1"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConferenceSession

    meeting = factory.SubFactory(MeetingFactory, kind=Meeting.Kind.CONFERENCE)
    starts_at = factory.LazyAttribute(lambda session: session.meeting.starts_at)
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + datetime.timedelta(hours=1))
    title_it = factory.Sequence(lambda n: f"Sessione {n}")
    title_en = factory.Sequence(lambda n: f"Session {n}")
    room = "Aula magna"


class MotionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Motion

    meeting = factory.SubFactory(MeetingFactory, kind=Meeting.Kind.ASSEMBLY)
    title_it = factory.Sequence(lambda n: f"Mozione {n}")
    title_en = factory.Sequence(lambda n: f"Motion {n}")


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)
    status = Registration.Status.CONFIRMED
