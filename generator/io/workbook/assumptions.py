"""The assumptions sheet: every input the figures depend on, styled as inputs."""

from __future__ import annotations

from ...labels import label
from ...results import Results
from ...schema import CAMPAIGN_KEYS, RATE_LABELS, RATES
from .book import Book, put_formula, put_text, setup_sheet

CAMPAIGN_NUMBERS = [
    ("pool_customers", "in_count"),
    ("touches_per_customer", "in_number"),
    ("target_deals", "in_count"),
    ("gross_margin", "in_pct"),
    ("contingency_rate", "in_pct"),
    ("roi_floor", "in_number"),
]


def _table(ws, book: Book, row: int, title: str, head: list[str]) -> int:
    ws.write_string(row, 0, book.h(title), book.fmt["section"])
    for c, h in enumerate(head):
        ws.write_string(row + 1, c, book.h(h), book.fmt["head"])
    return row + 2


def _num(ws, book: Book, row: int, col: int, value, fmt: str, key: object) -> None:
    """An input number (blank stays blank) and its ref under ``key``."""
    if value is None:
        ws.write_blank(row, col, None, book.fmt[fmt])
    else:
        ws.write_number(row, col, float(value), book.fmt[fmt])
    book.refs[key] = book.ref(book.names["assumptions"], row, col)


def _inputs(ws, book: Book, row: int, texts: list[str], obj, key: str, fields: list[tuple[str, str]]) -> None:
    """One row of input cells: its texts, then each numeric field named ``key.field`` for formulas."""
    for col, text in enumerate(texts):
        put_text(ws, row, col, text, book.fmt["in_text"])
    for col, (field, fmt) in enumerate(fields, start=len(texts)):
        _num(ws, book, row, col, getattr(obj, field), fmt, f"{key}.{field}")


