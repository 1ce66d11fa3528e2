"""The API's error shapes (ordito/api/errors.py): a service's refusal is a 422 naming each field,
and only a handler's own lookup answers 404."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.error_urls")]


def test_validation_error_answers_422_naming_each_field(client):
    response = client.post("/api/refused-fields")
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {
        "detail": [
            {"type": "invalid", "loc": ["body", "title_it"], "msg": "Required."},
            {"type": "invalid", "loc": ["body", "title_it"], "msg": "Too long."},
            {"type": "invalid", "loc": ["body", "code"], "msg": "Taken."},
        ]
    }


def test_validation_error_about_the_whole_object_is_located_at_the_body(client):
    response = client.post("/api/refused-object")
    assert response.status_code == 422
    assert response.json() == {
        "detail": [{"type": "invalid", "loc": ["body"], "msg": "The plan is closed."}]
    }


def test_a_lookup_no_handler_guards_is_a_500_not_a_404(client, caplog):
    response = client.get("/api/forgotten-lookup")
    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error."}
    assert "Plan matching query does not exist." in caplog.text
