"""The staff's pages for running the process: meetings, their minutes and motions, phases,
milestones and commissions. Only the plan's staff (`plans.change_plan`) reach them; every other
person gets a 403 (the plan itself is public), and an id of another plan a 404."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ordito.accounts.staff import staff_page
from ordito.core.lookups import found_or_404
from ordito.plans.models import Plan
from ordito.plans.views.lookups import plan_or_404
from ordito.process import selectors, services
from ordito.process.forms import (
    CommissionForm,
    MeetingForm,
    MilestoneForm,
    MinutesForm,
    MotionForm,
    MotionResultForm,
    PhaseForm,
)
from ordito.process.models import Commission, Meeting, Milestone, Motion, Phase
from ordito.process.views.workspace import form_errors_from


def staff_plan_or_403(request: HttpRequest, plan_slug: str) -> Plan:
    plan = plan_or_404(plan_slug)
    if not request.user.has_perm("plans.change_plan", plan):
        raise PermissionDenied
    return plan


def edit_page(
    request: HttpRequest,
    *,
    plan: Plan,
    form,
    save: Callable[[], object],
    heading: str,
    back: str,
    done: str,
) -> HttpResponse:
    """Validate `form` on POST, call `save` and go `back`; otherwise show the form (400 when
    it was sent with errors)."""
    if request.method == "POST" and form.is_valid():
        try:
            save()
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, done)
            return redirect(back)
    context = {"plan": plan, "form": form, "heading": heading, "back": back}
    status = 400 if request.method == "POST" else 200
    return render(request, "process/edit.html", context, status=status)


@staff_page
@login_required
def meeting_edit(request: HttpRequest, plan_slug: str, pk: int | None = None) -> HttpResponse:
    plan = staff_plan_or_403(request, plan_slug)
    meeting = get_object_or_404(Meeting, plan=plan, pk=pk) if pk else None
    form = MeetingForm(request.POST or None, plan=plan, instance=meeting)
    saved = {}

    def save() -> None:
        saved["meeting"], _written = services.meeting_save(
            by=request.user, plan=plan, meeting=meeting, values=form.values(), **form.links()
        )

    response = edit_page(
        request,
        plan=plan,
        form=form,
        save=save,
        heading=_("Edit the meeting") if meeting else _("New meeting"),
        back=meeting.get_absolute_url() if meeting else _meetings_url(plan),
        done=_("The meeting is saved."),
    )
    if "meeting" in saved and meeting is None:
        return redirect(saved["meeting"].get_absolute_url())
    return response


def _meetings_url(plan: Plan) -> str:
    return reverse("process:meeting_list", kwargs={"plan_slug": plan.slug})


@staff_page
@login_required
def meeting_minutes(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    plan = staff_plan_or_403(request, plan_slug)
    meeting = get_object_or_404(Meeting, plan=plan, pk=pk)
    initial = {"minutes": meeting.minutes, "publish": meeting.minutes_published_at is not None}
    form = MinutesForm(request.POST or None, initial=initial)
    return edit_page(
        request,
        plan=plan,
        form=form,
        save=lambda: services.meeting_minutes_set(
            by=request.user,
            meeting=meeting,
            minutes=form.cleaned_data["minutes"],
            publish=form.cleaned_data["publish"],
        ),
        heading=_("Minutes of “%(meeting)s”") % {"meeting": meeting.title},
        back=meeting.get_absolute_url(),
        done=_("The minutes are saved."),
    )


@staff_page
@login_required
def motion_edit(
    request: HttpRequest, plan_slug: str, pk: int, motion_pk: int | None = None
) -> HttpResponse:
    plan = staff_plan_or_403(request, plan_slug)
    meeting = get_object_or_404(Meeting, plan=plan, pk=pk)
    motion = get_object_or_404(Motion, meeting=meeting, pk=motion_pk) if motion_pk else None
    form = MotionForm(request.POST or None, instance=motion)
    return edit_page(
        request,
        plan=plan,
        form=form,
        save=lambda: services.motion_save(
            by=request.user, meeting=meeting, motion=motion, values=form.values()
        ),
        heading=_("Edit the motion") if motion else _("New motion"),
        back=meeting.get_absolute_url(),
        done=_("The motion is saved."),
    )


@staff_page
@login_required
def motion_result(request: HttpRequest, plan_slug: str, pk: int, motion_pk: int) -> HttpResponse:
    plan = staff_plan_or_403(request, plan_slug)
    meeting = get_object_or_404(Meeting, plan=plan, pk=pk)
    motion = get_object_or_404(Motion, meeting=meeting, pk=motion_pk)
    form = MotionResultForm(request.POST or None, instance=motion)
    return edit_page(
        request,
        plan=plan,
        form=form,
        save=lambda: services.motion_result_record(by=request.user, motion=motion, **form.values()),
        heading=_("Result of “%(motion)s”") % {"motion": motion.title},
        back=meeting.get_absolute_url(),
        done=_("The result is recorded."),
    )


def _coded_edit(
    request, plan, *, model, form_class, save, pk, back, headings, done, form_kwargs=None
):
    """The edit page of a part saved by its code (phase, milestone, commission)."""
    row = get_object_or_404(model, plan=plan, pk=pk) if pk else None
    form = form_class(request.POST or None, instance=row, **(form_kwargs or {}))
    if row is not None:
        form.fields["code"].disabled = True  # the code is the key (decision 0001)

    def saved() -> None:
        values = form.values()
        code = row.code if row is not None else values["code"]
        if row is None and model.objects.filter(plan=plan, code=code).exists():
            raise ValidationError({"code": _("This plan already has one with this code.")})
        values.pop("code")
        save(by=request.user, plan=plan, code=code, values=values)

    return edit_page(
        request,
        plan=plan,
        form=form,
        save=saved,
        heading=headings[row is not None],
        back=back,
        done=done,
    )


@staff_page
@login_required
def phase_edit(request: HttpRequest, plan_slug: str, pk: int | None = None) -> HttpResponse:
    plan = staff_plan_or_403(request, plan_slug)
    return _coded_edit(
        request,
        plan,
        model=Phase,
        form_class=PhaseForm,
        save=services.phase_save,
        pk=pk,
        back=_process_url(plan),
        headings=(_("New phase"), _("Edit the phase")),
        done=_("The phase is saved."),
    )


@staff_page
@login_required
def milestone_edit(request: HttpRequest, plan_slug: str, pk: int | None = None) -> HttpResponse:
    plan = staff_plan_or_403(request, plan_slug)
    return _coded_edit(
        request,
        plan,
        model=Milestone,
        form_class=MilestoneForm,
        save=services.milestone_save,
        pk=pk,
        back=_process_url(plan),
        headings=(_("New milestone"), _("Edit the milestone")),
        done=_("The milestone is saved."),
        form_kwargs={"plan": plan},
    )


@staff_page
@login_required
def commission_edit(request: HttpRequest, plan_slug: str, pk: int | None = None) -> HttpResponse:
    plan = staff_plan_or_403(request, plan_slug)
    if pk:
        commission = found_or_404(selectors.commission_get, plan=plan, pk=pk)
        back = commission.get_absolute_url()
    else:
        back = reverse("process:commission_list", kwargs={"plan_slug": plan.slug})
    return _coded_edit(
        request,
        plan,
        model=Commission,
        form_class=CommissionForm,
        save=services.commission_save,
        pk=pk,
        back=back,
        headings=(_("New commission"), _("Edit the commission")),
        done=_("The commission is saved."),
        form_kwargs={"plan": plan},
    )


def _process_url(plan: Plan) -> str:
    return reverse("process:process", kwargs={"plan_slug": plan.slug})
