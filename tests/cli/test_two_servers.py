"""Two `ordito serve` processes on one database and one Redis behave as one site: a person who
logs in through one acts through the other, and the failed logins made through both count
together against allauth's rate limit (its counters live in the cache, Redis with REDIS_URL).

Requests carry one Host header whichever server they reach, as behind a load balancer: allauth
keys a login's failures by the site's host and the address tried."""

import contextlib
import os
import re
import subprocess

import pytest
import redis
import requests

from tests.cli import COMMAND
from tests.cli.test_site import free_port, serving

EMAIL, PASSWORD = "ana@example.org", "a-long-and-unusual-passphrase-42"
CREATE_PERSON = f"""
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from ordito.people.services import person_ensure, person_update
user = get_user_model().objects.create_user("ana", "{EMAIL}", "{PASSWORD}")
EmailAddress.objects.create(user=user, email="{EMAIL}", primary=True, verified=True)
person_update(person=person_ensure(user=user), values={{"display_name": "Ana Ferraris"}}, by=user)
"""
REDIS_DB = 7


@pytest.fixture
def site(tmp_path):
    """The environment of both servers: one SQLite file, migrated, with one person; one Redis."""
    url = f"redis://127.0.0.1:6379/{REDIS_DB}"
    redis.Redis.from_url(url).flushdb()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'ordito.sqlite3'}",
        "DEBUG": "true",
        "REDIS_URL": url,
    }
    for command in (["manage", "migrate", "-v0"], ["manage", "shell", "-c", CREATE_PERSON]):
        done = subprocess.run(
            [COMMAND, *command], env=env, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stderr
    return env


@contextlib.contextmanager
def two_servers(env):
    with contextlib.ExitStack() as stack:
        urls = []
        for _ in range(2):
            port = free_port()
            command = [COMMAND, "serve", "--debug", "--bind", f"127.0.0.1:{port}", "--workers", "1"]
            url = f"http://127.0.0.1:{port}"
            stack.enter_context(serving(command, env, f"{url}/accounts/login/"))
            urls.append(url)
        yield urls


SITE = {"Host": "localhost"}


def log_in(session: requests.Session, base: str, password: str) -> requests.Response:
    page = session.get(f"{base}/en/accounts/login/", headers=SITE, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return session.post(
        f"{base}/en/accounts/login/",
        data={"login": EMAIL, "password": password, "csrfmiddlewaretoken": token},
        headers={**SITE, "Referer": f"{base}/en/accounts/login/"},
        timeout=30,
    )


def test_log_in_through_one_server_and_act_through_the_other(site):
    with two_servers(site) as (first, second):
        session = requests.Session()
        answer = log_in(session, first, PASSWORD)
        assert answer.status_code == 200 and "Log out" in answer.text
        mine = session.get(f"{second}/en/me/", headers=SITE, timeout=30, allow_redirects=False)
        assert mine.status_code == 200
        assert "Welcome, Ana Ferraris." in mine.text


def test_failed_logins_through_both_servers_count_together(site):
    with two_servers(site) as (first, second):
        session = requests.Session()
        for attempt in range(5):
            failed = log_in(session, (first, second)[attempt % 2], "wrong password")
            assert "Log out" not in failed.text
        # The right password, through the server that saw only two failures, is refused now.
        refused = log_in(session, second, PASSWORD)
        assert "Too many failed login attempts" in refused.text
        assert "Log out" not in refused.text
