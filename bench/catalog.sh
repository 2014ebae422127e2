# Sourced by bench/run.sh (the catalog part): the public catalog under load beside the same SQL
# on bare asyncpg, cached and uncached, then the Next.js course page's time to first byte.
# Uses run.sh's variables (API, BASE, WORK, RESULTS, REDIS_URL, KEY_PREFIX...) and helpers.
# shellcheck shell=bash

MANIFEST="$WORK/catalog.json"
SLUGS="$WORK/slugs.txt"
# The slugs for the uncached landing runs; the rest of the manifest goes with the results.
"$PY" - "$MANIFEST" "$SLUGS" "$RESULTS/raw/catalog.json" <<'EOF'
import json
import sys

manifest = json.load(open(sys.argv[1]))
with open(sys.argv[2], "w") as out:
    out.write("\n".join(manifest.pop("slugs")) + "\n")
with open(sys.argv[3], "w") as out:
    json.dump(manifest, out, indent=1)
EOF
field() { "$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$MANIFEST" "$1"; }
FREQUENT="$(field frequent_word)"
RARE="$(field rare_word)"
MISSPELT="$(field misspelt_word)"
TOPIC="$(field filter_topic)"
LEVEL="$(field filter_level)"
LANDING="$(field landing_slug)"
DEEP_CURSOR="$(field deep_cursor)"

# The API's cached catalog pages and landings (catalog:<version>:<key>), not the version key.
catalog_keys() { redis-cli -u "$REDIS_URL" --scan --pattern "${KEY_PREFIX}catalog:*:*" | wc -l; }
forget_catalog() {
  redis-cli -u "$REDIS_URL" --scan --pattern "${KEY_PREFIX}catalog:*:*" \
    | xargs -r -n 500 redis-cli -u "$REDIS_URL" unlink >/dev/null
}

# CPU time, which a busy machine disturbs far less than requests/s: the server's process (or
# process group) and the database's backends for this database, user + system, in ms.
CLK_TCK="$(getconf CLK_TCK)"
cpu_ms() { # PID... -> their summed CPU ms (the comm field may hold spaces: cut after ") ")
  local pid total=0 ticks
  for pid in "$@"; do
    ticks="$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{ print $12 + $13 }')" || true
    total=$((total + ${ticks:-0}))
  done
  echo $((total * 1000 / CLK_TCK))
}
server_pids() { # ORIGIN -> the pids serving it
  case "$1" in
    "$API") echo "${PIDS[0]}" ;;
    "$BASE") echo "${PIDS[1]}" ;;
    *) pgrep -g "$WEB_PID" || true ;;
  esac
}
pg_sessions() { # connections ever opened to this database (PostgreSQL 14+)
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -Atc \
    "select sessions from pg_stat_database where datname = '$DB_NAME'"
}
# The database's side: bench/pg_cpu.py samples its backends' CPU while a run lasts.
pg_cpu_start() {
  rm -f "$WORK/pg_cpu.txt"
  "$PY" "$BENCH/pg_cpu.py" "$DB_NAME" "$WORK/pg_cpu.txt" &
  PG_CPU_PID=$!
  for _ in $(seq 1 500); do  # its first sample is the starting point
    [[ -s "$WORK/pg_cpu.txt" ]] && return 0
    sleep 0.01
  done
  die "bench/pg_cpu.py did not start"
}
pg_cpu_stop() { # CPU ms the backends spent since pg_cpu_start -> $WORK/pg_cpu.txt
  kill -TERM "$PG_CPU_PID"
  wait "$PG_CPU_PID" || die "bench/pg_cpu.py failed"
}

