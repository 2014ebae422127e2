"""Payments: what is sold (course prices, subscription plans), coupons, checkout through a
payment provider (Stripe, PayPal, or the offline test provider), the providers' webhooks,
orders, refunds and the subscription lifecycle (docs/payments.md)."""
