"""A burst of simultaneous registrations never overbooks: real concurrent requests through two
separate `ordito serve` processes (gunicorn, two workers each) on one database.

The test runs on the database the suite runs on: a fresh SQLite file when the suite is on SQLite,
a fresh PostgreSQL database on the same server when DATABASE_URL names PostgreSQL (CI runs the
suite on both, so this runs once per database). The servers see only committed rows, so the
site is prepared through `ordito manage` in that database, never in the test's transaction.
"""

import os
from collections import Counter
from urllib.parse import urlsplit

import pytest

from benchmarks.process.burst import (
    burst,
    database_counts,
    postgres_database,
    postgres_drop,
    servers,
    site_prepare,
)

PEOPLE = 60
CAPACITY = 40
CONNECTIONS = 30  # client connections firing at once, over the two servers
SERVERS, WORKERS = 2, 2


@pytest.fixture
def site_env(tmp_path):
    """The environment of the servers: their own database, of the kind the suite runs on."""
    url = os.environ.get("DATABASE_URL", "")
    env = {**os.environ, "DEBUG": "true", "STATIC_ROOT": str(tmp_path / "static")}
    env.pop("REDIS_URL", None)
    if url.startswith(("postgres://", "postgresql://")):
        name = urlsplit(url).path.lstrip("/") + "_burst"
        env["DATABASE_URL"] = postgres_database(url, name)
        yield env, "postgresql"
        postgres_drop(env["DATABASE_URL"])
    else:
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'burst.sqlite3'}"
        yield env, "sqlite"


def test_a_burst_of_registrations_never_overbooks(site_env, tmp_path):
    env, engine = site_env
    meeting, tokens = site_prepare(env, people=PEOPLE, capacity=CAPACITY)
    with servers(env, count=SERVERS, workers=WORKERS, log_dir=tmp_path) as urls:
        answers = burst(urls, meeting=meeting, tokens=tokens, connections=CONNECTIONS)
        # Each person tries again at once: every second try is refused, nothing is added.
        again = burst(urls, meeting=meeting, tokens=tokens[:CONNECTIONS], connections=CONNECTIONS)

        statuses = Counter(answer.status for answer in answers)
        assert statuses == {201: PEOPLE}, (engine, statuses)
        outcomes = Counter(answer.body["status"] for answer in answers)
        assert outcomes == {"confirmed": CAPACITY, "waitlisted": PEOPLE - CAPACITY}, engine
        places = sorted(a.body["position"] for a in answers if a.body["status"] == "waitlisted")
        assert places == list(range(1, PEOPLE - CAPACITY + 1)), (engine, places)
        assert Counter(answer.status for answer in again) == {409: CONNECTIONS}

        held = database_counts(env, meeting)
        assert held["by_status"] == {"confirmed": CAPACITY, "waitlisted": PEOPLE - CAPACITY}
        assert sorted(held["positions"]) == list(range(1, PEOPLE - CAPACITY + 1))
        assert held["people"] == PEOPLE

        # Ten confirmed people cancel at once: the first ten waiting take their places, and the
        # confirmed count is the capacity again, never more.
        confirmed = [
            t for t, a in zip(tokens, answers, strict=True) if a.body["status"] == "confirmed"
        ]
        cancelled = burst(
            urls, meeting=meeting, tokens=confirmed[:10], connections=10, method="DELETE"
        )
        assert Counter(answer.status for answer in cancelled) == {204: 10}
        held = database_counts(env, meeting)
        waiting = PEOPLE - CAPACITY - 10
        assert held["by_status"] == {"confirmed": CAPACITY, "waitlisted": waiting, "cancelled": 10}
        assert sorted(held["positions"]) == list(range(11, PEOPLE - CAPACITY + 1))
