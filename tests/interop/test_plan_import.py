"""Importing `ordito-plan` documents: all or nothing, every problem with its path, idempotent."""

import datetime
import json
from decimal import Decimal

import pytest
from django.utils import translation

from ordito.interop import plan_import as plan_import_module
from ordito.interop.plan_file import MAX_FILE_BYTES
from ordito.interop.plan_import import plan_import, plan_import_file
from ordito.plans.models import (
    ActorInfluence,
    Contribution,
    Dependency,
    ObjectiveInfluence,
    Plan,
    Project,
    ProjectRole,
)
from ordito.plans.services import plan_save
from tests.interop.documents import DOCUMENT_COUNTS, document, row_counts

pytestmark = pytest.mark.django_db


def created(report) -> dict[str, int]:
    return {kind: counts.created for kind, counts in report.counts.items()}


def problems(report) -> list[tuple[str, str]]:
    return [(problem.path, problem.message) for problem in report.problems]


def test_plan_import_valid_document_creates_every_record():
    report = plan_import(document=document())

    assert report.ok, report.problems
    assert created(report) == DOCUMENT_COUNTS
    metro = Project.objects.select_related("plan", "direction", "municipality").get(code="P01")
    assert (metro.plan.slug, metro.direction.code, metro.municipality.name) == (
        "torino-2006",
        "MOB",
        "Torino",
    )
    assert (metro.title_it, metro.title_en) == ("Linea 2 della metropolitana", "Metro line 2")
    assert metro.budget_eur == Decimal("12500000.00")
    assert (metro.latitude, metro.longitude) == (Decimal("45.0703"), Decimal("7.6869"))
    assert metro.planned_start == datetime.date(2007, 1, 1)
    assert metro.carried_over_from.plan.slug == "torino-2000"
    assert metro.is_example
    assert Dependency.objects.get(project=metro).lag_days == 30
    assert set(metro.roles.values_list("actor__key", "role")) == {
        ("comune-torino", "promoter"),
        ("gtt", "partner"),
    }
    potential = ObjectiveInfluence.objects.get(source__code="MOB 2")
    assert (potential.strength, potential.is_potential) == (0, True)
    plan = Plan.objects.get(slug="torino-2006")
    assert plan.previous.slug == "torino-2000"
    assert list(plan.objectives.order_by("order").values_list("code", flat=True)) == [
        "MOB 1",
        "MOB 2",
    ]


def test_plan_import_same_document_twice_changes_nothing():
    plan_import(document=document())
    before = row_counts()

    again = plan_import(document=document())

    assert again.ok
    assert {kind: counts.unchanged for kind, counts in again.counts.items()} == DOCUMENT_COUNTS
    assert again.totals().created == again.totals().updated == again.totals().deleted == 0
    assert row_counts() == before


def test_plan_import_changed_title_updates_that_project_only():
    plan_import(document=document())
    changed = document()
    changed["plans"][1]["projects"][1]["title"]["en"] = "Rail link"

    report = plan_import(document=changed)

    assert report.counts["projects"].updated == 1
    assert report.totals().updated == 1
    assert Project.objects.get(code="P02").title_en == "Rail link"


def test_plan_import_stores_the_invented_facts_and_links():
    report = plan_import(document=document())

    assert report.ok, report.problems
    rail = Project.objects.get(code="P02")
    assert (rail.is_example, rail.example_fields) == (False, ["status", "budget_eur"])
    assert set(ProjectRole.objects.values_list("project__code", "actor__key", "is_example")) == {
        ("P01", "comune-torino", False),
        ("P01", "gtt", False),
        ("P02", "gtt", True),
    }
    assert set(Contribution.objects.values_list("project__code", "is_example")) == {
        ("P01", False),
        ("P02", True),
    }
    assert not Dependency.objects.get().is_example


def test_plan_import_changed_example_flags_update_those_rows_only():
    plan_import(document=document())
    changed = document()
    rail = changed["plans"][1]["projects"][1]
    rail["example_fields"] = ["budget_eur"]
    rail["roles"][0]["is_example"] = False
    changed["plans"][1]["projects"][0]["dependencies"][0]["is_example"] = True

    report = plan_import(document=changed)

    updated = {kind: counts.updated for kind, counts in report.counts.items() if counts.updated}
    assert updated == {"projects": 1, "roles": 1, "dependencies": 1}
    assert Project.objects.get(code="P02").example_fields == ["budget_eur"]
    assert not ProjectRole.objects.get(project__code="P02").is_example
    assert Dependency.objects.get().is_example


