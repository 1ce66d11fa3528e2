"""`ordito demo`, `ordito manage` and `ordito serve`: the real commands, on a real database file."""

import os
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.cli import COMMAND, ordito


@pytest.fixture
def database(tmp_path: Path) -> dict[str, str]:
    """An empty SQLite file for the command to create and fill."""
    return {"DATABASE_URL": f"sqlite:///{tmp_path / 'ordito.sqlite3'}", "DEBUG": "true"}


def count(database: dict[str, str], table: str) -> int:
    path = database["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_manage_runs_djangos_commands(database):
    run = ordito("manage", "check", env=database)
    assert run.code == 0, run.stderr
    assert "System check identified no issues" in run.stdout


def test_manage_unknown_command_fails_with_djangos_message(database):
    run = ordito("manage", "no_such_command", env=database)
    assert run.code == 1
    assert "Unknown command: 'no_such_command'" in run.stderr


def test_demo_loads_the_turin_plans_and_prints_a_login_and_twice_changes_nothing(database):
    first = ordito("demo", "--no-serve", env=database)
    assert first.code == 0, first.stderr
    assert "Turin demo: " in first.stderr and " created" in first.stderr
    assert "user: admin  password: " in first.stderr
    assert count(database, "plans_plan") == 2
    assert count(database, "plans_objective") == 54 + 12
    assert count(database, "territory_municipality") == 312
    history = count(database, "plans_historicalproject")

    second = ordito("demo", "--no-serve", env=database)
    assert second.code == 0, second.stderr
    assert "0 created, 0 updated, 0 deleted" in second.stderr
    assert count(database, "plans_historicalproject") == history
    assert first.stderr.split("password: ")[1] != second.stderr.split("password: ")[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_runs_gunicorn_with_static_files_in_production_mode(database, tmp_path):
    production = {
        **database,
        "DEBUG": "false",
        "SECRET_KEY": "a-test-secret-key-that-is-long-enough-for-django-checks-0123",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    assert ordito("manage", "migrate", env=production).code == 0
    port = free_port()
    server = subprocess.Popen(
        [COMMAND, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        env={**os.environ, **production},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        body = ""
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    body = response.read().decode()
                    headers = response.headers
                break
            except OSError:
                time.sleep(0.5)
        assert '<html lang="it"' in body
        assert "content-security-policy" in {key.lower() for key in headers}
        css = next(
            part.split('"')[0]
            for part in body.split('href="')
            if part.split('"')[0].endswith(".css")
        )
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{css}", timeout=5) as response:
            assert response.headers["Content-Type"].startswith("text/css")
            assert len(response.read()) > 1000
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
