# Sourced by bench/run.sh (the delivery part): HLS segments of a ready video under load, from
# the API (delivery.py's FileResponse after the grant's HMAC check; 1 worker, then 2) beside
# nginx sending the same files from disk under the same URLs, and once through the Next.js
# /api/* route handler when a production build exists (frontend/.next/BUILD_ID; never built
# here). The video is the demo course's free preview lesson, transcoded by `lectern seed` with
# the real pipeline into LECTERN_VAR_DIR. Uses run.sh's variables (API, WORK, RESULTS, ROOT,
# BENCH, VENV, PY, ORIGIN, UVICORN_OPTS, THREADS, CONNECTIONS, DURATION, WARMUP, PIDS,
# GROUPS_TO_KILL) and helpers (say, die, drain, free_port, wait_up). It stops its own servers
# when done; run.sh's exit trap stops them too on a failure, and removes WORK.
# shellcheck shell=bash

DL_DIR="$WORK/delivery"
DL_PATHS="$DL_DIR/paths.txt"
# Not in raw/ itself: report.py's summary reads every raw/*.cpu as a catalog run's.
DL_RAW="$RESULTS/raw/delivery"
DL_COURSE="smartphone-filmmaking-essentials"
mkdir -p "$DL_DIR" "$DL_RAW"

say "delivery: a playback grant for the free preview of $DL_COURSE, its segment URLs"
# -> video id, HLS folder, segment count, mean segment size; the paths into $DL_PATHS.
DL_INFO="$("$PY" - "$API" "$ORIGIN" "$DL_COURSE" "$DL_PATHS" <<'EOF'
import json
import os
import re
import sys
import urllib.request

api, origin, slug, out = sys.argv[1:5]


def get(path: str, data: bytes | None = None) -> bytes:
    request = urllib.request.Request(api + path, data=data, method="POST" if data else "GET")
    if data is not None:
        request.add_header("Origin", origin)
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our own API
        return response.read()


landing = json.loads(get(f"/api/catalog/courses/{slug}"))
lesson = next(
    lesson
    for section in landing["sections"]
    for lesson in section["lessons"]
    if lesson["kind"] == "video" and lesson["is_preview"]
)
grant = json.loads(get(f"/api/lessons/{lesson['id']}/playback", b"{}"))
master_url = grant["master_url"]
folder = master_url.rsplit("/", 1)[0]
master = get(master_url).decode()
segments, sizes = [], []
for variant in re.findall(r"^(v\d+/index\.m3u8)$", master, re.MULTILINE):
    playlist = get(f"{folder}/{variant}").decode()
    rendition = variant.split("/")[0]
    for name in re.findall(r"^(seg_\d+\.m4s)$", playlist, re.MULTILINE):
        segments.append(f"{folder}/{rendition}/{name}")
if not segments:
    sys.exit("the grant's playlists list no segments")
hls = os.path.join(os.environ["LECTERN_VAR_DIR"], "files", "videos", grant["video_id"], "hls")
for path in segments:
    sizes.append(os.path.getsize(os.path.join(hls, *path.split("/")[-2:])))
with open(out, "w") as f:
    f.write("\n".join(segments) + "\n")
print(grant["video_id"], hls, len(segments), sum(sizes) // len(sizes), min(sizes), max(sizes))
EOF
)" || die "could not get a playback grant and the segment list (is the demo video ready?)"
read -r DL_VIDEO DL_HLS DL_COUNT DL_MEAN DL_MIN DL_MAX <<<"$DL_INFO"
DL_FIRST="$(head -n1 "$DL_PATHS")"
echo "video $DL_VIDEO: $DL_COUNT segments of 4 s in $(ls -d "$DL_HLS"/v* | wc -l) renditions," \
  "$((DL_MIN / 1000))-$((DL_MAX / 1000)) kB (mean $((DL_MEAN / 1000)) kB)"

# --- the other servers ----------------------------------------------------------------------

