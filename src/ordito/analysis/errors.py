"""The one error the analysis library raises for bad input."""

POSITION_NAMES = ("row", "column")


class AnalysisInputError(ValueError):
    """Input that a method cannot accept.

    `detail` names the argument at fault, what was expected and what came in. `argument` is that
    argument's name; `position` locates the bad value inside it when there is one (a row index,
    or a (row, column) pair of 0-based indices into the array as given). The error's text is the
    detail followed by that position in parentheses, for a reader of the library; a caller reading a file
    translates `position` into the file's own row and column and shows `detail` beside them.
    """

    def __init__(self, detail: str, *, argument: str, position: tuple[int, ...] | None = None):
        self.detail = detail
        self.argument = argument
        self.position = position
        if position is None:
            super().__init__(detail)
        elif len(position) == 1:
            super().__init__(f"{detail.removesuffix('.')} (at index {position[0]}).")
        else:
            where = ", ".join(
                f"{name} {index}" for name, index in zip(POSITION_NAMES, position, strict=False)
            )
            super().__init__(f"{detail.removesuffix('.')} (at {where}).")
