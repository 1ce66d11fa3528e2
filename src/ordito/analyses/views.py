"""The analyses' pages: the index of a plan's analyses and the MICMAC page with its downloads."""

import csv
import io
import json
import shlex
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from ordito.analyses import selectors
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
    ("coherence", _("Coherence"), _("Projects and objectives: gaps and conflicts."), False),
)
DOWNLOAD_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
CSV_COLUMNS = (
    "objective",
    "direct_influence",
    "direct_dependence",
    "indirect_influence_percent",
    "indirect_dependence_percent",
    "sector",
    "indirect_sector",
    "influence_rank_shift",
    "dependence_rank_shift",
)


def index(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    return render(request, "analyses/index.html", {"plan": plan, "analyses": ANALYSES})


def micmac_page(plan: Plan) -> dict[str, Any]:
    """The MICMAC page's content for the plan's current data, computed once per content version
    and language: a cached page reads no inputs and runs no analysis."""

    def compute() -> dict[str, Any]:
        try:
            text = selectors.analysis_result(plan=plan, name="micmac")
        except selectors.InputsMissing as error:
            return {"missing": str(error)}
        result = json.loads(text)
        inputs = selectors.micmac_inputs(plan=plan)
        rows = micmac_rows(result, selectors.objective_titles(plan=plan))
        return {
            "result": result,
            "rows": rows,
            "charts": micmac_charts(rows, inputs),
            "reading": micmac_reading(rows, result),
            "matrix": [
                (
                    label,
                    [
                        "P" if potential else str(value)
                        for value, potential in zip(values, potentials, strict=True)
                    ],
                )
                for label, values, potentials in zip(
                    inputs.labels, inputs.matrix.tolist(), inputs.potential.tolist(), strict=True
                )
            ],
            "labels": inputs.labels,
        }

    return plan_cached(plan, "analyses:micmac-page", compute)


def micmac(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    page = micmac_page(plan)
    command = shlex.join(["ordito", "export", "analysis", plan.slug, "micmac", "--dir", "micmac"])
    context = {
        "plan": plan,
        "page": page,
        "export_command": command,
        "can_edit": request.user.has_perm("people.change_plan_analyses", plan),
    }
    return render(request, "analyses/micmac.html", context)


def micmac_download(request: HttpRequest, plan_slug: str, file_format: str) -> HttpResponse:
    """The MICMAC result as JSON (as the API gives it), CSV (one row per objective) or XLSX."""
    if file_format not in DOWNLOAD_TYPES:
        raise Http404("No such format.")
    plan = plan_or_404(plan_slug)
    try:
        text = selectors.analysis_result(plan=plan, name="micmac")
    except selectors.InputsMissing as error:
        return HttpResponse(str(error), status=409, content_type="text/plain; charset=utf-8")
    if file_format == "json":
        body: str | bytes = text
    elif file_format == "csv":
        body = _micmac_csv(json.loads(text))
    else:
        stream = io.BytesIO()
        workbook_save(result_sheets(json.loads(text), matrix_labels={}), stream)
        body = stream.getvalue()
    response = HttpResponse(body, content_type=DOWNLOAD_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{plan.slug}-micmac.{file_format}"'
    return response


def _micmac_csv(result: dict[str, Any]) -> str:
    rows = micmac_rows(result, {})
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(
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
        )
    return buffer.getvalue()
