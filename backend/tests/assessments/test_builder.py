"""The studio's builders: for the course's team only, paused while the course is in review,
questions checked, pictures checked by decoding and shown only to who may see them."""

from __future__ import annotations

import uuid

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import Course, CourseStatus
from tests.assessments.conftest import Classroom, ok, pdf_bytes, png_bytes
from tests.assessments.test_attempts import OBJECTIVE


async def test_only_the_team_builds_and_questions_are_checked(classroom: Classroom) -> None:
    for client in (classroom.student, classroom.other):
        assert (await client.get(f"/api/studio/lessons/{classroom.quiz}/quiz")).status_code == 404
        response = await client.patch(
            f"/api/studio/lessons/{classroom.assignment}/assignment", json={"points": 5}
        )
        assert response.status_code == 404
    not_a_quiz = await classroom.teacher.get(f"/api/studio/lessons/{classroom.assignment}/quiz")
    assert not_a_quiz.status_code == 409
    assert not_a_quiz.json()["code"] == "not_a_quiz"

    quiz = ok(await classroom.teacher.get(f"/api/studio/lessons/{classroom.quiz}/quiz"))
    bank = quiz["own_bank"]["id"]
    bad = await classroom.teacher.post(
        f"/api/studio/question-banks/{bank}/questions",
        json={"kind": "single_choice", "prompt": "Pick", "spec": {"options": [{"text": "only"}]}},
    )
    assert bad.status_code == 422
    assert bad.json()["details"]["errors"][0]["field"] == "options"
    no_penalty = await classroom.teacher.patch(
        f"/api/studio/lessons/{classroom.quiz}/quiz", json={"late_policy": "penalty"}
    )
    assert no_penalty.status_code == 422
    needs_due = await classroom.teacher.patch(
        f"/api/studio/lessons/{classroom.quiz}/quiz", json={"show_answers": "after_due"}
    )
    assert needs_due.status_code == 422
    nothing = await classroom.teacher.patch(
        f"/api/studio/lessons/{classroom.assignment}/assignment",
        json={"accepts_text": False, "accepts_files": False},
    )
    assert nothing.status_code == 422

    added = await classroom.add_questions(OBJECTIVE)
    reordered = ok(
        await classroom.teacher.put(
            f"/api/studio/question-banks/{bank}/order",
            json={"question_ids": [q["id"] for q in reversed(added)]},
        )
    )
    assert [q["prompt"] for q in reordered["questions"]] == [q["prompt"] for q in reversed(added)]


async def test_edits_wait_while_the_course_is_in_review_and_attempts_keep_their_questions(
    classroom: Classroom, db: AsyncSession
) -> None:
    (question,) = await classroom.add_questions(OBJECTIVE[:1])
    attempt = await classroom.start()
    changed = {**OBJECTIVE[0], "prompt": "3 + 3?"}
    ok(await classroom.teacher.put(f"/api/studio/questions/{question['id']}", json=changed))
    mine = ok(await classroom.student.get(f"/api/quiz-attempts/{attempt['id']}"))
    assert mine["questions"][0]["prompt"] == "2 + 2?"
    quiz = ok(await classroom.teacher.get(f"/api/studio/lessons/{classroom.quiz}/quiz"))
    assert quiz["attempts_so_far"] == 1

    # As if the course were waiting for an admin's review.
    await db.execute(
        update(Course)
        .where(Course.id == uuid.UUID(classroom.course_id))
        .values(status=CourseStatus.in_review)
    )
    await db.commit()
    frozen = await classroom.teacher.patch(
        f"/api/studio/lessons/{classroom.quiz}/quiz", json={"pass_percent": 50}
    )
    assert frozen.status_code == 409
    assert frozen.json()["code"] == "course_in_review"
    # Grading goes on during review.
    ok(await classroom.teacher.get(f"/api/studio/courses/{classroom.course_id}/grading"))


async def test_a_question_picture_is_checked_and_shown_to_those_who_are_asked(
    classroom: Classroom, make_client: object
) -> None:
    (question,) = await classroom.add_questions(OBJECTIVE[:1])
    not_a_picture = await classroom.teacher.put(
        f"/api/studio/questions/{question['id']}/image",
        files={"file": ("diagram.png", pdf_bytes(), "image/png")},
    )
    assert not_a_picture.status_code == 415
    with_picture = ok(
        await classroom.teacher.put(
            f"/api/studio/questions/{question['id']}/image",
            files={"file": ("diagram.png", png_bytes(), "image/png")},
        )
    )
    url = with_picture["image_url"]
    assert url.endswith(".webp")
    assert (await classroom.teacher.get(url)).status_code == 200
    # A student sees it once an attempt asks the question, not before.
    assert (await classroom.student.get(url)).status_code == 404
    attempt = await classroom.start()
    assert attempt["questions"][0]["image_url"] == url
    shown = await classroom.student.get(url)
    assert shown.status_code == 200
    assert shown.headers["content-type"] == "image/webp"
    assert (await classroom.other.get(url)).status_code == 404


@pytest.mark.parametrize("path", ["quiz", "assignment"])
async def test_signed_out_visitors_get_nothing(
    classroom: Classroom, make_client: object, path: str
) -> None:
    async with make_client() as anonymous:  # type: ignore[operator]
        assert isinstance(anonymous, httpx.AsyncClient)
        lesson = classroom.quiz if path == "quiz" else classroom.assignment
        response = await anonymous.get(f"/api/lessons/{lesson}/{path}")
        assert response.status_code == 401


async def test_a_duplicated_course_keeps_its_quizzes_and_rubrics_not_the_students_work(
    classroom: Classroom,
) -> None:
    await classroom.add_questions(OBJECTIVE)
    bank = ok(
        await classroom.teacher.post(
            f"/api/studio/courses/{classroom.course_id}/question-banks", json={"title": "Pool"}
        ),
        201,
    )
    quiz = ok(await classroom.teacher.get(f"/api/studio/lessons/{classroom.quiz}/quiz"))
    ok(
        await classroom.teacher.put(
            f"/api/studio/lessons/{classroom.quiz}/quiz/sources",
            json={"sources": [{"bank_id": quiz["own_bank"]["id"]}, {"bank_id": bank["id"]}]},
        )
    )
    await classroom.quiz_settings(time_limit_seconds=300)
    await classroom.assignment_settings(
        rubric=[{"title": "Argument", "levels": [{"title": "Clear", "points": 5}]}]
    )
    attempt = await classroom.start()
    ok(await classroom.student.post(f"/api/quiz-attempts/{attempt['id']}/submit", json={}))

    copy = ok(
        await classroom.teacher.post(f"/api/studio/courses/{classroom.course_id}/duplicate"), 201
    )
    quiz_copy, assignment_copy = (lesson["id"] for lesson in copy["sections"][1]["lessons"])
    copied = ok(await classroom.teacher.get(f"/api/studio/lessons/{quiz_copy}/quiz"))
    assert [q["prompt"] for q in copied["own_bank"]["questions"]] == [
        q["prompt"] for q in OBJECTIVE
    ]
    assert copied["time_limit_seconds"] == 300
    assert copied["attempts_so_far"] == 0
    assert [s["title"] for s in copied["sources"]] == ["Planets quiz", "Pool"]
    assert copied["sources"][1]["bank_id"] != bank["id"]
    rubric = ok(await classroom.teacher.get(f"/api/studio/lessons/{assignment_copy}/assignment"))
    assert rubric["rubric"][0]["title"] == "Argument"
    book = ok(await classroom.teacher.get(f"/api/studio/courses/{copy['id']}/gradebook"))
    assert book["rows"] == []
