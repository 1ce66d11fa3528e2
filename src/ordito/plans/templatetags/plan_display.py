"""How plan content reads on the page: amounts in euro, signed strengths, actors by role, invented
facts."""

from collections.abc import Iterable
from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ordito.plans.models import Project, ProjectRole

register = template.Library()

# A contribution's strength said in words, so that it never rests on its colour or its sign alone.
STRENGTH_WORDS = {
    3: gettext_lazy("serves it strongly"),
    2: gettext_lazy("serves it"),
    1: gettext_lazy("serves it slightly"),
    -1: gettext_lazy("works slightly against it"),
    -2: gettext_lazy("works against it"),
    -3: gettext_lazy("works strongly against it"),
}

ROLE_HEADINGS = {
    ProjectRole.Role.PROMOTER: gettext_lazy("Promoters"),
    ProjectRole.Role.PARTNER: gettext_lazy("Partners"),
    ProjectRole.Role.FUNDER: gettext_lazy("Funders"),
    ProjectRole.Role.IMPLEMENTER: gettext_lazy("Implementers"),
}


@register.filter
def euro(amount: Decimal | None) -> str:
    """An amount in euro as the active language writes it: "1.500.000 €", "€1,500,000".

    Cents are shown only when there are some.
    """
    if amount is None:
        return ""
    decimals = 0 if amount == amount.to_integral_value() else 2
    number = formats.number_format(amount, decimal_pos=decimals, use_l10n=True, force_grouping=True)
    # Translators: an amount in euro; Italian puts the sign after the number, with a no-break space.
    return _("€%(amount)s") % {"amount": number}


@register.filter
def signed(strength: int) -> str:
    """A strength with its sign always written, and a true minus sign: "+2", "−1"."""
    return f"+{strength}" if strength > 0 else f"−{abs(strength)}" if strength < 0 else "0"


@register.filter
def strength_words(strength: int) -> str:
    """What a contribution's strength means for its objective, in words."""
    return str(STRENGTH_WORDS.get(strength, ""))


@register.filter
def by_role(roles: Iterable[ProjectRole]) -> list[tuple[str, list[ProjectRole]]]:
    """Roles grouped under a heading per role, promoters first, in the order they come."""
    groups: dict[str, list[ProjectRole]] = {role: [] for role in ProjectRole.Role}
    for role in roles:
        groups[role.role].append(role)
    return [(str(ROLE_HEADINGS[role]), members) for role, members in groups.items() if members]


@register.filter
def invented(project: Project, names: str) -> bool:
    """Whether any of the fields `names` (separated by spaces) of a real project is invented.

    One fact on the page can show several fields: "latitude longitude" are the coordinates.
    """
    return any(name in project.example_fields for name in names.split())
