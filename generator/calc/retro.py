"""The retrospective (复盘): plan vs actual, variances, and what the figures suggest."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import CONTINGENCY, Actuals, Model
from ..rounding import div, to_fen
from .goals import GoalResult, evaluate_goals
from .plan import Plan
from .tracking import RATE_PAIRS, _rate, cumulative_deals

# Campaign-period figures first: the actuals know them when the campaign ends. Follow-up revenue (repairs in
# the months after) is compared only when the actuals report it; until then the totals are pending.
CAMPAIGN_PERIOD = ("revenue_campaign", "gross_profit_campaign", "roi_campaign")
WITH_FOLLOW_UP = ("revenue_total", "gross_profit_total", "roi_total")
HEADLINE = ("deals", "budget_total", *CAMPAIGN_PERIOD, *WITH_FOLLOW_UP)


@dataclass(frozen=True)
class LineVariance:
    category: str
    item: str
    plan: Decimal
    actual: Decimal | None  # None: not reported
    unplanned: bool = False  # spend on an item the plan did not have (plan 0)

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
    revenue_lines: tuple[tuple[str, Decimal, Decimal, Decimal, Decimal, str], ...]  # item, plan, actual, margin,
    # actual gross profit, horizon
    goals: tuple[GoalResult, ...]
    goal_actuals: dict[str, Decimal]
    lessons: tuple[tuple[str, str], ...]
    suggestions: tuple[Suggestion, ...]
    days: tuple
    follow_up_pending: tuple[str, ...] = ()  # follow-up revenue lines the actuals do not report yet

    @property
    def daily_spend(self) -> Decimal:
        """The daily sheet's spend column, summed (to reconcile with the costs sheet)."""
        return sum((d.spend for d in self.days if d.spend is not None), Decimal(0))

    @property
    def spend_gap(self) -> Decimal | None:
        """Daily spend vs the costs sheet's total, as a share of the latter."""
        costs = self.actual["budget_total"]
        return div(self.daily_spend - costs, costs) if costs else None

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


def _revenue(plan: Plan, actuals: Actuals) -> tuple[list, tuple[str, ...]]:
    """Each revenue line's plan and actual (0 when not reported), and the follow-up lines not reported yet."""
    revenue = dict(actuals.revenue)
    rows = []
    for x in plan.revenue.lines:
        actual = revenue.get(x.item, Decimal(0))
        rows.append((x.item, x.amount, actual, x.margin, to_fen(actual * x.margin), x.horizon))
    pending = tuple(x.item for x in plan.revenue.lines if x.horizon == "follow_up" and x.item not in revenue)
    return rows, pending


def _figures(rev_lines: list, budget: Decimal, deals: int) -> dict:
    """The headline actuals, as reported (the totals count follow-up revenue only if it is reported)."""
    campaign = [r for r in rev_lines if r[5] == "campaign"]
    revenue = {
        "campaign": sum((r[2] for r in campaign), Decimal(0)),
        "total": sum((r[2] for r in rev_lines), Decimal(0)),
    }
    gp = {"campaign": sum((r[4] for r in campaign), Decimal(0)), "total": sum((r[4] for r in rev_lines), Decimal(0))}
    figs: dict[str, Decimal | int | None] = {
        "deals": deals,
        "budget_total": budget,
        "revenue_campaign": revenue["campaign"],
        "gross_profit_campaign": gp["campaign"],
        "roi_campaign": div(gp["campaign"], budget) if budget else None,
        "revenue_total": revenue["total"],
        "gross_profit_total": gp["total"],
        "roi_total": div(gp["total"], budget) if budget else None,
    }
    return figs


def _plan_figures(plan: Plan) -> dict[str, Decimal | int | None]:
    rev, gp = plan.revenue.revenue, plan.revenue.gross_profit
    return {
        "deals": plan.funnel.forward.deals,
        "budget_total": plan.budget.total,
        "revenue_campaign": rev["campaign"],
        "gross_profit_campaign": gp["campaign"],
        "roi_campaign": plan.roi.campaign,
        "revenue_total": rev["total"],
        "gross_profit_total": gp["total"],
        "roi_total": plan.roi.total,
    }


def retro(model: Model, plan: Plan, actuals: Actuals) -> Retro:
    costs = dict(actuals.costs)
    lines = tuple(
        LineVariance(x.category, x.item, x.amount, costs.get(x.item)) for x in plan.budget.lines if not x.memo
    ) + tuple(LineVariance(cat, item, Decimal(0), amount, True) for cat, item, amount in actuals.unplanned)
    used = costs.get(CONTINGENCY, Decimal(0))
    budget_actual = sum(costs.values(), Decimal(0)) + sum((a for _, _, a in actuals.unplanned), Decimal(0))
    rev_lines, pending = _revenue(plan, actuals)
    deals_actual = sum(d.deals or 0 for d in actuals.daily)
    plan_figs = _plan_figures(plan)
    reported = _figures(rev_lines, budget_actual, deals_actual)
    # the totals with follow-up are unknown while follow-up revenue is pending
    actual_figs = {**reported, **dict.fromkeys(WITH_FOLLOW_UP)} if pending else reported
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
    gp_all, revenue_all = reported["gross_profit_total"], reported["revenue_total"]
    extra = {
        "gross_margin": div(gp_all, revenue_all) if revenue_all else None,
        "cost_per_deal": to_fen(div(budget_actual, deals_actual)) if deals_actual else None,
    }
    metrics = {**actual_figs, **extra, **rates_actual, **dict(actuals.goals)}
    goals = evaluate_goals(model.goals, metrics)
    return Retro(
        plan_figs, actual_figs, rates_plan, rates_actual, lines, categories, plan.budget.contingency, used,
        tuple(rev_lines), goals, dict(actuals.goals), actuals.lessons,
        suggestions(plan, plan_figs, actual_figs, rates_plan, rates_actual, used), actuals.daily, pending,
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
