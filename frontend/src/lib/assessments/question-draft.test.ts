import { describe, expect, it } from "vitest";
import type { QuestionOut } from "@/lib/api/models";
import { draftFromQuestion, draftProblems, newDraft, questionFromDraft, withKind } from "./question-draft";

describe("question drafts", () => {
  it("names what is missing before anything is sent", () => {
    const draft = newDraft("single_choice");
    expect(draftProblems(draft)).toEqual(["Write the question.", "Give at least two options.", "Mark exactly one option as the right answer."]);
    draft.prompt = "2 + 2?";
    draft.options = [
      { id: null, text: "4", correct: true, feedback: "" },
      { id: null, text: "5", correct: true, feedback: "" },
    ];
    expect(draftProblems(draft)).toEqual(["Mark exactly one option as the right answer."]);
  });

  it("sends the kind's answer key, numbers read as typed", () => {
    const draft = { ...newDraft("numeric"), prompt: "Pi?", number: "3,14", tolerance: "0,01", points: "2" };
    const sent = questionFromDraft(draft);
    expect(sent).toMatchObject({ kind: "numeric", prompt: "Pi?", points: 2, spec: { number: 3.14, tolerance: 0.01 } });
    expect(sent.spec.options).toBeUndefined();
    const short = { ...newDraft("short_text"), prompt: "Capital?", accepted: "Paris\n\n  paris city \n" };
    expect(questionFromDraft(short).spec.accepted).toEqual(["Paris", "paris city"]);
  });

  it("keeps option ids through an edit and one right answer when going back to single choice", () => {
    const question = {
      id: "q",
      bank_id: "b",
      position: 0,
      kind: "multiple_choice",
      prompt: "Primes?",
      image_url: null,
      points: 2,
      explanation: "",
      updated_at: "",
      spec: { options: [{ id: "a", text: "2", correct: true }, { id: "b", text: "3", correct: true }, { id: "c", text: "4" }] },
    } as unknown as QuestionOut;
    const draft = draftFromQuestion(question);
    expect(questionFromDraft(draft).spec.options?.map((o) => o.id)).toEqual(["a", "b", "c"]);
    expect(withKind(draft, "single_choice").options.filter((o) => o.correct)).toHaveLength(1);
  });
});