SALT=0
# cat_run NAME ORIGIN PATH VARY [WORDS]
#   VARY none: wrk asks for ORIGIN/PATH again and again (cached after the first time)
#   VARY q: bench/catalog_vary.lua adds q=WORDS <punctuation> to PATH, a new key every time
#   VARY slugs: bench/catalog_vary.lua asks for PATH<slug>, a new course every time
# Lectern's runs record how many cache entries they wrote (one per miss) in NAME.misses; every
# run records in NAME.cpu the CPU ms its server and the database's backends spent and how many
# database connections were opened.
cat_run() {
  local name=$1 origin=$2 path=$3 vary=$4 words=${5:-}
  local opts=(-t"$THREADS" -c"$CONNECTIONS" --latency --timeout 30s)
  local wrk_args=("$origin$path") drain_url="$origin$path" what="GET $path"
  if [[ "$vary" == q ]]; then
    wrk_args=(-s "$BENCH/catalog_vary.lua" "$origin")
    local sep="?"
    [[ "$path" == *"?"* ]] && sep="&"
    drain_url="$origin$path${sep}q=${words// /+}"
    what="GET $path${sep}q=${words:+${words// /+}+}<punctuation>: a new cache key each time"
  elif [[ "$vary" == slugs ]]; then
    wrk_args=(-s "$BENCH/catalog_vary.lua" "$origin")
    drain_url="$origin$path$LANDING"
    what="GET $path<slug>: a different course each time"
  fi
  export BENCH_VARY_PATH="$path" BENCH_VARY_Q="$words" BENCH_VARY_SLUGS="" BENCH_THREADS="$THREADS"
  [[ "$vary" == slugs ]] && export BENCH_VARY_SLUGS="$SLUGS"
  say "$name: $what (-c$CONNECTIONS)"

  SALT=$((SALT + 1))
  [[ "$vary" != none ]] && forget_catalog
  BENCH_VARY_SALT=$SALT wrk "${opts[@]}" -d"$WARMUP" "${wrk_args[@]}" >"$WORK/$name.warmup.txt" 2>&1 \
    || { cat "$WORK/$name.warmup.txt" >&2; die "wrk failed on the warm-up of $name"; }
  "$PY" "$BENCH/report.py" check "$WORK/$name.warmup.txt" --warmup >/dev/null \
    || die "$name failed during the warm-up (see above)"
  drain "$drain_url"

  SALT=$((SALT + 1))
  [[ "$vary" != none ]] && forget_catalog
  local before after cpu_before sessions_before
  local -a pids
  read -r -a pids <<<"$(server_pids "$origin" | tr '\n' ' ')"
  before="$(catalog_keys)"
  sessions_before="$(pg_sessions)"
  pg_cpu_start
  cpu_before="$(cpu_ms "${pids[@]}")"
  BENCH_VARY_SALT=$SALT wrk "${opts[@]}" -d"$DURATION" "${wrk_args[@]}" \
    >"$RESULTS/raw/$name.wrk.txt" 2>&1 \
    || { cat "$RESULTS/raw/$name.wrk.txt" >&2; die "wrk failed on $name"; }
  # wrk stops with requests in flight: let them finish (and write their entries) first.
  drain "$drain_url"
  local app_ms=$(($(cpu_ms "${pids[@]}") - cpu_before))
  pg_cpu_stop
  echo "$app_ms $(cat "$WORK/pg_cpu.txt") $(($(pg_sessions) - sessions_before))" \
    >"$RESULTS/raw/$name.cpu"
  after="$(catalog_keys)"
  if [[ "$origin" == "$API" ]]; then
    # The drain request itself may have written one entry.
    echo "$((after - before > 0 ? after - before - 1 : 0))" >"$RESULTS/raw/$name.misses"
  fi
  "$PY" "$BENCH/report.py" check "$RESULTS/raw/$name.wrk.txt" || die "$name returned errors"
  [[ "$vary" != none ]] && forget_catalog
  return 0
}

