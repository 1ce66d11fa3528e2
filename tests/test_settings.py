"""Settings come from the environment, and production refuses to start without a secret key."""

import os
import subprocess
import sys


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
    assert "Set SECRET_KEY" in result.stderr


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
