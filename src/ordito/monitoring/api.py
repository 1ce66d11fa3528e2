"""The monitoring's API: a project's published updates, reporting one (its actor contacts and the
plan's staff, with a token or a session: people/api_auth.py), and the plan's roll-up. Each
operation's id is the selector or service it calls."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Path, Router, Status
from ninja.errors import HttpError

from ordito.api.errors import INVALID, NOT_FOUND, Error
from ordito.api.languages import localized
from ordito.api.parameters import ROW_ID_MAX
from ordito.monitoring import selectors, services
from ordito.monitoring.models import ProgressUpdate
from ordito.monitoring.schemas import ProgressOut, UpdateIn, UpdateOut
from ordito.people.api_auth import AUTHENTICATED
from ordito.plans.models import Project
from ordito.plans.selectors import plan_list

router = Router(tags=["monitoring"])

SLUG = Path(..., max_length=60, pattern=r"^[-a-zA-Z0-9_]+$", description="The plan's slug.")
ID = Path(..., ge=1, le=ROW_ID_MAX)
UNAUTHENTICATED = {401: Error}
FORBIDDEN = {403: Error}


def _project(project_id: int) -> Project:
    return get_object_or_404(Project.objects.select_related("plan"), pk=project_id)


@router.get(
    "/projects/{project_id}/updates",
    response={200: list[UpdateOut], **NOT_FOUND, **INVALID},
    operation_id="project_timeline",
)
def project_timeline(request: HttpRequest, project_id: int = ID) -> QuerySet[ProgressUpdate]:
    """The project's published updates, latest first."""
    return selectors.project_timeline(project=_project(project_id))


@router.post(
    "/projects/{project_id}/updates",
    auth=AUTHENTICATED,
    response={201: UpdateOut, **UNAUTHENTICATED, **FORBIDDEN, **NOT_FOUND, **INVALID},
    operation_id="update_record",
)
@localized
def update_record(request: HttpRequest, body: UpdateIn, project_id: int = ID):
    """Report on the project, as one of its actor contacts or the plan's staff; the update waits
    for the staff to publish it. Every refusal names its field."""
    project = _project(project_id)
    values = body.model_dump()
    values["spent_eur"] = values.pop("spent")
    try:
        update = services.update_record(project=project, by=request.auth, **values)
    except PermissionDenied as error:
        raise HttpError(403, _("You may not report on this project.")) from error
    return Status(
        201, selectors.project_timeline(project=project, published_only=False).get(pk=update.pk)
    )


@router.get(
    "/plans/{slug}/progress",
    response={200: ProgressOut, **NOT_FOUND, **INVALID},
    operation_id="plan_rollup",
)
def plan_rollup(request: HttpRequest, slug: str = SLUG):
    """The plan's progress and projects by status, for the plan, its areas, directions and
    objectives, with the weighting used."""
    return selectors.plan_rollup(plan=get_object_or_404(plan_list(), slug=slug))
