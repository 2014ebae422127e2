#!/usr/bin/env bash
# `make bench`: load benchmarks with wrk, each side by side with a bare baseline under the same
# uvicorn settings on the same machine (see docs/performance.md):
#   auth     sign-in and an authenticated GET /api/me beside bare Starlette
#   catalog  the public catalog (listing, filters, a deep cursor, search, the spelling
#            correction, the course landing) on 10,000 generated courses and 200,000 lessons,
#            cached and uncached, beside the same SQL on a bare asyncpg pool; then the Next.js
#            course page's time to first byte
#   video    transcoding 60 s of 1080p30 to the HLS ladder with lectern.media's transcode()
#            beside one plain ffmpeg command writing the same ladder (bench/transcode.py);
#            CPU-bound, needs no database, server or wrk; runs last
#   upload   a 2 GiB tus upload through the API: the API's memory above idle, MB/s, and the
#            latency of GETs probed every 100 ms during it beside the same probes idle; beside
#            nginx receiving the same bytes and dd copying them (bench/upload.py)
#   delivery the demo video's HLS segments under wrk from the API (1 and 2 workers) beside
#            nginx sending the same files, and through the Next.js /api/* proxy when a
#            production build exists (bench/delivery.sh)
#   playback time to first frame in Chromium after pressing Play on the lesson page, beside a
#            bare hls.js page; needs a production web build (bench/playback.mjs)
#   heartbeats player heartbeats from 10,000 simulated viewers: the most per second (wrk) and
#            the latency at a fixed 700/s (open loop, bench/heartbeats.mjs), beside a bare app
#            that only acknowledges them, and how fast the buffer drains into PostgreSQL
#            (bench/heartbeats.sh)
#   dashboard "My learning" for a student with 30 courses, progress, notes and certificates:
#            GET /api/me/learning and the Next.js /learning page (time to first byte), beside
#            the public course landing measured the same way and GET /api/me under light load
#            (bench/dashboard.sh)
#
# Production shape: PostgreSQL on 127.0.0.1:5432 (a fresh database, dropped at the end) and
# Redis (keys under a unique prefix, deleted at the end). Safe to run again and again.
#
# Knobs (environment):
#   BENCH_ONLY=auth|catalog|video|upload|delivery|playback|heartbeats|dashboard   one part
#                                 (default: all)
#   BENCH_DURATION=15s  BENCH_CONNECTIONS=32  BENCH_THREADS=2  BENCH_WARMUP=3s
#   BENCH_SIGN_IN_CONNECTIONS=4   connections of the three sign-in POST scenarios: argon2id is
#                                 CPU-bound, more connections only add queueing (see the doc)
#   BENCH_COURSES=10000  BENCH_LESSONS_PER_COURSE=20   the generated catalog
#   BENCH_WEB=1                   0: skip the Next.js page (it is built first when stale; a
#                                 build that fails skips it with a warning, not the bench)
#   BENCH_WEB_CONNECTIONS=4  BENCH_TTFB_REQUESTS=50
#   BENCH_PG_HOST=127.0.0.1  BENCH_PG_PORT=5432  BENCH_PG_USER=postgres
#   BENCH_REDIS_URL=redis://127.0.0.1:6379/0
#   BENCH_VIDEO_RUNS=3            runs of each side of the video part (alternating)
#   BENCH_UPLOAD_BYTES=2147483648 the upload's size     BENCH_PLAYBACK_RUNS=20  page views each
#   BENCH_HB_VIEWERS=10000  BENCH_HB_RATE=700  BENCH_HB_SECONDS=180  BENCH_HB_WARMUP=15
#   BENCH_HB_CONNECTIONS=64 (fixed rate)  BENCH_HB_WRK_CONNECTIONS=$BENCH_CONNECTIONS  BENCH_HB_PRIME_CONNECTIONS=16
#   BENCH_HB_WORKERS="1 <nproc>"  uvicorn workers of both servers, one round each
#   BENCH_HB_FIND_SHARES="0.1 0.2 0.3 0.4 0.55 0.7 0.85 1.0"  BENCH_HB_FIND_SECONDS=20   the search for the
#                                 most heartbeats/s with p99 under 50 ms (shares of wrk's maximum)
#   BENCH_HB_BACKLOG=100000       heartbeats the flusher drains alone, with no load
#   BENCH_DASHBOARD_COURSES=30  BENCH_DASHBOARD_CONNECTIONS=8   the dashboard student; wrk -c
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
VENV="$ROOT/backend/.venv"
RESULTS="$BENCH/results"

