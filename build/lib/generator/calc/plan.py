"""The base case computed from one model; each scenario and stress case computes one too."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Model
from .budget import BudgetResult, compute_budget
from .funnel import FunnelPlan, plan_funnel
from .goals import planned_metrics
from .roi import RevenueResult, RoiResult, compute_revenue, compute_roi


@dataclass(frozen=True)
class Plan:
    funnel: FunnelPlan
    budget: BudgetResult
    revenue: RevenueResult
    roi: RoiResult

    def metrics(self) -> dict:
        """Every figure a goal, a scenario or a tracker may name, by its metric key."""
        return planned_metrics(self.funnel, self.budget, self.revenue, self.roi)


def compute_plan(model: Model) -> Plan:
    funnel = plan_funnel(model)
    budget = compute_budget(model, funnel)
    revenue = compute_revenue(model, funnel)
    return Plan(funnel, budget, revenue, compute_roi(model, funnel, budget, revenue))
