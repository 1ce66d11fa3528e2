"""People's own parts of a person's data (people/personal_data.py): the account, the profile,
roles, tokens, notifications and their settings."""

from django.contrib.auth.models import AbstractBaseUser

from ordito.people.models import ApiToken, Notification, NotificationSetting, Person, PlanRole
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


def register() -> None:
    personal_data_register("account", export=account_export, erase=lambda user: None)
    personal_data_register("profile", export=profile_export, erase=rows_of_the_person(Person))
    personal_data_register("roles", export=roles_export, erase=roles_erase)
    personal_data_register("api_tokens", export=tokens_export, erase=rows_of_the_person(ApiToken))
    personal_data_register(
        "notifications",
        export=notifications_export,
        erase=rows_of_the_person(Notification, NotificationSetting),
    )
