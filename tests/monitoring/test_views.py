"""The monitoring's pages: the dashboard, a project's timeline, the form to report, publishing."""

import pytest
from django.test import Client

from ordito.monitoring.models import ProgressUpdate
from tests.monitoring.conftest import report
from tests.plans.factories import ProjectFactory

DASHBOARD_QUERIES = 6  # the plan, then the roll-up's five (selectors.ROLLUP_QUERIES)
TIMELINE_QUERIES = 3  # for a visitor: the plan, the project, its published updates


def form_data(**values):
    data = {
        "update-date": "2026-01-20",
        "update-status": "in_progress",
        "update-progress": "40",
        "update-text": "Cantiere aperto.",
        "update-next_steps": "",
        "update-problems": "",
        "update-spent_eur": "1200.50",
    }
    data.update({f"update-{k}": v for k, v in values.items()})
    return data


def timeline_url(world, project):
    return f"/p/{world.plan.slug}/monitoring/projects/{project.pk}/"


def test_dashboard_shows_progress_by_area_and_the_rule(world, client):
    update = report(world.project_a, world.staff, progress=80, publish=True)
    response = client.get(f"/p/{world.plan.slug}/monitoring/")
    html = response.content.decode()
    assert response.status_code == 200
    assert str(update.project.direction.area) in html
    assert "80%" in html and "60%" in html  # A's area; the plan: 300·80 / 400
    assert 'id="monitoring-rule"' in html and "budget" in html.lower()


def test_timeline_shows_published_updates_only_escaped(world, client):
    report(world.project_a, world.staff, text="<script>alert(1)</script>", publish=True)
    report(world.project_a, world.contact_a, text="Bozza non pubblicata.")
    html = client.get(timeline_url(world, world.project_a)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert "Bozza non pubblicata." not in html


def test_contact_reports_through_the_form_as_a_draft(world, client):
    client.force_login(world.contact_a)
    response = client.post(timeline_url(world, world.project_a), form_data())
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert (update.author, update.progress, update.is_published) == (world.contact_a, 40, False)


def test_contact_of_another_actor_is_not_found_on_the_project(world, client):
    client.force_login(world.contact_b)
    response = client.post(timeline_url(world, world.project_a), form_data())
    assert response.status_code == 404
    assert ProgressUpdate.objects.count() == 0
    assert "update-text" not in client.get(timeline_url(world, world.project_a)).content.decode()


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"progress": "101"}, "progress"),
        ({"progress": "abc"}, "progress"),
        ({"date": "2999-01-01"}, "date"),
        ({"spent_eur": "-5"}, "spent_eur"),
        ({"text": "x" * 5001}, "text"),
        ({"status": "nonsense"}, "status"),
    ],
)
def test_form_with_bad_input_marks_the_field(world, client, values, field):
    client.force_login(world.contact_a)
    response = client.post(timeline_url(world, world.project_a), form_data(**values))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_update-{field}_error"' in html or "alert-danger" in html
    assert ProgressUpdate.objects.count() == 0


def test_form_without_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.contact_a)
    response = client.post(timeline_url(world, world.project_a), form_data())
    assert response.status_code == 403
    assert ProgressUpdate.objects.count() == 0


def test_staff_publish_a_draft(world, client):
    update = report(world.project_a, world.contact_a, text="Da pubblicare.")
    client.force_login(world.staff)
    url = f"/p/{world.plan.slug}/monitoring/updates/{update.pk}/publish/"
    assert client.post(url, {"version": "1"}).status_code == 302
    assert ProgressUpdate.objects.get().is_published
    assert "Da pubblicare." in client.get(timeline_url(world, world.project_a)).content.decode()


@pytest.mark.parametrize("who", ["contact_a", "other_staff", "outsider"])
def test_publish_by_anyone_but_the_plans_staff_is_not_found(world, client, who):
    update = report(world.project_a, world.contact_a)
    client.force_login(getattr(world, who))
    url = f"/p/{world.plan.slug}/monitoring/updates/{update.pk}/publish/"
    assert client.post(url, {"version": "1"}).status_code == 404
    assert not ProgressUpdate.objects.get().is_published


def test_publish_with_a_stale_version_says_so(world, client, english):
    update = report(world.project_a, world.contact_a)
    client.force_login(world.staff)
    url = f"/en/p/{world.plan.slug}/monitoring/updates/{update.pk}/publish/"
    response = client.post(url, {"version": "7"}, follow=True)
    assert "changed this update meanwhile" in response.content.decode()
    assert not ProgressUpdate.objects.get().is_published


def test_pages_cost_the_same_queries_at_two_sizes(world, client, django_assert_num_queries):
    def grow(count):
        for _ in range(count):
            project = ProjectFactory(direction=world.project_a.direction, budget_eur=5)
            report(project, world.staff, publish=True)
            report(world.project_a, world.staff, publish=True)

    dashboard = f"/p/{world.plan.slug}/monitoring/"
    timeline = timeline_url(world, world.project_a)
    grow(2)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        client.get(dashboard)
    with django_assert_num_queries(TIMELINE_QUERIES):
        client.get(timeline)
    grow(25)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        assert client.get(dashboard).status_code == 200
    with django_assert_num_queries(TIMELINE_QUERIES):
        assert client.get(timeline).content.decode().count('class="card card-bg"') == 27


def test_plan_page_links_to_the_dashboard(world, client):
    html = client.get(f"/p/{world.plan.slug}/").content.decode()
    assert f"/p/{world.plan.slug}/monitoring/" in html
