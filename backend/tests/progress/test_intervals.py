"""Watched intervals: pure functions, no database."""

from __future__ import annotations

import pytest

from lectern.progress import intervals
from lectern.progress.flusher import allowance

# Pure functions: cheap enough to run in the SQLite smoke run too.
pytestmark = pytest.mark.sqlite


def test_normalise_sorts_merges_touching_and_drops_empty_ranges() -> None:
    assert intervals.normalise([[50, 60], [0, 10], [5, 12], [12, 20], [30, 30], [40, 35]]) == [
        [0, 20],
        [50, 60],
    ]
    assert intervals.normalise([]) == []


def test_clamp_cuts_to_the_video() -> None:
    assert intervals.clamp([[-5, 3], [90, 500], [200, 300]], 100) == [[0, 3], [90, 100]]
    assert intervals.clamp([[0, 10]], 0) == []


def test_total_and_subtract() -> None:
    assert intervals.total([[0, 10], [50, 60]]) == 20
    known: intervals.Intervals = [[0, 10], [20, 30], [40, 50]]
    assert intervals.subtract([[5, 45]], known) == [[10, 20], [30, 40]]
    assert intervals.subtract([[0, 10]], known) == []
    later: intervals.Intervals = [[0, 5], [60, 70]]
    assert intervals.subtract(later, known) == [[60, 70]]
    assert intervals.subtract([[0, 100]], []) == [[0, 100]]


def test_credit_adds_new_time_earliest_first_within_the_allowance() -> None:
    known: intervals.Intervals = [[0, 10]]
    new, credited = intervals.credit(known, [[0, 30], [50, 60]], 15)
    assert (new, credited) == ([[0, 25]], 15)
    new, credited = intervals.credit(new, [[0, 30], [50, 60]], 100)
    assert (new, credited) == ([[0, 30], [50, 60]], 15)
    # Nothing new: nothing credited, whatever the allowance.
    assert intervals.credit(new, [[0, 30]], 100) == ([[0, 30], [50, 60]], 0.0)
    assert intervals.credit([], [[0, 100]], 0) == ([], 0.0)
    assert intervals.credit([], [[0, 100]], -3) == ([], 0.0)


def test_skipping_ahead_counts_only_what_played() -> None:
    watched, credited = intervals.credit([], intervals.clamp([[0, 10], [50, 60]], 100), 40)
    assert credited == 20
    assert intervals.total(watched) == 20


def test_credit_keeps_a_bounded_number_of_intervals() -> None:
    claimed = [[float(i), i + 0.01] for i in range(intervals.MAX_INTERVALS + 50)]
    watched, _ = intervals.credit([], claimed, 1e9)
    assert len(watched) == intervals.MAX_INTERVALS


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [(None, 10), (0, 0), (-5, 0), (1, 3), (15, 40), (60, 130), (3600, 130)],
)
def test_allowance_is_twice_real_time_plus_a_bounded_grace(
    elapsed: float | None, expected: float
) -> None:
    assert allowance(elapsed) == expected
