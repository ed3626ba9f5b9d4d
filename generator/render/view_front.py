"""View data of the front pages: 执行摘要, 市场机会, 活动方案."""

from __future__ import annotations

from dataclasses import dataclass

from ..fmt import basis_text, num, pct, ratio, wan
from ..results import Results
from ..schema import RATES, STAGES
from .labels import label
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
    return t["n_wan"].format(n=wan(value, 2))


def feasibility_text(results: Results, t: dict) -> str:
    f = results.plan.funnel
    if f.required is None:
        return sentence(t["feasible_no"], need="—", pool=people(f.forward.pool, t), ratio="—")
    key = "feasible_yes" if f.feasible else "feasible_no"
    return sentence(t[key], need=people(f.required.pool, t), pool=people(f.forward.pool, t), ratio=pct(f.pool_ratio))


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
    tiles = [
        Tile(t["ask"], wan(p.budget.total, 2), t["wan"]),
        Tile(t["deals"], num(p.funnel.forward.deals), f"{t['target']} {num(c.target_deals)}"),
        Tile(t["revenue_total"], wan(rev["total"], 2), t["wan"]),
        Tile(t["gross_profit"], wan(gp["total"], 2), t["wan"]),
        Tile(t["roi_total"], ratio(p.roi.total), f"{t['roi_campaign']} {ratio(p.roi.campaign)}"),
        Tile(
            t["roi_marketing"], ratio(p.roi.marketing), f"{t['marketing_spend']} {money(p.budget.marketing_spend, t)}"
        ),
        Tile(t["cost_per_deal"], num(p.roi.cost_per_deal) if p.roi.cost_per_deal is not None else "—", t["yuan"]),
        Tile(t["breakeven"], num(p.roi.breakeven_deals) if p.roi.breakeven_deals is not None else "—", t["people"]),
    ]
    rec = next((s for s in results.scenarios if s.recommended), None)
    recommendation = (
        sentence(
            t["exec_recommend"],
            scenario=clip(rec.name, 40),
            label=clip(rec.label, 40),
            budget=money(rec.plan.budget.total, t),
            deals=people(rec.plan.funnel.forward.deals, t),
            roi=ratio(rec.plan.roi.total),
        )
        if rec
        else ""
    )
    floor_note = ""
    if c.roi_floor is not None and results.deals_for_roi_floor is not None:
        floor_note = sentence(
            t["exec_floor"],
            floor=ratio(c.roi_floor),
            need=people(results.deals_for_roi_floor, t),
            deals=people(p.funnel.forward.deals, t),
        )
    ask = dict(results.model.narrative).get("ask", "")
    from .view_back import categories_table

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
    rows = [("base_active", c.active_customers), ("base_dormant", c.dormant_customers), ("base_lost", c.lost_customers)]
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


@dataclass(frozen=True)
class PlanView:
    """活动方案 (pages 4–7).

    goals_table: the goal hierarchy, planned vs target, or None without goals.
    timeline_table: the phases, or None.
    timeline_chart: the Gantt chart, or None.
    segments_table: per-segment customers, funnel, deals, revenue, cost per deal; or None.
    no_segments: a sentence on the single pool when there are no segments, else "".
    offers_table: incentive lines with their basis.
    channels_table: channels with reach, sends, coverage and cost; or None.
    funnel_table: forward vs required counts and rates by stage.
    funnel_chart: forward vs required funnel chart.
    feasibility: the verdict as a sentence.
    feasible: whether the target is feasible.
    needed_table: the value each rate alone would need.
    strategy_paras: target, incentive, promotion and conversion strategy narrative.
    """

    goals_table: Table | None
    timeline_table: Table | None
    timeline_chart: Chart | None
    segments_table: Table | None
    no_segments: str
    offers_table: Table
    channels_table: Table | None
    funnel_table: Table
    funnel_chart: Chart
    feasibility: str
    feasible: bool
    needed_table: Table
    strategy_paras: list[Para]


def _goal_value(value, unit: str | None) -> str:
    if value is None:
        return "—"
    if unit == "%":
        return pct(value)
    if unit in ("元", "CNY") or (unit is None and abs(value) >= 10000):
        return num(round(value, 2))
    if isinstance(value, int) or value == int(value):
        return num(value)
    return ratio(value) if unit == ":1" else f"{float(value):.2f}"


def _goals_table(results: Results, t: dict, lang: str) -> Table | None:
    if not results.goals:
        return None
    rows, classes = [], []
    for g in results.goals:
        unit = g.goal.unit
        if g.goal.metric.startswith("roi"):
            unit = ":1"
        met = t["met_na"] if g.met is None else (t["met_yes"] if g.met else t["met_no"])
        rows.append(
            [
                label("level", g.goal.level, lang),
                label("metric", g.goal.metric, lang),
                _goal_value(g.goal.baseline, unit),
                _goal_value(g.goal.target, unit),
                _goal_value(g.planned, unit),
                met,
                g.goal.note or "",
            ]
        )
        classes.append("muted" if g.met is None else ("ok" if g.met else "warn"))
    head = [t["level"], t["metric"], t["baseline"], t["target"], t["planned"], t["met"], t["note"]]
    return Table(head, rows, ["l", "l", "r", "r", "r", "l", "l"], classes=classes)