def test_plan_import_replaces_the_links_of_the_projects_it_lists():
    plan_import(document=document())
    plan = Plan.objects.get(slug="torino-2006")
    extra = Project.objects.create(plan=plan, code="X99", title_it="Non nel file")
    Dependency.objects.create(project=extra, depends_on=Project.objects.get(code="P01"))
    smaller = document()
    metro = smaller["plans"][1]["projects"][0]
    metro["contributions"] = [{"objective": "MOB 2", "strength": -1}]
    metro["dependencies"] = []
    metro["roles"] = [{"actor": "gtt", "role": "promoter"}]
    smaller["plans"][1]["actor_influences"] = []

    report = plan_import(document=smaller)

    assert report.ok
    deleted = {kind: counts.deleted for kind, counts in report.counts.items() if counts.deleted}
    assert deleted == {"contributions": 1, "dependencies": 1, "roles": 2}
    metro_links = {"project__code": "P01"}
    assert list(
        Contribution.objects.filter(**metro_links).values_list("objective__code", "strength")
    ) == [("MOB 2", -1)]
    assert list(ProjectRole.objects.filter(**metro_links).values_list("actor__key", "role")) == [
        ("gtt", "promoter")
    ]
    # The file is the truth for the projects it lists, not for the rest of the database: the
    # project it does not list keeps its dependency, and a matrix keeps the cells it omits.
    assert list(Dependency.objects.values_list("project__code", "depends_on__code")) == [
        ("X99", "P01")
    ]
    assert ActorInfluence.objects.count() == 1


def test_plan_import_reversed_dependency_is_accepted():
    plan_import(document=document())
    reversed_ = document()
    projects = reversed_["plans"][1]["projects"]
    projects[0]["dependencies"] = []
    projects[1]["dependencies"] = [{"project": "P01"}]

    report = plan_import(document=reversed_)

    assert report.ok, report.problems
    assert list(
        Dependency.objects.values_list("project__code", "depends_on__code", "lag_days")
    ) == [("P02", "P01", 0)]


def test_plan_import_dry_run_counts_everything_and_writes_nothing():
    before = row_counts()

    report = plan_import(document=document(), dry_run=True)

    assert report.ok and report.dry_run
    assert created(report) == DOCUMENT_COUNTS
    assert "dry run" in report.summary()
    assert row_counts() == before


def test_plan_import_refused_by_a_service_rolls_everything_back(monkeypatch):
    # The file adds torino-2006 after torino-1990, which is in the database. Between the checks
    # and the writing, someone else creates torino-2006 and makes torino-1990 follow it: the
    # checks could not foresee that, and plan_save refuses the loop in the plans' lineage.
    plan_values = {"title_it": "P", "territory_it": "T", "period_start": 1990, "period_end": 1999}
    plan_save(by=None, slug="torino-1990", values=plan_values)
    file = document()
    file["plans"] = file["plans"][1:]
    file["plans"][0]["previous"] = "torino-1990"
    del file["plans"][0]["projects"][0]["carried_over_from"]
    check = plan_import_module.document_read
    after_the_edit = {}

    def check_then_edit_concurrently(*args, **kwargs):
        checked = check(*args, **kwargs)
        newer, _ = plan_save(by=None, slug="torino-2006", values=plan_values)
        plan_save(by=None, slug="torino-1990", values={"previous": newer})
        after_the_edit.update(row_counts())
        return checked

    monkeypatch.setattr(plan_import_module, "document_read", check_then_edit_concurrently)
    with translation.override("en"):
        report = plan_import(document=file)

    assert problems(report) == [
        (
            "plans[0].previous",
            "This choice would make the plans' lineage a loop: torino-2006 → torino-1990 → "
            "torino-2006 (each follows the next).",
        )
    ]
    assert report.totals().created == 0
    # The actors, written before the plan was refused, are gone again with everything else.
    assert row_counts() == after_the_edit


