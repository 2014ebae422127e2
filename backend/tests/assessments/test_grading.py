"""Grading: the queue, a rubric, releasing with a mail and an in-app mark, essays graded by a
person, overrides with a reason kept in the history beside the automatic grade."""

from __future__ import annotations

from typing import Any

import pytest

from tests.assessments.conftest import Classroom, ok, pdf_bytes
from tests.assessments.test_attempts import right_answers
from tests.fixtures.outbox import Outbox

RUBRIC = [
    {
        "title": "Argument",
        "levels": [
            {"title": "Missing", "points": 0},
            {"title": "Clear", "points": 6},
            {"title": "Compelling", "points": 10},
        ],
    },
    {
        "title": "Sources",
        "levels": [{"title": "None", "points": 0}, {"title": "Cited", "points": 5}],
    },
]


async def _hand_in(classroom: Classroom) -> dict[str, Any]:
    uploaded = ok(await classroom.upload("essay.pdf", pdf_bytes()), 201)
    body: dict[str, Any] = ok(
        await classroom.student.post(
            f"/api/lessons/{classroom.assignment}/assignment/submissions",
            json={"text": "Rayleigh scattering.", "file_ids": [uploaded["id"]]},
        ),
        201,
    )
    return body


@pytest.mark.sqlite
async def test_grading_by_rubric_and_releasing_tells_the_student(
    classroom: Classroom, outbox: Outbox
) -> None:
    studio = await classroom.assignment_settings(rubric=RUBRIC)
    assert studio["max_points"] == 15
    argument, sources = studio["rubric"]
    submission = await _hand_in(classroom)

    queue = ok(await classroom.teacher.get(f"/api/studio/courses/{classroom.course_id}/grading"))
    (item,) = queue["items"]
    assert item["kind"] == "submission"
    assert item["student"]["display_name"] == "Sam Student"
    assert queue["counts"]["to_grade"] == 1

    incomplete = await classroom.teacher.put(
        f"/api/studio/submissions/{submission['id']}/grade",
        json={"rubric_levels": {argument["id"]: argument["levels"][1]["id"]}},
    )
    assert incomplete.status_code == 422
    assert incomplete.json()["code"] == "rubric_incomplete"

    review = ok(
        await classroom.teacher.put(
            f"/api/studio/submissions/{submission['id']}/grade",
            json={
                "rubric_levels": {
                    argument["id"]: argument["levels"][2]["id"],
                    sources["id"]: sources["levels"][0]["id"],
                },
                "comment": "Cite **one** source next time.",
            },
        )
    )
    assert review["submission"]["grade"]["points"] == 10
    assert review["submission"]["grade"]["released_at"] is None
    # Graded, not released: nothing for the student yet, and no mail.
    mine = ok(await classroom.student.get(f"/api/lessons/{classroom.assignment}/assignment"))
    assert mine["submissions"][0]["grade"] is None
    assert outbox.to(classroom.student_user.email) == []
    dashboard = ok(await classroom.student.get("/api/me/learning"))
    assert dashboard["new_grades"] == []

    ok(await classroom.teacher.post(f"/api/studio/submissions/{submission['id']}/release"))
    (mail,) = outbox.to(classroom.student_user.email)
    assert mail.subject == "Your grade for Sky essay is ready"
    assert "10 of 15 points" in mail.body
    assert mail.link(f"/lessons/{classroom.assignment}")

    mine = ok(await classroom.student.get(f"/api/lessons/{classroom.assignment}/assignment"))
    grade = mine["submissions"][0]["grade"]
    assert grade["points"] == 10
    assert grade["comment"] == "Cite **one** source next time."
    assert [(r["criterion"], r["level"]) for r in grade["rubric"]] == [
        ("Argument", "Compelling"),
        ("Sources", "None"),
    ]
    dashboard = ok(await classroom.student.get("/api/me/learning"))
    (new,) = dashboard["new_grades"]
    assert new["lesson_title"] == "Sky essay"
    assert new["points"] == 10
    # Read on the lesson page: no longer new.
    ok(await classroom.student.post(f"/api/lessons/{classroom.assignment}/grade/seen"), 204)
    assert ok(await classroom.student.get("/api/me/learning"))["new_grades"] == []
    grades = ok(await classroom.student.get(f"/api/courses/{classroom.course_id}/grades"))
    row = next(r for r in grades["items"] if r["lesson_id"] == classroom.assignment)
    assert row["state"] == "graded"
    assert row["grade"]["points"] == 10
    assert grades["percent"] == 66

    # Regrading after release updates the student's grade and tells them.
    ok(
        await classroom.teacher.put(
            f"/api/studio/submissions/{submission['id']}/grade",
            json={
                "rubric_levels": {
                    argument["id"]: argument["levels"][2]["id"],
                    sources["id"]: sources["levels"][1]["id"],
                },
            },
        )
    )
    mails = outbox.to(classroom.student_user.email)
    assert any(m.subject == "Your grade for Sky essay was updated" for m in mails)
    review = ok(await classroom.teacher.get(f"/api/studio/submissions/{submission['id']}"))
    assert [e["action"] for e in review["events"]] == ["graded", "released", "graded"]
    assert review["events"][-1]["points_before"] == 10
    assert review["events"][-1]["points_after"] == 15


