import type { NextRequest } from "next/server";
import { apiInternalUrl } from "@/lib/api/internal-url";
import { downstreamResponseHeaders, upstreamRequestHeaders } from "@/lib/http/forward-headers";

// Forwards /api/* to the API, streaming both ways. A route handler rather than a config rewrite
// because rewrites are fixed at build time and Next's rewrite proxy adds no X-Forwarded-For.
export const dynamic = "force-dynamic";

async function forward(request: NextRequest): Promise<Response> {
  const target = `${apiInternalUrl()}${request.nextUrl.pathname}${request.nextUrl.search}`;
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers: upstreamRequestHeaders(request.headers),
      body: hasBody ? request.body : undefined,
      // Node's fetch requires this to stream a request body (e.g. multipart avatar uploads).
      ...(hasBody ? { duplex: "half" } : {}),
      redirect: "manual",
      cache: "no-store",
      // A closed tab ends the upstream request too; otherwise a live event stream would stay
      // open at the API for every page that ever listened.
      signal: request.signal,
    } as RequestInit);
  } catch (error) {
    console.error(`Forwarding ${request.method} ${request.nextUrl.pathname} to ${apiInternalUrl()} failed:`, error);
    return Response.json(
      { code: "api_unreachable", message: "Lectern's API is not reachable right now. Please try again shortly.", details: null },
      { status: 502 },
    );
  }
  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: downstreamResponseHeaders(upstream.headers),
  });
}

export { forward as GET, forward as POST, forward as PUT, forward as PATCH, forward as DELETE, forward as HEAD, forward as OPTIONS };
