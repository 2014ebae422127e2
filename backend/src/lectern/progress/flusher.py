"""Writing buffered heartbeats: each batch in one transaction, exactly once.

The rules of credit live here, with the server clock as the judge: a heartbeat may add to
the watched intervals (and to the day's watch time) at most MAX_SPEED times the server time
since the viewer's previous heartbeat in the lesson (at most MAX_GAP of it), plus a grace for
network jitter that is itself bounded by that time, so a flood of heartbeats earns no more
than a steady one. The first heartbeat of a lesson may add the grace alone. What a player
claims beyond that is not lost: its played ranges are cumulative, so later heartbeats credit
the rest as real time passes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Table, bindparam, delete, or_, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from lectern.auth.repository import SessionRepository
from lectern.kit.queue import JobBuffer
from lectern.models import (
    Course,
    Enrollment,
    HeartbeatBatch,
    Lesson,
    LessonCompletion,
    LessonProgress,
    User,
    WatchDay,
)
from lectern.models.base import utcnow
from lectern.progress import intervals
from lectern.progress.buffer import HeartbeatBatch as BufferedBatch
from lectern.progress.buffer import HeartbeatBuffer, HeartbeatRecord, RedisHeartbeatBuffer
from lectern.progress.completion import refresh_course_completion

log = logging.getLogger("lectern.progress")

MAX_SPEED = 2.0  # the fastest playback rate credited in full
MAX_GAP_SECONDS = 60.0  # a longer silence earns no more than this much
GRACE_SECONDS = 10.0
# A player's played ranges rarely reach the very last frame of a video.
COMPLETION_SLACK_SECONDS = 0.5
WRITTEN_BATCHES_KEPT = timedelta(days=1)
# Keys per IN list: far below the drivers' bound-parameter limits.
ROWS_PER_STATEMENT = 1000


def allowance(elapsed: float | None) -> float:
    """The most a heartbeat may add, ``elapsed`` seconds of server time after the viewer's
    previous one in the lesson (None: there was none)."""
    if elapsed is None:
        return GRACE_SECONDS
    elapsed = min(max(elapsed, 0.0), MAX_GAP_SECONDS)
    return MAX_SPEED * elapsed + min(GRACE_SECONDS, elapsed)


@dataclass
class FlushReport:
    batches: int = 0  # written now
    records: int = 0  # heartbeats in them
    replayed: int = 0  # batches found already written (a flusher died before acknowledging)
    recovered: int = 0  # stale batches taken again
    failed: int = 0  # left pending after an error
    completed_lessons: int = 0
    completed_courses: int = 0
    touches: int = 0  # sessions' last-seen times written


@dataclass
class _Progress:
    """A lesson_progress row while a batch is applied to it."""

    user_id: uuid.UUID
    lesson_id: uuid.UUID
    course_id: uuid.UUID
    position_seconds: float
    watched: list[list[float]]
    watched_seconds: float
    heartbeat_at: float | None
    completed_at: datetime | None
    completed_by: LessonCompletion | None
    started_at: datetime
    late_at: float | None = None  # the last late heartbeat applied from this batch

    def values(self, now: datetime) -> dict[str, Any]:
        return {
            "user_id": self.user_id,
            "lesson_id": self.lesson_id,
            "course_id": self.course_id,
            "position_seconds": self.position_seconds,
            "watched": self.watched,
            "watched_seconds": round(self.watched_seconds, 3),
            "heartbeat_at": _at(self.heartbeat_at) if self.heartbeat_at is not None else None,
            "completed_at": self.completed_at,
            "completed_by": self.completed_by,
            "started_at": self.started_at,
            "updated_at": now,
        }


@dataclass
class _Effects:
    watch: dict[tuple[uuid.UUID, date], float] = field(default_factory=lambda: defaultdict(float))
    # (user, course) -> (lesson, when): the enrolment's "continue" point.
    activity: dict[tuple[uuid.UUID, uuid.UUID], tuple[uuid.UUID, float]] = field(
        default_factory=dict
    )
    completed: set[tuple[uuid.UUID, uuid.UUID]] = field(default_factory=set)
    completed_lessons: int = 0


def _at(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC)


@lru_cache(maxsize=512)
def time_zone(name: str) -> ZoneInfo:
    """A student's time zone by name; UTC if the name is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def dialect_insert(session: AsyncSession) -> Any:
    """insert() with on_conflict_* for the session's database."""
    return pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


def _chunks(items: Sequence[Any], size: int = ROWS_PER_STATEMENT) -> Iterable[Sequence[Any]]:
    return (items[i : i + size] for i in range(0, len(items), size))


