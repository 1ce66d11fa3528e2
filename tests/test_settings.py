"""Settings come from the environment, production refuses to start without a secret key, and cache
keys change with every release."""

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest


def run_check(**environment: str) -> subprocess.CompletedProcess:
    # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests of the same worker; production has none.
    ignored = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {key: value for key, value in os.environ.items() if key not in ignored}
    env.update(environment)
    env["DJANGO_SETTINGS_MODULE"] = "ordito.settings"
    return subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_debug_off_without_secret_key_refuses_to_start():
    result = run_check(DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY is not set and DEBUG is off" in result.stderr


def test_debug_with_a_bad_boolean_is_named():
    result = run_check(DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = run_check(
        DEBUG="false",
        SECRET_KEY="k" * 30 + "-production-secret-" + "x" * 20,
        ALLOWED_HOSTS="plan.example.org",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def run_python(code: str, **environment: str) -> subprocess.CompletedProcess:
    """Run `code` after Django's set-up, with the settings read from `environment`."""
    ignored = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "ORDITO_RELEASE", "REDIS_URL"}
    env = {key: value for key, value in os.environ.items() if key not in ignored}
    env.update(environment)
    env["DJANGO_SETTINGS_MODULE"] = "ordito.settings"
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


# A key the pages' cache uses (plans/caching.py), as the cache stores it.
STORED_KEY = (
    "from django.core.cache import cache; "
    "print(cache.make_key('ordito.plans:project-filter-choices:1.7.0.it'))"
)


def test_cache_keys_carry_the_installed_version():
    result = run_python(STORED_KEY)
    assert result.returncode == 0, result.stderr
    ordito = version("ordito")
    assert (
        result.stdout.strip() == f"ordito:{ordito}:1:ordito.plans:project-filter-choices:1.7.0.it"
    )


def test_cache_keys_carry_the_release_on_redis_too():
    result = run_python(
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND']); "
        + STORED_KEY,
        ORDITO_RELEASE="3f2a9c1",
        REDIS_URL="redis://127.0.0.1:6379/0",  # only named: making a key connects to nothing
    )
    assert result.returncode == 0, result.stderr
    backend, key = result.stdout.split()
    assert backend == "django.core.cache.backends.redis.RedisCache"
    assert (
        key == f"ordito:{version('ordito')}+3f2a9c1:1:ordito.plans:project-filter-choices:1.7.0.it"
    )


def test_two_releases_never_share_a_cache_key():
    keys = {
        release: run_python(STORED_KEY, ORDITO_RELEASE=release).stdout.strip()
        for release in ("3f2a9c1", "9b7e0d4", "")
    }
    assert len(set(keys.values())) == 3
    assert all(
        key.endswith(":1:ordito.plans:project-filter-choices:1.7.0.it") for key in keys.values()
    )


@pytest.mark.parametrize("release", ["has space", "a/b", "x" * 65, "é", "a:b"])
def test_a_release_that_cannot_be_part_of_a_key_is_refused_by_name(release):
    result = run_python(STORED_KEY, ORDITO_RELEASE=release)
    assert result.returncode != 0
    assert "ORDITO_RELEASE must be 1 to 64 letters, digits, dots, dashes or underscores" in (
        result.stderr
    )
    assert repr(release) in result.stderr


# The `ordito` command on a mistaken environment: one line on stderr, exit 2, no traceback.

ORDITO = Path(sys.executable).parent / "ordito"


def run_ordito(*arguments: str, tmp_path: Path, **environment: str) -> subprocess.CompletedProcess:
    """Run the real `ordito` with only PATH, HOME and `environment` set (a fresh deployment)."""
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'ordito.sqlite3'}",
        **environment,
    }
    return subprocess.run(
        [str(ORDITO), *arguments], capture_output=True, text=True, env=env, timeout=120
    )


SECRET_KEY_LINE = (
    "error: SECRET_KEY is not set and DEBUG is off: set SECRET_KEY to a long random string, "
    "e.g. SECRET_KEY=\"$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')\" "
    "(or DEBUG=true, for development only).\n"
)
DATABASE_LINE = (
    "error: DATABASE_URL must look like postgres://USER:PASSWORD@HOST:5432/NAME or "
    "sqlite:///PATH, but {reason}.\n"
)
CONFIGURATION_MISTAKES = [
    pytest.param({"DEBUG": "false"}, SECRET_KEY_LINE, id="no-secret-key"),
    pytest.param(
        {"DEBUG": "maybe"}, "error: DEBUG must be true or false, not 'maybe'.\n", id="debug"
    ),
    pytest.param(
        {"ORDITO_RELEASE": "has space"},
        "error: ORDITO_RELEASE must be 1 to 64 letters, digits, dots, dashes or underscores "
        "(a git commit, a build number), not 'has space'.\n",
        id="release",
    ),
    pytest.param(
        {"DATABASE_URL": "mysqll://user:hunter2@db/ordito"},
        DATABASE_LINE.format(reason="its scheme 'mysqll' is not a known database"),
        id="database-scheme",
    ),
    pytest.param(
        {"DATABASE_URL": "postgres://user:hunter2@db:port/ordito"},
        DATABASE_LINE.format(reason="it cannot be read as a URL"),
        id="database-port",
    ),
    pytest.param(
        {"SECURE_HSTS_SECONDS": "a year"},
        "error: SECURE_HSTS_SECONDS must be a whole number, not 'a year'.\n",
        id="integer",
    ),
]


@pytest.mark.parametrize(("environment", "line"), CONFIGURATION_MISTAKES)
@pytest.mark.parametrize(
    "command",
    [("manage", "check"), ("serve", "--no-collectstatic"), ("export", "plan", "x")],
    ids=["manage", "serve", "export"],
)
def test_ordito_with_a_configuration_mistake_prints_one_line_and_exits_2(
    command, environment, line, tmp_path
):
    result = run_ordito(*command, tmp_path=tmp_path, **environment)

    assert (result.returncode, result.stderr, result.stdout) == (2, line, "")
    assert "hunter2" not in result.stderr  # a database password is never printed
