"""Codes and slugs: the short identifiers planners use to name parts of a plan."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# A code is what planners write on paper: "MOB", "MOB 1", "5.1.2", "P-07". Letters, digits, spaces,
# dots, hyphens and slashes; no leading or trailing space.
code_validator = RegexValidator(
    r"^[A-Za-z0-9](?:[A-Za-z0-9 ./-]{0,30}[A-Za-z0-9])?$",
    _(
        "Use 1 to 32 letters, digits, spaces, dots, hyphens or slashes, starting and ending with a "
        "letter or digit."
    ),
)
