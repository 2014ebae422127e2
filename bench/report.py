"""Read wrk's output, refuse runs that returned errors, print the table, write JSON.

    python bench/report.py check FILE [--warmup]  exit 1 unless the wrk run in FILE is clean
                                                (--warmup: zero completed requests is fine)
    python bench/report.py summary DIR [JSON]     table of DIR/*.wrk.txt; JSON results to JSON

A scenario is clean when wrk made at least one request, saw no non-2xx/3xx response and no
socket error (connect, read, write, timeout): a fast 401 or 429 is not a result.
"""

from __future__ import annotations

import json
import os
import re
import sys
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


def summary(directory: Path, json_out: Path | None) -> int:
    runs: dict[str, WrkRun] = {}
    for name in SCENARIOS:
        path = directory / f"{name}.wrk.txt"
        if path.exists():
            runs[name] = parse(path.read_text())

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
    print(
        _table(
            ["scenario", "req/s", "p50 ms", "p99 ms", "baseline", "base req/s", "ratio"],
            rows,
        )
    )
    print("\nratio = Lectern req/s / baseline req/s (1.00 would mean Lectern costs nothing)\n")
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
                for n, r in runs.items()
            ],
        )
    )

    if json_out is not None:
        meta_raw = os.environ.get("BENCH_META_JSON")
        result = {
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "meta": json.loads(meta_raw) if meta_raw else {},
            "runs": {n: {"label": SCENARIOS[n], **asdict(r)} for n, r in runs.items()},
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
        }
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(result, indent=2) + "\n")
        print(f"\nresults written to {json_out}")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "check":
        return check(Path(argv[1]), warmup="--warmup" in argv[2:])
    if len(argv) >= 2 and argv[0] == "summary":
        return summary(Path(argv[1]), Path(argv[2]) if len(argv) > 2 else None)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
