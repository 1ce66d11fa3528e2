"""The process's API: phases, commissions (public parts), meetings with their registration
counts, new meetings for the plan's staff, and registering and cancelling for oneself.

Same permissions as the site: internal meetings are for their commissions' members and the
plan's staff (404 for everyone else); writes need a personal token or the session with its CSRF
token (people/api_auth.py). Each operation's id is the selector or service it calls.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from ordito.api.errors import INVALID, NOT_FOUND, Error
from ordito.api.languages import localized
from ordito.api.pagination import LimitOffset
from ordito.api.parameters import ROW_ID_MAX
from ordito.core.lookups import found_or_404
from ordito.people.api_auth import AUTHENTICATED
from ordito.people.selectors import api_token_user
from ordito.plans.models import Plan
from ordito.plans.selectors import plan_list
from ordito.process import registrations, selectors, services
from ordito.process.models import Commission, Meeting, Phase, Registration
from ordito.process.schemas import (
    CommissionDetail,
    CommissionSummary,
    MeetingDetail,
    MeetingFilterQuery,
    MeetingIn,
    MeetingSummary,
    PhaseOut,
    RegistrationOut,
)

router = Router(tags=["process"])

SLUG = Path(..., max_length=60, pattern=r"^[-a-zA-Z0-9_]+$", description="The plan's slug.")
ID = Path(..., ge=1, le=ROW_ID_MAX)
UNAUTHENTICATED = {401: Error}
FORBIDDEN = {403: Error}
CONFLICT = {409: Error}


def _viewer(request: HttpRequest):
    """Who reads: the owner of a valid token, else the session's person (or anonymous)."""
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        user = api_token_user(token=header.removeprefix("Bearer ").strip())
        if user is not None:
            return user
    return request.user


TRANSLATED_INPUT = ("title", "description", "agenda")


def _named_as_input(error: ValidationError) -> ValidationError:
    """The service's refusal with its fields named as the request named them (title_it → title)."""
    if not hasattr(error, "error_dict"):
        return error
    renamed = {
        name.removesuffix("_it") if name.removesuffix("_it") in TRANSLATED_INPUT else name: errors
        for name, errors in error.error_dict.items()
    }
    return ValidationError(renamed)


def _plan(slug: str) -> Plan:
    return get_object_or_404(plan_list(), slug=slug)


@router.get(
    "/plans/{slug}/phases",
    response={200: list[PhaseOut], **NOT_FOUND, **INVALID},
    operation_id="process_phases",
)
@localized
def process_phases(request: HttpRequest, slug: str = SLUG) -> QuerySet[Phase]:
    """The plan's phases in order; one of them may be current."""
    return selectors.process_phases(plan=_plan(slug))


@router.get(
    "/plans/{slug}/commissions",
    response={200: list[CommissionSummary], **NOT_FOUND, **INVALID},
    operation_id="commission_list",
)
@localized
def commission_list(request: HttpRequest, slug: str = SLUG) -> QuerySet[Commission]:
    """The plan's commissions and transversal groups, in their order."""
    return selectors.commission_list(plan=_plan(slug))


@router.get(
    "/commissions/{commission_id}",
    response={200: CommissionDetail, **NOT_FOUND, **INVALID},
    operation_id="commission_get",
)
@localized
def commission_get(request: HttpRequest, commission_id: int = ID) -> Commission:
    """A commission's public parts: mandate, coordinators, the actors its members represent.
    Its workspace (drafts, contacts, internal meetings) is never here."""
    commission = get_object_or_404(Commission.objects.select_related("plan"), pk=commission_id)
    return found_or_404(selectors.commission_get, plan=commission.plan, pk=commission_id)


@router.get(
    "/plans/{slug}/meetings",
    response={200: list[MeetingSummary], **NOT_FOUND, **INVALID},
    operation_id="meeting_api_list",
)
@localized
@paginate(LimitOffset)
def meeting_api_list(
    request: HttpRequest, filters: Query[MeetingFilterQuery], slug: str = SLUG
) -> QuerySet[Meeting]:
    """The plan's meetings the caller may know of, soonest first, filtered."""
    return selectors.meeting_api_list(
        plan=_plan(slug), viewer=_viewer(request), filters=filters.selector_filters()
    )


@router.get(
    "/meetings/{meeting_id}",
    response={200: MeetingDetail, **NOT_FOUND, **INVALID},
    operation_id="meeting_api_get",
)
@localized
def meeting_api_get(request: HttpRequest, meeting_id: int = ID) -> Meeting:
    """A meeting, with its capacity and how many are confirmed and waiting."""
    return found_or_404(selectors.meeting_api_get, pk=meeting_id, viewer=_viewer(request))


@router.post(
    "/plans/{slug}/meetings",
    auth=AUTHENTICATED,
    response={201: MeetingDetail, **UNAUTHENTICATED, **FORBIDDEN, **NOT_FOUND, **INVALID},
    operation_id="meeting_save",
)
@localized
def meeting_save(request: HttpRequest, body: MeetingIn, slug: str = SLUG):
    """A new meeting of the plan, for its staff. Every refusal names its field."""
    plan = _plan(slug)
    if not request.auth.has_perm("plans.change_plan", plan):
        raise HttpError(403, _("Only the plan's staff create meetings."))
    values = body.model_dump()
    # The plan's texts are written in Italian first (the English falls back to it).
    for name in TRANSLATED_INPUT:
        values[f"{name}_it"] = values.pop(name)
    try:
        meeting, _written = services.meeting_save(by=request.auth, plan=plan, values=values)
    except ValidationError as error:
        raise _named_as_input(error) from error
    return Status(201, selectors.meeting_api_get(pk=meeting.pk, viewer=request.auth))


@router.post(
    "/meetings/{meeting_id}/registrations",
    auth=AUTHENTICATED,
    response={
        201: RegistrationOut,
        **UNAUTHENTICATED,
        **FORBIDDEN,
        **NOT_FOUND,
        **CONFLICT,
        **INVALID,
    },
    operation_id="meeting_register",
)
@localized
def meeting_register(request: HttpRequest, meeting_id: int = ID):
    """Register the caller: a confirmed place while there is one, else the waiting list (with
    the place on it). 409 when already registered; 422 outside the registration window or the
    meeting's categories."""
    meeting = found_or_404(selectors.meeting_visible_by_pk, pk=meeting_id, viewer=request.auth)
    try:
        registration = registrations.meeting_register(meeting=meeting, user=request.auth)
    except registrations.AlreadyRegistered as error:
        raise HttpError(409, str(error)) from error
    except PermissionDenied as error:
        raise HttpError(403, _("You may not register for this meeting.")) from error
    return Status(
        201,
        {
            "status": registration.status,
            "position": registrations.waiting_place(registration),
        },
    )


@router.delete(
    "/meetings/{meeting_id}/registrations/me",
    auth=AUTHENTICATED,
    response={204: None, **UNAUTHENTICATED, **FORBIDDEN, **NOT_FOUND, **INVALID},
    operation_id="registration_cancel",
)
@localized
def registration_cancel(request: HttpRequest, meeting_id: int = ID):
    """Cancel the caller's registration; a freed place goes to the first person waiting."""
    meeting = found_or_404(selectors.meeting_visible_by_pk, pk=meeting_id, viewer=request.auth)
    try:
        registrations.registration_cancel(meeting=meeting, user=request.auth, by=request.auth)
    except Registration.DoesNotExist as error:
        raise HttpError(404, _("You hold no registration for this meeting.")) from error
    return HttpResponse(status=204)