# catalog_scenario STEM QUERY WORDS: the four runs of one catalog page.
catalog_scenario() {
  local stem=$1 query=$2 words=$3
  local fixed="$query"
  [[ -n "$words" ]] && fixed="?q=${words// /+}"
  cat_run "cat_${stem}_api_cached" "$API" "/api/catalog/courses$fixed" none
  cat_run "cat_${stem}_bare_cached" "$BASE" "/cached/catalog/courses$fixed" none
  cat_run "cat_${stem}_api_uncached" "$API" "/api/catalog/courses$query" q "$words"
  cat_run "cat_${stem}_bare_sql" "$BASE" "/catalog/courses$query" q "$words"
}

"$PY" - "$RESULTS/raw/catalog.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
f = m["document_frequency"]
print(
    f"\nCatalog: {m['courses']:,} courses, {m['lessons']:,} lessons, {m['vocabulary']:,} words;"
    f" '{m['frequent_word']}' in {f[m['frequent_word']]:.1%} of the courses,"
    f" '{m['rare_word']}' in {f[m['rare_word']]:.1%}, '{m['misspelt_word']}' in none."
)
PY
cat <<EOF
wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency after a $WARMUP warm-up per run. Each page four
times: Lectern cached (the same URL: Redis after the first request), a bare Redis cache-aside,
Lectern uncached (a new cache key every request, the same SQL) and the same SQL on bare asyncpg.
EOF

# The baseline must answer what the API answers, or the comparison means nothing.
say "checking that the baseline answers the same JSON as the API"
for query in "" "?level=$LEVEL&sort=popular&topic=$TOPIC" "?sort=newest&cursor=$DEEP_CURSOR" \
  "?q=$FREQUENT" "?q=$RARE+-.~" "?q=$MISSPELT" "?q=-~"; do
  "$PY" "$BENCH/report.py" same-json "$API/api/catalog/courses$query" "$BASE/catalog/courses$query" \
    || die "the baseline's answer differs from the API's for ?${query#\?}"
done
"$PY" "$BENCH/report.py" same-json "$API/api/catalog/courses/$LANDING" \
  "$BASE/catalog/courses/$LANDING" || die "the baseline's landing differs from the API's"
forget_catalog

# Where the time goes in PostgreSQL: EXPLAIN ANALYZE of the statements, written next to the runs.
"$PY" "$BENCH/catalog_explain.py" "$MANIFEST" >"$RESULTS/raw/explain.txt" \
  || die "bench/catalog_explain.py failed"
grep '^==' "$RESULTS/raw/explain.txt" || true

catalog_scenario newest "" ""
catalog_scenario filtered "?level=$LEVEL&sort=popular&topic=$TOPIC" ""
catalog_scenario deep "?sort=newest&cursor=$DEEP_CURSOR" ""
catalog_scenario search_frequent "" "$FREQUENT"
catalog_scenario search_rare "" "$RARE"
catalog_scenario search_misspelt "" "$MISSPELT"
cat_run cat_landing_api_cached "$API" "/api/catalog/courses/$LANDING" none
cat_run cat_landing_bare_cached "$BASE" "/cached/catalog/courses/$LANDING" none
cat_run cat_landing_api_uncached "$API" "/api/catalog/courses/" slugs
cat_run cat_landing_bare_sql "$BASE" "/catalog/courses/" slugs

# --- the Next.js course page ------------------------------------------------------------------

web_skip() {
  echo "WARNING: $1; the landing page's time to first byte is not measured this run." >&2
  echo "$1" >"$RESULTS/raw/web-skipped.txt"
}
PAGE_SOURCE="$ROOT/frontend/src/app/(marketing)/courses/[slug]/page.tsx"
if [[ "$WEB" != 1 ]]; then
  web_skip "BENCH_WEB=$WEB"
elif [[ ! -f "$PAGE_SOURCE" ]]; then
  web_skip "there is no course page (frontend/src/app/(marketing)/courses/[slug]/page.tsx)"
elif [[ ! -x "$ROOT/frontend/node_modules/.bin/next" ]]; then
  web_skip "the web app's packages are not installed (make setup)"
