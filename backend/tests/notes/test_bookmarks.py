"""Bookmarks through the API: on a moment or on a whole lesson, once each, labelled, listed,
removed."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from lectern.notes import bookmarks
from tests.notes.conftest import VIDEO_SECONDS, Classroom


async def _bookmark(
    classroom: Classroom, lesson_id: str, **body: Any
) -> tuple[int, dict[str, Any]]:
    response = await classroom.student.post(f"/api/lessons/{lesson_id}/bookmarks", json=body)
    assert response.status_code in (200, 201), response.text
    created: dict[str, Any] = response.json()
    return response.status_code, created


@pytest.mark.sqlite
async def test_a_student_bookmarks_moments_and_a_lesson_once_each(classroom: Classroom) -> None:
    lesson_id = classroom.video_id
    status, moment = await _bookmark(classroom, lesson_id, position_seconds=75.2, label="Shaping")
    assert status == 201
    assert moment["position_seconds"] == 75.2
    assert moment["label"] == "Shaping"
    assert moment["lesson_title"] == "Watching the rise"
    assert moment["section_title"] == "Starters"
    assert moment["course_slug"] == classroom.course["slug"]

    # "b" pressed twice on the same second: the same bookmark back.
    status, again = await _bookmark(classroom, lesson_id, position_seconds=75.9)
    assert (status, again["id"], again["label"]) == (200, moment["id"], "Shaping")

    status, lesson = await _bookmark(classroom, lesson_id)
    assert status == 201
    assert lesson["position_seconds"] is None
    assert lesson["label"] == ""
    status, lesson_again = await _bookmark(classroom, lesson_id, position_seconds=None, label="x")
    assert (status, lesson_again["id"]) == (200, lesson["id"])

    _, early = await _bookmark(classroom, lesson_id, position_seconds=3)
    _, end = await _bookmark(classroom, lesson_id, position_seconds=VIDEO_SECONDS * 2)
    assert end["position_seconds"] == VIDEO_SECONDS

    listed = (await classroom.student.get(f"/api/lessons/{lesson_id}/bookmarks")).json()
    assert [b["id"] for b in listed] == [lesson["id"], early["id"], moment["id"], end["id"]]

    response = await classroom.student.patch(
        f"/api/bookmarks/{early['id']}", json={"label": "  The very start \n"}
    )
    assert response.status_code == 200
    assert response.json()["label"] == "The very start"

    response = await classroom.student.delete(f"/api/bookmarks/{early['id']}")
    assert response.status_code == 204
    assert (await classroom.student.delete(f"/api/bookmarks/{early['id']}")).status_code == 404
    listed = (await classroom.student.get(f"/api/lessons/{lesson_id}/bookmarks")).json()
    assert early["id"] not in [b["id"] for b in listed]


async def test_a_courses_bookmarks_come_in_curriculum_order(classroom: Classroom) -> None:
    _, later = await _bookmark(classroom, classroom.later_id)
    _, video = await _bookmark(classroom, classroom.video_id, position_seconds=10)
    _, article = await _bookmark(classroom, classroom.article_id)
    listed = (
        await classroom.student.get(f"/api/courses/{classroom.course['id']}/bookmarks")
    ).json()
    assert [b["id"] for b in listed] == [article["id"], video["id"], later["id"]]
    assert (
        await classroom.student.get(f"/api/courses/{uuid.uuid4()}/bookmarks")
    ).status_code == 404


async def test_bad_bookmarks_are_refused_with_a_code(
    classroom: Classroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    student = classroom.student
    url = f"/api/lessons/{classroom.video_id}/bookmarks"
    for body in ({"label": "x" * 121}, {"position_seconds": -2}, {"position_seconds": "later"}):
        response = await student.post(url, json=body)
        assert response.status_code == 422, body
        assert response.json()["code"] == "invalid_request"
    response = await student.post(
        f"/api/lessons/{classroom.article_id}/bookmarks", json={"position_seconds": 4}
    )
    assert response.status_code == 409
    assert response.json()["code"] == "not_a_video"
    assert (
        await student.post(f"/api/lessons/{uuid.uuid4()}/bookmarks", json={})
    ).status_code == 404

    monkeypatch.setattr(bookmarks, "BOOKMARKS_PER_LESSON", 2)
    await _bookmark(classroom, classroom.video_id, position_seconds=1)
    await _bookmark(classroom, classroom.video_id, position_seconds=5)
    response = await student.post(url, json={"position_seconds": 9})
    assert response.status_code == 409
    assert response.json()["code"] == "too_many_bookmarks"
    # An existing one is still answered.
    status, _ = await _bookmark(classroom, classroom.video_id, position_seconds=5)
    assert status == 200
