"""Tiered unit costs (阶梯): the band whose `from` is the largest not above the metric."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import Tier
from ..rounding import div
from .funnel import Counts

RATE_METRICS = {
    "open_rate": ("opened", "reached"),
    "booking_rate": ("booked", "opened"),
    "arrival_rate": ("arrived", "booked"),
    "purchase_rate": ("deals", "arrived"),
    "visit_rate": ("arrived", "pool"),
    "conversion": ("deals", "pool"),
}


@dataclass(frozen=True)
class Band:
    metric: str
    value: Decimal  # the metric's planned value
    start: Decimal  # the band's `from`
    unit_cost: Decimal
    lump_sum: Decimal


def metric_value(metric: str, counts: Counts) -> Decimal:
    """A tier metric over a funnel's counts: a stage count or a ratio of two."""
    if metric in RATE_METRICS:
        num, den = RATE_METRICS[metric]
        return div(counts.get(num), counts.get(den)) if counts.get(den) else Decimal(0)
    return Decimal(counts.get(metric))


def choose_band(tiers: list[Tier], counts: Counts) -> Band:
    """The band with the largest `from` ≤ the metric (validation ensures a 0 band)."""
    metric = tiers[0].metric
    value = metric_value(metric, counts)
    eligible = [t for t in tiers if t.start <= value] or [min(tiers, key=lambda t: t.start)]
    tier = max(eligible, key=lambda t: t.start)
    return Band(metric, value, tier.start, tier.unit_cost, tier.lump_sum)
