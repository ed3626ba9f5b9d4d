"""Number formats shared by every output: 元, 万元, thousands, ratios, percentages."""

from __future__ import annotations

from decimal import Decimal

from .rounding import excel_round


def dec(value: Decimal | int | float) -> Decimal:
    """The value as a Decimal; a negative zero becomes zero (never printed as -0.00)."""
    d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return d + 0 if d == 0 else d


def num(value: Decimal | int | float) -> str:
    """A plain number with thousands separators and no trailing zeros: 1,722 · 0.02 · 533.5."""
    d = dec(value)
    if d == d.to_integral_value():
        return f"{int(d):,}"
    text = f"{d.normalize():,f}"
    return text


def yuan(value: Decimal | float) -> str:
    return f"{dec(excel_round(dec(value), 2)):,.2f}"


def wan(value: Decimal | float, places: int = 2) -> str:
    """万元 for the deck: 872,699.94 → 87.27."""
    return f"{dec(excel_round(dec(value) / 10000, places)):,.{places}f}"


def thousands(value: Decimal | float, places: int = 2) -> str:
    """Thousands of CNY for English documents: 872,699.94 → 872.70."""
    return f"{dec(excel_round(dec(value) / 1000, places)):,.{places}f}"


def ratio(value: Decimal | float | None) -> str:
    return "—" if value is None else f"{dec(excel_round(dec(value), 2)):.2f}:1"


def pct(value: Decimal | float | None, places: int = 1) -> str:
    return "—" if value is None else f"{dec(excel_round(dec(value) * 100, places)):.{places}f}%"


def pct_short(value: Decimal) -> str:
    """15% when whole, else 15.5%: for thresholds people typed."""
    v = Decimal(value) * 100
    return f"{num(v)}%" if v == v.to_integral_value() else pct(value)
