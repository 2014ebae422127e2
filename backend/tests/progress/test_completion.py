"""Completing lessons that no video rule completes, and the course once every lesson is."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.certificates import service as certificates
from lectern.models import Enrollment, LessonCompletion
from lectern.progress import service as progress
from tests.progress.conftest import Clock, LearningCourse, flush


async def _completion(
    course: LearningCourse, lesson_id: str, method: str, by: str | None = "marked"
) -> Any:
    url = f"/api/lessons/{lesson_id}/completion"
    if method == "put":
        return await course.viewer.put(url, json={"by": by})
    return await course.viewer.delete(url)


async def _watch_through(course: LearningCourse, clock: Clock, lesson_id: str) -> None:
    await course.beat(lesson_id, 0)
    clock.advance(60)
    await course.beat(lesson_id, 95, [[0, 95]], seconds=95)


async def test_an_article_is_marked_done_and_reopened(
    app_instance: FastAPI, course: LearningCourse, clock: Clock
) -> None:
    response = await _completion(course, course.article, "put", "read")
    assert response.status_code == 200, response.text
    body = response.json()
    article = next(x for x in body["lessons"] if x["lesson_id"] == course.article)
    assert (article["completed"], article["completed_by"]) == (True, "read")
    assert (body["completed_lessons"], body["percent"]) == (1, 33)
    assert body["sections"][1] == {
        "section_id": body["sections"][1]["section_id"],
        "completed_lessons": 1,
        "total_lessons": 1,
    }
    assert body["last_lesson_id"] == course.article

    # Marking again keeps the first cause.
    body = (await _completion(course, course.article, "put", "marked")).json()
    assert (
        next(x for x in body["lessons"] if x["lesson_id"] == course.article)["completed_by"]
        == "read"
    )

    response = await _completion(course, course.article, "delete")
    assert response.status_code == 200
    assert response.json()["completed_lessons"] == 0
    # Reopening something not complete changes nothing.
    assert (await _completion(course, course.article, "delete")).json()["completed_lessons"] == 0

    # A video with a ready video completes by watching, not by a click...
    video = course.videos[0]
    response = await _completion(course, video, "put")
    assert (response.status_code, response.json()["code"]) == (409, "completion_by_rule")
    # ...and what watching completed can't be taken back.
    await _watch_through(course, clock, video)
    await flush(app_instance)
    response = await _completion(course, video, "delete")
    assert (response.status_code, response.json()["code"]) == (409, "completion_by_rule")

    response = await course.viewer.put(
        f"/api/lessons/{course.article}/completion", json={"by": "watched"}
    )
    assert response.status_code == 422
    response = await course.viewer.put(
        f"/api/lessons/{uuid.uuid4()}/completion", json={"by": "read"}
    )
    assert response.status_code == 404


@pytest.mark.sqlite
async def test_finishing_the_last_lesson_completes_the_course_once(
    app_instance: FastAPI,
    db: AsyncSession,
    course: LearningCourse,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    issued: list[tuple[uuid.UUID, uuid.UUID]] = []
    issue = certificates.issue_certificate

    async def counting_issue(
        session: AsyncSession, user_id: uuid.UUID, course_id: uuid.UUID, **kw: Any
    ) -> Any:
        issued.append((user_id, course_id))
        return await issue(session, user_id, course_id, **kw)

    monkeypatch.setattr(certificates, "issue_certificate", counting_issue)
    course_id = uuid.UUID(course.id)

    assert (await _completion(course, course.article, "put", "read")).status_code == 200
    await _watch_through(course, clock, course.videos[0])
    await flush(app_instance)
    assert issued == []
    # The last lesson is completed by the flusher: the course with it.
    await _watch_through(course, clock, course.videos[1])
    report = await flush(app_instance)
    assert (report.completed_lessons, report.completed_courses) == (1, 1)
    assert issued == [(course.student.id, course_id)]

    body = await course.progress()
    assert (body["completed_lessons"], body["total_lessons"], body["percent"]) == (3, 3, 100)
    assert body["completed_at"] is not None
    assert body["certificate_code"]
    enrollment = await db.scalar(
        select(Enrollment)
        .where(Enrollment.user_id == course.student.id, Enrollment.course_id == course_id)
        .execution_options(populate_existing=True)
    )
    assert enrollment is not None
    assert enrollment.completed_at is not None
    assert enrollment.last_lesson_id == uuid.UUID(course.videos[1])

    # Reopening and finishing the article again: the course stays complete, no new certificate.
    assert (await _completion(course, course.article, "delete")).json()["completed_at"]
    assert (await _completion(course, course.article, "put")).status_code == 200
    await progress.complete_lesson(
        db, course.student.id, uuid.UUID(course.article), LessonCompletion.marked
    )
    assert issued == [(course.student.id, course_id)]
    summary = await progress.course_progress(db, course.student.id, [course_id])
    assert summary[course_id].percent == 100
