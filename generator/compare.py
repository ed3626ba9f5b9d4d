"""Two plans compared: what changed, what each figure became, and the bridges between them.

The one object compare.json, compare.md, compare.pdf, the proposal's "预算优化过程" page, the
deck's slide and the web app's compare view are all written from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .calc.bridge import Bridge, Group, bridges, group_changes
from .calc.diff import Change, diff
from .calc.plan import Plan
from .model import Model
from .results import Results, compute
from .rounding import div
from .schema import ALL_CATEGORIES, STAGES


@dataclass(frozen=True)
class Figure:
    """One figure of both plans. ``kind``: money, count, ratio or flag (feasibility)."""

    key: str
    kind: str
    old: Decimal | int | bool | None
    new: Decimal | int | bool | None

    @property
    def change(self) -> Decimal | int | None:
        if self.kind == "flag" or self.old is None or self.new is None:
            return None
        return self.new - self.old

    @property
    def pct(self) -> Decimal | None:
        change = self.change
        return None if change is None or not self.old else div(change, self.old)  # type: ignore[arg-type]

    @property
    def changed(self) -> bool:
        return self.old != self.new


def plan_figures(plan: Plan) -> dict[str, tuple[str, Decimal | int | bool | None]]:
    """The headline figures of one plan by key, with their kind."""
    b, r, roi = plan.budget, plan.revenue, plan.roi
    out: dict[str, tuple[str, Decimal | int | bool | None]] = {s: ("count", plan.funnel.forward.get(s)) for s in STAGES}
    out.update({f"budget_{c}": ("money", b.categories[c]) for c in ALL_CATEGORIES})
    out.update(
        {
            "budget_total": ("money", b.total),
            "marketing_spend": ("money", b.marketing_spend),
            "revenue_total": ("money", r.revenue["total"]),
            "gross_profit_total": ("money", r.gross_profit["total"]),
            "roi_campaign": ("ratio", roi.campaign),
            "roi_total": ("ratio", roi.total),
            "roi_marketing": ("ratio", roi.marketing),
            "cost_per_deal": ("money", roi.cost_per_deal),
            "breakeven_deals": ("count", roi.breakeven_deals),
            "feasible": ("flag", plan.funnel.feasible),
        }
    )
    return out


@dataclass(frozen=True)
class Comparison:
    old: Results
    new: Results
    changes: tuple[Change, ...]
    groups: tuple[Group, ...]
    budget: Bridge
    roi: Bridge | None
    method: str  # exact | sampled
    group_by: str
    cells: dict[tuple[str, str], str] = field(default_factory=dict)  # (side, path) → file: sheet!cell

    @property
    def figures(self) -> tuple[Figure, ...]:
        old, new = plan_figures(self.old.plan), plan_figures(self.new.plan)
        return tuple(Figure(k, kind, value, new[k][1]) for k, (kind, value) in old.items())

    @property
    def scenarios(self) -> tuple[tuple[str, tuple[Figure, ...]], ...]:
        """Each scenario both plans have: its budget, deals and total ROI."""
        before = {s.name: s.plan for s in self.old.scenarios}
        out = []
        for s in self.new.scenarios:
            if s.name in before:
                old, new = plan_figures(before[s.name]), plan_figures(s.plan)
                keys = ("budget_total", "deals", "roi_total")
                out.append((s.name, tuple(Figure(k, old[k][0], old[k][1], new[k][1]) for k in keys)))
        return tuple(out)

    @property
    def same(self) -> bool:
        return not self.changes

    @property
    def exact(self) -> bool:
        return self.method == "exact"

    def cell(self, side: str, change: Change) -> str:
        return self.cells.get((side, change.path), "")

    def largest(self, n: int = 3) -> tuple[tuple[Group, Decimal], ...]:
        """The ``n`` groups that moved the budget most, largest first."""
        pairs = sorted(zip(self.groups, self.budget.steps, strict=True), key=lambda p: abs(p[1]), reverse=True)
        return tuple(p for p in pairs[:n] if p[1])


def compare(
    old: Model,
    new: Model,
    group_by: str = "category",
    cells: dict[tuple[str, str], str] | None = None,
    new_results: Results | None = None,
) -> Comparison:
    """Compare two plans (``new_results``: the new plan's results when already computed)."""
    changes = diff(old, new)
    groups = group_changes(changes, old, new, group_by)
    budget, roi, method = bridges(old, new, groups)
    return Comparison(
        compute(old, draws=0),
        new_results or compute(new, draws=0),
        changes,
        groups,
        budget,
        roi,
        method,
        group_by,
        cells or {},
    )
