// Header rules for forwarding a browser request to the API and its answer back.

/** Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and must not be forwarded. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/**
 * Headers for the upstream request: the browser's own minus hop-by-hop ones. The X-Forwarded-For,
 * -Host and -Proto that Next's server fills in from the socket pass through, so the API sees the
 * client's address (behind a load balancer, the chain that balancer set).
 */
export function upstreamRequestHeaders(incoming: Headers): Headers {
  const headers = new Headers();
  incoming.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name) && name !== "host" && name !== "content-length") headers.set(name, value);
  });
  // fetch would decompress the answer but keep its Content-Encoding; asking for identity avoids that.
  headers.set("accept-encoding", "identity");
  return headers;
}

/** Headers for the answer to the browser; Set-Cookie values are kept one by one. */
export function downstreamResponseHeaders(upstream: Headers): Headers {
  const headers = new Headers();
  upstream.forEach((value, name) => {
    if (HOP_BY_HOP.has(name) || name === "set-cookie" || name === "content-length" || name === "content-encoding") return;
    headers.set(name, value);
  });
  for (const cookie of upstream.getSetCookie()) headers.append("set-cookie", cookie);
  return headers;
}
