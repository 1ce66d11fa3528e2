"""`ordito analyze`: the analysis library on CSV and XLSX tables, from the command line.

Each sub-command reads its tables (`tables`, `matrices`, `records`, `decision`), calls one
function of `ordito.analysis`, and writes the result's JSON object, text tables or workbook
(`output`, `sheets`). Bad input exits with status 2 and one line on standard error naming the
file, row and column (`errors`). A sub-command's module is imported only when it runs (or when
the help lists it), and the library function only when its sub-command has read its input, so
`ordito` starts without numpy and the help works on its own.
"""

import importlib

import click

from ordito.cli.analyze.errors import BadInput

# Sub-command name -> "module:attribute" of its click command.
SUB_COMMANDS = {
    "micmac": "ordito.cli.analyze.structural:micmac",
    "mactor": "ordito.cli.analyze.structural:mactor",
    "mcda": "ordito.cli.analyze.multicriteria:mcda",
    "ahp": "ordito.cli.analyze.multicriteria:ahp",
    "smaa": "ordito.cli.analyze.multicriteria:smaa",
    "cpm": "ordito.cli.analyze.projects:cpm",
    "network": "ordito.cli.analyze.projects:network",
    "coherence": "ordito.cli.analyze.projects:coherence",
    "opinion": "ordito.cli.analyze.opinion:opinion",
}


class AnalysisGroup(click.Group):
    """The `analyze` group: sub-commands loaded when needed; an unknown one is a one-line error."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUB_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = SUB_COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, attribute = target.partition(":")
        return getattr(importlib.import_module(module), attribute)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as error:
            raise BadInput(f"{error.format_message()} (see ordito analyze --help)") from None


@click.group(cls=AnalysisGroup)
def analyze() -> None:
    """Analyse a plan's tables: structure, actors, priorities, sequencing, networks, opinions.

    \b
    Input files
      .csv: comma- or semicolon-separated, whichever the header line holds more
            of; in a semicolon-separated file the comma is the decimal separator
            ("0,5" is 0.5), elsewhere the dot; no thousands separators.
            Text in UTF-8, UTF-8 with BOM, or Windows-1252 (as Excel saves it).
      .tsv: tab-separated, decimal dot.
      .xlsx: the first sheet.
      Blank rows and trailing blank cells are ignored. Rows and columns are
      counted from 1, the header included, as a spreadsheet shows them.

    \b
    Limits
      A file larger than ORDITO_MAX_INPUT_BYTES bytes (default 268435456, that is
      256 MiB) is refused before it is read; an XLSX file whose content expands
      to more than 16 times that is refused too. A matrix or table with more
      than 20,000 ids in its header is refused.

    \b
    Output and exit status
      --format json (default) prints one JSON object; table prints aligned text
      tables; xlsx writes a workbook to --output FILE, one sheet per group of keys.
      0: success. 2: bad input, with one line on standard error:
         error: FILE, row R, column C: message
      1: any other failure (ORDITO_DEBUG=1 shows the traceback).
      130: interrupted by Ctrl-C; nothing is written.
    """