def _timeline(results: Results, t: dict) -> tuple[Table | None, Chart | None]:
    phases = results.model.timeline
    if not phases:
        return None, None
    rows = [[p.phase, p.start.isoformat(), p.end.isoformat(), num((p.end - p.start).days + 1)] for p in phases]
    table = Table([t["phase"], t["start"], t["end"], t["days"]], rows, ["l", "l", "l", "r"])
    data = {
        "labels": [p.phase for p in phases],
        "starts": [p.start.isoformat() for p in phases],
        "ends": [p.end.isoformat() for p in phases],
    }
    return table, Chart("timeline", "gantt", t["chart_timeline"], data, (6.4, 2.6))


def _segments(results: Results, t: dict, lang: str) -> Table | None:
    if not results.segments:
        return None
    rows = [
        [
            s.name,
            num(s.counts.pool),
            num(s.counts.arrived),
            pct(s.visit_rate),
            num(s.counts.deals),
            wan(s.revenue, 2),
            wan(s.budget, 2),
            num(s.cost_per_deal) if s.cost_per_deal is not None else "—",
        ]
        for s in results.segments
    ]
    head = [
        t["segment"],
        t["customers"],
        label("stage", "arrived", lang),
        t["visit_rate"],
        t["deals"],
        t["revenue"],
        t["budget"],
        t["cost_per_deal"],
    ]
    return Table(head, rows, ["l", "r", "r", "r", "r", "r", "r", "r"])


def plan_view(results: Results, t: dict, lang: str) -> PlanView:
    p, model = results.plan, results.model
    f = p.funnel
    timeline_table, timeline_chart = _timeline(results, t)
    offers = [line for line in p.budget.lines if line.category == "incentives"]
    touches_counted = model.campaign.touches_per_customer != 1
    offers_table = Table(
        [t["item"], t["segment"], t["basis"], t["amount"]],
        [
            [
                x.item + (" *" if x.memo else ""),
                x.segment or "",
                basis_text(x.basis, lang, touches_counted),
                wan(x.amount, 2),
            ]
            for x in offers
        ],
        ["l", "l", "l", "r"],
    )
    channels = None
    if p.budget.channels:
        rows = [
            [ch.name, num(ch.reachable), num(ch.sends), pct(ch.coverage), num(ch.touches), wan(ch.amount, 2)]
            for ch in p.budget.channels
        ]
        channels = Table(
            [t["channel"], t["reachable"], t["sends"], t["coverage"], t["touches"], t["amount"]],
            rows,
            ["l", "r", "r", "r", "r", "r"],
        )
    req = f.required
    funnel_rows = []
    for i, stage in enumerate(STAGES):
        rate = (
            ""
            if i == 0
            else rate_text(f.divisors[RATES[i - 1]])
            if model.segments
            else pct(model.funnel.rate(RATES[i - 1]))
        )
        funnel_rows.append(
            [label("stage", stage, lang), rate, num(f.forward.get(stage)), num(req.get(stage)) if req else "—"]
        )
    funnel_table = Table([t["stage"], t["rate"], t["forward"], t["required"]], funnel_rows, ["l", "r", "r", "r"])
    funnel_chart = Chart(
        "funnel",
        "funnel",
        t["chart_funnel"],
        {
            "labels": [label("stage", s, lang) for s in STAGES],
            "forward": [f.forward.get(s) for s in STAGES],
            "required": [req.get(s) if req else 0 for s in STAGES],
            "legend": [t["forward"], t["required"]],
        },
        (6.4, 2.8),
    )
    needed = Table(
        [t["rate"], t["planned"], t["needed_rate"]],
        [
            [
                label("rate", n.rate, lang),
                rate_text(n.current),
                rate_text(n.needed) if n.needed is not None else t["not_reachable"],
            ]
            for n in f.needed_rates
        ],
        ["l", "r", "r"],
    )
    no_segments = (
        ""
        if model.segments
        else sentence(
            t["no_segments"], pool=people(f.forward.pool, t), touches=num(model.campaign.touches_per_customer)
        )
    )
    return PlanView(
        _goals_table(results, t, lang),
        timeline_table,
        timeline_chart,
        _segments(results, t, lang),
        no_segments,
        offers_table,
        channels,
        funnel_table,
        funnel_chart,
        feasibility_text(results, t),
        f.feasible,
        needed,
        narrative(results, t, ("target_strategy", "incentive_strategy", "promotion_strategy", "conversion_strategy")),
    )
