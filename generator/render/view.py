"""The proposal's view: each page's template data, built from the results object only.

Every value here is a formatted string; templates print them and compute
nothing. Each section is a dataclass whose docstring documents its fields
(a test checks the templates use exactly those).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..fmt import num, pct, ratio, wan
from ..i18n.docs import messages
from ..pages import shown_pages
from ..results import Results
from .tables import Chart, Para, Table, Tile
from .view_budget import BudgetView, RoiView, budget_view, roi_view
from .view_exec import ExecView, MarketView, exec_view, market_view
from .view_plan import PlanView, plan_view
from .view_risk import CasesView, CompareView, RiskView, cases_view, compare_view, risk_view

if TYPE_CHECKING:
    from .compare import ComparisonView as BaselineView


@dataclass(frozen=True)
class Doc:
    """Shared by every page.

    lang: "zh" or "en".
    t: the message catalogue of that language.
    name: campaign name.
    fingerprint: first 12 hex of the inputs' SHA-256.
    subtitle: region · owner · execution window.
    pages: the keys of the proposal pages shown (generator.pages), in order.
    """

    lang: str
    t: dict
    name: str
    fingerprint: str
    subtitle: str
    pages: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProposalView:
    doc: Doc
    exec: ExecView
    market: MarketView
    plan: PlanView
    budget: BudgetView
    roi: RoiView
    risk: RiskView
    cases: CasesView
    compare: CompareView
    baseline: BaselineView | None = None  # build --baseline: the page on how the budget got here

    @property
    def charts(self) -> list[Chart]:
        out: list[Chart] = []
        sections = (self.market, self.plan, self.budget, self.roi, self.risk, self.cases, self.compare, self.baseline)
        for section in sections:
            if section is not None:
                out.extend(c for c in vars(section).values() if isinstance(c, Chart))
        return out


def doc_view(results: Results, lang: str) -> Doc:
    c = results.model.campaign
    t = messages(lang)
    parts = [p for p in (c.region, c.owner, f"{t['window']} {c.start.isoformat()} – {c.end.isoformat()}") if p]
    return Doc(lang, t, c.name, results.fingerprint, " · ".join(parts), shown_pages(results.model))


def proposal_view(results: Results, lang: str = "zh") -> ProposalView:
    doc = doc_view(results, lang)
    return ProposalView(
        doc,
        exec_view(results, doc.t, lang),
        market_view(results, doc.t, lang),
        plan_view(results, doc.t, lang),
        budget_view(results, doc.t, lang),
        roi_view(results, doc.t, lang),
        risk_view(results, doc.t, lang),
        cases_view(results, doc.t, lang),
        compare_view(results, doc.t, lang),
    )


__all__ = ["Chart", "Para", "Table", "Tile", "num", "pct", "ratio", "wan"]
