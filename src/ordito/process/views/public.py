"""The process's public pages: the timeline, the commissions, the meetings.

An internal meeting is for its commissions' members and the plan's staff: to anyone else it is
not found (404), at every address that names it.
"""

from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render

from ordito.core.lookups import found_or_404
from ordito.plans.views.lookups import plan_or_404
from ordito.process import selectors
from ordito.process.forms import MeetingFilterForm
from ordito.process.registrations import registration_is_open

MEETINGS_PER_PAGE = 20


def process(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    context = {
        "plan": plan,
        "phases": selectors.process_phases(plan=plan),
        "other_milestones": selectors.milestones_outside_phases(plan=plan),
        "motions": selectors.motions_approved(plan=plan),
        "can_edit": request.user.has_perm("plans.change_plan", plan),
    }
    return render(request, "process/process.html", context)


def commission_list(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    context = {
        "plan": plan,
        "commissions": selectors.commission_list(plan=plan),
        "can_edit": request.user.has_perm("plans.change_plan", plan),
    }
    return render(request, "process/commission_list.html", context)


def commission(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    commission = found_or_404(selectors.commission_get, plan=plan, pk=pk)
    memberships = list(commission.memberships.all())
    meetings = selectors.commission_meetings(commission=commission, include_internal=False)
    context = {
        "plan": plan,
        "commission": commission,
        "coordinators": [m for m in memberships if m.role == m.Role.COORDINATOR],
        "member_actors": sorted(
            {m.actor for m in memberships if m.actor is not None}, key=lambda actor: actor.name
        ),
        "member_count": len(memberships),
        "meetings": meetings,
        "can_use_workspace": request.user.has_perm("process.view_workspace", commission),
        "can_edit": request.user.has_perm("plans.change_plan", plan),
    }
    return render(request, "process/commission_detail.html", context)


def meeting_list(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    form = MeetingFilterForm(request.GET, plan=plan)
    meetings = selectors.meeting_list(plan=plan, viewer=request.user, filters=form.filters())
    page = Paginator(meetings, MEETINGS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "plan": plan,
        "form": form,
        "page": page,
        "can_edit": request.user.has_perm("plans.change_plan", plan),
    }
    return render(request, "process/meeting_list.html", context)


def meeting(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    meeting = found_or_404(selectors.meeting_get, plan=plan, pk=pk, viewer=request.user)
    context = {
        "plan": plan,
        "meeting": meeting,
        "can_edit": request.user.has_perm("plans.change_plan", plan),
        # The registration block (views/registrations.py has the forms' views).
        "registration": selectors.registration_panel(meeting=meeting, viewer=request.user),
        "registration_open": registration_is_open(meeting),
    }
    return render(request, "process/meeting_detail.html", context)


def meeting_document(request: HttpRequest, plan_slug: str, pk: int, document_pk: int):
    plan = plan_or_404(plan_slug)
    meeting = found_or_404(selectors.meeting_get, plan=plan, pk=pk, viewer=request.user)
    document = found_or_404(selectors.meeting_document_get, meeting=meeting, pk=document_pk)
    return document_response(document.file, document.original_name, document.content_type)


def document_response(file, filename: str, content_type: str) -> FileResponse:
    response = FileResponse(
        file.open("rb"), as_attachment=True, filename=filename, content_type=content_type
    )
    # A stored document is never rendered by the browser as something else.
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
