"""Revenue lines, gross profit, the three ROIs, cost per deal and break-even."""

from __future__ import annotations

from ...results import Results
from ...schema import STAGES
from .book import NUDGE, Book, put_formula, put_text, setup_sheet


def write_revenue(book: Book, results: Results) -> None:
    model, plan = results.model, results.plan
    rev, roi = plan.revenue, plan.roi
    name = book.names["revenue"]
    ws = book.wb.add_worksheet(name)
    setup_sheet(
        ws, model.campaign.name, results.fingerprint, [22, 12, 10, 12, 12, 12, 10, 14, 10, 14, 8], header_rows=1
    )
    head = [
        "item",
        "horizon",
        "driver",
        "segment",
        "quantity",
        "unit_value",
        "discount",
        "amount",
        "margin",
        "gross_profit",
        "variable",
    ]
    for c, h in enumerate(head):
        ws.write_string(0, c, book.h(h), book.fmt["head"])
    a = book.refs
    yes, no = book.names["yes"], book.names["no"]
    for r, x in enumerate(rev.lines, start=1):
        row = r + 1
        key = f"revenue.{x.item}."
        put_text(ws, r, 0, x.item, book.fmt["text"])
        put_text(ws, r, 1, x.horizon, book.fmt["text"])
        put_text(ws, r, 2, x.driver, book.fmt["text"])
        put_text(ws, r, 3, x.segment or "", book.fmt["text"])
        if x.driver == "lump":
            put_formula(ws, r, 7, f"=ROUND(({a[key + 'lump_sum']})*{NUDGE},2)", book.fmt["money"], x.amount)
        else:
            qty = f"={a[('count', x.segment, x.driver)]}" if x.driver in STAGES else f"={a[key + 'quantity']}"
            put_formula(ws, r, 4, qty, book.fmt["number"], x.quantity)
            put_formula(ws, r, 5, f"={a[key + 'unit_value']}", book.fmt["money"], x.unit_value)
            put_formula(ws, r, 6, f"={a[key + 'discount']}", book.fmt["pct"], x.discount)
            put_formula(ws, r, 7, f"=ROUND((E{row}*F{row}*(1-G{row}))*{NUDGE},2)", book.fmt["money"], x.amount)
        put_formula(ws, r, 8, f"={a[key + 'margin']}", book.fmt["pct"], x.margin)
        put_formula(ws, r, 9, f"=ROUND((H{row}*I{row})*{NUDGE},2)", book.fmt["money"], x.gross_profit)
        put_text(ws, r, 10, yes if x.driver in STAGES else no, book.fmt["text"])
    last = len(rev.lines) + 1
    rng = lambda c: f"${c}$2:${c}${last}"  # noqa: E731
    row = last + 1
    totals = [
        ("revenue_campaign", f'=SUMIFS({rng("H")},{rng("B")},"campaign")', rev.revenue["campaign"], "money"),
        ("revenue_follow_up", f'=SUMIFS({rng("H")},{rng("B")},"follow_up")', rev.revenue["follow_up"], "money"),
        ("revenue_total", "=B{a}+B{b}", rev.revenue["total"], "money_bold"),
        ("gross_profit_campaign", f'=SUMIFS({rng("J")},{rng("B")},"campaign")', rev.gross_profit["campaign"], "money"),
        (
            "gross_profit_follow_up",
            f'=SUMIFS({rng("J")},{rng("B")},"follow_up")',
            rev.gross_profit["follow_up"],
            "money",
        ),
        ("gross_profit_total", "=B{d}+B{e}", rev.gross_profit["total"], "money_bold"),
        ("gross_profit_variable", f'=SUMIFS({rng("J")},{rng("K")},"{yes}")', rev.variable_gp, "money"),
        ("budget_total", f"={a['budget_total']}", plan.budget.total, "money"),
        ("marketing_spend", f"={a['marketing_spend']}", plan.budget.marketing_spend, "money"),
        ("deals", f"={a[('count', None, 'deals')]}", plan.funnel.forward.deals, "count"),
        ("roi_campaign", '=IF(B{h}=0,"—",B{d}/B{h})', roi.campaign, "ratio_bold"),
        ("roi_total", '=IF(B{h}=0,"—",B{f}/B{h})', roi.total, "ratio_bold"),
        ("roi_marketing", '=IF(B{i}=0,"—",B{f}/B{i})', roi.marketing, "ratio_bold"),
        ("cost_per_deal", '=IF(B{j}=0,"—",ROUND((B{h}/B{j})*(1+1E-12),2))', roi.cost_per_deal, "money_bold"),
    ]
    letters = dict(zip("abcdefghij", range(row + 1, row + 11), strict=True))  # 1-based rows of the first ten
    for k, (key, formula, value, fmt) in enumerate(totals):
        put_text(ws, row + k, 0, book.h(key), book.fmt["text"])
        put_formula(ws, row + k, 1, formula.format(**letters), book.fmt[fmt], "—" if value is None else value)
        a[key] = book.ref(name, row + k, 1)
    row += len(totals)
    # break-even: d = D·((1+c)·F − Gf) / (Gv − (1+c)·V), F = six − V, Gf = gp_total − Gv
    c1 = f"(1+{a['campaign.contingency_rate']})"
    fixed = f"({a['six_total']}-{a['variable']})"
    per_deal = f"({a['gross_profit_variable']}-{c1}*{a['variable']})"
    need = f"({c1}*{fixed}-({a['gross_profit_total']}-{a['gross_profit_variable']}))"
    formula = f'=IF(OR({a["deals"]}=0,{per_deal}<=0),"—",MAX(0,ROUNDUP({a["deals"]}*{need}/{per_deal},0)))'
    put_text(ws, row, 0, book.h("breakeven_deals"), book.fmt["text"])
    put_formula(ws, row, 1, formula, book.fmt["count"], "—" if roi.breakeven_deals is None else roi.breakeven_deals)
    a["breakeven_deals"] = book.ref(name, row, 1)
