"""Rules that join the parts of a plan: every link stays inside one plan, and nothing loops.

Each rule lives here once, with its message, in two layers:

- pure functions over keys (plan slugs, project codes), which know nothing of the database, so the
  importer can run them on a file's records before anything is written
  (`interop/plan_references.py`);
- checks of model instances, which feed those functions from the database. Models call them from
  `clean()`, so the admin's forms show the message on the field at fault; services call
  `full_clean()`, so the API gets the same messages.

The messages are translated when they are raised: the admin shows them in Italian, the importer
(run in English by `ordito import plan`) in English.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

if TYPE_CHECKING:
    from ordito.plans.models import Dependency, Plan

Key = TypeVar("Key", bound=Hashable)

# Lazy, because the models' CheckConstraints read them when the classes are defined, before any
# language is active. The database enforces these rules too; the constraints raise the same text.
PLAN_OWN_PREVIOUS = gettext_lazy("A plan cannot be its own previous plan.")
PROJECT_DEPENDS_ON_ITSELF = gettext_lazy("A project cannot depend on itself.")
OBJECTIVE_INFLUENCES_ITSELF = gettext_lazy("An objective cannot influence itself.")
ACTOR_INFLUENCES_ITSELF = gettext_lazy("An actor cannot influence itself.")

# A cycle or a chain is written as its keys joined by this arrow.
ARROW = " → "


def check_same_plan(*, plan_id: int | None, field: str, other_plan_id: int | None) -> None:
    """Refuse a link from a part of plan `plan_id` to something of another plan."""
    if plan_id is not None and other_plan_id is not None and plan_id != other_plan_id:
        raise ValidationError({field: _("Choose something of the same plan.")})


def previous_plan_problem(
    *, slug: str, previous: str | None, previous_of: Callable[[str], str | None]
) -> str | None:
    """Why plan `slug` cannot follow plan `previous`, or None when it can.

    `previous_of` gives the slug of a plan's predecessor (None for a first plan); it is asked
    once per step along the lineage, so the database can answer it a row at a time and a file
    with the mapping it builds. A loop that does not pass through `slug` was there before this
    choice and is not its fault: the walk stops there without a message.
    """
    if previous is None:
        return None
    if previous == slug:
        return str(PLAN_OWN_PREVIOUS)
    chain, seen = [slug, previous], {slug, previous}
    current = previous_of(previous)
    while current is not None and current not in seen:
        chain.append(current)
        seen.add(current)
        current = previous_of(current)
    if current != slug:
        return None
    return _(
        "This choice would make the plans' lineage a loop: %(chain)s (each follows the next)."
    ) % {"chain": ARROW.join([*chain, slug])}


def dependency_cycles(edges: Iterable[tuple[Key, Key]]) -> list[list[Key]]:
    """Every cycle that a depth-first search of the graph `edges` closes, one per back edge.

    `edges` are (project, depends_on) pairs. Each cycle is returned as the list of its keys,
    starting with the edge that closes it and ending where it started: [u, v, …, u] for the back
    edge u → v, so the first step is the dependency at fault. Nodes and edges are visited in the
    order `edges` gives them, so the result is reproducible.

    A directed graph is acyclic if and only if a depth-first search yields no back edge (Cormen,
    Leiserson, Rivest and Stein, *Introduction to Algorithms*, 3rd ed., 2009, §22.3,
    "Depth-first search", and lemma 22.11). The search is iterative, so a chain of thousands of
    projects does not reach Python's recursion limit, and it takes O(V + E) time plus the length
    of the cycles it returns.
    """
    following: dict[Key, dict[Key, None]] = {}  # an ordered set of targets per node
    for source, target in edges:
        following.setdefault(source, {})[target] = None
        following.setdefault(target, {})
    finished: set[Key] = set()
    cycles: list[list[Key]] = []
    for root in following:
        if root in finished:
            continue
        # The search's current path, each node's place on it, and the edges left to follow.
        trail, place, stack = [root], {root: 0}, [iter(following[root])]
        while stack:
            node = trail[-1]
            for target in stack[-1]:
                if target in place:
                    cycles.append([node, *trail[place[target] :]])
                elif target not in finished:
                    place[target] = len(trail)
                    trail.append(target)
                    stack.append(iter(following[target]))
                    break
            else:
                finished.add(node)
                del place[node]
                trail.pop()
                stack.pop()
    return cycles


def dependency_cycle_message(cycle: Sequence[str]) -> str:
    """The message for a dependency that closes `cycle`, given as `dependency_cycles` returns it."""
    return _("This dependency would close a cycle: %(cycle)s (each depends on the next).") % {
        "cycle": ARROW.join(cycle)
    }


def check_previous_plan(plan: Plan) -> None:
    """A plan's predecessor is another plan, and following predecessors never comes back to it."""
    from ordito.plans.models import Plan

    if plan.previous_id is None or plan.pk is None:
        return  # nothing can point at a plan not saved yet, so it cannot close a loop

    def previous_of(slug: str) -> str | None:
        # One query per step, as the lineage of real plans is a handful of plans long. The plan
        # being saved may be renamed: the database still knows it by its old slug.
        row = Plan.objects.filter(slug=slug).values_list("previous_id", "previous__slug").first()
        if row is None:
            return None
        return plan.slug if row[0] == plan.pk else row[1]

    previous = plan.slug if plan.previous_id == plan.pk else plan.previous.slug
    problem = previous_plan_problem(slug=plan.slug, previous=previous, previous_of=previous_of)
    if problem is not None:
        raise ValidationError({"previous": problem})


