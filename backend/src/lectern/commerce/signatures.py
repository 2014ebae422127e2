"""The Stripe signature scheme (`t=<unix>,v1=<hex HMAC-SHA256 of "t.body">`), used by the
offline test provider for its own events, so they are verified the way Stripe's are: by the
Stripe SDK's verifier, with the same 300 s tolerance."""

from __future__ import annotations

import hashlib
import hmac
import time

import stripe

TOLERANCE_SECONDS = 300


def sign(body: bytes, secret: str, at: int | None = None) -> str:
    timestamp = int(time.time()) if at is None else at
    signed = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(body: bytes, header: str | None, secret: str) -> bool:
    """True if ``header`` signs ``body`` with ``secret`` within the tolerance."""
    if not header:
        return False
    try:
        stripe.WebhookSignature.verify_header(
            body.decode("utf-8"), header, secret, tolerance=TOLERANCE_SECONDS
        )
    except (stripe.SignatureVerificationError, UnicodeDecodeError):
        return False
    return True
