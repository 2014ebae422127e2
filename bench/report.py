"""Read wrk's output, refuse runs that returned errors, print the table, write JSON.

    python bench/report.py check FILE [--warmup]  exit 1 unless the wrk run in FILE is clean
                                                (--warmup: zero completed requests is fine)
    python bench/report.py summary DIR [JSON]     table of DIR/*.wrk.txt; JSON results to JSON
    python bench/report.py same-json URL URL      exit 1 unless both answer 200 with the same
                                                JSON (datetimes compared as instants)

The catalog runs (bench/run.sh, BENCH_ONLY=catalog) are named cat_<scenario>_<side>.wrk.txt,
side one of api_cached, api_uncached (Lectern), bare_cached, bare_sql (the baseline); next to
them cat_<scenario>_api_*.misses holds how many catalog cache entries the run wrote (one per
miss), catalog.json the data set's figures and ttfb_*.txt the landing page's curl timings.

A scenario is clean when wrk made at least one request, saw no non-2xx/3xx response and no
socket error (connect, read, write, timeout): a fast 401 or 429 is not a result.
"""

from __future__ import annotations

import json
import os
import re
import sys
import urllib.request
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

# wrk output file stem -> what it measures
SCENARIOS = {
    "lectern_sign_in": "Lectern POST /api/auth/sign-in",
    "lectern_me": "Lectern GET /api/me (cookie)",
    "baseline_get": "Starlette GET /me (small JSON)",
    "baseline_post": "Starlette POST /sign-in (JSON in/out)",
    "baseline_post_argon2": "Starlette POST + argon2id verify",
}

# (lectern scenario, baseline scenario): the side-by-side rows, ratio = lectern / baseline.
COMPARISONS = [
    ("lectern_me", "baseline_get"),
    ("lectern_sign_in", "baseline_post_argon2"),
    ("lectern_sign_in", "baseline_post"),
]

# The catalog: scenario -> what it asks for.
CATALOG = {
    "newest": "GET /api/catalog/courses (first page, newest)",
    "filtered": "... ?topic=development&level=beginner&sort=popular",
    "deep": "... ?sort=newest&cursor=<course 5,000 of 10,000>",
    "search_frequent": "... ?q=python (in ~10 % of courses)",
    "search_rare": "... ?q=kubernetes (in ~1 %)",
    "search_misspelt": "... ?q=kubernetis (no match: corrected)",
    "landing": "GET /api/catalog/courses/{slug}",
}
# The web page's time to first byte: file stem -> what it measures.
TTFB = {
    "ttfb_page_same": "Next.js /courses/{slug}, one course (API cache warm)",
    "ttfb_page_varied": "Next.js /courses/{slug}, a new course each time (API cache cold)",
    "ttfb_api_same": "API /api/catalog/courses/{slug}, one course (cache warm)",
    "ttfb_api_varied": "API /api/catalog/courses/{slug}, a new course each time (cold)",
}
WEB_RUNS = {
    "web_page": "Next.js GET /courses/{slug} (one course)",
    "web_api": "API GET /api/catalog/courses/{slug} (one course, cached)",
}

# The dashboard ("My learning", bench/dashboard.sh): sequential curl timings, then wrk runs.
DASHBOARD_TTFB = {
    "dash_ttfb_page": "Next.js /learning (30 courses, signed in)",
    "dash_ttfb_landing_page": "Next.js /courses/{slug} (baseline: public landing)",
    "dash_ttfb_api": "API GET /api/me/learning (30 courses)",
    "dash_ttfb_recommendations": "API GET /api/me/recommendations (cached picks)",
    "dash_ttfb_me": "API GET /api/me (baseline: sign-in check only)",
    "dash_ttfb_landing_api": "API GET /api/catalog/courses/{slug} (baseline: cached)",
}
DASHBOARD_RUNS = {
    "dash_api": "API GET /api/me/learning (30 courses)",
    "dash_me": "API GET /api/me (baseline)",
}

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


