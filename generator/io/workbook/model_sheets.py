"""Funnel, budget lines, categories, revenue and ROI: formulas with cached values."""

from __future__ import annotations

from ...i18n.labels import label
from ...phrases import basis_text
from ...results import Results
from ...schema import ALL_CATEGORIES, CATEGORIES, RATES, STAGES
from .book import NUDGE, Book, put_formula, put_text, setup_sheet


def _chain(ws, book: Book, col: int, pool: str, rate: dict[str, str], touches: str, values, scope) -> None:
    """A forward funnel down one column: the pool, then each stage from the one before at its rate."""
    for i, stage in enumerate(STAGES):
        if i == 0:
            formula = f"={pool}"
        elif i == 1:
            formula = f"=ROUND(({book.local(1, col)}*{rate['reach']}*{touches})*{NUDGE},0)"
        else:
            formula = f"=ROUND(({book.local(i, col)}*{rate[RATES[i - 1]]})*{NUDGE},0)"
        put_formula(ws, i + 1, col, formula, book.fmt["count"], values.get(stage))
        book.refs[("count", scope, stage)] = book.ref(book.names["funnel"], i + 1, col)


def _segment_column(ws, book: Book, results: Results, j: int, seg: str) -> None:
    a, p = book.refs, f"segment.{seg}."
    rate = {r: a[p + r] for r in RATES}
    _chain(ws, book, j, a[p + "customers"], rate, a[p + "touches"], results.plan.funnel.counts(seg), seg)


def _forward_column(ws, book: Book, results: Results, segs: list[str], col: int) -> None:
    """The campaign's forward funnel: the segments' sum, or the pool through the funnel's rates."""
    a, forward = book.refs, results.plan.funnel.forward
    if not segs:
        rate = {r: a[f"funnel.{r}"] for r in RATES}
        pool, touches = a["campaign.pool_customers"], a["campaign.touches_per_customer"]
        _chain(ws, book, col, pool, rate, touches, forward, None)
        return
    for i, stage in enumerate(STAGES):
        formula = f"=SUM({book.local(i + 1, 1)}:{book.local(i + 1, len(segs))})"
        put_formula(ws, i + 1, col, formula, book.fmt["count"], forward.get(stage))
        a[("count", None, stage)] = book.ref(book.names["funnel"], i + 1, col)


def _required_column(ws, book: Book, results: Results, segs: list[str], col: int) -> None:
    """The reverse funnel: from the target deals back to the customers it needs."""
    a, req, fwd = book.refs, results.plan.funnel.required, col - 1
    for i in reversed(range(len(STAGES))):
        stage, nxt = STAGES[i], book.local(i + 2, col)
        if i == len(STAGES) - 1:
            formula = f"={a['campaign.target_deals']}"
        elif segs:  # the forward funnel's aggregate stage ratios
            formula = f"=ROUND(({nxt}*{book.local(i + 1, fwd)}/{book.local(i + 2, fwd)})*{NUDGE},0)"
        elif i == 0:
            formula = f"=ROUND(({nxt}/({a['funnel.reach']}*{a['campaign.touches_per_customer']}))*{NUDGE},0)"
        else:
            formula = f"=ROUND(({nxt}/{a[f'funnel.{RATES[i]}']})*{NUDGE},0)"
        put_formula(ws, i + 1, col, formula, book.fmt["count"], req.get(stage) if req else "")


def write_funnel(book: Book, results: Results) -> None:
    model, f = results.model, results.plan.funnel
    ws = book.wb.add_worksheet(book.names["funnel"])
    segs = [s.name for s in model.segments]
    setup_sheet(ws, model.campaign.name, results.fingerprint, [16] + [14] * (len(segs) + 3), header_rows=1)
    head = [book.h("stage"), *segs, book.h("forward" if not segs else "total"), book.h("required")]
    for c, h in enumerate(head):  # segment names are the input's own text
        ws.write_string(0, c, h, book.fmt["head"])
    fwd_col, req_col = len(segs) + 1, len(segs) + 2
    for i, stage in enumerate(STAGES):
        put_text(ws, i + 1, 0, label("stage", stage, book.lang), book.fmt["text"])
    for j, seg in enumerate(segs, start=1):
        _segment_column(ws, book, results, j, seg)
    _forward_column(ws, book, results, segs, fwd_col)
    _required_column(ws, book, results, segs, req_col)
    row = len(STAGES) + 2
    yes, no = book.names["yes"], book.names["no"]
    need, have = book.local(1, req_col), book.local(1, fwd_col)
    put_text(ws, row, 0, book.h("feasible"), book.fmt["text"])
    put_formula(ws, row, req_col, f'=IF({need}<={have},"{yes}","{no}")', book.fmt["text"], yes if f.feasible else no)
    put_text(ws, row + 1, 0, book.h("required / pool"), book.fmt["text"])
    put_formula(ws, row + 1, req_col, f"={need}/{have}", book.fmt["pct"], f.pool_ratio)


