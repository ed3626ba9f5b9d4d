"""retro.json and retro.pdf, from the retrospective result alone."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..calc.retro import HEADLINE, WITH_FOLLOW_UP, Retro, Suggestion
from ..fmt import num, pct, ratio, yuan
from ..i18n.docs import messages
from ..i18n.labels import label
from ..jsonout import Money, dumps
from ..results import Results
from .env import render
from .tables import Chart, Table, Tile, sentence
from .view import doc_view

MONEY = {"revenue_total", "budget_total", "gross_profit_total", "revenue_campaign", "gross_profit_campaign"}


def _fig(key: str, value):
    if value is None:
        return None
    return Money(value) if key in MONEY else value


def retro_dict(results: Results, r: Retro, t: dict, lang: str) -> dict:
    return {
        "fingerprint": results.fingerprint,
        "target_deals": results.model.campaign.target_deals,
        "plan": {k: _fig(k, r.plan[k]) for k in HEADLINE},
        "actual": {k: _fig(k, r.actual[k]) for k in HEADLINE},
        "variance": {k: _fig(k, v) for k, v in r.variance.items()},
        "variance_pct": r.variance_pct,
        "rates": {k: {"plan": r.rates_plan[k], "actual": r.rates_actual[k]} for k in r.rates_plan},
        "lines": [
            {
                "category": x.category,
                "item": x.item,
                "plan": Money(x.plan),
                "actual": None if x.actual is None else Money(x.actual),
                "variance": None if x.variance is None else Money(x.variance),
                "unplanned": x.unplanned,
            }
            for x in r.lines
        ],
        "contingency": {"reserved": Money(r.contingency_reserved), "used": Money(r.contingency_used)},
        "follow_up_pending": list(r.follow_up_pending),
        "spend": {"daily": Money(r.daily_spend), "costs": Money(r.actual["budget_total"] or 0)},
        "goals": [
            {"level": g.goal.level, "metric": g.goal.metric, "target": g.goal.target, "actual": g.planned, "met": g.met}
            for g in r.goals
        ],
        "lessons": [{"kind": k, "text": text} for k, text in r.lessons],
        "improvements": [suggestion_text(s, t, lang).striptags() for s in r.suggestions],
    }


def suggestion_text(s: Suggestion, t: dict, lang: str) -> Markup:
    values = {}
    for key, value in s.values.items():
        if key in ("reserved", "used", "over"):
            values[key] = t["n_wan"].format(n=t.big(value, 2))
        elif (key in ("rate", "pct") and s.key != "sg_rate") or (key in ("actual", "plan") and s.key == "sg_rate"):
            values[key] = pct(value)
        elif key == "rate":
            values[key] = label("metric", value, lang)
        elif s.key == "sg_roi":
            values[key] = ratio(value)
        else:
            values[key] = t["n_people"].format(n=num(value))
    return sentence(t[s.key], **values)


@dataclass(frozen=True)
class RetroView:
    """retro.html.

    tiles: actual vs plan for the headline figures.
    variance: plan, actual, variance and variance % of the headline figures.
    lines: each budget line and channel, plan vs actual.
    rates: each funnel rate, plan vs actual.
    goals: goals met or not, or None.
    suggestions: what the figures suggest, as sentences.
    lessons: (kind title, texts) by kind.
    categories_chart: plan vs actual by category.
    cumulative_chart: cumulative deals vs the target's pace.
    notes: follow-up revenue pending; daily spend vs the costs sheet.
    """

    tiles: list[Tile]
    variance: Table
    lines: Table
    rates: Table
    goals: Table | None
    suggestions: list[Markup]
    lessons: list[tuple[str, list[str]]]
    categories_chart: Chart
    cumulative_chart: Chart
    notes: list[str]


def _show(key: str, value, t) -> str:
    if value is None:
        return "—"
    if key.startswith("roi"):
        return ratio(value)
    if key in MONEY:
        return t.big(value, 2)
    return num(value)


def _headline(r: Retro, t: dict) -> tuple[list[Tile], Table]:
    """Actual vs plan, campaign period first; totals with follow-up are pending until it is reported."""
    pending = bool(r.follow_up_pending)

    def actual(k: str) -> str:
        return t["r_pending"] if pending and k in WITH_FOLLOW_UP else _show(k, r.actual[k], t)

    def variance(k: str) -> str:
        if r.variance[k] is None:
            return "—"
        return f"{float(r.variance[k]):+.2f}" if k.startswith("roi") else _show(k, r.variance[k], t)

    tiles = [
        Tile(t["r_tile"].format(name=t[f"r_{k}"]), actual(k), f"{t['planned']} {_show(k, r.plan[k], t)}")
        for k in HEADLINE
    ]
    rows = [[t[f"r_{k}"], _show(k, r.plan[k], t), actual(k), variance(k), pct(r.variance_pct[k])] for k in HEADLINE]
    head = [t["metric"], t["planned"], t["actual"], t["variance"], t["variance_pct"]]
    return tiles, Table(head, rows, ["l", "r", "r", "r", "r"])


def _lines_table(r: Retro, t: dict, lang: str) -> Table:
    rows = [
        [
            label("category", x.category, lang),
            x.item + t["aside"].format(note=t["r_unplanned"]) if x.unplanned else x.item,
            yuan(x.plan),
            yuan(x.actual) if x.actual is not None else t["not_reported"],
            yuan(x.variance) if x.variance is not None else "—",
        ]
        for x in r.lines
    ]
    contingency = label("category", "contingency", lang)
    rows.append([contingency, "", yuan(r.contingency_reserved), yuan(r.contingency_used), yuan(r.contingency_variance)])
    classes = ["warn" if x.variance and x.variance > 0 else "" for x in r.lines]
    classes.append("warn" if r.contingency_variance > 0 else "")
    head = [t["category"], t["item"], t["planned"], t["actual"], t["variance"]]
    return Table(head, rows, ["l", "l", "r", "r", "r"], classes=classes)


def _goals_table(r: Retro, t: dict, lang: str) -> Table | None:
    if not r.goals:
        return None
    rows = [
        [
            label("level", g.goal.level, lang),
            label("metric", g.goal.metric, lang),
            _goal(g.goal.target, g.goal.unit),
            _goal(g.planned, g.goal.unit),
            t["met_na"] if g.met is None else t["met_yes"] if g.met else t["met_no"],
        ]
        for g in r.goals
    ]
    return Table([t["level"], t["metric"], t["target"], t["actual"], t["met"]], rows, ["l", "l", "r", "r", "l"])


def _retro_charts(results: Results, r: Retro, t: dict, lang: str) -> tuple[Chart, Chart]:
    cats = list(r.categories)
    data = {
        "labels": [label("category", c, lang) for c in cats],
        "a": [t.big_value(r.categories[c][0]) for c in cats],
        "b": [t.big_value(r.categories[c][1]) for c in cats],
        "legend": [t["planned"], t["actual"]],
    }
    categories = Chart("r_categories", "grouped", t["chart_r_categories"], data, (6.4, 2.6))
    cum, c = r.cumulative_deals, results.model.campaign
    data = {
        "days": [day for day, _ in cum],
        "cumulative": [deals for _, deals in cum],
        "execution_days": c.execution_days,
        "target": c.target_deals,
        "as_of": cum[-1][0] if cum else 0,
        "projected": float(cum[-1][1] if cum else 0),
        "legend": [t["actual"], t["plan_pace"], ""],
    }
    return categories, Chart("r_cumulative", "cumulative", t["chart_r_cumulative"], data, (6.4, 2.4))


def retro_view(results: Results, r: Retro, t: dict, lang: str) -> RetroView:
    tiles, variance = _headline(r, t)
    rates = Table(
        [t["rate"], t["planned"], t["actual"]],
        [[label("metric", k, lang), pct(r.rates_plan[k]), pct(r.rates_actual[k])] for k in r.rates_plan],
        ["l", "r", "r"],
    )
    lessons = [
        (t[f"kind_{kind}"], [text for k, text in r.lessons if k == kind])
        for kind in ("success", "improvement", "strategic")
    ]
    categories_chart, cumulative_chart = _retro_charts(results, r, t, lang)
    return RetroView(
        tiles,
        variance,
        _lines_table(r, t, lang),
        rates,
        _goals_table(r, t, lang),
        [suggestion_text(s, t, lang) for s in r.suggestions],
        [x for x in lessons if x[1]],
        categories_chart,
        cumulative_chart,
        _notes(r, t),
    )


def _notes(r: Retro, t: dict) -> list[str]:
    notes = [t["r_pending_note"].format(items=t["list_sep"].join(r.follow_up_pending))] if r.follow_up_pending else []
    costs = r.actual["budget_total"] or 0
    gap = r.spend_gap
    if any(d.spend is not None for d in r.days):  # only when the daily sheet reports spend
        notes.append(
            t["r_spend_gap"].format(
                daily=yuan(r.daily_spend), costs=yuan(costs), pct=pct(gap) if gap is not None else "—"
            )
        )
    return notes


def _goal(value, unit) -> str:
    if value is None:
        return "—"
    return pct(value) if unit == "%" else num(value)


def write_retro(results: Results, r: Retro, folder: Path, lang: str) -> list[str]:
    from ..io.retro_workbook import write_retro_workbook
    from .charts import draw_all
    from .pdf import write_pdf

    t = messages(lang)
    (folder / "retro.json").write_text(dumps(retro_dict(results, r, t, lang)) + "\n", encoding="utf-8")
    write_retro_workbook(results, r, folder / "retro.xlsx", lang)
    view = retro_view(results, r, t, lang)
    draw_all([view.categories_chart, view.cumulative_chart], folder / "charts")
    write_pdf(render("retro.html.j2", doc=doc_view(results, lang), v=view), folder, folder / "retro.pdf")
    return ["retro.json", "retro.xlsx", "retro.pdf", "charts/"]
