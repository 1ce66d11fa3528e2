"""The calendar feeds (.ics): a plan's public meetings, a commission's, one meeting, and a
person's own registrations at a secret address. A forged or reset secret finds nothing (404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from ordito.core.lookups import found_or_404
from ordito.people.emails import site_url
from ordito.plans.views.lookups import plan_or_404
from ordito.process import selectors, services
from ordito.process.calendars import MEDIA_TYPE, calendar_build

SECRET_MAX_LENGTH = 64


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=MEDIA_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@cache_control(public=True, max_age=300)
def plan_calendar(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    meetings = selectors.calendar_meetings(plan=plan)
    return _ics(calendar_build(meetings, name=plan.title), f"{plan.slug}.ics")


@cache_control(public=True, max_age=300)
def commission_calendar(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    commission = found_or_404(selectors.commission_get, plan=plan, pk=pk)
    meetings = selectors.calendar_meetings(plan=plan, commission=commission)
    name = f"{commission.title} · {plan.title}"
    return _ics(calendar_build(meetings, name=name), f"{plan.slug}-commission-{pk}.ics")


@cache_control(private=True, max_age=0)
def meeting_calendar(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    """One meeting, to add to a calendar (the same event as in the feeds: same UID)."""
    plan = plan_or_404(plan_slug)
    meeting = found_or_404(selectors.meeting_visible_get, plan=plan, pk=pk, viewer=request.user)
    return _ics(calendar_build([meeting], name=meeting.title), f"meeting-{pk}.ics")


@cache_control(private=True, no_store=True)
def private_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """The meetings a person registered for; the token in the address is the only key."""
    if len(token) > SECRET_MAX_LENGTH:
        raise Http404
    owner = found_or_404(selectors.calendar_owner, token=token)
    meetings = selectors.calendar_meetings_of(user=owner)
    language = getattr(getattr(owner, "person", None), "language", None)
    return _ics(calendar_build(meetings, name="Ordito", language=language), "ordito.ics")


@login_required
@require_POST
def calendar_secret_reset(request: HttpRequest) -> HttpResponse:
    services.calendar_secret_reset(user=request.user)
    messages.success(
        request, _("Your private calendar has a new address; the old one no longer works.")
    )
    return redirect(reverse("people:my_area") + "#my-meetings")


def my_area_section(user: AbstractBaseUser) -> dict:
    """The context of the process's section of my area (registered in apps.py)."""
    token = selectors.calendar_token_of(user=user)
    url = site_url(reverse("process:private_calendar", kwargs={"token": token})) if token else ""
    return {
        "registrations": selectors.registrations_upcoming_of(user=user),
        "calendar_url": url,
    }
