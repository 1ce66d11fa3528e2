"""Each rule of `plans.integrity` says the same thing through a service and through the importer.

For every rule, the same bad input is refused twice: by the service, with a ValidationError on the
field at fault, and by the importer's checks, with a problem at the path of that field in the file.
The two messages must be the same text, in English (the importer's language on the command line)
and in Italian (the admin's).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from ordito.actors.models import Actor
from ordito.interop.plan_import import plan_import
from ordito.plans import services
from ordito.plans.models import Objective, Plan, Project
from tests.interop.documents import document, row_counts

pytestmark = pytest.mark.django_db


def plan(slug: str) -> Plan:
    return Plan.objects.get(slug=slug)


def project(code: str) -> Project:
    return Project.objects.get(plan__slug="torino-2006", code=code)


def objective(code: str) -> Objective:
    return Objective.objects.get(plan__slug="torino-2006", code=code)


def with_p03(d: dict[str, Any]) -> None:
    """Add P03 to torino-2006, so that P01 → P02 → P03 (each depends on the next)."""
    projects = d["plans"][1]["projects"]
    projects[1]["dependencies"] = [{"project": "P03"}]
    projects.append({"code": "P03", "title": {"it": "Terzo progetto"}})


def first_plan_after_the_second(d: dict[str, Any]) -> None:
    """Keep only torino-2000 in the file, now following torino-2006, which follows it in the
    database: the loop is only visible through the database's lineage."""
    d["plans"] = d["plans"][:1]
    d["plans"][0]["previous"] = "torino-2006"


def unchanged(d: dict[str, Any]) -> None:
    pass


@dataclass(frozen=True, slots=True)
class Rule:
    service: Callable[[], object]  # calls the service with the bad input; must raise
    field: str  # the field the service names
    change: Callable[[dict[str, Any]], None]  # makes the same bad input in a file
    path: str  # where in the file the importer puts the problem
    english: str
    italian: str
    base: Callable[[dict[str, Any]], None] = unchanged  # the file imported before both attempts


RULES = [
    pytest.param(
        Rule(
            service=lambda: services.plan_save(
                by=None, slug="torino-2000", values={"previous": plan("torino-2000")}
            ),
            field="previous",
            change=lambda d: d["plans"][0].update(previous="torino-2000"),
            path="plans[0].previous",
            english="A plan cannot be its own previous plan.",
            italian="Un piano non può essere il proprio piano precedente.",
        ),
        id="own-previous-plan",
    ),
    pytest.param(
        Rule(
            service=lambda: services.plan_save(
                by=None, slug="torino-2000", values={"previous": plan("torino-2006")}
            ),
            field="previous",
            change=first_plan_after_the_second,
            path="plans[0].previous",
            english="This choice would make the plans' lineage a loop: torino-2000 → torino-2006 → "
            "torino-2000 (each follows the next).",
            italian="Questa scelta renderebbe circolare la successione dei piani: torino-2000 → "
            "torino-2006 → torino-2000 (ciascuno segue il successivo).",
        ),
        id="lineage-loop",
    ),
    pytest.param(
        Rule(
            service=lambda: services.dependency_add(
                by=None, project=project("P01"), depends_on=project("P01")
            ),
            field="depends_on",
            change=lambda d: d["plans"][1]["projects"][0].update(dependencies=[{"project": "P01"}]),
            path="plans[1].projects[0].dependencies[0].project",
            english="A project cannot depend on itself.",
            italian="Un progetto non può dipendere da sé stesso.",
        ),
        id="self-dependency",
    ),
    pytest.param(
        Rule(
            base=with_p03,
            service=lambda: services.dependency_add(
                by=None, project=project("P03"), depends_on=project("P01")
            ),
            field="depends_on",
            change=lambda d: d["plans"][1]["projects"][2].update(dependencies=[{"project": "P01"}]),
            path="plans[1].projects[2].dependencies[0].project",
            english="This dependency would close a cycle: P03 → P01 → P02 → P03 "
            "(each depends on the next).",
            italian="Questa dipendenza chiuderebbe un ciclo: P03 → P01 → P02 → P03 "
            "(ciascuno dipende dal successivo).",
        ),
        id="three-project-cycle",
    ),
    pytest.param(
        Rule(
            service=lambda: services.objective_influence_set(
                by=None,
                plan=plan("torino-2006"),
                source=objective("MOB 1"),
                target=objective("MOB 1"),
                strength=2,
            ),
            field="target",
            change=lambda d: d["plans"][1]["objective_influences"][0].update(target="MOB 1"),
            path="plans[1].objective_influences[0].target",
            english="An objective cannot influence itself.",
            italian="Un obiettivo non può influenzare sé stesso.",
        ),
        id="objective-self-influence",
    ),
    pytest.param(
        Rule(
            service=lambda: services.actor_influence_set(
                by=None,
                plan=plan("torino-2006"),
                source=Actor.objects.get(key="gtt"),
                target=Actor.objects.get(key="gtt"),
                strength=2,
            ),
            field="target",
            change=lambda d: d["plans"][1]["actor_influences"][0].update(
                source="gtt", target="gtt"
            ),
            path="plans[1].actor_influences[0].target",
            english="An actor cannot influence itself.",
            italian="Un attore non può influenzare sé stesso.",
        ),
        id="actor-self-influence",
    ),
]


@pytest.mark.parametrize("language", ["en", "it"])
@pytest.mark.parametrize("rule", RULES)
def test_rule_refused_by_the_service_and_the_importer_with_the_same_message(rule, language):
    base = document()
    rule.base(base)
    assert plan_import(document=base).ok
    before = row_counts()
    bad = document()
    rule.base(bad)
    rule.change(bad)
    expected = {"en": rule.english, "it": rule.italian}[language]

    with translation.override(language):
        with pytest.raises(ValidationError) as caught:
            rule.service()
        report = plan_import(document=bad)
        # A ValidationError keeps lazy messages lazy: they take the language they are read in.
        refused = caught.value.message_dict

    assert refused == {rule.field: [expected]}
    assert [(p.path, p.message) for p in report.problems] == [(rule.path, expected)]
    assert row_counts() == before
