"""Everything invented for the demo says so wherever it shows (issue #8, item 1).

The real Turin demo is loaded, and every public page that shows its rows is walked, in Italian and
English: a link to an area, direction, objective, project or actor flagged as an example must
have the "Example" badge in its own row (the list item, table row, detail, heading, section or
card that holds the link, not one nested in it; breadcrumbs are not rows), and the page of such a row must show the badge in its header, before its
first second-level heading.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from ordito.actors.models import Actor
from ordito.interop.demo import demo_load
from ordito.plans.models import Direction, Objective, Plan, Project, ThematicArea
from tests.web.markup import Element, markup_tree

pytestmark = pytest.mark.django_db

# What holds one row of a list, one fact of a page, or one block about a row.
ROW_TAGS = {"li", "tr", "dd", "p", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6"}


def is_row(element: Element) -> bool:
    return element.tag in ROW_TAGS or "card" in element.classes


def has_badge(elements) -> bool:
    return any("example-badge" in element.classes for element in elements)


def unbadged_example_links(tree: Element, examples: set[str]) -> list[str]:
    """The example links of a page whose row shows no badge."""
    missing = []
    for link in tree.descendants():
        href = link.attrs.get("href", "").split("?")[0].split("#")[0]
        if link.tag != "a" or href not in examples:
            continue
        if any("breadcrumb-item" in a.classes for a in link.ancestors()):
            continue  # the way back up, not a row
        row = next((a for a in link.ancestors() if is_row(a)), None)
        if row is None or not has_badge(row.descendants(stop=is_row)):
            missing.append(href)
    return missing


def header_has_badge(tree: Element) -> bool:
    """A badge before the page's first <h2> (the page's own header)."""
    for element in tree.descendants():
        if element.tag == "h2":
            return False
        if "example-badge" in element.classes:
            return True
    return False


def walk(client, language: str) -> dict[str, list[str]]:
    """Every public page of the demo: each list page by its pages, each row's own page."""
    problems: dict[str, list[str]] = {}
    with translation.override(language):
        plans = list(Plan.objects.all())
        rows = [
            *ThematicArea.objects.select_related("plan"),
            *Direction.objects.select_related("plan"),
            *Objective.objects.select_related("plan"),
            *Project.objects.select_related("plan"),
            *Actor.objects.all(),
        ]
        examples = {row.get_absolute_url() for row in rows if row.is_example}
        pages = ["/" if language == "it" else "/en/"]
        pages += [plan.get_absolute_url() for plan in plans]
        pages += [row.get_absolute_url() for row in rows]
        for plan in plans:
            projects = reverse("plans:project_list", kwargs={"plan_slug": plan.slug})
            pages += [f"{projects}?page={n}" for n in range(1, 5)]
            search = reverse("plans:search", kwargs={"plan_slug": plan.slug})
            pages += [f"{search}?q={word}" for word in ("a", "e", "o")]
        actors = reverse("plans:actor_list")
        pages += [f"{actors}?page={n}" for n in range(1, 4)]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        tree = markup_tree(response.content.decode())
        missing = unbadged_example_links(tree, examples)
        if page in examples and not header_has_badge(tree):
            missing.append("the page's own header")
        if missing:
            problems[page] = missing
    return problems


@pytest.mark.parametrize("language", ["it", "en"])
def test_every_example_row_of_the_demo_shows_its_badge(client, language):
    report = demo_load()
    assert report.ok
    assert Project.objects.filter(is_example=True).exists()
    assert walk(client, language) == {}
