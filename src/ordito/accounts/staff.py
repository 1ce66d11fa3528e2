"""Which addresses are staff pages, where a second factor is required.

A staff page is one whose URL pattern's name (with its namespace) is listed in the setting
`ACCOUNTS_STAFF_URL_NAMES`. An entry is a full name, "plans:plan_roles", or a whole namespace,
"admin:*". The setting's default lists the admin; an app that adds a staff page adds its name
there, in settings.py, beside the others:

    ACCOUNTS_STAFF_URL_NAMES = ["admin:*", "plans:plan_roles"]

`accounts.middleware.StaffSecondFactorMiddleware` then sends a staff member without an
authenticator app to set one up before the page answers. A view can also be marked in code
with the `staff_page` decorator, for a page whose name is not known in advance.
"""

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.urls import ResolverMatch

DEFAULT_STAFF_URL_NAMES = ("admin:*",)

View = TypeVar("View", bound=Callable)


def staff_page(view: View) -> View:
    """Mark `view` as a staff page: a second factor is required to reach it."""
    view.staff_page = True  # type: ignore[attr-defined]  # a marker the middleware reads
    return view


def is_staff_page(match: ResolverMatch, view: Callable) -> bool:
    """Whether the resolved address `match`, answered by `view`, is a staff page."""
    if getattr(view, "staff_page", False):
        return True
    names = getattr(settings, "ACCOUNTS_STAFF_URL_NAMES", DEFAULT_STAFF_URL_NAMES)
    namespace = match.namespace
    return any(
        (name.endswith(":*") and namespace == name.removesuffix(":*")) or name == match.view_name
        for name in names
    )
