"""`ordito worker` sends what the site queued, with either queue: the database (the default) or
Redis (REDIS_URL). Both run as the real commands, on a file database and the machine's Redis."""

import os

import pytest
import redis

from tests.cli.conftest import run

# A Redis database of its own for each test process, emptied before use.
REDIS_DB = 8 + int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0) % 8


def queue_and_work(database, env=None) -> tuple[str, str]:
    queued = run("manage", "sendtestemail", "ana@example.org", database=database, env=env)
    assert queued.returncode == 0, queued.stderr
    worked = run("worker", "--batch", database=database, env=env)
    assert worked.returncode == 0, worked.stderr
    return queued.stdout, worked.stdout


def test_worker_sends_the_mail_queued_in_the_database(database):
    queued, worked = queue_and_work(database)
    # The console backend prints the message: not when it is queued, when the worker sends it.
    assert "Subject: Test email from" not in queued
    assert "Subject: Test email from" in worked and "To: ana@example.org" in worked
    # Nothing is left to send.
    _queued, again = queue_and_work(database)
    assert again.count("Subject: Test email from") == 1


def test_worker_sends_the_mail_queued_in_redis(database):
    url = f"redis://127.0.0.1:6379/{REDIS_DB}"
    try:
        redis.Redis.from_url(url).flushdb()
    except redis.exceptions.ConnectionError:
        pytest.fail(
            "Redis must run at 127.0.0.1:6379 (it does on every development and CI machine)"
        )
    queued, worked = queue_and_work(database, env={"REDIS_URL": url})
    assert "Subject: Test email from" not in queued
    assert "Subject: Test email from" in worked
    assert redis.Redis.from_url(url).llen("rq:queue:default") == 0
