"""Every write to the registry of actors."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from ordito.actors.models import Actor
from ordito.core.languages import translated
from ordito.core.records import Author, upsert

ACTOR_FIELDS = (
    "name",
    "kind",
    "sector",
    "municipality",
    "website",
    *translated("description"),
    "member_since",
    "member_until",
    "is_example",
)


@transaction.atomic
def actor_save(*, by: Author, key: str, values: Mapping[str, Any]) -> tuple[Actor, bool]:
    """Create or update the actor `key`."""
    return upsert(Actor, by=by, lookup={"key": key}, values=values, allowed=ACTOR_FIELDS)
