import type { CatalogSort, CourseLevel, DurationBucket, PriceFilter } from "@/lib/api/models";
import { LEVEL_LABELS } from "@/lib/format/course";

/** Everything that narrows or orders the catalog. The URL is the only place it lives. */
export type CatalogFilters = {
  q: string;
  topic: string | null;
  levels: CourseLevel[];
  languages: string[];
  price: PriceFilter | null;
  minRating: number | null;
  durations: DurationBucket[];
  sort: CatalogSort;
};

/** Courses per catalog page; a multiple of 2, 3 and 4 so grid rows end full. */
export const CATALOG_PAGE_SIZE = 24;

export const NO_FILTERS: CatalogFilters = {
  q: "",
  topic: null,
  levels: [],
  languages: [],
  price: null,
  minRating: null,
  durations: [],
  sort: "relevance",
};

export const LEVELS: readonly CourseLevel[] = ["beginner", "intermediate", "advanced", "all_levels"];

export const DURATION_LABELS: Record<DurationBucket, string> = {
  under_1h: "Under 1 hour",
  "1_3h": "1–3 hours",
  "3_6h": "3–6 hours",
  "6_17h": "6–17 hours",
  over_17h: "17+ hours",
};
export const DURATIONS = Object.keys(DURATION_LABELS) as DurationBucket[];

export const PRICE_LABELS: Record<PriceFilter, string> = { free: "Free", paid: "Paid" };

export const RATING_THRESHOLDS: readonly number[] = [4.5, 4, 3.5, 3];

export const SORT_LABELS: Record<CatalogSort, string> = {
  relevance: "Best match",
  newest: "Newest",
  popular: "Most popular",
  price_low: "Price: low to high",
  price_high: "Price: high to low",
};

/** The orders on offer: "best match" only means something when there are words to match. */
export function sortOptions(filters: Pick<CatalogFilters, "q">): CatalogSort[] {
  const orders: CatalogSort[] = ["newest", "popular", "price_low", "price_high"];
  return filters.q ? ["relevance", ...orders] : orders;
}

/** The order the API really applies: without words, relevance falls back to newest first. */
export function effectiveSort(filters: Pick<CatalogFilters, "q" | "sort">): CatalogSort {
  return filters.sort === "relevance" && !filters.q ? "newest" : filters.sort;
}

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function readAll(params: SearchParamsLike, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function readOne(params: SearchParamsLike, name: string): string | null {
  return readAll(params, name)[0] ?? null;
}

/** Keeps the known values, each once, in the order `known` lists them. */
function pick<T extends string>(values: string[], known: readonly T[]): T[] {
  return known.filter((option) => values.includes(option));
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,4})?$/i;
const SORTS = Object.keys(SORT_LABELS) as CatalogSort[];

/**
 * Reads filters from a URL's search params. Anything unknown or malformed is dropped, so a
 * hand-edited or outdated link shows a sensible listing instead of an error.
 */
export function filtersFromSearchParams(params: SearchParamsLike): CatalogFilters {
  const q = (readOne(params, "q") ?? "").split(/\s+/).filter(Boolean).join(" ").slice(0, 200);
  const topic = readOne(params, "topic");
  const price = readOne(params, "price");
  const rating = Number(readOne(params, "min_rating"));
  const sort = readOne(params, "sort");
  const languages = readAll(params, "language").filter((code) => code.length <= 8 && LANGUAGE_CODE.test(code));
  return {
    q,
    topic: topic && topic.length <= 100 && SLUG.test(topic) ? topic : null,
    levels: pick(readAll(params, "level"), LEVELS),
    languages: [...new Set(languages)].sort(),
    price: price === "free" || price === "paid" ? price : null,
    minRating: RATING_THRESHOLDS.includes(rating) ? rating : null,
    durations: pick(readAll(params, "duration"), DURATIONS),
    sort: SORTS.includes(sort as CatalogSort) ? (sort as CatalogSort) : "relevance",
  };
}

