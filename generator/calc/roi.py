"""Revenue by horizon, gross profit, the three ROIs, cost per deal, break-even."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import Model
from ..rounding import ceil_int, div, to_fen
from ..schema import STAGES
from .budget import BudgetResult, line_quantity
from .funnel import FunnelPlan


@dataclass(frozen=True)
class RevenueLineResult:
    item: str
    driver: str
    horizon: str
    quantity: Decimal
    unit_value: Decimal
    discount: Decimal
    amount: Decimal
    margin: Decimal
    gross_profit: Decimal
    segment: str | None = None


@dataclass(frozen=True)
class RevenueResult:
    lines: tuple[RevenueLineResult, ...]
    revenue: dict[str, Decimal]  # campaign, follow_up, total
    gross_profit: dict[str, Decimal]
    variable_gp: Decimal  # gross profit of stage-driven lines (scales with deals)


@dataclass(frozen=True)
class RoiResult:
    campaign: Decimal | None
    total: Decimal | None
    marketing: Decimal | None
    cost_per_deal: Decimal | None
    breakeven_deals: int | None


def compute_revenue(model: Model, plan: FunnelPlan) -> RevenueResult:
    lines = []
    for r in model.revenue:
        margin = r.margin if r.margin is not None else model.campaign.gross_margin
        if r.driver == "lump":
            qty, amount = Decimal(1), to_fen(r.lump_sum or Decimal(0))
        else:
            qty = line_quantity(r.driver, r.quantity, r.segment, plan)
            amount = to_fen(qty * r.unit_value * (1 - r.discount))
        gp = to_fen(amount * margin)
        lines.append(
            RevenueLineResult(r.item, r.driver, r.horizon, qty, r.unit_value, r.discount, amount, margin, gp, r.segment)
        )
    revenue = {h: sum((x.amount for x in lines if x.horizon == h), Decimal(0)) for h in ("campaign", "follow_up")}
    gps = {h: sum((x.gross_profit for x in lines if x.horizon == h), Decimal(0)) for h in ("campaign", "follow_up")}
    revenue["total"] = revenue["campaign"] + revenue["follow_up"]
    gps["total"] = gps["campaign"] + gps["follow_up"]
    variable_gp = sum((x.gross_profit for x in lines if x.driver in STAGES), Decimal(0))
    return RevenueResult(tuple(lines), revenue, gps, variable_gp)


def deals_for_roi(
    model: Model, plan: FunnelPlan, budget: BudgetResult, revenue: RevenueResult, roi: Decimal = Decimal(1)
) -> int | None:
    """Deals at which total ROI reaches ``roi`` (1: break-even), stage-driven lines scaling with deals.

    total(d) = (1 + c)(F + V·d/D) and gp(d) = Gf + Gv·d/D; solving gp = roi · total gives
    d = D·(roi(1 + c)F − Gf) / (Gv − roi(1 + c)V). None when a deal's gross profit never
    covers roi × its variable cost.
    """
    deals = plan.forward.deals
    if deals == 0:
        return None
    c1 = roi * (1 + model.campaign.contingency_rate)
    fixed = budget.six_total - budget.variable
    gp_fixed = revenue.gross_profit["total"] - revenue.variable_gp
    per_deal = revenue.variable_gp - c1 * budget.variable
    if per_deal <= 0:
        return None
    need = c1 * fixed - gp_fixed
    return max(0, ceil_int(div(deals * need, per_deal)))


def ratio(num: Decimal, den: Decimal) -> Decimal | None:
    """An ROI: gross profit over spend (None when there is no spend); the one home of the division."""
    return div(num, den) if den else None


def compute_roi(model: Model, plan: FunnelPlan, budget: BudgetResult, revenue: RevenueResult) -> RoiResult:
    gp = revenue.gross_profit

    deals = plan.forward.deals
    return RoiResult(
        campaign=ratio(gp["campaign"], budget.total),
        total=ratio(gp["total"], budget.total),
        marketing=ratio(gp["total"], budget.marketing_spend),
        cost_per_deal=to_fen(div(budget.total, deals)) if deals else None,
        breakeven_deals=deals_for_roi(model, plan, budget, revenue),
    )
