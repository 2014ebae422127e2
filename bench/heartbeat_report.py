"""The heartbeat bench's table: python bench/heartbeat_report.py RAW_DIR [JSON].

RAW_DIR is bench/results/raw/heartbeats (see bench/heartbeats.sh): hb_api_w<N>_prime.prime.json
(every viewer's first heartbeat), hb_<side>_w<N>_max.wrk.txt
(wrk, the most per second), hb_<side>_w<N>_rate.json (bench/heartbeats.mjs, the fixed rate)
and hb_api_w<N>_find_<rate>.json (the search for the most with p99 under 50 ms), each with a
.loadavg beside it (before and after), *.drain.json (bench/heartbeat_drain.py) and
setup.json. Prints the tables docs/performance.md quotes and writes them as JSON.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from report import _table, parse

P99_GOAL_MS = 50.0


def _load(path: Path) -> dict[str, object] | None:
    return json.loads(path.read_text()) if path.exists() else None


def main(raw: Path, json_out: Path | None) -> int:
    workers = sorted(
        {int(m.group(1)) for p in raw.iterdir() if (m := re.match(r"hb_\w+?_w(\d+)_", p.name))}
    )
    result: dict[str, object] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "setup": _load(raw / "setup.json"),
        "workers": {},
    }
    max_rows, rate_rows, drain_rows, find_rows, prime_rows = [], [], [], [], []
    for n in workers:
        entry: dict[str, object] = {}
        prime = _load(raw / f"hb_api_w{n}_prime.prime.json")
        if prime:
            entry["prime"] = prime
            prime_rows.append(
                [
                    str(n),
                    f"{prime['viewers']:,}",
                    f"{prime['seconds']:.1f}",
                    f"{prime['per_second']:,.0f}",
                ]  # type: ignore[index]
            )
        api_max, bare_max = raw / f"hb_api_w{n}_max.wrk.txt", raw / f"hb_bare_w{n}_max.wrk.txt"
        if api_max.exists() and bare_max.exists():
            a, b = parse(api_max.read_text()), parse(bare_max.read_text())
            entry["max"] = {"api": asdict(a), "bare": asdict(b)}
            max_rows.append(
                [
                    str(n),
                    str(a.connections),
                    f"{a.requests_per_s:,.0f}",
                    f"{a.p50_ms:.1f}",
                    f"{a.p99_ms:.1f}",
                    f"{b.requests_per_s:,.0f}",
                    f"{b.p50_ms:.1f}",
                    f"{b.p99_ms:.1f}",
                    f"{a.requests_per_s / b.requests_per_s:.2f}",
                ]
            )
        api_rate, bare_rate = (
            _load(raw / f"hb_api_w{n}_rate.json"),
            _load(raw / f"hb_bare_w{n}_rate.json"),
        )
        if api_rate and bare_rate:
            loads = {side: _loads(raw / f"hb_{side}_w{n}_rate.loadavg") for side in ("api", "bare")}
            entry["rate"] = {"api": api_rate, "bare": bare_rate, "load_average": loads}
            for side, run in (("Lectern API", api_rate), ("bare acknowledger", bare_rate)):
                lat = {k: (float("inf") if v is None else v) for k, v in run["latency_ms"].items()}  # type: ignore[index,union-attr]
                load = loads["api" if side == "Lectern API" else "bare"]
                rate_rows.append(
                    [
                        str(n),
                        side,
                        f"{run['rate_achieved']:,.1f}",  # type: ignore[index]
                        f"{lat['p50']:.2f}",
                        f"{lat['p90']:.2f}",
                        f"{lat['p99']:.2f}",
                        f"{lat['p999']:.2f}",
                        f"{lat['max']:.1f}",
                        f"{run['requests']:,}",  # type: ignore[index]
                        " -> ".join(load) or "?",
                    ]
                )
            p99 = api_rate["latency_ms"]["p99"]  # type: ignore[index]
            entry["p99_under_goal"] = (
                p99 is not None and p99 < P99_GOAL_MS and api_rate["sustained"]
            )  # type: ignore[index]
        finds = []
        found = [p for p in raw.glob(f"hb_api_w{n}_find_*.json") if ".drain" not in p.name]
        for path in sorted(found, key=lambda p: int(p.stem.rsplit("_", 1)[1])):
            run = json.loads(path.read_text())
            p99 = run["latency_ms"]["p99"]
            ok = p99 is not None and p99 < P99_GOAL_MS and run["sustained"]
            finds.append(
                {
                    "rate": run["rate_asked"],
                    "achieved": run["rate_achieved"],
                    "p99_ms": p99,
                    "meets_goal": ok,
                }
            )
            find_rows.append(
                [
                    str(n),
                    f"{run['rate_asked']:,}",
                    f"{run['rate_achieved']:,.1f}",
                    f"{run['latency_ms']['p50']:.2f}"
                    if run["latency_ms"]["p50"] is not None
                    else "inf",
                    f"{p99:.2f}" if p99 is not None else "inf",
                    "yes" if ok else "no",
                    " -> ".join(_loads(raw / f"{path.stem}.loadavg")) or "?",
                ]
            )
        if finds:
            passing = [f["rate"] for f in finds if f["meets_goal"]]
            entry["find"] = {
                "runs": finds,
                "most_with_p99_under_goal": max(passing) if passing else None,
            }
        for name in (f"hb_api_w{n}_max", f"hb_api_w{n}_rate"):
            drain = _load(raw / f"{name}.drain.json")
            if drain:
                entry[f"drain_after_{name.rsplit('_', 1)[1]}"] = drain
                drain_rows.append(
                    _drain_row(f"after the {n}-worker {name.rsplit('_', 1)[1]} run", drain)
                )
        result["workers"][str(n)] = entry  # type: ignore[index]
    flusher = _load(raw / "hb_flusher_backlog.drain.json")
    if flusher:
        result["flusher_alone"] = flusher
        drain_rows.append(_drain_row("the flusher alone (1 API process, no load)", flusher))

    if prime_rows:
        print(
            "\nEvery viewer's first heartbeat (cold: session, account, access from the database)\n"
        )
        print(_table(["workers", "viewers", "seconds", "per second"], prime_rows))
    if max_rows:
        print("\nMost heartbeats per second (wrk, closed loop)\n")
        print(
            _table(
                [
                    "workers",
                    "conns",
                    "API req/s",
                    "p50 ms",
                    "p99 ms",
                    "bare req/s",
                    "p50",
                    "p99",
                    "ratio",
                ],
                max_rows,
            )
        )
    if rate_rows:
        rate = (
            next(iter(result["workers"].values()))
            .get("rate", {})
            .get("api", {})
            .get("rate_asked", "?")
        )  # type: ignore[union-attr]
        print(f"\n{rate} heartbeats per second (open loop; latency from each request's due time)\n")
        print(
            _table(
                [
                    "workers",
                    "server",
                    "req/s",
                    "p50 ms",
                    "p90 ms",
                    "p99 ms",
                    "p99.9 ms",
                    "max ms",
                    "requests",
                    "load avg",
                ],
                rate_rows,
            )
        )
        verdicts = [
            f"{n} worker(s): p99 {'under' if e.get('p99_under_goal') else 'NOT under'}"
            f" {P99_GOAL_MS:.0f} ms"
            for n, e in result["workers"].items()  # type: ignore[union-attr]
            if "p99_under_goal" in e
        ]
        print("\n" + "; ".join(verdicts))
    if find_rows:
        print(
            f"\nThe most the API sustains with p99 under {P99_GOAL_MS:.0f} ms"
            " (open loop, rising rates)\n"
        )
        print(
            _table(
                ["workers", "asked/s", "req/s", "p50 ms", "p99 ms", "goal met", "load avg"],
                find_rows,
            )
        )
    if drain_rows:
        print("\nThe buffer draining into PostgreSQL\n")
        print(
            _table(
                ["when", "backlog", "drain s", "heartbeats/s", "batches", "progress rows"],
                drain_rows,
            )
        )

    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(result, indent=2) + "\n")
        print(f"\nresults written to {json_out}")
    return 0


def _loads(path: Path) -> list[str]:
    """The 1-minute load averages written before and after a run."""
    if not path.exists():
        return []
    return [line.split()[0] for line in path.read_text().split("\n") if line.strip()]


def _drain_row(when: str, drain: dict[str, object]) -> list[str]:
    rate = drain.get("heartbeats_per_second")
    return [
        when,
        f"{drain['backlog']:,}",
        f"{drain.get('drain_seconds', drain['seconds']):.2f}",  # type: ignore[str-format]
        f"{rate:,.0f}" if isinstance(rate, float) else "-",
        str(drain.get("batches_written", "?")),
        str(drain.get("lesson_progress_rows_updated", "?")),
    ]


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) == 3 else None))
