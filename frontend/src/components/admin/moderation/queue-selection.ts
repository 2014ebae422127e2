/**
 * The course to show once `decidedId` has left the queue: the one after it, or the one before
 * it when it was last, or null when the queue is now empty.
 */
export function courseAfterDecision(queueIds: readonly string[], decidedId: string): string | null {
  const index = queueIds.indexOf(decidedId);
  const rest = queueIds.filter((id) => id !== decidedId);
  if (rest.length === 0) return null;
  if (index === -1) return rest[0] ?? null;
  return rest[Math.min(index, rest.length - 1)] ?? null;
}

/** The selected course if it is still in the queue, else the first (the longest waiting). */
export function shownCourse(queueIds: readonly string[], selectedId: string | null): string | null {
  if (selectedId && queueIds.includes(selectedId)) return selectedId;
  return queueIds[0] ?? null;
}
