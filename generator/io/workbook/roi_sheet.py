"""Revenue lines, gross profit, the three ROIs, cost per deal and break-even."""

from __future__ import annotations

from ...i18n.labels import label
from ...results import Results
from ...schema import STAGES
from .book import NUDGE, Book, put_formula, put_text, setup_sheet

HEAD = [
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


def _line(ws, book: Book, x, r: int) -> None:
    """One revenue line: inputs by reference, amount and gross profit by formula."""
    a, row, key = book.refs, r + 1, f"revenue.{x.item}."
    shown = (x.item, label("horizon", x.horizon, book.lang), label("driver", x.driver, book.lang), x.segment or "")
    for col, text in enumerate(shown):
        put_text(ws, r, col, text, book.fmt["text"])
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
    put_text(ws, r, 10, book.names["yes" if x.driver in STAGES else "no"], book.fmt["text"])


def _totals(book: Book, results: Results, last: int) -> list[tuple]:
    """Key, formula (rows named a–j for the first ten), cached value and format of each total."""
    plan, a = results.plan, book.refs
    rev, roi = plan.revenue, plan.roi
    rng = lambda c: f"${c}$2:${c}${last}"  # noqa: E731
    by = lambda col, horizon: f'=SUMIFS({rng(col)},{rng("B")},"{label("horizon", horizon, book.lang)}")'  # noqa: E731
    return [
        ("revenue_campaign", by("H", "campaign"), rev.revenue["campaign"], "money"),
        ("revenue_follow_up", by("H", "follow_up"), rev.revenue["follow_up"], "money"),
        ("revenue_total", "=B{a}+B{b}", rev.revenue["total"], "money_bold"),
        ("gross_profit_campaign", by("J", "campaign"), rev.gross_profit["campaign"], "money"),
        ("gross_profit_follow_up", by("J", "follow_up"), rev.gross_profit["follow_up"], "money"),
        ("gross_profit_total", "=B{d}+B{e}", rev.gross_profit["total"], "money_bold"),
        ("gross_profit_variable", f'=SUMIFS({rng("J")},{rng("K")},"{book.names["yes"]}")', rev.variable_gp, "money"),
        ("budget_total", f"={a['budget_total']}", plan.budget.total, "money"),
        ("marketing_spend", f"={a['marketing_spend']}", plan.budget.marketing_spend, "money"),
        ("deals", f"={a[('count', None, 'deals')]}", plan.funnel.forward.deals, "count"),
        ("roi_campaign", '=IF(B{h}=0,"—",B{d}/B{h})', roi.campaign, "ratio_bold"),
        ("roi_total", '=IF(B{h}=0,"—",B{f}/B{h})', roi.total, "ratio_bold"),
        ("roi_marketing", '=IF(B{i}=0,"—",B{f}/B{i})', roi.marketing, "ratio_bold"),
        ("cost_per_deal", '=IF(B{j}=0,"—",ROUND((B{h}/B{j})*(1+1E-12),2))', roi.cost_per_deal, "money_bold"),
    ]


def _breakeven(ws, book: Book, results: Results, row: int) -> None:
    # d = D·((1+c)·F − Gf) / (Gv − (1+c)·V), F = six − V, Gf = gp_total − Gv
    a, value = book.refs, results.plan.roi.breakeven_deals
    c1 = f"(1+{a['campaign.contingency_rate']})"
    fixed = f"({a['six_total']}-{a['variable']})"
    per_deal = f"({a['gross_profit_variable']}-{c1}*{a['variable']})"
    need = f"({c1}*{fixed}-({a['gross_profit_total']}-{a['gross_profit_variable']}))"
    formula = f'=IF(OR({a["deals"]}=0,{per_deal}<=0),"—",MAX(0,ROUNDUP({a["deals"]}*{need}/{per_deal},0)))'
    put_text(ws, row, 0, book.h("breakeven_deals"), book.fmt["text"])
    put_formula(ws, row, 1, formula, book.fmt["count"], "—" if value is None else value)
    a["breakeven_deals"] = book.ref(book.names["revenue"], row, 1)


def write_revenue(book: Book, results: Results) -> None:
    lines = results.plan.revenue.lines
    name = book.names["revenue"]
    ws = book.wb.add_worksheet(name)
    widths = [22, 12, 10, 12, 12, 12, 10, 14, 10, 14, 8]
    setup_sheet(ws, results.model.campaign.name, results.fingerprint, widths, header_rows=1)
    for c, h in enumerate(HEAD):
        ws.write_string(0, c, book.h(h), book.fmt["head"])
    for r, x in enumerate(lines, start=1):
        _line(ws, book, x, r)
    last = len(lines) + 1
    row = last + 1
    totals = _totals(book, results, last)
    letters = dict(zip("abcdefghij", range(row + 1, row + 11), strict=True))  # 1-based rows of the first ten
    for k, (key, formula, value, fmt) in enumerate(totals):
        put_text(ws, row + k, 0, book.h(key), book.fmt["text"])
        put_formula(ws, row + k, 1, formula.format(**letters), book.fmt[fmt], "—" if value is None else value)
        book.refs[key] = book.ref(name, row + k, 1)
    _breakeven(ws, book, results, row + len(totals))
