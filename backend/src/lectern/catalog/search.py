"""Full-text search of the catalog: PostgreSQL tsvector + pg_trgm, or SQLite FTS5.

The words of each course live in `course_search_documents` (kept by `reindex_course`);
PostgreSQL derives a weighted tsvector from them, SQLite copies them into FTS5 by trigger.
Misspelt words are corrected against `search_words`, the catalog's vocabulary.
"""

from __future__ import annotations

import difflib
import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Float, Uuid, column, func, literal_column, select, table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.catalog.schemas import SearchHighlight
from lectern.catalog.search_text import (
    MATCH_END,
    MATCH_START,
    fragments,
    markdown_to_text,
    query_words,
    vocabulary_of,
)
from lectern.models import Course, CourseSearchDocument, Lesson, SearchWord, Section

_documents = table(
    "course_search_documents",
    column("course_id", Uuid()),
    column("title"),
    column("subtitle"),
    column("description"),
    column("document"),
)
_fts = table("course_search_fts", column("course_id", Uuid()))
_ENGLISH: ColumnElement[str] = literal_column("'english'::regconfig")
# title, tags weigh most, then the subtitle, lesson titles, the description (bm25 lists every
# column, the unindexed course_id too).
_BM25_WEIGHTS = (0.0, 10.0, 4.0, 1.0, 10.0, 2.0)
_TITLE_OPTIONS = f'StartSel="{MATCH_START}", StopSel="{MATCH_END}", HighlightAll=true'
_SNIPPET_OPTIONS = (
    f'StartSel="{MATCH_START}", StopSel="{MATCH_END}", '
    'MaxWords=30, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'
)


def is_postgres(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


@dataclass(frozen=True)
class TextMatch:
    """What a query adds to the catalog's statement: which courses match, and how well."""

    course_ids: ColumnElement[bool]
    rank: ColumnElement[float]


def _fts5_query(words: list[str]) -> str:
    # Every word must appear; the last may be a prefix of a longer word (search as you type).
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def text_match(session: AsyncSession, query: str) -> TextMatch | None:
    words = query_words(query)
    if not words:
        return None
    if is_postgres(session):
        tsquery = func.websearch_to_tsquery(_ENGLISH, " ".join(words))
        document = _documents.c.document
        matching = select(_documents.c.course_id).where(document.op("@@")(tsquery))
        rank = (
            select(func.ts_rank_cd(document, tsquery))
            .where(_documents.c.course_id == Course.id)
            .scalar_subquery()
        )
        return TextMatch(Course.id.in_(matching), rank.cast(Float))
    match = literal_column("course_search_fts").op("MATCH")(_fts5_query(words))
    matching = select(_fts.c.course_id).where(match)
    rank = (
        select(-func.bm25(literal_column("course_search_fts"), *_BM25_WEIGHTS))
        .where(match, _fts.c.course_id == Course.id)
        .scalar_subquery()
    )
    return TextMatch(Course.id.in_(matching), rank.cast(Float))


async def corrected_query(session: AsyncSession, query: str) -> str | None:
    """The query with each unknown word replaced by the nearest known one, if any changed."""
    words = query_words(query)
    changed = False
    corrected: list[str] = []
    for word in words:
        better = await _nearest_word(session, word) if len(word) >= 3 else None
        if better and better != word:
            changed = True
            corrected.append(better)
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None


async def _nearest_word(session: AsyncSession, word: str) -> str | None:
    if await session.get(SearchWord, word) is not None:
        return word
    if is_postgres(session):
        # `%` uses the trigram index (similarity above pg_trgm.similarity_threshold, 0.3).
        return await session.scalar(
            select(SearchWord.word)
            .where(SearchWord.word.op("%")(word))
            .order_by(func.similarity(SearchWord.word, word).desc(), SearchWord.word)
            .limit(1)
        )
    # SQLite has no trigram similarity: compare against the words sharing the first letter.
    start = word[0]
    candidates = await session.scalars(
        select(SearchWord.word)
        .where(SearchWord.word >= start, SearchWord.word < chr(ord(start) + 1))
        .limit(20_000)
    )
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return close[0] if close else None


async def highlights(
    session: AsyncSession, query: str, course_ids: list[uuid.UUID]
) -> dict[uuid.UUID, SearchHighlight]:
    """The title with matched words marked and a snippet of the description around them."""
    words = query_words(query)
    if not words or not course_ids:
        return {}
    if is_postgres(session):
        tsquery = func.websearch_to_tsquery(_ENGLISH, " ".join(words))
        statement = select(
            _documents.c.course_id,
            func.ts_headline(_ENGLISH, _documents.c.title, tsquery, _TITLE_OPTIONS),
            func.ts_headline(
                _ENGLISH,
                _documents.c.subtitle + " — " + _documents.c.description,
                tsquery,
                _SNIPPET_OPTIONS,
            ),
        ).where(_documents.c.course_id.in_(course_ids))
    else:
        fts: ColumnElement[str] = literal_column("course_search_fts")
        statement = select(
            _fts.c.course_id,
            func.highlight(fts, 1, MATCH_START, MATCH_END),
            func.snippet(fts, 3, MATCH_START, MATCH_END, " … ", 24),
        ).where(fts.op("MATCH")(_fts5_query(words)), _fts.c.course_id.in_(course_ids))
    rows = await session.execute(statement)
    return {
        course_id: SearchHighlight(title=fragments(title), snippet=fragments(snippet))
        for course_id, title, snippet in rows
    }


async def reindex_course(session: AsyncSession, course: Course) -> None:
    """Rewrite the course's search document and grow the vocabulary with its words."""
    lesson_titles = list(
        await session.scalars(
            select(Lesson.title)
            .join(Section, Section.id == Lesson.section_id)
            .where(Lesson.course_id == course.id)
            .order_by(Section.position, Lesson.position)
        )
    )
    fields = {
        "title": course.title,
        "subtitle": course.subtitle,
        "description": markdown_to_text(course.description),
        "tags": " ".join(course.tags),
        "lessons": " · ".join(lesson_titles),
    }
    document = await session.get(CourseSearchDocument, course.id)
    if document is None:
        session.add(CourseSearchDocument(course_id=course.id, **fields))
    else:
        for name, value in fields.items():
            setattr(document, name, value)
    await session.flush()
    words = vocabulary_of(*fields.values())
    if words:
        insert = postgresql.insert if is_postgres(session) else sqlite.insert
        await session.execute(
            insert(SearchWord).on_conflict_do_nothing(),
            [{"word": w} for w in sorted(words)],
        )
