"""Due dates and the late policy. No I/O here.

A due date is entered as a wall-clock time in the course's time zone, stored in UTC and shown
in each student's own zone. A wall-clock time that doesn't exist (the hour skipped when clocks
go forward) means the same moment as an hour earlier plus the jump, i.e. it moves forward; an
ambiguous one (the hour repeated when clocks go back) is the first of the two.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lectern.models import Assessment, LatePolicy


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_to_utc(wall_clock: datetime, time_zone: str) -> datetime:
    """A naive wall-clock time in ``time_zone`` as an aware UTC moment."""
    if wall_clock.tzinfo is not None:
        return wall_clock.astimezone(UTC)
    return wall_clock.replace(tzinfo=zone(time_zone), fold=0).astimezone(UTC)


def utc_to_local(moment: datetime, time_zone: str) -> datetime:
    """The naive wall-clock time of ``moment`` in ``time_zone``."""
    return moment.astimezone(zone(time_zone)).replace(tzinfo=None)


@dataclass(frozen=True)
class Lateness:
    late: bool
    penalty_percent: int


def lateness(assessment: Assessment, at: datetime) -> Lateness:
    """Whether work handed in ``at`` is late, and what it costs."""
    due = assessment.due_at
    if due is None or at <= due:
        return Lateness(False, 0)
    if assessment.late_policy == LatePolicy.penalty:
        return Lateness(True, assessment.late_penalty_percent)
    return Lateness(True, 0)


def closed_for_late_work(assessment: Assessment, at: datetime) -> bool:
    """Past a due date whose policy refuses late work."""
    return (
        assessment.late_policy == LatePolicy.refuse
        and assessment.due_at is not None
        and at > assessment.due_at
    )


def after_penalty(points: float, penalty_percent: int) -> float:
    return round(points * (100 - penalty_percent) / 100, 2)
