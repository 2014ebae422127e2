"""Handing in an assignment: text and files (type checked by content, size while streaming),
resubmission until graded with the history kept, a due date that refuses late work."""

from __future__ import annotations

import io
import zipfile
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from fastapi import FastAPI

from lectern.config import Settings
from lectern.models.base import utcnow
from tests.assessments.conftest import Classroom, ok, pdf_bytes, png_bytes


def _local(moment_delta: timedelta) -> str:
    """A wall-clock time in UTC (the course's default zone), shifted from now."""
    return (utcnow() + moment_delta).replace(tzinfo=None).isoformat(timespec="seconds")


@pytest.mark.sqlite
async def test_a_student_hands_in_text_and_a_pdf_and_resubmits_until_graded(
    classroom: Classroom,
) -> None:
    uploaded = ok(await classroom.upload("essay.pdf", pdf_bytes("First draft")), 201)
    assert uploaded["kind"] == "pdf"
    assert uploaded["content_type"] == "application/pdf"
    # A reload keeps the upload until it is handed in.
    state = ok(await classroom.student.get(f"/api/lessons/{classroom.assignment}/assignment"))
    assert [f["id"] for f in state["pending_files"]] == [uploaded["id"]]

    first = ok(
        await classroom.student.post(
            f"/api/lessons/{classroom.assignment}/assignment/submissions",
            json={"text": "My **first** go.", "file_ids": [uploaded["id"]]},
        ),
        201,
    )
    assert first["number"] == 1
    assert first["files"][0]["name"] == "essay.pdf"
    download = await classroom.student.get(first["files"][0]["url"])
    assert download.status_code == 200
    assert download.content.startswith(b"%PDF-")
    assert "attachment" in download.headers["content-disposition"]

    second = ok(
        await classroom.student.post(
            f"/api/lessons/{classroom.assignment}/assignment/submissions",
            json={"text": "A better second go."},
        ),
        201,
    )
    assert second["number"] == 2
    state = ok(await classroom.student.get(f"/api/lessons/{classroom.assignment}/assignment"))
    assert [s["number"] for s in state["submissions"]] == [2, 1]
    assert state["submissions"][1]["files"][0]["id"] == uploaded["id"]
    assert state["pending_files"] == []
    # Handing in completes the lesson.
    progress = ok(await classroom.student.get(f"/api/courses/{classroom.course_id}/progress"))
    done = next(x for x in progress["lessons"] if x["lesson_id"] == classroom.assignment)
    assert done["completed_by"] == "submitted"

    # Once graded, no more submissions.
    ok(
        await classroom.teacher.put(
            f"/api/studio/submissions/{second['id']}/grade", json={"points": 80, "comment": "Good"}
        )
    )
    refused = await classroom.student.post(
        f"/api/lessons/{classroom.assignment}/assignment/submissions", json={"text": "Third"}
    )
    assert refused.status_code == 409
    assert refused.json()["code"] == "already_graded"
    state = ok(await classroom.student.get(f"/api/lessons/{classroom.assignment}/assignment"))
    assert state["can_submit"] is False
    # Not released yet: the student doesn't see the grade.
    assert state["submissions"][0]["grade"] is None


async def test_wrong_file_types_are_refused_by_their_content(classroom: Classroom) -> None:
    refused = await classroom.upload("essay.pdf", png_bytes())
    assert refused.status_code == 415
    assert refused.json()["code"] == "file_type_mismatch"
    assert "its content is a picture" in refused.json()["message"]

    program = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200)
    refused = await classroom.upload("tool.exe", program)
    assert refused.status_code == 415
    assert refused.json()["code"] == "file_type_not_allowed"

    await classroom.assignment_settings(file_kinds=["pdf"])
    refused = await classroom.upload("photo.png", png_bytes())
    assert refused.status_code == 415
    assert refused.json()["details"]["allowed"] == ["pdf"]

    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("notes.txt", "hello")
    await classroom.assignment_settings(file_kinds=["pdf", "archive"])
    ok(await classroom.upload("work.zip", bundle.getvalue()), 201)
    ok(await classroom.upload("Résumé final.PDF", pdf_bytes()), 201)
    empty = await classroom.upload("blank.pdf", b"")
    assert empty.status_code == 422


