# Sourced by bench/run.sh (the heartbeats part): player heartbeats from 10,000 simulated
# viewers, POST /api/lessons/<id>/heartbeat, against the API beside a bare app that only
# acknowledges the same request (bench/bare_ack.py: the ceiling of the server stack).
#
#   1. bench/heartbeat_setup.py makes the viewers: students with sessions, enrolled in a course
#      whose video lesson is ready (rows straight into the database; no transcode).
#   2. For each worker count in BENCH_HB_WORKERS, an API and the bare app under the same uvicorn
#      settings (uvloop, httptools, no access log), both with that many workers. The bare app's
#      runs (a and b below) come first; then the API's, in this order:
#      0. every viewer's first heartbeat, closed loop (bench/heartbeats.mjs --prime 1): the cold
#         path (session, account and access read from the database, then cached), timed as a
#         rate; the runs after it are the steady state of viewers already watching;
#      b. a fixed rate (BENCH_HB_RATE, 700/s: 10,000 viewers x one beat per 15 s ~ 667/s):
#         bench/heartbeats.mjs, open loop, latency from each request's due time (free of
#         coordinated omission), after a warm-up at the same rate; right after the prime and
#         three minutes long, so it spans the renewal of the access answers the prime cached
#         (each kept 2.5 to 5 minutes, renewed in its last minute) and the first of them
#         expiring; sessions are touched at their steady rate throughout (their last-seen
#         times are spread over the touch interval);
#      a. the most heartbeats per second: wrk, closed loop, bench/heartbeats.lua (each request
#         the next viewer's cookie, a played range growing 15 s per beat of that viewer);
#      c. the most the API sustains open loop with p99 under 50 ms: short fixed-rate runs at
#         rising shares of its wrk maximum (BENCH_HB_FIND_SHARES), up to the first that misses;
#         these come after the prime's access answers began to expire, so they include
#         viewers whose answer ran out asking again (the full path);
#      after each API run, bench/heartbeat_drain.py times the buffer draining into PostgreSQL.
#      Throughout, a Celery worker with the scheduler (`lectern worker --beat`) writes the
#      buffer, as in production with Redis: the API processes only answer.
#   3. The flusher's own rate: BENCH_HB_BACKLOG heartbeats put straight into the buffer's queue
#      (as the API's buffer keeps them), drained by that worker with no load, timed
#      (bench/heartbeat_drain.py --fill).
# Results in bench/results/raw/heartbeats/; bench/heartbeat_report.py prints the table and
# writes bench/results/heartbeats.json.
#
# Uses run.sh's variables (WORK, KEY_PREFIX, CONNECTIONS, ROOT, RESULTS, BENCH, VENV, PY, ORIGIN, UVICORN_OPTS, THREADS,
# DURATION, WARMUP, PIDS, GROUPS_TO_KILL, LOAD_BEFORE) and helpers (say, die, free_port,
# wait_up). It stops its own servers when done; run.sh's exit trap stops them on a failure.
# shellcheck shell=bash

HB_VIEWERS="${BENCH_HB_VIEWERS:-10000}"
HB_RATE="${BENCH_HB_RATE:-700}"
HB_SECONDS="${BENCH_HB_SECONDS:-180}"
HB_WARMUP="${BENCH_HB_WARMUP:-15}"
HB_CONNECTIONS="${BENCH_HB_CONNECTIONS:-64}"
HB_WRK_CONNECTIONS="${BENCH_HB_WRK_CONNECTIONS:-$CONNECTIONS}"
HB_WORKERS="${BENCH_HB_WORKERS:-1 $(nproc)}"
HB_BACKLOG="${BENCH_HB_BACKLOG:-100000}"
HB_FIND_SHARES="${BENCH_HB_FIND_SHARES:-0.1 0.2 0.3 0.4 0.55 0.7 0.85 1.0}"
HB_FIND_SECONDS="${BENCH_HB_FIND_SECONDS:-20}"
HB_PRIME_CONNECTIONS="${BENCH_HB_PRIME_CONNECTIONS:-16}"
HB_DIR="$WORK/heartbeats"
# A Redis prefix of this part's own (under run.sh's, so its trap deletes it): the API run.sh
# started also runs a flusher, which must not take this part's heartbeats.
HB_PREFIX="${KEY_PREFIX}hb:"
# Not in raw/ itself: report.py's summary reads every raw/*.wrk.txt as an auth run's.
HB_RAW="$RESULTS/raw/heartbeats"
mkdir -p "$HB_DIR" "$HB_RAW"
command -v node >/dev/null || die "node is needed for the heartbeat bench's fixed-rate load"

