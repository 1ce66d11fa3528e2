"""GET /api/v1/plans/{slug}/analyses/{name}: results from the plan's data, errors, caching."""

import json

import numpy as np
import pytest

from ordito.analyses import inputs as analysis_inputs
from ordito.plans.models import ObjectiveInfluence
from tests.analyses.conftest import analysis_plan_build
from tests.plans.factories import ObjectiveFactory, PlanFactory, ProjectFactory

URL = "/api/v1/plans/analisi/analyses/"
# A cached answer reads the plan, and nothing else.
CACHED_QUERIES = 1


def test_micmac_direct_sums_are_the_matrix_row_and_column_sums(client, analysis_plan):
    answer = client.get(URL + "micmac").json()
    codes = [o.code for o in analysis_plan.objectives]
    matrix = np.zeros((len(codes), len(codes)), dtype=int)
    for source, target, strength, _potential in analysis_plan.influences:
        matrix[codes.index(source), codes.index(target)] = strength
    assert answer["variables"] == codes
    assert answer["direct_influence"] == dict(zip(codes, matrix.sum(axis=1).tolist(), strict=True))
    assert answer["direct_dependence"] == dict(zip(codes, matrix.sum(axis=0).tolist(), strict=True))
    # OB000 → OB001 (1) and OB002 (3); OB001 → OB002 (2) and a potential OB003.
    assert answer["direct_influence"]["OB000"] == 4
    assert answer["direct_influence"]["OB001"] == 2


def test_mcda_scores_projects_on_meta_objectives_by_their_contributions(client, analysis_plan):
    answer = client.get(URL + "mcda?method=weighted_sum&policy=balanced").json()
    assert answer["alternatives"] == [p.code for p in analysis_plan.projects]
    assert set(answer["scores"]) == set(answer["alternatives"])
    # Without `policy`, every weight set is compared side by side.
    compared = client.get(URL + "mcda").json()
    assert set(compared) > set(answer)


def test_cpm_durations_are_the_planned_days(client, analysis_plan):
    answer = client.get(URL + "cpm").json()
    # A chain of 5 projects: each starts after the previous ends; lags are left out.
    expected = sum((p.planned_end - p.planned_start).days for p in analysis_plan.projects)
    assert answer["duration"] == expected
    assert answer["critical_path"] == [p.code for p in analysis_plan.projects]


def test_coherence_lists_objectives_and_projects_left_out(client, analysis_plan):
    direction = analysis_plan.objectives[0].direction
    ObjectiveFactory(direction=direction, code="OB999", order=999)
    ProjectFactory(direction=direction, code="PR999")
    answer = client.get(URL + "coherence").json()
    assert answer["unserved_objectives"] == ["OB999"]
    assert answer["projects_without_objectives"] == ["PR999"]


@pytest.mark.parametrize(
    ("path", "status", "detail"),
    [
        ("/api/v1/plans/nessuno/analyses/micmac", 404, "No Plan matches the given query."),
        ("/api/v1/plans/analisi/analyses/bogus", 404, "No such analysis."),
    ],
)
def test_analysis_unknown_plan_or_name_is_404(client, analysis_plan, path, status, detail):
    answer = client.get(path)
    assert answer.status_code == status
    assert answer.json() == {"detail": detail}


def test_mcda_bad_method_is_422_naming_it(client, analysis_plan):
    answer = client.get(URL + "mcda?method=bogus")
    assert answer.status_code == 422
    assert [issue["loc"] for issue in answer.json()["detail"]] == [["query", "method"]]


@pytest.mark.parametrize("query", ["method=topsis", "policy=balanced"])
def test_method_or_policy_of_another_analysis_is_422(client, analysis_plan, query):
    answer = client.get(URL + "micmac?" + query)
    assert answer.status_code == 422
    parameter = query.split("=")[0]
    assert answer.json() == {
        "detail": [{"type": "invalid", "loc": ["query", parameter], "msg": "Applies to mcda only."}]
    }