async def test_an_oversize_file_is_refused_while_it_streams(
    classroom: Classroom, app_instance: FastAPI, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "submission_file_max_bytes", 4096)
    big = pdf_bytes() + b"%" * 5000
    refused = await classroom.upload("big.pdf", big)
    assert refused.status_code == 413
    assert refused.json()["code"] == "file_too_large"

    async def chunks() -> AsyncIterator[bytes]:
        yield b"%PDF-1.4\n"
        for _ in range(10):
            yield b"x" * 1000

    streamed = await classroom.student.post(
        "/api/submission-files",
        params={"lesson_id": classroom.assignment, "name": "streamed.pdf"},
        content=chunks(),
    )
    assert streamed.status_code == 413
    state = ok(await classroom.student.get(f"/api/lessons/{classroom.assignment}/assignment"))
    assert state["pending_files"] == []


async def test_a_refuse_late_due_date_closes_the_assignment(classroom: Classroom) -> None:
    uploaded = ok(await classroom.upload("essay.pdf", pdf_bytes()), 201)
    await classroom.assignment_settings(due_local=_local(-timedelta(hours=1)), late_policy="refuse")
    refused = await classroom.student.post(
        f"/api/lessons/{classroom.assignment}/assignment/submissions",
        json={"text": "Too late?", "file_ids": [uploaded["id"]]},
    )
    assert refused.status_code == 409
    assert refused.json()["code"] == "past_due"
    assert "due date has passed" in refused.json()["message"]
    upload = await classroom.upload("more.pdf", pdf_bytes())
    assert upload.status_code == 409
    state = ok(await classroom.student.get(f"/api/lessons/{classroom.assignment}/assignment"))
    assert state["blocked_by"] == "past_due"


async def test_late_work_is_marked_and_loses_the_penalty(classroom: Classroom) -> None:
    await classroom.assignment_settings(
        due_local=_local(-timedelta(hours=1)), late_policy="penalty", late_penalty_percent=20
    )
    late = ok(
        await classroom.student.post(
            f"/api/lessons/{classroom.assignment}/assignment/submissions", json={"text": "Late"}
        ),
        201,
    )
    assert late["late"] is True
    assert late["penalty_percent"] == 20
    review = ok(
        await classroom.teacher.put(
            f"/api/studio/submissions/{late['id']}/grade", json={"points": 90, "release": True}
        )
    )
    grade = review["submission"]["grade"]
    assert grade["raw_points"] == 90
    assert grade["points"] == 72


async def test_a_submission_and_its_files_are_the_students_and_the_teams_alone(
    classroom: Classroom,
) -> None:
    uploaded = ok(await classroom.upload("essay.pdf", pdf_bytes()), 201)
    submission = ok(
        await classroom.student.post(
            f"/api/lessons/{classroom.assignment}/assignment/submissions",
            json={"file_ids": [uploaded["id"]]},
        ),
        201,
    )
    other = classroom.other
    assert (await other.get(uploaded["url"])).status_code == 404
    assert (await other.delete(uploaded["url"])).status_code == 404
    assert (await other.get(f"/api/studio/submissions/{submission['id']}")).status_code == 404
    theirs = ok(await other.get(f"/api/lessons/{classroom.assignment}/assignment"))
    assert theirs["submissions"] == []
    # Handing in someone else's upload is refused.
    stolen = await other.post(
        f"/api/lessons/{classroom.assignment}/assignment/submissions",
        json={"file_ids": [uploaded["id"]]},
    )
    assert stolen.status_code == 404
    # The team reads it.
    assert (await classroom.teacher.get(uploaded["url"])).status_code == 200
    # A handed-in file can't be deleted by its student either.
    gone = await classroom.student.delete(uploaded["url"])
    assert gone.status_code == 409


async def test_an_empty_submission_and_text_where_only_files_go_are_refused(
    classroom: Classroom,
) -> None:
    empty = await classroom.student.post(
        f"/api/lessons/{classroom.assignment}/assignment/submissions", json={"text": "   "}
    )
    assert empty.status_code == 422
    assert empty.json()["code"] == "empty_submission"
    await classroom.assignment_settings(accepts_text=False, max_files=1)
    text = await classroom.student.post(
        f"/api/lessons/{classroom.assignment}/assignment/submissions", json={"text": "Hi"}
    )
    assert text.status_code == 422
    ok(await classroom.upload("one.pdf", pdf_bytes()), 201)
    second = await classroom.upload("two.pdf", pdf_bytes())
    assert second.status_code == 409
    assert second.json()["code"] == "too_many_files"