say "heartbeats: $HB_VIEWERS students with sessions, enrolled in a course with a ready video (bench/heartbeat_setup.py)"
(cd "$ROOT/backend" && "$PY" "$BENCH/heartbeat_setup.py" "$HB_DIR/cookies.txt" "$HB_RAW/setup.json" \
  --viewers "$HB_VIEWERS") || die "heartbeat_setup.py failed"
HB_LESSON="$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["lesson_id"])' "$HB_RAW/setup.json")"
HB_VIDEO_SECONDS="$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["video_seconds"])' "$HB_RAW/setup.json")"
HB_PATH="/api/lessons/$HB_LESSON/heartbeat"
export BENCH_HB_COOKIES="$HB_DIR/cookies.txt" BENCH_HB_LESSON="$HB_LESSON" BENCH_HB_ORIGIN="$ORIGIN" \
  BENCH_HB_DURATION="$HB_VIDEO_SECONDS" BENCH_HB_THREADS="$THREADS"

# hb_server NAME WORKERS APP... [ENV=VALUE...]: starts uvicorn, sets HB_URL and HB_PID.
hb_server() {
  local name=$1 workers=$2 port
  shift 2
  port="$(free_port)"
  # Long keep-alive, as behind a load balancer that pools connections: uvicorn's 5 s default
  # closes an idle connection just as the client reuses it (ECONNRESET, not a server result).
  local opts=("${UVICORN_OPTS[@]}" --timeout-keep-alive 75)
  for i in "${!opts[@]}"; do [[ "${opts[$i]}" == --workers ]] && opts[i + 1]=$workers; done
  env LECTERN_REDIS_KEY_PREFIX="$HB_PREFIX" "$@" setsid "$VENV/bin/uvicorn" "${HB_APP[@]}" --port "$port" "${opts[@]}" >"$WORK/hb-$name.log" 2>&1 &
  HB_PID=$!
  PIDS+=("$HB_PID")
  GROUPS_TO_KILL+=("$HB_PID")
  HB_URL="http://127.0.0.1:$port"
  wait_up "$HB_URL/healthz" "$name" "$HB_PID"
}
hb_stop() { # PID: a graceful stop (the API flushes its buffer on shutdown), then wait
  kill -TERM -- "-$1" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$1" 2>/dev/null || true
}

# One heartbeat with curl: the API must answer 204 (a 401 or 403 here means the setup is wrong).
hb_check() {
  local url=$1 status
  status="$(curl -sS -o "$HB_DIR/check.body" -w '%{http_code}' -X POST \
    -H 'Content-Type: application/json' -H "Origin: $ORIGIN" \
    -H "Cookie: lectern_session=$(head -n1 "$HB_DIR/cookies.txt")" \
    -d '{"position_seconds":1.0,"played":[[0.0,1.0]],"seconds":1.0}' "$url$HB_PATH")"
  [[ "$status" == 204 ]] || die "a heartbeat to $url answered $status: $(cat "$HB_DIR/check.body")"
}

# hb_wrk NAME URL [DURATION]: the closed-loop maximum, with the same warm-up and duration as
# the other parts.
hb_wrk() {
  local name=$1 url=$2 duration=${3:-$DURATION}
  local opts=(-t"$THREADS" -c"$HB_WRK_CONNECTIONS" --latency --timeout 30s -s "$BENCH/heartbeats.lua")
  wrk "${opts[@]}" -d"$WARMUP" "$url" >"$HB_DIR/$name.warmup.txt" 2>&1 \
    || { cat "$HB_DIR/$name.warmup.txt" >&2; die "wrk failed on the warm-up of $name"; }
  "$PY" "$BENCH/report.py" check "$HB_DIR/$name.warmup.txt" --warmup >/dev/null \
    || die "$name failed during the warm-up (see above)"
  wrk "${opts[@]}" -d"$duration" "$url" >"$HB_RAW/$name.wrk.txt" 2>&1 \
    || { cat "$HB_RAW/$name.wrk.txt" >&2; die "wrk failed on $name"; }
  "$PY" "$BENCH/report.py" check "$HB_RAW/$name.wrk.txt" || die "$name returned errors"
}

