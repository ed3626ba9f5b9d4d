"""The risk register's figures: probability × impact scores and responses vs the reserve."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import Risk


@dataclass(frozen=True)
class RiskSummary:
    scores: tuple[int | None, ...]  # probability × impact per risk (None when either is blank)
    extra_total: Decimal  # every response's extra budget
    reserve: Decimal  # the contingency
    covered: bool  # extra_total ≤ reserve


def summarise_risks(risks: tuple[Risk, ...], reserve: Decimal) -> RiskSummary:
    scores = tuple(r.probability * r.impact if r.probability and r.impact else None for r in risks)
    extra = sum((r.extra_budget for r in risks), Decimal(0))
    return RiskSummary(scores, extra, reserve, extra <= reserve)
