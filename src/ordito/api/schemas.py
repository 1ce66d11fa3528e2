"""Schemas that the routers of several apps share.

The municipality belongs to `territory`, which has no API of its own yet: when it gets one,
`MunicipalityRef` moves to `territory/schemas.py`.
"""

from enum import StrEnum

from django.db.models import TextChoices
from ninja import Schema


def choices_enum(name: str, choices: type[TextChoices]) -> type[StrEnum]:
    """The values of a model's `choices` as an enum named `name` in the OpenAPI document.

    ninja gathers every operation's schemas into one `components` table keyed by class name, so
    `Plan.Status` and `Project.Status` (both named `Status`) would overwrite each other there,
    and a plan's status would be documented with the projects' values.
    """
    return StrEnum(name, [(member.name, member.value) for member in choices])


class MunicipalityRef(Schema):
    istat_code: str
    name: str
