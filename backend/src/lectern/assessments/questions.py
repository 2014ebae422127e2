"""Questions: what each kind's answer key looks like, what a student is shown of it (never the
key), what an answer to it may be, and how an answer is graded. No I/O here.

One flat `QuestionSpec` carries every kind's fields; `clean_spec` keeps those of the question's
kind and checks them:

- single_choice / multiple_choice: `options` (2 to 20, each with `correct` and its `feedback`);
  a single choice has exactly one correct option, a multiple choice at least one.
  `partial_credit` (multiple): each correct option chosen earns its share, each wrong one
  takes a share away, never below 0.
- true_false: `answer_flag`.
- short_text: `accepted` answers and/or a `pattern` (a regular expression the whole answer
  must match), compared after the `whitespace` rule (trim the ends, collapse runs to one space,
  or ignore all whitespace) and ignoring case unless `case_sensitive`.
- numeric: `number`, right within ± `tolerance`.
- ordering: `items` in their correct order (students see them shuffled); `partial_credit`
  gives the share of items in the right place.
- essay: graded by a person; `guidance` is for the graders, `max_chars` bounds the answer.

Every kind may have `feedback_correct` / `feedback_incorrect`, shown after submission.
"""

from __future__ import annotations

import math
import random
import secrets
import unicodedata
import uuid
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import regex
from pydantic import BaseModel, Field, StringConstraints

from lectern.errors import Invalid
from lectern.models import QuestionKind

CHOICE_KINDS = (QuestionKind.single_choice, QuestionKind.multiple_choice)
# Patterns are the instructor's; answers are the student's. A pathological pattern gives up
# after this long and counts as no match, instead of holding the server.
PATTERN_TIMEOUT_SECONDS = 0.05
SHORT_ANSWER_MAX = 500

OptionId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,40}$")]
ShortText = Annotated[str, StringConstraints(max_length=2000)]
Whitespace = Literal["trim", "collapse", "ignore"]


class ChoiceOption(BaseModel):
    id: OptionId | None = Field(None, description="Kept across edits; given when missing")
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
    correct: bool = False
    feedback: ShortText = ""


class OrderingItem(BaseModel):
    id: OptionId | None = None
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class QuestionSpec(BaseModel):
    """The answer key and feedback of a question; only its kind's fields are kept."""

    options: Annotated[list[ChoiceOption], Field(max_length=20)] | None = None
    partial_credit: bool = False
    answer_flag: bool | None = None
    accepted: Annotated[
        list[Annotated[str, StringConstraints(min_length=1, max_length=200)]], Field(max_length=50)
    ] = []
    case_sensitive: bool = False
    whitespace: Whitespace = "collapse"
    pattern: Annotated[str, StringConstraints(max_length=300)] | None = None
    number: float | None = None
    tolerance: Annotated[float, Field(ge=0)] = 0.0
    items: Annotated[list[OrderingItem], Field(max_length=20)] | None = None
    guidance: ShortText = ""
    max_chars: Annotated[int, Field(ge=10, le=20_000)] = 5000
    feedback_correct: ShortText = ""
    feedback_incorrect: ShortText = ""


class AnswerIn(BaseModel):
    """A student's answer; the field that fits the question's kind is read, null clears it."""

    choice: OptionId | None = Field(None, description="single_choice")
    choices: Annotated[list[OptionId], Field(max_length=20)] | None = Field(
        None, description="multiple_choice"
    )
    flag: bool | None = Field(None, description="true_false")
    number: float | None = Field(None, description="numeric")
    text: Annotated[str, StringConstraints(max_length=20_000)] | None = Field(
        None, description="short_text, essay"
    )
    order: Annotated[list[OptionId], Field(max_length=20)] | None = Field(
        None, description="ordering: every item id once, first to last"
    )


class ShownOption(BaseModel):
    id: str
    text: str


def _new_id() -> str:
    return uuid.uuid4().hex[:10]


def _problem(field: str, message: str) -> Invalid:
    return Invalid(
        message, code="invalid_question", details={"errors": [{"field": field, "message": message}]}
    )