else
  say "web: building the Next.js app if it changed since the last build (scripts/build-web.sh)"
  if ! bash "$ROOT/scripts/build-web.sh" >"$WORK/build-web.log" 2>&1; then
    tail -n 30 "$WORK/build-web.log" >&2
    web_skip "the web app does not build (see above)"
  else
    WEB_PORT="$(free_port)"
    WEB_ORIGIN="http://127.0.0.1:$WEB_PORT"
    # Its own process group: the whole of `next start` goes at the end.
    (
      cd "$ROOT/frontend"
      LECTERN_API_INTERNAL_URL="$API" LECTERN_PUBLIC_URL="$ORIGIN" \
        exec setsid ./node_modules/.bin/next start --hostname 127.0.0.1 --port "$WEB_PORT"
    ) >"$WORK/web.log" 2>&1 &
    WEB_PID=$!
    PIDS+=("$WEB_PID")
    GROUPS_TO_KILL+=("$WEB_PID")
    for _ in $(seq 1 300); do
      curl -fsS -o /dev/null "$WEB_ORIGIN/courses/$LANDING" 2>/dev/null && break
      kill -0 "$WEB_PID" 2>/dev/null || die "next start exited (see $WORK/web.log)"
      sleep 0.2
    done
    curl -fsS "$WEB_ORIGIN/courses/$LANDING" >"$WORK/page.html" \
      || die "the course page did not answer 200 within 60 s"
    title="$("$PY" -c 'import json, sys; print(json.load(sys.stdin)["title"])' \
      <<<"$(curl -fsS "$API/api/catalog/courses/$LANDING")")"
    grep -qF "$("$PY" -c 'import html, sys; print(html.escape(sys.argv[1]))' "$title")" \
      "$WORK/page.html" || die "the course page does not show the course's title"

    # Sequential curl timings: time to first byte and to the last byte, in seconds.
    ttfb_of() { # FILE URL...
      local out=$1
      shift
      for url in "$@"; do
        curl -sS -o /dev/null -w '%{time_starttransfer} %{time_total} %{http_code}\n' "$url"
      done >"$RESULTS/raw/$out.txt"
      awk '$3 != 200 { exit 1 }' "$RESULTS/raw/$out.txt" \
        || die "$out: a request did not answer 200 (see $RESULTS/raw/$out.txt)"
    }
    say "web: $TTFB_REQUESTS sequential requests each, page and API (time to first byte)"
    mapfile -t varied < <(sed -n "1,$((2 * TTFB_REQUESTS))p" "$SLUGS")
    page_urls=() api_urls=()
    for slug in "${varied[@]:0:$TTFB_REQUESTS}"; do page_urls+=("$WEB_ORIGIN/courses/$slug"); done
    for slug in "${varied[@]:$TTFB_REQUESTS}"; do api_urls+=("$API/api/catalog/courses/$slug"); done
    forget_catalog
    ttfb_of ttfb_page_varied "${page_urls[@]}"
    ttfb_of ttfb_api_varied "${api_urls[@]}"
    same_page=() same_api=()
    for _ in $(seq 1 "$TTFB_REQUESTS"); do
      same_page+=("$WEB_ORIGIN/courses/$LANDING")
      same_api+=("$API/api/catalog/courses/$LANDING")
    done
    curl -fsS -o /dev/null "$API/api/catalog/courses/$LANDING"
    ttfb_of ttfb_page_same "${same_page[@]}"
    ttfb_of ttfb_api_same "${same_api[@]}"

    CONNECTIONS_SAVED=$CONNECTIONS
    CONNECTIONS=$WEB_CONNECTIONS
    cat_run web_page "$WEB_ORIGIN" "/courses/$LANDING" none
    cat_run web_api "$API" "/api/catalog/courses/$LANDING" none
    CONNECTIONS=$CONNECTIONS_SAVED
  fi
fi
