#!/usr/bin/env bash
# Starts the whole product on the embedded default: migrate, seed, API, worker and web.
# Used by `make run` and by the end-to-end tests. Ctrl-C (or SIGTERM) stops every part.
#   LECTERN_VAR_DIR   where data, uploads and the mail outbox go (default: <repo>/var)
#   LECTERN_API_PORT  API port (default 8000)      WEB_PORT  web port (default 3000)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
API_PORT=${LECTERN_API_PORT:-8000}
WEB_PORT=${WEB_PORT:-3000}
export LECTERN_VAR_DIR=${LECTERN_VAR_DIR:-$ROOT/var}
export LECTERN_PUBLIC_URL=${LECTERN_PUBLIC_URL:-http://localhost:$WEB_PORT}
export LECTERN_EXTRA_ORIGINS=${LECTERN_EXTRA_ORIGINS:-[\"http://127.0.0.1:$WEB_PORT\"]}
export LECTERN_API_INTERNAL_URL=http://127.0.0.1:$API_PORT
BIN=$ROOT/backend/.venv/bin
mkdir -p "$LECTERN_VAR_DIR/logs"

pids=()
stop() { trap - EXIT INT TERM; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

cd "$ROOT/backend"
"$BIN/lectern" migrate >/dev/null
echo "Demo accounts (email, password, roles):"
"$BIN/lectern" seed

"$BIN/uvicorn" --factory lectern.app:create_app --host 127.0.0.1 --port "$API_PORT" \
  --no-access-log >>"$LECTERN_VAR_DIR/logs/api.log" 2>&1 &
pids+=($!)
"$BIN/lectern" worker --concurrency 2 --beat >>"$LECTERN_VAR_DIR/logs/worker.log" 2>&1 &
pids+=($!)
wait_for() { # url, what
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "$2 did not start within 60 s; see $LECTERN_VAR_DIR/logs/" >&2
  exit 1
}
# The web starts only once the API is ready, so whoever waits for the web waits for both.
wait_for "http://127.0.0.1:$API_PORT/readyz" "The API"
cd "$ROOT/frontend"
./node_modules/.bin/next start --port "$WEB_PORT" >>"$LECTERN_VAR_DIR/logs/web.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$WEB_PORT/" "The web app"

echo
echo "Lectern is ready at $LECTERN_PUBLIC_URL"
echo "  API docs: $LECTERN_PUBLIC_URL/api/docs   mail outbox: $LECTERN_VAR_DIR/outbox"
echo "  logs: $LECTERN_VAR_DIR/logs/   stop with Ctrl-C"
wait -n "${pids[@]}"
echo "a Lectern process stopped; see $LECTERN_VAR_DIR/logs/" >&2
exit 1
