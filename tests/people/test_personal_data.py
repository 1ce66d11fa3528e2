"""A person downloads everything kept about them, and deleting the account leaves no personal
field behind (the test reads the database)."""

import json

import pytest
from allauth.mfa.totp.internal.auth import TOTP as StaffTOTP
from allauth.mfa.totp.internal.auth import generate_totp_secret as staff_secret
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from ordito.people import services
from ordito.people.models import Affiliation, ApiToken, Category, Notification, Person, PlanRole
from tests.actors.factories import ActorFactory, ProjectRoleFactory
from tests.people.factories import PersonFactory
from tests.plans.factories import PlanFactory, ProjectFactory

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "segreta.persona@example.org"
SECRET_NAME = "Persona Segretissima"
SECRET_POSITION = "Direttrice segreta"
SECRET_REASON = "Motivo riservato"


@pytest.fixture
def someone(client):
    person = PersonFactory(display_name=SECRET_NAME, user__email=SECRET_EMAIL, language="en")
    plan = PlanFactory(slug="torino-2006")
    services.plan_role_grant(plan=plan, user=person.user, role="analyst", by=None)
    services.api_token_create(user=person.user, name="my script")
    # Categories, and affiliations in each state, with the staff told of the requests.
    student = Category.objects.get(plan=plan, key="student")
    services.person_update(person=person, values={"categories": [student.pk]}, by=person.user)
    staff = PersonFactory(display_name="Ufficio di piano")
    services.plan_role_grant(plan=plan, user=staff.user, role="staff", by=None)
    project = ProjectFactory(direction__area__plan=plan)
    actors = [ActorFactory(name=name) for name in ("GTT", "Politecnico", "Fondazione")]
    for actor in actors:
        ProjectRoleFactory(actor=actor, project=project)
    _waiting, confirmed, declined = (
        services.affiliation_request(user=person.user, actor=actor, position=SECRET_POSITION)
        for actor in actors
    )
    services.affiliation_decide(affiliation=confirmed, confirm=True, reason="", by=staff.user)
    services.affiliation_decide(
        affiliation=declined, confirm=False, reason=SECRET_REASON, by=staff.user
    )
    client.force_login(person.user)
    return person


def test_download_my_data_holds_every_part(client, someone):
    response = client.get("/en/me/data/")
    assert response["Content-Disposition"] == 'attachment; filename="ordito-my-data.json"'
    data = json.loads(response.content)
    assert set(data) >= {
        "account",
        "profile",
        "categories",
        "affiliations",
        "roles",
        "api_tokens",
        "notifications",
    }
    assert data["account"]["email"] == SECRET_EMAIL
    assert data["profile"]["display_name"] == SECRET_NAME
    assert [(r["plan"], r["role"]) for r in data["roles"]] == [("torino-2006", "analyst")]
    assert [t["name"] for t in data["api_tokens"]] == ["my script"]
    assert "digest" not in json.dumps(data["api_tokens"])
    # The role, and the two decisions on affiliations.
    assert [n["kind"] for n in data["notifications"]["received"]] == [
        "roles",
        "affiliations",
        "affiliations",
    ]
    assert data["categories"] == [{"plan": "torino-2006", "key": "student", "label": "Student"}]
    assert [
        (a["actor"], a["position"], a["status"], a["reason"]) for a in data["affiliations"]
    ] == [
        ("GTT", SECRET_POSITION, "requested", ""),
        ("Politecnico", SECRET_POSITION, "confirmed", ""),
        ("Fondazione", SECRET_POSITION, "declined", SECRET_REASON),
    ]
    assert all(a["requested_at"] for a in data["affiliations"])


def test_one_cannot_download_another_persons_data(client, someone):
    other = PersonFactory(display_name="Altra Persona")
    client.force_login(other.user)
    data = json.loads(client.get("/me/data/").content)
    assert SECRET_NAME not in json.dumps(data) and SECRET_EMAIL not in json.dumps(data)


