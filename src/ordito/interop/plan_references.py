"""Checking the references between the records of an `ordito-plan` file.

Keys and codes must be unique; every reference must name a record of the file or a row already in
the database (`Existing`); a plan's links join parts of that same plan; a plan's previous plan
comes before it; a project never depends, through any chain, on itself.

The rules the models also enforce (no loop in the plans' lineage, no dependency cycle, nothing
linked to itself) are not written here but called from `ordito.plans.integrity`, on the file's
slugs and codes: a file is refused with the message the admin and the services give.
"""

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from ordito.interop.plan_records import LinkRecord, PairRecord, PlanDocument, PlanRecord
from ordito.interop.report import Problem
from ordito.plans import integrity


class Existing(Protocol):
    """What the database already holds, as far as a file's references need to know."""

    def actor_keys(self, keys: Collection[str]) -> Collection[str]:
        """Which of `keys` name actors in the database."""

    def municipality_codes(self, codes: Collection[str]) -> Collection[str]:
        """Which of the ISTAT `codes` name municipalities that exist or can be loaded."""

    def plan_lineage(self) -> Mapping[str, str | None]:
        """Every plan in the database, by slug, with the slug of its previous plan."""

    def project_codes(self, plan_slug: str) -> Collection[str]:
        """The codes of the projects of the plan `plan_slug` in the database."""


@dataclass(slots=True)
class PlanCodes:
    """The codes a plan's records define, each with the path of the record that defines it."""

    meta_objectives: dict[str, str] = field(default_factory=dict)
    areas: dict[str, str] = field(default_factory=dict)
    directions: dict[str, str] = field(default_factory=dict)
    objectives: dict[str, str] = field(default_factory=dict)
    projects: dict[str, str] = field(default_factory=dict)


def references_check(
    document: PlanDocument, *, existing: Existing, problems: list[Problem]
) -> None:
    """Append a problem for every reference in `document` that is duplicated, dangling or looping."""
    actors = unique(((a.path, a.key) for a in document.actors), "key", "another actor", problems)
    unique(((p.path, p.slug) for p in document.plans), "slug", "another plan", problems)
    named_actors = {key for plan in document.plans for key in actors_named(plan)} - actors.keys()
    known_actors = set(actors) | set(existing.actor_keys(named_actors))
    municipalities = [(f"{a.path}.municipality", a.municipality) for a in document.actors] + [
        (f"{p.path}.municipality", p.municipality) for plan in document.plans for p in plan.projects
    ]
    named_codes = {code for _, code in municipalities if code is not None}
    known_municipalities = set(existing.municipality_codes(named_codes))
    for path, code in municipalities:
        if code is not None and code not in known_municipalities:
            problems.append(Problem(path, f'no municipality with ISTAT code "{code}"'))
    codes = [plan_codes(plan, problems) for plan in document.plans]
    by_slug: dict[str, PlanCodes] = {}
    for plan, codes_of_plan in zip(document.plans, codes, strict=True):
        if plan.slug is not None:
            by_slug.setdefault(plan.slug, codes_of_plan)
    lineage_check(document, existing=existing, problems=problems)
    for plan, own in zip(document.plans, codes, strict=True):
        Links(plan, own, by_slug, known_actors, existing, problems).check()


def unique(
    records: Iterable[tuple[str, str | None]], name: str, other: str, problems: list[Problem]
) -> dict[str, str]:
    """Map each key to the path of its first record; report the records that repeat one."""
    first: dict[str, str] = {}
    for path, key in records:
        if key is None:
            continue
        if key in first:
            problems.append(Problem(f"{path}.{name}", f'{other} has {name} "{key}" ({first[key]})'))
        else:
            first[key] = path
    return first


def actors_named(plan: PlanRecord) -> set[str]:
    named = {role.target for project in plan.projects for role in project.roles}
    named |= {
        key for influence in plan.actor_influences for key in (influence.source, influence.target)
    }
    named |= {position.source for position in plan.positions}
    return {key for key in named if key is not None}


def plan_codes(plan: PlanRecord, problems: list[Problem]) -> PlanCodes:
    where = f"plan {plan.slug}" if plan.slug else "this plan"
    directions, objectives = plan.directions(), plan.objectives()
    return PlanCodes(
        **{
            kind: unique(
                ((record.path, record.code) for record in records),
                "code",
                f"another {label} of {where}",
                problems,
            )
            for kind, label, records in (
                ("meta_objectives", "meta-objective", plan.meta_objectives),
                ("areas", "area", plan.areas),
                ("directions", "direction", directions),
                ("objectives", "objective", objectives),
                ("projects", "project", plan.projects),
            )
        }
    )


def lineage_check(document: PlanDocument, *, existing: Existing, problems: list[Problem]) -> None:
    """A plan's `previous` comes earlier in the file or is in the database, and never loops.

    The lineage walked is the database's, updated with each plan of the file in turn, as the
    writer will save them.
    """
    position = {plan.slug: index for index, plan in reversed(list(enumerate(document.plans)))}
    lineage = dict(existing.plan_lineage())
    for index, plan in enumerate(document.plans):
        previous, path = plan.previous, f"{plan.path}.previous"
        if previous is None:
            pass
        elif previous != plan.slug and previous in position and position[previous] > index:
            problems.append(
                Problem(path, f"plan {previous} comes later in this file: list it before this plan")
            )
        elif previous != plan.slug and previous not in position and previous not in lineage:
            problems.append(
                Problem(path, f'no plan "{previous}" earlier in this file or in the database')
            )
        elif plan.slug is not None and (
            message := integrity.previous_plan_problem(
                slug=plan.slug, previous=previous, previous_of=lineage.get
            )
        ):
            problems.append(Problem(path, message))
        if plan.slug is not None:
            lineage[plan.slug] = previous


