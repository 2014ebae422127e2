/**
 * IANA time zones this runtime knows, for the profile's select. Computed on the server and passed
 * down, so server and browser render the same list (their ICU data may differ).
 */
export function supportedTimeZones(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  // Some runtimes leave UTC out of the list though every API accepts it.
  zones.add("UTC");
  if (current) zones.add(current);
  return [...zones].sort();
}

/** The browser's own zone, to suggest when the profile still has the default. */
export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}
