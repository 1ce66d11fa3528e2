"""Reads of the registry of actors that the importer and the exporter share."""

from collections.abc import Collection

from django.db.models import QuerySet

from ordito.actors.models import Actor


def actors_by_key(keys: Collection[str]) -> dict[str, Actor]:
    """The actors with these keys, by key; keys that name none are left out."""
    return Actor.objects.in_bulk(keys, field_name="key")


def actor_keys(keys: Collection[str]) -> set[str]:
    """Which of `keys` name actors."""
    return set(Actor.objects.filter(key__in=keys).values_list("key", flat=True))


def actors_with_ids(ids: Collection[int]) -> QuerySet[Actor]:
    """The actors with these ids, with their municipality."""
    return Actor.objects.filter(pk__in=ids).select_related("municipality")