class Links:
    """The references of one plan's records, checked against the plan's own codes."""

    def __init__(
        self,
        plan: PlanRecord,
        own: PlanCodes,
        by_slug: Mapping[str, PlanCodes],
        known_actors: Collection[str],
        existing: Existing,
        problems: list[Problem],
    ) -> None:
        self.plan, self.own, self.by_slug = plan, own, by_slug
        self.known_actors, self.existing, self.problems = known_actors, existing, problems
        self.where = f"plan {plan.slug}" if plan.slug else "this plan"

    def error(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def part(self, path: str, kind: str, code: str | None) -> bool:
        """Whether `code` names a part of this plan of `kind`; report it when it does not."""
        if code is None:
            return False
        if code in getattr(self.own, kind):
            return True
        label = kind.removesuffix("s").replace("_", "-")
        hint = next(
            (
                f" (plan {slug} has one, but a plan's links stay inside the plan)"
                for slug, codes in self.by_slug.items()
                if slug != self.plan.slug and code in getattr(codes, kind)
            ),
            "",
        )
        self.error(path, f'no {label} "{code}" in {self.where}{hint}')
        return False

    def actor(self, path: str, key: str | None) -> bool:
        if key is None:
            return False
        if key in self.known_actors:
            return True
        self.error(path, f'no actor "{key}" in this file or in the database')
        return False

    def check(self) -> None:
        for objective in self.plan.objectives():
            listed: set[str] = set()
            for path, code in objective.meta_objectives:
                if code in listed:
                    self.error(path, f'meta-objective "{code}" is listed twice')
                listed.add(code)
                self.part(path, "meta_objectives", code)
        # Each dependency between two projects of this plan, with the path of its record.
        edges: dict[tuple[str, str], str] = {}
        for project in self.plan.projects:
            if project.direction is not None:
                self.part(f"{project.path}.direction", "directions", project.direction)
            if project.carried_over_from is not None:
                self.lineage(f"{project.path}.carried_over_from", *project.carried_over_from)
            self.links(project.contributions, "objective", "objectives")
            self.roles(project.roles)
            self.links(project.dependencies, "project", "projects")
            for dependency in project.dependencies:
                if dependency.target == project.code and project.code is not None:
                    self.error(
                        f"{dependency.path}.project", str(integrity.PROJECT_DEPENDS_ON_ITSELF)
                    )
                elif project.code is not None and dependency.target in self.own.projects:
                    edges.setdefault((project.code, dependency.target), dependency.path)
        for cycle in integrity.dependency_cycles(edges):
            self.error(
                f"{edges[cycle[0], cycle[1]]}.project", integrity.dependency_cycle_message(cycle)
            )
        self.pairs(
            self.plan.objective_influences,
            ("source", "target"),
            self.objective,
            self.objective,
            itself=str(integrity.OBJECTIVE_INFLUENCES_ITSELF),
        )
        self.pairs(
            self.plan.actor_influences,
            ("source", "target"),
            self.actor,
            self.actor,
            itself=str(integrity.ACTOR_INFLUENCES_ITSELF),
        )
        self.pairs(self.plan.positions, ("actor", "objective"), self.actor, self.objective)

    def objective(self, path: str, code: str | None) -> bool:
        return self.part(path, "objectives", code)

    def links(self, links: list[LinkRecord], name: str, kind: str) -> None:
        first: dict[str, str] = {}
        for link in links:
            if link.target in first:
                self.error(
                    f"{link.path}.{name}", f'"{link.target}" is listed twice ({first[link.target]})'
                )
            elif self.part(f"{link.path}.{name}", kind, link.target):
                first[link.target] = link.path

    def roles(self, roles: list[LinkRecord]) -> None:
        first: dict[tuple[str | None, str | None], str] = {}
        for role in roles:
            pair = (role.target, role.values["role"])
            if pair in first:
                self.error(role.path, f"this actor already has this role ({first[pair]})")
            first.setdefault(pair, role.path)
            self.actor(f"{role.path}.actor", role.target)

    def pairs(
        self,
        pairs: list[PairRecord],
        names: tuple[str, str],
        check_source: Callable[[str, str | None], bool],
        check_target: Callable[[str, str | None], bool],
        *,
        itself: str | None = None,
    ) -> None:
        """Check the cells of a matrix: both ends resolve, no cell twice, none on the diagonal."""
        first: dict[tuple[str | None, str | None], str] = {}
        for pair in pairs:
            check_source(f"{pair.path}.{names[0]}", pair.source)
            check_target(f"{pair.path}.{names[1]}", pair.target)
            key = (pair.source, pair.target)
            if itself is not None and pair.source is not None and pair.source == pair.target:
                self.error(f"{pair.path}.{names[1]}", itself)
            elif key in first:
                self.error(pair.path, f"this pair is already given ({first[key]})")
            first.setdefault(key, pair.path)

    def lineage(self, path: str, plan_slug: str | None, code: str | None) -> None:
        """`carried_over_from` names an action of this plan's previous plan."""
        previous = self.plan.previous
        if plan_slug is None or code is None:
            return
        if previous is None:
            self.error(f"{path}.plan", "this plan has no previous plan: set its `previous` first")
        elif plan_slug != previous:
            self.error(
                f"{path}.plan",
                f'expected this plan\'s previous plan, {previous}, found "{plan_slug}"',
            )
        elif code not in self.by_slug.get(previous, PlanCodes()).projects and code not in (
            self.existing.project_codes(previous)
        ):
            self.error(f"{path}.code", f'no project "{code}" in plan {previous}')