def clean_spec(kind: QuestionKind, spec: QuestionSpec) -> dict[str, Any]:
    """The spec of a ``kind`` question as stored: its fields only, ids given, rules checked."""
    kept: dict[str, Any] = {
        "feedback_correct": spec.feedback_correct,
        "feedback_incorrect": spec.feedback_incorrect,
    }
    if kind in CHOICE_KINDS:
        options = spec.options or []
        if len(options) < 2:
            raise _problem("options", "Give at least two options.")
        correct = sum(o.correct for o in options)
        if kind == QuestionKind.single_choice and correct != 1:
            raise _problem("options", "Mark exactly one option as the right answer.")
        if kind == QuestionKind.multiple_choice and correct < 1:
            raise _problem("options", "Mark at least one option as right.")
        kept["options"] = _with_ids([o.model_dump() for o in options], "options")
        if kind == QuestionKind.multiple_choice:
            kept["partial_credit"] = spec.partial_credit
    elif kind == QuestionKind.true_false:
        if spec.answer_flag is None:
            raise _problem("answer_flag", "Say whether the statement is true or false.")
        kept["answer_flag"] = spec.answer_flag
    elif kind == QuestionKind.short_text:
        accepted = [a for a in (a.strip() for a in spec.accepted) if a]
        pattern = (spec.pattern or "").strip() or None
        if not accepted and pattern is None:
            raise _problem("accepted", "Give at least one accepted answer or a pattern.")
        if pattern is not None:
            try:
                regex.compile(pattern)
            except regex.error as exc:
                raise _problem("pattern", f"The pattern is not a valid expression: {exc}.") from exc
        kept |= {
            "accepted": accepted,
            "pattern": pattern,
            "case_sensitive": spec.case_sensitive,
            "whitespace": spec.whitespace,
        }
    elif kind == QuestionKind.numeric:
        if spec.number is None or not math.isfinite(spec.number):
            raise _problem("number", "Give the right answer as a number.")
        if not math.isfinite(spec.tolerance):
            raise _problem("tolerance", "The tolerance must be a number.")
        kept |= {"number": spec.number, "tolerance": spec.tolerance}
    elif kind == QuestionKind.ordering:
        items = spec.items or []
        if len(items) < 2:
            raise _problem("items", "Give at least two items to put in order.")
        kept["items"] = _with_ids([i.model_dump() for i in items], "items")
        kept["partial_credit"] = spec.partial_credit
    else:  # essay
        kept |= {"guidance": spec.guidance, "max_chars": spec.max_chars}
    return kept


def _with_ids(entries: list[dict[str, Any]], field: str) -> list[dict[str, Any]]:
    seen: set[str] = set()
    for entry in entries:
        if not entry.get("id"):
            entry["id"] = _new_id()
        if entry["id"] in seen:
            raise _problem(field, "Two entries share an id.")
        seen.add(entry["id"])
    return entries


# --- what a student sees ------------------------------------------------------------------


def shown_order(kind: QuestionKind, spec: dict[str, Any], *, shuffle: bool) -> list[str]:
    """The order a student sees the options (or ordering items) in for one attempt.
    Ordering items are always shuffled, and never left in their correct order."""
    rng = secrets.SystemRandom()
    if kind in CHOICE_KINDS:
        ids = [o["id"] for o in spec["options"]]
        if shuffle:
            rng.shuffle(ids)
        return ids
    if kind == QuestionKind.ordering:
        correct = [i["id"] for i in spec["items"]]
        ids = list(correct)
        while ids == correct:
            rng.shuffle(ids)
        return ids
    return []


def shown_options(kind: QuestionKind, spec: dict[str, Any], order: list[str]) -> list[ShownOption]:
    """Option or item texts in the shown order: ids and texts, nothing about which is right."""
    source = spec.get("options") if kind in CHOICE_KINDS else spec.get("items")
    by_id = {entry["id"]: entry["text"] for entry in source or []}
    return [ShownOption(id=i, text=by_id[i]) for i in order if i in by_id]


def draw(pool: list[uuid.UUID], count: int | None) -> list[uuid.UUID]:
    """``count`` of ``pool`` at random, in the pool's order; all of it without a count."""
    if count is None or count >= len(pool):
        return list(pool)
    picked = set(secrets.SystemRandom().sample(pool, count))
    return [q for q in pool if q in picked]


def shuffled(ids: list[uuid.UUID], rng: random.Random | None = None) -> list[uuid.UUID]:
    out = list(ids)
    (rng or secrets.SystemRandom()).shuffle(out)
    return out


# --- answers ------------------------------------------------------------------------------


def read_answer(kind: QuestionKind, question: dict[str, Any], answer: AnswerIn) -> Any | None:
    """The stored form of a student's answer to ``question`` (its snapshot), or None when the
    answer is empty. Raises Invalid for an answer that doesn't fit the question."""
    spec = question["spec"]
    if kind == QuestionKind.single_choice:
        if answer.choice is None:
            return None
        _known(answer.choice, spec["options"])
        return {"choice": answer.choice}
    if kind == QuestionKind.multiple_choice:
        if not answer.choices:
            return None
        for choice in answer.choices:
            _known(choice, spec["options"])
        return {"choices": sorted(set(answer.choices))}
    if kind == QuestionKind.true_false:
        return None if answer.flag is None else {"flag": answer.flag}
    if kind == QuestionKind.numeric:
        if answer.number is None:
            return None
        if not math.isfinite(answer.number):
            raise _bad_answer("Give a number.")
        return {"number": answer.number}
    if kind == QuestionKind.ordering:
        if not answer.order:
            return None
        if sorted(answer.order) != sorted(i["id"] for i in spec["items"]):
            raise _bad_answer("Put every item in the order once.")
        return {"order": answer.order}
    limit = SHORT_ANSWER_MAX if kind == QuestionKind.short_text else spec["max_chars"]
    text = answer.text or ""
    if len(text) > limit:
        raise _bad_answer(f"Keep the answer under {limit:,} characters.")
    return {"text": text} if text.strip() else None