/** The filters as search params, in one fixed order and leaving out defaults, so equal filters give equal URLs. */
export function searchParamsFromFilters(filters: CatalogFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.topic) params.set("topic", filters.topic);
  for (const level of filters.levels) params.append("level", level);
  for (const language of filters.languages) params.append("language", language);
  if (filters.price) params.set("price", filters.price);
  if (filters.minRating !== null) params.set("min_rating", String(filters.minRating));
  for (const duration of filters.durations) params.append("duration", duration);
  if (filters.sort !== "relevance") params.set("sort", filters.sort);
  return params;
}

/** `/courses?…` for these filters. */
export function catalogHref(filters: CatalogFilters): string {
  const query = searchParamsFromFilters(filters).toString();
  return query ? `/courses?${query}` : "/courses";
}

const MULTI_VALUED = new Set(["level", "language", "duration"]);

/** The filters as a plain record, for query keys: equal filters give equal keys. */
export function filtersKey(filters: CatalogFilters): Record<string, string | string[]> {
  const params = searchParamsFromFilters(filters);
  const record: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    record[name] = MULTI_VALUED.has(name) ? params.getAll(name) : (params.get(name) ?? "");
  }
  return record;
}

/** The `catalog:list` query for these filters (without paging). */
export function catalogQuery(filters: CatalogFilters) {
  return {
    q: filters.q || undefined,
    topic: filters.topic ?? undefined,
    level: filters.levels.length ? filters.levels : undefined,
    language: filters.languages.length ? filters.languages : undefined,
    price: filters.price ?? undefined,
    min_rating: filters.minRating ?? undefined,
    duration: filters.durations.length ? filters.durations : undefined,
    sort: filters.sort,
  };
}

/** How many narrowing choices are on (the words and the order don't count). */
export function activeFilterCount(filters: CatalogFilters): number {
  return (
    (filters.topic ? 1 : 0) +
    filters.levels.length +
    filters.languages.length +
    (filters.price ? 1 : 0) +
    (filters.minRating !== null ? 1 : 0) +
    filters.durations.length
  );
}

/** The same search with every narrowing choice off. */
export function withoutFilters(filters: CatalogFilters): CatalogFilters {
  return { ...NO_FILTERS, q: filters.q, sort: filters.sort };
}

/** Adds a value to a multi-choice filter, or takes it out if it is there. */
export function toggled<T extends string>(values: readonly T[], value: T, known?: readonly T[]): T[] {
  const next = values.includes(value) ? values.filter((held) => held !== value) : [...values, value];
  return known ? pick(next, known) : [...next].sort();
}

export function ratingLabel(threshold: number): string {
  return `${threshold.toFixed(1)} stars and up`;
}

/** One active choice, described for a removable chip. */
export type FilterChip = { id: string; label: string; without: CatalogFilters };

type ChipNames = { topic?: (slug: string) => string | undefined; language?: (code: string) => string | undefined };

export function filterChips(filters: CatalogFilters, names: ChipNames = {}): FilterChip[] {
  const chips: FilterChip[] = [];
  if (filters.topic) {
    chips.push({ id: "topic", label: names.topic?.(filters.topic) ?? filters.topic, without: { ...filters, topic: null } });
  }
  for (const level of filters.levels) {
    chips.push({ id: `level:${level}`, label: LEVEL_LABELS[level], without: { ...filters, levels: filters.levels.filter((l) => l !== level) } });
  }
  for (const code of filters.languages) {
    chips.push({
      id: `language:${code}`,
      label: names.language?.(code) ?? code,
      without: { ...filters, languages: filters.languages.filter((l) => l !== code) },
    });
  }
  if (filters.price) chips.push({ id: "price", label: PRICE_LABELS[filters.price], without: { ...filters, price: null } });
  if (filters.minRating !== null) chips.push({ id: "rating", label: ratingLabel(filters.minRating), without: { ...filters, minRating: null } });
  for (const bucket of filters.durations) {
    chips.push({
      id: `duration:${bucket}`,
      label: DURATION_LABELS[bucket],
      without: { ...filters, durations: filters.durations.filter((d) => d !== bucket) },
    });
  }
  return chips;
}
