"""The gradebook (totals, filters, CSV) and the dashboard's deadlines in the student's time
zone, entered in the course's."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.models import User
from tests.assessments.conftest import Classroom, ok
from tests.assessments.test_attempts import OBJECTIVE, right_answers


async def _everyone_works(classroom: Classroom) -> None:
    """Sam passes the quiz (3 of 3) and hands in the essay, graded 60 of 100 and released;
    Olive takes the quiz and gets nothing right, and hands nothing in."""
    await classroom.add_questions(OBJECTIVE)
    studio = ok(await classroom.teacher.get(f"/api/studio/lessons/{classroom.quiz}/quiz"))
    attempt = await classroom.start()
    ok(
        await classroom.student.post(
            f"/api/quiz-attempts/{attempt['id']}/submit",
            json={"answers": right_answers(studio["own_bank"]["questions"])},
        )
    )
    theirs = await classroom.start(classroom.other)
    ok(await classroom.other.post(f"/api/quiz-attempts/{theirs['id']}/submit", json={}))
    submission = ok(
        await classroom.student.post(
            f"/api/lessons/{classroom.assignment}/assignment/submissions", json={"text": "Done"}
        ),
        201,
    )
    ok(
        await classroom.teacher.put(
            f"/api/studio/submissions/{submission['id']}/grade",
            json={"points": 60, "release": True},
        )
    )


async def test_the_gradebook_has_every_student_every_item_and_totals(
    classroom: Classroom,
) -> None:
    await _everyone_works(classroom)
    book = ok(await classroom.teacher.get(f"/api/studio/courses/{classroom.course_id}/gradebook"))
    assert [i["title"] for i in book["items"]] == ["Planets quiz", "Sky essay"]
    assert [i["max_points"] for i in book["items"]] == [3, 100]
    rows = {r["student"]["display_name"]: r for r in book["rows"]}
    assert set(rows) == {"Sam Student", "Olive Other"}  # the teacher is not a student here
    sam, olive = rows["Sam Student"], rows["Olive Other"]
    assert [c["state"] for c in sam["cells"]] == ["released", "released"]
    assert sam["points"] == 63
    assert sam["max_points"] == 103
    assert sam["percent"] == 61
    assert [c["state"] for c in olive["cells"]] == ["released", "missing"]
    assert olive["percent"] == 0
    assert olive["missing"] == 1
    assert sam["cells"][1]["link_id"] is not None

    missing = ok(
        await classroom.teacher.get(
            f"/api/studio/courses/{classroom.course_id}/gradebook", params={"show": "missing"}
        )
    )
    assert [r["student"]["display_name"] for r in missing["rows"]] == ["Olive Other"]
    failing = ok(
        await classroom.teacher.get(
            f"/api/studio/courses/{classroom.course_id}/gradebook", params={"show": "failing"}
        )
    )
    assert [r["student"]["display_name"] for r in failing["rows"]] == ["Olive Other"]
    found = ok(
        await classroom.teacher.get(
            f"/api/studio/courses/{classroom.course_id}/gradebook", params={"q": "sam"}
        )
    )
    assert [r["student"]["display_name"] for r in found["rows"]] == ["Sam Student"]


async def test_the_gradebook_exports_as_csv(classroom: Classroom, db: AsyncSession) -> None:
    await _everyone_works(classroom)
    # A name a spreadsheet would run as a formula.
    await db.execute(
        update(User).where(User.id == classroom.other_user.id).values(display_name="=HYPERLINK(1)")
    )
    await db.commit()
    response = await classroom.teacher.get(
        f"/api/studio/courses/{classroom.course_id}/gradebook.csv"
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "skies-and-planets-gradebook.csv" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Student",
        "Email",
        "Planets quiz (3)",
        "Sky essay (100)",
        "Points",
        "Out of",
        "Percent",
    ]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Sam Student"][2:] == ["3", "60", "63", "103", "61"]
    assert by_name["'=HYPERLINK(1)"][2:4] == ["0", ""]


async def test_due_dates_are_entered_in_the_courses_zone_and_listed_in_the_students(
    classroom: Classroom, db: AsyncSession
) -> None:
    ok(
        await classroom.teacher.patch(
            f"/api/studio/courses/{classroom.course_id}", json={"time_zone": "America/New_York"}
        )
    )
    bad = await classroom.teacher.patch(
        f"/api/studio/courses/{classroom.course_id}", json={"time_zone": "Mars/Olympus"}
    )
    assert bad.status_code == 422
    due = (datetime.now(ZoneInfo("America/New_York")) + timedelta(days=3)).replace(
        hour=17, minute=0, second=0, microsecond=0
    )
    studio = await classroom.assignment_settings(due_local=due.replace(tzinfo=None).isoformat())
    assert studio["time_zone"] == "America/New_York"
    assert studio["due_local"] == due.replace(tzinfo=None).isoformat()
    stored = datetime.fromisoformat(studio["due_at"])
    assert stored == due.astimezone(UTC)

    await db.execute(
        update(User).where(User.id == classroom.student_user.id).values(timezone="Asia/Tokyo")
    )
    await db.commit()
    dashboard = ok(await classroom.student.get("/api/me/learning"))
    assert dashboard["time_zone"] == "Asia/Tokyo"
    (deadline,) = dashboard["deadlines"]
    assert deadline["lesson_title"] == "Sky essay"
    assert deadline["done"] is False
    assert datetime.fromisoformat(deadline["due_at"]) == due.astimezone(UTC)
    # Handed in: still listed, as done.
    ok(
        await classroom.student.post(
            f"/api/lessons/{classroom.assignment}/assignment/submissions", json={"text": "Here"}
        ),
        201,
    )
    (deadline,) = ok(await classroom.student.get("/api/me/learning"))["deadlines"]
    assert deadline["done"] is True
    # Another student's dashboard lists it as theirs to do.
    (theirs,) = ok(await classroom.other.get("/api/me/learning"))["deadlines"]
    assert theirs["done"] is False
