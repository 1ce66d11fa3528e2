"""Every write to people: profiles, roles in plans, API tokens."""

import unicodedata
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ordito.core.records import Author, recorded_delete, upsert, validated_save
from ordito.people.models import DISPLAY_NAME_MAX_LENGTH, ApiToken, Person, PlanRole
from ordito.people.roles import role_get
from ordito.people.tokens import SHOWN_PREFIX_LENGTH, token_digest, token_new
from ordito.plans.models import Plan

PERSON_FIELDS = ("display_name", "language", "municipality")
TOKEN_NAME_MAX_LENGTH = 80
TOKEN_DAYS_DEFAULT = 90
TOKEN_DAYS_MAX = 366


def plain_text(value: Any, *, field: str, max_length: int, required: bool) -> str:
    """`value` as one line of text: spaces trimmed and collapsed, no control characters."""
    if not isinstance(value, str):
        raise ValidationError({field: _("Enter text.")})
    text = " ".join(value.split())
    if any(unicodedata.category(character).startswith("C") for character in text):
        raise ValidationError({field: _("Remove the control characters.")})
    if required and not text:
        raise ValidationError({field: _("This field cannot be empty.")})
    if len(text) > max_length:
        raise ValidationError(
            {field: _("Use at most %(limit)d characters.") % {"limit": max_length}}
        )
    return text


@transaction.atomic
def person_ensure(*, user: AbstractBaseUser) -> Person:
    """The person of `user`, created with the defaults the first time it is asked for."""
    person, _created = Person.objects.get_or_create(user=user)
    return person


@transaction.atomic
def person_update(*, person: Person, values: Mapping[str, Any], by: Author) -> Person:
    """Change a person's display name, language or municipality."""
    values = dict(values)
    if "display_name" in values:
        values["display_name"] = plain_text(
            values["display_name"],
            field="display_name",
            max_length=DISPLAY_NAME_MAX_LENGTH,
            required=True,
        )
    person, _written = upsert(
        Person, by=by, lookup={"pk": person.pk}, values=values, allowed=PERSON_FIELDS
    )
    return person


@transaction.atomic
def plan_role_grant(
    *, plan: Plan, user: AbstractBaseUser, role: str, by: Author
) -> tuple[PlanRole, bool]:
    """Give `user` the `role` in `plan`; granting a role already held changes nothing."""
    if role_get(role) is None:
        raise ValidationError({"role": _("Choose one of the plan's roles.")})
    existing = PlanRole.objects.filter(plan=plan, user=user, role=role).first()
    if existing is not None:
        return existing, False
    return validated_save(PlanRole(plan=plan, user=user, role=role, granted_by=by), by=by), True


@transaction.atomic
def plan_role_revoke(*, plan: Plan, user: AbstractBaseUser, role: str, by: Author) -> bool:
    """Take `role` in `plan` away from `user`; return whether they held it."""
    return recorded_delete(PlanRole, by=by, plan=plan, user=user, role=role)


@transaction.atomic
def api_token_create(
    *, user: AbstractBaseUser, name: str, days: int = TOKEN_DAYS_DEFAULT
) -> tuple[ApiToken, str]:
    """A new personal API token for `user`, expiring in `days`; return it and its text, which
    is shown this once (only its digest is stored)."""
    name = plain_text(name, field="name", max_length=TOKEN_NAME_MAX_LENGTH, required=True)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= TOKEN_DAYS_MAX:
        raise ValidationError(
            {
                "days": _("Give a whole number of days from 1 to %(limit)d.")
                % {"limit": TOKEN_DAYS_MAX}
            }
        )
    text = token_new()
    token = ApiToken(
        user=user,
        name=name,
        prefix=text[:SHOWN_PREFIX_LENGTH],
        digest=token_digest(text),
        expires_at=timezone.now() + timedelta(days=days),
    )
    return validated_save(token, by=user), text


@transaction.atomic
def api_token_revoke(*, user: AbstractBaseUser, token_id: int) -> bool:
    """Revoke (delete) one of `user`'s tokens; False when `user` has no token with that id."""
    return recorded_delete(ApiToken, by=user, pk=token_id, user=user)