DURATION="${BENCH_DURATION:-15s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
SIGN_IN_CONNECTIONS="${BENCH_SIGN_IN_CONNECTIONS:-4}"
THREADS="${BENCH_THREADS:-2}"
WARMUP="${BENCH_WARMUP:-3s}"
PG_HOST="${BENCH_PG_HOST:-127.0.0.1}"
PG_PORT="${BENCH_PG_PORT:-5432}"
PG_USER="${BENCH_PG_USER:-postgres}"
REDIS_URL="${BENCH_REDIS_URL:-redis://127.0.0.1:6379/0}"
ONLY="${BENCH_ONLY:-}"
COURSES="${BENCH_COURSES:-10000}"
LESSONS_PER_COURSE="${BENCH_LESSONS_PER_COURSE:-20}"
WEB="${BENCH_WEB:-1}"
WEB_CONNECTIONS="${BENCH_WEB_CONNECTIONS:-4}"
TTFB_REQUESTS="${BENCH_TTFB_REQUESTS:-50}"
VIDEO_RUNS="${BENCH_VIDEO_RUNS:-3}"
UPLOAD_BYTES="${BENCH_UPLOAD_BYTES:-2147483648}"
PLAYBACK_RUNS="${BENCH_PLAYBACK_RUNS:-20}"
case "$ONLY" in
  "" | auth | catalog | video | upload | delivery | playback | heartbeats | dashboard) ;;
  *)
    echo "bench: BENCH_ONLY must be auth, catalog, video, upload, delivery, playback, heartbeats or dashboard (or unset for all)" >&2
    exit 2
    ;;
esac
wants() { [[ -z "$ONLY" || "$ONLY" == "$1" ]]; }

ORIGIN="http://localhost:3000"
# The demo student that `lectern seed` creates.
EMAIL="student@lectern.test"
PASSWORD="lectern-learn-demo"

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\nbench: error: %s\n' "$*" >&2; exit 1; }

# --- tools ----------------------------------------------------------------------------------

[[ -x "$VENV/bin/python" ]] || die "no backend venv at $VENV: run 'cd backend && uv sync' first"

# === video: bench/transcode.py; the source is made once into bench/results/cache/ ==========
run_video() {
  say "video: transcode() beside a plain ffmpeg ladder, 60 s of 1080p30 ($VIDEO_RUNS runs each)"
  "$VENV/bin/python" "$BENCH/transcode.py" --runs "$VIDEO_RUNS" --json "$RESULTS/video.json" \
    || die "the video bench failed"
}
if [[ "$ONLY" == video ]]; then
  run_video
  exit 0
fi

for tool in psql redis-cli curl; do
  command -v "$tool" >/dev/null || die "$tool is needed (apt-get install postgresql-client redis-tools curl)"
done
if ! command -v wrk >/dev/null; then
  if [[ "$(id -u)" -ne 0 ]]; then
    die "wrk is not installed and this is not root: run 'sudo apt-get install -y wrk' and try again"
  fi
  say "installing wrk from Debian"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache show wrk >/dev/null 2>&1; then
    apt-get update -qq
  fi
  apt-get install -y -qq wrk >/dev/null || die "apt-get install wrk failed"
fi

PY="$VENV/bin/python"
psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -Atqc "select 1" >/dev/null 2>&1 \
  || die "PostgreSQL is not reachable as $PG_USER@$PG_HOST:$PG_PORT (trust auth expected)"
