"""The Turin demo: the municipalities of the metropolitan city, then Turin's two strategic plans.

`demo/torino.yaml` is an `ordito-plan` file (docs/plan-format.md) with the real structure of
Turin's 1st (2000) and 2nd (2006) Strategic Plans; everything invented to make the demo lively is
flagged `is_example` there (see `demo/README.md` for the sources).
"""

import secrets
from importlib.resources import as_file, files

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ordito.interop.plan_import import plan_import_file
from ordito.interop.report import ImportReport
from ordito.territory.services import municipalities_load_istat

DEMO_FILE = files("ordito.interop") / "demo" / "torino.yaml"
DEMO_ADMIN = "admin"


def demo_load(*, by: AbstractBaseUser | None = None) -> ImportReport:
    """Load the municipalities and the Turin demo; loading it again changes nothing.

    The report's `problems` are empty unless the shipped demo file is broken.
    """
    municipalities_load_istat()
    with as_file(DEMO_FILE) as path:
        return plan_import_file(path=path, by=by)


@transaction.atomic
def demo_admin_reset(*, username: str = DEMO_ADMIN) -> str:
    """Create the demo's superuser `username`, or give it back its rights, with a new random
    password; return the password (printed once by `ordito demo`, stored only as a hash)."""
    password = secrets.token_urlsafe(12)
    admin, _ = get_user_model()._default_manager.get_or_create(
        username=username, defaults={"is_staff": True, "is_superuser": True}
    )
    admin.set_password(password)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    return password
