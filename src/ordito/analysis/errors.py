"""The one error the analysis library raises for bad input."""


class AnalysisInputError(ValueError):
    """Input that a method cannot accept.

    The message names the argument at fault, what was expected and what came in. `argument` is
    that argument's name; `position` locates the bad value inside it when there is one (a row
    index, or a (row, column) pair of indices into the array as given), so that a caller reading a
    file can translate it into the file's row and column.
    """

    def __init__(self, message: str, *, argument: str, position: tuple[int, ...] | None = None):
        super().__init__(message)
        self.argument = argument
        self.position = position