def _tier_cells(book: Book, results: Results, item: str, segment: str | None) -> tuple[str, str, str]:
    """The metric formula and the LOOKUPs of unit cost and lump sum for a tiered line."""
    metric = next(t.metric for t in results.model.tiers if t.item == item)
    a = book.refs
    from ...calc.tiers import RATE_METRICS

    if metric in RATE_METRICS:
        num, den = (a[("count", segment, s)] for s in RATE_METRICS[metric])
        metric_formula = f"=IF({den}=0,0,{num}/{den})"
    else:
        metric_formula = f"={a[('count', segment, metric)]}"
    frm, unit, lump = a[("tiers", item)]
    return metric_formula, f"LOOKUP(M{{row}},{frm},{unit})", f"LOOKUP(M{{row}},{frm},{lump})"


LINE_HEAD = [
    "category",
    "item",
    "driver",
    "segment",
    "quantity",
    "times",
    "unit_cost",
    "lump / fixed",
    "amount",
    "basis",
    "memo",
    "variable",
    "tier metric",
]
LINE_AMOUNT = "=ROUND((E{x}*F{x}*G{x}+H{x})*" + NUDGE + ",2)"


def _line_cells(ws, book: Book, results: Results, line, r: int) -> tuple[list[tuple], str]:
    """The quantity, times, unit cost and lump cells of one line, and its amount formula."""
    a, b, x = book.refs, line.basis, r + 1
    key = f"{'channel' if line.source == 'channel' else 'budget'}.{line.item}."
    if line.source == "channel":
        fields = ((4, "reachable", b.quantity), (5, "sends", b.times), (6, "unit_cost", b.unit_cost))
        cells = [(col, f"={a[key + field]}", value) for col, field, value in fields]
        return [*cells, (7, f"={a[key + 'fixed_cost']}", b.extra)], LINE_AMOUNT.format(x=x)
    if line.driver == "lump":
        return [(7, f"={a[key + 'lump_sum']}", b.unit_cost)], f"=ROUND((H{x})*{NUDGE},2)"
    qty = f"={a[('count', line.segment, line.driver)]}" if line.driver in STAGES else f"={a[key + 'quantity']}"
    cells = [(4, qty, b.quantity), (5, f"={a[key + 'times']}", b.times)]
    if b.band is None:
        return [*cells, (6, f"={a[key + 'unit_cost']}", b.unit_cost), (7, "=0", 0)], LINE_AMOUNT.format(x=x)
    metric, unit, lump = _tier_cells(book, results, line.item, line.segment)
    put_formula(ws, r, 12, metric, book.fmt["number"], b.band.value)
    cells += [(6, "=" + unit.format(row=x), b.band.unit_cost), (7, "=" + lump.format(row=x), b.band.lump_sum)]
    return cells, LINE_AMOUNT.format(x=x)


