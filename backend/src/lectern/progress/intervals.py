"""Watched parts of a video as sorted, disjoint [start, end] pairs in seconds.

Pure functions, no I/O: the heartbeat path clamps what the player claims, the flusher credits
it against what the server already knows, bounded by a budget of real time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Intervals = list[list[float]]

# A row keeps at most this many intervals; past it the shortest go (a player never makes this
# many, a forger sending hundreds of tiny ranges would only bloat the row).
MAX_INTERVALS = 1000


def normalise(ranges: Iterable[Sequence[float]]) -> Intervals:
    """Sorted by start, overlapping or touching pairs merged, empty ones dropped."""
    merged: Intervals = []
    for start, end in sorted((float(r[0]), float(r[1])) for r in ranges):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def clamp(ranges: Iterable[Sequence[float]], duration: float) -> Intervals:
    """Normalised and cut to [0, duration]: nothing outside the video counts."""
    duration = max(duration, 0.0)
    return normalise([max(r[0], 0.0), min(r[1], duration)] for r in ranges)


def total(ranges: Iterable[Sequence[float]]) -> float:
    """Seconds covered by disjoint intervals."""
    return sum(end - start for start, end in ranges)


def subtract(claimed: Intervals, known: Intervals) -> Intervals:
    """The parts of ``claimed`` not in ``known`` (both normalised), in media order."""
    result: Intervals = []
    i = 0
    for start, end in claimed:
        cursor = start
        while i < len(known) and known[i][1] <= cursor:
            i += 1
        j = i
        while j < len(known) and known[j][0] < end:
            if known[j][0] > cursor:
                result.append([cursor, known[j][0]])
            cursor = max(cursor, known[j][1])
            j += 1
        if cursor < end:
            result.append([cursor, end])
    return result


def credit(known: Intervals, claimed: Intervals, allowance: float) -> tuple[Intervals, float]:
    """Add to ``known`` at most ``allowance`` seconds of ``claimed`` it does not have yet,
    earliest media time first. Returns the new intervals and the seconds added."""
    remaining = max(allowance, 0.0)
    taken: Intervals = []
    for start, end in subtract(claimed, known):
        if remaining <= 0:
            break
        end = min(end, start + remaining)
        taken.append([start, end])
        remaining -= end - start
    if not taken:
        return known, 0.0
    added = total(taken)
    merged = normalise([*known, *taken])
    if len(merged) > MAX_INTERVALS:
        keep = sorted(merged, key=lambda r: r[1] - r[0], reverse=True)[:MAX_INTERVALS]
        merged = normalise(keep)
    return merged, added
