"""Every write to people: profiles, roles in plans, API tokens, notifications, personal data.

Categories of participants (`categories`) and affiliations with actors (`affiliations`) have
modules of their own, whose services are imported at the end of this one: callers write
`services.affiliation_request(...)` whichever module holds it.
"""

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from ordito.core.languages import LANGUAGE_CODES, translated
from ordito.core.records import Author, recorded_delete, upsert, validated_save
from ordito.people.categories import DEFAULT_CATEGORIES
from ordito.people.emails import notification_email
from ordito.people.models import (
    DISPLAY_NAME_MAX_LENGTH,
    NOTIFICATION_MESSAGE_MAX_LENGTH,
    ApiToken,
    Category,
    Notification,
    NotificationSetting,
    Person,
    PlanRole,
)
from ordito.people.notifications import ROLES, Delivery, notification_kind_get
from ordito.people.personal_data import personal_data_parts
from ordito.people.roles import role_get
from ordito.people.selectors import notification_deliveries
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
    """Change a person's display name, language, municipality or categories (`categories`: the
    ids of every category they belong to, in any plan)."""
    values = dict(values)
    if "display_name" in values:
        values["display_name"] = plain_text(
            values["display_name"],
            field="display_name",
            max_length=DISPLAY_NAME_MAX_LENGTH,
            required=True,
        )
    has_categories = "categories" in values
    categories = values.pop("categories", None)
    person, _written = upsert(
        Person, by=by, lookup={"pk": person.pk}, values=values, allowed=PERSON_FIELDS
    )
    if has_categories:
        person.categories.set(person_categories_clean(categories))
    return person


def person_categories_clean(categories: Any) -> list[int]:
    """The ids of existing categories of participants (of any plan), from ids or rows."""
    if isinstance(categories, str | bytes) or not isinstance(categories, Iterable):
        raise ValidationError({"categories": _("Choose among the plans' categories.")})
    ids = {getattr(category, "pk", category) for category in categories}
    if not all(isinstance(pk, int) and not isinstance(pk, bool) for pk in ids) or (
        Category.objects.filter(pk__in=ids).count() != len(ids)
    ):
        raise ValidationError({"categories": _("Choose among the plans' categories.")})
    return sorted(ids)


@transaction.atomic
def person_example_set(*, person: Person, is_example: bool, by: Author) -> Person:
    """Flag `person` as invented for a demo (or not), so that pages can label them "Example".

    Kept apart from `person_update`, whose values come from the profile form: a person never
    flags themselves.
    """
    if not isinstance(is_example, bool):
        raise ValidationError({"is_example": _("Choose yes or no.")})
    person, _written = upsert(
        Person,
        by=by,
        lookup={"pk": person.pk},
        values={"is_example": is_example},
        allowed=("is_example",),
    )
    return person


@transaction.atomic
def categories_default_ensure(*, plan: Plan) -> int:
    """Give `plan` the default categories of participants if it has none; return how many were made.

    A plan whose staff removed every category gets them back only through this call, which the
    creation of a plan makes (people/signals.py) and the demo repeats harmlessly.
    """
    if Category.objects.filter(plan=plan).exists():
        return 0
    categories = []
    for order, (key, label) in enumerate(DEFAULT_CATEGORIES, start=1):
        labels = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                labels[f"label_{code}"] = str(label)
        categories.append(Category(plan=plan, key=key, order=order, **labels))
    Category.objects.bulk_create(categories)
    return len(categories)


CATEGORY_FIELDS = (*translated("label"), "order")


@transaction.atomic
def category_save(
    *, by: Author, plan: Plan, key: str, values: Mapping[str, Any]
) -> tuple[Category, bool]:
    """Create or update the category `key` of `plan`; saving the same values again writes
    nothing (a consultation day of the process app targets categories made here)."""
    return upsert(
        Category, by=by, lookup={"plan": plan, "key": key}, values=values, allowed=CATEGORY_FIELDS
    )


@transaction.atomic
def plan_role_grant(
    *, plan: Plan, user: AbstractBaseUser, role: str, by: Author
) -> tuple[PlanRole, bool]:
    """Give `user` the `role` in `plan`; granting a role already held changes nothing."""
    definition = role_get(role)
    if definition is None:
        raise ValidationError({"role": _("Choose one of the plan's roles.")})
    existing = PlanRole.objects.filter(plan=plan, user=user, role=role).first()
    if existing is not None:
        return existing, False
    held = validated_save(PlanRole(plan=plan, user=user, role=role, granted_by=by), by=by)
    notify(
        user=user,
        kind=ROLES,
        message=lambda: (
            _("You now hold the role “%(role)s” in the plan “%(plan)s”.")
            % {"role": definition.label, "plan": plan.title}
        ),
        link=plan.get_absolute_url,
        about=plan,
    )
    return held, True


@transaction.atomic
def plan_role_revoke(*, plan: Plan, user: AbstractBaseUser, role: str, by: Author) -> bool:
    """Take `role` in `plan` away from `user`; return whether they held it."""
    held = recorded_delete(PlanRole, by=by, plan=plan, user=user, role=role)
    definition = role_get(role)
    if held and definition is not None:
        notify(
            user=user,
            kind=ROLES,
            message=lambda: (
                _("You no longer hold the role “%(role)s” in the plan “%(plan)s”.")
                % {"role": definition.label, "plan": plan.title}
            ),
            link=plan.get_absolute_url,
            about=plan,
        )
    return held


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


LINK_MAX_LENGTH = 500


