"""The monitoring's pages: the plan's dashboard, a project's timeline with the form to report,
and the staff's publishing of an update."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ordito.monitoring import selectors, services
from ordito.monitoring.forms import UpdateForm
from ordito.monitoring.models import MonitoringSettings, ProgressUpdate
from ordito.plans.models import Project
from ordito.plans.views.lookups import plan_or_404


def dashboard(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    rollup = selectors.plan_rollup(plan=plan)
    context = {
        "plan": plan,
        "rollup": rollup,
        "by_budget": rollup.weighting == MonitoringSettings.Weighting.BUDGET,
        "statuses": [(s.key, s.label) for s in rollup.statuses]
        + [(selectors.NOT_REPORTED, _("Not reported"))],
    }
    return render(request, "monitoring/dashboard.html", context)


def project_timeline(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    project = get_object_or_404(Project.objects.select_related("plan"), plan=plan, pk=pk)
    may_report = request.user.has_perm("monitoring.report_progress", project)
    may_publish = request.user.has_perm("monitoring.publish_progress", project)
    form = None
    if may_report:
        statuses = services.statuses_ensure(plan=plan, by=request.user)
        form = UpdateForm(
            request.POST or None, statuses=statuses, may_publish=may_publish, prefix="update"
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.update_record(project=project, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your update was recorded."))
                return redirect("monitoring:project", plan.slug, project.pk)
    elif request.method == "POST":
        raise Http404(_("No such page."))  # whoever may not report is not told the form exists
    context = {
        "plan": plan,
        "project": project,
        "updates": selectors.project_timeline(project=project),
        "drafts": selectors.project_drafts(project=project) if may_publish else [],
        "form": form,
    }
    return render(request, "monitoring/project.html", context)


@require_POST
def update_publish(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    update = get_object_or_404(
        ProgressUpdate.objects.select_related("project__plan"), project__plan=plan, pk=pk
    )
    if not request.user.has_perm("monitoring.publish_progress", update.project):
        raise Http404(_("No such page."))
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    try:
        services.update_publish(update=update, version=version, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied:
        raise Http404(_("No such page.")) from None
    else:
        messages.success(request, _("The update is published."))
    return redirect("monitoring:project", plan.slug, update.project_id)
