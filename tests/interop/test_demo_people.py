"""The demo's invented people: who they are, what they hold in the 2nd plan, and that each printed
login opens the site, by allauth's own login (a confirmed address, then the TOTP code if any)."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core.cache import cache

from ordito.actors.models import Actor
from ordito.interop.demo import demo_admin_reset, demo_load
from ordito.interop.demo_people import DEMO_PEOPLE, demo_people_reset
from ordito.people.models import Affiliation, Notification, Person, PlanRole
from ordito.people.selectors import actor_contacts, actors_represented
from ordito.plans.selectors import plans_of_actor
from tests.accounts.totp import totp_code

pytestmark = pytest.mark.django_db

EXPECTED_ROLES = {
    ("chiara.gallo@esempio.ordito.invalid", "staff"),
    ("paolo.ferrero@esempio.ordito.invalid", "moderator"),
    ("thomas.reid@esempio.ordito.invalid", "analyst"),
}


@pytest.fixture(autouse=True)
def _cache_emptied():
    """No rate-limit counter or used TOTP code (allauth keeps them in the cache) from another
    test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def logins():
    assert demo_load().ok
    return demo_people_reset()


def test_demo_people_hold_their_roles_in_the_2006_plan_and_are_examples(logins):
    people = Person.objects.filter(user__email__endswith="@esempio.ordito.invalid")
    assert people.count() == len(DEMO_PEOPLE) == 8
    assert all(person.is_example for person in people)
    roles = PlanRole.objects.filter(plan__slug="torino-2006")
    assert set(roles.values_list("user__email", "role")) == EXPECTED_ROLES
    assert not PlanRole.objects.exclude(plan__slug="torino-2006").exists()
    assert sorted(people.values_list("language", flat=True)) == ["en"] * 2 + ["it"] * 6
    citizens = people.filter(municipality__isnull=False)
    assert set(citizens.values_list("municipality__istat_code", "municipality__name")) == {
        ("001272", "Torino"),
        ("001156", "Moncalieri"),
        ("001078", "Chieri"),
    }
    assert {login.role for login in logins if login.note.startswith("lives in ")} == {"citizen"}
    contacts = [login for login in logins if login.role == "actor contact"]
    spoken_for = {
        login.note.removeprefix("represents ").removesuffix(" (confirmed)") for login in contacts
    }
    actors = Actor.objects.filter(key__in=["gtt", "politecnico-torino"])
    assert spoken_for == set(actors.values_list("name", flat=True))


def test_the_actors_contacts_are_confirmed_by_the_plans_staff(logins):
    staff = get_user_model().objects.get(email="chiara.gallo@esempio.ordito.invalid")
    for key, email in (
        ("gtt", "luca.bianchi@esempio.ordito.invalid"),
        ("politecnico-torino", "silvia.marino@esempio.ordito.invalid"),
    ):
        actor = Actor.objects.get(key=key)
        assert "torino-2006" in plans_of_actor(actor=actor).values_list("slug", flat=True)
        assert [user.email for user in actor_contacts(actor=actor)] == [email]
        affiliation = Affiliation.objects.get(actor=actor)
        assert (affiliation.status, affiliation.decided_by) == ("confirmed", staff)
        assert affiliation.position
        assert affiliation.user.person.is_example
        assert list(actors_represented(user=affiliation.user)) == [actor]
    assert Affiliation.objects.count() == 2


def test_the_citizens_have_their_categories_in_the_2006_plan(logins):
    chosen = {
        person.display_name: sorted(person.categories.values_list("key", flat=True))
        for person in Person.objects.filter(user__email__endswith="@esempio.ordito.invalid")
    }
    assert {name: keys for name, keys in chosen.items() if keys} == {
        "Anna Rossi": ["resident"],
        "Davide Conti": ["business", "resident"],
        "Laura Hughes": ["student"],
    }
    assert not Person.categories.through.objects.exclude(
        category__plan__slug="torino-2006"
    ).exists()
    notes = {login.display_name: login.note for login in logins if login.role == "citizen"}
    assert notes["Davide Conti"] == "lives in Moncalieri; Resident, Business"


def test_demo_people_have_a_confirmed_primary_address_and_only_staff_a_totp(logins):
    users = get_user_model().objects.filter(email__endswith="@esempio.ordito.invalid")
    for user in users:
        address = EmailAddress.objects.get(user=user)
        assert (address.email, address.verified, address.primary) == (user.email, True, True)
    with_totp = Authenticator.objects.filter(type=Authenticator.Type.TOTP)
    assert list(with_totp.values_list("user__email", flat=True)) == [
        "chiara.gallo@esempio.ordito.invalid"
    ]
    assert [login.role for login in logins if login.totp_secret] == ["staff"]


def test_demo_people_reset_twice_changes_only_the_passwords(logins, client):
    tables = (get_user_model(), Person, PlanRole, PlanRole.history.model, EmailAddress)
    tables += (Authenticator, Notification, Affiliation, Affiliation.history.model)
    tables += (Person.categories.through,)
    before = {table: table.objects.count() for table in tables}
    again = demo_people_reset()
    assert {table: table.objects.count() for table in tables} == before
    assert [login.totp_secret for login in again] == [login.totp_secret for login in logins]
    assert all(old.password != new.password for old, new in zip(logins, again, strict=True))
    # The first run's password no longer opens the account.
    response = client.post(
        "/accounts/login/", {"login": logins[1].email, "password": logins[1].password}
    )
    assert "_auth_user_id" not in client.session, response


def logged_in(client, login) -> int | None:
    """Log in as `login` through allauth's pages; the id of the account logged in, if any."""
    client.logout()
    client.post("/accounts/login/", {"login": login.email, "password": login.password})
    if login.totp_secret:
        assert "_auth_user_id" not in client.session  # the code is still to come
        client.post("/accounts/2fa/authenticate/", {"code": totp_code(login.totp_secret)})
    user_id = client.session.get("_auth_user_id")
    return int(user_id) if user_id else None


def test_each_printed_login_opens_the_site(logins, client):
    users = dict(get_user_model().objects.values_list("email", "pk"))
    for login in logins:
        assert logged_in(client, login) == users[login.email], login


def test_the_printed_admin_login_opens_the_admin_at_once(client):
    admin = demo_admin_reset()
    assert logged_in(client, admin) is not None
    assert client.get("/admin/").status_code == 200
    again = demo_admin_reset()
    assert again.totp_secret == admin.totp_secret
    assert Authenticator.objects.count() == 1
    cache.clear()  # allauth refuses a code used twice within its time window
    assert logged_in(client, again) is not None