def _apply(
    row: _Progress, record: HeartbeatRecord, percent: int, zone: ZoneInfo, effects: _Effects
) -> None:
    if row.heartbeat_at is None:
        budget = allowance(None)
    elif record.received_at >= row.heartbeat_at:
        budget = allowance(record.received_at - row.heartbeat_at)
    else:
        # A recovered batch older than what is written (its flusher died meanwhile): its
        # first heartbeat's predecessor is unknown, so it gets a full gap; the next ones
        # count from it. Only a crash makes heartbeats late: a client cannot.
        previous = row.late_at
        chained = previous is not None and record.received_at >= previous
        budget = allowance(
            record.received_at - previous if chained and previous is not None else MAX_GAP_SECONDS
        )
        row.late_at = record.received_at
    claimed = intervals.clamp(record.played, record.duration)
    row.watched, _ = intervals.credit(row.watched, claimed, budget)
    row.watched_seconds = intervals.total(row.watched)
    watched = min(record.seconds, budget)
    if watched > 0:
        day = datetime.fromtimestamp(record.received_at, zone).date()
        effects.watch[(record.user_id, day)] += watched
    # A late record (a recovered batch) adds what it proves but does not move the position.
    if row.heartbeat_at is None or record.received_at >= row.heartbeat_at:
        row.position_seconds = record.position
        row.heartbeat_at = record.received_at
        key = (record.user_id, row.course_id)
        if key not in effects.activity or effects.activity[key][1] <= record.received_at:
            effects.activity[key] = (record.lesson_id, record.received_at)
    needed = percent / 100 * record.duration
    if (
        row.completed_at is None
        and row.watched_seconds > 0
        and row.watched_seconds + COMPLETION_SLACK_SECONDS >= needed
    ):
        row.completed_at = _at(record.received_at)
        row.completed_by = LessonCompletion.watched
        effects.completed.add((record.user_id, row.course_id))
        effects.completed_lessons += 1


_PROGRESS = cast(Table, LessonProgress.__table__)
_WATCH_DAYS = cast(Table, WatchDay.__table__)
_CHANGED = (
    "position_seconds",
    "watched",
    "watched_seconds",
    "heartbeat_at",
    "completed_at",
    "completed_by",
    "updated_at",
)


async def _load_rows(
    session: AsyncSession, rows: dict[tuple[uuid.UUID, uuid.UUID], uuid.UUID], now: datetime
) -> dict[tuple[uuid.UUID, uuid.UUID], _Progress]:
    """Every (user, lesson) row of the batch, created if new and locked in key order, so
    two flushers never write one row from stale reads."""
    keys = sorted(rows)
    # executemany of one cached statement: far cheaper than compiling a VALUES list per batch.
    await session.execute(
        dialect_insert(session)(_PROGRESS).on_conflict_do_nothing(
            index_elements=["user_id", "lesson_id"]
        ),
        [
            {
                "user_id": user_id,
                "lesson_id": lesson_id,
                "course_id": rows[(user_id, lesson_id)],
                "position_seconds": 0.0,
                "watched": [],
                "watched_seconds": 0.0,
                "heartbeat_at": None,
                "completed_at": None,
                "completed_by": None,
                "started_at": now,
                "updated_at": now,
            }
            for user_id, lesson_id in keys
        ],
    )
    found: dict[tuple[uuid.UUID, uuid.UUID], _Progress] = {}
    c = _PROGRESS.c
    for chunk in _chunks(keys):
        result = await session.execute(
            select(
                c.user_id,
                c.lesson_id,
                c.course_id,
                c.position_seconds,
                c.watched,
                c.watched_seconds,
                c.heartbeat_at,
                c.completed_at,
                c.completed_by,
                c.started_at,
            )
            .where(tuple_(c.user_id, c.lesson_id).in_(chunk))
            .order_by(c.user_id, c.lesson_id)
            .with_for_update()
        )
        for row in result:
            found[(row.user_id, row.lesson_id)] = _Progress(
                user_id=row.user_id,
                lesson_id=row.lesson_id,
                course_id=row.course_id,
                position_seconds=row.position_seconds,
                watched=intervals.normalise(row.watched or []),
                watched_seconds=row.watched_seconds,
                heartbeat_at=row.heartbeat_at.timestamp() if row.heartbeat_at else None,
                completed_at=row.completed_at,
                completed_by=LessonCompletion(row.completed_by) if row.completed_by else None,
                started_at=row.started_at,
            )
    return found


async def _save_rows(session: AsyncSession, rows: list[_Progress], now: datetime) -> None:
    if not rows:
        return
    statement = dialect_insert(session)(_PROGRESS)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["user_id", "lesson_id"],
            set_={name: statement.excluded[name] for name in _CHANGED},
        ),
        [row.values(now) for row in rows],
    )


