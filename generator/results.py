"""The one results object every output is written from: compute everything here."""

from __future__ import annotations

from dataclasses import dataclass

from .calc.budget import BudgetResult, compute_budget
from .calc.funnel import FunnelPlan, plan_funnel
from .calc.roi import RevenueResult, RoiResult, compute_revenue, compute_roi
from .fingerprint import fingerprint
from .model import Model


@dataclass(frozen=True)
class Plan:
    """The base case computed from one model (also what each scenario computes)."""

    funnel: FunnelPlan
    budget: BudgetResult
    revenue: RevenueResult
    roi: RoiResult


@dataclass(frozen=True)
class Results:
    model: Model
    fingerprint: str
    plan: Plan


def compute_plan(model: Model) -> Plan:
    funnel = plan_funnel(model)
    budget = compute_budget(model, funnel)
    revenue = compute_revenue(model, funnel)
    return Plan(funnel, budget, revenue, compute_roi(model, funnel, budget, revenue))


def compute(model: Model) -> Results:
    return Results(model, fingerprint(model), compute_plan(model))
