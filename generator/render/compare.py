"""The comparison as a document: compare.pdf (2–3 pages), compare.md, and the view the proposal's
预算优化过程 page and the deck's slide share."""

from __future__ import annotations

from dataclasses import dataclass
from math import factorial
from pathlib import Path

from ..calc.bridge import ORDERS
from ..compare import Comparison
from ..compare_text import (
    big_signed,
    change_text,
    figure_name,
    figure_text,
    group_name,
    pct_change,
    row_value,
    step_label,
)
from ..fmt import ratio
from ..i18n.docs import messages
from ..schema import SHEETS
from ..text import md
from .env import render
from .tables import Chart, Table
from .view import Doc, doc_view

UP, DOWN = "#C0392B", "#2E8B8B"  # a budget rising is a cost (red); falling, a saving (teal)


@dataclass(frozen=True)
class ComparisonView:
    doc: Doc
    title: str
    notes: tuple[str, ...]  # identical plans, other campaign, no ROI bridge
    method: str
    largest: tuple[str, ...]
    figures: Table
    scenarios: Table | None
    changes: Table | None
    budget_table: Table | None
    roi_table: Table | None
    budget_chart: Chart | None
    roi_chart: Chart | None


def _waterfall(name: str, title: str, cmp: Comparison, kind: str, lang: str) -> Chart:
    t = messages(lang)
    bridge = cmp.budget if kind == "budget" else cmp.roi
    assert bridge is not None
    scale = (lambda v: t.big_value(v)) if kind == "budget" else float
    steps = [scale(s) for s in bridge.steps]
    text = (lambda v: t.big(v, 1)) if kind == "budget" else (lambda v: f"{float(v):.2f}")
    signed = (lambda v: big_signed(v, lang)) if kind == "budget" else (lambda v: f"{float(v):+.3f}".replace("-", "−"))
    up, down = (UP, DOWN) if kind == "budget" else (DOWN, UP)  # ROI rising is good
    labels = [group_name(g.key, cmp.group_by, lang) for g in cmp.groups]
    legend = [t["cmp_old"] + " / " + t["cmp_new"], t["cmp_up"], t["cmp_down"]]
    levels = [scale(bridge.old)]  # where each bar ends: the start, then after each step
    for step in steps:
        levels.append(levels[-1] + step)
    low, high = min(levels), max(levels)
    pad = (high - low) * 0.25 or abs(high) * 0.05 or 1
    data = {
        "start": scale(bridge.old),
        "end": scale(bridge.new),
        "steps": steps,
        "levels": levels,
        "floor": max(0.0, low - pad),  # the value axis starts near the lowest level: steps stay readable
        "ceiling": high + pad * 0.6,
        "labels": labels,
        "step_texts": [signed(s) for s in bridge.steps],
        "start_label": t["cmp_old"],
        "end_label": t["cmp_new"],
        "start_text": text(bridge.old),
        "end_text": text(bridge.new),
        "up": up,
        "down": down,
        "legend": legend,
        "unit": ("万元" if lang == "zh" else "CNY thousand") if kind == "budget" else "ROI",
    }
    return Chart(name, "waterfall", title, data, (6.6, 3.0) if kind == "budget" else (6.6, 2.4))


def _figures(cmp: Comparison, lang: str) -> Table:
    t = messages(lang)
    rows, classes = [], []
    for f in cmp.figures:
        rows.append(
            [
                figure_name(f.key, lang),
                figure_text(f.kind, f.old, lang),
                figure_text(f.kind, f.new, lang),
                change_text(f.kind, f.change, lang),
                pct_change(f.pct),
            ]
        )
        classes.append("strong" if f.key in ("budget_total", "roi_total") else ("" if f.changed else "muted"))
    head = [t["cmp_figure"], t["cmp_old"], t["cmp_new"], t["cmp_change"], t["cmp_pct"]]
    return Table(head, rows, ["l", "r", "r", "r", "r"], classes=classes)


def _scenarios(cmp: Comparison, lang: str) -> Table | None:
    t = messages(lang)
    rows, classes = [], []
    for name, figs in cmp.scenarios:
        for f in figs:
            rows.append(
                [
                    f"{name} · {figure_name(f.key, lang)}",
                    figure_text(f.kind, f.old, lang),
                    figure_text(f.kind, f.new, lang),
                    change_text(f.kind, f.change, lang),
                    pct_change(f.pct),
                ]
            )
            classes.append("" if f.changed else "muted")
    head = [t["cmp_scenarios"], t["cmp_old"], t["cmp_new"], t["cmp_change"], t["cmp_pct"]]
    return Table(head, rows, ["l", "r", "r", "r", "r"], classes=classes) if rows else None


def _changes(cmp: Comparison, lang: str) -> Table | None:
    if not cmp.changes:
        return None
    t = messages(lang)
    rows = []
    for c in sorted(cmp.changes, key=lambda c: list(SHEETS).index(c.sheet) if c.sheet in SHEETS else 99):
        sheet = SHEETS[c.sheet].label if lang == "zh" and c.sheet in SHEETS else c.sheet
        cells = " → ".join(x for x in (cmp.cell("old", c), cmp.cell("new", c)) if x) or "—"
        rows.append([sheet, c.path, row_value(c, "old", lang), row_value(c, "new", lang), cells])
    head = [t["cmp_sheet"], t["cmp_path"], t["cmp_old"], t["cmp_new"], t["cmp_where"]]
    return Table(head, rows, ["l", "l", "r", "r", "l"])


