"""The plans' API: plans, their tree, their projects; languages, errors, query counts.

Every expected value comes from the sample plan of tests/sample_plan.py, which the web tests share.
"""

import logging
from typing import get_args

import pytest
from django.conf import settings

from ordito.api.languages import Language
from ordito.plans import selectors, services
from ordito.plans.models import Project
from ordito.plans.schemas import ProjectSort
from tests.actors.factories import ProjectRoleFactory
from tests.api.conftest import assert_invalid
from tests.plans.factories import DirectionFactory, ObjectiveFactory
from tests.sample_plan import HOSTILE, grow_plan

pytestmark = pytest.mark.django_db

# Queries per request, whatever the number of rows (checked with few and with many rows).
PLAN_LIST_QUERIES = 2  # count, page (with the previous plan joined)
PLAN_GET_QUERIES = 6  # plan, meta-objectives, areas, directions, objectives, their meta-objectives
PROJECT_LIST_QUERIES = 4  # plan, count, page, promoters
PROJECT_GET_QUERIES = 4  # project with its joins, contributions, dependencies, roles


def codes(response) -> list[str]:
    return [item["code"] for item in response.json()["items"]]


# Plans


def test_plan_list_gives_plans_newest_first_with_previous_slug(client, demo):
    response = client.get("/api/v1/plans")

    assert response.status_code == 200
    assert response.json() == {
        "items": [
            {
                "slug": "torino-2006",
                "title": "Secondo piano strategico",
                "territory": "Area metropolitana di Torino",
                "period_start": 2006,
                "period_end": 2015,
                "status": "implementation",
                "previous": "torino-2000",
            },
            {
                "slug": "torino-2000",
                "title": "Primo piano strategico",
                "territory": "Area metropolitana di Torino",
                "period_start": 2000,
                "period_end": 2005,
                "status": "closed",
                "previous": None,
            },
        ],
        "count": 2,
    }


def test_plan_get_gives_the_tree_in_plan_order(client, demo):
    body = client.get("/api/v1/plans/torino-2006").json()

    assert body["slug"] == "torino-2006"
    assert (body["period_start"], body["period_end"]) == (2006, 2015)
    assert body["status"] == "implementation"
    assert body["vision"] == "Torino, città della conoscenza"
    assert body["previous"] == "torino-2000"
    # Of equal `order`, the code decides: ATTR was created after COMP, and still comes first.
    assert [(m["code"], m["title"]) for m in body["meta_objectives"]] == [
        ("ATTR", "Attrattività"),
        ("COMP", "Competitività"),
    ]
    # TER's `order` is lower than CON's: it comes first, although CON comes first by code.
    assert body["areas"] == [
        {
            "id": demo.area.pk,
            "code": "TER",
            "kind": "thematic",
            "title": "Territorio metropolitano",
            "is_example": False,
            "directions": [
                {
                    "id": demo.direction.pk,
                    "code": "MOB",
                    "title": "Mobilità",
                    "is_example": False,
                    "objectives": [
                        {
                            "id": demo.objective.pk,
                            "code": "MOB 1",
                            "title": "Rete del trasporto pubblico",
                            "short_title": "",
                            "meta_objectives": ["COMP"],
                            "is_example": False,
                        }
                    ],
                }
            ],
        },
        {
            "id": demo.transversal.pk,
            "code": "CON",
            "kind": "transversal",
            "title": "Conoscenza",
            "is_example": False,
            "directions": [
                {
                    "id": demo.example_direction.pk,
                    "code": "INN",
                    "title": "Innovazione diffusa",
                    "is_example": True,
                    "objectives": [
                        {
                            "id": demo.other_objective.pk,
                            "code": "INN 1",
                            "title": "Imprese innovative",
                            "short_title": "",
                            "meta_objectives": [],
                            "is_example": True,
                        }
                    ],
                }
            ],
        },
    ]


def test_plan_get_orders_objectives_by_order_not_by_code_or_creation(client, demo):
    body = client.get("/api/v1/plans/torino-2000").json()

    # In the first plan, L1.1.1 was created first and comes first by code; its `order` is 2.
    (line,) = body["areas"]
    (direction,) = line["directions"]
    assert [(o["code"], o["title"]) for o in direction["objectives"]] == [
        ("L1.1.2", "Servizio ferroviario metropolitano"),
        ("L1.1.1", "Nodi di interscambio"),
    ]


