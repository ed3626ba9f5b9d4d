"""The seven-category budget (七大类): lines with their basis, contingency, totals."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import Benchmark, Model
from ..rounding import div, to_fen
from ..schema import ALL_CATEGORIES, CATEGORIES, STAGES
from .funnel import FunnelPlan
from .tiers import Band, choose_band


@dataclass(frozen=True)
class Basis:
    """What a line's amount is made of, for its 计算依据 text (rendered per language)."""

    kind: str  # stage | fixed | lump | channel
    quantity: Decimal
    times: Decimal
    unit_cost: Decimal
    extra: Decimal = Decimal(0)  # a channel's fixed cost
    stage: str | None = None
    segment: str | None = None
    note: str | None = None
    band: Band | None = None  # the tier band that set unit_cost, if the line has tiers
    counts_touches: bool = False  # the quantity is touches (人次), not people: a `reached` count with touches ≠ 1

    @property
    def unit(self) -> str:
        """The quantity's unit key: ``touches`` or ``people`` (labels per language live with the labels)."""
        return "touches" if self.counts_touches else "people"


@dataclass(frozen=True)
class LineResult:
    category: str
    item: str
    source: str  # budget | channel
    driver: str
    amount: Decimal
    memo: bool
    basis: Basis
    segment: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ChannelReach:
    """A channel's reach: touches = reachable × sends, coverage = reachable / pool."""

    name: str
    reachable: int
    sends: Decimal
    touches: Decimal
    coverage: Decimal | None
    amount: Decimal


@dataclass(frozen=True)
class BudgetResult:
    lines: tuple[LineResult, ...]
    categories: dict[str, Decimal]  # the six and contingency
    six_total: Decimal
    contingency: Decimal
    total: Decimal
    marketing_spend: Decimal
    memo_total: Decimal
    variable: Decimal  # stage-driven, non-memo: scales with deals (break-even)
    channels: tuple[ChannelReach, ...] = ()

    def share(self, category: str) -> Decimal | None:
        return div(self.categories[category], self.total) if self.total else None

    def bench_verdict(self, mark: Benchmark) -> str:
        """ "in", "low" or "high": this budget's share of the benchmark's category against its range."""
        share = self.share(mark.category)
        if share is not None and mark.share_low <= share <= mark.share_high:
            return "in"
        return "low" if share is not None and share < mark.share_low else "high"


def line_quantity(driver: str, quantity: Decimal | None, segment: str | None, plan: FunnelPlan) -> Decimal:
    if driver in STAGES:
        return Decimal(plan.count(driver, segment))
    return quantity or Decimal(0)


def _counts_touches(model: Model, segment: str | None) -> bool:
    """Whether a `reached` count of this scope counts touches: any touches ≠ 1 on the campaign or its segments."""
    default = model.campaign.touches_per_customer
    scope = [s for s in model.segments if segment is None or s.name == segment]
    if not model.segments:
        return default != 1
    return any((s.touches if s.touches is not None else default) != 1 for s in scope)


def budget_lines(model: Model, plan: FunnelPlan) -> list[LineResult]:
    lines: list[LineResult] = []
    for ch in model.channels:
        amount = to_fen(ch.reachable * ch.sends * ch.unit_cost + ch.fixed_cost)
        basis = Basis("channel", Decimal(ch.reachable), ch.sends, ch.unit_cost, ch.fixed_cost, note=ch.note)
        lines.append(LineResult("promotion", ch.name, "channel", "channel", amount, False, basis, note=ch.note))
    tiers: dict[str, list] = {}
    for tier in model.tiers:
        tiers.setdefault(tier.item, []).append(tier)
    for b in model.budget:
        if b.driver == "lump":
            amount = to_fen(b.lump_sum or Decimal(0))
            basis = Basis("lump", Decimal(1), Decimal(1), amount, note=b.note)
        else:
            qty = line_quantity(b.driver, b.quantity, b.segment, plan)
            band = choose_band(tiers[b.item], plan.counts(b.segment)) if b.item in tiers else None
            unit_cost = band.unit_cost if band else b.unit_cost
            amount = to_fen(qty * b.times * unit_cost + (band.lump_sum if band else 0))
            kind = "stage" if b.driver in STAGES else "fixed"
            stage = b.driver if kind == "stage" else None
            touches = stage == "reached" and _counts_touches(model, b.segment)
            basis = Basis(
                kind,
                qty,
                b.times,
                unit_cost,
                stage=stage,
                segment=b.segment,
                note=b.note,
                band=band,
                counts_touches=touches,
            )
        lines.append(LineResult(b.category, b.item, "budget", b.driver, amount, b.memo, basis, b.segment, b.note))
    order = {c: i for i, c in enumerate(CATEGORIES)}
    return sorted(lines, key=lambda line: order[line.category])  # stable: input order within a category


def compute_budget(model: Model, plan: FunnelPlan) -> BudgetResult:
    lines = budget_lines(model, plan)
    counted = [line for line in lines if not line.memo]
    categories = {c: sum((line.amount for line in counted if line.category == c), Decimal(0)) for c in CATEGORIES}
    six = sum(categories.values(), Decimal(0))
    contingency = to_fen(model.campaign.contingency_rate * six)
    categories["contingency"] = contingency
    total = six + contingency
    marketing = sum((categories[c] for c in model.campaign.marketing_categories), Decimal(0))
    memo_total = sum((line.amount for line in lines if line.memo), Decimal(0))
    variable = sum((line.amount for line in counted if line.driver in STAGES), Decimal(0))
    assert list(categories) == list(ALL_CATEGORIES)
    pool = plan.forward.pool
    amounts = {line.item: line.amount for line in lines if line.source == "channel"}
    channels = tuple(
        ChannelReach(
            ch.name,
            ch.reachable,
            ch.sends,
            ch.reachable * ch.sends,
            div(ch.reachable, pool) if pool else None,
            amounts[ch.name],
        )
        for ch in model.channels
    )
    return BudgetResult(tuple(lines), categories, six, contingency, total, marketing, memo_total, variable, channels)
