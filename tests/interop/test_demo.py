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
from ordito.interop.plan_export import plan_export
from ordito.interop.plan_file import plan_file_read
from ordito.interop.plan_import import plan_import
from ordito.plans.models import (
    ActorInfluence,
    ActorPosition,
    Contribution,
    Dependency,
    Direction,
    Objective,
    ObjectiveInfluence,
    Plan,
    Project,
    ProjectRole,
    ThematicArea,
)
from ordito.territory.models import Municipality
from tests.interop.documents import row_counts

pytestmark = pytest.mark.django_db

# The projects and events of the 2nd plan that the sources name (demo/README.md, "What is
# invented"; data file §3.3): Torino–Lione, SFM, Passante, Caselle, corso Marche, tangenziale est,
# metro line 1, Spina Centrale, Mirafiori's metamorphosis, Cittadella Politecnica, the Piano
# Regolatore Sociale, Lingotto with the Oval, the Universiade 2007, World Design Capital 2008, the
# UIA congress 2008, Italia 150 and the Mirafiori technology park.
SOURCE_NAMED = {
    "MOB-01", "MOB-02", "MOB-03", "MOB-04", "MOB-05", "MOB-06", "MOB-07", "TRU-01", "TRU-02",
    "TRU-03", "HEC-01", "PRO-01", "PRO-02", "PRO-03", "PRO-04", "PRO-05", "IND-01",
}  # fmt: skip
# What the sources say of them beyond the project itself: the objective of two of them (MOB 1,
# PRO 3) and the bodies of two (the City and Torino Convention Bureau for the Lingotto, the City
# for its own Piano Regolatore Sociale).
SOURCED_CONTRIBUTIONS = {("MOB-01", "MOB 1"), ("PRO-01", "PRO 3")}
SOURCED_ROLES = {
    ("PRO-01", "comune-torino", "promoter"),
    ("PRO-01", "torino-convention-bureau", "partner"),
    ("HEC-01", "comune-torino", "promoter"),
}
# The values a demo may invent for a real project; each one it holds must be listed.
INVENTED_VALUES = (
    "status", "municipality", "latitude", "longitude", "budget_eur", "planned_start",
    "planned_end", "actual_start", "actual_end", "carried_over_from",
)  # fmt: skip


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


def test_demo_load_keeps_the_projects_the_sources_name_as_facts_with_invented_values():
    demo_load()
    second = Project.objects.filter(plan__slug="torino-2006")
    real = {project.code: project for project in second.filter(is_example=False)}
    links = {"project__plan__slug": "torino-2006", "project__code__in": SOURCE_NAMED}

    assert real.keys() == SOURCE_NAMED
    assert second.filter(is_example=True).count() == 49
    unlisted = {
        (code, name)
        for code, project in real.items()
        for name in INVENTED_VALUES
        if getattr(project, name) is not None and name not in project.example_fields
    }
    assert unlisted == set(), "invented values passed off as facts"
    facts = Contribution.objects.filter(**links, is_example=False)
    assert set(facts.values_list("project__code", "objective__code")) == SOURCED_CONTRIBUTIONS
    facts = ProjectRole.objects.filter(**links, is_example=False)
    assert set(facts.values_list("project__code", "actor__key", "role")) == SOURCED_ROLES
    assert Dependency.objects.filter(**links).exists()
    assert not Dependency.objects.filter(**links, is_example=False).exists()


def test_demo_export_gives_back_the_same_data():
    demo_load()
    before = row_counts()

    for plan in Plan.objects.select_related("previous").order_by("period_start"):
        report = plan_import(document=plan_export(plan=plan))

        assert report.ok, report.problems
        assert report.totals().created == report.totals().updated == 0
        assert report.totals().deleted == 0
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
            code = project["code"]
            expected[("project", slug, code)] = project.get("is_example", False)
            expected[("invented facts", slug, code)] = project.get("example_fields", [])
            for link in project.get("contributions", []):
                key = ("contribution", slug, code, link["objective"])
                expected[key] = link.get("is_example", False)
            for link in project.get("dependencies", []):
                key = ("dependency", slug, code, link["project"])
                expected[key] = link.get("is_example", False)
            for link in project.get("roles", []):
                key = ("role", slug, code, link["actor"], link["role"])
                expected[key] = link.get("is_example", False)
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
    rows = Project.objects.values_list("plan__slug", "code", "is_example", "example_fields")
    found |= {("project", slug, code): flag for slug, code, flag, _ in rows}
    found |= {("invented facts", slug, code): names for slug, code, _, names in rows}
    for kind, model, end in (
        ("contribution", Contribution, "objective__code"),
        ("dependency", Dependency, "depends_on__code"),
    ):
        rows = model.objects.values_list("project__plan__slug", "project__code", end, "is_example")
        found |= {(kind, *row[:3]): row[3] for row in rows}
    rows = ProjectRole.objects.values_list(
        "project__plan__slug", "project__code", "actor__key", "role", "is_example"
    )
    found |= {("role", *row[:4]): row[4] for row in rows}
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
