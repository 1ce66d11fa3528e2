"""The analyses on a plan's data: first and cached answers of the API and the pages (issue #12).

Run: .venv/bin/python benchmarks/analyses/bench_analyses.py [--large-only]

On a fresh SQLite file (or the scratch database of DATABASE_URL), it loads the Turin demo, then
generates a plan of 2,000 projects, 500 actors and 200 objectives with their influences,
positions, contributions, dependencies and roles, and times every analysis through the API and
the two analysis pages with Django's test client: the first answer (cache emptied: the inputs
are read and the analysis runs) and a second one (served from the cache), with their SQL
queries. Library imports are paid once before timing.
"""

import argparse
import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

ANALYSES = [
    "micmac",
    "mactor",
    "mcda?method=weighted_sum",
    "mcda?method=topsis",
    "mcda?method=promethee",
    "smaa",
    "cpm",
    "network",
    "coherence",
]
PAGES = ["micmac", "coherence"]


def setup() -> None:
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}"
    os.environ.setdefault("DEBUG", "true")
    os.environ["DJANGO_SETTINGS_MODULE"] = "ordito.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)


def large_plan(*, projects: int = 2000, actors: int = 500, objectives: int = 200) -> str:
    """A generated plan, written in bulk (its rows are examples; no history is needed)."""
    from ordito.actors.models import Actor
    from ordito.plans.models import (
        ActorInfluence,
        ActorPosition,
        Contribution,
        Dependency,
        Direction,
        MetaObjective,
        Objective,
        ObjectiveInfluence,
        Plan,
        Project,
        ProjectRole,
        ThematicArea,
    )

    plan = Plan.objects.create(
        slug="bench-large", title="Bench", territory="Bench", period_start=2020, period_end=2030
    )
    metas = [
        MetaObjective.objects.create(plan=plan, code=code, title=code, order=n)
        for n, code in enumerate(("COMP", "ATTR", "COES"))
    ]
    area = ThematicArea.objects.create(plan=plan, code="A", title="A")
    direction = Direction.objects.create(plan=plan, area=area, code="D", title="D")
    goals = Objective.objects.bulk_create(
        Objective(plan=plan, direction=direction, code=f"O{n:03d}", title=f"O{n}", order=n)
        for n in range(objectives)
    )
    Objective.meta_objectives.through.objects.bulk_create(
        Objective.meta_objectives.through(objective=goal, metaobjective=metas[n % 3])
        for n, goal in enumerate(goals)
    )
    ObjectiveInfluence.objects.bulk_create(
        ObjectiveInfluence(
            plan=plan, source=goal, target=goals[(n + step) % objectives], strength=1 + step % 3
        )
        for n, goal in enumerate(goals)
        for step in (1, 3, 7, 20)
    )
    people = Actor.objects.bulk_create(
        Actor(key=f"bench-{n:04d}", name=f"Actor {n}", kind="business") for n in range(actors)
    )
    ActorInfluence.objects.bulk_create(
        ActorInfluence(plan=plan, source=a, target=people[(n + s) % actors], strength=1 + s % 4)
        for n, a in enumerate(people)
        for s in (1, 5)
    )
    ActorPosition.objects.bulk_create(
        ActorPosition(actor=a, objective=goals[(n * 7 + s) % objectives], position=(n + s) % 9 - 4)
        for n, a in enumerate(people)
        for s in (0, 1, 2)
    )
    start = datetime.date(2020, 1, 1)
    works = Project.objects.bulk_create(
        Project(
            plan=plan,
            direction=direction,
            code=f"P{n:04d}",
            title=f"P{n}",
            planned_start=start + datetime.timedelta(days=n % 300),
            planned_end=start + datetime.timedelta(days=n % 300 + 60 + n % 90),
            is_example=True,
        )
        for n in range(projects)
    )
    Dependency.objects.bulk_create(
        Dependency(project=work, depends_on=works[n - 1 - n % 7])
        for n, work in enumerate(works)
        if n % 3 == 0 and n > 7
    )
    Contribution.objects.bulk_create(
        Contribution(
            project=work,
            objective=goals[(n + s) % objectives],
            strength=(1 + s) * (-1) ** (n % 11 == 0),
        )
        for n, work in enumerate(works)
        for s in (0, 1)
    )
    ProjectRole.objects.bulk_create(
        ProjectRole(project=work, actor=people[(n * 3 + s) % actors], role=role)
        for n, work in enumerate(works)
        for s, role in ((0, "promoter"), (1, "partner"))
    )
    return plan.slug


def measure(slug: str) -> None:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()

    def timed(url: str) -> tuple[float, int, int]:
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            status = client.get(url).status_code
            elapsed = time.perf_counter() - started
        return elapsed * 1000, len(queries), status

    for analysis in ANALYSES:  # pay the libraries' imports before timing
        cache.clear()
        client.get(f"/api/v1/plans/{slug}/analyses/{analysis}")
    urls = [f"/api/v1/plans/{slug}/analyses/{a}" for a in ANALYSES]
    urls += [f"/en/p/{slug}/analyses/{page}/" for page in PAGES]
    for url in urls:
        cache.clear()
        first_ms, first_queries, status = timed(url)
        cached_ms, cached_queries, _ = timed(url)
        print(
            f"{slug} {url.split(slug)[1]}: first {first_ms:,.0f} ms ({first_queries} queries), "
            f"cached {cached_ms:,.1f} ms ({cached_queries} queries), status {status}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large-only", action="store_true", help="Skip the Turin demo.")
    arguments = parser.parse_args()
    setup()
    if not arguments.large_only:
        from ordito.interop.demo import demo_load

        demo_load()
        measure("torino-2006")
    measure(large_plan())
    return 0


if __name__ == "__main__":
    sys.exit(main())
