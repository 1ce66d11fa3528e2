"""The inputs of each analysis, as `ordito analyze` reads them: in memory, as files, as a command.

Each class holds one analysis's inputs as plain ids and numbers (the selectors build them from a
plan's rows). It can

- `compute()`: call `ordito.analysis` exactly as the `ordito analyze` sub-command does after
  reading its files, and give the JSON object the command prints;
- `files()`: write the files the sub-command reads (CSV, comma-separated, UTF-8, decimal dot,
  as `ordito.analyses.files.tables` reads them);
- `arguments(directory)`: the sub-command's arguments that read those files from `directory`.

`tests/analyses/test_exports.py` runs the real command on the files and compares its output with
`compute()`, for every analysis: the two paths cannot drift apart unnoticed. Nothing here imports
Django, so the same inputs can be built by a script outside the site.
"""

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

Cell = str | int | float

# `ordito analyze mcda --method`, and the default the platform uses when none is asked for.
METHODS = ("weighted_sum", "topsis", "promethee")
DEFAULT_METHOD = "weighted_sum"
# `ordito analyze smaa`'s defaults, written out in full on the command line.
SMAA_SAMPLES = 10_000
SMAA_SEED = 0


def csv_text(rows: Sequence[Sequence[Cell]]) -> str:
    """Rows as comma-separated text with a header, as the readers expect (numbers with a dot)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([[_cell(value) for value in row] for row in rows])
    return buffer.getvalue()


def _cell(value: Cell) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def result_json(result: dict[str, Any]) -> str:
    """The result as `ordito analyze --format json` prints it (without the final newline)."""
    return json.dumps(result, allow_nan=False)


@dataclass(frozen=True)
class AnalysisInputs:
    """What every analysis's inputs offer; the subclasses fill in the three methods."""

    command: ClassVar[str]

    def compute(self) -> dict[str, Any]:
        raise NotImplementedError

    def files(self) -> dict[str, str]:
        raise NotImplementedError

    def arguments(self, directory: str) -> list[str]:
        raise NotImplementedError

    def command_line(self, directory: str) -> list[str]:
        """`ordito analyze …` reading the files of `files()` from `directory`."""
        return ["ordito", "analyze", self.command, *self.arguments(directory)]


def _path(directory: str, name: str) -> str:
    return str(Path(directory) / name)


@dataclass(frozen=True)
class MicmacInputs(AnalysisInputs):
    """The cross-impact matrix: `matrix[i, j]` 0 to 3, `potential[i, j]` a P cell."""

    command: ClassVar[str] = "micmac"
    FILE: ClassVar[str] = "influences.csv"

    labels: tuple[str, ...]
    matrix: np.ndarray
    potential: np.ndarray

    def compute(self) -> dict[str, Any]:
        from ordito.analysis.micmac import micmac

        potential = self.potential if self.potential.any() else None
        matrix = np.asarray(self.matrix, dtype=float)
        return micmac(matrix, labels=self.labels, potential=potential).to_dict()

    def files(self) -> dict[str, str]:
        rows: list[list[Cell]] = [["objective", *self.labels]]
        for label, values, potentials in zip(self.labels, self.matrix, self.potential, strict=True):
            cells = [
                "P" if is_potential else int(value)
                for value, is_potential in zip(values, potentials, strict=True)
            ]
            rows.append([label, *cells])
        return {self.FILE: csv_text(rows)}

    def arguments(self, directory: str) -> list[str]:
        return [_path(directory, self.FILE)]


@dataclass(frozen=True)
class MactorInputs(AnalysisInputs):
    """The actors' direct influences (0 to 4) and their positions on objectives (−4 to 4)."""

    command: ClassVar[str] = "mactor"
    MID: ClassVar[str] = "mid.csv"
    POSITIONS: ClassVar[str] = "positions.csv"

    actors: tuple[str, ...]
    objectives: tuple[str, ...]
    mid: np.ndarray
    positions: np.ndarray

    def compute(self) -> dict[str, Any]:
        from ordito.analysis.mactor import mactor

        return mactor(
            np.asarray(self.mid, dtype=float),
            np.asarray(self.positions, dtype=float),
            actors=self.actors,
            objectives=self.objectives,
        ).to_dict()

    def files(self) -> dict[str, str]:
        mid: list[list[Cell]] = [["actor", *self.actors]]
        mid += [[actor, *map(int, row)] for actor, row in zip(self.actors, self.mid, strict=True)]
        positions: list[list[Cell]] = [["actor", *self.objectives]]
        positions += [
            [actor, *map(int, row)] for actor, row in zip(self.actors, self.positions, strict=True)
        ]
        return {self.MID: csv_text(mid), self.POSITIONS: csv_text(positions)}

    def arguments(self, directory: str) -> list[str]:
        return [_path(directory, self.MID), _path(directory, self.POSITIONS)]


