"""Past campaigns (成功案例): ROI computed when it was left blank."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import HistoryRow
from ..rounding import div


@dataclass(frozen=True)
class HistoryResult:
    campaign: str
    year: int | None
    budget: Decimal | None
    revenue: Decimal | None
    gross_profit: Decimal | None
    deals: int | None
    roi: Decimal | None  # as entered, else gross_profit / budget


def history(rows: tuple[HistoryRow, ...]) -> tuple[HistoryResult, ...]:
    out = []
    for h in rows:
        roi = h.roi
        if roi is None and h.gross_profit is not None and h.budget:
            roi = div(h.gross_profit, h.budget)
        out.append(HistoryResult(h.campaign, h.year, h.budget, h.revenue, h.gross_profit, h.deals, roi))
    return tuple(out)