def check_dependency(dependency: Dependency) -> None:
    """A project depends on another project of its plan, and no chain of dependencies loops.

    The stored graph is acyclic (this check guards every write), so the new dependency closes a
    cycle exactly when its project can be reached from the project it depends on. One recursive
    query reads that reachable part of the graph, and only it, whatever the length of the
    chains; when the project is in it, the edges of that part name the cycle in memory.
    """
    if dependency.project_id is None or dependency.depends_on_id is None:
        return
    if dependency.project_id == dependency.depends_on_id:
        raise ValidationError({"depends_on": PROJECT_DEPENDS_ON_ITSELF})
    project, depends_on = dependency.project, dependency.depends_on
    check_same_plan(plan_id=project.plan_id, field="depends_on", other_plan_id=depends_on.plan_id)
    edges = dependencies_reachable(
        start_id=depends_on.pk, target_id=project.pk, leaving_out_id=dependency.pk
    )
    if edges is None:
        return
    new = (project.code, depends_on.code)
    for cycle in dependency_cycles([new, *edges]):
        steps = list(pairwise(cycle))
        if new in steps:
            start = steps.index(new)
            rotated = [*cycle[start:-1], *cycle[:start], cycle[start]]
            raise ValidationError({"depends_on": dependency_cycle_message(rotated)})


def dependencies_reachable(
    *, start_id: int, target_id: int, leaving_out_id: int | None
) -> list[tuple[str, str]] | None:
    """The dependencies (as code pairs) that can be followed from project `start_id`, when
    `target_id` is among the projects they reach; None when it is not.

    A recursive common table expression (SQL:1999, run by SQLite and PostgreSQL alike) follows the
    dependencies in the database; `UNION` keeps each project once, so it ends on any graph. It
    starts from the project's row rather than a literal id, so that both terms have the column's
    own type (PostgreSQL refuses an integer literal beside a bigint column). The
    dependency `leaving_out_id` (a row being edited) is not followed: its old edge is going away.
    """
    from ordito.plans.models import Dependency, Project

    quote = connection.ops.quote_name
    dependencies, projects = quote(Dependency._meta.db_table), quote(Project._meta.db_table)
    reachable = f"""
        WITH RECURSIVE reachable(id) AS (
            SELECT id FROM {projects} WHERE id = %s
            UNION
            SELECT d.depends_on_id FROM {dependencies} d JOIN reachable r ON d.project_id = r.id
            WHERE d.id <> %s
        )
    """
    leaving_out = -1 if leaving_out_id is None else leaving_out_id
    with connection.cursor() as cursor:
        cursor.execute(
            f"{reachable} SELECT 1 FROM reachable WHERE id = %s", [start_id, leaving_out, target_id]
        )
        if cursor.fetchone() is None:
            return None
        cursor.execute(
            f"""{reachable}
            SELECT p.code, q.code FROM {dependencies} d
            JOIN {projects} p ON p.id = d.project_id JOIN {projects} q ON q.id = d.depends_on_id
            WHERE d.project_id IN (SELECT id FROM reachable) AND d.id <> %s""",
            [start_id, leaving_out, leaving_out],
        )
        return list(cursor.fetchall())
