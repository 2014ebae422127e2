"""The catalog's ceiling: the SQL Lectern's catalog runs, as literal text, on a bare asyncpg pool.

Every statement below is the text SQLAlchemy sends for the same request (captured with a
`before_cursor_execute` listener on the API at the commit benchmarked; `IN` lists expanded the
way SQLAlchemy expands them), in the same order and with the same parameters, so PostgreSQL
does the same work. What the baseline leaves out is exactly Lectern's own cost: FastAPI and the
middlewares, SQLAlchemy (ORM objects, a pooled connection with a pre-ping, BEGIN and COMMIT),
Pydantic, and the Redis cache; the answer is the same JSON shape, built from plain tuples.

    GET /catalog/courses?q=&topic=&level=&sort=&cursor=&limit=
        the catalog page, for the combinations `make bench` uses: no filter (newest first),
        a topic (with the topics below it) and levels sorted by popularity, a keyset cursor,
        and a search (ranked, highlighted, with the spelling correction when nothing matches)
    GET /catalog/courses/{slug}
        a course landing: the course, its owner, topics, co-instructors, sections, lessons
    GET /cached/catalog/courses and /cached/catalog/courses/{slug}
        the same behind a bare cache-aside in Redis, with the API's key scheme (a version key,
        then the page under it; misses fill it for 300 s): the ceiling of a cached page
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import asyncpg
from redis.asyncio import Redis
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

# --- the statements -------------------------------------------------------------------------

_COURSE = (
    "courses.slug, courses.title, courses.subtitle, courses.description, courses.language, "
    "courses.level, courses.tags, courses.outcomes, courses.requirements, courses.cover_key, "
    "courses.price_amount, courses.currency, courses.owner_id, courses.status, "
    "courses.review_reason, courses.reviewed_at, courses.submitted_at, courses.published_at, "
    "courses.first_published_at, courses.updated_at, courses.lesson_count, "
    "courses.duration_seconds, courses.enrollment_count, courses.rating_average, "
    "courses.rating_count, courses.id, courses.created_at"
)
_USER = (
    "users.email, users.password_hash, users.display_name, users.bio, users.timezone, "
    "users.language, users.avatar_key, users.email_verified_at, users.last_sign_in_at, "
    "users.updated_at, users.id, users.created_at"
)
# selectinload puts the key first.
_USER_SELECTIN = (
    "users.id, users.email, users.password_hash, users.display_name, users.bio, "
    "users.timezone, users.language, users.avatar_key, users.email_verified_at, "
    "users.last_sign_in_at, users.updated_at, users.created_at"
)
_CATEGORY = (
    "categories.name, categories.slug, categories.parent_id, categories.position, "
    "categories.id, categories.created_at"
)
_RANK = (
    "CAST((SELECT ts_rank_cd(course_search_documents.document, "
    "websearch_to_tsquery('english'::regconfig, $1::VARCHAR)) AS ts_rank_cd_1 \n"
    "FROM course_search_documents \n"
    "WHERE course_search_documents.course_id = courses.id) AS FLOAT)"
)
_MATCHING = (
    "courses.id IN (SELECT course_search_documents.course_id \n"
    "FROM course_search_documents \n"
    "WHERE course_search_documents.document @@ websearch_to_tsquery('english'::regconfig, "
    "${n}::VARCHAR))"
)

SQL_CATEGORIES = (
    f"SELECT {_CATEGORY} \nFROM categories ORDER BY categories.position, categories.name"
)
SQL_NEWEST = (
    f"SELECT {_COURSE}, courses.published_at AS published_at__1 \nFROM courses \n"
    "WHERE courses.status = $1 ORDER BY courses.published_at DESC, courses.id DESC \n"
    " LIMIT $2::INTEGER"
)
SQL_NEWEST_AFTER = (
    f"SELECT {_COURSE}, courses.published_at AS published_at__1 \nFROM courses \n"
    "WHERE courses.status = $1 AND (courses.published_at, courses.id) < "
    "($2::TIMESTAMP WITH TIME ZONE, $3::UUID) ORDER BY courses.published_at DESC, "
    "courses.id DESC \n LIMIT $4::INTEGER"
)
# {topics}: $3.. the topic ids; {level}: the next parameter.
SQL_TOPIC_LEVEL_POPULAR = (
    f"SELECT {_COURSE}, courses.enrollment_count AS enrollment_count__1 \nFROM courses \n"
    "WHERE courses.status = $1 AND courses.id IN (SELECT course_topics.course_id \n"
    "FROM course_topics \nWHERE course_topics.category_id IN ({topics})) AND courses.level "
    "IN ({level}) ORDER BY courses.enrollment_count DESC, courses.id DESC \n LIMIT $2::INTEGER"
)
SQL_SEARCH = (
    f"SELECT {_COURSE}, {_RANK} AS anon_1 \nFROM courses \n"
    f"WHERE courses.status = $2 AND {_MATCHING.format(n=1)} ORDER BY {_RANK} DESC, "
    "courses.id DESC \n LIMIT $3::INTEGER"
)
SQL_ANYTHING_MATCHES = (
    f"SELECT courses.id \nFROM courses \nWHERE courses.status = $1 AND {_MATCHING.format(n=2)} "
    "\n LIMIT $3::INTEGER"
)
SQL_KNOWN_WORD = (
    "SELECT search_words.word \nFROM search_words \nWHERE search_words.word = $1::VARCHAR"
)
SQL_NEAREST_WORD = (
    "SELECT search_words.word \nFROM search_words \nWHERE search_words.word % $1::VARCHAR "
    "ORDER BY similarity(search_words.word, $2::VARCHAR) DESC, search_words.word \n"
    " LIMIT $3::INTEGER"
)
SQL_TOPICS_OF = (
    f"SELECT course_topics.course_id, {_CATEGORY} \n"
    "FROM course_topics JOIN categories ON categories.id = course_topics.category_id \n"
    "WHERE course_topics.course_id IN ({ids}) ORDER BY categories.name"
)
SQL_CO_INSTRUCTORS_OF = (
    "SELECT course_instructors.course_id, course_instructors.user_id \n"
    "FROM course_instructors \nWHERE course_instructors.course_id IN ({ids}) "
    "ORDER BY course_instructors.added_at"
)
SQL_USERS = f"SELECT {_USER} \nFROM users \nWHERE users.id IN ({{ids}})"
SQL_HIGHLIGHTS = (
    "SELECT course_search_documents.course_id, ts_headline('english'::regconfig, "
    "course_search_documents.title, websearch_to_tsquery('english'::regconfig, $1::VARCHAR), "
    "$2::VARCHAR) AS ts_headline_1, ts_headline('english'::regconfig, "
    "course_search_documents.subtitle || $3::VARCHAR || course_search_documents.description, "
    "websearch_to_tsquery('english'::regconfig, $1::VARCHAR), $4::VARCHAR) AS ts_headline_3 \n"
    "FROM course_search_documents \nWHERE course_search_documents.course_id IN ({ids})"
)
# The landing: the course, then what selectinload fetches, then the curriculum.
SQL_PUBLIC_BY_SLUG = (
    f"SELECT {_COURSE} \nFROM courses \n"
    "WHERE courses.slug = $1::VARCHAR AND courses.status IN ($2, $3)"
)
SQL_USERS_SELECTIN = f"SELECT {_USER_SELECTIN} \nFROM users \nWHERE users.id IN ({{ids}})"
SQL_TOPICS_SELECTIN = (
    f"SELECT course_topics.course_id, {_CATEGORY} \n"
    "FROM course_topics JOIN categories ON categories.id = course_topics.category_id \n"
    "WHERE course_topics.course_id IN ($1::UUID)"
)
SQL_CO_INSTRUCTORS_SELECTIN = (
    "SELECT course_instructors.course_id, course_instructors.user_id, "
    "course_instructors.added_at \nFROM course_instructors \n"
    "WHERE course_instructors.course_id IN ($1::UUID) ORDER BY course_instructors.added_at"
)
SQL_SECTIONS = (
    "SELECT sections.course_id, sections.title, sections.position, sections.id, "
    "sections.created_at \nFROM sections \nWHERE sections.course_id = $1::UUID "
    "ORDER BY sections.position, sections.created_at"
)
SQL_LESSONS_SELECTIN = (
    "SELECT lessons.section_id, lessons.course_id, lessons.title, lessons.kind, "
    "lessons.position, lessons.is_preview, lessons.body, lessons.duration_seconds, "
    "lessons.updated_at, lessons.id, lessons.created_at \nFROM lessons \n"
    "WHERE lessons.section_id IN ({ids}) ORDER BY lessons.position"
)

_TITLE_OPTIONS = 'StartSel="\x02", StopSel="\x03", HighlightAll=true'
_SNIPPET_OPTIONS = (
    'StartSel="\x02", StopSel="\x03", MaxWords=30, MinWords=15, MaxFragments=2, '
    'FragmentDelimiter=" … "'
)


def uuid_list(count: int, first: int) -> str:
    """`$3::UUID, $4::UUID, ...`: an expanded IN list, as SQLAlchemy writes it."""
    return ", ".join(f"${i}::UUID" for i in range(first, first + count))


# --- what the API does around the statements (lectern.catalog.search_text, listing) ---------

_WORD = re.compile(r"[^\W_]+")


def query_words(query: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(query)][:12]


def fragments(marked: str) -> list[dict[str, Any]]:
    return [
        {"text": part, "match": i % 2 == 1}
        for i, part in enumerate(re.split("[\x02\x03]", marked))
        if part
    ]


def encode_cursor(sort: str, value: Any, id_: uuid.UUID) -> str:
    if isinstance(value, datetime):
        value = value.isoformat()
    raw = json.dumps([sort, value, str(id_)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, Any, uuid.UUID]:
    sort, value, id_ = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    if sort in ("newest", "relevance") and isinstance(value, str):
        value = datetime.fromisoformat(value)
    return sort, value, uuid.UUID(id_)


def _default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    return str(value)


def _json(body: object) -> bytes:
    return json.dumps(body, default=_default, ensure_ascii=False, separators=(",", ":")).encode()


def _instructor(user: asyncpg.Record, *, with_bio: bool = False) -> dict[str, Any]:
    out = {
        "id": user["id"],
        "display_name": user["display_name"],
        "avatar_url": f"/api/{user['avatar_key']}" if user["avatar_key"] else None,
    }
    if with_bio:
        out["bio"] = user["bio"]
    return out


def _topic(row: asyncpg.Record) -> dict[str, Any]:
    return {"id": row["id"], "name": row["name"], "slug": row["slug"]}


def _card(
    course: asyncpg.Record, topics: list[dict[str, Any]], team: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "id": course["id"],
        "slug": course["slug"],
        "title": course["title"],
        "subtitle": course["subtitle"],
        "cover_url": f"/api/catalog/{course['cover_key']}" if course["cover_key"] else None,
        "level": course["level"],
        "language": course["language"],
        "topics": topics,
        "price_amount": course["price_amount"] or None,
        "currency": course["currency"],
        "instructors": team,
        "lesson_count": course["lesson_count"],
        "duration_seconds": course["duration_seconds"],
        "rating_average": course["rating_average"],
        "rating_count": course["rating_count"],
        "enrollment_count": course["enrollment_count"],
        "published_at": course["published_at"],
    }


# --- the handlers ---------------------------------------------------------------------------

_STATE: dict[str, Any] = {}


async def _search_rows(
    conn: asyncpg.Connection, words: list[str], limit: int
) -> list[asyncpg.Record]:
    return list(await conn.fetch(SQL_SEARCH, " ".join(words), "published", limit + 1))


async def _page(conn: asyncpg.Connection, request: Request) -> bytes:
    params = request.query_params
    q = " ".join(params.get("q", "").split())
    words = query_words(q)
    topic = params.get("topic")
    levels = sorted(params.getlist("level"))
    sort = params.get("sort", "relevance")
    cursor = params.get("cursor")
    limit = int(params.get("limit", "24"))
    corrected = None

    if words:
        sort_column = "anon_1"
        rows = await _search_rows(conn, words, limit)
        if not rows and not await conn.fetch(SQL_ANYTHING_MATCHES, "published", " ".join(words), 1):
            better = []
            for word in words:
                found = None
                if len(word) >= 3:
                    if await conn.fetchrow(SQL_KNOWN_WORD, word):
                        found = word
                    else:
                        found = await conn.fetchval(SQL_NEAREST_WORD, word, word, 1)
                better.append(found or word)
            if better != words:
                words = better
                corrected = " ".join(words)
                rows = await _search_rows(conn, words, limit)
    elif topic is not None and levels and sort == "popular" and cursor is None:
        sort_column = "enrollment_count__1"
        everything = await conn.fetch(SQL_CATEGORIES)
        root = next((c for c in everything if c["slug"] == topic), None)
        if root is None:
            return _json({"detail": "No such topic."})
        found, frontier = [root["id"]], [root["id"]]
        while frontier:
            frontier = [c["id"] for c in everything if c["parent_id"] in frontier]
            found.extend(frontier)
        statement = SQL_TOPIC_LEVEL_POPULAR.format(
            topics=uuid_list(len(found), 3),
            level=", ".join(f"${i}" for i in range(3 + len(found), 3 + len(found) + len(levels))),
        )
        rows = list(await conn.fetch(statement, "published", limit + 1, *found, *levels))
    elif topic is None and not levels and sort in ("newest", "relevance"):
        sort_column = "published_at__1"
        if cursor:
            _, value, after = decode_cursor(cursor)
            rows = list(await conn.fetch(SQL_NEWEST_AFTER, "published", value, after, limit + 1))
        else:
            rows = list(await conn.fetch(SQL_NEWEST, "published", limit + 1))
    else:
        raise ValueError("the baseline has no statement for this combination")

    more = len(rows) > limit
    rows = rows[:limit]
    ids = [r["id"] for r in rows]
    topics: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    teams: dict[uuid.UUID, list[dict[str, Any]]] = {}
    marks: dict[uuid.UUID, dict[str, Any]] = {}
    if ids:
        id_list = uuid_list(len(ids), 1)
        for row in await conn.fetch(SQL_TOPICS_OF.format(ids=id_list), *ids):
            topics[row["course_id"]].append(_topic(row))
        co: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        for row in await conn.fetch(SQL_CO_INSTRUCTORS_OF.format(ids=id_list), *ids):
            co[row["course_id"]].append(row["user_id"])
        wanted = list({r["owner_id"] for r in rows} | {u for m in co.values() for u in m})
        users = {
            u["id"]: _instructor(u)
            for u in await conn.fetch(SQL_USERS.format(ids=uuid_list(len(wanted), 1)), *wanted)
        }
        teams = {r["id"]: [users[r["owner_id"]], *(users[u] for u in co[r["id"]])] for r in rows}
        if words:
            statement = SQL_HIGHLIGHTS.format(ids=uuid_list(len(ids), 5))
            query = " ".join(words)
            for row in await conn.fetch(
                statement, query, _TITLE_OPTIONS, " — ", _SNIPPET_OPTIONS, *ids
            ):
                marks[row["course_id"]] = {
                    "title": fragments(row["ts_headline_1"]),
                    "snippet": fragments(row["ts_headline_3"]),
                }
    next_cursor = None
    if more:
        next_cursor = encode_cursor(sort, rows[-1][sort_column], rows[-1]["id"])
    items = []
    for r in rows:
        card = _card(r, topics.get(r["id"], []), teams[r["id"]])
        card["highlight"] = marks.get(r["id"])
        items.append(card)
    return _json({"items": items, "next_cursor": next_cursor, "corrected_query": corrected})


async def _landing(conn: asyncpg.Connection, slug: str) -> bytes | None:
    course = await conn.fetchrow(SQL_PUBLIC_BY_SLUG, slug, "published", "unlisted")
    if course is None:
        return None
    course_id = course["id"]
    owner = await conn.fetchrow(SQL_USERS_SELECTIN.format(ids="$1::UUID"), course["owner_id"])
    topics = [_topic(r) for r in await conn.fetch(SQL_TOPICS_SELECTIN, course_id)]
    co_ids = [r["user_id"] for r in await conn.fetch(SQL_CO_INSTRUCTORS_SELECTIN, course_id)]
    team = [_instructor(owner, with_bio=True)]
    if co_ids:
        co_users = {
            u["id"]: u
            for u in await conn.fetch(
                SQL_USERS_SELECTIN.format(ids=uuid_list(len(co_ids), 1)), *co_ids
            )
        }
        team += [_instructor(co_users[u], with_bio=True) for u in co_ids]
    sections = await conn.fetch(SQL_SECTIONS, course_id)
    lessons: dict[uuid.UUID, list[asyncpg.Record]] = defaultdict(list)
    if sections:
        section_ids = [s["id"] for s in sections]
        for lesson in await conn.fetch(
            SQL_LESSONS_SELECTIN.format(ids=uuid_list(len(section_ids), 1)), *section_ids
        ):
            lessons[lesson["section_id"]].append(lesson)
    landing = _card(course, topics, team)
    landing |= {
        "highlight": None,
        "status": course["status"],
        "description": course["description"],
        "tags": json.loads(course["tags"]),
        "outcomes": json.loads(course["outcomes"]),
        "requirements": json.loads(course["requirements"]),
        "sections": [
            {
                "id": s["id"],
                "title": s["title"],
                "duration_seconds": sum(x["duration_seconds"] for x in lessons[s["id"]]),
                "lessons": [
                    {
                        "id": x["id"],
                        "title": x["title"],
                        "kind": x["kind"],
                        "is_preview": x["is_preview"],
                        "duration_seconds": x["duration_seconds"],
                    }
                    for x in lessons[s["id"]]
                ],
            }
            for s in sections
        ],
        "updated_at": course["updated_at"],
    }
    return _json(landing)


def _pool() -> asyncpg.Pool:
    pool = _STATE.get("pool")
    if pool is None:
        raise RuntimeError("set LECTERN_DATABASE_URL (PostgreSQL) for the catalog baseline")
    return pool


async def catalog_page(request: Request) -> Response:
    async with _pool().acquire() as conn:
        return Response(await _page(conn, request), media_type="application/json")


async def catalog_landing(request: Request) -> Response:
    async with _pool().acquire() as conn:
        body = await _landing(conn, request.path_params["slug"])
    if body is None:
        return JSONResponse({"detail": "No such course."}, status_code=404)
    return Response(body, media_type="application/json")


async def _cached(request: Request, key: str, produce: Any) -> Response:
    """The API's cache-aside (lectern.catalog.context): version key, then the page under it."""
    redis: Redis = _STATE["redis"]
    prefix = _STATE["prefix"]
    version = (await redis.get(prefix + "catalog:version") or b"0").decode()
    full_key = f"{prefix}catalog:{version}:{key}"
    body = await redis.get(full_key)
    if body is None:
        async with _pool().acquire() as conn:
            body = await produce(conn)
        await redis.set(full_key, body, ex=300)
    return Response(body, media_type="application/json")