def test_plan_get_unknown_slug_answers_404_in_json(client, demo):
    response = client.get("/api/v1/plans/torino-1990")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Plan matching query does not exist."}


@pytest.mark.parametrize("slug", ["due parole", "x" * 61, "caffè"])
def test_plan_get_malformed_slug_answers_422_naming_slug(client, demo, slug):
    assert_invalid(client.get(f"/api/v1/plans/{slug}"), "slug", source="path")


def test_plan_get_slug_with_a_slash_answers_404_in_json(client, demo):
    response = client.get("/api/v1/plans/torino%2F2006")

    assert response.status_code == 404
    assert response.json() == {"detail": "No such endpoint."}


# Projects


def test_project_list_gives_summaries_by_code(client, demo):
    response = client.get("/api/v1/plans/torino-2006/projects")

    body = response.json()
    assert body["count"] == 3
    assert codes(response) == ["P001", "P002", "P003"]
    assert body["items"][0] == {
        "id": demo.project.pk,
        "code": "P001",
        "kind": "project",
        "title": "Metropolitana linea 2",
        "status": "in_progress",
        "direction": {
            "id": demo.direction.pk,
            "code": "MOB",
            "title": "Mobilità",
            "area": {"id": demo.area.pk, "code": "TER", "title": "Territorio metropolitano"},
        },
        "municipality": {"istat_code": "001272", "name": "Torino"},
        "budget_eur": "1500000.00",
        "promoters": [
            {
                "id": demo.actor.pk,
                "key": "comune-torino",
                "name": "Città di Torino",
                "kind": "municipality",
            }
        ],
        "is_example": True,
        "example_fields": [],
    }
    # The foundation is P002's promoter and its partner too: promoters name it once.
    assert [actor["key"] for actor in body["items"][1]["promoters"]] == ["fondazione-esempio"]
    assert body["items"][2]["budget_eur"] is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=planned", ["P003"]),
        ("municipality=001156", ["P002"]),
        ("q=metropolitana", ["P001"]),
        ("q=BUSINESS", ["P002"]),  # English text, any case
        ("q=p00 ciclabili", ["P003"]),  # every word must match ("p00" alone matches every code)
        ("q=nothing-like-this", []),
        ("sort=title", ["P002", "P001", "P003"]),  # Incubatore…, Metropolitana…, Piste…
        ("status=completed&municipality=001272", []),  # filters add up: P002 is in Moncalieri
    ],
)
def test_project_list_filters_and_sorts(client, demo, query, expected):
    response = client.get(f"/api/v1/plans/torino-2006/projects?{query}")

    assert codes(response) == expected
    assert response.json()["count"] == len(expected)


def test_project_list_sorts_by_budget_both_ways(client, demo):
    def budgets(sort: str) -> list[tuple[str, str]]:
        items = client.get(f"/api/v1/plans/torino-2006/projects?sort={sort}").json()["items"]
        # P003 has no budget: it is left out, so the check does not hang on where NULL goes.
        return [(p["code"], p["budget_eur"]) for p in items if p["budget_eur"]]

    # Largest first is also the order of the codes: the smallest first shows the sort at work.
    assert budgets("-budget") == [("P001", "1500000.00"), ("P002", "250000.50")]
    assert budgets("budget") == [("P002", "250000.50"), ("P001", "1500000.00")]


def test_project_list_filters_by_area_direction_and_promoter_ids(client, demo):
    base = "/api/v1/plans/torino-2006/projects"

    assert codes(client.get(f"{base}?area={demo.transversal.pk}")) == ["P002"]
    assert codes(client.get(f"{base}?area={demo.area.pk}")) == ["P001", "P003"]
    assert codes(client.get(f"{base}?direction={demo.direction.pk}")) == ["P001", "P003"]
    assert codes(client.get(f"{base}?promoter={demo.actor.pk}")) == ["P001"]
    # The foundation funds P001 and promotes P002: only promoting counts.
    assert codes(client.get(f"{base}?promoter={demo.example_actor.pk}")) == ["P002"]


