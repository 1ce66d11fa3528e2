"""`ordito analyze cpm`, `network` and `coherence`: tables of projects, one record a row."""

import click

from ordito.analyses.files.records import Columns, IdList, columns_find, id_list_read
from ordito.analyses.files.tables import Row, Scale, table_open
from ordito.cli.analyze.errors import AnalysisCommand, BadInput, Origin, Place, library_errors
from ordito.cli.analyze.output import Report, output_options

DURATION_CELL = Scale("a number zero or more", low=0)
STRENGTH_CELL = Scale("an integer from -3 to 3", low=-3, high=3, integers=True)
PREDECESSOR_SEPARATOR = ";"


def _record_origin(columns: Columns, numbers: list[int], names: tuple[str, ...]) -> Origin:
    """Position (record index[, field index]) -> the file's row and the field's column."""

    def place(position: tuple[int, ...]) -> Place:
        field = names[position[1]] if len(position) > 1 and position[1] < len(names) else names[0]
        return numbers[position[0]], columns.index[field] + 1

    return Origin(columns.table.source, place)


@click.command(
    cls=AnalysisCommand,
    epilog="""\b
Example:
  ordito analyze cpm tasks.csv --format table""",
)
@click.argument("tasks", metavar="TASKS")
@output_options
def cpm(tasks: str) -> Report:
    """The critical path of a precedence network: early and late dates, floats, duration.

    TASKS has the columns `id`, `duration` (a number zero or more) and `predecessors` (the ids
    of the tasks that must finish first, separated by `;`; empty for none). A cycle is refused
    and named.
    """
    ids: list[str] = []
    durations: list[float] = []
    predecessors: list[tuple[str, ...]] = []
    numbers: list[int] = []
    seen: dict[str, int] = {}
    with table_open(tasks) as table:
        columns = columns_find(
            table, table.header(), required=("id", "duration"), optional=("predecessors",)
        )
        for row in table.rows:
            task = columns.required(row, "id")
            if task in seen:
                raise BadInput(
                    f'the task "{task}" appears twice (rows {seen[task]} and {row[0]})',
                    **columns.place(row, "id"),
                )
            seen[task] = row[0]
            durations.append(columns.value(row, "duration", DURATION_CELL))
            cell = columns.text(row, "predecessors")
            names = (name.strip() for name in cell.split(PREDECESSOR_SEPARATOR))
            predecessors.append(tuple(name for name in names if name))
            ids.append(task)
            numbers.append(row[0])
    if not ids:
        raise BadInput("no tasks after the header", source=tasks)
    for task, before, number in zip(ids, predecessors, numbers, strict=True):
        for name in before:
            if name not in seen:
                raise BadInput(
                    f'the predecessor "{name}" of "{task}" is not a task',
                    source=tasks,
                    row=number,
                    column=columns.index["predecessors"] + 1,
                )
    from ordito.analysis.cpm import cpm as cpm_analysis

    origins = {
        "tasks": _record_origin(columns, numbers, ("id",)),
        "durations": _record_origin(columns, numbers, ("duration",)),
    }
    if "predecessors" in columns.index:
        origins["predecessors"] = _record_origin(columns, numbers, ("predecessors",))
    with library_errors(origins, default=tasks):
        result = cpm_analysis(ids, durations=durations, predecessors=predecessors)
    return Report(result.to_dict())


