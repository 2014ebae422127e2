/**
 * Adds every listener in `handlers` to `target` and returns the function that removes them all,
 * so an effect names each event once.
 */
export function listen(target: EventTarget, handlers: Record<string, EventListener>): () => void {
  const entries = Object.entries(handlers);
  for (const [event, handler] of entries) target.addEventListener(event, handler);
  return () => {
    for (const [event, handler] of entries) target.removeEventListener(event, handler);
  };
}
