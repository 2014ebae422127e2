import type { QuestionKind, QuestionOut, QuestionWrite } from "@/lib/api/models";
import { parseNumber } from "./format";

export type OptionDraft = { id: string | null; text: string; correct: boolean; feedback: string };
export type ItemDraft = { id: string | null; text: string };

/** A question as the studio's form holds it: numbers and lists as typed. */
export type QuestionDraft = {
  kind: QuestionKind;
  prompt: string;
  points: string;
  explanation: string;
  options: OptionDraft[];
  partialCredit: boolean;
  answerFlag: boolean | null;
  /** Accepted short answers, one per line. */
  accepted: string;
  caseSensitive: boolean;
  whitespace: "trim" | "collapse" | "ignore";
  pattern: string;
  number: string;
  tolerance: string;
  items: ItemDraft[];
  guidance: string;
  maxChars: string;
  feedbackCorrect: string;
  feedbackIncorrect: string;
};

const option = (text = "", correct = false): OptionDraft => ({ id: null, text, correct, feedback: "" });

export function newDraft(kind: QuestionKind): QuestionDraft {
  return {
    kind,
    prompt: "",
    points: kind === "essay" ? "5" : "1",
    explanation: "",
    options: [option("", kind === "single_choice" || kind === "multiple_choice"), option(), option()],
    partialCredit: false,
    answerFlag: null,
    accepted: "",
    caseSensitive: false,
    whitespace: "collapse",
    pattern: "",
    number: "",
    tolerance: "0",
    items: [
      { id: null, text: "" },
      { id: null, text: "" },
      { id: null, text: "" },
    ],
    guidance: "",
    maxChars: "5000",
    feedbackCorrect: "",
    feedbackIncorrect: "",
  };
}

export function draftFromQuestion(question: QuestionOut): QuestionDraft {
  const spec = question.spec;
  const blank = newDraft(question.kind);
  return {
    ...blank,
    kind: question.kind,
    prompt: question.prompt,
    points: String(question.points),
    explanation: question.explanation,
    options: spec.options?.map((o) => ({ id: o.id ?? null, text: o.text, correct: o.correct ?? false, feedback: o.feedback ?? "" })) ?? blank.options,
    partialCredit: spec.partial_credit ?? false,
    answerFlag: spec.answer_flag ?? null,
    accepted: (spec.accepted ?? []).join("\n"),
    caseSensitive: spec.case_sensitive ?? false,
    whitespace: spec.whitespace ?? "collapse",
    pattern: spec.pattern ?? "",
    number: spec.number == null ? "" : String(spec.number),
    tolerance: String(spec.tolerance ?? 0),
    items: spec.items?.map((i) => ({ id: i.id ?? null, text: i.text })) ?? blank.items,
    guidance: spec.guidance ?? "",
    maxChars: String(spec.max_chars ?? 5000),
    feedbackCorrect: spec.feedback_correct ?? "",
    feedbackIncorrect: spec.feedback_incorrect ?? "",
  };
}

/** What the person must fix before saving, in words; empty when the draft can be sent. */
export function draftProblems(draft: QuestionDraft): string[] {
  const problems: string[] = [];
  if (!draft.prompt.trim()) problems.push("Write the question.");
  const points = parseNumber(draft.points);
  if (points === null || points <= 0) problems.push("Give the question some points (more than 0).");
  const kind = draft.kind;
  if (kind === "single_choice" || kind === "multiple_choice") {
    const filled = draft.options.filter((o) => o.text.trim());
    if (filled.length < 2) problems.push("Give at least two options.");
    const right = filled.filter((o) => o.correct).length;
    if (kind === "single_choice" && right !== 1) problems.push("Mark exactly one option as the right answer.");
    if (kind === "multiple_choice" && right < 1) problems.push("Mark at least one option as right.");
  }
  if (kind === "true_false" && draft.answerFlag === null) problems.push("Say whether the statement is true or false.");
  if (kind === "short_text" && !draft.accepted.trim() && !draft.pattern.trim()) problems.push("Give at least one accepted answer or a pattern.");
  if (kind === "numeric") {
    if (parseNumber(draft.number) === null) problems.push("Give the right answer as a number.");
    const tolerance = parseNumber(draft.tolerance || "0");
    if (tolerance === null || tolerance < 0) problems.push("The tolerance is a number of 0 or more.");
  }
  if (kind === "ordering" && draft.items.filter((i) => i.text.trim()).length < 2) problems.push("Give at least two items to put in order.");
  return problems;
}

/** The API's shape of a draft that has no problems. */
export function questionFromDraft(draft: QuestionDraft): QuestionWrite {
  const kind = draft.kind;
  // Every field of the flat spec, at its default: the server keeps the kind's own.
  const spec: QuestionWrite["spec"] = {
    partial_credit: false,
    accepted: [],
    case_sensitive: false,
    whitespace: "collapse",
    tolerance: 0,
    guidance: "",
    max_chars: 5000,
    feedback_correct: draft.feedbackCorrect,
    feedback_incorrect: draft.feedbackIncorrect,
  };
  if (kind === "single_choice" || kind === "multiple_choice") {
    spec.options = draft.options
      .filter((o) => o.text.trim())
      .map((o) => ({ ...(o.id ? { id: o.id } : {}), text: o.text.trim(), correct: o.correct, feedback: o.feedback }));
    spec.partial_credit = kind === "multiple_choice" && draft.partialCredit;
  } else if (kind === "true_false") {
    spec.answer_flag = draft.answerFlag;
  } else if (kind === "short_text") {
    spec.accepted = draft.accepted
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    spec.case_sensitive = draft.caseSensitive;
    spec.whitespace = draft.whitespace;
    spec.pattern = draft.pattern.trim() || null;
  } else if (kind === "numeric") {
    spec.number = parseNumber(draft.number);
    spec.tolerance = parseNumber(draft.tolerance || "0") ?? 0;
  } else if (kind === "ordering") {
    spec.items = draft.items.filter((i) => i.text.trim()).map((i) => ({ ...(i.id ? { id: i.id } : {}), text: i.text.trim() }));
    spec.partial_credit = draft.partialCredit;
  } else {
    spec.guidance = draft.guidance;
    spec.max_chars = Math.round(parseNumber(draft.maxChars) ?? 5000);
  }
  return { kind, prompt: draft.prompt.trim(), points: parseNumber(draft.points) ?? 1, explanation: draft.explanation, spec };
}

/** Switching a single-choice question to multiple choice (or back) keeps its options; one right
 * answer is kept when going back to single choice. */
export function withKind(draft: QuestionDraft, kind: QuestionKind): QuestionDraft {
  if (kind === "single_choice") {
    let kept = false;
    return {
      ...draft,
      kind,
      options: draft.options.map((o) => {
        const correct = o.correct && !kept;
        kept ||= correct;
        return { ...o, correct };
      }),
    };
  }
  return { ...draft, kind };
}