def test_project_list_paginates_with_limit_and_offset(client, demo):
    response = client.get("/api/v1/plans/torino-2006/projects?limit=2&offset=1")

    assert codes(response) == ["P002", "P003"]
    assert response.json()["count"] == 3
    assert codes(client.get("/api/v1/plans/torino-2006/projects?limit=1")) == ["P001"]
    assert codes(client.get("/api/v1/plans/torino-2006/projects?offset=3")) == []


def test_project_list_unknown_plan_answers_404_in_json(client, demo):
    response = client.get("/api/v1/plans/torino-1990/projects")

    assert response.status_code == 404
    assert response.json() == {"detail": "No Plan matches the given query."}


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("limit=-1", "limit"),
        ("limit=0", "limit"),
        ("limit=abc", "limit"),
        ("limit=101", "limit"),  # NINJA_PAGINATION_MAX_LIMIT
        ("offset=-5", "offset"),
        ("offset=100000000000000000000", "offset"),  # would overflow SQL OFFSET
        ("status=bogus", "status"),
        ("status=", "status"),
        ("area=abc", "area"),
        ("area=0", "area"),
        ("area=9223372036854775808", "area"),  # one past the largest 64-bit id
        ("direction=1.5", "direction"),
        ("promoter=-3", "promoter"),
        ("municipality=1272", "municipality"),
        ("municipality=00127a", "municipality"),
        ("q=" + "x" * 201, "q"),
        ("q=a%00b", "q"),  # PostgreSQL refuses NUL characters
        ("sort=budget;drop table", "sort"),
        ("lang=fr", "lang"),
    ],
)
def test_project_list_bad_parameter_answers_422_naming_it(client, demo, query, parameter):
    assert_invalid(client.get(f"/api/v1/plans/torino-2006/projects?{query}"), parameter)


def test_project_list_longest_q_is_accepted(client, demo):
    response = client.get("/api/v1/plans/torino-2006/projects?q=" + "x" * 200)

    assert response.status_code == 200
    assert response.json() == {"items": [], "count": 0}


def test_project_get_gives_everything(client, demo):
    response = client.get(f"/api/v1/projects/{demo.project.pk}")

    assert response.json() == {
        "id": demo.project.pk,
        "plan": "torino-2006",
        "code": "P001",
        "kind": "project",
        "title": "Metropolitana linea 2",
        "description": "Una nuova linea di metropolitana.",
        "status": "in_progress",
        "direction": {
            "id": demo.direction.pk,
            "code": "MOB",
            "title": "Mobilità",
            "area": {"id": demo.area.pk, "code": "TER", "title": "Territorio metropolitano"},
        },
        "objectives": [
            {
                "objective": {
                    "id": demo.objective.pk,
                    "code": "MOB 1",
                    "title": "Rete del trasporto pubblico",
                },
                "strength": 3,
                "is_example": False,
            },
        ],
        "dependencies": [
            {
                "project": {
                    "id": demo.untranslated_project.pk,
                    "code": "P003",
                    "title": "Piste ciclabili",
                },
                "lag_days": 30,
                "is_example": False,
            }
        ],
        "roles": [
            {
                "role": "funder",
                "actor": {
                    "id": demo.example_actor.pk,
                    "key": "fondazione-esempio",
                    "name": "Fondazione Esempio",
                    "kind": "bank_foundation",
                },
                "is_example": False,
            },
            {
                "role": "promoter",
                "actor": {
                    "id": demo.actor.pk,
                    "key": "comune-torino",
                    "name": "Città di Torino",
                    "kind": "municipality",
                },
                "is_example": False,
            },
        ],
        "municipality": {"istat_code": "001272", "name": "Torino"},
        "latitude": 45.07,
        "longitude": 7.686,
        "budget_eur": "1500000.00",
        "planned_start": "2008-01-01",
        "planned_end": "2018-12-31",
        "actual_start": None,
        "actual_end": None,
        "is_example": True,
        "example_fields": [],
        "carried_over_from": {
            "id": demo.old_action.pk,
            "code": "A01",
            "title": "Passante ferroviario",
            "plan": "torino-2000",
        },
    }


