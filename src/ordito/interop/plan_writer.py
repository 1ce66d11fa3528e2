"""Writing checked `ordito-plan` records through the plans', actors' and territory's services.

The writer runs inside the importer's transaction. Every record that changes something goes
through its service, so the same rules and history apply as in the admin and the API; a service
that refuses a record raises `WriteRefused` with the record's path, and the importer rolls
everything back. The rows a plan already holds are read in bulk first (`StoredRows`), so that
references resolve from dictionaries and a record the database already holds costs no query.
"""

import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from graphlib import TopologicalSorter
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models

from ordito.actors import services as actor_services
from ordito.actors.models import Actor
from ordito.actors.selectors import actors_by_key
from ordito.core.records import holds
from ordito.interop.plan_records import PartRecord, PlanDocument, PlanRecord, ProjectRecord
from ordito.interop.plan_references import actors_named
from ordito.interop.report import ImportReport, Problem
from ordito.interop.stored_rows import StoredRows
from ordito.plans import services as plan_services
from ordito.plans.models import Direction, MetaObjective, Objective, Plan, Project, ThematicArea
from ordito.plans.selectors import contents
from ordito.territory.models import Municipality
from ordito.territory.selectors import municipalities_by_code
from ordito.territory.services import municipalities_load_istat

User = AbstractBaseUser | None
M = TypeVar("M", bound=models.Model)
TRANSLATED = re.compile(r"_(it|en)$")


