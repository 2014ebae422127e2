"""How long the heartbeat buffer takes to drain into PostgreSQL, and at what rate.

    python bench/heartbeat_drain.py JSON [--timeout 300] [--label NAME]
        [--fill N --manifest SETUP_JSON]

Reads the buffer lectern.progress.buffer.RedisHeartbeatBuffer keeps under
LECTERN_REDIS_KEY_PREFIX (the queue of heartbeats not yet taken, the pending batches taken but
not yet written) and the database at LECTERN_DATABASE_URL. Polls every 20 ms from the moment
it starts (as the load stops, or before a flusher starts) until nothing is queued or pending,
and writes to JSON: the backlog it found, the seconds of the drain, heartbeats written per
second over it, and the batches and lesson_progress rows written meanwhile
(heartbeat_batches, lesson_progress.updated_at).
Exit 1 if the buffer is not empty within --timeout seconds.

The drain is timed from the first sign of a flush (a batch taken, or fewer queued than at the
start; at once if a batch was already pending) to empty, to the 20 ms of the polls.

With --fill N it first puts N heartbeats in the queue itself, as the API's buffer would have
them (lectern.progress.buffer.HeartbeatRecord, 15 s of server time apart per viewer, played
ranges growing 15 s a beat), for the students enrolled in the course of SETUP_JSON (written
by bench/heartbeat_setup.py): a backlog of any size in seconds, for the flusher's own rate
with no load beside it (the bench's worker drains it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
import uuid
from pathlib import Path
from typing import Any

import asyncpg
from redis.asyncio import Redis

from lectern.progress.buffer import HeartbeatRecord


async def backlog(redis: Redis, prefix: str) -> tuple[int, int, int]:
    """(queued heartbeats, pending batches, heartbeats in pending batches)."""
    queued = int(await redis.llen(f"{prefix}heartbeats:queue"))  # type: ignore[misc]
    batch_ids = await redis.zrange(f"{prefix}heartbeats:pending", 0, -1)
    in_batches = 0
    for batch_id in batch_ids:
        in_batches += int(await redis.llen(f"{prefix}heartbeats:batch:{batch_id.decode()}"))  # type: ignore[misc]
    return queued, len(batch_ids), in_batches


async def fill(
    redis: Redis, prefix: str, db: asyncpg.Connection, count: int, manifest: dict[str, Any]
) -> None:
    course_id, lesson_id = uuid.UUID(manifest["course_id"]), uuid.UUID(manifest["lesson_id"])
    duration = float(manifest["video_seconds"])
    viewers = [
        row["user_id"]
        for row in await db.fetch(
            "select user_id from enrollments where course_id = $1 order by id", course_id
        )
    ]
    beats = -(-count // len(viewers))
    now = time.time()
    records = []
    for k in range(count):
        viewer, beat = k % len(viewers), k // len(viewers) + 1
        start = float((viewer * 37) % int(duration / 2))
        position = min(start + 15 * beat, duration - 1)
        records.append(
            HeartbeatRecord(
                user_id=viewers[viewer],
                lesson_id=lesson_id,
                course_id=course_id,
                position=position,
                played=[[start, position]],
                seconds=15.0,
                duration=duration,
                received_at=now - 15 * (beats - beat),
            ).dump()
        )
    for i in range(0, len(records), 5000):
        await redis.rpush(f"{prefix}heartbeats:queue", *records[i : i + 5000])  # type: ignore[misc]


async def measure(
    limit_seconds: float, fill_count: int, setup: dict[str, Any] | None
) -> dict[str, object]:
    prefix = os.environ.get("LECTERN_REDIS_KEY_PREFIX", "")
    redis = Redis.from_url(os.environ["LECTERN_REDIS_URL"])
    dsn = os.environ["LECTERN_DATABASE_URL"].replace("postgresql+asyncpg://", "postgresql://")
    db = await asyncpg.connect(dsn)
    try:
        if fill_count:
            assert setup is not None, "--fill needs --manifest"
            await fill(redis, prefix, db, fill_count, setup)
        started = time.perf_counter()
        since = await db.fetchval("select now()")
        batches_before = await db.fetchval("select count(*) from heartbeat_batches")
        queued, pending, in_batches = await backlog(redis, prefix)
        found = queued + in_batches
        # When the flush began: now if a batch is already being written, else at the first
        # poll that sees one taken (the previous poll's time: the take happened after it).
        flush_from = 0.0 if pending else None
        last_poll = 0.0
        while True:
            q, p, b = await backlog(redis, prefix)
            seconds = time.perf_counter() - started
            if flush_from is None and (p > 0 or q < queued):
                flush_from = last_poll
            last_poll = seconds
            if q == 0 and p == 0:
                break
            if seconds > limit_seconds:
                return {"drained": False, "backlog": found, "left": q + b, "seconds": seconds}
            await asyncio.sleep(0.02)
        batches = await db.fetchval("select count(*) from heartbeat_batches") - batches_before
        rows = await db.fetchval(
            "select count(*) from lesson_progress where updated_at >= $1", since
        )
        draining = seconds - (flush_from if flush_from is not None else seconds)
        return {
            "drained": True,
            "backlog": found,
            "filled": fill_count,
            "queued_at_start": queued,
            "pending_batches_at_start": pending,
            "seconds": seconds,
            "drain_seconds": draining,
            "heartbeats_per_second": found / draining if draining > 0 and found else None,
            "batches_written": batches,
            "lesson_progress_rows_updated": rows,
        }
    finally:
        await db.close()
        await redis.aclose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("json", type=Path)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--label", default="")
    parser.add_argument("--fill", type=int, default=0)
    parser.add_argument("--manifest", type=Path)
    args = parser.parse_args()
    setup = json.loads(args.manifest.read_text()) if args.manifest else None
    result = {"label": args.label, **asyncio.run(measure(args.timeout, args.fill, setup))}
    args.json.write_text(json.dumps(result, indent=2) + "\n")
    rate = result.get("heartbeats_per_second")
    print(
        f"  {args.label}: backlog {result['backlog']:,} heartbeats drained in"
        f" {result['drain_seconds']:.2f} s" + (f" ({rate:,.0f}/s)" if rate else "")
        if result["drained"]
        else f"  {args.label}: NOT drained after {result['seconds']:.0f} s ({result['left']} left)"
    )
    return 0 if result["drained"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
