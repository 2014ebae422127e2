"""No answer key, feedback, explanation or per-option correctness reaches a student before the
attempt is handed in: checked on the raw JSON of every response they get along the way."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.assessments.conftest import SECRETS, Classroom, ok

KEY_FIELDS = (
    '"correct"',
    '"accepted"',
    '"answer_flag"',
    '"tolerance"',
    '"pattern"',
    '"feedback',
    '"explanation"',
    '"guidance"',
    '"spec"',
    '"key"',
    '"result": {',
)


def assert_no_key(response: httpx.Response) -> None:
    raw = response.text
    for field in KEY_FIELDS:
        assert field not in raw, f"{field} in {response.request.url}: {raw[:400]}"
    for secret in SECRETS:
        assert secret not in raw, f"{secret!r} leaked in {response.request.url}"


@pytest.mark.sqlite
async def test_nothing_about_the_answers_reaches_the_student_before_hand_in(
    classroom: Classroom,
) -> None:
    await classroom.add_questions()
    await classroom.quiz_settings(shuffle_options=True, time_limit_seconds=600)
    student = classroom.student

    state = await student.get(f"/api/lessons/{classroom.quiz}/quiz")
    ok(state)
    assert_no_key(state)

    started = await student.post(f"/api/lessons/{classroom.quiz}/quiz/attempts")
    attempt = ok(started, 201)
    assert_no_key(started)
    assert all(q["result"] is None for q in attempt["questions"])

    ordering = next(q for q in attempt["questions"] if q["kind"] == "ordering")
    # Shown shuffled, and never already in the right order.
    assert [i["text"] for i in ordering["items"]] != ["Atom", "Cell", "Planet", "Star"]

    single = next(q for q in attempt["questions"] if q["kind"] == "single_choice")
    saved = await student.put(
        f"/api/quiz-attempts/{attempt['id']}/answers/{single['id']}",
        json={"answer": {"choice": single["options"][0]["id"]}},
    )
    ok(saved)
    assert_no_key(saved)

    # A reload mid-way: the saved answer comes back, still nothing about whether it's right.
    reloaded = await student.get(f"/api/quiz-attempts/{attempt['id']}")
    ok(reloaded)
    assert_no_key(reloaded)
    again = next(q for q in reloaded.json()["questions"] if q["id"] == single["id"])
    assert again["answer"]["choice"] == single["options"][0]["id"]

    replayed = await student.post(f"/api/lessons/{classroom.quiz}/quiz/attempts")
    ok(replayed, 200)
    assert_no_key(replayed)

    state = await student.get(f"/api/lessons/{classroom.quiz}/quiz")
    assert_no_key(state)
    dashboard = await student.get("/api/me/learning")
    assert_no_key(dashboard)

    # The studio's view with the keys is the team's alone.
    for path in (
        f"/api/studio/lessons/{classroom.quiz}/quiz",
        f"/api/studio/attempts/{attempt['id']}",
    ):
        refused = await student.get(path)
        assert refused.status_code == 404, refused.text
        assert_no_key(refused)

    # Handed in: results and, by default, the answers.
    submitted = ok(await student.post(f"/api/quiz-attempts/{attempt['id']}/submit", json={}))
    assert submitted["answers_revealed"] is True
    result = next(q for q in submitted["questions"] if q["kind"] == "single_choice")["result"]
    assert result["key"]["choices"]


async def test_answers_stay_hidden_after_hand_in_when_the_quiz_says_never(
    classroom: Classroom,
) -> None:
    await classroom.add_questions()
    await classroom.quiz_settings(show_answers="never")
    attempt = await classroom.start()
    submitted = await classroom.student.post(f"/api/quiz-attempts/{attempt['id']}/submit", json={})
    body: dict[str, Any] = ok(submitted)
    assert body["answers_revealed"] is False
    for question in body["questions"]:
        assert question["result"]["key"] is None
        assert question["result"]["explanation"] is None
    raw = json.dumps(body)
    assert "Lutetia" not in raw
    assert "3.14159" not in raw
    assert "EXPLAINED-LATER" not in raw


async def test_answers_show_after_the_due_date_when_the_quiz_says_so(
    classroom: Classroom,
) -> None:
    await classroom.add_questions(
        [
            {
                "kind": "short_text",
                "prompt": "Roman Paris?",
                "spec": {"accepted": ["Lutetia"]},
            }
        ]
    )
    await classroom.quiz_settings(due_local="2099-01-01T12:00", show_answers="after_due")
    attempt = await classroom.start()
    body = ok(await classroom.student.post(f"/api/quiz-attempts/{attempt['id']}/submit", json={}))
    assert body["answers_revealed"] is False
    assert "Lutetia" not in json.dumps(body)