def write_lines(book: Book, results: Results) -> None:
    model, budget = results.model, results.plan.budget
    name = book.names["lines"]
    ws = book.wb.add_worksheet(name)
    widths = [12, 22, 10, 12, 12, 8, 10, 12, 14, 36, 8, 8, 10]
    setup_sheet(ws, model.campaign.name, results.fingerprint, widths, header_rows=1)
    for c, h in enumerate(LINE_HEAD):
        ws.write_string(0, c, book.h(h), book.fmt["head"])
    yes, no = book.names["yes"], book.names["no"]
    for r, line in enumerate(budget.lines, start=1):
        texts = [
            label("category", line.category, book.lang),
            line.item,
            label("driver", line.driver, book.lang),
            line.segment or "",
        ]
        for col, text in enumerate(texts):
            put_text(ws, r, col, text, book.fmt["text"])
        cells, amount = _line_cells(ws, book, results, line, r)
        for col, formula, value in cells:
            put_formula(ws, r, col, formula, book.fmt["money" if col >= 6 else "number"], value)
        put_formula(ws, r, 8, amount, book.fmt["money"], line.amount)
        put_text(ws, r, 9, basis_text(line.basis, book.lang), book.fmt["text"])
        put_text(ws, r, 10, yes if line.memo else no, book.fmt["text"])
        put_text(ws, r, 11, yes if line.driver in STAGES else no, book.fmt["text"])
        book.refs[("line", line.item)] = book.ref(name, r, 8)
    last = len(budget.lines) + 1
    for key, c in (("category", "A"), ("amount", "I"), ("memo", "K"), ("variable", "L")):
        book.refs[f"lines.{key}"] = f"'{name}'!${c}$2:${c}${last}"


def _category_rows(ws, book: Book, results: Results) -> int:
    """The six categories, their total, the contingency and the budget total; returns the total's row."""
    budget, a, name = results.plan.budget, book.refs, book.names["categories"]
    no = book.names["no"]
    for i, cat in enumerate(CATEGORIES, start=1):
        put_text(ws, i, 0, label("category", cat, book.lang), book.fmt["text"])
        formula = f'=SUMIFS({a["lines.amount"]},{a["lines.category"]},A{i + 1},{a["lines.memo"]},"{no}")'
        put_formula(ws, i, 1, formula, book.fmt["money"], budget.categories[cat])
        a[("category", cat)] = book.ref(name, i, 1)
    six_row = len(CATEGORIES) + 1
    put_text(ws, six_row, 0, book.h("six categories"), book.fmt["text"])
    put_formula(ws, six_row, 1, f"=SUM(B2:B{six_row})", book.fmt["money_bold"], budget.six_total)
    cont = six_row + 1
    put_text(ws, cont, 0, label("category", "contingency", book.lang), book.fmt["text"])
    formula = f"=ROUND(({a['campaign.contingency_rate']}*B{six_row + 1})*{NUDGE},2)"
    put_formula(ws, cont, 1, formula, book.fmt["money"], budget.contingency)
    total_row = cont + 1
    put_text(ws, total_row, 0, book.h("budget_total"), book.fmt["text"])
    put_formula(ws, total_row, 1, f"=B{six_row + 1}+B{cont + 1}", book.fmt["money_bold"], budget.total)
    a[("category", "contingency")] = a["contingency"] = book.ref(name, cont, 1)
    a["budget_total"] = book.ref(name, total_row, 1)
    a["six_total"] = book.ref(name, six_row, 1)
    for i, cat in enumerate(ALL_CATEGORIES):
        row = i + 1 if cat != "contingency" else cont
        share = f"=IF($B${total_row + 1}=0,0,B{row + 1}/$B${total_row + 1})"
        put_formula(ws, row, 2, share, book.fmt["pct"], budget.share(cat) or 0)
    return total_row


def write_categories(book: Book, results: Results) -> None:
    model, budget = results.model, results.plan.budget
    name = book.names["categories"]
    ws = book.wb.add_worksheet(name)
    setup_sheet(ws, model.campaign.name, results.fingerprint, [20, 16, 10], header_rows=1)
    for c, h in enumerate(["category", "amount", "share"]):
        ws.write_string(0, c, book.h(h), book.fmt["head"])
    extra = _category_rows(ws, book, results) + 2
    a, yes, no = book.refs, book.names["yes"], book.names["no"]
    marketing = "+".join(a[("category", c)] for c in model.campaign.marketing_categories)
    variable = f'=SUMIFS({a["lines.amount"]},{a["lines.variable"]},"{yes}",{a["lines.memo"]},"{no}")'
    rows = [
        ("marketing_spend", f"={marketing}", budget.marketing_spend),
        ("memo_total", f'=SUMIFS({a["lines.amount"]},{a["lines.memo"]},"{yes}")', budget.memo_total),
        ("variable", variable, budget.variable),
    ]
    for k, (key, formula, value) in enumerate(rows):
        put_text(ws, extra + k, 0, book.h(key), book.fmt["text"])
        put_formula(ws, extra + k, 1, formula, book.fmt["money"], value)
        a[key] = book.ref(name, extra + k, 1)
