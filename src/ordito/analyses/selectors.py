"""Reads of a plan's analyses: each analysis's inputs from the plan's live rows, and its result.

Every `*_inputs` selector reads a fixed number of queries whatever the plan's size and builds the
inputs `ordito analyze` would read from files (`ordito.analyses.inputs`). Ids are the codes of
objectives and projects and the keys of actors, as in the `ordito-plan` format. A plan that lacks
what an analysis needs raises `InputsMissing`, whose message says what to add.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.utils.translation import gettext as _

from ordito.analyses.inputs import (
    DEFAULT_METHOD,
    AnalysisInputs,
    CoherenceInputs,
    DecisionInputs,
    MactorInputs,
    MicmacInputs,
    NetworkInputs,
    SmaaInputs,
    TasksInputs,
    result_json,
)
from ordito.analysis.errors import AnalysisInputError
from ordito.plans.caching import plan_cached
from ordito.plans.models import (
    ActorInfluence,
    ActorPosition,
    Contribution,
    Dependency,
    MetaObjective,
    Objective,
    ObjectiveInfluence,
    Plan,
    Project,
    ProjectRole,
)

# The weight of a meta-objective in the policy that puts it first, the others weighing 1.
FIRST_WEIGHT = 2
BALANCED = "balanced"


class InputsMissing(Exception):
    """The plan lacks what an analysis needs; the message says what, in the active language."""


def micmac_inputs(*, plan: Plan) -> MicmacInputs:
    """The cross-impact matrix of the objectives that take part in at least one influence."""
    cells = list(
        ObjectiveInfluence.objects.filter(plan=plan).values_list(
            "source__code", "target__code", "strength", "is_potential"
        )
    )
    if not any(strength or potential for _s, _t, strength, potential in cells):
        raise InputsMissing(
            _("The plan has no influences between objectives: its cross-impact matrix is empty.")
        )
    named = {code for source, target, _s, _p in cells for code in (source, target)}
    labels = tuple(code for code in _objective_codes(plan) if code in named)
    index = {label: at for at, label in enumerate(labels)}
    matrix = np.zeros((len(labels), len(labels)), dtype=int)
    potential = np.zeros((len(labels), len(labels)), dtype=bool)
    for source, target, strength, is_potential in cells:
        matrix[index[source], index[target]] = strength
        potential[index[source], index[target]] = is_potential
    return MicmacInputs(labels, matrix, potential)


def _objective_codes(plan: Plan) -> list[str]:
    return list(
        Objective.objects.filter(plan=plan).order_by("order", "code").values_list("code", flat=True)
    )


def mactor_inputs(*, plan: Plan) -> MactorInputs:
    """The actors that influence or are influenced within the plan, or take a position on one of
    its objectives; the objectives they take positions on."""
    influences = list(
        ActorInfluence.objects.filter(plan=plan).values_list(
            "source__key", "target__key", "strength"
        )
    )
    positions = list(
        ActorPosition.objects.filter(objective__plan=plan).values_list(
            "actor__key", "objective__code", "position"
        )
    )
    if not influences or not positions:
        raise InputsMissing(
            _(
                "The plan needs influences between actors and their positions on objectives "
                "for the analysis of actors' strategies."
            )
        )
    named = {key for source, target, _s in influences for key in (source, target)}
    actors = tuple(sorted(named | {actor for actor, _o, _p in positions}))
    taken = {objective for _a, objective, _p in positions}
    objectives = tuple(code for code in _objective_codes(plan) if code in taken)
    at = {actor: index for index, actor in enumerate(actors)}
    column = {objective: index for index, objective in enumerate(objectives)}
    mid = np.zeros((len(actors), len(actors)), dtype=int)
    for source, target, strength in influences:
        mid[at[source], at[target]] = strength
    stances = np.zeros((len(actors), len(objectives)), dtype=int)
    for actor, objective, position in positions:
        stances[at[actor], column[objective]] = position
    return MactorInputs(actors, objectives, mid, stances)


@dataclass(frozen=True)
class Criteria:
    """The multicriteria problem's criteria: the plan's meta-objectives, with their titles."""

    codes: tuple[str, ...]
    titles: tuple[str, ...]


def decision_inputs(
    *, plan: Plan, method: str = DEFAULT_METHOD, policy: str | None = None
) -> DecisionInputs:
    """The projects scored on the plan's meta-objectives, with named weight sets.

    A project's score on a meta-objective is the sum of the strengths (−3 to 3) of its
    contributions to the objectives that serve that meta-objective; every criterion is to be
    maximised. The plan stores no weight sets yet, so they are derived from the meta-objectives
    (`policies_are_derived`): "balanced" weighs them equally, and "<code>-first" weighs one of
    them `FIRST_WEIGHT` times each of the others. The default weights are the balanced ones.
    `policy` must be one of those names (`KeyError` otherwise).
    """
    criteria = list(
        MetaObjective.objects.filter(plan=plan)
        .order_by("order", "code")
        .values_list("code", flat=True)
    )
    projects = list(
        Project.objects.filter(plan=plan).order_by("code").values_list("code", flat=True)
    )
    if not criteria or not projects:
        raise InputsMissing(
            _("The plan needs meta-objectives and projects to rank the projects by priority.")
        )
    serves = Objective.meta_objectives.through.objects.filter(objective__plan=plan).values_list(
        "objective__code", "metaobjective__code"
    )
    metas_of: dict[str, list[str]] = {}
    for objective, meta in serves:
        metas_of.setdefault(objective, []).append(meta)
    row = {code: at for at, code in enumerate(projects)}
    column = {code: at for at, code in enumerate(criteria)}
    matrix = np.zeros((len(projects), len(criteria)), dtype=int)
    contributions = Contribution.objects.filter(project__plan=plan).values_list(
        "project__code", "objective__code", "strength"
    )
    for project, objective, strength in contributions:
        for meta in metas_of.get(objective, ()):
            matrix[row[project], column[meta]] += strength
    policies = policies_derived(tuple(criteria))
    if policy is not None and policy not in policies:
        raise KeyError(policy)
    return DecisionInputs(
        alternatives=tuple(projects),
        criteria=tuple(criteria),
        matrix=matrix,
        directions=("max",) * len(criteria),
        weights=policies[BALANCED],
        policies=policies,
        method=method,
        policy=policy,
    )


def policies_derived(criteria: tuple[str, ...]) -> dict[str, tuple[float, ...]]:
    """Named weight sets from the meta-objectives: balanced, then each one first."""
    policies = {BALANCED: (1.0,) * len(criteria)}
    for first in criteria:
        policies[f"{first}-first"] = tuple(
            float(FIRST_WEIGHT if code == first else 1) for code in criteria
        )
    return policies


def policy_names(*, plan: Plan) -> tuple[str, ...]:
    criteria = MetaObjective.objects.filter(plan=plan).order_by("order", "code")
    return tuple(policies_derived(tuple(criteria.values_list("code", flat=True))))


def smaa_inputs(*, plan: Plan) -> SmaaInputs:
    return SmaaInputs(decision_inputs(plan=plan))


def tasks_inputs(*, plan: Plan) -> TasksInputs:
    """The projects with planned dates, and those a dependency names, as tasks.

    A task lasts from its planned start to its planned end, in days; a project without both
    dates that a dependency names lasts 0 days. Lags are not in the tasks file `ordito analyze
    cpm` reads, so they are left out.
    """
    dated = Project.objects.filter(
        plan=plan, planned_start__isnull=False, planned_end__isnull=False
    ).values_list("code", "planned_start", "planned_end")
    durations = {code: float(max((end - start).days, 0)) for code, start, end in dated}
    links = Dependency.objects.filter(project__plan=plan).values_list(
        "project__code", "depends_on__code"
    )
    before: dict[str, list[str]] = {}
    for project, depends_on in links:
        before.setdefault(project, []).append(depends_on)
        for code in (project, depends_on):
            durations.setdefault(code, 0.0)
    if not durations:
        raise InputsMissing(
            _("The plan needs projects with planned dates or dependencies to sequence them.")
        )
    tasks = tuple(sorted(durations))
    return TasksInputs(
        tasks,
        tuple(durations[task] for task in tasks),
        tuple(tuple(sorted(before.get(task, ()))) for task in tasks),
    )


def network_inputs(*, plan: Plan) -> NetworkInputs:
    """The roles actors hold in the plan's projects, and the kinds of those actors."""
    roles = tuple(
        ProjectRole.objects.filter(project__plan=plan)
        .order_by("actor__key", "project__code", "role")
        .values_list("actor__key", "project__code", "role")
    )
    if not roles:
        raise InputsMissing(_("The plan needs actors with roles in its projects for the network."))
    kinds = dict(
        ProjectRole.objects.filter(project__plan=plan)
        .order_by("actor__key")
        .values_list("actor__key", "actor__kind")
        .distinct()
    )
    return NetworkInputs(roles, kinds)


