"""The process's services refuse what would break its rules, on the field at fault, and write
nothing then."""

import pytest
from django.core.exceptions import ValidationError

from ordito.people.models import Affiliation
from ordito.process import services
from ordito.process.models import CalendarSecret, Meeting, Registration
from tests.people.factories import UserFactory
from tests.process.factories import CommissionFactory, MeetingFactory, RegistrationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_meeting_save_refuses_a_capacity_below_the_confirmed_count(world):
    meeting = world.public_meeting
    for _number in range(3):
        RegistrationFactory(meeting=meeting, user=UserFactory(password="!"))
    RegistrationFactory(
        meeting=meeting, user=UserFactory(password="!"), status=Registration.Status.CANCELLED
    )
    with pytest.raises(ValidationError) as error:
        services.meeting_save(
            by=None, plan=world.demo.plan, meeting=meeting, values={"capacity": 2}
        )
    assert error.value.message_dict["capacity"] == [
        "3 people are already confirmed: the capacity cannot be lower."
    ]
    meeting.refresh_from_db()
    assert meeting.capacity is None
    services.meeting_save(by=None, plan=world.demo.plan, meeting=meeting, values={"capacity": 3})
    assert Meeting.objects.get(pk=meeting.pk).capacity == 3


def test_meeting_save_refuses_links_and_meetings_of_another_plan(world):
    other_plan = world.other_staff.plan_roles.get().plan
    foreign = CommissionFactory(plan=other_plan)
    with pytest.raises(ValidationError) as error:
        services.meeting_save(
            by=None,
            plan=world.demo.plan,
            meeting=world.public_meeting,
            values={},
            commissions=[foreign],
        )
    assert "commissions" in error.value.message_dict
    assert list(world.public_meeting.commissions.all()) == [world.commission_a]
    with pytest.raises(ValidationError):
        services.meeting_save(
            by=None, plan=other_plan, meeting=world.public_meeting, values={"capacity": 5}
        )


def test_meeting_save_refuses_an_unknown_field_and_an_oversized_agenda(world):
    with pytest.raises(ValidationError) as unknown:
        services.meeting_save(by=None, plan=world.demo.plan, values={"plan_id": 9})
    assert "plan_id" in unknown.value.message_dict
    with pytest.raises(ValidationError) as big:
        services.meeting_save(
            by=None,
            plan=world.demo.plan,
            meeting=world.public_meeting,
            values={"agenda_it": "x" * 20_001},
        )
    assert "agenda_it" in big.value.message_dict


def test_meeting_save_twice_with_the_same_values_writes_nothing(world):
    meeting = world.public_meeting
    history = meeting.history.count()
    _meeting, written = services.meeting_save(
        by=None,
        plan=world.demo.plan,
        meeting=meeting,
        values={"title_it": meeting.title_it},
        commissions=[world.commission_a],
    )
    assert not written and meeting.history.count() == history


def test_commission_member_set_requires_a_confirmed_affiliation_to_represent_an_actor(world):
    user = UserFactory(password="!")
    Affiliation.objects.create(
        user=user, actor=world.demo.actor, status=Affiliation.Status.REQUESTED
    )
    with pytest.raises(ValidationError) as error:
        services.commission_member_set(
            by=None,
            commission=world.commission_b,
            user=user,
            role="commission_member",
            actor=world.demo.actor,
        )
    assert error.value.message_dict["actor"] == [
        "This person is not a confirmed representative of this actor."
    ]
    assert not world.commission_b.memberships.filter(user=user).exists()
    with pytest.raises(ValidationError) as role:
        services.commission_member_set(
            by=None, commission=world.commission_b, user=user, role="boss"
        )
    assert "role" in role.value.message_dict


def test_calendar_secret_reset_replaces_the_token(world):
    first = services.calendar_secret_reset(user=world.member_a).token
    second = services.calendar_secret_reset(user=world.member_a).token
    assert first != second and len(second) >= 40
    assert CalendarSecret.objects.get(user=world.member_a).token == second


def test_commission_roles_are_registered_with_people():
    from ordito.people.roles import role_get

    assert str(role_get("commission_coordinator").label) == "Commission coordinator"
    assert str(role_get("commission_member").label) == "Commission member"


@pytest.mark.parametrize(
    ("who", "workspace", "internal_meeting"),
    [
        ("member_a", True, True),
        ("coordinator_a", True, True),
        ("staff", True, True),
        ("member_b", False, False),
        ("other_staff", False, False),
        ("outsider", False, False),
    ],
)
def test_rules_of_the_workspace_and_internal_meetings(world, who, workspace, internal_meeting):
    user = getattr(world, who)
    assert user.has_perm("process.view_workspace", world.commission_a) is workspace
    assert user.has_perm("process.view_meeting", world.internal_meeting) is internal_meeting
    assert user.has_perm("process.view_meeting", world.public_meeting) is True


def test_meeting_factory_default_is_valid():
    MeetingFactory().full_clean()


def test_personal_data_export_lists_commission_memberships_and_erasing_removes_them(world):
    from ordito.people.services import personal_data_export

    data = personal_data_export(user=world.coordinator_a)
    assert data["commission_memberships"] == [
        {
            "plan": world.demo.plan.slug,
            "commission": "TER",
            "role": "commission_coordinator",
            "represents": world.demo.actor.key,
            "joined_at": world.commission_a.memberships.get(
                user=world.coordinator_a
            ).joined_at.isoformat(),
        }
    ]
    assert data["private_calendar"] is None