@dataclass(frozen=True)
class DecisionInputs(AnalysisInputs):
    """Projects × criteria, the criteria's directions and default weights, and named weight sets.

    `method` picks the mcda method; `policy`, when given, ranks by that weight set alone
    (written as the DECISION's weight row); otherwise the default weights rank and every weight
    set is compared side by side (`--policies`).
    """

    command: ClassVar[str] = "mcda"
    DECISION: ClassVar[str] = "decision.csv"
    POLICIES: ClassVar[str] = "policies.csv"

    alternatives: tuple[str, ...]
    criteria: tuple[str, ...]
    matrix: np.ndarray
    directions: tuple[str, ...]
    weights: tuple[float, ...]
    policies: dict[str, tuple[float, ...]] = field(default_factory=dict)
    method: str = DEFAULT_METHOD
    policy: str | None = None

    def _weights(self) -> tuple[float, ...]:
        return self.policies[self.policy] if self.policy is not None else self.weights

    def _run(self, weights: Sequence[float]) -> dict[str, Any]:
        common: dict[str, Any] = {
            "directions": self.directions,
            "alternatives": self.alternatives,
            "criteria": self.criteria,
        }
        if self.method == "weighted_sum":
            from ordito.analysis.weighted_sum import weighted_sum as analysis
        elif self.method == "topsis":
            from ordito.analysis.topsis import topsis as analysis
        else:
            from ordito.analysis.promethee import promethee_ii as analysis

            common |= {"functions": None, "q": None, "p": None, "s": None}
        matrix = np.asarray(self.matrix, dtype=float)
        return analysis(matrix, weights=np.array(weights, dtype=float), **common).to_dict()

    def compute(self) -> dict[str, Any]:
        result = self._run(self._weights())
        if self.policy is not None or not self.policies:
            return result
        from ordito.analysis.policies import policy_comparison

        scores = {}
        for name, weights in self.policies.items():
            policy_scores = self._run(weights)["scores"]
            scores[name] = np.array([policy_scores[item] for item in self.alternatives])
        comparison = policy_comparison(scores, alternatives=self.alternatives)
        return result | comparison.to_dict()

    def files(self) -> dict[str, str]:
        rows: list[list[Cell]] = [["alternative", *self.criteria]]
        rows.append(["weight", *self._weights()])
        rows.append(["direction", *self.directions])
        rows += [
            [alternative, *map(float, values)]
            for alternative, values in zip(self.alternatives, self.matrix, strict=True)
        ]
        files = {self.DECISION: csv_text(rows)}
        if self.policy is None and self.policies:
            policies: list[list[Cell]] = [["policy", *self.criteria]]
            policies += [[name, *weights] for name, weights in self.policies.items()]
            files[self.POLICIES] = csv_text(policies)
        return files

    def arguments(self, directory: str) -> list[str]:
        arguments = [_path(directory, self.DECISION), "--method", self.method]
        if self.policy is None and self.policies:
            arguments += ["--policies", _path(directory, self.POLICIES)]
        return arguments