@dataclass
class WrkRun:
    connections: int
    requests: int
    requests_per_s: float
    p50_ms: float
    p75_ms: float
    p90_ms: float
    p99_ms: float
    non_2xx_3xx: int
    socket_errors: dict[str, int]

    @property
    def errors(self) -> int:
        return self.non_2xx_3xx + sum(self.socket_errors.values())


def _ms(value: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", value.strip())
    if not match:
        raise ValueError(f"unknown wrk duration {value!r}")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]


def parse(text: str) -> WrkRun:
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.MULTILINE)
    total = re.search(r"^\s*(\d+) requests in ", text, re.MULTILINE)
    if not rps or not total:
        raise ValueError("no Requests/sec or request count in wrk's output")
    percentiles: dict[str, float] = {}
    for pct in ("50", "75", "90", "99"):
        found = re.search(rf"^\s+{pct}%\s+(\S+)", text, re.MULTILINE)
        if not found:
            raise ValueError(f"no {pct}% line: run wrk with --latency")
        percentiles[pct] = _ms(found.group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    socket_errors = (
        dict(zip(("connect", "read", "write", "timeout"), map(int, sock.groups()), strict=True))
        if sock
        else {}
    )
    conns = re.search(r"(\d+) threads and (\d+) connections", text)
    return WrkRun(
        connections=int(conns.group(2)) if conns else 0,
        requests=int(total.group(1)),
        requests_per_s=float(rps.group(1)),
        p50_ms=percentiles["50"],
        p75_ms=percentiles["75"],
        p90_ms=percentiles["90"],
        p99_ms=percentiles["99"],
        non_2xx_3xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=socket_errors,
    )


def check(path: Path, *, warmup: bool = False) -> int:
    try:
        run = parse(path.read_text())
    except ValueError as exc:
        print(f"FAIL {path.name}: {exc}\n{path.read_text()}", file=sys.stderr)
        return 1
    summary = (
        f"{run.requests} requests, {run.requests_per_s:.1f} req/s, "
        f"p50 {run.p50_ms:.2f} ms, p99 {run.p99_ms:.2f} ms"
    )
    if run.errors or (run.requests == 0 and not warmup):
        print(
            f"FAIL {path.name}: {summary}; non-2xx/3xx {run.non_2xx_3xx}, "
            f"socket errors {run.socket_errors or 'none'}. A fast error is not a result.",
            file=sys.stderr,
        )
        return 1
    print(f"  ok: {summary}, no errors")
    return 0


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    right = [i > 0 and not h.startswith("baseline") for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return (
            "| "
            + " | ".join(
                c.rjust(w) if r else c.ljust(w)
                for c, w, r in zip(cells, widths, right, strict=True)
            )
            + " |"
        )

    sep = (
        "|"
        + "|".join(
            ("-" * (w + 1) + ":") if r else ("-" * (w + 2))
            for w, r in zip(widths, right, strict=True)
        )
        + "|"
    )
    return "\n".join([line(headers), sep, *(line(r) for r in rows)])


def _percentile(values: list[float], pct: float) -> float:
    """Nearest rank: with 50 samples, p99 is the slowest one."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def ttfb(path: Path) -> dict[str, float | int]:
    """curl -w '%{time_starttransfer} %{time_total} %{http_code}' lines -> the figures in ms."""
    first, total = [], []
    for line in path.read_text().split("\n"):
        if not line.strip():
            continue
        start, whole, code = line.split()
        if code != "200":
            raise ValueError(f"{path.name}: a request answered {code}")
        first.append(float(start) * 1000)
        total.append(float(whole) * 1000)
    if not first:
        raise ValueError(f"{path.name}: no requests")
    return {
        "requests": len(first),
        "ttfb_p50_ms": _percentile(first, 50),
        "ttfb_p99_ms": _percentile(first, 99),
        "total_p50_ms": _percentile(total, 50),
        "total_p99_ms": _percentile(total, 99),
    }


def _auth_tables(runs: dict[str, WrkRun]) -> None:
    rows = []
    for lectern, base in COMPARISONS:
        if lectern not in runs or base not in runs:
            continue
        a, b = runs[lectern], runs[base]
        rows.append(
            [
                SCENARIOS[lectern],
                f"{a.requests_per_s:,.1f}",
                f"{a.p50_ms:.2f}",
                f"{a.p99_ms:.2f}",
                SCENARIOS[base],
                f"{b.requests_per_s:,.1f}",
                f"{a.requests_per_s / b.requests_per_s:.2f}",
            ]
        )
    if rows:
        print(
            _table(
                ["scenario", "req/s", "p50 ms", "p99 ms", "baseline", "base req/s", "ratio"],
                rows,
            )
        )
        print("\nratio = Lectern req/s / baseline req/s (1.00 would mean Lectern costs nothing)\n")
    auth = {n: r for n, r in runs.items() if n in SCENARIOS}
    if auth:
        print(
            _table(
                ["run", "conns", "req/s", "p50 ms", "p75 ms", "p90 ms", "p99 ms", "requests"],
                [
                    [
                        SCENARIOS[n],
                        str(r.connections),
                        f"{r.requests_per_s:,.1f}",
                        f"{r.p50_ms:.2f}",
                        f"{r.p75_ms:.2f}",
                        f"{r.p90_ms:.2f}",
                        f"{r.p99_ms:.2f}",
                        f"{r.requests:,}",
                    ]
                    for n, r in auth.items()
                ],
            )
        )


def _cpu_per_request(cpu: dict[str, tuple[int, int]], name: str, run: WrkRun) -> str:
    """'app+db' CPU ms per request; the server also finished the drain request (+1)."""
    if name not in cpu:
        return "?"
    app, db = cpu[name]
    return f"{app / (run.requests + 1):.2f}+{db / (run.requests + 1):.2f}"


def _catalog_rows(
    runs: dict[str, WrkRun],
    misses: dict[str, int],
    cpu: dict[str, tuple[int, int]],
    connections: dict[str, int],
    api: str,
    bare: str,
) -> tuple[list[list[str]], list[dict[str, object]]]:
    rows, out = [], []
    for stem, label in CATALOG.items():
        a_name, b_name = f"cat_{stem}_{api}", f"cat_{stem}_{bare}"
        a, b = runs.get(a_name), runs.get(b_name)
        if a is None or b is None:
            continue
        missed = misses.get(a_name)
        share = f"{min(missed / a.requests, 1.0):.0%}" if missed is not None else "?"
        cpu_ratio = "?"
        if a_name in cpu and b_name in cpu and sum(cpu[b_name]):
            per_a = sum(cpu[a_name]) / (a.requests + 1)
            per_b = sum(cpu[b_name]) / (b.requests + 1)
            cpu_ratio = f"{per_a / per_b:.1f}"
        rows.append(
            [
                label,
                f"{a.requests_per_s:,.1f}",
                f"{a.p50_ms:.1f}",
                f"{a.p99_ms:.1f}",
                _cpu_per_request(cpu, a_name, a),
                f"{b.requests_per_s:,.1f}",
                f"{b.p50_ms:.1f}",
                f"{b.p99_ms:.1f}",
                _cpu_per_request(cpu, b_name, b),
                f"{a.requests_per_s / b.requests_per_s:.2f}",
                cpu_ratio,
                share,
                f"{connections.get(a_name, '?')}/{connections.get(b_name, '?')}",
            ]
        )
        out.append(
            {
                "scenario": stem,
                "api": a_name,
                "baseline": b_name,
                "ratio_requests_per_s": a.requests_per_s / b.requests_per_s,
                "api_cache_misses": missed,
                "api_cpu_ms": cpu.get(a_name),
                "baseline_cpu_ms": cpu.get(b_name),
                "api_connections_opened": connections.get(a_name),
                "baseline_connections_opened": connections.get(b_name),
            }
        )
    return rows, out


def summary(directory: Path, json_out: Path | None) -> int:
    runs: dict[str, WrkRun] = {}
    for path in sorted(directory.glob("*.wrk.txt")):
        runs[path.name.removesuffix(".wrk.txt")] = parse(path.read_text())
    misses = {
        path.name.removesuffix(".misses"): int(path.read_text().split()[0])
        for path in directory.glob("*.misses")
    }
    cpu: dict[str, tuple[int, int]] = {}
    connections: dict[str, int] = {}
    for path in directory.glob("*.cpu"):
        app, db, opened = path.read_text().split()
        cpu[path.name.removesuffix(".cpu")] = (int(app), int(db))
        connections[path.name.removesuffix(".cpu")] = int(opened)
    _auth_tables(runs)

    headers = [
        "scenario",
        "req/s",
        "p50 ms",
        "p99 ms",
        "CPU ms/req",
        "{b} req/s",
        "p50",
        "p99",
        "CPU ms/req",
        "ratio",
        "CPU x",
        "miss",
        "new conns",
    ]
    comparisons: dict[str, list[dict[str, object]]] = {}
    for title, api, bare, base_name in (
        ("uncached: every request a new cache key", "api_uncached", "bare_sql", "asyncpg"),
        ("cached: the same request again and again", "api_cached", "bare_cached", "Redis"),
    ):
        rows, comparisons[api] = _catalog_rows(runs, misses, cpu, connections, api, bare)
        if rows:
            print(f"\nCatalog, {title} (baseline: bare Starlette + {base_name})\n")
            print(_table([h.format(b=base_name) for h in headers], rows))
    if comparisons.get("api_uncached") or comparisons.get("api_cached"):
        print(
            "\nratio = Lectern req/s / baseline req/s; CPU ms/req = the server process + the"
            " database's backends\n(app+db) per request; CPU x = Lectern's CPU per request /"
            " the baseline's; miss = share of"
            " Lectern's\nrequests that missed its cache (catalog entries written / requests);"
            " new conns = PostgreSQL connections\nopened during the run, Lectern/baseline"
        )

    ttfbs = {
        stem: ttfb(directory / f"{stem}.txt")
        for stem in TTFB
        if (directory / f"{stem}.txt").exists()
    }
    if ttfbs:
        print("\nLanding page, sequential curl requests\n")
        print(
            _table(
                ["what", "requests", "TTFB p50 ms", "TTFB p99 ms", "total p50", "total p99"],
                [
                    [
                        TTFB[stem],
                        str(t["requests"]),
                        f"{t['ttfb_p50_ms']:.1f}",
                        f"{t['ttfb_p99_ms']:.1f}",
                        f"{t['total_p50_ms']:.1f}",
                        f"{t['total_p99_ms']:.1f}",
                    ]
                    for stem, t in ttfbs.items()
                ],
            )
        )
    skipped = directory / "web-skipped.txt"
    if skipped.exists():
        print(f"\nLanding page: not measured ({skipped.read_text().strip()})")
    web = {n: runs[n] for n in WEB_RUNS if n in runs}
    if web:
        print("\nLanding page under light load (wrk; latency = whole response)\n")
        print(
            _table(
                ["run", "conns", "req/s", "p50 ms", "p99 ms", "CPU ms/req", "requests"],
                [
                    [
                        WEB_RUNS[n],
                        str(r.connections),
                        f"{r.requests_per_s:,.1f}",
                        f"{r.p50_ms:.1f}",
                        f"{r.p99_ms:.1f}",
                        _cpu_per_request(cpu, n, r),
                        f"{r.requests:,}",
                    ]
                    for n, r in web.items()
                ],
            )
        )

    dashboard_ttfbs = _dashboard_tables(directory, runs)

    if json_out is not None:
        meta_raw = os.environ.get("BENCH_META_JSON")
        catalog_meta = directory / "catalog.json"
        result = {
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "meta": json.loads(meta_raw) if meta_raw else {},
            "catalog_data": json.loads(catalog_meta.read_text()) if catalog_meta.exists() else None,
            "runs": {
                n: {
                    "label": SCENARIOS.get(n, WEB_RUNS.get(n, DASHBOARD_RUNS.get(n, n))),
                    **asdict(r),
                }
                for n, r in runs.items()
            },
            "comparisons": [
                {
                    "scenario": lectern,
                    "baseline": base,
                    "ratio_requests_per_s": runs[lectern].requests_per_s
                    / runs[base].requests_per_s,
                    "ratio_p50": runs[lectern].p50_ms / runs[base].p50_ms,
                    "ratio_p99": runs[lectern].p99_ms / runs[base].p99_ms,
                }
                for lectern, base in COMPARISONS
                if lectern in runs and base in runs
            ],
            "catalog_comparisons": comparisons,
            "cache_misses": misses,
            "cpu_ms": cpu,
            "connections_opened": connections,
            "ttfb": ttfbs,
            "dashboard_ttfb": dashboard_ttfbs,
        }
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(result, indent=2) + "\n")
        print(f"\nresults written to {json_out}")
    return 0


def _dashboard_tables(
    directory: Path, runs: dict[str, WrkRun]
) -> dict[str, dict[str, float | int]]:
    """The dashboard's tables (bench/dashboard.sh); its TTFB figures for the JSON."""
    found = {
        stem: ttfb(directory / f"{stem}.txt")
        for stem in DASHBOARD_TTFB
        if (directory / f"{stem}.txt").exists()
    }
    if found:
        print("\nMy learning (dashboard), sequential curl requests\n")
        print(
            _table(
                ["what", "requests", "TTFB p50 ms", "TTFB p99 ms", "total p50", "total p99"],
                [
                    [
                        DASHBOARD_TTFB[stem],
                        str(t["requests"]),
                        f"{t['ttfb_p50_ms']:.1f}",
                        f"{t['ttfb_p99_ms']:.1f}",
                        f"{t['total_p50_ms']:.1f}",
                        f"{t['total_p99_ms']:.1f}",
                    ]
                    for stem, t in found.items()
                ],
            )
        )
    skipped = directory / "dash-web-skipped.txt"
    if skipped.exists():
        print(f"\n/learning page: not measured ({skipped.read_text().strip()})")
    loaded = {n: runs[n] for n in DASHBOARD_RUNS if n in runs}
    if loaded:
        print("\nMy learning under light load (wrk, with the student's cookie)\n")
        print(
            _table(
                ["run", "conns", "req/s", "p50 ms", "p99 ms", "requests"],
                [
                    [
                        DASHBOARD_RUNS[n],
                        str(r.connections),
                        f"{r.requests_per_s:,.1f}",
                        f"{r.p50_ms:.1f}",
                        f"{r.p99_ms:.1f}",
                        f"{r.requests:,}",
                    ]
                    for n, r in loaded.items()
                ],
            )
        )
    return found


def _normal(value: object) -> object:
    """Pydantic writes UTC as Z, the baseline's isoformat() as +00:00; floats may round apart."""
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normal(v) for v in value]
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)", value):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, float):
        return round(value, 6)
    return value


def _first_difference(a: object, b: object, where: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                return _first_difference(a.get(key), b.get(key), f"{where}.{key}")
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{where}[{i}]")
    return f"{where or 'the answer'}: {str(a)[:200]!r} != {str(b)[:200]!r}"


def same_json(first: str, second: str) -> int:
    bodies = []
    for url in (first, second):
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - our own URLs
            bodies.append(_normal(json.loads(response.read())))
    if bodies[0] != bodies[1]:
        print(f"different answers from {first} and {second}:", file=sys.stderr)
        print(_first_difference(bodies[0], bodies[1]), file=sys.stderr)
        return 1
    return 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "check":
        return check(Path(argv[1]), warmup="--warmup" in argv[2:])
    if len(argv) == 3 and argv[0] == "same-json":
        return same_json(argv[1], argv[2])
    if len(argv) >= 2 and argv[0] == "summary":
        return summary(Path(argv[1]), Path(argv[2]) if len(argv) > 2 else None)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
