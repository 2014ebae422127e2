"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { isApiError } from "@/lib/api/errors";
import { changesKey, rejectionsFrom, retryDelayMs, withoutRejected, type Changes, type Rejections } from "./autosave-policy";

export type SaveStatus =
  /** Nothing waits to be sent. */
  | "saved"
  /** Edits wait for a pause in typing (or a blur). */
  | "unsaved"
  | "saving"
  /** A save failed for a reason that may pass; another try is scheduled. */
  | "retrying"
  /** Some fields can't be saved as they are; they are marked. */
  | "invalid"
  /** The course can't change now (it is in review). */
  | "blocked"
  /** The retries ran out, or the API refused for a reason a retry won't fix. */
  | "failed";

type AutosaveOptions<C extends Changes> = {
  /** Everything that differs from the server right now, minus fields with local problems. */
  changes: C;
  save: (changes: C) => Promise<unknown>;
  /** Whether the draft has problems the person must fix first (those fields are left out of `changes`). */
  hasProblems?: boolean;
  enabled?: boolean;
  delayMs?: number;
};

/**
 * Saves edits on its own: after a pause in typing, at once on `flush()` (blur), one request at a
 * time, retrying trouble that may pass with backoff. The caller's draft stays the source of truth;
 * this only decides when to send what. Leaving the page with edits unsent asks first.
 */
export function useAutosave<C extends Changes>({ changes, save, hasProblems = false, enabled = true, delayMs = 800 }: AutosaveOptions<C>) {
  const [rejections, setRejections] = useState<Rejections>({});
  const [phase, setPhase] = useState<"idle" | "saving" | "retrying" | "failed" | "blocked">("idle");
  const [failure, setFailure] = useState<unknown>(null);
  const split = withoutRejected(changes, rejections);
  // Only fields of `changes` are kept, so `send` is still a C.
  const send = split.send as C;
  const refused = split.refused;
  const key = changesKey(send);
  const pending = Object.keys(send).length > 0;

  const latest = useRef({ send, save, enabled });
  latest.current = { send, save, enabled };
  const inFlight = useRef(false);
  const retries = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const run = useCallback(async () => {
    clearTimer();
    const { send: body, save: call, enabled: allowed } = latest.current;
    if (inFlight.current || !allowed || Object.keys(body).length === 0) return;
    inFlight.current = true;
    setPhase("saving");
    try {
      await call(body);
      retries.current = 0;
      setFailure(null);
      setPhase("idle");
    } catch (error) {
      const refusedFields = rejectionsFrom(error, body);
      if (Object.keys(refusedFields).length > 0) {
        retries.current = 0;
        setRejections((current) => ({ ...current, ...refusedFields }));
        setPhase("idle");
      } else if (isApiError(error, "course_in_review")) {
        setFailure(error);
        setPhase("blocked");
      } else {
        const wait = retryDelayMs(error, retries.current);
        setFailure(error);
        if (wait === null) {
          retries.current = 0;
          setPhase("failed");
        } else {
          retries.current += 1;
          setPhase("retrying");
          timer.current = setTimeout(() => void run(), wait);
        }
      }
    } finally {
      inFlight.current = false;
    }
  }, []);

  // A new edit (re)starts the pause, unless a retry is already waiting for its turn.
  useEffect(() => {
    if (!pending || !enabled || phase === "retrying" || phase === "saving") return;
    clearTimer();
    timer.current = setTimeout(() => void run(), delayMs);
    return clearTimer;
  }, [key, pending, enabled, phase, delayMs, run]);

  // The course became editable again (withdrawn from review): carry on where it stopped.
  useEffect(() => {
    if (enabled && phase === "blocked") setPhase("idle");
  }, [enabled, phase]);

  const flush = useCallback(() => {
    if (phase === "retrying" || phase === "blocked") return;
    void run();
  }, [phase, run]);

  const retryNow = useCallback(() => {
    retries.current = 0;
    setPhase("idle");
    void run();
  }, [run]);

  const status: SaveStatus =
    phase === "saving"
      ? "saving"
      : phase === "retrying"
        ? "retrying"
        : phase === "blocked" || (!enabled && pending)
          ? "blocked"
          : phase === "failed" && pending
            ? "failed"
            : pending
              ? "unsaved"
              : hasProblems || Object.keys(refused).length > 0
                ? "invalid"
                : "saved";

  // Closing the tab or reloading with edits not yet on the server: the browser asks first.
  useEffect(() => {
    if (status === "saved") return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [status]);

  // Leaving the editor inside the app: send what is waiting rather than drop it.
  useEffect(
    () => () => {
      clearTimer();
      const { send: body, save: call, enabled: allowed } = latest.current;
      if (!inFlight.current && allowed && Object.keys(body).length > 0) void call(body).catch(() => undefined);
    },
    [],
  );

  const serverErrors = Object.fromEntries(Object.entries(refused).map(([field, rejection]) => [field, rejection.message]));
  return { status, failure, serverErrors, flush, retryNow };
}