def all_text_in_the_database() -> str:
    """Every text column of every table, as one string."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            columns = [
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            ]
            quoted = ", ".join(connection.ops.quote_name(name) for name in columns)
            cursor.execute(f"SELECT {quoted} FROM {connection.ops.quote_name(table)}")
            chunks.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(chunks)


def test_deleting_a_staff_account_keeps_their_decisions_without_them(client, someone):
    decision = Affiliation.objects.get(status="confirmed")
    staff = decision.decided_by
    staff_id = staff.pk
    StaffTOTP.activate(staff, staff_secret())
    services.account_delete(user=staff)
    decision.refresh_from_db()
    assert decision.status == "confirmed" and decision.decided_by is None
    assert Affiliation.history.filter(decided_by_id__isnull=False).count() == 0
    assert not Affiliation.history.filter(decided_by_id=staff_id).exists()
    assert not Affiliation.history.filter(history_user_id=staff_id).exists()
    assert Affiliation.history.filter(id=decision.pk, status="confirmed").exists()


def test_deleting_the_account_leaves_no_personal_field(client, someone):
    assert SECRET_EMAIL in all_text_in_the_database()
    response = client.post(
        "/en/me/delete/", {"password": "a-long-enough-password", "confirm": "on"}
    )
    assert response.status_code == 302
    text = all_text_in_the_database()
    assert SECRET_EMAIL not in text and SECRET_NAME not in text and "my script" not in text
    # Affiliations, in the table and in its history, and the staff's notices of the requests.
    assert SECRET_POSITION not in text and SECRET_REASON not in text
    assert not get_user_model().objects.filter(pk=someone.user_id).exists()
    for model in (Person, PlanRole, ApiToken, Affiliation, Notification):
        assert not model.objects.filter(user_id=someone.user_id).exists()
    assert not Affiliation.objects.exists()
    # The staff's notices of the requests named the person: gone; their own role's notice stays.
    assert list(Notification.objects.values_list("kind", flat=True)) == ["roles"]
    assert not PlanRole.history.filter(user_id=someone.user_id).exists()
    assert not Affiliation.history.exists()
    assert not Person.categories.through.objects.exists()
    assert Category.objects.filter(key="student").exists()  # the plan's, not the person's
    # Logged out.
    assert client.get("/me/").status_code == 302


@pytest.mark.parametrize(
    "data",
    [
        {"password": "wrong", "confirm": "on"},
        {"password": "a-long-enough-password"},
        {},
        {"password": "x" * 10000, "confirm": "on"},
    ],
)
def test_deleting_needs_the_password_and_the_confirmation(client, someone, data):
    response = client.post("/en/me/delete/", data)
    assert response.status_code == 200
    assert Person.objects.filter(pk=someone.pk).exists()


def test_deleting_refuses_a_post_without_csrf(someone):
    client = Client(enforce_csrf_checks=True)
    client.force_login(someone.user)
    response = client.post("/me/delete/", {"password": "a-long-enough-password", "confirm": "on"})
    assert response.status_code == 403
    assert Person.objects.filter(pk=someone.pk).exists()


def test_privacy_page_says_what_is_kept(client):
    text = client.get("/en/privacy/").content.decode()
    assert "Former participant" in text and "JSON" in text


def test_export_and_deletion_include_email_addresses_and_second_factors(client, someone):
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    EmailAddress.objects.create(user=someone.user, email=SECRET_EMAIL, primary=True, verified=True)
    TOTP.activate(someone.user, generate_totp_secret())
    data = json.loads(client.get("/en/me/data/").content)
    assert data["email_addresses"] == [{"email": SECRET_EMAIL, "verified": True, "primary": True}]
    assert [factor["type"] for factor in data["second_factors"]] == ["totp"]
    assert "secret" not in json.dumps(data["second_factors"])
    client.post("/en/me/delete/", {"password": "a-long-enough-password", "confirm": "on"})
    assert not EmailAddress.objects.exists() and not Authenticator.objects.exists()
    assert SECRET_EMAIL not in all_text_in_the_database()
