"""The address of the person, not of the proxy in front of us."""

from __future__ import annotations

from starlette.types import Scope


def client_ip(scope: Scope, trusted_proxies: list[str]) -> str:
    peer = scope["client"][0] if scope.get("client") else "unknown"
    if peer not in trusted_proxies:
        return str(peer)
    for name, value in scope.get("headers", []):
        if name == b"x-forwarded-for":
            # Walk from the right: the first hop we do not trust is the client.
            hops = [h.strip() for h in value.decode("latin-1").split(",") if h.strip()]
            for hop in reversed(hops):
                if hop not in trusted_proxies:
                    return str(hop)
    return str(peer)
