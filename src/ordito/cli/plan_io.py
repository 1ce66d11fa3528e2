"""`ordito export plan` and `ordito import plan`: plans in the `ordito-plan` format.

The format is docs/plan-format.md. Both commands are thin: they call `ordito.interop`, print the
result on standard output and messages on standard error, and exit 0 on success, 2 on bad input
(every problem on its own line, `error: FILE: path: message`) and 1 on any other failure.
"""

import json
import sys
from pathlib import Path
from typing import NoReturn

import click

from ordito.cli.site import django_setup

EXPORT_FORMATS = ("json", "yaml")


def fail(code: int, message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


@click.group(name="export")
def export() -> None:
    """Write Ordito's data in an interchange format.

    \b
    Example:
      ordito export plan torino-2006 --format yaml
    """


@export.command(name="plan", short_help="Export a plan as an ordito-plan document.")
@click.argument("slug")
@click.option(
    "--format",
    "export_format",
    type=click.Choice(EXPORT_FORMATS),
    default="json",
    show_default=True,
    help="The file's syntax; both hold the same document.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
def export_plan(slug: str, export_format: str, output: Path | None) -> None:
    """Export the plan SLUG as an `ordito-plan` document: its structure, projects, links,
    matrices and the actors they name.

    The plan's previous plan is named, not included: export it too, and import it first.

    \b
    Example:
      ordito export plan torino-2006 --format json --output torino-2006.json
    """
    django_setup()
    from django.db import DatabaseError

    from ordito.interop.plan_export import plan_export, plan_export_text
    from ordito.plans.selectors import plan_list

    try:
        plan = plan_list().filter(slug=slug).first()
        if plan is None:
            known = ", ".join(sorted(plan_list().values_list("slug", flat=True))) or "none"
            fail(2, f'no plan "{slug}" (the plans are: {known})')
        text = plan_export_text(plan_export(plan=plan), export_format=export_format)
    except DatabaseError as error:
        fail(1, f"the database failed: {error}")
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        fail(2, f"{output}: cannot write the file: {error.strerror}")


@click.group(name="import")
def import_() -> None:
    """Read data into Ordito from an interchange format.

    \b
    Example:
      ordito import plan torino-2006.json
    """


@import_.command(name="plan", short_help="Import plans from an ordito-plan file.")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check and count everything, then roll it all back.")
def import_plan(file: Path, dry_run: bool) -> None:
    """Import the plans and actors of FILE, an `ordito-plan` document in JSON or YAML.

    Every record is checked before anything is written; if one is wrong, nothing is written and
    every problem is listed with its place in the file. Records are matched by their keys and
    codes, so importing the same file again changes nothing. The report goes to standard output
    as JSON, a one-line summary to standard error; when the file is refused, only the problems
    are printed, on standard error.

    \b
    Example:
      ordito import plan torino-2006.json --dry-run
    """
    django_setup()
    from django.db import DatabaseError
    from django.utils import translation

    from ordito.interop.plan_import import plan_import_file

    try:
        with translation.override("en"):
            report = plan_import_file(path=file, dry_run=dry_run)
    except DatabaseError as error:
        fail(1, f"{file}: the database failed: {error}")
    if report.problems:
        # All or nothing: nothing was imported, so there is no report, only the problems.
        for problem in report.problems:
            click.echo(f"error: {file}: {problem}", err=True)
        sys.exit(2)
    click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    click.echo(f"{file}: {report.summary()}", err=True)
