"""The categories of participants a new plan starts with; its staff can change them."""

from django.utils.translation import gettext_lazy as _

DEFAULT_CATEGORIES = (
    ("resident", _("Resident")),
    ("student", _("Student")),
    ("business", _("Business")),
    ("association", _("Association")),
    ("school", _("School")),
    ("public-employee", _("Public employee")),
    ("other", _("Other")),
)