BAD_DOCUMENTS = [
    pytest.param(
        lambda d: d.update(format="ordito-plans"),
        "format",
        'expected "ordito-plan", found "ordito-plans"',
        id="wrong-format",
    ),
    pytest.param(
        lambda d: d.update(version=2),
        "version",
        "this importer reads version 1, found 2",
        id="wrong-version",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][0].pop("title"),
        "plans[1].projects[0].title",
        "this field is required",
        id="missing-required-field",
    ),
    pytest.param(
        lambda d: d["plans"][1].update(status="aproved"),
        "plans[1].status",
        '"aproved" is not one of: draft, consultation, approved, implementation, closed',
        id="unknown-enum",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][0]["contributions"][0].update(strength=5),
        "plans[1].projects[0].contributions[0].strength",
        "expected an integer from -3 to 3 other than 0, found 5",
        id="strength-out-of-range",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][0]["contributions"][0].update(strength=0),
        "plans[1].projects[0].contributions[0].strength",
        "expected an integer from -3 to 3 other than 0, found 0",
        id="strength-zero",
    ),
    pytest.param(
        lambda d: d["plans"][1]["objective_influences"][0].update(strength="Q"),
        "plans[1].objective_influences[0].strength",
        'expected an integer from 0 to 3 or "P", found "Q"',
        id="influence-not-a-strength",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][1].update(code="P01"),
        "plans[1].projects[1].code",
        'another project of plan torino-2006 has code "P01" (plans[1].projects[0])',
        id="duplicate-code",
    ),
    pytest.param(
        lambda d: d["actors"][1].update(key="comune-torino"),
        "actors[1].key",
        'another actor has key "comune-torino" (actors[0])',
        id="duplicate-key",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][0]["contributions"][0].update(objective="MOB 9"),
        "plans[1].projects[0].contributions[0].objective",
        'no objective "MOB 9" in plan torino-2006',
        id="dangling-reference",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][0]["contributions"][0].update(objective="1.1"),
        "plans[1].projects[0].contributions[0].objective",
        'no objective "1.1" in plan torino-2006 (plan torino-2000 has one, but a plan\'s links '
        "stay inside the plan)",
        id="cross-plan-reference",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][0]["roles"][0].update(actor="regione"),
        "plans[1].projects[0].roles[0].actor",
        'no actor "regione" in this file or in the database',
        id="unknown-actor",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][1].update(dependencies=[{"project": "P01"}]),
        "plans[1].projects[1].dependencies[0].project",
        "This dependency would close a cycle: P02 → P01 → P02 (each depends on the next).",
        id="dependency-cycle",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][1].update(dependencies=[{"project": "P02"}]),
        "plans[1].projects[1].dependencies[0].project",
        "A project cannot depend on itself.",
        id="self-dependency",
    ),
    pytest.param(
        lambda d: d["plans"].reverse(),
        "plans[0].previous",
        "plan torino-2000 comes later in this file: list it before this plan",
        id="previous-after",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][0]["carried_over_from"].update(code="9.9.9"),
        "plans[1].projects[0].carried_over_from.code",
        'no project "9.9.9" in plan torino-2000',
        id="unknown-lineage",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][0].update(stauts="completed"),
        "plans[1].projects[0].stauts",
        "unknown field",
        id="unknown-field",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][0].update(planned_end="2006-12-31"),
        "plans[1].projects[0].planned_end",
        "planned_end (2006-12-31) comes before planned_start (2007-01-01)",
        id="dates-reversed",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][0].update(budget_eur="12.345"),
        "plans[1].projects[0].budget_eur",
        "expected an amount of at least 0 with at most 2 decimals and 12 digits before the "
        'point, as a string such as "12500000.00", found "12.345"',
        id="budget-three-decimals",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][0].update(municipality="099999"),
        "plans[1].projects[0].municipality",
        'no municipality with ISTAT code "099999"',
        id="unknown-municipality",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][0].update(title={"it": "x" * 1024 * 1024}),
        "plans[1].projects[0].title.it",
        "at most 300 characters, found 1048576",
        id="one-megabyte-title",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][1].update(example_fields=["status", "budget"]),
        "plans[1].projects[1].example_fields[1]",
        '"budget" is not a field of a project whose value can be marked as an example; use '
        "kind, description, status, municipality, latitude, longitude, budget_eur, "
        "planned_start, planned_end, actual_start, actual_end, carried_over_from.",
        id="example-fields-unknown-name",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][1].update(example_fields=["status", "status"]),
        "plans[1].projects[1].example_fields[1]",
        '"status" is listed twice.',
        id="example-fields-duplicate",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][1].update(example_fields="status"),
        "plans[1].projects[1].example_fields",
        'expected a list, found "status"',
        id="example-fields-not-a-list",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][1].update(example_fields=[None]),
        "plans[1].projects[1].example_fields[0]",
        "null is not a field of a project whose value can be marked as an example; use "
        "kind, description, status, municipality, latitude, longitude, budget_eur, "
        "planned_start, planned_end, actual_start, actual_end, carried_over_from.",
        id="example-fields-missing-name",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][1].update(example_fields=["x" * 1024 * 1024]),
        "plans[1].projects[1].example_fields[0]",
        f'"{"x" * 40}…" is not a field of a project whose value can be marked as an example; '
        "use kind, description, status, municipality, latitude, longitude, budget_eur, "
        "planned_start, planned_end, actual_start, actual_end, carried_over_from.",
        id="example-fields-one-megabyte-name",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][1].update(example_fields=[{"$where": "1"}]),
        "plans[1].projects[1].example_fields[0]",
        '{"$where": "1"} is not a field of a project whose value can be marked as an example; '
        "use kind, description, status, municipality, latitude, longitude, budget_eur, "
        "planned_start, planned_end, actual_start, actual_end, carried_over_from.",
        id="example-fields-hostile-mapping",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][1].update(example_fields=["code"]),
        "plans[1].projects[1].example_fields[0]",
        '"code" is not a field of a project whose value can be marked as an example; use '
        "kind, description, status, municipality, latitude, longitude, budget_eur, "
        "planned_start, planned_end, actual_start, actual_end, carried_over_from.",
        id="example-fields-identity",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][1]["roles"][0].update(is_example="yes"),
        "plans[1].projects[1].roles[0].is_example",
        'expected true or false, found "yes"',
        id="role-is-example-not-boolean",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][1]["contributions"][0].update(is_example=1),
        "plans[1].projects[1].contributions[0].is_example",
        "expected true or false, found 1",
        id="contribution-is-example-not-boolean",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][0]["dependencies"][0].update(is_example=[True]),
        "plans[1].projects[0].dependencies[0].is_example",
        "expected true or false, found a list",
        id="dependency-is-example-not-boolean",
    ),
    pytest.param(
        lambda d: d["plans"][1]["projects"][0]["dependencies"][0].update(example=True),
        "plans[1].projects[0].dependencies[0].example",
        "unknown field",
        id="dependency-misspelt-flag",
    ),
    pytest.param(
        lambda d: d["plans"][1].update(slug="Torino 2006"),
        "plans[1].slug",
        "expected lowercase letters, digits and single hyphens, at most 60 characters (such as "
        'torino-2006), found "Torino 2006"',
        id="bad-slug",
    ),
]


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(("change", "path", "message"), BAD_DOCUMENTS)
def test_plan_import_bad_document_is_refused_with_its_path(change, path, message):
    plan_import(document=document())
    before = row_counts()
    bad = document()
    change(bad)

    report = plan_import(document=bad)

    assert (path, message) in problems(report), problems(report)
    assert row_counts() == before


