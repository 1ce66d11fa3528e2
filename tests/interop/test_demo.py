"""The Turin demo: the real structure of Turin's two strategic plans, loaded twice without change.

The expected figures come from Turin's 2nd Strategic Plan (Torino Internazionale, 2006): four
thematic areas and a transversal one on knowledge, 12 directions, 54 objectives and three
meta-objectives; and from its 1st Strategic Plan (2000), whose 6 strategic lines are its
directions (see /work/shared/data/torino-plans.md and src/ordito/interop/demo/README.md).
"""

from importlib.resources import as_file

import pytest

from ordito.actors.models import Actor
from ordito.interop.demo import DEMO_FILE, demo_load
from ordito.interop.plan_file import plan_file_read
from ordito.plans.models import (
    ActorInfluence,
    ActorPosition,
    Direction,
    Objective,
    ObjectiveInfluence,
    Plan,
    Project,
    ThematicArea,
)
from ordito.territory.models import Municipality
from tests.interop.documents import row_counts

pytestmark = pytest.mark.django_db


def test_demo_load_builds_the_structure_of_turins_plans():
    report = demo_load()

    assert report.ok, report.problems
    assert Municipality.objects.count() == 312
    assert list(Plan.objects.order_by("period_start").values_list("slug", flat=True)) == [
        "torino-2000",
        "torino-2006",
    ]
    second = Plan.objects.get(slug="torino-2006")
    assert second.previous.slug == "torino-2000"
    assert second.areas.count() == 5
    assert second.areas.filter(kind=ThematicArea.Kind.TRANSVERSAL).count() == 1
    assert second.directions.count() == 12
    assert second.objectives.count() == 54
    assert second.meta_objectives.count() == 3
    assert Plan.objects.get(slug="torino-2000").directions.count() == 6


def test_demo_load_twice_changes_nothing():
    demo_load()
    before = row_counts()

    again = demo_load()

    assert again.ok, again.problems
    assert again.totals().created == again.totals().updated == again.totals().deleted == 0
    assert row_counts() == before


def test_demo_load_flags_every_example_the_file_marks():
    demo_load()
    with as_file(DEMO_FILE) as path:
        document = plan_file_read(path)

    expected, found = {}, {}
    for actor in document["actors"]:
        expected[("actor", actor["key"])] = actor.get("is_example", False)
    found |= {("actor", key): flag for key, flag in Actor.objects.values_list("key", "is_example")}
    for plan in document["plans"]:
        slug = plan["slug"]
        for area in plan.get("areas", []):
            expected[("area", slug, area["code"])] = area.get("is_example", False)
            for direction in area.get("directions", []):
                expected[("direction", slug, direction["code"])] = direction.get(
                    "is_example", False
                )
                for objective in direction.get("objectives", []):
                    key = ("objective", slug, objective["code"])
                    expected[key] = objective.get("is_example", False)
        for project in plan.get("projects", []):
            expected[("project", slug, project["code"])] = project.get("is_example", False)
        for cell in plan.get("objective_influences", []):
            key = ("objective influence", slug, cell["source"], cell["target"])
            expected[key] = cell.get("is_example", False)
        for cell in plan.get("actor_influences", []):
            key = ("actor influence", slug, cell["source"], cell["target"])
            expected[key] = cell.get("is_example", False)
        for cell in plan.get("positions", []):
            key = ("position", slug, cell["actor"], cell["objective"])
            expected[key] = cell.get("is_example", False)
    for kind, model in (("area", ThematicArea), ("direction", Direction), ("objective", Objective)):
        rows = model.objects.values_list("plan__slug", "code", "is_example")
        found |= {(kind, slug, code): flag for slug, code, flag in rows}
    rows = Project.objects.values_list("plan__slug", "code", "is_example")
    found |= {("project", slug, code): flag for slug, code, flag in rows}
    rows = ObjectiveInfluence.objects.values_list(
        "plan__slug", "source__code", "target__code", "is_example"
    )
    found |= {("objective influence", *row[:3]): row[3] for row in rows}
    rows = ActorInfluence.objects.values_list(
        "plan__slug", "source__key", "target__key", "is_example"
    )
    found |= {("actor influence", *row[:3]): row[3] for row in rows}
    rows = ActorPosition.objects.values_list(
        "objective__plan__slug", "actor__key", "objective__code", "is_example"
    )
    found |= {("position", *row[:3]): row[3] for row in rows}

    assert any(expected.values()), "the demo marks nothing as an example"
    assert found == expected
