"""The `ordito` command: one entry point, one thin sub-command per capability.

Results go to standard output, messages to standard error. Exit 0 on success, 2 on bad input
(with a message naming the file, row, column or option), 1 on other failures.
"""

import click

from ordito.cli import analysis_io  # noqa: F401  (adds `export analysis`)
from ordito.cli.analyze import analyze
from ordito.cli.plan_io import export, import_
from ordito.cli.site import demo, manage, serve
from ordito.cli.tokens import token
from ordito.cli.worker import worker


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ordito")
def main() -> None:
    """Ordito: participatory strategic planning for a metropolitan area."""


main.add_command(analyze)
main.add_command(demo)
main.add_command(export)
main.add_command(import_)
main.add_command(manage)
main.add_command(serve)
main.add_command(token)
main.add_command(worker)
