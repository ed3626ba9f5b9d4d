"""View data of the money pages: 预算明细 and ROI分析."""

from __future__ import annotations

from dataclasses import dataclass

from ..fmt import num, pct, ratio, yuan
from ..i18n.labels import label, param_label
from ..phrases import basis_text
from ..results import Results
from ..rounding import half_up
from ..schema import ALL_CATEGORIES
from .tables import Chart, Table, Tile


@dataclass(frozen=True)
class BudgetView:
    """预算明细 (pages 8–12).

    categories_table: the seven categories with amount and share, total last.
    categories_chart: the seven categories chart.
    lines_a: incentive and promotion lines with their basis.
    lines_b: systems, labor, fulfillment and management lines with their basis.
    contingency_note: how the contingency is computed, as a sentence.
    memo_table: revenue-side (memo) lines, or None.
    bench_table: this plan's shares vs the industry ranges, or None.
    bench_chart: the benchmark chart, or None.
    """

    categories_table: Table
    categories_chart: Chart
    lines_a: Table
    lines_b: Table
    contingency_note: str
    memo_table: Table | None
    bench_table: Table | None
    bench_chart: Chart | None


def _lines(results: Results, t: dict, lang: str, categories: tuple[str, ...]) -> Table:
    lines = [x for x in results.plan.budget.lines if x.category in categories and not x.memo]
    rows = [[label("category", x.category, lang), x.item, basis_text(x.basis, lang), t.big(x.amount, 2)] for x in lines]
    return Table([t["category"], t["item"], t["basis"], t["amount"]], rows, ["l", "l", "l", "r"])


def categories_table(results: Results, t: dict, lang: str) -> Table:
    """The seven categories (万元) and their shares, total last: page 1, page 8, the summary."""
    b = results.plan.budget
    rows = [[label("category", c, lang), t.big(b.categories[c], 2), pct(b.share(c))] for c in ALL_CATEGORIES]
    total = [t["total"], t.big(b.total, 2), pct(1 if b.total else None)]
    return Table([t["category"], t["wan"], t["share"]], rows, ["l", "r", "r"], total)


def _memo_table(results: Results, t: dict, lang: str) -> Table | None:
    memo = [x for x in results.plan.budget.lines if x.memo]
    if not memo:
        return None
    rows = [[label("category", x.category, lang), x.item, basis_text(x.basis, lang), t.big(x.amount, 2)] for x in memo]
    return Table([t["category"], t["item"], t["basis"], t["amount"]], rows, ["l", "l", "l", "r"])


def _bench(results: Results, t: dict, lang: str) -> tuple[Table | None, Chart | None]:
    """Our category shares against the benchmark ranges: a table and a chart."""
    marks, b = results.model.benchmarks, results.plan.budget
    if not marks:
        return None, None
    verdicts = {"in": t["bench_in"], "low": t["bench_low"], "high": t["bench_high"]}
    rows = [
        [
            label("category", m.category, lang),
            pct(b.share(m.category)),
            f"{pct(m.share_low)} – {pct(m.share_high)}",
            verdicts[b.bench_verdict(m)],
        ]
        for m in marks
    ]
    table = Table([t["category"], t["bench_ours"], t["bench_range"], ""], rows, ["l", "r", "r", "l"])
    data = {
        "labels": [r[0] for r in rows],
        "low": [float(m.share_low) for m in marks],
        "high": [float(m.share_high) for m in marks],
        "ours": [float(b.share(m.category) or 0) for m in marks],
        "legend": [t["bench_range"], t["bench_ours"], t["range_from"], t["range_to"]],
    }
    return table, Chart("bench", "ranges", t["chart_bench"], data, (6.4, 2.8))


def budget_view(results: Results, t: dict, lang: str) -> BudgetView:
    b = results.plan.budget
    table = categories_table(results, t, lang)
    data = {
        "labels": [r[0] for r in table.rows],
        "values": [t.big_value(b.categories[c]) for c in ALL_CATEGORIES],
        "fmt": "wan",
    }
    chart = Chart("categories", "hbars", t["chart_categories"], data, (6.4, 2.8))
    bench_table, bench_chart = _bench(results, t, lang)
    note = t["contingency_note"].format(rate=pct(results.model.campaign.contingency_rate), amount=yuan(b.contingency))
    return BudgetView(
        table,
        chart,
        _lines(results, t, lang, ("incentives", "promotion")),
        _lines(results, t, lang, ("systems", "labor", "fulfillment", "management")),
        note,
        _memo_table(results, t, lang),
        bench_table,
        bench_chart,
    )


@dataclass(frozen=True)
class RoiView:
    """ROI分析 (pages 13–14).

    revenue_table: revenue lines with horizon, quantity, ticket, discount, amount and gross profit.
    revenue_chart: the revenue build-up chart.
    tiles: the three ROIs, cost per deal and break-even deals.
    goal_seek: goal-seek answers as sentences.
    tornado_chart: the tornado chart, or None.
    stress_table: stress cases with ROI, deals and budget; or None.
    mc_table: Monte Carlo P10/P50/P90 of ROI, deals and budget; or None.
    mc_note: draws and seed, and the chance ROI falls below the floor; or "".
    mc_chart: the ROI histogram, or None.
    """

    revenue_table: Table
    revenue_chart: Chart
    tiles: list[Tile]
    goal_seek: list[str]
    tornado_chart: Chart | None
    stress_table: Table | None
    mc_table: Table | None
    mc_note: str
    mc_chart: Chart | None


