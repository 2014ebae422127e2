"""A stand-in for PayPal's REST API: OAuth2 client-credentials tokens, v2 Orders (create,
show, capture), captures' refunds, v1 catalog products, billing plans and subscriptions
(create, show, suspend, activate, cancel, revise), sale refunds, and
POST /v1/notifications/verify-webhook-signature, with PayPal's error envelope and
PayPal-Request-Id replay. Its webhooks carry PayPal's transmission headers; the signature is
its own secret (only PayPal checks it, through the verify call, as in production)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

CLIENT_ID = "standin-client"
CLIENT_SECRET = "standin-secret"
WEBHOOK_ID = "WH-STANDIN-0001"
CERT_URL = "https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-standin"
_SIGNING = b"the stand-in's private key"


def _id(prefix: str) -> str:
    return f"{prefix}{secrets.token_hex(8).upper()}"


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _problem(status: int, name: str, issue: str, message: str) -> JSONResponse:
    return JSONResponse(
        {
            "name": name,
            "message": message,
            "debug_id": secrets.token_hex(6),
            "details": [{"issue": issue, "description": message}],
        },
        status_code=status,
    )


class PayPalStandIn:
    def __init__(self, base: str = "https://api-m.sandbox.paypal.com") -> None:
        self.base = base
        self.tokens: set[str] = set()
        self.orders: dict[str, dict[str, Any]] = {}
        self.subscriptions: dict[str, dict[str, Any]] = {}
        self.plans: dict[str, dict[str, Any]] = {}
        self.refunds: dict[str, dict[str, Any]] = {}
        self.replays: dict[tuple[str, str], tuple[int, Any]] = {}
        self.events: list[dict[str, Any]] = []
        self.sent: dict[str, tuple[str, str]] = {}  # transmission id -> (signature, event json)
        self.verify_calls = 0
        self.app = Starlette(routes=[Route("/{path:path}", self.handle, methods=["GET", "POST"])])

    async def handle(self, request: Request) -> Response:
        path = "/" + request.path_params["path"]
        if path == "/v1/oauth2/token":
            expected = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
            form = (await request.body()).decode()
            if (
                request.headers.get("authorization") != expected
                or "grant_type=client_credentials" not in form
            ):
                return JSONResponse(
                    {
                        "error": "invalid_client",
                        "error_description": "Client Authentication failed",
                    },
                    401,
                )
            token = "A21AA" + secrets.token_hex(16)
            self.tokens.add(token)
            return JSONResponse(
                {
                    "scope": "https://uri.paypal.com/services/payments/payment",
                    "access_token": token,
                    "token_type": "Bearer",
                    "app_id": "APP-STANDIN",
                    "expires_in": 32400,
                    "nonce": secrets.token_hex(8),
                }
            )
        auth = request.headers.get("authorization", "")
        if not auth.startswith("Bearer ") or auth[7:] not in self.tokens:
            return _problem(
                401,
                "AUTHENTICATION_FAILURE",
                "INVALID_TOKEN",
                "Authentication failed due to invalid authentication credentials or a missing "
                "Authorization header.",
            )
        raw = await request.body()
        body: dict[str, Any] = json.loads(raw) if raw else {}
        request_id = request.headers.get("paypal-request-id")
        if request_id and request.method == "POST" and (path, request_id) in self.replays:
            status, payload = self.replays[(path, request_id)]
            return JSONResponse(payload, status_code=status)
        result = self.route(request.method, path, body)
        if isinstance(result, Response):
            return result
        status, payload = result
        if request_id and request.method == "POST":
            self.replays[(path, request_id)] = (status, payload)
        if status == 204:
            return Response(status_code=204)
        return JSONResponse(payload, status_code=status)

    def route(self, method: str, path: str, body: dict[str, Any]) -> Response | tuple[int, Any]:
        parts = path.strip("/").split("/")
        if path == "/v2/checkout/orders" and method == "POST":
            order_id = _id("5O")
            unit = body["purchase_units"][0]
            order = {
                "id": order_id,
                "intent": body["intent"],
                "status": "PAYER_ACTION_REQUIRED",
                "purchase_units": [dict(unit)],
                "create_time": _iso(_now()),
                "links": [
                    {
                        "href": f"{self.base}/v2/checkout/orders/{order_id}",
                        "rel": "self",
                        "method": "GET",
                    },
                    {
                        "href": f"https://www.sandbox.paypal.com/checkoutnow?token={order_id}",
                        "rel": "payer-action",
                        "method": "GET",
                    },
                ],
            }
            self.orders[order_id] = order
            return 200, order
        if parts[:3] == ["v2", "checkout", "orders"] and len(parts) >= 4:
            found_order = self.orders.get(parts[3])
            if found_order is None:
                return _problem(
                    404,
                    "RESOURCE_NOT_FOUND",
                    "INVALID_RESOURCE_ID",
                    "Specified resource ID does not exist.",
                )
            if len(parts) == 5 and parts[4] == "capture":
                return self._capture(found_order)
            return 200, found_order
        if parts[:3] == ["v2", "payments", "captures"] and parts[-1] == "refund":
            return self._refund_capture(parts[3], body)
        if parts[:3] == ["v2", "payments", "refunds"]:
            return 200, self.refunds[parts[3]]
        if path == "/v1/catalogs/products":
            return 201, {
                "id": _id("PROD-"),
                "name": body["name"],
                "type": body.get("type"),
                "create_time": _iso(_now()),
            }
        if path == "/v1/billing/plans":
            plan = {
                "id": _id("P-"),
                "product_id": body["product_id"],
                "name": body["name"],
                "status": "ACTIVE",
                "billing_cycles": body["billing_cycles"],
                "payment_preferences": body.get("payment_preferences", {}),
            }
            self.plans[plan["id"]] = plan
            return 201, plan
        if path == "/v1/billing/subscriptions" and method == "POST":
            sub_id = _id("I-")
            sub = {
                "id": sub_id,
                "plan_id": body["plan_id"],
                "custom_id": body.get("custom_id"),
                "status": "APPROVAL_PENDING",
                "start_time": _iso(_now()),
                "create_time": _iso(_now()),
                "status_update_time": _iso(_now()),
                "subscriber": {
                    "email_address": body.get("subscriber", {}).get("email_address"),
                    "payer_id": _id("PAYER"),
                },
                "links": [
                    {
                        "href": f"https://www.sandbox.paypal.com/webapps/billing/subscriptions?ba_token=BA-{sub_id}",
                        "rel": "approve",
                        "method": "GET",
                    },
                    {
                        "href": f"{self.base}/v1/billing/subscriptions/{sub_id}",
                        "rel": "self",
                        "method": "GET",
                    },
                ],
            }
            self.subscriptions[sub_id] = sub
            return 201, sub
        if parts[:3] == ["v1", "billing", "subscriptions"] and len(parts) >= 4:
            found = self.subscriptions.get(parts[3])
            if found is None:
                return _problem(
                    404,
                    "RESOURCE_NOT_FOUND",
                    "INVALID_RESOURCE_ID",
                    "Requested resource ID was not found.",
                )
            if len(parts) == 4:
                return 200, found
            return self._subscription_action(found, parts[4], body)
        if parts[:3] == ["v1", "payments", "sale"] and parts[-1] == "refund":
            refund = {
                "id": _id("R"),
                "state": "completed",
                "sale_id": parts[3],
                "amount": body["amount"],
                "create_time": _iso(_now()),
            }
            self._event("PAYMENT.SALE.REFUNDED", "sale", refund)
            return 201, refund
        if path == "/v1/notifications/verify-webhook-signature":
            self.verify_calls += 1
            sent = self.sent.get(body.get("transmission_id", ""))
            ok = (
                sent is not None
                and hmac.compare_digest(sent[0], body.get("transmission_sig", ""))
                and json.loads(sent[1]) == body.get("webhook_event")
                and body.get("webhook_id") == WEBHOOK_ID
                and body.get("cert_url") == CERT_URL
            )
            return 200, {"verification_status": "SUCCESS" if ok else "FAILURE"}
        return _problem(404, "NOT_FOUND", "NOT_FOUND", f"No route {method} {path}")

    def _capture(self, order: dict[str, Any]) -> Response | tuple[int, Any]:
        if order["status"] == "COMPLETED":
            return _problem(
                422, "UNPROCESSABLE_ENTITY", "ORDER_ALREADY_CAPTURED", "Order already captured."
            )
        if order["status"] != "APPROVED":
            return _problem(
                422,
                "UNPROCESSABLE_ENTITY",
                "ORDER_NOT_APPROVED",
                "Payer has not yet approved the Order for payment.",
            )
        unit = order["purchase_units"][0]
        value = unit["amount"]["value"]
        currency = unit["amount"]["currency_code"]
        fee = f"{round(float(value) * 0.0349 + 0.49, 2):.2f}"
        capture = {
            "id": _id("3C"),
            "status": "COMPLETED",
            "amount": dict(unit["amount"]),
            "final_capture": True,
            "custom_id": unit.get("custom_id"),
            "create_time": _iso(_now()),
            "seller_receivable_breakdown": {
                "gross_amount": dict(unit["amount"]),
                "paypal_fee": {"currency_code": currency, "value": fee},
                "net_amount": {
                    "currency_code": currency,
                    "value": f"{float(value) - float(fee):.2f}",
                },
            },
            "supplementary_data": {"related_ids": {"order_id": order["id"]}},
            "links": [
                {"href": f"{self.base}/v2/payments/captures/x", "rel": "self", "method": "GET"}
            ],
        }
        unit["payments"] = {"captures": [capture]}
        order["status"] = "COMPLETED"
        self._event("PAYMENT.CAPTURE.COMPLETED", "capture", capture)
        return 201, order

    def _refund_capture(self, capture_id: str, body: dict[str, Any]) -> tuple[int, Any]:
        refund = {
            "id": _id("1R"),
            "status": "COMPLETED",
            "amount": body["amount"],
            "custom_id": body.get("custom_id"),
            "create_time": _iso(_now()),
            "links": [
                {"href": f"{self.base}/v2/payments/refunds/x", "rel": "self", "method": "GET"},
                {
                    "href": f"{self.base}/v2/payments/captures/{capture_id}",
                    "rel": "up",
                    "method": "GET",
                },
            ],
        }
        refund["links"][0]["href"] = f"{self.base}/v2/payments/refunds/{refund['id']}"
        self.refunds[refund["id"]] = refund
        self._event("PAYMENT.CAPTURE.REFUNDED", "refund", refund)
        return 201, refund

    def _subscription_action(
        self, sub: dict[str, Any], action: str, body: dict[str, Any]
    ) -> tuple[int, Any]:
        if action == "suspend":
            self._set(sub, "SUSPENDED", "BILLING.SUBSCRIPTION.SUSPENDED")
        elif action == "activate":
            self._set(sub, "ACTIVE", "BILLING.SUBSCRIPTION.ACTIVATED")
        elif action == "cancel":
            self._set(sub, "CANCELLED", "BILLING.SUBSCRIPTION.CANCELLED")
        elif action == "revise":
            return 200, {
                "plan_id": body["plan_id"],
                "plan_overridden": False,
                "links": [
                    {
                        "href": f"https://www.sandbox.paypal.com/webapps/billing/subscriptions/update?ba_token=BA-{sub['id']}",
                        "rel": "approve",
                        "method": "GET",
                    }
                ],
            }
        return 204, None

    def _set(self, sub: dict[str, Any], status: str, event: str) -> None:
        sub["status"] = status
        sub["status_update_time"] = _iso(_now())
        self._event(event, "subscription", sub)

    # --- what buyers and PayPal's clock do ----------------------------------------------

    def approve_order(self, order_id: str) -> None:
        order = self.orders[order_id]
        order["status"] = "APPROVED"
        self._event("CHECKOUT.ORDER.APPROVED", "checkout-order", order)

    def approve_subscription(self, sub_id: str) -> None:
        sub = self.subscriptions[sub_id]
        sub["status"] = "ACTIVE"
        self._bill(sub, first=True)
        self._event("BILLING.SUBSCRIPTION.ACTIVATED", "subscription", sub)

    def renew(self, sub_id: str) -> None:
        self._bill(self.subscriptions[sub_id], first=False)

    def _bill(self, sub: dict[str, Any], *, first: bool) -> None:
        plan = self.plans[sub["plan_id"]]
        cycles = plan["billing_cycles"]
        paid = sub.get("payments", 0)
        cycle = next(c for c in cycles if c["tenure_type"] == "REGULAR")
        price = cycle["pricing_scheme"]["fixed_price"]
        now = _now()
        sale = {
            "id": _id("S"),
            "state": "completed",
            "billing_agreement_id": sub["id"],
            "amount": {
                "total": price["value"],
                "currency": price["currency_code"],
                "details": {"subtotal": price["value"]},
            },
            "transaction_fee": {"value": "0.99", "currency": price["currency_code"]},
            "create_time": _iso(now),
        }
        sub["payments"] = paid + 1
        sub["billing_info"] = {
            "outstanding_balance": {"currency_code": price["currency_code"], "value": "0.00"},
            "cycle_executions": [
                {
                    "tenure_type": "REGULAR",
                    "sequence": 1,
                    "cycles_completed": paid + 1,
                    "cycles_remaining": 0,
                    "total_cycles": 0,
                }
            ],
            "last_payment": {
                "amount": {"currency_code": price["currency_code"], "value": price["value"]},
                "time": _iso(now),
            },
            "next_billing_time": _iso(now + timedelta(days=30)),
            "failed_payments_count": 0,
        }
        self._event("PAYMENT.SALE.COMPLETED", "sale", sale)

    # --- webhooks -----------------------------------------------------------------------

    def _event(self, kind: str, resource_type: str, resource: dict[str, Any]) -> None:
        self.events.append(
            {
                "id": f"WH-{secrets.token_hex(10).upper()}",
                "event_version": "1.0",
                "create_time": _iso(_now()),
                "resource_type": resource_type,
                "event_type": kind,
                "summary": kind.lower().replace(".", " "),
                "resource": json.loads(json.dumps(resource)),
            }
        )

    def take_events(self) -> list[dict[str, Any]]:
        taken, self.events = self.events, []
        return taken

    def delivery(
        self, event: dict[str, Any], *, sent_at: datetime | None = None
    ) -> tuple[bytes, dict[str, str]]:
        """The body and headers PayPal would POST to the webhook URL."""
        body = json.dumps(event)
        transmission = str(uuid.uuid4())
        when = _iso(sent_at or _now())
        crc = str(int(hashlib.sha256(body.encode()).hexdigest()[:8], 16))
        signature = base64.b64encode(
            hmac.new(
                _SIGNING, f"{transmission}|{when}|{WEBHOOK_ID}|{crc}".encode(), hashlib.sha256
            ).digest()
        ).decode()
        self.sent[transmission] = (signature, body)
        return body.encode(), {
            "PAYPAL-AUTH-ALGO": "SHA256withRSA",
            "PAYPAL-CERT-URL": CERT_URL,
            "PAYPAL-TRANSMISSION-ID": transmission,
            "PAYPAL-TRANSMISSION-SIG": signature,
            "PAYPAL-TRANSMISSION-TIME": when,
            "Content-Type": "application/json",
        }