# hb_prime NAME URL: one heartbeat per viewer, so the runs after it see viewers already
# watching (their sessions and access cached, as after their first beat in real life).
hb_prime() {
  node "$BENCH/heartbeats.mjs" --url "$2" --lesson "$HB_LESSON" --cookies "$HB_DIR/cookies.txt" \
    --prime 1 --connections "$HB_PRIME_CONNECTIONS" --origin "$ORIGIN" --label "$1" \
    --video-seconds "$HB_VIDEO_SECONDS" --json "$HB_RAW/$1.prime.json" || die "priming $1 failed"
}

# hb_rate NAME URL RATE SECONDS WARMUP: a fixed rate, open loop; the load average before and
# after beside its figures. A server that doesn't keep up is a result, an error is not.
hb_rate() {
  local name=$1 url=$2 rate=$3 seconds=$4 warmup=$5
  cut -d' ' -f1-3 /proc/loadavg >"$HB_RAW/$name.loadavg"
  node "$BENCH/heartbeats.mjs" --url "$url" --lesson "$HB_LESSON" --cookies "$HB_DIR/cookies.txt" \
    --rate "$rate" --duration "$seconds" --warmup "$warmup" --connections "$HB_CONNECTIONS" \
    --origin "$ORIGIN" --video-seconds "$HB_VIDEO_SECONDS" --label "$name" --json "$HB_RAW/$name.json" \
    || die "the fixed-rate run $name failed"
  cut -d' ' -f1-3 /proc/loadavg >>"$HB_RAW/$name.loadavg"
}

# hb_p99 NAME: the run's p99 in ms ("inf" when more than 1 % never came back).
hb_p99() {
  "$PY" -c 'import json, sys; p = json.load(open(sys.argv[1]))["latency_ms"]["p99"]; print("inf" if p is None else p)' \
    "$HB_RAW/$1.json"
}

# hb_find URL PID WORKERS MAX: short open-loop runs at rising shares of MAX (wrk's figure) until
# p99 reaches 50 ms; the server is drained between runs.
hb_find() {
  local url=$1 pid=$2 workers=$3 max=$4 share rate name p99
  for share in $HB_FIND_SHARES; do
    rate="$(awk -v m="$max" -v s="$share" 'BEGIN { printf "%d", m * s }')"
    [[ "$rate" -ge 10 ]] || continue
    name="hb_api_w${workers}_find_${rate}"
    hb_rate "$name" "$url" "$rate" "$HB_FIND_SECONDS" 5
    hb_drain "$name"
    hb_idle "$pid"
    p99="$(hb_p99 "$name")"
    awk -v p="$p99" 'BEGIN { exit !(p == "inf" || p + 0 >= 50) }' && break
  done
}

# hb_idle PID: waits (at most 120 s) until the server's processes use under 5 % of a CPU for a
# second. A server that fell behind goes on answering requests the client abandoned; the next
# run must not start behind them.
hb_idle() {
  local pgid=$1 before after
  hb_cpu() { # clock ticks used by the process group so far
    local total=0 pid
    for pid in $(pgrep -g "$pgid"); do
      total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo "$total"
  }
  for _ in $(seq 1 120); do
    before="$(hb_cpu)"
    sleep 1
    after="$(hb_cpu)"
    (((after - before) * 100 < 5 * $(getconf CLK_TCK))) && return 0
  done
  echo "WARNING: the server $pgid was still busy 120 s after the run" >&2
}

hb_drain() { # NAME
  LECTERN_REDIS_KEY_PREFIX="$HB_PREFIX" "$PY" "$BENCH/heartbeat_drain.py" "$HB_RAW/$1.drain.json" --label "$1" \
    || die "the heartbeat buffer did not drain after $1"
}

cat <<EOF

Heartbeats: $HB_VIEWERS viewers; wrk -t$THREADS -c$HB_WRK_CONNECTIONS -d$DURATION after a $WARMUP warm-up
for the maximum; $HB_RATE/s for ${HB_SECONDS} s after ${HB_WARMUP} s at the same rate, open loop over
$HB_CONNECTIONS keep-alive connections (bench/heartbeats.mjs) for the latency. Workers: $HB_WORKERS.
EOF

