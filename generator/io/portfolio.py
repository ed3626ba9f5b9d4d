"""The head office's roll-up of a batch: one row per campaign, totals, ROI vs budget."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..calc.roi import ratio
from ..i18n.workbook import PORTFOLIO
from ..jsonout import Money
from ..rounding import div, to_fen


def totals(outcomes) -> dict:
    built = [o for o in outcomes if o.ok]
    budget = sum((o.budget_total for o in built), Decimal(0))
    gp = sum((o.gross_profit_total for o in built), Decimal(0))
    deals = sum(o.deals for o in built)
    return {
        "campaigns": len(built),
        "failed": len(outcomes) - len(built),
        "budget_total": budget,
        "deals": deals,
        "revenue_total": sum((o.revenue_total for o in built), Decimal(0)),
        "gross_profit_total": gp,
        "roi_total": ratio(gp, budget),
        "cost_per_deal": to_fen(div(budget, deals)) if deals else None,
    }


def portfolio_dict(outcomes) -> dict:
    def money(v):
        return None if v is None else Money(v)

    t = totals(outcomes)
    return {
        "tool": "budgetgen",
        "campaigns": [
            {
                "slug": o.slug,
                "input": o.input,
                "name": o.name or None,
                "budget_total": money(o.budget_total),
                "deals": o.deals,
                "revenue_total": money(o.revenue_total),
                "gross_profit_total": money(o.gross_profit_total),
                "roi_total": o.roi_total,
                "cost_per_deal": money(o.cost_per_deal),
                "feasible": o.feasible,
                "errors": list(o.errors),
            }
            for o in outcomes
        ],
        "totals": {
            k: (money(v) if k in ("budget_total", "revenue_total", "gross_profit_total", "cost_per_deal") else v)
            for k, v in t.items()
        },
    }


SUMMED = (("budget_total", "money"), ("deals", "count"), ("revenue_total", "money"), ("gross_profit_total", "money"))


def _formats(wb) -> dict[str, object]:
    add = wb.add_format
    plain = {"money": "#,##0.00", "count": "#,##0", "ratio": '0.00":1"'}
    fmts = {"head": add({"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E79"})}
    for key, num in plain.items():
        fmts[key] = add({"num_format": num})
        fmts[f"bold_{key}"] = add({"num_format": num, "bold": True, "top": 1})
    return fmts


def _ratios(ws, fmts: dict, r: int, bold: str, roi: object, cost: object) -> None:
    """ROI and cost per deal of row ``r`` (0-based) from its budget, deals and gross profit."""
    from .workbook.book import put_formula

    x = r + 1
    put_formula(ws, r, 6, f'=IF(C{x}=0,"",F{x}/C{x})', fmts[bold + "ratio"], roi)
    put_formula(ws, r, 7, f'=IF(D{x}=0,"",ROUND((C{x}/D{x})*(1+1E-12),2))', fmts[bold + "money"], cost)


def _campaign_row(ws, fmts: dict, r: int, o, words: dict) -> None:
    from .workbook.book import put_text

    put_text(ws, r, 0, o.name or o.slug)
    put_text(ws, r, 1, o.input)
    if not o.ok:
        put_text(ws, r, 9, "; ".join(o.errors)[:2000])
        return
    for col, (key, fmt) in enumerate(SUMMED, start=2):
        ws.write_number(r, col, float(getattr(o, key)), fmts[fmt])
    _ratios(ws, fmts, r, "", o.roi_total, o.cost_per_deal)
    put_text(ws, r, 8, words["yes" if o.feasible else "no"])


def _chart(wb, ws, n: int, words: dict) -> None:
    chart = wb.add_chart({"type": "scatter"})
    chart.add_series(
        {
            "name": words["chart"],
            "categories": [words["sheet"], 1, 2, n - 1, 2],
            "values": [words["sheet"], 1, 6, n - 1, 6],
            "marker": {"type": "circle", "size": 7},
        }
    )
    chart.set_title({"name": words["chart"]})
    chart.set_x_axis({"name": words["x_axis"]})
    chart.set_y_axis({"name": words["y_axis"]})
    chart.set_legend({"none": True})
    ws.insert_chart(n + 2, 0, chart)


def write_portfolio_workbook(outcomes, path: Path, lang: str = "zh") -> None:
    import xlsxwriter

    from .workbook.book import put_formula, put_text

    options = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    wb = xlsxwriter.Workbook(str(path), options)
    wb.set_properties({"author": "budgetgen", "comments": "written by budgetgen"})
    words = PORTFOLIO[lang]
    ws = wb.add_worksheet(words["sheet"])
    fmts = _formats(wb)
    for c, h in enumerate(words["head"]):
        ws.write_string(0, c, h, fmts["head"])
    ws.set_column(0, 1, 28)
    ws.set_column(2, 8, 14)
    ws.set_column(9, 9, 60)
    ws.freeze_panes(1, 0)
    for r, o in enumerate(outcomes, start=1):
        _campaign_row(ws, fmts, r, o, words)
    n = len(outcomes) + 1
    t = totals(outcomes)
    put_text(ws, n, 0, words["total"])
    for col, (key, fmt) in enumerate(SUMMED, start=2):
        letter = chr(65 + col)
        put_formula(ws, n, col, f"=SUM({letter}2:{letter}{n})", fmts["bold_" + fmt], t[key])
    _ratios(ws, fmts, n, "bold_", t["roi_total"], t["cost_per_deal"])
    _chart(wb, ws, n, words)
    wb.close()
