"""`ordito export analysis`: a plan's inputs to one analysis, as the files `ordito analyze` reads."""

from pathlib import Path

import click

from ordito.cli.plan_io import export, fail
from ordito.cli.site import django_setup

ANALYSES = ("micmac", "mactor", "mcda", "smaa", "cpm", "network", "coherence")
METHODS = ("weighted_sum", "topsis", "promethee")


@export.command(name="analysis", short_help="Export a plan's inputs to one analysis as files.")
@click.argument("slug")
@click.argument("name", metavar="NAME")
@click.option(
    "--dir",
    "directory",
    required=True,
    type=click.Path(path_type=Path),
    help="The directory to write the files into (created if missing).",
)
@click.option(
    "--method",
    type=click.Choice(METHODS),
    default="weighted_sum",
    show_default=True,
    help="mcda only: the method.",
)
@click.option(
    "--policy", help="mcda only: rank by this weight set alone (default: compare them all)."
)
def export_analysis(slug: str, name: str, directory: Path, method: str, policy: str | None) -> None:
    """Write the inputs of the plan SLUG to the analysis NAME (micmac, mactor, mcda, smaa, cpm,
    network or coherence) into DIR, in the formats `ordito analyze` reads.

    The files' names go to standard output, one a line, and the last line is the `ordito
    analyze` command that computes, from them, the same JSON as
    /api/v1/plans/SLUG/analyses/NAME. Notes on how the inputs were derived go to standard error.

    \b
    Example:
      ordito export analysis torino-2006 micmac --dir analyses/micmac
    """
    if name not in ANALYSES:
        fail(2, f'no analysis "{name}" (the analyses are: {", ".join(ANALYSES)})')
    django_setup()
    from django.db import DatabaseError
    from django.utils import translation

    from ordito.analyses import selectors
    from ordito.analyses.services import DirectoryUnusable, analysis_files_write
    from ordito.plans.selectors import plan_list

    options: dict[str, str | None] = {}
    if name == "mcda":
        options = {"method": method, "policy": policy}
    elif policy is not None or method != "weighted_sum":
        fail(2, "--method and --policy apply to mcda only")
    try:
        plan = plan_list().filter(slug=slug).first()
        if plan is None:
            known = ", ".join(sorted(plan_list().values_list("slug", flat=True))) or "none"
            fail(2, f'no plan "{slug}" (the plans are: {known})')
        if policy is not None and policy not in selectors.policy_names(plan=plan):
            names = ", ".join(selectors.policy_names(plan=plan))
            fail(2, f'--policy: no weight set "{policy}" (the weight sets are: {names})')
        with translation.override("en"):
            paths, line = analysis_files_write(plan=plan, name=name, directory=directory, **options)
    except selectors.InputsMissing as error:
        fail(2, f"{slug}: {error}")
    except DirectoryUnusable as error:
        fail(2, str(error))
    except DatabaseError as error:
        fail(1, f"the database failed: {error}")
    for path in paths:
        click.echo(str(path))
    if name in ("mcda", "smaa"):
        click.echo(
            "note: the plan stores no weight sets; they are derived from its meta-objectives",
            err=True,
        )
    if name == "cpm":
        click.echo("note: dependencies' lags are not in the tasks file and are left out", err=True)
    click.echo(line)