# nginx with N workers sending the same files under the same URL shape (no signature check).
dl_nginx() { # NAME WORKERS -> the origin on stdout; its process group goes at exit
  local name=$1 workers=$2 dir="$DL_DIR/$1" port user=""
  port="$(free_port)"
  mkdir -p "$dir"
  [[ "$(id -u)" -eq 0 ]] && user="user root;"
  cat >"$dir/nginx.conf" <<EOF
$user
worker_processes $workers;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    types {
        video/iso.segment m4s;
        video/mp4 mp4;
        application/vnd.apple.mpegurl m3u8;
    }
    server {
        listen 127.0.0.1:$port;
        location ~ ^/api/media/$DL_VIDEO/[^/]+/(v[0-9]+/[a-z_0-9]+\\.(m4s|mp4|m3u8))\$ {
            alias $DL_HLS/\$1;
            add_header Cache-Control "private, max-age=600";
        }
    }
}
EOF
  setsid /usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf" >"$WORK/$name.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  GROUPS_TO_KILL+=("$pid")
  wait_up "http://127.0.0.1:$port$DL_FIRST" "nginx ($name)" "$pid"
  DL_PGID_OF["$name"]=$pid
  DL_ORIGIN="http://127.0.0.1:$port"
}

declare -gA DL_PGID_OF=()
dl_nginx nginx1 1
DL_NGINX1="$DL_ORIGIN"
dl_nginx nginx2 2
DL_NGINX2="$DL_ORIGIN"

# The API again with 2 workers: same settings, same var dir (so the same signing key).
DL_API2_PORT="$(free_port)"
DL_API2="http://127.0.0.1:$DL_API2_PORT"
UVICORN_2=("${UVICORN_OPTS[@]}")
for i in "${!UVICORN_2[@]}"; do [[ "${UVICORN_2[$i]}" == --workers ]] && UVICORN_2[i + 1]=2; done
setsid "$VENV/bin/uvicorn" --factory lectern.app:create_app --port "$DL_API2_PORT" "${UVICORN_2[@]}" \
  >"$WORK/lectern-2-workers.log" 2>&1 &
DL_API2_PID=$!
PIDS+=("$DL_API2_PID")
GROUPS_TO_KILL+=("$DL_API2_PID")
wait_up "$DL_API2/healthz" "Lectern API (2 workers)" "$DL_API2_PID"
DL_PGID_OF[api2]=$DL_API2_PID

# The Next.js route handler in front of the 1-worker API, if there is a production build.
DL_WEB=""
if [[ -f "$ROOT/frontend/.next/BUILD_ID" && -x "$ROOT/frontend/node_modules/.bin/next" ]]; then
  DL_WEB_PORT="$(free_port)"
  (
    cd "$ROOT/frontend"
    LECTERN_API_INTERNAL_URL="$API" LECTERN_PUBLIC_URL="$ORIGIN" \
      exec setsid ./node_modules/.bin/next start --hostname 127.0.0.1 --port "$DL_WEB_PORT"
  ) >"$WORK/delivery-web.log" 2>&1 &
  DL_WEB_PID=$!
  PIDS+=("$DL_WEB_PID")
  GROUPS_TO_KILL+=("$DL_WEB_PID")
  DL_WEB="http://127.0.0.1:$DL_WEB_PORT"
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "$DL_WEB$DL_FIRST" 2>/dev/null && break
    kill -0 "$DL_WEB_PID" 2>/dev/null || die "next start exited (see $WORK/delivery-web.log)"
    sleep 0.2
  done
  DL_PGID_OF[web]=$DL_WEB_PID
  echo "Next.js: the production build in frontend/.next (built $(date -r "$ROOT/frontend/.next/BUILD_ID" '+%F %T'))"
else
  echo "Next.js: no production build (frontend/.next/BUILD_ID): the run through its /api/* proxy is skipped"
  echo "no production build in frontend/.next" >"$DL_RAW/web-skipped.txt"