def test_project_get_gives_objectives_in_plan_order_with_signed_strength(client, demo):
    body = client.get(f"/api/v1/projects/{demo.other_project.pk}").json()

    # MOB 1 comes before INN 1 in the plan's order, although not by code.
    assert body["objectives"] == [
        {
            "objective": {
                "id": demo.objective.pk,
                "code": "MOB 1",
                "title": "Rete del trasporto pubblico",
            },
            "strength": -2,
            "is_example": False,
        },
        {
            "objective": {
                "id": demo.other_objective.pk,
                "code": "INN 1",
                "title": "Imprese innovative",
            },
            "strength": 1,
            "is_example": False,
        },
    ]


def test_project_get_gives_dependencies_with_their_lag(client, demo):
    body = client.get(f"/api/v1/projects/{demo.project.pk}").json()
    depended_on = client.get(f"/api/v1/projects/{demo.untranslated_project.pk}").json()

    # P001 cannot start until 30 days after P003 ends; P003 itself depends on nothing.
    assert body["dependencies"] == [
        {
            "project": {
                "id": demo.untranslated_project.pk,
                "code": "P003",
                "title": "Piste ciclabili",
            },
            "lag_days": 30,
            "is_example": False,
        }
    ]
    assert depended_on["dependencies"] == []
    assert (
        depended_on["latitude"],
        depended_on["longitude"],
        depended_on["carried_over_from"],
    ) == (None, None, None)


def test_project_get_names_the_invented_facts_and_links_of_a_real_project(client, demo):
    # P002 is real (is_example false); say its budget and one contribution are invented.
    project = demo.other_project
    services.project_save(
        by=None, plan=project.plan, code=project.code, values={"example_fields": ["budget_eur"]}
    )
    services.contribution_set(
        by=None, project=project, objective=demo.other_objective, strength=1, is_example=True
    )

    body = client.get(f"/api/v1/projects/{project.pk}").json()
    listed = client.get("/api/v1/plans/torino-2006/projects?q=P002").json()["items"]

    assert (body["is_example"], body["example_fields"]) == (False, ["budget_eur"])
    assert [link["is_example"] for link in body["objectives"]] == [False, True]
    assert [(item["code"], item["example_fields"]) for item in listed] == [("P002", ["budget_eur"])]


def test_project_get_unknown_id_answers_404_in_json(client, demo):
    response = client.get("/api/v1/projects/987654321")

    assert response.status_code == 404
    assert response.json() == {"detail": "Project matching query does not exist."}


@pytest.mark.parametrize("project_id", ["abc", "0", "-1", "1.5", "9223372036854775808"])
def test_project_get_malformed_id_answers_422_naming_it(client, demo, project_id):
    assert_invalid(client.get(f"/api/v1/projects/{project_id}"), "project_id", source="path")


# Languages


def test_language_parameter_gives_english_and_content_language(client, demo):
    response = client.get(f"/api/v1/projects/{demo.project.pk}?lang=en")

    body = response.json()
    assert response["Content-Language"] == "en"
    assert body["title"] == "Metro line 2"
    assert body["description"] == "A new metro line."
    assert body["direction"]["title"] == "Mobility"
    assert body["direction"]["area"]["title"] == "Metropolitan territory"
    assert body["objectives"][0]["objective"]["title"] == "Public transport network"


def test_language_english_falls_back_to_italian_where_english_is_empty(client, demo):
    body = client.get("/api/v1/plans/torino-2000?lang=en").json()

    # L1.1.1 has no English title; L1.1.2 has one.
    objectives = body["areas"][0]["directions"][0]["objectives"]
    assert [o["title"] for o in objectives] == [
        "Metropolitan railway service",
        "Nodi di interscambio",
    ]
    projects = client.get("/api/v1/plans/torino-2006/projects?lang=en").json()["items"]
    assert [p["title"] for p in projects] == [
        "Metro line 2",
        "Business incubator",
        "Piste ciclabili",
    ]


@pytest.mark.parametrize(
    ("header", "language", "title"),
    [
        ("en-GB,en;q=0.9", "en", "Second strategic plan"),
        ("fr-FR, en;q=0.5, it;q=0.4", "en", "Second strategic plan"),
        ("en;q=0.3, it;q=0.8", "it", "Secondo piano strategico"),
        ("en;q=0, it", "it", "Secondo piano strategico"),
        ("de, fr", "it", "Secondo piano strategico"),  # none supported: the default
        ("en;q=abc, ;;;, *", "it", "Secondo piano strategico"),  # malformed: ignored
        ("", "it", "Secondo piano strategico"),
    ],
)
def test_language_from_accept_language_header(client, demo, header, language, title):
    response = client.get("/api/v1/plans/torino-2006", headers={"Accept-Language": header})

    assert response["Content-Language"] == language
    assert response.json()["title"] == title
    assert "Accept-Language" in response["Vary"]


