"""Excel's ROUND (half away from zero) over Decimal, never binary floats."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Context, Decimal

FEN = Decimal("0.01")
ONE = Decimal(1)
WIDE = Context(prec=40)  # 40 significant digits, well past anything a sheet shows
_PLACES = {places: Decimal(1).scaleb(-places) for places in range(-6, 13)}


def excel_round(value: Decimal, places: int = 0) -> Decimal:
    """ROUND(value, places) as Excel and LibreOffice compute it.

    Decimal's ROUND_HALF_UP rounds ties away from zero, for negatives too,
    which is Excel's rule (Python's round() rounds ties to even).
    """
    step = _PLACES.get(places) or Decimal(1).scaleb(-places)
    return value.quantize(step, rounding=ROUND_HALF_UP, context=WIDE)


def half_up(value: Decimal | float | int, places: int = 0) -> Decimal:
    """ROUND of any number (a float from numpy too, read by its shortest repr), for display."""
    return excel_round(Decimal(repr(value)) if isinstance(value, float) else Decimal(value), places)


def round_count(value: Decimal) -> int:
    """A people count: ROUND(value, 0) as an int."""
    return int(excel_round(value, 0))


def to_fen(value: Decimal) -> Decimal:
    """Money rounded to the fen (0.01 yuan)."""
    return excel_round(value, 2)


def ceil_int(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_CEILING))


def div(numerator: Decimal | int, denominator: Decimal | int) -> Decimal:
    """Division at 40 significant digits, well past anything a sheet shows."""
    return WIDE.divide(Decimal(numerator), Decimal(denominator))
