#!/usr/bin/env bash
# Load benchmark of the public pages under `ordito serve` on PostgreSQL with DEBUG off.
# Generates the 5,000-project plan, serves it with gunicorn, and runs wrk at 1 and 16 connections
# against the home, the project list and a project page. Only 127.0.0.1 is ever targeted, and
# each run stops by itself after DURATION seconds.
#
#   bash benchmarks/web/load.sh            # needs wrk (apt-get install wrk) and PostgreSQL
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-15}
PORT=${PORT:-8765}
DB=ordito_bench
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1 \
    || createdb -h 127.0.0.1 -U postgres "$DB"
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
export DEBUG=false SECRET_KEY=benchmark-only-secret-key-0123456789-abcdefghijklmnop
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0
.venv/bin/python benchmarks/web/generate.py --projects 5000 --actors 1000
# A production database has its statistics kept by autovacuum; give the fresh one the same.
psql -h 127.0.0.1 -U postgres -qc "VACUUM ANALYZE" "$DB"
.venv/bin/python benchmarks/web/queries.py
PROJECT_ID=$(.venv/bin/ordito manage shell --no-imports -c \
    "from ordito.plans.models import Project; print(Project.objects.filter(plan__slug='bench').order_by('code')[2500].pk)")
.venv/bin/ordito serve --bind "127.0.0.1:$PORT" --workers "${WORKERS:-4}" > var/bench-serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$PORT/p/bench/" >/dev/null && break; sleep 1; done
for page in "/p/bench/" "/p/bench/projects/" "/p/bench/projects/$PROJECT_ID/"; do
    for connections in 1 16; do
        printf '%-32s c=%-3s ' "$page" "$connections"
        wrk -t "$(( connections < 2 ? 1 : 2 ))" -c "$connections" -d "${DURATION}s" \
            -s benchmarks/web/percentiles.lua "http://127.0.0.1:$PORT$page" | tail -n 1
    done
done
