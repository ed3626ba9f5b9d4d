from decimal import Decimal

import pytest

from generator.rounding import excel_round, round_count, to_fen


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("2.5", 0, "3"),  # Python's round gives 2
        ("3.5", 0, "4"),
        ("-2.5", 0, "-3"),  # away from zero, as Excel
        ("0.125", 2, "0.13"),  # round() on the float gives 0.12
        ("1234.565", 2, "1234.57"),
        ("1234.564999", 2, "1234.56"),
    ],
)
def test_excel_round_half_away_from_zero(value, places, expected):
    assert excel_round(Decimal(value), places) == Decimal(expected)


def test_excel_round_differs_from_python_round_on_ties():
    assert round(2.5) == 2
    assert round_count(Decimal("2.5")) == 3
    assert round(0.125, 2) == 0.12
    assert to_fen(Decimal("0.125")) == Decimal("0.13")
