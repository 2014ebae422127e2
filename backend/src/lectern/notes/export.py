"""A course's notes as one Markdown file the student keeps: a title, then each lesson's notes
under its heading, every moment a link back to the lesson at that second."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import datetime
from urllib.parse import quote

from lectern.notes.schemas import CourseNotes, LessonNotes

# Characters that would start Markdown syntax inside a heading or link text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def clock(seconds: float) -> str:
    """mm:ss, or h:mm:ss from an hour on (a note at 83.7 s is at 01:23)."""
    whole = max(0, math.floor(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def _plain(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def lesson_url(public_url: str, course_slug: str, lesson_id: str) -> str:
    return f"{public_url.rstrip('/')}/courses/{quote(course_slug)}/lessons/{lesson_id}"


def notes_filename(course_slug: str) -> str:
    return f"{course_slug}-notes.md"


def render_notes(notes: CourseNotes, *, public_url: str, exported_at: datetime) -> str:
    count = notes.total
    lines = [
        f"# {_plain(notes.course_title)}: my notes",
        "",
        f"{count} {'note' if count == 1 else 'notes'}, exported from Lectern on "
        f"{exported_at:%Y-%m-%d}. Each timestamp opens the lesson at that moment.",
        "",
    ]
    if not notes.lessons:
        lines += ["No notes yet.", ""]
    for lesson in notes.lessons:
        lines += _lesson_block(lesson, notes.course_slug, public_url)
    return "\n".join(lines).rstrip("\n") + "\n"


def _lesson_block(lesson: LessonNotes, course_slug: str, public_url: str) -> Sequence[str]:
    url = lesson_url(public_url, course_slug, str(lesson.lesson_id))
    lines = [
        f"## {_plain(lesson.lesson_title)}",
        "",
        f"{_plain(lesson.section_title)} · [Open the lesson]({url})",
        "",
    ]
    for note in lesson.notes:
        if note.position_seconds is None:
            lines.append("**On the lesson**")
        else:
            seconds = math.floor(note.position_seconds)
            lines.append(f"**[\\[{clock(seconds)}\\]]({url}?t={seconds})**")
        lines += ["", note.body.strip("\n"), "", "---", ""]
    return lines
