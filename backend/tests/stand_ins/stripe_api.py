"""A stand-in for Stripe's REST API: form-encoded requests with bracketed keys, the real JSON
object shapes (API version 2025+, periods on subscription items, invoice parents), the error
envelope, Idempotency-Key replay, `expand[]`, and webhook events signed with Stripe-Signature.

Tests drive what a customer would do on Stripe's pages (`complete_checkout`) and what
Stripe's clock does (`renew`, `fail_renewal`, `end_period`), then deliver the events it
recorded to Lectern's webhook endpoint.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from typing import Any
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

WEBHOOK_SECRET = "whsec_standin_" + "0" * 24
API_KEY = "sk_test_standin"
MONTH = 30 * 24 * 3600


def _new(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(12)}"


def parse_form(body: str) -> dict[str, Any]:
    """a[b][0][c]=1 -> {"a": {"b": [{"c": "1"}]}} as Stripe reads it."""
    root: dict[str, Any] = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        parts = key.replace("]", "").split("[")
        node: Any = root
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            nxt: Any = value if last else ([] if parts[i + 1].isdigit() else {})
            if isinstance(node, list):
                index = int(part)
                while len(node) <= index:
                    node.append(None)
                if node[index] is None or last:
                    node[index] = nxt
                node = node[index]
            else:
                if part not in node or last:
                    node[part] = nxt
                node = node[part]
    return root


def _error(message: str, code: str = "resource_missing") -> dict[str, Any]:
    return {"error": {"type": "invalid_request_error", "code": code, "message": message}}


class StripeStandIn:
    def __init__(self) -> None:
        self.objects: dict[str, dict[str, Any]] = {}
        self.idempotent: dict[tuple[str, str], tuple[int, Any]] = {}
        self.events: list[dict[str, Any]] = []
        self.requests: list[tuple[str, str, dict[str, Any], str | None]] = []
        self.app = Starlette(
            routes=[
                Route("/v1/{path:path}", self.handle, methods=["GET", "POST", "DELETE"]),
            ]
        )

    # --- the HTTP side ------------------------------------------------------------------

    async def handle(self, request: Request) -> JSONResponse:
        if request.headers.get("authorization") != f"Bearer {API_KEY}":
            return JSONResponse(_error("Invalid API Key provided", "api_key_invalid"), 401)
        path = request.path_params["path"]
        body = (await request.body()).decode()
        params = parse_form(body) if body else parse_form(request.url.query)
        key = request.headers.get("idempotency-key")
        self.requests.append((request.method, path, params, key))
        if key and request.method == "POST":
            replay = self.idempotent.get((path, key))
            if replay is not None:
                return JSONResponse(
                    replay[1], status_code=replay[0], headers={"Idempotent-Replayed": "true"}
                )
        status, payload = self.route(request.method, path.split("/"), params)
        if key and request.method == "POST":
            self.idempotent[(path, key)] = (status, payload)
        return JSONResponse(payload, status_code=status)

    def route(self, method: str, parts: list[str], params: dict[str, Any]) -> tuple[int, Any]:
        head = parts[0]
        expand = params.get("expand") or []
        if head == "customers" and method == "POST" and len(parts) == 1:
            return 200, self._put(
                {
                    "id": _new("cus"),
                    "object": "customer",
                    "email": params.get("email"),
                    "name": params.get("name"),
                    "metadata": params.get("metadata", {}),
                }
            )
        if head == "prices" and method == "POST":
            product = self._put(
                {"id": _new("prod"), "object": "product", "name": params["product_data"]["name"]}
            )
            return 200, self._put(
                {
                    "id": _new("price"),
                    "object": "price",
                    "currency": params["currency"],
                    "unit_amount": int(params["unit_amount"]),
                    "product": product["id"],
                    "recurring": {"interval": params["recurring"]["interval"], "interval_count": 1},
                    "type": "recurring",
                    "metadata": params.get("metadata", {}),
                }
            )
        if head == "coupons":
            if method == "GET":
                found = self.objects.get(parts[1])
                return (200, found) if found else (404, _error(f"No such coupon: '{parts[1]}'"))
            coupon = {
                "id": params.get("id") or _new("co"),
                "object": "coupon",
                "duration": params["duration"],
                "percent_off": float(params["percent_off"]) if "percent_off" in params else None,
                "amount_off": int(params["amount_off"]) if "amount_off" in params else None,
                "currency": params.get("currency"),
                "duration_in_months": int(params["duration_in_months"])
                if "duration_in_months" in params
                else None,
                "name": params.get("name"),
                "valid": True,
            }
            return 200, self._put(coupon)
        if head == "checkout" and parts[1] == "sessions":
            if method == "POST" and len(parts) == 2:
                return 200, self._create_session(params)
            session = self.objects.get(parts[2])
            if session is None:
                return 404, _error(f"No such checkout.session: '{parts[2]}'")
            return 200, self._expanded(session, expand)
        if head == "subscriptions":
            sub = self.objects.get(parts[1])
            if sub is None:
                return 404, _error(f"No such subscription: '{parts[1]}'")
            if method == "POST":
                if "cancel_at_period_end" in params:
                    sub["cancel_at_period_end"] = params["cancel_at_period_end"] == "true"
                    sub["canceled_at"] = int(time.time()) if sub["cancel_at_period_end"] else None
                for item in params.get("items") or []:
                    price = self.objects[item["price"]]
                    for existing in sub["items"]["data"]:
                        if existing["id"] == item["id"]:
                            existing["price"] = price
                self._event("customer.subscription.updated", sub)
            if method == "DELETE":
                now = int(time.time())
                sub.update(
                    status="canceled", ended_at=now, canceled_at=sub.get("canceled_at") or now
                )
                self._event("customer.subscription.deleted", sub)
            return 200, sub
        if head == "invoices":
            invoice = self.objects.get(parts[1])
            if invoice is None:
                return 404, _error("No such invoice")
            return 200, self._expanded(invoice, expand)
        if head == "refunds":
            if method == "GET":
                return 200, self.objects[parts[1]]
            intent = self.objects.get(params["payment_intent"])
            if intent is None:
                return 404, _error("No such payment_intent")
            already = sum(
                r["amount"]
                for r in self.objects.values()
                if r.get("object") == "refund" and r["payment_intent"] == intent["id"]
            )
            amount = int(params.get("amount") or intent["amount"] - already)
            if amount + already > intent["amount"]:
                return 400, _error(
                    "Refund amount is greater than unrefunded amount", "amount_too_large"
                )
            refund = self._put(
                {
                    "id": _new("re"),
                    "object": "refund",
                    "amount": amount,
                    "currency": intent["currency"],
                    "payment_intent": intent["id"],
                    "status": "succeeded",
                    "metadata": params.get("metadata", {}),
                    "created": int(time.time()),
                }
            )
            self._event("refund.created", refund)
            return 200, refund
        if head == "billing_portal":
            return 200, {
                "id": _new("bps"),
                "object": "billing_portal.session",
                "customer": params["customer"],
                "return_url": params.get("return_url"),
                "url": f"https://billing.stripe.com/p/session/{_new('test')}",
            }
        return 404, _error(
            f"Unrecognized request URL ({method}: /v1/{'/'.join(parts)})", "resource_missing"
        )

    def _put(self, obj: dict[str, Any]) -> dict[str, Any]:
        obj.setdefault("livemode", False)
        obj.setdefault("created", int(time.time()))
        self.objects[obj["id"]] = obj
        return obj

    def _expanded(self, obj: dict[str, Any], expand: list[str]) -> dict[str, Any]:
        out = json.loads(json.dumps(obj))
        for path in expand:
            node = out
            for name in path.split("."):
                value = node.get(name)
                if isinstance(value, str) and value in self.objects:
                    node[name] = json.loads(json.dumps(self.objects[value]))
                    value = node[name]
                if not isinstance(value, dict):
                    break
                node = value
        expanded: dict[str, Any] = out
        return expanded

    def _create_session(self, params: dict[str, Any]) -> dict[str, Any]:
        mode = params["mode"]
        line = params["line_items"][0]
        if "price_data" in line:
            amount = int(line["price_data"]["unit_amount"])
            currency = line["price_data"]["currency"]
        else:
            price = self.objects[line["price"]]
            amount, currency = price["unit_amount"], price["currency"]
        discount = 0
        for d in params.get("discounts") or []:
            coupon = self.objects[d["coupon"]]
            discount = (
                int(amount * coupon["percent_off"] / 100)
                if coupon["percent_off"]
                else coupon["amount_off"]
            )
        session_id = _new("cs_test")
        return self._put(
            {
                "id": session_id,
                "object": "checkout.session",
                "mode": mode,
                "status": "open",
                "payment_status": "unpaid",
                "customer": params.get("customer"),
                "client_reference_id": params.get("client_reference_id"),
                "metadata": params.get("metadata", {}),
                "currency": currency,
                "amount_subtotal": amount,
                "amount_total": amount - discount,
                "line_items_input": params["line_items"],
                "discounts": params.get("discounts") or [],
                "subscription_data": params.get("subscription_data") or {},
                "payment_intent_data": params.get("payment_intent_data") or {},
                "payment_intent": None,
                "subscription": None,
                "success_url": params["success_url"],
                "cancel_url": params["cancel_url"],
                "expires_at": int(params.get("expires_at") or time.time() + 86400),
                "url": f"https://checkout.stripe.com/c/pay/{session_id}",
            }
        )

    # --- what customers and Stripe's clock do -------------------------------------------

    def complete_checkout(self, session_id: str, fee: int = 0) -> None:
        session = self.objects[session_id]
        session["status"] = "complete"
        session["payment_status"] = "paid"
        now = int(time.time())
        if session["mode"] == "payment":
            balance = self._put(
                {
                    "id": _new("txn"),
                    "object": "balance_transaction",
                    "amount": session["amount_total"],
                    "fee": fee,
                    "currency": session["currency"],
                }
            )
            charge = self._put(
                {
                    "id": _new("ch"),
                    "object": "charge",
                    "amount": session["amount_total"],
                    "balance_transaction": balance["id"],
                    "currency": session["currency"],
                }
            )
            intent = self._put(
                {
                    "id": _new("pi"),
                    "object": "payment_intent",
                    "amount": session["amount_total"],
                    "currency": session["currency"],
                    "status": "succeeded",
                    "latest_charge": charge["id"],
                    "metadata": session["payment_intent_data"].get("metadata", {}),
                }
            )
            session["payment_intent"] = intent["id"]
            self._event("checkout.session.completed", session)
            return
        price = self.objects[session["line_items_input"][0]["price"]]
        trial_days = int(session["subscription_data"].get("trial_period_days") or 0)
        end = now + (trial_days * 86400 if trial_days else MONTH)
        sub = self._put(
            {
                "id": _new("sub"),
                "object": "subscription",
                "status": "trialing" if trial_days else "active",
                "customer": session["customer"],
                "metadata": session["subscription_data"].get("metadata", {}),
                "cancel_at_period_end": False,
                "canceled_at": None,
                "ended_at": None,
                "trial_end": end if trial_days else None,
                "start_date": now,
                "discounts": [d["coupon"] for d in session["discounts"]],
                "items": {
                    "object": "list",
                    "data": [
                        {
                            "id": _new("si"),
                            "object": "subscription_item",
                            "price": price,
                            "current_period_start": now,
                            "current_period_end": end,
                            "quantity": 1,
                        }
                    ],
                },
                "invoices_paid": 0,
            }
        )
        session["subscription"] = sub["id"]
        self._event("customer.subscription.created", sub)
        self._event("checkout.session.completed", session)
        if not trial_days:
            self._invoice(sub, now, end)

    def expire_checkout(self, session_id: str) -> None:
        session = self.objects[session_id]
        session["status"] = "expired"
        self._event("checkout.session.expired", session)

    def _item(self, sub: dict[str, Any]) -> dict[str, Any]:
        item: dict[str, Any] = sub["items"]["data"][0]
        return item

    def _invoice(self, sub: dict[str, Any], start: int, end: int) -> dict[str, Any]:
        amount = self._item(sub)["price"]["unit_amount"]
        discount = 0
        for coupon_id in sub.get("discounts", []):
            coupon = self.objects[coupon_id]
            applies = (
                coupon["duration"] == "forever"
                or (coupon["duration"] == "once" and sub["invoices_paid"] == 0)
                or (
                    coupon["duration"] == "repeating"
                    and sub["invoices_paid"] < (coupon["duration_in_months"] or 0)
                )
            )
            if applies:
                discount = (
                    int(amount * coupon["percent_off"] / 100)
                    if coupon["percent_off"]
                    else coupon["amount_off"]
                )
        intent = self._put(
            {
                "id": _new("pi"),
                "object": "payment_intent",
                "amount": amount - discount,
                "currency": self._item(sub)["price"]["currency"],
                "status": "succeeded",
            }
        )
        invoice = self._put(
            {
                "id": _new("in"),
                "object": "invoice",
                "status": "paid",
                "currency": intent["currency"],
                "customer": sub["customer"],
                "subtotal": amount,
                "total": amount - discount,
                "amount_paid": amount - discount,
                "total_discount_amounts": [{"amount": discount, "discount": "di_x"}]
                if discount
                else [],
                "parent": {
                    "type": "subscription_details",
                    "subscription_details": {
                        "subscription": sub["id"],
                        "metadata": sub["metadata"],
                    },
                },
                "lines": {
                    "object": "list",
                    "data": [
                        {"id": _new("il"), "period": {"start": start, "end": end}, "amount": amount}
                    ],
                },
                "status_transitions": {"paid_at": int(time.time())},
                "payments": {
                    "object": "list",
                    "data": [
                        {
                            "id": _new("inpay"),
                            "object": "invoice_payment",
                            "payment": {"type": "payment_intent", "payment_intent": intent["id"]},
                            "status": "paid",
                        }
                    ],
                },
            }
        )
        sub["invoices_paid"] += 1
        sub["latest_invoice"] = invoice["id"]
        self._event("invoice.paid", invoice)
        return invoice

    def renew(self, subscription_id: str) -> None:
        sub = self.objects[subscription_id]
        item = self._item(sub)
        start, end = item["current_period_end"], item["current_period_end"] + MONTH
        if sub["cancel_at_period_end"]:
            sub.update(status="canceled", ended_at=start)
            self._event("customer.subscription.deleted", sub)
            return
        item.update(current_period_start=start, current_period_end=end)
        sub["status"] = "active"
        self._invoice(sub, start, end)
        self._event("customer.subscription.updated", sub)

    def fail_renewal(self, subscription_id: str) -> None:
        sub = self.objects[subscription_id]
        sub["status"] = "past_due"
        invoice = self._put(
            {
                "id": _new("in"),
                "object": "invoice",
                "status": "open",
                "currency": "usd",
                "parent": {
                    "type": "subscription_details",
                    "subscription_details": {"subscription": sub["id"]},
                },
                "attempt_count": 1,
            }
        )
        self._event("invoice.payment_failed", invoice)
        self._event("customer.subscription.updated", sub)

    def end_period_in_past(self, subscription_id: str, seconds_ago: int = 1) -> None:
        item = self._item(self.objects[subscription_id])
        item["current_period_end"] = int(time.time()) - seconds_ago

    # --- events -------------------------------------------------------------------------

    def _event(self, kind: str, obj: dict[str, Any]) -> None:
        self.events.append(
            {
                "id": _new("evt"),
                "object": "event",
                "api_version": "2026-10-28.endive",
                "created": int(time.time()),
                "type": kind,
                "livemode": False,
                "data": {"object": json.loads(json.dumps(obj))},
                "pending_webhooks": 1,
                "request": {"id": None, "idempotency_key": None},
            }
        )

    def take_events(self) -> list[dict[str, Any]]:
        taken, self.events = self.events, []
        return taken


def signed(
    event: dict[str, Any], secret: str = WEBHOOK_SECRET, at: int | None = None
) -> tuple[bytes, str]:
    """The body and Stripe-Signature header Stripe would send."""
    body = json.dumps(event).encode()
    timestamp = int(time.time()) if at is None else at
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return body, f"t={timestamp},v1={digest}"
