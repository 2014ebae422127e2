# Sourced by bench/run.sh (the dashboard part): "My learning" for a student with 30 courses,
# progress, notes and certificates (bench/dashboard_data.py), beside the public course landing
# measured the same way. The API's GET /api/me/learning and the Next.js /learning page, time to
# first byte over sequential requests, then the API under light load beside GET /api/me (the
# same sign-in check with nothing else: the floor any signed-in page pays).
# Uses run.sh's variables (API, WORK, RESULTS, PY, WEB, TTFB_REQUESTS...) and helpers.
# shellcheck shell=bash

DASHBOARD_COURSES="${BENCH_DASHBOARD_COURSES:-30}"
DASH_CONNECTIONS="${BENCH_DASHBOARD_CONNECTIONS:-8}"

say "dashboard: a student with $DASHBOARD_COURSES courses, notes, certificates and 300 classmates (bench/dashboard_data.py)"
"$PY" "$BENCH/dashboard_data.py" "$WORK/dashboard.json" --courses "$DASHBOARD_COURSES" \
  >"$WORK/dashboard_data.log" 2>&1 || { cat "$WORK/dashboard_data.log" >&2; die "seeding the dashboard failed"; }
cp "$WORK/dashboard.json" "$RESULTS/raw/dashboard.json"
dash_field() { "$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$WORK/dashboard.json" "$1"; }
DASH_EMAIL="$(dash_field email)"
DASH_PASSWORD="$(dash_field password)"
DASH_SLUG="$(dash_field landing_slug)"

DASH_HEADERS="$WORK/dashboard-sign-in.headers"
status="$(curl -sS -o "$WORK/dashboard-sign-in.body" -D "$DASH_HEADERS" -w '%{http_code}' \
  -H 'Content-Type: application/json' -H "Origin: $ORIGIN" \
  -d "{\"email\": \"$DASH_EMAIL\", \"password\": \"$DASH_PASSWORD\"}" "$API/api/auth/sign-in")"
[[ "$status" == 200 ]] || die "the dashboard student's sign-in answered $status: $(cat "$WORK/dashboard-sign-in.body")"
DASH_TOKEN="$(grep -i '^set-cookie: lectern_session=' "$DASH_HEADERS" | sed -E 's/^[^=]*=([^;]*).*/\1/' | tr -d '\r')"
[[ -n "$DASH_TOKEN" ]] || die "the dashboard student's sign-in set no session cookie"
DASH_COOKIE="Cookie: lectern_session=$DASH_TOKEN"

# The answer must be the full dashboard, or the timings mean nothing.
curl -fsS -H "$DASH_COOKIE" "$API/api/me/learning" >"$WORK/dashboard.body" \
  || die "GET /api/me/learning failed for the bench student"
"$PY" - "$WORK/dashboard.body" "$DASHBOARD_COURSES" <<'PY' || die "the dashboard is not what was seeded"
import json, sys
body = json.load(open(sys.argv[1]))
want = int(sys.argv[2])
assert len(body["courses"]) == want, f"{len(body['courses'])} courses, not {want}"
assert body["continue_watching"], "nothing to continue watching"
assert body["certificates"] and body["recent_notes"], "no certificates or notes"
print(f"  ok: {len(body['courses'])} courses, {len(body['continue_watching'])} to continue,"
      f" {len(body['certificates'])} certificates, {len(body['recent_notes'])} recent notes,"
      f" {len(json.dumps(body)):,} bytes of JSON")
PY

# dash_ttfb FILE CURL-ARGS... -- URL: TTFB_REQUESTS sequential requests after one to warm up.
dash_ttfb() {
  local out=$1
  shift
  local args=()
  while [[ "$1" != "--" ]]; do args+=("$1"); shift; done
  local url=$2
  curl -sS -o /dev/null "${args[@]}" "$url" || die "$out: $url did not answer"
  for _ in $(seq 1 "$TTFB_REQUESTS"); do
    curl -sS -o /dev/null "${args[@]}" -w '%{time_starttransfer} %{time_total} %{http_code}\n' "$url"
  done >"$RESULTS/raw/$out.txt"
  awk '$3 != 200 { exit 1 }' "$RESULTS/raw/$out.txt" \
    || die "$out: a request did not answer 200 (see $RESULTS/raw/$out.txt)"
}

