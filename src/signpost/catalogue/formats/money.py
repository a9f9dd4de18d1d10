"""Prices as people read them: "£85.00", "€40.00", "120.00 CHF"."""

from __future__ import annotations

from decimal import Decimal

SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$", "AUD": "A$", "CAD": "C$", "NZD": "NZ$"}


def format_money(amount: Decimal | int | float | None, currency: str = "GBP") -> str:
    if amount is None:
        return ""
    number = f"{Decimal(amount):,.2f}"
    code = (currency or "GBP").upper()
    symbol = SYMBOLS.get(code)
    return f"{symbol}{number}" if symbol else f"{number} {code}"