def test_plan_import_reports_every_problem_before_writing():
    bad = document()
    bad["actors"][0]["kind"] = "city"
    bad["plans"][1]["projects"][0]["contributions"][0]["objective"] = "MOB 9"
    bad["plans"][1]["positions"][0]["position"] = 7

    report = plan_import(document=bad)

    assert [path for path, _ in problems(report)] == [
        "actors[0].kind",
        "plans[1].positions[0].position",
        "plans[1].projects[0].contributions[0].objective",
    ]
    assert row_counts() == dict.fromkeys(row_counts(), 0)


def test_plan_import_script_title_is_stored_as_text():
    hostile = document()
    hostile["plans"][1]["projects"][1]["title"]["it"] = "<script>alert('x')</script>"

    assert plan_import(document=hostile).ok
    assert Project.objects.get(code="P02").title_it == "<script>alert('x')</script>"


def test_plan_import_file_yaml_and_json_give_the_same_rows(tmp_path):
    json_file = tmp_path / "plan.json"
    json_file.write_text(json.dumps(document()), encoding="utf-8")
    plan_import_file(path=json_file)
    before = row_counts()
    yaml_file = tmp_path / "plan.yaml"
    yaml_file.write_text(yaml_of(document()), encoding="utf-8")

    report = plan_import_file(path=yaml_file)

    assert report.totals().unchanged == sum(DOCUMENT_COUNTS.values())
    assert row_counts() == before


def yaml_of(data) -> str:
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


