"""The OpenAPI document: served, valid, complete; and schemathesis finds nothing wrong with the API.

schemathesis generates requests from the document (valid ones, and invalid ones that break a
parameter's type or bounds), sends them to the WSGI application in-process and checks each
response: never a 5xx, a status code the document declares, the declared media type, and a body
that matches the declared schema.
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from ordito.wsgi import application

# Generated requests per operation, valid and invalid together: 400 in all, about 12 s on SQLite
# and 25 s on PostgreSQL on the 2-core machine.
MAX_EXAMPLES = 40
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
OPERATION_IDS = {
    "plan_list",
    "plan_get",
    "project_list",
    "project_get",
    "actor_list",
    "actor_get",
    "person_get",
    "api_tokens_of",
    "api_token_create",
    "api_token_revoke",
    "analysis_result",
    "affiliation_request",
    "process_phases",
    "commission_list",
    "commission_get",
    "meeting_api_list",
    "meeting_api_get",
    "meeting_save",
    "project_timeline",
    "update_record",
    "plan_rollup",
    "meeting_register",
    "registration_cancel",
}


# Loaded once, at collection, through the WSGI application (the document needs no database).
# schemathesis's lazy `from_fixture` loader would load it per test, but it does not run on
# pytest 9 (it sets `Node._nodeid`, which pytest 9 no longer has).
# Unknown query parameters are ignored, as HTTP APIs usually do (a cache-buster `?_=…` works), so
# schemathesis does not add any and expect a refusal.
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json",
    application,
    config=schemathesis.Config.from_dict({"generation": {"allow-extra-parameters": False}}),
)


@pytest.mark.django_db
def test_openapi_document_is_served_and_valid(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    document = json.loads(response.content)
    schemathesis.openapi.from_dict(document).validate()  # raises on an invalid document
    operations = {
        operation["operationId"]: (path, operation["tags"])
        for path, methods in document["paths"].items()
        for operation in methods.values()
    }
    assert set(operations) == OPERATION_IDS
    assert operations["project_list"] == ("/api/v1/plans/{slug}/projects", ["plans"])
    assert operations["actor_get"] == ("/api/v1/actors/{actor_id}", ["actors"])
    assert operations["api_token_revoke"] == ("/api/v1/me/tokens/{token_id}", ["people"])
    assert operations["analysis_result"] == ("/api/v1/plans/{slug}/analyses/{name}", ["analyses"])
    assert operations["registration_cancel"] == (
        "/api/v1/meetings/{meeting_id}/registrations/me",
        ["process"],
    )


@pytest.mark.django_db
def test_openapi_document_documents_errors_and_parameters(client):
    document = client.get("/api/v1/openapi.json").json()

    project_list = document["paths"]["/api/v1/plans/{slug}/projects"]["get"]
    assert set(project_list["responses"]) == {"200", "404", "422"}
    parameters = {
        parameter["name"]: parameter["schema"] for parameter in project_list["parameters"]
    }
    assert set(parameters) == {
        "slug",
        "area",
        "direction",
        "status",
        "municipality",
        "promoter",
        "q",
        "sort",
        "limit",
        "offset",
        "lang",
    }
    assert parameters["q"]["maxLength"] == 200
    assert parameters["limit"]["maximum"] == 100
    assert parameters["lang"]["enum"] == ["it", "en"]
    # Plans and projects have different statuses: each enum keeps its own values.
    components = document["components"]["schemas"]
    assert "approved" in components["PlanStatus"]["enum"]
    assert "in_progress" in components["ProjectStatus"]["enum"]


@pytest.fixture
def connection_kept_open():
    """Keep the database connection open across the WSGI requests, as Django's test client does.

    Called directly, the WSGI application closes the connection when each request finishes
    (`close_old_connections`); on PostgreSQL that would end the test's transaction and lose its
    demo.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@schema.given(draw=st.data())
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,  # the same requests on every run: CI cannot flake
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_document(case, draw, demo, connection_kept_open):
    # Generated slugs and ids almost never exist: in a valid request, half the time (as hypothesis
    # draws) a path parameter is swapped for one of the test plan's, so that 200 bodies are checked
    # too, with generated queries. An invalid request keeps its path, which may be what is invalid.
    known = {
        "slug": [demo.plan.slug, demo.previous.slug],
        "project_id": [
            demo.project.pk,
            demo.other_project.pk,
            demo.untranslated_project.pk,
            demo.old_action.pk,
        ],
        "actor_id": [demo.actor.pk, demo.example_actor.pk],
    }
    if case.meta.generation.mode == GenerationMode.POSITIVE:
        for name in case.path_parameters or {}:
            if name in known and draw.draw(st.booleans(), label=f"known {name}"):
                case.path_parameters[name] = draw.draw(st.sampled_from(known[name]))
    case.call_and_validate(checks=CHECKS)
