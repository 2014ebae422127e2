"""The demo school's quiz and assignment: "Smartphone Filmmaking Essentials" ends with a
section that checks the student's skills, built through the studio's services like the rest.
Added once: a course that already has a quiz is left alone."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy import select

from lectern.assessments.builder import assessment_builder
from lectern.assessments.context import AssessmentContext
from lectern.assessments.deadlines import zone
from lectern.assessments.questions import QuestionSpec
from lectern.assessments.schemas import (
    AssignmentUpdate,
    QuestionWrite,
    QuizSettingsUpdate,
    RubricCriterion,
)
from lectern.catalog.context import CatalogContext
from lectern.catalog.schemas import CourseUpdate, LessonCreate, LessonUpdate
from lectern.catalog.studio import studio_service
from lectern.demo.content import SMARTPHONE_FILMMAKING, Person
from lectern.models import AnswerReveal, Course, LatePolicy, Lesson, LessonKind, QuestionKind, User

TIME_ZONE = "Europe/London"

QUIZ_INTRO = """Ten minutes, three tries, 70 % to pass. Your answers are saved as you go: if the
page reloads, carry on where you were."""

ASSIGNMENT_BRIEF = """Shoot a **30-second sequence** of someone making a cup of tea (or coffee)
with your phone, using what the course taught:

1. a wide shot, a medium shot and at least two close-ups;
2. focus and exposure locked on every shot;
3. window light on the face, and the sound recorded close.

