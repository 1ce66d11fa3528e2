"""Generate a large plan for the load benchmark: 5,000 projects and 1,000 actors.

Usage (the database comes from DATABASE_URL, like the site):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ordito_bench \
        .venv/bin/python benchmarks/web/generate.py --projects 5000 --actors 1000

The data is written with bulk_create for speed (this is a measuring tool, not an app: it does not
go through the services). It is seeded, so two runs build the same plan.
"""

import argparse
import os
import random
import time
from datetime import date, timedelta
from decimal import Decimal

STATUSES = ["proposed", "planned", "in_progress", "partly_done", "completed", "modified"]
KINDS = [
    "public_institution", "municipality", "university", "company", "business_association",
    "trade_union", "bank_foundation", "third_sector", "cultural_institution", "citizens_group",
]  # fmt: skip
ROLES = ["promoter", "partner", "funder", "implementer"]


def generate(*, projects: int, actors: int, seed: int) -> None:
    from django.db import transaction

    from ordito.actors.models import Actor
    from ordito.plans.models import (
        Contribution,
        Direction,
        Objective,
        Plan,
        Project,
        ProjectRole,
        ThematicArea,
    )
    from ordito.territory.models import Municipality
    from ordito.territory.services import municipalities_load_istat

    rng = random.Random(seed)
    municipalities_load_istat()
    places = list(Municipality.objects.all())
    with transaction.atomic():
        Plan.objects.filter(slug="bench").delete()
        plan = Plan.objects.create(
            slug="bench",
            title_it="Piano di prova",
            title_en="Benchmark plan",
            territory_it="Area metropolitana di Torino",
            period_start=2026,
            period_end=2035,
            vision_it="Una visione per misurare.",
            status=Plan.Status.IMPLEMENTATION,
        )
        areas = ThematicArea.objects.bulk_create(
            ThematicArea(plan=plan, code=f"A{i}", title_it=f"Area {i}", order=i) for i in range(5)
        )
        directions = Direction.objects.bulk_create(
            Direction(
                plan=plan, area=areas[i % 5], code=f"D{i}", title_it=f"Direzione {i}", order=i
            )
            for i in range(12)
        )
        objectives = Objective.objects.bulk_create(
            Objective(
                plan=plan,
                direction=directions[i % 12],
                code=f"O{i}",
                title_it=f"Obiettivo {i}",
                order=i,
            )
            for i in range(54)
        )
        start = date(2026, 1, 1)
        rows = []
        for i in range(projects):
            place = rng.choice(places)
            begin = start + timedelta(days=rng.randrange(0, 2000))
            rows.append(
                Project(
                    plan=plan,
                    code=f"P{i:05d}",
                    title_it=f"Progetto di prova {i}",
                    title_en=f"Benchmark project {i}",
                    description_it="Un progetto generato per misurare le pagine.",
                    status=rng.choice(STATUSES),
                    direction=rng.choice(directions),
                    municipality=place,
                    budget_eur=Decimal(rng.randrange(10_000, 50_000_000)),
                    planned_start=begin,
                    planned_end=begin + timedelta(days=rng.randrange(30, 1500)),
                    is_example=True,
                )
            )
        created = Project.objects.bulk_create(rows, batch_size=1000)
        Contribution.objects.bulk_create(
            (
                Contribution(
                    project=project, objective=objective, strength=rng.choice([-1, 1, 2, 3])
                )
                for project in created
                for objective in rng.sample(objectives, 2)
            ),
            batch_size=2000,
        )
        Actor.objects.filter(key__startswith="bench-").delete()
        people = Actor.objects.bulk_create(
            Actor(
                key=f"bench-{i}",
                name=f"Ente di prova {i}",
                kind=rng.choice(KINDS),
                municipality=rng.choice(places),
                is_example=True,
            )
            for i in range(actors)
        )
        ProjectRole.objects.bulk_create(
            (
                ProjectRole(actor=actor, project=project, role=role)
                for project in created
                for actor, role in zip(rng.sample(people, 3), ROLES, strict=False)
            ),
            batch_size=2000,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=5000)
    parser.add_argument("--actors", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2006)
    arguments = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ordito.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    began = time.perf_counter()
    generate(projects=arguments.projects, actors=arguments.actors, seed=arguments.seed)
    print(
        f"generated {arguments.projects} projects, {arguments.actors} actors "
        f"in {time.perf_counter() - began:.1f} s"
    )


if __name__ == "__main__":
    main()
