"""The public catalog's statement: filters, sort orders and keyset cursors."""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, tuple_

from lectern.catalog.schemas import CatalogSort, DurationBucket, PriceFilter
from lectern.catalog.search import TextMatch
from lectern.errors import Invalid
from lectern.models import Course, CourseLevel, CourseStatus, course_topics

HOUR = 3600
DURATION_RANGES: dict[DurationBucket, tuple[int, int | None]] = {
    DurationBucket.under_1h: (0, HOUR),
    DurationBucket.from_1_to_3h: (HOUR, 3 * HOUR),
    DurationBucket.from_3_to_6h: (3 * HOUR, 6 * HOUR),
    DurationBucket.from_6_to_17h: (6 * HOUR, 17 * HOUR),
    DurationBucket.over_17h: (17 * HOUR, None),
}


@dataclass(frozen=True)
class CatalogFilters:
    topic_ids: list[uuid.UUID] | None = None
    levels: list[CourseLevel] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    price: PriceFilter | None = None
    min_rating: float | None = None
    durations: list[DurationBucket] = field(default_factory=list)


def _price() -> ColumnElement[int]:
    return func.coalesce(Course.price_amount, 0)


def sort_key(sort: CatalogSort, match: TextMatch | None) -> tuple[Any, bool]:
    """The column a sort orders by, and whether it runs descending (ids break ties alike)."""
    if sort == CatalogSort.relevance and match is not None:
        return match.rank, True
    if sort == CatalogSort.popular:
        return Course.enrollment_count, True
    if sort == CatalogSort.price_low:
        return _price(), False
    if sort == CatalogSort.price_high:
        return _price(), True
    return Course.published_at, True


def catalog_statement(
    filters: CatalogFilters,
    match: TextMatch | None,
    sort: CatalogSort,
    after: tuple[Any, uuid.UUID] | None,
    limit: int,
) -> Select[tuple[Course, Any]]:
    key, descending = sort_key(sort, match)
    statement = select(Course, key).where(Course.status == CourseStatus.published)
    if match is not None:
        statement = statement.where(match.course_ids)
    if filters.topic_ids is not None:
        statement = statement.where(
            Course.id.in_(
                select(course_topics.c.course_id).where(
                    course_topics.c.category_id.in_(filters.topic_ids)
                )
            )
        )
    if filters.levels:
        statement = statement.where(Course.level.in_(filters.levels))
    if filters.languages:
        statement = statement.where(Course.language.in_(filters.languages))
    if filters.price == PriceFilter.free:
        statement = statement.where(_price() == 0)
    elif filters.price == PriceFilter.paid:
        statement = statement.where(_price() > 0)
    if filters.min_rating is not None:
        statement = statement.where(Course.rating_average >= filters.min_rating)
    if filters.durations:
        ranges = []
        for bucket in filters.durations:
            low, high = DURATION_RANGES[bucket]
            ranges.append(
                and_(Course.duration_seconds >= low, Course.duration_seconds < high)
                if high is not None
                else Course.duration_seconds >= low
            )
        statement = statement.where(or_(*ranges))
    if after is not None:
        value, id_ = after
        if descending:
            statement = statement.where(tuple_(key, Course.id) < tuple_(value, id_))
        else:
            statement = statement.where(tuple_(key, Course.id) > tuple_(value, id_))
    order = (key.desc(), Course.id.desc()) if descending else (key.asc(), Course.id.asc())
    return statement.order_by(*order).limit(limit)


def encode_catalog_cursor(sort: CatalogSort, value: Any, id_: uuid.UUID) -> str:
    if isinstance(value, datetime):
        value = value.isoformat()
    raw = json.dumps([sort.value, value, str(id_)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_catalog_cursor(cursor: str, sort: CatalogSort) -> tuple[Any, uuid.UUID]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        cursor_sort, value, id_ = json.loads(base64.urlsafe_b64decode(padded))
        if cursor_sort != sort.value:
            raise ValueError("cursor from another sort order")
        if sort in (CatalogSort.newest, CatalogSort.relevance) and isinstance(value, str):
            value = datetime.fromisoformat(value)
        elif not isinstance(value, int | float):
            raise ValueError("bad cursor value")
        return value, uuid.UUID(id_)
    except (ValueError, TypeError) as exc:
        raise Invalid("The cursor is not one this API gave out.", code="invalid_cursor") from exc
