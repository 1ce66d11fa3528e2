"""Time `ordito analyze` end to end (start-up, file parsing, the method, the JSON) at the issue's sizes.

Writes seeded input files of the sizes the issue names into a temporary folder, runs the real
command on each a few times, and prints the best and median wall time and the peak memory of
the child process. Run it as a plain script:

    .venv/bin/python benchmarks/analysis/bench_cli.py [--repeats R] [--only micmac,opinion]
"""

import argparse
import csv
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

COMMAND = shutil.which("ordito", path=str(Path(sys.executable).parent))


def write_matrix(path: Path, matrix: np.ndarray, labels: list[str]) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["", *labels])
        for label, row in zip(labels, matrix.astype(int).tolist(), strict=True):
            writer.writerow([label, *row])


def micmac_input(folder: Path, rng: np.random.Generator) -> list[str]:
    size = 5_000
    matrix = rng.choice(4, size=(size, size), p=[0.7, 0.1, 0.1, 0.1])
    np.fill_diagonal(matrix, 0)
    write_matrix(folder / "micmac.csv", matrix, [f"V{i}" for i in range(size)])
    return ["micmac", str(folder / "micmac.csv")]


def mactor_input(folder: Path, rng: np.random.Generator) -> list[str]:
    actors, objectives = 300, 1_000
    mid = rng.integers(0, 5, size=(actors, actors))
    np.fill_diagonal(mid, 0)
    names = [f"A{i}" for i in range(actors)]
    write_matrix(folder / "mid.csv", mid, names)
    with (folder / "positions.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["", *(f"O{k}" for k in range(objectives))])
        for name, row in zip(
            names, rng.integers(-4, 5, size=(actors, objectives)).tolist(), strict=True
        ):
            writer.writerow([name, *row])
    return ["mactor", str(folder / "mid.csv"), str(folder / "positions.csv")]


def decision_input(
    folder: Path, rng: np.random.Generator, alternatives: int, criteria: int
) -> Path:
    path = folder / f"decision-{alternatives}x{criteria}.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["alternative", *(f"c{j}" for j in range(criteria))])
        writer.writerow(["weight", *rng.integers(1, 10, size=criteria).tolist()])
        writer.writerow(["direction", *(("max", "min")[j % 2] for j in range(criteria))])
        for i, row in enumerate(rng.random((alternatives, criteria)).round(6).tolist()):
            writer.writerow([f"a{i}", *row])
    return path


def cpm_input(folder: Path, rng: np.random.Generator) -> list[str]:
    tasks = 100_000
    path = folder / "tasks.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "duration", "predecessors"])
        for i in range(tasks):
            before = rng.integers(max(0, i - 50), i, size=min(i, 2)) if i else []
            writer.writerow(
                [f"t{i}", int(rng.integers(1, 20)), ";".join(f"t{j}" for j in sorted(set(before)))]
            )
    return ["cpm", str(path)]


def network_input(folder: Path, rng: np.random.Generator) -> list[str]:
    path = folder / "roles.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["actor", "project", "role"])
        for project in range(5_000):
            for actor in rng.choice(20_000, size=int(rng.integers(2, 9)), replace=False):
                writer.writerow([f"a{actor}", f"p{project}", "partner"])
    return ["network", str(path)]


def opinion_input(folder: Path, rng: np.random.Generator) -> list[str]:
    path = folder / "votes.csv"
    participants, statements = 10_000, 500
    camps = rng.integers(0, 3, size=participants)
    leaning = rng.choice([-1, 0, 1], size=(3, statements))
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["participant", "statement", "vote"])
        for person in range(participants):
            voted = rng.choice(statements, size=int(rng.integers(10, 60)), replace=False)
            noise = rng.random(voted.size) < 0.2
            votes = np.where(
                noise, rng.choice([-1, 0, 1], size=voted.size), leaning[camps[person], voted]
            )
            writer.writerows(
                [f"p{person}", f"s{s}", int(v)] for s, v in zip(voted, votes, strict=True)
            )
    return ["opinion", str(path)]


def cases(folder: Path) -> dict[str, Callable[[], list[str]]]:
    rng = np.random.default_rng(2006)
    return {
        "micmac": lambda: micmac_input(folder, rng),
        "mactor": lambda: mactor_input(folder, rng),
        "topsis": lambda: [
            "mcda",
            str(decision_input(folder, rng, 2_000, 12)),
            "--method",
            "topsis",
        ],
        "promethee": lambda: [
            "mcda",
            str(decision_input(folder, rng, 2_000, 12)),
            "--method",
            "promethee",
        ],
        "smaa": lambda: ["smaa", str(decision_input(folder, rng, 1_000, 10)), "--samples", "10000"],
        "cpm": lambda: cpm_input(folder, rng),
        "network": lambda: network_input(folder, rng),
        "opinion": lambda: opinion_input(folder, rng),
    }


# The child's peak memory counts the pages it was forked with, so the command is started from a
# small launcher process rather than from this one, which holds the generated inputs.
LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
_, status, usage = os.wait4(child.pid, 0)
sys.stderr.write(child.stderr.read().decode())
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def run(arguments: list[str]) -> tuple[float, float]:
    """Wall seconds and the peak resident memory (MiB) of one run of the command."""
    began = time.perf_counter()
    launched = subprocess.run(
        [sys.executable, "-c", LAUNCHER, COMMAND, "analyze", *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - began
    code, peak_kib = (int(value) for value in launched.stdout.split())
    if code != 0:
        raise SystemExit(f"{arguments[0]} failed: {launched.stderr}")
    return elapsed, peak_kib / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--only", default="", help="comma-separated case names")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        selected = [name for name in options.only.split(",") if name]
        for name, build in cases(Path(folder)).items():
            if selected and name not in selected:
                continue
            arguments = build()
            timings = [run(arguments) for _ in range(options.repeats)]
            seconds = [elapsed for elapsed, _ in timings]
            print(
                f"{name:10} best {min(seconds):6.2f} s  median {statistics.median(seconds):6.2f} s"
                f"  peak memory {max(peak for _, peak in timings):5.0f} MiB"
            )


if __name__ == "__main__":
    main()
