"""Sum the CPU time PostgreSQL's backends for one database spend while this runs.

    python bench/pg_cpu.py DATABASE OUT_FILE

It writes "ready" to OUT_FILE once it has its first sample; on SIGTERM (or when its parent goes
away) it writes the CPU milliseconds spent since then and exits.

Backends are found by their process title ("postgres: USER DATABASE HOST(PORT) ..."), on this
machine only. Every 20 ms it notes each backend's user + system time from /proc, so a backend
that a connection pool closes mid-run still counts up to its last sample; a backend that
starts during the run counts from zero. The server must run with update_process_title on (the
default on Linux). Parallel workers are not counted, nor the time a backend spends after its
last sample: for a pool that opens and closes connections all the time, a lower bound.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from types import FrameType

_TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def _ticks(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime


def main(database: str, out: Path) -> int:
    marker = f" {database} ".encode()
    known: dict[int, bool] = {}  # pid -> is one of this database's backends

    def backends() -> list[int]:
        found = []
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            pid = int(name)
            if pid not in known:
                try:
                    title = Path(f"/proc/{pid}/cmdline").read_bytes()
                except OSError:
                    continue
                if title.startswith(b"postgres: ") and marker in title:
                    known[pid] = True
                elif b"postgres" not in title:
                    known[pid] = False
                else:
                    # A backend just forked still shows the postmaster's command line until
                    # it sets its title: look again next time.
                    continue
            if known[pid]:
                found.append(pid)
        return found

    start = {pid: t for pid in backends() if (t := _ticks(pid)) is not None}
    last = dict(start)
    out.write_text("ready\n")
    parent = os.getppid()
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while not stopping and os.getppid() == parent:
        for pid in backends():
            ticks = _ticks(pid)
            if ticks is not None:
                last[pid] = ticks
        time.sleep(0.02)
    spent = sum(ticks - start.get(pid, 0) for pid, ticks in last.items())
    out.write_text(f"{round(spent * _TICK_MS)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