@click.command(
    cls=AnalysisCommand,
    epilog="""\b
Example:
  ordito analyze network roles.csv --actors actors.csv --format table""",
)
@click.argument("roles", metavar="ROLES")
@click.option(
    "--actors",
    metavar="ACTORS",
    help="A table with the columns `actor` and `kind` (public, private, third sector...), "
    "one row for each actor of ROLES.",
)
@output_options
def network(roles: str, actors: str | None) -> Report:
    """The network of actors and projects: centralities, communities, brokers.

    ROLES has the columns `actor`, `project` and `role`, one row per role an actor holds in a
    project (an actor may hold several roles in one project). Actors are linked when they share
    a project.
    """
    edges: list[tuple[str, str]] = []
    numbers: list[int] = []
    with table_open(roles) as table:
        columns = columns_find(
            table, table.header(), required=("actor", "project"), optional=("role",)
        )
        for row in table.rows:
            edges.append((columns.required(row, "actor"), columns.required(row, "project")))
            numbers.append(row[0])
    if not edges:
        raise BadInput("no roles after the header", source=roles)
    kinds = _kinds_read(actors) if actors else None
    from ordito.analysis.network import actor_project_network

    origins = {"edges": _record_origin(columns, numbers, ("actor", "project"))}
    if actors:
        origins["kinds"] = Origin(actors)
    with library_errors(origins, default=roles):
        result = actor_project_network(edges, kinds=kinds)
    return Report(result.to_dict())


def _kinds_read(source: str) -> dict[str, str]:
    kinds: dict[str, str] = {}
    rows: dict[str, int] = {}
    with table_open(source) as table:
        columns = columns_find(table, table.header(), required=("actor", "kind"))
        for row in table.rows:
            actor = columns.required(row, "actor")
            if actor in rows:
                raise BadInput(
                    f'the actor "{actor}" appears twice (rows {rows[actor]} and {row[0]})',
                    **columns.place(row, "actor"),
                )
            rows[actor] = row[0]
            kinds[actor] = columns.required(row, "kind")
    return kinds


@click.command(
    cls=AnalysisCommand,
    epilog="""\b
Example:
  ordito analyze coherence contributions.csv --objectives objectives.txt --projects projects.txt""",
)
@click.argument("contributions", metavar="CONTRIBUTIONS")
@click.option(
    "--objectives",
    metavar="FILE",
    help="All the objectives, one id a line (no header), so that unserved ones are found.",
)
@click.option(
    "--projects",
    metavar="FILE",
    help="All the projects, one id a line (no header), so that those serving none are found.",
)
@output_options
def coherence(contributions: str, objectives: str | None, projects: str | None) -> Report:
    """Coherence of projects and objectives: gaps, negative service, conflicts.

    CONTRIBUTIONS has the columns `project`, `objective` and `strength`, an integer from -3
    (works strongly against the objective) to 3 (serves it strongly); 0 means no contribution.
    Each (project, objective) pair appears at most once.
    """
    objective_list = id_list_read(objectives, what="objective") if objectives else None
    project_list = id_list_read(projects, what="project") if projects else None
    triples: list[tuple[str, str, int]] = []
    numbers: list[int] = []
    pairs: dict[tuple[str, str], int] = {}
    with table_open(contributions) as table:
        columns = columns_find(table, table.header(), required=("project", "objective", "strength"))
        for row in table.rows:
            project = columns.required(row, "project")
            objective = columns.required(row, "objective")
            _listed_check(columns, row, "project", project, project_list)
            _listed_check(columns, row, "objective", objective, objective_list)
            if (project, objective) in pairs:
                raise BadInput(
                    f'the project "{project}" and the objective "{objective}" appear twice '
                    f"(rows {pairs[project, objective]} and {row[0]})",
                    source=contributions,
                    row=row[0],
                )
            pairs[project, objective] = row[0]
            strength = int(columns.value(row, "strength", STRENGTH_CELL))
            triples.append((project, objective, strength))
            numbers.append(row[0])
    from ordito.analysis.coherence import coherence as coherence_analysis

    origins = {
        "contributions": _record_origin(columns, numbers, ("project", "objective", "strength"))
    }
    if objective_list is not None:
        origins["objectives"] = objective_list.origin()
    if project_list is not None:
        origins["projects"] = project_list.origin()
    with library_errors(origins, default=contributions):
        result = coherence_analysis(
            triples,
            objectives=objective_list.ids if objective_list else None,
            projects=project_list.ids if project_list else None,
        )
    return Report(result.to_dict())


def _listed_check(columns: Columns, row: Row, name: str, value: str, listed: IdList | None) -> None:
    if listed is not None and value not in listed:
        raise BadInput(
            f'the {name} "{value}" is not in {listed.source}', **columns.place(row, name)
        )
