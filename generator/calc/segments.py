"""Per-segment results that add up to the totals, to the fen.

Segment-scoped lines belong to their segment. A shared stage-driven line is
split by each segment's share of that stage's count; fixed and lump lines,
channels and the contingency by each segment's share of deals. Splits are in
whole fen by largest remainder, so the segments always sum to the total.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..rounding import FEN, div, excel_round
from ..schema import STAGES
from .budget import BudgetResult
from .funnel import Counts, FunnelPlan
from .roi import RevenueResult


@dataclass(frozen=True)
class SegmentResult:
    name: str
    counts: Counts
    budget: Decimal
    revenue: Decimal
    gross_profit: Decimal

    @property
    def visit_rate(self) -> Decimal | None:
        """邀约进店率: arrived / customers."""
        return div(self.counts.arrived, self.counts.pool) if self.counts.pool else None

    @property
    def cost_per_deal(self) -> Decimal | None:
        return excel_round(div(self.budget, self.counts.deals), 2) if self.counts.deals else None


def allocate(amount: Decimal, weights: list[int]) -> list[Decimal]:
    """Split ``amount`` in whole fen by ``weights`` (largest remainder)."""
    if not weights:
        return []
    total = sum(weights)
    if total == 0:
        weights, total = [1] * len(weights), len(weights)
    fen = int(amount / FEN)
    shares = [div(fen * w, total) for w in weights]
    whole = [int(s) for s in shares]  # truncates toward zero, for negatives too
    left = fen - sum(whole)
    step = 1 if left >= 0 else -1
    order = sorted(range(len(weights)), key=lambda i: abs(shares[i] - whole[i]), reverse=True)
    for i in order[: abs(left)]:
        whole[i] += step
    return [Decimal(w) * FEN for w in whole]


def _split(amount: Decimal, segment: str | None, driver: str, names: list[str], plan: FunnelPlan) -> list[Decimal]:
    if segment is not None:
        return [amount if n == segment else Decimal(0) for n in names]
    stage = driver if driver in STAGES else "deals"
    return allocate(amount, [plan.count(stage, n) for n in names])


def segment_results(plan: FunnelPlan, budget: BudgetResult, revenue: RevenueResult) -> tuple[SegmentResult, ...]:
    names = [name for name, _ in plan.segments]
    if not names:
        return ()
    zero = [Decimal(0)] * len(names)
    cost, rev, gp = list(zero), list(zero), list(zero)
    for line in budget.lines:
        if not line.memo:
            cost = [
                a + b for a, b in zip(cost, _split(line.amount, line.segment, line.driver, names, plan), strict=True)
            ]
    cost = [a + b for a, b in zip(cost, _split(budget.contingency, None, "deals", names, plan), strict=True)]
    for x in revenue.lines:
        rev = [a + b for a, b in zip(rev, _split(x.amount, x.segment, x.driver, names, plan), strict=True)]
        gp = [a + b for a, b in zip(gp, _split(x.gross_profit, x.segment, x.driver, names, plan), strict=True)]
    return tuple(SegmentResult(name, plan.counts(name), cost[i], rev[i], gp[i]) for i, name in enumerate(names))
