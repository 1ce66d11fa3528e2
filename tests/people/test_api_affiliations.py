"""/api/v1/me with the person's affiliations and categories, at a constant cost, and
POST /api/v1/me/affiliations: who may call it, and how it refuses."""

import pytest

from ordito.people import services
from ordito.people.models import Affiliation, Category
from tests.actors.factories import ActorFactory, ProjectRoleFactory
from tests.people.factories import PersonFactory
from tests.people.test_api import TOKEN_CHECK_QUERIES, bearer, csrf_client
from tests.plans.factories import PlanFactory, ProjectFactory

pytestmark = pytest.mark.django_db

# After the token check: the person (in a savepoint: it is made on first use, two statements
# more); the roles with their plans; the affiliations with their actors; the categories with
# their plans. The same with 2 or 30 of each.
ME_QUERIES = TOKEN_CHECK_QUERIES + 6


@pytest.fixture
def plan():
    return PlanFactory(slug="torino-2006")


@pytest.fixture
def actor(plan):
    actor = ActorFactory(name="Politecnico di Torino")
    ProjectRoleFactory(actor=actor, project=ProjectFactory(direction__area__plan=plan))
    return actor


def test_me_lists_affiliations_and_categories(client, plan, actor):
    person = PersonFactory(display_name="Ana", user__email="ana@example.org", language="en")
    waiting = services.affiliation_request(user=person.user, actor=actor, position="Docente")
    student = Category.objects.get(plan=plan, key="student")
    services.person_update(person=person, values={"categories": [student.pk]}, by=None)
    _token, text = services.api_token_create(user=person.user, name="script")
    body = client.get("/api/v1/me", headers={**bearer(text), "Accept-Language": "en"}).json()
    assert body["affiliations"] == [
        {
            "id": waiting.pk,
            "actor": {"id": actor.pk, "name": "Politecnico di Torino"},
            "position": "Docente",
            "status": "requested",
        }
    ]
    assert body["categories"] == [{"plan": "torino-2006", "key": "student", "label": "Student"}]
    italian = client.get("/api/v1/me?lang=it", headers=bearer(text)).json()
    assert italian["categories"][0]["label"] == "Studente"
    # Every earlier field is still there, as it was.
    assert list(body) == [
        "id",
        "display_name",
        "email",
        "language",
        "roles",
        "affiliations",
        "categories",
    ]
    assert (body["id"], body["display_name"], body["email"]) == (
        person.user.pk,
        "Ana",
        "ana@example.org",
    )


@pytest.mark.parametrize("count", [2, 30])
def test_me_costs_a_constant_number_of_queries(client, plan, django_assert_num_queries, count):
    person = PersonFactory()
    project = ProjectFactory(direction__area__plan=plan)
    chosen = []
    for n in range(count):
        target = ActorFactory()
        ProjectRoleFactory(actor=target, project=project)
        services.affiliation_request(user=person.user, actor=target, position=f"p{n}")
        other = PlanFactory()
        services.plan_role_grant(plan=other, user=person.user, role="analyst", by=None)
        chosen.append(Category.objects.filter(plan=other).first().pk)
    services.person_update(person=person, values={"categories": chosen}, by=None)
    _token, text = services.api_token_create(user=person.user, name="script")
    with django_assert_num_queries(ME_QUERIES):
        body = client.get("/api/v1/me", headers=bearer(text)).json()
    assert (len(body["affiliations"]), len(body["categories"]), len(body["roles"])) == (
        count,
        count,
        count,
    )


def test_ask_with_a_token_answers_201(client, actor):
    person = PersonFactory()
    _token, text = services.api_token_create(user=person.user, name="script")
    response = client.post(
        "/api/v1/me/affiliations",
        {"actor": actor.pk, "position": "Docente"},
        content_type="application/json",
        headers=bearer(text),
    )
    assert response.status_code == 201
    affiliation = Affiliation.objects.get()
    assert response.json() == {
        "id": affiliation.pk,
        "actor": {"id": actor.pk, "name": "Politecnico di Torino"},
        "position": "Docente",
        "status": "requested",
    }
    again = client.post(
        "/api/v1/me/affiliations",
        {"actor": actor.pk},
        content_type="application/json",
        headers={**bearer(text), "Accept-Language": "en"},
    )
    assert again.status_code == 409
    assert again.json() == {
        "detail": "You have already asked to represent this actor: wait for the decision."
    }
    assert Affiliation.objects.count() == 1


def test_ask_with_a_session_needs_the_csrf_token(actor):
    person = PersonFactory()
    client, csrf = csrf_client(person.user)
    refused = client.post(
        "/api/v1/me/affiliations", {"actor": actor.pk}, content_type="application/json"
    )
    assert refused.status_code == 403
    assert not Affiliation.objects.exists()
    response = client.post(
        "/api/v1/me/affiliations",
        {"actor": actor.pk},
        content_type="application/json",
        headers={"X-CSRFToken": csrf},
    )
    assert response.status_code == 201


def test_ask_anonymous_is_401(client, actor):
    response = client.post(
        "/api/v1/me/affiliations", {"actor": actor.pk}, content_type="application/json"
    )
    assert response.status_code == 401
    assert not Affiliation.objects.exists()


@pytest.mark.parametrize(
    ("body", "status", "loc"),
    [
        ({}, 422, ["body", "body", "actor"]),
        ({"actor": "abc"}, 422, ["body", "body", "actor"]),
        ({"actor": 0}, 422, ["body", "body", "actor"]),
        ({"actor": "ACTOR", "position": "x" * 121}, 422, ["body", "body", "position"]),
        ({"actor": "ACTOR", "position": "a\\u0000b"}, 422, ["body", "position"]),
        ({"actor": 999999}, 404, None),
        ({"actor": "LONER"}, 404, None),
    ],
)
def test_ask_bad_input_is_refused_naming_the_field(client, actor, body, status, loc):
    loner = ActorFactory()
    body = {
        key: {"ACTOR": actor.pk, "LONER": loner.pk}.get(value, value)
        if isinstance(value, str)
        else value
        for key, value in body.items()
    }
    if body.get("position") == "a\\u0000b":
        body["position"] = "a\x00b"
    person = PersonFactory()
    _token, text = services.api_token_create(user=person.user, name="script")
    response = client.post(
        "/api/v1/me/affiliations", body, content_type="application/json", headers=bearer(text)
    )
    assert response.status_code == status
    if loc is not None:
        assert loc in [issue["loc"] for issue in response.json()["detail"]]
    assert not Affiliation.objects.exists()
