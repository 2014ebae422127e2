"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useSaveAnswer } from "@/hooks/queries/assessments";
import { isApiError } from "@/lib/api/errors";
import type { AnswerIn, AttemptQuestion } from "@/lib/api/models";

export type SaveState = "saved" | "pending" | "saving" | "failed";

const TYPING_PAUSE_MS = 800;
const RETRY_MS = 3000;

/**
 * The student's answers in an attempt, saved as they go: a click saves at once, typing once it
 * pauses (or the field is left). A save that fails for the network is retried until it lands;
 * the answers not saved yet travel with the hand-in. `onClosed` hears when the server says the
 * attempt is over (time up, or handed in from another tab).
 */
export function useAnswerAutosave(attemptId: string, questions: AttemptQuestion[], onClosed: () => void) {
  const [answers, setAnswers] = useState<Record<string, AnswerIn | null>>(() =>
    Object.fromEntries(questions.map((question) => [question.id, question.answer ?? null])),
  );
  const [states, setStates] = useState<Record<string, SaveState>>({});
  const latest = useRef(answers);
  const dirty = useRef(new Set<string>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const closed = useRef(false);
  const { mutateAsync } = useSaveAnswer(attemptId);

  const setState = (questionId: string, state: SaveState) => setStates((now) => ({ ...now, [questionId]: state }));

  const save = useCallback(
    async (questionId: string) => {
      const timer = timers.current.get(questionId);
      if (timer) clearTimeout(timer);
      timers.current.delete(questionId);
      if (closed.current || !dirty.current.has(questionId)) return;
      const sent = latest.current[questionId] ?? null;
      dirty.current.delete(questionId);
      setState(questionId, "saving");
      try {
        await mutateAsync({ questionId, answer: sent ?? {} });
        // Changed again while this save was on its way: that change is still to save.
        setState(questionId, dirty.current.has(questionId) ? "pending" : "saved");
      } catch (error) {
        if (isApiError(error) && (error.code === "time_up" || error.code === "attempt_closed")) {
          closed.current = true;
          onClosed();
          return;
        }
        dirty.current.add(questionId);
        setState(questionId, "failed");
        if (!isApiError(error) || error.status === 0 || error.status >= 500) {
          timers.current.set(
            questionId,
            setTimeout(() => void save(questionId), RETRY_MS),
          );
        }
      }
    },
    [mutateAsync, onClosed],
  );

  const setAnswer = useCallback(
    (questionId: string, answer: AnswerIn | null, settled: boolean) => {
      latest.current = { ...latest.current, [questionId]: answer };
      setAnswers(latest.current);
      dirty.current.add(questionId);
      setState(questionId, "pending");
      const timer = timers.current.get(questionId);
      if (timer) clearTimeout(timer);
      if (settled) void save(questionId);
      else timers.current.set(questionId, setTimeout(() => void save(questionId), TYPING_PAUSE_MS));
    },
    [save],
  );

  /** The answers not saved yet, to send with the hand-in; no more saves after this. */
  const takeUnsaved = useCallback((): Record<string, AnswerIn> => {
    closed.current = true;
    for (const timer of timers.current.values()) clearTimeout(timer);
    timers.current.clear();
    const unsaved: Record<string, AnswerIn> = {};
    for (const questionId of dirty.current) unsaved[questionId] = latest.current[questionId] ?? {};
    return unsaved;
  }, []);

  // Leaving the page with answers still on their way: the browser asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current.size > 0 && !closed.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    const pending = timers.current;
    return () => {
      window.removeEventListener("beforeunload", warn);
      for (const timer of pending.values()) clearTimeout(timer);
    };
  }, []);

  const settle = useCallback((questionId: string) => void save(questionId), [save]);
  const unsavedCount = Object.values(states).filter((state) => state !== "saved").length;
  return { answers, states, setAnswer, settle, takeUnsaved, unsavedCount };
}
