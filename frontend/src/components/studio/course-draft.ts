import type { CourseLevel, CourseUpdate, StudioCourse } from "@/lib/api/models";
import { formatPrice, toMinorUnits } from "@/lib/format/course";

/** What the Details and Pricing tabs edit, exactly as typed: the person's text is never rewritten. */
export type CourseDraft = {
  title: string;
  subtitle: string;
  slug: string;
  description: string;
  language: string;
  level: CourseLevel;
  topic_ids: string[];
  tags: string[];
  outcomes: string[];
  requirements: string[];
  paid: boolean;
  /** The price in major units as typed, e.g. "49.99". */
  price: string;
  currency: string;
  /** The IANA zone due dates are entered in. */
  time_zone: string;
};

/** The API's field a problem belongs to; the UI shows it next to that field. */
export type CourseField = keyof CourseUpdate;
export type FieldProblems = Partial<Record<CourseField, string>>;

export const CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "INR", "BRL", "JPY", "CHF", "SEK"] as const;
export const MAX_TOPICS = 3;
export const MAX_TAGS = 12;
export const MAX_LIST_ITEMS = 20;
const MAX_PRICE_MINOR = 100_000_00;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function majorUnits(amount: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
}

export function draftFromCourse(course: StudioCourse): CourseDraft {
  return {
    title: course.title,
    subtitle: course.subtitle,
    slug: course.slug,
    description: course.description,
    language: course.language,
    level: course.level,
    topic_ids: course.topics.map((topic) => topic.id),
    tags: course.tags,
    outcomes: course.outcomes,
    requirements: course.requirements,
    paid: course.price_amount != null && course.price_amount > 0,
    price: course.price_amount ? majorUnits(course.price_amount, course.currency) : "",
    currency: course.currency,
    time_zone: course.time_zone,
  };
}

/** What a slug field should hold while someone types: lowercase, spaces as hyphens. */
export function slugInput(text: string): string {
  return text.toLowerCase().replace(/\s+/g, "-");
}

/** A tag as the API stores it: lowercase, single spaces. */
export function normalTag(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

const cleanList = (items: readonly string[]) => items.map((item) => item.trim()).filter(Boolean);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);
const sameSet = (a: readonly string[], b: readonly string[]) => sameList([...a].sort(), [...b].sort());

/** The price the draft asks for, in minor units; 0 for a free course; null when it can't be read. */
export function draftPrice(draft: CourseDraft): number | null {
  if (!draft.paid) return 0;
  if (!draft.price.trim()) return null;
  return toMinorUnits(draft.price.trim(), draft.currency);
}

/** Problems the person can fix before anything is sent; those fields wait until fixed. */
export function draftProblems(draft: CourseDraft): FieldProblems {
  const problems: FieldProblems = {};
  const title = draft.title.trim();
  if (!title) problems.title = "Give the course a title.";
  else if (title.length > 120) problems.title = `Keep the title to 120 characters (now ${title.length}).`;
  if (draft.subtitle.trim().length > 200) problems.subtitle = `Keep the subtitle to 200 characters (now ${draft.subtitle.trim().length}).`;
  const slug = draft.slug.trim();
  if (slug.length < 3) problems.slug = "The address needs at least 3 characters.";
  else if (slug.length > 120) problems.slug = "Keep the address to 120 characters.";
  else if (!SLUG_PATTERN.test(slug)) problems.slug = "Use lowercase letters, numbers and single hyphens between words, e.g. sourdough-basics.";
  if (draft.description.length > 20_000) problems.description = "Keep the description under 20,000 characters.";
  for (const field of ["outcomes", "requirements"] as const) {
    const items = cleanList(draft[field]);
    if (items.length > MAX_LIST_ITEMS) problems[field] = `Keep it to ${MAX_LIST_ITEMS} items.`;
    else if (items.some((item) => item.length > 200)) problems[field] = "Keep each item to 200 characters.";
  }
  if (draft.tags.length > MAX_TAGS) problems.tags = `Up to ${MAX_TAGS} tags.`;
  if (draft.topic_ids.length > MAX_TOPICS) problems.topic_ids = `Choose up to ${MAX_TOPICS} topics.`;
  const price = draftPrice(draft);
  if (draft.paid) {
    if (price === null) problems.price_amount = "Enter a price as a number, e.g. 49.99.";
    else if (price === 0) problems.price_amount = "Enter a price above zero, or make the course free.";
    else if (price > MAX_PRICE_MINOR) problems.price_amount = `The highest price is ${formatPrice(MAX_PRICE_MINOR, draft.currency)}.`;
  }
  return problems;
}

/** Only what differs from the saved course, in the API's shape: the PATCH body of an autosave. */
export function courseChanges(draft: CourseDraft, course: StudioCourse): CourseUpdate {
  const changes: CourseUpdate = {};
  const text = { title: draft.title.trim(), subtitle: draft.subtitle.trim(), slug: draft.slug.trim() };
  if (text.title !== course.title) changes.title = text.title;
  if (text.subtitle !== course.subtitle) changes.subtitle = text.subtitle;
  if (text.slug !== course.slug) changes.slug = text.slug;
  if (draft.description !== course.description) changes.description = draft.description;
  if (draft.language !== course.language) changes.language = draft.language;
  if (draft.level !== course.level) changes.level = draft.level;
  if (!sameSet(draft.topic_ids, course.topics.map((topic) => topic.id))) changes.topic_ids = draft.topic_ids;
  if (!sameList(draft.tags, course.tags)) changes.tags = draft.tags;
  for (const field of ["outcomes", "requirements"] as const) {
    const items = cleanList(draft[field]);
    if (!sameList(items, course[field])) changes[field] = items;
  }
  if (draft.currency !== course.currency) changes.currency = draft.currency;
  if (draft.time_zone !== course.time_zone) changes.time_zone = draft.time_zone;
  const price = draftPrice(draft);
  if (price !== null && price !== (course.price_amount ?? 0)) changes.price_amount = price;
  return changes;
}

/** `changes` without the fields that have a problem: those stay in the draft until fixed. */
export function sendable(changes: CourseUpdate, problems: FieldProblems): CourseUpdate {
  return Object.fromEntries(Object.entries(changes).filter(([field]) => !(field in problems))) as CourseUpdate;
}

/**
 * Follows changes made elsewhere (another tab, a co-instructor) in the fields the person hasn't
 * touched, and keeps their own edits in the fields they have.
 */
export function rebaseDraft(draft: CourseDraft, before: StudioCourse, after: StudioCourse): CourseDraft {
  const old = draftFromCourse(before);
  const fresh = draftFromCourse(after);
  const next = { ...draft };
  for (const key of Object.keys(draft) as (keyof CourseDraft)[]) {
    if (JSON.stringify(draft[key]) === JSON.stringify(old[key])) Object.assign(next, { [key]: fresh[key] });
  }
  return next;
}
