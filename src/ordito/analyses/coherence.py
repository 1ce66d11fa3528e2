"""What the coherence page shows: each objective's service, the conflicts, the chart data, the reading.

Derived from the JSON object `ordito analyze coherence` prints and from the contributions it was
computed on (`CoherenceInputs`), so the page, the API and the command agree.
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ordito.analyses.inputs import CoherenceInputs

NAMED_IN_READING = 5


@dataclass(frozen=True)
class ObjectiveService:
    """How the projects act on one objective: who serves it (+) and who hinders it (−)."""

    code: str
    title: str
    serving: tuple[tuple[str, int], ...]  # (project, strength > 0)
    hindering: tuple[tuple[str, int], ...]  # (project, strength < 0)
    is_unserved: bool
    is_negatively_served: bool
    is_in_conflict: bool


def coherence_rows(
    result: dict[str, Any], inputs: CoherenceInputs, titles: dict[str, str]
) -> list[ObjectiveService]:
    """One row per objective of the plan, in the plan's order."""
    serving: dict[str, list[tuple[str, int]]] = {}
    hindering: dict[str, list[tuple[str, int]]] = {}
    for project, objective, strength in inputs.contributions:
        side = serving if strength > 0 else hindering
        side.setdefault(objective, []).append((project, strength))
    unserved = set(result["unserved_objectives"])
    negative = set(result["negatively_served_objectives"])
    conflicts = {conflict["objective"] for conflict in result["conflicts"]}
    return [
        ObjectiveService(
            code=code,
            title=titles.get(code, ""),
            serving=tuple(serving.get(code, ())),
            hindering=tuple(hindering.get(code, ())),
            is_unserved=code in unserved,
            is_negatively_served=code in negative,
            is_in_conflict=code in conflicts,
        )
        for code in inputs.objectives
    ]


def coherence_charts(inputs: CoherenceInputs, result: dict[str, Any]) -> dict[str, Any]:
    """The data the page's script draws: the projects × objectives heat map and the conflicts.

    Labels travel as data (codes only), never as markup.
    """
    objective_at = {code: at for at, code in enumerate(inputs.objectives)}
    project_at = {code: at for at, code in enumerate(inputs.projects)}
    return {
        "labels": {
            "project": _("Project"),
            "objective": _("Objective"),
            "strength": _("Contribution"),
            "positive": _("Projects that serve it"),
            "negative": _("Projects that hinder it"),
        },
        "heatmap": {
            "objectives": list(inputs.objectives),
            "projects": list(inputs.projects),
            "cells": [
                [objective_at[objective], project_at[project], strength]
                for project, objective, strength in inputs.contributions
                if strength
            ],
        },
        "conflicts": {
            "objectives": [c["objective"] for c in result["conflicts"]],
            "positive": [len(c["positive"]) for c in result["conflicts"]],
            "negative": [-len(c["negative"]) for c in result["conflicts"]],
        },
    }


def _codes(codes: list[str]) -> str:
    shown = ", ".join(codes[:NAMED_IN_READING])
    more = len(codes) - NAMED_IN_READING
    if more > 0:
        shown += " " + ngettext("and %(count)d more", "and %(count)d more", more) % {"count": more}
    return shown


def coherence_reading(result: dict[str, Any], inputs: CoherenceInputs) -> list[str]:
    """A plain-language reading of the result, sentence by sentence, with its numbers."""
    given = sum(1 for _p, _o, strength in inputs.contributions if strength)
    sentences = [
        _(
            "%(contributions)d contributions link %(projects)d projects and %(objectives)d "
            "objectives."
        )
        % {
            "contributions": given,
            "projects": len(inputs.projects),
            "objectives": len(inputs.objectives),
        }
    ]
    unserved = result["unserved_objectives"]
    if unserved:
        sentences.append(
            ngettext(
                "%(count)d objective is served by no project: %(codes)s.",
                "%(count)d objectives are served by no project: %(codes)s.",
                len(unserved),
            )
            % {"count": len(unserved), "codes": _codes(unserved)}
        )
    else:
        sentences.append(_("Every objective is served by at least one project."))
    idle = result["projects_without_objectives"]
    if idle:
        sentences.append(
            ngettext(
                "%(count)d project serves no objective: %(codes)s.",
                "%(count)d projects serve no objective: %(codes)s.",
                len(idle),
            )
            % {"count": len(idle), "codes": _codes(idle)}
        )
    negative = result["negatively_served_objectives"]
    if negative:
        sentences.append(
            ngettext(
                "%(count)d objective is only held back, never served: %(codes)s.",
                "%(count)d objectives are only held back, never served: %(codes)s.",
                len(negative),
            )
            % {"count": len(negative), "codes": _codes(negative)}
        )
    conflicts = result["conflicts"]
    if conflicts:
        described = ", ".join(
            _("%(code)s (%(positive)d for, %(negative)d against)")
            % {
                "code": c["objective"],
                "positive": len(c["positive"]),
                "negative": len(c["negative"]),
            }
            for c in conflicts[:NAMED_IN_READING]
        )
        if len(conflicts) > NAMED_IN_READING:
            more = len(conflicts) - NAMED_IN_READING
            described += " " + ngettext("and %(count)d more", "and %(count)d more", more) % {
                "count": more
            }
        sentences.append(
            ngettext(
                "%(count)d objective is pulled both ways, served by some projects and hindered "
                "by others: %(list)s.",
                "%(count)d objectives are pulled both ways, served by some projects and "
                "hindered by others: %(list)s.",
                len(conflicts),
            )
            % {"count": len(conflicts), "list": described}
        )
    else:
        sentences.append(_("No objective is served by some projects and hindered by others."))
    return sentences
