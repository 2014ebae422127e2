/** The id of one of a topic row's buttons, for putting the keyboard back on it after a change. */
export const topicControlId = (topicId: string, control: "rename" | "up" | "down" | "move") => `topic-${topicId}-${control}`;

/**
 * Focuses the element with `id` once the tree has re-rendered. A topic that moves to another
 * parent is a new element with the same id, so this waits (a few frames at most) for the element
 * to differ from the one there now, and skips a disabled control for `fallbackId`.
 */
export function focusControlAfterRender(id: string, fallbackId?: string) {
  const before = document.getElementById(id);
  let framesLeft = 10;
  const attempt = () => {
    const element = document.getElementById(id) as HTMLButtonElement | null;
    if (element && element === before && framesLeft-- > 0) {
      requestAnimationFrame(attempt);
      return;
    }
    const target = element && !element.disabled ? element : fallbackId ? document.getElementById(fallbackId) : element;
    target?.focus();
  };
  requestAnimationFrame(attempt);
}
