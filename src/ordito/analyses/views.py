"""The analyses' pages: the index of a plan's analyses, one page per analysis, their downloads.

A page's content is computed once per content version and language of the plan
(plans/caching.py): a page served from the cache reads the plan and nothing else.
"""

import csv
import io
import json
import shlex
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from ordito.analyses import selectors
from ordito.analyses.coherence import coherence_charts, coherence_reading, coherence_rows
from ordito.analyses.files.sheets import result_sheets, workbook_save
from ordito.analyses.micmac import micmac_charts, micmac_reading, micmac_rows
from ordito.plans.caching import plan_cached
from ordito.plans.models import Plan
from ordito.plans.views.lookups import plan_or_404

# The analyses the index lists: name, title, what it shows, and whether its page exists yet.
ANALYSES = (
    ("micmac", _("Structural analysis (MICMAC)"), _("Which objectives drive the others."), True),
    ("mactor", _("Actors' strategies (MACTOR)"), _("Who holds power, and who agrees."), False),
    ("mcda", _("Priorities"), _("The projects ranked under several weight sets."), False),
    (
        "smaa",
        _("Priorities without agreed weights (SMAA-2)"),
        _("How often each project ranks first."),
        False,
    ),
    ("cpm", _("Sequencing"), _("The critical path of the projects."), False),
    ("network", _("Network of actors"), _("Who works with whom."), False),
    (
        "coherence",
        _("Coherence"),
        _("Projects and objectives: gaps and conflicts."),
        True,
    ),
)
DOWNLOAD_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def index(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    return render(request, "analyses/index.html", {"plan": plan, "analyses": ANALYSES})


def _page(plan: Plan, name: str, build: Callable[[dict[str, Any]], dict[str, Any]]) -> dict:
    """The page's content: `build(result)`, or what the plan lacks; cached per content version."""

    def compute() -> dict[str, Any]:
        try:
            result = json.loads(selectors.analysis_result(plan=plan, name=name))
        except selectors.InputsMissing as error:
            return {"missing": str(error)}
        return {"result": result, **build(result)}

    return plan_cached(plan, f"analyses:{name}-page", compute)


def _render(request: HttpRequest, plan: Plan, name: str, page: dict[str, Any]) -> HttpResponse:
    export = ["ordito", "export", "analysis", plan.slug, name, "--dir", name]
    context = {
        "plan": plan,
        "page": page,
        "name": name,
        "export_command": shlex.join(export),
    }
    return render(request, f"analyses/{name}.html", context)


def micmac(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)

    def build(result: dict[str, Any]) -> dict[str, Any]:
        inputs = selectors.micmac_inputs(plan=plan)
        rows = micmac_rows(result, selectors.objective_titles(plan=plan))
        return {
            "analyze_command": shlex.join(inputs.command_line("micmac")),
            "rows": rows,
            "charts": micmac_charts(rows, inputs),
            "reading": micmac_reading(rows, result),
            "labels": inputs.labels,
            "matrix": [
                (label, ["P" if p else str(v) for v, p in zip(values, potentials, strict=True)])
                for label, values, potentials in zip(
                    inputs.labels, inputs.matrix.tolist(), inputs.potential.tolist(), strict=True
                )
            ],
        }

    return _render(request, plan, "micmac", _page(plan, "micmac", build))


def coherence(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)

    def build(result: dict[str, Any]) -> dict[str, Any]:
        inputs = selectors.coherence_inputs(plan=plan)
        return {
            "analyze_command": shlex.join(inputs.command_line("coherence")),
            "rows": coherence_rows(result, inputs, selectors.objective_titles(plan=plan)),
            "charts": coherence_charts(inputs, result),
            "reading": coherence_reading(result, inputs),
        }

    return _render(request, plan, "coherence", _page(plan, "coherence", build))


def download(request: HttpRequest, plan_slug: str, name: str, file_format: str) -> HttpResponse:
    """A result as JSON (as the API gives it), CSV (one row per item) or XLSX (every table)."""
    if name not in CSV_WRITERS or file_format not in DOWNLOAD_TYPES:
        raise Http404("No such download.")
    plan = plan_or_404(plan_slug)
    try:
        text = selectors.analysis_result(plan=plan, name=name)
    except selectors.InputsMissing as error:
        return HttpResponse(str(error), status=409, content_type="text/plain; charset=utf-8")
    if file_format == "json":
        body: str | bytes = text
    elif file_format == "csv":
        body = _csv(CSV_WRITERS[name](json.loads(text)))
    else:
        stream = io.BytesIO()
        workbook_save(result_sheets(json.loads(text), matrix_labels={}), stream)
        body = stream.getvalue()
    response = HttpResponse(body, content_type=DOWNLOAD_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{plan.slug}-{name}.{file_format}"'
    return response


def _csv(rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _micmac_table(result: dict[str, Any]) -> list[list[Any]]:
    header = [
        "objective",
        "direct_influence",
        "direct_dependence",
        "indirect_influence_percent",
        "indirect_dependence_percent",
        "sector",
        "indirect_sector",
        "influence_rank_shift",
        "dependence_rank_shift",
    ]
    return [header] + [
        [
            row.code,
            row.direct_influence,
            row.direct_dependence,
            row.indirect_influence,
            row.indirect_dependence,
            row.sector,
            row.indirect_sector,
            row.influence_shift,
            row.dependence_shift,
        ]
        for row in micmac_rows(result, {})
    ]


def _coherence_table(result: dict[str, Any]) -> list[list[Any]]:
    """One row per finding of the checks: its kind, the id, and a conflict's projects."""
    rows: list[list[Any]] = [["check", "id", "serving_projects", "hindering_projects"]]
    rows += [["unserved_objective", code, "", ""] for code in result["unserved_objectives"]]
    rows += [
        ["project_without_objectives", code, "", ""]
        for code in result["projects_without_objectives"]
    ]
    rows += [
        ["negatively_served_objective", code, "", ""]
        for code in result["negatively_served_objectives"]
    ]
    rows += [
        ["conflict", c["objective"], ";".join(c["positive"]), ";".join(c["negative"])]
        for c in result["conflicts"]
    ]
    return rows


# The analyses with a page, and how their result is laid out as one CSV table.
CSV_WRITERS: dict[str, Callable[[dict[str, Any]], list[list[Any]]]] = {
    "micmac": _micmac_table,
    "coherence": _coherence_table,
}