def _revenue_table(results: Results, t: dict, lang: str) -> Table:
    rev = results.plan.revenue
    rows = [
        [
            x.item,
            label("horizon", x.horizon, lang),
            num(x.quantity) if x.driver != "lump" else "—",
            num(x.unit_value) if x.driver != "lump" else "—",
            pct(x.discount) if x.discount else "",
            t.big(x.amount, 2),
            pct(x.margin),
            t.big(x.gross_profit, 2),
        ]
        for x in rev.lines
    ]
    keys = ["item", "horizon", "quantity", "unit_value", "discount", "revenue", "margin", "gross_profit"]
    total = [t["total"], "", "", "", "", t.big(rev.revenue["total"], 2), "", t.big(rev.gross_profit["total"], 2)]
    return Table([t[k] for k in keys], rows, ["l", "l", "r", "r", "r", "r", "r", "r"], total)


def _revenue_chart(results: Results, t: dict) -> Chart:
    lines = results.plan.revenue.lines
    data = {
        "labels": [x.item for x in lines],
        "revenue": [t.big_value(x.amount) for x in lines],
        "gp": [t.big_value(x.gross_profit) for x in lines],
        "legend": [t["revenue"], t["gross_profit"]],
    }
    return Chart("revenue", "stack", t["chart_revenue"], data, (6.4, 2.6))


def _roi_tiles(results: Results, t: dict) -> list[Tile]:
    roi = results.plan.roi
    return [
        Tile(t["roi_campaign"], ratio(roi.campaign)),
        Tile(t["roi_total"], ratio(roi.total)),
        Tile(t["roi_marketing"], ratio(roi.marketing)),
        Tile(t["cost_per_deal"], num(roi.cost_per_deal) if roi.cost_per_deal is not None else "—", t["yuan"]),
        Tile(t["breakeven"], num(roi.breakeven_deals) if roi.breakeven_deals is not None else "—", t["people"]),
    ]


def _tornado_chart(results: Results, t: dict, lang: str) -> Chart | None:
    if not results.tornado:
        return None
    data = {
        "labels": [param_label(b.parameter, lang) for b in results.tornado],
        "low": [float(b.roi_low or 0) for b in results.tornado],
        "high": [float(b.roi_high or 0) for b in results.tornado],
        "base": float(results.plan.roi.total or 0),
        "base_label": t["base_case"] + " " + ratio(results.plan.roi.total),
        "legend": [t["tornado_low"], t["tornado_high"]],
    }
    return Chart("tornado", "tornado", t["chart_tornado"], data, (6.4, min(1.4 + 0.28 * len(results.tornado), 5.0)))


def _stress_table(results: Results, t: dict, lang: str) -> Table | None:
    if not results.stress:
        return None
    rows = [
        [
            s.case,
            "; ".join(f"{param_label(k, lang)} {pct(v, 0)}" for k, v in s.changes),
            ratio(s.plan.roi.total),
            num(s.plan.funnel.forward.deals),
            t.big(s.plan.budget.total, 2),
        ]
        for s in results.stress
    ]
    head = [t["case"], t["changes"], t["roi_total"], t["deals"], t["budget"]]
    return Table(head, rows, ["l", "l", "r", "r", "r"])


def _monte_carlo(results: Results, t: dict) -> tuple[Table | None, str, Chart | None]:
    """The P10/P50/P90 table, its note and the histogram."""
    mc, c = results.monte_carlo, results.model.campaign
    if mc is None:
        return None, "", None
    rows = [
        [t["roi_total"], ratio(mc.roi.p10), ratio(mc.roi.p50), ratio(mc.roi.p90)],
        [t["deals"], num(half_up(mc.deals.p10)), num(half_up(mc.deals.p50)), num(half_up(mc.deals.p90))],
        [
            t["budget"] + t["aside"].format(note=t["wan"]),
            t.big(mc.budget.p10, 2),
            t.big(mc.budget.p50, 2),
            t.big(mc.budget.p90, 2),
        ],
    ]
    table = Table(["", "P10", "P50", "P90"], rows, ["l", "r", "r", "r"])
    note = t["mc_note"].format(draws=num(mc.draws), seed=mc.seed)
    if mc.p_below_floor is not None and c.roi_floor is not None:
        note += " " + t["mc_below"].format(floor=ratio(c.roi_floor), p=pct(mc.p_below_floor))
    data = {
        "counts": list(mc.histogram[0]),
        "edges": list(mc.histogram[1]),
        "marks": {"P10": mc.roi.p10, "P50": mc.roi.p50, "P90": mc.roi.p90},
        "floor": float(c.roi_floor) if c.roi_floor is not None else None,
        "floor_label": t["floor"],
    }
    return table, note, Chart("mc", "histogram", t["chart_mc"], data, (6.4, 2.1))


def roi_view(results: Results, t: dict, lang: str) -> RoiView:
    from ..phrases import goal_seek_answers

    mc_table, mc_note, mc_chart = _monte_carlo(results, t)
    return RoiView(
        _revenue_table(results, t, lang),
        _revenue_chart(results, t),
        _roi_tiles(results, t),
        goal_seek_answers(results, lang),
        _tornado_chart(results, t, lang),
        _stress_table(results, t, lang),
        mc_table,
        mc_note,
        mc_chart,
    )
