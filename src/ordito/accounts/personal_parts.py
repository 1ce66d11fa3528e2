"""The accounts' parts of a person's data (people/personal_data.py): their e-mail addresses and
their second factors. Both go with the account when it is deleted; the export says what exists,
never a secret."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AbstractBaseUser

from ordito.people.personal_data import personal_data_register, rows_of_the_person


def email_addresses_export(user: AbstractBaseUser) -> list[dict]:
    return [
        {"email": email, "verified": verified, "primary": primary}
        for email, verified, primary in EmailAddress.objects.filter(user=user)
        .order_by("-primary", "email")
        .values_list("email", "verified", "primary")
    ]


def second_factors_export(user: AbstractBaseUser) -> list[dict]:
    return [
        {"type": kind, "created_at": created.isoformat(), "last_used_at": used and used.isoformat()}
        for kind, created, used in Authenticator.objects.filter(user=user)
        .order_by("created_at")
        .values_list("type", "created_at", "last_used_at")
    ]


def register() -> None:
    personal_data_register(
        "email_addresses", export=email_addresses_export, erase=rows_of_the_person(EmailAddress)
    )
    personal_data_register(
        "second_factors", export=second_factors_export, erase=rows_of_the_person(Authenticator)
    )