async def test_an_essay_waits_for_a_person_then_an_override_keeps_both_grades(
    classroom: Classroom, outbox: Outbox
) -> None:
    questions = await classroom.add_questions()
    attempt = await classroom.start()
    answers = right_answers(questions)
    single = next(q for q in questions if q["kind"] == "single_choice")
    numeric = next(q for q in questions if q["kind"] == "numeric")
    essay = next(q for q in questions if q["kind"] == "essay")
    answers[numeric["id"]] = {"number": 3.2}  # wrong: 3.142 expected
    result = ok(
        await classroom.student.post(
            f"/api/quiz-attempts/{attempt['id']}/submit", json={"answers": answers}
        )
    )
    assert result["status"] == "submitted"

    queue = ok(await classroom.teacher.get(f"/api/studio/courses/{classroom.course_id}/grading"))
    (item,) = queue["items"]
    assert item["kind"] == "attempt"
    assert item["id"] == attempt["id"]
    release_early = await classroom.teacher.post(f"/api/studio/attempts/{attempt['id']}/release")
    assert release_early.status_code == 409
    assert release_early.json()["code"] == "grading_unfinished"

    review = ok(
        await classroom.teacher.put(
            f"/api/studio/attempts/{attempt['id']}/answers/{essay['id']}/grade",
            json={"points": 3, "comment": "Mention wavelength."},
        )
    )
    assert review["status"] == "graded"
    assert review["score"] == 1 + 2 + 1 + 1 + 0 + 1 + 3

    # The numeric answer was close enough for the teacher: an override needs a reason.
    no_reason = await classroom.teacher.put(
        f"/api/studio/attempts/{attempt['id']}/answers/{numeric['id']}/grade",
        json={"points": 1},
    )
    assert no_reason.status_code == 422
    assert no_reason.json()["code"] == "reason_required"
    review = ok(
        await classroom.teacher.put(
            f"/api/studio/attempts/{attempt['id']}/answers/{numeric['id']}/grade",
            json={"points": 1, "reason": "3.2 rounds the way the lesson taught."},
        )
    )
    overridden = next(a for a in review["answers"] if a["question_id"] == numeric["id"])
    assert overridden["auto_points"] == 0
    assert overridden["points"] == 1
    assert overridden["overridden"] is True
    history = [(e["action"], e["points_before"], e["points_after"]) for e in review["events"]]
    assert ("auto_graded", None, None) in history
    assert ("graded", None, 3) in history
    assert ("overridden", 0, 1) in history
    assert any(e["reason"] == "3.2 rounds the way the lesson taught." for e in review["events"])

    ok(await classroom.teacher.post(f"/api/studio/attempts/{attempt['id']}/release"))
    (mail,) = outbox.to(classroom.student_user.email)
    assert "Planets quiz" in mail.subject
    mine = ok(await classroom.student.get(f"/api/quiz-attempts/{attempt['id']}"))
    assert mine["score"] == 10
    assert mine["released"] is True
    essay_result = next(q for q in mine["questions"] if q["id"] == essay["id"])["result"]
    assert essay_result["comment"] == "Mention wavelength."
    assert essay_result["points"] == 3

    # Another override of a released attempt changes the student's grade at once.
    ok(
        await classroom.teacher.put(
            f"/api/studio/attempts/{attempt['id']}/answers/{single['id']}/grade",
            json={"points": 0, "reason": "Checked the wrong box on paper."},
        )
    )
    assert ok(await classroom.student.get(f"/api/quiz-attempts/{attempt['id']}"))["score"] == 9


async def test_grading_is_for_the_courses_team(classroom: Classroom) -> None:
    submission = await _hand_in(classroom)
    for client in (classroom.student, classroom.other):
        for response in (
            await client.get(f"/api/studio/courses/{classroom.course_id}/grading"),
            await client.put(
                f"/api/studio/submissions/{submission['id']}/grade", json={"points": 100}
            ),
            await client.post(f"/api/studio/submissions/{submission['id']}/release"),
            await client.get(f"/api/studio/courses/{classroom.course_id}/gradebook"),
            await client.get(f"/api/studio/courses/{classroom.course_id}/gradebook.csv"),
        ):
            assert response.status_code == 404, response.text
    # An admin may grade like the team.
    ok(
        await classroom.admin.put(
            f"/api/studio/submissions/{submission['id']}/grade", json={"points": 100}
        )
    )
    too_many = await classroom.teacher.put(
        f"/api/studio/submissions/{submission['id']}/grade", json={"points": 101}
    )
    assert too_many.status_code == 422


async def test_a_student_sees_only_their_own_grades(classroom: Classroom) -> None:
    submission = await _hand_in(classroom)
    ok(
        await classroom.teacher.put(
            f"/api/studio/submissions/{submission['id']}/grade",
            json={"points": 37.25, "release": True},
        )
    )
    theirs = ok(await classroom.other.get(f"/api/courses/{classroom.course_id}/grades"))
    assert all(row["grade"] is None for row in theirs["items"])
    assert "37.25" not in str(theirs)
    assert ok(await classroom.other.get("/api/me/learning"))["new_grades"] == []
    mine = ok(await classroom.student.get(f"/api/courses/{classroom.course_id}/grades"))
    assert any(row["grade"] and row["grade"]["points"] == 37.25 for row in mine["items"])
