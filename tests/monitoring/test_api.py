"""The monitoring's API: a project's updates read and reported, the plan's roll-up."""

import pytest

from ordito.monitoring.models import ProgressUpdate
from ordito.people import services as people_services
from tests.monitoring.conftest import report
from tests.people.test_api import bearer

NEW_UPDATE = {
    "date": "2026-02-01",
    "status": "in_progress",
    "progress": 35,
    "text": "Progettazione esecutiva conclusa.",
    "spent": "2500.00",
}


def token(user) -> dict[str, str]:
    _token, text = people_services.api_token_create(user=user, name="report")
    return bearer(text)


def post(client, project, body, **headers):
    return client.post(
        f"/api/v1/projects/{project.pk}/updates",
        body,
        content_type="application/json",
        headers=headers,
    )


def test_contact_reports_an_update_with_a_token(world, client):
    answer = post(client, world.project_a, NEW_UPDATE, **token(world.contact_a))
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert {k: body[k] for k in ("project", "status", "progress", "spent", "version")} == {
        "project": world.project_a.pk,
        "status": "in_progress",
        "progress": 35,
        "spent": "2500.00",
        "version": 1,
    }
    assert body["published"] is False
    assert ProgressUpdate.objects.get().author == world.contact_a


def test_updates_list_shows_only_published_updates(world, client):
    report(world.project_a, world.staff, text="Pubblicato.", publish=True)
    report(world.project_a, world.contact_a, text="Bozza.")
    answer = client.get(f"/api/v1/projects/{world.project_a.pk}/updates")
    assert [u["text"] for u in answer.json()] == ["Pubblicato."]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"progress": 101}, "progress"),
        ({"date": "2999-01-01"}, "date"),
        ({"spent": "-1"}, "spent_eur"),
        ({"status": "nonsense"}, "status"),
        ({"text": "x" * 5001}, "text"),
    ],
)
def test_bad_update_is_422_naming_the_field(world, client, change, field):
    answer = post(client, world.project_a, NEW_UPDATE | change, **token(world.contact_a))
    assert answer.status_code == 422, answer.content
    assert field in {issue["loc"][-1] for issue in answer.json()["detail"]}
    assert ProgressUpdate.objects.count() == 0


@pytest.mark.parametrize("who", ["contact_b", "other_staff", "outsider"])
def test_update_on_a_project_not_theirs_is_403(world, client, who):
    answer = post(client, world.project_a, NEW_UPDATE, **token(getattr(world, who)))
    assert answer.status_code == 403
    assert ProgressUpdate.objects.count() == 0


def test_update_without_credentials_is_401_and_unknown_project_404(world, client):
    assert post(client, world.project_a, NEW_UPDATE).status_code == 401
    assert (
        post(
            client, world.project_a.__class__(pk=999999), NEW_UPDATE, **token(world.staff)
        ).status_code
        == 404
    )
    assert ProgressUpdate.objects.count() == 0


def test_plan_progress_is_the_rollup(world, client):
    report(world.project_a, world.staff, progress=80, publish=True)
    body = client.get(f"/api/v1/plans/{world.plan.slug}/progress").json()
    assert body["weighting"] == "budget"
    assert body["plan"]["progress"] == pytest.approx(60)
    assert body["plan"]["by_status"] == {"in_progress": 1, "": 1}
