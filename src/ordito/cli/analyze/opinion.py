"""`ordito analyze opinion`: opinion groups from a long table of votes.

The votes arrive one a row (participant, statement, vote) and become a participants × statements
matrix with NaN where a participant did not vote. Ids are coded as they are first met (a cell's
text is stripped and checked once, however many rows repeat it) and the votes kept in compact
arrays, so ten thousand participants × five hundred statements (five million rows) stay within
a few tens of megabytes before the matrix is built, with numpy, in one step.
"""

from array import array
from collections.abc import Iterable
from dataclasses import dataclass

import click
import numpy as np

from ordito.analyses.files.records import Columns, columns_find
from ordito.analyses.files.tables import Row, Scale, table_open
from ordito.cli.analyze.errors import AnalysisCommand, BadInput, Origin, Place, library_errors
from ordito.cli.analyze.output import Report, output_options

VOTE_CELL = Scale("-1, 0 or 1", low=-1, high=1, integers=True)


@dataclass(frozen=True, slots=True)
class Votes:
    """The votes as a matrix, with the file's row of each vote."""

    participants: tuple[str, ...]
    statements: tuple[str, ...]
    matrix: np.ndarray
    participant_codes: np.ndarray
    statement_codes: np.ndarray
    row_numbers: np.ndarray

    def origins(self, columns: Columns) -> dict[str, Origin]:
        source = columns.table.source

        def first_row(codes: np.ndarray, code: int) -> int:
            return int(self.row_numbers[int(np.argmax(codes == code))])

        def vote(position: tuple[int, ...]) -> Place:
            found = (self.participant_codes == position[0]) & (self.statement_codes == position[-1])
            if not found.any():
                return first_row(self.participant_codes, position[0]), None
            return int(self.row_numbers[int(np.argmax(found))]), columns.index["vote"] + 1

        def participant(position: tuple[int, ...]) -> Place:
            return first_row(self.participant_codes, position[0]), columns.index["participant"] + 1

        def statement(position: tuple[int, ...]) -> Place:
            return first_row(self.statement_codes, position[0]), columns.index["statement"] + 1

        return {
            "votes": Origin(source, vote),
            "participants": Origin(source, participant),
            "statements": Origin(source, statement),
        }


def votes_read(columns: Columns, rows: Iterable[Row]) -> Votes:
    """Code the votes of `rows` and build the participants × statements matrix."""
    participants = _Coder(columns, "participant")
    statements = _Coder(columns, "statement")
    participant_codes = array("q")
    statement_codes = array("q")
    values = array("b")
    numbers = array("q")
    at_participant = columns.index["participant"]
    at_statement = columns.index["statement"]
    at_vote = columns.index["vote"]
    known = VOTE_CELL.known
    for row in rows:
        number, cells = row
        try:
            participant = participants.by_text[cells[at_participant]]
            statement = statements.by_text[cells[at_statement]]
            vote = known[cells[at_vote]]
        except (IndexError, KeyError):
            participant = participants.learn(row)
            statement = statements.learn(row)
            vote = columns.value(row, "vote", VOTE_CELL)
        participant_codes.append(participant)
        statement_codes.append(statement)
        values.append(int(vote))
        numbers.append(number)
    if not numbers:
        raise BadInput("no votes after the header", source=columns.table.source)
    person = np.frombuffer(participant_codes, dtype=np.int64)
    item = np.frombuffer(statement_codes, dtype=np.int64)
    row_numbers = np.frombuffer(numbers, dtype=np.int64)
    participant_ids, statement_ids = tuple(participants.by_id), tuple(statements.by_id)
    keys = person * len(statement_ids) + item
    _duplicates_check(columns, keys, row_numbers, participant_ids, statement_ids)
    matrix = np.full((len(participant_ids), len(statement_ids)), np.nan)
    matrix[person, item] = np.frombuffer(values, dtype=np.int8)
    return Votes(participant_ids, statement_ids, matrix, person, item, row_numbers)


class _Coder:
    """Codes 0, 1, 2... for the ids of one column, in order of appearance.

    `by_text` maps a cell's raw text to its code, so each distinct text is stripped and checked
    once, however many rows repeat it.
    """

    def __init__(self, columns: Columns, name: str) -> None:
        self.columns = columns
        self.name = name
        self.by_text: dict[str, int] = {}
        self.by_id: dict[str, int] = {}

    def learn(self, row: Row) -> int:
        """The code of the id in `row`, refusing an empty cell."""
        label = self.columns.required(row, self.name)
        code = self.by_id.setdefault(label, len(self.by_id))
        self.by_text[row[1][self.columns.index[self.name]]] = code
        return code


def _duplicates_check(
    columns: Columns,
    keys: np.ndarray,
    row_numbers: np.ndarray,
    participants: tuple[str, ...],
    statements: tuple[str, ...],
) -> None:
    """Refuse a second vote of a participant on a statement, naming the first one in the file."""
    order = np.argsort(keys, kind="stable")
    repeated = np.flatnonzero(keys[order][1:] == keys[order][:-1])
    if not repeated.size:
        return
    # With a stable sort, each repeat follows an earlier vote with the same key.
    first_repeat = repeated[np.argmin(order[repeated + 1])]
    earlier, later = order[first_repeat], order[first_repeat + 1]
    participant, statement = divmod(int(keys[later]), len(statements))
    raise BadInput(
        f'the participant "{participants[participant]}" votes twice on the statement '
        f'"{statements[statement]}" (rows {row_numbers[earlier]} and {row_numbers[later]})',
        source=columns.table.source,
        row=int(row_numbers[later]),
    )


@click.command(
    cls=AnalysisCommand,
    epilog="""\b
Example:
  ordito analyze opinion votes.csv --seed 3 --format table""",
)
@click.argument("votes", metavar="VOTES")
@click.option(
    "--seed",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    metavar="S",
    help="Seed of k-means: the same seed gives the same groups.",
)
@output_options
def opinion(votes: str, seed: int) -> Report:
    """Opinion groups of a consultation, as Pol.is finds them.

    VOTES has the columns `participant`, `statement` and `vote`: 1 agree, -1 disagree, 0 pass;
    one row per vote, and a participant votes at most once on a statement. Participants with at
    least 7 votes are grouped.
    """
    with table_open(votes) as table:
        columns = columns_find(table, table.header(), required=("participant", "statement", "vote"))
        read = votes_read(columns, table.rows)
    from ordito.analysis.opinion import opinion_groups

    with library_errors(read.origins(columns), default=votes):
        result = opinion_groups(
            read.matrix, participants=read.participants, statements=read.statements, seed=seed
        )
    return Report(result.to_dict())
