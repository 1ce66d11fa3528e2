"""`ordito token create`, run as the real command on a file database."""

import contextlib
import hashlib
import sqlite3
from pathlib import Path

import pytest

from tests.cli.conftest import row_counts, run


def account(database: Path, email: str, *, active: bool = True) -> None:
    with contextlib.closing(sqlite3.connect(database)) as connection, connection:
        connection.execute(
            "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name,"
            " email, is_staff, is_active, date_joined) VALUES ('!', 0, ?, '', '', ?, 0, ?,"
            " '2026-01-01 00:00:00')",
            (email.split("@")[0], email, int(active)),
        )


def tokens(database: Path) -> list[tuple[str, str, str]]:
    with contextlib.closing(sqlite3.connect(database)) as connection:
        return connection.execute(
            "SELECT name, prefix, digest FROM people_apitoken ORDER BY id"
        ).fetchall()


def test_token_create_prints_a_token_stored_only_as_its_hash(database):
    account(database, "ana@example.org")
    result = run(
        "token",
        "create",
        "ANA@example.org ",
        "--name",
        "nightly",
        "--days",
        "30",
        database=database,
    )
    assert result.returncode == 0, result.stderr
    text = result.stdout.strip()
    assert result.stdout == text + "\n" and text.startswith("ordito_")
    assert result.stderr.startswith("Token 'nightly' expires on ")
    ((name, prefix, digest),) = tokens(database)
    assert (name, prefix, digest) == (
        "nightly",
        text[:12],
        hashlib.sha256(text.encode()).hexdigest(),
    )


@pytest.mark.parametrize(
    ("arguments", "line"),
    [
        (
            ["nobody@example.org"],
            "error: no active account has the e-mail address 'nobody@example.org'",
        ),
        (
            ["ana@example.org", "--days", "0"],
            "error: --days: Give a whole number of days from 1 to 366.",
        ),
        (
            ["ana@example.org", "--days", "100000"],
            "error: --days: Give a whole number of days from 1 to 366.",
        ),
        (["ana@example.org", "--name", ""], "error: --name: This field cannot be empty."),
        (["ana@example.org", "--name", "x" * 81], "error: --name: Use at most 80 characters."),
        (["ana@example.org", "--name", "a\x1bb"], "error: --name: Remove the control characters."),
        (
            ["disabled@example.org"],
            "error: no active account has the e-mail address 'disabled@example.org'",
        ),
    ],
)
def test_token_create_bad_input_exits_2_with_one_line_and_writes_nothing(database, arguments, line):
    account(database, "ana@example.org")
    account(database, "disabled@example.org", active=False)
    before = row_counts(database)
    result = run("token", "create", *arguments, database=database)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", line + "\n")
    assert row_counts(database) == before


def test_token_create_days_not_a_number_is_a_usage_error(database):
    result = run("token", "create", "ana@example.org", "--days", "soon", database=database)
    assert result.returncode == 2
    assert "'soon' is not a valid integer" in result.stderr
    assert result.stdout == ""
