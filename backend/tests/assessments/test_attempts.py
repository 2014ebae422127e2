"""Taking a quiz: attempts and time limits are the server's, and replaying requests gets no
more attempts, no more time and no late answers in; objective questions are graded at once."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.assessments.repository import AssessmentRepository
from lectern.assessments.sweeps import close_expired_attempts
from lectern.models import QuizAttempt
from lectern.models.base import utcnow
from tests.assessments.conftest import Classroom, ago, move_deadline, ok

OBJECTIVE = [
    {
        "kind": "single_choice",
        "prompt": "2 + 2?",
        "spec": {"options": [{"text": "4", "correct": True}, {"text": "5"}]},
    },
    {"kind": "true_false", "prompt": "The sun is a star.", "spec": {"answer_flag": True}},
    {"kind": "numeric", "prompt": "Half of 7?", "spec": {"number": 3.5}},
]


def right_answers(questions: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """What a student who knows everything answers, from the team's view of the questions."""
    answers: dict[str, dict[str, Any]] = {}
    for q in questions:
        spec = q["spec"]
        if q["kind"] == "single_choice":
            answers[q["id"]] = {"choice": next(o["id"] for o in spec["options"] if o["correct"])}
        elif q["kind"] == "multiple_choice":
            answers[q["id"]] = {"choices": [o["id"] for o in spec["options"] if o["correct"]]}
        elif q["kind"] == "true_false":
            answers[q["id"]] = {"flag": spec["answer_flag"]}
        elif q["kind"] == "short_text":
            answers[q["id"]] = {"text": f"  {spec['accepted'][0].upper()} "}
        elif q["kind"] == "numeric":
            answers[q["id"]] = {"number": spec["number"]}
        elif q["kind"] == "ordering":
            answers[q["id"]] = {"order": [i["id"] for i in spec["items"]]}
        else:
            answers[q["id"]] = {"text": "Blue light scatters more than red."}
    return answers


async def _attempt_count(db: AsyncSession, lesson: str) -> int:
    found = await db.scalar(
        select(func.count())
        .select_from(QuizAttempt)
        .where(QuizAttempt.lesson_id == uuid.UUID(lesson))
    )
    return int(found or 0)


@pytest.mark.sqlite
async def test_every_kind_is_graded_at_once_and_the_essay_waits_for_a_person(
    classroom: Classroom,
) -> None:
    questions = await classroom.add_questions()
    attempt = await classroom.start()
    answers = right_answers(questions)
    essay = next(q for q in questions if q["kind"] == "essay")
    for question_id, answer in answers.items():
        ok(
            await classroom.student.put(
                f"/api/quiz-attempts/{attempt['id']}/answers/{question_id}", json={"answer": answer}
            )
        )
    result = ok(await classroom.student.post(f"/api/quiz-attempts/{attempt['id']}/submit", json={}))
    assert result["status"] == "submitted"  # the essay waits
    assert result["score"] is None
    assert result["released"] is False
    by_id = {q["id"]: q["result"] for q in result["questions"]}
    for question in questions:
        got = by_id[question["id"]]
        if question["kind"] == "essay":
            assert got["pending"] is True
            assert got["points"] is None
        else:
            assert got["points"] == question["points"], question["kind"]
            assert got["correct"] is True
    single = next(q for q in questions if q["kind"] == "single_choice")
    assert "JUPITER-FEEDBACK" in by_id[single["id"]]["feedback"]
    assert by_id[essay["id"]]["key"] is not None  # revealed after submission (the default)


async def test_a_wrong_answer_gets_its_option_feedback_and_partial_credit(
    classroom: Classroom,
) -> None:
    questions = await classroom.add_questions()
    attempt = await classroom.start()
    multiple = next(q for q in questions if q["kind"] == "multiple_choice")
    two, _three, four = (o["id"] for o in multiple["spec"]["options"])
    ok(
        await classroom.student.put(
            f"/api/quiz-attempts/{attempt['id']}/answers/{multiple['id']}",
            json={"answer": {"choices": [two, four]}},
        )
    )
    result = ok(await classroom.student.post(f"/api/quiz-attempts/{attempt['id']}/submit", json={}))
    got = next(q for q in result["questions"] if q["id"] == multiple["id"])["result"]
    # One right (+1) and one wrong (-1) of two right options: 0 of 2 points.
    assert got["points"] == 0
    assert got["correct"] is False
    assert "PRIME-FEEDBACK" in got["feedback"]
    assert "4 is 2 times 2." in got["feedback"]