def _known(option_id: str, options: list[dict[str, Any]]) -> None:
    if not any(o["id"] == option_id for o in options):
        raise _bad_answer("That option is not part of the question.")


def _bad_answer(message: str) -> Invalid:
    return Invalid(message, code="invalid_answer")


@dataclass(frozen=True)
class AutoGrade:
    points: float | None  # None: a person grades it
    correct: bool | None


def grade_answer(question: dict[str, Any], response: Any | None) -> AutoGrade:
    """The automatic grade of an answer to a question snapshot."""
    kind = QuestionKind(question["kind"])
    spec = question["spec"]
    full = float(question["points"])
    if kind == QuestionKind.essay:
        if response is None:
            return AutoGrade(0.0, False)
        return AutoGrade(None, None)
    if response is None:
        return AutoGrade(0.0, False)
    share = _share(kind, spec, response)
    return AutoGrade(round(full * share, 2), share >= 1.0)


def _share(kind: QuestionKind, spec: dict[str, Any], response: dict[str, Any]) -> float:
    """The part of the question's points an answer earns, 0 to 1."""
    if kind == QuestionKind.single_choice:
        right = next(o["id"] for o in spec["options"] if o["correct"])
        return 1.0 if response["choice"] == right else 0.0
    if kind == QuestionKind.multiple_choice:
        right = {o["id"] for o in spec["options"] if o["correct"]}
        chosen = set(response["choices"])
        if chosen == right:
            return 1.0
        if not spec.get("partial_credit"):
            return 0.0
        earned = len(chosen & right) - len(chosen - right)
        return max(0.0, earned / len(right))
    if kind == QuestionKind.true_false:
        return 1.0 if response["flag"] == spec["answer_flag"] else 0.0
    if kind == QuestionKind.numeric:
        slack = 1e-9 * max(1.0, abs(spec["number"]))
        return 1.0 if abs(response["number"] - spec["number"]) <= spec["tolerance"] + slack else 0.0
    if kind == QuestionKind.ordering:
        right = [i["id"] for i in spec["items"]]
        placed = sum(a == b for a, b in zip(response["order"], right, strict=True))
        if placed == len(right):
            return 1.0
        return placed / len(right) if spec.get("partial_credit") else 0.0
    return 1.0 if short_text_matches(spec, response["text"]) else 0.0


def normalise_text(text: str, *, whitespace: str, case_sensitive: bool) -> str:
    text = unicodedata.normalize("NFC", text)
    if whitespace == "ignore":
        text = "".join(text.split())
    elif whitespace == "collapse":
        text = " ".join(text.split())
    else:
        text = text.strip()
    return text if case_sensitive else text.casefold()


def short_text_matches(spec: dict[str, Any], answer: str) -> bool:
    rule = {"whitespace": spec["whitespace"], "case_sensitive": spec["case_sensitive"]}
    given = normalise_text(answer, **rule)
    if any(given == normalise_text(a, **rule) for a in spec["accepted"]):
        return True
    pattern = spec.get("pattern")
    if not pattern:
        return False
    flags = 0 if spec["case_sensitive"] else regex.IGNORECASE
    candidate = normalise_text(answer, whitespace=spec["whitespace"], case_sensitive=True)
    try:
        return (
            regex.fullmatch(pattern, candidate, flags=flags, timeout=PATTERN_TIMEOUT_SECONDS)
            is not None
        )
    except TimeoutError:
        return False


def feedback_for(question: dict[str, Any], response: Any | None, correct: bool | None) -> list[str]:
    """The feedback an answer earns: the chosen options' own, then the question's for a right
    or wrong answer."""
    spec = question["spec"]
    notes: list[str] = []
    if response is not None and question["kind"] in CHOICE_KINDS:
        chosen = {response.get("choice"), *(response.get("choices") or [])}
        notes += [o["feedback"] for o in spec["options"] if o["id"] in chosen and o["feedback"]]
    general = spec.get("feedback_correct") if correct else spec.get("feedback_incorrect")
    if correct is not None and general:
        notes.append(general)
    return notes
