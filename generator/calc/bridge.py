"""The bridge from one plan's figure to the next: each group of changes' share, by Shapley values.

A group's share is its marginal effect on the figure averaged over every order in which the
groups could be applied (exact over all 2ⁿ subsets up to :data:`EXACT_UP_TO` groups; above that,
averaged over seeded random orders). Either way the shares add up to the whole change exactly:
they are kept as fractions and rounded to the fen (ROI: 1e-12) by largest remainders.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import factorial, floor

from ..model import Model
from ..schema import ALL_CATEGORIES
from .diff import Change, merge
from .plan import compute_plan

EXACT_UP_TO = 10
ORDERS = 200  # random orders above EXACT_UP_TO groups
SEED = 20240501
FEN = Decimal("0.01")
ROI_STEP = Decimal("1e-12")
GROUP_BY = ("category", "sheet", "path")

FUNNEL_KEYS = {"pool_customers", "touches_per_customer"}
ROW_TEXT = {"category", "driver", "segment", "memo", "horizon", "metric", "item", "name"}


@dataclass(frozen=True)
class Group:
    key: str  # a budget category, funnel, revenue, other; a sheet; or a path
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Bridge:
    """The shares of one figure: ``steps`` in the groups' order, summing exactly to ``new - old``."""

    old: Decimal
    new: Decimal
    steps: tuple[Decimal, ...]

    @property
    def change(self) -> Decimal:
        return self.new - self.old


def _category_of(c: Change, old: Model, new: Model) -> str:
    if c.sheet == "budget":
        row = c.new if c.is_row and c.new is not None else next((b for b in new.budget if b.item == c.key[0]), None)
        row = row or next(b for b in old.budget if b.item == c.key[0])
        return row.category
    if c.sheet == "tiers":
        line = next((b for m in (new, old) for b in m.budget if b.item == c.key[0]), None)
        return line.category if line else "other"
    if c.sheet == "channels":
        return "promotion"
    if c.sheet in ("funnel", "segments") or (c.sheet == "campaign" and c.field in FUNNEL_KEYS):
        return "funnel"
    if c.sheet == "revenue" or (c.sheet == "campaign" and c.field == "gross_margin"):
        return "revenue"
    if c.sheet == "campaign" and c.field == "contingency_rate":
        return "contingency"
    return "other"


def group_changes(changes: Sequence[Change], old: Model, new: Model, by: str = "category") -> tuple[Group, ...]:
    """The changes in groups, in the order of their first change; changes that cannot be applied
    apart (one row's fields when its kind changed, a line and the segment it counts) share a group."""
    name = {
        "category": lambda c: _category_of(c, old, new),
        "sheet": lambda c: c.sheet,
        "path": lambda c: c.path,
    }[by]
    keys = [name(c) for c in changes]
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    def join(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=keys.index)
            parent[second] = first

    for i, c in enumerate(changes):
        for j, d in enumerate(changes[:i]):
            if _together(c, d):
                join(keys[j], keys[i])
    grouped: dict[str, list[Change]] = {}
    for k, c in zip(keys, changes, strict=True):
        grouped.setdefault(find(k), []).append(c)
    out = [Group(k, tuple(v)) for k, v in grouped.items()]
    if by == "category":  # the budget's own order, then the funnel, revenue and the rest
        order = [*ALL_CATEGORIES, "funnel", "revenue", "other"]
        out.sort(key=lambda g: order.index(g.key) if g.key in order else len(order))
    return tuple(out)


def _together(c: Change, d: Change) -> bool:
    """True when applying one without the other could give a model that is no plan."""
    if c.row == d.row and c.sheet != "campaign" and c.sheet != "funnel":
        return c.is_row or d.is_row or c.field in ROW_TEXT or d.field in ROW_TEXT
    for a, b in ((c, d), (d, c)):
        if a.sheet == "segments" and a.is_row and b.sheet in ("budget", "revenue") and _segment_of(b) == a.key[0]:
            return True
    return False


def _segment_of(c: Change) -> str | None:
    if c.field == "segment":
        return c.new or c.old
    row = c.new if c.new is not None else c.old
    return getattr(row, "segment", None) if c.is_row else None


def shapley(n: int, value: Callable[[int], Fraction], exact: bool) -> list[Fraction]:
    """Each player's Shapley value of ``value`` (a function of the coalition as a bit mask)."""
    phi = [Fraction(0)] * n
    if exact:
        weights = [Fraction(factorial(s) * factorial(n - s - 1), factorial(n)) for s in range(n)]
        for mask in range(1 << n):
            size = mask.bit_count()
            for i in range(n):
                if not mask >> i & 1:
                    phi[i] += weights[size] * (value(mask | 1 << i) - value(mask))
        return phi
    rng = random.Random(SEED)
    for _ in range(ORDERS):
        order, mask = rng.sample(range(n), n), 0
        for i in order:
            phi[i] += value(mask | 1 << i) - value(mask)
            mask |= 1 << i
    return [p / ORDERS for p in phi]


def apportion(shares: Sequence[Fraction], total: Decimal, step: Decimal) -> tuple[Decimal, ...]:
    """``shares`` rounded to multiples of ``step`` so they add up to ``total`` (rounded to ``step``):
    each floored, the steps left over given to the largest remainders."""
    units = [share / Fraction(step) for share in shares]
    floors = [floor(u) for u in units]
    left = int((total / step).to_integral_value()) - sum(floors)
    by_remainder = sorted(range(len(units)), key=lambda i: units[i] - floors[i], reverse=True)
    for i in by_remainder[: max(left, 0)]:
        floors[i] += 1
    return tuple(Decimal(f) * step for f in floors)


def bridges(old: Model, new: Model, groups: Sequence[Group]) -> tuple[Bridge, Bridge | None, str]:
    """The budget bridge, the ROI bridge (None when either plan has no ROI) and the method used."""
    n = len(groups)
    exact = n <= EXACT_UP_TO
    full = (1 << n) - 1

    cache: dict[int, tuple[Decimal, Decimal | None]] = {}

    def at(mask: int) -> tuple[Decimal, Decimal | None]:
        if mask not in cache:
            taken = [c for i, g in enumerate(groups) if mask >> i & 1 for c in g.changes]
            plan = compute_plan(merge(old, new, taken))
            cache[mask] = plan.budget.total, plan.roi.total
        return cache[mask]

    budget_phi = shapley(n, lambda m: Fraction(at(m)[0]), exact)
    base, end = at(0), at(full)
    whole = compute_plan(new)
    assert end == (whole.budget.total, whole.roi.total), "every change taken must give the new plan"
    budget = Bridge(base[0], end[0], apportion(budget_phi, end[0] - base[0], FEN))
    roi = None
    if base[1] is not None and end[1] is not None:
        roi_phi = shapley(n, lambda m: Fraction(at(m)[1] or 0), exact)
        roi = Bridge(base[1], end[1], apportion(roi_phi, end[1] - base[1], ROI_STEP))
    method = "exact" if exact else "sampled"
    return budget, roi, method