redis-cli -u "$REDIS_URL" ping 2>/dev/null | grep -q PONG || die "Redis is not reachable at $REDIS_URL"

# --- fresh database, Redis prefix, scratch directory; all removed on exit -------------------

RUN_ID="$(date +%s)_$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n')"
DB_NAME="lectern_bench_${RUN_ID}"
KEY_PREFIX="lectern_bench_${RUN_ID}:"
WORK="$(mktemp -d -t lectern-bench.XXXXXX)"
PIDS=()
GROUPS_TO_KILL=()  # process groups (next start may fork)

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pgid in "${GROUPS_TO_KILL[@]}"; do
    kill -- "-$pgid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -Atqc \
    "drop database if exists \"$DB_NAME\" with (force)" >/dev/null 2>&1 \
    || echo "bench: warning: could not drop database $DB_NAME" >&2
  redis-cli -u "$REDIS_URL" --scan --pattern "${KEY_PREFIX}*" 2>/dev/null \
    | xargs -r -n 500 redis-cli -u "$REDIS_URL" unlink >/dev/null 2>&1 || true
  if [[ $status -ne 0 && -d "$WORK" ]]; then
    for log in "$WORK"/*.log; do
      [[ -s "$log" ]] && { echo "--- tail of $(basename "$log")" >&2; tail -n 20 "$log" >&2; }
    done
  fi
  rm -rf "$WORK"
  echo "cleaned up: database $DB_NAME dropped, Redis keys ${KEY_PREFIX}* deleted" >&2
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -Atqc "create database \"$DB_NAME\"" >/dev/null

# Everything Lectern reads comes from here; the scratch directory is the working directory,
# so no .env file of a developer's checkout leaks into the figures.
export LECTERN_DATABASE_URL="postgresql+asyncpg://${PG_USER}@${PG_HOST}:${PG_PORT}/${DB_NAME}"
export LECTERN_REDIS_URL="$REDIS_URL"
export LECTERN_REDIS_KEY_PREFIX="$KEY_PREFIX"
export LECTERN_VAR_DIR="$WORK/var"
export LECTERN_PUBLIC_URL="$ORIGIN"
export LECTERN_LOG_JSON=true
export LECTERN_LOG_LEVEL=WARNING
export LECTERN_RATE_LIMIT_SIGN_IN_IP=1000000/minute
export LECTERN_RATE_LIMIT_SIGN_IN_ACCOUNT=1000000/minute
cd "$WORK"

say "database $DB_NAME: migrate + seed"
"$VENV/bin/lectern" migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; die "migrate failed"; }
"$VENV/bin/lectern" seed >"$WORK/seed.log" 2>&1 || { cat "$WORK/seed.log" >&2; die "seed failed"; }
if wants catalog; then
  say "catalog: $COURSES published courses, $((COURSES * LESSONS_PER_COURSE)) lessons (bench/catalog_data.py)"
  "$PY" "$BENCH/catalog_data.py" "$WORK/catalog.json" --courses "$COURSES" \
    --lessons-per-course "$LESSONS_PER_COURSE" --replace 2>&1 | tee "$WORK/catalog_data.log" \
    || die "generating the catalog failed"
  [[ -s "$WORK/catalog.json" ]] || die "bench/catalog_data.py wrote no manifest"
fi

# --- servers --------------------------------------------------------------------------------

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

UVICORN_OPTS=(--host 127.0.0.1 --workers 1 --loop uvloop --http httptools --no-access-log --log-level warning)
API_PORT="$(free_port)"
BASE_PORT="$(free_port)"
while [[ "$BASE_PORT" == "$API_PORT" ]]; do BASE_PORT="$(free_port)"; done
API="http://127.0.0.1:$API_PORT"
BASE="http://127.0.0.1:$BASE_PORT"

"$VENV/bin/uvicorn" --factory lectern.app:create_app --port "$API_PORT" "${UVICORN_OPTS[@]}" \
  >"$WORK/lectern.log" 2>&1 &
PIDS+=($!)
"$VENV/bin/uvicorn" baseline_app:app --app-dir "$BENCH" --port "$BASE_PORT" "${UVICORN_OPTS[@]}" \
  >"$WORK/baseline.log" 2>&1 &
PIDS+=($!)

wait_up() {
  local url=$1 name=$2 pid=$3
  # A busy machine starts Python slowly: up to 60 s.
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || die "$name exited on start"
    sleep 0.1
  done
  die "$name did not answer $url within 60 s"
}
wait_up "$API/healthz" "Lectern API" "${PIDS[0]}"
wait_up "$BASE/me" "baseline app" "${PIDS[1]}"

rm -rf "$RESULTS/raw"
mkdir -p "$RESULTS/raw"

# After every wrk run, one more identical request with curl: the server still has work in
# flight when wrk stops (argon2id verifications queued on the thread pool), and the next run
# must not start behind it.
drain() {
  local url=$1
  shift
  curl -sS -o /dev/null --max-time 120 "$@" "$url" || die "the server did not drain after a run"
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
if awk -v l="${LOAD_BEFORE%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n) }'; then
  echo "WARNING: the machine is busy (1-minute load average ${LOAD_BEFORE%% *} on $(nproc) CPUs): expect low, noisy figures." >&2
fi

# === auth: sign-in and GET /api/me (skipped with BENCH_ONLY=catalog) =========================
if wants auth; then
# --- one sign-in with curl for the session cookie -------------------------------------------

# The same body as bench/sign_in.lua sends.
SIGN_IN_BODY="{\"email\": \"$EMAIL\", \"password\": \"$PASSWORD\"}"
HEADERS="$WORK/sign-in.headers"
status="$(curl -sS -o "$WORK/sign-in.body" -D "$HEADERS" -w '%{http_code}' \
  -H 'Content-Type: application/json' -H "Origin: $ORIGIN" -d "$SIGN_IN_BODY" "$API/api/auth/sign-in")"
[[ "$status" == 200 ]] || die "sign-in answered $status: $(cat "$WORK/sign-in.body")"
TOKEN="$(grep -i '^set-cookie: lectern_session=' "$HEADERS" | sed -E 's/^[^=]*=([^;]*).*/\1/' | tr -d '\r')"
[[ -n "$TOKEN" ]] || die "sign-in set no lectern_session cookie"
status="$(curl -sS -o "$WORK/me.body" -w '%{http_code}' -H "Cookie: lectern_session=$TOKEN" "$API/api/me")"
[[ "$status" == 200 ]] || die "GET /api/me with the session cookie answered $status: $(cat "$WORK/me.body")"

