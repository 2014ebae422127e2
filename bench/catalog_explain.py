"""EXPLAIN ANALYZE of the catalog's statements on the bench data: where PostgreSQL spends time.

    backend/.venv/bin/python bench/catalog_explain.py MANIFEST.json > explain.txt

The statements are the API's own (bench/catalog_baseline.py holds them as literal text) with
the parameters of the bench's scenarios. Each runs three times; the fastest execution is
reported with its plan. Lines starting with "==" are the summary; the plans follow, indented.

The "what if" part tries changes Lectern does not have, inside a transaction that is rolled
back: an index for sort=popular, and the search's rank computed from the matched row instead
of a second lookup per match (see docs/performance.md).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parent))

import catalog_baseline as sql

LIMIT = 25  # the API asks for one more than the page of 24

# sort=popular without a filter (what the API sends for it).
POPULAR = (
    f"SELECT {sql._COURSE}, courses.enrollment_count AS enrollment_count__1 \nFROM courses \n"
    "WHERE courses.status = $1 ORDER BY courses.enrollment_count DESC, courses.id DESC \n"
    " LIMIT $2::INTEGER"
)
# A rewrite of the search statement: rank the matching documents where the index found them
# (no second lookup per match), sort, and only then fetch the courses by primary key, keeping
# the status filter (and any other filter) in the lateral join.
SEARCH_RANK_FIRST = (
    f"SELECT {sql._COURSE}, m.rank AS anon_1 \n"  # noqa: S608 - fixed text
    "FROM (SELECT course_search_documents.course_id AS course_id, "
    "ts_rank_cd(course_search_documents.document, websearch_to_tsquery('english'::regconfig, "
    "$1::VARCHAR)) AS rank FROM course_search_documents "
    "WHERE course_search_documents.document @@ websearch_to_tsquery('english'::regconfig, "
    "$1::VARCHAR) ORDER BY rank DESC, course_id DESC) AS m \n"
    "CROSS JOIN LATERAL (SELECT * FROM courses WHERE courses.id = m.course_id "
    "AND courses.status = $2) AS courses \n"
    "ORDER BY m.rank DESC, courses.id DESC \n LIMIT $3::INTEGER"
)


async def explain(conn: asyncpg.Connection, name: str, statement: str, *args: Any) -> None:
    best: tuple[float, float, list[str]] | None = None
    for _ in range(3):
        rows = await conn.fetch(f"EXPLAIN (ANALYZE, BUFFERS) {statement}", *args)
        plan = [r[0] for r in rows]
        text = "\n".join(plan)
        execution = float(re.search(r"Execution Time: ([\d.]+)", text).group(1))  # type: ignore[union-attr]
        planning = float(re.search(r"Planning Time: ([\d.]+)", text).group(1))  # type: ignore[union-attr]
        if best is None or execution < best[0]:
            best = (execution, planning, plan)
    assert best is not None
    execution, planning, plan = best
    text = "\n".join(plan)
    indexes = sorted(set(re.findall(r"(?:Index|Index Only) Scan(?: Backward)? using (\w+)", text)))
    indexes += sorted(set(re.findall(r"Bitmap Index Scan on (\w+)", text)))
    seq = sorted(set(re.findall(r"Seq Scan on (\w+)", text)))
    print(
        f"== {name}: {execution:.2f} ms execution, {planning:.2f} ms planning; "
        f"indexes: {', '.join(indexes) or 'none'}; sequential scans: {', '.join(seq) or 'none'}"
    )
    for line in plan:
        print(f"    {line}")


async def main(manifest: dict[str, Any]) -> int:
    url = os.environ["LECTERN_DATABASE_URL"].replace("postgresql+asyncpg://", "postgresql://", 1)
    conn = await asyncpg.connect(url)
    try:
        frequent, rare, misspelt = (
            manifest["frequent_word"],
            manifest["rare_word"],
            manifest["misspelt_word"],
        )
        await explain(conn, "listing, newest first", sql.SQL_NEWEST, "published", LIMIT)
        _, value, after = sql.decode_cursor(manifest["deep_cursor"])
        await explain(
            conn,
            f"listing, newest first, after course {manifest['deep_position']:,} (keyset cursor)",
            sql.SQL_NEWEST_AFTER,
            "published",
            value,
            after,
            LIMIT,
        )
        categories = await conn.fetch(sql.SQL_CATEGORIES)
        root = next(c for c in categories if c["slug"] == manifest["filter_topic"])
        topic_ids = [root["id"], *(c["id"] for c in categories if c["parent_id"] == root["id"])]
        filtered = sql.SQL_TOPIC_LEVEL_POPULAR.format(
            topics=sql.uuid_list(len(topic_ids), 3), level=f"${3 + len(topic_ids)}"
        )
        filter_args = ("published", LIMIT, *topic_ids, manifest["filter_level"])
        await explain(conn, "listing, topic + level, sort=popular", filtered, *filter_args)
        search_args = ("published", LIMIT)
        await explain(conn, f"search '{frequent}'", sql.SQL_SEARCH, frequent, *search_args)
        await explain(conn, f"search '{rare}'", sql.SQL_SEARCH, rare, "published", LIMIT)
        await explain(
            conn, f"search '{misspelt}' (no match)", sql.SQL_SEARCH, misspelt, "published", LIMIT
        )
        await explain(
            conn,
            f"anything matches '{misspelt}'",
            sql.SQL_ANYTHING_MATCHES,
            "published",
            misspelt,
            1,
        )
        await explain(conn, "known word", sql.SQL_KNOWN_WORD, misspelt)
        await explain(conn, "nearest word (pg_trgm)", sql.SQL_NEAREST_WORD, misspelt, misspelt, 1)
        ids = [r["id"] for r in await conn.fetch(sql.SQL_SEARCH, frequent, "published", 24)]
        await explain(
            conn,
            f"highlights of a page of '{frequent}' (ts_headline x 2 x 24)",
            sql.SQL_HIGHLIGHTS.format(ids=sql.uuid_list(len(ids), 5)),
            frequent,
            sql._TITLE_OPTIONS,
            " — ",
            sql._SNIPPET_OPTIONS,
            *ids,
        )
        await explain(
            conn,
            "topics of a page",
            sql.SQL_TOPICS_OF.format(ids=sql.uuid_list(len(ids), 1)),
            *ids,
        )
        course = await conn.fetchrow(
            sql.SQL_PUBLIC_BY_SLUG, manifest["landing_slug"], "published", "unlisted"
        )
        await explain(
            conn,
            "landing: course by slug",
            sql.SQL_PUBLIC_BY_SLUG,
            manifest["landing_slug"],
            "published",
            "unlisted",
        )
        await explain(conn, "landing: sections", sql.SQL_SECTIONS, course["id"])
        sections = [r["id"] for r in await conn.fetch(sql.SQL_SECTIONS, course["id"])]
        await explain(
            conn,
            "landing: lessons",
            sql.SQL_LESSONS_SELECTIN.format(ids=sql.uuid_list(len(sections), 1)),
            *sections,
        )

        print("\n== what if (not in Lectern; tried in a transaction that is rolled back)")
        await explain(conn, "as is: topic + level, sort=popular", filtered, *filter_args)
        await explain(conn, "as is: sort=popular, no filter", POPULAR, "published", LIMIT)
        rollback = conn.transaction()
        await rollback.start()
        try:
            await conn.execute(
                "CREATE INDEX bench_courses_status_enrollment ON courses "
                "(status, enrollment_count, id)"
            )
            await conn.execute("ANALYZE courses")
            await explain(
                conn,
                "what if: CREATE INDEX ON courses (status, enrollment_count, id); "
                "topic + level, sort=popular",
                filtered,
                *filter_args,
            )
            await explain(
                conn,
                "what if: the same index; sort=popular, no filter",
                POPULAR,
                "published",
                LIMIT,
            )
        finally:
            await rollback.rollback()
        await explain(conn, f"as is: search '{frequent}'", sql.SQL_SEARCH, frequent, *search_args)
        await explain(
            conn,
            f"what if: search '{frequent}' ranked on the matched rows, then courses by key",
            SEARCH_RANK_FIRST,
            frequent,
            *search_args,
        )
        await explain(
            conn,
            f"what if: search '{rare}' ranked on the matched rows, then courses by key",
            SEARCH_RANK_FIRST,
            rare,
            *search_args,
        )
        for word in (frequent, rare):
            as_is = [
                (r["id"], r["anon_1"]) for r in await conn.fetch(sql.SQL_SEARCH, word, *search_args)
            ]
            rewritten = [
                (r["id"], r["anon_1"])
                for r in await conn.fetch(SEARCH_RANK_FIRST, word, *search_args)
            ]
            print(
                f"== the rewrite answers the same courses in the same order for '{word}': "
                f"{'yes' if as_is == rewritten else 'NO'}"
            )
    finally:
        await conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(json.loads(Path(sys.argv[1]).read_text()))))
