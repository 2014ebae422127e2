"""Notes through the API: taking them, reading them in order, editing, deleting, searching a
course's notes and exporting them as Markdown."""

from __future__ import annotations

import uuid

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.notes import service
from lectern.notes.service import recent_notes
from tests.notes.conftest import VIDEO_SECONDS, Classroom, add_note


@pytest.mark.sqlite
async def test_a_student_takes_notes_on_a_video_and_edits_and_deletes_them(
    classroom: Classroom,
) -> None:
    student, lesson_id = classroom.student, classroom.video_id
    later = await add_note(student, lesson_id, "The dough **doubles**.", 90.46)
    earlier = await add_note(student, lesson_id, "Warm spot, 26 °C", 30)
    whole = await add_note(student, lesson_id, "A lesson worth rewatching.")
    past_end = await add_note(student, lesson_id, "After the end?", VIDEO_SECONDS + 500)

    assert later["position_seconds"] == 90.5
    assert whole["position_seconds"] is None
    # A moment past the video's end is its last second.
    assert past_end["position_seconds"] == VIDEO_SECONDS
    assert later["lesson_id"] == lesson_id
    assert later["lesson_title"] == "Watching the rise"
    assert later["course_id"] == classroom.course["id"]
    assert later["course_slug"] == classroom.course["slug"]
    assert later["course_title"] == classroom.course["title"]
    assert later["body"] == "The dough **doubles**."

    listed = (await student.get(f"/api/lessons/{lesson_id}/notes")).json()
    # The whole lesson's notes first, then by moment.
    assert [n["id"] for n in listed] == [whole["id"], earlier["id"], later["id"], past_end["id"]]

    response = await student.patch(f"/api/notes/{earlier['id']}", json={"body": "Warm spot: 26 °C"})
    assert response.status_code == 200, response.text
    assert response.json()["body"] == "Warm spot: 26 °C"
    assert response.json()["position_seconds"] == 30
    assert response.json()["updated_at"] >= earlier["updated_at"]

    response = await student.patch(f"/api/notes/{earlier['id']}", json={"position_seconds": None})
    assert response.json()["position_seconds"] is None
    assert response.json()["body"] == "Warm spot: 26 °C"
    response = await student.patch(f"/api/notes/{earlier['id']}", json={"position_seconds": 9999})
    assert response.json()["position_seconds"] == VIDEO_SECONDS

    fetched = await student.get(f"/api/notes/{later['id']}")
    assert fetched.status_code == 200
    assert fetched.json() == later

    response = await student.delete(f"/api/notes/{later['id']}")
    assert response.status_code == 204
    assert (await student.get(f"/api/notes/{later['id']}")).status_code == 404
    assert (await student.delete(f"/api/notes/{later['id']}")).status_code == 404
    listed = (await student.get(f"/api/lessons/{lesson_id}/notes")).json()
    assert later["id"] not in [n["id"] for n in listed]


async def test_an_article_takes_notes_on_the_whole_lesson_only(classroom: Classroom) -> None:
    student = classroom.student
    note = await add_note(student, classroom.article_id, "Feed it twice a day.")
    assert note["position_seconds"] is None

    response = await student.post(
        f"/api/lessons/{classroom.article_id}/notes",
        json={"body": "At 1:00", "position_seconds": 60},
    )
    assert response.status_code == 409
    assert response.json()["code"] == "not_a_video"
    response = await student.patch(f"/api/notes/{note['id']}", json={"position_seconds": 5})
    assert response.status_code == 409
    assert response.json()["code"] == "not_a_video"


async def test_bad_notes_are_refused_with_a_code(
    classroom: Classroom, client: httpx.AsyncClient
) -> None:
    student, url = classroom.student, f"/api/lessons/{classroom.video_id}/notes"

    for body in (
        {"body": ""},
        {"body": "   \n\t "},
        {"body": "\x00\x01\x02"},
        {"body": "x" * 10_001},
        {"body": "ok", "position_seconds": -1},
        {"body": "ok", "position_seconds": "soon"},
        {"position_seconds": 3},
    ):
        response = await student.post(url, json=body)
        assert response.status_code == 422, body
        assert response.json()["code"] == "invalid_request"

    longest = await add_note(student, classroom.video_id, "y" * 10_000)
    assert len(longest["body"]) == 10_000
    response = await student.patch(f"/api/notes/{longest['id']}", json={"body": None})
    assert response.status_code == 422
    response = await student.patch(f"/api/notes/{longest['id']}", json={"body": " "})
    assert response.status_code == 422

    # Stored as written, minus control characters; CRLF becomes a newline.
    cleaned = await add_note(student, classroom.video_id, "a\x00b\u0007c\r\n\tdone <b>bold</b>")
    assert cleaned["body"] == "abc\n\tdone <b>bold</b>"

    missing = await student.post(f"/api/lessons/{uuid.uuid4()}/notes", json={"body": "hi"})
    assert missing.status_code == 404
    assert (await student.get(f"/api/lessons/{uuid.uuid4()}/notes")).status_code == 404
    assert (await student.get(f"/api/notes/{uuid.uuid4()}")).status_code == 404
    assert (await student.get("/api/notes/not-a-uuid")).status_code == 422

    # Signed out: nothing.
    assert (await client.post(url, json={"body": "hi"})).status_code == 401
    assert (await client.get(url)).status_code == 401


async def test_a_lesson_holds_a_limited_number_of_notes(
    classroom: Classroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service, "NOTES_PER_LESSON", 2)
    await add_note(classroom.student, classroom.video_id, "one", 1)
    await add_note(classroom.student, classroom.video_id, "two", 2)
    response = await classroom.student.post(
        f"/api/lessons/{classroom.video_id}/notes", json={"body": "three"}
    )
    assert response.status_code == 409
    assert response.json()["code"] == "too_many_notes"
    assert response.json()["details"] == {"limit": 2}
    # Another lesson has its own room.
    await add_note(classroom.student, classroom.article_id, "elsewhere")


