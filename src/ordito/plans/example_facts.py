"""The invented facts of a real project: which of its own fields `Project.example_fields` may name.

A project the sources name is a fact, but a demo may still invent some of its values (a budget,
dates, a place). `is_example` marks a project invented as a whole; `example_fields` lists, for a
real project, the fields whose values are invented, so that each is labelled where it shows.

The rule lives here once, with its messages: the model checks it in `clean()` (so the admin, the
API and the services refuse a bad list on `example_fields`), and the importer runs it on a file's
list before anything is written, reporting each fault at the path of the item.
"""

import json
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _

# The fields whose value can be invented while the project itself is real. Not the code, title
# and direction: they say which project of the sources this is; invent them and the whole
# project is an example (`is_example`).
EXAMPLE_FIELDS = (
    "kind",
    "description",
    "status",
    "municipality",
    "latitude",
    "longitude",
    "budget_eur",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "carried_over_from",
)

# A hostile name is quoted in a message only this far.
QUOTED_LENGTH = 40


def quoted(value: Any) -> str:
    """A name as a message shows it: a string in quotes, anything else as JSON; cut when long."""
    if isinstance(value, str):
        return f'"{value[:QUOTED_LENGTH]}…"' if len(value) > QUOTED_LENGTH else f'"{value}"'
    text = json.dumps(value, ensure_ascii=False, default=str)
    return f"{text[:QUOTED_LENGTH]}…" if len(text) > QUOTED_LENGTH else text


def example_fields_problems(names: Sequence[Any]) -> list[tuple[int, str]]:
    """The faults of a list of field names, each as (index of the item, message).

    A name is refused when it is not one of `EXAMPLE_FIELDS` (or not a string at all), and when
    an earlier item already named it.
    """
    problems: list[tuple[int, str]] = []
    seen: set[str] = set()
    for index, name in enumerate(names):
        if not isinstance(name, str) or name not in EXAMPLE_FIELDS:
            problems.append(
                (
                    index,
                    _(
                        "%(name)s is not a field of a project whose value can be marked as "
                        "an example; use %(fields)s."
                    )
                    % {"name": quoted(name), "fields": ", ".join(EXAMPLE_FIELDS)},
                )
            )
        elif name in seen:
            problems.append((index, _("%(name)s is listed twice.") % {"name": quoted(name)}))
        else:
            seen.add(name)
    return problems
