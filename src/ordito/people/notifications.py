"""The kinds of notification, as a registry other apps extend, and how each is delivered.

An app that tells people something registers its kind in `AppConfig.ready` with
`notification_kind_register`, saying why a person receives it (every e-mail repeats this) and how
it goes out unless the person chooses otherwise: at once, in the daily digest, or on the site only.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("By e-mail at once")
    DIGEST = "digest", _("In a daily e-mail digest")
    SITE = "site", _("On the site only")


@dataclass(frozen=True, slots=True)
class NotificationKind:
    name: str
    label: str | Promise
    reason: str | Promise  # why a person receives it, said in every e-mail
    default_delivery: str


_kinds: dict[str, NotificationKind] = {}


def notification_kind_register(
    name: str, *, label: str | Promise, reason: str | Promise, default_delivery: str
) -> NotificationKind:
    if name in _kinds:
        raise ValueError(f"The notification kind {name!r} is already registered.")
    if default_delivery not in Delivery.values:
        raise ValueError(f"Deliver {name!r} as one of {Delivery.values}.")
    kind = _kinds[name] = NotificationKind(name, label, reason, default_delivery)
    return kind


def notification_kind_get(name: str) -> NotificationKind | None:
    return _kinds.get(name)


def notification_kinds() -> tuple[NotificationKind, ...]:
    return tuple(_kinds.values())


ROLES = "roles"
notification_kind_register(
    ROLES,
    label=_("Your roles in plans"),
    reason=_("you were given, or lost, a role in a plan."),
    default_delivery=Delivery.IMMEDIATE,
)

AFFILIATIONS = "affiliations"
notification_kind_register(
    AFFILIATIONS,
    label=_("Your affiliations with actors"),
    reason=_("a plan's staff decided on your request to represent an actor."),
    default_delivery=Delivery.IMMEDIATE,
)

AFFILIATION_REQUESTS = "affiliation_requests"
notification_kind_register(
    AFFILIATION_REQUESTS,
    label=_("Requests to represent the actors of your plans"),
    reason=_("you are staff of a plan where the actor takes part, and may confirm the request."),
    default_delivery=Delivery.DIGEST,
)
