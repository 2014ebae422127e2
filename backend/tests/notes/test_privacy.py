"""Notes and bookmarks are their author's alone: others get 404 (never 403, so ids say
nothing); writing needs the lesson to open for the student; what they wrote stays theirs."""

from __future__ import annotations

import httpx
import pytest

from tests.fixtures.catalog import build_course
from tests.notes.conftest import Classroom, add_note


@pytest.mark.sqlite
async def test_another_student_cannot_read_change_or_list_my_notes_or_bookmarks(
    classroom: Classroom,
) -> None:
    me, other = classroom.student, classroom.stranger
    note = await add_note(me, classroom.preview_id, "Mine alone", None)
    response = await me.post(f"/api/lessons/{classroom.preview_id}/bookmarks", json={})
    assert response.status_code == 201
    bookmark = response.json()
    course_id = classroom.course["id"]

    attempts: list[tuple[str, str, object]] = [
        ("GET", f"/api/notes/{note['id']}", None),
        ("PATCH", f"/api/notes/{note['id']}", {"body": "Taken over"}),
        ("DELETE", f"/api/notes/{note['id']}", None),
        ("PATCH", f"/api/bookmarks/{bookmark['id']}", {"label": "Taken over"}),
        ("DELETE", f"/api/bookmarks/{bookmark['id']}", None),
    ]
    for method, path, body in attempts:
        response = await other.request(method, path, json=body)
        assert response.status_code == 404, (method, path, response.text)
        assert response.json()["code"] == "not_found"

    # Their lists (of a lesson they can open too) hold nothing of mine.
    assert (await other.get(f"/api/lessons/{classroom.preview_id}/notes")).json() == []
    assert (await other.get(f"/api/lessons/{classroom.preview_id}/bookmarks")).json() == []
    course_notes = (await other.get(f"/api/courses/{course_id}/notes")).json()
    assert course_notes["total"] == 0
    assert course_notes["lessons"] == []
    assert (await other.get(f"/api/courses/{course_id}/bookmarks")).json() == []

    # Nothing changed.
    assert (await me.get(f"/api/notes/{note['id']}")).json()["body"] == "Mine alone"
    assert [b["id"] for b in (await me.get(f"/api/courses/{course_id}/bookmarks")).json()] == [
        bookmark["id"]
    ]


async def test_a_student_without_access_cannot_write_on_a_locked_lesson(
    classroom: Classroom, client: httpx.AsyncClient
) -> None:
    stranger = classroom.stranger
    for path, body in (
        (f"/api/lessons/{classroom.video_id}/notes", {"body": "Sneaky", "position_seconds": 5}),
        (f"/api/lessons/{classroom.article_id}/notes", {"body": "Sneaky"}),
        (f"/api/lessons/{classroom.video_id}/bookmarks", {"position_seconds": 5}),
        (f"/api/lessons/{classroom.article_id}/bookmarks", {}),
    ):
        response = await stranger.post(path, json=body)
        assert response.status_code == 403, (path, response.text)
        assert response.json()["code"] == "lesson_locked"
    # The free preview opens for them, so they may take notes on it.
    await add_note(stranger, classroom.preview_id, "Looks good")
    # Signed out, not even the preview.
    response = await client.post(f"/api/lessons/{classroom.preview_id}/notes", json={"body": "x"})
    assert response.status_code == 401
    # The course's team may.
    await add_note(classroom.teacher, classroom.video_id, "Re-record this bit", 42)


async def test_notes_stay_their_authors_after_access_ends(classroom: Classroom) -> None:
    student = classroom.student
    note = await add_note(student, classroom.video_id, "Worth keeping", 12)
    response = await student.post(
        f"/api/lessons/{classroom.video_id}/bookmarks", json={"position_seconds": 12}
    )
    bookmark = response.json()
    course_id = classroom.course["id"]
    response = await classroom.admin.delete(
        f"/api/admin/courses/{course_id}/enrollments/{classroom.student_user.id}"
    )
    assert response.status_code == 204, response.text

    # New notes need access...
    response = await student.post(
        f"/api/lessons/{classroom.video_id}/notes", json={"body": "More", "position_seconds": 20}
    )
    assert response.status_code == 403
    assert response.json()["code"] == "lesson_locked"
    # ...what they wrote is still theirs to read, edit, export and delete.
    assert [
        n["id"] for n in (await student.get(f"/api/lessons/{classroom.video_id}/notes")).json()
    ] == [note["id"]]
    response = await student.patch(f"/api/notes/{note['id']}", json={"body": "Still mine"})
    assert response.status_code == 200
    assert (await student.get(f"/api/courses/{course_id}/notes")).json()["total"] == 1
    export = await student.get(f"/api/courses/{course_id}/notes/export")
    assert "Still mine" in export.text
    assert (await student.delete(f"/api/bookmarks/{bookmark['id']}")).status_code == 204
    assert (await student.delete(f"/api/notes/{note['id']}")).status_code == 204


async def test_a_drafts_lessons_are_not_acknowledged(classroom: Classroom) -> None:
    draft = await build_course(classroom.teacher, "A secret draft")
    lesson_id = draft["sections"][0]["lessons"][0]["id"]
    response = await classroom.stranger.post(f"/api/lessons/{lesson_id}/notes", json={"body": "x"})
    assert response.status_code == 404
    response = await classroom.stranger.get(f"/api/courses/{draft['id']}/notes")
    assert response.status_code == 404
    response = await classroom.stranger.get(f"/api/courses/{draft['id']}/notes/export")
    assert response.status_code == 404
    # Its team takes notes on it and reads them.
    await add_note(classroom.teacher, lesson_id, "Draft thoughts")
    response = await classroom.teacher.get(f"/api/courses/{draft['id']}/notes")
    assert response.json()["total"] == 1