async def _save_watch_time(
    session: AsyncSession, watch: dict[tuple[uuid.UUID, date], float]
) -> None:
    if not watch:
        return
    statement = dialect_insert(session)(_WATCH_DAYS)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["user_id", "day"],
            set_={"seconds": _WATCH_DAYS.c.seconds + statement.excluded.seconds},
        ),
        [
            {"user_id": user_id, "day": day, "seconds": seconds}
            for (user_id, day), seconds in sorted(watch.items())
        ],
    )


async def _save_activity(
    session: AsyncSession,
    activity: dict[tuple[uuid.UUID, uuid.UUID], tuple[uuid.UUID, float]],
) -> None:
    if not activity:
        return
    table = cast(Table, Enrollment.__table__)
    statement = (
        update(table)
        .where(
            table.c.user_id == bindparam("b_user"),
            table.c.course_id == bindparam("b_course"),
            or_(
                table.c.last_activity_at.is_(None),
                table.c.last_activity_at <= bindparam("b_since"),
            ),
        )
        .values(last_lesson_id=bindparam("b_lesson"), last_activity_at=bindparam("b_at"))
    )
    params = [
        {
            "b_user": user_id,
            "b_course": course_id,
            "b_lesson": lesson_id,
            "b_at": _at(at),
            "b_since": _at(at),
        }
        for (user_id, course_id), (lesson_id, at) in sorted(activity.items())
    ]
    await session.execute(statement, params)


async def write_batch(
    session: AsyncSession, batch: BufferedBatch, report: FlushReport, jobs: JobBuffer
) -> bool:
    """Apply one batch in the session's transaction (the caller commits, then dispatches
    ``jobs``). False when the batch was written before: a flusher died between its commit
    and its acknowledgement."""
    now = utcnow()
    claimed = await session.scalar(
        dialect_insert(session)(HeartbeatBatch)
        .values(id=batch.id, written_at=now)
        .on_conflict_do_nothing(index_elements=["id"])
        .returning(HeartbeatBatch.id)
    )
    if claimed is None:
        report.replayed += 1
        return False
    records = sorted(batch.records, key=lambda r: r.received_at)
    lesson_rows = await session.execute(
        select(Lesson.id, Lesson.course_id, Course.video_completion_percent)
        .join(Course, Course.id == Lesson.course_id)
        .where(Lesson.id.in_({r.lesson_id for r in records}))
    )
    lessons = {lesson_id: (course_id, percent) for lesson_id, course_id, percent in lesson_rows}
    user_rows = await session.execute(
        select(User.id, User.timezone).where(User.id.in_({r.user_id for r in records}))
    )
    zones = {user_id: time_zone(name) for user_id, name in user_rows}
    # A lesson or an account deleted since the heartbeat: nothing to credit.
    records = [r for r in records if r.lesson_id in lessons and r.user_id in zones]
    keys = {(r.user_id, r.lesson_id): lessons[r.lesson_id][0] for r in records}
    rows = await _load_rows(session, keys, now) if keys else {}
    effects = _Effects()
    for record in records:
        row = rows[(record.user_id, record.lesson_id)]
        _apply(row, record, lessons[record.lesson_id][1], zones[record.user_id], effects)
    await _save_rows(session, list(rows.values()), now)
    await _save_watch_time(session, effects.watch)
    await _save_activity(session, effects.activity)
    completed = await refresh_course_completion(session, effects.completed, now, jobs=jobs)
    report.batches += 1
    report.records += len(batch.records)
    report.completed_lessons += effects.completed_lessons
    report.completed_courses += len(completed)
    return True


async def _write_and_ack(
    buffer: HeartbeatBuffer,
    sessionmaker: async_sessionmaker[AsyncSession],
    batch: BufferedBatch,
    report: FlushReport,
) -> bool:
    jobs = JobBuffer()
    try:
        async with sessionmaker() as session:
            await write_batch(session, batch, report, jobs)
            await session.commit()
    except Exception:
        report.failed += 1
        log.exception("writing a batch of heartbeats failed; it stays pending for a retry")
        return False
    # Only now: a crash before this line leaves the batch pending, to be found written.
    await buffer.ack(batch.id)
    await jobs.dispatch()  # certificate mails
    return True


