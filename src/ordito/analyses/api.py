"""The analyses' API: each analysis of a plan, exactly as `ordito analyze` prints it.

`GET /api/v1/plans/{slug}/analyses/{name}` answers the JSON object the command prints for the
plan's inputs (`ordito export analysis SLUG NAME --dir DIR` writes those inputs and the command
line). The result is cached until the plan's content changes (plans/caching.py).
"""

from typing import Literal

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema, Status

from ordito.analyses import selectors
from ordito.analyses.inputs import DEFAULT_METHOD
from ordito.api.errors import INVALID, NOT_FOUND, Error
from ordito.api.languages import localized
from ordito.plans.models import Plan

router = Router(tags=["analyses"])

SLUG = Path(..., max_length=60, pattern=r"^[-a-zA-Z0-9_]+$", description="The plan's slug.")
NAME = Path(
    ..., max_length=30, description="micmac, mactor, mcda, smaa, cpm, network or coherence."
)


class AnalysisQuery(Schema):
    method: Literal["weighted_sum", "topsis", "promethee"] | None = None
    policy: str | None = Field(None, max_length=100)


def _invalid(parameter: str, message: str) -> Status:
    """A 422 naming a query parameter, in the shape of ninja's own."""
    return Status(
        422, {"detail": [{"type": "invalid", "loc": ["query", parameter], "msg": message}]}
    )


@router.get(
    "/plans/{slug}/analyses/{name}",
    response={200: dict, **NOT_FOUND, 409: Error, **INVALID},
    operation_id="analysis_result",
)
@localized
def analysis_result(
    request: HttpRequest, options: Query[AnalysisQuery], slug: str = SLUG, name: str = NAME
) -> HttpResponse | Status:
    """The result of one analysis of the plan's current data, as `ordito analyze NAME` prints it.

    `method` and `policy` apply to `mcda` only: `method` is weighted_sum (default), topsis or
    promethee; without `policy` the projects are ranked with the balanced weights and every
    weight set is compared side by side, with `policy` by that weight set alone. The plan stores
    no weight sets yet: they are derived from its meta-objectives ("balanced", "<code>-first").
    409 when the plan lacks the inputs of the analysis, with what to add (in the language of
    `lang` or `Accept-Language`, as every message of the API).
    """
    plan = get_object_or_404(Plan, slug=slug)
    if name not in selectors.INPUTS:
        raise Http404("No such analysis.")
    extra = {}
    if name != "mcda":
        for parameter in ("method", "policy"):
            if getattr(options, parameter) is not None:
                return _invalid(parameter, "Applies to mcda only.")
    else:
        names = selectors.policy_names(plan=plan) if options.policy is not None else ()
        if options.policy is not None and options.policy not in names:
            return _invalid("policy", "Choose one of: " + ", ".join(names) + ".")
        extra = {"method": options.method or DEFAULT_METHOD, "policy": options.policy}
    try:
        text = selectors.analysis_result(plan=plan, name=name, **extra)
    except selectors.InputsMissing as error:
        return Status(409, {"detail": str(error)})
    return HttpResponse(text, content_type="application/json")
