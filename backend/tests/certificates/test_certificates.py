"""Certificates: issued once, listed for their owner, verified by anyone with the code,
downloaded as a PDF by their owner only, and unchanged by later renames."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.certificates.pdf import _PRIMARY, printable
from lectern.certificates.service import (
    certificate_code_of,
    certificates_of,
    issue_certificate,
)
from lectern.kit.queue import JobBuffer
from lectern.models import Role, User
from tests.fixtures.accounts import create_user, sign_in
from tests.fixtures.catalog import build_course, publish
from tests.fixtures.outbox import Outbox

Clients = Callable[[], httpx.AsyncClient]
CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")


async def _completed_course(
    make_client: Clients, db: AsyncSession, *, student_name: str = "Mira Okafor"
) -> tuple[dict[str, Any], User, User, User]:
    """A published course with two instructors, a student enrolled in it, the certificate
    issued directly (as the progress domain does when the last lesson completes)."""
    teacher = await create_user(db, roles=(Role.instructor,), name="Ada Baker")
    helper = await create_user(db, roles=(Role.instructor,), name="Grace, the co-teacher")
    admin = await create_user(db, roles=(Role.admin,), name="Admin Person")
    student = await create_user(db, name=student_name)
    async with make_client() as t, make_client() as a:
        await sign_in(t, teacher.email)
        await sign_in(a, admin.email)
        course = await build_course(t)
        added = await t.post(
            f"/api/studio/courses/{course['id']}/instructors", json={"email": helper.email}
        )
        assert added.status_code in (200, 201), added.text
        await publish(t, a, course["id"])
        granted = await a.post(
            f"/api/admin/courses/{course['id']}/enrollments", json={"email": student.email}
        )
        assert granted.status_code == 201, granted.text
    return course, teacher, admin, student


@pytest.mark.sqlite
async def test_issuing_is_idempotent_and_the_owner_sees_it(
    make_client: Clients, db: AsyncSession, outbox: Outbox
) -> None:
    course, _, _, student = await _completed_course(make_client, db)
    course_id = uuid.UUID(course["id"])
    jobs = JobBuffer()
    first = await issue_certificate(db, student.id, course_id, jobs=jobs)
    again = await issue_certificate(db, student.id, course_id, jobs=jobs)
    await db.commit()
    await jobs.dispatch()
    assert again.id == first.id
    assert CODE.match(first.code)
    assert await certificate_code_of(db, student.id, course_id) == first.code
    assert [c.code for c in await certificates_of(db, student.id)] == [first.code]
    # One mail, for the one certificate.
    mails = [m for m in outbox.to(student.email) if "certificate" in m.subject]
    assert len(mails) == 1
    assert mails[0].subject == "Your certificate for Sourdough from scratch"
    assert mails[0].link(f"/certificates/{first.code}")

    async with make_client() as s:
        await sign_in(s, student.email)
        mine = (await s.get("/api/me/certificates")).json()
    assert len(mine) == 1
    assert mine[0]["code"] == first.code
    assert mine[0]["course_slug"] == course["slug"]
    assert mine[0]["student_name"] == "Mira Okafor"
    assert mine[0]["instructor_names"] == ["Ada Baker", "Grace, the co-teacher"]
    assert mine[0]["verification_path"] == f"/certificates/{first.code}"


async def test_anyone_verifies_a_code_however_it_is_typed(
    make_client: Clients, db: AsyncSession
) -> None:
    course, _, _, student = await _completed_course(make_client, db)
    certificate = await issue_certificate(db, student.id, uuid.UUID(course["id"]))
    await db.commit()
    code = certificate.code
    async with make_client() as visitor:
        for typed in (code, code.lower(), code.replace("-", ""), f" {code.lower()} "):
            response = await visitor.get(f"/api/certificates/{typed.strip()}")
            assert response.status_code == 200, typed
            body = response.json()
            assert body["code"] == code
            assert body["student_name"] == "Mira Okafor"
            assert body["course_title"] == "Sourdough from scratch"
            assert body["course_slug"] == course["slug"]
            assert body["instructor_names"] == ["Ada Baker", "Grace, the co-teacher"]
        # Crockford's reading: an O is a zero, an I or L a one.
        lookalike = code.replace("0", "O").replace("1", "l")
        assert (await visitor.get(f"/api/certificates/{lookalike}")).status_code == 200
        for unknown in ("0000-0000-0000", "not-a-code", "U" * 12):
            missing = await visitor.get(f"/api/certificates/{unknown}")
            assert missing.status_code == 404
            assert missing.json()["code"] == "certificate_not_found"


def _pdf_subject(pdf: bytes) -> str:
    """The document's /Subject, a literal string or UTF-16 in hex."""
    literal = re.search(rb"/Subject \((.*?)\)\n", pdf)
    if literal:
        return literal.group(1).decode("latin-1")
    hexed = re.search(rb"/Subject <([0-9a-fA-F]+)>", pdf)
    assert hexed, "no /Subject in the PDF"
    return bytes.fromhex(hexed.group(1).decode()).decode("utf-16")


