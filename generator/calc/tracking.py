"""Campaign tracking (执行监控): cumulative figures vs plan, pace, projection,
ROI to date, risk triggers and alerts."""

from __future__ import annotations

import operator
from dataclasses import dataclass
from decimal import Decimal

from ..model import DailyRow, Model, Risk
from ..rounding import div, round_count
from .plan import Plan
from .tiers import RATE_METRICS

STAGE_RATES = ("open_rate", "booking_rate", "arrival_rate", "purchase_rate")
RATE_PAIRS = {name: RATE_METRICS[name] for name in STAGE_RATES}  # the stage-to-stage rates of the one table
OPS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
CUMULATIVE = ("reached", "opened", "booked", "arrived", "deals", "revenue", "spend")


@dataclass(frozen=True)
class Triggered:
    risk: Risk
    metric: str
    value: Decimal


@dataclass(frozen=True)
class Alert:
    level: str  # critical | warning | info
    metric: str
    message: str  # key into the message catalogue
    values: dict


@dataclass(frozen=True)
class Tracking:
    as_of_day: int
    execution_days: int
    days: tuple[DailyRow, ...]
    cumulative: dict[str, Decimal]
    rates: dict[str, Decimal | None]
    plan_rates: dict[str, Decimal | None]
    behind: tuple[str, ...]
    plan_deals_to_date: Decimal
    projected_deals: Decimal
    gap: Decimal
    roi_to_date: Decimal | None
    spend_basis: str  # "spend" or "prorated"
    contingency: Decimal
    contingency_left: Decimal
    triggered: tuple[Triggered, ...]
    alerts: tuple[Alert, ...]

    @property
    def cumulative_deals(self) -> list[tuple[int, int]]:
        return cumulative_deals(self.days)

    def metric(self, name: str) -> Decimal | None:
        return metric_values(self)[name]


def cumulative_deals(days: tuple[DailyRow, ...]) -> list[tuple[int, int]]:
    """(day, deals so far) for each reported day, in day order."""
    out, running = [], 0
    for d in sorted(days, key=lambda d: d.day):
        running += d.deals or 0
        out.append((d.day, running))
    return out


def _rate(days: tuple[DailyRow, ...], num: str, den: str) -> Decimal | None:
    """Σ numerator / Σ denominator over the days that report both."""
    pairs = [(d.get(num), d.get(den)) for d in days if d.get(num) is not None and d.get(den) is not None]
    total = sum(b for _, b in pairs)
    return div(sum(a for a, _ in pairs), total) if total else None


def metric_values(t: Tracking) -> dict[str, Decimal | None]:
    pace = div(t.cumulative["deals"], t.plan_deals_to_date) if t.plan_deals_to_date else None
    return {
        **t.rates,
        **t.cumulative,
        "projected_deals": t.projected_deals,
        "gap": t.gap,
        "pace": pace,
        "roi_to_date": t.roi_to_date,
    }


def plan_pace(target_deals: int, day: int, execution_days: int) -> Decimal:
    """The plan's deals to date on ``day``: the target spread evenly over the execution days."""
    return div(target_deals * day, execution_days)


def _below(rate: Decimal | None, plan: Decimal | None) -> bool:
    return rate is not None and plan is not None and rate < plan


def track(model: Model, plan: Plan, days: tuple[DailyRow, ...]) -> Tracking:
    c = model.campaign
    execution_days = c.execution_days
    reported = [d for d in days if any(d.get(k) is not None for k in CUMULATIVE)]
    as_of = max((d.day for d in reported), default=0)
    cumulative = {k: sum((Decimal(d.get(k)) for d in days if d.get(k) is not None), Decimal(0)) for k in CUMULATIVE}
    rates = {name: _rate(days, num, den) for name, (num, den) in RATE_PAIRS.items()}
    f = plan.funnel.forward
    plan_rates = {name: div(f.get(num), f.get(den)) if f.get(den) else None for name, (num, den) in RATE_PAIRS.items()}
    behind = tuple(k for k in RATE_PAIRS if _below(rates[k], plan_rates[k]))
    plan_to_date = plan_pace(c.target_deals, as_of, execution_days)
    recent = [d.deals for d in sorted(days, key=lambda d: d.day) if d.deals is not None][-3:]
    mean_recent = div(sum(recent), len(recent)) if recent else Decimal(0)
    projected = Decimal(round_count(cumulative["deals"] + mean_recent * (execution_days - as_of)))
    gap = c.target_deals - projected
    has_spend = any(d.spend is not None for d in days)
    spend = cumulative["spend"] if has_spend else div(plan.budget.total * as_of, execution_days)
    roi = div(cumulative["revenue"] * c.gross_margin, spend) if spend else None
    draft = Tracking(
        as_of, execution_days, days, cumulative, rates, plan_rates, behind, plan_to_date, projected, gap, roi,
        "spend" if has_spend else "prorated", plan.budget.contingency, plan.budget.contingency, (), (),
    )  # fmt: skip
    values = metric_values(draft)
    fired = []
    for risk in model.risks:
        if not risk.trigger_metric or risk.trigger_op is None or risk.trigger_value is None:
            continue
        if (risk.trigger_day or 1) > as_of:
            continue
        value = values.get(risk.trigger_metric)
        if value is not None and OPS[risk.trigger_op](value, risk.trigger_value):
            fired.append(Triggered(risk, risk.trigger_metric, value))
    extra = sum((x.risk.extra_budget for x in fired), Decimal(0))
    left = plan.budget.contingency - extra
    alerts = _alerts(draft, tuple(fired), left, extra, c.target_deals)
    return Tracking(
        as_of, execution_days, days, cumulative, rates, plan_rates, behind, plan_to_date, projected, gap, roi,
        draft.spend_basis, plan.budget.contingency, left, tuple(fired), alerts,
    )  # fmt: skip


def _alerts(t: Tracking, fired: tuple[Triggered, ...], left: Decimal, extra: Decimal, target: int) -> tuple[Alert, ...]:
    out = []
    if t.gap > 0:
        level = "critical" if t.gap > target * Decimal("0.1") else "warning"
        out.append(
            Alert(
                level,
                "projected_deals",
                "alert_projection",
                {"projected": t.projected_deals, "target": target, "gap": t.gap},
            )
        )
    if t.cumulative["deals"] < t.plan_deals_to_date:
        out.append(
            Alert("warning", "pace", "alert_pace", {"deals": t.cumulative["deals"], "plan": t.plan_deals_to_date})
        )
    for name in t.behind:
        out.append(
            Alert("warning", name, "alert_rate", {"rate": name, "actual": t.rates[name], "plan": t.plan_rates[name]})
        )
    for x in fired:
        out.append(
            Alert("warning", x.metric, "alert_trigger", {"risk": x.risk.risk, "response": x.risk.response or ""})
        )
    if left < 0:
        out.append(
            Alert(
                "critical",
                "contingency_left",
                "alert_contingency",
                {"extra": extra, "contingency": t.contingency, "left": left},
            )
        )
    return tuple(out)
