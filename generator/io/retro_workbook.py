"""retro.xlsx: plan and actuals as input cells, variances as formulas, native charts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..calc.retro import HEADLINE, WITH_FOLLOW_UP, Retro
from ..calc.tracking import RATE_PAIRS, plan_pace
from ..i18n.labels import label
from ..i18n.workbook import RETRO_SHEETS
from ..results import Results
from ..rounding import round_count
from .workbook.book import NUDGE, Book, number, put_formula, put_text, setup_sheet

DAILY_COLS = ("day", "reached", "opened", "booked", "arrived", "deals", "revenue")
LETTERS = dict(zip(DAILY_COLS, "ABCDEFG", strict=True))
SUMMARY_FIRST = 4  # the row of HEADLINE[0] on the summary sheet


@dataclass
class _Ctx:
    """What every sheet of the workbook needs: the book, the retro and where things landed."""

    book: Book
    results: Results
    r: Retro
    names: dict[str, str]
    red: object
    daily_last: int = 1  # 1-based row of the last day
    cost_last: int = 1
    cat_rows: tuple[int, int] = (0, 0)  # 0-based first and last rows of the category table
    revenue_last: int = 1

    @property
    def lang(self) -> str:
        return self.book.lang

    def daily_col(self, key: str) -> str:
        letter = LETTERS[key]
        return f"'{self.names['daily']}'!${letter}$2:${letter}${self.daily_last}"


def _head(ws, book: Book, row: int, head: list[str]) -> None:
    for c, h in enumerate(head):
        ws.write_string(row, c, book.h(h), book.fmt["head"])


def _input(ws, book: Book, row: int, col: int, value, fmt: str) -> None:
    if value is None:
        ws.write_blank(row, col, None, book.fmt[fmt])
    else:
        ws.write_number(row, col, float(value), book.fmt[fmt])


def _daily(ws, x: _Ctx) -> None:
    """Inputs, cumulative deals and the plan's pace as formulas."""
    book, c = x.book, x.results.model.campaign
    _head(ws, book, 0, [*DAILY_COLS, "cumulative_deals", "plan_cumulative"])
    days = sorted(x.r.days, key=lambda d: d.day)
    for i, (d, (_, running)) in enumerate(zip(days, x.r.cumulative_deals, strict=True), start=1):
        for col, key in enumerate(DAILY_COLS):
            value = d.day if key == "day" else d.get(key)
            _input(ws, book, i, col, value, "in_money" if key == "revenue" else "in_count")
        put_formula(ws, i, 7, f"=SUM($F$2:F{i + 1})", book.fmt["count"], running)
        pace = round_count(plan_pace(c.target_deals, d.day, c.execution_days))
        formula = f"=ROUND(({c.target_deals}*A{i + 1}/{c.execution_days})*{NUDGE},0)"
        put_formula(ws, i, 8, formula, book.fmt["count"], pace)
    x.daily_last = len(days) + 1


def _cost_rows(x: _Ctx) -> list[tuple]:
    rows = [(v.item, label("category", v.category, x.lang), v.plan, v.actual) for v in x.r.lines]
    contingency = label("category", "contingency", x.lang)
    rows.append(("contingency", contingency, x.r.contingency_reserved, x.r.contingency_used))
    return rows


def _costs(ws, x: _Ctx) -> None:
    """Plan and actual inputs, variance formulas; a category table for the chart."""
    book = x.book
    _head(ws, book, 0, ["item", "category", "plan", "actual", "variance", "variance %"])
    rows = _cost_rows(x)
    for i, (item, cat, plan, actual) in enumerate(rows, start=1):
        put_text(ws, i, 0, item, book.fmt["text"])
        put_text(ws, i, 1, cat, book.fmt["text"])
        _input(ws, book, i, 2, plan, "in_money")
        _input(ws, book, i, 3, actual, "in_money")
        var = None if actual is None else actual - plan
        put_formula(ws, i, 4, f'=IF(D{i + 1}="","",D{i + 1}-C{i + 1})', book.fmt["money"], "" if var is None else var)
        pct = "" if var is None or not plan else var / plan
        put_formula(ws, i, 5, f'=IF(OR(D{i + 1}="",C{i + 1}=0),"",E{i + 1}/C{i + 1})', book.fmt["pct"], pct)
    n = len(rows) + 1
    ws.conditional_format(1, 4, n - 1, 4, {"type": "cell", "criteria": ">", "value": 0, "format": x.red})
    cat_row = n + 1
    _head(ws, book, cat_row, ["category", "plan", "actual"])
    for k, (cat, (plan, actual)) in enumerate(x.r.categories.items(), start=cat_row + 1):
        put_text(ws, k, 0, label("category", cat, x.lang), book.fmt["text"])
        put_formula(ws, k, 1, f"=SUMIFS($C$2:$C${n},$B$2:$B${n},A{k + 1})", book.fmt["money"], plan)
        put_formula(ws, k, 2, f"=SUMIFS($D$2:$D${n},$B$2:$B${n},A{k + 1})", book.fmt["money"], actual)
    x.cost_last = n
    x.cat_rows = (cat_row + 1, cat_row + len(x.r.categories))