Hand in a PDF with three stills from your sequence and, for each, two sentences on how you
framed and lit it. A link to the video itself is welcome in the text box."""

QUESTIONS = [
    QuestionWrite(
        kind=QuestionKind.single_choice,
        prompt="Your shot keeps **pulsing** in and out of focus. What do you do first?",
        explanation="Auto-focus hunts when nothing in the frame stands out; locking it stops that.",
        spec=QuestionSpec.model_validate(
            {
                "options": [
                    {
                        "text": "Press and hold on the subject to lock focus and exposure",
                        "correct": True,
                        "feedback": "Yes: AE/AF lock holds both until you tap again.",
                    },
                    {
                        "text": "Zoom in with two fingers",
                        "feedback": "Digital zoom only crops: the focus keeps hunting.",
                    },
                    {"text": "Switch to the front camera", "feedback": "Same problem, worse lens."},
                ]
            }
        ),
    ),
    QuestionWrite(
        kind=QuestionKind.multiple_choice,
        prompt="Which of these make handheld shots steadier? Choose every one that does.",
        points=2,
        spec=QuestionSpec.model_validate(
            {
                "partial_credit": True,
                "options": [
                    {"text": "Elbows tucked against your body", "correct": True},
                    {"text": "Using the 0.5x ultra-wide lens", "correct": True},
                    {
                        "text": "Holding the phone at arm's length",
                        "feedback": "The further away, the more every tremor shows.",
                    },
                    {"text": "Walking heel to toe", "correct": True},
                ],
            }
        ),
    ),
    QuestionWrite(
        kind=QuestionKind.true_false,
        prompt="A window behind your subject is the best key light.",
        spec=QuestionSpec(
            answer_flag=False,
            feedback_correct="Right: light from behind turns a face into a silhouette.",
            feedback_incorrect="Put the window beside or in front of the face instead.",
        ),
    ),
    QuestionWrite(
        kind=QuestionKind.short_text,
        prompt="What is the name of the shot that shows a detail, such as hands on a cup?",
        spec=QuestionSpec(accepted=["close-up", "close up", "closeup", "insert"]),
    ),
    QuestionWrite(
        kind=QuestionKind.numeric,
        prompt="For smooth motion at 25 frames per second, what shutter speed (1/x) does the "
        "180° rule ask for? Give x.",
        spec=QuestionSpec(number=50, tolerance=0, feedback_incorrect="Twice the frame rate."),
    ),
    QuestionWrite(
        kind=QuestionKind.ordering,
        prompt="Put a simple sequence in the order you would usually cut it.",
        spec=QuestionSpec.model_validate(
            {
                "items": [
                    {"text": "Wide shot: where are we?"},
                    {"text": "Medium shot: who is it?"},
                    {"text": "Close-up: what are they doing?"},
                ]
            }
        ),
    ),
]

RUBRIC = [
    {
        "title": "Coverage",
        "description": "Wide, medium and close shots that cut together.",
        "levels": [
            {"title": "Missing shots", "points": 0},
            {"title": "Some coverage", "points": 5},
            {"title": "Complete coverage", "points": 10},
        ],
    },
    {
        "title": "Light and focus",
        "levels": [
            {"title": "Unlit or soft", "points": 0},
            {"title": "Mostly clean", "points": 5},
            {"title": "Clean throughout", "points": 10},
        ],
    },
    {
        "title": "Reflection",
        "description": "Two sentences per still on the choices made.",
        "levels": [{"title": "Absent", "points": 0}, {"title": "Thoughtful", "points": 5}],
    },
]


async def seed_assessments(ctx: CatalogContext, people: Mapping[Person, User]) -> bool:
    """Add the quiz and the assignment to the course with videos, unless it has a quiz."""
    course = await ctx.session.scalar(
        select(Course).where(Course.slug == SMARTPHONE_FILMMAKING.slug)
    )
    if course is None:
        return False
    has_quiz = await ctx.session.scalar(
        select(Lesson.id).where(Lesson.course_id == course.id, Lesson.kind == LessonKind.quiz)
    )
    if has_quiz is not None:
        return False
    owner = people[SMARTPHONE_FILMMAKING.owner]
    await studio_service.update(ctx, owner, course.id, CourseUpdate(time_zone=TIME_ZONE))
    studio = await studio_service.add_section(ctx, owner, course.id, title="Check your skills")
    section_id = studio.sections[-1].id
    ids = []
    for title, kind, body in (
        ("Phone camera check", LessonKind.quiz, QUIZ_INTRO),
        ("Shoot a 30-second sequence", LessonKind.assignment, ASSIGNMENT_BRIEF),
    ):
        studio = await studio_service.add_lesson(
            ctx, owner, section_id, LessonCreate(title=title, kind=kind)
        )
        lesson_id = next(s for s in studio.sections if s.id == section_id).lessons[-1].id
        await studio_service.update_lesson(ctx, owner, lesson_id, LessonUpdate(body=body))
        ids.append(lesson_id)
    quiz_id, assignment_id = ids
    work = AssessmentContext(
        session=ctx.session, settings=ctx.settings, jobs=ctx.jobs, store=ctx.store
    )
    quiz = await assessment_builder.quiz(work, owner, quiz_id)
    for question in QUESTIONS:
        await assessment_builder.add_question(work, owner, quiz.own_bank.id, question)
    due = _days_ahead_at_five(10)
    await assessment_builder.update_quiz(
        work,
        owner,
        quiz_id,
        QuizSettingsUpdate(
            time_limit_seconds=600,
            max_attempts=3,
            pass_percent=70,
            shuffle_options=True,
            show_answers=AnswerReveal.after_submission,
            due_local=due - timedelta(days=3),
        ),
    )
    await assessment_builder.update_assignment(
        work,
        owner,
        assignment_id,
        AssignmentUpdate(
            due_local=due,
            late_policy=LatePolicy.penalty,
            late_penalty_percent=10,
            file_kinds=["pdf", "image"],
            max_files=3,
            rubric=[RubricCriterion.model_validate(c) for c in RUBRIC],
        ),
    )
    return True


def _days_ahead_at_five(days: int) -> datetime:
    """5 pm in the course's time zone, ``days`` from today (a wall-clock time)."""
    today = datetime.now(zone(TIME_ZONE)).date() + timedelta(days=days)
    return datetime(today.year, today.month, today.day, 17, 0)
