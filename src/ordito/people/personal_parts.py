"""People's own parts of a person's data (people/personal_data.py): the account, the profile,
categories, affiliations with actors, roles, tokens, notifications and their settings."""

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType

from ordito.people.models import (
    Affiliation,
    ApiToken,
    Category,
    Notification,
    NotificationSetting,
    Person,
    PlanRole,
)
from ordito.people.personal_data import personal_data_register, rows_of_the_person


def iso(moment) -> str | None:
    return moment.isoformat() if moment is not None else None


def account_export(user: AbstractBaseUser) -> dict:
    return {
        "email": user.email,
        "username": user.get_username(),
        "first_name": getattr(user, "first_name", ""),
        "last_name": getattr(user, "last_name", ""),
        "date_joined": iso(getattr(user, "date_joined", None)),
        "last_login": iso(user.last_login),
    }


def profile_export(user: AbstractBaseUser) -> dict | None:
    person = Person.objects.filter(user=user).select_related("municipality").first()
    if person is None:
        return None
    return {
        "display_name": person.display_name,
        "language": person.language,
        "municipality": person.municipality.istat_code if person.municipality else None,
    }


def roles_export(user: AbstractBaseUser) -> list[dict]:
    return [
        {"plan": plan, "role": role, "granted_at": iso(granted_at)}
        for plan, role, granted_at in PlanRole.objects.filter(user=user)
        .order_by("plan__slug", "role")
        .values_list("plan__slug", "role", "granted_at")
    ]


def tokens_export(user: AbstractBaseUser) -> list[dict]:
    return [
        {"name": name, "prefix": prefix, "created_at": iso(created), "expires_at": iso(expires)}
        for name, prefix, created, expires in ApiToken.objects.filter(user=user)
        .order_by("created_at", "pk")
        .values_list("name", "prefix", "created_at", "expires_at")
    ]


def notifications_export(user: AbstractBaseUser) -> dict:
    return {
        "received": [
            {
                "kind": kind,
                "message": message,
                "link": link,
                "created_at": iso(created),
                "read_at": iso(read),
            }
            for kind, message, link, created, read in Notification.objects.filter(user=user)
            .order_by("created_at", "pk")
            .values_list("kind", "message", "link", "created_at", "read_at")
        ],
        "settings": dict(
            NotificationSetting.objects.filter(user=user).values_list("kind", "delivery")
        ),
    }


def roles_erase(user: AbstractBaseUser) -> None:
    """Delete the roles, then detach the person from the roles' history (its deletion records
    included), which keeps which plan had which roles, not who held them."""
    PlanRole.objects.filter(user=user).delete()
    PlanRole.history.filter(user_id=user.pk).update(user_id=None)
    PlanRole.history.filter(history_user_id=user.pk).update(history_user_id=None)
    PlanRole.history.filter(granted_by_id=user.pk).update(granted_by_id=None)


def categories_export(user: AbstractBaseUser) -> list[dict]:
    return [
        {"plan": category.plan.slug, "key": category.key, "label": category.label}
        for category in Category.objects.filter(people__user=user)
        .select_related("plan")
        .order_by("plan__slug", "order", "pk")
    ]


def categories_erase(user: AbstractBaseUser) -> None:
    """Take the person out of every category (the categories themselves are the plans')."""
    Person.categories.through.objects.filter(person__user=user).delete()


def affiliations_export(user: AbstractBaseUser) -> list[dict]:
    return [
        {
            "actor": affiliation.actor.name,
            "position": affiliation.position,
            "status": affiliation.status,
            "requested_at": iso(affiliation.requested_at),
            "decided_at": iso(affiliation.decided_at),
            "reason": affiliation.reason,
        }
        for affiliation in Affiliation.objects.filter(user=user)
        .select_related("actor")
        .order_by("requested_at", "pk")
    ]


def affiliations_erase(user: AbstractBaseUser) -> None:
    """Delete the person's affiliations and every version of them in the history (their position
    and the reasons given are about them); keep the decisions they took on others' requests,
    without their name. The staff's notifications of their requests name them: those go too."""
    ids = list(Affiliation.history.filter(user_id=user.pk).values_list("id", flat=True).distinct())
    Notification.objects.filter(
        about_type=ContentType.objects.get_for_model(Affiliation), about_id__in=ids
    ).delete()
    Affiliation.objects.filter(user=user).delete()
    Affiliation.history.filter(user_id=user.pk).delete()
    Affiliation.objects.filter(decided_by=user).update(decided_by=None)
    Affiliation.history.filter(decided_by_id=user.pk).update(decided_by_id=None)
    Affiliation.history.filter(history_user_id=user.pk).update(history_user_id=None)


def register() -> None:
    personal_data_register("account", export=account_export, erase=lambda user: None)
    personal_data_register("profile", export=profile_export, erase=rows_of_the_person(Person))
    personal_data_register("categories", export=categories_export, erase=categories_erase)
    personal_data_register("affiliations", export=affiliations_export, erase=affiliations_erase)
    personal_data_register("roles", export=roles_export, erase=roles_erase)
    personal_data_register("api_tokens", export=tokens_export, erase=rows_of_the_person(ApiToken))
    personal_data_register(
        "notifications",
        export=notifications_export,
        erase=rows_of_the_person(Notification, NotificationSetting),
    )
