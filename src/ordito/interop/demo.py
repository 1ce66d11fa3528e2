"""The Turin demo: the municipalities of the metropolitan city, then Turin's two strategic plans.

`demo/torino.yaml` is an `ordito-plan` file (docs/plan-format.md) with the real structure of
Turin's 1st (2000) and 2nd (2006) Strategic Plans; everything invented to make the demo lively is
flagged `is_example` there (see `demo/README.md` for the sources).
"""

from importlib.resources import as_file, files

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ordito.interop.demo_people import EXAMPLE_DOMAIN, DemoLogin, account_reset, totp_secret_ensure
from ordito.interop.plan_import import plan_import_file
from ordito.interop.report import ImportReport
from ordito.territory.services import municipalities_load_istat

DEMO_FILE = files("ordito.interop") / "demo" / "torino.yaml"
DEMO_ADMIN = "admin"
DEMO_ADMIN_EMAIL = f"admin@{EXAMPLE_DOMAIN}"


def demo_load(*, by: AbstractBaseUser | None = None) -> ImportReport:
    """Load the municipalities and the Turin demo; loading it again changes nothing.

    The report's `problems` are empty unless the shipped demo file is broken.
    """
    municipalities_load_istat()
    with as_file(DEMO_FILE) as path:
        return plan_import_file(path=path, by=by)


@transaction.atomic
def demo_admin_reset(*, username: str = DEMO_ADMIN) -> DemoLogin:
    """Create the demo's superuser `username`, or give it back its rights, with a confirmed
    address to log in with, an authenticator app and a new random password; return its login
    (printed by `ordito demo`; the password is stored only as a hash).

    The admin asks staff for a second factor (accounts.middleware): with none, the admin would
    first have to set one up, scanning a QR code. With one already set up and its secret printed,
    the admin opens at once: the code comes from an app given the secret, or from
    `oathtool --totp -b SECRET`.
    """
    admin, password = account_reset(email=DEMO_ADMIN_EMAIL, username=username)
    if not (admin.is_staff and admin.is_superuser):
        admin.is_staff = admin.is_superuser = True
        admin.save(update_fields=["is_staff", "is_superuser"])
    return DemoLogin(
        role="admin",
        display_name=username,
        language="",
        email=admin.email,
        password=password,
        totp_secret=totp_secret_ensure(user=admin),
    )
