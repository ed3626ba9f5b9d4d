"""retro.xlsx: plan and actuals as input cells, variances as formulas, native charts."""

from __future__ import annotations

from pathlib import Path

from ..calc.retro import HEADLINE, Retro
from ..calc.tracking import RATE_PAIRS, plan_pace
from ..labels import label
from ..results import Results
from ..rounding import round_count
from .workbook.book import NUDGE, Book, number, put_formula, put_text, setup_sheet

SHEETS = {
    "zh": {
        "summary": "概览",
        "daily": "每日",
        "costs": "成本",
        "revenue": "收入",
        "rates": "转化率",
        "lessons": "经验",
    },
    "en": {
        "summary": "Summary",
        "daily": "Daily",
        "costs": "Costs",
        "revenue": "Revenue",
        "rates": "Rates",
        "lessons": "Lessons",
    },
}
DAILY_COLS = ("day", "reached", "opened", "booked", "arrived", "deals", "revenue")


def _head(ws, book: Book, row: int, head: list[str]) -> None:
    for c, h in enumerate(head):
        ws.write_string(row, c, book.h(h), book.fmt["head"])


def _input(ws, book: Book, row: int, col: int, value, fmt: str) -> None:
    if value is None:
        ws.write_blank(row, col, None, book.fmt[fmt])
    else:
        ws.write_number(row, col, float(value), book.fmt[fmt])


