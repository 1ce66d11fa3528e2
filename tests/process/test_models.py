"""The invariants the database itself keeps, whatever path writes the rows."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from ordito.process.models import Phase, Registration
from tests.process.factories import (
    CommissionFactory,
    MeetingFactory,
    PhaseFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


def test_meeting_ending_before_it_starts_is_refused_by_the_database():
    meeting = MeetingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(meeting).objects.filter(pk=meeting.pk).update(ends_at=meeting.starts_at)


def test_meeting_registration_closing_before_opening_is_refused_by_the_database():
    meeting = MeetingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(meeting).objects.filter(pk=meeting.pk).update(
            registration_opens_at=meeting.starts_at,
            registration_closes_at=meeting.starts_at - datetime.timedelta(days=1),
        )


def test_phase_second_current_in_a_plan_is_refused():
    first = PhaseFactory(is_current=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        PhaseFactory(plan=first.plan, is_current=True)
    PhaseFactory(plan=first.plan, is_current=False)
    assert Phase.objects.filter(plan=first.plan, is_current=True).count() == 1


def test_registration_second_active_for_one_person_is_refused_but_a_cancelled_one_is_kept():
    registration = RegistrationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(meeting=registration.meeting, user=registration.user)
    registration.status = Registration.Status.CANCELLED
    registration.save()
    again = RegistrationFactory(meeting=registration.meeting, user=registration.user)
    assert again.status == Registration.Status.CONFIRMED
    assert Registration.objects.filter(meeting=registration.meeting).count() == 2


def test_registration_waiting_needs_a_position():
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(status=Registration.Status.WAITLISTED, position=None)
    assert RegistrationFactory(status=Registration.Status.WAITLISTED, position=1).position == 1


def test_commission_thematic_without_area_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        CommissionFactory(area=None)
    assert CommissionFactory(area=None, kind="transversal").area is None
