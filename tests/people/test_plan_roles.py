"""The staff of a plan give and take its roles on /p/<plan>/roles/; nobody else can."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import Client

from ordito.people import services
from ordito.people.models import PlanRole
from tests.people.factories import PersonFactory, UserFactory
from tests.plans.factories import PlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return PlanFactory(slug="torino-2006")


def staff_of(plan, client, *, second_factor=True):
    person = PersonFactory(display_name="Ufficio di piano")
    services.plan_role_grant(plan=plan, user=person.user, role="staff", by=None)
    if second_factor:
        TOTP.activate(person.user, generate_totp_secret())
    client.force_login(person.user)
    return person.user


def test_staff_give_and_take_a_role(client, plan):
    staff_of(plan, client)
    ana = PersonFactory(display_name="Ana", user__email="ana@example.org")
    response = client.post(
        "/en/p/torino-2006/roles/", {"email": "ANA@example.org", "role": "moderator"}
    )
    assert response.status_code == 302
    held = PlanRole.objects.get(user=ana.user)
    assert held.role == "moderator"
    page = client.get("/en/p/torino-2006/roles/").content.decode()
    assert "ana@example.org" in page and "Moderator" in page
    client.post("/en/p/torino-2006/roles/", {"revoke": str(held.pk)})
    assert not PlanRole.objects.filter(user=ana.user).exists()


def test_staff_of_another_plan_may_not_see_nor_change_roles(client, plan):
    staff_of(PlanFactory(), client)
    assert client.get("/en/p/torino-2006/roles/").status_code == 403
    target = UserFactory(email="bea@example.org")
    response = client.post(
        "/en/p/torino-2006/roles/", {"email": "bea@example.org", "role": "staff"}
    )
    assert response.status_code == 403
    assert not PlanRole.objects.filter(user=target).exists()


def test_a_role_of_another_plan_cannot_be_taken_from_here(client, plan):
    staff_of(plan, client)
    elsewhere = PlanFactory()
    other = UserFactory()
    held, _created = services.plan_role_grant(plan=elsewhere, user=other, role="analyst", by=None)
    for value in (str(held.pk), "abc", "9" * 30, ""):
        response = client.post("/en/p/torino-2006/roles/", {"revoke": value})
        assert response.status_code == 404
    assert PlanRole.objects.filter(pk=held.pk).exists()


def test_plan_staff_without_a_second_factor_are_sent_to_set_one_up(client, plan):
    staff_of(plan, client, second_factor=False)
    response = client.get("/en/p/torino-2006/roles/")
    assert response.status_code == 302 and "/2fa/totp/activate" in response["Location"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"email": "nobody@example.org", "role": "staff"},
            "No active account has this e-mail address.",
        ),
        ({"email": "not-an-address", "role": "staff"}, "Enter a valid email address."),
        ({"email": "ana@example.org", "role": "emperor"}, "Select a valid choice."),
        (
            {"email": "a" * 250 + "@example.org", "role": "staff"},
            "Ensure this value has at most 254 characters",
        ),
        ({}, "This field is required."),
    ],
)
def test_bad_grants_say_why_and_change_nothing(client, plan, data, message):
    staff_of(plan, client)
    PersonFactory(user__email="ana@example.org")
    before = PlanRole.objects.count()
    response = client.post("/en/p/torino-2006/roles/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert PlanRole.objects.count() == before


def test_anonymous_is_sent_to_log_in(client, plan):
    response = client.get("/p/torino-2006/roles/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_roles_form_refuses_a_post_without_csrf(plan):
    client = Client(enforce_csrf_checks=True)
    staff_of(plan, client)
    target = UserFactory(email="bea@example.org")
    response = client.post("/p/torino-2006/roles/", {"email": "bea@example.org", "role": "staff"})
    assert response.status_code == 403
    assert not PlanRole.objects.filter(user=target).exists()