# --- load -----------------------------------------------------------------------------------

export BENCH_EMAIL="$EMAIL" BENCH_PASSWORD="$PASSWORD" BENCH_ORIGIN="$ORIGIN"

# scenario NAME CONNECTIONS DESCRIPTION URL MODE (get | cookie | post)
scenario() {
  local name=$1 conns=$2 what=$3 url=$4 mode=$5
  local wrk_args=() curl_args=()
  if [[ "$mode" == post ]]; then
    wrk_args=(-s "$BENCH/sign_in.lua")
    curl_args=(-H 'Content-Type: application/json' -H "Origin: $ORIGIN" -d "$SIGN_IN_BODY")
  elif [[ "$mode" == cookie ]]; then
    wrk_args=(-H "Cookie: lectern_session=$TOKEN")
    curl_args=(-H "Cookie: lectern_session=$TOKEN")
  fi
  local opts=(-t"$THREADS" -c"$conns" --latency --timeout 30s)
  say "$name: $what (-c$conns)"
  wrk "${opts[@]}" -d"$WARMUP" "${wrk_args[@]}" "$url" >"$WORK/$name.warmup.txt" 2>&1 \
    || { cat "$WORK/$name.warmup.txt" >&2; die "wrk failed on the warm-up of $name"; }
  "$PY" "$BENCH/report.py" check "$WORK/$name.warmup.txt" --warmup >/dev/null \
    || die "$name failed during the warm-up (see above)"
  drain "$url" "${curl_args[@]}"
  wrk "${opts[@]}" -d"$DURATION" "${wrk_args[@]}" "$url" >"$RESULTS/raw/$name.wrk.txt" 2>&1 \
    || { cat "$RESULTS/raw/$name.wrk.txt" >&2; die "wrk failed on $name"; }
  drain "$url" "${curl_args[@]}"
  "$PY" "$BENCH/report.py" check "$RESULTS/raw/$name.wrk.txt" || die "$name returned errors"
}

