"""Accounts and API tokens: sign-up + confirmation + login for many people, and API requests per
second with a personal token beside anonymous ones (issue #9).

Run: .venv/bin/python benchmarks/people/bench_accounts.py [--people N] [--requests N]

Everything runs in this process through Django's test client, on a fresh SQLite file (or the
database of DATABASE_URL, which must then be a scratch one): the real allauth views, the real
password hasher (PBKDF2-SHA256 with Django's 1,000,000 iterations: hashing dominates sign-up and
login by design), the real token check. E-mail goes to memory instead of the task queue, so the
confirmation link can be read back; queueing costs one INSERT per message besides.
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path


def setup(database: str | None) -> None:
    if database is None:
        path = Path(tempfile.mkdtemp()) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DEBUG", "true")
    os.environ["DJANGO_SETTINGS_MODULE"] = "ordito.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)


def sign_up_confirm_log_in(people: int) -> list[float]:
    """Seconds per person for the three steps, each through the site's own pages."""
    from django.core import mail
    from django.test import Client

    mail.outbox = []
    durations = []
    for number in range(people):
        email, password = f"person{number}@example.org", f"a-long-passphrase-{number}-x9"
        # Each person from an address of their own, as in life: allauth's limits per address
        # stay on and are not what is measured.
        client = Client(
            REMOTE_ADDR=f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
        )
        started = time.perf_counter()
        client.post(
            "/en/accounts/signup/", {"email": email, "password1": password, "password2": password}
        )
        key = re.search(r"/accounts/confirm-email/([^/\s]+)/", mail.outbox[-1].body).group(1)
        client.post(f"/en/accounts/confirm-email/{key}/")
        answer = client.post("/en/accounts/login/", {"login": email, "password": password})
        durations.append(time.perf_counter() - started)
        assert answer.status_code == 302, answer.status_code
    return durations


def requests_per_second(requests: int) -> dict[str, float]:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from ordito.people.services import api_token_create

    user = get_user_model().objects.filter(email__startswith="person").first()
    _token, text = api_token_create(user=user, name="bench")
    client = Client()
    cases = {
        "anonymous GET /api/v1/plans": ("/api/v1/plans", {}),
        "token GET /api/v1/me": ("/api/v1/me", {"Authorization": f"Bearer {text}"}),
        "token GET /api/v1/plans": ("/api/v1/plans", {"Authorization": f"Bearer {text}"}),
    }
    rates = {}
    for name, (path, headers) in cases.items():
        client.get(path, headers=headers)  # warm up
        started = time.perf_counter()
        for _ in range(requests):
            answer = client.get(path, headers=headers)
        rates[name] = requests / (time.perf_counter() - started)
        assert answer.status_code == 200, (name, answer.status_code)
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=2000)
    arguments = parser.parse_args()
    setup(os.environ.get("DATABASE_URL"))

    durations = sign_up_confirm_log_in(arguments.people)
    total = sum(durations)
    print(
        f"sign-up + confirmation + login, {arguments.people} people: {total:.1f} s in all, "
        f"median {statistics.median(durations) * 1000:.0f} ms per person, "
        f"p95 {sorted(durations)[int(0.95 * len(durations)) - 1] * 1000:.0f} ms"
    )
    for name, rate in requests_per_second(arguments.requests).items():
        print(f"{name}: {rate:,.0f} requests/s in one process ({arguments.requests} requests)")


if __name__ == "__main__":
    sys.exit(main())
