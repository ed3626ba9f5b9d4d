"""View data of the closing pages: 风险评估, 成功案例, 方案对比."""

from __future__ import annotations

from dataclasses import dataclass

from ..fmt import num, pct, ratio, yuan
from ..i18n.labels import label
from ..results import Results
from .tables import Chart, Table


def trigger_text(risk, lang: str) -> str:
    """`预约率 < 28.0%`: a risk's trigger as people read it."""
    if not risk.trigger_metric:
        return "—"
    value = pct(risk.trigger_value) if risk.trigger_metric.endswith("rate") else num(risk.trigger_value)
    return f"{label('metric', risk.trigger_metric, lang)} {risk.trigger_op} {value}"


@dataclass(frozen=True)
class RiskView:
    """风险评估 (pages 15–16).

    register: risks with probability, impact, score, owner; or None.
    matrix_chart: the probability × impact chart, or None.
    triggers_table: each risk's trigger, check day, response and extra budget; or None.
    reserve_note: the responses' extra budget against the contingency, as a sentence; or "".
    empty: the sentence shown when no risks were entered, else "".
    """

    register: Table | None
    matrix_chart: Chart | None
    triggers_table: Table | None
    reserve_note: str
    empty: str


MATRIX_TOP = 12  # numbered markers on the matrix; the register lists every risk


def top_risks(scores) -> list[int]:
    """The indexes of the MATRIX_TOP highest-scored risks, in register order (the first of equals kept)."""
    ranked = sorted(range(len(scores)), key=lambda k: (-(scores[k] or 0), k))
    return sorted(ranked[:MATRIX_TOP])


def risk_view(results: Results, t: dict, lang: str) -> RiskView:
    risks = results.model.risks
    if not risks:
        return RiskView(None, None, None, "", t["no_risks"])
    summary = results.risks
    register = Table(
        ["#", t["risk"], t["probability"], t["impact"], "P×I", t["owner"]],
        [
            [
                str(n),  # the number of its marker on the matrix
                r.risk,
                num(r.probability) if r.probability else "—",
                num(r.impact) if r.impact else "—",
                num(s) if s else "—",
                r.owner or "",
            ]
            for n, (r, s) in enumerate(zip(risks, summary.scores, strict=True), start=1)
        ],
        ["r", "l", "r", "r", "r", "l"],
    )
    shown = top_risks(summary.scores)
    title = t["chart_matrix"]
    if len(shown) < len(risks):
        title += t["aside"].format(note=t["top_risks"].format(n=len(shown), rest=num(len(risks) - len(shown))))
    chart = Chart(
        "matrix",
        "matrix",
        title,
        {
            "labels": [risks[k].risk for k in shown],
            "numbers": [k + 1 for k in shown],  # as in the register's # column
            "p": [risks[k].probability or 0 for k in shown],
            "i": [risks[k].impact or 0 for k in shown],
            "axes": [t["probability"], t["impact"]],
        },
        (6.4, 3.0),
    )

    triggers = Table(
        [t["risk"], t["trigger"], t["trigger_day"], t["response"], t["extra_budget"]],
        [
            [
                r.risk,
                trigger_text(r, lang),
                t["day_n"].format(day=r.trigger_day) if r.trigger_day else "—",
                r.response or "",
                yuan(r.extra_budget) if r.extra_budget else "—",
            ]
            for r in risks
        ],
        ["l", "l", "l", "l", "r"],
    )
    note = t["extra_vs_reserve"].format(
        extra=yuan(summary.extra_total),
        reserve=yuan(summary.reserve),
        verdict=t["reserve_ok"] if summary.covered else t["reserve_short"],
    )
    return RiskView(register, chart, triggers, note, "")


@dataclass(frozen=True)
class CasesView:
    """成功案例 (page 17).

    history_table: past campaigns with budget, revenue, gross profit, deals and ROI; or None.
    history_chart: past ROI vs this plan, or None.
    empty: the sentence shown without history, else "".
    """

    history_table: Table | None
    history_chart: Chart | None
    empty: str


def cases_view(results: Results, t: dict, lang: str) -> CasesView:
    rows = results.history
    if not rows:
        return CasesView(None, None, t["no_history"])
    table = Table(
        [t["campaign"], t["year"], t["budget"], t["revenue"], t["gross_profit"], t["deals_actual"], "ROI"],
        [
            [
                h.campaign,
                str(h.year or ""),
                t.big(h.budget, 2) if h.budget is not None else "—",
                t.big(h.revenue, 2) if h.revenue is not None else "—",
                t.big(h.gross_profit, 2) if h.gross_profit is not None else "—",
                num(h.deals) if h.deals is not None else "—",
                ratio(h.roi),
            ]
            for h in rows
        ],
        ["l", "l", "r", "r", "r", "r", "r"],
    )
    labels = [h.campaign for h in rows if h.roi is not None] + [results.model.campaign.name]
    values = [float(h.roi) for h in rows if h.roi is not None] + [float(results.plan.roi.total or 0)]
    chart = Chart(
        "history",
        "bars",
        t["chart_history"],
        {"labels": labels, "values": values, "fmt": "ratio", "highlight_last": True},
        (6.4, 2.6),
    )
    return CasesView(table, chart, "")


@dataclass(frozen=True)
class CompareView:
    """方案对比 (page 18).

    scenarios_table: each scenario's budget, deals, revenue, gross profit, ROIs, cost per deal and feasibility; or None.
    scenarios_chart: budget and ROI by scenario, or None.
    recommendation: the recommended scenario as a sentence, or "".
    """

    scenarios_table: Table | None
    scenarios_chart: Chart | None
    recommendation: str


def compare_view(results: Results, t: dict, lang: str) -> CompareView:
    from .view_exec import exec_view

    scen = results.scenarios
    if not scen:
        return CompareView(None, None, "")
    rows = [
        [
            f"{s.name} {s.label}",
            t.big(s.plan.budget.total, 2),
            num(s.plan.funnel.forward.deals),
            t.big(s.plan.revenue.revenue["total"], 2),
            t.big(s.plan.revenue.gross_profit["total"], 2),
            ratio(s.plan.roi.total),
            ratio(s.plan.roi.marketing),
            num(s.plan.roi.cost_per_deal) if s.plan.roi.cost_per_deal is not None else "—",
            "✓" if s.recommended else "",
        ]
        for s in scen
    ]
    table = Table(
        [
            t["scenario"],
            t["budget"],
            t["deals"],
            t["revenue"],
            t["gross_profit"],
            t["roi_total"],
            t["roi_marketing"],
            t["cost_per_deal"],
            t["recommended"],
        ],
        rows,
        ["l", "r", "r", "r", "r", "r", "r", "r", "l"],
        classes=["strong" if s.recommended else "" for s in scen],
    )
    chart = Chart(
        "scenarios",
        "scenarios",
        t["chart_scenarios"],
        {
            "labels": [r[0] for r in rows],
            "budget": [t.big_value(s.plan.budget.total) for s in scen],
            "roi": [float(s.plan.roi.total or 0) for s in scen],
            "axes": [t["budget"] + t["aside"].format(note=t["wan"]), t["roi_total"]],
            "legend": [t["budget"], t["roi_total"]],
            "recommended": [s.recommended for s in scen],
        },
        (6.4, 2.6),
    )
    return CompareView(table, chart, exec_view(results, t, lang).recommendation)