cat <<EOF

Lectern bench: wrk -t$THREADS -d$DURATION --latency after a $WARMUP warm-up per scenario;
-c$CONNECTIONS for the GETs, -c$SIGN_IN_CONNECTIONS for the sign-in POSTs.
uvicorn, 1 worker (uvloop, httptools, no access log) for both apps, on $(nproc) CPU(s) shared
by wrk, uvicorn, PostgreSQL, Redis and whatever else runs (load average now: $LOAD_BEFORE).
Rate limits raised for this run only: LECTERN_RATE_LIMIT_SIGN_IN_IP and
LECTERN_RATE_LIMIT_SIGN_IN_ACCOUNT = 1000000/minute (defaults 30/minute and 10/15minutes).
Sign-in is dominated by argon2id password verification by design: compare it with the
Starlette + argon2id row; the bare POST row is only the framework's ceiling.
EOF

scenario lectern_sign_in "$SIGN_IN_CONNECTIONS" \
  "Lectern POST /api/auth/sign-in (argon2id verify, new session row, Me)" \
  "$API/api/auth/sign-in" post
scenario lectern_me "$CONNECTIONS" "Lectern GET /api/me with a session cookie" \
  "$API/api/me" cookie
scenario baseline_post_argon2 "$SIGN_IN_CONNECTIONS" \
  "bare Starlette POST, JSON body + one argon2id verify in a thread" \
  "$BASE/sign-in-argon2" post
scenario baseline_post "$SIGN_IN_CONNECTIONS" "bare Starlette POST, JSON body in, JSON out" \
  "$BASE/sign-in" post
scenario baseline_get "$CONNECTIONS" "bare Starlette GET, small JSON" "$BASE/me" get
fi # auth

# === catalog: bench/catalog.sh (skipped with BENCH_ONLY=auth) ================================
if wants catalog; then
  # shellcheck source=catalog.sh
  source "$BENCH/catalog.sh"
fi

# === delivery: HLS segments from the API beside nginx (bench/delivery.sh) =====================
if wants delivery; then
  # shellcheck source=delivery.sh
  source "$BENCH/delivery.sh"
fi

# === dashboard: "My learning" for a student with 30 courses (bench/dashboard.sh) ===============
if wants dashboard; then
  # shellcheck source=dashboard.sh
  source "$BENCH/dashboard.sh"
fi

# === heartbeats: 10,000 viewers' heartbeats beside a bare acknowledger (bench/heartbeats.sh) ===
if wants heartbeats; then
  # shellcheck source=heartbeats.sh
  source "$BENCH/heartbeats.sh"
fi

