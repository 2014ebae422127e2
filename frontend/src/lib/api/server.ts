import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import createClient from "openapi-fetch";
import type { paths } from "./schema";
import type { CourseLanding, Me } from "./models";
import { apiInternalUrl } from "./internal-url";
import { unwrap } from "./unwrap";
import { isApiError } from "./errors";

/** An API client for server components that acts as the visitor by forwarding their cookies. */
async function serverApi() {
  const cookieHeader = (await cookies()).toString();
  return createClient<paths>({
    baseUrl: apiInternalUrl(),
    headers: cookieHeader ? { cookie: cookieHeader } : {},
    cache: "no-store",
  });
}

/** The signed-in user, or null. Cached per request so layout and page share one API call. */
export const getCurrentUser = cache(async (): Promise<Me | null> => {
  const jar = await cookies();
  if (!jar.has("lectern_session")) return null;
  try {
    return await unwrap((await serverApi()).GET("/api/me"));
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
});

/** The signed-in user; a signed-out visitor is sent to sign in and brought back to `path` after. */
export async function requireUser(path: string): Promise<Me> {
  const me = await getCurrentUser();
  if (!me) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return me;
}

/** The studio's preview of a course as students will see it, or null when the visitor can't edit it. */
export async function getStudioPreview(courseId: string): Promise<CourseLanding | null> {
  try {
    return await unwrap((await serverApi()).GET("/api/studio/courses/{course_id}/preview", { params: { path: { course_id: courseId } } }));
  } catch (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 422)) return null;
    throw error;
  }
}
