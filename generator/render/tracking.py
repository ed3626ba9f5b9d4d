"""tracking.json, tracking.md and tracking.pdf, from the tracking result alone."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..calc.tracking import Alert, Tracking
from ..fmt import num, pct, ratio, yuan
from ..i18n.docs import messages
from ..i18n.labels import label
from ..jsonout import Money, dumps
from ..results import Results
from ..rounding import half_up
from ..text import md
from .env import render
from .tables import Chart, Table, Tile, clip, sentence
from .view import Doc, doc_view
from .view_risk import trigger_text


def _alert_values(alert: Alert, t: dict, lang: str) -> dict:
    out = {}
    for key, value in alert.values.items():
        if key == "rate":
            out[key] = label("metric", value, lang)
        elif key in ("actual", "plan") and alert.message == "alert_rate":
            out[key] = pct(value, 2)
        elif key in ("extra", "contingency", "left"):
            out[key] = f"{yuan(abs(value) if key == 'left' else value)}{t['yuan']}"
        elif key in ("projected", "target", "gap", "deals", "plan"):
            out[key] = t["n_people"].format(n=num(half_up(value)))
        else:
            out[key] = clip(str(value), 200)
    return out


def alert_text(alert: Alert, t: dict, lang: str) -> Markup:
    return sentence(t[alert.message], **_alert_values(alert, t, lang))


def tracking_dict(tr: Tracking, t: dict, lang: str) -> dict:
    return {
        "as_of_day": tr.as_of_day,
        "execution_days": tr.execution_days,
        "cumulative": {k: (Money(v) if k in ("revenue", "spend") else int(v)) for k, v in tr.cumulative.items()},
        "rates": tr.rates,
        "plan_rates": tr.plan_rates,
        "behind": list(tr.behind),
        "plan_deals_to_date": tr.plan_deals_to_date,
        "projected_deals": int(tr.projected_deals),
        "gap": int(tr.gap),
        "roi_to_date": tr.roi_to_date,
        "roi_basis": tr.spend_basis,
        "contingency_left": Money(tr.contingency_left),
        "triggered": [
            {
                "risk": x.risk.risk,
                "metric": x.metric,
                "value": x.value,
                "response": x.risk.response,
                "owner": x.risk.owner,
                "extra_budget": Money(x.risk.extra_budget),
            }
            for x in tr.triggered
        ],
        "alerts": [
            {"level": a.level, "metric": a.metric, "message": alert_text(a, t, lang).striptags()} for a in tr.alerts
        ],
    }


@dataclass(frozen=True)
class TrackingView:
    """tracking.html.

    as_of: the day reported up to, as a phrase.
    tiles: deals to date, plan to date, projection, gap, ROI to date, contingency left.
    rates: cumulative rates vs plan.
    alerts: (level label, level, message) for each alert.
    no_alerts: the sentence shown without alerts, else "".
    triggered: the triggered responses, or None.
    cumulative_chart: cumulative deals vs plan pace and projection.
    daily_chart: deals per day.
    """

    as_of: str
    tiles: list[Tile]
    rates: Table
    alerts: list[tuple[str, str, Markup]]
    no_alerts: str
    triggered: Table | None
    cumulative_chart: Chart
    daily_chart: Chart


def _tiles(results: Results, tr: Tracking, t: dict) -> list[Tile]:
    target = results.model.campaign.target_deals
    return [
        Tile(t["t_deals"], num(tr.cumulative["deals"]), f"{t['t_plan_to_date']} {num(half_up(tr.plan_deals_to_date))}"),
        Tile(t["t_projected"], num(tr.projected_deals), f"{t['target']} {num(target)}"),
        Tile(t["t_gap"], num(tr.gap), t["people"]),
        Tile(t["t_roi"], ratio(tr.roi_to_date), t["t_roi_prorated"] if tr.spend_basis == "prorated" else ""),
        Tile(t["t_contingency_left"], yuan(tr.contingency_left), t["yuan"]),
    ]


def _triggered(tr: Tracking, t: dict, lang: str) -> Table | None:
    if not tr.triggered:
        return None
    rows = [
        [x.risk.risk, trigger_text(x.risk, lang), x.risk.response or "", x.risk.owner or "", yuan(x.risk.extra_budget)]
        for x in tr.triggered
    ]
    head = [t["risk"], t["trigger"], t["response"], t["owner"], t["extra_budget"]]
    return Table(head, rows, ["l", "l", "l", "l", "r"])


def _charts(results: Results, tr: Tracking, t: dict) -> tuple[Chart, Chart]:
    cum = tr.cumulative_deals
    days = [day for day, _ in cum]
    data = {
        "days": days,
        "cumulative": [deals for _, deals in cum],
        "execution_days": tr.execution_days,
        "target": results.model.campaign.target_deals,
        "as_of": tr.as_of_day,
        "projected": float(tr.projected_deals),
        "legend": [t["t_deals"], t["plan_pace"], t["projection"]],
    }
    cumulative = Chart("cumulative", "cumulative", t["chart_cumulative"], data, (6.4, 2.6))
    per_day = [d.deals or 0 for d in sorted(tr.days, key=lambda d: d.day)]
    data = {"labels": [str(d) for d in days], "values": per_day, "fmt": "count"}
    return cumulative, Chart("daily", "bars", t["chart_daily"], data, (6.4, 2.2))


def tracking_view(results: Results, tr: Tracking, t: dict, lang: str) -> TrackingView:
    rows = [
        [label("metric", k, lang), pct(tr.rates[k]), pct(tr.plan_rates[k]), t["t_behind"] if k in tr.behind else ""]
        for k in tr.rates
    ]
    classes = ["warn" if k in tr.behind else "" for k in tr.rates]
    rates = Table([t["rate"], t["t_actual"], t["planned"], ""], rows, ["l", "r", "r", "l"], classes=classes)
    alerts = [(t[f"level_{a.level}"], a.level, alert_text(a, t, lang)) for a in tr.alerts]
    cumulative_chart, daily_chart = _charts(results, tr, t)
    return TrackingView(
        t["as_of"].format(day=tr.as_of_day, days=tr.execution_days),
        _tiles(results, tr, t),
        rates,
        alerts,
        t["t_no_alerts"] if not alerts else "",
        _triggered(tr, t, lang),
        cumulative_chart,
        daily_chart,
    )


def tracking_markdown(doc: Doc, view: TrackingView, t: dict) -> str:
    lines = [
        f"# {md(t['track_title'])} · {md(clip(doc.name, 80))}",
        "",
        f"{md(view.as_of)} · {md(t['fingerprint'])} `{doc.fingerprint}`",
        "",
    ]
    lines += [f"- **{md(tile.label)}**{t['colon']}{md(tile.value)} {md(tile.note)}".rstrip() for tile in view.tiles]
    lines += ["", f"## {md(t['t_alerts'])}", ""]
    lines += [f"- \\[{md(lvl)}\\] {md(msg)}" for lvl, _, msg in view.alerts] or [md(view.no_alerts)]
    if view.triggered is not None:
        lines += ["", f"## {md(t['t_triggered'])}", ""]
        lines += [f"| {' | '.join(md(h) for h in view.triggered.head)} |"]
        lines += [f"|{'---|' * len(view.triggered.head)}"]
        lines += [f"| {' | '.join(md(c) for c in row)} |" for row in view.triggered.rows]
    return "\n".join(lines) + "\n"


def write_tracking(results: Results, tr: Tracking, folder: Path, lang: str) -> list[str]:
    from .charts import draw_all
    from .pdf import write_pdf

    t = messages(lang)
    doc = doc_view(results, lang)
    view = tracking_view(results, tr, t, lang)
    (folder / "tracking.json").write_text(dumps(tracking_dict(tr, t, lang)) + "\n", encoding="utf-8")
    (folder / "tracking.md").write_text(tracking_markdown(doc, view, t), encoding="utf-8")
    draw_all([view.cumulative_chart, view.daily_chart], folder / "charts")
    write_pdf(render("tracking.html.j2", doc=doc, v=view), folder, folder / "tracking.pdf")
    return ["tracking.json", "tracking.md", "tracking.pdf", "charts/"]