def _revenue(ws, x: _Ctx) -> None:
    """Plan, actual and margin inputs; actual gross profit by formula."""
    book = x.book
    _head(ws, book, 0, ["item", "plan", "actual", "margin", "actual_gross_profit", "variance", "horizon"])
    for i, (item, plan, actual, margin, gp, horizon) in enumerate(x.r.revenue_lines, start=1):
        put_text(ws, i, 0, item, book.fmt["text"])
        _input(ws, book, i, 1, plan, "in_money")
        _input(ws, book, i, 2, actual, "in_money")
        _input(ws, book, i, 3, margin, "in_pct")
        put_formula(ws, i, 4, f"=ROUND((C{i + 1}*D{i + 1})*{NUDGE},2)", book.fmt["money"], gp)
        put_formula(ws, i, 5, f"=C{i + 1}-B{i + 1}", book.fmt["money"], actual - plan)
        put_text(ws, i, 6, label("horizon", horizon, x.lang), book.fmt["text"])
    x.revenue_last = len(x.r.revenue_lines) + 1


def _rates(ws, x: _Ctx) -> None:
    """Plan inputs; actual from the daily table (days reporting both figures)."""
    book, r = x.book, x.r
    _head(ws, book, 0, ["rate", "plan", "actual", "variance"])
    for i, (name, (num, den)) in enumerate(RATE_PAIRS.items(), start=1):
        put_text(ws, i, 0, label("metric", name, x.lang), book.fmt["text"])
        _input(ws, book, i, 1, r.rates_plan[name], "in_pct")
        top, bottom = x.daily_col(num), x.daily_col(den)
        both = f'({top}<>"")*({bottom}<>"")'
        actual = r.rates_actual[name]
        formula = f'=IFERROR(SUMPRODUCT({both},{top})/SUMPRODUCT({both},{bottom}),"")'
        put_formula(ws, i, 2, formula, book.fmt["pct"], "" if actual is None else actual)
        plan = r.rates_plan[name]
        var = "" if actual is None or plan is None else actual - plan
        put_formula(ws, i, 3, f'=IF(C{i + 1}="","",C{i + 1}-B{i + 1})', book.fmt["pct"], var)
    ws.conditional_format(1, 3, len(RATE_PAIRS), 3, {"type": "cell", "criteria": "<", "value": 0, "format": x.red})


def _lessons(ws, x: _Ctx) -> None:
    _head(ws, x.book, 0, ["kind", "text"])
    ws.set_column(1, 1, 90)
    for i, (kind, text) in enumerate(x.r.lessons, start=1):
        put_text(ws, i, 0, kind, x.book.fmt["text"])
        put_text(ws, i, 1, text, x.book.fmt["text"])


def _summary_formulas(x: _Ctx) -> dict[str, str]:
    """The actual column: formulas over the other sheets' actuals."""
    rn, cn = x.names["revenue"], x.names["costs"]
    row = {key: SUMMARY_FIRST + i + 1 for i, key in enumerate(HEADLINE)}  # 1-based
    budget = f"C{row['budget_total']}"
    col = lambda c: f"'{rn}'!${c}$2:${c}${x.revenue_last}"  # noqa: E731
    campaign = f'{col("G")},"{label("horizon", "campaign", x.lang)}"'
    return {
        "deals": f"=SUM({x.daily_col('deals')})",
        "budget_total": f"=SUM('{cn}'!$D$2:$D${x.cost_last})",
        "revenue_campaign": f"=SUMIFS({col('C')},{campaign})",
        "gross_profit_campaign": f"=SUMIFS({col('E')},{campaign})",
        "roi_campaign": f'=IF({budget}=0,"—",C{row["gross_profit_campaign"]}/{budget})',
        "revenue_total": f"=SUM({col('C')})",
        "gross_profit_total": f"=SUM({col('E')})",
        "roi_total": f'=IF({budget}=0,"—",C{row["gross_profit_total"]}/{budget})',
    }


