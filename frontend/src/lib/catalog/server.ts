import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import createClient from "openapi-fetch";
import type { paths } from "@/lib/api/schema";
import type { CatalogPage, CourseLanding, Language, LessonContent, Topic } from "@/lib/api/models";
import { apiInternalUrl } from "@/lib/api/internal-url";
import { isApiError } from "@/lib/api/errors";
import { unwrap } from "@/lib/api/unwrap";
import { type CatalogFilters, catalogQuery } from "./catalog-filters";

function catalogApi(cookieHeader = "") {
  return createClient<paths>({
    baseUrl: apiInternalUrl(),
    headers: cookieHeader ? { cookie: cookieHeader } : {},
    cache: "no-store",
  });
}

/**
 * One page of the public catalog for a server render, or null when the API refused or failed:
 * the client then asks again itself and shows the error (or the unknown topic) with a way out.
 */
export async function fetchCatalogPage(filters: CatalogFilters, limit: number): Promise<CatalogPage | null> {
  try {
    return await unwrap(catalogApi().GET("/api/catalog/courses", { params: { query: { ...catalogQuery(filters), limit } } }));
  } catch {
    return null;
  }
}

/** The topic tree for a server render, or null if it could not be had (the client retries). */
export async function fetchTopics(): Promise<Topic[] | null> {
  try {
    return await unwrap(catalogApi().GET("/api/catalog/topics"));
  } catch {
    return null;
  }
}

/** Course languages for a server render, or null if they could not be had (the client retries). */
export async function fetchLanguages(): Promise<Language[] | null> {
  try {
    return await unwrap(catalogApi().GET("/api/catalog/languages"));
  } catch {
    return null;
  }
}

/** A public course's landing data; null when there is no such public course. Cached per request
 * so the page and its metadata share one call. */
export const fetchCourseLanding = cache(async (slug: string): Promise<CourseLanding | null> => {
  try {
    return await unwrap(catalogApi().GET("/api/catalog/courses/{slug}", { params: { path: { slug } } }));
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
});

export type LessonLookup =
  | { outcome: "open"; lesson: LessonContent }
  | { outcome: "locked"; message: string }
  | { outcome: "missing" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A lesson as the visitor may see it: their cookies go along, so a course's instructors can open
 * any lesson, everyone else the free previews. Cached per request for page and metadata. */
export const fetchLesson = cache(async (slug: string, lessonId: string): Promise<LessonLookup> => {
  if (!UUID.test(lessonId)) return { outcome: "missing" };
  const api = catalogApi((await cookies()).toString());
  try {
    const lesson = await unwrap(
      api.GET("/api/catalog/courses/{slug}/lessons/{lesson_id}", { params: { path: { slug, lesson_id: lessonId } } }),
    );
    return { outcome: "open", lesson };
  } catch (error) {
    if (isApiError(error, "lesson_locked")) return { outcome: "locked", message: error.message };
    if (isApiError(error) && error.status === 404) return { outcome: "missing" };
    throw error;
  }
});