say "dashboard: $TTFB_REQUESTS sequential requests each, API (time to first byte)"
dash_ttfb dash_ttfb_api -H "$DASH_COOKIE" -- "$API/api/me/learning"
dash_ttfb dash_ttfb_recommendations -H "$DASH_COOKIE" -- "$API/api/me/recommendations"
dash_ttfb dash_ttfb_me -H "$DASH_COOKIE" -- "$API/api/me"
dash_ttfb dash_ttfb_landing_api -- "$API/api/catalog/courses/$DASH_SLUG"

# dash_wrk NAME URL: light load with the student's cookie.
dash_wrk() {
  local name=$1 url=$2
  local opts=(-t"$THREADS" -c"$DASH_CONNECTIONS" --latency --timeout 30s -H "$DASH_COOKIE")
  say "$name: GET ${url#"$API"} (-c$DASH_CONNECTIONS)"
  wrk "${opts[@]}" -d"$WARMUP" "$url" >"$WORK/$name.warmup.txt" 2>&1 \
    || { cat "$WORK/$name.warmup.txt" >&2; die "wrk failed on the warm-up of $name"; }
  drain "$url" -H "$DASH_COOKIE"
  wrk "${opts[@]}" -d"$DURATION" "$url" >"$RESULTS/raw/$name.wrk.txt" 2>&1 \
    || { cat "$RESULTS/raw/$name.wrk.txt" >&2; die "wrk failed on $name"; }
  drain "$url" -H "$DASH_COOKIE"
  "$PY" "$BENCH/report.py" check "$RESULTS/raw/$name.wrk.txt" || die "$name returned errors"
}
dash_wrk dash_api "$API/api/me/learning"
dash_wrk dash_me "$API/api/me"

# --- the Next.js page -------------------------------------------------------------------------

dash_web_skip() {
  echo "WARNING: $1; the /learning page's time to first byte is not measured this run." >&2
  echo "$1" >"$RESULTS/raw/dash-web-skipped.txt"
}
if [[ "$WEB" != 1 ]]; then
  dash_web_skip "BENCH_WEB=$WEB"
elif [[ ! -x "$ROOT/frontend/node_modules/.bin/next" ]]; then
  dash_web_skip "the web app's packages are not installed (make setup)"
elif ! bash "$ROOT/scripts/build-web.sh" >"$WORK/dash-build-web.log" 2>&1; then
  tail -n 30 "$WORK/dash-build-web.log" >&2
  dash_web_skip "the web app does not build (see above)"
else
  # The catalog part may have started one already, on this same API.
  if [[ -z "${WEB_ORIGIN:-}" ]]; then
    WEB_PORT="$(free_port)"
    WEB_ORIGIN="http://127.0.0.1:$WEB_PORT"
    (
      cd "$ROOT/frontend"
      LECTERN_API_INTERNAL_URL="$API" LECTERN_PUBLIC_URL="$ORIGIN" \
        exec setsid ./node_modules/.bin/next start --hostname 127.0.0.1 --port "$WEB_PORT"
    ) >"$WORK/dash-web.log" 2>&1 &
    WEB_PID=$!
    PIDS+=("$WEB_PID")
    GROUPS_TO_KILL+=("$WEB_PID")
    for _ in $(seq 1 300); do
      curl -fsS -o /dev/null "$WEB_ORIGIN/courses/$DASH_SLUG" 2>/dev/null && break
      kill -0 "$WEB_PID" 2>/dev/null || die "next start exited (see $WORK/dash-web.log)"
      sleep 0.2
    done
  fi
  curl -fsS -H "$DASH_COOKIE" "$WEB_ORIGIN/learning" >"$WORK/learning.html" \
    || die "the /learning page did not answer 200"
  grep -qF "My learning" "$WORK/learning.html" || die "the /learning page does not say My learning"
  say "dashboard: $TTFB_REQUESTS sequential requests each, Next.js pages (time to first byte)"
  dash_ttfb dash_ttfb_page -H "$DASH_COOKIE" -- "$WEB_ORIGIN/learning"
  dash_ttfb dash_ttfb_landing_page -- "$WEB_ORIGIN/courses/$DASH_SLUG"
fi
