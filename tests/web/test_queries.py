"""Every page costs the same number of SQL queries with 10 projects and with 1,000.

Each page is rendered with the demo plan grown to 10 projects, then again after `grow_plan` has
brought it to 1,000 (with their promoters, partners, contributions and dependencies) and 100
actors; both renderings must cost exactly the page's constant below. The constants are what the selectors need:
for instance the project list is the plan, the filter form's four choice lists, the count, the
page of rows and their promoters.

They measure the uncached cost: the cache is emptied before each test (conftest.py) and again
before the second rendering (`grow_plan` writes in bulk, around the services, so it does not raise
the plan's content version). What a second
rendering of the same content costs, served from the cache, is `WARM_QUERIES`.
"""

import re

import pytest
from django.core.cache import cache

from ordito.plans.models import Contribution, Project, ProjectRole
from tests.sample_plan import grow_plan
from tests.web.conftest import markup_without_csrf_token

pytestmark = pytest.mark.django_db

QUERIES = {
    # plan in force, areas, directions, objectives, their meta-objectives, counts,
    # latest changes, the plan's meta-objectives, the process panel's approved motions
    "home": 9,
    # the same, with the plan found by its slug instead of as the plan in force
    "plan": 9,
    # plan, area, directions, objectives, their meta-objectives
    "area": 5,
    # plan, direction with its area, objectives with their project counts
    "direction": 3,
    # plan, objective with direction and area, meta-objectives, count of its contributions,
    # the page of contributions with their projects
    "objective": 5,
    # plan, areas, directions, municipalities, promoters, count, rows, promoters of the rows
    "project_list": 8,
    # the same for the rows htmx swaps in place
    "project_rows": 8,
    # plan, the project's row, then for the cached part: the project with its links,
    # contributions, dependencies, roles
    "project": 6,
    # plan, directions, objectives, projects
    "search": 4,
    # count, rows (with municipality and project counts)
    "actor_list": 2,
    # actor with municipality, count of its roles, the page of roles with projects and plans
    "actor": 3,
}

WARM_QUERIES = {
    # the plan in force; counts, parts and latest changes come from the cache
    "home": 1,
    # the plan and the count (it settles the page number); the choices and the rows are cached
    "project_list": 2,
    # the plan and the project's row; its links are cached
    "project": 2,
}


def address(demo, page: str) -> tuple[str, dict[str, str]]:
    slug = demo.plan.slug
    rows_only = {"HX-Request": "true"}
    return {
        "home": ("/", {}),
        "plan": (f"/en/p/{slug}/", {}),
        "area": (f"/p/{slug}/areas/{demo.area.pk}/", {}),
        "direction": (f"/p/{slug}/directions/{demo.direction.pk}/", {}),
        "objective": (f"/p/{slug}/objectives/{demo.objective.pk}/", {}),
        "project_list": (f"/p/{slug}/projects/?status=planned&sort=-budget&page=2", {}),
        "project_rows": (f"/p/{slug}/projects/?direction={demo.direction.pk}", rows_only),
        "project": (f"/p/{slug}/projects/{demo.project.pk}/", {}),
        "search": (f"/p/{slug}/search/?q=progetto", {}),
        "actor_list": ("/actors/?page=3", {}),
        "actor": (f"/actors/{demo.actor.pk}/", {}),
    }[page]


SMALL, LARGE = 10, 1000


def plan_size(demo) -> int:
    return Project.objects.filter(plan=demo.plan).count()


@pytest.mark.parametrize("page", QUERIES)
def test_page_costs_a_constant_number_of_queries(client, demo, django_assert_num_queries, page):
    url, headers = address(demo, page)
    grow_plan(demo, projects=SMALL - plan_size(demo), actors=10)
    assert plan_size(demo) == SMALL
    with django_assert_num_queries(QUERIES[page]):
        small = client.get(url, headers=headers)
    assert small.status_code == 200
    grow_plan(demo, projects=LARGE - SMALL, actors=90)
    assert plan_size(demo) == LARGE
    cache.clear()
    with django_assert_num_queries(QUERIES[page]):
        large = client.get(url, headers=headers)
    assert large.status_code == 200
    # The large plan did reach the page (the counts would be equal if it had not).
    assert large.content != small.content


@pytest.mark.parametrize("page", WARM_QUERIES)
def test_page_served_again_costs_fewer_queries(client, demo, django_assert_num_queries, page):
    url, headers = address(demo, page)
    with django_assert_num_queries(QUERIES[page]):
        first = client.get(url, headers=headers)
    with django_assert_num_queries(WARM_QUERIES[page]):
        again = client.get(url, headers=headers)
    assert markup_without_csrf_token(again) == markup_without_csrf_token(first)
    # The saving is the cache's: without it, the same page costs the full count again.
    cache.clear()
    with django_assert_num_queries(QUERIES[page]):
        cold = client.get(url, headers=headers)
    assert markup_without_csrf_token(cold) == markup_without_csrf_token(first)


def relate_projects(demo, total: int) -> None:
    """Bring the demo objective's contributing projects, and the demo actor's roles, to `total`
    each, with new projects added in bulk (so the content version stays, as with `grow_plan`)."""
    have_contributions = Contribution.objects.filter(objective=demo.objective).count()
    have_roles = ProjectRole.objects.filter(actor=demo.actor).count()
    first = Project.objects.filter(code__startswith="R").count()
    new = Project.objects.bulk_create(
        Project(
            plan=demo.plan,
            code=f"R{first + n:05d}",
            title_it=f"Progetto collegato {first + n}",
            title_en=f"Linked project {first + n}",
            direction=demo.direction,
        )
        for n in range(total - min(have_contributions, have_roles))
    )
    Contribution.objects.bulk_create(
        Contribution(project=project, objective=demo.objective, strength=1 + n % 3)
        for n, project in enumerate(new[: total - have_contributions])
    )
    ProjectRole.objects.bulk_create(
        ProjectRole(actor=demo.actor, project=project, role=ProjectRole.Role.PARTNER)
        for project in new[: total - have_roles]
    )


def project_links(response) -> list[str]:
    """The codes of the projects a page links to, in order."""
    return re.findall(r'href="(?:/en)?/p/[^/]+/projects/\d+/">(\S+) ', response.content.decode())


@pytest.mark.parametrize("number", [1, 2])
@pytest.mark.parametrize("page", ["objective", "actor"])
def test_paged_projects_cost_the_same_with_10_and_1000_related(
    client, demo, django_assert_num_queries, page, number
):
    url = f"{address(demo, page)[0]}?page={number}"
    relate_projects(demo, 10)
    with django_assert_num_queries(QUERIES[page]):
        small = client.get(url)
    relate_projects(demo, 1000)
    with django_assert_num_queries(QUERIES[page]):
        large = client.get(url)
    # Ten rows fit one page (page 2 falls back to it); a thousand fill pages of 25.
    assert len(project_links(small)) == 10
    assert len(project_links(large)) == 25
    assert f'aria-current="page" href="?page={number}#projects"' in large.content.decode()
