"""The head office's roll-up of a batch: one row per campaign, totals, ROI vs budget."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..calc.roi import ratio
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


def write_portfolio_workbook(outcomes, path: Path) -> None:
    import xlsxwriter

    from .workbook.book import put_formula, put_text

    wb = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    )
    wb.set_properties({"author": "budgetgen", "comments": "written by budgetgen"})
    ws = wb.add_worksheet("portfolio")
    head = wb.add_format({"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E79"})
    money = wb.add_format({"num_format": "#,##0.00"})
    count = wb.add_format({"num_format": "#,##0"})
    ratio = wb.add_format({"num_format": '0.00":1"'})
    bold_money = wb.add_format({"num_format": "#,##0.00", "bold": True, "top": 1})
    bold_count = wb.add_format({"num_format": "#,##0", "bold": True, "top": 1})
    bold_ratio = wb.add_format({"num_format": '0.00":1"', "bold": True, "top": 1})
    columns = [
        "campaign",
        "input",
        "budget_total",
        "deals",
        "revenue_total",
        "gross_profit_total",
        "roi_total",
        "cost_per_deal",
        "feasible",
        "error",
    ]
    for c, h in enumerate(columns):
        ws.write_string(0, c, h, head)
    ws.set_column(0, 1, 28)
    ws.set_column(2, 8, 14)
    ws.set_column(9, 9, 60)
    ws.freeze_panes(1, 0)
    for r, o in enumerate(outcomes, start=1):
        put_text(ws, r, 0, o.name or o.slug)
        put_text(ws, r, 1, o.input)
        if o.ok:
            ws.write_number(r, 2, float(o.budget_total), money)
            ws.write_number(r, 3, o.deals, count)
            ws.write_number(r, 4, float(o.revenue_total), money)
            ws.write_number(r, 5, float(o.gross_profit_total), money)
            put_formula(ws, r, 6, f'=IF(C{r + 1}=0,"",F{r + 1}/C{r + 1})', ratio, o.roi_total)
            put_formula(ws, r, 7, f'=IF(D{r + 1}=0,"",ROUND((C{r + 1}/D{r + 1})*(1+1E-12),2))', money, o.cost_per_deal)
            put_text(ws, r, 8, "yes" if o.feasible else "no")
        else:
            put_text(ws, r, 9, "; ".join(o.errors)[:2000])
    n = len(outcomes) + 1
    t = totals(outcomes)
    put_text(ws, n, 0, "total")
    for col, key, fmt in (
        (2, "budget_total", bold_money),
        (3, "deals", bold_count),
        (4, "revenue_total", bold_money),
        (5, "gross_profit_total", bold_money),
    ):
        letter = chr(65 + col)
        put_formula(ws, n, col, f"=SUM({letter}2:{letter}{n})", fmt, t[key])
    put_formula(ws, n, 6, f'=IF(C{n + 1}=0,"",F{n + 1}/C{n + 1})', bold_ratio, t["roi_total"])
    put_formula(ws, n, 7, f'=IF(D{n + 1}=0,"",ROUND((C{n + 1}/D{n + 1})*(1+1E-12),2))', bold_money, t["cost_per_deal"])
    chart = wb.add_chart({"type": "scatter"})
    chart.add_series(
        {
            "name": "ROI vs budget",
            "categories": ["portfolio", 1, 2, n - 1, 2],
            "values": ["portfolio", 1, 6, n - 1, 6],
            "marker": {"type": "circle", "size": 7},
        }
    )
    chart.set_title({"name": "ROI vs budget"})
    chart.set_x_axis({"name": "budget_total (CNY)"})
    chart.set_y_axis({"name": "roi_total"})
    chart.set_legend({"none": True})
    ws.insert_chart(n + 2, 0, chart)
    wb.close()
