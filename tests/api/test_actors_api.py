"""The actors' API: the list with its filters and pages, an actor with its roles.

Every expected value comes from the sample plan of tests/sample_plan.py, which the web tests share.
"""

import pytest

from ordito.actors.models import Actor
from tests.actors.factories import ActorFactory, ProjectRoleFactory
from tests.api.conftest import assert_invalid

pytestmark = pytest.mark.django_db

ACTOR_LIST_QUERIES = 2  # count, page (municipality joined, projects counted in the same query)
ACTOR_GET_QUERIES = 2  # actor with its municipality, roles with their projects and plans


def names(response) -> list[str]:
    return [item["name"] for item in response.json()["items"]]


def test_actor_list_gives_actors_by_name_with_project_counts(client, demo):
    response = client.get("/api/v1/actors")

    body = response.json()
    assert body["count"] == 2
    assert names(response) == ["Città di Torino", "Fondazione Esempio"]
    assert body["items"][0] == {
        "id": demo.actor.pk,
        "key": "comune-torino",
        "name": "Città di Torino",
        "kind": "municipality",
        "sector": "Pubblica amministrazione",  # ActorFactory's default
        "municipality": {"istat_code": "001272", "name": "Torino"},
        "project_count": 1,  # promoter of P001
        "is_example": False,
    }
    # Funder of P001, promoter and partner of P002: two projects, not three roles.
    assert body["items"][1]["project_count"] == 2
    # By name, not by when they were added: a newer actor whose name comes first leads.
    ActorFactory(key="agenzia-mobilita", name="Agenzia per la mobilità")
    assert names(client.get("/api/v1/actors"))[0] == "Agenzia per la mobilità"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=bank_foundation", ["Fondazione Esempio"]),
        ("kind=trade_union", []),
        ("q=torino", ["Città di Torino"]),
        ("q=amministrazione", ["Città di Torino", "Fondazione Esempio"]),  # the sector matches too
        ("q=torino esempio", []),  # every word must match (each one matches one actor)
        ("q=amministrazione&kind=municipality", ["Città di Torino"]),
        ("limit=1&offset=1", ["Fondazione Esempio"]),
    ],
)
def test_actor_list_filters_and_pages(client, demo, query, expected):
    response = client.get(f"/api/v1/actors?{query}")

    assert names(response) == expected
    if "limit" not in query:
        assert response.json()["count"] == len(expected)


def test_actor_list_count_is_the_total_not_the_page(client, demo):
    assert client.get("/api/v1/actors?limit=1").json()["count"] == 2


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("kind=bogus", "kind"),
        ("q=" + "x" * 201, "q"),
        ("q=%00", "q"),
        ("limit=-1", "limit"),
        ("limit=abc", "limit"),
        ("offset=-5", "offset"),
        ("lang=de", "lang"),
    ],
)
def test_actor_list_bad_parameter_answers_422_naming_it(client, demo, query, parameter):
    assert_invalid(client.get(f"/api/v1/actors?{query}"), parameter)


def test_actor_get_gives_the_actor_with_roles_in_projects(client, demo):
    response = client.get(f"/api/v1/actors/{demo.example_actor.pk}")

    metro = {
        "id": demo.project.pk,
        "code": "P001",
        "title": "Metropolitana linea 2",
        "plan": "torino-2006",
    }
    incubator = {
        "id": demo.other_project.pk,
        "code": "P002",
        "title": "Incubatore di imprese",
        "plan": "torino-2006",
    }
    assert response.json() == {
        "id": demo.example_actor.pk,
        "key": "fondazione-esempio",
        "name": "Fondazione Esempio",
        "kind": "bank_foundation",
        "sector": "Pubblica amministrazione",  # ActorFactory's default
        "municipality": None,
        "website": "",
        "description": "",
        "member_since": None,
        "member_until": None,
        # By project, then by role: the partner's role in P002 was added after the promoter's.
        "roles": [
            {"role": "funder", "project": metro, "is_example": False},
            {"role": "partner", "project": incubator, "is_example": False},
            {"role": "promoter", "project": incubator, "is_example": False},
        ],
        "is_example": True,
    }


def test_actor_get_gives_membership_website_and_municipality(client, demo):
    body = client.get(f"/api/v1/actors/{demo.actor.pk}").json()

    assert body["municipality"] == {"istat_code": "001272", "name": "Torino"}
    assert body["website"] == "https://www.comune.torino.it"
    assert (body["member_since"], body["member_until"]) == ("2000-05-09", None)


def test_actor_get_description_and_project_titles_follow_the_language(client, demo):
    # The plan gives no actor a description: this test writes one in each language.
    Actor.objects.filter(pk=demo.actor.pk).update(
        description_it="Il comune.", description_en="The city council."
    )

    response = client.get(f"/api/v1/actors/{demo.actor.pk}", headers={"Accept-Language": "en"})

    body = response.json()
    assert response["Content-Language"] == "en"
    assert body["description"] == "The city council."
    assert body["name"] == "Città di Torino"  # a proper name: never translated
    assert [role["project"]["title"] for role in body["roles"]] == ["Metro line 2"]
    italian = client.get(f"/api/v1/actors/{demo.actor.pk}?lang=it").json()
    assert italian["description"] == "Il comune."
    assert [role["project"]["title"] for role in italian["roles"]] == ["Metropolitana linea 2"]


def test_actor_get_unknown_id_answers_404_in_json(client, demo):
    response = client.get("/api/v1/actors/987654321")

    assert response.status_code == 404
    assert response.json() == {"detail": "Actor matching query does not exist."}


@pytest.mark.parametrize("actor_id", ["abc", "0", "9223372036854775808"])
def test_actor_get_malformed_id_answers_422_naming_it(client, demo, actor_id):
    assert_invalid(client.get(f"/api/v1/actors/{actor_id}"), "actor_id", source="path")


def test_actor_hostile_name_comes_back_exactly_as_stored(client, demo):
    Actor.objects.filter(pk=demo.example_actor.pk).update(name='<img src=x onerror="alert(1)">')

    response = client.get(f"/api/v1/actors/{demo.example_actor.pk}")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json()["name"] == '<img src=x onerror="alert(1)">'


@pytest.mark.parametrize("extra", [0, 50])
def test_actor_list_costs_constant_queries(client, demo, django_assert_num_queries, extra):
    for _ in range(extra):
        ProjectRoleFactory(project=demo.other_project, role="partner")

    with django_assert_num_queries(ACTOR_LIST_QUERIES):
        body = client.get("/api/v1/actors?limit=100").json()

    assert body["count"] == len(body["items"]) == 2 + extra


@pytest.mark.parametrize("extra", [0, 30])
def test_actor_get_costs_constant_queries(client, demo, django_assert_num_queries, extra):
    actor = ActorFactory()
    for _ in range(extra):
        ProjectRoleFactory(actor=actor)

    with django_assert_num_queries(ACTOR_GET_QUERIES):
        body = client.get(f"/api/v1/actors/{actor.pk}").json()

    assert len(body["roles"]) == extra
