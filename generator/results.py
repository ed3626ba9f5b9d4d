"""The one results object every output is written from: compute everything here."""

from __future__ import annotations

from dataclasses import dataclass

from .calc.budget import BudgetResult, compute_budget
from .calc.funnel import FunnelPlan, plan_funnel
from .calc.goals import GoalResult, evaluate_goals, planned_metrics
from .calc.roi import RevenueResult, RoiResult, compute_revenue, compute_roi
from .calc.segments import SegmentResult, segment_results
from .fingerprint import fingerprint
from .model import Model


@dataclass(frozen=True)
class Plan:
    """The base case computed from one model (also what each scenario computes)."""

    funnel: FunnelPlan
    budget: BudgetResult
    revenue: RevenueResult
    roi: RoiResult

    def metrics(self) -> dict:
        """Every figure a goal, a scenario or a tracker may name, by its metric key."""
        return planned_metrics(self.funnel, self.budget, self.revenue, self.roi)


@dataclass(frozen=True)
class Results:
    model: Model
    fingerprint: str
    plan: Plan
    goals: tuple[GoalResult, ...]
    segments: tuple[SegmentResult, ...]


def compute_plan(model: Model) -> Plan:
    funnel = plan_funnel(model)
    budget = compute_budget(model, funnel)
    revenue = compute_revenue(model, funnel)
    return Plan(funnel, budget, revenue, compute_roi(model, funnel, budget, revenue))


def compute(model: Model) -> Results:
    plan = compute_plan(model)
    return Results(
        model,
        fingerprint(model),
        plan,
        evaluate_goals(model.goals, plan.metrics()),
        segment_results(plan.funnel, plan.budget, plan.revenue),
    )
