"""The executive summary and market pages, and the text helpers other views share (rates, people, money, feasibility)."""

from __future__ import annotations

from dataclasses import dataclass

from ..fmt import num, pct, ratio
from ..results import Results
from .tables import Chart, Para, Table, Tile, clip, sentence


def narrative(results: Results, t: dict, keys: tuple[str, ...]) -> list[Para]:
    """The narrative paragraphs given; a missing key leaves its paragraph out."""
    given = dict(results.model.narrative)
    return [Para(t[k], given[k]) for k in keys if given.get(k)]


@dataclass(frozen=True)
class ExecView:
    """执行摘要 (page 1).

    lead: one paragraph with the headline figures.
    tiles: budget, deals, revenue, gross profit, the ROIs and cost per deal.
    feasibility: the feasibility verdict as a sentence.
    feasible: whether the target is feasible (styles the verdict).
    recommendation: the recommended scenario as a sentence, or "".
    floor_note: the ROI-floor goal seek as a sentence, or "".
    ask: the narrative `ask` paragraph, or "".
    categories: the seven budget categories (万元) with their shares.
    """

    lead: str
    tiles: list[Tile]
    feasibility: str
    feasible: bool
    recommendation: str
    floor_note: str
    ask: str
    categories: Table


def rate_text(value) -> str:
    """A stage ratio: a percentage, or a multiple where touches make it exceed 1 (×5.61)."""
    return f"×{float(value):.2f}" if value is not None and value > 1 else pct(value)


def people(n, t: dict) -> str:
    return t["n_people"].format(n=num(n))


def money(value, t: dict) -> str:
    return t["n_wan"].format(n=t.big(value, 2))


def feasibility_text(results: Results, t: dict) -> str:
    f = results.plan.funnel
    if f.required is None:
        return sentence(t["feasible_no"], need="—", pool=people(f.forward.pool, t), ratio="—")
    key = "feasible_yes" if f.feasible else "feasible_no"
    return sentence(t[key], need=people(f.required.pool, t), pool=people(f.forward.pool, t), ratio=pct(f.pool_ratio))


def _exec_tiles(results: Results, t: dict) -> list[Tile]:
    p, c = results.plan, results.model.campaign
    rev, gp, roi = p.revenue.revenue, p.revenue.gross_profit, p.roi
    spend = f"{t['marketing_spend']} {money(p.budget.marketing_spend, t)}"
    return [
        Tile(t["ask"], t.big(p.budget.total, 2), t["wan"]),
        Tile(t["deals"], num(p.funnel.forward.deals), f"{t['target']} {num(c.target_deals)}"),
        Tile(t["revenue_total"], t.big(rev["total"], 2), t["wan"]),
        Tile(t["gross_profit"], t.big(gp["total"], 2), t["wan"]),
        Tile(t["roi_total"], ratio(roi.total), f"{t['roi_campaign']} {ratio(roi.campaign)}"),
        Tile(t["roi_marketing"], ratio(roi.marketing), spend),
        Tile(t["cost_per_deal"], num(roi.cost_per_deal) if roi.cost_per_deal is not None else "—", t["yuan"]),
        Tile(t["breakeven"], num(roi.breakeven_deals) if roi.breakeven_deals is not None else "—", t["people"]),
    ]


def _recommendation(results: Results, t: dict) -> str:
    rec = next((s for s in results.scenarios if s.recommended), None)
    if rec is None:
        return ""
    return sentence(
        t["exec_recommend"],
        scenario=clip(rec.name, 40),
        label=clip(rec.label, 40),
        budget=money(rec.plan.budget.total, t),
        deals=people(rec.plan.funnel.forward.deals, t),
        roi=ratio(rec.plan.roi.total),
    )


def exec_view(results: Results, t: dict, lang: str) -> ExecView:
    p, c = results.plan, results.model.campaign
    rev, gp = p.revenue.revenue, p.revenue.gross_profit
    lead = sentence(
        t["exec_lead"],
        pool=people(p.funnel.forward.pool, t),
        start=c.start.isoformat(),
        end=c.end.isoformat(),
        days=t["n_days"].format(n=c.execution_days),
        budget=money(p.budget.total, t),
        deals=people(p.funnel.forward.deals, t),
        revenue=money(rev["total"], t),
        gp=money(gp["total"], t),
        roi=ratio(p.roi.total),
        roi_m=ratio(p.roi.marketing),
    )
    tiles = _exec_tiles(results, t)
    recommendation = _recommendation(results, t)
    floor_note = ""
    if c.roi_floor is not None and results.deals_for_roi_floor is not None:
        floor_note = sentence(
            t["exec_floor"],
            floor=ratio(c.roi_floor),
            need=people(results.deals_for_roi_floor, t),
            deals=people(p.funnel.forward.deals, t),
        )
    ask = dict(results.model.narrative).get("ask", "")
    from .view_budget import categories_table

    return ExecView(
        lead,
        tiles,
        feasibility_text(results, t),
        p.funnel.feasible,
        recommendation,
        floor_note,
        ask,
        categories_table(results, t, lang),
    )


@dataclass(frozen=True)
class MarketView:
    """市场机会 (pages 2–3).

    base_table: customer base status (count, share), or None when not entered.
    base_chart: the customer base chart, or None.
    retention: baseline → target retention as a sentence, or "".
    base_paras: background narrative.
    why_paras: opportunity, timing, competition and strategic value narrative.
    """

    base_table: Table | None
    base_chart: Chart | None
    retention: str
    base_paras: list[Para]
    why_paras: list[Para]


def market_view(results: Results, t: dict, lang: str) -> MarketView:
    c = results.model.campaign
    rows = [
        ("base_active", c.active_customers),
        ("base_at_risk", c.at_risk_customers),
        ("base_dormant", c.dormant_customers),
        ("base_lost", c.lost_customers),
    ]
    rows = [(k, v) for k, v in rows if v is not None]
    table = chart = None
    if c.total_customers and rows:
        body = [[t[k], num(v), pct(v / c.total_customers)] for k, v in rows]
        table = Table(
            [t["segment"], t["count"], t["share"]], body, ["l", "r", "r"], [t["base_total"], num(c.total_customers), ""]
        )
        chart = Chart(
            "base",
            "bars",
            t["chart_base"],
            {"labels": [t[k] for k, _ in rows], "values": [v for _, v in rows], "fmt": "count"},
            (6.4, 2.6),
        )
    retention = ""
    if c.baseline_retention is not None and c.target_retention is not None:
        retention = t["retention_goal"].format(base=pct(c.baseline_retention), target=pct(c.target_retention))
    return MarketView(
        table,
        chart,
        retention,
        narrative(results, t, ("background",)),
        narrative(results, t, ("opportunity", "timing", "competition", "strategic_value")),
    )