@transaction.atomic
def notify(
    *,
    user: AbstractBaseUser,
    kind: str,
    message: Callable[[], str],
    link: Callable[[], str] | None = None,
    about: models.Model | None = None,
) -> Notification:
    """Tell `user` something: a notification on the site, and an e-mail at once when that is
    how they receive this `kind` (people/notifications.py).

    `message` and `link` are called in the person's language, so that each person reads the
    notification, and follows its link, in their own. `link` gives a path of this site.
    """
    if notification_kind_get(kind) is None:
        raise ValueError(f"Register the notification kind {kind!r} first.")
    person = person_ensure(user=user)
    with translation.override(person.language):
        text = str(message())
        path = link() if link is not None else ""
    if path and (not path.startswith("/") or path.startswith("//") or len(path) > LINK_MAX_LENGTH):
        raise ValueError(f"A notification links to a path of this site, not {path[:80]!r}.")
    notification = Notification.objects.create(
        user=user,
        kind=kind,
        message=text[:NOTIFICATION_MESSAGE_MAX_LENGTH],
        link=path,
        about_type=ContentType.objects.get_for_model(about) if about is not None else None,
        about_id=about.pk if about is not None else None,
    )
    delivery = notification_deliveries(users=[user])[user.pk].get(kind)
    if delivery == Delivery.IMMEDIATE and user.email:
        notification_email(person=person, notifications=[notification], digest=False).send()
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return notification


@transaction.atomic
def notifications_mark_read(*, user: AbstractBaseUser, ids: Iterable[int] | None = None) -> int:
    """Mark `user`'s unread notifications (those of `ids`, or all) as read; return how many."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())


@transaction.atomic
def notification_setting_set(*, user: AbstractBaseUser, kind: str, delivery: str) -> None:
    """Choose how `user` receives notifications of `kind`."""
    if notification_kind_get(kind) is None:
        raise ValidationError({"kind": _("Choose a kind of notification.")})
    if delivery not in Delivery.values:
        raise ValidationError({"delivery": _("Choose how to receive it.")})
    NotificationSetting.objects.update_or_create(
        user=user, kind=kind, defaults={"delivery": delivery}
    )


@task()
def notifications_digest_send() -> int:
    """E-mail each person, in one message, the notifications they receive in the daily digest
    and have neither read nor been sent yet; return how many e-mails went out. Running it twice
    sends nothing the second time."""
    with transaction.atomic():
        pending = list(
            Notification.objects.select_for_update(of=("self",))
            .filter(emailed_at__isnull=True, read_at__isnull=True)
            .select_related("user__person")
            .order_by("user_id", "created_at", "pk")
        )
        deliveries = notification_deliveries(users={n.user for n in pending})
        by_user: dict[int, list[Notification]] = defaultdict(list)
        for notification in pending:
            if deliveries[notification.user_id].get(notification.kind) == Delivery.DIGEST:
                by_user[notification.user_id].append(notification)
        sent = 0
        for notifications in by_user.values():
            user = notifications[0].user
            if not user.email or not user.is_active:
                continue
            # Read with the notifications (select_related): no query per person. Every person
            # notified has a profile, as notify() makes sure.
            person = user.person
            notification_email(person=person, notifications=notifications, digest=True).send()
            Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
                emailed_at=timezone.now()
            )
            sent += 1
    digest_schedule_next()
    return sent


DIGEST_HOUR = 7  # in the site's time zone: the digest is in the mailbox at breakfast


def digest_next_run(now=None):
    """The next time the daily digest goes out: today at `DIGEST_HOUR` if that is still to come,
    else tomorrow at that hour (in the site's time zone)."""
    local = timezone.localtime(now)
    due = local.replace(hour=DIGEST_HOUR, minute=0, second=0, microsecond=0)
    return due if due > local else due + timedelta(days=1)


def digest_schedule_next() -> None:
    """Queue the next daily digest. Each digest queues the next; `ordito worker` queues the first
    when none is waiting. A digest that runs twice sends nothing the second time."""
    notifications_digest_send.using(run_after=digest_next_run()).enqueue()


def personal_data_export(*, user: AbstractBaseUser) -> dict[str, Any]:
    """Everything Ordito keeps about `user`, as JSON-ready data, one key per registered part."""
    return {part.name: part.export(user) for part in personal_data_parts()}


@transaction.atomic
def account_delete(*, user: AbstractBaseUser) -> None:
    """Erase `user`'s personal data at once, every registered part, then the account itself.

    What they wrote in public stays, attributed to a former participant (each app detaches it in
    its `erase`); the history of plan content keeps no personal field, only an account id that no
    longer leads to anyone.
    """
    for part in personal_data_parts():
        part.erase(user)
    user.delete()


# The services of categories and affiliations, in modules of their own; they use the helpers
# above (plain_text, notify), so they are imported once these exist.
from ordito.people.services.affiliations import (  # noqa: E402
    affiliation_decide,
    affiliation_request,
    affiliation_withdraw,
)
from ordito.people.services.categories import (  # noqa: E402
    category_create,
    category_delete,
    category_move,
    category_rename,
)

__all__ = [
    "account_delete",
    "affiliation_decide",
    "affiliation_request",
    "affiliation_withdraw",
    "api_token_create",
    "api_token_revoke",
    "categories_default_ensure",
    "category_create",
    "category_delete",
    "category_move",
    "category_rename",
    "notification_setting_set",
    "notifications_digest_send",
    "notifications_mark_read",
    "notify",
    "person_ensure",
    "person_example_set",
    "person_update",
    "personal_data_export",
    "plain_text",
    "plan_role_grant",
    "plan_role_revoke",
]
