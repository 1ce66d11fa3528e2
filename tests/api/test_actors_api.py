"""The actors' API: the list with its filters and pages, an actor with its roles.

Every expected value comes from the plan built in tests/api/conftest.py.
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


def test_actor_list_gives_actors_by_name_with_project_counts(client, data):
    response = client.get("/api/v1/actors")

    body = response.json()
    assert body["count"] == 3
    assert names(response) == ["Città di Torino", "Fondazione bancaria", "Università di Torino"]
    assert body["items"][0] == {
        "id": data.city.pk,
        "key": "comune-torino",
        "name": "Città di Torino",
        "kind": "municipality",
        "sector": "Pubblica amministrazione",
        "municipality": {"istat_code": "001272", "name": "Torino"},
        "project_count": 2,  # promoter of P01 and P02
        "is_example": True,
    }
    # Promoter and partner of the same project: one project.
    assert body["items"][2]["project_count"] == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=university", ["Università di Torino"]),
        ("kind=trade_union", []),
        ("q=torino", ["Città di Torino", "Università di Torino"]),
        ("q=ricerca", ["Università di Torino"]),  # the sector matches too
        ("q=fondazione bancaria", ["Fondazione bancaria"]),
        ("q=torino&kind=municipality", ["Città di Torino"]),
        ("limit=1&offset=1", ["Fondazione bancaria"]),
    ],
)
def test_actor_list_filters_and_pages(client, data, query, expected):
    response = client.get(f"/api/v1/actors?{query}")

    assert names(response) == expected
    if "limit" not in query:
        assert response.json()["count"] == len(expected)


def test_actor_list_count_is_the_total_not_the_page(client, data):
    assert client.get("/api/v1/actors?limit=1").json()["count"] == 3


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
def test_actor_list_bad_parameter_answers_422_naming_it(client, data, query, parameter):
    assert_invalid(client.get(f"/api/v1/actors?{query}"), parameter)


def test_actor_get_gives_the_actor_with_roles_in_projects(client, data):
    response = client.get(f"/api/v1/actors/{data.university.pk}")

    assert response.json() == {
        "id": data.university.pk,
        "key": "unito",
        "name": "Università di Torino",
        "kind": "university",
        "sector": "Ricerca",
        "municipality": None,
        "website": "",
        "description": "",
        "member_since": None,
        "member_until": None,
        "roles": [
            {
                "role": "partner",
                "project": {
                    "id": data.museum.pk,
                    "code": "P03",
                    "title": "Museo della scienza",
                    "plan": "torino-2006",
                },
            },
            {
                "role": "promoter",
                "project": {
                    "id": data.museum.pk,
                    "code": "P03",
                    "title": "Museo della scienza",
                    "plan": "torino-2006",
                },
            },
        ],
        "is_example": True,
    }


def test_actor_get_description_and_project_titles_follow_the_language(client, data):
    response = client.get(f"/api/v1/actors/{data.city.pk}", headers={"Accept-Language": "en"})

    body = response.json()
    assert response["Content-Language"] == "en"
    assert body["description"] == "The city council."
    assert body["name"] == "Città di Torino"  # a proper name: never translated
    assert [role["project"]["title"] for role in body["roles"]] == [
        "Underground line 2",
        "Tram to Moncalieri",
    ]
    italian = client.get(f"/api/v1/actors/{data.city.pk}?lang=it").json()
    assert italian["description"] == "Il comune."


def test_actor_get_unknown_id_answers_404_in_json(client, data):
    response = client.get("/api/v1/actors/987654321")

    assert response.status_code == 404
    assert response.json() == {"detail": "Actor matching query does not exist."}


@pytest.mark.parametrize("actor_id", ["abc", "0", "9223372036854775808"])
def test_actor_get_malformed_id_answers_422_naming_it(client, data, actor_id):
    assert_invalid(client.get(f"/api/v1/actors/{actor_id}"), "actor_id", source="path")


def test_actor_hostile_name_comes_back_exactly_as_stored(client, data):
    Actor.objects.filter(pk=data.foundation.pk).update(name='<img src=x onerror="alert(1)">')

    response = client.get(f"/api/v1/actors/{data.foundation.pk}")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json()["name"] == '<img src=x onerror="alert(1)">'


@pytest.mark.parametrize("extra", [0, 50])
def test_actor_list_costs_constant_queries(client, data, django_assert_num_queries, extra):
    for _ in range(extra):
        ProjectRoleFactory(project=data.tram, role="partner")

    with django_assert_num_queries(ACTOR_LIST_QUERIES):
        body = client.get("/api/v1/actors?limit=100").json()

    assert body["count"] == len(body["items"]) == 3 + extra


@pytest.mark.parametrize("extra", [0, 30])
def test_actor_get_costs_constant_queries(client, data, django_assert_num_queries, extra):
    actor = ActorFactory()
    for _ in range(extra):
        ProjectRoleFactory(actor=actor)

    with django_assert_num_queries(ACTOR_GET_QUERIES):
        body = client.get(f"/api/v1/actors/{actor.pk}").json()

    assert len(body["roles"]) == extra
