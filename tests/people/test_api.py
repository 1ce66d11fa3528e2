"""/api/v1/me and the personal tokens: who may call, with what, and what they get back."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from ordito.people import services
from ordito.people.models import ApiToken
from tests.people.factories import PersonFactory, UserFactory
from tests.plans.factories import PlanFactory

pytestmark = pytest.mark.django_db

# The token's check: one query for the token with its account.
TOKEN_CHECK_QUERIES = 1


def bearer(text: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {text}"}


def csrf_client(user) -> tuple[Client, str]:
    """A logged-in browser session that enforces CSRF, with the CSRF token a page of the site
    gave it (my area's forms carry one), as a script in that browser would read it."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.get("/me/").status_code == 200
    return client, client.cookies["csrftoken"].value


def test_me_without_credentials_is_401(client):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_me_with_a_token_shows_the_person_and_roles(client):
    person = PersonFactory(display_name="Ana Rossi", user__email="ana@example.org", language="en")
    plan = PlanFactory(slug="torino-2006")
    services.plan_role_grant(plan=plan, user=person.user, role="analyst", by=None)
    services.plan_role_grant(plan=plan, user=person.user, role="staff", by=None)
    _token, text = services.api_token_create(user=person.user, name="script")
    response = client.get("/api/v1/me", headers=bearer(text))
    assert response.status_code == 200
    assert response.json() == {
        "id": person.user.pk,
        "display_name": "Ana Rossi",
        "email": "ana@example.org",
        "language": "en",
        "roles": [
            {"plan": "torino-2006", "role": "analyst"},
            {"plan": "torino-2006", "role": "staff"},
        ],
        "affiliations": [],
        "categories": [],
    }


def test_me_with_a_session(client):
    person = PersonFactory(display_name="Bea")
    client.force_login(person.user)
    assert client.get("/api/v1/me").json()["display_name"] == "Bea"


@pytest.mark.parametrize(
    "header",
    [
        "Bearer ordito_" + "A" * 43,  # well formed, belongs to nobody
        "Bearer not-a-token",
        "Bearer ",
        "Bearer " + "ordito_" + "x" * 5000,
        "Basic YWxhZGRpbjpvcGVuc2VzYW1l",
        "Bearer ordito_" + "A" * 42 + "\u00e8",
    ],
)
def test_a_malformed_or_unknown_token_is_401(client, header):
    response = client.get("/api/v1/me", headers={"Authorization": header})
    assert response.status_code == 401


def test_an_expired_revoked_or_disabled_token_is_401(client):
    user = UserFactory()
    expired, expired_text = services.api_token_create(user=user, name="old")
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    revoked, revoked_text = services.api_token_create(user=user, name="gone")
    services.api_token_revoke(user=user, token_id=revoked.pk)
    _disabled, disabled_text = services.api_token_create(
        user=UserFactory(is_active=False), name="x"
    )
    for text in (expired_text, revoked_text, disabled_text):
        assert client.get("/api/v1/me", headers=bearer(text)).status_code == 401


def test_a_bad_token_is_401_even_beside_a_valid_session(client):
    user = UserFactory()
    client.force_login(user)
    response = client.get("/api/v1/me", headers=bearer("ordito_" + "B" * 43))
    assert response.status_code == 401


def test_token_check_adds_one_query(client, django_assert_num_queries):
    person = PersonFactory()
    _token, text = services.api_token_create(user=person.user, name="script")
    client.get("/api/v1/me/tokens", headers=bearer(text))  # warm up
    # the token with its account, then the list itself
    with django_assert_num_queries(TOKEN_CHECK_QUERIES + 1):
        response = client.get("/api/v1/me/tokens", headers=bearer(text))
    assert [row["name"] for row in response.json()] == ["script"]


def test_create_token_with_session_and_csrf_answers_201_once():
    user = UserFactory()
    client, csrf = csrf_client(user)
    response = client.post(
        "/api/v1/me/tokens",
        {"name": "integration", "days": 7},
        content_type="application/json",
        headers={"X-CSRFToken": csrf},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == {"id", "name", "token", "expires_at"}
    assert body["name"] == "integration"
    # The token works, and is never shown again.
    assert Client().get("/api/v1/me", headers=bearer(body["token"])).status_code == 200
    listed = client.get("/api/v1/me/tokens").json()
    assert [row["id"] for row in listed] == [body["id"]]
    assert body["token"] not in str(listed)


def test_create_token_without_csrf_is_403_and_creates_nothing():
    client, _csrf = csrf_client(UserFactory())
    response = client.post("/api/v1/me/tokens", {"name": "x"}, content_type="application/json")
    assert response.status_code == 403
    assert not ApiToken.objects.exists()


def test_create_token_with_a_token_is_refused(client):
    user = UserFactory()
    _token, text = services.api_token_create(user=user, name="script")
    response = client.post(
        "/api/v1/me/tokens", {"name": "more"}, content_type="application/json", headers=bearer(text)
    )
    assert response.status_code == 401
    assert ApiToken.objects.count() == 1


def test_create_token_anonymous_is_401(client):
    response = client.post("/api/v1/me/tokens", {"name": "x"}, content_type="application/json")
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "x" * 81}, "name"),
        ({"name": "ok", "days": 0}, "days"),
        ({"name": "ok", "days": 10**20}, "days"),
        ({"days": 3}, "name"),
        ({"name": ["list"]}, "name"),
        ({"name": "a\x00b"}, "name"),
    ],
)
def test_create_token_bad_input_is_422_naming_the_field(body, field):
    client, csrf = csrf_client(UserFactory())
    response = client.post(
        "/api/v1/me/tokens", body, content_type="application/json", headers={"X-CSRFToken": csrf}
    )
    assert response.status_code == 422, response.content
    assert any(field in issue["loc"] for issue in response.json()["detail"])
    assert not ApiToken.objects.exists()


def test_revoke_own_token_then_it_is_401(client):
    user = UserFactory()
    token, text = services.api_token_create(user=user, name="script")
    response = client.delete(f"/api/v1/me/tokens/{token.pk}", headers=bearer(text))
    assert response.status_code == 204
    assert client.get("/api/v1/me", headers=bearer(text)).status_code == 401
    assert client.delete(f"/api/v1/me/tokens/{token.pk}", headers=bearer(text)).status_code == 401


def test_another_persons_token_is_not_found_and_stays(client):
    owner, intruder = UserFactory(), UserFactory()
    token, _text = services.api_token_create(user=owner, name="owner's")
    _mine, mine_text = services.api_token_create(user=intruder, name="intruder's")
    response = client.delete(f"/api/v1/me/tokens/{token.pk}", headers=bearer(mine_text))
    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()
    listed = client.get("/api/v1/me/tokens", headers=bearer(mine_text)).json()
    assert [row["name"] for row in listed] == ["intruder's"]


@pytest.mark.parametrize("token_id", ["0", "-1", "abc", str(2**63)])
def test_revoke_bad_ids_are_422_or_404(client, token_id):
    _token, text = services.api_token_create(user=UserFactory(), name="x")
    response = client.delete(f"/api/v1/me/tokens/{token_id}", headers=bearer(text))
    assert response.status_code in (404, 422)
    assert ApiToken.objects.count() == 1
