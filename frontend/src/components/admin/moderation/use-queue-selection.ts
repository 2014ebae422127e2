"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";

const PARAM = "course";

/**
 * The course picked in the queue, mirrored in the URL (`?course=…`) so a phone's back button
 * returns to the list and a link to one course can be shared. The URL is written with the History
 * API, so choosing a course doesn't ask the server for the page again; the choice itself lives in
 * state, so the pane switches in the same render as the queue changes after a decision.
 */
export function useQueueSelection() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const fromUrl = searchParams.get(PARAM);
  const [selectedId, setSelectedId] = useState(fromUrl);
  const pushed = useRef(false);

  // The back and forward buttons change the URL under us.
  useEffect(() => setSelectedId(fromUrl), [fromUrl]);

  const urlFor = useCallback(
    (courseId: string | null) => {
      const params = new URLSearchParams(window.location.search);
      if (courseId) params.set(PARAM, courseId);
      else params.delete(PARAM);
      const query = params.toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [pathname],
  );

  /**
   * Opens a course's preview. Coming from the list it is one step forward the back button undoes;
   * from one course to another it replaces that step, so "back" always leads to the list.
   */
  const select = useCallback(
    (courseId: string) => {
      if (courseId === selectedId) return;
      if (selectedId) {
        window.history.replaceState(null, "", urlFor(courseId));
      } else {
        window.history.pushState(null, "", urlFor(courseId));
        pushed.current = true;
      }
      setSelectedId(courseId);
    },
    [selectedId, urlFor],
  );

  /** Shows another course in place, without a history step (after a decision). */
  const replace = useCallback(
    (courseId: string | null) => {
      window.history.replaceState(null, "", urlFor(courseId));
      setSelectedId(courseId);
    },
    [urlFor],
  );

  /** Back to the list: a real step back when the list is where the person came from. */
  const clear = useCallback(() => {
    setSelectedId(null);
    if (pushed.current) {
      pushed.current = false;
      window.history.back();
    } else {
      window.history.replaceState(null, "", urlFor(null));
    }
  }, [urlFor]);

  return { selectedId, select, replace, clear };
}
