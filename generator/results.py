"""The one results object every output is written from: compute everything here."""

from __future__ import annotations

from dataclasses import dataclass

from .calc.goals import ASSUMED_IN_PLAN, GoalResult, evaluate_goals
from .calc.history import HistoryResult, history
from .calc.montecarlo import DEFAULT_SEED, MonteCarloResult, monte_carlo
from .calc.plan import Plan, compute_plan
from .calc.risks import RiskSummary, summarise_risks
from .calc.roi import deals_for_roi
from .calc.scenarios import ScenarioResult, StressResult, TornadoBar, run_scenarios, stress_cases, tornado
from .calc.segments import SegmentResult, segment_results
from .fingerprint import fingerprint
from .model import Model


@dataclass(frozen=True)
class Results:
    model: Model
    fingerprint: str
    plan: Plan
    goals: tuple[GoalResult, ...]
    segments: tuple[SegmentResult, ...]
    scenarios: tuple[ScenarioResult, ...]
    tornado: tuple[TornadoBar, ...]
    stress: tuple[StressResult, ...]
    monte_carlo: MonteCarloResult | None
    deals_for_roi_floor: int | None  # goal seek: the deals that reach roi_floor
    risks: RiskSummary
    history: tuple[HistoryResult, ...]


def compute(model: Model, draws: int = 10_000, seed: int = DEFAULT_SEED) -> Results:
    plan = compute_plan(model)
    floor = model.campaign.roi_floor
    f = plan.funnel
    return Results(
        model,
        fingerprint(model),
        plan,
        evaluate_goals(model.goals, plan.metrics(), as_entered=ASSUMED_IN_PLAN),
        segment_results(f, plan.budget, plan.revenue),
        run_scenarios(model),
        tornado(model),
        stress_cases(model),
        monte_carlo(model, draws, seed),
        deals_for_roi(model, f, plan.budget, plan.revenue, floor) if floor is not None else None,
        summarise_risks(model.risks, plan.budget.contingency),
        history(model.history),
    )