def test_language_parameter_wins_over_the_header(client, demo):
    response = client.get("/api/v1/plans/torino-2006?lang=it", headers={"Accept-Language": "en"})

    assert response["Content-Language"] == "it"
    assert response.json()["title"] == "Secondo piano strategico"


def test_language_list_matches_settings():
    assert set(get_args(Language)) == {code for code, _ in settings.LANGUAGES}


def test_sort_choices_match_the_selector():
    assert set(get_args(ProjectSort)) == set(selectors.PROJECT_SORTS)


# Hostile content


def test_hostile_title_comes_back_exactly_as_stored_in_json(client, demo):
    Project.objects.filter(pk=demo.untranslated_project.pk).update(title_it=HOSTILE)

    response = client.get(f"/api/v1/projects/{demo.untranslated_project.pk}")

    # JSON is not HTML: the value round-trips unchanged, and the media type (with nosniff)
    # stops a browser from rendering it as a page.
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.json()["title"] == HOSTILE
    listed = client.get("/api/v1/plans/torino-2006/projects?q=script").json()
    assert [p["title"] for p in listed["items"]] == [HOSTILE]


# Errors of last resort


def test_unexpected_error_answers_json_500(client, demo, monkeypatch, caplog):
    def broken(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(selectors, "project_get", broken)

    with caplog.at_level(logging.ERROR, logger="ordito.api.errors"):
        response = client.get(f"/api/v1/projects/{demo.project.pk}")

    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error."}
    assert "a bug" not in response.content.decode()
    assert any(record.exc_info for record in caplog.records if record.name == "ordito.api.errors")


def test_bad_input_never_reaches_the_500_handler(client, demo, caplog):
    urls = [
        "/api/v1/plans/torino-2006/projects?limit=-1&offset=-5&status=bogus&area=abc",
        "/api/v1/plans/torino-2006/projects?q=" + "<script>" * 30,
        "/api/v1/projects/99999999999999999999999999",
        "/api/v1/plans/%00",
        "/api/v1/actors?kind=%00&q=%00",
    ]

    with caplog.at_level(logging.ERROR, logger="ordito.api.errors"):
        statuses = [client.get(url).status_code for url in urls]

    assert statuses == [422, 422, 422, 422, 422]
    assert not [record for record in caplog.records if record.name == "ordito.api.errors"]


# Query counts


def test_plan_list_costs_constant_queries(client, demo, django_assert_num_queries):
    with django_assert_num_queries(PLAN_LIST_QUERIES):
        assert client.get("/api/v1/plans").json()["count"] == 2


@pytest.mark.parametrize("extra", [0, 40])
def test_plan_get_costs_constant_queries(client, demo, django_assert_num_queries, extra):
    for number in range(extra):
        area = demo.transversal if number % 2 else demo.area
        ObjectiveFactory(direction=DirectionFactory(area=area))

    with django_assert_num_queries(PLAN_GET_QUERIES):
        body = client.get("/api/v1/plans/torino-2006").json()

    assert sum(len(area["directions"]) for area in body["areas"]) == 2 + extra


@pytest.mark.parametrize("extra", [0, 60])
def test_project_list_costs_constant_queries(client, demo, django_assert_num_queries, extra):
    grow_plan(demo, projects=extra, actors=3)

    with django_assert_num_queries(PROJECT_LIST_QUERIES):
        body = client.get("/api/v1/plans/torino-2006/projects?limit=100").json()

    assert body["count"] == len(body["items"]) == 3 + extra


@pytest.mark.parametrize("extra", [0, 30])
def test_project_get_costs_constant_queries(client, demo, django_assert_num_queries, extra):
    for _ in range(extra):
        ProjectRoleFactory(project=demo.project, role="partner")

    with django_assert_num_queries(PROJECT_GET_QUERIES):
        body = client.get(f"/api/v1/projects/{demo.project.pk}").json()

    assert len(body["roles"]) == 2 + extra