@dataclass(frozen=True)
class SmaaInputs(AnalysisInputs):
    """The decision table of `mcda`, its weights left to chance (SMAA-2)."""

    command: ClassVar[str] = "smaa"
    DECISION: ClassVar[str] = "decision.csv"

    decision: DecisionInputs
    samples: int = SMAA_SAMPLES
    seed: int = SMAA_SEED

    def compute(self) -> dict[str, Any]:
        from ordito.analysis.smaa import smaa2

        return smaa2(
            np.asarray(self.decision.matrix, dtype=float),
            directions=self.decision.directions,
            alternatives=self.decision.alternatives,
            criteria=self.decision.criteria,
            samples=self.samples,
            seed=self.seed,
            normalization="minmax",
        ).to_dict()

    def files(self) -> dict[str, str]:
        return {self.DECISION: self.decision.files()[DecisionInputs.DECISION]}

    def arguments(self, directory: str) -> list[str]:
        return [
            _path(directory, self.DECISION),
            "--samples",
            str(self.samples),
            "--seed",
            str(self.seed),
        ]


@dataclass(frozen=True)
class TasksInputs(AnalysisInputs):
    """Projects as tasks: a duration in days and the projects that must finish first."""

    command: ClassVar[str] = "cpm"
    FILE: ClassVar[str] = "tasks.csv"
    SEPARATOR: ClassVar[str] = ";"

    tasks: tuple[str, ...]
    durations: tuple[float, ...]
    predecessors: tuple[tuple[str, ...], ...]

    def compute(self) -> dict[str, Any]:
        from ordito.analysis.cpm import cpm

        return cpm(
            list(self.tasks), durations=list(self.durations), predecessors=list(self.predecessors)
        ).to_dict()

    def files(self) -> dict[str, str]:
        rows: list[list[Cell]] = [["id", "duration", "predecessors"]]
        rows += [
            [task, duration, self.SEPARATOR.join(before)]
            for task, duration, before in zip(
                self.tasks, self.durations, self.predecessors, strict=True
            )
        ]
        return {self.FILE: csv_text(rows)}

    def arguments(self, directory: str) -> list[str]:
        return [_path(directory, self.FILE)]


@dataclass(frozen=True)
class NetworkInputs(AnalysisInputs):
    """The roles actors hold in projects, and each actor's kind."""

    command: ClassVar[str] = "network"
    ROLES: ClassVar[str] = "roles.csv"
    ACTORS: ClassVar[str] = "actors.csv"

    roles: tuple[tuple[str, str, str], ...]  # (actor, project, role)
    kinds: dict[str, str]

    def compute(self) -> dict[str, Any]:
        from ordito.analysis.network import actor_project_network

        edges = [(actor, project) for actor, project, _role in self.roles]
        return actor_project_network(edges, kinds=self.kinds).to_dict()

    def files(self) -> dict[str, str]:
        roles = [["actor", "project", "role"], *map(list, self.roles)]
        actors = [["actor", "kind"], *([actor, kind] for actor, kind in self.kinds.items())]
        return {self.ROLES: csv_text(roles), self.ACTORS: csv_text(actors)}

    def arguments(self, directory: str) -> list[str]:
        return [_path(directory, self.ROLES), "--actors", _path(directory, self.ACTORS)]


@dataclass(frozen=True)
class CoherenceInputs(AnalysisInputs):
    """The projects' contributions to objectives (−3 to 3), and the full lists of both."""

    command: ClassVar[str] = "coherence"
    CONTRIBUTIONS: ClassVar[str] = "contributions.csv"
    OBJECTIVES: ClassVar[str] = "objectives.txt"
    PROJECTS: ClassVar[str] = "projects.txt"

    contributions: tuple[tuple[str, str, int], ...]
    objectives: tuple[str, ...]
    projects: tuple[str, ...]

    def compute(self) -> dict[str, Any]:
        from ordito.analysis.coherence import coherence

        return coherence(
            list(self.contributions), objectives=self.objectives, projects=self.projects
        ).to_dict()

    def files(self) -> dict[str, str]:
        contributions = [["project", "objective", "strength"], *map(list, self.contributions)]
        return {
            self.CONTRIBUTIONS: csv_text(contributions),
            self.OBJECTIVES: "".join(f"{label}\n" for label in self.objectives),
            self.PROJECTS: "".join(f"{label}\n" for label in self.projects),
        }

    def arguments(self, directory: str) -> list[str]:
        return [
            _path(directory, self.CONTRIBUTIONS),
            "--objectives",
            _path(directory, self.OBJECTIVES),
            "--projects",
            _path(directory, self.PROJECTS),
        ]
