"""The conference opening (issue #10): 500 people register at once, over 50 connections, for a
conference of 400 places, on PostgreSQL under `ordito serve`.

Run: .venv/bin/python benchmarks/process/bench_burst.py [--people N] [--capacity N]
     [--connections N] [--workers N] [--database-url postgres://postgres@127.0.0.1:5432/NAME]

Creates the database (ordito_bench_burst by default on 127.0.0.1:5432, dropped first if stale and
dropped at the end), migrates it, creates the people with personal API tokens, serves it with one
`ordito serve` of `--workers` gunicorn workers, and fires one `POST
/api/v1/meetings/{id}/registrations` per person, every connection starting together. Prints
whether every request was answered, the confirmed and waiting counts the answers and the
database give, and the burst's latency. Exits 1 if anything overbooked or went unanswered.
"""

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.process.burst import (
    burst,
    database_counts,
    percentile,
    postgres_database,
    postgres_drop,
    servers,
    site_prepare,
)

DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--capacity", type=int, default=400)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database-name", default="ordito_bench_burst")
    arguments = parser.parse_args()

    url = postgres_database(DEFAULT_SERVER, arguments.database_name)
    scratch = Path(tempfile.mkdtemp(prefix="bench-burst-"))
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnop",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(scratch / "static"),
    }
    env.pop("REDIS_URL", None)
    try:
        meeting, tokens = site_prepare(env, people=arguments.people, capacity=arguments.capacity)
        with servers(env, count=1, workers=arguments.workers, log_dir=scratch) as urls:
            began = time.perf_counter()
            answers = burst(urls, meeting=meeting, tokens=tokens, connections=arguments.connections)
            elapsed = time.perf_counter() - began
        held = database_counts(env, meeting)
    finally:
        postgres_drop(url)

    statuses = Counter(answer.status for answer in answers)
    outcomes = Counter(answer.body.get("status") for answer in answers if answer.status == 201)
    latencies_ms = [answer.seconds * 1000 for answer in answers]
    confirmed = held["by_status"].get("confirmed", 0)
    waiting = held["by_status"].get("waitlisted", 0)
    print(
        f"burst: {arguments.people} registrations, {arguments.connections} connections, "
        f"capacity {arguments.capacity}, PostgreSQL, ordito serve --workers {arguments.workers}"
    )
    print(
        f"answered: {sum(statuses.values()) - statuses.get(0, 0)} of {len(answers)}, statuses {dict(statuses)}"
    )
    print(f"answers say: confirmed={outcomes['confirmed']} waitlisted={outcomes['waitlisted']}")
    print(f"database holds: confirmed={confirmed} waitlisted={waiting}")
    print(
        f"latency: p50_ms={percentile(latencies_ms, 0.5):.0f} "
        f"p95_ms={percentile(latencies_ms, 0.95):.0f} max_ms={max(latencies_ms):.0f} "
        f"burst_s={elapsed:.2f} rps={len(answers) / elapsed:.0f}"
    )
    expected_waiting = max(arguments.people - arguments.capacity, 0)
    ok = (
        statuses == {201: arguments.people}
        and confirmed == min(arguments.capacity, arguments.people)
        and waiting == expected_waiting
    )
    print("result: " + ("ok" if ok else "FAILED: overbooked or unanswered"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
