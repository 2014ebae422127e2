"""The payment providers behind one interface (base.py): Stripe, PayPal and the offline test
provider. `provider_for` picks one by name from the settings."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from lectern.commerce.providers.base import PaymentGateway
from lectern.config import Settings
from lectern.errors import Conflict
from lectern.models import PaymentProvider


def enabled_providers(settings: Settings) -> list[PaymentProvider]:
    """The providers a buyer may choose from, in the order the checkout offers them."""
    found: list[PaymentProvider] = []
    if settings.stripe_enabled:
        found.append(PaymentProvider.stripe)
    if settings.paypal_enabled:
        found.append(PaymentProvider.paypal)
    if settings.test_payments_enabled:
        found.append(PaymentProvider.test)
    return found


def provider_for(
    settings: Settings, name: PaymentProvider, session: AsyncSession
) -> PaymentGateway:
    """The gateway for ``name``; a provider that is not configured is refused. ``session`` is
    where the offline test provider keeps its records (the others keep theirs remotely)."""
    if name not in enabled_providers(settings):
        raise Conflict(f"Payments through {name.value} are not set up here.", code="provider_off")
    if name is PaymentProvider.stripe:
        from lectern.commerce.providers.stripe import StripeGateway

        return StripeGateway(settings)
    if name is PaymentProvider.paypal:
        from lectern.commerce.providers.paypal import PayPalGateway

        return PayPalGateway(settings)
    from lectern.commerce.providers.test_provider import TestGateway

    return TestGateway(settings, session)