def test_mcda_without_method_is_the_weighted_sum(client, analysis_plan):
    assert client.get(URL + "mcda").content == client.get(URL + "mcda?method=weighted_sum").content


def test_mcda_unknown_policy_is_422_listing_the_weight_sets(client, analysis_plan):
    answer = client.get(URL + "mcda?policy=%3Cb%3E")
    assert answer.status_code == 422
    assert answer.json() == {
        "detail": [
            {
                "type": "invalid",
                "loc": ["query", "policy"],
                "msg": "Choose one of: balanced, COMP-first, ATTR-first, COES-first.",
            }
        ]
    }


@pytest.mark.parametrize(
    "name", ["micmac", "mactor", "mcda", "smaa", "cpm", "network", "coherence"]
)
def test_analysis_of_a_plan_without_inputs_is_409_saying_what_is_missing(client, db, name):
    PlanFactory(slug="vuoto")
    answer = client.get(f"/api/v1/plans/vuoto/analyses/{name}", HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 409
    assert answer.json()["detail"].startswith("The plan")


def test_analysis_second_request_runs_no_analysis_and_reads_only_the_plan(
    client, analysis_plan, monkeypatch, django_assert_num_queries
):
    calls = []
    original = analysis_inputs.MicmacInputs.compute

    def counted(self):
        calls.append(1)
        return original(self)

    monkeypatch.setattr(analysis_inputs.MicmacInputs, "compute", counted)
    first = client.get(URL + "micmac")
    with django_assert_num_queries(CACHED_QUERIES):
        second = client.get(URL + "micmac")
    # The result holds codes and numbers only: another language reads it from the cache too.
    in_english = client.get(URL + "micmac?lang=en")
    assert first.content == second.content == in_english.content
    assert len(calls) == 1


def test_analysis_is_computed_again_after_a_write_of_the_plan(client, analysis_plan):
    first = client.get(URL + "micmac").json()
    influence = ObjectiveInfluence.objects.get(source__code="OB000", target__code="OB001")
    influence.strength = 3
    from ordito.core.records import validated_save

    validated_save(influence, by=None)
    second = client.get(URL + "micmac").json()
    assert first["direct_influence"]["OB000"] == 4
    assert second["direct_influence"]["OB000"] == 6


def test_analysis_json_keeps_html_in_labels_as_text(client, db):
    built = analysis_plan_build()
    answer = client.get(f"/api/v1/plans/{built.plan.slug}/analyses/micmac")
    # Results carry codes only; a title with markup never reaches them.
    assert b"<script" not in answer.content
    assert json.loads(answer.content)["variables"][0] == "OB000"


def test_analysis_without_inputs_answers_in_the_language_asked(client, db):
    PlanFactory(slug="vuoto")
    answer = client.get("/api/v1/plans/vuoto/analyses/micmac?lang=it")
    assert answer.status_code == 409
    assert answer.json() == {
        "detail": "Il piano non ha influenze tra obiettivi: "
        "la sua matrice degli impatti incrociati è vuota."
    }


# What a first answer reads: the plan, then the analysis's inputs (one query per kind of row).
COLD_QUERIES = {
    "micmac": 3,  # plan, influences, objectives' codes
    "mactor": 4,  # plan, actors' influences, positions, objectives' codes
    "mcda": 5,  # plan, meta-objectives, projects, objectives' meta-objectives, contributions
    "smaa": 5,
    "cpm": 3,  # plan, dated projects, dependencies
    "network": 3,  # plan, roles, actors' kinds
    "coherence": 4,  # plan, objectives, projects, contributions
}


@pytest.mark.parametrize("name", sorted(COLD_QUERIES))
def test_analysis_first_answer_reads_the_same_queries_at_two_sizes(
    client, db, name, django_assert_num_queries
):
    from django.core.cache import cache

    for size, slug in ((1, "piccolo"), (4, "grande")):
        analysis_plan_build(size=size, slug=slug)
        cache.clear()
        with django_assert_num_queries(COLD_QUERIES[name]):
            answer = client.get(f"/api/v1/plans/{slug}/analyses/{name}")
        assert answer.status_code == 200, answer.content
