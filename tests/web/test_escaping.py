"""Hostile text comes out escaped on every page.

Titles of an area, a direction, an objective, a project and an actor's name are set to
`<script>alert(1)</script>` in both languages; every page that shows one of them must show the
escaped text and never the raw tag.
"""

import pytest

from ordito.actors.models import Actor
from ordito.plans.models import Direction, Objective, Project, ThematicArea
from tests.sample_plan import HOSTILE, HOSTILE_ESCAPED

pytestmark = pytest.mark.django_db


@pytest.fixture
def hostile(demo):
    for model, pk in [
        (ThematicArea, demo.area.pk),
        (Direction, demo.direction.pk),
        (Objective, demo.objective.pk),
        (Project, demo.project.pk),
    ]:
        model.objects.filter(pk=pk).update(title_it=HOSTILE, title_en=HOSTILE)
    Actor.objects.filter(pk=demo.actor.pk).update(name=HOSTILE)
    # The latest changes on the home page come from the history: record the hostile title there.
    project = Project.objects.get(pk=demo.project.pk)
    project.save()
    return demo


def pages(demo) -> list[str]:
    slug = demo.plan.slug
    italian = [
        "/",
        f"/p/{slug}/",
        f"/p/{slug}/areas/{demo.area.pk}/",
        f"/p/{slug}/directions/{demo.direction.pk}/",
        f"/p/{slug}/objectives/{demo.objective.pk}/",
        f"/p/{slug}/projects/",
        f"/p/{slug}/projects/{demo.project.pk}/",
        f"/p/{slug}/projects/{demo.untranslated_project.pk}/",  # depends on the hostile project
        f"/p/{slug}/search/?q=script",
        "/actors/",
        f"/actors/{demo.actor.pk}/",
        f"/actors/{demo.example_actor.pk}/",  # funds the hostile project
    ]
    return italian + [f"/en{url}" for url in italian]


def test_hostile_titles_are_escaped_on_every_page(client, hostile):
    for url in pages(hostile):
        html = client.get(url).content.decode()
        assert HOSTILE not in html, url
        assert HOSTILE_ESCAPED in html, url


def test_hostile_query_parameters_are_escaped(client, demo):
    slug = demo.plan.slug
    search = client.get(f"/p/{slug}/search/", {"q": HOSTILE}).content.decode()
    assert HOSTILE not in search
    assert HOSTILE_ESCAPED in search  # in the search box and in "nothing matches …"
    filtered = client.get(f"/p/{slug}/projects/", {"status": HOSTILE}).content.decode()
    assert HOSTILE not in filtered
    assert HOSTILE_ESCAPED in filtered  # in the field's error message
    actors = client.get("/actors/", {"q": HOSTILE, "kind": HOSTILE}).content.decode()
    assert HOSTILE not in actors
    assert HOSTILE_ESCAPED in actors
