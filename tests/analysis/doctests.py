"""Running a module's docstring examples as a test that fails when they do, or when there are none."""

import doctest
from types import ModuleType


def assert_examples_hold(module: ModuleType) -> None:
    """Every example in `module`'s docstrings runs and prints what it shows.

    `doctest.testmod(...).failed == 0` alone would also pass if the examples were deleted, so the
    number attempted is checked too.
    """
    result = doctest.testmod(module)
    assert result.attempted > 0, f"{module.__name__} has no docstring example to run"
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed"
