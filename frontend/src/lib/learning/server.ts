import "server-only";
import { cookies } from "next/headers";
import createClient from "openapi-fetch";
import type { paths } from "@/lib/api/schema";
import type { LearningDashboard, Recommendation } from "@/lib/api/models";
import { apiInternalUrl } from "@/lib/api/internal-url";
import { unwrap } from "@/lib/api/unwrap";

export type StudentPage = {
  dashboard: LearningDashboard | null;
  recommendations: Recommendation[] | null;
  fetchedAt: number;
};

/**
 * The dashboard and recommendations for a server render, asked for together as the signed-in
 * student. Either is null when the API refused or failed: the page's client then asks again
 * itself and shows the error with a way to retry, instead of the whole page failing.
 */
export async function fetchStudentPage(): Promise<StudentPage> {
  const cookieHeader = (await cookies()).toString();
  const api = createClient<paths>({
    baseUrl: apiInternalUrl(),
    headers: cookieHeader ? { cookie: cookieHeader } : {},
    cache: "no-store",
  });
  const [dashboard, recommendations] = await Promise.all([
    unwrap(api.GET("/api/me/learning")).catch(() => null),
    unwrap(api.GET("/api/me/recommendations")).catch(() => null),
  ]);
  return { dashboard, recommendations, fetchedAt: Date.now() };
}
