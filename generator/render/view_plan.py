"""View data of the plan pages: 活动方案 (goals, timeline, offers and channels, funnel)."""

from __future__ import annotations

from dataclasses import dataclass

from ..fmt import num, pct, ratio
from ..i18n.labels import label
from ..phrases import basis_text
from ..results import Results
from ..rounding import half_up
from ..schema import RATES, STAGES
from .tables import Chart, Para, Table, sentence
from .view_exec import feasibility_text, narrative, people, rate_text


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
        return num(half_up(value, 2))
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


GANTT_TOP = 15  # phases drawn one by one; the others share one bar


def top_phases(phases: tuple) -> tuple[list, list]:
    """The GANTT_TOP longest phases in their order, and the rest (the first of equals kept)."""
    if len(phases) <= GANTT_TOP:
        return list(phases), []
    ranked = sorted(range(len(phases)), key=lambda k: (-(phases[k].end - phases[k].start).days, k))
    keep = set(ranked[:GANTT_TOP])
    return [p for k, p in enumerate(phases) if k in keep], [p for k, p in enumerate(phases) if k not in keep]


def _timeline(results: Results, t: dict) -> tuple[Table | None, Chart | None]:
    phases = results.model.timeline
    if not phases:
        return None, None
    rows = [[p.phase, p.start.isoformat(), p.end.isoformat(), num((p.end - p.start).days + 1)] for p in phases]
    table = Table([t["phase"], t["start"], t["end"], t["days"]], rows, ["l", "l", "l", "r"])
    shown, rest = top_phases(phases)
    data = {
        "labels": [p.phase for p in shown],
        "starts": [p.start.isoformat() for p in shown],
        "ends": [p.end.isoformat() for p in shown],
    }
    title = t["chart_timeline"]
    if rest:  # the longest phases, and the others as one bar from their first start to their last end
        data["labels"].append(t["other_phases"].format(n=num(len(rest))))
        data["starts"].append(min(p.start for p in rest).isoformat())
        data["ends"].append(max(p.end for p in rest).isoformat())
        title += t["aside"].format(note=t["longest_phases"].format(n=len(shown)))
    return table, Chart("timeline", "gantt", title, data, (6.4, 2.6))


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
            t.big(s.revenue, 2),
            t.big(s.budget, 2),
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


def _offers_table(results: Results, t: dict, lang: str) -> Table:
    offers = [line for line in results.plan.budget.lines if line.category == "incentives"]
    rows = [
        [x.item + (" *" if x.memo else ""), x.segment or "", basis_text(x.basis, lang), t.big(x.amount, 2)]
        for x in offers
    ]
    return Table([t["item"], t["segment"], t["basis"], t["amount"]], rows, ["l", "l", "l", "r"])


def _channels_table(results: Results, t: dict) -> Table | None:
    channels = results.plan.budget.channels
    if not channels:
        return None
    rows = [
        [ch.name, num(ch.reachable), num(ch.sends), pct(ch.coverage), num(ch.touches), t.big(ch.amount, 2)]
        for ch in channels
    ]
    head = [t["channel"], t["reachable"], t["sends"], t["coverage"], t["touches"], t["amount"]]
    return Table(head, rows, ["l", "r", "r", "r", "r", "r"])


def _funnel(results: Results, t: dict, lang: str) -> tuple[Table, Chart, Table]:
    """The forward and reverse funnel as a table and a chart, and the rates the target needs."""
    f = results.plan.funnel
    req = f.required
    rows = [
        [
            label("stage", stage, lang),
            "" if i == 0 else rate_text(f.stage_rate(RATES[i - 1])),
            num(f.forward.get(stage)),
            num(req.get(stage)) if req else "—",
        ]
        for i, stage in enumerate(STAGES)
    ]
    table = Table([t["stage"], t["rate"], t["forward"], t["required"]], rows, ["l", "r", "r", "r"])
    data = {
        "labels": [label("stage", s, lang) for s in STAGES],
        "forward": [f.forward.get(s) for s in STAGES],
        "required": [req.get(s) if req else 0 for s in STAGES],
        "legend": [t["forward"], t["required"]],
    }
    chart = Chart("funnel", "funnel", t["chart_funnel"], data, (6.4, 2.8))
    needed_rows = [
        [
            label("rate", n.rate, lang),
            rate_text(n.current),
            rate_text(n.needed) if n.needed is not None else t["not_reachable"],
        ]
        for n in f.needed_rates
    ]
    needed = Table([t["rate"], t["planned"], t["needed_rate"]], needed_rows, ["l", "r", "r"])
    return table, chart, needed


def plan_view(results: Results, t: dict, lang: str) -> PlanView:
    model, f = results.model, results.plan.funnel
    timeline_table, timeline_chart = _timeline(results, t)
    funnel_table, funnel_chart, needed = _funnel(results, t, lang)
    no_segments = ""
    if not model.segments:
        touches = num(model.campaign.touches_per_customer)
        no_segments = sentence(t["no_segments"], pool=people(f.forward.pool, t), touches=touches)
    return PlanView(
        _goals_table(results, t, lang),
        timeline_table,
        timeline_chart,
        _segments(results, t, lang),
        no_segments,
        _offers_table(results, t, lang),
        _channels_table(results, t),
        funnel_table,
        funnel_chart,
        feasibility_text(results, t),
        f.feasible,
        needed,
        narrative(results, t, ("target_strategy", "incentive_strategy", "promotion_strategy", "conversion_strategy")),
    )