def _summary(ws, x: _Ctx) -> None:
    """Plan (input) vs actual (formulas over the actuals), variance, defined names."""
    book, r, c = x.book, x.r, x.results.model.campaign
    ws.write_string(0, 0, f"{book.h('retrospective')} · {c.name}", book.fmt["title"])
    ws.write_string(1, 0, f"fingerprint {x.results.fingerprint}", book.fmt["note"])
    _head(ws, book, SUMMARY_FIRST - 1, ["metric", "plan", "actual", "variance", "variance %"])
    formulas = _summary_formulas(x)
    fmts = {"deals": ("in_count", "count"), "roi_total": ("in_ratio", "ratio"), "roi_campaign": ("in_ratio", "ratio")}
    for i, key in enumerate(HEADLINE, start=SUMMARY_FIRST):
        plan_fmt, fmt = fmts.get(key, ("in_money", "money"))
        put_text(ws, i, 0, book.h(key), book.fmt["text"])
        _input(ws, book, i, 1, r.plan[key], plan_fmt)
        if r.follow_up_pending and key in WITH_FOLLOW_UP:  # not known until follow-up revenue is reported
            put_text(ws, i, 2, book.h("pending"), book.fmt["text"])
        else:
            put_formula(ws, i, 2, formulas[key], book.fmt[fmt], "—" if r.actual[key] is None else r.actual[key])
        var, pct = r.variance[key], r.variance_pct[key]
        var_fmt = book.fmt["number2" if key.startswith("roi") else fmt]  # a difference of ratios is not a ratio
        put_formula(ws, i, 3, f'=IFERROR(C{i + 1}-B{i + 1},"")', var_fmt, "" if var is None else var)
        pct_formula = f'=IFERROR(IF(B{i + 1}=0,"",D{i + 1}/B{i + 1}),"")'
        put_formula(ws, i, 4, pct_formula, book.fmt["pct"], "" if pct is None else pct)
        # spending more is bad; every other headline figure is bad when it falls short
        criteria = ">" if key == "budget_total" else "<"
        ws.conditional_format(i, 3, i, 3, {"type": "cell", "criteria": criteria, "value": 0, "format": x.red})
        if key != "revenue_total":
            x.book.wb.define_name(f"actual_{key}", "=" + book.ref(x.names["summary"], i, 2))


def _charts(ws, x: _Ctx) -> None:
    book, dn, cn = x.book, x.names["daily"], x.names["costs"]
    first_cat, last_cat = x.cat_rows
    last_day = x.daily_last - 1
    charts = [
        (
            "column",
            book.h("plan vs actual by category"),
            [(cn, "plan", 1, first_cat, last_cat, 0), (cn, "actual", 2, first_cat, last_cat, 0)],
        ),
        ("column", book.h("deals per day"), [(dn, "deals", 5, 1, last_day, 0)]),
        (
            "line",
            book.h("cumulative deals vs target"),
            [(dn, "cumulative_deals", 7, 1, last_day, 0), (dn, "plan_cumulative", 8, 1, last_day, 0)],
        ),
    ]
    for k, (kind, title, series) in enumerate(charts):
        chart = book.wb.add_chart({"type": kind})
        for sheet, name, vcol, first, end, ccol in series:
            chart.add_series(
                {
                    "name": book.h(name),
                    "categories": [sheet, first, ccol, end, ccol],
                    "values": [sheet, first, vcol, end, vcol],
                }
            )
        chart.set_title({"name": title})
        chart.set_size({"width": 520, "height": 280})
        ws.insert_chart(SUMMARY_FIRST + len(HEADLINE) + 2 + k * 15, 0, chart)


def write_retro_workbook(results: Results, r: Retro, path: Path, lang: str = "zh") -> None:
    import xlsxwriter

    options = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    wb = xlsxwriter.Workbook(str(path), options)
    book = Book(wb, lang)
    red = wb.add_format({"bg_color": "#F6D7D3", "font_color": "#7A1F15"})
    x = _Ctx(book, results, r, RETRO_SHEETS[lang], red)
    sheets = {k: wb.add_worksheet(v) for k, v in x.names.items()}
    for key, ws in sheets.items():
        widths = [22, 14, 14, 14, 14, 14, 14, 14, 14]
        setup_sheet(ws, results.model.campaign.name, results.fingerprint, widths, header_rows=int(key != "summary"))
    for key, write in (
        ("daily", _daily),
        ("costs", _costs),
        ("revenue", _revenue),
        ("rates", _rates),
        ("lessons", _lessons),
        ("summary", _summary),
    ):
        write(sheets[key], x)
    _charts(sheets["summary"], x)
    wb.close()


__all__ = ["number", "write_retro_workbook"]
