"""Affiliations with actors: a person's requests (`/me/affiliations/`), and the requests a plan's
staff decide on (`/p/<plan>/affiliations/`, a staff page: the second factor is required)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ordito.people import selectors, services
from ordito.people.forms import ActorSearchForm, AffiliationDecisionForm, AffiliationRequestForm
from ordito.people.models import Affiliation
from ordito.people.views import form_errors_from
from ordito.plans.selectors import ActorFilters, actors_taking_part
from ordito.plans.views.lookups import plan_or_404

ACTORS_SHOWN = 30  # found actors listed as choices; more ask for a narrower search


def my_affiliations_page(request: HttpRequest, **context) -> HttpResponse:
    search = ActorSearchForm(request.GET)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    found = list(ActorFilters(q=query).apply(actors_taking_part())[: ACTORS_SHOWN + 1])
    context.setdefault("form", AffiliationRequestForm())
    return render(
        request,
        "people/my_affiliations.html",
        {
            "affiliations": selectors.affiliations_of(user=request.user),
            "search": search,
            "query": query,
            "actors": found[:ACTORS_SHOWN],
            "more_actors": len(found) > ACTORS_SHOWN,
            **context,
        },
    )


@login_required
def my_affiliations(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return my_affiliations_page(request)
    form = AffiliationRequestForm(request.POST)
    if form.is_valid():
        try:
            services.affiliation_request(
                user=request.user,
                actor=form.cleaned_data["actor"],
                position=form.cleaned_data["position"],
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("Your request is sent to the plan's staff."))
            return redirect("people:my_affiliations")
    return my_affiliations_page(request, form=form)


@login_required
@require_POST
def affiliation_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    if not services.affiliation_withdraw(user=request.user, affiliation_id=pk):
        raise Http404  # not theirs, or no longer there
    messages.success(request, _("Done: you no longer ask for, or hold, this affiliation."))
    return redirect("people:my_affiliations")


def plan_affiliations_page(request: HttpRequest, plan, failed=None) -> HttpResponse:
    """The requests waiting, each with its decision form (`failed`, bound with its errors, for
    the one just refused), and the actors' confirmed representatives."""
    pending = selectors.affiliations_in(plan=plan, status=Affiliation.Status.REQUESTED)
    rows = [
        (
            affiliation,
            failed
            if failed is not None and failed.prefix == decision_prefix(affiliation)
            else AffiliationDecisionForm(prefix=decision_prefix(affiliation)),
        )
        for affiliation in pending
    ]
    confirmed = selectors.affiliations_in(plan=plan, status=Affiliation.Status.CONFIRMED)
    return render(
        request,
        "people/plan_affiliations.html",
        {"plan": plan, "rows": rows, "confirmed": confirmed},
    )


def decision_prefix(affiliation) -> str:
    return f"a{affiliation.pk}"


@login_required
def plan_affiliations(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    if not request.user.has_perm("people.review_plan_affiliations", plan):
        raise PermissionDenied
    return plan_affiliations_page(request, plan)


@login_required
@require_POST
def plan_affiliation_decide(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    """Confirm or decline a request waiting on this plan's page; one that is not there (another
    plan's actor, already decided, unknown) is not found."""
    plan = plan_or_404(plan_slug)
    if not request.user.has_perm("people.review_plan_affiliations", plan):
        raise PermissionDenied
    pending = selectors.affiliations_in(plan=plan, status=Affiliation.Status.REQUESTED)
    affiliation = pending.filter(pk=pk).first()
    if affiliation is None:
        raise Http404
    if not request.user.has_perm("people.decide_affiliation", affiliation):
        raise PermissionDenied
    form = AffiliationDecisionForm(request.POST, prefix=decision_prefix(affiliation))
    if form.is_valid():
        try:
            services.affiliation_decide(
                affiliation=affiliation,
                confirm=form.cleaned_data["decision"] == "confirm",
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("The decision is recorded and the person is told."))
            return redirect("people:plan_affiliations", plan_slug=plan.slug)
    return plan_affiliations_page(request, plan, failed=form)
