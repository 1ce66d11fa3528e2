"""A person's data, as one registry every app adds its part to (GDPR articles 15, 17 and 20).

An app that keeps something about a person registers it in `AppConfig.ready` with
`personal_data_register`: how to export it (plain JSON-ready data) and how to erase it when the
person deletes their account. Public contributions (posts, proposals, statements) are not erased
but detached from the person ("Former participant"); votes stay counted, without a link to them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser


@dataclass(frozen=True, slots=True)
class PersonalDataPart:
    name: str
    export: Callable[[AbstractBaseUser], Any]
    erase: Callable[[AbstractBaseUser], None]


_parts: dict[str, PersonalDataPart] = {}


def personal_data_register(
    name: str,
    *,
    export: Callable[[AbstractBaseUser], Any],
    erase: Callable[[AbstractBaseUser], None],
) -> None:
    if name in _parts:
        raise ValueError(f"The personal data {name!r} is already registered.")
    _parts[name] = PersonalDataPart(name, export, erase)


def personal_data_parts() -> tuple[PersonalDataPart, ...]:
    return tuple(_parts.values())


def rows_of_the_person(*models) -> Callable[[AbstractBaseUser], None]:
    """An `erase` that deletes the rows of `models` whose `user` is the person."""

    def erase(user: AbstractBaseUser) -> None:
        for model in models:
            model._default_manager.filter(user=user).delete()

    return erase