# === playback: time to first frame in Chromium (bench/playback.mjs) ===========================
# On a production build only (a dev server's first frames say nothing): never built here.
run_playback() {
  local skip=""
  if [[ ! -f "$ROOT/frontend/.next/BUILD_ID" ]]; then
    skip="no production web build (frontend/.next/BUILD_ID; make it with scripts/build-web.sh)"
  elif ! command -v node >/dev/null || [[ ! -x /usr/bin/chromium ]]; then
    skip="node or /usr/bin/chromium is missing"
  elif [[ ! -d "$ROOT/frontend/node_modules/playwright-core" ]]; then
    skip="the web app's packages are not installed (make setup)"
  fi
  if [[ -n "$skip" ]]; then
    echo "WARNING: $skip; time to first frame is not measured this run." >&2
    echo "$skip" >"$RESULTS/raw/playback-skipped.txt"
    return 0
  fi
  local web_port api_port api_pid web_pid
  web_port="$(free_port)"
  api_port="$(free_port)"
  # An API of its own that accepts writes (the grant is a POST) from the page's origin.
  LECTERN_EXTRA_ORIGINS="[\"http://127.0.0.1:$web_port\"]" setsid "$VENV/bin/uvicorn" \
    --factory lectern.app:create_app --port "$api_port" "${UVICORN_OPTS[@]}" \
    >"$WORK/playback-api.log" 2>&1 &
  api_pid=$!
  PIDS+=("$api_pid")
  GROUPS_TO_KILL+=("$api_pid")
  wait_up "http://127.0.0.1:$api_port/healthz" "Lectern API (playback)" "$api_pid"
  (
    cd "$ROOT/frontend"
    LECTERN_API_INTERNAL_URL="http://127.0.0.1:$api_port" LECTERN_PUBLIC_URL="$ORIGIN" \
      exec setsid ./node_modules/.bin/next start --hostname 127.0.0.1 --port "$web_port"
  ) >"$WORK/playback-web.log" 2>&1 &
  web_pid=$!
  PIDS+=("$web_pid")
  GROUPS_TO_KILL+=("$web_pid")
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "http://127.0.0.1:$web_port/" 2>/dev/null && break
    kill -0 "$web_pid" 2>/dev/null || die "next start exited (see $WORK/playback-web.log)"
    sleep 0.2
  done
  say "playback: time to first frame, lesson page beside bare hls.js ($PLAYBACK_RUNS views each, cold and warm)"
  echo "web build: frontend/.next from $(date -r "$ROOT/frontend/.next/BUILD_ID" '+%F %T')"
  node "$BENCH/playback.mjs" --web "http://127.0.0.1:$web_port" --runs "$PLAYBACK_RUNS" \
    --json "$RESULTS/raw/playback.json" || die "the playback bench failed"
  kill -- "-$web_pid" "-$api_pid" 2>/dev/null || true
}
if wants playback; then
  run_playback
fi

# === upload: 2 GiB through tus (bench/upload.py, which starts its own API process) ============
if wants upload; then
  say "upload: $((UPLOAD_BYTES / 1024 / 1024)) MiB through the API's tus endpoint, beside nginx and dd"
  "$PY" "$BENCH/upload.py" --size "$UPLOAD_BYTES" --work "$WORK" --json "$RESULTS/raw/upload.json" \
    || die "the upload bench failed"
  sync
fi

# --- report ---------------------------------------------------------------------------------

version() { "$PY" -c "import importlib.metadata as m; print(m.version('$1'))"; }
BENCH_META_JSON="$("$PY" - <<EOF
import json, platform
print(json.dumps({
    "wrk": {"threads": $THREADS, "connections_get": $CONNECTIONS, "connections_sign_in": $SIGN_IN_CONNECTIONS, "connections_web": $WEB_CONNECTIONS, "duration": "$DURATION", "warmup": "$WARMUP"},
    "only": "${ONLY:-all}",
    "load_average_before": "$LOAD_BEFORE",
    "load_average_after": "$(cut -d' ' -f1-3 /proc/loadavg)",
    "nproc": $(nproc),
    "cpu": "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')",
    "python": platform.python_version(),
    "uvicorn": "$(version uvicorn)",
    "starlette": "$(version starlette)",
    "fastapi": "$(version fastapi)",
    "argon2_cffi": "$(version argon2-cffi)",
    "sqlalchemy": "$(version sqlalchemy)",
    "asyncpg": "$(version asyncpg)",
    "postgresql": "$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -Atqc 'show server_version')",
    "redis": "$(redis-cli -u "$REDIS_URL" info server | grep -m1 redis_version | cut -d: -f2 | tr -d '\r')",
    "git_commit": "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)",
}))
EOF
)"
export BENCH_META_JSON
say "results"
"$PY" "$BENCH/report.py" summary "$RESULTS/raw" "$RESULTS/latest.json"

if [[ -z "$ONLY" ]]; then
  run_video
fi