async def _write_touches(
    buffer: RedisHeartbeatBuffer,
    sessionmaker: async_sessionmaker[AsyncSession],
    report: FlushReport,
) -> None:
    """The sessions' last-seen writes queued with heartbeats (one SELECT, one UPDATE); the cache
    entries of sessions found gone are dropped, so their next heartbeat takes the full path
    (and its 401). Writes that fail are dropped, not retried: the session's next touch (one
    touch interval later, or on the full path when its cache entry expires) writes a newer
    time anyway, and an idle session ends days, not minutes, after its last-seen time."""
    touches = await buffer.take_touches()
    if not touches:
        return
    try:
        async with sessionmaker() as session:
            found = await SessionRepository(session).touch_many(
                {id_: at for id_, (at, _) in touches.items()}
            )
            await session.commit()
        await buffer.forget_sessions([key for id_, (_, key) in touches.items() if id_ not in found])
    except Exception:
        log.exception("writing %d sessions' last-seen times failed", len(touches))
        return
    report.touches += len(found)


async def flush_heartbeats(
    buffer: HeartbeatBuffer,
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    batch_size: int = 2000,
    recover_after: float = 30.0,
) -> FlushReport:
    """Write everything waiting in ``buffer``: first the batches another flusher took and
    never acknowledged (older than ``recover_after`` seconds), then new batches until the
    buffer is empty. A batch that fails stays pending and is retried after recover_after."""
    report = FlushReport()
    for stale in await buffer.stale(recover_after):
        report.recovered += 1
        # One batch that cannot be written must not hold the others back.
        await _write_and_ack(buffer, sessionmaker, stale, report)
    while (batch := await buffer.take(batch_size)) is not None:
        if not await _write_and_ack(buffer, sessionmaker, batch, report):
            break  # the database is likely away: leave the rest queued
        if len(batch.records) < batch_size:
            break
    if isinstance(buffer, RedisHeartbeatBuffer):
        await _write_touches(buffer, sessionmaker, report)
    if report.batches or report.replayed or report.failed or report.touches:
        log.debug(
            "heartbeats flushed",
            extra={
                "batches": report.batches,
                "records": report.records,
                "replayed": report.replayed,
                "recovered": report.recovered,
                "failed": report.failed,
                "completed_lessons": report.completed_lessons,
                "completed_courses": report.completed_courses,
                "touches": report.touches,
            },
        )
    return report


async def prune_written_batches(
    sessionmaker: async_sessionmaker[AsyncSession], *, older_than: timedelta = WRITTEN_BATCHES_KEPT
) -> None:
    """Forget written batch ids old enough that no pending batch can still carry them."""
    async with sessionmaker() as session:
        await session.execute(
            delete(HeartbeatBatch).where(HeartbeatBatch.written_at < utcnow() - older_than)
        )
        await session.commit()


class HeartbeatFlusher:
    """An API process's background flusher, when the process writes heartbeats itself: always
    for its own in-memory buffer, for the shared (Redis) one only with heartbeat_flush_in_api
    (else the worker does, progress/tasks.py). Every ``heartbeat_flush_seconds``, and once more
    on shutdown. It reads the buffer and the sessionmaker from the app state at each flush
    (tests swap both)."""

    PRUNE_EVERY_SECONDS = 600.0

    def __init__(self, state: Any) -> None:
        self._state = state
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._pruned_at = time.monotonic()

    @property
    def writes(self) -> bool:
        buffer: HeartbeatBuffer = self._state.heartbeats
        return not buffer.shared or bool(self._state.settings.heartbeat_flush_in_api)

    def start(self) -> None:
        if self.writes and self._state.settings.heartbeat_flush_seconds > 0:
            self._task = self._task or asyncio.create_task(self._run(), name="heartbeat-flusher")

    async def stop(self) -> None:
        """Stop the loop after its current flush, then write what is left (unless the worker
        writes heartbeats: a shared buffer keeps them for it)."""
        self._stopping.set()
        if self._task is not None:
            await self._task
            self._task = None
        if not self.writes:
            return
        buffer: HeartbeatBuffer = self._state.heartbeats
        # Nobody else takes from a process's own buffer: its pending batches are ours.
        await self.flush(recover_after=None if buffer.shared else 0.0)

    async def flush(self, *, recover_after: float | None = None) -> FlushReport | None:
        settings = self._state.settings
        try:
            report = await flush_heartbeats(
                self._state.heartbeats,
                self._state.sessionmaker,
                batch_size=settings.heartbeat_batch_size,
                recover_after=(
                    settings.heartbeat_recover_after_seconds
                    if recover_after is None
                    else recover_after
                ),
            )
            if time.monotonic() - self._pruned_at >= self.PRUNE_EVERY_SECONDS:
                self._pruned_at = time.monotonic()
                await prune_written_batches(self._state.sessionmaker)
        except Exception:
            log.exception("writing heartbeats failed; the batch is retried")
            return None
        return report

    async def _run(self) -> None:
        interval = self._state.settings.heartbeat_flush_seconds
        while not self._stopping.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), timeout=interval)
            if self._stopping.is_set():
                return
            await self.flush()
