"""Running the site: `ordito demo`, `ordito serve` and `ordito manage` (Django's commands)."""

import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ordito.interop.demo_people import DemoLogin


def settings_load() -> None:
    """Read the settings from the environment; a mistake there ends the command.

    settings.py raises ImproperlyConfigured with one line naming the variable at fault (DEBUG off
    without SECRET_KEY, a bad DATABASE_URL...): that line alone goes to stderr and the exit status
    is 2, as for any bad input, instead of Django's traceback.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ordito.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        settings.INSTALLED_APPS  # noqa: B018 (reading one setting loads them all)
    except ImproperlyConfigured as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(2) from None


def django_setup() -> None:
    settings_load()
    import django

    django.setup()


@click.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,
)
@click.argument("arguments", nargs=-1, type=click.UNPROCESSED)
def manage(arguments: tuple[str, ...]) -> None:
    """Run one of Django's management commands.

    \b
    Example:
      ordito manage migrate
      ordito manage createsuperuser
    """
    settings_load()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ordito manage", *arguments])


LOGIN_COLUMNS = ("role", "name", "lang", "e-mail", "password", "TOTP secret", "note")


def logins_table(logins: Iterable["DemoLogin"]) -> str:
    """The demo's logins as a table, columns aligned and set apart by at least two spaces (a
    name or a note holds single spaces only)."""
    rows = [LOGIN_COLUMNS] + [
        (
            login.role,
            login.display_name,
            login.language,
            login.email,
            login.password,
            login.totp_secret or "-",
            login.note or "-",
        )
        for login in logins
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(LOGIN_COLUMNS))]
    return "\n".join(
        "  "
        + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--no-serve", is_flag=True, help="Prepare the database and stop.")
def demo(host: str, port: int, no_serve: bool) -> None:
    """Create or update the demo database under var/, load the Turin demo and serve it.

    The admin account `admin` and the demo's invented people get new random passwords at every
    run; they are printed below, with the TOTP secrets of those who need a second factor.

    \b
    Example:
      ordito demo
    """
    os.environ.setdefault("DEBUG", "true")
    django_setup()
    from django.conf import settings
    from django.core.management import call_command

    from ordito.interop.demo import demo_admin_reset, demo_load
    from ordito.interop.demo_forum import demo_forum_load
    from ordito.interop.demo_people import DEMO_PLAN, demo_people_reset
    from ordito.interop.demo_process import demo_process_load

    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    report = demo_load()
    click.echo(f"Turin demo: {report.summary()}", err=True)
    if not report.ok:
        for problem in report.problems:
            click.echo(f"error: {problem}", err=True)
        raise SystemExit(1)

    admin = demo_admin_reset()
    people = demo_people_reset(by=None)
    process = demo_process_load(by=None)
    click.echo(f"Turin demo's process: {process.written} rows written", err=True)
    demo_forum_load()
    site = f"http://{host}:{port}"
    click.echo(
        f"\nOrdito demo: {site}/\n"
        f"Admin: {site}/admin/  e-mail: {admin.email}  password: {admin.password}"
        f"  TOTP secret: {admin.totp_secret}\n"
        f"\nInvented people of the plan {DEMO_PLAN}, flagged as examples; log in at "
        f"{site}/accounts/login/ with their e-mail and password:\n"
        f"{logins_table(people)}\n"
        "A TOTP secret goes into an authenticator app, or gives the code at once: "
        "oathtool --totp -b SECRET\n",
        err=True,
    )
    if not no_serve:
        from ordito.cli.worker import worker_start_beside

        # The demo's e-mails (printed here by the console backend) go out through the worker.
        background = worker_start_beside()
        try:
            call_command("runserver", f"{host}:{port}", use_reloader=False)
        finally:
            background.terminate()
            background.wait(timeout=30)


@click.command()
@click.option("--bind", default="127.0.0.1:8000", show_default=True, help="host:port to listen on.")
@click.option(
    "--workers",
    default=lambda: (os.cpu_count() or 1) * 2 + 1,
    show_default="2 × cores + 1",
    type=click.IntRange(1, 256),
)
@click.option("--threads", default=1, show_default=True, type=click.IntRange(1, 64))
@click.option("--no-collectstatic", is_flag=True, help="Skip collecting static files.")
@click.option(
    "--debug",
    is_flag=True,
    help="Serve with DEBUG on, for development only. Without it, DEBUG=false is required.",
)
def serve(bind: str, workers: int, threads: int, no_collectstatic: bool, debug: bool) -> None:
    """Serve Ordito with gunicorn; whitenoise serves the static files.

    Set DEBUG=false, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL in the environment first: DEBUG is
    on unless DEBUG=false, and this production server refuses to start with it on (its error
    pages would show code and settings to anyone) unless --debug asks for it. `ordito demo` is the
    development server.

    \b
    Example:
      DEBUG=false SECRET_KEY=... ALLOWED_HOSTS=plan.example.org ordito serve --bind 0.0.0.0:8000
    """
    settings_load()
    from django.conf import settings

    if settings.DEBUG and not debug:
        click.echo(
            "error: DEBUG is on (it is unless DEBUG=false): set DEBUG=false, SECRET_KEY and "
            "ALLOWED_HOSTS to serve in production, or pass --debug to serve with DEBUG on.",
            err=True,
        )
        raise SystemExit(2)
    if debug and not settings.DEBUG:
        click.echo("error: --debug asks for DEBUG on, but DEBUG=false: drop one of them.", err=True)
        raise SystemExit(2)
    django_setup()
    from django.core.management import call_command

    if not no_collectstatic:
        call_command("collectstatic", interactive=False, verbosity=0)
    from gunicorn.app.wsgiapp import run

    sys.argv = [
        "gunicorn",
        "ordito.wsgi:application",
        "--bind", bind,
        "--workers", str(workers),
        "--threads", str(threads),
        "--access-logfile", "-",
    ]  # fmt: skip
    run()
