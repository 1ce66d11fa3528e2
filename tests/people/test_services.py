"""Writes to people: profiles, roles in plans, tokens; each with its bad input."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ordito.people import services
from ordito.people.models import ApiToken, PlanRole
from ordito.people.roles import role_register
from ordito.people.tokens import token_digest
from tests.people.factories import PersonFactory, UserFactory
from tests.plans.factories import PlanFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_person_ensure_creates_once():
    user = UserFactory()
    first = services.person_ensure(user=user)
    assert services.person_ensure(user=user) == first
    assert first.display_name == "" and first.language == "it"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "This field cannot be empty."),
        ("   ", "This field cannot be empty."),
        ("x" * 81, "Use at most 80 characters."),
        ("Ana\x00Rossi", "Remove the control characters."),
        ("Ana\u202eissoR", "Remove the control characters."),  # right-to-left override
        (42, "Enter text."),
    ],
)
def test_person_update_refuses_a_bad_display_name(name, message):
    person = PersonFactory(display_name="Ana")
    with pytest.raises(ValidationError) as caught:
        services.person_update(person=person, values={"display_name": name}, by=person.user)
    assert caught.value.message_dict == {"display_name": [message]}
    person.refresh_from_db()
    assert person.display_name == "Ana"


def test_person_update_trims_and_keeps_markup_as_text():
    person = PersonFactory()
    services.person_update(
        person=person, values={"display_name": "  <b>Ana</b>   Rossi "}, by=person.user
    )
    person.refresh_from_db()
    assert person.display_name == "<b>Ana</b> Rossi"


def test_person_update_refuses_fields_it_does_not_own():
    person = PersonFactory()
    with pytest.raises(ValidationError) as caught:
        services.person_update(person=person, values={"user": UserFactory()}, by=person.user)
    assert set(caught.value.message_dict) == {"user"}


def test_person_update_refuses_an_unknown_language():
    person = PersonFactory()
    with pytest.raises(ValidationError) as caught:
        services.person_update(person=person, values={"language": "klingon"}, by=person.user)
    assert set(caught.value.message_dict) == {"language"}


def test_person_example_set_flags_and_unflags_a_person():
    person = PersonFactory()
    services.person_example_set(person=person, is_example=True, by=None)
    person.refresh_from_db()
    assert person.is_example
    services.person_example_set(person=person, is_example=False, by=None)
    person.refresh_from_db()
    assert not person.is_example


def test_person_example_set_refuses_what_is_not_a_boolean():
    person = PersonFactory()
    with pytest.raises(ValidationError) as caught:
        services.person_example_set(person=person, is_example="yes", by=None)
    assert set(caught.value.message_dict) == {"is_example"}
    person.refresh_from_db()
    assert not person.is_example


def test_person_update_cannot_flag_an_example():
    person = PersonFactory()
    with pytest.raises(ValidationError) as caught:
        services.person_update(person=person, values={"is_example": True}, by=person.user)
    assert set(caught.value.message_dict) == {"is_example"}


def test_plan_role_grant_is_idempotent_and_recorded():
    plan, user, staff = PlanFactory(), UserFactory(), UserFactory()
    role, created = services.plan_role_grant(plan=plan, user=user, role="analyst", by=staff)
    assert created and role.granted_by == staff
    assert services.plan_role_grant(plan=plan, user=user, role="analyst", by=staff) == (role, False)
    assert role.history.get().history_user == staff


def test_plan_role_grant_refuses_an_unknown_role():
    with pytest.raises(ValidationError) as caught:
        services.plan_role_grant(plan=PlanFactory(), user=UserFactory(), role="king", by=None)
    assert caught.value.message_dict == {"role": ["Choose one of the plan's roles."]}
    assert not PlanRole.objects.exists()


def test_a_role_registered_by_another_app_can_be_granted():
    role_register("test_coordinator", label="Coordinator", description="For this test.")
    role, created = services.plan_role_grant(
        plan=PlanFactory(), user=UserFactory(), role="test_coordinator", by=None
    )
    assert created and role.role == "test_coordinator"
    with pytest.raises(ValueError, match="already registered"):
        role_register("test_coordinator", label="Again", description="")


def test_plan_role_revoke():
    plan, user = PlanFactory(), UserFactory()
    services.plan_role_grant(plan=plan, user=user, role="staff", by=None)
    assert services.plan_role_revoke(plan=plan, user=user, role="staff", by=None) is True
    assert services.plan_role_revoke(plan=plan, user=user, role="staff", by=None) is False
    assert not PlanRole.objects.exists()


def test_api_token_create_stores_only_the_digest():
    user = UserFactory()
    _token, text = services.api_token_create(user=user, name="  nightly  report ", days=30)
    assert text.startswith("ordito_") and len(text) == 50
    stored = ApiToken.objects.get()
    assert stored.digest == token_digest(text) and text not in stored.digest
    assert stored.name == "nightly report" and stored.prefix == text[:12]
    assert (
        timezone.now() + timedelta(days=29)
        < stored.expires_at
        < timezone.now() + timedelta(days=31)
    )


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"name": "", "days": 30}, "name"),
        ({"name": "x" * 81, "days": 30}, "name"),
        ({"name": "ok", "days": 0}, "days"),
        ({"name": "ok", "days": 367}, "days"),
        ({"name": "ok", "days": True}, "days"),
        ({"name": "ok", "days": "30"}, "days"),
    ],
)
def test_api_token_create_refuses_bad_input(arguments, field):
    with pytest.raises(ValidationError) as caught:
        services.api_token_create(user=UserFactory(), **arguments)
    assert set(caught.value.message_dict) == {field}
    assert not ApiToken.objects.exists()


def test_api_token_revoke_only_the_owners():
    owner, other = UserFactory(), UserFactory()
    token, _text = services.api_token_create(user=owner, name="mine")
    assert services.api_token_revoke(user=other, token_id=token.pk) is False
    assert ApiToken.objects.filter(pk=token.pk).exists()
    assert services.api_token_revoke(user=owner, token_id=token.pk) is True
    assert not ApiToken.objects.exists()
