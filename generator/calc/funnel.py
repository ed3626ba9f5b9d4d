"""Forward funnel (预测) and reverse funnel (需求倒推), per segment and in total."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import Model
from ..rounding import div, round_count
from ..schema import RATES, STAGES


@dataclass(frozen=True)
class Counts:
    pool: int
    reached: int
    opened: int
    booked: int
    arrived: int
    deals: int

    def get(self, stage: str) -> int:
        return getattr(self, stage)

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(self.get(s) + other.get(s) for s in STAGES))

    def as_dict(self) -> dict[str, int]:
        return {s: self.get(s) for s in STAGES}


@dataclass(frozen=True)
class NeededRate:
    rate: str
    current: Decimal
    needed: Decimal | None  # None: the target cannot be reached by this rate alone (above 1)


@dataclass(frozen=True)
class FunnelPlan:
    forward: Counts
    segments: tuple[tuple[str, Counts], ...]
    required: Counts | None
    feasible: bool
    divisors: dict[str, Decimal]  # the rate each reverse step divides by
    needed_rates: tuple[NeededRate, ...]
    target: int

    @property
    def pool_ratio(self) -> Decimal | None:
        if self.required is None or self.forward.pool == 0:
            return None
        return div(self.required.pool, self.forward.pool)

    @property
    def conversion_needed(self) -> Decimal | None:
        return div(self.target, self.forward.pool) if self.forward.pool else None

    def stage_rate(self, rate: str) -> Decimal:
        """The rate a document shows for a stage: the funnel's, or with segments the aggregate ratio."""
        return next(n.current for n in self.needed_rates if n.rate == rate)

    def counts(self, segment: str | None = None) -> Counts:
        return self.forward if segment is None else dict(self.segments)[segment]

    def count(self, stage: str, segment: str | None = None) -> int:
        return self.counts(segment).get(stage)


def forward_counts(pool: int, rates: dict[str, Decimal], touches: Decimal) -> Counts:
    """pool → reached → opened → booked → arrived → deals, each rounded (Excel ROUND)."""
    counts = [pool, round_count(pool * rates["reach"] * touches)]
    for rate in RATES[1:]:
        counts.append(round_count(counts[-1] * rates[rate]))
    return Counts(*counts)


def reverse_counts(target: int, divisors: dict[str, Decimal]) -> Counts | None:
    """deals → arrived → … → pool, each step ROUND(next / rate)."""
    counts = [target]
    for rate in reversed(RATES):
        if divisors[rate] == 0:
            return None
        counts.append(round_count(div(counts[-1], divisors[rate])))
    return Counts(*reversed(counts))


def segment_rates(model: Model, segment) -> tuple[dict[str, Decimal], Decimal]:
    rates = {r: getattr(segment, r) or model.funnel.rate(r) for r in RATES}
    return rates, segment.touches or model.campaign.touches_per_customer


def _divisors(model: Model, forward: Counts) -> dict[str, Decimal]:
    if not model.segments:
        rates = {r: model.funnel.rate(r) for r in RATES}
        rates["reach"] = rates["reach"] * model.campaign.touches_per_customer
        return rates
    out = {}
    for rate, before, after in zip(RATES, STAGES[:-1], STAGES[1:], strict=True):
        b = forward.get(before)
        out[rate] = div(forward.get(after), b) if b else Decimal(0)
    return out


def plan_funnel(model: Model) -> FunnelPlan:
    if model.segments:
        per = tuple((s.name, forward_counts(s.customers, *segment_rates(model, s))) for s in model.segments)
        forward = per[0][1]
        for _, counts in per[1:]:
            forward = forward + counts
    else:
        rates = {r: model.funnel.rate(r) for r in RATES}
        forward = forward_counts(model.pool, rates, model.campaign.touches_per_customer)
        per = ()
    target = model.campaign.target_deals
    divisors = _divisors(model, forward)
    required = reverse_counts(target, divisors)
    feasible = required is not None and required.pool <= forward.pool
    needed = []
    for rate in RATES:
        current = model.funnel.rate(rate) if not model.segments else divisors[rate]
        if forward.deals == 0:
            needed.append(NeededRate(rate, current, None))
            continue
        factor = div(target, forward.deals)
        # reachable when no segment's own rate would have to pass 1 (touches make reach a multiple)
        highest = max((segment_rates(model, s)[0][rate] for s in model.segments), default=model.funnel.rate(rate))
        needed.append(NeededRate(rate, current, current * factor if highest * factor <= 1 else None))
    return FunnelPlan(forward, per, required, feasible, divisors, tuple(needed), target)
