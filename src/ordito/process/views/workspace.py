"""A commission's workspace: its drafts and their versions, its members with their contacts, its
internal meetings. Nobody but its members and the plan's staff learns that it exists: everyone
else gets a 404, at the workspace's address and at every draft's and version's."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ordito.core.lookups import found_or_404
from ordito.plans.views.lookups import plan_or_404
from ordito.process import selectors, services
from ordito.process.forms import DocumentForm, VersionForm
from ordito.process.models import Commission
from ordito.process.views.public import document_response


def form_errors_from(form, error: ValidationError) -> None:
    """Show a service's refusal on the form's fields (or on the form when it names none)."""
    for field, field_messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, field_messages)


def workspace_commission_or_404(request: HttpRequest, plan_slug: str, pk: int) -> Commission:
    """The commission whose workspace the person asks for, if they may use it; else a 404."""
    plan = plan_or_404(plan_slug)
    commission = found_or_404(selectors.commission_get, plan=plan, pk=pk)
    if not request.user.has_perm("process.view_workspace", commission):
        raise Http404
    return commission


def workspace_page(request, commission, *, document_form=None, version_forms=None):
    documents = list(selectors.commission_documents(commission=commission))
    version_forms = version_forms or {}
    for document in documents:
        document.version_form = version_forms.get(document.pk) or VersionForm(
            auto_id=f"id_v{document.pk}_%s"
        )
    context = {
        "plan": commission.plan,
        "commission": commission,
        "documents": documents,
        "document_form": document_form or DocumentForm(),
        "meetings": selectors.commission_meetings(commission=commission, include_internal=True),
    }
    status = 400 if document_form is not None or version_forms else 200
    return render(request, "process/workspace.html", context, status=status)


def workspace(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    commission = workspace_commission_or_404(request, plan_slug, pk)
    return workspace_page(request, commission)


@require_POST
def document_create(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    commission = workspace_commission_or_404(request, plan_slug, pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.document_create(
                by=request.user,
                commission=commission,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("The document is saved."))
            return redirect("process:workspace", plan_slug=plan_slug, pk=commission.pk)
    return workspace_page(request, commission, document_form=form)


@require_POST
def version_add(request: HttpRequest, plan_slug: str, pk: int, document_pk: int) -> HttpResponse:
    commission = workspace_commission_or_404(request, plan_slug, pk)
    document = found_or_404(selectors.document_get, commission=commission, pk=document_pk)
    form = VersionForm(request.POST, request.FILES, auto_id=f"id_v{document.pk}_%s")
    if form.is_valid():
        try:
            services.document_version_add(
                by=request.user,
                document=document,
                upload=form.cleaned_data["file"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("The new version is saved."))
            return redirect("process:workspace", plan_slug=plan_slug, pk=commission.pk)
    return workspace_page(request, commission, version_forms={document.pk: form})


def version_download(
    request: HttpRequest, plan_slug: str, pk: int, document_pk: int, number: int
) -> HttpResponse:
    commission = workspace_commission_or_404(request, plan_slug, pk)
    version = found_or_404(
        selectors.document_version_get,
        commission=commission,
        document_pk=document_pk,
        number=number,
    )
    return document_response(version.file, version.original_name, version.content_type)
