"""Run every benchmark and write their figures to benchmarks/results/latest.md (`make bench`).

    .venv/bin/python -m benchmarks.run [--only NAME,...] [--skip-web]

Runs each script of benchmarks/analysis/, benchmarks/people/ and benchmarks/process/ (the
burst of registrations, on PostgreSQL) in turn, then
benchmarks/web/load.sh (PostgreSQL on 127.0.0.1:5432 and wrk), each in a child process with a
time limit, and writes the machine's facts and the figures as Markdown tables. A benchmark that fails or runs out of time is recorded
as such and the others still run; the exit status is then 1. The benchmarks are not tests: their
figures vary with the machine and its load (noted in the facts).
"""

import argparse
import os
import platform
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.report import Run, results_document

ROOT = Path(__file__).resolve().parent.parent
SCRIPT_DIRECTORIES = tuple(
    ROOT / "benchmarks" / name for name in ("analysis", "analyses", "people", "process")
)
RESULTS = ROOT / "benchmarks" / "results" / "latest.md"
# Options that keep a benchmark within its limit on a 2-core machine (the defaults repeat more).
# bench_accounts: 200 people (about 0.65 s each: Django's password hasher at work) rather than the
# issue's 1,000, which take 17 minutes; run it alone with --people 1000 for that figure.
OPTIONS = {
    "bench_cli": ["--repeats", "1"],
    "bench_accounts": ["--people", "200", "--requests", "1000"],
}
SCRIPT_LIMIT_S = 300
WEB_LIMIT_S = 420
WEB_DURATION_S = 10  # per wrk run; six runs


def run(name: str, command: list[str], *, limit: float, env: dict | None = None) -> Run:
    """Run `command` from the repository's root; its stdout lines are the figures.

    Past `limit` seconds its whole process group gets SIGTERM (load.sh then stops its server and
    drops its database), and SIGKILL 30 s later if anything is left.
    """
    print(f"== {name}", file=sys.stderr, flush=True)
    began = time.perf_counter()
    child = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = child.communicate(timeout=limit)
        outcome = "ok" if child.returncode == 0 else f"failed (exit {child.returncode})"
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGTERM)
        try:
            output, _ = child.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            output, _ = child.communicate()
        outcome = f"timed out after {limit:.0f} s"
    sys.stderr.write(output)
    return Run(name, tuple(output.splitlines()), time.perf_counter() - began, outcome)


def command_output(*command: str) -> str:
    try:
        return subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=30
        ).stdout.strip()
    except OSError:
        return ""


def machine_facts() -> dict[str, str]:
    import numpy

    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    memory_kib = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    commit = command_output("git", "rev-parse", "--short", "HEAD")
    if command_output("git", "status", "--porcelain", "--untracked-files=no"):
        commit += " (with uncommitted changes)"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit,
        "cores": str(os.cpu_count()),
        "processor": model,
        "memory": f"{memory_kib / 2**20:.1f} GiB",
        "load average at start (1, 5, 15 min)": ", ".join(f"{x:.2f}" for x in os.getloadavg()),
        "operating system": platform.platform(),
        "Python": platform.python_version(),
        "numpy": numpy.__version__,
        "PostgreSQL": command_output("psql", "--version"),
        "wrk": command_output("sh", "-c", "wrk --version 2>&1 | head -n 1"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated names, e.g. bench_mcda,web")
    parser.add_argument("--skip-web", action="store_true", help="do not run the web load test")
    options = parser.parse_args()
    chosen = {name for name in options.only.split(",") if name}
    facts = machine_facts()
    scripts = [
        run(
            script.stem,
            [sys.executable, str(script), *OPTIONS.get(script.stem, [])],
            limit=SCRIPT_LIMIT_S,
        )
        for directory in SCRIPT_DIRECTORIES
        for script in sorted(directory.glob("bench_*.py"))
        if not chosen or script.stem in chosen
    ]
    web = None
    if not options.skip_web and (not chosen or "web" in chosen):
        web = run(
            "web",
            ["bash", "benchmarks/web/load.sh"],
            limit=WEB_LIMIT_S,
            env={"DURATION": str(WEB_DURATION_S)},
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(results_document(facts, scripts, web), encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    runs = [*scripts, *([web] if web else [])]
    failed = [r.name for r in runs if r.outcome != "ok"]
    if failed:
        print(f"error: these benchmarks did not finish: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
