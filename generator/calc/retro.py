"""The retrospective (复盘): plan vs actual, variances, and what the figures suggest."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import CONTINGENCY, Actuals, Model
from ..rounding import div, to_fen
from .goals import GoalResult, evaluate_goals
from .plan import Plan
from .tracking import RATE_PAIRS, _rate, cumulative_deals

HEADLINE = ("deals", "revenue_total", "budget_total", "gross_profit_total", "roi_total")


@dataclass(frozen=True)
class LineVariance:
    category: str
    item: str
    plan: Decimal
    actual: Decimal | None  # None: not reported

    @property
    def variance(self) -> Decimal | None:
        return None if self.actual is None else self.actual - self.plan


@dataclass(frozen=True)
class Suggestion:
    key: str  # a message catalogue key
    values: dict


@dataclass(frozen=True)
class Retro:
    plan: dict[str, Decimal | int | None]
    actual: dict[str, Decimal | int | None]
    rates_plan: dict[str, Decimal | None]
    rates_actual: dict[str, Decimal | None]
    lines: tuple[LineVariance, ...]
    categories: dict[str, tuple[Decimal, Decimal]]  # plan, actual (contingency: reserved, used)
    contingency_reserved: Decimal
    contingency_used: Decimal
    revenue_lines: tuple[tuple[str, Decimal, Decimal, Decimal, Decimal], ...]  # item, plan, actual, margin, actual gp
    goals: tuple[GoalResult, ...]
    goal_actuals: dict[str, Decimal]
    lessons: tuple[tuple[str, str], ...]
    suggestions: tuple[Suggestion, ...]
    days: tuple

    @property
    def contingency_variance(self) -> Decimal:
        return self.contingency_used - self.contingency_reserved

    @property
    def cumulative_deals(self) -> list[tuple[int, int]]:
        return cumulative_deals(self.days)

    @property
    def variance(self) -> dict[str, Decimal | int | None]:
        out: dict[str, Decimal | int | None] = {}
        for k in HEADLINE:
            actual, plan = self.actual[k], self.plan[k]
            out[k] = None if actual is None or plan is None else actual - plan
        return out

    @property
    def variance_pct(self) -> dict[str, Decimal | None]:
        out: dict[str, Decimal | None] = {}
        for k, v in self.variance.items():
            plan = self.plan[k]
            out[k] = div(v, plan) if v is not None and plan else None
        return out


def retro(model: Model, plan: Plan, actuals: Actuals) -> Retro:
    costs = dict(actuals.costs)
    lines = tuple(
        LineVariance(x.category, x.item, x.amount, costs.get(x.item)) for x in plan.budget.lines if not x.memo
    )
    used = costs.get(CONTINGENCY, Decimal(0))
    budget_actual = sum(costs.values(), Decimal(0))
    revenue = dict(actuals.revenue)
    rev_lines = []
    for x in plan.revenue.lines:
        actual = revenue.get(x.item, Decimal(0))
        rev_lines.append((x.item, x.amount, actual, x.margin, to_fen(actual * x.margin)))
    revenue_actual = sum((r[2] for r in rev_lines), Decimal(0))
    gp_actual = sum((r[4] for r in rev_lines), Decimal(0))
    deals_actual = sum(d.deals or 0 for d in actuals.daily)
    plan_figs: dict[str, Decimal | int | None] = {
        "deals": plan.funnel.forward.deals,
        "revenue_total": plan.revenue.revenue["total"],
        "budget_total": plan.budget.total,
        "gross_profit_total": plan.revenue.gross_profit["total"],
        "roi_total": plan.roi.total,
    }
    actual_figs: dict[str, Decimal | int | None] = {
        "deals": deals_actual,
        "revenue_total": revenue_actual,
        "budget_total": budget_actual,
        "gross_profit_total": gp_actual,
        "roi_total": div(gp_actual, budget_actual) if budget_actual else None,
    }
    categories = {}
    for cat in dict.fromkeys(x.category for x in lines):
        group = [x for x in lines if x.category == cat]
        categories[cat] = (
            sum((x.plan for x in group), Decimal(0)),
            sum((x.actual or Decimal(0) for x in group), Decimal(0)),
        )
    categories["contingency"] = (plan.budget.contingency, used)
    f = plan.funnel.forward
    rates_plan = {k: div(f.get(n), f.get(d)) if f.get(d) else None for k, (n, d) in RATE_PAIRS.items()}
    rates_actual = {k: _rate(actuals.daily, n, d) for k, (n, d) in RATE_PAIRS.items()}
    horizons = {x.item: x.horizon for x in plan.revenue.lines}
    extra = {
        "revenue_campaign": sum((a for item, _, a, _, _ in rev_lines if horizons[item] == "campaign"), Decimal(0)),
        "gross_margin": div(gp_actual, revenue_actual) if revenue_actual else None,
        "cost_per_deal": to_fen(div(budget_actual, deals_actual)) if deals_actual else None,
    }
    metrics = {**actual_figs, **extra, **rates_actual, **dict(actuals.goals)}
    goals = evaluate_goals(model.goals, metrics)
    return Retro(
        plan_figs, actual_figs, rates_plan, rates_actual, lines, categories, plan.budget.contingency, used,
        tuple(rev_lines), goals, dict(actuals.goals), actuals.lessons,
        suggestions(plan, plan_figs, actual_figs, rates_plan, rates_actual, used), actuals.daily,
    )  # fmt: skip


def suggestions(
    plan: Plan, planned: dict, actual: dict, rates_plan: dict, rates_actual: dict, used: Decimal
) -> tuple[Suggestion, ...]:
    """What the figures suggest for next time, most consequential first."""
    out = []
    reserved = plan.budget.contingency
    if used > reserved:
        rate = div(used, plan.budget.six_total) if plan.budget.six_total else None
        out.append(Suggestion("sg_reserve", {"reserved": reserved, "used": used, "rate": rate}))
    if actual["budget_total"] > planned["budget_total"]:
        out.append(
            Suggestion(
                "sg_overspend",
                {
                    "over": actual["budget_total"] - planned["budget_total"],
                    "pct": div(actual["budget_total"] - planned["budget_total"], planned["budget_total"]),
                },
            )
        )
    for name, plan_rate in rates_plan.items():
        got = rates_actual[name]
        if got is not None and plan_rate is not None and got < plan_rate:
            out.append(Suggestion("sg_rate", {"rate": name, "actual": got, "plan": plan_rate}))
    if (
        planned["roi_total"] is not None
        and actual["roi_total"] is not None
        and actual["roi_total"] < planned["roi_total"]
    ):
        out.append(Suggestion("sg_roi", {"actual": actual["roi_total"], "plan": planned["roi_total"]}))
    if actual["deals"] >= planned["deals"]:
        out.append(Suggestion("sg_deals_met", {"actual": actual["deals"], "plan": planned["deals"]}))
    return tuple(out)