def _bridge_table(cmp: Comparison, kind: str, lang: str) -> Table | None:
    t = messages(lang)
    bridge = cmp.budget if kind == "budget" else cmp.roi
    if bridge is None or not cmp.groups:
        return None
    rows = []
    for g, step in zip(cmp.groups, bridge.steps, strict=True):
        label = step_label(g, cmp.group_by, step, lang).rsplit("  ", 1)[0]
        rows.append([label, change_text("money" if kind == "budget" else "ratio", step, lang, 4)])
    total = change_text("money" if kind == "budget" else "ratio", bridge.change, lang, 4)
    effect = t["cmp_effect_budget"] if kind == "budget" else t["cmp_effect_roi"]
    return Table([t["cmp_step"], effect], rows, ["l", "r"], foot=[t["cmp_change"], total])


def comparison_view(cmp: Comparison, lang: str) -> ComparisonView:
    t = messages(lang)
    notes = []
    if cmp.same:
        notes.append(t["cmp_same"])
    old_name, new_name = cmp.old.model.campaign.name, cmp.new.model.campaign.name
    if old_name != new_name:
        notes.append(t["cmp_other_campaign"].format(old=old_name, new=new_name))
    if cmp.roi is None and not cmp.same:
        notes.append(t["cmp_no_roi"])
    n = len(cmp.groups)
    orders = f"{factorial(n):,}" if cmp.exact else f"{ORDERS:,}"
    method = t["cmp_method_exact" if cmp.exact else "cmp_method_sampled"].format(n=n, orders=orders, evals=2**n)
    budget_title = t["cmp_budget_bridge"].format(old=t.big(cmp.budget.old), new=t.big(cmp.budget.new))
    charts = cmp.groups and not cmp.same
    return ComparisonView(
        doc_view(cmp.new, lang),
        t["cmp_title"],
        tuple(notes),
        method if cmp.groups else "",
        tuple(step_label(g, cmp.group_by, s, lang) for g, s in cmp.largest()),
        _figures(cmp, lang),
        _scenarios(cmp, lang),
        _changes(cmp, lang),
        _bridge_table(cmp, "budget", lang),
        _bridge_table(cmp, "roi", lang),
        _waterfall("bridge_budget", budget_title, cmp, "budget", lang) if charts else None,
        _waterfall(
            "bridge_roi",
            t["cmp_roi_bridge"].format(old=ratio(cmp.roi.old), new=ratio(cmp.roi.new)),
            cmp,
            "roi",
            lang,
        )
        if charts and cmp.roi is not None
        else None,
    )


def _md_table(table: Table) -> list[str]:
    lines = [f"| {' | '.join(md(h) for h in table.head)} |", f"|{'---|' * len(table.head)}"]
    lines += [f"| {' | '.join(md(c) for c in row)} |" for row in table.rows]
    if table.foot:
        lines.append(f"| {' | '.join(md(c) for c in table.foot)} |")
    return lines


def compare_markdown(view: ComparisonView, cmp: Comparison) -> str:
    t = view.doc.t
    lines = [f"# {md(view.title)}", ""]
    lines.append(f"{md(t['cmp_old'])} `{cmp.old.fingerprint}` → {md(t['cmp_new'])} `{cmp.new.fingerprint}`")
    lines += ["", *[f"> {md(n)}" for n in view.notes]]
    if view.largest:
        lines += ["", f"## {md(t['cmp_largest'])}", "", *[f"1. {md(x)}" for x in view.largest]]
    for title, table in (
        (t["cmp_effect_budget"], view.budget_table),
        (t["cmp_effect_roi"], view.roi_table),
        (t["cmp_figures"], view.figures),
        (t["cmp_scenarios"], view.scenarios),
        (t["cmp_inputs"], view.changes),
    ):
        if table is not None:
            lines += ["", f"## {md(title)}", "", *_md_table(table)]
    if view.method:
        lines += ["", md(view.method)]
    return "\n".join(lines) + "\n"


def write_compare(cmp: Comparison, folder: Path, lang: str, html: bool = False) -> list[str]:
    """compare.md, compare.pdf and its charts into ``folder``; the file names written."""
    from .charts import draw_all
    from .pdf import write_pdf

    view = comparison_view(cmp, lang)
    (folder / "compare.md").write_text(compare_markdown(view, cmp), encoding="utf-8")
    charts = [c for c in (view.budget_chart, view.roi_chart) if c is not None]
    if charts:
        draw_all(charts, folder / "charts")
    page = render("compare.html.j2", doc=view.doc, v=view)
    write_pdf(page, folder, folder / "compare.pdf")
    written = ["compare.md", "compare.pdf", *(["charts/"] if charts else [])]
    if html:
        (folder / "compare.html").write_text(page, encoding="utf-8")
        written.append("compare.html")
    return written
