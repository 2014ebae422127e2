"""Turning loaded rows into the catalog's response models."""

from __future__ import annotations

from lectern.catalog.covers import cover_url
from lectern.catalog.schemas import (
    CourseCard,
    CourseLanding,
    Instructor,
    InstructorRef,
    LessonOutline,
    SearchHighlight,
    SectionOutline,
    StudioCourse,
    StudioCourseSummary,
    StudioLesson,
    StudioSection,
    TopicRef,
)
from lectern.models import Category, Course, Lesson, Section, User
from lectern.users.schemas import avatar_url


def instructor_ref(user: User) -> InstructorRef:
    return InstructorRef(id=user.id, display_name=user.display_name, avatar_url=avatar_url(user))


def instructor(user: User) -> Instructor:
    return Instructor(
        id=user.id, display_name=user.display_name, avatar_url=avatar_url(user), bio=user.bio
    )


def topic_ref(category: Category) -> TopicRef:
    return TopicRef(id=category.id, name=category.name, slug=category.slug)


def team_of(course: Course) -> list[User]:
    """Owner first, then co-instructors; needs `owner` and `co_instructors.user` loaded."""
    return [course.owner, *(c.user for c in course.co_instructors)]


def course_card(
    course: Course,
    topics: list[Category],
    team: list[User],
    highlight: SearchHighlight | None = None,
) -> CourseCard:
    return CourseCard(
        id=course.id,
        slug=course.slug,
        title=course.title,
        subtitle=course.subtitle,
        cover_url=cover_url(course.cover_key),
        level=course.level,
        language=course.language,
        topics=[topic_ref(t) for t in topics],
        price_amount=course.price_amount or None,
        currency=course.currency,
        instructors=[instructor_ref(u) for u in team],
        lesson_count=course.lesson_count,
        duration_seconds=course.duration_seconds,
        rating_average=course.rating_average,
        rating_count=course.rating_count,
        enrollment_count=course.enrollment_count,
        published_at=course.published_at,
        highlight=highlight,
    )


def _lesson_outline(lesson: Lesson) -> LessonOutline:
    return LessonOutline(
        id=lesson.id,
        title=lesson.title,
        kind=lesson.kind,
        is_preview=lesson.is_preview,
        duration_seconds=lesson.duration_seconds,
    )


def course_landing(course: Course, sections: list[Section]) -> CourseLanding:
    """Needs the course's team and topics loaded."""
    card = course_card(course, list(course.topics), team_of(course))
    return CourseLanding(
        **card.model_dump(exclude={"instructors", "highlight"}),
        instructors=[instructor(u) for u in team_of(course)],
        status=course.status,
        description=course.description,
        tags=course.tags,
        outcomes=course.outcomes,
        requirements=course.requirements,
        sections=[
            SectionOutline(
                id=s.id,
                title=s.title,
                duration_seconds=sum(lesson.duration_seconds for lesson in s.lessons),
                lessons=[_lesson_outline(lesson) for lesson in s.lessons],
            )
            for s in sections
        ],
        updated_at=course.updated_at,
    )


def studio_summary(course: Course) -> StudioCourseSummary:
    """Needs `owner` loaded."""
    return StudioCourseSummary(
        id=course.id,
        slug=course.slug,
        title=course.title,
        status=course.status,
        cover_url=cover_url(course.cover_key),
        lesson_count=course.lesson_count,
        duration_seconds=course.duration_seconds,
        price_amount=course.price_amount or None,
        currency=course.currency,
        review_reason=course.review_reason,
        submitted_at=course.submitted_at,
        updated_at=course.updated_at,
        owner=instructor_ref(course.owner),
    )


def studio_course(course: Course, sections: list[Section], *, can_manage: bool) -> StudioCourse:
    """Needs the course's team and topics loaded."""
    return StudioCourse(
        **studio_summary(course).model_dump(),
        subtitle=course.subtitle,
        description=course.description,
        language=course.language,
        level=course.level,
        topics=[topic_ref(t) for t in course.topics],
        tags=course.tags,
        outcomes=course.outcomes,
        requirements=course.requirements,
        reviewed_at=course.reviewed_at,
        published_at=course.published_at,
        co_instructors=[instructor_ref(c.user) for c in course.co_instructors],
        time_zone=course.time_zone,
        sections=[
            StudioSection(
                id=s.id,
                title=s.title,
                lessons=[
                    StudioLesson(
                        **_lesson_outline(lesson).model_dump(),
                        body=lesson.body,
                        updated_at=lesson.updated_at,
                    )
                    for lesson in s.lessons
                ],
            )
            for s in sections
        ],
        can_manage=can_manage,
        can_delete=can_manage and course.first_published_at is None,
    )
