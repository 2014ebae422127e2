"""Amounts are integers in the currency's minor units everywhere; PayPal wants decimal strings,
and a few currencies have no minor unit at all."""

from __future__ import annotations

from decimal import Decimal

# ISO 4217 currencies without a minor unit (as Stripe and PayPal treat them).
ZERO_DECIMAL = frozenset(
    {
        "BIF",
        "CLP",
        "DJF",
        "GNF",
        "HUF",
        "JPY",
        "KMF",
        "KRW",
        "MGA",
        "PYG",
        "RWF",
        "TWD",
        "UGX",
        "VND",
        "VUV",
        "XAF",
        "XOF",
        "XPF",
    }
)


def exponent(currency: str) -> int:
    return 0 if currency.upper() in ZERO_DECIMAL else 2


def to_decimal_string(amount: int, currency: str) -> str:
    """1999 USD -> "19.99"; 500 JPY -> "500"."""
    places = exponent(currency)
    if places == 0:
        return str(amount)
    return f"{Decimal(amount).scaleb(-places):.{places}f}"


def from_decimal_string(value: str, currency: str) -> int:
    """ "19.99" USD -> 1999."""
    return int((Decimal(value).scaleb(exponent(currency))).to_integral_value())


def describe(amount: int, currency: str) -> str:
    """19.99 USD, for mails and audit lines."""
    return f"{to_decimal_string(amount, currency)} {currency.upper()}"
