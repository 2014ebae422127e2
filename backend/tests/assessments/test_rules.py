"""The pure rules: matching short answers, numeric tolerance, partial credit, question specs,
wall-clock due dates across clock changes, file types by content."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from lectern.assessments.deadlines import local_to_utc, utc_to_local
from lectern.assessments.file_types import check_file, clean_file_name, identify
from lectern.assessments.questions import (
    QuestionSpec,
    clean_spec,
    grade_answer,
    short_text_matches,
)
from lectern.errors import Invalid, UnsupportedMediaType
from lectern.models import QuestionKind


def _short(**spec: object) -> dict[str, object]:
    return {
        "accepted": [],
        "pattern": None,
        "case_sensitive": False,
        "whitespace": "collapse",
        **spec,
    }


def test_short_answers_follow_the_case_and_whitespace_rules() -> None:
    assert short_text_matches(_short(accepted=["New York"]), "  new   york ")
    assert not short_text_matches(_short(accepted=["New York"], case_sensitive=True), "new york")
    assert short_text_matches(_short(accepted=["New York"], whitespace="ignore"), "NewYork")
    assert not short_text_matches(_short(accepted=["New York"], whitespace="trim"), "New  York")
    assert short_text_matches(_short(accepted=["Ångström"]), "ångström")


def test_a_pattern_matches_the_whole_answer_and_gives_up_on_catastrophic_ones() -> None:
    spec = _short(pattern=r"colou?r")
    assert short_text_matches(spec, "Colour")
    assert not short_text_matches(spec, "colours")
    evil = _short(pattern=r"(a+)+$", whitespace="trim")
    started = time.monotonic()
    assert not short_text_matches(evil, "a" * 40 + "!")
    assert time.monotonic() - started < 2


def _question(kind: QuestionKind, spec: dict[str, object], points: float = 2) -> dict[str, object]:
    return {"kind": kind.value, "points": points, "spec": spec}


def test_numeric_tolerance_and_partial_credit() -> None:
    numeric = _question(QuestionKind.numeric, {"number": 9.81, "tolerance": 0.05})
    assert grade_answer(numeric, {"number": 9.8}).points == 2
    assert grade_answer(numeric, {"number": 9.7}).points == 0
    exact = _question(QuestionKind.numeric, {"number": 0.3, "tolerance": 0})
    assert grade_answer(exact, {"number": 0.1 + 0.2}).correct is True

    ordering = _question(
        QuestionKind.ordering,
        {"items": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}], "partial_credit": True},
        points=4,
    )
    assert grade_answer(ordering, {"order": ["a", "b", "d", "c"]}).points == 2
    ordering["spec"]["partial_credit"] = False  # type: ignore[index]
    assert grade_answer(ordering, {"order": ["a", "b", "d", "c"]}).points == 0

    options = [
        {"id": "x", "correct": True},
        {"id": "y", "correct": True},
        {"id": "z", "correct": False},
    ]
    multiple = _question(QuestionKind.multiple_choice, {"options": options, "partial_credit": True})
    assert grade_answer(multiple, {"choices": ["x"]}).points == 1
    assert grade_answer(multiple, {"choices": ["x", "z"]}).points == 0
    assert grade_answer(multiple, {"choices": ["x", "y"]}).points == 2
    assert grade_answer(multiple, None).points == 0
    essay = _question(QuestionKind.essay, {"max_chars": 100})
    assert grade_answer(essay, {"text": "Something"}).points is None


def test_specs_are_checked_for_their_kind() -> None:
    with pytest.raises(Invalid, match="exactly one"):
        clean_spec(
            QuestionKind.single_choice,
            QuestionSpec.model_validate(
                {"options": [{"text": "a", "correct": True}, {"text": "b", "correct": True}]}
            ),
        )
    with pytest.raises(Invalid, match="not a valid expression"):
        clean_spec(QuestionKind.short_text, QuestionSpec(pattern="(unclosed"))
    with pytest.raises(Invalid, match="accepted answer or a pattern"):
        clean_spec(QuestionKind.short_text, QuestionSpec())
    kept = clean_spec(
        QuestionKind.true_false, QuestionSpec(answer_flag=False, accepted=["stray"], number=3)
    )
    assert kept == {"answer_flag": False, "feedback_correct": "", "feedback_incorrect": ""}
    choice = clean_spec(
        QuestionKind.single_choice,
        QuestionSpec.model_validate({"options": [{"text": "a", "correct": True}, {"text": "b"}]}),
    )
    assert all(len(o["id"]) == 10 for o in choice["options"])


def test_wall_clock_due_dates_across_clock_changes() -> None:
    paris = "Europe/Paris"
    # Winter (UTC+1) and summer (UTC+2).
    assert local_to_utc(datetime(2026, 1, 15, 17, 0), paris) == datetime(
        2026, 1, 15, 16, 0, tzinfo=UTC
    )
    assert local_to_utc(datetime(2026, 7, 15, 17, 0), paris) == datetime(
        2026, 7, 15, 15, 0, tzinfo=UTC
    )
    # 02:30 doesn't exist on 29 March 2026 in Paris: it means 03:30 summer time.
    skipped = local_to_utc(datetime(2026, 3, 29, 2, 30), paris)
    assert utc_to_local(skipped, paris) == datetime(2026, 3, 29, 3, 30)
    # 02:30 happens twice on 25 October 2026: the first one.
    assert local_to_utc(datetime(2026, 10, 25, 2, 30), paris) == datetime(
        2026, 10, 25, 0, 30, tzinfo=UTC
    )


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_files_are_known_by_their_content(tmp_path: Path) -> None:
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as bundle:
        bundle.writestr("[Content_Types].xml", "<Types/>")
        bundle.writestr("word/document.xml", "<w:document/>")
    path = _file(tmp_path, "a", docx.getvalue())
    found = identify(path)
    assert found is not None
    assert found.kind == "document"
    assert check_file(path, "Report.DOCX", ["document"]).content_type.endswith("document")
    with pytest.raises(UnsupportedMediaType, match=r"named as \.zip"):
        check_file(path, "report.zip", ["document", "archive"])

    text = _file(tmp_path, "b", "print('héllo')\n".encode())
    assert check_file(text, "main.py", ["text"]).kind == "text"
    with pytest.raises(UnsupportedMediaType):
        check_file(text, "main.exe", ["text"])
    binary = _file(tmp_path, "c", bytes(range(256)) * 10)
    assert identify(binary) is None


def test_file_names_are_cleaned() -> None:
    assert clean_file_name("C:\\Users\\sam\\essay.pdf") == "essay.pdf"
    assert clean_file_name("../../etc/passwd") == "passwd"
    assert clean_file_name("\x00\x1f.") == "file"
    long = clean_file_name("x" * 300 + ".pdf")
    assert len(long) <= 200
    assert long.endswith(".pdf")