def write_assumptions(book: Book, results: Results) -> None:
    model, lang = results.model, book.lang
    name = book.names["assumptions"]
    ws = book.wb.add_worksheet(name)
    setup_sheet(ws, model.campaign.name, results.fingerprint, [26, 18, 16, 14, 14, 14, 14, 14, 14, 14])
    ws.write_string(0, 0, f"{name} · {model.campaign.name}", book.fmt["title"])
    row = _table(ws, book, 2, "campaign", ["参数" if lang == "zh" else "Key", "key", "值" if lang == "zh" else "Value"])
    for key, fmt in CAMPAIGN_NUMBERS:
        if key == "pool_customers" and model.segments:
            continue
        value = getattr(model.campaign, key)
        if value is None:
            continue
        put_text(ws, row, 0, CAMPAIGN_KEYS[key].label if lang == "zh" else key, book.fmt["text"])
        put_text(ws, row, 1, key, book.fmt["note"])
        _num(ws, book, row, 2, value, fmt, f"campaign.{key}")
        row += 1
    put_text(ws, row, 0, "营销投入类别" if lang == "zh" else "marketing categories", book.fmt["text"])
    put_text(ws, row, 1, "marketing_categories", book.fmt["note"])
    put_text(
        ws,
        row,
        2,
        ", ".join(label("category", c, lang) for c in model.campaign.marketing_categories),
        book.fmt["in_text"],
    )
    row += 2

    row = _table(
        ws, book, row, "funnel", ["环节" if lang == "zh" else "Stage", "stage", "转化率" if lang == "zh" else "Rate"]
    )
    for rate in RATES:
        put_text(ws, row, 0, RATE_LABELS[rate] if lang == "zh" else rate, book.fmt["text"])
        put_text(ws, row, 1, rate, book.fmt["note"])
        _num(ws, book, row, 2, model.funnel.rate(rate), "in_pct", f"funnel.{rate}")
        row += 1
    row += 1

    if model.segments:
        row = _table(ws, book, row, "segments", ["segment", "customers", "touches", *RATES])
        for s in model.segments:
            put_text(ws, row, 0, s.name, book.fmt["in_text"])
            _num(ws, book, row, 1, s.customers, "in_count", f"segment.{s.name}.customers")
            for col, field, fallback in [
                (2, "touches", "campaign.touches_per_customer"),
                *[(3 + i, r, f"funnel.{r}") for i, r in enumerate(RATES)],
            ]:
                value = getattr(s, field)
                key = f"segment.{s.name}.{field}"
                fmt = "in_number" if field == "touches" else "in_pct"
                if value is not None:
                    _num(ws, book, row, col, value, fmt, key)
                else:  # a blank segment rate follows the funnel's (or the campaign's touches)
                    base = model.campaign.touches_per_customer if field == "touches" else model.funnel.rate(field)
                    put_formula(
                        ws,
                        row,
                        col,
                        f"={book.refs[fallback]}",
                        book.fmt["number" if field == "touches" else "pct"],
                        base,
                    )
                    book.refs[key] = book.ref(name, row, col)
            row += 1
        row += 1

    if model.channels:
        row = _table(ws, book, row, "channels", ["channel", "reachable", "sends", "unit_cost", "fixed_cost"])
        for ch in model.channels:
            fields = [
                ("reachable", "in_count"),
                ("sends", "in_number"),
                ("unit_cost", "in_money"),
                ("fixed_cost", "in_money"),
            ]
            _inputs(ws, book, row, [ch.name], ch, f"channel.{ch.name}", fields)
            row += 1
        row += 1

    row = _table(
        ws,
        book,
        row,
        "budget",
        ["item", "category", "driver", "segment", "quantity", "times", "unit_cost", "lump_sum", "memo"],
    )
    for b in model.budget:
        texts = [b.item, label("category", b.category, lang), b.driver, b.segment or ""]
        fields = [
            ("quantity", "in_number"),
            ("times", "in_number"),
            ("unit_cost", "in_money"),
            ("lump_sum", "in_money"),
        ]
        _inputs(ws, book, row, texts, b, f"budget.{b.item}", fields)
        put_text(ws, row, 8, book.names["yes" if b.memo else "no"], book.fmt["in_text"])
        row += 1
    row += 1

    row = _table(
        ws,
        book,
        row,
        "revenue",
        ["item", "horizon", "driver", "segment", "quantity", "unit_value", "discount", "lump_sum", "margin"],
    )
    for r in model.revenue:
        fields = [
            ("quantity", "in_number"),
            ("unit_value", "in_money"),
            ("discount", "in_pct"),
            ("lump_sum", "in_money"),
        ]
        _inputs(ws, book, row, [r.item, r.horizon, r.driver, r.segment or ""], r, f"revenue.{r.item}", fields)
        key = f"revenue.{r.item}.margin"
        if r.margin is not None:
            _num(ws, book, row, 8, r.margin, "in_pct", key)
        else:  # blank: the campaign's gross margin
            put_formula(
                ws, row, 8, f"={book.refs['campaign.gross_margin']}", book.fmt["pct"], model.campaign.gross_margin
            )
            book.refs[key] = book.ref(name, row, 8)
        row += 1
    row += 1

    if model.tiers:
        row = _table(ws, book, row, "tiers", ["item", "metric", "from", "unit_cost", "lump_sum"])
        for item in dict.fromkeys(t.item for t in model.tiers):
            band = sorted((t for t in model.tiers if t.item == item), key=lambda t: t.start)
            first = row
            for t in band:
                put_text(ws, row, 0, t.item, book.fmt["in_text"])
                put_text(ws, row, 1, t.metric, book.fmt["in_text"])
                _num(ws, book, row, 2, t.start, "in_number", ("tier", item, "from", row))
                _num(ws, book, row, 3, t.unit_cost, "in_money", ("tier", item, "unit", row))
                _num(ws, book, row, 4, t.lump_sum, "in_money", ("tier", item, "lump", row))
                row += 1
            book.refs[("tiers", item)] = tuple(f"'{name}'!${col}${first + 1}:${col}${row}" for col in "CDE")
    ws.freeze_panes(0, 1)
