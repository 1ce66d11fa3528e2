"""A burst of registrations for one meeting through real `ordito serve` processes.

What tests/process/test_concurrency.py and benchmarks/process/bench_burst.py share: prepare a
site (a migrated database with a plan, a conference of a given capacity open for registration,
and people with personal API tokens), start app servers on free ports of 127.0.0.1, fire one
`POST /api/v1/meetings/{id}/registrations` per person from many client connections at once, and
read back what the database holds. Only 127.0.0.1 is ever contacted.
"""

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests

COMMAND = str(Path(sys.executable).parent / "ordito")
SERVER_START_S = 90
REQUEST_TIMEOUT_S = 120

SETUP = """
import datetime, json
from django.contrib.auth import get_user_model
from django.utils import timezone
from ordito.people.services import api_token_create, person_ensure
from ordito.plans.models import Plan
from ordito.process.models import Meeting
now = timezone.now()
plan = Plan.objects.create(slug="burst", title="Burst", territory="Torino", period_start=2006, period_end=2015)
meeting = Meeting.objects.create(
    plan=plan, kind="conference", title="Una trasformazione in atto",
    starts_at=now + datetime.timedelta(days=30), ends_at=now + datetime.timedelta(days=30, hours=8),
    capacity={capacity}, registration_opens_at=now - datetime.timedelta(minutes=1),
    registration_closes_at=now + datetime.timedelta(days=29),
)
User = get_user_model()
tokens = []
for number in range({people}):
    user = User.objects.create_user(f"burst{{number}}", f"burst{{number}}@example.org")
    person_ensure(user=user)
    tokens.append(api_token_create(user=user, name="burst", days=1)[1])
print(json.dumps({{"meeting": meeting.pk, "tokens": tokens}}))
"""

COUNTS = """
import json
from django.db.models import Count
from ordito.process.models import Registration
rows = Registration.objects.filter(meeting_id={meeting})
by_status = dict(rows.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
positions = list(rows.filter(status="waitlisted").values_list("position", flat=True))
people = rows.exclude(status="cancelled").values("user").distinct().count()
print(json.dumps({{"by_status": by_status, "positions": positions, "people": people}}))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env: dict[str, str], *arguments: str, timeout: float = 600) -> str:
    """Run `ordito manage ARGUMENTS` with `env`; return its stdout (raise with its stderr)."""
    done = subprocess.run(
        [COMMAND, "manage", *arguments], env=env, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(f"ordito manage {arguments[0]} failed: {done.stderr[-2000:]}")
    return done.stdout


def site_prepare(env: dict[str, str], *, people: int, capacity: int) -> tuple[int, list[str]]:
    """Migrate the database of `env` and fill it; return the meeting's id and the tokens."""
    manage(env, "migrate", "-v0")
    output = manage(env, "shell", "-c", SETUP.format(people=people, capacity=capacity))
    data = json.loads(output.strip().splitlines()[-1])
    return data["meeting"], data["tokens"]


def database_counts(env: dict[str, str], meeting: int) -> dict:
    output = manage(env, "shell", "-c", COUNTS.format(meeting=meeting))
    return json.loads(output.strip().splitlines()[-1])


@contextlib.contextmanager
def servers(env: dict[str, str], *, count: int, workers: int, log_dir: Path) -> Iterator[list[str]]:
    """Start `count` `ordito serve` processes of `workers` workers each; yield their base URLs;
    stop them (their whole process groups) on the way out."""
    started: list[subprocess.Popen] = []
    urls = []
    # `ordito serve` wants --debug when DEBUG is on (the tests), and nothing when it is off.
    debug = ["--debug"] if env.get("DEBUG", "true").lower() != "false" else []
    try:
        for number in range(count):
            port = free_port()
            log = open(log_dir / f"serve-{number}.log", "w")  # noqa: SIM115  (closed with the server)
            started.append(
                subprocess.Popen(
                    [COMMAND, "serve", *debug, "--no-collectstatic", "--bind",
                     f"127.0.0.1:{port}", "--workers", str(workers)],
                    env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                )
            )  # fmt: skip
            urls.append(f"http://127.0.0.1:{port}")
        for server, url in zip(started, urls, strict=True):
            _wait_for(server, url + "/api/v1/plans")
        yield urls
    finally:
        for server in started:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGTERM)
        for server in started:
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


def _wait_for(server: subprocess.Popen, url: str) -> None:
    deadline = time.monotonic() + SERVER_START_S
    while True:
        try:
            if requests.get(url, timeout=5).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        if server.poll() is not None:
            raise RuntimeError(f"the server for {url} stopped with status {server.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"nothing answered at {url} within {SERVER_START_S} s")
        time.sleep(0.3)


@dataclass(frozen=True, slots=True)
class Answer:
    status: int  # 0 when no HTTP answer came
    body: dict
    seconds: float


def burst(
    urls: list[str], *, meeting: int, tokens: list[str], connections: int, method: str = "POST"
) -> list[Answer]:
    """One request per token, from `connections` client connections that all start at once,
    spread over the servers in turn. POST registers, DELETE cancels (…/registrations/me)."""
    path = f"/api/v1/meetings/{meeting}/registrations" + ("/me" if method == "DELETE" else "")
    start = threading.Barrier(connections)
    local = threading.local()

    def send(index: int) -> Answer:
        if not hasattr(local, "session"):
            local.session = requests.Session()
            start.wait()  # every connection fires its first request together
        url = urls[index % len(urls)] + path
        began = time.perf_counter()
        try:
            answer = local.session.request(
                method,
                url,
                headers={"Authorization": f"Bearer {tokens[index]}"},
                timeout=REQUEST_TIMEOUT_S,
            )
        except requests.RequestException:
            return Answer(0, {}, time.perf_counter() - began)
        body = answer.json() if answer.content else {}
        return Answer(answer.status_code, body, time.perf_counter() - began)

    if len(tokens) < connections:
        raise ValueError("Give at least one token per connection.")
    with ThreadPoolExecutor(max_workers=connections) as pool:
        return list(pool.map(send, range(len(tokens))))


def postgres_database(url: str, name: str) -> str:
    """The URL of database `name` on the server of `url`, created afresh (dropped if stale)."""
    import psycopg

    with psycopg.connect(_with_database(url, "postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return _with_database(url, name)


def postgres_drop(url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(_with_database(url, "postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(
        (
            parts.scheme.replace("postgres", "postgresql", 1)
            if parts.scheme == "postgres"
            else parts.scheme,
            parts.netloc,
            "/" + name,
            parts.query,
            "",
        )
    )


def percentile(values: list[float], fraction: float) -> float:
    """The `fraction` quantile of `values` by the nearest-rank method."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]
