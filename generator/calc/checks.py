"""Plausibility of a plan that passed validation: errors for figures beyond what a workbook
can carry, warnings for inputs that pass but mislead. `validate` and every command report them."""

from __future__ import annotations

from decimal import Decimal

from ..errors import Collector
from ..model import Model
from ..values import MAX_AMOUNT
from .plan import Plan

SENDS_TOLERANCE = Decimal("0.10")


def _at(model: Model, key: str) -> str:
    return model.campaign.where.get(key) or model.source


def check_paths(model: Model, problems: Collector) -> None:
    """Every scenario, sensitivity, stress and uncertainty row names a parameter path the model has."""
    from .params import PathError, check

    for row in (*model.scenarios, *model.sensitivity, *model.stress, *model.uncertainty):
        try:
            check(model, row.parameter)
        except PathError as exc:
            problems.error(row.where, exc.message)


def check_plan(model: Model, plan: Plan, problems: Collector) -> None:
    """Add the plan's out-of-range figures (errors) and implausible inputs (warnings) to ``problems``."""
    figures = {
        "total budget": plan.budget.total,
        "total revenue": plan.revenue.revenue["total"],
        "memo lines": plan.budget.memo_total,
    }
    for what, value in figures.items():
        if abs(value) > MAX_AMOUNT:
            problems.error(
                model.source,
                "the plan's {what} comes to {value:,.0f} yuan, beyond the limit of 1,000,000,000,000; "
                "check the counts, touches and unit costs",
                what=what,
                value=value,
            )
    if problems.has_errors:
        return
    _check_funnel(model, plan, problems)
    _check_channels(model, plan, problems)


def _check_funnel(model: Model, plan: Plan, problems: Collector) -> None:
    forward = plan.funnel.forward
    c = model.campaign
    if forward.deals > forward.pool > 0:
        problems.warn(
            _at(model, "touches_per_customer"),
            "the forward funnel gives {deals:,} deals from {pool:,} customers: more deals than "
            "customers; touches_per_customer counts touches, not people — check it and the rates",
            deals=forward.deals,
            pool=forward.pool,
        )
    if forward.deals == 0:
        problems.warn(_at(model, "target_deals"), "the forward funnel gives 0 deals; check the rates and the pool")
    if model.segments and c.pool_customers is not None and c.pool_customers != forward.pool:
        problems.warn(
            _at(model, "pool_customers"),
            "pool_customers is {given:,} but the segments sum to {pool:,}; "
            "the segments are used (delete pool_customers or make them agree)",
            given=c.pool_customers,
            pool=forward.pool,
        )


def _pool_touches(model: Model) -> Decimal:
    c = model.campaign
    if model.segments:
        return sum((Decimal(s.customers) * (s.touches or c.touches_per_customer) for s in model.segments), Decimal(0))
    return Decimal(c.pool_customers or 0) * c.touches_per_customer


def _check_channels(model: Model, plan: Plan, problems: Collector) -> None:
    pool = plan.funnel.forward.pool
    for ch in model.channels:
        if pool and ch.reachable > pool:
            problems.warn(
                ch.where,
                'channel "{name}" reaches {reach:,} people, more than the {pool:,} customers in the pool '
                "(coverage {coverage:.1%})",
                name=ch.name,
                reach=ch.reachable,
                pool=pool,
                coverage=ch.reachable / pool,
            )
    if not model.channels:
        return
    sends = sum((Decimal(ch.reachable) * ch.sends for ch in model.channels), Decimal(0))
    touches = _pool_touches(model)
    if touches and abs(sends - touches) > SENDS_TOLERANCE * touches:
        where = model.channels[0].where.rsplit("!", 1)[0] if "!" in model.channels[0].where else model.source
        problems.warn(
            where,
            "the channels send {sends:,.0f} messages but the pool × touches_per_customer is {touches:,.0f} "
            "({gap:+.0%}); make them agree within 10%",
            sends=sends,
            touches=touches,
            gap=(sends - touches) / touches,
        )