class WriteRefused(Exception):
    """A service refused a record that the checks had accepted (the database changed meanwhile)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


@contextmanager
def refusals(path: str, renames: Mapping[str, str] | None = None) -> Iterator[None]:
    """Turn a service's refusal into `WriteRefused`, naming the field in the file's terms.

    A service names the model's field ("title_en", "depends_on"); the file names "title.en" and
    "project". `renames` maps the model's names to the file's where they differ.
    """
    try:
        yield
    except ValidationError as error:
        fields = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        raise WriteRefused(
            [
                Problem(field_path(path, field, renames or {}), message)
                for field, messages in fields.items()
                for message in messages
            ]
        ) from error
    except IntegrityError as error:
        raise WriteRefused([Problem(path, f"the database refused this record: {error}")]) from error


def field_path(path: str, field: str, renames: Mapping[str, str]) -> str:
    if field in {"", NON_FIELD_ERRORS}:
        return path
    name = TRANSLATED.sub(r".\1", renames.get(field, field))
    return f"{path}.{name}"


class PlanWriter:
    """Writes a checked document; counts what it creates, updates, keeps and deletes."""

    def __init__(self, *, by: User, report: ImportReport) -> None:
        self.by, self.report = by, report
        self.actors: dict[str, Actor] = {}
        self.plans: dict[str, Plan] = {}
        self.projects: dict[str, dict[str, Project]] = {}  # plan slug → code → project
        self.municipalities: dict[str, Municipality] = {}

    def save(
        self,
        kind: str,
        path: str,
        stored: M | None,
        *,
        unchanged: bool,
        service: Callable[..., tuple[M, bool]],
        renames: Mapping[str, str] | None = None,
        **arguments: Any,
    ) -> M:
        """Save one record with `service(**arguments)`, unless its `stored` row is `unchanged`."""
        if stored is not None and unchanged:
            self.report.counts[kind].count(existed=True, written=False)
            return stored
        with refusals(path, renames):
            saved, written = service(by=self.by, **arguments)
        self.report.counts[kind].count(existed=stored is not None, written=written)
        return saved

    def write(self, document: PlanDocument) -> None:
        self.municipalities = municipalities_for(document)
        stored_actors = actors_by_key([a.key for a in document.actors])
        for record in document.actors:
            values = {
                **record.values,
                "municipality": self.municipalities.get(record.municipality or ""),
            }
            stored = stored_actors.get(record.key)
            self.actors[record.key] = self.save(
                "actors",
                record.path,
                stored,
                unchanged=stored is not None and holds(stored, values),
                service=actor_services.actor_save,
                key=record.key,
                values=values,
            )
        named = {key for plan in document.plans for key in actors_named(plan)}
        self.actors.update(actors_by_key(named - self.actors.keys()))
        stored_plans = contents.plans_by_slug(
            [slug for p in document.plans for slug in (p.slug, p.previous) if slug]
        )
        for record in document.plans:
            previous = self.plans.get(record.previous) or stored_plans.get(record.previous)
            values = {**record.values, "previous": previous}
            stored = stored_plans.get(record.slug)
            plan = self.save(
                "plans",
                record.path,
                stored,
                unchanged=stored is not None and holds(stored, values),
                service=plan_services.plan_save,
                slug=record.slug,
                values=values,
            )
            self.plans[record.slug] = plan
            PlanPartsWriter(
                self, plan, stored=StoredRows.of(plan) if stored else StoredRows()
            ).write(record)


def municipalities_for(document: PlanDocument) -> dict[str, Municipality]:
    """The municipalities the document names, by ISTAT code; the ISTAT list is loaded if needed."""
    codes = {a.municipality for a in document.actors} | {
        p.municipality for plan in document.plans for p in plan.projects
    }
    codes.discard(None)
    found = municipalities_by_code(codes)
    if len(found) < len(codes):
        municipalities_load_istat()
        found = municipalities_by_code(codes)
    return found


class PlanPartsWriter:
    """Writes one plan's structure, projects, links and matrices."""

    def __init__(self, writer: PlanWriter, plan: Plan, *, stored: StoredRows) -> None:
        self.writer, self.plan, self.by, self.stored = writer, plan, writer.by, stored
        self.meta_objectives: dict[str, MetaObjective] = {}
        self.directions: dict[str, Direction] = {}
        self.objectives: dict[str, Objective] = {}
        self.projects: dict[str, Project] = writer.projects.setdefault(plan.slug, {})

    def write(self, record: PlanRecord) -> None:
        for meta in record.meta_objectives:
            self.meta_objectives[meta.code] = self.part(
                plan_services.meta_objective_save, "meta_objectives", meta, meta.values
            )
        for area_record in record.areas:
            area = self.part(plan_services.area_save, "areas", area_record, area_record.values)
            for direction_record in area_record.children:
                self.structure(area, direction_record)
        lineage = self.lineage(record)
        for project in record.projects:
            values = {
                **project.values,
                "direction": self.directions.get(project.direction or ""),
                "municipality": self.writer.municipalities.get(project.municipality or ""),
                "carried_over_from": lineage.get(project.code),
            }
            self.projects[project.code] = self.part(
                plan_services.project_save, "projects", project, values
            )
        self.links_remove(record.projects)
        self.links_add(record.projects)
        self.matrices(record)

    def part(
        self,
        service: Callable[..., tuple[M, bool]],
        kind: str,
        record: PartRecord | ProjectRecord,
        values: Mapping[str, Any],
    ) -> M:
        """Save a coded part of the plan with its service."""
        stored = getattr(self.stored, kind).get(record.code)
        return self.writer.save(
            kind,
            record.path,
            stored,
            unchanged=stored is not None and holds(stored, values),
            service=service,
            plan=self.plan,
            code=record.code,
            values=values,
        )

    def structure(self, area: ThematicArea, record: PartRecord) -> None:
        direction = self.part(
            plan_services.direction_save, "directions", record, {**record.values, "area": area}
        )
        self.directions[record.code] = direction
        for objective in record.children:
            metas = [self.meta_objectives[code] for _, code in objective.meta_objectives]
            values = {**objective.values, "direction": direction}
            stored = self.stored.objectives.get(objective.code)
            self.objectives[objective.code] = self.writer.save(
                "objectives",
                objective.path,
                stored,
                unchanged=stored is not None
                and holds(stored, values)
                and {meta.pk for meta in stored.meta_objectives.all()} == {m.pk for m in metas},
                service=plan_services.objective_save,
                plan=self.plan,
                code=objective.code,
                values=values,
                meta_objectives=metas,
            )

    def lineage(self, record: PlanRecord) -> dict[str, Project]:
        """The previous plan's actions that this plan's projects continue, by project code."""
        wanted = {p.code: p.carried_over_from[1] for p in record.projects if p.carried_over_from}
        if not wanted:
            return {}
        actions = dict(self.writer.projects.get(record.previous, {}))
        missing = set(wanted.values()) - actions.keys()
        if missing:
            previous = contents.projects_by_code(plan_id=self.plan.previous_id, codes=missing)
            actions.update((action.code, action) for action in previous)
        return {code: actions[action_code] for code, action_code in wanted.items()}

    def links_remove(self, projects: list[ProjectRecord]) -> None:
        """Delete the links of the file's projects that the file no longer lists.

        For each project the file lists, its contributions, dependencies and roles are the
        file's: the file is the truth for them. Removing first lets a file reverse a dependency.
        """
        paths = {project.code: project.path for project in projects}
        counts = self.writer.report.counts
        kept = {(p.code, link.target) for p in projects for link in p.contributions}
        for key, row in self.stored.contributions.items():
            if key[0] in paths and key not in kept:
                with refusals(paths[key[0]]):
                    plan_services.contribution_remove(
                        by=self.by, project=row.project, objective=row.objective
                    )
                counts["contributions"].deleted += 1
        kept = {(p.code, link.target) for p in projects for link in p.dependencies}
        for key, row in self.stored.dependencies.items():
            if key[0] in paths and key not in kept:
                with refusals(paths[key[0]]):
                    plan_services.dependency_remove(
                        by=self.by, project=row.project, depends_on=row.depends_on
                    )
                counts["dependencies"].deleted += 1
        kept_roles = {(p.code, r.target, r.values["role"]) for p in projects for r in p.roles}
        for key, row in self.stored.roles.items():
            if key[0] in paths and key not in kept_roles:
                with refusals(paths[key[0]]):
                    plan_services.project_role_remove(
                        by=self.by, actor=row.actor, project=row.project, role=row.role
                    )
                counts["roles"].deleted += 1

    def links_add(self, projects: list[ProjectRecord]) -> None:
        save, stored = self.writer.save, self.stored
        for record in projects:
            project = self.projects[record.code]
            for link in record.contributions:
                row = stored.contributions.get((record.code, link.target))
                save(
                    "contributions",
                    link.path,
                    row,
                    unchanged=row is not None and holds(row, link.values),
                    service=plan_services.contribution_set,
                    project=project,
                    objective=self.objectives[link.target],
                    **link.values,
                )
            for link in record.roles:
                row = stored.roles.get((record.code, link.target, link.values["role"]))
                save(
                    "roles",
                    link.path,
                    row,
                    unchanged=row is not None and holds(row, link.values),
                    service=plan_services.project_role_add,
                    actor=self.writer.actors[link.target],
                    project=project,
                    **link.values,
                )
        # Dependents come before the projects they depend on. The cycle check of each new
        # dependency then walks from a project whose own dependencies are not written yet: one
        # query, instead of a walk through the whole graph for every dependency.
        records = {record.code: record for record in projects}
        dependents: dict[str, set[str]] = {code: set() for code in records}
        for record in projects:
            for link in record.dependencies:
                dependents[link.target].add(record.code)
        for code in TopologicalSorter(dependents).static_order():
            for link in records[code].dependencies:
                row = stored.dependencies.get((code, link.target))
                save(
                    "dependencies",
                    link.path,
                    row,
                    unchanged=row is not None and holds(row, link.values),
                    service=plan_services.dependency_add,
                    project=self.projects[code],
                    depends_on=self.projects[link.target],
                    **link.values,
                    renames={"depends_on": "project"},
                )

    def matrices(self, record: PlanRecord) -> None:
        actors, objectives, stored = self.writer.actors, self.objectives, self.stored
        for cell in record.objective_influences:
            row = stored.objective_influences.get((cell.source, cell.target))
            self.writer.save(
                "objective_influences",
                cell.path,
                row,
                unchanged=row is not None and holds(row, cell.values),
                service=plan_services.objective_influence_set,
                plan=self.plan,
                source=objectives[cell.source],
                target=objectives[cell.target],
                **cell.values,
                renames={"is_potential": "strength"},
            )
        for cell in record.actor_influences:
            row = stored.actor_influences.get((cell.source, cell.target))
            self.writer.save(
                "actor_influences",
                cell.path,
                row,
                unchanged=row is not None and holds(row, cell.values),
                service=plan_services.actor_influence_set,
                plan=self.plan,
                source=actors[cell.source],
                target=actors[cell.target],
                **cell.values,
            )
        for cell in record.positions:
            row = stored.positions.get((cell.source, cell.target))
            self.writer.save(
                "positions",
                cell.path,
                row,
                unchanged=row is not None and holds(row, cell.values),
                service=plan_services.actor_position_set,
                actor=actors[cell.source],
                objective=objectives[cell.target],
                **cell.values,
            )
