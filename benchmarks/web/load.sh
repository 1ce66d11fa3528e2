#!/usr/bin/env bash
# Load benchmark of the public pages under `ordito serve` on PostgreSQL with DEBUG off.
# Creates the database ordito_bench (dropping a stale one), generates the 5,000-project plan,
# serves it with gunicorn, and runs wrk at 1 and 16 connections against the home, the project
# list and a project page; then stops the server and drops the database. Only 127.0.0.1 is ever
# targeted, and each wrk run stops by itself after DURATION seconds.
#
#   bash benchmarks/web/load.sh     # needs wrk and PostgreSQL on 127.0.0.1:5432 (make bench)
#
# Prints the queries each page costs, then one line per page and connection count:
#   /p/bench/   c=1   rps=... p50_ms=... p95_ms=... requests=... errors=...
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-15}
PORT=${PORT:-8765}
DB=ordito_bench
PG=(-h 127.0.0.1 -p 5432 -U postgres)
command -v wrk >/dev/null || { echo "error: wrk is missing: make bench installs it" >&2; exit 2; }
pg_isready -q "${PG[@]}" \
    || { echo "error: PostgreSQL is not answering on 127.0.0.1:5432" >&2; exit 2; }
mkdir -p var
SERVER=""
cleanup() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    dropdb "${PG[@]}" --if-exists --force "$DB"
}
trap cleanup EXIT
dropdb "${PG[@]}" --if-exists --force "$DB"
createdb "${PG[@]}" "$DB"
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
export DEBUG=false SECRET_KEY=benchmark-only-secret-key-0123456789-abcdefghijklmnop
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0
export STATIC_ROOT="$PWD/var/bench-static"
.venv/bin/python benchmarks/web/generate.py --projects 5000 --actors 1000 >&2
# A production database has its statistics kept by autovacuum; give the fresh one the same.
psql "${PG[@]}" -qc "VACUUM ANALYZE" "$DB"
.venv/bin/python benchmarks/web/queries.py
PROJECT_ID=$(.venv/bin/ordito manage shell --no-imports -c \
    "from ordito.plans.models import Project; print(Project.objects.filter(plan__slug='bench').order_by('code')[2500].pk)")
.venv/bin/ordito serve --bind "127.0.0.1:$PORT" --workers "${WORKERS:-4}" > var/bench-serve.log 2>&1 &
SERVER=$!
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$PORT/p/bench/" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/p/bench/" >/dev/null \
    || { echo "error: the server did not answer within 60 s (see var/bench-serve.log)" >&2; exit 1; }
# A person with a personal API token, for the API requests below.
.venv/bin/ordito manage shell --no-imports -c \
    "from django.contrib.auth import get_user_model; get_user_model().objects.create_user(username='bench', email='bench@example.org')"
TOKEN=$(.venv/bin/ordito token create bench@example.org --name load --days 1)
for page in "/p/bench/" "/p/bench/projects/" "/p/bench/projects/$PROJECT_ID/"; do
    for connections in 1 16; do
        printf '%-32s c=%-3s ' "$page" "$connections"
        wrk -t "$(( connections < 2 ? 1 : 2 ))" -c "$connections" -d "${DURATION}s" \
            -s benchmarks/web/percentiles.lua "http://127.0.0.1:$PORT$page" | tail -n 1
    done
done
# The API, anonymous and with the token ("+token" in the page's name): the token check's cost.
for page in "/api/v1/plans/bench/projects" "/api/v1/plans/bench/projects+token" "/api/v1/me+token"; do
    path=${page%+token}
    headers=()
    [ "$path" != "$page" ] && headers=(-H "Authorization: Bearer $TOKEN")
    for connections in 1 16; do
        printf '%-38s c=%-3s ' "$page" "$connections"
        wrk -t "$(( connections < 2 ? 1 : 2 ))" -c "$connections" -d "${DURATION}s" "${headers[@]}" \
            -s benchmarks/web/percentiles.lua "http://127.0.0.1:$PORT$path" | tail -n 1
    done
done