# The Celery worker with the scheduler writes the buffer into PostgreSQL, as in production (the
# API processes don't, with Redis): one for the whole part, on its own SQLite broker file so no
# other Celery worker on this machine sees its jobs.
env LECTERN_REDIS_KEY_PREFIX="$HB_PREFIX" LECTERN_BROKER_URL="sqla+sqlite:///$HB_DIR/broker.sqlite3" \
  setsid "$VENV/bin/lectern" worker --concurrency 2 --beat >"$WORK/hb-worker.log" 2>&1 &
HB_WORKER_PID=$!
PIDS+=("$HB_WORKER_PID")
GROUPS_TO_KILL+=("$HB_WORKER_PID")

for workers in $HB_WORKERS; do
  say "heartbeats, $workers worker(s): the API beside the bare acknowledger"
  HB_APP=(--factory lectern.app:create_app)
  hb_server "api-$workers" "$workers"
  API_PID=$HB_PID API_URL=$HB_URL
  HB_APP=(bare_ack:app --app-dir "$BENCH")
  hb_server "bare-$workers" "$workers"
  BARE_PID=$HB_PID BARE_URL=$HB_URL
  hb_check "$API_URL"
  hb_check "$BARE_URL"
  hb_drain "hb_api_w${workers}_check"

  # The bare acknowledger first: it caches nothing, so its runs may come at any time; the API's
  # fixed-rate run comes right after its prime and lasts while the access answers the prime
  # cached are renewed (bench/heartbeat_setup.py spreads the sessions' last-seen times, so
  # session touches run at their steady rate throughout, as on a live site).
  echo "the bare acknowledger: the most per second (wrk), then $HB_RATE/s (open loop):"
  hb_wrk "hb_bare_w${workers}_max" "$BARE_URL"
  hb_rate "hb_bare_w${workers}_rate" "$BARE_URL" "$HB_RATE" "$HB_SECONDS" "$HB_WARMUP"

  echo "every viewer's first heartbeat (closed loop, $HB_PRIME_CONNECTIONS connections):"
  hb_prime "hb_api_w${workers}_prime" "$API_URL"
  hb_drain "hb_api_w${workers}_prime"

  echo "$HB_RATE heartbeats per second (open loop):"
  hb_rate "hb_api_w${workers}_rate" "$API_URL" "$HB_RATE" "$HB_SECONDS" "$HB_WARMUP"
  hb_drain "hb_api_w${workers}_rate"
  hb_idle "$API_PID"

  echo "most heartbeats per second (wrk):"
  hb_wrk "hb_api_w${workers}_max" "$API_URL"
  hb_drain "hb_api_w${workers}_max"
  hb_idle "$API_PID"

  echo "the most the API sustains with p99 under 50 ms (open loop, ${HB_FIND_SECONDS} s runs):"
  HB_MAX="$("$PY" -c 'import sys; sys.path.insert(0, sys.argv[2]); from report import parse; print(int(parse(open(sys.argv[1]).read()).requests_per_s))' \
    "$HB_RAW/hb_api_w${workers}_max.wrk.txt" "$BENCH")"
  hb_find "$API_URL" "$API_PID" "$workers" "$HB_MAX"
  hb_stop "$API_PID"
  hb_stop "$BARE_PID"
done

say "heartbeats: the flusher alone, draining a backlog of $HB_BACKLOG heartbeats"
# heartbeat_drain.py puts the backlog in the queue as the API's buffer would, starts its clock,
# and times the drain from the first batch taken by the worker's scheduled flush; no API runs.
LECTERN_REDIS_KEY_PREFIX="$HB_PREFIX" "$PY" "$BENCH/heartbeat_drain.py" "$HB_RAW/hb_flusher_backlog.drain.json" \
  --label hb_flusher_backlog --fill "$HB_BACKLOG" --manifest "$HB_RAW/setup.json" \
  || die "the flusher did not drain the backlog"
hb_stop "$HB_WORKER_PID"

say "heartbeats: results"
"$PY" "$BENCH/heartbeat_report.py" "$HB_RAW" "$RESULTS/heartbeats.json"
