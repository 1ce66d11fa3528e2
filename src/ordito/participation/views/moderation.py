"""Reporting, the moderators' queue, and a person's own moderation record."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ordito.participation import selectors
from ordito.participation.forms import ModerationForm, ReportForm
from ordito.participation.models import Post, Proposal, Report, Statement, Suspension, Thread
from ordito.participation.services import moderation as services
from ordito.participation.views.errors import form_errors_from
from ordito.plans.views.lookups import plan_or_404

# What can be reported, by the name in its address.
REPORTABLE = {"post": Post, "thread": Thread, "proposal": Proposal, "statement": Statement}


def reportable_or_404(plan, kind: str, pk: int):
    model = REPORTABLE.get(kind)
    if model is None:
        raise Http404(_("This cannot be reported."))
    path = services.MODERATED[model].plan
    hidden = services.MODERATED[model].hidden
    content = model.objects.filter(pk=pk, **{path: plan}).exclude(**hidden).first()
    if content is None:
        raise Http404(_("Nothing to report here."))
    return content


@login_required
def report(request: HttpRequest, plan_slug: str, kind: str, pk: int) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    content = reportable_or_404(plan, kind, pk)
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_create(
                content=content, reporter=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form_errors_from(form, error)
        except PermissionDenied as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Thank you: the moderators will look at it."))
            return redirect("participation:forum", plan_slug=plan.slug)
    return render(
        request,
        "participation/report.html",
        {"plan": plan, "content": content, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def queue(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    if not request.user.has_perm("people.moderate_plan", plan):
        raise PermissionDenied(_("Only the plan's moderators can see this page."))
    form = None
    if request.method == "POST":
        current = Report.objects.filter(
            pk=request.POST.get("report") or 0, plan=plan, resolved_at__isnull=True
        ).first()
        if current is None:
            raise Http404(_("No such open report."))
        form = ModerationForm(request.POST)
        if form.is_valid() and moderation_act(request, current, form):
            messages.success(request, _("Done: the report is resolved."))
            return redirect("participation:queue", plan_slug=plan.slug)
    return render(
        request,
        "participation/queue.html",
        {
            "plan": plan,
            "reports": selectors.report_queue(plan=plan),
            "log": selectors.moderation_log(plan=plan)[:20],
            "failed": form,
        },
        status=400 if form is not None else 200,
    )


def moderation_act(request: HttpRequest, report: Report, form: ModerationForm) -> bool:
    action, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
    content, by = report.content, request.user
    author = services.author_of(content) if content is not None else None
    try:
        if action == "hide":
            services.content_hide(content=content, by=by, reason=reason)
        elif action == "restore":
            services.content_restore(content=content, by=by, reason=reason)
        elif action == "dismiss":
            services.report_dismiss(report=report, by=by, reason=reason)
        elif author is None:
            form.add_error("action", _("The author no longer has an account."))
            return False
        elif action == "warn":
            services.person_warn(plan=report.plan, person=author, by=by, reason=reason)
            services.report_dismiss(report=report, by=by, reason=reason)
        else:
            services.person_suspend(
                plan=report.plan, person=author, by=by, reason=reason,
                days=form.cleaned_data["days"],
            )  # fmt: skip
            services.report_dismiss(report=report, by=by, reason=reason)
    except ValidationError as error:
        form_errors_from(form, error)
        return False
    return True


@login_required
def my_moderation(request: HttpRequest, plan_slug: str) -> HttpResponse:
    """What moderators did about the person in this plan, with their reasons."""
    plan = plan_or_404(plan_slug)
    suspension = (
        Suspension.objects.filter(
            plan=plan, user=request.user, until__gt=timezone.now(), lifted_at__isnull=True
        )
        .order_by("-until")
        .first()
    )
    return render(
        request,
        "participation/my_moderation.html",
        {
            "plan": plan,
            "suspension": suspension,
            "actions": selectors.moderation_log(plan=plan, person=request.user),
        },
    )