async def test_replaying_a_start_returns_the_attempt_in_progress(
    classroom: Classroom, db: AsyncSession
) -> None:
    await classroom.add_questions(OBJECTIVE)
    await classroom.quiz_settings(max_attempts=2, time_limit_seconds=120)
    first = await classroom.start()
    for _ in range(3):
        again = await classroom.start(status=200)
        assert again["id"] == first["id"]
        assert again["deadline_at"] == first["deadline_at"]  # the clock doesn't restart
    await classroom.student.post(f"/api/quiz-attempts/{first['id']}/submit", json={})
    second = await classroom.start()
    assert await _attempt_count(db, classroom.quiz) == 2
    ok(await classroom.student.post(f"/api/quiz-attempts/{second['id']}/submit", json={}))
    refused = await classroom.student.post(f"/api/lessons/{classroom.quiz}/quiz/attempts")
    assert refused.status_code == 409
    assert refused.json()["code"] == "no_attempts_left"
    state = ok(await classroom.student.get(f"/api/lessons/{classroom.quiz}/quiz"))
    assert state["can_start"] is False
    assert state["blocked_by"] == "no_attempts_left"
    assert state["attempts_used"] == 2


async def test_two_starts_racing_for_one_attempt_number_make_one_attempt(
    classroom: Classroom, db: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second of two simultaneous starts read the attempts before the first wrote its
    own: the attempt number is taken, and it answers with the first one's attempt."""
    await classroom.add_questions(OBJECTIVE)
    await classroom.quiz_settings(max_attempts=1)
    first = await classroom.start()
    real = AssessmentRepository.attempts
    calls = 0

    async def stale_once(self: AssessmentRepository, user_id: Any, lesson_id: Any) -> Any:
        nonlocal calls
        calls += 1
        return [] if calls <= 2 else await real(self, user_id, lesson_id)

    monkeypatch.setattr(AssessmentRepository, "attempts", stale_once)
    again = await classroom.start(status=200)
    assert again["id"] == first["id"]
    monkeypatch.undo()
    assert await _attempt_count(db, classroom.quiz) == 1


async def test_the_time_limit_is_the_servers_and_late_answers_never_count(
    classroom: Classroom, db: AsyncSession
) -> None:
    await classroom.add_questions(OBJECTIVE)
    await classroom.quiz_settings(time_limit_seconds=60)
    studio = ok(await classroom.teacher.get(f"/api/studio/lessons/{classroom.quiz}/quiz"))
    answers = right_answers(studio["own_bank"]["questions"])
    first, second, third = (q["id"] for q in studio["own_bank"]["questions"])
    attempt = await classroom.start()
    assert attempt["deadline_at"] is not None
    assert attempt["server_now"] is not None
    path = f"/api/quiz-attempts/{attempt['id']}/answers"
    ok(await classroom.student.put(f"{path}/{first}", json={"answer": answers[first]}))

    # The minute is up (the server's clock is past the deadline).
    await move_deadline(db, attempt["id"], ago(10))
    late = await classroom.student.put(f"{path}/{second}", json={"answer": answers[second]})
    assert late.status_code == 409
    assert late.json()["code"] == "time_up"
    # Replaying the late request gets the same answer.
    late = await classroom.student.put(f"{path}/{second}", json={"answer": answers[second]})
    assert late.status_code == 409

    # Handing in late, with answers: graded on what was saved in time only.
    result = ok(
        await classroom.student.post(
            f"/api/quiz-attempts/{attempt['id']}/submit",
            json={"answers": {second: answers[second], third: answers[third]}},
        )
    )
    assert result["timed_out"] is True
    assert result["score"] == 1
    assert result["max_score"] == 3
    by_id = {q["id"]: q for q in result["questions"]}
    assert by_id[second]["answer"] is None
    assert by_id[third]["answer"] is None
    # Handing in again changes nothing; saving after hand-in is refused.
    again = ok(await classroom.student.post(f"/api/quiz-attempts/{attempt['id']}/submit", json={}))
    assert again["score"] == 1
    assert again["submitted_at"] == result["submitted_at"]
    closed = await classroom.student.put(f"{path}/{third}", json={"answer": answers[third]})
    assert closed.status_code == 409
    assert closed.json()["code"] == "attempt_closed"


async def test_an_answer_within_the_network_grace_still_counts(
    classroom: Classroom, db: AsyncSession
) -> None:
    await classroom.add_questions(OBJECTIVE)
    await classroom.quiz_settings(time_limit_seconds=60)
    attempt = await classroom.start()
    question = attempt["questions"][1]
    await move_deadline(db, attempt["id"], ago(0.5))  # grace is 2 s
    saved = await classroom.student.put(
        f"/api/quiz-attempts/{attempt['id']}/answers/{question['id']}",
        json={"answer": {"flag": True}},
    )
    assert saved.status_code == 200, saved.text


async def test_an_abandoned_attempt_is_handed_in_when_its_time_runs_out(
    classroom: Classroom, db: AsyncSession, app_instance: FastAPI
) -> None:
    await classroom.add_questions(OBJECTIVE)
    await classroom.quiz_settings(time_limit_seconds=60, pass_percent=30)
    studio = ok(await classroom.teacher.get(f"/api/studio/lessons/{classroom.quiz}/quiz"))
    answers = right_answers(studio["own_bank"]["questions"])
    attempt = await classroom.start()
    first = studio["own_bank"]["questions"][0]["id"]
    ok(
        await classroom.student.put(
            f"/api/quiz-attempts/{attempt['id']}/answers/{first}", json={"answer": answers[first]}
        )
    )
    await move_deadline(db, attempt["id"], ago(120))
    # The worker's sweep hands it in without the student coming back.
    closed = await close_expired_attempts(app_instance.state.sessionmaker, timedelta(seconds=2))
    assert closed == 1
    state = ok(await classroom.student.get(f"/api/lessons/{classroom.quiz}/quiz"))
    (only,) = state["attempts"]
    assert only["status"] == "graded"
    assert only["timed_out"] is True
    assert only["score"] == 1
    assert only["passed"] is True
    progress = ok(await classroom.student.get(f"/api/courses/{classroom.course_id}/progress"))
    quiz_progress = next(x for x in progress["lessons"] if x["lesson_id"] == classroom.quiz)
    assert quiz_progress["completed"]
    assert quiz_progress["completed_by"] == "quiz_passed"
    assert await close_expired_attempts(app_instance.state.sessionmaker, timedelta(seconds=2)) == 0


async def test_attempts_are_their_students_alone(classroom: Classroom) -> None:
    await classroom.add_questions(OBJECTIVE)
    attempt = await classroom.start()
    question = attempt["questions"][0]
    other = classroom.other
    for response in (
        await other.get(f"/api/quiz-attempts/{attempt['id']}"),
        await other.put(
            f"/api/quiz-attempts/{attempt['id']}/answers/{question['id']}",
            json={"answer": {"choice": question["options"][0]["id"]}},
        ),
        await other.post(f"/api/quiz-attempts/{attempt['id']}/submit", json={}),
    ):
        assert response.status_code == 404, response.text
    mine = ok(await classroom.student.get(f"/api/quiz-attempts/{attempt['id']}"))
    assert mine["status"] == "in_progress"
    assert mine["questions"][0]["answer"] is None


async def test_a_quiz_needs_access_and_an_answer_must_fit_its_question(
    classroom: Classroom, make_client: Any, db: AsyncSession
) -> None:
    from tests.fixtures.accounts import create_user, sign_in

    await classroom.add_questions(OBJECTIVE)
    outsider = await create_user(db)
    async with make_client() as stranger:
        await sign_in(stranger, outsider.email)
        refused = await stranger.post(f"/api/lessons/{classroom.quiz}/quiz/attempts")
        assert refused.status_code == 403
        assert refused.json()["code"] == "lesson_locked"
    attempt = await classroom.start()
    single = attempt["questions"][0]
    bad = await classroom.student.put(
        f"/api/quiz-attempts/{attempt['id']}/answers/{single['id']}",
        json={"answer": {"choice": "not-an-option"}},
    )
    assert bad.status_code == 422
    assert bad.json()["code"] == "invalid_answer"
    missing = await classroom.student.put(
        f"/api/quiz-attempts/{attempt['id']}/answers/{uuid.uuid4()}",
        json={"answer": {"flag": True}},
    )
    assert missing.status_code == 404


async def test_passing_completes_the_lesson_which_no_one_can_mark_by_hand(
    classroom: Classroom,
) -> None:
    await classroom.add_questions(OBJECTIVE)
    marked = await classroom.student.put(
        f"/api/lessons/{classroom.quiz}/completion", json={"by": "marked"}
    )
    assert marked.status_code == 409
    assert marked.json()["code"] == "completion_by_rule"
    studio = ok(await classroom.teacher.get(f"/api/studio/lessons/{classroom.quiz}/quiz"))
    attempt = await classroom.start()
    result = ok(
        await classroom.student.post(
            f"/api/quiz-attempts/{attempt['id']}/submit",
            json={"answers": right_answers(studio["own_bank"]["questions"])},
        )
    )
    assert result["passed"] is True
    assert result["percent"] == 100
    progress = ok(await classroom.student.get(f"/api/courses/{classroom.course_id}/progress"))
    done = next(x for x in progress["lessons"] if x["lesson_id"] == classroom.quiz)
    assert done["completed_by"] == "quiz_passed"


async def test_each_attempt_draws_from_a_shared_bank(classroom: Classroom) -> None:
    teacher = classroom.teacher
    bank = ok(
        await teacher.post(
            f"/api/studio/courses/{classroom.course_id}/question-banks", json={"title": "Pool"}
        ),
        201,
    )
    for n in range(6):
        ok(
            await teacher.post(
                f"/api/studio/question-banks/{bank['id']}/questions",
                json={"kind": "numeric", "prompt": f"{n} + 1?", "spec": {"number": n + 1}},
            ),
            201,
        )
    await classroom.add_questions(OBJECTIVE[:1])
    quiz = ok(await teacher.get(f"/api/studio/lessons/{classroom.quiz}/quiz"))
    quiz = ok(
        await teacher.put(
            f"/api/studio/lessons/{classroom.quiz}/quiz/sources",
            json={
                "sources": [
                    {"bank_id": quiz["own_bank"]["id"]},
                    {"bank_id": bank["id"], "draw_count": 2},
                ]
            },
        )
    )
    assert quiz["questions_per_attempt"] == 3
    assert quiz["points_per_attempt"] == 3
    attempt = await classroom.start()
    prompts = [q["prompt"] for q in attempt["questions"]]
    assert len(prompts) == 3
    assert prompts[0] == "2 + 2?"
    assert len(set(prompts[1:])) == 2
    other = await classroom.start(classroom.other)
    assert len(other["questions"]) == 3
    # A quiz can't lose its own questions, nor draw from another course's bank.
    refused = await teacher.put(
        f"/api/studio/lessons/{classroom.quiz}/quiz/sources",
        json={"sources": [{"bank_id": bank["id"]}]},
    )
    assert refused.status_code == 422


async def test_a_refused_late_due_date_closes_the_quiz_and_ends_attempts_at_it(
    classroom: Classroom,
) -> None:
    await classroom.add_questions(OBJECTIVE)
    soon = utcnow() + timedelta(minutes=5)
    await classroom.quiz_settings(
        due_local=soon.replace(tzinfo=None).isoformat(timespec="seconds"),
        late_policy="refuse",
        time_limit_seconds=3600,
    )
    attempt = await classroom.start()
    deadline = attempt["deadline_at"]
    assert deadline.startswith(soon.strftime("%Y-%m-%dT%H:%M"))
    past = utcnow() - timedelta(minutes=5)
    await classroom.quiz_settings(due_local=past.replace(tzinfo=None).isoformat(timespec="seconds"))
    refused = await classroom.start(classroom.other, status=409)
    assert refused["code"] == "past_due"