@pytest.mark.sqlite
async def test_a_courses_notes_come_by_lesson_in_curriculum_order_and_can_be_searched(
    classroom: Classroom,
) -> None:
    student = classroom.student
    # Written out of order: the later lesson first.
    shaping = await add_note(student, classroom.later_id, "Score at a 30° angle.")
    rise_late = await add_note(student, classroom.video_id, "École de la patience: wait.", 200)
    rise_early = await add_note(student, classroom.video_id, "The SOURDOUGH rises 100% here.", 20)
    feeding = await add_note(student, classroom.article_id, "sourdough starter: 1:1:1")

    url = f"/api/courses/{classroom.course['id']}/notes"
    everything = (await student.get(url)).json()
    assert everything["course_slug"] == classroom.course["slug"]
    assert everything["course_title"] == classroom.course["title"]
    assert everything["query"] == ""
    assert everything["total"] == 4
    # Section 1: "Feeding a starter", then "Watching the rise" (added last to it); section 2.
    assert [lesson["lesson_title"] for lesson in everything["lessons"]] == [
        "Feeding a starter",
        "Watching the rise",
        "Shaping and scoring",
    ]
    assert everything["lessons"][1]["section_title"] == "Starters"
    assert everything["lessons"][1]["lesson_kind"] == "video"
    assert [n["id"] for lesson in everything["lessons"] for n in lesson["notes"]] == [
        feeding["id"],
        rise_early["id"],
        rise_late["id"],
        shaping["id"],
    ]

    found = (await student.get(url, params={"q": "  sourDOUGH "})).json()
    assert found["query"] == "sourDOUGH"
    assert found["total"] == 2
    assert [n["id"] for lesson in found["lessons"] for n in lesson["notes"]] == [
        feeding["id"],
        rise_early["id"],
    ]
    # Case folding goes beyond ASCII, on PostgreSQL and SQLite alike.
    found = (await student.get(url, params={"q": "école"})).json()
    assert [n["id"] for lesson in found["lessons"] for n in lesson["notes"]] == [rise_late["id"]]
    # % and _ are text, not wildcards.
    found = (await student.get(url, params={"q": "100%"})).json()
    assert found["total"] == 1
    found = (await student.get(url, params={"q": "1_1"})).json()
    assert found["total"] == 0
    assert found["lessons"] == []

    response = await student.get(url, params={"q": "x" * 201})
    assert response.status_code == 422
    assert (await student.get(f"/api/courses/{uuid.uuid4()}/notes")).status_code == 404


async def test_a_courses_notes_export_as_a_markdown_file(classroom: Classroom) -> None:
    student, course = classroom.student, classroom.course
    await add_note(student, classroom.video_id, "Second thought\n\n- a list item", 95.9)
    await add_note(student, classroom.video_id, "First thought", 5)
    await add_note(student, classroom.video_id, "About the whole lesson")
    await add_note(student, classroom.later_id, "Use a *lame*.")

    response = await student.get(f"/api/courses/{course['id']}/notes/export")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/markdown; charset=utf-8"
    assert (
        response.headers["content-disposition"]
        == f'attachment; filename="{course["slug"]}-notes.md"'
    )
    assert "no-store" in response.headers["cache-control"]
    text = response.text
    video_url = classroom.lesson_url(classroom.video_id)
    later_url = classroom.lesson_url(classroom.later_id)
    assert text.startswith(f"# {course['title']}: my notes\n")
    assert "4 notes, exported from Lectern on " in text
    # Per lesson a heading, in curriculum order; each note under its timestamp link.
    assert text.index("## Watching the rise") < text.index("## Shaping and scoring")
    assert f"**[\\[00:05\\]]({video_url}?t=5)**\n\nFirst thought\n" in text
    assert f"**[\\[01:35\\]]({video_url}?t=95)**\n\nSecond thought\n\n- a list item\n" in text
    assert "**On the lesson**\n\nAbout the whole lesson\n" in text
    assert text.index("About the whole lesson") < text.index("First thought")
    assert text.index("First thought") < text.index("Second thought")
    assert f"[Open the lesson]({later_url})" in text
    assert "Use a *lame*." in text
    # Lessons without notes are left out.
    assert "Feeding a starter" not in text

    # Another student's export of the same course holds none of it.
    other = await classroom.stranger.get(f"/api/courses/{course['id']}/notes/export")
    assert other.status_code == 200
    assert "First thought" not in other.text
    assert "0 notes" in other.text
    assert "No notes yet." in other.text


async def test_recent_notes_are_the_students_latest_across_courses(
    classroom: Classroom, db: AsyncSession
) -> None:
    first = await add_note(classroom.student, classroom.video_id, "first", 10)
    second = await add_note(classroom.student, classroom.article_id, "second")
    third = await add_note(classroom.student, classroom.later_id, "third")
    await add_note(classroom.stranger, classroom.preview_id, "not theirs")
    # Editing brings a note back to the top.
    await classroom.student.patch(f"/api/notes/{first['id']}", json={"body": "first, edited"})

    recent = await recent_notes(db, classroom.student_user.id, limit=2)
    assert [str(n.id) for n in recent] == [first["id"], third["id"]]
    assert recent[0].body == "first, edited"
    assert recent[0].lesson_title == "Watching the rise"
    assert recent[0].course_slug == classroom.course["slug"]
    assert recent[0].position_seconds == 10
    every = await recent_notes(db, classroom.student_user.id)
    assert second["id"] in [str(n.id) for n in every]
    assert len(every) == 3
