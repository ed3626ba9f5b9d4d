"""The goal hierarchy (目标体系): planned value vs target for metrics the model computes."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import Goal
from ..rounding import div, excel_round
from .budget import BudgetResult
from .funnel import FunnelPlan
from .roi import RevenueResult, RoiResult
from .tiers import RATE_METRICS, metric_value

LOWER_IS_BETTER = {"cost_per_deal", "budget_total"}
# In the plan these only restate an input (the gross margin is the lines' margin): shown as entered, never
# "met"; the retro's actuals do measure them.
ASSUMED_IN_PLAN = frozenset({"gross_margin"})


@dataclass(frozen=True)
class GoalResult:
    goal: Goal
    planned: Decimal | int | None  # None: the model does not compute this metric
    met: bool | None


def planned_metrics(
    funnel: FunnelPlan, budget: BudgetResult, revenue: RevenueResult, roi: RoiResult
) -> dict[str, Decimal | int | None]:
    values: dict[str, Decimal | int | None] = {
        "deals": funnel.forward.deals,
        "revenue_total": revenue.revenue["total"],
        "revenue_campaign": revenue.revenue["campaign"],
        "gross_profit_total": revenue.gross_profit["total"],
        "roi_total": roi.total,
        "roi_campaign": roi.campaign,
        "roi_marketing": roi.marketing,
        "cost_per_deal": roi.cost_per_deal,
        "budget_total": budget.total,
        "gross_margin": div(revenue.gross_profit["total"], revenue.revenue["total"])
        if revenue.revenue["total"]
        else None,
    }
    for metric in RATE_METRICS:
        values[metric] = metric_value(metric, funnel.forward)
    return values


def _as_shown(metric: str, value: Decimal | int) -> Decimal:
    """The value at the precision the documents show it (15.0%, 1.93:1, 1,234.56): goals are judged on that."""
    places = 3 if metric in RATE_METRICS or metric == "gross_margin" else 2
    return excel_round(Decimal(value), places)


def evaluate_goals(
    goals: tuple[Goal, ...], metrics: dict[str, Decimal | int | None], as_entered: frozenset[str] = frozenset()
) -> tuple[GoalResult, ...]:
    out = []
    for goal in goals:
        planned = metrics.get(goal.metric)
        if planned is None or goal.metric in as_entered:
            out.append(GoalResult(goal, None, None))
            continue
        shown, target = _as_shown(goal.metric, planned), _as_shown(goal.metric, goal.target)
        met = shown <= target if goal.metric in LOWER_IS_BETTER else shown >= target
        out.append(GoalResult(goal, planned, met))
    return tuple(out)
