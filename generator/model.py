"""The validated campaign model: small frozen dataclasses, money as Decimal.

``where`` fields hold the input location of a row, for later messages; they
are not part of a row's identity and not part of the fingerprint.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

Where = str


def _where() -> Where:
    return field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class Campaign:
    name: str
    start: dt.date
    end: dt.date
    target_deals: int
    gross_margin: Decimal
    pool_customers: int | None = None
    touches_per_customer: Decimal = Decimal(1)
    contingency_rate: Decimal = Decimal("0.08")
    marketing_categories: tuple[str, ...] = ("incentives", "promotion")
    roi_floor: Decimal | None = None
    region: str | None = None
    owner: str | None = None
    theme: str | None = None
    fulfillment_end: dt.date | None = None
    total_customers: int | None = None
    active_customers: int | None = None
    at_risk_customers: int | None = None
    dormant_customers: int | None = None
    lost_customers: int | None = None
    baseline_retention: Decimal | None = None
    target_retention: Decimal | None = None
    where: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # key → its value's cell

    @property
    def execution_days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Funnel:
    reach: Decimal
    open: Decimal
    booking: Decimal
    arrival: Decimal
    purchase: Decimal

    def rate(self, name: str) -> Decimal:
        return getattr(self, name)


@dataclass(frozen=True)
class Segment:
    name: str
    customers: int
    ltv: Decimal | None = None
    touches: Decimal | None = None
    reach: Decimal | None = None
    open: Decimal | None = None
    booking: Decimal | None = None
    arrival: Decimal | None = None
    purchase: Decimal | None = None
    where: Where = _where()


@dataclass(frozen=True)
class Channel:
    name: str
    reachable: int
    sends: Decimal = Decimal(1)
    unit_cost: Decimal = Decimal(0)
    fixed_cost: Decimal = Decimal(0)
    note: str | None = None
    where: Where = _where()


@dataclass(frozen=True)
class BudgetLine:
    category: str
    item: str
    driver: str
    quantity: Decimal | None = None
    times: Decimal = Decimal(1)
    unit_cost: Decimal = Decimal(0)
    lump_sum: Decimal | None = None
    memo: bool = False
    note: str | None = None
    segment: str | None = None
    where: Where = _where()


@dataclass(frozen=True)
class RevenueLine:
    item: str
    driver: str
    quantity: Decimal | None = None
    unit_value: Decimal = Decimal(0)
    discount: Decimal = Decimal(0)
    lump_sum: Decimal | None = None
    margin: Decimal | None = None
    horizon: str = "campaign"
    segment: str | None = None
    where: Where = _where()


@dataclass(frozen=True)
class Tier:
    item: str
    metric: str
    start: Decimal
    unit_cost: Decimal = Decimal(0)
    lump_sum: Decimal = Decimal(0)
    where: Where = _where()


@dataclass(frozen=True)
class Goal:
    level: str
    metric: str
    target: Decimal
    baseline: Decimal | None = None
    unit: str | None = None
    note: str | None = None
    where: Where = _where()


@dataclass(frozen=True)
class Override:
    """One row of scenarios / sensitivity / stress / uncertainty."""

    group: str  # scenario or case name; "" for sensitivity and uncertainty
    parameter: str
    values: tuple[
        Decimal, ...
    ]  # scenario: (value,); sensitivity: (low, high); stress: (change,); uncertainty: (low, mode, high)
    label: str | None = None
    recommended: bool = False
    where: Where = _where()


@dataclass(frozen=True)
class Risk:
    risk: str
    probability: int | None = None
    impact: int | None = None
    trigger_metric: str | None = None
    trigger_op: str | None = None
    trigger_value: Decimal | None = None
    trigger_day: int | None = None
    response: str | None = None
    owner: str | None = None
    extra_budget: Decimal = Decimal(0)
    where: Where = _where()


@dataclass(frozen=True)
class Phase:
    phase: str
    start: dt.date
    end: dt.date
    where: Where = _where()


@dataclass(frozen=True)
class HistoryRow:
    campaign: str
    year: int | None = None
    budget: Decimal | None = None
    revenue: Decimal | None = None
    gross_profit: Decimal | None = None
    deals: int | None = None
    roi: Decimal | None = None
    where: Where = _where()


@dataclass(frozen=True)
class Benchmark:
    category: str
    share_low: Decimal
    share_high: Decimal
    where: Where = _where()


@dataclass(frozen=True)
class Model:
    campaign: Campaign
    funnel: Funnel
    segments: tuple[Segment, ...] = ()
    channels: tuple[Channel, ...] = ()
    budget: tuple[BudgetLine, ...] = ()
    revenue: tuple[RevenueLine, ...] = ()
    tiers: tuple[Tier, ...] = ()
    goals: tuple[Goal, ...] = ()
    scenarios: tuple[Override, ...] = ()
    sensitivity: tuple[Override, ...] = ()
    stress: tuple[Override, ...] = ()
    uncertainty: tuple[Override, ...] = ()
    risks: tuple[Risk, ...] = ()
    timeline: tuple[Phase, ...] = ()
    history: tuple[HistoryRow, ...] = ()
    benchmarks: tuple[Benchmark, ...] = ()
    narrative: tuple[tuple[str, str], ...] = ()
    source: str = field(default="", compare=False, repr=False)

    @property
    def pool(self) -> int:
        if self.segments:
            return sum(s.customers for s in self.segments)
        return self.campaign.pool_customers or 0


# what `track` and `retro` read beside the plan


@dataclass(frozen=True)
class DailyRow:
    day: int
    reached: int | None = None
    opened: int | None = None
    booked: int | None = None
    arrived: int | None = None
    deals: int | None = None
    revenue: Decimal | None = None
    spend: Decimal | None = None
    where: str = field(default="", compare=False)

    def get(self, key: str):
        return getattr(self, key)


CONTINGENCY = "contingency"


@dataclass(frozen=True)
class Actuals:
    daily: tuple[DailyRow, ...]
    costs: tuple[tuple[str, Decimal], ...]  # (budget item, channel or "contingency", actual)
    revenue: tuple[tuple[str, Decimal], ...]
    lessons: tuple[tuple[str, str], ...]  # (kind, text)
    goals: tuple[tuple[str, Decimal], ...] = ()  # (metric, actual) for goals the model does not compute
    unplanned: tuple[tuple[str, str, Decimal], ...] = ()  # (category, item, actual): spend the plan did not have
