"""The assumptions sheet: every input the figures depend on, styled as inputs."""

from __future__ import annotations

from ...i18n.labels import label
from ...results import Results
from ...schema import RATES
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


def _campaign(ws, book: Book, model, row: int) -> int:
    lang = book.lang
    row = _table(ws, book, row, "campaign", ["parameter", "key", "value"])
    for key, fmt in CAMPAIGN_NUMBERS:
        value = getattr(model.campaign, key)
        if value is None or (key == "pool_customers" and model.segments):
            continue
        put_text(ws, row, 0, label("campaign", key, lang), book.fmt["text"])
        put_text(ws, row, 1, key, book.fmt["note"])
        _num(ws, book, row, 2, value, fmt, f"campaign.{key}")
        row += 1
    put_text(ws, row, 0, book.h("marketing categories"), book.fmt["text"])
    put_text(ws, row, 1, "marketing_categories", book.fmt["note"])
    names = ", ".join(label("category", c, lang) for c in model.campaign.marketing_categories)
    put_text(ws, row, 2, names, book.fmt["in_text"])
    return row + 2


def _funnel(ws, book: Book, model, row: int) -> int:
    row = _table(ws, book, row, "funnel", ["stage", "key", "rate"])
    for rate in RATES:
        put_text(ws, row, 0, label("rate", rate, book.lang), book.fmt["text"])
        put_text(ws, row, 1, rate, book.fmt["note"])
        _num(ws, book, row, 2, model.funnel.rate(rate), "in_pct", f"funnel.{rate}")
        row += 1
    return row + 1


def _segment_cell(ws, book: Book, model, s, row: int, col: int, field: str) -> None:
    """A segment's touches or rate: its own input, or a formula following the campaign's."""
    value, key = getattr(s, field), f"segment.{s.name}.{field}"
    touches = field == "touches"
    if value is not None:
        _num(ws, book, row, col, value, "in_number" if touches else "in_pct", key)
        return
    fallback = "campaign.touches_per_customer" if touches else f"funnel.{field}"
    base = model.campaign.touches_per_customer if touches else model.funnel.rate(field)
    put_formula(ws, row, col, f"={book.refs[fallback]}", book.fmt["number" if touches else "pct"], base)
    book.refs[key] = book.ref(book.names["assumptions"], row, col)


def _segments(ws, book: Book, model, row: int) -> int:
    if not model.segments:
        return row
    row = _table(ws, book, row, "segments", ["segment", "customers", "touches", *RATES])
    for s in model.segments:
        put_text(ws, row, 0, s.name, book.fmt["in_text"])
        _num(ws, book, row, 1, s.customers, "in_count", f"segment.{s.name}.customers")
        for col, field in enumerate(("touches", *RATES), start=2):
            _segment_cell(ws, book, model, s, row, col, field)
        row += 1
    return row + 1


def _channels(ws, book: Book, model, row: int) -> int:
    if not model.channels:
        return row
    row = _table(ws, book, row, "channels", ["channel", "reachable", "sends", "unit_cost", "fixed_cost"])
    fields = [("reachable", "in_count"), ("sends", "in_number"), ("unit_cost", "in_money"), ("fixed_cost", "in_money")]
    for ch in model.channels:
        _inputs(ws, book, row, [ch.name], ch, f"channel.{ch.name}", fields)
        row += 1
    return row + 1


def _budget(ws, book: Book, model, row: int) -> int:
    head = ["item", "category", "driver", "segment", "quantity", "times", "unit_cost", "lump_sum", "memo"]
    row = _table(ws, book, row, "budget", head)
    fields = [("quantity", "in_number"), ("times", "in_number"), ("unit_cost", "in_money"), ("lump_sum", "in_money")]
    for b in model.budget:
        texts = [
            b.item,
            label("category", b.category, book.lang),
            label("driver", b.driver, book.lang),
            b.segment or "",
        ]
        _inputs(ws, book, row, texts, b, f"budget.{b.item}", fields)
        put_text(ws, row, 8, book.names["yes" if b.memo else "no"], book.fmt["in_text"])
        row += 1
    return row + 1


def _revenue(ws, book: Book, model, row: int) -> int:
    head = ["item", "horizon", "driver", "segment", "quantity", "unit_value", "discount", "lump_sum", "margin"]
    row = _table(ws, book, row, "revenue", head)
    fields = [("quantity", "in_number"), ("unit_value", "in_money"), ("discount", "in_pct"), ("lump_sum", "in_money")]
    for r in model.revenue:
        _inputs(
            ws,
            book,
            row,
            [r.item, label("horizon", r.horizon, book.lang), label("driver", r.driver, book.lang), r.segment or ""],
            r,
            f"revenue.{r.item}",
            fields,
        )
        key = f"revenue.{r.item}.margin"
        if r.margin is not None:
            _num(ws, book, row, 8, r.margin, "in_pct", key)
        else:  # blank: the campaign's gross margin
            margin = f"={book.refs['campaign.gross_margin']}"
            put_formula(ws, row, 8, margin, book.fmt["pct"], model.campaign.gross_margin)
            book.refs[key] = book.ref(book.names["assumptions"], row, 8)
        row += 1
    return row + 1


def _tiers(ws, book: Book, model, row: int) -> int:
    if not model.tiers:
        return row
    name = book.names["assumptions"]
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
    return row


def write_assumptions(book: Book, results: Results) -> None:
    model = results.model
    name = book.names["assumptions"]
    ws = book.wb.add_worksheet(name)
    setup_sheet(ws, model.campaign.name, results.fingerprint, [26, 18, 16, 14, 14, 14, 14, 14, 14, 14])
    ws.write_string(0, 0, f"{name} · {model.campaign.name}", book.fmt["title"])
    row = 2
    for table in (_campaign, _funnel, _segments, _channels, _budget, _revenue, _tiers):
        row = table(ws, book, model, row)
    ws.freeze_panes(0, 1)
