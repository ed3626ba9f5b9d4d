"""Write budget.xlsx: cover, assumptions, the live model sheets, computed-value sheets."""

from __future__ import annotations

from pathlib import Path

from ...i18n.labels import param_label
from ...i18n.workbook import TEXTS
from ...results import Results
from .assumptions import write_assumptions
from .book import Book, put_text, setup_sheet
from .model_sheets import write_categories, write_funnel, write_lines
from .roi_sheet import write_revenue

DEFINED = [
    "budget_total",
    "contingency",
    "marketing_spend",
    "revenue_total",
    "gross_profit_total",
    "roi_campaign",
    "roi_total",
    "roi_marketing",
    "deals",
    "cost_per_deal",
]


def _cover(book: Book, results: Results) -> None:
    c, w = results.model.campaign, TEXTS[book.lang]
    ws = book.wb.add_worksheet(book.names["cover"])
    setup_sheet(ws, c.name, results.fingerprint, [22, 60])
    ws.write_string(0, 0, w["finance_model"], book.fmt["title"])
    rows = [
        (w["campaign_name"], c.name),
        (w["region"], c.region or ""),
        (w["execution"], f"{c.start.isoformat()} – {c.end.isoformat()}"),
        (w["fingerprint"], results.fingerprint),
    ]
    for r, (k, v) in enumerate(rows, start=2):
        put_text(ws, r, 0, k, book.fmt["text"])
        put_text(ws, r, 1, v, book.fmt["text"])
    r = len(rows) + 3
    ws.write_string(r, 0, w["colour_guide"], book.fmt["section"])
    guide = [("in_text", w["guide_input"]), ("money", w["guide_formula"]), ("value_text", w["guide_values"])]
    for k, (fmt, text) in enumerate(guide, start=1):
        ws.write_string(r + k, 0, "1,234.56", book.fmt[fmt])
        ws.write_string(r + k, 1, text, book.fmt["text"])
    ws.write_string(r + len(guide) + 2, 0, "ROUND", book.fmt["section"])
    ws.write_string(r + len(guide) + 3, 0, w["round_note"], book.fmt["note"])


def _values_sheet(book: Book, results: Results, key: str, blocks: list[tuple[str, list[str], list[list]]]) -> None:
    """A sheet of computed values (not formulas), labelled with the fingerprint."""
    ws = book.wb.add_worksheet(book.names[key])
    setup_sheet(ws, results.model.campaign.name, results.fingerprint, [30, 14, 14, 14, 14, 14, 14, 14, 12, 12])
    label = TEXTS[book.lang]["computed_values"].format(fingerprint=results.fingerprint)
    ws.write_string(0, 0, label, book.fmt["note"])
    row = 2
    for title, head, rows in blocks:
        ws.write_string(row, 0, book.h(title), book.fmt["section"])
        for c, h in enumerate(head):
            ws.write_string(row + 1, c, book.h(h), book.fmt["head"])
        for r, values in enumerate(rows, start=row + 2):
            for c, (value, fmt) in enumerate(values):
                if isinstance(value, str) or value is None:
                    put_text(ws, r, c, value, book.fmt["value_text"])
                else:
                    ws.write_number(r, c, float(value), book.fmt[fmt])
        row += len(rows) + 4


def _scenarios(book: Book, results: Results) -> None:
    rows = [
        [
            (s.name, "t"),
            (s.label, "t"),
            (s.plan.budget.total, "value_money"),
            (s.plan.funnel.forward.deals, "value_count"),
            (s.plan.revenue.revenue["total"], "value_money"),
            (s.plan.revenue.gross_profit["total"], "value_money"),
            (s.plan.roi.total, "value_ratio"),
            (s.plan.roi.marketing, "value_ratio"),
            (s.plan.roi.cost_per_deal, "value_money"),
            ("✓" if s.recommended else "", "t"),
        ]
        for s in results.scenarios
    ]
    head = [
        "scenario",
        "label",
        "budget_total",
        "deals",
        "revenue_total",
        "gross_profit_total",
        "roi_total",
        "roi_marketing",
        "cost_per_deal",
        "recommended",
    ]
    _values_sheet(book, results, "scenarios", [("scenarios", head, rows)])


def _sensitivity(book: Book, results: Results) -> None:
    lang = book.lang
    tornado = [
        [
            (param_label(b.parameter, lang), "t"),
            (b.low, "value_pct"),
            (b.high, "value_pct"),
            (b.roi_low, "value_ratio"),
            (b.roi_high, "value_ratio"),
            (b.swing, "value_ratio"),
        ]
        for b in results.tornado
    ]
    stress = [
        [
            (s.case, "t"),
            (s.plan.roi.total, "value_ratio"),
            (s.plan.funnel.forward.deals, "value_count"),
            (s.plan.budget.total, "value_money"),
        ]
        for s in results.stress
    ]
    blocks = [
        ("tornado", ["parameter", "low", "high", "roi_low", "roi_high", "swing"], tornado),
        ("stress", ["case", "roi_total", "deals", "budget_total"], stress),
    ]
    mc = results.monte_carlo
    if mc is not None:
        blocks.append(
            (
                f"monte carlo · draws {mc.draws} · seed {mc.seed}",
                ["", "P10", "P50", "P90"],
                [
                    [
                        ("roi_total", "t"),
                        (mc.roi.p10, "value_ratio"),
                        (mc.roi.p50, "value_ratio"),
                        (mc.roi.p90, "value_ratio"),
                    ],
                    [
                        ("deals", "t"),
                        (mc.deals.p10, "value_count"),
                        (mc.deals.p50, "value_count"),
                        (mc.deals.p90, "value_count"),
                    ],
                    [
                        ("budget_total", "t"),
                        (mc.budget.p10, "value_money"),
                        (mc.budget.p50, "value_money"),
                        (mc.budget.p90, "value_money"),
                    ],
                ],
            )
        )
    _values_sheet(book, results, "sensitivity", blocks)


def write_budget_workbook(results: Results, path: Path, lang: str = "zh") -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    )
    book = Book(workbook, lang)
    _cover(book, results)
    write_assumptions(book, results)
    write_funnel(book, results)
    write_lines(book, results)
    write_categories(book, results)
    write_revenue(book, results)
    _scenarios(book, results)
    _sensitivity(book, results)
    for name in DEFINED:
        workbook.define_name(name, "=" + book.refs[name if name != "deals" else "deals"])
    workbook.set_properties(
        {"title": results.model.campaign.name[:250], "comments": f"fingerprint {results.fingerprint}"}
    )
    workbook.close()
