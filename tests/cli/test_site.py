"""`ordito demo`, `ordito manage` and `ordito serve`: the real commands, on a real database file."""

import contextlib
import os
import re
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.hashers import check_password

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


def printed_logins(stderr: str) -> dict[str, dict[str, str]]:
    """The table of demo people `ordito demo` printed, by e-mail: one dict per row, keyed by the
    header's column names (columns are set apart by two spaces or more)."""
    lines = stderr.split("\n")
    start = next(n for n, line in enumerate(lines) if line.split() and line.split()[0] == "role")
    header = re.split(r"\s{2,}", lines[start].strip())
    rows = []
    for line in lines[start + 1 :]:
        if not line.startswith("  "):
            break
        rows.append(dict(zip(header, re.split(r"\s{2,}", line.strip()), strict=True)))
    return {row["e-mail"]: row for row in rows}


def password_hash(database: dict[str, str], email: str) -> str:
    path = database["DATABASE_URL"].removeprefix("sqlite:///")
    with contextlib.closing(sqlite3.connect(path)) as connection:
        query = "SELECT password FROM auth_user WHERE email = ?"
        return connection.execute(query, [email]).fetchone()[0]


def test_demo_loads_the_turin_plans_and_prints_logins_and_twice_changes_nothing(database):
    first = ordito("demo", "--no-serve", env=database)
    assert first.code == 0, first.stderr
    assert "Turin demo: " in first.stderr and " created" in first.stderr
    assert "e-mail: admin@esempio.ordito.invalid  password: " in first.stderr
    assert count(database, "plans_plan") == 2
    assert count(database, "plans_objective") == 54 + 12
    assert count(database, "territory_municipality") == 312
    history = count(database, "plans_historicalproject")
    people = printed_logins(first.stderr)
    assert [row["role"] for row in people.values()] == (
        ["staff", "moderator", "analyst"] + ["actor contact"] * 2 + ["citizen"] * 3
    )
    assert all(email.endswith("@esempio.ordito.invalid") for email in people)
    staff = next(row for row in people.values() if row["role"] == "staff")
    assert re.fullmatch(r"[A-Z2-7]{32}", staff["TOTP secret"])
    tables = ("auth_user", "account_emailaddress", "mfa_authenticator")
    rows = {
        table: count(database, table) for table in (*tables, "people_person", "people_planrole")
    }
    assert rows == {
        "auth_user": 1 + 8,  # the admin and the people
        "account_emailaddress": 1 + 8,
        "mfa_authenticator": 2,  # the admin's and the staff member's
        "people_person": 8,
        "people_planrole": 3,
    }

    second = ordito("demo", "--no-serve", env=database)
    assert second.code == 0, second.stderr
    assert "0 created, 0 updated, 0 deleted" in second.stderr
    assert count(database, "plans_historicalproject") == history
    assert first.stderr.split("password: ")[1] != second.stderr.split("password: ")[1]
    again = printed_logins(second.stderr)
    assert {table: count(database, table) for table in rows} == rows
    assert again.keys() == people.keys()
    assert again[staff["e-mail"]]["TOTP secret"] == staff["TOTP secret"]
    # Only the last printed password opens each account.
    for email, row in again.items():
        assert check_password(row["password"], password_hash(database, email)), email
        assert not check_password(people[email]["password"], password_hash(database, email))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str, dict[str, str]]:
    """The status, body and headers of a GET of `url`, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


@contextlib.contextmanager
def serving(command: list[str], env: dict[str, str], url: str):
    """Start `command` in its own session with exactly `env`; yield the first answer at `url`
    (waiting up to 60 s for the server to listen); then stop the server."""
    server = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = fetch(url)
                break
            except OSError:
                assert server.poll() is None, f"the server stopped with status {server.returncode}"
                assert time.monotonic() < deadline, f"nothing answered at {url} within 60 s"
                time.sleep(0.5)
        yield answer
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


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
    command = [COMMAND, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"]
    with serving(command, {**os.environ, **production}, f"http://127.0.0.1:{port}/") as answer:
        status, body, headers = answer
        assert status == 200
        assert '<html lang="it"' in body
        assert "content-security-policy" in {key.lower() for key in headers}
        css = next(
            part.split('"')[0]
            for part in body.split('href="')
            if part.split('"')[0].endswith(".css")
        )
        status, stylesheet, headers = fetch(f"http://127.0.0.1:{port}{css}")
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert len(stylesheet) > 1000


DEBUG_REFUSED = (
    "error: DEBUG is on (it is unless DEBUG=false): set DEBUG=false, SECRET_KEY and ALLOWED_HOSTS "
    "to serve in production, or pass --debug to serve with DEBUG on.\n"
)


def bare_environment(tmp_path: Path, **variables: str) -> dict[str, str]:
    """A fresh deployment's environment: PATH, HOME, a database file and `variables`, no DEBUG."""
    return {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'ordito.sqlite3'}",
        **variables,
    }


@pytest.mark.parametrize("debug", [None, "true", "1"])
def test_serve_with_debug_on_and_no_debug_flag_refuses_to_start(debug, tmp_path):
    environment = bare_environment(tmp_path, **({} if debug is None else {"DEBUG": debug}))
    run = subprocess.run(
        [COMMAND, "serve", "--bind", f"127.0.0.1:{free_port()}"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    assert (run.returncode, run.stderr, run.stdout) == (2, DEBUG_REFUSED, "")
    assert not (tmp_path / "ordito.sqlite3").exists()  # it stopped before touching anything


def test_serve_debug_flag_with_debug_false_is_refused_as_a_contradiction(tmp_path):
    environment = bare_environment(
        tmp_path,
        DEBUG="false",
        SECRET_KEY="a-test-secret-key-that-is-long-enough-for-django-checks-0123",
    )
    run = subprocess.run(
        [COMMAND, "serve", "--debug"], capture_output=True, text=True, env=environment, timeout=60
    )
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == "error: --debug asks for DEBUG on, but DEBUG=false: drop one of them.\n"


def test_serve_debug_flag_starts_gunicorn_with_debug_on(tmp_path):
    port = free_port()
    command = [COMMAND, "serve", "--debug", "--bind", f"127.0.0.1:{port}", "--workers", "1"]
    command.append("--no-collectstatic")
    url = f"http://127.0.0.1:{port}/no-such-page/"
    with serving(command, bare_environment(tmp_path), url) as (status, body, _):
        pass
    # Only DEBUG's technical 404 page names the URLconf it searched.
    assert status == 404
    assert "Using the URLconf defined in" in body and "ordito.urls" in body
