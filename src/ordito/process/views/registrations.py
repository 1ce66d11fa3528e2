"""Registering for a meeting and cancelling (the person), and the list of registrations with
its exports and attendance (the plan's staff)."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from ordito.accounts.staff import staff_page
from ordito.core.lookups import found_or_404
from ordito.plans.views.lookups import plan_or_404
from ordito.process import registrations, selectors
from ordito.process.models import Meeting, Registration


def _meeting_or_404(request: HttpRequest, plan_slug: str, pk: int) -> Meeting:
    plan = plan_or_404(plan_slug)
    return found_or_404(selectors.meeting_visible_get, plan=plan, pk=pk, viewer=request.user)


def person_name(user) -> str:
    """The name others see of `user` (their profile's, or "Participant N" without one)."""
    try:
        return str(user.person)
    except Registration.user.field.related_model.person.RelatedObjectDoesNotExist:
        return _("Participant %(number)s") % {"number": user.pk}


def _refusal(error: ValidationError) -> str:
    return " ".join(message for messages_ in error.message_dict.values() for message in messages_)


@require_POST
def meeting_register(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    meeting = _meeting_or_404(request, plan_slug, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(meeting.get_absolute_url())
    try:
        registration = registrations.meeting_register(meeting=meeting, user=request.user)
    except registrations.AlreadyRegistered:
        messages.info(request, _("You are already registered for this meeting."))
    except ValidationError as error:
        messages.error(request, _refusal(error))
    else:
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(request, _("You are registered. We have sent you a confirmation."))
        else:
            messages.warning(
                request,
                _("The meeting is full: you are number %(place)d on the waiting list.")
                % {"place": registrations.waiting_place(registration)},
            )
    return redirect(meeting.get_absolute_url() + "#registration")


@login_required
@require_POST
def meeting_unregister(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    meeting = _meeting_or_404(request, plan_slug, pk)
    try:
        registrations.registration_cancel(meeting=meeting, user=request.user, by=request.user)
    except Registration.DoesNotExist:
        messages.info(request, _("You were not registered for this meeting."))
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(meeting.get_absolute_url() + "#registration")


def _staff_meeting_or_404(request: HttpRequest, plan_slug: str, pk: int) -> Meeting:
    meeting = _meeting_or_404(request, plan_slug, pk)
    if not request.user.has_perm("process.manage_registrations", meeting):
        raise PermissionDenied
    return meeting


@staff_page
@login_required
def registration_list(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    """The list, with a box per confirmed person to record who attended."""
    meeting = _staff_meeting_or_404(request, plan_slug, pk)
    rows = list(selectors.registration_list(meeting=meeting))
    if request.method == "POST":
        try:
            attended = {int(value) for value in request.POST.getlist("attended")}
            registrations.attendance_record(
                meeting=meeting, attended_user_ids=attended, by=request.user
            )
        except (ValueError, ValidationError):
            messages.error(request, _("Choose people with a confirmed registration."))
        else:
            messages.success(request, _("Attendance is recorded."))
            return redirect("process:registration_list", plan_slug=plan_slug, pk=pk)
    context = {
        "plan": meeting.plan,
        "meeting": meeting,
        "confirmed": [r for r in rows if r.status == Registration.Status.CONFIRMED],
        "waiting": [r for r in rows if r.status == Registration.Status.WAITLISTED],
    }
    return render(request, "process/registrations/list.html", context)


EXPORT_COLUMNS = ("status", "place", "name", "email", "registered_at", "attended")


def _export_rows(meeting: Meeting):
    headers = [
        _("Status"),
        _("Place on the waiting list"),
        _("Name"),
        _("E-mail"),
        _("Registered at"),
        _("Attended"),
    ]
    rows = []
    place = 0
    for registration in selectors.registration_list(meeting=meeting):
        waiting = registration.status == Registration.Status.WAITLISTED
        place += waiting
        rows.append(
            [
                registration.get_status_display(),
                place if waiting else None,
                person_name(registration.user),
                registration.user.email,
                timezone.localtime(registration.created_at).replace(tzinfo=None),
                _("yes") if registration.attended else _("no"),
            ]
        )
    return headers, rows


@staff_page
@login_required
def registration_export(request: HttpRequest, plan_slug: str, pk: int, fmt: str) -> HttpResponse:
    """The list as CSV or XLSX; times in Italian time."""
    meeting = _staff_meeting_or_404(request, plan_slug, pk)
    headers, rows = _export_rows(meeting)
    filename = f"registrations-{meeting.pk}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")  # a BOM, so that spreadsheet apps read the accents right
        writer = csv.writer(response)
        writer.writerow(headers)
        for row in rows:
            writer.writerow(
                [
                    value.strftime("%Y-%m-%d %H:%M") if hasattr(value, "strftime") else value
                    for value in row
                ]
            )
    elif fmt == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = _("Registrations")[:31]
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
        for cell in sheet["E"][1:]:
            cell.number_format = "yyyy-mm-dd hh:mm"
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