def write_retro_workbook(results: Results, r: Retro, path: Path, lang: str = "zh") -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    )
    book = Book(wb, lang)
    names = SHEETS[lang]
    c = results.model.campaign
    red = wb.add_format({"bg_color": "#F6D7D3", "font_color": "#7A1F15"})
    sheets = {k: wb.add_worksheet(v) for k, v in names.items()}
    for key, ws in sheets.items():
        setup_sheet(
            ws,
            c.name,
            results.fingerprint,
            [22, 14, 14, 14, 14, 14, 14, 14, 14],
            header_rows=1 if key != "summary" else 0,
        )

    # daily: inputs, cumulative deals and the plan's pace as formulas
    ws, dn = sheets["daily"], names["daily"]
    _head(ws, book, 0, [*DAILY_COLS, "cumulative_deals", "plan_cumulative"])
    days = sorted(r.days, key=lambda d: d.day)
    running = 0
    for i, d in enumerate(days, start=1):
        for col, key in enumerate(DAILY_COLS):
            value = d.day if key == "day" else d.get(key)
            _input(ws, book, i, col, value, "in_money" if key == "revenue" else "in_count")
        running += d.deals or 0
        put_formula(ws, i, 7, f"=SUM($F$2:F{i + 1})", book.fmt["count"], running)
        put_formula(
            ws,
            i,
            8,
            f"=ROUND(({c.target_deals}*A{i + 1}/{c.execution_days})*{NUDGE},0)",
            book.fmt["count"],
            round_count(plan_pace(c.target_deals, d.day, c.execution_days)),
        )
    last = len(days) + 1
    col = lambda letter: f"'{dn}'!${letter}$2:${letter}${last}"  # noqa: E731

    # costs: plan and actual inputs, variance formulas; a category table for the chart
    ws, cn = sheets["costs"], names["costs"]
    _head(ws, book, 0, ["item", "category", "plan", "actual", "variance", "variance %"])
    rows = [(x.item, label("category", x.category, lang), x.plan, x.actual) for x in r.lines]
    rows.append(("contingency", label("category", "contingency", lang), r.contingency_reserved, r.contingency_used))
    for i, (item, cat, plan, actual) in enumerate(rows, start=1):
        put_text(ws, i, 0, item, book.fmt["text"])
        put_text(ws, i, 1, cat, book.fmt["text"])
        _input(ws, book, i, 2, plan, "in_money")
        _input(ws, book, i, 3, actual, "in_money")
        var = None if actual is None else actual - plan
        put_formula(ws, i, 4, f'=IF(D{i + 1}="","",D{i + 1}-C{i + 1})', book.fmt["money"], "" if var is None else var)
        put_formula(
            ws,
            i,
            5,
            f'=IF(OR(D{i + 1}="",C{i + 1}=0),"",E{i + 1}/C{i + 1})',
            book.fmt["pct"],
            "" if var is None or not plan else var / plan,
        )
    n = len(rows) + 1
    ws.conditional_format(1, 4, n - 1, 4, {"type": "cell", "criteria": ">", "value": 0, "format": red})
    cat_row = n + 1
    _head(ws, book, cat_row, ["category", "plan", "actual"])
    for k, (cat, (plan, actual)) in enumerate(r.categories.items(), start=cat_row + 1):
        name = label("category", cat, lang)
        put_text(ws, k, 0, name, book.fmt["text"])
        put_formula(ws, k, 1, f"=SUMIFS($C$2:$C${n},$B$2:$B${n},A{k + 1})", book.fmt["money"], plan)
        put_formula(ws, k, 2, f"=SUMIFS($D$2:$D${n},$B$2:$B${n},A{k + 1})", book.fmt["money"], actual)
    cat_last = cat_row + len(r.categories)

    # revenue: plan, actual and margin inputs; actual gross profit by formula
    ws, rn = sheets["revenue"], names["revenue"]
    _head(ws, book, 0, ["item", "plan", "actual", "margin", "actual_gross_profit", "variance"])
    for i, (item, plan, actual, margin, gp) in enumerate(r.revenue_lines, start=1):
        put_text(ws, i, 0, item, book.fmt["text"])
        _input(ws, book, i, 1, plan, "in_money")
        _input(ws, book, i, 2, actual, "in_money")
        _input(ws, book, i, 3, margin, "in_pct")
        put_formula(ws, i, 4, f"=ROUND((C{i + 1}*D{i + 1})*{NUDGE},2)", book.fmt["money"], gp)
        put_formula(ws, i, 5, f"=C{i + 1}-B{i + 1}", book.fmt["money"], actual - plan)
    rl = len(r.revenue_lines) + 1

    # rates: plan inputs, actual from the daily table (days reporting both figures)
    ws = sheets["rates"]
    _head(ws, book, 0, ["rate", "plan", "actual", "variance"])
    letters = dict(zip(DAILY_COLS, "ABCDEFG", strict=True))
    for i, (name, (num, den)) in enumerate(RATE_PAIRS.items(), start=1):
        put_text(ws, i, 0, label("metric", name, lang), book.fmt["text"])
        _input(ws, book, i, 1, r.rates_plan[name], "in_pct")
        both = f'({col(letters[num])}<>"")*({col(letters[den])}<>"")'
        actual = r.rates_actual[name]
        put_formula(
            ws,
            i,
            2,
            f'=IFERROR(SUMPRODUCT({both},{col(letters[num])})/SUMPRODUCT({both},{col(letters[den])}),"")',
            book.fmt["pct"],
            "" if actual is None else actual,
        )
        put_formula(
            ws,
            i,
            3,
            f'=IF(C{i + 1}="","",C{i + 1}-B{i + 1})',
            book.fmt["pct"],
            "" if actual is None or r.rates_plan[name] is None else actual - r.rates_plan[name],
        )
    ws.conditional_format(1, 3, len(RATE_PAIRS), 3, {"type": "cell", "criteria": "<", "value": 0, "format": red})

    # lessons
    ws = sheets["lessons"]
    _head(ws, book, 0, ["kind", "text"])
    ws.set_column(1, 1, 90)
    for i, (kind, text) in enumerate(r.lessons, start=1):
        put_text(ws, i, 0, kind, book.fmt["text"])
        put_text(ws, i, 1, text, book.fmt["text"])

    # summary: plan (input) vs actual (formulas over the actuals), variance, defined names
    ws, sn = sheets["summary"], names["summary"]
    ws.write_string(0, 0, f"{'复盘' if lang == 'zh' else 'Retrospective'} · {c.name}", book.fmt["title"])
    ws.write_string(1, 0, f"fingerprint {results.fingerprint}", book.fmt["note"])
    _head(ws, book, 3, ["metric", "plan", "actual", "variance", "variance %"])
    actual_formulas = {
        "deals": f"=SUM({col('F')})",
        "revenue_total": f"=SUM('{rn}'!$C$2:$C${rl})",
        "budget_total": f"=SUM('{cn}'!$D$2:$D${n})",
        "gross_profit_total": f"=SUM('{rn}'!$E$2:$E${rl})",
        "roi_total": '=IF(C7=0,"—",C8/C7)',
    }
    fmts = {"deals": ("in_count", "count"), "roi_total": ("in_number", "ratio")}
    for i, key in enumerate(HEADLINE, start=4):
        plan_fmt, fmt = fmts.get(key, ("in_money", "money"))
        put_text(ws, i, 0, book.h(key), book.fmt["text"])
        _input(ws, book, i, 1, r.plan[key], plan_fmt)
        put_formula(ws, i, 2, actual_formulas[key], book.fmt[fmt], "—" if r.actual[key] is None else r.actual[key])
        var = r.variance[key]
        put_formula(
            ws,
            i,
            3,
            f'=IFERROR(C{i + 1}-B{i + 1},"")',
            book.fmt["ratio" if key == "roi_total" else fmt],
            "" if var is None else var,
        )
        pct = r.variance_pct[key]
        put_formula(
            ws, i, 4, f'=IFERROR(IF(B{i + 1}=0,"",D{i + 1}/B{i + 1}),"")', book.fmt["pct"], "" if pct is None else pct
        )
    ws.conditional_format(6, 3, 6, 3, {"type": "cell", "criteria": ">", "value": 0, "format": red})
    for row in (4, 5, 7, 8):
        ws.conditional_format(row, 3, row, 3, {"type": "cell", "criteria": "<", "value": 0, "format": red})
    for name, row in (
        ("actual_deals", 4),
        ("actual_budget_total", 6),
        ("actual_gross_profit_total", 7),
        ("actual_roi_total", 8),
    ):
        wb.define_name(name, "=" + book.ref(sn, row, 2))

    charts = [
        (
            "column",
            "plan vs actual by category" if lang == "en" else "各类别计划 vs 实际",
            [(cn, "plan", 1, cat_row + 1, cat_last, 0), (cn, "actual", 2, cat_row + 1, cat_last, 0)],
        ),
        ("column", "deals per day" if lang == "en" else "每日成交", [(dn, "deals", 5, 1, last - 1, 0)]),
        (
            "line",
            "cumulative deals vs target" if lang == "en" else "累计成交 vs 目标进度",
            [(dn, "cumulative", 7, 1, last - 1, 0), (dn, "plan", 8, 1, last - 1, 0)],
        ),
    ]
    for k, (kind, title, series) in enumerate(charts):
        chart = wb.add_chart({"type": kind})
        for sheet, name, vcol, first, end, ccol in series:
            chart.add_series(
                {"name": name, "categories": [sheet, first, ccol, end, ccol], "values": [sheet, first, vcol, end, vcol]}
            )
        chart.set_title({"name": title})
        chart.set_size({"width": 520, "height": 280})
        ws.insert_chart(11 + k * 15, 0, chart)
    wb.close()


__all__ = ["number", "write_retro_workbook"]