def coherence_inputs(*, plan: Plan) -> CoherenceInputs:
    """The contributions of the plan's projects to its objectives, with both full lists."""
    objectives = tuple(_objective_codes(plan))
    projects = tuple(
        Project.objects.filter(plan=plan).order_by("code").values_list("code", flat=True)
    )
    if not objectives or not projects:
        raise InputsMissing(_("The plan needs objectives and projects for their coherence."))
    contributions = tuple(
        Contribution.objects.filter(project__plan=plan)
        .order_by("project__code", "objective__order", "objective__code")
        .values_list("project__code", "objective__code", "strength")
    )
    return CoherenceInputs(contributions, objectives, projects)


# Analysis name (as in the API and `ordito export analysis`) -> its inputs' selector.
INPUTS: dict[str, Callable[..., AnalysisInputs]] = {
    "micmac": micmac_inputs,
    "mactor": mactor_inputs,
    "mcda": decision_inputs,
    "smaa": smaa_inputs,
    "cpm": tasks_inputs,
    "network": network_inputs,
    "coherence": coherence_inputs,
}


def analysis_inputs(*, plan: Plan, name: str, **options: Any) -> AnalysisInputs:
    """The inputs of the analysis `name` (a key of `INPUTS`) for the plan's current content."""
    return INPUTS[name](plan=plan, **options)


def analysis_result(*, plan: Plan, name: str, **options: Any) -> str:
    """The JSON text `ordito analyze` prints for the plan's inputs to the analysis `name`.

    Computed at most once per content version of the plan (plans/caching.py): a second call
    with the same options reads no inputs and runs no analysis. `InputsMissing` when the plan
    lacks the inputs, or when the library refuses them (a matrix too small, for instance).
    """
    key = "analysis:" + ":".join([name, *(f"{k}={v}" for k, v in sorted(options.items()))])

    def compute() -> str:
        inputs = analysis_inputs(plan=plan, name=name, **options)
        try:
            return result_json(inputs.compute())
        except AnalysisInputError as error:
            raise InputsMissing(str(error)) from None

    # Codes and numbers only: the same text in every language.
    return plan_cached(plan, key, compute, per_language=False)


def objective_titles(*, plan: Plan) -> dict[str, str]:
    """Each objective's code -> its title in the active language."""
    return {
        objective.code: objective.title
        for objective in Objective.objects.filter(plan=plan).only("code", "title_it", "title_en")
    }