BAD_FILES = [
    pytest.param(
        "plan.json",
        b'{"format": "ordito-plan",\n "version": 1,, }',
        "line 2, column 15",
        "not valid JSON: Expecting property name enclosed in double quotes",
        id="invalid-json",
    ),
    pytest.param(
        "plan.yaml",
        b"format: ordito-plan\nplans: [unclosed\n",
        "line 3, column 1",
        # libyaml's wording; the pure-Python parser says "expected ',' or ']'" after it.
        "not valid YAML: while parsing a flow sequence",
        id="invalid-yaml",
    ),
    pytest.param(
        "plan.yaml",
        "format: ordito-plan\ntitle: Città\n".encode("latin-1"),
        "",
        "the file is not UTF-8 text: byte 0xe0 at offset 31 cannot be decoded",
        id="invalid-utf8",
    ),
    pytest.param(
        "plan.yaml",
        b"format: ordito-plan\nversion: 1\na: &a [1, 2]\nb: [*a, *a]\n",
        "",
        "the file uses YAML aliases (*name); write each record out in full",
        id="yaml-alias",
    ),
    pytest.param(
        "plan.json",
        b"[" * 100_000 + b"]" * 100_000,
        "",
        "the file nests lists or mappings too deeply",
        id="deep-nesting",
    ),
    pytest.param(
        "plan.json",
        b'{"format": "ordito-plan", "version": NaN}',
        "",
        "not valid JSON: NaN is not a JSON number",
        id="json-nan",
    ),
]


@pytest.mark.parametrize(("name", "content", "path", "message"), BAD_FILES)
def test_plan_import_file_unreadable_is_refused(tmp_path, name, content, path, message):
    file = tmp_path / name
    file.write_bytes(content)

    report = plan_import_file(path=file)

    [(found_path, found_message)] = problems(report)
    assert found_path == path
    assert found_message.startswith(message)
    assert row_counts() == dict.fromkeys(row_counts(), 0)


def test_plan_import_file_over_50_mib_is_refused_before_reading(tmp_path, monkeypatch):
    file = tmp_path / "huge.json"
    with file.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: no 50 MiB written to the disk

    def refuse(*args, **kwargs):
        raise AssertionError("the oversized file was read")

    monkeypatch.setattr(type(file), "open", refuse)
    report = plan_import_file(path=file)

    assert problems(report) == [("", "the file is larger than 50 MiB, the most an import reads")]


def test_plan_import_file_missing_is_named(tmp_path):
    report = plan_import_file(path=tmp_path / "nowhere.json")

    assert problems(report) == [("", "no such file")]


def grown(projects: int) -> dict:
    """DOCUMENT with `projects` more projects, each with a contribution, a role and a dependency."""
    bigger = document()
    plan = bigger["plans"][1]
    for number in range(projects):
        plan["projects"].append(
            {
                "code": f"G{number:04d}",
                "title": {"it": f"Progetto {number}", "en": f"Project {number}"},
                "direction": "MOB",
                "municipality": "001272",
                "contributions": [{"objective": "MOB 2", "strength": 1}],
                "dependencies": [{"project": "P01", "lag_days": number}],
                "roles": [{"actor": "gtt", "role": "implementer"}],
            }
        )
    return bigger


# Checking: the municipalities and the plans' lineage. Writing: a savepoint and its release; the
# municipalities, actors and plans named; then, for each of the 2 plans, the rows it holds: 5
# kinds of parts, the objectives' meta-objectives, 3 kinds of links and 3 matrices.
REIMPORT_QUERIES = 2 + 2 + 3 + 2 * 12


@pytest.mark.parametrize("projects", [2, 60])
def test_plan_import_unchanged_document_costs_a_constant_number_of_queries(
    projects, django_assert_num_queries
):
    plan_import(document=grown(projects))

    with django_assert_num_queries(REIMPORT_QUERIES):
        report = plan_import(document=grown(projects))

    assert report.totals().unchanged == sum(DOCUMENT_COUNTS.values()) + 4 * projects


def test_plan_import_names_an_actor_already_in_the_database():
    plan_import(document=document())
    only_plan = document()
    del only_plan["actors"][1]
    only_plan["plans"] = only_plan["plans"][1:]
    del only_plan["plans"][0]["previous"]
    del only_plan["plans"][0]["projects"][0]["carried_over_from"]

    report = plan_import(document=only_plan)

    assert report.ok, report.problems
    assert ProjectRole.objects.filter(actor__key="gtt").count() == 2