async def test_only_the_owner_downloads_the_pdf(
    make_client: Clients, db: AsyncSession, app_instance: FastAPI
) -> None:
    course, _, admin, student = await _completed_course(
        make_client, db, student_name="Zoë Łukasiewicz"
    )
    certificate = await issue_certificate(db, student.id, uuid.UUID(course["id"]))
    await db.commit()
    other = await create_user(db, name="Someone Else")
    path = f"/api/me/certificates/{certificate.id}/pdf"
    async with make_client() as s, make_client() as o, make_client() as a, make_client() as anon:
        await sign_in(s, student.email)
        await sign_in(o, other.email)
        await sign_in(a, admin.email)
        first = await s.get(path)
        assert first.status_code == 200
        assert first.headers["content-type"] == "application/pdf"
        assert "attachment" in first.headers["content-disposition"]
        assert first.content.startswith(b"%PDF-")
        assert first.content.rstrip().endswith(b"%%EOF")
        assert _pdf_subject(first.content) == "Zoë Łukasiewicz completed Sourdough from scratch"
        # Rendered once, then served from the file store.
        stored = await app_instance.state.file_store.read(f"certificates/{certificate.code}.pdf")
        assert stored == first.content
        assert (await s.get(path)).content == first.content

        refused = await o.get(path)
        assert refused.status_code == 404
        assert refused.json()["code"] == "certificate_not_found"
        assert (await anon.get(path)).status_code == 401
        assert (await a.get(path)).status_code == 200
        assert (await s.get(f"/api/me/certificates/{uuid.uuid4()}/pdf")).status_code == 404
        assert (await o.get("/api/me/certificates")).json() == []


async def test_the_certificate_keeps_the_names_of_the_day(
    make_client: Clients, db: AsyncSession
) -> None:
    course, teacher, _, student = await _completed_course(make_client, db)
    certificate = await issue_certificate(db, student.id, uuid.UUID(course["id"]))
    await db.commit()
    async with make_client() as s, make_client() as t:
        await sign_in(s, student.email)
        await sign_in(t, teacher.email)
        renamed = await s.patch("/api/me", json={"display_name": "Mira Okafor-Smith"})
        assert renamed.status_code == 200
        retitled = await t.patch(
            f"/api/studio/courses/{course['id']}", json={"title": "Bread, the whole story"}
        )
        assert retitled.status_code == 200, retitled.text
        verified = (await s.get(f"/api/certificates/{certificate.code}")).json()
        mine = (await s.get("/api/me/certificates")).json()
    assert verified["student_name"] == "Mira Okafor"
    assert verified["course_title"] == "Sourdough from scratch"
    assert mine[0]["student_name"] == "Mira Okafor"


def test_a_character_no_font_has_is_replaced_not_dropped() -> None:
    fonts = list(_PRIMARY.values())
    assert printable("Zoë Łukasiewicz Nguyễn Привет", fonts) == "Zoë Łukasiewicz Nguyễn Привет"
    # A private-use character is in no font.
    assert printable("A\ue000B", fonts) == "A?B"
