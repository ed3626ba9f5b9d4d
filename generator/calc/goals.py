"""The goal hierarchy (目标体系): planned value vs target for metrics the model computes."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import Goal
from ..rounding import div
from .budget import BudgetResult
from .funnel import FunnelPlan
from .roi import RevenueResult, RoiResult
from .tiers import RATE_METRICS, metric_value

LOWER_IS_BETTER = {"cost_per_deal", "budget_total"}


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


def evaluate_goals(goals: tuple[Goal, ...], metrics: dict[str, Decimal | int | None]) -> tuple[GoalResult, ...]:
    out = []
    for goal in goals:
        planned = metrics.get(goal.metric)
        if planned is None:
            out.append(GoalResult(goal, None, None))
            continue
        met = planned <= goal.target if goal.metric in LOWER_IS_BETTER else planned >= goal.target
        out.append(GoalResult(goal, planned, met))
    return tuple(out)
