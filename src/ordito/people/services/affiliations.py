"""Writes of affiliations: a person asks to represent an actor, the staff of a plan where the
actor takes part confirm or decline, the person withdraws the request or ends the affiliation.

Who may decide is the predicate `people.decide_affiliation` (people/rules.py), asked by the views
before they call `affiliation_decide`.
"""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ordito.actors.models import Actor
from ordito.core.records import recorded_delete, validated_save
from ordito.people.models import Affiliation
from ordito.people.notifications import AFFILIATION_REQUESTS, AFFILIATIONS
from ordito.people.selectors import plan_staff_of
from ordito.people.services import notify, person_ensure, plain_text
from ordito.plans.selectors import plans_of_actor

POSITION_MAX_LENGTH = Affiliation._meta.get_field("position").max_length
REASON_MAX_LENGTH = Affiliation._meta.get_field("reason").max_length
Status = Affiliation.Status


def my_affiliations_link() -> str:
    return reverse("people:my_affiliations")


@transaction.atomic
def affiliation_request(*, user: AbstractBaseUser, actor: Actor, position: Any) -> Affiliation:
    """Ask that `user` be recognised as representing `actor`, in `position` (what they do for
    it); the staff of every plan where the actor takes part are told.

    Asking again while a request waits, or while the affiliation holds, is refused on `actor`; a
    declined request may be asked again, and waits for a new decision.
    """
    position = plain_text(
        position, field="position", max_length=POSITION_MAX_LENGTH, required=False
    )
    if not isinstance(actor, Actor) or actor.pk is None:
        raise ValidationError({"actor": _("Choose an actor of the registry.")})
    plans = list(plans_of_actor(actor=actor))
    if not plans:
        raise ValidationError(
            {"actor": _("This actor takes part in no plan yet, so nobody could confirm it.")}
        )
    existing = Affiliation.objects.select_for_update().filter(user=user, actor=actor).first()
    if existing is not None and existing.status == Status.REQUESTED:
        raise ValidationError(
            {
                "actor": ValidationError(
                    _("You have already asked to represent this actor: wait for the decision."),
                    code="duplicate",
                )
            }
        )
    if existing is not None and existing.status == Status.CONFIRMED:
        raise ValidationError(
            {"actor": ValidationError(_("You already represent this actor."), code="duplicate")}
        )
    affiliation = existing or Affiliation(user=user, actor=actor)
    if existing is not None:  # declined before: the request waits for a new decision
        affiliation.requested_at = timezone.now()
        affiliation.decided_by = affiliation.decided_at = None
        affiliation.reason = ""
    affiliation.status = Status.REQUESTED
    affiliation.position = position
    try:
        with transaction.atomic():  # a savepoint: the same request made twice at once
            validated_save(affiliation, by=user)
    except IntegrityError as error:  # the other one was saved first, between our check and save
        raise ValidationError(
            {
                "actor": ValidationError(
                    _("You have already asked to represent this actor: wait for the decision."),
                    code="duplicate",
                )
            }
        ) from error
    affiliation_request_announce(affiliation=affiliation, plans=plans)
    return affiliation


def affiliation_request_announce(*, affiliation: Affiliation, plans) -> None:
    """Tell the staff of `plans` (once each, with a link to a plan they run) of a new request."""
    person = person_ensure(user=affiliation.user)
    told = set()
    for held in plan_staff_of(plans=plans):
        if held.user_id in told or held.user_id == affiliation.user_id:
            continue
        told.add(held.user_id)
        plan = held.plan
        notify(
            user=held.user,
            kind=AFFILIATION_REQUESTS,
            message=lambda: (
                _("%(person)s asks to represent “%(actor)s”.")
                % {"person": person, "actor": affiliation.actor.name}
            ),
            link=lambda plan=plan: reverse(
                "people:plan_affiliations", kwargs={"plan_slug": plan.slug}
            ),
            about=affiliation,
        )


@transaction.atomic
def affiliation_decide(
    *, affiliation: Affiliation, confirm: bool, reason: Any, by: AbstractBaseUser
) -> Affiliation:
    """Confirm or decline a waiting request, with a reason (required to decline, since the
    person reads it); the person is told."""
    if not isinstance(confirm, bool):
        raise ValidationError({"confirm": _("Choose to confirm or to decline.")})
    reason = plain_text(reason, field="reason", max_length=REASON_MAX_LENGTH, required=not confirm)
    # Lock the row: two staff members deciding at once must not both decide.
    row = Affiliation.objects.select_for_update().select_related("actor").get(pk=affiliation.pk)
    if row.status != Status.REQUESTED:
        raise ValidationError({"status": _("This request has already been decided.")})
    if by is not None and row.user_id == by.pk:  # superusers too: someone else vouches
        raise ValidationError({"status": _("Someone else must decide on your own request.")})
    row.status = Status.CONFIRMED if confirm else Status.DECLINED
    row.decided_by = by
    row.decided_at = timezone.now()
    row.reason = reason
    validated_save(row, by=by)
    if confirm:

        def message() -> str:
            return _("You now represent “%(actor)s”.") % {"actor": row.actor.name}
    else:

        def message() -> str:
            return _("Your request to represent “%(actor)s” was declined: %(reason)s") % {
                "actor": row.actor.name,
                "reason": reason,
            }

    notify(user=row.user, kind=AFFILIATIONS, message=message, link=my_affiliations_link, about=row)
    return row


@transaction.atomic
def affiliation_withdraw(*, user: AbstractBaseUser, affiliation_id: int) -> bool:
    """Withdraw `user`'s request, or end their affiliation (whatever its status); False when
    `user` has no affiliation with that id. The history keeps that it existed."""
    return recorded_delete(Affiliation, by=user, pk=affiliation_id, user=user)
