"""The deck's slides as data: which table, chart, texts and notes each slide shows, in the
proposal's order, from the same view as the PDF; pages the proposal leaves out are left out here
too, and long tables continue on further slides with their header. ``deck.py`` draws them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from markupsafe import Markup

from .tables import Chart, Para, Table, Tile, clip
from .view import ProposalView

ROWS_PER_SLIDE = 12


@dataclass
class SlideSpec:
    title: str
    subtitle: str = ""
    texts: list[str] = field(default_factory=list)
    tiles: list[Tile] = field(default_factory=list)
    table: Table | None = None
    chart: Chart | None = None
    notes: str = ""
    chart2: Chart | None = None  # a second chart, below the table
    page: str = ""  # the proposal page it shows (generator.pages); left out with it


def plain(text) -> str:
    return text.striptags() if isinstance(text, Markup) else str(text)


def _paras(items: list[Para], t: dict) -> list[str]:
    return [f"{p.title}{t['colon']}{clip(p.text, 400)}" for p in items]


def _exec_market(view: ProposalView) -> list[SlideSpec]:
    """Executive summary and market pages."""
    t, v, e = view.doc.t, view, view.exec
    return [
        SlideSpec(
            t["s_exec"],
            view.doc.name,
            [plain(e.lead), plain(e.feasibility), plain(e.recommendation), plain(e.floor_note)],
            e.tiles,
            table=e.categories,
            notes=f"{plain(e.lead)} {plain(e.recommendation)}",
        ),
        SlideSpec(
            t["s_market"],
            t["p_market_base"],
            [v.market.retention, *_paras(v.market.base_paras, t)],
            table=v.market.base_table,
            chart=v.market.base_chart,
            notes="\n".join(_paras(v.market.base_paras, t)),
            page="market_base",
        ),
        SlideSpec(
            t["s_market"],
            t["p_market_why"],
            _paras(v.market.why_paras, t),
            notes="\n".join(_paras(v.market.why_paras, t)),
            page="market_why",
        ),
    ]


def _plan(view: ProposalView) -> list[SlideSpec]:
    """Goals, timeline, offers and funnel."""
    t, v = view.doc.t, view
    return [
        SlideSpec(t["s_plan"], t["p_plan_goals"], table=v.plan.goals_table, page="plan_goals"),
        SlideSpec(
            t["s_plan"],
            t["p_plan_timeline"],
            table=v.plan.timeline_table,
            chart=v.plan.timeline_chart,
            page="plan_timeline",
        ),
        SlideSpec(
            t["s_plan"],
            t["p_plan_offer"],
            [plain(v.plan.no_segments)] if v.plan.no_segments else [],
            table=v.plan.segments_table or v.plan.offers_table,
            notes="\n".join(_paras(v.plan.strategy_paras[:3], t)),
        ),
        *([SlideSpec(t["s_plan"], t["offers"], table=v.plan.offers_table)] if v.plan.segments_table else []),
        *([SlideSpec(t["s_plan"], t["channel"], table=v.plan.channels_table)] if v.plan.channels_table else []),
        SlideSpec(
            t["s_plan"],
            t["p_plan_funnel"],
            [plain(v.plan.feasibility)],
            table=v.plan.funnel_table,
            chart=v.plan.funnel_chart,
            notes=plain(v.plan.feasibility),
        ),
        SlideSpec(
            t["s_plan"],
            t["p_plan_needed"],
            _paras(v.plan.strategy_paras[3:], t),
            table=v.plan.needed_table,
            notes="\n".join(_paras(v.plan.strategy_paras[3:], t)),
        ),
    ]


def _budget(view: ProposalView) -> list[SlideSpec]:
    """Budget summary, lines, reserve and benchmarks."""
    t, v, e = view.doc.t, view, view.exec
    return [
        SlideSpec(
            t["s_budget"],
            t["p_budget_summary"],
            [t["wan_unit"], "" if "budget_reserve" in view.doc.pages else v.budget.contingency_note],
            table=v.budget.categories_table,
            chart=v.budget.categories_chart,
            notes=plain(e.lead),
        ),
        SlideSpec(t["s_budget"], t["p_budget_lines_a"], [t["wan_unit"]], table=v.budget.lines_a),
        SlideSpec(t["s_budget"], t["p_budget_lines_b"], [t["wan_unit"]], table=v.budget.lines_b),
        SlideSpec(
            t["s_budget"],
            t["p_budget_reserve"],
            [v.budget.contingency_note, t["memo_note"]],
            table=v.budget.memo_table,
            page="budget_reserve",
        ),
        SlideSpec(
            t["s_budget"],
            t["p_budget_bench"],
            table=v.budget.bench_table,
            chart=v.budget.bench_chart,
            page="budget_bench",
        ),
        *_baseline(view),
    ]


def _baseline(view: ProposalView) -> list[SlideSpec]:
    """build --baseline: how the budget got here, the two bridges side by side."""
    b = view.baseline
    if b is None:
        return []
    t = view.doc.t
    texts = [*b.notes, *b.largest]
    return [SlideSpec(t["s_budget"], t["cmp_page"], texts, chart=b.budget_chart, chart2=b.roi_chart, notes=b.method)]


def _roi_risk(view: ProposalView) -> list[SlideSpec]:
    """ROI, risk register and triggers."""
    t, v = view.doc.t, view
    return [
        SlideSpec(
            t["s_roi"],
            t["p_roi_build"],
            [t["wan_unit"], *v.roi.goal_seek[:2]],
            v.roi.tiles,
            table=v.roi.revenue_table,
            chart=v.roi.revenue_chart,
            notes=" ".join(v.roi.goal_seek[:3]),
        ),
        SlideSpec(t["s_roi"], t["p_roi_risk"], table=v.roi.stress_table, chart=v.roi.tornado_chart, page="roi_risk"),
        *(
            [SlideSpec(t["s_roi"], t["monte_carlo"], [v.roi.mc_note], table=v.roi.mc_table, chart=v.roi.mc_chart)]
            if v.roi.mc_table
            else []
        ),
        SlideSpec(
            t["s_risk"],
            t["p_risk_register"],
            [v.risk.empty] if v.risk.empty else [],
            table=v.risk.register,
            chart=v.risk.matrix_chart,
            page="risk_register",
        ),
        SlideSpec(
            t["s_risk"],
            t["p_risk_matrix"],
            [v.risk.reserve_note],
            table=v.risk.triggers_table,
            notes=v.risk.reserve_note,
            page="risk_matrix",
        ),
    ]


def _closing(view: ProposalView) -> list[SlideSpec]:
    """Track record and options compared."""
    t, v = view.doc.t, view
    return [
        SlideSpec(
            t["s_cases"],
            "",
            [v.cases.empty] if v.cases.empty else [],
            table=v.cases.history_table,
            chart=v.cases.history_chart,
            page="cases",
        ),
        SlideSpec(
            t["s_compare"],
            "",
            [plain(v.compare.recommendation)],
            table=v.compare.scenarios_table,
            chart=v.compare.scenarios_chart,
            notes=plain(v.compare.recommendation),
            page="compare",
        ),
    ]


def _continued(spec: SlideSpec, continued: str) -> list[SlideSpec]:
    """A spec whose table is too long for one slide, as several; the header repeats."""
    table = spec.table
    if table is None or len(table.rows) <= ROWS_PER_SLIDE:
        return [spec]
    out = []
    for k in range(0, len(table.rows), ROWS_PER_SLIDE):
        last = k + ROWS_PER_SLIDE >= len(table.rows)
        part = Table(table.head, table.rows[k : k + ROWS_PER_SLIDE], table.align, table.foot if last else None)
        if k == 0:
            out.append(replace(spec, table=part))
            continue
        subtitle = spec.subtitle + continued
        out.append(SlideSpec(spec.title, subtitle, [], [], part, None, "", None))
    return out


def slides_of(view: ProposalView) -> list[SlideSpec]:
    specs = [*_exec_market(view), *_plan(view), *_budget(view), *_roi_risk(view), *_closing(view)]
    specs = [s for s in specs if not s.page or s.page in view.doc.pages]
    return [part for spec in specs for part in _continued(spec, view.doc.t["continued"])]