async def cached_page(request: Request) -> Response:
    digest = hashlib.sha256(str(request.query_params).encode()).hexdigest()[:32]
    return await _cached(request, f"list:{digest}", lambda conn: _page(conn, request))


async def cached_landing(request: Request) -> Response:
    slug = request.path_params["slug"]
    return await _cached(request, f"landing:{slug}", lambda conn: _landing(conn, slug))


async def _no_reset(conn: asyncpg.Connection) -> None:
    """SQLAlchemy's pool only rolls back an open transaction when a connection comes back (none
    is open after a commit); asyncpg's default reset would add a round trip running
    pg_advisory_unlock_all(), CLOSE ALL, UNLISTEN * and RESET ALL to every request."""


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    url = os.environ.get("LECTERN_DATABASE_URL", "")
    if url.startswith("postgresql"):
        # As many connections as the API's engine may open (pool_size 10 + max_overflow 20),
        # but kept open: the ceiling does not pay for new connections.
        _STATE["pool"] = await asyncpg.create_pool(
            url.replace("postgresql+asyncpg://", "postgresql://", 1),
            min_size=10,
            max_size=30,
            reset=_no_reset,
        )
    if os.environ.get("LECTERN_REDIS_URL"):
        _STATE["redis"] = Redis.from_url(os.environ["LECTERN_REDIS_URL"])
        _STATE["prefix"] = os.environ.get("LECTERN_REDIS_KEY_PREFIX", "lectern:") + "baseline:"
    try:
        yield
    finally:
        if "pool" in _STATE:
            await _STATE.pop("pool").close()
        if "redis" in _STATE:
            await _STATE.pop("redis").aclose()


routes = [
    Route("/catalog/courses", catalog_page, methods=["GET"]),
    Route("/catalog/courses/{slug}", catalog_landing, methods=["GET"]),
    Route("/cached/catalog/courses", cached_page, methods=["GET"]),
    Route("/cached/catalog/courses/{slug}", cached_landing, methods=["GET"]),
]
