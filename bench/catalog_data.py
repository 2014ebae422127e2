"""Fill a freshly migrated PostgreSQL database with a catalog to benchmark against.

    backend/.venv/bin/python bench/catalog_data.py MANIFEST.json [--courses 10000]
        [--lessons-per-course 20] [--verify 5] [--seed 3] [--replace]

The database is LECTERN_DATABASE_URL (postgresql+asyncpg://...), migrated to head and empty
of courses (--replace empties the catalog first, e.g. of `lectern seed`'s demo school). What
goes in, all published:

- a topic tree of 22 topics (6 roots, 16 below them) and 12 instructors (a few own most
  courses, as on real platforms); one course in ten has a co-instructor;
- COURSES courses with varied levels, languages, prices, ratings, enrolments and publication
  dates over three years; titles, subtitles and 80-200 word Markdown descriptions built from
  per-topic word pools, common English and a long tail of made-up names (a vocabulary of
  about 17,000 words, the order of a real catalog's);
- 3-5 sections per course and LESSONS_PER_COURSE lessons in them (positions per section, as
  the studio numbers them), with kinds, bodies and durations;
- the search documents and the `search_words` vocabulary with exactly the content
  `lectern.catalog.search.reindex_course` writes (same fields, `markdown_to_text`,
  `vocabulary_of`), written in bulk with COPY because calling it 10,000 times is slow;
  `--verify N` then runs the real `reindex_course` on N random courses inside a transaction
  that is rolled back and fails unless it would change nothing.

Selectivity is controlled: the word "python" is in about 10 % of the courses, "kubernetes" in
about 1 %, and the misspelling "kubernetis" in none (its stem matches nothing; the
vocabulary's nearest word by trigram similarity is "kubernetes"). The measured document
frequencies go into the manifest, with the slugs, a topic, a deep cursor and more that
`bench/run.sh` needs. Deterministic for a given --seed.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import itertools
import json
import os
import random
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg

from lectern.catalog.listing import encode_catalog_cursor
from lectern.catalog.schemas import CatalogSort
from lectern.catalog.search_text import markdown_to_text, vocabulary_of
from lectern.catalog.slugs import slugify

FREQUENT_WORD = "python"
RARE_WORD = "kubernetes"
MISSPELT_WORD = "kubernetis"

# --- words ----------------------------------------------------------------------------------

# Root topic -> child topic -> the words its courses are written with.
TOPICS: dict[str, dict[str, str]] = {
    "Development": {
        "Web development": "html css javascript typescript react vue angular svelte django "
        "flask fastapi node express rest graphql api frontend backend browser accessibility "
        "responsive layout component routing authentication webpack vite tailwind server "
        "database postgresql sessions cookies forms websockets caching deployment",
        "Data science": "pandas numpy statistics regression classification clustering "
        "notebook jupyter visualization matplotlib dataset features model training "
        "evaluation probability bayes inference sampling hypothesis correlation sklearn "
        "pipeline cleaning outliers forecasting timeseries dashboards sql analytics tensors",
        "Mobile development": "android ios swift kotlin flutter dart xcode gradle emulator "
        "widgets navigation gestures notifications offline storage camera sensors store "
        "publishing layouts animations permissions lifecycle viewmodel jetpack swiftui",
        "DevOps": "docker containers terraform ansible linux shell bash pipelines jenkins "
        "monitoring prometheus grafana logging incidents cloud aws azure networking nginx "
        "scaling clusters helm observability automation provisioning secrets backups",
    },
    "Business": {
        "Entrepreneurship": "startup founder pitch investors funding product market customers "
        "validation prototype revenue growth hiring team strategy competition pricing "
        "bootstrapping negotiation legal equity roadmap leadership",
        "Marketing": "seo content social campaigns audience brand email funnel conversion "
        "advertising copywriting analytics influencers newsletter landing storytelling "
        "positioning retention segmentation metrics engagement",
        "Finance": "accounting budgeting investing stocks bonds portfolio valuation excel "
        "spreadsheets cashflow taxes retirement savings risk dividends markets trading "
        "balance statements forecasting compounding",
    },
    "Design": {
        "Graphic design": "typography color layout illustrator photoshop logos branding grids "
        "posters vector print composition contrast kerning palettes icons mockups",
        "UX design": "research personas wireframes prototypes usability figma interviews "
        "journeys accessibility interaction testing heuristics information architecture "
        "components tokens systems onboarding",
        "3D and animation": "blender modeling sculpting texturing rigging lighting rendering "
        "keyframes characters shaders materials topology motion timing cinema",
    },
    "Photography and video": {
        "Photography": "camera lens aperture shutter exposure portrait landscape lighting "
        "composition editing lightroom raw studio flash street wildlife macro",
        "Video production": "filming editing premiere resolve color grading audio "
        "microphones storyboard interviews documentary youtube gimbal cuts transitions",
    },
    "Music": {
        "Instruments": "guitar piano drums bass violin chords scales rhythm technique "
        "fingerpicking improvisation sight reading practice songs ukulele",
        "Music production": "mixing mastering synthesis ableton logic beats samples vocals "
        "recording compression equalizer arrangement melody harmony",
    },
    "Lifestyle": {
        "Cooking": "baking bread pastry knife skills sauces vegetarian recipes kitchen "
        "fermentation spices grilling desserts pasta nutrition meal",
        "Fitness": "strength mobility running yoga stretching endurance nutrition recovery "
        "posture cardio training habits breathing balance",
    },
}
COMMON = (  # noqa: SIM905
    "learn build create understand master practice apply explore design develop improve discover "
    "write analyse plan manage organise solve share start finish test review project projects "
    "skills basics fundamentals techniques tools workflow examples exercises lessons concepts "
    "principles patterns methods approach process results problems solutions ideas tips mistakes "
    "habits confidence career job portfolio real world practical simple complete modern "
    "professional essential advanced beginner intermediate clear quick deep hands step guide "
    "introduction overview everything anyone students people team work time week hours minutes "
    "first next better faster easier right way ways own new great good best important common "
    "useful powerful popular small large whole each every other many most more less understanding "
    "building working using making thinking starting growing"
).split()
FILLER = (  # noqa: SIM905
    "the a an and or of to in on for with by from about into through your you will this that "
    "these it is are be can how what why when where which who"
).split()
VERBS = (  # noqa: SIM905
    "Build Create Master Learn Understand Design Develop Improve Explore Apply Write Plan Manage "
    "Practise Discover Analyse Launch Grow Shape Refine"
).split()
GERUNDS = (
    "Building", "Creating", "Setting up", "Understanding", "Designing", "Writing", "Testing",
    "Improving", "Exploring", "Using", "Working with", "Getting started with", "Practising",
    "Reviewing", "Planning", "Debugging", "Organising", "Refining", "Shipping",
)  # fmt: skip
ADJECTIVES = (  # noqa: SIM905
    "Complete Practical Modern Essential Hands-on Professional Advanced Beginner's Ultimate "
    "Applied Friendly Focused Intensive Clear Quick"
).split()
LEVELS = ("beginner", "intermediate", "advanced", "all_levels")
LEVEL_WEIGHTS = (35, 30, 15, 20)
LANGUAGE_WEIGHTS = {
    "en": 62, "es": 9, "pt": 6, "fr": 5, "de": 5, "ja": 3, "it": 2, "hi": 2, "tr": 2,
    "pl": 1, "nl": 1, "ko": 1, "zh": 1,
}  # fmt: skip
CURRENCY_WEIGHTS = {"USD": 80, "EUR": 12, "GBP": 5, "INR": 3}
PRICES = (999, 1499, 1999, 2499, 2999, 3999, 4999, 7999, 9999, 12999, 19999)
KINDS = ("video", "article", "quiz", "assignment")
KIND_WEIGHTS = (72, 18, 7, 3)
INSTRUCTOR_NAMES = (
    "Ada Okafor", "Bruno Lima", "Chen Wei", "Dana Kowalski", "Elif Yilmaz", "Farah Haddad",
    "Gustav Berg", "Hana Sato", "Iris Moreau", "Jonas Weber", "Kavya Rao", "Luis Ortega",
)  # fmt: skip
WORDS_PER_READING_MINUTE = 200


def _long_tail(rng: random.Random, size: int) -> list[str]:
    """Made-up names (products, people, places): the long tail of a real vocabulary."""
    onsets = "b c d f g h k l m n p r s t v z br dr gr kr pl st tr th sh ch".split()  # noqa: SIM905
    vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
    codas = ["", "", "", "n", "r", "l", "s", "x", "k", "m"]
    words: set[str] = set()
    while len(words) < size:
        syllables = rng.choice((2, 2, 3, 3, 4))
        word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(syllables))
        words.add(word + rng.choice(codas))
    ordered = sorted(words)
    rng.shuffle(ordered)  # which of them are common is chance, not the alphabet
    return ordered


@dataclass
class Pools:
    rng: random.Random
    tail: list[str]
    tail_cum: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Zipf-like: a few tail words are in many courses, most in one or two.
        self.tail_cum = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(self.tail))))

    def tail_word(self) -> str:
        x = self.rng.random() * self.tail_cum[-1]
        return self.tail[bisect.bisect_left(self.tail_cum, x)]


def _sentence(rng: random.Random, pools: Pools, topic_words: list[str], extra: list[str]) -> str:
    length = rng.randint(9, 18)
    words = []
    for _ in range(length):
        roll = rng.random()
        if roll < 0.35:
            words.append(rng.choice(FILLER))
        elif roll < 0.65:
            words.append(rng.choice(COMMON))
        elif roll < 0.93:
            words.append(rng.choice(topic_words))
        else:
            words.append(pools.tail_word().capitalize())
    for word in extra:
        words.insert(rng.randrange(len(words) + 1), word)
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _words_to(rng: random.Random, pools: Pools, topic_words: list[str], low: int) -> list[str]:
    out: list[str] = []
    while sum(len(s.split()) for s in out) < low:
        out.append(_sentence(rng, pools, topic_words, []))
    return out


@dataclass
class Generated:
    courses: list[tuple[object, ...]] = field(default_factory=list)
    sections: list[tuple[object, ...]] = field(default_factory=list)
    lessons: list[tuple[object, ...]] = field(default_factory=list)
    course_topics: list[tuple[uuid.UUID, uuid.UUID]] = field(default_factory=list)
    co_instructors: list[tuple[uuid.UUID, uuid.UUID, datetime]] = field(default_factory=list)
    documents: list[tuple[uuid.UUID, str, str, str, str, str]] = field(default_factory=list)
    vocabulary: set[str] = field(default_factory=set)


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def generate(
    rng: random.Random,
    *,
    n_courses: int,
    lessons_per_course: int,
    topic_ids: dict[str, uuid.UUID],
    child_parent: dict[str, str],
    instructor_ids: list[uuid.UUID],
    now: datetime,
) -> Generated:
    out = Generated()
    pools = Pools(rng, _long_tail(rng, 20_000))
    children = list(child_parent)
    # Some topics are far bigger than others.
    child_weights = [rng.uniform(1, 8) for _ in children]
    child_words = {
        child: TOPICS[child_parent[child]][child].split() for child in children
    }  # fmt: skip

    # The controlled words: likelier in some topics, scaled to about 10 % and 1 % overall.
    def chances(by_topic: dict[str, float], default: float, overall: float) -> dict[str, float]:
        raw = {c: by_topic.get(c, default) for c in children}
        mean = sum(raw[c] * w for c, w in zip(children, child_weights, strict=True))
        scale = overall / (mean / sum(child_weights))
        return {c: min(1.0, p * scale) for c, p in raw.items()}

    frequent_p = chances(
        {"Data science": 0.9, "Web development": 0.4, "DevOps": 0.4, "Mobile development": 0.05},
        0.02,
        0.10,
    )
    rare_p = chances({"DevOps": 0.1, "Web development": 0.02, "Data science": 0.01}, 0.002, 0.01)
    owner_weights = [1.0 / (i + 1) ** 1.1 for i in range(len(instructor_ids))]
    slugs: set[str] = set()
    languages, language_w = zip(*LANGUAGE_WEIGHTS.items(), strict=True)
    currencies, currency_w = zip(*CURRENCY_WEIGHTS.items(), strict=True)
    three_years = timedelta(days=3 * 365).total_seconds()

    for _ in range(n_courses):
        course_id = _uuid(rng)
        child = rng.choices(children, child_weights)[0]
        words = child_words[child]
        extra: list[str] = []
        if rng.random() < frequent_p[child]:
            extra.append(FREQUENT_WORD)
        if rng.random() < rare_p[child]:
            extra.append(RARE_WORD.capitalize() if rng.random() < 0.5 else RARE_WORD)

        subject = " ".join(rng.sample(words, 2)).title()
        in_title = [w.capitalize() for w in extra if rng.random() < 0.4]
        title = f"{rng.choice(ADJECTIVES)} {subject}"
        if in_title:
            title += " with " + " and ".join(in_title)
        title += f": {rng.choice(VERBS)} {rng.choice(words)} {rng.choice(FILLER[:6])} "
        title += f"{rng.choice(COMMON)} {pools.tail_word().capitalize()}"
        title = title[:120].rstrip()
        subtitle = _sentence(rng, pools, words, [])[:200]
        slug = stem = slugify(title)
        n = 2
        while slug in slugs:
            slug = f"{stem}-{n}"
            n += 1
        slugs.add(slug)

        target = rng.randint(80, 200)
        intro = _words_to(rng, pools, words, target // 2 - 10)
        body = _words_to(rng, pools, words, target - target // 2 - 45)
        # The controlled words go into the prose once, wherever the title has not got them.
        for word in extra:
            if word.capitalize() not in in_title:
                spot = rng.randrange(len(intro))
                intro[spot] = intro[spot][:-1] + f" with {word}."
        outcomes = [_sentence(rng, pools, words, [])[:-1][:120] for _ in range(rng.randint(3, 6))]
        requirements = [
            _sentence(rng, pools, words, [])[:-1][:120] for _ in range(rng.randint(1, 3))
        ]
        description = (
            " ".join(intro)
            + "\n\n## What you will learn\n\n"
            + "\n".join(f"- **{o.split()[0]}** {' '.join(o.split()[1:])}" for o in outcomes[:3])
            + "\n\n"
            + " ".join(body)
            + f"\n\nSee [the {rng.choice(words)} notes](https://example.com/notes) too."
        )
        tags = sorted(set(rng.sample(words, rng.randint(2, 5))))

        # Curriculum: 3-5 sections sharing the lessons, positions numbered per section.
        n_sections = rng.choice((3, 4, 4, 4, 5))
        cuts = sorted(rng.sample(range(1, lessons_per_course), n_sections - 1))
        sizes = [b - a for a, b in zip([0, *cuts], [*cuts, lessons_per_course], strict=True)]
        created = now - timedelta(seconds=rng.uniform(0, three_years))
        published = created + timedelta(days=rng.uniform(1, 30))
        if published > now:
            published = now - timedelta(minutes=rng.uniform(1, 600))
        lesson_titles: list[str] = []
        total_seconds = 0
        lesson_index = 0
        for s_position, size in enumerate(sizes):
            section_id = _uuid(rng)
            section_title = f"{rng.choice(GERUNDS)} {' '.join(rng.sample(words, 2))}"
            out.sections.append((section_id, course_id, section_title[:120], s_position, created))
            for position in range(size):
                kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
                lesson_title = f"{rng.choice(GERUNDS)} {rng.choice(words)}"
                if rng.random() < 0.5:
                    lesson_title += f" {rng.choice(FILLER[:6])} {rng.choice(COMMON)}"
                if rng.random() < 0.15:
                    lesson_title += f" {pools.tail_word()}"
                if extra and rng.random() < 0.1:
                    lesson_title += f" with {extra[0]}"
                lesson_title = lesson_title[:120]
                lesson_body = " ".join(_words_to(rng, pools, words, rng.randint(20, 50)))
                if kind == "video":
                    seconds = rng.randint(120, 1500)
                elif kind == "article":
                    seconds = max(60, -(-len(lesson_body.split()) // WORDS_PER_READING_MINUTE) * 60)
                else:
                    seconds = 0
                total_seconds += seconds
                out.lessons.append(
                    (
                        _uuid(rng),
                        course_id,
                        section_id,
                        lesson_title,
                        kind,
                        position,
                        lesson_index < 2,  # the first two lessons are free previews
                        lesson_body,
                        seconds,
                        published,
                        created,
                    )
                )
                lesson_titles.append(lesson_title)
                lesson_index += 1

        enrollments = int(rng.paretovariate(1.2) * 20) - 20
        rating_count = int(enrollments * rng.uniform(0.02, 0.15))
        rating = round(rng.triangular(2.8, 5.0, 4.6), 2) if rating_count else None
        free = rng.random() < 0.22
        out.courses.append(
            (
                course_id,
                slug,
                title,
                subtitle,
                description,
                rng.choices(languages, language_w)[0],
                rng.choices(LEVELS, LEVEL_WEIGHTS)[0],
                json.dumps(tags),
                json.dumps(outcomes),
                json.dumps(requirements),
                None,  # cover_key
                None if free else rng.choice(PRICES),
                rng.choices(currencies, currency_w)[0],
                rng.choices(instructor_ids, owner_weights)[0],
                "published",
                None,  # review_reason
                published - timedelta(hours=rng.uniform(1, 48)),  # reviewed_at
                published - timedelta(days=rng.uniform(1, 5)),  # submitted_at
                published,
                published,  # first_published_at
                published + timedelta(days=rng.uniform(0, 60)) if rng.random() < 0.3 else published,
                lessons_per_course,
                total_seconds,
                enrollments,
                rating,
                rating_count,
                created,
            )
        )
        out.course_topics.append((course_id, topic_ids[child]))
        if rng.random() < 0.2:
            second = rng.choice(children)
            if second != child:
                out.course_topics.append((course_id, topic_ids[second]))
        if rng.random() < 0.1:
            owner = out.courses[-1][13]
            co = rng.choice([u for u in instructor_ids if u != owner])
            out.co_instructors.append((course_id, co, published))

        # Exactly what reindex_course writes, in curriculum order.
        fields = (
            title,
            subtitle,
            markdown_to_text(description),
            " ".join(tags),
            " · ".join(lesson_titles),
        )
        out.documents.append((course_id, *fields))
        out.vocabulary |= vocabulary_of(*fields)
    return out


COURSE_COLUMNS = (  # noqa: SIM905
    "id slug title subtitle description language level tags outcomes requirements cover_key "
    "price_amount currency owner_id status review_reason reviewed_at submitted_at published_at "
    "first_published_at updated_at lesson_count duration_seconds enrollment_count rating_average "
    "rating_count created_at"
).split()
LESSON_COLUMNS = (  # noqa: SIM905
    "id course_id section_id title kind position is_preview body duration_seconds updated_at "
    "created_at"
).split()


def _dsn() -> str:
    url = os.environ.get("LECTERN_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        sys.exit("catalog_data: LECTERN_DATABASE_URL must be a postgresql+asyncpg:// URL")
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def _verify(course_ids: list[uuid.UUID]) -> None:
    """Run the real reindex_course on some courses; it must find nothing to change."""
    from sqlalchemy import func, select, text

    from lectern.catalog.search import reindex_course
    from lectern.kit.db import create_engine, create_sessionmaker
    from lectern.models import Course, SearchWord

    columns = "title, subtitle, description, tags, lessons, document::text"
    engine = create_engine(os.environ["LECTERN_DATABASE_URL"])
    try:
        async with create_sessionmaker(engine)() as session:
            words_before = await session.scalar(select(func.count()).select_from(SearchWord))
            for course_id in course_ids:
                where = "FROM course_search_documents WHERE course_id = :i"
                query = text(f"SELECT {columns} {where}")
                before = (await session.execute(query, {"i": course_id})).one()
                course = await session.get(Course, course_id)
                assert course is not None
                await reindex_course(session, course)
                await session.flush()
                after = (await session.execute(query, {"i": course_id})).one()
                for name, old, new in zip(columns.split(", "), before, after, strict=True):
                    if name == "lessons":
                        # reindex_course orders lesson titles by Lesson.position alone, which
                        # restarts in every section: ties come back in any order.
                        old, new = sorted(old.split(" · ")), sorted(new.split(" · "))
                    if name == "document::text" and before[4] != after[4]:
                        continue  # same words, positions shifted by the lesson order
                    if old != new:
                        raise SystemExit(f"verify: {course_id} {name} differs:\n{old}\n{new}")
            words_after = await session.scalar(select(func.count()).select_from(SearchWord))
            if words_after != words_before:
                raise SystemExit(f"verify: vocabulary grew {words_before} -> {words_after}")
            await session.rollback()
    finally:
        await engine.dispose()


async def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("manifest", type=Path)
    parser.add_argument("--courses", type=int, default=10_000)
    parser.add_argument("--lessons-per-course", type=int, default=20)
    parser.add_argument("--verify", type=int, default=5)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument(
        "--replace",
        action="store_true",
        help="empty the catalog first (TRUNCATE courses, categories, search_words CASCADE): "
        "`lectern seed` adds a demo school",
    )
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)  # noqa: S311 - test data, not secrets
    started = time.monotonic()
    now = datetime(2026, 11, 1, tzinfo=UTC)

    conn = await asyncpg.connect(_dsn())
    try:
        if args.replace:
            await conn.execute("TRUNCATE courses, categories, search_words CASCADE")
        if await conn.fetchval("SELECT count(*) FROM courses"):
            sys.exit("catalog_data: the database already has courses (--replace empties it)")

        # Topics: roots, then children.
        topic_ids: dict[str, uuid.UUID] = {}
        child_parent: dict[str, str] = {}
        topic_rows = []
        for r_pos, (root, kids) in enumerate(TOPICS.items()):
            topic_ids[root] = _uuid(rng)
            topic_rows.append((topic_ids[root], root, slugify(root), None, r_pos, now))
            for c_pos, child in enumerate(kids):
                topic_ids[child] = _uuid(rng)
                child_parent[child] = root
                topic_rows.append(
                    (topic_ids[child], child, slugify(child), topic_ids[root], c_pos, now)
                )

        instructor_ids = [_uuid(rng) for _ in INSTRUCTOR_NAMES]
        users = [
            (
                uid,
                f"{slugify(name, fallback='teacher')}@bench.lectern.test",
                name,
                f"{name.split()[0]} has taught online for {rng.randint(2, 15)} years.",
                "UTC",
                "en",
                now,
                now,
                now,
            )
            for uid, name in zip(instructor_ids, INSTRUCTOR_NAMES, strict=True)
        ]

        data = generate(
            rng,
            n_courses=args.courses,
            lessons_per_course=args.lessons_per_course,
            topic_ids=topic_ids,
            child_parent=child_parent,
            instructor_ids=instructor_ids,
            now=now,
        )
        generated = time.monotonic()
        print(
            f"generated {len(data.courses)} courses, {len(data.sections)} sections, "
            f"{len(data.lessons)} lessons, {len(data.vocabulary)} words "
            f"in {generated - started:.1f} s"
        )

        async with conn.transaction():
            await conn.copy_records_to_table(
                "categories",
                records=topic_rows,
                columns=["id", "name", "slug", "parent_id", "position", "created_at"],
            )
            await conn.copy_records_to_table(
                "users",
                records=users,
                columns=[
                    "id",
                    "email",
                    "display_name",
                    "bio",
                    "timezone",
                    "language",
                    "email_verified_at",
                    "updated_at",
                    "created_at",
                ],
            )
            await conn.copy_records_to_table(
                "user_roles",
                records=[(uid, "instructor", now) for uid in instructor_ids],
                columns=["user_id", "role", "granted_at"],
            )
            await conn.copy_records_to_table(
                "courses", records=data.courses, columns=COURSE_COLUMNS
            )
            await conn.copy_records_to_table(
                "course_topics", records=data.course_topics, columns=["course_id", "category_id"]
            )
            await conn.copy_records_to_table(
                "course_instructors",
                records=data.co_instructors,
                columns=["course_id", "user_id", "added_at"],
            )
            await conn.copy_records_to_table(
                "sections",
                records=data.sections,
                columns=["id", "course_id", "title", "position", "created_at"],
            )
            await conn.copy_records_to_table(
                "lessons", records=data.lessons, columns=LESSON_COLUMNS
            )
            await conn.copy_records_to_table(
                "course_search_documents",
                records=data.documents,
                columns=["course_id", "title", "subtitle", "description", "tags", "lessons"],
            )
            await conn.copy_records_to_table(
                "search_words", records=[(w,) for w in sorted(data.vocabulary)], columns=["word"]
            )
        loaded = time.monotonic()
        print(f"loaded with COPY in {loaded - generated:.1f} s")
        # A catalog that has been up a while has been vacuumed and analysed: plan like one.
        await conn.execute("VACUUM ANALYZE")
        print(f"VACUUM ANALYZE in {time.monotonic() - loaded:.1f} s")

        total = len(data.courses)

        async def share(word: str) -> float:
            found = await conn.fetchval(
                "SELECT count(*) FROM course_search_documents "
                "WHERE document @@ websearch_to_tsquery('english', $1)",
                word,
            )
            return round(found / total, 4)

        frequencies = {w: await share(w) for w in (FREQUENT_WORD, RARE_WORD, MISSPELT_WORD)}
        if frequencies[MISSPELT_WORD] != 0:
            sys.exit(f"catalog_data: {MISSPELT_WORD!r} matches courses; pick another")
        nearest = await conn.fetchval(
            "SELECT word FROM search_words WHERE word % $1 "
            "ORDER BY similarity(word, $1) DESC, word LIMIT 1",
            MISSPELT_WORD,
        )
        if nearest != RARE_WORD:
            sys.exit(f"catalog_data: {MISSPELT_WORD!r} corrects to {nearest!r}, not {RARE_WORD!r}")

        by_newest = await conn.fetch(
            "SELECT id, slug, published_at FROM courses WHERE status = 'published' "
            "ORDER BY published_at DESC, id DESC"
        )
        deep = by_newest[total // 2 - 1]
        popular = await conn.fetchval(
            "SELECT slug FROM courses ORDER BY enrollment_count DESC, id DESC LIMIT 1"
        )
        # The filtered scenario: a root topic, so the filter spans its children.
        topic_root = "Development"
        manifest = {
            "courses": total,
            "sections": len(data.sections),
            "lessons": len(data.lessons),
            "topics": len(topic_rows),
            "instructors": len(instructor_ids),
            "co_instructors": len(data.co_instructors),
            "vocabulary": len(data.vocabulary),
            "frequent_word": FREQUENT_WORD,
            "rare_word": RARE_WORD,
            "misspelt_word": MISSPELT_WORD,
            "document_frequency": frequencies,
            "filter_topic": slugify(topic_root),
            "filter_level": "beginner",
            "landing_slug": popular,
            "deep_position": total // 2,
            "deep_cursor": encode_catalog_cursor(
                CatalogSort.newest, deep["published_at"], deep["id"]
            ),
            "slugs": [row["slug"] for row in by_newest],
            "table_sizes": {
                row["relname"]: row["size"]
                for row in await conn.fetch(
                    "SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) AS size "
                    "FROM pg_class WHERE relname = ANY($1::text[])",
                    ["courses", "lessons", "sections", "course_search_documents", "search_words"],
                )
            },
        }
        filtered = await conn.fetchval(
            "SELECT count(*) FROM courses c WHERE level = 'beginner' AND id IN ("
            "SELECT course_id FROM course_topics t JOIN categories g ON g.id = t.category_id "
            "WHERE g.slug = $1 OR g.parent_id = (SELECT id FROM categories WHERE slug = $1))",
            manifest["filter_topic"],
        )
        manifest["filter_share"] = round(filtered / total, 4)
    finally:
        await conn.close()

    if args.verify:
        sample = rng.sample([row[0] for row in data.courses], min(args.verify, total))
        await _verify(sample)
        print(f"verified {len(sample)} courses against reindex_course: nothing to change")

    args.manifest.write_text(json.dumps(manifest, indent=1) + "\n")
    print(
        f"document frequency: {frequencies}; filter share {manifest['filter_share']}; "
        f"total {time.monotonic() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