fi

# Every server must answer the same bytes as the file on disk, or the comparison is void.
DL_FIRST_FILE="$DL_HLS/${DL_FIRST#/api/media/*/*/}"
for origin in "$API" "$DL_API2" "$DL_NGINX1" "$DL_NGINX2" ${DL_WEB:+"$DL_WEB"}; do
  curl -fsS "$origin$DL_FIRST" -o "$DL_DIR/check.m4s" || die "$origin did not answer $DL_FIRST"
  cmp -s "$DL_DIR/check.m4s" "$DL_FIRST_FILE" || die "$origin answered other bytes than $DL_FIRST_FILE"
done

# --- load -----------------------------------------------------------------------------------

DL_CLK_TCK="$(getconf CLK_TCK)"
dl_cpu_ms() { # group:PGID or pid:PID -> user + system CPU ms of those processes
  local pid ticks total=0 pids
  if [[ "$1" == group:* ]]; then pids="$(pgrep -g "${1#group:}")"; else pids="${1#pid:}"; fi
  for pid in $pids; do
    ticks="$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{ print $12 + $13 }')" || true
    total=$((total + ${ticks:-0}))
  done
  echo $((total * 1000 / DL_CLK_TCK))
}

# dl_run NAME ORIGIN WHOSE_CPU [MORE_CPU]: wrk over the segment URLs after a warm-up;
# NAME.cpu = the server's CPU ms over the run, NAME.api-cpu = MORE_CPU's (the API behind a proxy)
dl_run() {
  local name=$1 origin=$2 whose=$3 more=${4:-} before more_before=0
  local opts=(-t"$THREADS" -c"$CONNECTIONS" --latency --timeout 30s -s "$BENCH/delivery.lua")
  say "delivery $name: GET $origin/api/media/<video>/<grant>/v*/seg_*.m4s ($DL_COUNT URLs in turn, -c$CONNECTIONS)"
  BENCH_PATHS="$DL_PATHS" wrk "${opts[@]}" -d"$WARMUP" "$origin" >"$WORK/delivery_$name.warmup.txt" 2>&1 \
    || { cat "$WORK/delivery_$name.warmup.txt" >&2; die "wrk failed on the warm-up of $name"; }
  "$PY" "$BENCH/report.py" check "$WORK/delivery_$name.warmup.txt" --warmup >/dev/null \
    || die "delivery $name failed during the warm-up"
  drain "$origin$DL_FIRST"
  before="$(dl_cpu_ms "$whose")"
  [[ -n "$more" ]] && more_before="$(dl_cpu_ms "$more")"
  BENCH_PATHS="$DL_PATHS" wrk "${opts[@]}" -d"$DURATION" "$origin" >"$DL_RAW/$name.wrk.txt" 2>&1 \
    || { cat "$DL_RAW/$name.wrk.txt" >&2; die "wrk failed on $name"; }
  drain "$origin$DL_FIRST"
  echo "$(($(dl_cpu_ms "$whose") - before))" >"$DL_RAW/$name.cpu"
  [[ -n "$more" ]] && echo "$(($(dl_cpu_ms "$more") - more_before))" >"$DL_RAW/$name.api-cpu"
  "$PY" "$BENCH/report.py" check "$DL_RAW/$name.wrk.txt" || die "delivery $name returned errors"
}

# run.sh's own API is the 1-worker one (PIDS[0], in run.sh's process group: count its pid).
dl_run api1 "$API" "pid:${PIDS[0]}"
dl_run nginx1 "$DL_NGINX1" "group:${DL_PGID_OF[nginx1]}"
dl_run api2 "$DL_API2" "group:${DL_PGID_OF[api2]}"
dl_run nginx2 "$DL_NGINX2" "group:${DL_PGID_OF[nginx2]}"
if [[ -n "$DL_WEB" ]]; then
  dl_run web "$DL_WEB" "group:${DL_PGID_OF[web]}" "pid:${PIDS[0]}"
fi

# The servers are not needed any more: free the cores for what comes next.
for name in nginx1 nginx2 api2 ${DL_WEB:+web}; do
  kill -- "-${DL_PGID_OF[$name]}" 2>/dev/null || true
done

# --- table ----------------------------------------------------------------------------------

"$PY" - "$DL_RAW" "$DL_COUNT" "$DL_MEAN" "$BENCH" <<'EOF'
import json
import re
import sys
from pathlib import Path

raw, count, mean = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
sys.path.insert(0, sys.argv[4])
from report import parse  # noqa: E402 - the bench's own wrk parser

UNITS = {"B": 1e-6, "KB": 1024 / 1e6, "MB": 1024**2 / 1e6, "GB": 1024**3 / 1e6}
LABELS = {
    "api1": ("Lectern API, uvicorn 1 worker", "nginx1"),
    "nginx1": ("nginx, 1 worker (sendfile)", None),
    "api2": ("Lectern API, uvicorn 2 workers", "nginx2"),
    "nginx2": ("nginx, 2 workers (sendfile)", None),
    "web": ("Next.js /api/* route handler -> API (1 worker)", "nginx1"),
}
runs, rows = {}, []
for name in LABELS:
    path = raw / f"{name}.wrk.txt"
    if not path.exists():
        continue
    text = path.read_text()
    run = parse(text)
    found = re.search(r"^Transfer/sec:\s+([\d.]+)(B|KB|MB|GB)", text, re.MULTILINE)
    mb_s = float(found.group(1)) * UNITS[found.group(2)] if found else 0.0
    cpu_ms = int((raw / f"{name}.cpu").read_text())
    extra = raw / f"{name}.api-cpu"
    api_cpu_ms = int(extra.read_text()) if extra.exists() else 0
    runs[name] = {
        "label": LABELS[name][0],
        "requests_per_s": run.requests_per_s,
        "mb_per_s": mb_s,
        "p50_ms": run.p50_ms,
        "p99_ms": run.p99_ms,
        "requests": run.requests,
        "cpu_ms_per_request": (cpu_ms + api_cpu_ms) / (run.requests + 1),
        "proxy_cpu_ms_per_request": cpu_ms / (run.requests + 1) if api_cpu_ms else None,
        "connections": run.connections,
    }
for name, r in runs.items():
    base = LABELS[name][1]
    ratio = f"{r['requests_per_s'] / runs[base]['requests_per_s']:.2f}" if base in runs else ""
    if base in runs:
        r["ratio_to_" + base] = r["requests_per_s"] / runs[base]["requests_per_s"]
    cpu = f"{r['cpu_ms_per_request']:.2f}"
    if r["proxy_cpu_ms_per_request"] is not None:
        proxy = r["proxy_cpu_ms_per_request"]
        cpu += f" ({proxy:.2f} + {r['cpu_ms_per_request'] - proxy:.2f})"
    rows.append(
        f"| {r['label']} | {r['requests_per_s']:,.0f} | {r['mb_per_s']:,.0f} | "
        f"{r['p50_ms']:.1f} | {r['p99_ms']:.1f} | {cpu} | {ratio} |"
    )
print(
    f"\nSegment delivery: {count} segments (mean {mean / 1000:.0f} kB) in turn, wrk -c"
    f"{next(iter(runs.values()))['connections']}; MB = 10^6 bytes\n"
)
print("| server | req/s | MB/s | p50 ms | p99 ms | CPU ms/req | ratio (/ nginx) |")
print("|---|--:|--:|--:|--:|--:|--:|")
print("\n".join(rows))
print("\nCPU ms/req: the server's processes (for the route handler: Node + the API behind it)")
(raw.parent / "delivery.json").write_text(
    json.dumps({"segments": count, "mean_bytes": mean, "runs": runs}, indent=2) + "\n"
)
EOF
