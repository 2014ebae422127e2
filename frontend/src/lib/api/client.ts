import createClient from "openapi-fetch";
import type { paths } from "./schema";

/**
 * The browser's API client. Paths already start with /api and are requested on the page's own
 * origin, where Next.js forwards them to the API, so cookies stay first-party.
 */
export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });
